"""``--output-format full`` (default): each diagnostic with its source line and the span underlined."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from summarylint.diagnostics import Applicability, Diagnostic, Severity
from summarylint.document import Format
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, footer, locate

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_TAB = "    "


def _underline(line: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The line as shown (tabs expanded) and the caret line under columns ``[column, end_column)``."""
    before = line[: column - 1]
    inside = line[column - 1 : (end_column - 1) if end_column is not None else len(line)]
    shown = line.replace("\t", _TAB)
    pad = cell_len(before.replace("\t", _TAB))
    width = max(1, cell_len(inside.replace("\t", _TAB)))
    return shown, " " * pad + "^" * width


def _labels(result: FileResult) -> dict[int, str]:
    """Line (paragraph) number → the automatic-numbering label of a Word paragraph."""
    doc = result.document
    if doc is None or doc.format is not Format.DOCX:
        return {}
    return {doc.lines.position(p.start).line: p.label for p in doc.paragraphs if p.label}


def _diagnostic(console: Console, result: FileResult, d: Diagnostic, labels: dict[int, str]) -> None:
    assert result.document is not None
    doc = result.document
    at = locate(result, d.span)
    where = f"段 {at.line}" if doc.format is Format.DOCX else str(at.line)
    head = Text()
    head.append(
        f"{result.path}:{at.line}:{at.column}:"
        if doc.format is not Format.DOCX
        else f"{result.path}:段{at.line}:{at.column}:",
        style="bold",
    )
    head.append(" ")
    head.append(d.code, style="bold magenta")
    head.append(" [")
    head.append(d.severity.value, style=_STYLE[d.severity])
    head.append("] ")
    head.append(d.message)
    console.print(head)
    line = doc.lines.line_text(at.line)
    end = at.end_column if at.end_line == at.line else None
    shown, carets = _underline(line, at.column, end)
    label = labels.get(at.line, "")
    if label:  # a Word numbering label is shown in front of the text; a span of no width marks it
        shown = label + shown
        carets = "^" * cell_len(label) if end == at.column else " " * cell_len(label) + carets
    gutter = " " * cell_len(where)
    console.print(Text(f" {where} │ ", style="dim") + Text(shown))
    console.print(Text(f" {gutter} │ ", style="dim") + Text(carets, style=_STYLE[d.severity]))
    if d.fix is not None and d.fix.edits:
        label = "可自动修复" if d.fix.applicability is Applicability.SAFE else "建议"
        change = "；".join(f"“{e.content}”" if e.content else "删除" for e in d.fix.edits)
        console.print(
            Text(
                f" {gutter} = {label}：{change}", style="green" if d.fix.applicability is Applicability.SAFE else "dim"
            )
        )


def render_full(results: Sequence[FileResult], options: ReportOptions) -> str:
    color = options.color
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=10_000,
        soft_wrap=True,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for result in results:
        if result.error:
            console.print(
                Text(f"{result.path}: ", style="bold") + Text("error: ", style="bold red") + Text(result.error)
            )
        labels = _labels(result)
        for d in result.diagnostics:
            _diagnostic(console, result, d, labels)
            console.print()
    fixed = sum(r.fixed for r in results)
    summary = footer(results)
    if fixed:
        summary += f" ({fixed} fixed)"
    console.print(Text(summary, style="bold"))
    return buffer.getvalue()


__all__ = ["render_full"]
