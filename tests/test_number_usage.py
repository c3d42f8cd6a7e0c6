"""Number-usage rules (NB), from the cases in tests/cases/number-usage.toml."""

from __future__ import annotations

import pytest
from rule_cases import example_codes

from summarylint.api import lint_text
from summarylint.rules import builtin_registry
from summarylint.rules.base import Rule


def test_statistic_across_page_break_is_one_text() -> None:
    """Content rules see a range cut by a page break as one text and report it where it stands."""
    text = "工作总结\n　　今年以来，我们认真落实上级的各项工作部署，组织开展应急演练，每年\n2-3次，效果良好。\n"
    result = lint_text(text, "x.txt")
    assert [d.code for d in result.diagnostics if d.code in ("GA001", "NB001")] == ["GA001", "NB001"]
    found = next(d for d in result.diagnostics if d.code == "NB001")
    assert text[found.span.start : found.span.end] == "2-3"


NB_RULES = [rule for rule in builtin_registry() if rule.code.startswith("NB")]


@pytest.mark.parametrize("rule", NB_RULES, ids=[r.code for r in NB_RULES])
def test_documented_examples(rule: Rule) -> None:
    """Every wrong example of a rule's documentation is reported by it, no right example is."""
    for text in rule.meta.wrong:
        assert rule.code in example_codes(text, rule.code), text
    for text in rule.meta.right:
        assert rule.code not in example_codes(text, rule.code), text
