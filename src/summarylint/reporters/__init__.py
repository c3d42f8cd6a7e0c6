"""Reporters: pure functions from results to text, one module per output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarylint.linter import FileResult
from summarylint.reporters.concise import render_concise
from summarylint.reporters.full import render_full
from summarylint.reporters.json_report import render_json

Reporter = Callable[..., str]

REPORTERS: dict[str, Reporter] = {
    "full": render_full,
    "concise": render_concise,
    "json": render_json,
}


def render(name: str, results: Sequence[FileResult], *, color: bool = False) -> str:
    return REPORTERS[name](results, color=color)


__all__ = ["REPORTERS", "render"]
