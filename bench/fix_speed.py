"""Time of choosing and applying --fix edits (summarylint.fix.apply_fixes) as the number of fixes grows.

    python bench/fix_speed.py

A text of 1 MB and one of 10 MB (in UTF-8) with a safe fix every 20 characters, plus a conflicting
fix every 100 characters (left for the next round): the time should grow in proportion to the
number of fixes (it is O(n log n)); checking every pair, as --fix once did, took 8 s at 1 MB.
"""

from __future__ import annotations

import gc
import time

from summarylint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from summarylint.fix import apply_fixes
from summarylint.source import Span

SENTENCE = "全年开展安全检查１２次，整改隐患。"  # 17 characters, 51 bytes in UTF-8


def diagnostics(length: int) -> list[Diagnostic]:
    found = []
    for start in range(0, length - 2, 20):
        edit = Edit(Span(start, start + 1), "1")
        found.append(Diagnostic("NB007", "x", Category.NUMBER_USAGE, Severity.WARNING, "m", edit.span, Fix.safe(edit)))
        if start % 100 == 0:  # overlaps the one before: waits for the next round
            other = Edit(Span(start, start + 2), "")
            found.append(
                Diagnostic("PU008", "y", Category.PUNCTUATION, Severity.WARNING, "m", other.span, Fix.safe(other))
            )
    return found


def main() -> None:
    for megabytes in (1, 10):
        text = SENTENCE * (megabytes * 1_000_000 // len(SENTENCE.encode()))
        found = diagnostics(len(text))
        gc.collect()
        start = time.process_time()
        _, applied = apply_fixes(text, found)
        elapsed = time.process_time() - start
        print(f"{megabytes:>2} MB: {len(found):,} fixes offered, {applied:,} applied in {elapsed:.2f} s CPU")


if __name__ == "__main__":
    main()
