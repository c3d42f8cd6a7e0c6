"""The command line as a user runs it: exit codes, output formats, configuration errors, stdin, --fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import ERROR, GOOD, WARN, run, write

from summarylint import __version__
from summarylint.cli import main
from summarylint.schema import JsonReport


@pytest.fixture(autouse=True)
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    write("good.txt", GOOD)
    write("warn.txt", WARN)
    write("bad.txt", ERROR)
    assert run(capsys, "check", "good.txt")[0] == 0
    assert run(capsys, "check", "warn.txt")[0] == 0  # warnings do not fail
    assert run(capsys, "check", "bad.txt")[0] == 1
    assert run(capsys, "check", "bad.txt", "--exit-zero")[0] == 0
    assert run(capsys, "check", "--bogus")[0] == 2


def test_full_output_underlines_by_display_width(capsys: pytest.CaptureFixture[str]) -> None:
    write("bad.txt", ERROR)
    code, out, _ = run(capsys, "check", "bad.txt")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("bad.txt:3:1: NU005 [error] 序号不连续")
    assert lines[1].endswith("│ （3）严格考核")
    assert lines[2].endswith("│ ^^^^^")  # （3）: two wide brackets and a digit = five cells
    assert out.rstrip().endswith("1 error, 0 warnings, 0 infos in 1 file")
    assert "\x1b[" not in out


def test_concise_output(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.txt", WARN)
    _, out, _ = run(capsys, "check", "--output-format", "concise", "warn.txt")
    assert out == "warn.txt:2:1: NU001 [warning] 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”\n"


def test_json_output_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    write("a/warn.md", "# 总结\n\n" + WARN)
    write("a/bad.txt", ERROR)
    code, out, _ = run(capsys, "check", "--output-format", "json", "a")
    assert code == 1
    report = JsonReport.model_validate_json(out)
    assert report.tool.version == __version__
    data = json.loads(out)
    assert data["schema_version"] == 2
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path[str(Path("a/warn.md"))]["format"] == "markdown"
    diag = by_path[str(Path("a/warn.md"))]["diagnostics"][0]
    assert {
        k: diag[k] for k in ("code", "name", "category", "severity", "line", "column", "end_line", "end_column")
    } == {
        "code": "NU001",
        "name": "arabic-ordinal-dunhao",
        "category": "numbering",
        "severity": "warning",
        "line": 4,
        "column": 1,
        "end_line": 4,
        "end_column": 3,
    }
    assert diag["fix"] == {
        "applicability": "safe",
        "edits": [{"line": 4, "column": 2, "end_line": 4, "end_column": 3, "content": "."}],
    }
    assert data["summary"]["files"] == 2
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 1, "info": 0}


def test_unreadable_input_is_one_line_and_others_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    write("bad.txt", ERROR)
    Path("broken.txt").write_bytes(b"\x00\x00\x00")
    code, out, err = run(capsys, "check", "--output-format", "concise", "broken.txt", "bad.txt", "missing.md")
    assert code == 2
    assert "bad.txt:3:1: NU005" in out
    assert "broken.txt: error: 文件含有空字节" in out
    assert "missing.md: error: 文件不存在" in out
    assert "Traceback" not in out + err


def test_encodings_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    write("gbk.txt", WARN.replace("\n", "\r\n"), "gb18030")
    _, out, _ = run(capsys, "check", "--output-format", "concise", "gbk.txt")
    assert out.startswith("gbk.txt:2:1: NU001")


def test_stdin_with_filename(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("# 总结\n\n" + ERROR).encode())))
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "report.md", "--output-format", "concise")
    assert code == 1
    assert out.startswith("report.md:5:1: NU005")


def test_configuration_selects_and_overrides(capsys: pytest.CaptureFixture[str]) -> None:
    write("bad.txt", ERROR + "2、其他\n")
    write("pyproject.toml", '[tool.summarylint]\nignore = ["NU001"]\nseverity = { NU005 = "warning" }\n')
    code, out, _ = run(capsys, "check", "--output-format", "concise", "bad.txt")
    assert code == 0
    assert "NU001" not in out and "NU005 [warning]" in out
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--isolated", "bad.txt")
    assert code == 1 and "NU001" in out


def test_closest_configuration_wins(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write("pyproject.toml", '[tool.summarylint]\nselect = ["NU005"]\n')
    write("sub/.summarylint.toml", 'select = ["NU001"]\n')
    write("sub/doc.txt", ERROR + "2、其他\n")
    monkeypatch.chdir("sub")
    _, out, _ = run(capsys, "check", "--output-format", "concise", "doc.txt")
    assert "NU001" in out and "NU005" not in out


def test_per_file_ignores_and_exclude(capsys: pytest.CaptureFixture[str]) -> None:
    write("summarylint.toml", 'exclude = ["drafts"]\n[per-file-ignores]\n"old/*.txt" = ["numbering"]\n')
    write("drafts/a.txt", ERROR)
    write("old/b.txt", ERROR)
    write("new/c.txt", ERROR)
    _, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert "new/c.txt" in out.replace(os.sep, "/")
    assert "drafts" not in out and "old" not in out
    # an excluded file named explicitly is checked unless --force-exclude
    assert run(capsys, "check", "drafts/a.txt")[0] == 1
    assert run(capsys, "check", "--force-exclude", "drafts/a.txt")[0] == 0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('[tool.summarylint]\nselct = ["NU"]\n', "未知的配置项“selct”"),
        ('[tool.summarylint]\nseverity = { NU005 = "fatal" }\n', "'fatal' 无效（可选：error、warning、info）"),
        ('[tool.summarylint]\nselect = ["XX999"]\n', "“XX999”不是已知的规则"),
        ('[tool.summarylint]\nselect = "NU"\n', "应是字符串列表"),
        ("[tool.summarylint\n", "不是有效的 TOML"),
    ],
)
def test_configuration_errors(capsys: pytest.CaptureFixture[str], content: str, needle: str) -> None:
    write("pyproject.toml", content)
    write("a.txt", GOOD)
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2
    assert err.count("\n") == 1 and "pyproject.toml" in err and needle in err


def test_unknown_command_line_selector(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", GOOD)
    code, _, err = run(capsys, "check", "--select", "NOPE", "a.txt")
    assert code == 2 and "“NOPE”不是已知的规则" in err


def test_fix_writes_safe_edits_atomically(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("warn.txt", "一、成效\r\n3、完善考核办法\r\n（1）加强学习\r\n正文。\r\n（3）严格考核\r\n", "gb18030")
    code, out, _ = run(capsys, "check", "--fix", "warn.txt")
    assert (
        path.read_bytes().decode("gb18030")
        == "一、成效\r\n3.完善考核办法\r\n（1）加强学习\r\n正文。\r\n（3）严格考核\r\n"
    )
    assert code == 1  # the gap remains: renumbering is only suggested
    assert "(1 fixed)" in out
    assert [p.name for p in Path().iterdir()] == ["warn.txt"]  # no temporary file left behind


def test_rules_rule_schema_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "NU001" in out and "arabic-ordinal-dunhao" in out
    code, out, _ = run(capsys, "rules", "--output-format", "json")
    assert any(r["code"] == "NU005" for r in json.loads(out))
    code, out, _ = run(capsys, "rule", "nu-001")
    assert code == 0 and "反例：" in out and "3、完善考核办法" in out and "正例：" in out
    assert run(capsys, "rule", "XX000")[0] == 2
    code, out, _ = run(capsys, "schema")
    assert json.loads(out)["title"] == "JsonReport"
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_python_dash_m(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(ERROR, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "summarylint", "check", "--output-format", "concise", "bad.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout.startswith("bad.txt:3:1: NU005")


def _imported(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """``python -X importtime -m summarylint ARGS``: the finished process and the modules it imported."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarylint", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    lines = proc.stderr.splitlines()
    return proc, {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}


#: what the version and the help never need: the configuration models, the rules, the libraries behind them
_HEAVY = {"pydantic", "lark", "regex", "jieba", "pypinyin", "rich", "docx", "summarylint.config", "summarylint.rules"}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["rules", "--help"], ["check", "--help"]])
def test_version_and_help_import_only_what_they_need(tmp_path: Path, args: list[str]) -> None:
    proc, modules = _imported(tmp_path, *args)
    assert proc.returncode == 0 and "summarylint" in proc.stdout
    assert "summarylint.cli" in modules
    assert not modules & _HEAVY


def test_checking_a_markdown_file_loads_no_word_or_chinese_language_library(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Weekly notes\n\n1. Fixed the build.\n2. Wrote 3 tests.\n", encoding="utf-8")
    proc, modules = _imported(tmp_path, "check", "--no-cache", "--output-format", "concise", "notes.md")
    assert proc.returncode == 0 and proc.stdout.startswith("notes.md:")
    assert "summarylint.linter" in modules
    assert not modules & {"docx", "lxml", "jieba", "pypinyin", "rich"}  # concise output needs no terminal library


def test_statistics_follow_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    write("bad.txt", ERROR)
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--statistics", "bad.txt")
    assert code == 1
    assert out.startswith("bad.txt:3:1: NU005")
    assert "按文件统计" in out and "按规则统计" in out and "sequence-gap" in out
