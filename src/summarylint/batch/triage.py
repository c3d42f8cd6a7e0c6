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


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (keeping its end, where a file's name is), padded."""
    from rich.cells import cell_len

    if cell_len(text) > width:
        while text and cell_len(text) > width - 1:
            text = text[1:]
        text = "…" + text
    return text + " " * (width - cell_len(text))


def render_triage(results: Sequence[FileResult], *, width: int | None = None, color: bool = False) -> str:
    """The triage table, worst first, fitted to ``width`` columns (the terminal's when None).

    Plain text with aligned columns (wide characters counted as two cells); the file column gives
    way when the table is too wide, keeping the end of each path.
    """
    import shutil

    from rich.cells import cell_len

    stats = worst_first(document_stats(results))
    counts = flag_counts(stats)
    flagged = sum(1 for s in stats if s.flags or s.error)
    shown = "，".join(f"{k} {v}" for k, v in counts.items())
    title = f"分诊表：{len(stats)} 份文稿，{flagged} 份需要先看（{shown}）"
    head = ["文件", "标记", "字数", "error", "warning", "info", "每千字", "主要类别"]
    rows: list[list[str]] = []
    for s in stats:
        if s.error:
            rows.append([s.path, "无法读取", "—", "—", "—", "—", "—", s.error])
            continue
        top = sorted(s.by_category.items(), key=lambda item: (-item[1], item[0]))[:3]
        rows.append(
            [
                s.path,
                " ".join(s.flags),
                str(s.characters),
                str(s.errors),
                str(s.warnings),
                str(s.infos),
                f"{s.per_thousand:.1f}",
                "、".join(f"{name} {n}" for name, n in top),
            ]
        )
    widths = [max(cell_len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    columns = width or shutil.get_terminal_size((120, 24)).columns
    gaps = 2 * (len(head) - 1)
    fixed = sum(widths[1:-1]) + gaps
    widths[0] = max(12, min(widths[0], columns - fixed - min(widths[-1], 16)))
    widths[-1] = max(4, min(widths[-1], columns - fixed - widths[0]))
    right = {2, 3, 4, 5, 6}

    def line(cells: list[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            if i in right:
                parts.append(" " * (widths[i] - cell_len(cell)) + cell)
            else:
                parts.append(_fit(cell, widths[i]))
        return "  ".join(parts).rstrip()

    out = [title, line(head), "  ".join("─" * w for w in widths)]
    for row in rows:
        text = line(row)
        if color and row[1]:
            text = f"\x1b[1m{text}\x1b[0m"
        out.append(text)
    return "\n".join(out) + "\n"
