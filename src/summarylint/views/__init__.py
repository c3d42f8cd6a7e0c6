"""Views of a document that rules ask for, built lazily and at most once per document.

A view nobody asks for is never built: a document checked only by content rules never
parses its ordinals, and one without candidate text never loads jieba.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.outline import Family, Marker, Outline, build_outline, paragraph_marker, parse_marker
from summarylint.views.blocks import Block, candidate_blocks, lay_out, make_block
from summarylint.views.splits import Split, find_running_lines, find_splits

if TYPE_CHECKING:
    from summarylint.source import Span
    from summarylint.views.boilerplate import BoilerplateScan
    from summarylint.views.placeholders import PlaceholderHit

#: Paragraph kinds whose leading ordinal belongs to the document's own numbering (writers often set
#: their own lists in Markdown block quotes; the outline still leaves quotes out).
NUMBERED_KINDS = (BlockKind.BODY, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE)
_ATTACHMENT = re.compile(r"[ \u3000]*附件[:：][ \u3000]*")


def _digit_after(text: str) -> Marker | None:
    """``3、4月份又有新成员加入``: an ordinal followed by a number, which the grammar's own check rejects
    because on its own ``5、6月份`` reads as two months."""
    if not text[:1].isdigit():
        return None
    marker = parse_marker(text, check_after=False)
    if marker is None or marker.family is not Family.AR_BARE or marker.delimiter not in "、，,":
        return None
    return marker


def _resolve(found: dict[int, Marker], ambiguous: dict[int, Marker]) -> None:
    """Accept an ambiguous ``N、`` when the numbered item before it is N-1 or the one after it is N+1."""
    order = sorted([*found, *ambiguous])
    for position, index in enumerate(order):
        candidate = ambiguous.get(index)
        if candidate is None:
            continue
        before = found.get(order[position - 1]) if position else None
        after = found.get(order[position + 1]) if position + 1 < len(order) else None
        if (before is not None and before.family is Family.AR_BARE and before.value == candidate.value - 1) or (
            after is not None and after.family is Family.AR_BARE and after.value == candidate.value + 1
        ):
            found[index] = candidate


class Views:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def markers(self) -> dict[int, Marker]:
        """Paragraph index → the ordinal marker the paragraph starts with."""
        found: dict[int, Marker] = {}
        ambiguous: dict[int, Marker] = {}
        for para in self.doc.paragraphs:
            if para.kind not in NUMBERED_KINDS:
                continue
            marker = paragraph_marker(para.text, para.label)
            if marker is None and not para.label:
                lead = _ATTACHMENT.match(para.text)  # 附件：1.……  (the first item of a list)
                if lead:
                    marker = parse_marker(para.text, lead.end())
                else:
                    candidate = _digit_after(para.text)
                    if candidate is not None:
                        ambiguous[para.index] = candidate
            if marker is not None:
                found[para.index] = marker
        if ambiguous:
            _resolve(found, ambiguous)
        return found

    @cached_property
    def outline(self) -> Outline:
        return build_outline(self.doc, self.markers)

    @cached_property
    def splits(self) -> list[Split]:
        """Consecutive paragraphs where the second continues a sentence cut off in the first."""
        return find_splits(
            self.doc, self.markers, self.page_numbers, frozenset(self.running_lines), self.boilerplate_paragraphs
        )

    @cached_property
    def running_lines(self) -> dict[int, int]:
        """Page headers and footers copied along with the text (paragraph index → occurrences)."""
        return find_running_lines(self.doc, self.markers, self.page_numbers)

    @cached_property
    def page_numbers(self) -> frozenset[int]:
        """Paragraphs that are nothing but a page number left by a conversion (``— 3 —``)."""
        from summarylint.text.artefacts import page_number_paragraphs

        return page_number_paragraphs(self.doc)

    @cached_property
    def blocks(self) -> list[Block]:
        """Prose for content rules: one block per paragraph, split paragraphs joined (code and comments left out)."""
        continues = {split.second.index for split in self.splits if split.join}
        page_numbers, boilerplate = self.page_numbers | frozenset(self.running_lines), self.boilerplate_paragraphs
        groups: list[list[Paragraph]] = []
        joinable = False
        for para in self.doc.paragraphs:
            if not para.kind.is_prose or not para.text:
                continue
            if para.index in page_numbers:
                continue  # a page number or header between two halves of a paragraph does not separate them
            if para.index in boilerplate:
                joinable = False
                continue
            if para.index in continues and groups and joinable:
                groups[-1].append(para)
            else:
                groups.append([para])
            joinable = True
        return [make_block(group) for group in groups]

    def candidates(self, *patterns: re.Pattern[str]) -> list[Block]:
        """The blocks in which any of ``patterns`` may match, in document order.

        One search over the text of the whole document replaces one search per block, so a rule whose
        pattern is rare pays almost nothing; the rule then searches the returned blocks exactly as
        before (see :func:`~summarylint.views.blocks.candidate_blocks`).
        """
        return candidate_blocks(self.blocks, *patterns, layout=self._layout)

    def matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[Block, re.Match[str]]]:
        """Every match of ``pattern`` in the content blocks (masked text left out), with its block."""
        for block in self.candidates(pattern):
            for match in block.finditer(pattern):
                yield block, match

    @cached_property
    def _layout(self) -> tuple[str, list[int]]:
        return lay_out(self.blocks)

    @cached_property
    def margin_blocks(self) -> list[Block]:
        """Page headers and footers of a Word document: checked for placeholders and boilerplate only."""
        return [make_block([p]) for p in self.doc.paragraphs if p.kind is BlockKind.MARGIN and p.text]

    @cached_property
    def boilerplate(self) -> BoilerplateScan:
        """Template-site phrases (TB001) and writing advice (TB004), read from the paragraphs themselves."""
        from summarylint.views.boilerplate import scan_boilerplate

        return scan_boilerplate(self.doc)

    @cached_property
    def boilerplate_paragraphs(self) -> frozenset[int]:
        """Indexes of paragraphs that are template boilerplate from end to end (reported by TB001/TB004):
        :attr:`blocks` leaves them out, so no other content rule reports anything in them."""
        return self.boilerplate.whole

    @cached_property
    def placeholder_hits(self) -> list[PlaceholderHit]:
        """Unfilled template placeholders (PH001–PH008), one hit per placeholder, in document order."""
        from summarylint.views.placeholders import find_placeholders

        return find_placeholders(self.doc, self.blocks + self.margin_blocks)

    @cached_property
    def placeholder_spans(self) -> list[Span]:
        """Sorted source spans of every placeholder the PH rules report (the MF rules skip these)."""
        return sorted(hit.span for hit in self.placeholder_hits)
