"""``--output-format pylint``: pylint's parseable one-line format, which many editors and CI tools read.

``path:line:col: [CODE(name), ] message`` — the empty field after the comma is pylint's object name,
which a document does not have.  The severity is not part of the format; the code says it.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate


def render_pylint(results: Sequence[FileResult], options: ReportOptions) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}:1:1: [E0001(read-error), ] {result.error}")
        for d in result.diagnostics:
            at = locate(result, d.span)
            lines.append(f"{result.path}:{at.line}:{at.column}: [{d.code}({d.name}), ] {d.message}")
    return "".join(line + "\n" for line in lines)
