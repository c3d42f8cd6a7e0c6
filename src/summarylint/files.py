"""Which files a run checks: paths given on the command line, expanded and filtered."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarylint.policy import Policy
from summarylint.readers import is_supported

#: Folders never searched when a directory is checked.
DEFAULT_EXCLUDES = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache", ".ruff_cache"}
)


def _wanted(name: str) -> bool:
    """Documents found in a folder: supported ones, but not Word's lock files (``~$报告.docx``) nor the
    reviewed copies ``summarylint annotate`` writes (``报告.checked.docx``)."""
    return is_supported(name) and not name.startswith("~$") and not name.endswith(".checked.docx")


@dataclass(frozen=True)
class Candidate:
    path: Path
    explicit: bool  # named on the command line (checked even if its suffix is unknown)


def collect(paths: list[Path], policy: Policy, *, force_exclude: bool = False) -> Iterator[Candidate]:
    """Files to check, in a stable order; a missing path is yielded as explicit so it is reported."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                base = Path(root)
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in DEFAULT_EXCLUDES and not d.startswith(".") and not policy.excluded(base / d)
                )
                for name in sorted(names):
                    file = base / name
                    if _wanted(name) and not policy.excluded(file):
                        key = file.resolve()
                        if key not in seen:
                            seen.add(key)
                            yield Candidate(file, explicit=False)
        else:
            if force_exclude and policy.excluded(path):
                continue
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield Candidate(path, explicit=True)
