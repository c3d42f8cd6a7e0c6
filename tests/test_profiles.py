"""Profiles (summary, gongwen, lenient) and the collapsed full report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarylint.api import check_bytes, make_policy
from summarylint.cli import main
from summarylint.config import Config, ConfigError, Profile, Settings, load_config
from summarylint.diagnostics import Severity
from summarylint.reporters import ReportOptions, render
from summarylint.rules import builtin_registry

# a 1、 ordinal (numbering, a warning), an unfilled slot (placeholder, an error), a half-width comma
TEXT = "一、工作成效\n1、全年培训XX人次,效果良好。\n正文。\n"


def codes(profile: Profile | None, text: str = TEXT) -> dict[str, str]:
    policy = make_policy(Config(Settings(profile=profile)))
    result = check_bytes("x.txt", text.encode(), policy)
    return {d.code: d.severity.value for d in result.diagnostics}


def test_summary_is_the_default() -> None:
    assert codes(None) == codes(Profile.SUMMARY)
    assert codes(None)["NU001"] == "warning"


def test_gongwen_raises_numbering() -> None:
    found = codes(Profile.GONGWEN)
    assert found["NU001"] == "error"
    assert found.keys() >= codes(None).keys()


def test_lenient_keeps_only_errors_of_the_unfinished_text_families() -> None:
    found = codes(Profile.LENIENT)
    assert found and set(found.values()) == {"error"}
    assert all(code[:2] in ("PH", "MF", "TB", "GA", "DU") or code == "PU005" for code in found)
    assert "NU001" not in found


def test_lenient_rule_set_comes_from_metadata() -> None:
    policy = make_policy(Config(Settings(profile=Profile.LENIENT)))
    enabled = {r.code for r in policy.rules_for(None)}
    for rule in builtin_registry():
        family = rule.code[:2] in ("PH", "MF", "TB", "GA", "DU") or rule.code == "PU005"
        expected = rule.meta.enabled and family and rule.meta.severity is Severity.ERROR
        assert (rule.code in enabled) == expected, rule.code


def test_explicit_selection_beats_the_profile() -> None:
    policy = make_policy(Config(Settings(profile=Profile.LENIENT)), Settings(select=["NU001"]))
    assert [r.code for r in policy.rules_for(None)] == ["NU001"]


def test_user_severity_beats_the_profile() -> None:
    policy = make_policy(Config(Settings(profile=Profile.GONGWEN, severity={"NU001": Severity.INFO})))
    result = check_bytes("x.txt", TEXT.encode(), policy)
    assert {d.severity for d in result.diagnostics if d.code == "NU001"} == {Severity.INFO}


def test_profile_in_configuration_and_its_errors(tmp_path: Path) -> None:
    good = tmp_path / "summarylint.toml"
    good.write_text('profile = "gongwen"\n', encoding="utf-8")
    assert load_config(good).settings.profile is Profile.GONGWEN
    good.write_text('profile = "strict"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"profile.*summary、gongwen、lenient"):
        load_config(good)


def test_profile_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "summarylint.toml").write_text('profile = "lenient"\n', encoding="utf-8")
    main(["check", "--output-format", "json", "a.txt"])
    lenient = {d["code"] for d in json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]}
    main(["check", "--profile", "gongwen", "--output-format", "json", "a.txt"])
    gongwen = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert "NU001" not in lenient
    assert {d["severity"] for d in gongwen if d["code"] == "NU001"} == {"error"}


# --- collapsing repeats in the full report ---------------------------------------------------

MANY = "二、下步打算\n" + "".join(f"{n}、推进第{n}项工作\n" for n in range(1, 13))


def test_full_report_collapses_repeats_of_one_rule() -> None:
    policy = make_policy(Config(), Settings(select=["NU001"]))
    results = [check_bytes("多.txt", MANY.encode(), policy)]
    assert len(results[0].diagnostics) == 12
    out = render("full", results, ReportOptions(builtin_registry()))
    assert out.count("NU001 [warning]") == 3
    assert "多.txt: NU001 另有 9 处相同问题（第 5、6、7、8、9、10、11、12…… 行；加 --show-all 显示全部）" in out
    assert "0 errors, 12 warnings" in out  # the count still covers every finding
    every = render("full", results, ReportOptions(builtin_registry(), repeats=None))
    assert every.count("NU001 [warning]") == 12 and "另有" not in every
    machine = json.loads(render("json", results, ReportOptions(builtin_registry())))
    assert len(machine["files"][0]["diagnostics"]) == 12


def test_show_all_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.txt").write_text(MANY, encoding="utf-8")
    main(["check", "--isolated", "--select", "NU001", "--color", "never", "b.txt"])
    assert "另有 9 处" in capsys.readouterr().out
    main(["check", "--isolated", "--select", "NU001", "--color", "never", "--show-all", "b.txt"])
    out = capsys.readouterr().out
    assert out.count("NU001 [warning]") == 12 and "另有" not in out


def test_rule_documentation_names_its_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rule", "ST011"])
    out = capsys.readouterr().out
    assert "（默认关闭）" in out and "方案：gongwen 中为 warning" in out
