"""``--output-format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (``columnKind``); each result carries a ``primaryLocationLineHash``
fingerprint computed from the rule and the normalised text of the paragraph
(:mod:`summarylint.fingerprint`), so that a finding keeps its identity when lines move (the upload
action cannot compute one for a Word file).  File URIs are percent-encoded and relative to the
current folder (the repository root in CI, ``%SRCROOT%``); a file outside it gets an absolute
``file://`` URI.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from summarylint import __version__
from summarylint.diagnostics import Diagnostic, Severity
from summarylint.fingerprint import fingerprints
from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions, locate
from summarylint.rules import RuleMeta
from summarylint.rules.base import example_lines

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
ROOT = "%SRCROOT%"


_ESCAPED_BYTE = re.compile(r"\\x([89a-fA-F][0-9a-fA-F])")


def _location(path: str, root: Path) -> dict[str, str]:
    """``artifactLocation`` of ``path``: relative to ``root`` when inside it, else an absolute URI.

    A URI names the bytes of the file name: the undecodable bytes a report shows as ``\\xNN``
    (:func:`summarylint.api.display_path`) become ``%NN`` again."""
    raw = _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), path)
    absolute = Path(raw).resolve()
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        relative = None
    if relative is None:
        return {"uri": "file://" + quote(os.fsencode(absolute.as_posix()), safe="/")}
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": ROOT}


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def _rule(meta: RuleMeta) -> dict[str, object]:
    examples = "\n".join(["反例：", *example_lines(meta.wrong, ""), "正例：", *example_lines(meta.right, "")])
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
            "problem.severity": _PROBLEM[meta.severity],
        },
    }


def _related(path: str, d: Diagnostic, root: Path) -> dict[str, object]:
    if not d.related:
        return {}
    places = []
    for n, r in enumerate(d.related, start=1):
        places.append(
            {
                "id": n,
                "message": {"text": r.label},
                "physicalLocation": {
                    "artifactLocation": _location(r.path or path, root),
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
    root = Path.cwd().resolve()
    for result in results:
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [{"physicalLocation": {"artifactLocation": _location(result.path, root)}}],
                }
            )
        artifact = _location(result.path, root)
        for d, fingerprint in zip(result.diagnostics, fingerprints(result), strict=True):
            at = locate(result, d.span)
            sarif_results.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": index[d.code],
                    "level": _LEVEL[d.severity],
                    "message": {"text": d.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": artifact,
                                "region": {
                                    "startLine": at.line,
                                    "startColumn": at.column,
                                    "endLine": at.end_line,
                                    "endColumn": at.end_column,
                                },
                            }
                        }
                    ],
                    "partialFingerprints": {"primaryLocationLineHash": fingerprint},
                    **_related(result.path, d, root),
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
        "originalUriBaseIds": {ROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
