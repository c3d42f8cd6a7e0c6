"""``--output-format concise``: one line per diagnostic, ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from collections.abc import Sequence

from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate


def render_concise(results: Sequence[FileResult], options: ReportOptions) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}: error: {result.error}")
        for d in result.diagnostics:
            at = locate(result, d.span)
            more = ""
            if d.related:
                first = d.related[0]
                where = f"{first.path or result.path}:{first.line}:{first.column}"
                more = f"（另见 {where}" + (f" 等 {len(d.related)} 处）" if len(d.related) > 1 else "）")
            lines.append(f"{result.path}:{at.line}:{at.column}: {d.code} [{d.severity.value}] {d.message}{more}")
    return "\n".join(lines) + ("\n" if lines else "")
