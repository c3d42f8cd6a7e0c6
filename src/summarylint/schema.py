"""The JSON output format (schema_version 2), defined once as pydantic models.

Lines are 1-based; columns are 1-based Unicode code points; ``end_column`` is exclusive.
For Word documents ``line`` is the 1-based paragraph number.

Version 2 added ``related`` to each diagnostic (the other places it is about; ``path`` null for the
same file), ``stats`` to each file and ``documents`` to the summary (the reviewers' triage).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from summarylint.diagnostics import Applicability, Category, Severity


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JsonTool(_Model):
    name: Literal["summarylint"] = "summarylint"
    version: str


class JsonEdit(_Model):
    line: int
    column: int
    end_line: int
    end_column: int
    content: str


class JsonFix(_Model):
    applicability: Applicability
    edits: list[JsonEdit]


class JsonRelated(_Model):
    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    label: str


class JsonStats(_Model):
    characters: int
    errors: int
    warnings: int
    infos: int
    by_category: dict[str, int]
    per_thousand_characters: float
    flags: list[Literal["未完成", "有损坏", "疑似照抄"]]


class JsonDiagnostic(_Model):
    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: JsonFix | None
    related: list[JsonRelated]


class JsonFile(_Model):
    path: str
    format: Literal["markdown", "text", "docx"] | None
    error: str | None
    diagnostics: list[JsonDiagnostic]
    stats: JsonStats | None


class JsonDocuments(_Model):
    """The triage: how many documents carry each flag, and the paths worst first."""

    flagged: dict[str, int]
    worst_first: list[str]


class JsonSummary(_Model):
    files: int
    diagnostics: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    documents: JsonDocuments


class JsonReport(_Model):
    schema_version: Literal[2] = 2
    tool: JsonTool
    files: list[JsonFile]
    summary: JsonSummary
