"""``--output-format json``: the schema of :mod:`summarylint.schema`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from summarylint import __version__
from summarylint.batch.triage import document_stats, flag_counts, worst_first
from summarylint.diagnostics import Category
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate, severity_counts
from summarylint.schema import (
    JsonDiagnostic,
    JsonDocuments,
    JsonEdit,
    JsonFile,
    JsonFix,
    JsonRelated,
    JsonReport,
    JsonStats,
    JsonSummary,
    JsonTool,
)


def build_report(results: Sequence[FileResult]) -> JsonReport:
    files = []
    stats = document_stats(results)
    categories: Counter[str] = Counter({c.value: 0 for c in Category})
    for result, stat in zip(results, stats, strict=True):
        diagnostics = []
        for d in result.diagnostics:
            where = locate(result, d.span)
            fix = None
            if d.fix is not None:
                edits = []
                for edit in d.fix.edits:
                    at = locate(result, edit.span)
                    edits.append(
                        JsonEdit(
                            line=at.line,
                            column=at.column,
                            end_line=at.end_line,
                            end_column=at.end_column,
                            content=edit.content,
                        )
                    )
                fix = JsonFix(applicability=d.fix.applicability, edits=edits)
            diagnostics.append(
                JsonDiagnostic(
                    code=d.code,
                    name=d.name,
                    category=d.category,
                    severity=d.severity,
                    message=d.message,
                    line=where.line,
                    column=where.column,
                    end_line=where.end_line,
                    end_column=where.end_column,
                    fix=fix,
                    related=[
                        JsonRelated(
                            path=r.path,
                            line=r.line,
                            column=r.column,
                            end_line=r.end_line,
                            end_column=r.end_column,
                            label=r.label,
                        )
                        for r in d.related
                    ],
                )
            )
            categories[d.category.value] += 1
        fmt = result.format.value if result.format else None
        json_stats = None
        if result.document is not None:
            json_stats = JsonStats(
                characters=stat.characters,
                errors=stat.errors,
                warnings=stat.warnings,
                infos=stat.infos,
                by_category=stat.by_category,
                per_thousand_characters=stat.per_thousand,
                flags=list(stat.flags),  # type: ignore[arg-type]
            )
        files.append(
            JsonFile(path=result.path, format=fmt, error=result.error, diagnostics=diagnostics, stats=json_stats)  # type: ignore[arg-type]
        )
    summary = JsonSummary(
        files=len(results),
        diagnostics=sum(len(r.diagnostics) for r in results),
        by_severity=dict(severity_counts(results)),
        by_category=dict(categories),
        documents=JsonDocuments(flagged=flag_counts(stats), worst_first=[s.path for s in worst_first(stats)]),
    )
    return JsonReport(tool=JsonTool(version=__version__), files=files, summary=summary)


def render_json(results: Sequence[FileResult], options: ReportOptions) -> str:
    return build_report(results).model_dump_json(indent=2) + "\n"
