"""Family SU: the suppression directives themselves.

Both rules depend on what the other rules found (a directive is unused only if it suppressed
nothing), so they are reported by :func:`summarylint.suppressions.apply_suppressions`, which runs
after every other rule of a document; the check functions registered here only give the rules their
place in the registry (selection, severity, documentation) and find nothing on their own.
"""

from __future__ import annotations

from collections.abc import Iterator

from summarylint.diagnostics import Finding
from summarylint.rules.base import Context, check


@check("SU001")
def invalid_suppression(ctx: Context) -> Iterator[Finding]:
    """Directives without codes, with an unknown verb or unknown codes (see summarylint.suppressions)."""
    yield from ()


@check("SU002")
def unused_suppression(ctx: Context) -> Iterator[Finding]:
    """Directives that suppressed nothing (see summarylint.suppressions)."""
    yield from ()
