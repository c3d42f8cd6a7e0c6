"""``--statistics``: a summary added after the report, for reviewers who receive many documents.

One row per file with its counts and what the findings say about it (unfinished: placeholders or
missing figures; damaged: garbled text or page-break splits; copied: template-site text or
duplicates), then one row per rule with its count.  A pure function of the results.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from summarylint.diagnostics import Category, Severity
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, terminal_width

#: What a reviewer wants to know first, and the categories that tell it.
VERDICTS: dict[str, frozenset[Category]] = {
    "未完成": frozenset({Category.PLACEHOLDER, Category.MISSING_FIGURE}),
    "有损坏": frozenset({Category.GARBLED, Category.BROKEN_PARAGRAPH}),
    "疑似照抄": frozenset({Category.BOILERPLATE, Category.DUPLICATE}),
}


def render_statistics(results: Sequence[FileResult], options: ReportOptions) -> str:
    files = Table(title="按文件统计")
    for column in ("文件", "error", "warning", "info", *VERDICTS):
        if column == "文件":
            files.add_column(column, overflow="fold")
        else:
            files.add_column(column, justify="right", no_wrap=True)
    rules: Counter[str] = Counter()
    for result in results:
        if result.error:
            files.add_row(result.path, "—", "—", "—", *("无法读取" if i == 0 else "" for i in range(len(VERDICTS))))
            continue
        severities = Counter(d.severity for d in result.diagnostics)
        shown = [str(severities[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        verdicts = []
        for categories in VERDICTS.values():
            count = sum(1 for d in result.diagnostics if d.category in categories and d.severity is not Severity.INFO)
            verdicts.append(str(count) if count else "")
        files.add_row(result.path, *shown, *verdicts)
        rules.update(d.code for d in result.diagnostics)
    by_rule = Table(title="按规则统计")
    for column in ("代码", "名称", "数量"):
        by_rule.add_column(column, justify="right" if column == "数量" else "left", overflow="fold")
    for code, count in sorted(rules.items(), key=lambda item: (-item[1], item[0])):
        rule = options.registry.get(code)
        by_rule.add_row(code, rule.meta.name if rule else "", str(count))
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=terminal_width(), force_terminal=options.color, no_color=not options.color, highlight=False
    )
    console.print(files)
    if rules:
        console.print(by_rule)
    return buffer.getvalue()
