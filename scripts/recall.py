"""Measure recall on the documents in tests/recall/: what share of the defects a reviewer marked is found.

Usage: python scripts/recall.py [--show]

``tests/recall/expected.toml`` lists, for each document, the defects as ``"CODE line"``.  A defect
counts as found when summarylint reports the same code on the same line.  Findings that are not
listed are printed with ``--show`` so each can be judged.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from pathlib import Path

from summarylint.api import check_path, make_policy
from summarylint.reporters.common import locate
from summarylint.rules import builtin_registry

RECALL = Path(__file__).resolve().parents[1] / "tests" / "recall"


def measure(show: bool = False) -> dict[str, tuple[int, int]]:
    """Category → (found, expected)."""
    registry = builtin_registry()
    policy = make_policy()
    with (RECALL / "expected.toml").open("rb") as fh:
        docs = tomllib.load(fh)["doc"]
    totals: dict[str, list[int]] = {}
    for entry in docs:
        result = check_path(RECALL / entry["file"], policy)
        found = Counter(f"{d.code} {locate(result, d.span).line}" for d in result.diagnostics)
        expected = Counter(entry["expect"])
        for key, count in expected.items():
            rule = registry.get(key.split()[0])
            category = rule.meta.category.value if rule else "?"
            bucket = totals.setdefault(category, [0, 0])
            bucket[1] += count
            bucket[0] += min(count, found[key])
            if show and found[key] < count:
                print(f"missed  {entry['file']}: {key}")
        if show:
            for key in sorted(found - expected):
                print(f"extra   {entry['file']}: {key}")
    return {k: (v[0], v[1]) for k, v in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses and unlisted findings")
    args = parser.parse_args()
    figures = measure(args.show)
    for category, (found, expected) in sorted(figures.items()):
        print(f"{category:18} {found}/{expected} = {found / expected:.0%}")
    found = sum(f for f, _ in figures.values())
    expected = sum(e for _, e in figures.values())
    print(f"{'all':18} {found}/{expected} = {found / expected:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
