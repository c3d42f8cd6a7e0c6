"""Measure false alarms on the reference corpus of clean, edited government documents.

Usage: python scripts/corpus_check.py [--corpus ../shared/corpus] [--categories structure,numbering] [--show]

Reads ``MANIFEST.tsv`` and the ``clean/`` files next to it (nothing is copied into this repository),
cuts the Wikisource licence footer whose offset the manifest gives, checks each document with the
default rules and prints the errors and warnings per 10,000 characters.  With ``--show`` every
error and warning is listed so each one can be judged.  Exits 3 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Profile, Settings
from summarylint.diagnostics import Severity
from summarylint.reporters.common import locate

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_FOOTER = re.compile(r"(?:footer(?:/notes)?|footer) starts? at char (\d+)")
#: Page-split findings are not counted on Wikisource scrapes, whose hyperlinks really split sentences.
WIKISOURCE_EXEMPT = {"GA001"}


def load_clean(corpus: Path) -> list[tuple[str, str, bool]]:
    """(name, text, from_wikisource) for every clean document, footer removed."""
    documents = []
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["kind"] != "clean":
                continue
            text = (corpus / row["file"]).read_text(encoding="utf-8")
            match = _FOOTER.search(row["note"])
            if match:
                text = text[: int(match.group(1))]
            documents.append((row["file"], text, "wikisource" in row["note"].lower()))
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--categories", default="", help="only count these categories (comma separated)")
    parser.add_argument("--show", action="store_true", help="list every error and warning")
    parser.add_argument("--profile", choices=[p.value for p in Profile], help="rule profile (default: summary)")
    args = parser.parse_args()
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"corpus not found at {args.corpus}; nothing measured", file=sys.stderr)
        return 3
    categories = [c for c in args.categories.split(",") if c]
    # the default rules of the profile run; --categories only narrows what is counted
    policy = make_policy(Config(Settings(profile=Profile(args.profile) if args.profile else None)))
    total_chars = 0
    counted: Counter[str] = Counter()
    for name, text, wikisource in load_clean(args.corpus):
        result = check_bytes(name, text.encode("utf-8"), policy)
        total_chars += len(text)
        for d in result.diagnostics:
            if d.severity is Severity.INFO or (wikisource and d.code in WIKISOURCE_EXEMPT):
                continue
            if categories and policy.registry.get(d.code).meta.category.value not in categories:  # type: ignore[union-attr]
                continue
            counted[d.code] += 1
            if args.show:
                at = locate(result, d.span)
                line = result.document.lines.line_text(at.line) if result.document else ""
                print(f"{name}:{at.line}:{at.column}: {d.code} [{d.severity.value}] {d.message}\n    {line[:80]}")
    alarms = sum(counted.values())
    rate = alarms / total_chars * 10_000
    print(f"clean corpus: {total_chars} characters, {alarms} errors+warnings, {rate:.2f} per 10,000 characters")
    for code, count in sorted(counted.items()):
        print(f"  {code}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
