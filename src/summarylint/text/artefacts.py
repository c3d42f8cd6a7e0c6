"""Conversion artefacts shared by the GA rules and the views: the ``rules/packs/artefacts.toml`` pack
and stray page-number lines (GB/T 9704-2012 §7.5 prints page numbers as ``— 1 —``, and they survive
text extraction between the two halves of a paragraph cut by a page break)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.packs import load_pack

#: A page-number line is short.
PAGE_NUMBER_MAX = 24
#: An HTML character reference left in the text by a web page: named (&ldquo;) or numeric (&#8220; &#x201C;).
HTML_REFERENCE = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"


class _Char(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    char: str = Field(min_length=1, max_length=1)
    name: str = Field(min_length=1)


class _PageNumber(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: list[str] = Field(min_length=1)


class _Invisible(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    delete: list[_Char]
    nbsp: _Char


class _Masked(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    chars: list[str] = Field(min_length=1)
    checkbox: list[str]


class ArtefactPack(BaseModel):
    """``rules/packs/artefacts.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    page_number: _PageNumber
    invisible: _Invisible
    masked: _Masked


@cache
def artefact_pack() -> ArtefactPack:
    return load_pack("artefacts", ArtefactPack)


@cache
def page_number_pattern() -> re.Pattern[str]:
    """Matches a whole line that is only a page number."""
    return re.compile("|".join(f"(?:{p})" for p in artefact_pack().page_number.patterns))


@dataclass(frozen=True)
class PageNumberLine:
    """A source line that is only a page number: ``[start, content_end)`` without its line break,
    ``end`` after it."""

    start: int
    content_end: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.content_end]


def page_number_line(doc: Document, para: Paragraph, bare: frozenset[int] = frozenset()) -> PageNumberLine | None:
    """The line of ``para`` when the whole line (a leading ``- `` the reader took for a bullet
    included: ``- 3 -``) is a page number, or ``para`` is one of the ``bare`` numbers
    (:func:`bare_page_numbers`)."""
    if not para.kind.is_prose or not para.text or len(para.text) > PAGE_NUMBER_MAX:
        return None
    source = doc.source
    first = para.offsets.offset(0)
    line_start = source.rfind("\n", 0, first) + 1
    line_end = source.find("\n", first)
    line_end = len(source) if line_end < 0 else line_end
    content_end = line_end - 1 if line_end > line_start and source[line_end - 1] == "\r" else line_end
    if para.offsets.end_offset(len(para.text)) > content_end:
        return None  # a paragraph of several lines
    if para.index not in bare and not page_number_pattern().fullmatch(source, line_start, content_end):
        return None
    return PageNumberLine(line_start, content_end, min(line_end + 1, len(source)))


#: a number alone on its line: a page number only where it cuts a sentence in two
_BARE_NUMBER = re.compile(r"[ \t\u3000]*\d{1,3}[ \t\u3000]*")
#: a paragraph that ends with one of these is complete
_FINAL = "。！？；：…”’）】》!?;:)」』—.．"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def bare_page_numbers(doc: Document) -> frozenset[int]:
    """Paragraphs that are only a number (``12``) standing between a paragraph of running text that
    stops without a final mark and one that goes on with Chinese text: a page number left by the
    page break that cut the sentence (elsewhere a lone number is a table cell or a list count)."""
    prose = [p for p in doc.paragraphs if p.kind.is_prose and p.text]
    found = set()
    for before, para, after in zip(prose, prose[1:], prose[2:], strict=False):
        if para.kind is not BlockKind.BODY or not _BARE_NUMBER.fullmatch(para.text):
            continue
        head = before.text.rstrip(" \t\u3000")
        tail = after.text.lstrip(" \t\u3000")
        if (
            before.kind is after.kind
            and len(head) >= 12
            and ("，" in head or "。" in head)
            and head[-1] not in _FINAL
            and _CJK.match(head[-1])
            and _CJK.match(tail[:1])
        ):
            found.add(para.index)
    return frozenset(found)


def page_number_paragraphs(doc: Document) -> frozenset[int]:
    """Indexes of prose paragraphs that are nothing but a page number."""
    bare = bare_page_numbers(doc)
    return frozenset(p.index for p in doc.paragraphs if page_number_line(doc, p, bare) is not None)
