"""``--statistics``: a summary added after the report, for reviewers who receive many documents.

One row per file with its counts and what the findings say about it (the flags of
:mod:`summarylint.batch.triage`: unfinished, damaged, copied from a template site or shared with
other documents), then one row per rule with its count.  A pure function of the results.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from summarylint.batch.triage import FLAGS, document_stats, flag_of
from summarylint.diagnostics import Severity
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, terminal_width


def render_statistics(results: Sequence[FileResult], options: ReportOptions) -> str:
    files = Table(title="按文件统计")
    for column in ("文件", "error", "warning", "info", *FLAGS):
        if column == "文件":
            files.add_column(column, overflow="fold")
        else:
            files.add_column(column, justify="right", no_wrap=True)
    rules: Counter[str] = Counter()
    stats = document_stats(results)
    for n, result in enumerate(results):
        if result.error:
            files.add_row(result.path, "—", "—", "—", *("无法读取" if i == 0 else "" for i in range(len(FLAGS))))
            continue
        severities = Counter(d.severity for d in result.diagnostics)
        shown = [str(severities[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        raised = Counter(flag_of(d) for d in result.diagnostics)
        verdicts = [str(raised[flag]) if raised[flag] else ("✓" if flag in stats[n].flags else "") for flag in FLAGS]
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
