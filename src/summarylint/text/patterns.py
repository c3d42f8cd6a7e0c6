"""Compiling the patterns of built-in data packs: ``{NAME}`` class references and alternations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

_CLASS_REF = re.compile(r"\{([A-Z][A-Z_]*)\}")


def expand(pattern: str, classes: Mapping[str, str]) -> str:
    """Replace ``{NAME}`` by ``classes[NAME]`` (quantifiers such as ``{2,}`` are left alone)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in classes:
            raise KeyError(f"unknown pattern class {{{name}}}")
        return classes[name]

    return _CLASS_REF.sub(replace, pattern)


def compile_one(pattern: str, classes: Mapping[str, str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(expand(pattern, classes), flags)


def compile_any(
    patterns: Sequence[str], classes: Mapping[str, str], flags: int = 0, starts: str = ""
) -> re.Pattern[str]:
    """One pattern trying each of ``patterns`` in order (leftmost match first).

    ``starts``, when given, lists every character a match can begin with: the pattern then opens with
    a look-ahead on them, so the regex engine skips ahead over long texts instead of trying every
    alternative at every position.
    """
    union = "|".join(f"(?:{expand(p, classes)})" for p in patterns)
    if starts:
        union = f"(?=[{re.escape(starts)}])(?:{union})"
    return re.compile(union, flags)


def covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans``."""
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def scan(
    pattern: re.Pattern[str], text: str, accept: Callable[[re.Match[str]], bool] | None = None
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in ``text``; a match ``accept`` refuses is retried one character later,
    so that a rejected long match does not hide a shorter one starting inside it."""
    pos = 0
    while pos <= len(text):
        match = pattern.search(text, pos)
        if match is None:
            return
        if accept is None or accept(match):
            yield match
            pos = match.end() if match.end() > match.start() else match.start() + 1
        else:
            pos = match.start() + 1
