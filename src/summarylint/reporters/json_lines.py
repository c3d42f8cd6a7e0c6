"""``--output-format json-lines``: one JSON object per line, one line per diagnostic.

Each object has the fields of a diagnostic of the ``json`` format plus ``path`` (and ``format``); a
file that could not be read is one object with ``path`` and ``error``.  Suited to streaming tools
(``jq -c``, log collectors).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions
from summarylint.reporters.json_report import build_report


def render_json_lines(results: Sequence[FileResult], options: ReportOptions) -> str:
    lines = []
    for file in build_report(results).files:
        if file.error:
            lines.append(json.dumps({"path": file.path, "error": file.error}, ensure_ascii=False))
        for d in file.diagnostics:
            record = {"path": file.path, "format": file.format, **d.model_dump(mode="json")}
            lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
