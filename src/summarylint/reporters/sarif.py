"""``--output-format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (``columnKind``); each result carries a ``primaryLocationLineHash``
fingerprint computed from the rule and the normalised text of the paragraph, so that a finding keeps
its identity when lines move (the upload action cannot compute one for a Word file).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from summarylint import __version__
from summarylint.diagnostics import Diagnostic, Severity
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate
from summarylint.rules import RuleMeta

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SPACE = re.compile(r"\s+")


def _uri(path: str) -> str:
    return Path(path).as_posix()


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def _rule(meta: RuleMeta) -> dict[str, object]:
    examples = "\n".join(["反例：", *meta.wrong, "正例：", *meta.right])
    return {
        "id": meta.code,
        "name": _pascal(meta.name),
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.rationale.strip()[:1024]},
        "help": {"text": f"{meta.rationale.strip()}\n\n{examples}\n\n依据：{meta.norm}"},
        "defaultConfiguration": {"level": _LEVEL[meta.severity]},
        "properties": {
            "tags": [meta.category.value],
            "precision": "high" if meta.severity is Severity.ERROR else "medium",
        },
    }


def _related(path: str, d: Diagnostic) -> dict[str, object]:
    if not d.related:
        return {}
    places = []
    for n, r in enumerate(d.related, start=1):
        places.append(
            {
                "id": n,
                "message": {"text": r.label},
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path or path)},
                    "region": {
                        "startLine": r.line,
                        "startColumn": r.column,
                        "endLine": r.end_line,
                        "endColumn": r.end_column,
                    },
                },
            }
        )
    return {"relatedLocations": places}


def render_sarif(results: Sequence[FileResult], options: ReportOptions) -> str:
    used = sorted({d.code for r in results for d in r.diagnostics})
    metas = {code: options.registry.get(code) for code in used}
    index = {code: i for i, code in enumerate(used)}
    sarif_results: list[dict[str, object]] = []
    notifications: list[dict[str, object]] = []
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
                }
            )
        seen: Counter[str] = Counter()
        for d in result.diagnostics:
            at = locate(result, d.span)
            assert result.document is not None
            paragraph = result.document.lines.line_text(at.line)
            digest = hashlib.sha256(f"{d.code}\0{_SPACE.sub('', paragraph)}".encode()).hexdigest()[:16]
            seen[digest] += 1
            sarif_results.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": index[d.code],
                    "level": _LEVEL[d.severity],
                    "message": {"text": d.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(result.path)},
                                "region": {
                                    "startLine": at.line,
                                    "startColumn": at.column,
                                    "endLine": at.end_line,
                                    "endColumn": at.end_column,
                                },
                            }
                        }
                    ],
                    "partialFingerprints": {"primaryLocationLineHash": f"{digest}:{seen[digest]}"},
                    **_related(result.path, d),
                }
            )
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "summarylint",
                "semanticVersion": __version__,
                "version": __version__,
                "rules": [_rule(rule.meta) for code in used if (rule := metas[code]) is not None],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
