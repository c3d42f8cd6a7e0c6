"""The measure-word pack of family MF (``rules/packs/measure_words.toml``) and what is compiled from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.packs import load_pack
from summarylint.text.chars import CJK, QUESTION_PARTICLES
from summarylint.text.segment import Focus, Token, segmenter

#: Characters after which a clause ends: point marks, closing marks, dashes, ellipses, spaces.
CLAUSE_END = "，。；：、！？,.;:!?）)”’」』》〉】〕…—～~ \u3000\t|"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SegmentSettings(_Section):
    focus: str = Field(min_length=1)
    min_frequency: int = Field(ge=1)
    extra_words: list[str] = []


class MeasureWordSettings(_Section):
    measure_words: list[str] = Field(min_length=1)
    before_noun: list[str] = []
    after_marks: str = ""
    statistics_words: list[str] = Field(min_length=1)
    sentence_scope: list[str] = []
    counting_anywhere: list[str] = []
    linking_words: list[str] = []
    not_statistics_words: list[str] = []
    numeric_tail: str
    determiners: list[str]
    noun_ends: str = ""
    single_nouns: list[str] = []
    previous_tags: list[str]
    long_previous_tags: list[str] = []
    noun_tags: list[str]
    counted_words: list[str] = []
    after_noun_only: list[str] = []
    after_word_ending: dict[str, list[str]] = {}
    after_noun_tags: list[str] = []
    verb_particles: list[str] = []
    blocked_next_tags: list[str]
    stop_phrases: list[str]
    stop_exceptions: list[str] = []
    counting_verbs: list[str] = []
    amount_words: list[str] = []
    verb_led_words: list[str] = []
    amount_led_words: list[str] = []
    after_le_words: list[str] = []
    before_object: dict[str, list[str]] = {}
    not_before_object: str = ""
    not_after_person: list[str] = []
    not_before_yu: str = ""
    quoted_words: list[str] = []
    list_heads: list[str] = []
    listed_words: list[str] = []
    multiple_verbs: list[str] = []
    duo_words: list[str] = []
    not_before_duo: str = ""


class WordSettings(_Section):
    word_starts: list[str] = []
    #: single-character surnames, most common first
    surnames: str = ""


class BlankSettings(_Section):
    units: list[str] = Field(min_length=1)


class PercentSettings(_Section):
    figure_before: str
    code_after: str = ""
    unit_notes: list[str] = []
    spelled_after: str


class OrdinalSettings(_Section):
    ordinal_units: list[str] = Field(min_length=1)
    not_ordinal_before: str = ""


class WanYiSettings(_Section):
    units: list[str] = Field(min_length=1)
    number_before: str
    approximators: str = ""
    verbs_before: list[str] = []
    terms: list[str] = []
    unit_notes: list[str] = []


class EnumerationSettings(_Section):
    mentions: list[str] = []


class MonthSettings(_Section):
    clause_start: str
    after_de_followers: str
    verb_tags: list[str]
    prepositions: list[str] = []
    not_before: list[str] = []
    year_before: str = ""
    year_followers: list[str] = []
    span_before: list[str] = []
    span_not_after: str = ""
    plan_before: str = ""
    plans: list[str] = []
    year_patterns: list[str] = []


class StatisticsSentenceSettings(_Section):
    statistics_words: list[str] = Field(min_length=1)
    measure_words: list[str] = Field(min_length=1)
    figures: str
    min_verbs: int = Field(ge=1)
    min_units: int = Field(ge=1)


class MeasurePack(_Section):
    segment: SegmentSettings
    words: WordSettings
    mf001: MeasureWordSettings = Field(alias="MF001")
    mf002: BlankSettings = Field(alias="MF002")
    mf003: PercentSettings = Field(alias="MF003")
    mf004: OrdinalSettings = Field(alias="MF004")
    mf005: WanYiSettings = Field(alias="MF005")
    mf006: EnumerationSettings = Field(alias="MF006")
    mf007: MonthSettings = Field(alias="MF007")
    mf008: StatisticsSentenceSettings = Field(alias="MF008")


def pack() -> MeasurePack:
    return load_pack("measure_words", MeasurePack)


@cache
def focus() -> Focus:
    """What the focused segmentation dictionary keeps, from the pack."""
    p = pack()
    characters = p.segment.focus + "".join(p.mf001.measure_words)
    return Focus(characters, p.segment.min_frequency, tuple(p.segment.extra_words))


@lru_cache(maxsize=4096)
def focused_cut(text: str) -> tuple[Token, ...]:
    """The words of ``text`` over the focused dictionary (:func:`focus`), positions from 0; the same short stretch
    is cut once for all the rules that ask (MF001, PU024)."""
    return tuple(segmenter(focus()).cut(text))


def char_class(chars: str) -> str:
    """A regex character class matching any of ``chars``."""
    return "[" + "".join(re.escape(c) for c in dict.fromkeys(chars)) + "]"


@cache
def lost_figure() -> re.Pattern[str]:
    """A question mark where a conversion lost a figure: after a word and before a measure word or a unit that
    starts no longer word (学习?次; not 是否完成?项目还在……, nor after a word that asks: ……吗?个人; two or more
    are GA005's).  GA007 reports it; PU001 does not read it as a half-width question mark."""
    p = pack()
    units = alternation([*p.mf001.measure_words, "万", "亿", "元"])
    not_word = f"(?!{alternation(p.words.word_starts)})" if p.words.word_starts else ""
    asking = QUESTION_PARTICLES + "否何哪谁啥"  # (and words that ask: 是否……?)
    return re.compile(rf"(?<=[{CJK}])(?<![{asking}])\?{not_word}(?=(?:{units}|[%％]))")


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so that 人次 wins over 人."""
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True))


def suffix_guarded(words: list[str]) -> str:
    """Like :func:`alternation`, but a word that ends a longer one (次 of 人次) does not match right
    after the rest of that word: where 人次 was refused (86人次), 次 is not tried on its own."""
    branches = []
    for word in sorted(dict.fromkeys(words), key=len, reverse=True):
        heads = {w[: -len(word)] for w in words if w != word and w.endswith(word)}
        guards = "".join(f"(?<!{re.escape(head)})" for head in sorted(heads))
        branches.append(guards + re.escape(word))
    return "|".join(branches)


def first_chars(alternatives: list[str]) -> str:
    """A lookahead for the first characters of literal ``alternatives``.

    A pattern starting with lookbehinds is tried at every position of the text; starting it with
    a lookahead on a character set lets the regex engine skip ahead to the candidates, which
    makes a scan several times faster.
    """
    return f"(?={char_class(''.join(a[0] for a in alternatives))})"


def any_of(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass(frozen=True)
class MeasurePatterns:
    """Regular expressions compiled from the pack, once per process."""

    candidate: re.Pattern[str]  # MF001 pre-filter: a measure word after a CJK non-numeral
    stop: re.Pattern[str]  # MF001 stop phrases
    statistics: re.Pattern[str]  # MF001 words of a statistic (group 1), or words only containing one
    month_candidate: re.Pattern[str]  # MF007 segmentation pre-filter
    blank: re.Pattern[str]  # MF002
    percent: re.Pattern[str]  # MF003
    percent_notes: re.Pattern[str] | None
    ordinal: re.Pattern[str]  # MF004
    wan_yi: re.Pattern[str]  # MF005
    wan_yi_exempt: re.Pattern[str] | None
    enumeration: re.Pattern[str]  # MF006
    enumeration_mentions: re.Pattern[str] | None
    month: re.Pattern[str]  # MF007 regex variant
    verb_led: re.Pattern[str] | None  # MF001: a measure word right after a counting verb
    approximate: re.Pattern[str] | None  # MF001: 多 and a measure word ending a clause


def _not_after(words: list[str], single: str) -> str:
    """Lookbehinds refusing a match right after one of ``single`` characters or multi-character ``words``."""
    singles = single + "".join(w for w in words if len(w) == 1)
    parts = [f"(?<!{char_class(singles)})"] if singles else []
    parts += [f"(?<!{re.escape(w)})" for w in words if len(w) > 1]
    return "".join(parts)


@cache
def patterns() -> MeasurePatterns:
    p = pack()
    mf1 = p.mf001
    not_number = _not_after(mf1.determiners, mf1.numeric_tail)
    # determiners and numerals that also end nouns (合同, 传单, 读本, 人数) are left to segmentation
    not_number_word = _not_after(
        [w for w in mf1.determiners if w not in mf1.noun_ends],
        "".join(c for c in mf1.numeric_tail if c not in mf1.noun_ends),
    )
    words = mf1.measure_words
    after = CJK + "".join(re.escape(c) for c in mf1.after_marks)
    candidate = re.compile(f"{first_chars(words)}(?<=[{after}]){not_number_word}(?:{suffix_guarded(words)})")
    month_candidate = re.compile(f"(?=月份)(?<=[{CJK}]){not_number}月份")

    blank_units = alternation(p.mf002.units)
    blank = re.compile(f"(?=[ \u3000])(?<=[{CJK}]{{2}})[ \u3000]+(?:{blank_units})")

    code = f"(?!{char_class(p.mf003.code_after)})" if p.mf003.code_after else ""
    percent = re.compile(
        "(?=[%％百])"
        f"(?:(?<!{char_class(p.mf003.figure_before)})(?<![ \u3000])[%％]{code}"
        f"|百分之(?!{char_class(p.mf003.spelled_after)}))"
    )

    not_ordinal = f"(?<!{char_class(p.mf004.not_ordinal_before)})" if p.mf004.not_ordinal_before else ""
    ordinal = re.compile(f"(?=第){not_ordinal}第(?:{alternation(p.mf004.ordinal_units)})")

    mf5 = p.mf005
    number = char_class(mf5.number_before)
    approximate = f"(?<!{number}{char_class(mf5.approximators)})" if mf5.approximators else ""
    # digits spaced out (7 4 7 7 2 亿元) still stand in front
    spaced = f"(?<!{number}[ \u3000])(?<!{number}[ \u3000]{{2}})"
    # after a space it is a blank, which MF002 reports; at the start of a paragraph it continues a
    # number that a page break split off (74.4 / 万亿元), which GA001 reports
    # a verb ending in an approximating character (完成万元) does not stand for a number
    not_figure = (
        f"(?<!{number})"
        if not mf5.verbs_before
        else (f"(?:(?<!{number})|" + "|".join(f"(?<={re.escape(v)})" for v in mf5.verbs_before) + ")")
    )
    starts = "\n\u200b\u200c\u200d\u2060\ufeff"  # a line break, or invisible characters at a line start
    split_off = f"(?<=[^{starts}])(?<!^{char_class(mf5.approximators)})(?<![{starts}]{char_class(mf5.approximators)})"
    wan_yi = re.compile(
        f"(?=[万亿]){split_off}{not_figure}(?<![A-Za-z \u3000]){approximate}{spaced}[万亿](?:{alternation(mf5.units)})"
    )
    wan_yi_exempt = any_of(p.mf005.terms + p.mf005.unit_notes)

    enumeration = re.compile("(?=、)(?:、{2,}|(?<=[，。；：“《（])、|、(?=[，。；”》）]))")

    mf7 = p.mf007
    month = re.compile(
        "(?=月份|年度)"
        f"(?:(?:^|(?<={char_class(mf7.clause_start)}))月份"
        "|(?:(?<=年的)|(?<=年度的))月份"
        f"|(?<=的)年度(?={char_class(mf7.after_de_followers)}))"
        + (
            f"|(?<={char_class(mf7.year_before)})年(?={alternation(mf7.year_followers)})"
            if mf7.year_before and mf7.year_followers
            else ""
        )
        + (
            "|(?:"
            + "|".join(f"(?<={re.escape(w)})" for w in mf7.span_before)
            + ")年"
            + (f"(?!{char_class(mf7.span_not_after)})" if mf7.span_not_after else "")
            if mf7.span_before
            else ""
        )
        + (
            f"|(?<={char_class(mf7.plan_before)})年(?={alternation(mf7.plans)})"
            if mf7.plan_before and mf7.plans
            else ""
        )
        + "".join(f"|(?:{pattern})" for pattern in mf7.year_patterns)
    )
    verb_led = None
    if mf1.counting_verbs and mf1.verb_led_words:
        verbs, amounts = alternation(mf1.counting_verbs), alternation(mf1.amount_words or ["共"])
        led, after_le = alternation(mf1.verb_led_words), alternation(mf1.after_le_words or mf1.verb_led_words)
        led_all = alternation(mf1.verb_led_words + mf1.after_le_words)
        verb_led = re.compile(
            f"(?:(?:{verbs})(?:了余?|余)?|(?:{amounts})余)(?P<unit>{led})"
            + (f"|(?:{alternation(mf1.amount_led_words)})(?P<amount>{led})" if mf1.amount_led_words else "")
            + f"|(?:(?:{verbs})(?:了余?|余)|(?:{amounts})余)(?P<after>{after_le})"
            # 回收问卷余份: 余 after a noun stands for "more than" a number that is gone
            f"|(?<=[{CJK}])(?<!{char_class(mf1.numeric_tail + mf1.not_before_yu)})余(?P<noun>{led_all})"
            # 培训人帮扶对象, 举办期宣传活动: these measure words only count right before an object
            + "".join(
                f"|(?:{alternation(verbs_of)})(?P<object{k}>{re.escape(word)})"
                f"(?=[{CJK}])(?!{char_class(mf1.not_before_object or word)})"
                + (f"(?!{alternation(mf1.not_after_person)})" if word == "人" and mf1.not_after_person else "")
                for k, (word, verbs_of) in enumerate(sorted(mf1.before_object.items()))
                if verbs_of
            )
            + (f"|(?<=[“‘「])(?P<quoted>{alternation(mf1.quoted_words)})(?=[{CJK}])" if mf1.quoted_words else "")
            + (
                f"|(?:{alternation(mf1.list_heads)})的?(?P<listed>{alternation(mf1.listed_words)})(?=[{CJK}])"
                if mf1.list_heads and mf1.listed_words
                else ""
            )
            + (f"|(?:{alternation(mf1.multiple_verbs)})(?P<times>倍)(?![数增])" if mf1.multiple_verbs else "")
        )
    duo = None
    if mf1.duo_words:
        units = alternation(mf1.duo_words)
        duo = re.compile(
            f"(?=多)(?<=[{CJK}])(?<!{char_class(mf1.numeric_tail + mf1.not_before_duo)})多(?:{units})"
            f"(?=$|{char_class(CLAUSE_END)})"
        )
    return MeasurePatterns(
        candidate=candidate,
        stop=re.compile(first_chars(mf1.stop_phrases) + f"(?:{alternation(mf1.stop_phrases)})"),
        statistics=re.compile(
            (f"(?:{alternation(mf1.not_statistics_words)})|" if mf1.not_statistics_words else "")
            + f"({alternation(mf1.statistics_words)})"
        ),
        month_candidate=month_candidate,
        blank=blank,
        percent=percent,
        percent_notes=any_of(p.mf003.unit_notes),
        ordinal=ordinal,
        wan_yi=wan_yi,
        wan_yi_exempt=wan_yi_exempt,
        enumeration=enumeration,
        enumeration_mentions=any_of(p.mf006.mentions),
        month=month,
        verb_led=verb_led,
        approximate=duo,
    )
