"""Hostile inputs and hostile conditions: every file gets a check or a one-line error, --fix never
corrupts or loses a file, and no traceback reaches the user.

Permission cases are simulated (tests run as root in CI, where file modes do not stop reads).
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from cli_support import run
from pydantic import ByteSize

from summarylint import api, atomic
from summarylint.api import check_bytes, lint_text, make_policy
from summarylint.cli import main
from summarylint.config import Config, Settings
from summarylint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from summarylint.fix import apply_fixes
from summarylint.policy import Policy
from summarylint.readers import ReadError, read_document
from summarylint.source import Span

GOOD = "一、工作成效\n全年开展检查。\n二、存在问题\n基层活力不足。\n"
ERROR = "（1）加强学习\n正文。\n（3）严格考核\n正文。\n"
FIXABLE = "一、成效\n3、完善考核办法\n"  # NU001: 3、 → 3.
FIXED = "一、成效\n3.完善考核办法\n"


@pytest.fixture(autouse=True)
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("SUMMARYLINT_DEBUG", raising=False)
    return tmp_path


# --- --fix keeps the encoding and every byte it does not edit ---------------------------------


def test_fix_gb18030_whose_fixed_bytes_are_valid_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    # 某某１２ then bytes that read as 锛慇 in GB18030: after １２ → 12 the whole file is valid UTF-8,
    # which must not make the next round read it as UTF-8
    original = bytes.fromhex("c4b3c4b3a3b1a3b2efbc9140")
    Path("a.txt").write_bytes(original)
    run(capsys, "check", "--fix", "a.txt")
    assert Path("a.txt").read_bytes() == bytes.fromhex("c4b3c4b3") + b"12" + bytes.fromhex("efbc9140")


def test_fix_gb18030_with_rare_symbols_completes(capsys: pytest.CaptureFixture[str]) -> None:
    text = "一、总体情况\r\n今年工作取得进展" + "。" * 30 + "\r\n温度≥25℃，①②。\r\n"
    Path("b.txt").write_bytes(text.encode("gb18030"))
    code, out, _ = run(capsys, "check", "--fix", "b.txt")
    assert code in (0, 1) and "fixed" in out
    after = Path("b.txt").read_bytes().decode("gb18030")
    assert after.endswith("\r\n温度≥25℃，①②。\r\n") and "。。" not in after
    assert after.count("\r\n") == 3


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"", "utf-8"),
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"", "gb18030"),
    ],
)
def test_fix_keeps_encoding_bom_line_endings_and_mode(
    capsys: pytest.CaptureFixture[str], bom: bytes, encoding: str
) -> None:
    path = Path("x.txt")
    path.write_bytes(bom + FIXABLE.replace("\n", "\r\n").encode(encoding))
    path.chmod(0o640)
    run(capsys, "check", "--fix", "x.txt")
    assert path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(encoding)
    assert path.stat().st_mode & 0o777 == 0o640


def test_fix_refuses_when_reencoding_would_change_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # a codec whose round trip is not exact: writing the fixed text back would change other bytes
    real_read = api.read_document

    def lossy(path: str, data: bytes) -> object:
        doc = real_read(path, data)
        return replace(doc, source=doc.source.replace("成效", "成果"))  # as a lossy decoder would

    monkeypatch.setattr(api, "read_document", lossy)
    result = check_bytes("x.txt", FIXABLE.encode("gb18030"), make_policy(), fix=True)
    assert result.fixed == 0
    assert result.note is not None and "重新编码后与原文件字节不同，未修复" in result.note


def test_fix_converges_on_long_runs_past_the_old_round_cap(capsys: pytest.CaptureFixture[str]) -> None:
    # WD012's suggestion (delete one of a doubled 了) is applied with --unsafe-fixes, one per round
    Path("le.txt").write_text("工作总结\n我们提高" + "了" * 1025 + "工作效率。\n", encoding="utf-8")
    run(capsys, "check", "--fix", "--unsafe-fixes", "--select", "WD012", "le.txt")
    once = Path("le.txt").read_text(encoding="utf-8")
    assert once == "工作总结\n我们提高了工作效率。\n"
    run(capsys, "check", "--fix", "--unsafe-fixes", "--select", "WD012", "le.txt")
    assert Path("le.txt").read_text(encoding="utf-8") == once


def test_fix_round_cap_is_reported(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "MAX_FIX_ROUNDS", 2)
    Path("le.txt").write_text("提高" + "了" * 64 + "效率。\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--fix", "--unsafe-fixes", "--select", "WD012", "le.txt")
    assert "请再运行一次 --fix" in err
    assert code in (0, 1)


def _diag(start: int, end: int, content: str, safe: bool = True) -> Diagnostic:
    edit = Edit(Span(start, end), content)
    fix = Fix(Applicability.SAFE if safe else Applicability.UNSAFE, (edit,))
    return Diagnostic("XX001", "x", Category.PUNCTUATION, Severity.WARNING, "m", Span(start, end), fix)


def test_apply_fixes_skips_conflicts_and_keeps_the_rest() -> None:
    text = "abcdefghij"
    diagnostics = [
        _diag(0, 2, "X"),
        _diag(1, 3, "Y"),  # overlaps the first: next round
        _diag(2, 2, "+"),  # insertion at the end of the first: compatible
        _diag(5, 5, "<"),
        _diag(5, 5, ">"),  # a second insertion at the same point: next round
        _diag(5, 7, "Z"),  # a range starting at an insertion point: next round
        _diag(8, 9, "W", safe=False),  # unsafe: never applied
        _diag(9, 10, ""),
    ]
    assert apply_fixes(text, diagnostics) == ("X+cde<fghi", 4)


def test_apply_fixes_many_adjacent_fixes() -> None:
    text = "ab" * 50_000
    diagnostics = [_diag(i, i + 1, "A") for i in range(0, len(text), 2)]
    fixed, count = apply_fixes(text, diagnostics)
    assert count == 50_000 and fixed == "Ab" * 50_000


# --- --fix and the file system -----------------------------------------------------------------


def test_fix_writes_through_a_symlink(capsys: pytest.CaptureFixture[str]) -> None:
    Path("real.txt").write_text(FIXABLE, encoding="utf-8")
    Path("link.txt").symlink_to("real.txt")
    run(capsys, "check", "--fix", "link.txt")
    assert Path("link.txt").is_symlink()
    assert Path("real.txt").read_text(encoding="utf-8") == FIXED


def test_fix_keeps_hard_links(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.txt").write_text(FIXABLE, encoding="utf-8")
    os.link("a.txt", "b.txt")
    run(capsys, "check", "--fix", "a.txt")
    assert Path("b.txt").read_text(encoding="utf-8") == FIXED
    assert Path("a.txt").stat().st_ino == Path("b.txt").stat().st_ino
    assert sorted(p.name for p in Path().iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="changing an owner needs root")
def test_fix_keeps_the_owner(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.txt").write_text(FIXABLE, encoding="utf-8")
    os.chown("a.txt", 12345, 23456)
    run(capsys, "check", "--fix", "a.txt")
    st = Path("a.txt").stat()
    assert (st.st_uid, st.st_gid) == (12345, 23456)
    assert Path("a.txt").read_text(encoding="utf-8") == FIXED


def test_fix_refuses_a_read_only_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path("a.txt")
    path.write_text(FIXABLE, encoding="utf-8")
    path.chmod(0o444)  # refused by its mode, so also when running as root
    code, out, _ = run(capsys, "check", "--fix", "--output-format", "concise", "a.txt")
    assert code == 2
    assert "a.txt: error: 文件是只读的，未写入修复结果" in out
    assert path.read_text(encoding="utf-8") == FIXABLE


def test_fix_refuses_a_file_changed_while_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    real_check = api.check_bytes

    def check_then_change(*args: object, **kwargs: object) -> api.FileResult:
        result = real_check(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(FIXABLE + "新增一行。\n", encoding="utf-8")
        return result

    monkeypatch.setattr(api, "check_bytes", check_then_change)
    result = api.check_path(path, make_policy(), fix=True)
    assert result.error is not None and "被修改" in result.error
    assert path.read_text(encoding="utf-8").endswith("新增一行。\n")


def test_interrupt_during_a_write_is_held_until_the_file_is_complete(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    real_replace = os.replace

    def replace_after_signal(src: str, dst: Path) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # arrives while the temporary file exists
        assert received == []  # held back
        real_replace(src, dst)

    try:
        os.replace = replace_after_signal  # type: ignore[assignment]
        atomic.rewrite(target, b"new")
    finally:
        os.replace = real_replace
        signal.signal(signal.SIGTERM, previous)
    assert received == [signal.SIGTERM]
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_sigterm_during_a_fix_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(FIXABLE * 50, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "summarylint", "check", "--fix", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait until the first file has been rewritten, then terminate
    first = folder / "00.txt"
    for _ in range(2000):
        if process.poll() is not None or first.read_text(encoding="utf-8").startswith(FIXED):
            break
        subprocess.run(["sleep", "0.01"], check=False)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in out + err
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    if process.returncode == 143:
        assert "已中断" in err and "修复并写回了" in err
    for path in folder.iterdir():  # every file is either untouched or completely fixed
        assert path.read_text(encoding="utf-8") in (FIXABLE * 50, FIXED * 50)


def test_ctrl_c_in_a_folder_run_says_what_was_done(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        Path(name).write_text(FIXABLE, encoding="utf-8")
    real = api.check_path
    calls: list[Path] = []

    def interrupted_at_the_third(path: Path, *args: object, **kwargs: object) -> api.FileResult:
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("summarylint.api.check_path", interrupted_at_the_third)  # --diff runs
    monkeypatch.setattr("summarylint.batch.run.check_path", interrupted_at_the_third)  # folder runs
    code, _, err = run(capsys, "check", "--fix", ".")
    assert code == 130
    assert "已中断：检查完 2 个文件" in err and "修复并写回了 2 个文件：a.txt、b.txt" in err
    assert Path("c.txt").read_text(encoding="utf-8") == FIXABLE


# --- file names and output streams -------------------------------------------------------------

GBK_NAME = "报告".encode("gbk") + b".txt"


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names are a Linux matter")
@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github"])
def test_non_utf8_file_name_in_every_report(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    with open(os.fsencode(".") + b"/" + GBK_NAME, "wb") as fh:
        fh.write(ERROR.encode("utf-8"))
    code, out, _ = run(capsys, "check", "--output-format", fmt, ".")
    assert code == 1
    # SARIF names the file by a URI: its bytes percent-encoded
    shown = "%B1%A8%B8%E6.txt" if fmt == "sarif" else "\\xb1\\xa8\\xb8\\xe6.txt"
    assert shown in out.replace("\\\\", "\\")
    if fmt in ("json", "sarif"):
        json.loads(out)


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names are a Linux matter")
def test_non_utf8_file_name_with_a_strict_ascii_stdout(tmp_path: Path) -> None:
    with open(os.fsencode(str(tmp_path)) + b"/" + GBK_NAME, "wb") as fh:
        fh.write(ERROR.encode("utf-8"))
    env = {**os.environ, "PYTHONIOENCODING": "ascii:strict", "NO_COLOR": "1"}
    for fmt in ("full", "concise"):
        done = subprocess.run(
            [sys.executable, "-m", "summarylint", "check", "--output-format", fmt, "."],
            cwd=tmp_path,
            capture_output=True,
            env=env,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert b"Traceback" not in done.stderr
        assert b"NU005" in done.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_on_stdout_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ERROR, encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "summarylint", "check", "a.txt"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["summarylint: error: 无法输出报告：No space left on device"]


# --- configuration -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pyproject.toml", "summarylint.toml"])
def test_gbk_configuration_in_a_parent_folder(capsys: pytest.CaptureFixture[str], name: str) -> None:
    body = '[tool.summarylint]\nignore = ["NU005"]  # 不检查序号\n'
    if name != "pyproject.toml":
        body = body.replace("[tool.summarylint]\n", "")
    Path(name).write_bytes(body.encode("gbk"))
    Path("sub").mkdir()
    Path("sub/a.txt").write_text(ERROR, encoding="utf-8")
    os.chdir("sub")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2
    assert err.strip().count("\n") == 0
    assert name in err and "不是 UTF-8 编码" in err


def test_broken_pyproject_of_another_tool_is_passed_over(capsys: pytest.CaptureFixture[str]) -> None:
    Path("pyproject.toml").write_bytes("[tool.black]\nline-length = 1  # 行宽\n".encode("gbk"))
    Path("a.txt").write_text(ERROR, encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.txt")
    assert code == 1 and "NU005" in out


def test_gbk_rule_pack(capsys: pytest.CaptureFixture[str]) -> None:
    Path("pack.toml").write_bytes('[[rule]]\ncode = "XA001"\n# 规则\n'.encode("gbk"))
    Path("summarylint.toml").write_text('extend-rule-packs = ["pack.toml"]\n', encoding="utf-8")
    Path("a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and "pack.toml" in err and "规则包不是 UTF-8 编码" in err


def test_tool_not_a_table_in_explicit_config(capsys: pytest.CaptureFixture[str]) -> None:
    Path("conf").mkdir()
    Path("conf/pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    Path("a.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", "conf/pyproject.toml", "a.txt")
    assert code == 2 and "pyproject.toml" in err and "tool 应是一个表" in err


def test_bom_in_summarylint_toml(capsys: pytest.CaptureFixture[str]) -> None:
    Path("summarylint.toml").write_bytes(b'\xef\xbb\xbfignore = ["NU005"]\n')
    Path("a.txt").write_text(ERROR, encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.txt")
    assert code == 0 and "NU005" not in out


# --- nothing skipped in silence ----------------------------------------------------------------


def test_folder_of_old_word_files_is_not_zero_files(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.doc", "b.wps", "c.pdf", "d.rtf", "e.odt", "f.pages", "g.et"):
        Path(name).write_bytes(b"\xd0\xcf\x11\xe0 binary")
    Path("notes.png").write_bytes(b"\x89PNG")  # not a document: not mentioned
    code, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == 7 and all(": error: 不支持" in line for line in lines)
    assert "a.doc: error: 不支持旧版 Word 格式 .doc" in out


def test_json_report_has_a_file_entry_with_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.doc").write_bytes(b"x")
    code, out, _ = run(capsys, "check", "--output-format", "json", ".")
    assert code == 2
    (entry,) = json.loads(out)["files"]
    assert entry["path"] == "a.doc" and entry["error"].startswith("不支持旧版 Word")


def test_unreadable_subfolder_is_reported(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("open").mkdir()
    Path("open/a.txt").write_text(GOOD, encoding="utf-8")
    Path("locked").mkdir()
    Path("locked/b.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert code == 2
    assert "locked: error: 没有读取权限，其中的文件未检查" in out
    assert "open/a.txt" not in out  # checked, clean


def test_unreadable_file_is_reported(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("a.txt").write_text(GOOD, encoding="utf-8")
    Path("b.txt").write_text(ERROR, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert code == 2
    assert "a.txt: error: 没有读取权限" in out and "b.txt:3:1: NU005" in out


def test_directory_symlinks_are_followed_and_loops_reported(capsys: pytest.CaptureFixture[str]) -> None:
    Path("real").mkdir()
    Path("real/a.txt").write_text(ERROR, encoding="utf-8")
    Path("top").mkdir()
    Path("top/link").symlink_to(Path("real").resolve())
    Path("top/loop").symlink_to(Path("top").resolve())
    Path("top/self.md").symlink_to("self.md")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "top")
    assert code == 2
    assert "top/link/a.txt:3:1: NU005" in out
    assert "top/loop: error: 符号链接循环" in out
    assert "top/self.md: error: 符号链接循环" in out
    assert len(out.splitlines()) == 3


_INTEGERS = b"".join(i.to_bytes(4, "little") for i in range(1, 1001))


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        (lambda: Path("x.md").mkdir(), None),  # a folder named x.md is searched, not read
        (lambda: None, "文件不存在"),
        (lambda: Path("x.md").write_bytes(b""), "文件是空的"),
        (lambda: Path("x.md").write_bytes(b"abc\x00def"), "空字节"),
        (lambda: Path("x.md").write_bytes(bytes(range(1, 256)) * 8), "无法识别文件编码"),
        (lambda: Path("x.md").write_bytes(b"\xff\xfe" + _INTEGERS), "不是文本"),
    ],
)
def test_each_hostile_path_has_a_clear_outcome(
    capsys: pytest.CaptureFixture[str], setup: object, needle: str | None
) -> None:
    setup()  # type: ignore[operator]
    code, out, _ = run(capsys, "check", "--output-format", "concise", "x.md")
    if needle is None:
        assert code == 0 and out == ""
    else:
        assert code == 2 and out.startswith("x.md: error: ") and needle in out and out.count("\n") == 1


def test_utf16_with_bom_must_be_text() -> None:
    with pytest.raises(ReadError, match="含有空字符"):
        read_document("x.txt", b"\xff\xfe" + _INTEGERS)  # a table of 32-bit integers
    controls = bytes(b for i in range(1000) for b in (i % 31 + 1, 0))  # 16-bit integers below 32
    with pytest.raises(ReadError, match="控制字符或私用区字符"):
        read_document("x.txt", b"\xff\xfe" + controls)
    with pytest.raises(ReadError, match="无法解码"):
        read_document("x.txt", b"\xff\xfe" + "正文".encode("utf-16-le") + b"\x00\xd8" + b"a\x00")  # unpaired
    assert read_document("x.txt", "\ufeff一、总体\n".encode("utf-16")).paragraphs[0].text == "一、总体"


@pytest.mark.parametrize("text", ["温度≥25℃。\n", "①加强学习；②严格考核。\n", "㈠ 第一项\n", "Ⅱ、措施\n", "№1 ±5%\n"])
def test_short_gbk_files_with_common_symbols(text: str) -> None:
    doc = read_document("x.txt", text.encode("gbk"))
    assert doc.encoding == "gb18030" and doc.source == text


def test_gbk_heuristic_still_rejects_other_encodings() -> None:
    with pytest.raises(ReadError, match="无法识别文件编码"):
        read_document("x.txt", "這是繁體中文的句子。".encode("big5"))


# --- internal errors ---------------------------------------------------------------------------


def test_internal_error_in_one_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("a.txt").write_text(ERROR, encoding="utf-8")
    Path("boom.txt").write_text(GOOD, encoding="utf-8")
    real = read_document

    def read(path: str, data: bytes) -> object:
        if path.endswith("boom.txt"):
            raise RuntimeError("kaput")
        return real(path, data)

    monkeypatch.setattr(api, "read_document", read)
    code, out, err = run(capsys, "check", "--output-format", "concise", ".")
    assert code == 2
    assert "a.txt:3:1: NU005" in out
    assert "boom.txt: error: 内部错误：RuntimeError: kaput（加 --debug" in out
    code, out, err = main(["check", "--debug", "."]), *capsys.readouterr()
    assert code == 2 and "Traceback" in err and "kaput" in err


def test_internal_error_outside_any_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("a.txt").write_text(GOOD, encoding="utf-8")

    def broken(*args: object) -> str:
        raise ValueError("reporter bug")

    monkeypatch.setattr("summarylint.cli.render", broken)
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and err.startswith("summarylint: error: 内部错误：ValueError: reporter bug")
    monkeypatch.setenv("SUMMARYLINT_DEBUG", "1")
    assert main(["check", "a.txt"]) == 2
    assert "Traceback" in capsys.readouterr().err


# --- API, size bounds --------------------------------------------------------------------------


def test_lone_surrogates_in_api_input_keep_positions() -> None:
    result = lint_text("一、总体\n（1）加强\ud800学习\n（3）严格\n", "x.txt")
    assert result.error is None
    assert result.document is not None and "\ud800" not in result.document.source
    assert result.document.source.index("\ufffd") == len("一、总体\n（1）加强")
    (gap,) = [d for d in result.diagnostics if d.code == "NU005"]
    assert result.document.source[gap.span.start : gap.span.end] == "（3）"


def test_file_above_the_size_limit(capsys: pytest.CaptureFixture[str]) -> None:
    Path("summarylint.toml").write_text('max-file-size = "1KB"\n', encoding="utf-8")
    Path("big.txt").write_text("正文。\n" * 200, encoding="utf-8")
    Path("small.txt").write_text(ERROR, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert code == 2
    assert "big.txt: error: 文件太大（2.0 KB，上限 1.0 KB）" in out and "small.txt:3:1: NU005" in out


def test_default_size_limit_applies_to_bytes_and_stdin() -> None:
    policy = Policy(make_policy().registry, Config(Settings(max_file_size=ByteSize(10))))
    result = check_bytes("x.txt", GOOD.encode(), policy)
    assert result.error is not None and result.error.startswith("文件太大")


def test_folder_run_keeps_no_document(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        Path(f"{i}.txt").write_text(ERROR * 20, encoding="utf-8")
    kept: list[object] = []
    real = api.FileResult.for_report

    def spy(self: api.FileResult, *args: Any) -> api.FileResult:
        slim = real(self, *args)
        kept.append(slim.document)
        return slim

    monkeypatch.setattr(api.FileResult, "for_report", spy)
    code, out, _ = run(capsys, "check", "--show-all", ".")
    assert code == 1 and out.count("NU005") == 3 * 20
    assert all(doc is not None and doc.source == "" for doc in kept)  # type: ignore[attr-defined]


# --- the README's reliability table: the rows not covered above ------------------------------


def test_random_binary_with_a_text_extension(capsys: pytest.CaptureFixture[str]) -> None:
    import random

    noise = random.Random(7)
    Path("random.txt").write_bytes(bytes(noise.randrange(256) for _ in range(20_000)))
    code, out, _ = run(capsys, "check", "--output-format", "concise", "random.txt")
    assert code == 2 and out.startswith("random.txt: error: ") and out.count("\n") == 1


def test_one_long_line_is_checked() -> None:
    sentence = "全年开展安全检查12次，整改隐患35处。"
    result = lint_text(sentence * 2_000 + "\n", "line.txt")
    assert result.error is None and result.document is not None
    assert len(result.document.paragraphs) == 1


def test_deep_nesting_is_checked() -> None:
    lines = [">" * depth + " 正文。" for depth in range(1, 301)]
    lines += ["  " * depth + "- 正文。" for depth in range(300)]
    result = lint_text("\n".join(lines) + "\n", "nested.md")
    assert result.error is None and result.document is not None
    assert len(result.document.paragraphs) > 300
    assert all(p.text and not p.text.replace("正文。", "") for p in result.document.paragraphs)


def test_many_headings_are_checked() -> None:
    text = "".join(f"## {i}. 第{i}项工作\n\n正文。\n\n" for i in range(1, 2001))
    result = lint_text(text, "headings.md")
    assert result.error is None
    assert not [d for d in result.diagnostics if d.code == "NU005"]  # 1. to 2000. without a gap


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo("pipe.md")  # reading it would wait for a writer forever
    Path("a.txt").write_text(ERROR, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert code == 2
    assert "pipe.md: error: 不是普通文件" in out and "a.txt:3:1: NU005" in out
