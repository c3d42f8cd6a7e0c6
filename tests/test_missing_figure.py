"""Missing-figure rules (MF001–MF007), from the cases in tests/cases/missing-figure.toml."""

from __future__ import annotations

import pytest
from rule_cases import Case, check_case, load_cases

from summarylint.cli import main
from summarylint.rules import builtin_registry

CASES = load_cases("missing-figure")
CODES = ["MF001", "MF002", "MF003", "MF004", "MF005", "MF006", "MF007"]


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
    assert rule is not None
    meta = rule.meta
    assert meta.category.value == "missing-figure"
    assert meta.summary and meta.rationale and meta.wrong and meta.right
    assert meta.jieba is (code in ("MF001", "MF007"))
    assert main(["rule", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} {meta.name}") and meta.wrong[0] in out
