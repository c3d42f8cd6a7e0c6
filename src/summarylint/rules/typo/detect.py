"""Finding wrong characters: candidates from the lexicon, verified by segmenting their context.

A *candidate* is a span of two to four Chinese characters that differs in exactly one character from
a frequent word or a fixed expression (a *target*), where the two characters sound alike (same
toneless syllable, or a common near-confusion), look alike (the curated look-alike groups) or, in a
four-character expression, the wrong character repeats another character of the same expression
(力所能力 for 力所能及).

A candidate is reported only when its context supports the target: the few characters around it
are segmented with a unigram word model over jieba's dictionary, once as written and once corrected,
and the corrected text must contain the target as a word and be much more probable than the text as
written (by a margin that depends on the kind of evidence).  A span that is itself a word as frequent
as the target, or that a neighbouring word straddles (工作是 is 工作 + 是, not a misspelt 作诗), loses
this comparison by itself.  Names of people, places and organisations (jieba's nr/ns/nt/nz tags),
team words from the configuration, titles in 《》 and short quotations are left alone.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from itertools import compress, count, filterfalse, repeat
from operator import add, and_, ge, or_
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from summarylint.packs import load_pack
from summarylint.rules.garbled.mojibake import find_reencoded
from summarylint.rules.typo.lexicon import (
    PART_ENDS,
    PART_FIRST,
    PART_HEAD,
    PART_SECOND,
    PART_TAIL,
    Lexicon,
    Table,
    Words,
    load_lexicon,
    load_words,
)
from summarylint.text.names import TITLES

_lock = threading.Lock()

#: jieba's tags of names of people, places and organisations and of other proper nouns
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
#: jieba's tags of idioms and set phrases (其他四字目标词是名词、动词等固定说法)
_IDIOM_TAGS = frozenset({"i", "l"})
#: Tags of common nouns and names: not ``nz``, which jieba gives many rare variants of idioms (集思广义).
_NOUN_TAGS = (NAME_TAGS - {"nz"}) | {"n"}
_MAX_WORD = 8
_CONTEXT = 4  # characters of context on each side
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PROTECTED = re.compile(
    r"《[^《》\n]{1,60}》|“[^“”\n]{1,10}”|「[^「」\n]{1,10}」|\"[^\"\n]{1,10}\""
    # the issuer's abbreviation of a document number (歙税发〔2024〕7号, 国办函[2023]15号), its number perhaps not
    # filled in yet (市卫健发〔2026〕X号): no words of its own
    r"|[\u4e00-\u9fff]{1,6}(?=[〔\[［(（][12][0-9]{3}[〕\]］)）]\s*第?[0-9XxＸｘ×]*号)"
)


class Evidence(StrEnum):
    SOUND = "sound"  # same usual toneless syllable
    NEAR = "near"  # near-confusion (zh/z, n/l, in/ing, en/eng) or a shared rarer reading
    SHAPE = "shape"  # look-alike characters
    SOUND_SHAPE = "sound+shape"  # same syllable and look-alike (练/炼): both ways of slipping agree
    ECHO = "echo"  # the wrong character repeats another one of the expression


#: How much more probable (natural log) the corrected context must be: by the kind of target (a
#: four-character expression or not), the evidence, and whether the span as written is itself an
#: entry of jieba's dictionary (which also lists rare misspellings, such as 锻练, at the lowest
#: frequencies).  Chosen on edited official text, where every finding is a false alarm
#: (scripts/typo_eval.py): lower margins start flagging correct coinages (赋能, 多措并举).
MARGINS: dict[tuple[bool, Evidence, bool], float] = {
    # (idiom, evidence, written form attested): margin
    (False, Evidence.SOUND, False): 12.2,
    (False, Evidence.SOUND, True): 8.5,
    # (a look-alike of the curated groups in a span that is no word: from 7 to 6 it adds one finding on the edited text,
    # 裁入宪法, a real slip there for 载入, once the pack knows 省域, 新域新质 and 入格, and about twenty right ones on
    # the drafts: 区城, 设各, 粮推, 调拔, 穿剌, 责今)
    (False, Evidence.SHAPE, False): 6.0,
    (False, Evidence.SHAPE, True): 8.5,
    # (both the sound and the look: 等侯 for 等候, 走坊 for 走访; from 7 to 6 it adds no finding on the edited text
    # and three right ones on the drafts, once the pack knows 总馆)
    (False, Evidence.SOUND_SHAPE, False): 6.0,
    (False, Evidence.SOUND_SHAPE, True): 5.0,
    (False, Evidence.NEAR, False): 10.5,
    (False, Evidence.NEAR, True): 10.0,
    (True, Evidence.SOUND, False): 9.0,
    (True, Evidence.SOUND, True): 2.0,
    (True, Evidence.SHAPE, False): 12.0,
    (True, Evidence.SHAPE, True): 2.0,
    (True, Evidence.SOUND_SHAPE, False): 8.0,
    (True, Evidence.SOUND_SHAPE, True): 2.0,
    # (a near slip in an expression that is no word as written: from 13 to 9 it adds no finding on the edited text
    # (nor down to 4) and three right ones on the drafts (生心健康, 洛如病毒, 数据自控); at 8.5 it also reads
    # 抽检不合格则予以退货 as 不合格者 (as much gain as the slips 产品自量 and 成下身子), at 6 分成作业小组 as 分层作业)
    (True, Evidence.NEAR, False): 9.0,
    # (one that jieba lists as a rare variant, 自始自终 for 自始至终: from 6 to 2 it adds no finding on the edited
    # text, the rough drafts or the other drafts)
    (True, Evidence.NEAR, True): 4.0,
    (True, Evidence.ECHO, False): 6.0,
    (True, Evidence.ECHO, True): 6.0,
}


#: An input-method slip puts a *common* character in place of the right one (报 for 抱, 门 for 们); a
#: rarer character in an unknown span is more often a deliberate coinage (措 in 多措并举, 疫 in 抗疫, 纠 in
#: 纠治).  So a span that is no dictionary word needs a smaller margin when its odd character is common
#: (jieba's frequency of the character as a word) and the word it stands for is common too:
#: (minimum character frequency, minimum target frequency, margin); the smallest margin that applies.
#: Chosen on same-sound slips planted in edited official text (``scripts/typo_eval.py inject``, several
#: seeds) against the false alarms on that text (``scripts/typo_eval.py clean``): where both are common,
#: the unigram model underrates the gain (我门 for 我们 gains only about 6, 门 and 我 being frequent words).
COMMON_CHAR_MARGINS = (
    (100_000, 10_000, 5.0),
    (10_000, 10_000, 6.0),
    (20_000, 0, 7.0),
    (10_000, 0, 8.0),
    (1_000, 10_000, 8.0),
    (3_000, 3_000, 9.0),
    (2_000, 1_000, 10.5),
)
#: The margin of a span that is no word, one character away from a term of the pack (a word of the trades
#: that jieba lacks or rates as rare: 交接班, 变电站, 会诊): jieba's frequency, or the pack's floor, underrates
#: how often work reports write it, so the gain of its correction is underrated too.  Chosen like the margins
#: above; at 7.5 the edited text gains 食洋 (食洋不化) for 实洋 and 执守 for 值守.
TERM_MARGIN = 8.0
#: The margin of a span that is no word, one character away from a two-character word that binds the
#: character the span keeps (枢扭 for 枢纽, 坍蹋 for 坍塌: ``bound`` in :mod:`.lexicon`): that character is
#: written almost only in the word, so another word is hardly meant; the unigram model, which reads the
#: kept character as a rare single one, underrates the gain less than the margins above allow for.
#: Chosen like them: from 7 to 8 it adds no finding on the edited text and two right ones on the drafts of
#: ``tests/typo-written*``.
BOUND_MARGIN = 8.0
#: A two- or three-character candidate whose gain falls short of its margin but reaches this one is
#: reported when its document supports it (:class:`Support`): the writer types the word right
#: elsewhere in the same document (客户 nine times, 客护 once).  Measured like the margins above, with
#: the drafts of ``tests/typo-written*`` as the slips: below 5, the document's support no longer
#: tells slips from the coinages of edited text.
SUPPORTED_MARGIN = 5.0
#: The support: the document writes the target at least this many times as often as chance would
#: (its frequency in jieba's dictionary, in a text of that many Chinese characters) ...
SUPPORT_RATIO = 40.0
#: ... counting this many characters to a word of running Chinese text.
CHARS_PER_WORD = 1.6

#: Below this gain, a candidate must not touch Latin letters or digits: with weak evidence, such a
#: span is too often the end of a Latin or numbered name (V 群中, 3号楼); a slip before a count is
#: found when its context supports it well (储备冲峰舟2艘).
EDGE_MARGIN = 7.0
_ALNUM = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")


#: The same for a near reading (自愿 for 志愿, 留 for 流): the wrong syllable differs from the right one,
#: so both the character and the word must be common (measured like the above with near-reading slips,
#: ``scripts/typo_eval.py inject``, kind ``near``, once a rarer reading stopped counting as near: the
#: false alarms on edited text came from those).
COMMON_CHAR_NEAR_MARGINS = (
    (10_000, 10_000, 6.0),
    (1_000, 10_000, 7.0),
    (1_000, 1_000, 8.5),
)


def _common_char_margin(char_freq: float, target_freq: float, near: bool = False) -> float:
    least = math.inf  # (a loop, not min() of a generator: screening asks this of every candidate)
    for char_floor, target_floor, m in COMMON_CHAR_NEAR_MARGINS if near else COMMON_CHAR_MARGINS:
        if m < least and char_freq >= char_floor and target_freq >= target_floor:
            least = m
    return least


class ShapePack(BaseModel):
    """``rules/packs/typo-shapes.toml``: groups of look-alike characters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    groups: list[str] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Typo:
    """A verified wrong-character finding in a text."""

    start: int
    end: int
    written: str
    target: str
    evidence: Evidence
    idiom: bool
    gain: float
    margin: float

    @property
    def changed(self) -> int:
        """Where the wrong character is."""
        return self.start + _one_apart(self.written, self.target)

    @property
    def sure(self) -> bool:
        """Whether the context alone supports the finding; otherwise only its document can
        (:data:`SUPPORTED_MARGIN`, :class:`Support`)."""
        return self.gain >= self.margin


@cache
def shape_groups() -> tuple[str, ...]:
    return tuple(load_pack("typo-shapes", ShapePack).groups)


@cache
def look_alike() -> dict[str, frozenset[str]]:
    """Character → the other characters of the look-alike groups it is in (each group's characters are
    added as a set and the character itself taken out at the end: a few thousand characters each run)."""
    table: dict[str, set[str]] = {}
    for group in shape_groups():
        members = set(group)
        for char in members:
            table.setdefault(char, set()).update(members)
    return {k: frozenset(v - {k}) for k, v in table.items()}


class PhrasePack(BaseModel):
    """``rules/packs/typo-phrases.toml``: four-character phrases of official writing jieba lacks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[Annotated[str, StringConstraints(pattern=r"^[\u4e00-\u9fff]{4}$")]] = Field(min_length=1)
    terms: list[Annotated[str, StringConstraints(pattern=r"^[\u4e00-\u9fff]{2,3}$")]] = []


@cache
def _phrase_pack() -> PhrasePack:
    return load_pack("typo-phrases", PhrasePack)


@cache
def phrases() -> tuple[str, ...]:
    """The pack's fixed phrases and terms (see :func:`~summarylint.rules.typo.lexicon.with_phrases`)."""
    pack = _phrase_pack()
    return (*pack.phrases, *pack.terms)


@cache
def terms() -> frozenset[str]:
    """The pack's terms: words of the trades work reports speak of (:data:`TERM_MARGIN`)."""
    return frozenset(_phrase_pack().terms)


@cache
def lexicon() -> Lexicon:
    with _lock:
        return load_lexicon(shape_groups(), phrases=phrases(), least_margin=_LEAST_MARGIN[False])


@cache
def dictionary() -> Words:
    with _lock:
        return load_words(phrases=phrases())


def _evidence(lex: Lexicon, written: str, target: str, span: str) -> Evidence | None:
    """How two characters can be confused, or None."""
    exact_w, exact_t = lex.exact.get(written, ""), lex.exact.get(target, "")
    if not set(exact_w).isdisjoint(exact_t):  # by their usual readings (调 tiao for 条)
        return Evidence.SOUND_SHAPE if written in look_alike().get(target, ()) else Evidence.SOUND
    # near readings of the usual readings (zh/z, n/l, in/ing, en/eng); a rarer reading is no evidence at
    # all (提 dī for 地, 增 céng for 称, 需 nuò for 果): an input method lists such characters far down,
    # and a writer who means a character types its usual reading
    if written not in lex.rare and not _usual_classes(lex, target).isdisjoint(_usual_classes(lex, written)):
        return Evidence.NEAR
    if written in look_alike().get(target, ()):
        return Evidence.SHAPE
    if len(span) == 4 and span[3] == written and span[0] == written:  # 力所能力: the end repeats the start
        return Evidence.ECHO
    return None


def _usual_classes(lex: Lexicon, char: str) -> set[str]:
    """The sound classes of the readings of ``char`` in common use: what a writer who means ``char``
    types (the lexicon's ``more`` holds a second reading only when it is in common use: 调 tiao).  A
    rarer reading of the meant character is never typed (a writer who means 果 types guo, not luo),
    so it is no evidence."""
    primary = lex.fuzzy.get(ord(char))
    return {primary, *lex.more.get(char, "")} if primary else set(lex.more.get(char, ""))


def _one_apart(written: str, target: str) -> int:
    """The index of the only differing character, or -1."""
    if len(written) != len(target):
        return -1
    if len(written) == 2:  # (most candidates)
        first, second = written[0] != target[0], written[1] != target[1]
        return -1 if first == second else 0 if first else 1
    at = -1
    for i, (a, b) in enumerate(zip(written, target, strict=True)):
        if a != b:
            if at >= 0:
                return -1
            at = i
    return at


def _pair_targets(lex: Lexicon, bigram: str) -> tuple[str, ...]:
    """The two-character targets one similar character away from ``bigram`` (no filtering)."""
    a, b = bigram[0], bigram[1]
    if bigram in lex.weights.members:  # (a frequent word is no slip)
        return ()
    sa, sb = lex.fuzzy.get(ord(a), a), lex.fuzzy.get(ord(b), b)
    if sa == a or sb == b:  # (a character with no reading in the lexicon: only its shape can be wrong, 冼涤)
        shaped = lex.shapes.get(bigram)
        return () if shaped is None else (shaped,)
    more, pairs = lex.more, lex.pairs
    keys = [a + sb, sa + b]
    if a in more:
        keys += [c + b for c in more[a]]
    if b in more:
        keys += [a + c for c in more[b]]
    found: list[str] = []
    for key in keys:
        targets = pairs.get(key)
        if targets:
            found += (t for t in targets.split(",") if t != bigram)
    shaped = lex.shapes.get(bigram)
    if shaped is not None:
        found.append(shaped)
    return tuple(found)


def _triple_targets(lex: Lexicon, trigram: str) -> tuple[str, ...]:
    """The three-character targets one similar character away from ``trigram`` (no filtering)."""
    a, b, c = trigram[0], trigram[1], trigram[2]
    if trigram in lex.weights:
        return ()
    shaped = lex.shapes.get(trigram)
    fuzzy = lex.fuzzy
    sa, sb, sc = fuzzy.get(ord(a), a), fuzzy.get(ord(b), b), fuzzy.get(ord(c), c)
    if sa == a or sb == b or sc == c:  # (a character with no reading in the lexicon: only its shape can be wrong)
        return () if shaped is None else (shaped,)
    found: list[str] = []
    for key in (a + b + sc, sa + b + c, a + sb + c):
        targets = lex.pairs.get(key)
        if targets:
            found += (t for t in targets.split(",") if t != trigram)
    if shaped is not None and shaped not in found:
        found.append(shaped)
    return tuple(found)


def _alike(lex: Lexicon, written: str, written_sound: str, target: str, span: str) -> bool:
    """A quick test that ``written`` may stand for ``target`` (the full one is :func:`_evidence`)."""
    target_sound = lex.fuzzy.get(ord(target))
    if target_sound is not None and (
        target_sound == written_sound
        or target_sound in lex.more.get(written, "")
        or written_sound in lex.more.get(target, "")
    ):
        return True
    return written in look_alike().get(target, ()) or (len(span) == 4 and span[0] == span[3] == written)


class Scorer:
    """Best unigram segmentation scores of short texts over jieba's dictionary."""

    def __init__(self, dictionary: Words, extra: frozenset[str] = frozenset()) -> None:
        self._dictionary = dictionary
        self.log_total = math.log(dictionary.total)
        self._extra = extra

    def freq(self, word: str) -> int:
        return self._dictionary.freq(word)

    def tag(self, word: str) -> str:
        return self._dictionary.tag(word)

    def best(self, text: str) -> tuple[float, list[tuple[int, int]]]:
        """The log-probability of the best segmentation of ``text`` and its words as (start, end)."""
        terms = self._dictionary.terms  # (each word's log-probability, once looked up)
        term_of = self._dictionary.term
        extra = self._extra
        log_total = self.log_total
        single = math.log(1) - log_total  # (a character absent or only the start of words)
        n = len(text)
        # scores[i]: score of text[i:]; ends[i]: the end of its first word
        scores = [0.0] * (n + 1)
        ends = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            top, top_end = -math.inf, i + 1
            for k in range(i + 1, min(n, i + _MAX_WORD) + 1):
                word = text[i:k]
                term = terms[word] if word in terms else term_of(word)
                if term is None:  # absent
                    if k > i + 1:
                        break
                    term = single
                elif term == math.inf and k > i + 1 and not (extra and word in extra):
                    continue  # a prefix only
                if extra and word in extra:
                    term = math.log(max(self.freq(word), 1000)) - log_total
                elif term == math.inf:
                    term = single
                score = term + scores[k]
                if score > top:
                    top, top_end = score, k
            scores[i] = top
            ends[i] = top_end
        words: list[tuple[int, int]] = []
        i = 0
        while i < n:
            end = ends[i]
            words.append((i, end))
            i = end
        return scores[0], words


#: The smallest margin any candidate may need (non-idioms, idioms): below it, no need to look further.
_LEAST_MARGIN = {False: 5.0, True: 1.5}


def _rough_bound(lex: Lexicon, scorer: Scorer, written: str, target: str) -> float:
    """:func:`_gain_bound` for a span read as single characters, from the lexicon's own frequencies
    (no dictionary group needs decoding): most candidates stop here."""
    weights = lex.weights
    bound = weights.get(target, 0.0) + (len(written) - 1) * scorer.log_total
    if len(written) == 2:  # (the same sum as below: 0 + a + b)
        return bound - (weights.get(written[0], 0.0) + weights.get(written[1], 0.0))
    return bound - sum(weights.get(c, 0.0) for c in written)


def _gain_bound(scorer: Scorer, written: str, target: str) -> float:
    """An upper bound of the gain, from frequencies alone (no segmentation).

    When the corrected context's best segmentation has ``target`` as a word, the written context can
    at least be segmented the same way with ``target`` replaced by ``written`` as one word (if it is a
    dictionary word) or by its characters one by one; so the gain is at most the difference between
    those words' log-probabilities."""
    target_freq = scorer.freq(target)
    if target_freq <= 0:
        return -math.inf
    log_target = math.log(target_freq)
    singles = log_target + (len(written) - 1) * scorer.log_total
    singles -= sum(math.log(max(scorer.freq(c), 1)) for c in written)
    written_freq = scorer.freq(written)
    if written_freq > 0:
        return min(singles, log_target - math.log(written_freq))
    return singles


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """The window of Chinese text around ``[start, end)``: up to :data:`_CONTEXT` characters each side."""
    left = start
    while left > 0 and start - left < _CONTEXT and _HAN.match(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and right - end < _CONTEXT and _HAN.match(text, right):
        right += 1
    return left, right


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before and just after ``[start, end)``, spaces aside ("" at either end of ``text``)."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j = end
    while j < len(text) and text[j] == " ":
        j += 1
    return text[i] if i >= 0 else "", text[j : j + 1]


def _beside_name(text: str, start: int, end: int) -> bool:
    """Whether Latin letters or digits (spaces aside) touch ``[start, end)``, other than a count right after
    it (坐谈会2次, 宣传车3辆: a number and a measure word of the MF001 list), which counts what the span names
    rather than numbering it."""
    before, after = _neighbours(text, start, end)
    return bool(_ALNUM.match(before)) or (bool(_ALNUM.match(after)) and _count_pattern().match(text, end) is None)


@cache
def _count_pattern() -> re.Pattern[str]:
    """A count: a number (spaces aside), then 万 or 亿 perhaps (6.8万人次), then 余 or 多 perhaps, then a measure word
    (MF001's)."""
    from summarylint.text.measure import alternation, pack

    return re.compile(r" *[0-9]+(?:[.,][0-9]+)* *[万亿]?[余多]?(?:" + alternation(pack().mf001.measure_words) + ")")


@cache
def _measure_chars() -> frozenset[str]:
    """MF001's measure words of one character (处, 个, 件 ...)."""
    from summarylint.text.measure import pack

    return frozenset(w for w in pack().mf001.measure_words if len(w) == 1)


@cache
def classifiers() -> frozenset[str]:
    """Characters that count things after 逐 (逐项, 逐户, 逐卷, 逐页, 逐村): MF001's measure words of one character, the
    classifiers of files and records, and the units of places and bodies."""
    return _measure_chars() | frozenset("卷页笔本宗案盒箱门科栋段村组镇乡校园店企厂站岗单")


def _counted(text: str, start: int) -> bool:
    """Whether the character at ``start`` is a measure word right after a number (spaces aside): it counts
    with the number, and the span it opens is no word of its own."""
    return text[start] in _measure_chars() and _neighbours(text, start, start)[0].isdigit()


#: Characters that read a number after them (已近 100 封, 约 3 成, 逾 20 家) or before it (3 万余): written
#: beside the number, such a character is meant, whatever its neighbours (已近 is no 已经).
_NUMBER_QUALIFIERS = frozenset("近约余逾超达多")


#: The characters of numbers written in Chinese (已近三十年, 约两成).
_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两半几数")


def _qualifies_number(text: str, at: int) -> bool:
    """Whether the character at ``at`` is one that qualifies a number (:data:`_NUMBER_QUALIFIERS`)
    and a digit or a numeral (spaces aside) stands right after or before it."""
    return text[at] in _NUMBER_QUALIFIERS and any(c.isdigit() or c in _NUMERALS for c in _neighbours(text, at, at + 1))


#: Characters around an entry of a list of names (陈建祖、王平).
_NAME_DELIMITERS = frozenset("、，,；;：:（）() \t\u3000/")


@cache
def _surnames() -> frozenset[str]:
    from summarylint.text.measure import pack

    return frozenset(pack().words.surnames)


def surname_like(char: str, scorer: Scorer | None = None) -> bool:
    """Whether ``char`` may start a personal name: one of the pack's common surnames, or (given ``scorer``) a
    character jieba tags as a name or does not know as a word at all (禤, 郗: rare surnames; a slip is written with a
    common character)."""
    if char in _surnames():
        return True
    return scorer is not None and (scorer.tag(char) in _PERSONAL_NAME_TAGS or scorer.freq(char) == 0)


#: The last character of a room, a station or an office (荣誉室, 调解室, 服务站, 卫生院): an item of a list that ends
#: with one is no personal name, whatever its first character.
_PLACE_ENDS = frozenset("室厅馆站所部科处队库院校店局")


def listed_name(text: str, start: int, end: int, scorer: Scorer | None = None, term: str | None = None) -> bool:
    """Whether ``[start, end)`` lies in a name in a list, which the dictionary does not know: a run of
    Chinese characters standing between delimiters that has two or three characters and starts with a
    surname (陈建祖、王平, 郗振东、眭文彬: :func:`surname_like`) and does not end like a place (:data:`_PLACE_ENDS`:
    荣誊室 is a room), or (given ``scorer``) four characters no two of
    which form a dictionary word (a nickname: 名剑疯流、kaguya; a shorter item so written is more often a slip: 省、
    指治区、直辖市).  ``term``: the term of the pack a candidate in the span stands for, which makes an item of two or
    three characters that term (针刺、艾炙、拔罐; 周循查) and one of four characters holding a three-character one
    (深基坑、高支摸、起重机械) no name.  The last name of a list may run on into the text
    (:func:`_last_listed_name`)."""
    a = start
    while a > 0 and _HAN.match(text, a - 1):
        a -= 1
    b = end
    while b < len(text) and _HAN.match(text, b):
        b += 1
    if not (a == 0 or text[a - 1] in _NAME_DELIMITERS):
        return False
    if not (b == len(text) or text[b] in _NAME_DELIMITERS) or b - a > 4:
        return _last_listed_name(text, a, end, scorer)
    if 2 <= b - a <= 3:
        return term is None and surname_like(text[a], scorer) and text[b - 1] not in _PLACE_ENDS
    return (
        scorer is not None
        and b - a == 4
        and not (term is not None and len(term) == 3)
        and all(e - s == 1 for s, e in scorer.best(text[a:b])[1])
    )


def _last_listed_name(text: str, a: int, end: int, scorer: Scorer | None) -> bool:
    """Whether the run of Chinese characters from ``a`` (after a 、) opens with the last name of a list, which the text
    runs on from (选派郗雨桐、佘家豪2名骨干; 覃海燕、佘立群为代表): the item before is a name of two or three characters
    (see :func:`listed_name`), this one starts with a surname too, and ``end`` falls within as many characters."""
    if a < 3 or text[a - 1] != "、" or text[a - 2] in _PLACE_ENDS or not surname_like(text[a], scorer):
        return False
    p = a - 1
    while p > 0 and _HAN.match(text, p - 1):
        p -= 1
    run = a - 1 - p
    # (the first item of a list may run on from the verb before it, 选派郗雨桐、……: then its last two or three
    # characters)
    delimited = p == 0 or text[p - 1] in _NAME_DELIMITERS
    lengths = (run,) if delimited and 2 <= run <= 3 else tuple(n for n in (3, 2) if run > n)
    return any(surname_like(text[a - 1 - n], scorer) and end <= a + n for n in lengths)


@cache
def team_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """The team dictionary's words as one expression (the longest first), or None when there are none."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def team_ranges(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Where the team dictionary's words stand in ``text``."""
    pattern = team_pattern(words)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def protected_ranges(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Titles, short quotations and team words in ``text``.  A quoted name of a campaign (“夏季治安打击整治行动”) is
    no name of a person or a brand: it is made of ordinary words, and a slip in it is one (夏季冶安)."""
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text) if not _CAMPAIGN.search(m.group())] + team_ranges(
        text, words
    )


#: a quotation naming a campaign: six characters or more, ending in a word of campaigns
_CAMPAIGN = re.compile(r"^“[^“”]{4,}(?:行动|活动|工程|攻坚战|整治)”$")


@dataclass(frozen=True, slots=True)
class _Screened:
    """What a candidate's context cannot change: its evidence and the margin its gain must reach."""

    target: str
    evidence: Evidence
    margin: float  # (infinite: only the document may support the candidate)
    floor: float  # the least gain of a finding: the margin, or less where the document may support it


def screen(
    written: str, target: str, lex: Lexicon, scorer: Scorer, supported: bool = False, extended: bool = False
) -> _Screened | None:
    """The tests of a candidate that depend on ``written`` and ``target`` alone (:func:`confirm` makes
    those of its context), or None when one fails.

    A two- or three-character candidate that fails only for its margin is *deferred*: returned with an
    infinite margin, as one only its document may support, with no further look-up (most candidates
    are such, and few documents support any).  ``supported``: screen a deferred candidate the
    document supports, with :data:`SUPPORTED_MARGIN` for its margin: deferred again, or None.
    ``extended``: screen a deferred candidate whose target makes a longer word with a neighbouring
    character (:func:`_extended`), whose gain the bounds, which read the target as a word of its own,
    underrate: with its margin and no bound; None when the span as written is a word."""
    at = _one_apart(written, target)
    if at < 0 or (written[at] in lex.rare and (len(target) == 2 or scorer.tag(target) in NAME_TAGS)):
        return None  # (a rare character beside one of a two-character word is more often a name's: 笪家, 濉州市)
    rough = _rough_bound(lex, scorer, written, target)
    idiom = len(target) == 4
    if rough < _LEAST_MARGIN[idiom]:
        return None
    evidence = _evidence(lex, written[at], target[at], written)
    if evidence is None or _someones_name(target, scorer):
        return None
    deferred = None if idiom else _Screened(target, evidence, math.inf, SUPPORTED_MARGIN)
    if not (supported or extended) and rough < _least_margin(lex, written, at, target, evidence) - _ROUNDING:
        return deferred  # (decided by the lexicon's frequencies: no need to look the words up)
    if scorer.tag(written[at]).startswith("u") and (
        evidence is Evidence.NEAR or (written[at] in _STRUCTURAL and not idiom)
    ):  # (a particle is written on purpose: 之 of 财富之源 is no slip for 资, 的 of 23年的区 none for 地; 脚踏实的 is)
        return None
    attested = scorer.freq(written) > 0
    if idiom and attested and scorer.tag(target) not in _IDIOM_TAGS and scorer.tag(written) in _NOUN_TAGS:
        # two four-character nouns (职业资格, 执业资格): a slip only where jieba lists the target as an idiom; a
        # written form it lists as an idiom, a proper noun or a verb is a rare variant (集思广义, 出谋画策)
        return None
    if idiom and _adverb_half(written, target, at, scorer):
        return None  # 系统实时 beside 系统实施: a word and an adverb of the verb after it (系统实时采集)
    margin = MARGINS.get((idiom, evidence, attested))
    if margin is None:
        return None
    if not idiom and not attested:
        near = evidence is Evidence.NEAR
        margin = min(margin, _common_char_margin(scorer.freq(written[at]), scorer.freq(target), near))
        if target in terms():
            margin = min(margin, TERM_MARGIN)
        if _binds_kept(lex, target, at):
            margin = min(margin, BOUND_MARGIN)
    elif idiom and not attested and evidence in _SAME_SOUND and _half_unrivalled(written, target, at, scorer):
        margin = min(margin, HALF_MARGIN)
    if extended:
        return None if idiom or attested else _Screened(target, evidence, margin, margin)
    bound = _gain_bound(scorer, written, target)
    if supported or bound < margin:
        # (a word as written is no slip its document could reveal: only one its context does)
        return None if attested or bound < SUPPORTED_MARGIN else deferred
    # the least gain: less for a span that is no word, which its document may support
    return _Screened(target, evidence, margin, margin if idiom or attested else min(margin, SUPPORTED_MARGIN))


#: A four-character target that is no idiom of jieba's (``i``) nor a phrase of the pack, both of whose halves are words
#: at least this frequent, is two words side by side (系统实施, which jieba lists as a set phrase: 系统 and 实施) ...
COMPOSED_HALF_FREQ = 1_000
#: ... and a span that writes an adverb at least this frequent for its second half (系统实时: 实时) is a word and an
#: adverb of the verb after it (纳入系统实时采集), no slip for it.  (Not a noun or another word there: 同一战线,
#: 多重形式 and 发展去势 are slips for 统一战线, 多种形式 and 发展趋势.)
COMPOSED_WRITTEN_FREQ = 100


@cache
def _pack_phrases() -> frozenset[str]:
    return frozenset(_phrase_pack().phrases)


def _adverb_half(written: str, target: str, at: int, scorer: Scorer) -> bool:
    """Whether the four-character ``target`` is two frequent words (:data:`COMPOSED_HALF_FREQ`) and ``written``, wrong
    at ``at`` in the second half, writes a frequent adverb there (:data:`COMPOSED_WRITTEN_FREQ`)."""
    if at < 2 or scorer.tag(target) == "i" or target in _pack_phrases():
        return False
    half = written[2:]
    return (
        scorer.freq(half) >= COMPOSED_WRITTEN_FREQ
        and scorer.tag(half) == "d"
        and scorer.freq(target[:2]) >= COMPOSED_HALF_FREQ
        and scorer.freq(target[2:]) >= COMPOSED_HALF_FREQ
    )


#: A three-character word that jieba tags as a person's name (``nr``, ``nrfg``) and that starts with a common
#: surname is no target unless it is at least this frequent (毛泽东, 孙中山): jieba lists a thousand names of
#: novels and news (莫艳琳, 刘卫东), and another name written beside one is no slip (莫艳玲).
NAME_TARGET_MIN_FREQ = 1000


def _someones_name(target: str, scorer: Scorer) -> bool:
    """Whether ``target`` is a three-character person's name too rare to be meant (:data:`NAME_TARGET_MIN_FREQ`)."""
    return (
        len(target) == 3
        and target[0] in _surnames()
        and scorer.tag(target) in _PERSONAL_NAME_TAGS
        and scorer.freq(target) < NAME_TARGET_MIN_FREQ
    )


_PERSONAL_NAME_TAGS = frozenset({"nr", "nrfg"})


#: The margin of a four-character span that is no word, one same-sound character away from a fixed expression
#: whose half holding that character is no word as written, or a much rarer one (医疗费物 for 医疗废物, 长住人口 for
#: 常住人口): the unigram model reads such a span as two frequent words or characters, so it underrates how much the
#: expression gains.  Where both halves are words of their own (质量监测 beside 质量检测, 现场勘察 beside 现场勘查),
#: either may be meant, and the margin of :data:`MARGINS` stands.  Chosen like the margins above: from 4 to 6 it
#: adds no finding on the edited text and three right ones on the drafts of ``tests/typo-written*``.
HALF_MARGIN = 5.0
#: A written half at least this share of its counterpart's frequency is a word of its own (see :data:`HALF_MARGIN`).
HALF_RIVAL_SHARE = 0.1
_SAME_SOUND = frozenset({Evidence.SOUND, Evidence.SOUND_SHAPE})


def _binds_kept(lex: Lexicon, target: str, at: int) -> bool:
    """Whether the two-character ``target`` binds the character a span keeps of it when the one at ``at``
    is wrong (see :data:`BOUND_MARGIN`)."""
    code = lex.bound.get(target)
    return code is not None and bool(int(code) & (1 if at == 1 else 2))


def _half_unrivalled(written: str, target: str, at: int, scorer: Scorer) -> bool:
    """Whether the half of the four-character ``written`` that holds its wrong character (at ``at``) is no
    word, or far rarer than the same half of ``target`` (:data:`HALF_RIVAL_SHARE`)."""
    half = slice(0, 2) if at < 2 else slice(2, 4)
    freq = scorer.freq(written[half])
    return freq == 0 or freq < HALF_RIVAL_SHARE * scorer.freq(target[half])


#: How far :func:`_rough_bound` may fall below the exact bound it stands for: the lexicon's weights are
#: natural-log frequencies rounded to two decimals (at most 0.005 off each, five of them at most), and
#: a weight missing for a character (0) only raises it.
_ROUNDING = 0.05


def _least_margin(lex: Lexicon, written: str, at: int, target: str, evidence: Evidence) -> float:
    """The least margin :func:`screen` may ask of a candidate with this ``evidence`` that puts the character
    of ``written`` at ``at`` in place of the one of ``target``, whether the span as written is attested or not: with the
    frequencies of the lexicon (natural-log weights rounded to two decimals, so each frequency is at
    most ``exp(weight + 0.005)``), before any word is looked up.  A weight missing for the target (a
    word the lexicon does not weigh: its rough bound is no bound) or for ``char`` gives the least
    margin of all."""
    char = written[at]
    idiom = len(target) == 4
    least = min(MARGINS.get((idiom, evidence, True), math.inf), MARGINS.get((idiom, evidence, False), math.inf))
    if idiom:
        return least
    weights = lex.weights
    target_weight = weights.get(target)
    char_weight = weights.get(char)
    if target_weight is None or char_weight is None:
        return _LEAST_MARGIN[False]
    ceiling = _ROUNDING / 5
    return min(
        least,
        _common_char_margin(
            math.exp(char_weight + ceiling), math.exp(target_weight + ceiling), evidence is Evidence.NEAR
        ),
        TERM_MARGIN if target in terms() else math.inf,
        BOUND_MARGIN if _binds_kept(lex, target, at) else math.inf,
    )


#: The bits of a span's code in the memo (:class:`_Memo`): those of a two-character span's parts of targets
#: (the lexicon's ``parts``: the first or second half of a fixed expression, around which the idiom search
#: looks; the first or last two characters of a three-character target, by which the three-character spans
#: to look up are found), and a span with screened candidates.
_FIRST_HALF = PART_FIRST
_SECOND_HALF = PART_SECOND
_SURVIVES = 4
#: Two-character spans looked up in place of a span its document writes too often for a slip
#: (:attr:`Support.recurring`): no candidates, only the span's parts of targets (a NUL, then the character
#: of their code: ``RECURRING_MASKS[code]``; the codes of parts are below 64).
RECURRING_MASKS = tuple("\0" + chr(code) for code in range(64))


def _part_codes(grams: list[str], lex: Lexicon) -> Iterator[int]:
    """The codes of the two-character ``grams`` as parts of targets (see :data:`_SURVIVES`; 0 for none)."""
    return map(lex.parts.get, grams, repeat(0))


class _Memo:
    """Screened candidates of two- and three-character spans, by span: the same span recurs all over a
    document (and a batch), and nearly every candidate fails the screen, so each span is screened once.

    ``codes`` holds a code for every span screened so far (:data:`_SURVIVES` and the parts of targets a
    two-character span is; 0 for most), ``surviving`` the few spans with candidates, with them: a text's spans are
    coded by one look-up each, and those not screened yet are the ones that look-up misses."""

    __slots__ = ("codes", "surviving")

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.surviving: dict[str, tuple[_Screened, ...]] = {}
        self._masks()

    def _masks(self) -> None:
        self.codes.update({mask: code for code, mask in enumerate(RECURRING_MASKS)})

    def codes_of(
        self, grams: list[str], learn: Callable[[list[str]], tuple[dict[str, int], dict[str, tuple[_Screened, ...]]]]
    ) -> list[int]:
        """The codes of ``grams``, screening (``learn``: the codes of spans not screened yet, and their
        survivors) those not screened yet; emptied first when it would grow too large."""
        codes = self.codes
        unknown = set(grams).difference(codes)
        if unknown:
            if len(codes) + len(unknown) >= _SCREENED_MAX:
                codes.clear()
                self.surviving.clear()
                self._masks()
                unknown = set(grams).difference(codes)
            learned, surviving = learn(list(unknown))
            codes.update(learned)
            self.surviving.update(surviving)
        return list(map(codes.__getitem__, grams))


_SCREENED = _Memo()
_SCREENED_MAX = 400_000


def confirm(text: str, start: int, screened: _Screened, scorer: Scorer) -> Typo | None:
    """The finding for a screened candidate at ``start``, or None when its context does not support it."""
    target, margin = screened.target, screened.margin
    floor = screened.floor
    end = start + len(target)
    written = text[start:end]
    left, right = _context(text, start, end)
    window = text[left:right]
    corrected = window[: start - left] + target + window[end - left :]
    before, words_before = scorer.best(window)
    after, words_after = scorer.best(corrected)
    at = _one_apart(written, target)
    changed = start - left + at
    if not any(s <= start - left and end - left <= e for s, e in words_after) and not _halves_kept(
        words_after, start - left, end - left, changed
    ):
        return None  # the target is no word of the corrected text (nor part of a longer one: 加强锻炼)
    gain = after - before
    if gain < floor:
        return None
    if _qualifies_number(text, start + at) or (gain < EDGE_MARGIN and _beside_name(text, start, end)):
        return None
    if at > 0 and _counted(text, start):
        return None  # the count's measure word, kept: 42处|千人以下工程 is no 处于
    if written[0] == "所" and text[start - 1 : start] == "之":
        return None  # 之所 + a verb, of the classical turn (民之所忧, 民之所盼): no slip for 所有
    if at == 1 and len(target) == 2 and _parallel(text, start, scorer):
        return None  # the second of a parallel pair (互攻|互防): written to match the first
    if len(target) < 4 and _listed_alike(text, start, end, start + at):
        return None  # items of a list that share the character (抽贷、断贷、压贷): written to match
    if len(target) == 2 and at == 0 and written[1] == "等" and _closes_a_list(text, start):
        return None  # 等 closing a list after its last item (冰箱、消毒柜、哺乳椅等): no slip for 一等
    if (
        len(target) < 4
        and scorer.tag(target) not in _PERSONAL_NAME_TAGS
        and (_named_before_title(text, start, end, scorer) or _named_after_title(text, start, end, scorer))
    ):
        return None  # a name by its title (邝振东老师, 中队长逄振东): no slip for 振动 (孙中三先生 is, for 孙中山)
    if at == 1 and written[0] in _DEGREE and text[end : end + 1] == "处" and scorer.tag(written[1]).startswith("a"):
        return None  # a superlative of an adjective before 处 (底板最厚处, 水最深处): no slip for 最后
    if _approaching(window, changed, words_before, scorer):
        return None  # 近 before what is neared (已近饱和, 已近尾声): no slip for 经
    if _repeated_head(text, start + at, scorer):
        return None  # the repeated head of a pattern (逐班|逐科, 边学边改, 一村一策): written to match the first
    if _all_that_should(text, start + at):
        return None  # 应X尽X, all that should be X'd is (应改尽改, 应收尽收): no slip for 应该
    if len(target) < 4 and not _stands_alone(
        window, start - left, end - left, words_before, words_after, changed, scorer, _after_number(text, left), target
    ):
        return None
    if len(target) == 4 and _edge_word(window, start - left, end - left, words_before, changed, scorer):
        return None
    if len(target) == 3 and at != 1 and _free(written[at], scorer):
        rest = written[1:] if at == 0 else written[:2]
        if scorer.freq(rest) > (0 if scorer.freq(written[at]) >= FREE_WORD else _ALONE_FREQ):
            return None  # a word and a function word beside it (值班 + 时, 专项 + 再贷款), not a three-character term
    if (
        len(target) == 2
        and _free(written[at], scorer)
        and (_held(words_before, start - left + 1 - at, at) or _binds_outward(text, start, at, scorer))
    ):
        return None  # a function word beside a word that holds the other character (专业部 + 对): no slip in a word
    # a name the written span is part of (王平 for 和平); for a fixed expression, only a name that holds the
    # wrong character and reaches beyond the span: jieba tags many pairs of characters as names (井井 of 井井有调
    # is a place, 严正 of 严正以待 a person's), and a name is not written as half of an expression
    near = (changed, changed + 1) if len(target) == 4 else (start - left, end - left)
    for s, e in words_before:
        if s < near[1] and near[0] < e and e - s > 1 and scorer.tag(window[s:e]) in NAME_TAGS:
            outside = not (start - left <= s and e <= end - left)
            if len(target) == 4 and not outside:
                continue
            if e - s == 2 and outside and _function_word_and_slip(window, s, e, start - left, changed, scorer):
                continue  # (和文 of 和文枯病: the slip made it)
            return None
    return Typo(start, end, written, target, screened.evidence, len(target) == 4, gain, margin)


def _named_after_title(text: str, start: int, end: int, scorer: Scorer) -> bool:
    """Whether ``[start, end)`` lies in a personal name of two or three characters right after a title (中队长逄振东,
    书记王平): one that starts with a surname (:func:`surname_like`) where the title ends, the span within its three
    characters."""
    for n in (start, start - 1, start - 2):
        if n > 0 and end - n <= 3 and text.endswith(TITLES, 0, n) and surname_like(text[n], scorer):
            return True
    return False


def _named_before_title(text: str, start: int, end: int, scorer: Scorer) -> bool:
    """Whether ``[start, end)`` lies in a personal name of two or three characters right before a title
    (:data:`~summarylint.text.names.TITLES`): a name the dictionary does not know (邝振东老师, 王平同志) starts with a
    surname (one of the pack's, or a character jieba tags as a name) that ends no word with the character before it
    (担任代教老师: 任 of 担任 is no surname, and 代教 stands for 带教)."""
    for t in (end, end + 1):
        if not text.startswith(TITLES, t) or (t > end and _HAN.match(text, end) is None):
            continue
        for n in (t - 3, t - 2):
            surname = 0 <= n <= start and surname_like(text[n], scorer)
            if surname and (n == 0 or scorer.freq(text[n - 1 : n + 1]) == 0):
                return True
    return False


def _closes_a_list(text: str, start: int) -> bool:
    """Whether the clause before ``start`` lists items with 、 (冰箱、消毒柜、哺乳椅|等): 等 closes the list."""
    clause = max(text.rfind(mark, 0, start) for mark in "，,。；;：:！？") + 1
    return "、" in text[clause:start]


#: The tags of what 近 may be said to near: a noun, an adjective of state or a number (已近饱和, 已近尾声, 已近百年).
_NEARED_TAGS = ("n", "a", "m")


def _approaching(window: str, changed: int, words: list[tuple[int, int]], scorer: Scorer) -> bool:
    """Whether the changed character of the window is 近 before a word it nears (:data:`_NEARED_TAGS`): 库容已近饱和
    is no slip for 已经, which goes before verbs."""
    if window[changed] != "近":
        return False
    following = next((window[s:e] for s, e in words if s == changed + 1), None)
    return following is not None and scorer.tag(following).startswith(_NEARED_TAGS)


def _parallel(text: str, start: int, scorer: Scorer) -> bool:
    """Whether the two characters at ``start`` repeat the first of the two before them with another second
    that makes a word with the other one (互攻互防: 攻防): a pattern that sets two words side by side, its
    second half chosen to match (快处快陪 sets no such pair: its 陪 is a slip for 赔)."""
    return (
        start >= 2
        and text[start - 2] == text[start]
        and text[start - 1] != text[start + 1]
        and scorer.freq(text[start - 1] + text[start + 1]) > 0
    )


#: The marks that part the items of a list and the stretches around it (抽贷、断贷、压贷; 不抽贷，不断贷).
_ITEM_MARKS = "、，,；;。：:（）()“”"


def _listed_alike(text: str, start: int, end: int, at: int) -> bool:
    """Whether the span ``[start, end)`` lies in an item of a list (between 、 or ，) of at most four characters whose
    item before or after it is as long and has the character at ``at`` in the same place (抽贷、断贷、压贷;
    不抽贷、不断贷、不压贷: 贷 is meant)."""
    low = max((text.rfind(mark, 0, start) for mark in _ITEM_MARKS), default=-1) + 1
    high = min((i for i in (text.find(mark, end) for mark in _ITEM_MARKS) if i >= 0), default=len(text))
    size = high - low
    if size > 4:
        return False
    before = low >= size + 1 and text[low - 1] in "、，" and text[at - size - 1] == text[at]
    after = text[high : high + 1] in ("、", "，") and text[at + size + 1 : at + size + 2] == text[at]
    return before or after


#: jieba's tags of the heads of a repeated pattern (逐班逐科, 边学边改, 一村一策): adverbs, numerals,
#: pronouns and the like, written twice on purpose, unlike a noun the hand repeats by mistake (船舶靠舶).
_HEAD_TAGS = frozenset("dmr")


def _repeated_head(text: str, at: int, scorer: Scorer) -> bool:
    """Whether the character at ``at`` and the one two before or after it are the same, the heads of a pattern
    (:data:`_HEAD_TAGS`)."""
    repeated = (at >= 2 and text[at - 2] == text[at]) or text[at + 2 : at + 3] == text[at]
    return repeated and scorer.tag(text[at])[:1] in _HEAD_TAGS


def _all_that_should(text: str, at: int) -> bool:
    """Whether the character at ``at`` is the X of 应X尽X or 能X尽X (应改尽改: all that should be mended is), or 应 or
    尽 of it, whatever X is."""
    for s in (at - 1, at, at - 2, at - 3):
        if (
            s >= 0
            and text[s : s + 1] in ("应", "能")
            and text[s + 2 : s + 3] == "尽"
            and text[s + 1 : s + 2] == text[s + 3 : s + 4]
        ):
            return True
    return False


def _halves_kept(words: list[tuple[int, int]], start: int, end: int, changed: int) -> bool:
    """Whether the four-character span ``[start, end)`` is read as its two halves, the one with the ``changed``
    character a word of its own and the other the start or end of a longer word beyond the span (储蓄 +
    存款余额 for 储蓄存款 before 余额)."""
    if end - start != 4:
        return False
    middle = start + 2
    inner = (start, middle) if changed < middle else (middle, end)
    outer = (
        any(s == middle and e > end for s, e in words)
        if changed < middle
        else any(e == middle and s < start for s, e in words)
    )
    return inner in words and outer


#: A character written alone at least this often (jieba's frequency: 在, 是, 时, 会, 再) is a function word: typed at
#: the edge of a three-character span beside a word, it follows or precedes that word rather than standing for the
#: end or start of a three-character term (值班时 is 值班 + 时, not 值班室; 和唱团 is still 合唱团).
FREE_WORD = 50_000
#: Adverbs of written Chinese that jieba rates below :data:`FREE_WORD` but that stand alone as often (传承 + 仍面临) ...
_FREE_ADVERBS = frozenset("仍亦均皆尚曾仅犹")
#: ... beside a word that jieba rates at least this often, one written alone (传承 225), not one that mostly stands in a
#: longer word (当事 60, of 当事人: 当事仍未到庭 is a slip for 当事人).
_ALONE_FREQ = 100


def _free(char: str, scorer: Scorer) -> bool:
    """Whether ``char`` is a function word written alone (:data:`FREE_WORD`, :data:`_FREE_ADVERBS`)."""
    return char in _FREE_ADVERBS or scorer.freq(char) >= FREE_WORD


def _held(words: list[tuple[int, int]], other: int, at: int) -> bool:
    """Whether the character at window position ``other`` (the one a two-character span keeps) is held by a longer
    word of the text as written that lies outside the span: one ending with it before a function word at the
    span's end (``at`` 1: 专业部|对), or one starting with it after a function word at its start (``at`` 0)."""
    if at == 1:
        return any(e == other + 1 and e - s >= 2 for s, e in words)
    return any(s == other and e - s >= 2 for s, e in words)


#: Adverbs of degree before an adjective (最厚, 更深): with 处 after them they name the place where it is so.
_DEGREE = frozenset("最更较")


#: A word at least this frequent that the kept character of a two-character span makes with its neighbour outside the
#: span holds that character even where the segmentation gives it to another word (年轻人|群|中 for 年轻|人群|中); a
#: rarer one does not (入群 of 深入群中, a slip for 深入群众).
OUTWARD_WORD_FREQ = 1_000


def _binds_outward(text: str, start: int, at: int, scorer: Scorer) -> bool:
    """Whether the character a two-character span at ``start`` keeps (the one not at ``at``) makes a frequent word with
    its neighbour outside the span (:data:`OUTWARD_WORD_FREQ`): 人群 of 年轻人群中, read 年轻|人群|中."""
    word = text[start - 1 : start + 1] if at == 1 else text[start + 1 : start + 3]
    return len(word) == 2 and scorer.freq(word) >= OUTWARD_WORD_FREQ


#: A character written alone less often than this (jieba's frequency) is mostly part of longer words.
BOUND_CHAR = 10_000


def _stands_alone(
    window: str,
    start: int,
    end: int,
    words_before: list[tuple[int, int]],
    words_after: list[tuple[int, int]],
    changed: int,
    scorer: Scorer,
    after_number: bool = False,
    target: str = "",
) -> bool:
    """Whether the span ``[start, end)`` of ``window`` is a word of its own, not part of a longer one:
    no word of the text as written straddles its edge (命令行式 is 命令行 + 式, not a misspelt 形式; a rare word
    that straddles it by a kept character only does not count: :func:`_rare_straddler`, with ``target`` the word the
    span stands for), and
    the correction leaves no character that is rarely written alone next to the changed one
    (腾讯财付通 would leave 通: the span is part of a name), unless that character opens ``window`` right
    after a number (``after_number``): it is the number's measure word (43户|低保户, 86名|协管员)."""
    target_freq = scorer.freq(target) if target else 0
    for s, e in words_before:
        if e - s > 1 and s < end and start < e and not (start <= s and e <= end):
            if e - s == 2 and _function_word_and_slip(window, s, e, start, changed, scorer):
                continue
            if not s <= changed < e and _rare_straddler(window, s, e, start, target_freq, scorer):
                continue
            return False
    affixes = lexicon().affixes
    for k, (s, e) in enumerate(words_after):
        beside = (e == start and changed == start) or (s == end and changed == end - 1)
        counted = s == 0 and after_number
        if beside and e - s == 1 and not counted and scorer.freq(window[s:e]) < BOUND_CHAR:
            if window[s] in affixes.get("suffix" if s == end else "prefix", ""):
                continue  # a productive suffix or prefix (冷静|期 of 冷静期, 双师|型): the corrected word takes it
            if s < start and window[s] in affixes.get("suffix", "") and k > 0 and e - words_after[k - 1][0] > 2:
                continue  # a suffix closing the word before it (技能|节 of 技能节, then 竞赛): not the span's word
            return False
    return True


#: A word of two characters that straddles the edge of a span by a kept character and a word written alone (到, 了) is
#: also no evidence when it is this many times rarer than the word the span stands for (实到 of 责任诺实到山头: 27
#: against 落实's 2,219): the kept character and the free word beside it read apart.  (Not a longer word holding the
#: kept character: 项目组 of 项目组制 is what was written.)
STRADDLER_SHARE = 50


def _rare_straddler(window: str, s: int, e: int, start: int, target_freq: int, scorer: Scorer) -> bool:
    """Whether the word ``[s, e)`` of ``window``, which straddles the edge of a span starting at ``start`` by a kept
    character, is rare: absolutely (:data:`RARE_STRADDLER`), or, made of that character and a free word, beside the
    span's target (:data:`STRADDLER_SHARE`)."""
    freq = scorer.freq(window[s:e])
    if freq < RARE_STRADDLER:
        return True
    outside = e - 1 if s >= start else s  # (the character of the word outside the span)
    return e - s == 2 and scorer.freq(window[outside]) >= FREE_WORD and freq * STRADDLER_SHARE < target_freq


def _edge_word(window: str, start: int, end: int, words: list[tuple[int, int]], changed: int, scorer: Scorer) -> bool:
    """Whether the four-character span ``[start, end)`` is, as written, a word of two characters or more and the start
    or end of a word beyond it, written at least :data:`RARE_STRADDLER` times, which holds no wrong character: the
    span is then the end of one word and the start of another (公共基础课|学时 is no 基础科学)."""
    spans = set(words)
    for s, e in words:
        if e - s < 2 or s <= changed < e or scorer.freq(window[s:e]) < RARE_STRADDLER:
            continue
        if s < end < e and s - start >= 2 and (start, s) in spans:
            return True
        if s < start < e and end - e >= 2 and (e, end) in spans:
            return True
    return False


def _function_word_and_slip(window: str, s: int, e: int, start: int, changed: int, scorer: Scorer) -> bool:
    """Whether the two-character word ``[s, e)`` of ``window``, which straddles the edge of a span, is made of
    a function word (a conjunction, preposition or particle written alone at least :data:`FREE_WORD` times:
    和, 对, 在, 的) and the span's wrong character (``changed``): the slip made that word (和纹枯病 written
    和文枯病 reads 和文, 对拆除 written 对折除 reads 对折), which says nothing of the span's being part of a
    longer one (大灾保险 is 大灾 + 保险: 大 is no function word)."""
    inside, outside = (e - 1, s) if s < start else (s, e - 1)
    if inside != changed:
        return False
    char = window[outside]
    return scorer.tag(char)[:1] in _FUNCTION_TAGS and scorer.freq(char) >= FREE_WORD


#: A word of the text as written that straddles the edge of a span only by a character the span keeps, and is
#: written less often than this (jieba's frequency), says nothing of the span's being part of a longer word:
#: jieba lists many such pairings of rarely seen characters (节期 of 拨节期, 控系统 of 侧控系统), while a word that
#: holds the wrong character itself (命令行 of 命令行式) is what was written.  Chosen on the edited text, where
#: neither 20 nor 60 adds a finding, and the drafts of ``tests/typo-written*``, where both add three right ones.
RARE_STRADDLER = 20

#: jieba's tags of conjunctions, prepositions and particles (``uj``, ``ul`` ...).
_FUNCTION_TAGS = frozenset("cpu")


#: Characters that are part of a figure right after its digits (2.86亿件, 3万人次): no slip when a digit precedes them.
_NUMBER_UNITS = frozenset("十百千万亿")


def _after_number(text: str, at: int) -> bool:
    """Whether a digit stands right before ``at`` (spaces aside)."""
    return _neighbours(text, at, at)[0].isdigit()


#: The structural particles, written on purpose outside fixed expressions (WD002 tells them apart).
_STRUCTURAL = frozenset("的地得")

_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]")


def _hits(found: Iterable[object], shift: int = 0) -> set[int]:
    """The positions (plus ``shift``) where ``found`` is true."""
    return set(compress(count(shift), found))


def _learn(grams: Iterable[str], lex: Lexicon, scorer: Callable[[], Scorer]) -> dict[str, tuple[_Screened, ...]]:
    """Screen the two-character spans ``grams`` (not yet in the memo): those that have survivors, with them.

    Most spans have no candidate at all: a span has some only when one of its look-up keys
    (:func:`_pair_targets`) is a key of the lexicon.  The keys of all the spans are made and looked
    up at once, in step (``map`` over the spans written one after the other), and only the spans
    with a key go through :func:`_pair_targets` and :func:`screen` (the spans with a character other
    than a Chinese one, NUL, and the frequent words are no slips)."""
    frequent = lex.weights.members.__contains__  # (a frequent word is no slip)
    spans = list(filterfalse(frequent, [g for g in grams if "\0" not in g]))
    written = "".join(spans)
    firsts, seconds = written[0::2], written[1::2]
    sound = written.translate(lex.fuzzy)  # each character's sound class (itself when it has none)
    # a key's slack against the code of the character its class stands for (see Lexicon.char_codes):
    # a span whose keys all fall short would fail the rough test (_rough_bound) of every target
    codes = written.translate(lex.char_codes)
    first_codes, second_codes = codes[0::2], codes[1::2]
    slack = lex.pairs.members.get
    none = repeat("")  # (no key: shorter than any code)
    keyed = _hits(map(ge, map(slack, map(add, firsts, sound[1::2]), none), second_codes))
    keyed |= _hits(map(ge, map(slack, map(add, sound[0::2], seconds), none), first_codes))
    tables = lex.more_tables
    for found in lex.more_chars.finditer(written):  # (the keys of a character's other readings)
        i = found.start()
        point = ord(written[i])
        for table in tables:
            other = table.get(point)
            if other is not None:
                key = written[i - 1] + other if i & 1 else other + written[i + 1]
                if slack(key, "") >= codes[i]:
                    keyed.add(i >> 1)
    keyed |= _hits(map(lex.shapes.__contains__, spans))
    return _keyed_survivors(spans, keyed, _pair_targets, lex, scorer)


def _keyed_survivors(
    spans: list[str],
    keyed: set[int],
    targets: Callable[[Lexicon, str], tuple[str, ...]],
    lex: Lexicon,
    scorer: Callable[[], Scorer],
) -> dict[str, tuple[_Screened, ...]]:
    """The ``keyed`` spans that have survivors (their ``targets`` screened), with them."""
    learned: dict[str, tuple[_Screened, ...]] = {}
    if keyed:
        screener = scorer()
        for i in keyed:
            gram = spans[i]
            survivors = _survivors(gram, targets(lex, gram), lex, screener)
            if survivors:
                learned[gram] = survivors
    return learned


def _survivors(gram: str, targets: tuple[str, ...], lex: Lexicon, screener: Scorer) -> tuple[_Screened, ...]:
    """The targets of ``gram`` that pass :func:`screen`."""
    screened = (screen(gram, t, lex, screener) for t in dict.fromkeys(targets))
    return tuple(s for s in screened if s is not None)


def _learn_triples(
    grams: Iterable[str], lex: Lexicon, scorer: Callable[[], Scorer]
) -> dict[str, tuple[_Screened, ...]]:
    """Screen the three-character spans ``grams`` (not yet in the memo): those that have survivors, with them.

    A span has a candidate only if two of its characters are those of a three-character target (its
    first two, last two, or first and last: :func:`_spans` passes only such spans, found by the codes of
    their parts), and then only if one of its look-up keys (:func:`_triple_targets`: one character
    replaced by its sound class) is a key of the lexicon: that test is made for all the spans at once,
    in step, as in :func:`_learn`, and only the spans with a key go through :func:`_triple_targets` and
    :func:`screen`."""
    spans = [g for g in grams if "\0" not in g]
    if not spans:
        return {}
    written = "".join(spans)
    sound = written.translate(lex.fuzzy)
    firsts, seconds, thirds = written[0::3], written[1::3], written[2::3]
    has = lex.pairs.members.__contains__
    keyed = _hits(map(has, map(add, map(add, firsts, seconds), sound[2::3])))
    keyed |= _hits(map(has, map(add, sound[0::3], map(add, seconds, thirds))))
    keyed |= _hits(map(has, map(add, map(add, firsts, sound[1::3]), thirds)))
    keyed |= _hits(map(lex.shapes.__contains__, spans))  # (a look-alike character: 絮疑剂)
    return _keyed_survivors(spans, keyed, _triple_targets, lex, scorer)


def _learn_coded(
    grams: list[str], lex: Lexicon, scorer: Callable[[], Scorer]
) -> tuple[dict[str, int], dict[str, tuple[_Screened, ...]]]:
    """The codes (:class:`_Memo`) of the two-character spans ``grams`` and the survivors of those that have
    some (:func:`_learn`)."""
    codes = dict(zip(grams, _part_codes(grams, lex), strict=True))
    surviving = _learn(grams, lex, scorer)
    for gram in surviving:
        codes[gram] |= _SURVIVES
    return codes, surviving


def _learn_triples_coded(
    grams: list[str], lex: Lexicon, scorer: Callable[[], Scorer]
) -> tuple[dict[str, int], dict[str, tuple[_Screened, ...]]]:
    """The codes of the three-character spans ``grams`` and the survivors of those that have some
    (:func:`_learn_triples`)."""
    surviving = _learn_triples(grams, lex, scorer)
    codes = dict.fromkeys(grams, 0)
    codes.update(dict.fromkeys(surviving, _SURVIVES))
    return codes, surviving


def _spans(
    han: str, lex: Lexicon, scorer: Callable[[], Scorer], recurring: Mapping[str, str] | None = None
) -> tuple[list[str], list[tuple[int, tuple[_Screened, ...]]], list[int]]:
    """The two-character spans of ``han`` (the text with every character other than a Chinese one
    replaced by NUL), the screened candidates of its two- and three-character spans that have some, as
    ``(start, survivors)`` in the order of the text (at one start, the shorter span first), and the
    codes of the two-character spans (:class:`_Memo`); a two-character span of ``recurring`` has no
    candidates (its document writes it too often for a slip) and is looked up as its mask.

    Only the three-character spans that have a part of a three-character target are looked up (a quarter
    of them in running text): those whose first two or last two characters are such a part, told by the
    codes of the two-character spans, and those whose first and last characters are, looked up together."""
    bigrams = list(map(add, han, han[1:]))
    looked = bigrams
    if recurring:  # (each recurring span looked up as its mask: no candidate, its parts of targets)
        looked = list(map(recurring.get, bigrams, bigrams))
    surviving = _SCREENED.surviving
    codes = _SCREENED.codes_of(looked, lambda grams: _learn_coded(grams, lex, scorer))
    found = [(j, 2, surviving[looked[j]]) for j in compress(count(), map(and_, codes, repeat(_SURVIVES)))]
    ends = map(and_, map(lex.parts.get, map(add, han, han[2:]), repeat(0)), repeat(PART_ENDS))
    heads_or_tails = map(or_, map(and_, codes, repeat(PART_HEAD)), map(and_, codes[1:], repeat(PART_TAIL)))
    near = list(map(or_, heads_or_tails, ends))  # (one for each three-character span)
    trigrams = list(map(add, compress(bigrams, near), compress(han[2:], near)))
    coded = _SCREENED.codes_of(trigrams, lambda grams: _learn_triples_coded(grams, lex, scorer))
    if any(coded):
        starts = list(compress(count(), near))
        threes = [(starts[i], 3, surviving[trigrams[i]]) for i in compress(count(), coded)]
        found = sorted(found + threes, key=lambda f: f[:2])
    return bigrams, [(j, survivors) for j, _, survivors in found], codes


def _idiom_candidates(text: str, han: str, bigrams: list[str], codes: list[int], lex: Lexicon) -> list[tuple[int, str]]:
    """``(start, target)`` for the four-character spans of ``text`` one similar character away from a
    fixed expression that keep either half of it (``han``: ``text`` with NUL for every character other
    than a Chinese one; ``bigrams``: its two-character spans; ``codes``: their codes, which tell the
    halves of expressions).  Such a span keeps three characters of the expression, among them
    one of its halves, by which the keyed parts of the lexicon find it with one look-up.  In the order
    of the position of the half kept, then of the expressions in jieba's dictionary (the first half first)."""
    heads, tails, head_gaps, tail_gaps = lex.idiom_tables
    last = len(han) - 4  # the last start of a four-character span
    # (the position of the half kept, the table, the key, the start, the place of the wrong character)
    sites: list[tuple[int, Table[str], str, int, int]] = []
    for j in compress(count(), map(and_, codes, repeat(_FIRST_HALF | _SECOND_HALF))):
        code = codes[j]
        if code & _FIRST_HALF and j <= last:
            if (key := bigrams[j] + han[j + 2]) in heads.members:  # 再接再? : 再接再
                sites.append((j, heads, key, j, 3))
            if (key := bigrams[j] + han[j + 3]) in head_gaps.members:  # 再接?厉: 再接 and 厉
                sites.append((j, head_gaps, key, j, 2))
        if code & _SECOND_HALF and j >= 2:
            if (key := han[j - 1] + bigrams[j]) in tails.members:  # ?接再厉: 接再厉
                sites.append((j, tails, key, j - 2, 0))
            if (key := han[j - 2] + bigrams[j]) in tail_gaps.members:  # 再?再厉: 再 and 再厉
                sites.append((j, tail_gaps, key, j - 2, 1))
    found: list[tuple[int, int, int, int, str]] = []
    targets, shared = lex.weights.members, lex.idiom_shared  # (the targets of four characters are those of idioms)
    for kept, table, key, start, at in sites:
        span = text[start : start + 4]
        if len(span) != 4 or (span in targets and span not in shared):
            continue  # (an expression written right that shares no three characters with another one)
        written = span[at]
        sound = lex.fuzzy.get(ord(written), written)
        for target in table[key].split(","):
            if written != target[at] and _alike(lex, written, sound, target[at], span):
                found.append((kept, 0, int(at < 2), start, target))
    if len(found) > 1:
        order = lex.idiom_order
        found = sorted((kept, order[target], half, start, target) for kept, _, half, start, target in found)
    return [(start, target) for *_, start, target in found]


def candidates(
    text: str, lex: Lexicon, recurring: Mapping[str, str] | None = None
) -> list[tuple[int, tuple[_Screened, ...]]]:
    """The screened candidates of ``text``, as ``(start, survivors)``: those of its two- and
    three-character spans in the order of the text (at one start, the shorter span first), then those
    of four-character spans; none for the two-character spans of ``recurring`` (see :func:`paragraph_typos`)."""
    scorer: Scorer | None = None

    def screener() -> Scorer:  # (screening asks for frequencies only, never for the team words)
        nonlocal scorer
        scorer = scorer or Scorer(dictionary())
        return scorer

    han = _NOT_HAN.sub("\0", text)
    if len(han) < 2:
        return []
    bigrams, spans, codes = _spans(han, lex, screener, recurring)
    for start, target in _idiom_candidates(text, han, bigrams, codes, lex):
        screened = screen(text[start : start + 4], target, lex, screener())
        if screened is not None:
            spans.append((start, (screened,)))
    return spans


#: A form written this many times in one document is the author's term (a coinage such as 赋能), not a slip.
RECURRING = 3


class Support:
    """What a document says of the candidates its paragraphs' contexts do not support: a writer who
    types a word right elsewhere in the same document slipped where it is written otherwise once,
    while a coinage or a term of the trade recurs, and a common word turns up anywhere."""

    def __init__(self, document: str) -> None:
        self._document = document
        self._times: dict[str, int] = {}  # (the spans counted so far: a large document asks for many again)

    def times(self, span: str) -> int:
        """How often the document writes ``span`` (occurrences that do not overlap), counted once per span."""
        found = self._times.get(span)
        if found is None:
            found = self._times[span] = self._document.count(span)
        return found

    @cached_property
    def _han(self) -> int:
        """The document's Chinese characters."""
        return len(self._document) - len(_HAN_ALL.sub("", self._document))

    @cached_property
    def _pairs(self) -> Counter[str]:
        """How often each two characters occur in the document (counted once for all candidates)."""
        text = self._document
        return Counter(map(add, text, text[1:]))

    @cached_property
    def recurring(self) -> dict[str, str]:
        """The two-character spans the document writes at least :data:`RECURRING` times, each with its mask
        (:data:`RECURRING_MASKS`: a NUL, then a character standing for the span's halves of fixed
        expressions and its other parts of targets): no finding is ever of those (see :meth:`times`), so
        none is looked for, but a slip in a fixed expression may stand beside one (:func:`paragraph_typos`)."""
        pairs = self._pairs
        often = list(compress(pairs.keys(), map(ge, pairs.values(), repeat(RECURRING))))
        # (a doubled character overlaps itself: 哈哈哈 writes 哈哈 once, apart, not twice)
        often = [k for k in often if k[0] != k[1] or self.times(k) >= RECURRING]
        return dict(zip(often, map(RECURRING_MASKS.__getitem__, _part_codes(often, lexicon())), strict=True))

    @cached_property
    def own_terms(self) -> dict[str, tuple[str, Evidence, int]]:
        """The two-character spans the document writes once that are its own terms mistyped (:func:`own_term_slips`)."""
        return own_term_slips(self._document, self._pairs, self.recurring)

    def _count(self, span: str) -> int:
        return self._pairs[span] if len(span) == 2 else self.times(span)

    def __call__(self, written: str, target: str) -> int:
        """How many times the document writes ``target``, when that supports reading ``written`` as a
        slip for it, else 0: the document must write ``written`` only once, and ``target`` far more
        often than chance would have it (:data:`SUPPORT_RATIO`, from the target's frequency)."""
        seen = self._count(target)
        if not seen or self._count(written) != 1:
            return 0
        words = dictionary()
        expected = words.freq(target) / words.total * self._han / CHARS_PER_WORD
        return seen if seen >= SUPPORT_RATIO * expected else 0


_HAN_ALL = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


#: Two characters that the dictionary lacks as a word and a document writes at least this many times are a term of its
#: own (巡河 of a report on river chiefs, 楼栋 of one on neighbourhood grids) ...
OWN_TERM_TIMES = RECURRING
#: ... and two it writes once, the same but for one character of the same reading, are that term mistyped (累计寻河 for
#: 巡河, 楼洞长 for 楼栋长) when the character written is the one an input method offers first for that reading
#: (the more frequent one: 寻 before 巡, 洞 before 栋), and each character of the two spans stands alone in
#: their segmentations and is no function word (使我国 beside 是我国, 深刻地 beside 深刻的 and 路畅 beside
#: 路长, where 长 is the commoner character, are no slips).
_FUNCTION_WORD_TAGS = ("u", "p", "c", "r", "d", "y", "e", "o", "m", "q", "f")


def own_term_slips(
    document: str, pairs: Mapping[str, int], recurring: Iterable[str]
) -> dict[str, tuple[str, Evidence, int]]:
    """The two-character spans ``document`` writes once that are its own terms mistyped (see :data:`OWN_TERM_TIMES`),
    each with the term, the evidence (a character of the same reading) and the times the document writes the term;
    ``pairs``: how often the document writes each two characters; ``recurring``: those it writes at least
    :data:`OWN_TERM_TIMES` times.

    The two-character spans written once are keyed by either character replaced by its sound class, and their keys
    looked up among those of the terms at once; only the few that meet one are looked up in the dictionary and
    segmented."""
    lex = lexicon()
    fuzzy = lex.fuzzy.get
    frequent = lex.weights.members  # (a frequent word is no term of the document's own)
    words = dictionary()
    terms = [
        g
        for g in recurring
        if g not in frequent
        and _TWO_HAN.fullmatch(g)
        and not any(words.tag(c).startswith(_FUNCTION_WORD_TAGS) for c in g)
    ]
    if not terms:
        return {}
    # (the spans written once, one after the other, and their characters' sound classes: a span of other characters
    # than Chinese ones meets no key)
    ones = [g for g, t in pairs.items() if t == 1]
    joined = "".join(ones)
    sound = joined.translate(lex.fuzzy)
    once: list[tuple[str, str, int]] = []  # (span, term, the place of the character they differ in)
    for i, keys in enumerate((map(add, sound[0::2], joined[1::2]), map(add, joined[0::2], sound[1::2]))):
        keyed: dict[str, list[str]] = {}
        for term in terms:
            keyed.setdefault(term[:i] + fuzzy(ord(term[i]), term[i]) + term[i + 1 :], []).append(term)
        for j in compress(count(), map(keyed.__contains__, keys)):
            span = ones[j]
            key = span[:i] + sound[2 * j + i] + span[i + 1 :]
            once += ((span, term, i) for term in keyed[key] if term[i] != span[i])
    if not once:
        return {}
    scorer = Scorer(words)
    found: dict[str, tuple[str, Evidence, int]] = {}
    alone: dict[str, bool] = {}  # (the terms segmented so far)
    for written, term, i in once:
        if words.freq(written[i]) <= words.freq(term[i]) or words.freq(written) or words.freq(term):
            continue
        evidence = _evidence(lex, written[i], term[i], written)
        if evidence not in _SAME_SOUND or not _alone_in(document, written, scorer):
            continue
        if term not in alone:
            alone[term] = _alone_in(document, term, scorer)
        if alone[term]:
            found[written] = (term, evidence, pairs[term])
    return found


_TWO_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2}")


def _alone_in(document: str, span: str, scorer: Scorer) -> bool:
    """Whether, where ``document`` first writes ``span``, no word of the segmentation around it crosses its ends or
    holds two of its characters, and none of its characters is a function word."""
    start = document.find(span)
    left, right = max(0, start - _CONTEXT), min(len(document), start + len(span) + _CONTEXT)
    _, tokens = scorer.best(document[left:right])
    first, last = start - left, start - left + len(span)
    for s, e in tokens:
        if s < first < e or s < last < e or (first <= s < last and e - s > 1):
            return False
        if first <= s < last and scorer.tag(document[left + s]).startswith(_FUNCTION_WORD_TAGS):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Pending:
    """A candidate its context alone does not support: its document may (:class:`Support`)."""

    start: int
    written: str
    screened: _Screened

    @property
    def target(self) -> str:
        return self.screened.target

    @property
    def changed(self) -> int:
        """Where the wrong character would be."""
        return self.start + _one_apart(self.written, self.target)


def find_typos(text: str, words: frozenset[str] = frozenset()) -> list[Typo]:
    """The wrong-character findings of ``text`` (a paragraph) its context supports, not overlapping
    each other."""
    return paragraph_typos(text, words)[0]


def paragraph_typos(
    text: str, words: frozenset[str] = frozenset(), recurring: Mapping[str, str] | None = None
) -> tuple[list[Typo], list[Pending]]:
    """The wrong-character findings of ``text`` (a paragraph) its context supports, not overlapping
    each other, and the candidates only a document may support (:func:`supported_typos`).
    ``recurring``: two-character spans its document writes too often for a slip (:attr:`Support.recurring`),
    each mapped to its mask, left out from the start (the most frequent spans of a large document: most of its text)."""
    spans = candidates(text, lexicon(), recurring)
    if not spans:
        return [], []
    scorer = Scorer(dictionary(), words)  # (with the team words, for the segmentations)
    protected = protected_ranges(text, words)
    found: list[Typo] = []
    pending: list[Pending] = []
    for start, survivors in spans:
        for screened in survivors:
            end = start + len(screened.target)
            if screened.margin == math.inf:  # (deferred: the tests below wait for the document's support)
                typo = _extended(text, start, screened, protected, scorer)
                if typo is not None:
                    found.append(typo)
                else:
                    pending.append(Pending(start, text[start:end], screened))
                continue
            typo = _in_context(text, start, screened, protected, scorer)
            if typo is not None:
                if typo.sure:
                    found.append(typo)
                else:
                    pending.append(Pending(start, text[start:end], screened))
    return _outside_garbled(text, _apart(found)), _likeliest(pending, lexicon())


def _outside_garbled(text: str, found: list[Typo]) -> list[Typo]:
    """The findings of ``found`` outside the garbled pieces of ``text`` (UTF-8 read as GBK: 鍏ㄦ皯 is no slip for 全民,
    and GA005 reports it), which are looked for only in a paragraph with findings."""
    if not found:
        return found
    garbled = find_reencoded(text)
    return [t for t in found if not any(g.start < t.end and t.start < g.end for g in garbled)]


def _in_context(
    text: str, start: int, screened: _Screened, protected: list[tuple[int, int]], scorer: Scorer
) -> Typo | None:
    """The finding for a screened candidate at ``start`` (:func:`confirm`), or None when it touches a
    ``protected`` range (a title, a short quotation, a team word) or lies in a name in a list.  A fixed
    expression or a term of the pack that stands whole in a quotation (以“立德数人”为根本任务, “雷励风行·夏季攻坚”行动,
    防止“非良化”: a slogan, set phrase or term, or one part of a slogan) is no name: the marks around it do not
    protect it, unless the quotation names a tool, a system or a brand (引入“智检”质检工具: :func:`_names_a_tool`)."""
    end = start + len(screened.target)
    whole = end - start == 4 or screened.target in terms()
    if any(
        s < end and start < e and not (whole and _quoted_part(text, s, e, start, end) and not _names_a_tool(text, s, e))
        for s, e in protected
    ):
        return None
    term = screened.target if screened.target in terms() else None
    if end - start < 4 and listed_name(text, start, end, scorer, term):
        return None
    changed = start + _one_apart(text[start:end], screened.target)
    if (
        _by_unit(text, changed)
        or _in_a_series(text, start, end, changed)
        or _expanded(text, start, screened.target)
        or _figure_lost_before(text, end, changed)
    ):
        return None
    if _paired_slots(text, start, changed):
        return None
    counted = text[start] in _NUMBER_UNITS or text[start] in _measure_chars()
    if changed == start and counted and _after_number(text, start):
        return None  # (亿 or 万 of a figure, or its measure word: 2.86亿件 is no misspelt 一件, 2处蓄滞洪区 no 储蓄)
    # (a near sound, or a rare character of the same sound, before 省, 区, 集团: a name's chosen character, 江澜省,
    # 东陂区; a rare look-alike is a slip of the hand there too: 政策咨洵区)
    sound = screened.evidence is Evidence.SOUND and scorer.freq(text[changed]) < NAME_CHAR_FREQ
    named = (screened.evidence is Evidence.NEAR or sound) and end - start == 2 and _name_suffix(text, end)
    if named and scorer.tag(screened.target)[:1] not in _FUNCTION_TAGS:
        return None  # (but not for a preposition or a conjunction, which no name is made of: 耕据县 for 根据县)
    if end - start == 2 and _slogan_item(text, start, end):
        return None  # (a whole item of a quoted slogan of short items: 河畅、水清、岸绿、景美 is a goal, no 河长)
    if screened.evidence is Evidence.NEAR and _in_quoted_saying(text, start):
        return None  # (a saying of two clauses in quotation marks, often classical: 一粥一饭，当思来处不易)
    if screened.evidence is Evidence.NEAR and _LATIN_GLOSS.match(text, end):
        # (a name glossed in Latin letters right after it, 麦可思（MyCOS）: a near sound is the name's, no slip for
        # 可是; a same sound before a gloss is a slip still, 本地换存（Caffeine）)
        return None
    return confirm(text, start, screened, scorer)


#: A quotation that lists three short items or more with 、 (“河畅、水清、岸绿、景美、人和”): a slogan.
_SLOGAN_OF_ITEMS = re.compile(r"“([^“”、，\n]{2,4}(?:、[^“”、，\n]{2,4}){2,})”")


def _slogan_item(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a whole item of a quoted slogan of short items (:data:`_SLOGAN_OF_ITEMS`), which
    names a goal in words of its own (河畅, 岸绿), not a slip."""
    left = text.rfind("“", max(0, start - 40), start)
    if left < 0:
        return False
    m = _SLOGAN_OF_ITEMS.match(text, left)
    return m is not None and end < m.end() and text[start - 1] in "“、" and text[end] in "、”"


def _in_quoted_saying(text: str, at: int) -> bool:
    """Whether ``at`` stands inside quotation marks that hold a saying of two clauses or more (“一粥一饭，当思来处不易”,
    “想群众之所想，急群众之所急”): a maxim or slogan, often in classical Chinese, where the word model is weakest and a
    near sound (思 for 时) is no evidence of a slip."""
    opening = text.rfind("“", max(0, at - 30), at)
    if opening < 0 or "”" in text[opening:at]:
        return False
    closing = text.find("”", at, at + 30)
    return closing > 0 and "，" in text[opening:closing]


#: A name's Latin form or abbreviation in brackets right after it: 麦可思（MyCOS）, 迅达（Schindler）.
_LATIN_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z0-9 .&'-]{1,30}[）)]")


#: Prepositions and adverbs that take a measure word (按件, 按卷, 逐家, 每户: by the piece, household by household).
_DISTRIBUTIVE = frozenset("按逐每")


def _by_unit(text: str, changed: int) -> bool:
    """Whether the character at ``changed`` is a distributive word before a measure word (:func:`classifiers`), or a
    measure word after one (按卷整理, 按件计酬, 企业逐家排查, 逐户走访): the span is no misspelt word (案卷, 案件,
    企业主, 驻户); 按排 and 按置 are (排 and 置 count nothing there)."""
    units = classifiers()
    if text[changed] in _DISTRIBUTIVE:
        return text[changed + 1 : changed + 2] in units
    return text[changed] in units and changed > 0 and text[changed - 1] in _DISTRIBUTIVE


def _figure_lost_before(text: str, end: int, changed: int) -> bool:
    """Whether the character at ``changed`` closes the span and a clause, is a measure word of MF001's (名, 个, 件 ...)
    and the clause counts over a period or a total (全年新办、换发残疾人证名，): a count whose figure is gone, which
    MF001 reports, not a misspelt word (证明; 请出具相关证名 is one)."""
    if changed != end - 1 or text[changed] not in _measure_chars() or text[end : end + 1] not in _CLAUSE_MARKS:
        return False
    clause = re.split(r"[，。；！？,;!?]", text[:changed])[-1]
    return any(cue in clause for cue in _COUNT_CUES)


_CLAUSE_MARKS = frozenset("，。；、,;")
#: Words of a clause that counts things over a period or in total.
_COUNT_CUES = ("共", "累计", "合计", "总计", "全年", "年内", "当年", "上半年", "下半年", "全月", "本月", "新增")


#: What follows each item of a series (小病不出村、常见病不出乡、大病不出县”).
_SERIES_END = frozenset("、，,；;”’）)。")


def _in_a_series(text: str, start: int, end: int, changed: int) -> bool:
    """Whether the two-character span ``[start, end)`` closes an item of a series whose items vary the character at
    ``changed`` (不出村、不出乡、不出县: 出县 is no misspelt 出现): at least two other items of the paragraph end
    with the kept character and another one in its place, making no dictionary word either (大赛、比赛 beside 竟赛 are
    words: the series varies words, not a slot)."""
    if end - start != 2 or text[end : end + 1] not in _SERIES_END:
        return False
    first = changed == end - 1  # (whether the kept character is the first)
    kept = text[start] if first else text[end - 1]
    others = {
        text[i : i + 2]
        for i in range(len(text) - 2)
        if text[i + 2] in _SERIES_END
        and text[i if first else i + 1] == kept
        and _HAN.match(text, i + 1 if first else i)
    }
    others.discard(text[start:end])
    freq = dictionary().freq
    return sum(1 for other in others if not freq(other)) >= 2


def _paired_slots(text: str, start: int, changed: int) -> bool:
    """Whether the character at ``changed`` fills a slot of a set pattern that repeats its other part: 一A一B (一客一制,
    一村一品: the span 一制 is no misspelt 一直), or a chiasmus across a mark, whose clause starts with the character
    that ended the one before and repeats its middle one (有听必评、评必到位: 评必 is no misspelt 评比)."""
    if text[start] == "一" and start >= 2 and text[start - 2] == "一" and changed == start + 1:
        return True
    return (
        start >= 4
        and text[start - 1] in "、，"
        and text[start] == text[start - 2]
        and text[changed] in text[start - 4 : start - 2]
    )


def _expanded(text: str, start: int, target: str) -> bool:
    """Whether a four-character span writes its fixed expression with one word widened (以教研促教学 for 以研促教): its
    first or last character differs from the expression's, which stands right beside it instead."""
    if len(target) != 4:
        return False
    at = _one_apart(text[start : start + 4], target)
    before, after = text[start - 1 : start], text[start + 4 : start + 5]
    return (at == 0 and before == target[0]) or (at == 3 and after == target[3])


#: What ends the name of an organisation, and of a place (one character: 省, 市, 巷 of 醋库巷 ...; see
#: :func:`_name_suffix`).
_ORGANISATIONS = ("集团", "公司", "银行", "大学", "学院", "医院")
_PLACES = frozenset("省市县区州镇乡港巷")
#: A character written alone less often than this (jieba's frequency) is a name's choice before a place's or an
#: organisation's ending (东陂区), not an input method's: a slip puts a common character in.
NAME_CHAR_FREQ = 100


def _name_suffix(text: str, at: int) -> bool:
    """Whether a name's ending starts at ``at``: a word of organisations, or a place's character that starts no word
    (江澜省; not 市场 of 完散市场, 乡镇 of 促经乡镇企业), unless an organisation's word follows (东澜港口集团)."""
    if text.startswith(_ORGANISATIONS, at):
        return True
    if text[at : at + 1] not in _PLACES:
        return False
    return not dictionary().freq(text[at : at + 2]) or any(w in text[at : at + 6] for w in _ORGANISATIONS)


#: What separates the parts of a slogan in quotation marks (“雷厉风行·夏季攻坚”, “马上就办、办就办好”).
_SLOGAN_SEPARATORS = frozenset("·・•‧、，, ")


def _quoted_part(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a whole part of the quotation ``[s, e)``: between its marks, or between a mark
    and a separator of its parts (:data:`_SLOGAN_SEPARATORS`)."""
    if text[s] != "“" or not (s < start and end < e):
        return False
    before, after = text[start - 1], text[end]
    return (start - 1 == s or before in _SLOGAN_SEPARATORS) and (end == e - 1 or after in _SLOGAN_SEPARATORS)


#: What a quotation of two or three characters names when one of these follows it (a word or two between): a tool, a
#: system or a brand (引入“智检”质检工具, “慧办”系统), whose name is coined.
_TOOL_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:工具|系统|平台|软件|小程序|客户端|[Aa][Pp][Pp]|品牌|商标)")


def _names_a_tool(text: str, s: int, e: int) -> bool:
    """Whether the quotation ``[s, e)`` (its marks included) holds two or three characters and names a tool, a system
    or a brand (:data:`_TOOL_AFTER`)."""
    return 4 <= e - s <= 5 and _TOOL_AFTER.match(text, e) is not None


def _extended(
    text: str, start: int, screened: _Screened, protected: list[tuple[int, int]], scorer: Scorer
) -> Typo | None:
    """The finding for a deferred candidate at ``start`` whose target makes a longer dictionary word with
    the one or two characters just before or after it (评审 + 会, 平审会 for 评审会; 精神 + 状态, 精神壮态 for
    精神状态), when its context supports it with the candidate's own margin (:func:`screen` with
    ``extended``), else None.  A longer word that is itself a target (慰问金) is the longer span's
    candidate (尉问金), not this one's."""
    target = screened.target
    end = start + len(target)
    lex = lexicon()
    frequent, freq = lex.weights.members, scorer.freq
    for word in (
        text[start - 1 : start] + target if start >= 1 else "",
        target + text[end : end + 1],
        text[start - 2 : start] + target if start >= 2 else "",
        target + text[end : end + 2],
    ):
        if len(word) > len(target) and word not in frequent and freq(word) > 0:
            break
    else:
        return None
    full = screen(text[start:end], target, lex, scorer, extended=True)
    typo = None if full is None else _in_context(text, start, full, protected, scorer)
    return typo if typo is not None and typo.sure else None


def _likeliest(pending: list[Pending], lex: Lexicon) -> list[Pending]:
    """The pending candidates, those of each span the most frequent target first: a document supports a
    slip for the likeliest correction it supports, and for no other one of the same span
    (:func:`supported_typos`).  The document decides among them, not the frequency alone: the writer of
    执情 who writes 执勤 elsewhere meant 执勤, although 知情 is the more frequent word."""
    weights = lex.weights
    return sorted(pending, key=lambda p: (p.start, p.written, -weights.get(p.target, 0.0)))


def supported_typos(text: str, pending: Iterable[Pending], words: frozenset[str], taken: Iterable[Typo]) -> list[Typo]:
    """The findings of the ``pending`` candidates of ``text`` (those a document supports) its
    context allows, not overlapping ``taken`` (the findings its context supports) or each other."""
    lex, scorer = lexicon(), Scorer(dictionary(), words)
    protected = protected_ranges(text, words)
    found: list[Typo] = []
    decided: set[tuple[int, str]] = set()  # (the spans with a supported candidate: the likeliest one stands)
    for p in pending:
        if (p.start, p.written) in decided:
            continue
        screened: _Screened | None = p.screened
        if p.screened.margin == math.inf:  # (deferred: screened in full only now)
            screened = screen(p.written, p.target, lex, scorer, supported=True)
        typo = None if screened is None else _in_context(text, p.start, screened, protected, scorer)
        if typo is not None:
            found.append(typo)
            decided.add((p.start, p.written))
    taken = list(taken)
    return _outside_garbled(text, [t for t in _apart(found, taken) if t not in taken])


def _same_fix_wider(typo: Typo, other: Typo) -> bool:
    """Whether ``other``, a two- or three-character finding, holds ``typo`` and corrects the same character the same way
    (絮疑剂 for 絮凝剂 beside 絮疑 for 絮凝): the wider word is the one to show."""
    return (
        len(typo.target) < len(other.target) <= 3
        and other.start <= typo.start
        and typo.end <= other.end
        and other.changed == typo.changed
        and other.target[other.changed - other.start] == typo.target[typo.changed - typo.start]
    )


def _apart(found: list[Typo], kept: list[Typo] | None = None) -> list[Typo]:
    """``kept`` and the findings of ``found`` that overlap none of them, the most probable first (of two that make the
    same correction, the wider: :func:`_same_fix_wider`), in the order of the text."""
    kept = list(kept or ())
    found = [t for t in found if not any(_same_fix_wider(t, other) for other in found)]
    # (of gains equal but for rounding, the earlier, then the shorter, whatever the order they were found in: 绩效考合
    # before 考合, 土攘 before 土攘污染)
    for typo in sorted(found, key=lambda t: (-round(t.gain, 6), t.start, t.end - t.start)):
        if all(typo.end <= k.start or k.end <= typo.start for k in kept):
            kept.append(typo)
    return sorted(kept, key=lambda t: t.start)
