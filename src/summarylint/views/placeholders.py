"""Unfilled template placeholders (family PH): one scan of the content blocks shared by the PH rules
and by the ``placeholder_spans`` view that the missing-figure rules consult.

Every hit records the rule code, the block and the text range; where one stretch of text is matched
by several PH patterns only the most specific rule keeps it (``20XX`` is a template year, not also
an ``XX`` placeholder), so each placeholder is reported exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, partial

from pydantic import BaseModel, ConfigDict, Field

from summarylint.document import Document, Format
from summarylint.packs import load_pack
from summarylint.source import Span
from summarylint.text.patterns import compile_any, compile_one, covered, scan
from summarylint.views.blocks import Block, candidate_blocks

#: Rules in order of precedence: an earlier rule's hit hides overlapping hits of later rules.
PRECEDENCE = ("PH003", "PH009", "PH005", "PH008", "PH007", "PH001", "PH002", "PH006", "PH004")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PatternSet(_Model):
    patterns: list[str] = Field(min_length=1)
    #: every character a match of ``patterns`` can begin with
    starts: str = Field(min_length=1)
    exceptions: list[str] = Field(default_factory=list)


class UnderscoreSet(PatternSet):
    separator: str


class MouSet(PatternSet):
    generic: str
    surname_words: str
    anonymised_context: str


class EllipsisSet(PatternSet):
    following_words: str


class PlaceholderPack(_Model):
    """``rules/packs/placeholder.toml``."""

    classes: dict[str, str]
    PH001: UnderscoreSet
    PH002: PatternSet
    PH003: PatternSet
    PH004: MouSet
    PH005: PatternSet
    PH006: EllipsisSet
    PH007: PatternSet
    PH008: PatternSet
    PH009: PatternSet


@dataclass(frozen=True)
class _Compiled:
    pattern: re.Pattern[str]
    exceptions: re.Pattern[str] | None


@dataclass(frozen=True)
class Compiled:
    rules: dict[str, _Compiled]
    separator: re.Pattern[str]
    generic: re.Pattern[str]
    surname_words: re.Pattern[str]
    anonymised: re.Pattern[str]
    following: re.Pattern[str]


@cache
def compiled() -> Compiled:
    pack = load_pack("placeholder", PlaceholderPack)
    classes = pack.classes
    rules: dict[str, _Compiled] = {}
    for code in PRECEDENCE:
        spec: PatternSet = getattr(pack, code)
        exceptions = compile_any(spec.exceptions, classes) if spec.exceptions else None
        rules[code] = _Compiled(compile_any(spec.patterns, classes, starts=spec.starts), exceptions)
    return Compiled(
        rules,
        compile_one(pack.PH001.separator, classes),
        compile_one(pack.PH004.generic, classes),
        compile_one(f"(?:{pack.PH004.surname_words})$", classes),
        compile_one(pack.PH004.anonymised_context, classes),
        compile_one(pack.PH006.following_words, classes),
    )


@dataclass(frozen=True)
class PlaceholderHit:
    code: str
    block: Block
    start: int  # text range in the block
    end: int
    span: Span  # source span (a Markdown escape in front of the placeholder included)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_SENTENCE_END = "。！？!?；;\n"


def source_span(doc: Document, block: Block, start: int, end: int) -> Span:
    """The source span of ``block.text[start:end]``, widened over a Markdown escape backslash that the
    reader removed in front of it (``\\_\\_\\_`` is reported from its first backslash)."""
    span = block.span(start, end)
    if doc.format is Format.MARKDOWN and span.start > 0 and doc.source[span.start - 1] == "\\":
        removed = start == 0 or block.offsets.offset(start - 1) != span.start - 1
        if removed:
            return Span(span.start - 1, span.end)
    return span


def _sentence(text: str, start: int, end: int) -> str:
    left = max((text.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    rights = [i for i in (text.find(ch, end) for ch in _SENTENCE_END) if i >= 0]
    return text[left : min(rights) if rights else len(text)]


def _neighbour_ok(text: str, start: int, end: int) -> bool:
    """PH002: an X needs a CJK character right next to it (``x16 + x12`` is a formula)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return any(ch and _CJK.match(ch) for ch in (before, after))


_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_DATE_BEFORE = re.compile(r"(?:19|20)[0-9]{2}[-./－／][0-9]{1,2}[-./－／]$|(?:19|20)[0-9]{2}[-./－／]$")


def _delimited_slot(text: str, start: int, end: int) -> bool:
    """PH002 without a CJK neighbour: ``负责人：XXX``, ``落实“XX”制度``, ``主任 ××``, ``XX、XX等同志``,
    ``2005-12-xx``, a table cell holding only ``XXX``.  A run of at least two X between marks or spaces
    counts in Chinese text (more CJK characters than Latin letters in the paragraph); the part of a date
    and a run alone in its paragraph or table cell count anywhere."""
    if _DATE_BEFORE.search(text, max(0, start - 8), start):
        return end - start <= 2
    if end - start < 2 and text[start] not in "×Ｘ╳":
        return False
    cell_start, cell_end = text.rfind("|", 0, start) + 1, text.find("|", end)
    if text[cell_start : len(text) if cell_end < 0 else cell_end].strip(" \t\u3000") == text[start:end]:
        return True  # alone in a paragraph or a table cell (Word cell, Markdown | XXX |)
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if any(ch and _LATIN_OR_DIGIT.match(ch) for ch in (before, after)):
        return False
    # Chinese text: more CJK characters than Latin letters, the slot's own letters not counted
    return len(_CJK.findall(text)) > len(_LATIN.findall(text)) - (end - start)


def _multiplication(text: str, start: int, end: int) -> bool:
    """``3×4``, ``4×100米``, ``2米×3米``: a single times sign with a number after it and one just before; or the
    factors named in words after such a product (2.2米×60米×480米（水深×航宽×弯曲半径）): a single times sign between
    two Chinese characters, with the product of figures just before."""
    if end - start != 1 or end >= len(text):
        return False
    if _DIGIT.match(text[end]):
        return any(_DIGIT.match(ch) for ch in text[max(0, start - 3) : start])
    if start == 0 or not (_CJK.match(text[start - 1]) and _CJK.match(text[end])):
        return False
    return _PRODUCT.search(text, max(0, start - _FACTORS_REACH), start) is not None


#: A product of figures (2.2米×60米, 3×4) ...
_PRODUCT = re.compile(r"\d[^\s，。；×]{0,3}×[ \t]*\d")
#: ... at most this many characters before the first factor named in words.
_FACTORS_REACH = 30


class _Scanner:
    def __init__(self, doc: Document, block: Block) -> None:
        self.doc = doc
        self.block = block
        self.text = block.text
        self.c = compiled()
        self.taken: list[tuple[int, int]] = []
        self._exceptions: dict[str, list[tuple[int, int]]] = {}

    def exceptions(self, code: str) -> list[tuple[int, int]]:
        if code not in self._exceptions:
            pattern = self.c.rules[code].exceptions
            self._exceptions[code] = [m.span() for m in pattern.finditer(self.text)] if pattern else []
        return self._exceptions[code]

    def accept(self, code: str, m: re.Match[str]) -> bool:
        start, end = m.span()
        if start == end or self.block.masked(start, end) or covered(self.taken, start, end):
            return False
        if covered(self.exceptions(code), start, end):
            return False
        check = getattr(self, f"_{code.lower()}", None)
        return check is None or bool(check(start, end))

    def _ph001(self, start: int, end: int) -> bool:
        return not self.c.separator.match(self.text)

    def _ph002(self, start: int, end: int) -> bool:
        text = self.text
        if text[start] in "*＊\\□■":  # masked digits: the pattern already requires the measure word
            return True
        if _multiplication(text, start, end):
            return False
        return _neighbour_ok(text, start, end) or _delimited_slot(text, start, end)

    def _ph004(self, start: int, end: int) -> bool:
        text = self.text
        matched = text[start:end]
        if matched[0] != "某":  # 王某 / 王某某
            if self.c.surname_words.search(text, max(0, start - 3), start + 1):
                return False  # 提高某项: the 高 belongs to 提高
            if matched.count("某") == 1 and self.c.generic.match(text, start + 1):
                return False  # 周某天: 某天 is an ordinary word
        return not self.c.anonymised.search(_sentence(text, start, end))

    def _ph006(self, start: int, end: int) -> bool:
        return not self.c.following.match(self.text, end)

    def run(self) -> Iterator[PlaceholderHit]:
        for code in PRECEDENCE:
            rule = self.c.rules[code]
            found = [m.span() for m in scan(rule.pattern, self.text, partial(self.accept, code))]
            for start, end in found:
                yield PlaceholderHit(code, self.block, start, end, source_span(self.doc, self.block, start, end))
            self.taken.extend(found)


def find_placeholders(doc: Document, blocks: list[Block]) -> list[PlaceholderHit]:
    """Every placeholder in the content blocks, in document order."""
    patterns = [rule.pattern for rule in compiled().rules.values()]
    hits = [hit for block in candidate_blocks(blocks, *patterns) for hit in _Scanner(doc, block).run()]
    hits.sort(key=lambda h: (h.span.start, h.span.end))
    return hits
