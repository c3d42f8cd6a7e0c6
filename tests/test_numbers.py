"""Number-usage rules (NB), from the cases in tests/cases/numbers.toml."""

from __future__ import annotations

import pytest
from rule_cases import Case, check_case, load_cases

from summarylint.api import lint_text
from summarylint.cli import main
from summarylint.rules import builtin_registry

CASES = load_cases("numbers")
CODES = ["NB001", "NB002", "NB005", "NB007", "NB010", "NB011"]


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
    assert rule is not None and rule.meta.category.value == "number-usage"
    assert rule.meta.wrong and rule.meta.right and rule.meta.rationale and rule.meta.norm
    assert main(["rule", code]) == 0
    assert rule.meta.name in capsys.readouterr().out


def test_statistic_across_page_break_is_one_text() -> None:
    """Content rules see a range cut by a page break as one text and report it where it stands."""
    text = "工作总结\n　　今年以来，我们认真落实上级的各项工作部署，组织开展应急演练，每年\n2-3次，效果良好。\n"
    result = lint_text(text, "x.txt")
    assert [d.code for d in result.diagnostics if d.code in ("GA001", "NB001")] == ["GA001", "NB001"]
    found = next(d for d in result.diagnostics if d.code == "NB001")
    assert text[found.span.start : found.span.end] == "2-3"
