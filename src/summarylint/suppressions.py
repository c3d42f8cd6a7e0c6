"""Inline suppression comments in Markdown documents.

``<!-- summarylint-disable NU001, placeholder -->`` turns the named rules (codes, prefixes, names or
categories; none means all) off until ``<!-- summarylint-enable -->`` (or ``enable`` with the same
names) or the end of the file; ``<!-- summarylint-disable-next-line PH004 -->`` for the next
non-blank line; ``<!-- summarylint-disable-file DU003 -->`` for the whole file.  A name that matches
no rule suppresses nothing.  Plain-text and Word files have no comments, so nothing is suppressed
there (use ``per-file-ignores``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarylint.config import ConfigError
from summarylint.diagnostics import Diagnostic
from summarylint.document import Document, Format
from summarylint.policy import parse_selector
from summarylint.rules import Registry

_DIRECTIVE = re.compile(
    r"<!--\s*summarylint-(?P<verb>disable-next-line|disable-file|disable|enable)\b(?P<names>[^>]*?)\s*-->"
)
_SEPARATORS = re.compile(r"[\s,，、]+")


@dataclass(frozen=True)
class _Range:
    start: int
    end: int
    codes: frozenset[str]


def _codes(registry: Registry, names: str) -> frozenset[str]:
    found: set[str] = set()
    words = [w for w in _SEPARATORS.split(names) if w]
    if not words:
        return frozenset(registry.codes())
    for word in words:
        try:
            found |= parse_selector(registry, word, "").codes
        except ConfigError:
            continue  # an unknown name suppresses nothing
    return frozenset(found)


def _ranges(doc: Document, registry: Registry) -> list[_Range]:
    source = doc.source
    ranges: list[_Range] = []
    open_ranges: list[tuple[int, frozenset[str]]] = []
    for m in _DIRECTIVE.finditer(source):
        verb, codes = m.group("verb"), _codes(registry, m.group("names"))
        if verb == "disable-file":
            ranges.append(_Range(0, len(source), codes))
        elif verb == "disable-next-line":
            line_end = source.find("\n", m.end())
            start = len(source) if line_end < 0 else line_end + 1
            while start < len(source) and source[start] in "\r\n":
                start += 1  # blank lines between the comment and the line it is about
            end = source.find("\n", start)
            ranges.append(_Range(start, len(source) if end < 0 else end, codes))
        elif verb == "disable":
            open_ranges.append((m.end(), codes))
        else:  # enable: closes what it names (everything when it names nothing)
            still_open = []
            for start, disabled in open_ranges:
                ended = disabled & codes
                if ended:
                    ranges.append(_Range(start, m.start(), ended))
                if disabled - codes:
                    still_open.append((start, disabled - codes))
            open_ranges = still_open
    ranges.extend(_Range(start, len(source), codes) for start, codes in open_ranges)
    return ranges


def apply_suppressions(doc: Document, diagnostics: list[Diagnostic], registry: Registry) -> list[Diagnostic]:
    """``diagnostics`` without those a suppression comment of ``doc`` turns off."""
    if doc.format is not Format.MARKDOWN or "summarylint-" not in doc.source:
        return diagnostics
    ranges = _ranges(doc, registry)
    return [d for d in diagnostics if not any(r.start <= d.span.start < r.end and d.code in r.codes for r in ranges)]
