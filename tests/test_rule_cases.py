"""Every built-in rule, from the cases in tests/cases/*.toml: firing and non-firing cases with exact
spans (and fixes), and documentation with a wrong and a right example."""

from __future__ import annotations

import pytest
from rule_cases import CASES as CASES_DIR
from rule_cases import Case, check_case, load_cases

from summarylint.cli import main
from summarylint.rules import builtin_registry

CASES = [case for path in sorted(CASES_DIR.glob("*.toml")) for case in load_cases(path.stem)]
CODES = [rule.code for rule in builtin_registry()]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    check_case(case)


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


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
    assert meta.summary and meta.rationale and meta.norm and meta.wrong and meta.right
    assert main(["rule", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} {meta.name}")
    assert "反例：" in out and "正例：" in out and meta.wrong[0].splitlines()[0] in out
