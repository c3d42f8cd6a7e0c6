"""``--output-format github``: GitHub Actions workflow commands, one annotation per diagnostic.

Columns are given only for single-line spans (GitHub drops annotations otherwise); the message
starts with ``path:line:col: CODE`` so the raw log stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarylint.diagnostics import Severity
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: Sequence[FileResult], options: ReportOptions) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(
                f"::error file={_property(result.path)},title=summarylint::{_data(result.path + ': ' + result.error)}"
            )
        for d in result.diagnostics:
            at = locate(result, d.span)
            props = [f"file={_property(result.path)}", f"line={at.line}", f"endLine={at.end_line}"]
            if at.line == at.end_line and at.end_column >= at.column:
                props += [f"col={at.column}", f"endColumn={at.end_column}"]
            props.append(f"title={_property(f'summarylint ({d.code})')}")
            message = f"{result.path}:{at.line}:{at.column}: {d.code} {d.message}"
            lines.append(f"::{_COMMAND[d.severity]} {','.join(props)}::{_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
