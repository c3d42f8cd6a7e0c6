"""Punctuation rules (PU), from the cases in tests/cases/punctuation.toml."""

from __future__ import annotations

import pytest
from rule_cases import Case, check_case, load_cases

from summarylint.api import lint_text
from summarylint.cli import main
from summarylint.rules import builtin_registry

CASES = load_cases("punctuation")
CODES = ["PU001", "PU002", "PU005", "PU006", "PU008", "PU009", "PU011", "PU016"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize("code", CODES)
def test_every_rule_has_firing_and_quiet_cases(code: str) -> None:
    fires = [c for c in CASES if any(e.startswith(code + " ") for e in c.expect)]
    quiet = [c for c in CASES if code in c.select and not any(e.startswith(code + " ") for e in c.expect)]
    assert fires, f"{code} has no firing case"
    assert quiet, f"{code} has no non-firing case"


@pytest.mark.parametrize("code", CODES)
def test_rule_documentation(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    rule = builtin_registry().get(code)
    assert rule is not None and rule.meta.category.value == "punctuation"
    assert rule.meta.wrong and rule.meta.right and rule.meta.rationale and rule.meta.norm
    assert main(["rule", code]) == 0
    assert rule.meta.name in capsys.readouterr().out


def test_span_through_page_break_join() -> None:
    """A half-width comma in the second half of a split paragraph is reported where it stands."""
    text = "工作总结\n今年以来，我们认真落实各项部署，全年共接待来访群众\n人次,解决问题若干。\n"
    result = lint_text(text, "x.txt")
    found = [d for d in result.diagnostics if d.code == "PU001"]
    assert len(found) == 1
    assert text[found[0].span.start] == ","
