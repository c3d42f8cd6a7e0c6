"""Helpers every reporter shares: positions of a diagnostic and the run's counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarylint.diagnostics import Severity

if TYPE_CHECKING:  # names for annotations only: importing this module must stay cheap (see summarylint.cli)
    from summarylint.linter import FileResult
    from summarylint.rules import Registry
    from summarylint.source import Span


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter may know besides the results."""

    registry: Registry
    color: bool = False
    #: the full report shows this many findings of one rule in one file and counts the rest in one line
    #: (None: show every finding)
    repeats: int | None = 3


@dataclass(frozen=True)
class Location:
    line: int
    column: int
    end_line: int
    end_column: int


def locate(result: FileResult, span: Span) -> Location:
    assert result.document is not None
    lines = result.document.lines
    start, end = lines.position(span.start), lines.position(span.end)
    return Location(start.line, start.column, end.line, end.column)


def terminal_width() -> int:
    """Width for tables: the terminal's (or ``COLUMNS``), 100 when not on a terminal; at least 60."""
    import shutil

    return max(60, shutil.get_terminal_size((100, 24)).columns)


def severity_counts(results: Sequence[FileResult]) -> Counter[str]:
    counts: Counter[str] = Counter({s.value: 0 for s in Severity})
    for result in results:
        counts.update(d.severity.value for d in result.diagnostics)
    return counts


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def footer(results: Sequence[FileResult]) -> str:
    counts = severity_counts(results)
    return (
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{plural(counts['info'], 'info')} in {plural(len(results), 'file')}"
    )
