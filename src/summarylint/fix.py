"""Apply fixes to a source text: non-overlapping edits, repeated until nothing changes.

Fixes are accepted in order of position; one whose edits conflict with an already accepted edit
waits for the next round (the text is checked again after each round).  The conflict test looks
only at the neighbours of each edit among the accepted ones, kept sorted, so a round costs
O(n log n) for n fixes.

Only safe fixes are applied unless ``unsafe`` is set (``--unsafe-fixes``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from summarylint.diagnostics import Applicability, Diagnostic, Edit


def _conflicts(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two edits cannot both be applied: ranges that share a character, an insertion inside
    a range or at its start, or two insertions at the same point."""
    if a[0] == a[1] or b[0] == b[1]:
        return (b[0] <= a[0] <= b[1] and a[0] != b[1]) or (a[0] <= b[0] <= a[1] and b[0] != a[1]) or a == b
    return a[0] < b[1] and b[0] < a[1]


class _Taken:
    """The accepted edit ranges, sorted; no two of them conflict."""

    __slots__ = ("_ranges",)

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []

    def conflicts(self, r: tuple[int, int]) -> bool:
        ranges = self._ranges
        if not ranges or ranges[-1][1] < r[0]:
            return False  # after every accepted range (the usual case: fixes come in order)
        # Accepted ranges are pairwise compatible, so their starts and ends both increase (an
        # insertion may share its point with the end of the range before it or the start of the
        # one after it).  Any range conflicting with r lies between the last range ending before
        # r's start and the first range starting after r's end: a few around here.
        i = bisect_left(ranges, r)
        lo = i
        while lo > 0 and ranges[lo - 1][1] >= r[0]:
            lo -= 1
        hi = i
        while hi < len(ranges) and ranges[hi][0] <= r[1]:
            hi += 1
        return any(_conflicts(r, ranges[k]) for k in range(lo, hi))

    def add(self, r: tuple[int, int]) -> None:
        ranges = self._ranges
        if not ranges or ranges[-1] <= r:
            ranges.append(r)
        else:
            insort(ranges, r)


def apply_fixes(source: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply the safe fixes (with ``unsafe`` the unsafe ones too) of ``diagnostics`` to ``source``; return the
    new text and how many fixes were applied.

    A fix whose edits conflict with an already accepted edit (or with each other) is left for the
    next round.
    """
    accepted: list[Edit] = []
    applied = 0
    taken = _Taken()
    size = len(source)
    for diagnostic in sorted(diagnostics, key=lambda d: (d.span.start, d.span.end)):
        fix = diagnostic.fix
        if fix is None or (fix.applicability is not Applicability.SAFE and not unsafe) or not fix.edits:
            continue
        ranges = [(e.span.start, e.span.end) for e in fix.edits]
        if any(not 0 <= start <= end <= size for start, end in ranges):
            continue  # a span outside the text: never applied
        if any(taken.conflicts(r) for r in ranges):
            continue
        if len(ranges) > 1 and any(_conflicts(a, b) for k, a in enumerate(ranges) for b in ranges[k + 1 :]):
            continue
        for r in ranges:
            taken.add(r)
        accepted.extend(fix.edits)
        applied += 1
    if not accepted:
        return source, 0
    pieces: list[str] = []
    cursor = 0
    for edit in sorted(accepted, key=lambda e: (e.span.start, e.span.end)):
        pieces.append(source[cursor : edit.span.start])
        pieces.append(edit.content)
        cursor = edit.span.end
    pieces.append(source[cursor:])
    return "".join(pieces), applied
