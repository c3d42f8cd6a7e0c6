"""``--output-format grouped``: the findings of each file under its name, one line each.

::

    报告.md:
      3:1 NU005 [error] 序号不连续……
      7:5 PH004 [warning] ……

Word documents show paragraph numbers (``段7:10``).  A footer counts the findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarylint.document import Format
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, footer, locate


def render_grouped(results: Sequence[FileResult], options: ReportOptions) -> str:
    lines: list[str] = []
    for result in results:
        if not result.error and not result.diagnostics:
            continue
        lines.append(f"{result.path}:")
        if result.error:
            lines.append(f"  error: {result.error}")
        docx = result.format is Format.DOCX
        places = []
        for d in result.diagnostics:
            at = locate(result, d.span)
            places.append((f"段{at.line}:{at.column}" if docx else f"{at.line}:{at.column}", d))
        width = max((len(place) for place, _ in places), default=0)
        for place, d in places:
            lines.append(f"  {place.ljust(width)} {d.code} [{d.severity.value}] {d.message}")
        lines.append("")
    lines.append(footer(results))
    return "\n".join(lines) + "\n"
