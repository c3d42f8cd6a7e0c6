"""``--output-format full`` (default): each diagnostic with its source line and the span underlined.

The report is built as lines of styled pieces.  Without colour they are simply joined (no terminal
library is loaded: checking a short document stays fast); with colour, rich renders them in one go.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.cells import cell_len

from summarylint.diagnostics import Applicability, Diagnostic, Severity
from summarylint.document import Format
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, footer, locate

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_TAB = "    "
#: line numbers listed for the findings a collapsed report leaves out
_PLACES = 8

#: A line of the report: pieces of text with their rich style (empty for none).
Line = list[tuple[str, str]]


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


def _diagnostic(result: FileResult, d: Diagnostic, labels: dict[int, str]) -> list[Line]:
    assert result.document is not None
    doc = result.document
    at = locate(result, d.span)
    docx = doc.format is Format.DOCX
    where = f"段 {at.line}" if docx else str(at.line)
    place = f"{result.path}:段{at.line}:{at.column}:" if docx else f"{result.path}:{at.line}:{at.column}:"
    head: Line = [(place, "bold"), (" ", ""), (d.code, "bold magenta"), (" [", "")]
    head += [(d.severity.value, _STYLE[d.severity]), ("] ", ""), (d.message, "")]
    line = doc.lines.line_text(at.line)
    end = at.end_column if at.end_line == at.line else None
    shown, carets = _underline(line, at.column, end)
    label = labels.get(at.line, "")
    if label:  # a Word numbering label is shown in front of the text; a span of no width marks it
        shown = label + shown
        carets = "^" * cell_len(label) if end == at.column else " " * cell_len(label) + carets
    gutter = " " * cell_len(where)
    lines = [head, [(f" {where} │ ", "dim"), (shown, "")], [(f" {gutter} │ ", "dim"), (carets, _STYLE[d.severity])]]
    for related in d.related:
        place = related.path or result.path
        unit = "段" if place.lower().endswith(".docx") or (docx and related.path is None) else ""
        lines.append(
            [(f" {gutter} = {related.label}：", "dim"), (f"{place}:{unit}{related.line}:{related.column}", "")]
        )
    if d.fix is not None and d.fix.edits:
        safe = d.fix.applicability is Applicability.SAFE
        change = "；".join(f"“{e.content}”" if e.content else "删除" for e in d.fix.edits)
        lines.append([(f" {gutter} = {'可自动修复' if safe else '建议'}：{change}", "green" if safe else "dim")])
    return lines


def _more(result: FileResult, code: str, hidden: list[Diagnostic]) -> Line:
    """One line for the findings of ``code`` that were not shown: how many, and where."""
    docx = result.document is not None and result.document.format is Format.DOCX
    places = sorted({locate(result, d.span).line for d in hidden})
    shown = "、".join(str(n) for n in places[:_PLACES]) + ("……" if len(places) > _PLACES else "")
    unit = "段" if docx else "行"
    return [
        (f"{result.path}: ", "bold"),
        (code, "bold magenta"),
        (f" 另有 {len(hidden)} 处相同问题（第 {shown} {unit}；加 --show-all 显示全部）", "dim"),
    ]


def _lines(results: Sequence[FileResult], repeats: int | None) -> list[Line]:
    lines: list[Line] = []
    for result in results:
        if result.error:
            lines.append([(f"{result.path}: ", "bold"), ("error: ", "bold red"), (result.error, "")])
        labels = _labels(result)
        hidden: dict[str, list[Diagnostic]] = {}
        seen: Counter[str] = Counter()
        for d in result.diagnostics:
            seen[d.code] += 1
            if repeats is not None and seen[d.code] > repeats:
                hidden.setdefault(d.code, []).append(d)
                continue
            lines += _diagnostic(result, d, labels)
            lines.append([])
        for code, rest in hidden.items():
            lines.append(_more(result, code, rest))
        if hidden:
            lines.append([])
    fixed = sum(r.fixed for r in results)
    summary = footer(results) + (f" ({fixed} fixed)" if fixed else "")
    lines.append([(summary, "bold")])
    return lines


def _coloured(lines: list[Line]) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    text = Text()
    for line in lines:
        for piece, style in line:
            text.append(piece, style=style or None)
        text.append("\n")
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        width=10_000,
        soft_wrap=True,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(text, end="")
    return buffer.getvalue()


def render_full(results: Sequence[FileResult], options: ReportOptions) -> str:
    lines = _lines(results, options.repeats)
    if options.color:
        return _coloured(lines)
    return "".join("".join(piece for piece, _ in line) + "\n" for line in lines)


__all__ = ["render_full"]
