"""Regular expressions whose compiled programs are kept in the user cache.

Python's ``re`` parses and compiles an expression in Python code, which costs up to two milliseconds for
the expressions the typo family builds from its packs (a long alternation of words, a class of a hundred
Chinese characters, a range of them: the compiler marks a range's characters one by one): a document
that needed a few dozen of them (WD001's guards, WD002's tables) spent about 20 ms compiling alone.  The
program the compiler makes (a list of integers, with the pattern's flags and groups) depends only on the
pattern and on Python, so :func:`compiled` keeps it in one cache file (:func:`~summarylint.datacache.cache_root`,
keyed by Python's exact version and its engine's) and hands a kept program to the engine as
``re._compiler.compile`` does (unchanged from Python 3.11 to 3.13): loading the file and building the
patterns a document needs costs half a millisecond.

The programs a process compiles are added to the file when it exits (one write; a process that compiled
nothing new writes nothing).  Only expressions of the program and of its packs go through here, never
one made of a user's words (the file would grow with them).  On another Python version, or when anything
fails, an expression is compiled as usual.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # (CPython's regular-expression engine, which re compiles for)
import atexit
import contextlib
import hashlib
import re
import sys
import threading
from array import array
from pathlib import Path

#: Bump when the format of the kept programs changes.
_FORMAT = 1
#: The versions whose ``re._compiler.compile`` hands its program to the engine as :func:`_program` reads it.
_SUPPORTED = ((3, 11), (3, 12), (3, 13))

#: A kept program: the pattern's flags (with those set inside it), its code as bytes of ``array("I")``,
#: its groups less one, its group names → numbers, its group numbers → names.
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_lock = threading.Lock()
_made: dict[tuple[str, int], re.Pattern[str]] = {}
_kept: dict[tuple[str, int], _Program] | None = None  # (the cache file's programs, read on first use)
_new: dict[tuple[str, int], _Program] = {}  # (compiled by this process, written at its exit)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program kept in the cache when there is one (see the module
    notes).  For the expressions of the program and its packs only."""
    key = (pattern, int(flags))
    found = _made.get(key)
    if found is None:
        with _lock:
            found = _made.get(key)
            if found is None:
                found = _made[key] = _make(*key)
    return found


def _make(pattern: str, flags: int) -> re.Pattern[str]:
    if sys.version_info[:2] not in _SUPPORTED or array("I").itemsize != _codesize():
        return re.compile(pattern, flags)
    try:
        program = _kept_programs().get((pattern, flags))
        if program is None:
            program = _program(pattern, flags)
            _remember((pattern, flags), program)
        final, code, groups, groupindex, indexgroup = program
        made: re.Pattern[str] = _sre.compile(pattern, final, array("I", code).tolist(), groups, groupindex, indexgroup)
        return made
    except Exception:  # (whatever fails, above all a damaged program: compiled as usual)
        return re.compile(pattern, flags)


def _codesize() -> int:
    return int(_sre.CODESIZE)


def _program(pattern: str, flags: int) -> _Program:
    """What ``re._compiler.compile`` hands the engine for ``pattern``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    final = flags | parsed.state.flags
    return final, array("I", code).tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _key() -> str:
    """The cache file's key: its format, Python's exact version, its engine's."""
    material = f"{_FORMAT}|{sys.version}|{sys.implementation.name}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def _path() -> Path:
    from summarylint.datacache import cache_root

    return cache_root() / f"regex-programs-{_key()}.bin"


def _read(path: Path) -> dict[tuple[str, int], _Program]:
    from summarylint.packs import load_parsed

    try:
        data = path.read_bytes()
    except OSError:
        return {}
    kept = load_parsed(data, _key())
    return kept if kept is not None else {}  # type: ignore[return-value]


def _kept_programs() -> dict[tuple[str, int], _Program]:
    global _kept
    if _kept is None:
        from summarylint.datacache import mark_used

        path = _path()
        _kept = _read(path)
        if _kept:
            mark_used(path)
    return _kept


def _remember(key: tuple[str, int], program: _Program) -> None:
    if not _new:
        atexit.register(_write)
    _new[key] = program


def _write() -> None:
    """Add the programs this process compiled to the cache file (with those another process added meanwhile)."""
    from summarylint.atomic import write_atomically
    from summarylint.datacache import prune
    from summarylint.packs import dump_parsed

    with _lock, contextlib.suppress(OSError, ValueError):
        path = _path()
        programs = {**_read(path), **_new}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, dump_parsed(programs, _key()))  # type: ignore[arg-type]
        prune(path)
        _new.clear()
