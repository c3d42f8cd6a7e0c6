"""What writers and repositories rely on: exit policy, --diff, unsafe fixes, fixing standard input,
baselines, --show-settings/--show-files, rule listings by prefix, tables that fit the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import ERROR, GOOD, WARN, run, write


@pytest.fixture(autouse=True)
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_fail_on_and_min_severity(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.txt", WARN)
    write("bad.txt", ERROR)
    assert run(capsys, "check", "warn.txt")[0] == 0
    assert run(capsys, "check", "--fail-on", "warning", "warn.txt")[0] == 1
    assert run(capsys, "check", "--fail-on", "info", "warn.txt")[0] == 1
    assert run(capsys, "check", "--fail-on", "warning", "--exit-zero", "warn.txt")[0] == 0
    code, out, _ = run(capsys, "check", "--min-severity", "error", "--output-format", "concise", "warn.txt", "bad.txt")
    assert code == 1 and out.splitlines() == [
        "bad.txt:3:1: NU005 [error] 序号不连续：“（1）”之后是“（3）”，缺少“（2）”"
    ]
    # hidden findings do not count for the exit code either
    assert run(capsys, "check", "--min-severity", "error", "--fail-on", "warning", "warn.txt")[0] == 0
    write("summarylint.toml", 'fail-on = "warning"\n')
    assert run(capsys, "check", "warn.txt")[0] == 1
    assert run(capsys, "check", "--fail-on", "error", "warn.txt")[0] == 0  # the command line wins
    write("summarylint.toml", 'fail-on = "fatal"\n')
    code, _, err = run(capsys, "check", "warn.txt")
    assert code == 2 and "fail-on" in err


def test_diff_prints_and_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("warn.txt", WARN)
    code, out, err = run(capsys, "check", "--diff", "warn.txt")
    assert code == 1
    assert out.splitlines() == [
        "--- a/warn.txt",
        "+++ b/warn.txt",
        "@@ -1,3 +1,3 @@",
        " 一、工作成效",
        "-1、开展检查",
        "+1.开展检查",
        " 全年开展检查。",
    ]
    assert "1 处可修复" in err
    assert path.read_text(encoding="utf-8") == WARN and [p.name for p in Path().iterdir()] == ["warn.txt"]
    write("good.txt", GOOD)
    assert run(capsys, "check", "--diff", "good.txt") == (
        0,
        "",
        "summarylint: 0 个文件中有 0 处可修复（--diff 未写入任何文件）\n",
    )


def test_diff_names_an_unreadable_file_once_and_shows_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    Path("broken.txt").write_bytes(b"\x00\x00\x00")
    write("warn.txt", WARN)
    code, out, err = run(capsys, "check", "--diff", "broken.txt", "warn.txt")
    assert code == 2  # an input that could not be read wins over "there is something to fix"
    assert "+1.开展检查" in out and "broken" not in out
    summary, error = err.splitlines()  # the error line once, after the count of fixes
    assert summary == "summarylint: 1 个文件中有 1 处可修复（--diff 未写入任何文件）"
    assert error.startswith("summarylint: broken.txt: 文件含有空字节")
    assert run(capsys, "check", "--diff", "--exit-zero", "broken.txt", "warn.txt")[0] == 2


def test_unsafe_fixes_only_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("bad.txt", ERROR)
    code, _, _ = run(capsys, "check", "--fix", "bad.txt")
    assert code == 1 and path.read_text(encoding="utf-8") == ERROR  # renumbering is unsafe
    code, out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", "bad.txt")
    assert "+（2）严格考核" in out and path.read_text(encoding="utf-8") == ERROR
    code, _, _ = run(capsys, "check", "--fix", "--unsafe-fixes", "bad.txt")
    assert code == 0 and path.read_text(encoding="utf-8") == ERROR.replace("（3）", "（2）")
    code, _, err = run(capsys, "check", "--unsafe-fixes", "bad.txt")
    assert code == 2 and "--unsafe-fixes" in err


def _cli(tmp_path: Path, args: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "summarylint", *args], cwd=tmp_path, input=data, capture_output=True, check=False
    )


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(tmp_path: Path) -> None:
    data = WARN.replace("\n", "\r\n").encode("gb18030")
    proc = _cli(tmp_path, ["check", "--fix", "-", "--stdin-filename", "x.txt", "--output-format", "concise"], data)
    assert proc.stdout == data.replace("1、".encode("gb18030"), b"1.")  # same encoding and line ends
    assert proc.returncode == 0 and "fixed" not in proc.stderr.decode()
    proc = _cli(
        tmp_path, ["check", "--fix", "-", "--stdin-filename", "x.txt", "--output-format", "concise"], ERROR.encode()
    )
    assert proc.stdout == ERROR.encode()  # nothing safe to fix: the text unchanged
    assert proc.stderr.decode().startswith("x.txt:3:1: NU005") and proc.returncode == 1


def test_fix_says_once_that_word_files_are_not_rewritten(capsys: pytest.CaptureFixture[str]) -> None:
    from docx_fixtures import DocBuilder

    for name in ("a.docx", "b.docx"):
        b = DocBuilder()
        b.para("一、工作成效")
        b.para("1、开展检查")
        b.save(Path(name))
    before = Path("a.docx").read_bytes()
    code, _, err = run(capsys, "check", "--fix", "--output-format", "concise", "a.docx", "b.docx")
    assert code == 0
    assert err.count("不改写 .docx") == 1 and Path("a.docx").read_bytes() == before


TEXT_V1 = "一、工作成效\n全年开展检查十次，整改问题5个。\n1、开展检查\n组织学习八次。\n二、存在问题\n基层活力不足。\n"
# the paragraph with the recorded finding moved up a line, one paragraph moved to the end, one edited
TEXT_V2 = (
    "一、工作成效\n1、开展检查\n组织学习八次,覆盖全员。\n二、存在问题\n基层活力不足。\n"
    + "全年开展检查十次，整改问题5个。\n"
)


def test_baseline_hides_recorded_findings_and_tolerates_drift(capsys: pytest.CaptureFixture[str]) -> None:
    path = write("docs/report.txt", TEXT_V1)
    code, _, err = run(capsys, "check", "--write-baseline", "baseline.json", "docs")
    assert code == 0 and "1 条问题" in err
    recorded = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["code"]) for f in recorded["findings"]] == [("docs/report.txt", "NU001")]
    assert run(capsys, "check", "--baseline", "baseline.json", "docs") == (
        0,
        "0 errors, 0 warnings, 0 infos in 1 file\n",
        "",
    )
    path.write_text(TEXT_V2, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "docs")
    assert [line.split()[1] for line in out.splitlines()] == ["NU001", "PU001"]
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--baseline", "baseline.json", "docs")
    assert out.splitlines() == ["docs/report.txt:3:7: PU001 [warning] 中文句子中应使用全角逗号“，”，不用半角“,”"]
    # from the configuration, relative to its folder, and from another working folder
    write("summarylint.toml", 'baseline = "baseline.json"\n')
    code, out, _ = run(capsys, "check", "--output-format", "concise", "docs")
    assert [line.split()[1] for line in out.splitlines()] == ["PU001"]


def test_baseline_keeps_identical_paragraphs_apart(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", "一、工作成效\n1、开展检查\n正文。\n")
    run(capsys, "check", "--write-baseline", "b.json", "a.txt")
    write("a.txt", "一、工作成效\n1、开展检查\n正文。\n二、存在问题\n1、开展检查\n正文。\n")
    code, out, _ = run(
        capsys, "check", "--output-format", "concise", "--select", "NU001", "--baseline", "b.json", "a.txt"
    )
    assert code == 0
    assert out.splitlines() == ["a.txt:5:1: NU001 [warning] 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”"]


def test_bad_baseline_files(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", WARN)
    code, _, err = run(capsys, "check", "--baseline", "missing.json", "a.txt")
    assert code == 2 and "基线文件不存在" in err
    write("bad.json", '{"findings": []}')
    code, _, err = run(capsys, "check", "--baseline", "bad.json", "a.txt")
    assert code == 2 and "不是 summarylint 基线文件" in err and err[-1] == "\n" and err.count("\n") == 1


def test_show_settings_and_files(capsys: pytest.CaptureFixture[str]) -> None:
    write("summarylint.toml", 'ignore = ["NU001"]\nexclude = ["drafts"]\n')
    write("a.md", GOOD)
    write("drafts/b.md", GOOD)
    write("sub/c.txt", GOOD)
    code, out, _ = run(capsys, "check", "--show-settings", "--fail-on", "warning")
    assert code == 0
    assert 'ignore = ["NU001"]    # ' + str(Path("summarylint.toml").resolve()) in out
    assert 'fail-on = "warning"    # 命令行' in out and "select = null    # 默认" in out
    assert "NU001" not in out.splitlines()[-1] and "NU005" in out.splitlines()[-1]
    code, out, _ = run(capsys, "check", "--show-files")
    assert code == 0 and out.splitlines() == ["a.md", str(Path("sub/c.txt"))]


def test_rule_prefix_lists_its_rules_and_tables_fit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "rule", "NU")
    assert code == 0 and "NU001" in out and "NU005" in out and "PH001" not in out
    assert all(len(line) <= 80 for line in out.splitlines())
    code, out, _ = run(capsys, "rule", "placeholder")
    assert code == 0 and "PH001" in out and "NU001" not in out
    code, out, _ = run(capsys, "rules")
    assert all(len(line) <= 80 for line in out.splitlines())
    write("bad.txt", ERROR)
    code, out, _ = run(capsys, "check", "--statistics", "--output-format", "concise", "bad.txt")
    assert "按规则统计" in out and all(len(line) <= 80 for line in out.splitlines())
