"""Markdown reader: block structure (ATX headings, bullets, quotes, tables, fenced code, HTML comments,
front matter) and inline markup (escapes, emphasis, links, code spans), keeping every offset.

Chinese Markdown documents usually hold one paragraph per line; consecutive lines are joined into
one paragraph as in CommonMark, except that a line starting with an ordinal marker (``1、``,
``（二）`` ...) always starts a new paragraph, as a writer means it to, and that a line that is only a
page number (``— 3 —``, ``- 3 -``, ``第3页``: text copied from a PDF or Word page) is a paragraph of its
own, neither joined to the lines around it nor taken for a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarylint.document import BlockKind, Document, Format, Paragraph
from summarylint.outline.markers import parse_marker
from summarylint.readers.text import BULLET
from summarylint.source import LineIndex, OffsetMapBuilder, Span
from summarylint.text.artefacts import PAGE_NUMBER_MAX, page_number_pattern
from summarylint.text.chars import trim

_LINE = re.compile(r"[^\n]*\n?")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|(?=\r?\n?$))")
#: ``##一、标题``: hashes with no space before Chinese text, a year or an ordinal (``#2026年…``, ``####1、…``;
#: ``#2机组``, unit number 2, is text).  Markdown shows the line as a paragraph with the hashes in it; the
#: writer meant a heading.  The hashes are left out of the paragraph's text so that its ordinal is read
#: (ST021 reports the missing space).  ``#话题#`` hashtags (another ``#`` soon after) are text.
ATX_NO_SPACE = re.compile(
    r"(?m)^ {0,3}(#{1,6})"
    r"(?=(?:\*\*)?(?:[\u3400-\u4dbf\u4e00-\u9fff]|(?:19|20)\d\d(?:年|[-—～~至]\d)|\d{1,2}[、.．](?!\d)))"
    r"(?![^#\n]{1,30}#)"
)
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_TABLE_ROW = re.compile(r"[ \t]*\|")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_COMMENT_OPEN = re.compile(r"[ \t]*<!--")
_DIGIT = re.compile(r"\d")
_INLINE = re.compile(
    r"(?=[\\!\[\]`*~<])"  # (skips ahead to the characters inline markup begins with)
    r"(?:(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|(?P<img>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<open>\[)"
    r"|(?P<close>\]\([^)\n]*\)|\]\{[#.][^}\n]*\})"
    r"|(?P<code>`+)"
    r"|(?P<strong>\*\*|~~)"
    r"|(?P<html><!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>)"
    r")"
)


#: A link, or a bracketed span with attributes (pandoc's: ``[text]{.underline}``, the bookmark ``[]{#_Toc123 .anchor}``
#: that converting a Word document leaves before a heading): its brackets and target are markup.
_LINK_OR_SPAN = re.compile(r"\[[^\]\n]*\](?:\([^)\n]*\)|\{[#.][^}\n]*\})")


@dataclass
class _Open:
    """A paragraph being accumulated line by line."""

    kind: BlockKind
    start: int
    builder: OffsetMapBuilder = field(default_factory=OffsetMapBuilder)
    masks: list[tuple[int, int]] = field(default_factory=list)
    end: int = 0
    depth: int = 0
    bullet: Span | None = None
    blank_before: int = 0


def _inline(source: str, start: int, end: int, para: _Open) -> None:
    """Append ``source[start:end]`` to ``para`` with inline markup removed."""
    builder = para.builder
    pos = start
    link_depth = 0
    while pos < end:
        m = _INLINE.search(source, pos, end)
        if m is None:
            break
        builder.add(source[pos : m.start()], pos)
        kind = m.lastgroup
        if kind == "esc":
            builder.add(source[m.start() + 1], m.start() + 1)
        elif kind == "open":
            if _LINK_OR_SPAN.match(source, m.start(), end):
                link_depth += 1  # (a link's text, or an attributed span's: []{#_Toc123 .anchor})
            else:
                builder.add("[", m.start())
        elif kind == "close":
            if link_depth:
                link_depth -= 1
            else:
                builder.add(m.group(), m.start())
        elif kind == "code":
            ticks = m.group()
            close = source.find(ticks, m.end(), end)
            if close < 0:
                builder.add(ticks, m.start())
            else:
                begin = len(builder)
                builder.add(source[m.end() : close], m.end())
                para.masks.append((begin, len(builder)))
                pos = close + len(ticks)
                continue
        # strong, html, img: dropped
        pos = m.end()
    builder.add(source[pos:end], pos)


class _Reader:
    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.paragraphs: list[Paragraph] = []
        self.current: _Open | None = None
        self.blanks = 0

    def flush(self) -> None:
        para = self.current
        self.current = None
        if para is None:
            return
        text, offsets = para.builder.build()
        if not text.strip() and para.kind.is_prose:
            return
        self.paragraphs.append(
            Paragraph(
                index=len(self.paragraphs),
                kind=para.kind,
                text=text,
                offsets=offsets,
                start=para.start,
                end=para.end,
                depth=para.depth,
                bullet=para.bullet,
                blank_before=para.blank_before,
                masks=tuple(para.masks),
            )
        )

    def block(self, kind: BlockKind, start: int, end: int) -> None:
        """A whole block (code, comment, front matter) taken as one paragraph."""
        self.flush()
        para = _Open(kind, start, blank_before=self.blanks)
        para.builder.add(self.source[start:end], start)
        para.end = end
        self.current = para
        self.flush()
        self.blanks = 0

    def start(self, kind: BlockKind, line_start: int, **fields: object) -> _Open:
        self.flush()
        para = _Open(kind, line_start, blank_before=self.blanks, **fields)  # type: ignore[arg-type]
        self.current = para
        self.blanks = 0
        return para

    def run(self) -> Document:
        source = self.source
        lines = [(m.start(), m.end()) for m in _LINE.finditer(source) if m.start() != m.end()]
        i = 0
        if lines and source[lines[0][0] : lines[0][1]].strip() == "---":
            for j in range(1, len(lines)):
                if source[lines[j][0] : lines[j][1]].strip() in ("---", "..."):
                    self.block(BlockKind.META, lines[0][0], lines[j][1])
                    i = j + 1
                    break
        while i < len(lines):
            line_start, line_end = lines[i]
            content_end = line_end
            while content_end > line_start and source[content_end - 1] in "\r\n":
                content_end -= 1
            line = source[line_start:content_end]
            i += 1
            if not line.strip(" \t\u3000\xa0"):
                self.flush()
                self.blanks += 1
                continue
            fence = _FENCE.match(line)
            if fence:
                marker = fence.group(1)
                end = line_end
                while i < len(lines):
                    s, e = lines[i]
                    i += 1
                    end = e
                    if source[s:e].strip().startswith(marker[0] * len(marker)) and not source[s:e].strip().strip(
                        marker[0]
                    ):
                        break
                self.block(BlockKind.CODE, line_start, end)
                continue
            if _COMMENT_OPEN.match(line):
                close = source.find("-->", line_start)
                end = len(source) if close < 0 else close + 3
                self.block(BlockKind.COMMENT, line_start, end)
                while i < len(lines) and lines[i][0] < end:
                    i += 1
                continue
            if _BREAK.match(line):
                self.block(BlockKind.META, line_start, content_end)
                continue
            atx = _ATX.match(line)
            if atx:
                para = self.start(BlockKind.HEADING, line_start, depth=len(atx.group(1)))
                body_start = line_start + atx.end()
                body_end = content_end
                closing = _ATX_CLOSE.search(source, body_start, body_end)
                if closing:
                    body_end = closing.start()
                s, e = trim(source, body_start, body_end)
                _inline(source, s, e, para)
                para.end = content_end
                self.flush()
                continue
            if _TABLE_ROW.match(line):
                if _TABLE_RULE.match(line):
                    self.block(BlockKind.META, line_start, content_end)
                    continue
                para = self.start(BlockKind.TABLE, line_start)
                s, e = trim(source, line_start, content_end)
                _inline(source, s, e, para)
                para.end = content_end
                self.flush()
                continue
            if len(line) <= PAGE_NUMBER_MAX and _DIGIT.search(line) and page_number_pattern().fullmatch(line):
                para = self.start(BlockKind.BODY, line_start)
                s, e = trim(source, line_start, content_end)
                para.builder.add(source[s:e], s)
                para.end = content_end
                self.flush()
                continue
            kind = BlockKind.BODY
            body_start = line_start
            quote = _QUOTE.match(source, body_start, content_end)
            while quote:
                kind = BlockKind.QUOTE
                body_start = quote.end()
                quote = _QUOTE.match(source, body_start, content_end)
            hashed = ATX_NO_SPACE.match(source, body_start, content_end) if kind is BlockKind.BODY else None
            if hashed:
                body_start = hashed.end(1)
            s, e = trim(source, body_start, content_end)
            bullet_match = BULLET.match(source, s, e)
            current = self.current
            continues = (
                hashed is None
                and current is not None
                and current.kind in (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE)
                and (current.kind is BlockKind.QUOTE) == (kind is BlockKind.QUOTE)
                and bullet_match is None
                and parse_marker(source[s:e]) is None
            )
            if continues and current is not None:
                para = current
            else:
                bullet = None
                if bullet_match:
                    bullet = Span(bullet_match.start(), bullet_match.end())
                    s = bullet_match.end()
                    if kind is BlockKind.BODY:
                        kind = BlockKind.LIST_ITEM
                para = self.start(kind, line_start, bullet=bullet)
            _inline(source, s, e, para)
            para.end = content_end
        self.flush()
        return Document(self.path, Format.MARKDOWN, source, tuple(self.paragraphs), LineIndex(source))


def read_markdown(path: str, source: str) -> Document:
    return _Reader(path, source).run()
