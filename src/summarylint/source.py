"""Positions: spans of source offsets, the line index and the map from extracted text back to the source.

Every diagnostic carries offsets into the original source text; they become
1-based line and column numbers (columns in Unicode code points, end exclusive)
only when a reporter asks for them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of offsets into a document's source text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and 1-based column counted in Unicode code points."""

    line: int
    column: int


class LineIndex:
    """Turns source offsets into 1-based line/column positions (``\\r\\n`` files keep exact columns)."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self._text)))
        line = bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line terminator."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


class OffsetMap:
    """Maps indices of a paragraph's visible text to offsets in the source.

    The text is a concatenation of pieces, each copied from a contiguous stretch
    of the source (markup and escapes removed between them).
    """

    __slots__ = ("_source_starts", "_text_length", "_text_starts")

    def __init__(self, pieces: list[tuple[int, int, int]]) -> None:
        """``pieces`` are ``(text_start, source_start, length)`` in text order."""
        merged: list[tuple[int, int, int]] = []
        for text_start, source_start, length in pieces:
            if length <= 0:
                continue
            if merged:
                t, s, n = merged[-1]
                if t + n == text_start and s + n == source_start:
                    merged[-1] = (t, s, n + length)
                    continue
            merged.append((text_start, source_start, length))
        self._text_starts = [p[0] for p in merged]
        self._source_starts = [p[1] for p in merged]
        self._text_length = sum(p[2] for p in merged)

    @classmethod
    def identity(cls, source_start: int, length: int) -> OffsetMap:
        return cls([(0, source_start, length)])

    def offset(self, index: int) -> int:
        """Source offset of the character at text ``index`` (or just after the last one)."""
        if not self._text_starts:
            return 0
        if index >= self._text_length:
            return self.end_offset(index)
        k = max(bisect_right(self._text_starts, index) - 1, 0)
        return self._source_starts[k] + index - self._text_starts[k]

    def end_offset(self, index: int) -> int:
        """Source offset just after the character at text ``index - 1`` (for exclusive ends)."""
        if index <= 0 or not self._text_starts:
            return self.offset(0) if self._text_starts else 0
        last = min(index, self._text_length) - 1
        k = max(bisect_right(self._text_starts, last) - 1, 0)
        return self._source_starts[k] + last - self._text_starts[k] + 1 + max(0, index - self._text_length)

    def span(self, start: int, end: int) -> Span:
        if end <= start:
            at = self.offset(start)
            return Span(at, at)
        return Span(self.offset(start), self.end_offset(end))


class OffsetMapBuilder:
    """Accumulates text pieces copied from the source and builds the text with its :class:`OffsetMap`."""

    __slots__ = ("_length", "_parts", "_pieces")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pieces: list[tuple[int, int, int]] = []
        self._length = 0

    def add(self, text: str, source_start: int) -> None:
        if text:
            self._parts.append(text)
            self._pieces.append((self._length, source_start, len(text)))
            self._length += len(text)

    def __len__(self) -> int:
        return self._length

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(self._pieces)


class LineExcerpt(LineIndex):
    """The part of a :class:`LineIndex` a report needs: the positions of given offsets and the text
    of their lines.  A folder run keeps this instead of each checked document, so that its memory
    grows with the findings, not with the documents."""

    __slots__ = ("_line_count", "_lines", "_positions")

    def __init__(self, index: LineIndex, offsets: set[int]) -> None:
        self._positions = {offset: index.position(offset) for offset in offsets}
        self._lines = {p.line: index.line_text(p.line) for p in self._positions.values()}
        self._line_count = index.line_count

    @property
    def line_count(self) -> int:
        return self._line_count

    def position(self, offset: int) -> Position:
        return self._positions[offset]

    def line_text(self, line: int) -> str:
        return self._lines[line]

    def line_start(self, line: int) -> int:
        raise NotImplementedError("a line excerpt keeps no line starts")
