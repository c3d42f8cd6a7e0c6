"""The public API: check a file, bytes or text; used by the CLI, the tests and anyone embedding summarylint."""

from __future__ import annotations

import os
from pathlib import Path

from summarylint.atomic import write_atomically
from summarylint.config import Config, Settings
from summarylint.document import Format
from summarylint.fix import apply_fixes
from summarylint.linter import FileResult, lint_document
from summarylint.policy import Policy
from summarylint.readers import ReadError, read_document
from summarylint.rules import registry_for

#: Rounds of fixing before giving up (each round re-checks the fixed text).
MAX_FIX_ROUNDS = 10


def make_policy(config: Config | None = None, overrides: Settings | None = None) -> Policy:
    config = config or Config()
    return Policy(registry_for(config), config, overrides)


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
    try:
        doc = read_document(display, data)
    except ReadError as exc:
        return FileResult(display, error=str(exc))
    rules = policy.rules_for(path if path is not None else Path(display))
    diagnostics, failures = lint_document(doc, rules, policy)
    fixed = 0
    original = doc.source
    if fix and doc.format is not Format.DOCX:
        source = doc.source
        for _ in range(MAX_FIX_ROUNDS):
            source, count = apply_fixes(source, diagnostics, unsafe=unsafe_fixes)
            if not count:
                break
            fixed += count
            doc = read_document(display, doc.bom + source.encode(doc.encoding))
            diagnostics, failures = lint_document(doc, rules, policy)
    changed = original if fixed and doc.source != original else None
    return FileResult(display, doc, diagnostics, "；".join(failures) or None, fixed, changed)


def check_path(
    path: Path,
    policy: Policy,
    *,
    fix: bool = False,
    display: str | None = None,
    unsafe_fixes: bool = False,
    write: bool = True,
) -> FileResult:
    """Check one file; with ``fix`` and ``write`` the fixed text replaces the file (atomically)."""
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return FileResult(shown, error="文件不存在")
    except IsADirectoryError:
        return FileResult(shown, error="是目录，不是文件")
    except PermissionError:
        return FileResult(shown, error="没有读取权限")
    except OSError as exc:
        return FileResult(shown, error=f"无法读取：{exc.strerror or exc}")
    result = check_bytes(shown, data, policy, path=path, fix=fix, unsafe_fixes=unsafe_fixes)
    if fix and write and result.fixed and result.document is not None:
        doc = result.document
        try:
            write_atomically(path, doc.bom + doc.source.encode(doc.encoding), mode=path.stat().st_mode)
        except UnicodeEncodeError:
            result.error = f"修复后的文本无法用原编码 {doc.encoding} 保存，未写入"
            result.fixed = 0
        except OSError as exc:
            result.error = f"无法写入修复结果：{exc.strerror or exc}"
            result.fixed = 0
    return result


def lint_text(text: str, filename: str = "<stdin>.md", config: Config | None = None) -> FileResult:
    """Check ``text`` as if it were the content of ``filename`` (its suffix picks the reader)."""
    return check_bytes(filename, text.encode("utf-8"), make_policy(config))


def lint_path(path: str | os.PathLike[str], config: Config | None = None) -> FileResult:
    return check_path(Path(path), make_policy(config))


__all__ = ["FileResult", "check_bytes", "check_path", "lint_path", "lint_text", "make_policy"]
