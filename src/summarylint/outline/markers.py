"""Ordinal markers at the start of a paragraph, parsed with the Lark grammar ``grammar/ordinals.lark``.

The transformer turns Lark's parse tree into a small typed :class:`Marker`; rules never see Lark trees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from summarylint.resources import data_dir


class Family(StrEnum):
    """Kinds of ordinal marker; markers of one family can be siblings."""

    CHAPTER = "chapter"  # 第一章 第一部分 第一节 第一条
    ROMAN = "roman"  # Ⅰ.
    CN_BARE = "cn-bare"  # 一、            L1
    CN_PAREN = "cn-paren"  # （一） ㈠ 一）  L2
    AR_BARE = "ar-bare"  # 1.  1、 ⒈     L3
    DECIMAL = "decimal"  # 1.1  2.3.1 (section numbers)
    AR_PAREN = "ar-paren"  # （1） ⑴       L4
    CIRCLED = "circled"  # ①             L5
    AR_HALF_PAREN = "ar-half-paren"  # 1）  1)
    LATIN = "latin"  # a.  A.
    SHI = "shi"  # 一是 二是 (narrative, not structural)


#: Canonical rank of each family: GB/T 9704-2012 §7.3.3 levels 1-4, ① as 5, chapters above.
LEVELS: dict[Family, int] = {
    Family.CHAPTER: 0,
    Family.ROMAN: 0,
    Family.CN_BARE: 1,
    Family.CN_PAREN: 2,
    Family.AR_BARE: 3,
    Family.DECIMAL: 3,
    Family.AR_PAREN: 4,
    Family.CIRCLED: 5,
    Family.AR_HALF_PAREN: 5,
    Family.LATIN: 5,
    Family.SHI: 9,
}

#: Chapter units ranked among themselves (a 节 sits inside a 章, a 条 inside a 节).
_CHAPTER_RANK = {"编": 0, "篇": 0, "部分": 0, "章": 1, "节": 2, "条": 3}

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def chinese_numeral_value(text: str) -> int | None:
    """Value of a Chinese numeral from 一 to 九十九 (一 二 … 十 十一 … 二十 … 九十九); None if malformed."""
    if not text:
        return None
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if "十" in units:
        return None
    if tens and tens not in _CN_DIGITS:
        return None
    if units and units not in _CN_DIGITS:
        return None
    if tens == "一":  # 一十 is not how ordinals are written
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def chinese_numeral(value: int) -> str:
    """Chinese numeral for 1..99, the inverse of :func:`chinese_numeral_value`."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


@dataclass(frozen=True, slots=True)
class Marker:
    """An ordinal marker found at the start of a paragraph's text.

    ``start``/``end`` are indices into the paragraph text (``end`` exclusive; it
    includes a wrong trailing mark such as the 、 of ``（一）、`` but not 是).
    """

    family: Family
    value: int
    start: int
    end: int
    text: str
    delimiter: str = ""  # 、 . ． ， for bare markers
    open: str = ""  # （ or ( for bracketed markers
    close: str = ""  # ） or )
    trail: str = ""  # a wrong mark after a closing bracket: （一）、
    shi: bool = False  # （一）是
    fullwidth_digits: bool = False
    unit: str = ""  # chapter unit: 章 部分 …
    enclosed: bool = False  # a single enclosed character: ① ⑴ ⒈ ㈠
    auto: bool = False  # rendered by Word's automatic numbering, not typed in the text

    @property
    def level(self) -> int:
        """GB/T 9704 level (1-4; 5 for ① and other deeper markers; 0 for chapters; 9 for 一是)."""
        return LEVELS[self.family]

    @property
    def rank(self) -> tuple[int, int]:
        """Ordering key: lower is higher in the hierarchy."""
        return (self.level, _CHAPTER_RANK.get(self.unit, 0))

    @property
    def group_key(self) -> tuple[str, str]:
        """Markers that can be siblings share this key (chapters of different units cannot)."""
        return (self.family.value, self.unit)

    @property
    def structural(self) -> bool:
        """Whether the marker numbers a heading or list item (一是 does not)."""
        return self.family is not Family.SHI

    @property
    def variant(self) -> str:
        """The shape of the marker with its number abstracted, e.g. ``（N）`` or ``N、``."""
        if self.enclosed:
            return f"enclosed:{self.family.value}"
        number = "Ｎ" if self.fullwidth_digits else "N"
        if self.family is Family.CHAPTER:
            return f"第N{self.unit}"
        return f"{self.open}{number}{self.close}{self.delimiter}{self.trail.strip()}"

    @property
    def canonical(self) -> str:
        """The marker written as GB/T 9704-2012 / GB/T 15834-2011 want it."""
        v = self.value
        match self.family:
            case Family.CN_BARE:
                return f"{chinese_numeral(v)}、"
            case Family.CN_PAREN:
                return f"（{chinese_numeral(v)}）"
            case Family.AR_BARE:
                return f"{v}."
            case Family.AR_PAREN:
                return f"（{v}）"
            case Family.CIRCLED:
                return chr(0x2460 + v - 1) if 1 <= v <= 20 else self.text
            case Family.CHAPTER:
                return f"第{chinese_numeral(v)}{self.unit}"
            case Family.SHI:
                return f"{chinese_numeral(v)}是"
            case _:
                return self.text


class _ToMarker(Transformer[Token, Marker | None]):
    """Turns a parse of ``ordinals.lark`` into a :class:`Marker` (or None when a numeral is malformed)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def start(self, children: list[object]) -> Marker | None:
        marker = children[0]
        return marker if isinstance(marker, Marker) else None

    def _make(self, family: Family, tokens: list[Token], value: int | None, **fields: object) -> Marker | None:
        if value is None or value <= 0:
            return None
        begin = tokens[0].start_pos or 0
        end = tokens[-1].end_pos or 0
        return Marker(family, value, begin, end, self._text[begin:end], **fields)  # type: ignore[arg-type]

    @staticmethod
    def _digits(token: Token) -> tuple[int, bool]:
        text = str(token)
        return int(text.translate(_FULLWIDTH_DIGITS)), text != text.translate(_FULLWIDTH_DIGITS)

    @staticmethod
    def _split(tokens: list[Token]) -> dict[str, Token]:
        return {t.type: t for t in tokens}

    def cn_bare(self, tokens: list[Token]) -> Marker | None:
        delim = str(tokens[1])
        return self._make(Family.CN_BARE, tokens, chinese_numeral_value(str(tokens[0])), delimiter=delim.strip() or " ")

    def cn_paren(self, tokens: list[Token]) -> Marker | None:
        t = self._split(tokens)
        shi = "SHI" in t
        body = [tok for tok in tokens if tok.type != "SHI"]
        return self._make(
            Family.CN_PAREN,
            body,
            chinese_numeral_value(str(t["CNUM"])),
            open=str(t["OPEN"]),
            close=str(t["CLOSE"]),
            trail=str(t.get("TRAIL", "")),
            shi=shi,
        )

    def cn_half_paren(self, tokens: list[Token]) -> Marker | None:
        t = self._split(tokens)
        return self._make(
            Family.CN_PAREN,
            tokens,
            chinese_numeral_value(str(t["CNUM"])),
            close=str(t["CLOSE"]),
            trail=str(t.get("TRAIL", "")),
        )

    def ar_bare(self, tokens: list[Token]) -> Marker | None:
        value, full = self._digits(tokens[0])
        return self._make(Family.AR_BARE, tokens, value, delimiter=str(tokens[1]), fullwidth_digits=full)

    def ar_decimal(self, tokens: list[Token]) -> Marker | None:
        value, full = self._digits(tokens[0])
        parts = [value, *(int(p) for p in re.split(r"[.．]", str(tokens[1]))[1:])]
        prefix = ".".join(str(p) for p in parts[:-1]) + "."
        return self._make(Family.DECIMAL, tokens, parts[-1], unit=prefix, fullwidth_digits=full)

    def ar_half_paren(self, tokens: list[Token]) -> Marker | None:
        t = self._split(tokens)
        value, full = self._digits(t["DIGITS"])
        return self._make(
            Family.AR_HALF_PAREN,
            tokens,
            value,
            close=str(t["CLOSE"]),
            trail=str(t.get("TRAIL", "")),
            fullwidth_digits=full,
        )

    def ar_paren(self, tokens: list[Token]) -> Marker | None:
        t = self._split(tokens)
        value, full = self._digits(t["DIGITS"])
        return self._make(
            Family.AR_PAREN,
            tokens,
            value,
            open=str(t["OPEN"]),
            close=str(t["CLOSE"]),
            trail=str(t.get("TRAIL", "")),
            fullwidth_digits=full,
        )

    def _enclosed(self, family: Family, tokens: list[Token], base: int) -> Marker | None:
        trail = str(tokens[1]) if len(tokens) > 1 else ""
        return self._make(family, tokens, ord(str(tokens[0])) - base + 1, trail=trail, enclosed=True)

    def circled(self, tokens: list[Token]) -> Marker | None:
        return self._enclosed(Family.CIRCLED, tokens, 0x2460)

    def paren_digit(self, tokens: list[Token]) -> Marker | None:
        return self._enclosed(Family.AR_PAREN, tokens, 0x2474)

    def dot_digit(self, tokens: list[Token]) -> Marker | None:
        return self._enclosed(Family.AR_BARE, tokens, 0x2488)

    def paren_ideo(self, tokens: list[Token]) -> Marker | None:
        return self._enclosed(Family.CN_PAREN, tokens, 0x3220)

    def chapter(self, tokens: list[Token]) -> Marker | None:
        return self._make(Family.CHAPTER, tokens, chinese_numeral_value(str(tokens[1])), unit=str(tokens[2]))

    def shi(self, tokens: list[Token]) -> Marker | None:
        return self._make(Family.SHI, tokens, chinese_numeral_value(str(tokens[0])))

    def latin(self, tokens: list[Token]) -> Marker | None:
        letter = str(tokens[0])
        value = ord(letter.lower()) - ord("a") + 1
        second = str(tokens[1])
        if tokens[1].type == "CLOSE":
            return self._make(Family.LATIN, tokens, value, close=second)
        return self._make(Family.LATIN, tokens, value, delimiter=second)

    def roman(self, tokens: list[Token]) -> Marker | None:
        return self._make(Family.ROMAN, tokens, ord(str(tokens[0])) - 0x2160 + 1, delimiter=str(tokens[1]))


@cache
def _parser() -> Lark:
    grammar = (data_dir("grammar") / "ordinals.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="contextual", cache=True)


# Cheap pre-filter: the shapes a marker can have, so the grammar only sees plausible candidates
# (most paragraphs start with ordinary text such as 一年来 or 2024年, which never reach the parser).
_CN = "一二三四五六七八九十"
_CANDIDATE = re.compile(
    rf"[（(]\s*[{_CN}0-9０-９]"
    rf"|[{_CN}]{{1,3}}(?:[、.．，,：:）)是]|[ \u3000])"
    r"|[0-9０-９]{1,3}[、.．，,：:）)]"
    r"|[\u2460-\u249b\u3220-\u3229]"
    rf"|第[{_CN}]{{1,3}}(?:部分|章|节|条|篇|编)"
    r"|[A-Za-z\u2160-\u216b][.．、)）]"
)
#: Characters after a decimal that make it a quantity (``1.5亿元``), not a section number.
_UNITS = frozenset("亿万千百十元角分个次件项倍成米吨斤公里年月日天时秒周岁座台辆套家所期批篇条张本页位名户")
# How much of a paragraph the grammar needs to see: a marker is never longer than this.
_WINDOW = 16
#: How much text after a marker :func:`_acceptable` looks at.
_AFTER = 8
#: A heading that opens with a year or a count (``2025年工作回顾``): digits, then Chinese text.
_FIGURE_HEAD = re.compile(rf"[0-9０-９]{{2,4}}[ \u3000]?{_CJK.pattern}")


#: The next number and what it counts, after 一、 of 一、二季度 or 三、四年级 (see :func:`_acceptable`).
_NEXT_NUMBER = re.compile(rf"([{_CN}]{{1,2}})(?:季度|年级|等奖|等|类|级|档|期|批|轮|星)")


def _acceptable(marker: Marker, after: str) -> bool:
    """Semantic checks on the character(s) after a marker that the grammar cannot express."""
    nxt = after[:1]
    fam = marker.family
    if fam is Family.AR_BARE and not marker.enclosed:
        if marker.delimiter in ".．" and (nxt.isdigit() or nxt in "%％"):
            return False  # 1.5亿元
        if marker.delimiter in "、，," and re.match(r"[0-9０-９]", nxt):
            return False  # 5、6月份  2023、2024年
        if marker.delimiter in "，,：:" and not (_CJK.match(nxt) or nxt in "“《（"):
            return False  # (1:30 is a time, 3：2 a ratio)
        if marker.value > 199:
            return False
    # 一. 一， 一： 一 — only before CJK text (not 一，二，三 lists or 十.5), or before a year or count that
    # opens a heading (一.2025年工作回顾, 二，1981年国民经济计划); a space may follow a point (## 二. 存在的问题)
    if fam is Family.CN_BARE and marker.delimiter != "、":
        head = after.lstrip(" \u3000") if marker.delimiter in ".．" else after
        first = head[:1]
        if not (_CJK.match(first) or first in "“《（" or _FIGURE_HEAD.match(head)) or first in "一二三四五六七八九十":
            return False
    # 一、二季度, 三、四年级: two numbers listed, not an ordinal
    listed = _NEXT_NUMBER.match(after) if fam is Family.CN_BARE and marker.delimiter == "、" else None
    if listed is not None and chinese_numeral_value(listed.group(1)) == marker.value + 1:
        return False
    # a. / A. only before Chinese text, so English sentences are not ordinals
    if fam in (Family.LATIN, Family.ROMAN) and not _CJK.match(after.lstrip(" ")[:1]):
        return False
    if fam is Family.DECIMAL:
        first = after.lstrip(" \u3000")[:1]
        if marker.text.startswith(("0", "０")) or not _CJK.match(first) or (first == nxt and nxt in _UNITS):
            return False  # 1.5亿元 3.2万人 are quantities, 0.9.1 a version, a lone 2.5 a figure
        if first in "版号":
            return False  # 3.2.1版本已发布, 2.3号楼: a version or a number, not a section
    if fam is Family.AR_HALF_PAREN and nxt in "%％":
        return False
    # 一） only with Chinese text after it
    if (
        fam is Family.CN_PAREN
        and not marker.open
        and not marker.enclosed
        and not (_CJK.match(after.lstrip(" \u3000")[:1]) or after.strip() == "")
    ):
        return False
    # 第一部分，开发…… is a sentence that counts its parts, not a chapter heading
    if fam is Family.CHAPTER and nxt in "，,、。；;":
        return False
    return not (fam is Family.SHI and marker.value > 20)


@lru_cache(maxsize=4096)
def _parse_window(window: str) -> Marker | None:
    """The marker at the start of ``window`` as the grammar reads it (documents repeat their headings'
    openings, so parses are remembered)."""
    try:
        tree = _parser().parse(window)
    except LarkError:
        return None
    return _ToMarker(window).transform(tree)


def parse_marker(text: str, offset: int = 0, *, check_after: bool = True) -> Marker | None:
    """Parse the ordinal marker at ``text[offset:]``; return None if there is none.

    The returned marker's ``start``/``end`` are indices into ``text``.
    """
    if offset >= len(text) or not _CANDIDATE.match(text, offset):
        return None
    month = _ITEM_THEN_MONTH.match(text, offset)
    if month is not None and check_after:
        # (1.6月顺利完成……, 2.3月正式起用……: an item, then a month; a quantity is not counted in tenths of months)
        marker = _parse_window(text[offset : month.end(1)])
        return None if marker is None else replace(marker, start=marker.start + offset, end=marker.end + offset)
    marker = _parse_window(text[offset : offset + _WINDOW])
    if marker is None:
        return None
    after = text[offset + marker.end : offset + marker.end + _AFTER]
    if check_after and not _acceptable(marker, after):
        return None
    if marker.shi and after[1:2] in ("否", "非"):  # （二）是否…: the 是 belongs to the heading text
        marker = replace(marker, shi=False)
    if offset:
        marker = replace(marker, start=marker.start + offset, end=marker.end + offset)
    return marker


#: An item's number, then a month (1.6月): see :func:`parse_marker`.
_ITEM_THEN_MONTH = re.compile(r"([1-9][0-9]?[.．])(?:[1-9]|1[0-2])月(?!份?[0-9０-９])")


#: What may stand before a paragraph's marker: spaces, and spaces a web page left as references (&nbsp;&nbsp;1.加强……,
#: which GA013 reports).
_INDENT = re.compile(r"(?:[ \t\u3000]|&(?:nbsp|ensp|emsp|#160|#12288|#x[aA]0);)+")


def paragraph_marker(text: str, label: str = "") -> Marker | None:
    """The marker of a paragraph: its Word numbering label if it has one, else the start of its text.

    A marker from a label is ``auto`` and spans no text of the paragraph (offsets 0..0).
    """
    if label:
        marker = parse_marker(label.strip(), check_after=False)
        if marker is None or marker.end != len(label.strip()):
            return None
        return replace(marker, start=0, end=0, auto=True)
    indent = _INDENT.match(text)
    return parse_marker(text, indent.end() if indent else 0)


@cache
def _subheading() -> re.Pattern[str]:
    """A first marker of the levels below a heading's, right after the heading's title: 1. 1、 （1） （一）, a space
    around it perhaps (compiled on first use: a range of Chinese characters takes a millisecond to compile)."""
    cjk = "\u3400-\u4dbf\u4e00-\u9fff"
    return re.compile(rf"(?<=[{cjk}])[ \u3000]?(?P<marker>1[.．、]|[（(]1[)）]|[（(]一[)）])[ \u3000]?(?=[{cjk}])")


#: A heading's title before such a marker is short: 2 to this many characters.
SUBHEADING_TITLE_MAX = 24


def subheading_inside(text: str, start: int) -> re.Match[str] | None:
    """The first marker of a level below standing inside the heading ``text`` (its title from ``start``) right after a
    short title with no mark in it, before Chinese text (（三）慢性病防治工作 1. 慢性病……); None when there is none."""
    m = _subheading().search(text, start + 2, start + SUBHEADING_TITLE_MAX + 3)
    if m is None or any(ch in "，。；：！？,;:" for ch in text[start : m.start()]):
        return None
    return m


def subheading_marker(text: str, start: int) -> Marker | None:
    """The marker :func:`subheading_inside` finds, parsed."""
    m = subheading_inside(text, start)
    return None if m is None else parse_marker(m.group("marker") + "标题", 0)
