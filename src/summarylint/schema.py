"""The JSON output format (schema_version 1), defined once as pydantic models.

Lines are 1-based; columns are 1-based Unicode code points; ``end_column`` is exclusive.
For Word documents ``line`` is the 1-based paragraph number.
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


class JsonFile(_Model):
    path: str
    format: Literal["markdown", "text", "docx"] | None
    error: str | None
    diagnostics: list[JsonDiagnostic]


class JsonSummary(_Model):
    files: int
    diagnostics: int
    by_severity: dict[str, int]
    by_category: dict[str, int]


class JsonReport(_Model):
    schema_version: Literal[1] = 1
    tool: JsonTool
    files: list[JsonFile]
    summary: JsonSummary
