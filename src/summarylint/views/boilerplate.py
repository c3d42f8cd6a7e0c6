"""Template-site boilerplate (family TB): the pack, sentence splitting and the scan of site phrases,
web pages' information lines and link lists (TB001) and writing advice (TB004) shared by those rules
and by the ``boilerplate_paragraphs`` view.

A paragraph every sentence of which is such boilerplate is "whole boilerplate": it is reported by
TB001/TB004 and left out of the content blocks that every other content rule reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.packs import load_pack
from summarylint.source import Span
from summarylint.text.patterns import compile_any, compile_one, covered
from summarylint.views.blocks import candidate_blocks


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phrase(_Model):
    pattern: str
    weak: bool = False


class Genre(_Model):
    """Scoring a sentence as site text by the kinds of site words in it (``[TB001.genre]``)."""

    max_length: int = Field(gt=0)
    min_kinds: int = Field(ge=2)
    voice: list[str] = Field(min_length=1)
    exceptions: str
    figures: str
    cues: dict[str, str] = Field(min_length=2)


class LinkList(_Model):
    """A site's list of links to other articles (``[TB001.links]``)."""

    header: str
    title: str


class PageInfo(_Model):
    """A web page's information line: source, author, publishing time, read count (``[TB001.page_info]``)."""

    max_length: int = Field(gt=0)
    min_fields: int = Field(ge=2)
    separator: str
    page: list[str] = Field(min_length=1)
    plain: list[str] = Field(min_length=1)


class PhraseSet(_Model):
    phrase: list[Phrase] = Field(min_length=1)
    links: LinkList
    page_info: PageInfo
    genre: Genre


class TitleSet(_Model):
    patterns: list[str] = Field(min_length=1)
    tails: list[str] = Field(min_length=1)


class PatternSet(_Model):
    patterns: list[str] = Field(min_length=1)


class CompilationSet(PatternSet):
    genre: str


class AnchorSet(_Model):
    anchor: str
    anchor_exceptions: str
    watermarks: list[str] = Field(min_length=1)
    converters: list[str] = Field(min_length=1)


class BoilerplatePack(_Model):
    """``rules/packs/boilerplate.toml``."""

    classes: dict[str, str]
    TB001: PhraseSet
    TB002: TitleSet
    TB003: CompilationSet
    TB004: PatternSet
    TB005: AnchorSet


@dataclass(frozen=True)
class GenreCues:
    cues: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern)
    voice: frozenset[str]
    any_voice: re.Pattern[str]  # finds the paragraphs worth scoring
    exceptions: re.Pattern[str]
    figures: re.Pattern[str]
    max_length: int
    min_kinds: int


@dataclass(frozen=True)
class PageInfoFields:
    fields: tuple[tuple[re.Pattern[str], bool], ...]  # (field, whether only a web page shows it), in order
    separator: re.Pattern[str]
    max_length: int
    min_fields: int


@dataclass(frozen=True)
class Compiled:
    phrases: tuple[tuple[re.Pattern[str], bool], ...]
    link_header: re.Pattern[str]
    link_title: re.Pattern[str]
    page_info: PageInfoFields
    genre: GenreCues
    title_tail: re.Pattern[str]
    compilation_title: re.Pattern[str]
    article_heading: re.Pattern[str]
    genre_title: re.Pattern[str]
    advice: re.Pattern[str]
    anchor: re.Pattern[str]
    anchor_exceptions: re.Pattern[str]
    watermark: re.Pattern[str]
    converter: re.Pattern[str]


def tag_cut(m: re.Match[str]) -> tuple[int, int]:
    """The part of a site's tag on a title (a match of ``compilation_title``) that is deleted: its ``cut`` group
    (范文 of 工作总结范文, whose 总结 stays), or the whole match."""
    return m.span("cut") if m.group("cut") else m.span()


@cache
def compiled() -> Compiled:
    pack = load_pack("boilerplate", BoilerplatePack)
    classes = pack.classes
    genre = pack.TB001.genre
    unknown = set(genre.voice) - set(genre.cues)
    if unknown:
        raise ValueError(f"[TB001.genre] voice names cues that are not defined: {sorted(unknown)}")
    cues = GenreCues(
        tuple((kind, compile_one(pattern, classes)) for kind, pattern in genre.cues.items()),
        frozenset(genre.voice),
        compile_any([genre.cues[kind] for kind in genre.voice], classes, re.MULTILINE),
        compile_one(genre.exceptions, classes),
        compile_one(genre.figures, classes),
        genre.max_length,
        genre.min_kinds,
    )
    info = pack.TB001.page_info
    page_info = PageInfoFields(
        tuple((compile_one(p, classes), True) for p in info.page)
        + tuple((compile_one(p, classes), False) for p in info.plain),
        compile_one(info.separator, classes),
        info.max_length,
        info.min_fields,
    )
    return Compiled(
        tuple((compile_one(p.pattern, classes), p.weak) for p in pack.TB001.phrase),
        compile_one(pack.TB001.links.header, classes),
        compile_one(pack.TB001.links.title, classes),
        page_info,
        cues,
        compile_any(pack.TB002.tails, classes),
        compile_any(pack.TB002.patterns, classes),
        compile_any(pack.TB003.patterns, classes),
        compile_one(f"{pack.TB003.genre}$", classes),
        compile_any(pack.TB004.patterns, classes),
        compile_one(pack.TB005.anchor, classes),
        compile_one(pack.TB005.anchor_exceptions, classes),
        compile_any(pack.TB005.watermarks, classes),
        compile_any(pack.TB005.converters, classes, re.MULTILINE),
    )


_SENTENCE = re.compile(r"[^。！？!?；;…\n]*(?:[。！？!?；;…]+[”’」』）)】]*|\n|$)")
_CONTENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]")


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (terminal marks and closing quotes included,
    leading spaces left out)."""
    found = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        while start < end and text[start] in " \t\u3000\n":
            start += 1
        if start < end:
            found.append((start, end))
    return found


@dataclass(frozen=True)
class SiteHit:
    """Boilerplate phrases of one code found in one sentence."""

    code: str  # TB001 or TB004
    paragraph: Paragraph
    start: int  # from the first phrase to the end of the last one, in the paragraph's text
    end: int
    sentence: tuple[int, int]
    phrases: tuple[str, ...]
    weak: bool  # only phrases that a genuine document may also use (仅供参考)
    page_info: bool = False  # a web page's information line (the phrases are its field labels)


@dataclass(frozen=True)
class BoilerplateScan:
    hits: tuple[SiteHit, ...]
    whole: frozenset[int]  # indexes of paragraphs that are boilerplate from end to end

    @property
    def strong(self) -> bool:
        """Whether the document has a phrase that only a template site writes."""
        return any(not h.weak for h in self.hits)


def genre_sentences(text: str, cues: GenreCues) -> list[tuple[int, int, tuple[str, ...]]]:
    """The sentences of ``text`` written in a template site's voice: ``(start, end, kinds)`` with ``end``
    before the closing marks.

    A sentence qualifies when it has a cue of a "voice" kind (the site speaking of itself, of this
    document, of its members or editors) and cues of at least ``min_kinds`` kinds in all, is short and
    quotes no figures.  One kind alone is ordinary language (会员, 下载, 欢迎, 版权 all occur in
    reports); a report sentence seldom mixes two of them in the site's voice.
    """
    found = []
    for start, end in sentences(text):
        body_end = end
        while body_end > start and not _CONTENT.match(text[body_end - 1]):
            body_end -= 1
        sentence = text[start:body_end]
        hits = {kind: m.start() for kind, pattern in cues.cues if (m := pattern.search(sentence))}
        if len(hits) < cues.min_kinds or not cues.voice.intersection(hits):
            continue
        # the site line begins with its first cue (a lost line break may have glued it to report text)
        begin = start + min(hits.values())
        if body_end - begin > cues.max_length:
            continue
        line = text[begin:body_end]
        if cues.figures.search(line) or cues.exceptions.search(text, start, body_end):
            continue
        found.append((begin, body_end, tuple(hits)))
    return found


def _matches(paragraph: Paragraph, c: Compiled) -> tuple[dict[str, list[tuple[int, int, bool]]], set[int]]:
    """Phrase and genre matches by code, and the starts of genre matches glued to report text before
    them in their sentence."""
    text = paragraph.text
    glued: set[int] = set()
    found: dict[str, list[tuple[int, int, bool]]] = {"TB001": [], "TB004": []}
    for pattern, weak in c.phrases:
        found["TB001"].extend((m.start(), m.end(), weak) for m in pattern.finditer(text) if m.end() > m.start())
    if c.genre.any_voice.search(text):
        # the genre finds the site lines that no listed phrase names (a phrase's span is the precise one)
        phrases = list(found["TB001"])
        for start, end, _ in genre_sentences(text, c.genre):
            if any(start < e and s < end for s, e, _ in phrases):
                continue
            found["TB001"].append((start, end, False))
            sentence_start = next((a for a, b in sentences(text) if a <= start < b), start)
            if _CONTENT.search(text, sentence_start, start):
                glued.add(start)
    found["TB004"].extend((m.start(), m.end(), False) for m in c.advice.finditer(text) if m.end() > m.start())
    for code in found:
        found[code] = [(s, e, w) for s, e, w in found[code] if not covered(paragraph.masks, s, e)]
    return found, glued


def _merged(matches: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """Overlapping matches (``下面是小编整理`` and ``小编``) merged into one range each."""
    ranges: list[tuple[int, int]] = []
    for start, end, _ in sorted(matches):
        if ranges and start < ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges


def scan_boilerplate(doc: Document) -> BoilerplateScan:
    c = compiled()
    hits: list[SiteHit] = []
    whole: set[int] = set()
    readable = [p for p in doc.paragraphs if p.kind.is_prose or p.kind is BlockKind.MARGIN]
    # a web page's information line is reported as one, whatever site phrases its fields hold (来源：范文大全网)
    info_lines = list(_page_info_lines(readable, whole, c.page_info))
    patterns = [pattern for pattern, _ in c.phrases] + [c.advice, c.genre.any_voice]
    for paragraph in candidate_blocks(readable, *patterns):
        if paragraph.index in whole or not paragraph.text.strip():
            continue
        found, glued = _matches(paragraph, c)
        if not any(found.values()):
            continue
        parts = sentences(paragraph.text)
        hit_sentences: set[tuple[int, int]] = set()
        for code, matches in found.items():
            for sentence in parts:
                inside = sorted((s, e, w) for s, e, w in matches if sentence[0] <= s < sentence[1])
                if not inside:
                    continue
                if inside[0][0] in glued:  # report text, then the site line: only the latter goes
                    removal = (inside[0][0], sentence[1])
                else:
                    hit_sentences.add(sentence)
                    removal = sentence
                hits.append(
                    SiteHit(
                        code,
                        paragraph,
                        inside[0][0],
                        max(e for _, e, _ in inside),
                        removal,
                        tuple(dict.fromkeys(paragraph.text[s:e] for s, e in _merged(inside))),
                        all(w for _, _, w in inside),
                    )
                )
        rest = [s for s in parts if s not in hit_sentences and _CONTENT.search(paragraph.text, s[0], s[1])]
        if not rest:
            whole.add(paragraph.index)
    hits.extend(info_lines)
    hits.extend(_link_lists(readable, whole, c))
    hits.sort(key=lambda h: (h.paragraph.index, h.start, h.code))
    return BoilerplateScan(tuple(hits), frozenset(whole))


def page_info_labels(text: str, info: PageInfoFields) -> tuple[str, ...] | None:
    """The labels of the fields of ``text`` when it is a web page's information line (来源：……　发布时间：……
    浏览次数：……): nothing but fields, at least ``min_fields`` of them, one of a kind only a web page
    shows; ``None`` otherwise.  A field without a label (a page tool, a time of day) is named by its text."""
    end = len(text.rstrip(" \t\u3000"))
    if end > info.max_length:
        return None
    labels: list[str] = []
    page = False
    pos = _skip(info.separator, text, 0, end)
    while pos < end:
        field = _field(info, text, pos, end)
        if field is None:
            return None
        m, only_page = field
        labels.append((m.groupdict().get("label") or m.group()).rstrip("：: \t\u3000"))
        page = page or only_page
        pos = _skip(info.separator, text, m.end(), end)
    return tuple(labels) if page and len(labels) >= info.min_fields else None


def _skip(separator: re.Pattern[str], text: str, pos: int, end: int) -> int:
    m = separator.match(text, pos, end)
    return m.end() if m is not None else pos


def _field(info: PageInfoFields, text: str, pos: int, end: int) -> tuple[re.Match[str], bool] | None:
    """The first field pattern that matches a non-empty text at ``pos``, with whether it is a page's own."""
    for pattern, only_page in info.fields:
        m = pattern.match(text, pos, end)
        if m is not None and m.end() > pos:
            return m, only_page
    return None


def _page_info_lines(readable: list[Paragraph], whole: set[int], info: PageInfoFields) -> Iterator[SiteHit]:
    """Web pages' information lines (:func:`page_info_labels`) outside tables; each becomes whole
    boilerplate (``whole`` is updated).  A table row with a source and a date is a report's own."""
    for paragraph in readable:
        if paragraph.kind is BlockKind.TABLE:
            continue
        text = paragraph.text
        labels = page_info_labels(text, info)
        if labels is None:
            continue
        start = len(text) - len(text.lstrip(" \t\u3000"))
        end = len(text.rstrip(" \t\u3000"))
        whole.add(paragraph.index)
        yield SiteHit("TB001", paragraph, start, end, (start, end), tuple(dict.fromkeys(labels)), False, True)


def _link_lists(readable: list[Paragraph], whole: set[int], c: Compiled) -> Iterator[SiteHit]:
    """The article titles listed under a site's link-list header (``相关文章：``), up to the first line
    that is not one; each becomes whole boilerplate (``whole`` is updated)."""
    in_list = False
    for paragraph in readable:
        text = paragraph.text
        if paragraph.index in whole and c.link_header.search(text):
            in_list = True
            continue
        if not in_list:
            continue
        m = c.link_title.match(text)
        if m is None:
            in_list = False
            continue
        start = len(text) - len(text.lstrip(" \t\u3000"))
        end = len(text.rstrip(" \t\u3000"))
        whole.add(paragraph.index)
        yield SiteHit("TB001", paragraph, start, end, (start, end), (text[start:end],), False)


def paragraph_deletion(doc: Document, paragraph: Paragraph) -> Span:
    """The source span that removes ``paragraph`` with its line break."""
    end = paragraph.end
    source = doc.source
    if source.startswith("\r\n", end):
        end += 2
    elif source.startswith("\n", end):
        end += 1
    return Span(paragraph.start, end)
