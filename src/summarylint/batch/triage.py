"""Triage: per document the figures and flags a reviewer reads first, and the table sorted worst first.

A pure function of the results of both stages.  The flags:

- 未完成 (unfinished): placeholders left in or figures deleted (categories ``placeholder`` and
  ``missing-figure``);
- 有损坏 (damaged): garbled text or paragraphs split by page breaks (``garbled``,
  ``broken-paragraph``);
- 疑似照抄 (copied): text of a template website (``boilerplate``) or paragraphs shared with other
  documents of the batch or with a reference file (the cross-document rules, ``DU1xx``), whether the
  finding stands in this document or names it as a related place.  Repetitions inside one document
  are not copying and do not count.

Findings of severity ``info`` raise no flag.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarylint.diagnostics import Category, Diagnostic, Severity
from summarylint.linter import FileResult

UNFINISHED, DAMAGED, COPIED = "未完成", "有损坏", "疑似照抄"
FLAGS: tuple[str, ...] = (UNFINISHED, DAMAGED, COPIED)
_BY_CATEGORY = {
    Category.PLACEHOLDER: UNFINISHED,
    Category.MISSING_FIGURE: UNFINISHED,
    Category.GARBLED: DAMAGED,
    Category.BROKEN_PARAGRAPH: DAMAGED,
    Category.BOILERPLATE: COPIED,
}


def is_cross_document(d: Diagnostic) -> bool:
    """A finding of the batch stage (codes DU1xx)."""
    return d.code.startswith("DU1")


def flag_of(d: Diagnostic) -> str | None:
    """The flag one finding raises, if any."""
    if d.severity is Severity.INFO:
        return None
    if is_cross_document(d):
        return COPIED
    return _BY_CATEGORY.get(d.category)


@dataclass(frozen=True)
class DocumentStats:
    path: str
    characters: int
    errors: int
    warnings: int
    infos: int
    by_category: dict[str, int] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    #: the reason the document could not be checked
    error: str | None = None

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos

    @property
    def per_thousand(self) -> float:
        """Findings per 1,000 characters."""
        return round(self.findings * 1000 / self.characters, 2) if self.characters else 0.0

    def badness(self) -> tuple[int, int, int, int, float, str]:
        """Sort key: unreadable documents first, then by flags, errors, warnings and density."""
        return (
            0 if self.error else 1,
            -len(self.flags),
            -self.errors,
            -self.warnings,
            -self.per_thousand,
            self.path,
        )


def _copied_elsewhere(results: Sequence[FileResult]) -> set[str]:
    """Documents named as a related place by a cross-document finding in another document."""
    named: set[str] = set()
    for result in results:
        for d in result.diagnostics:
            if is_cross_document(d) and d.severity is not Severity.INFO:
                named.update(r.path for r in d.related if r.path is not None)
    return named


def document_stats(results: Sequence[FileResult]) -> list[DocumentStats]:
    """One record per result, in the order of ``results``."""
    copied = _copied_elsewhere(results)
    stats = []
    for result in results:
        severities = Counter(d.severity for d in result.diagnostics)
        categories = Counter(d.category.value for d in result.diagnostics)
        raised = {flag for d in result.diagnostics if (flag := flag_of(d)) is not None}
        if result.path in copied:
            raised.add(COPIED)
        stats.append(
            DocumentStats(
                path=result.path,
                characters=result.size,
                errors=severities[Severity.ERROR],
                warnings=severities[Severity.WARNING],
                infos=severities[Severity.INFO],
                by_category=dict(sorted(categories.items())),
                flags=tuple(f for f in FLAGS if f in raised),
                error=result.error if result.document is None else None,
            )
        )
    return stats


def worst_first(stats: Sequence[DocumentStats]) -> list[DocumentStats]:
    return sorted(stats, key=DocumentStats.badness)


def flag_counts(stats: Sequence[DocumentStats]) -> dict[str, int]:
    counts = {flag: 0 for flag in FLAGS}
    for s in stats:
        for flag in s.flags:
            counts[flag] += 1
    return counts


def render_triage(results: Sequence[FileResult], *, width: int | None = None, color: bool = False) -> str:
    """The triage table, worst first, fitted to ``width`` columns (the terminal's when None)."""
    import io
    import shutil

    from rich.console import Console
    from rich.table import Table

    stats = worst_first(document_stats(results))
    counts = flag_counts(stats)
    flagged = sum(1 for s in stats if s.flags or s.error)
    shown = "，".join(f"{k} {v}" for k, v in counts.items())
    title = f"分诊表：{len(stats)} 份文稿，{flagged} 份需要先看（{shown}）"
    table = Table(title=title, expand=False)
    table.add_column("文件", overflow="fold", ratio=1, min_width=12)
    table.add_column("标记", no_wrap=True)
    for column in ("字数", "error", "warning", "info", "每千字"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("主要类别", overflow="fold", max_width=28)
    for s in stats:
        if s.error:
            table.add_row(s.path, "无法读取", "—", "—", "—", "—", "—", s.error, style="red" if color else None)
            continue
        top = sorted(s.by_category.items(), key=lambda item: (-item[1], item[0]))[:3]
        table.add_row(
            s.path,
            " ".join(s.flags),
            str(s.characters),
            str(s.errors),
            str(s.warnings),
            str(s.infos),
            f"{s.per_thousand:.1f}",
            "、".join(f"{name} {n}" for name, n in top),
        )
    columns = width or shutil.get_terminal_size((120, 24)).columns
    buffer = io.StringIO()
    console = Console(file=buffer, width=columns, force_terminal=color, no_color=not color, highlight=False)
    console.print(table)
    return buffer.getvalue()
