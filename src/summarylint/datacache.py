"""The per-user cache of data summarylint builds once from its dependencies and its rule packs (jieba's
dictionary focused on the rules' words, the typo lexicon, the English word table, parsed packs) and
of batch results: where it lives, and how one file of it is read or, when missing or outdated, built
and written.

``SUMMARYLINT_CACHE_DIR`` overrides the location.  Every file carries a key of what it was built from;
a damaged, outdated or foreign file is built again, and a read-only folder only costs the building.

A data file is named ``<kind>-<key>.<extension>`` (``typo-words-0123456789abcdef.txt``), so an upgrade
of summarylint or of a dependency, or an edited rule pack, makes a new file of the same kind beside
the old one.  Reading a file marks it used (its modification time, refreshed at most once a day), and
writing one removes the files of its kind that no run has used for :data:`UNUSED_DAYS` days: the
cache does not grow with every upgrade, and two installations that share it (two virtual
environments with different versions of jieba) keep their files while both are in use.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from summarylint.atomic import write_atomically

T = TypeVar("T")

#: Says when a cache file that takes some seconds is built (the command line shows it on a terminal).
log = logging.getLogger("summarylint.cache")


def cache_root() -> Path:
    """The per-user cache directory of summarylint (``SUMMARYLINT_CACHE_DIR``, XDG, or the platform's)."""
    explicit = os.environ.get("SUMMARYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "summarylint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "summarylint"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "summarylint" if xdg else Path.home() / ".cache" / "summarylint"


#: A data file of a kind no run has read for this many days is removed when a file of its kind is written.
UNUSED_DAYS = 30
_DAY = 86_400.0  # seconds
#: How often reading a data file refreshes its modification time (a write per run would cost more).
_MARK_EVERY = _DAY
#: ``<kind>-<key>.<extension>``: the data files :func:`cached_build` makes (their keys are 16 hex digits).
_DATA_FILE = re.compile(r"(?P<kind>.+)-[0-9a-f]{16}(?P<extension>\.[a-z]+)")


def mark_used(path: Path) -> None:
    """Record that a run read the data file ``path`` (see the module notes); never fails."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > _MARK_EVERY:
            os.utime(path)


def prune(path: Path, now: float | None = None) -> list[Path]:
    """Remove the data files of ``path``'s kind, other than ``path``, that no run has read for
    :data:`UNUSED_DAYS` days; the files removed.  Files of other names are never touched, and a file
    that cannot be removed (in use on Windows, a read-only folder) is left."""
    match = _DATA_FILE.fullmatch(path.name)
    if match is None:
        return []
    kind, extension = match["kind"], match["extension"]
    oldest = (time.time() if now is None else now) - UNUSED_DAYS * _DAY
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for other in path.parent.iterdir():
            found = _DATA_FILE.fullmatch(other.name)
            if other.name == path.name or found is None or (found["kind"], found["extension"]) != (kind, extension):
                continue
            with contextlib.suppress(OSError):
                if other.stat().st_mtime < oldest:
                    other.unlink()
                    removed.append(other)
    return removed


def cached_build(
    path: Path, read: Callable[[bytes], T | None], make: Callable[[], tuple[T, bytes]], what: str | None = None
) -> T:
    """What the cache file ``path`` holds when ``read`` accepts it (None: damaged, outdated or of
    another key); otherwise what ``make`` builds, whose bytes are written to ``path`` (atomically; in a
    read-only cache folder it is built again next time; writing it removes the unused files of its
    kind, see :func:`prune`).  ``what`` names data that takes some seconds to build: building it is
    logged (:data:`log`)."""
    try:
        found = read(path.read_bytes())
    except OSError:
        found = None
    if found is not None:
        mark_used(path)
        return found
    if what is not None:
        log.info("正在生成%s（首次使用或依赖更新后只需一次，约需几秒）", what)
    built, data = make()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
        prune(path)
    return built
