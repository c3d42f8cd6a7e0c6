"""WD009–WD011, WD016: wrong characters found without a list of wrong forms, traditional characters and
full-width Latin letters."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from summarylint.diagnostics import Edit, Finding, Fix
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check
from summarylint.rules.garbled.mojibake import common_chars, find_marks, find_reencoded
from summarylint.rules.typo.confusions import curated_spans
from summarylint.rules.typo.detect import (
    RECURRING,
    Evidence,
    Pending,
    Support,
    Typo,
    paragraph_typos,
    protected_ranges,
    supported_typos,
)
from summarylint.text.chars import to_halfwidth
from summarylint.views.blocks import Block

_HAN_PAIR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2}")
_WHY = {
    Evidence.SOUND: "同音",
    Evidence.NEAR: "近音",
    Evidence.SHAPE: "形近",
    Evidence.SOUND_SHAPE: "音同形近",
    Evidence.ECHO: "与前后字重复",
}


_Found = TypeVar("_Found", Typo, Pending)


class _Paragraphs:
    """A document's paragraphs' typos, found once for the rules that report them (see :meth:`typos`)."""

    def __init__(self, source: str, words: frozenset[str]) -> None:
        self.support = Support(source)
        self._words = words
        self._found: dict[str, tuple[tuple[Typo, ...], tuple[Pending, ...]]] = {}

    def typos(self, text: str) -> tuple[tuple[Typo, ...], tuple[Pending, ...]]:
        """The typos of the paragraph ``text``, except those whose wrong character lies in a wrong form of the
        confusion set whose guards on the text hold (WD001 decides those, word conditions and all; 多忠形式
        is still WD010's though 形式 is an entry, and so is 预防空制 where 防空's guards fail: see
        :func:`curated_spans`), and the candidates only its document may support (see :func:`paragraph_typos`);
        none of the two-character spans the document writes too often (:attr:`Support.recurring`)."""
        known = self._found.get(text)
        if known is None:
            found, pending = paragraph_typos(text, self._words, self.support.recurring)
            known = self._found[text] = (tuple(_uncurated(text, found)), tuple(pending))
        return known


@lru_cache(maxsize=1)
def _paragraphs(source: str, words: frozenset[str]) -> _Paragraphs:
    """The document's paragraphs, shared by the rules that check one document one after the other."""
    return _Paragraphs(source, words)


def _uncurated(text: str, found: list[_Found]) -> list[_Found]:
    """The typos or candidates of ``found`` whose wrong character lies in no wrong form of the confusion set
    and is no traditional character (WD011 reports those: 台賬 is 賬 for 账)."""
    if not found:
        return found
    curated = curated_spans(text)
    traditional = _traditional()[1]
    return [t for t in found if text[t.changed] not in traditional and not any(s <= t.changed < e for s, e in curated)]


def _block_typos(ctx: Context, supported: bool = False) -> Iterator[tuple[Block, Typo, int]]:
    """The typos of the document's paragraphs, with 0; and, if ``supported``, those only the document
    supports (:class:`Support`), with the times it writes their target elsewhere."""
    paragraphs = _paragraphs(ctx.doc.source, ctx.words)
    support = paragraphs.support
    for block in ctx.views.blocks:  # (not views.candidates: the pattern matches nearly everywhere)
        if not _HAN_PAIR.search(block.text):
            continue
        found, pending = paragraphs.typos(block.text)
        typos = [(t, 0) for t in found]
        if supported and pending:
            seen = {(p.written, p.target): support(p.written, p.target) for p in pending}
            backed = _uncurated(block.text, [p for p in pending if seen[p.written, p.target]])
            # (of the corrections of one span, the one the document writes most often first: 寻河 in a report that
            # writes 巡河 seven times and 新河 once is 巡河; among as many, the more frequent word, as pending has them)
            backed.sort(key=lambda p: (p.start, p.written, -seen[p.written, p.target]))
            if backed:
                weak = supported_typos(block.text, backed, ctx.words, found)
                typos = sorted([*typos, *((t, seen[t.written, t.target]) for t in weak)], key=lambda x: x[0].start)
        if supported and support.own_terms:
            typos = _with_own_terms(block.text, typos, support.own_terms, ctx.words)
        for typo, count in typos:
            if not block.masked(typo.start, typo.end) and support.times(typo.written) < RECURRING:
                yield block, typo, count


def _with_own_terms(
    text: str, typos: list[tuple[Typo, int]], slips: dict[str, tuple[str, Evidence, int]], words: frozenset[str]
) -> list[tuple[Typo, int]]:
    """``typos`` and the slips for terms of the document's own (:attr:`Support.own_terms`) that ``text`` writes,
    outside titles, short quotations, team words and the wrong forms of the confusion set, each with the times the
    document writes its term.  Such a slip stands in place of a typo it overlaps that only the document supports, and
    less often (寻河 for 巡河, written seven times, not for 新河, written once); not of one the context supports."""
    own = []
    for written, (term, evidence, times) in slips.items():
        start = text.find(written)
        if start >= 0 and not any(t.start < start + 2 and start < t.end and not 0 < n < times for t, n in typos):
            own.append((Typo(start, start + 2, written, term, evidence, idiom=False, gain=0.0, margin=0.0), times))
    if own:
        protected = protected_ranges(text, words)
        kept = _uncurated(text, [t for t, _ in own if not any(s < t.end and t.start < e for s, e in protected)])
        own = [(t, n) for t, n in own if t in kept]
        rest = [(t, n) for t, n in typos if not any(o.start < t.end and t.start < o.end for o, _ in own)]
        typos = sorted([*rest, *own], key=lambda x: x[0].start)
    return typos


def _finding(block: Block, typo: Typo, kind: str) -> Finding:
    at = next(i for i, (a, b) in enumerate(zip(typo.written, typo.target, strict=True)) if a != b)
    why = _WHY[typo.evidence]
    wrong, right = typo.written[at], typo.target[at]
    span = block.span(typo.start, typo.end)
    return Finding(
        span,
        f"“{typo.written}”疑为“{typo.target}”：“{wrong}”与“{right}”{why}，{kind}",
        fix=Fix.unsafe(Edit(span, typo.target)),
    )


@check("WD009")
def near_word_typo(ctx: Context) -> Iterator[Finding]:
    for block, typo, seen in _block_typos(ctx, supported=True):
        if typo.idiom:
            continue
        if seen:
            yield _finding(block, typo, f"本文其他地方写作“{typo.target}”（{seen} 次）")
        else:
            yield _finding(block, typo, "“" + typo.target + "”是常用词，原文不成词或远不如它常用")


@check("WD010")
def idiom_typo(ctx: Context) -> Iterator[Finding]:
    for block, typo, _ in _block_typos(ctx):
        if typo.idiom:
            yield _finding(block, typo, "固定搭配/成语应写作“" + typo.target + "”")


class ScriptPack(BaseModel):
    """``rules/packs/typo-script.toml``: traditional characters never used in simplified text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    traditional: dict[str, str] = Field(min_length=1)


@cache
def _traditional() -> tuple[dict[str, str], frozenset[str]]:
    """The table, and its characters as a set (found in a text by a set test per character: a class
    of 1,951 characters in a regular expression costs more to compile than the rule costs to run)."""
    table = load_pack("typo-script", ScriptPack).traditional
    return table, frozenset(table)


#: A paragraph with this share of traditional characters is quoted or written in traditional Chinese.
_TRADITIONAL_SHARE = 0.2


#: A character this close to a garbled mark (``�``, a control character) may belong to the garbled piece.
_MARK_REACH = 2


def _garbled(text: str) -> Callable[[int], bool] | None:
    """Which characters of ``text`` may be pieces of wrong decoding (GA005 reports them), or None when
    none may.  Text read with the wrong character set is full of traditional-looking characters (``鏈堟湭``
    is ``月未`` in UTF-8 read as GBK), so a paragraph holding such a stretch is left alone; a lone mark
    (``�``) spoils only the characters beside it (促进學生 in a paragraph with a ``�`` elsewhere is a slip)."""
    if find_reencoded(text):
        return lambda at: True
    marks = find_marks(text)
    if not marks:
        return None
    return lambda at: any(m.start - _MARK_REACH <= at < m.end + _MARK_REACH for m in marks)


def _among_common(text: str, at: int, table: dict[str, str]) -> bool:
    """Whether a Chinese character beside ``text[at]`` is a common one or a traditional one of the table
    (or none is Chinese).

    A traditional character pasted into simplified text stands among ordinary characters; one between
    rare characters is a piece of garbled text or of a name or term the table cannot judge.  One rare
    neighbour is not enough to tell: the next word may start with it (战友們赓续, 赓 of 赓续)."""
    common = common_chars()
    beside = [near for near in (text[at - 1 : at], text[at + 1 : at + 2]) if near and _HAN_ONE.match(near)]
    return not beside or any(near in common or near in table for near in beside)


@check("WD011")
def traditional_character(ctx: Context) -> Iterator[Finding]:
    table, chars = _traditional()
    for block in ctx.views.blocks:
        text = block.text
        if chars.isdisjoint(text):
            continue
        found = [i for i, c in enumerate(text) if c in chars and not block.masked(i, i + 1)]
        han = len(_HAN_ONE.findall(text))
        if not found or len(found) > _TRADITIONAL_SHARE * max(han, 1):
            continue
        garbled = _garbled(text)
        for at in found:
            if (garbled and garbled(at)) or not _among_common(text, at, table):
                continue
            char = text[at]
            span = block.span(at, at + 1)
            yield Finding(
                span,
                f"简体文本中混入繁体字“{char}”，应写作“{table[char]}”",
                fix=Fix.unsafe(Edit(span, table[char])),
            )


_HAN_ONE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


#: A run of full-width Latin letters that is not part of a run with full-width digits (those are NB007's).
_FULLWIDTH_LETTERS = re.compile(r"(?<![０-９Ａ-Ｚａ-ｚ．])[Ａ-Ｚａ-ｚ]+(?![０-９Ａ-Ｚａ-ｚ])")


@check("WD016")
def fullwidth_latin(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_FULLWIDTH_LETTERS):
        if any(g.start <= m.start() < g.end for g in find_reencoded(block.text)):
            continue  # a letter of mojibake (鏂版椂浠ｆ枃: UTF-8 read as GBK), which GA005 reports
        run = m.group()
        span = block.span(m.start(), m.end())
        half = to_halfwidth(run)
        # (a suggestion like every typo finding: --fix --unsafe-fixes applies it)
        yield Finding(span, f"拉丁字母用了全角：“{run}”应写作半角“{half}”", fix=Fix.unsafe(Edit(span, half)))
