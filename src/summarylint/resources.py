"""Locate the data that ships with summarylint: the ordinal grammar and the rule packs.

In a wheel the top-level ``grammar/`` and ``rules/`` folders are installed as
``summarylint/_data/``; in a source checkout (editable install, tests) they are
read from the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``grammar`` or ``rules`` wherever this installation keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"summarylint installation is missing its '{name}' data folder")
