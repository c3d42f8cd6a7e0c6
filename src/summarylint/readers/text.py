"""Plain-text reader: every non-empty line is a paragraph (the usual layout of Chinese plain text)."""

from __future__ import annotations

import re

from summarylint.document import BlockKind, Document, Format, Paragraph
from summarylint.source import LineIndex, OffsetMap, Span
from summarylint.text.chars import trim

_LINE = re.compile(r"[^\n]*\n?")
# A list bullet in front of the text (often left by converters or typed by hand).
BULLET = re.compile(r"[-*+•·‧●▪]\s+(?=\S)")
# A suppression directive on a line of its own (``// summarylint-disable NU001`` or ``# …``): not text.
DIRECTIVE_LINE = re.compile(r"(?://|#)[ \t]*summarylint-")


def read_text(path: str, source: str) -> Document:
    paragraphs: list[Paragraph] = []
    blanks = 0
    for match in _LINE.finditer(source):
        if match.start() == match.end():
            break
        start, end = trim(source, match.start(), match.end())
        if start == end:
            blanks += 1
            continue
        if DIRECTIVE_LINE.match(source, start, end):
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    kind=BlockKind.COMMENT,
                    text=source[start:end],
                    offsets=OffsetMap.identity(start, end - start),
                    start=match.start(),
                    end=end,
                    blank_before=blanks,
                )
            )
            blanks = 0
            continue
        bullet = None
        bm = BULLET.match(source, start, end)
        if bm:
            bullet = Span(bm.start(), bm.end())
            start = bm.end()
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                kind=BlockKind.BODY,
                text=source[start:end],
                offsets=OffsetMap.identity(start, end - start),
                start=match.start(),
                end=end,
                bullet=bullet,
                blank_before=blanks,
            )
        )
        blanks = 0
    return Document(path, Format.TEXT, source, tuple(paragraphs), LineIndex(source))
