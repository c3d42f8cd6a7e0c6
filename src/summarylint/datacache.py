"""The per-user cache of data summarylint builds once from its dependencies and its rule packs (jieba's
dictionary focused on the rules' words, the typo lexicon, the English word table, parsed packs) and
of batch results: where it lives, and how one file of it is read or, when missing or outdated, built
and written.

``SUMMARYLINT_CACHE_DIR`` overrides the location.  Every file carries a key of what it was built from;
a damaged, outdated or foreign file is built again, and a read-only folder only costs the building.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
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


def cached_build(
    path: Path, read: Callable[[bytes], T | None], make: Callable[[], tuple[T, bytes]], what: str | None = None
) -> T:
    """What the cache file ``path`` holds when ``read`` accepts it (None: damaged, outdated or of
    another key); otherwise what ``make`` builds, whose bytes are written to ``path`` (atomically; in a
    read-only cache folder it is built again next time).  ``what`` names data that takes some seconds
    to build: building it is logged (:data:`log`)."""
    try:
        found = read(path.read_bytes())
    except OSError:
        found = None
    if found is not None:
        return found
    if what is not None:
        log.info("正在生成%s（首次使用或依赖更新后只需一次，约需几秒）", what)
    built, data = make()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    return built
