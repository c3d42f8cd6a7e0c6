"""Apply fixes to a source text: non-overlapping edits, repeated until nothing changes.

Only safe fixes are applied unless ``unsafe`` is set (``--unsafe-fixes``).
"""

from __future__ import annotations

from collections.abc import Iterable

from summarylint.diagnostics import Applicability, Diagnostic, Edit


def apply_fixes(source: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply the safe fixes (with ``unsafe`` the unsafe ones too) of ``diagnostics`` to ``source``; return the
    new text and how many fixes were applied.

    A fix whose edits overlap an already accepted edit is left for the next round.
    """
    accepted: list[Edit] = []
    applied = 0
    taken: list[tuple[int, int]] = []
    for diagnostic in sorted(diagnostics, key=lambda d: d.span.start):
        fix = diagnostic.fix
        if fix is None or (fix.applicability is not Applicability.SAFE and not unsafe):
            continue
        ranges = [(e.span.start, e.span.end) for e in fix.edits]
        if any(_overlaps(r, t) for r in ranges for t in taken):
            continue
        taken.extend(ranges)
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


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions conflict only at the same point or inside a range
        return (b[0] <= a[0] <= b[1] and a[0] != b[1]) or (a[0] <= b[0] <= a[1] and b[0] != a[1]) or a == b
    return a[0] < b[1] and b[0] < a[1]
