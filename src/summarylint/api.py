"""The public API: check a file, bytes or text; used by the CLI, the tests and anyone embedding summarylint."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from summarylint.atomic import WriteRefused, file_identity, rewrite
from summarylint.config import Config, Settings
from summarylint.diagnostics import Diagnostic
from summarylint.document import Document, Format
from summarylint.fix import apply_fixes
from summarylint.linter import FileResult, lint_document
from summarylint.policy import Policy
from summarylint.readers import Decoded, ReadError, read_decoded, read_document, unsupported
from summarylint.rules import Rule
from summarylint.userpacks import registry_for

#: Rounds of fixing before giving up (each round re-checks the fixed text).  Fixes that conflict
#: wait for the next round, so a run of n repeated characters needs about log2(n) rounds: 64 rounds
#: are far more than any file needs; reaching them is reported.
MAX_FIX_ROUNDS = 64

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def make_policy(config: Config | None = None, overrides: Settings | None = None) -> Policy:
    config = config or Config()
    return Policy(registry_for(config), config, overrides)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as reports show it: a file name that is not valid UTF-8 (bytes kept by the operating
    system as surrogate escapes) shows its undecodable bytes as ``\\xNN``."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _size(count: int) -> str:
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= factor:
            return f"{count / factor:.1f} {unit}"
    return f"{count} 字节"


def _too_large(size: int, policy: Policy) -> str | None:
    limit = int(policy.settings.max_file_size)
    if size <= limit:
        return None
    return f"文件太大（{_size(size)}，上限 {_size(limit)}），未检查；可在配置中用 max-file-size 调整上限"


def _fix(
    doc: Document,
    data: bytes,
    rules: list[Rule],
    policy: Policy,
    diagnostics: list[Diagnostic],
    failures: list[str],
    unsafe: bool = False,
) -> tuple[Document, list[Diagnostic], list[str], int, str | None]:
    """Apply safe fixes round after round on the decoded text; the encoding is the one decided when
    the file was read.  Returns the fixed document, its diagnostics and failures, the number of
    fixes and a note when fixing stopped before every safe fix was applied."""
    try:
        encoded = doc.bom + doc.source.encode(doc.encoding)
    except UnicodeEncodeError:
        encoded = b""
    if encoded != data:  # writing the text back would change bytes nobody edited
        return doc, diagnostics, failures, 0, f"按 {doc.encoding} 重新编码后与原文件字节不同，未修复"
    decoded_with = Decoded("", doc.encoding, doc.bom)
    source = doc.source
    fixed = 0
    for _ in range(MAX_FIX_ROUNDS):
        source, count = apply_fixes(source, diagnostics, unsafe=unsafe)
        if not count:
            return doc, diagnostics, failures, fixed, None
        fixed += count
        doc = read_decoded(doc.path, Decoded(source, decoded_with.encoding, decoded_with.bom))
        diagnostics, failures = lint_document(doc, rules, policy)
    _, remaining = apply_fixes(source, diagnostics, unsafe=unsafe)
    note = None
    if remaining:
        note = f"修复了 {MAX_FIX_ROUNDS} 轮后仍有 {remaining} 处可自动修复，已写入已修复的部分；请再运行一次 --fix"
    return doc, diagnostics, failures, fixed, note


def check_bytes(
    display: str,
    data: bytes,
    policy: Policy,
    *,
    path: Path | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
) -> FileResult:
    """Check the content of one file; ``display`` is the path shown in reports.

    With ``fix`` the safe fixes (with ``unsafe_fixes`` all fixes) are applied to the text (never to a
    .docx) and the result describes the fixed text; ``original`` keeps the text before."""
    display = display_path(display)
    too_large = _too_large(len(data), policy)
    if too_large:
        return FileResult(display, error=too_large)
    try:
        doc = read_document(display, data)
    except ReadError as exc:
        return FileResult(display, error=str(exc))
    rules = policy.rules_for(path if path is not None else Path(display))
    diagnostics, failures = lint_document(doc, rules, policy)
    fixed, note = 0, None
    original = doc.source
    if fix and doc.format is not Format.DOCX:
        doc, diagnostics, failures, fixed, note = _fix(doc, data, rules, policy, diagnostics, failures, unsafe_fixes)
    result = FileResult(display, doc, diagnostics, "；".join(failures) or None, fixed, note)
    if fixed and doc.source != original:
        result.original = original
    return result


def check_path(
    path: Path,
    policy: Policy,
    *,
    fix: bool = False,
    display: str | None = None,
    unsafe_fixes: bool = False,
    write: bool = True,
    written: Callable[[FileResult], None] | None = None,
) -> FileResult:
    """Check one file; with ``fix`` (and ``write``), write the fixes back to it (``written`` is called
    once the file holds them)."""
    shown = display_path(display or path)
    why = unsupported(path.name)
    if why is not None and not path.is_dir():
        return FileResult(shown, error=why if path.exists() or path.is_symlink() else "文件不存在")
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            return FileResult(shown, error="是目录，不是文件")
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would be read without end
            return FileResult(shown, error="不是普通文件（管道、设备等），未读取")
        too_large = _too_large(st.st_size, policy)
        if too_large:
            return FileResult(shown, error=too_large)
        data = path.read_bytes()
    except FileNotFoundError:
        return FileResult(shown, error="文件不存在" if not path.is_symlink() else "符号链接指向的文件不存在")
    except IsADirectoryError:
        return FileResult(shown, error="是目录，不是文件")
    except PermissionError:
        return FileResult(shown, error="没有读取权限")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return FileResult(shown, error="符号链接循环，无法读取")
        return FileResult(shown, error=f"无法读取：{exc.strerror or exc}")
    result = check_bytes(shown, data, policy, path=path, fix=fix, unsafe_fixes=unsafe_fixes)
    if fix and write and result.fixed and result.document is not None:
        doc = result.document
        try:
            new = doc.bom + doc.source.encode(doc.encoding)
            rewrite(path, new, expected=file_identity(st), written=lambda: written(result) if written else None)
        except UnicodeEncodeError:
            result.error = f"修复后的文本无法用原编码 {doc.encoding} 保存，未写入"
            result.fixed = 0
        except WriteRefused as exc:
            result.error = str(exc)
            result.fixed = 0
        except OSError as exc:
            result.error = f"无法写入修复结果：{exc.strerror or exc}"
            result.fixed = 0
    return result


def lint_text(text: str, filename: str = "<stdin>.md", config: Config | None = None) -> FileResult:
    """Check ``text`` as if it were the content of ``filename`` (its suffix picks the reader).

    A lone surrogate (which no file can hold) is checked as U+FFFD, the replacement character, so
    every position stays where it was; the garbled-text rules report it.
    """
    return check_bytes(filename, _SURROGATE.sub("\ufffd", text).encode("utf-8"), make_policy(config))


def lint_path(path: str | os.PathLike[str], config: Config | None = None) -> FileResult:
    return check_path(Path(path), make_policy(config))


__all__ = ["FileResult", "check_bytes", "check_path", "display_path", "lint_path", "lint_text", "make_policy"]
