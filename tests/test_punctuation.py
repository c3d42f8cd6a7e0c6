"""Punctuation rules (PU), from the cases in tests/cases/punctuation.toml."""

from __future__ import annotations

import pytest
from rule_cases import example_codes

from summarylint.api import lint_text
from summarylint.rules import builtin_registry
from summarylint.rules.base import Rule


def test_span_through_page_break_join() -> None:
    """A half-width comma in the second half of a split paragraph is reported where it stands."""
    text = "工作总结\n今年以来，我们认真落实各项部署，全年共接待来访群众\n人次,解决问题若干。\n"
    result = lint_text(text, "x.txt")
    found = [d for d in result.diagnostics if d.code == "PU001"]
    assert len(found) == 1
    assert text[found[0].span.start] == ","


PU_RULES = [rule for rule in builtin_registry() if rule.code.startswith("PU")]


@pytest.mark.parametrize("rule", PU_RULES, ids=[r.code for r in PU_RULES])
def test_documented_examples(rule: Rule) -> None:
    """Every wrong example of a rule's documentation is reported by it, no right example is."""
    for text in rule.meta.wrong:
        assert rule.code in example_codes(text, rule.code), text
    for text in rule.meta.right:
        assert rule.code not in example_codes(text, rule.code), text
