"""Reporters: pure functions from results to text, one module per output format.

A reporter's module is imported only when its format is asked for: ``full`` needs rich and
``json`` the pydantic report schema, which the other formats should not pay for at start-up.
Importing this package imports neither the linter nor the rules, so that the command line can offer
the format names without loading them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from summarylint.reporters.common import ReportOptions

if TYPE_CHECKING:
    from summarylint.linter import FileResult

Reporter = Callable[[Sequence["FileResult"], ReportOptions], str]

#: format name → (module, function)
_WHERE = {
    "full": ("summarylint.reporters.full", "render_full"),
    "concise": ("summarylint.reporters.concise", "render_concise"),
    "json": ("summarylint.reporters.json_report", "render_json"),
    "sarif": ("summarylint.reporters.sarif", "render_sarif"),
    "github": ("summarylint.reporters.github", "render_github"),
    "json-lines": ("summarylint.reporters.json_lines", "render_json_lines"),
    "grouped": ("summarylint.reporters.grouped", "render_grouped"),
    "junit": ("summarylint.reporters.junit", "render_junit"),
    "pylint": ("summarylint.reporters.pylint", "render_pylint"),
}


class _Reporters(Mapping[str, Reporter]):
    """Format name → reporter, importing the reporter's module on first access."""

    def __getitem__(self, name: str) -> Reporter:
        module, function = _WHERE[name]
        reporter: Reporter = getattr(importlib.import_module(module), function)
        return reporter

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


REPORTERS: Mapping[str, Reporter] = _Reporters()


def render(name: str, results: Sequence[FileResult], options: ReportOptions) -> str:
    return REPORTERS[name](results, options)


__all__ = ["REPORTERS", "ReportOptions", "render"]
