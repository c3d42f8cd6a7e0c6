"""Paragraphs cut in two by a page break (or a scrape that split a sentence across lines).

Shared by the rule that reports them (GA001) and by the content view, which joins the two halves
so that other content rules see the whole sentence.
"""

from __future__ import annotations

import itertools
import re

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.outline import Marker

#: A paragraph that ends with one of these is complete.
TERMINAL = "。！？；：…”’）】》!?;:)」』—.．"
_CJK_START = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: The first half of a split is running text of at least this many characters.
MIN_FIRST = 12
_JOINABLE = (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE)


def is_split(first: Paragraph, second: Paragraph, markers: dict[int, Marker], closing_from: int) -> bool:
    """Whether ``second`` continues the sentence ``first`` was cut off in."""
    if first.kind not in _JOINABLE or second.kind not in _JOINABLE or first.kind is not second.kind:
        return False
    if first.index == 0 or second.index >= closing_from or second.bullet is not None:
        return False
    text = first.text.rstrip(" \u3000")
    if len(text) < MIN_FIRST or text[-1] in TERMINAL:
        return False
    if second.index in markers or not _CJK_START.match(second.text):
        return False
    first_marker = markers.get(first.index)
    # a short numbered heading without punctuation is a heading, not half a sentence
    return not (first_marker is not None and not any(ch in "，。；" for ch in text[first_marker.end :]))


def find_splits(doc: Document, markers: dict[int, Marker]) -> list[tuple[Paragraph, Paragraph]]:
    """Pairs of consecutive prose paragraphs where the second continues the first."""
    prose = [p for p in doc.paragraphs if p.kind.is_prose]
    closing_from = prose[-3].index if len(prose) >= 3 else 0
    return [(a, b) for a, b in itertools.pairwise(prose) if is_split(a, b, markers, closing_from)]
