"""The immutable document model every rule reads: paragraphs with their block kind over a source text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from summarylint.source import LineIndex, OffsetMap, Span


class BlockKind(StrEnum):
    """What a paragraph is, as its format says."""

    BODY = "body"  # ordinary paragraph (every non-empty line of a .txt file)
    HEADING = "heading"  # Markdown ATX heading, Word heading style
    LIST_ITEM = "list-item"  # Markdown bullet item
    QUOTE = "quote"  # Markdown block quote
    TABLE = "table"  # a table row (Markdown) or cell (Word)
    CODE = "code"  # fenced code: skipped by content rules
    COMMENT = "comment"  # HTML comment: skipped by content rules
    META = "meta"  # front matter, thematic breaks, tables of contents
    MARGIN = "margin"  # page headers and footers of Word documents: read for placeholders and boilerplate only

    @property
    def is_prose(self) -> bool:
        return self not in (BlockKind.CODE, BlockKind.COMMENT, BlockKind.META, BlockKind.MARGIN)


class Format(StrEnum):
    MARKDOWN = "markdown"
    TEXT = "text"
    DOCX = "docx"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its visible text (markup removed) and the map from that text to source offsets."""

    index: int
    kind: BlockKind
    text: str
    offsets: OffsetMap
    start: int  # source offset where the block begins (markup included)
    end: int  # source offset where the block ends
    depth: int = 0  # heading depth (Markdown #, Word heading level); 0 when not a heading
    bullet: Span | None = None  # source span of a list bullet in front of the text
    blank_before: int = 0  # blank lines between this paragraph and the previous one
    label: str = ""  # text of a Word automatic-numbering label (not part of ``text``)
    masks: tuple[tuple[int, int], ...] = ()  # text ranges content rules skip (code spans)
    page_break_before: bool = False  # Word: a page break stands between this paragraph and the one before
    margin: str = ""  # Word: "页眉" or "页脚" for a paragraph of a page header or footer

    def span(self, start: int, end: int) -> Span:
        """Source span of the text range ``[start, end)``."""
        return self.offsets.span(start, end)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment attached to the document itself (a Word comment): its text and the source span of the
    paragraphs it covers.  Suppression directives are read from them."""

    span: Span
    text: str


@dataclass(frozen=True)
class Document:
    """A read document: its path, format, source text, paragraphs and line index."""

    path: str
    format: Format
    source: str
    paragraphs: tuple[Paragraph, ...]
    lines: LineIndex = field(repr=False)
    encoding: str = "utf-8"  # how to write the source back (for --fix)
    bom: bytes = b""
    comments: tuple[Comment, ...] = ()  # Word comments (Markdown and text comments are part of the source)

    @cached_property
    def prose(self) -> tuple[Paragraph, ...]:
        """Paragraphs content rules check (no code, comments or metadata)."""
        return tuple(p for p in self.paragraphs if p.kind.is_prose)
