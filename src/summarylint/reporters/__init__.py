"""Reporters: pure functions from results to text, one module per output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarylint.linter import FileResult
from summarylint.reporters.common import ReportOptions
from summarylint.reporters.concise import render_concise
from summarylint.reporters.full import render_full
from summarylint.reporters.github import render_github
from summarylint.reporters.json_report import render_json
from summarylint.reporters.sarif import render_sarif

Reporter = Callable[[Sequence[FileResult], ReportOptions], str]

REPORTERS: dict[str, Reporter] = {
    "full": render_full,
    "concise": render_concise,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}


def render(name: str, results: Sequence[FileResult], options: ReportOptions) -> str:
    return REPORTERS[name](results, options)


__all__ = ["REPORTERS", "ReportOptions", "render"]
