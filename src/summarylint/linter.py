"""Run rules over one document and turn their findings into diagnostics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from summarylint.diagnostics import Diagnostic
from summarylint.document import Document, Format
from summarylint.policy import Policy
from summarylint.rules import Rule
from summarylint.rules.base import Context
from summarylint.views import Views


@dataclass
class FileResult:
    """The outcome of checking one input: its diagnostics, or the one-line reason it could not be read."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    fixed: int = 0

    @property
    def format(self) -> Format | None:
        return self.document.format if self.document else None


def lint_document(doc: Document, rules: Iterable[Rule], policy: Policy) -> tuple[list[Diagnostic], list[str]]:
    """All diagnostics of ``rules`` on ``doc``, sorted by position, and any rule failures."""
    views = Views(doc)
    diagnostics: list[Diagnostic] = []
    failures: list[str] = []
    for rule in rules:
        meta = rule.meta
        try:
            for finding in rule.run(Context(doc, views, meta)):
                diagnostics.append(
                    Diagnostic(
                        meta.code,
                        meta.name,
                        meta.category,
                        policy.severity(rule, finding.severity),
                        finding.message,
                        finding.span,
                        finding.fix,
                    )
                )
        except Exception as exc:  # a bug in one rule must not lose the other findings
            failures.append(f"规则 {meta.code} 内部错误（{type(exc).__name__}: {exc}），其余规则的结果不受影响")
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return diagnostics, failures
