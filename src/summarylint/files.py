"""Which files a run checks: paths given on the command line, expanded and filtered.

Every file a reviewer could have meant is accounted for: a folder's documents are checked, and
those summarylint cannot read (``.doc``, ``.wps``, ``.pdf``...) are reported with a one-line error
instead of being passed over; so are sub-folders that cannot be read and symbolic links that lead
back into a folder being searched.  Symbolic links to folders are followed, each folder searched
once.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarylint.policy import Policy
from summarylint.readers import is_document

#: Folders never searched when a directory is checked.
DEFAULT_EXCLUDES = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".ruff_cache"}
)


def _wanted(name: str) -> bool:
    """Documents found in a folder: those summarylint reads or names as unsupported, but not Word's
    lock files (``~$报告.docx``) nor the reviewed copies ``summarylint annotate`` writes
    (``报告.checked.docx``)."""
    return is_document(name) and not name.startswith("~$") and not name.endswith(".checked.docx")


@dataclass(frozen=True)
class Candidate:
    path: Path
    explicit: bool  # named on the command line (checked even if its suffix is unknown)
    error: str | None = None  # a folder that could not be searched, a symbolic link loop


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _walk(top: Path, policy: Policy, seen_dirs: set[tuple[int, int]]) -> Iterator[Candidate]:
    """The documents under ``top``, depth first in name order, following symbolic links to folders."""
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = []
    top_id = _identity(top)
    if top_id is None or top_id in seen_dirs:
        return
    seen_dirs.add(top_id)
    stack.append((top, (top_id,)))
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except PermissionError:
            yield Candidate(folder, explicit=False, error="没有读取权限，其中的文件未检查")
            continue
        except OSError as exc:
            yield Candidate(folder, explicit=False, error=f"无法读取文件夹：{exc.strerror or exc}，其中的文件未检查")
            continue
        subfolders: list[tuple[Path, tuple[tuple[int, int], ...]]] = []
        for entry in listing:
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name in DEFAULT_EXCLUDES or entry.name.startswith(".") or policy.excluded(path):
                    continue
                ident = _identity(path)
                if ident is None:
                    yield Candidate(path, explicit=False, error="无法读取文件夹，其中的文件未检查")
                elif ident in ancestors:
                    yield Candidate(path, explicit=False, error="符号链接循环：指向它所在的上级文件夹，未进入")
                elif ident not in seen_dirs:  # a folder reached twice through links is searched once
                    seen_dirs.add(ident)
                    subfolders.append((path, (*ancestors, ident)))
                continue
            if entry.is_symlink() and not os.path.exists(path):
                if _wanted(entry.name) or _loops(path):
                    yield Candidate(path, explicit=False)  # reported: a dangling link or a loop
                continue
            if _wanted(entry.name) and not policy.excluded(path):
                yield Candidate(path, explicit=False)
        stack.extend(reversed(subfolders))


def _loops(path: Path) -> bool:
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def collect(paths: list[Path], policy: Policy, *, force_exclude: bool = False) -> Iterator[Candidate]:
    """Files to check, in a stable order; a missing path is yielded as explicit so it is reported."""
    seen: set[Path] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            for candidate in _walk(path, policy, seen_dirs):
                if candidate.error is not None:
                    yield candidate
                    continue
                key = _key(candidate.path)
                if key not in seen:
                    seen.add(key)
                    yield candidate
        else:
            if force_exclude and policy.excluded(path):
                continue
            key = _key(path)
            if key not in seen:
                seen.add(key)
                yield Candidate(path, explicit=True)


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return path.absolute()
