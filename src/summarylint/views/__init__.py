"""Views of a document that rules ask for, built lazily and at most once per document.

A view nobody asks for is never built: a document checked only by content rules never
parses its ordinals, and one without candidate text never loads jieba.
"""

from __future__ import annotations

import re
from functools import cached_property

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.outline import Marker, Outline, build_outline, paragraph_marker, parse_marker
from summarylint.views.blocks import Block, make_block
from summarylint.views.splits import find_splits

#: Paragraph kinds whose leading ordinal belongs to the document's own numbering.
NUMBERED_KINDS = (BlockKind.BODY, BlockKind.HEADING, BlockKind.LIST_ITEM)
_ATTACHMENT = re.compile(r"[ \u3000]*附件[:：][ \u3000]*")


class Views:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def markers(self) -> dict[int, Marker]:
        """Paragraph index → the ordinal marker the paragraph starts with."""
        found: dict[int, Marker] = {}
        for para in self.doc.paragraphs:
            if para.kind in NUMBERED_KINDS:
                marker = paragraph_marker(para.text, para.label)
                if marker is None and not para.label:
                    lead = _ATTACHMENT.match(para.text)  # 附件：1.……  (the first item of a list)
                    if lead:
                        marker = parse_marker(para.text, lead.end())
                if marker is not None:
                    found[para.index] = marker
        return found

    @cached_property
    def outline(self) -> Outline:
        return build_outline(self.doc, self.markers)

    @cached_property
    def splits(self) -> list[tuple[Paragraph, Paragraph]]:
        """Consecutive paragraphs where the second continues a sentence cut off in the first."""
        return find_splits(self.doc, self.markers)

    @cached_property
    def blocks(self) -> list[Block]:
        """Prose for content rules: one block per paragraph, split paragraphs joined (code and comments left out)."""
        continues = {b.index for _, b in self.splits}
        groups: list[list[Paragraph]] = []
        for para in self.doc.paragraphs:
            if not para.kind.is_prose or not para.text:
                continue
            if para.index in continues and groups:
                groups[-1].append(para)
            else:
                groups.append([para])
        return [make_block(group) for group in groups]
