"""Score summarylint against hand-annotated documents: recall per category, misses and unmatched findings.

Usage:
    python scripts/score_gold.py                          # the development set ../shared/corpus/rough-gold
    python scripts/score_gold.py --gold-dir tests/blind   # NNN.gold.jsonl beside NNN.txt/.md/.docx
    python scripts/score_gold.py --misses                 # list every gold entry nothing found
    python scripts/score_gold.py --unmatched              # errors and warnings that match no gold entry
    python scripts/score_gold.py --rule PH001             # every finding of one rule, with its line

Each ``NNN.gold.jsonl`` holds one JSON object per line: ``line`` (1-based), ``text`` (the exact characters
of the defect on that line), ``category``, ``confidence`` (``certain``/``likely``), ``note`` and sometimes
``fix``.  The document is looked up beside the gold file, then in ``--docs-dir``.

An entry is found when a diagnostic of a compatible category (``COMPATIBLE`` below) lies on the entry's
line and its columns overlap an occurrence of ``text`` on that line (any occurrence, when it occurs more
than once).  For ``broken-paragraph`` entries a diagnostic on the continuation line (the entry's line) or
on the last non-blank line before it counts wherever it stands on the line; for ``duplicate`` entries a diagnostic
whose other copy (its related place) covers the entry counts too, an annotator marking either copy.  Each diagnostic
finds at most one entry: the nearest one not yet found.  All severities count for recall: the default rule set is
checked exactly as a user gets it.

The last lines of the default output are the summary table (recall per category, certain and all).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from summarylint.api import check_path, make_policy
from summarylint.diagnostics import Diagnostic, Severity
from summarylint.linter import FileResult

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_GOLD = SHARED_CORPUS / "rough-gold"
DEFAULT_DOCS = SHARED_CORPUS / "rough"
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")

#: Gold category → the diagnostic categories that find it (the development set's scoring convention).
COMPATIBLE: dict[str, frozenset[str]] = {
    "structure": frozenset({"structure", "numbering"}),
    "placeholder": frozenset({"placeholder", "missing-figure"}),
    "missing-figure": frozenset({"missing-figure", "placeholder"}),
    "broken-paragraph": frozenset({"broken-paragraph"}),
    "garbled": frozenset({"garbled", "boilerplate"}),
    "boilerplate": frozenset({"boilerplate"}),
    "duplicate": frozenset({"duplicate"}),
    "punctuation": frozenset({"punctuation", "number-usage"}),
    "number-usage": frozenset({"number-usage", "punctuation"}),
    "typo": frozenset({"typo"}),
}
#: Gold category → rules of other categories that find it too: rules that moved to another family after
#: the annotations were written (doubled characters and words, annotated as duplicate, are WD012/WD013 of
#: the typo family; see summarylint.rules.REDIRECTS).  Page furniture (a page number, a running header or
#: footer repeated on every page) is filed by some annotators under boilerplate, by some under garbled (text left
#: by a conversion) and by others under broken-paragraph, the category of GA003 and GA004: any of these annotations
#: is found by those rules.  A final mark after a heading standing alone is a matter of punctuation to some annotators
#: and of headings to others (ST005, structure).
MOVED_RULES: dict[str, frozenset[str]] = {
    "duplicate": frozenset({"WD012", "WD013"}),
    "punctuation": frozenset({"ST005"}),
    "boilerplate": frozenset({"GA003", "GA004"}),
    "garbled": frozenset({"GA003", "GA004"}),
}
#: Order of the summary table.
CATEGORY_ORDER = tuple(COMPATIBLE)
#: Left out of the headline figure: the typo family is measured on its own.
HEADLINE_EXCLUDES = frozenset({"typo"})


@dataclass
class Entry:
    doc: str
    line: int
    text: str
    category: str
    confidence: str
    note: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # 1-based columns, end exclusive
    anchor_lines: tuple[int, ...] = ()  # lines where a broken-paragraph finding may stand
    found_by: Diagnostic | None = None

    @property
    def certain(self) -> bool:
        return self.confidence == "certain"


@dataclass
class Placed:
    """A diagnostic with its 1-based line/column range."""

    diagnostic: Diagnostic
    line: int
    column: int
    end_line: int
    end_column: int
    entries: list[Entry] = field(default_factory=list)  # compatible entries it covers

    def columns_on(self, line: int) -> tuple[int, int] | None:
        return _columns_on(line, self.line, self.column, self.end_line, self.end_column)


def _columns_on(line: int, first: int, column: int, last: int, end_column: int) -> tuple[int, int] | None:
    """The columns on ``line`` of a range from ``first``:``column`` to ``last``:``end_column`` (None: not on it)."""
    if not first <= line <= last:
        return None
    return (column if line == first else 1), (end_column if line == last else 1 << 30)


@dataclass
class Scored:
    name: str
    result: FileResult
    entries: list[Entry]
    placed: list[Placed]


def _occurrences(line_text: str, text: str) -> list[tuple[int, int]]:
    spans, start = [], line_text.find(text)
    while text and start >= 0:
        spans.append((start + 1, start + 1 + len(text)))
        start = line_text.find(text, start + 1)
    return spans


def _overlaps(diag: tuple[int, int], entry: tuple[int, int]) -> bool:
    d0, d1 = diag
    e0, e1 = entry
    if d0 == d1:  # an insertion point: it covers the entry when it touches it
        return e0 <= d0 <= e1
    return d0 < e1 and e0 < d1


def _distance(diag: tuple[int, int], entry: tuple[int, int]) -> int:
    return abs(diag[0] - entry[0]) + abs(diag[1] - entry[1])


def find_document(name: str, gold_dir: Path, docs_dir: Path) -> Path | None:
    for folder in (gold_dir, docs_dir):
        for suffix in DOCUMENT_SUFFIXES:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def load_entries(gold: Path, name: str) -> list[Entry]:
    entries = []
    for number, raw in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            entries.append(
                Entry(
                    name,
                    int(record["line"]),
                    str(record["text"]),
                    str(record["category"]),
                    str(record.get("confidence", "certain")),
                    str(record.get("note", "")),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(f"{gold}:{number}: 无法读取标注：{exc}") from None
    return entries


def place(result: FileResult, entries: list[Entry]) -> list[Placed]:
    """Locate entries and diagnostics in the document and match them."""
    assert result.document is not None
    lines = result.document.lines
    for entry in entries:
        if entry.category not in COMPATIBLE:
            print(f"warning: {entry.doc}:{entry.line}: unknown category {entry.category!r}", file=sys.stderr)
        if not 1 <= entry.line <= lines.line_count:
            print(f"warning: {entry.doc}:{entry.line}: line out of range", file=sys.stderr)
            continue
        entry.spans = _occurrences(lines.line_text(entry.line), entry.text)
        if not entry.spans:
            print(f"warning: {entry.doc}:{entry.line}: text {entry.text!r} not on its line", file=sys.stderr)
        if entry.category == "broken-paragraph":
            previous = entry.line - 1
            while previous > 1 and not lines.line_text(previous).strip():
                previous -= 1
            entry.anchor_lines = (entry.line, previous) if previous >= 1 else (entry.line,)
    placed = []
    for diagnostic in result.diagnostics:
        start, end = lines.position(diagnostic.span.start), lines.position(diagnostic.span.end)
        placed.append(Placed(diagnostic, start.line, start.column, end.line, end.column))
    for item in placed:
        category = item.diagnostic.category.value
        candidates: list[tuple[int, Entry]] = []
        for entry in entries:
            if category not in COMPATIBLE.get(entry.category, frozenset()) and item.diagnostic.code not in (
                MOVED_RULES.get(entry.category, frozenset())
            ):
                continue
            if entry.category == "broken-paragraph":
                if any(item.line <= line <= item.end_line for line in entry.anchor_lines):
                    candidates.append((0, entry))
                continue
            columns = item.columns_on(entry.line)
            if columns is None and entry.category == "duplicate":
                columns = _other_copy_on(item, entry.line)
            if columns is None:
                continue
            hits = [_distance(columns, span) for span in entry.spans if _overlaps(columns, span)]
            if hits:
                candidates.append((min(hits), entry))
        candidates.sort(key=lambda pair: pair[0])
        item.entries = [entry for _, entry in candidates]
    _match(placed)
    return placed


def _other_copy_on(item: Placed, line: int) -> tuple[int, int] | None:
    """The columns on ``line`` of the other copy a duplicate finding names in the same document (its related place):
    a pasted paragraph is one defect in two places, and an annotator may mark either copy."""
    for other in item.diagnostic.related:
        columns = _columns_on(line, other.line, other.column, other.end_line, other.end_column)
        if other.path is None and columns is not None:
            return columns
    return None


def _match(placed: list[Placed]) -> None:
    """Give each entry at most one finding and each finding at most one entry, as many entries as can be found
    (a maximum matching: a finding that fits two entries, 其中: and the total before it, leaves the one another
    finding cannot take), each finding trying its nearest entries first."""
    owner: dict[int, Placed] = {}

    def augment(item: Placed, seen: set[int]) -> bool:
        for entry in item.entries:
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            holder = owner.get(id(entry))
            if holder is None or augment(holder, seen):
                owner[id(entry)] = item
                return True
        return False

    for item in placed:
        augment(item, set())
    for item in placed:
        for entry in item.entries:
            if owner.get(id(entry)) is item:
                entry.found_by = item.diagnostic


def score(gold_dir: Path, docs_dir: Path) -> list[Scored]:
    policy = make_policy()
    scored = []
    for gold in sorted(gold_dir.glob("*.gold.jsonl")):
        name = gold.name.removesuffix(".gold.jsonl")
        path = find_document(name, gold_dir, docs_dir)
        if path is None:
            print(f"warning: no document for {gold.name} in {gold_dir} or {docs_dir}", file=sys.stderr)
            continue
        result = check_path(path, policy, display=path.name)
        if result.document is None:
            print(f"warning: {path.name}: {result.error}", file=sys.stderr)
            continue
        entries = load_entries(gold, path.name)
        scored.append(Scored(path.name, result, entries, place(result, entries)))
    return scored


def _ratio(found: int, total: int) -> str:
    if not total:
        return f"{'-':>13}"
    return f"{found:>4}/{total:<4} {found / total:>4.0%}"


def summary(scored: list[Scored]) -> list[str]:
    entries = [entry for doc in scored for entry in doc.entries]
    categories = [c for c in CATEGORY_ORDER if any(e.category == c for e in entries)]
    categories += sorted({e.category for e in entries} - set(categories))
    rows = [f"{'category':<18} {'certain':>13}   {'all':>13}"]

    def counts(selected: Iterable[Entry]) -> tuple[int, int, int, int]:
        chosen = list(selected)
        certain = [e for e in chosen if e.certain]
        return (
            sum(e.found_by is not None for e in certain),
            len(certain),
            sum(e.found_by is not None for e in chosen),
            len(chosen),
        )

    for category in categories:
        fc, tc, fa, ta = counts(e for e in entries if e.category == category)
        rows.append(f"{category:<18} {_ratio(fc, tc)}   {_ratio(fa, ta)}")
    fc, tc, fa, ta = counts(e for e in entries if e.category not in HEADLINE_EXCLUDES)
    rows.append(f"{'all but typo':<18} {_ratio(fc, tc)}   {_ratio(fa, ta)}")
    headline = f"{fc}/{tc} = {fc / tc:.1%}" if tc else "-"
    _, _, fa, ta = counts(entries)
    rows.append(f"{'all':<18} {_ratio(*counts(entries)[:2])}   {_ratio(fa, ta)}")
    findings = sum(len(doc.result.diagnostics) for doc in scored)
    rows.insert(0, f"gold: {len(scored)} documents, {len(entries)} entries, {findings} findings")
    rows.append(f"recall of certain entries outside typo: {headline}")
    return rows


def _context(doc: Scored, line: int) -> str:
    assert doc.result.document is not None
    text = doc.result.document.lines.line_text(line).strip()
    return text if len(text) <= 90 else text[:87] + "…"


def print_misses(scored: list[Scored], certain_only: bool) -> None:
    print("# missed gold entries")
    for doc in scored:
        for entry in doc.entries:
            if entry.found_by is not None or (certain_only and not entry.certain):
                continue
            near = [
                f"{p.diagnostic.code}({p.diagnostic.category.value})"
                for p in doc.placed
                if p.line <= entry.line <= p.end_line
            ]
            extra = f"  [on this line: {', '.join(near)}]" if near else ""
            print(
                f"{doc.name}:{entry.line}: {entry.category} ({entry.confidence}) {entry.text!r} — {entry.note}{extra}"
            )
    print()


def print_unmatched(scored: list[Scored]) -> None:
    print("# errors and warnings that match no gold entry")
    for doc in scored:
        for item in doc.placed:
            d = item.diagnostic
            if item.entries or d.severity is Severity.INFO:
                continue
            others = [
                e.category
                for e in doc.entries
                if e.line == item.line
                and (columns := item.columns_on(e.line)) is not None
                and any(_overlaps(columns, span) for span in e.spans)
            ]
            extra = f"  [gold here: {', '.join(others)}]" if others else ""
            print(f"{doc.name}:{item.line}:{item.column}: {d.code} [{d.severity.value}] {d.message}{extra}")
            print(f"    {_context(doc, item.line)}")
    print()


def print_rule(scored: list[Scored], code: str) -> None:
    print(f"# findings of {code}")
    count = matched = 0
    for doc in scored:
        for item in doc.placed:
            d = item.diagnostic
            if d.code.upper() != code.upper():
                continue
            count += 1
            matched += bool(item.entries)
            mark = f"gold {item.entries[0].category}" if item.entries else "no gold entry"
            print(f"{doc.name}:{item.line}:{item.column}: [{d.severity.value}] {d.message}  ({mark})")
            print(f"    {_context(doc, item.line)}")
    print(f"{code}: {count} findings, {matched} on a gold entry\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=DEFAULT_GOLD, help="folder of NNN.gold.jsonl files")
    parser.add_argument("--docs-dir", type=Path, default=DEFAULT_DOCS, help="where the documents are, if not beside")
    parser.add_argument("--misses", action="store_true", help="list the gold entries nothing found")
    parser.add_argument("--certain", action="store_true", help="with --misses: only certain entries")
    parser.add_argument("--unmatched", action="store_true", help="list errors and warnings matching no entry")
    parser.add_argument("--rule", metavar="CODE", help="list every finding of one rule with its line")
    args = parser.parse_args(argv)
    if not args.gold_dir.is_dir():
        print(f"no gold annotations at {args.gold_dir}; nothing measured")
        return 0
    scored = score(args.gold_dir, args.docs_dir)
    if not scored:
        print(f"no annotated documents found in {args.gold_dir}; nothing measured")
        return 0
    if args.misses:
        print_misses(scored, args.certain)
    if args.unmatched:
        print_unmatched(scored)
    if args.rule:
        print_rule(scored, args.rule)
    print("\n".join(summary(scored)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
