"""WD001 (confusion set) from tests/cases/typo.toml."""

from __future__ import annotations

import pytest
from rule_cases import load_cases

from summarylint.cli import main
from summarylint.packs import load_pack
from summarylint.rules import builtin_registry
from summarylint.rules.typo.confusions import ConfusionPack

CASES = load_cases("typo")


def test_firing_and_quiet_cases_and_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    assert any(e.startswith("WD001 ") for c in CASES for e in c.expect)
    assert any("WD001" in c.select and not c.expect for c in CASES)
    rule = builtin_registry().get("WD001")
    assert rule is not None and rule.meta.category.value == "typo"
    assert main(["rule", "WD001"]) == 0
    assert "confusion-set-typo" in capsys.readouterr().out


def test_confusion_set_is_consistent() -> None:
    pack = load_pack("typo-confusions", ConfusionPack)
    wrongs = [e.wrong for e in pack.entry]
    assert len(wrongs) == len(set(wrongs)), "duplicate entries"
    for entry in pack.entry:
        assert entry.wrong != entry.right
        assert "精减" not in entry.wrong, "精减 is a real word"
