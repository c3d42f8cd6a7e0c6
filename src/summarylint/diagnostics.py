"""What rules produce: findings with source spans, optional fixes, and the diagnostics built from them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from summarylint.source import LineIndex, Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Category(StrEnum):
    STRUCTURE = "structure"
    NUMBERING = "numbering"
    PLACEHOLDER = "placeholder"
    MISSING_FIGURE = "missing-figure"
    BROKEN_PARAGRAPH = "broken-paragraph"
    GARBLED = "garbled"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    PUNCTUATION = "punctuation"
    NUMBER_USAGE = "number-usage"
    TYPO = "typo"
    SUPPRESSION = "suppression"


class Applicability(StrEnum):
    SAFE = "safe"  # mechanical and meaning-preserving: applied by --fix
    UNSAFE = "unsafe"  # a suggestion: shown, never applied automatically


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source text in ``span`` with ``content`` (empty content deletes, empty span inserts)."""

    span: Span
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]

    @classmethod
    def safe(cls, *edits: Edit) -> Fix:
        return cls(Applicability.SAFE, edits)

    @classmethod
    def unsafe(cls, *edits: Edit) -> Fix:
        return cls(Applicability.UNSAFE, edits)


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a diagnostic is about: the first copy of a duplicated paragraph, every document
    sharing a copied paragraph.

    Positions are resolved when the finding is made (1-based line and column in code points, end
    exclusive; for Word documents the line is the paragraph number), so that a related place in
    another document needs nothing of that document later.  ``path`` is None for a place in the
    same document.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    label: str
    path: str | None = None

    @classmethod
    def at(cls, lines: LineIndex, span: Span, label: str, path: str | None = None) -> Related:
        start, end = lines.position(span.start), lines.position(span.end)
        return cls(start.line, start.column, end.line, end.column, label, path)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a span of the source, a message and optionally a fix.

    ``severity`` overrides the rule's default for this finding (NU005 reports gaps as errors and
    other sequence problems as warnings).
    """

    span: Span
    message: str
    severity: Severity | None = None
    fix: Fix | None = None
    related: tuple[Related, ...] = ()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
