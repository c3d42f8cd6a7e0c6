"""Rules that moved to another family: the old codes (DU005 → WD012, DU006 → WD013) keep working
in selection, configuration, suppression comments, baselines, fingerprints and ``summarylint rule``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run, write

from summarylint.rules import REDIRECTS, builtin_registry, first_code, redirected

STUTTER = "一、工作成效\n全年我们的的目标是推动高质量高质量发展。\n"


@pytest.fixture(autouse=True)
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def _codes(out: str) -> list[str]:
    return [line.split()[1] for line in out.splitlines()]


def test_redirect_table_points_at_typo_rules() -> None:
    registry = builtin_registry()
    for old, new in REDIRECTS.items():
        rule = registry.get(old)
        assert rule is not None and rule.code == new and rule.meta.category.value == "typo"
        assert registry.get(old.lower()) is rule and registry.get(old[:2] + "-" + old[2:]) is rule
        assert registry.moved(old) == new and registry.moved(new) is None
        assert old not in registry.codes()
        assert redirected(old) == new and first_code(new) == old
    assert redirected("NU001") == "NU001" and first_code("NU001") == "NU001"


def test_old_codes_select_ignore_and_set_severity(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", STUTTER)
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--select", "DU005,DU006", "a.txt")
    assert _codes(out) == ["WD012", "WD013"]
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--select", "typo", "--ignore", "DU006", "a.txt")
    assert _codes(out) == ["WD012"]
    write("summarylint.toml", 'select = ["DU006"]\n[severity]\nDU006 = "error"\n')
    code, out, _ = run(capsys, "check", "--output-format", "concise", "a.txt")
    assert code == 1 and "WD013 [error]" in out and _codes(out) == ["WD013"]
    write("summarylint.toml", 'select = ["typo"]\n[per-file-ignores]\n"a.txt" = ["DU005"]\n')
    code, out, _ = run(capsys, "check", "--output-format", "concise", "a.txt")
    assert "WD012" not in _codes(out) and "WD013" in _codes(out)


def test_old_codes_in_suppression_comments(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.md", "# 总结\n\n<!-- summarylint-disable-next-line DU005 -->\n我们的的目标。\n\n你们的的目标。\n")
    _, out, _ = run(capsys, "check", "--output-format", "concise", "--select", "WD012,SU", "a.md")
    assert [line.split(":")[1] for line in out.splitlines()] == ["6"] and _codes(out) == ["WD012"]


def test_baseline_written_with_old_codes_still_hides_findings(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", STUTTER)
    run(capsys, "check", "--select", "WD012,WD013", "--write-baseline", "b.json", "a.txt")
    recorded = json.loads(Path("b.json").read_text(encoding="utf-8"))
    assert sorted(f["code"] for f in recorded["findings"]) == ["WD012", "WD013"]
    # a baseline written before the move names the old codes, with the same fingerprints
    for finding in recorded["findings"]:
        finding["code"] = first_code(finding["code"])
    Path("old.json").write_text(json.dumps(recorded, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(
        capsys, "check", "--output-format", "concise", "--select", "WD012,WD013", "--baseline", "old.json", "a.txt"
    )
    assert code == 0 and out == ""


def test_rule_command_says_the_rule_moved(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", "DU005")
    assert code == 0
    assert out.splitlines()[0].startswith("DU005 已改为 WD012")
    assert "WD012 stuttered-function-word" in out and "旧代码：DU005" in out
    code, out, _ = run(capsys, "rule", "WD013")
    assert code == 0 and "旧代码：DU006" in out and "已改为" not in out


def test_user_pack_cannot_take_an_old_code(capsys: pytest.CaptureFixture[str]) -> None:
    write(
        "pack.toml",
        '[[rule]]\ncode = "DU005"\nname = "my-rule"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\nkind = "existence"\npatterns = ["某某"]\n',
    )
    write("summarylint.toml", 'extend-rule-packs = ["pack.toml"]\n')
    write("a.txt", STUTTER)
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and "“DU005”与内置规则 WD012 的旧代码重复" in err
