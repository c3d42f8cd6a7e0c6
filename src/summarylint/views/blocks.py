"""Content blocks: the text content rules read.

A block is one prose paragraph, or several joined across page-break splits, with a map back to
source offsets and masked ranges that content rules skip: code spans, URLs, e-mail addresses and
file names.  Rules search ``block.text`` and report ``block.span(start, end)``; positions are never
re-found by searching the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from summarylint.document import Paragraph
from summarylint.source import OffsetMap, Span

# A URL runs until a blank, a Chinese character or full-width punctuation (Chinese text often
# follows a URL without a space: 见http://www.gov.cn/xxx公告).
_URL_CHARS = r"[^\s\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’<>]"
_MASKED = re.compile(
    r"(?=[A-Za-z0-9._%+\-])(?:"  # (every masked stretch begins with an ASCII letter, digit or sign)
    rf"(?:https?|ftp)://{_URL_CHARS}+"  # URLs
    rf"|www\.[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}{_URL_CHARS}*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"  # e-mail addresses
    r"|[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\.(?:docx?|xlsx?|pptx?|pdf|txt|md|zip|rar|jpe?g|png|gif|html?|wps|et|csv)\b"
    r")"
)


@dataclass(frozen=True)
class Block:
    text: str
    offsets: OffsetMap
    paragraphs: tuple[Paragraph, ...]
    masks: tuple[tuple[int, int], ...] = ()
    #: text indices where one joined paragraph ends and the next begins
    joins: tuple[int, ...] = ()

    def span(self, start: int, end: int) -> Span:
        return self.offsets.span(start, end)

    def masked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches a masked range."""
        return any(start < m_end and m_start < end for m_start, m_end in self.masks)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the text that do not touch a masked range."""
        for match in pattern.finditer(self.text):
            if not self.masks or not self.masked(match.start(), match.end()):
                yield match

    @property
    def first(self) -> Paragraph:
        return self.paragraphs[0]


def _pieces(paragraph: Paragraph, at: int) -> list[tuple[int, int, int]]:
    return [(at + i, paragraph.offsets.offset(i), 1) for i in range(len(paragraph.text))]


def make_block(paragraphs: list[Paragraph]) -> Block:
    """One block from one paragraph or from paragraphs to be joined (in order)."""
    masks: list[tuple[int, int]] = []
    joins: list[int] = []
    if len(paragraphs) == 1:
        para = paragraphs[0]
        text, offsets = para.text, para.offsets
        masks.extend(para.masks)
    else:
        parts: list[str] = []
        pieces: list[tuple[int, int, int]] = []
        at = 0
        for para in paragraphs:
            if at:
                joins.append(at)
            parts.append(para.text)
            pieces.extend(_pieces(para, at))
            masks.extend((s + at, e + at) for s, e in para.masks)
            at += len(para.text)
        text, offsets = "".join(parts), OffsetMap(pieces)
    masks.extend((m.start(), m.end()) for m in _MASKED.finditer(text))
    return Block(text, offsets, tuple(paragraphs), tuple(sorted(masks)), tuple(joins))


class _HasText(Protocol):
    @property
    def text(self) -> str: ...


Texted = TypeVar("Texted", bound=_HasText)


def lay_out(blocks: Sequence[_HasText]) -> tuple[str, list[int]]:
    """The text of ``blocks`` one per line, and where each block starts in it."""
    starts: list[int] = []
    at = 0
    for block in blocks:
        starts.append(at)
        at += len(block.text) + 1
    return "\n".join(block.text for block in blocks), starts


#: Up to this many blocks, a pattern with an anchor is searched in each block rather than compiled again with
#: MULTILINE for one search over all of them (see :func:`candidate_blocks`).
PER_BLOCK_MAX = 500


def candidate_blocks(
    blocks: Sequence[Texted], *patterns: re.Pattern[str], layout: tuple[str, list[int]] | None = None
) -> list[Texted]:
    """The blocks in which any of ``patterns`` may match, found with one search over all their text.

    The blocks are laid out one per line (``layout``, from :func:`lay_out`, when the caller keeps
    one); a pattern with ``^`` or ``$`` is searched with :data:`re.MULTILINE`, so that they match at
    block boundaries; a match across a boundary selects both blocks.  A pattern whose look-behind refuses a
    line break at the very start of a block would need every block instead.
    """
    if not blocks:
        return []
    text, starts = layout if layout is not None else lay_out(blocks)
    hit: set[int] = set()
    for pattern in patterns:
        if "^" in pattern.pattern or "$" in pattern.pattern:  # anchors: let them match at block boundaries
            if len(blocks) <= PER_BLOCK_MAX:
                # (searching each block costs less than compiling the pattern again with MULTILINE, about a
                # millisecond for a large one, until a document has several hundred paragraphs)
                hit.update(i for i, block in enumerate(blocks) if pattern.search(block.text))
                continue
            pattern = re.compile(pattern.pattern, pattern.flags | re.MULTILINE)
        for m in pattern.finditer(text):
            first = bisect_right(starts, m.start()) - 1
            last = bisect_right(starts, max(m.start(), m.end() - 1)) - 1
            hit.update(range(first, last + 1))
    return [blocks[i] for i in sorted(hit)]
