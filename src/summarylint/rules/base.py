"""Rules: metadata (data, validated by pydantic) joined with one check function each.

Built-in rule metadata lives in the top-level ``rules/builtin/*.toml`` files; the check functions
live in this package, one module per family, and register themselves with :func:`check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarylint.config import Profile
from summarylint.diagnostics import Category, Finding, Severity
from summarylint.document import Document
from summarylint.views import Views


class FixKind(StrEnum):
    NONE = "none"
    SAFE = "safe"  # applied by --fix
    SUGGEST = "suggest"  # shown as a suggestion only
    SOMETIMES = "sometimes"  # safe for some findings, a suggestion for others


class RuleMeta(BaseModel):
    """Everything a user or a reporter needs to know about a rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[A-Z]{2}\d{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    category: Category
    severity: Severity
    fix: FixKind = FixKind.NONE
    enabled: bool = True
    norm: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    #: documentation examples, each a whole document (several lines when the rule needs context: a title,
    #: headings, the paragraph that follows). The test suite lints every one with the rule turned on: each
    #: ``wrong`` example gets a finding of the rule, no ``right`` example does.
    wrong: list[str] = Field(min_length=1)
    right: list[str] = Field(min_length=1)
    #: the kind of file the examples are read as: ``text`` (a .txt file) or ``markdown`` (a .md file: for
    #: rules about Markdown headings, code blocks or comments). In the examples of a ``batch`` rule each
    #: document begins on a line ``name.txt：`` (or ``name.md：``, whose suffix picks its reader) followed by
    #: its text, and the documents are checked together as one batch.
    example_format: Literal["text", "markdown"] = "text"
    notes: str = ""
    jieba: bool = False
    #: ``batch``: the rule compares the documents of one run with each other (the batch stage); checking
    #: one document alone never fires it
    scope: Literal["document", "batch"] = "document"
    #: what a profile changes: the rule's severity there, or "off" (a rule ``enabled = false`` is turned on
    #: by the profiles that give it a severity)
    profiles: dict[Profile, Severity | Literal["off"]] = Field(default_factory=dict)


def example_lines(examples: list[str], indent: str = "  ") -> list[str]:
    """Documentation examples as lines to show, indented; a blank line between examples when one of them
    has several lines (a whole document)."""
    separate = any("\n" in example for example in examples)
    lines: list[str] = []
    for example in examples:
        if separate and lines:
            lines.append("")
        lines += [indent + line if line else "" for line in example.splitlines()]
    return lines


@dataclass(frozen=True)
class Context:
    """What a check function receives."""

    doc: Document
    views: Views
    meta: RuleMeta
    #: the team dictionary: words that are never reported as typos
    words: frozenset[str] = frozenset()


CheckFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    run: CheckFunction

    @property
    def code(self) -> str:
        return self.meta.code


_CHECKS: dict[str, CheckFunction] = {}


def check(code: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register the check function of the built-in rule ``code``."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in _CHECKS:
            raise ValueError(f"rule {code} registered twice")
        _CHECKS[code] = function
        return function

    return register


def registered_checks() -> dict[str, CheckFunction]:
    return dict(_CHECKS)
