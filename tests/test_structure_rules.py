"""Numbering (NU), structure (ST) and GA009 rules, from the cases in tests/cases/{numbering,structure}.toml."""

from __future__ import annotations

import pytest
from rule_cases import Case, check_case, load_cases

from summarylint.rules import builtin_registry

CASES = load_cases("numbering") + load_cases("structure")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(
    "code",
    [
        "NU001",
        "NU002",
        "NU003",
        "NU004",
        "NU005",
        "NU006",
        "NU007",
        "NU008",
        "NU009",
        "NU013",
        "ST005",
        "ST006",
        "ST008",
        "GA009",
    ],
)
def test_every_rule_has_firing_and_quiet_cases(code: str) -> None:
    fires = [c for c in CASES if any(e.startswith(code + " ") for e in c.expect)]
    quiet = [c for c in CASES if code in c.select and not any(e.startswith(code + " ") for e in c.expect)]
    assert fires, f"{code} has no firing case"
    assert quiet, f"{code} has no non-firing case"
    meta = builtin_registry().get(code)
    assert meta is not None and meta.meta.wrong and meta.meta.right
