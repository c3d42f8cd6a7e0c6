"""WD001 (confusion set) from tests/cases/typo.toml; the suggestions of the typo family are unsafe fixes."""

from __future__ import annotations

import pytest
from rule_cases import load_cases

from summarylint.api import check_bytes, make_policy
from summarylint.cli import main
from summarylint.config import Config, Settings
from summarylint.packs import load_pack
from summarylint.rules import builtin_registry
from summarylint.rules.typo.confusions import Confusion, ConfusionPack

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
    by_wrong: dict[str, list[Confusion]] = {}
    for entry in pack.entry:
        by_wrong.setdefault(entry.wrong, []).append(entry)
    for wrong, entries in by_wrong.items():
        # a wrong form may have one entry per context, all with the same correction and different guards
        assert len({e.right for e in entries}) == 1, wrong
        assert len(entries) == 1 or all(e.guarded for e in entries), wrong
        guards = [
            e.model_dump(include={"after", "not_after", "before", "not_before", "prev_tag", "next_tag"})
            for e in entries
        ]
        assert all(guards.count(g) == 1 for g in guards), f"duplicate entries for {wrong}"
    for entry in pack.entry:
        assert entry.wrong != entry.right
        assert "精减" not in entry.wrong, "精减 is a real word"


@pytest.mark.parametrize(
    ("codes", "text", "suggested"),
    [
        (["WD001"], "再前期调研的基础上，各单位必需加强值班。\n", "在前期调研的基础上，各单位必须加强值班。\n"),
        (["WD001"], "即要抓好管理，又要做好准备。会后在次检查。\n", "既要抓好管理，又要做好准备。会后再次检查。\n"),
        (["WD012", "WD013"], "我们的的目标是推动高质量高质量发展。\n", "我们的目标是推动高质量发展。\n"),
        (["WD002"], "设备调试的很顺利，大家耐心的向居民解释。\n", "设备调试得很顺利，大家耐心地向居民解释。\n"),
    ],
)
def test_suggestions_are_unsafe_fixes_that_read_right(codes: list[str], text: str, suggested: str) -> None:
    policy = make_policy(Config(), Settings(select=codes))
    plain = check_bytes("x.txt", text.encode("utf-8"), policy, fix=True)
    assert plain.fixed == 0 and plain.diagnostics, "plain --fix applies none of them"
    for d in plain.diagnostics:
        assert d.fix is not None and d.fix.applicability.value == "unsafe"
        assert "：" in d.message or "，" in d.message, "the message says why"
    unsafe = check_bytes("x.txt", text.encode("utf-8"), policy, fix=True, unsafe_fixes=True)
    assert unsafe.fixed_source == suggested
