"""Files a folder search leaves out because git ignores them (``.gitignore``, ``.git/info/exclude``,
the user's global excludes).

Git itself is asked (``git check-ignore --stdin``), so every rule of its ignore files applies as
git applies it, and a file git tracks is never left out.  Outside a git work tree, or where git is
not installed, nothing is left out.  Files named on the command line are always checked.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from summarylint.files import Candidate


def _ignored(folder: Path, paths: list[Path]) -> set[str]:
    if not paths:
        return set()
    data = b"".join(os.fsencode(p) + b"\0" for p in paths)
    try:
        done = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            cwd=folder,
            input=data,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    return {os.fsdecode(part) for part in done.stdout.split(b"\0") if part}


def drop_git_ignored(candidates: Sequence[Candidate], roots: Sequence[Path]) -> list[Candidate]:
    """``candidates`` without the files found in ``roots`` (folders) that git ignores."""
    ignored: set[str] = set()
    for root in roots:
        if not root.is_dir():
            continue
        top = root.resolve()
        inside = []
        for c in candidates:
            if c.explicit or c.error is not None:
                continue
            absolute = c.path.absolute()
            if absolute.is_relative_to(top) or c.path.is_relative_to(root):
                inside.append(absolute)
        ignored |= _ignored(root, inside)
    if not ignored:
        return list(candidates)
    return [c for c in candidates if c.explicit or str(c.path.absolute()) not in ignored]
