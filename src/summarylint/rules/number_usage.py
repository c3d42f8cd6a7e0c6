"""Family NB: numbers, ranges and dates (GB/T 15835-2011, GB/T 15834-2011 §4.13, GB/T 9704-2012 §7.3.5.4).

Content rules on the joined content blocks; masked text (URLs, e-mail addresses, file names, code)
is skipped.  Look-arounds never use ``\\w``, which matches Chinese characters in Python.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from itertools import chain, pairwise

from pydantic import BaseModel, ConfigDict, Field

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Document
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check
from summarylint.rules.garbled.mojibake import find_reencoded
from summarylint.text.chars import CJK, CN_DIGITS, to_halfwidth
from summarylint.text.measure import alternation
from summarylint.views.blocks import Block

_CJK = CJK


class NumberPack(BaseModel):
    """``rules/packs/number-usage.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    #: NB001: units after a range of times or ordinals take the 一字线 —
    time_units: list[str] = Field(min_length=1)
    #: NB001: what follows a room, building or house number written with a hyphen
    address_units: list[str] = Field(min_length=1)
    #: NB005: measure words before which 两 is used, not 二
    er_measure_words: str = Field(min_length=1)
    #: NB005: measure words for the 一二 → 一两 pattern
    yi_er_measure_words: str = Field(min_length=1)
    #: NB005: characters before 二 that make it part of a word (星期二, 周二) or an honorific (您二位)
    er_word_before: list[str]
    #: NB005: measure words after which 二 may be an abbreviated ordinal (二台 = 2号机组, 二批, 二场):
    #: the fix is only suggested
    er_unsafe_measure_words: str
    #: NB023: the units of a total and of its parts
    breakdown_units: list[str] = Field(min_length=1)


@cache
def _pack() -> NumberPack:
    return load_pack("number-usage", NumberPack)


def _before(block: Block, start: int, width: int = 12) -> str:
    return block.text[max(0, start - width) : start]


# --- NB001 / NB002 -----------------------------------------------------------------------------

_NUMBER = r"\d+(?:\.\d+)?"
# Patterns start with a look-ahead on the characters a match can begin with: the regex engine then
# skips ahead instead of trying every alternative at every position of a long document.
_RANGE = re.compile(
    rf"(?=\d)(?<![A-Za-z0-9\-/.:])(?P<a>{_NUMBER})(?P<pa>[%％])?[ \t]*(?P<sep>-{{1,3}}|－|–|~)[ \t]*(?P<b>{_NUMBER})"
    rf"(?![0-9\-/.:])(?=[ \t]*(?P<unit>[{_CJK}%％℃℉‰°]))"
)
#: (``pa``: a percent sign after the first number, 10%-15%: the second must carry one too, and the connector be
#: typed, - or ~)
#: a code standard, model or part number: GB/T 15834-2011, ISO 9001-2015, No. 3-5
_CODE_BEFORE = re.compile(r"[A-Za-z][A-Za-z/]*[ \t]*$")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _year(text: str) -> bool:
    return bool(_YEAR.fullmatch(text))


def _excluded_range(block: Block, m: re.Match[str]) -> bool:
    a, b, sep = m.group("a"), m.group("b"), m.group("sep")
    after = block.text[m.end("b") : m.end("b") + 3]
    if _CODE_BEFORE.search(_before(block, m.start())):
        return True  # GB/T 15834-2011, ISO 9001-2015
    if sep == "-" and len(a) in (3, 4) and len(b) in (7, 8) and "." not in a + b:
        return True  # telephone number 0571-88888888
    if _year(a) and len(b) <= 2 and sep in "-－" and not _year(b):
        return True  # year-month(-day) 2024-6 / 2024-06-30
    if any(after.startswith(unit) for unit in _pack().address_units):
        return True  # room 3-501室, building 5-2号楼
    if _in_title(block, m.start()):
        return True  # a published title is quoted as it was published: 《3-6岁儿童学习与发展指南》
    following = block.text[m.end("b") : m.end("b") + 1]
    return sep in "-－" and following != "" and following in "-－"


def _connector(m: re.Match[str], block: Block) -> str:
    """``—`` between years and before time or ordinal units, ``～`` between quantities."""
    unit_text = block.text[m.start("unit") : m.start("unit") + 2]
    if (_year(m.group("a")) and _year(m.group("b"))) or any(unit_text.startswith(u) for u in _pack().time_units):
        return "—"
    return "～"


@check("NB001")
def range_connector(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_RANGE):
        percent = m.group("pa")
        if _excluded_range(block, m) or (
            percent and (m.group("sep") not in ("-", "~") or not block.text.startswith(("%", "％"), m.end("b")))
        ):
            continue  # (edited reports set ranges of rates with the full-width hyphen: 增长6.5%－7%)
        sep = m.group("sep")
        want = _connector(m, block)
        end = m.end() + (1 if percent else 0)  # (the second percent sign)
        span = block.span(m.start(), end)
        written = block.text[m.start() : end]
        first_end = m.end("pa") if percent else m.end("a")
        edit = Edit(block.span(first_end, m.start("b")), want)
        shown = f"{m.group('a')}{percent or ''}{want}{m.group('b')}{percent or ''}"
        if len(sep) > 1:
            yield Finding(
                span,
                f"数值范围中的“{sep}”是错误的连接号，应写作“{shown}”",
                severity=Severity.ERROR,
                fix=Fix.safe(edit),
            )
            continue
        kind = "起止时间或序号" if want == "—" else "数值范围"
        why = "半角“~”不是中文的连接号" if sep == "~" else "短横线“-”只用于编号、电话号码等"
        yield Finding(
            span,
            f"{kind}应使用“{want}”连接，“{written}”应写作“{shown}”（{why}）",
            fix=Fix.unsafe(edit),
        )
    yield from _time_ranges(ctx)


#: two dates or times joined by a hyphen or a tilde: 2月份-3月份, 2024年3月1日－3月31日, 9时~11时
_TIME_RANGE = re.compile(
    r"(?=[ \t\-－~–])(?:(?<=\d[年月日号时点])|(?<=\d月份))"
    r"(?P<sep>[ \t]*(?:-{1,3}|－|~|–)[ \t]*)(?=\d{1,4}(?:年|月|日|号|时|点))"
)


def _time_ranges(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_TIME_RANGE):
        sep = m.group("sep").strip(" \t")
        span = block.span(m.start(), m.end())
        edit = Edit(span, "—")
        message = f"起止时间应使用一字线“—”连接，不用“{sep}”"
        if len(sep) > 1:
            yield Finding(span, message, severity=Severity.ERROR, fix=Fix.safe(edit))
        else:
            yield Finding(span, message, fix=Fix.unsafe(edit))


_RANGE_UNIT = re.compile(
    rf"(?=\d)(?<![A-Za-z0-9\-/.:])(?P<a>{_NUMBER})(?P<sep>[ \t]*[～~—–\-－][ \t]*)(?P<b>{_NUMBER})[ \t]*"
    r"(?P<unit>%|％|万元|亿元|万|亿)"
)


@check("NB002")
def range_unit_omitted(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_RANGE_UNIT):
        if _CODE_BEFORE.search(_before(block, m.start())):
            continue
        unit = m.group("unit")
        prefix = unit[0] if unit in ("万元", "亿元") else unit
        a, b = m.group("a"), m.group("b")
        sep = m.group("sep").strip()
        yield Finding(
            block.span(m.start(), m.end()),
            f"数值范围的两个数都要带单位：“{a}{sep}{b}{unit}”应写作“{a}{prefix}{sep}{b}{unit}”，否则有歧义",
            fix=Fix.safe(Edit(block.span(m.end("a"), m.end("a")), prefix)),
        )


# --- NB005 -------------------------------------------------------------------------------------


@cache
def _er_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    pack = _pack()
    words = "|".join(re.escape(w) for w in sorted(pack.er_word_before, key=len, reverse=True))
    # the literal comes first and the look-behinds after it (re-checking the characters before it),
    # so the regex engine jumps from one 二 to the next instead of testing every position
    before = "".join(f"(?<!{w}二)" for w in words.split("|")) if words else ""
    er = re.compile(
        rf"二(?<![第十百千万亿零〇一二三四五六七八九两.\d]二){before}(?=[{re.escape(pack.er_measure_words)}])"
    )
    yi_er = re.compile(rf"一二(?<![十百千万第]一二)(?=[{re.escape(pack.yi_er_measure_words)}])")
    return er, yi_er


#: 二次 closing a clause after a word (召开党员大会二次, 组织应急演练二次): a count, 两次 (二次 before a noun is an
#: ordinal or a term: 二次开发, 二次供水; 一次、二次 lists ordinals).
#: So is 二次 after an adverb that counts (先后二次召开, 累计二次, 分二次发放): 两次; not after a word that ends
#: with such a character (部分二次供水设施, 公共二次供水), and after such an adverb and a verb of holding
#: (先后组织二次检查, 累计召开二次会议).
_COUNTING_VERBS = ("组织", "开展", "召开", "举办", "举行", "进行", "实施", "发放", "下发", "组织开展")
_ER_CI = re.compile(
    rf"(?:(?<=[{_CJK}])(?<![第一二三四五六七八九十百千零两每这那各前头])二(?=次(?:[，。；！？]|$))"
    r"|(?:(?<=先后)|(?<=累计)|(?<=共计)|(?<=连续)|(?<=曾)|(?<![部公充划区评处成积均总学得比股]分)(?<=分)"
    + "".join(f"|(?<={adverb}{verb})" for adverb in ("先后", "累计", "共计") for verb in _COUNTING_VERBS)
    + r"|(?<![公总]共)(?<=共))二(?=次))"
)

#: 二 before a span of time or a round after a word that counts it (连续二年, 近二年, 历时二周, 连续二届): a count, 两
#: (二年级, 二年制, 二年期 are a grade, a length of study and a deposit's term).
_ER_SPAN = re.compile(
    r"(?:(?<=连续)|(?<=近)|(?<=前)|(?<=历时)|(?<=用了)|(?<=花了)|(?<=长达)|(?<=满))二(?=[年周届轮](?![级制期生度]))"
)


@check("NB005")
def er_before_measure_word(ctx: Context) -> Iterator[Finding]:
    er, yi_er = _er_patterns()
    for block in ctx.views.candidates(er, yi_er, _ER_CI, _ER_SPAN):
        for m in block.finditer(er):
            word = block.text[m.start() : m.end() + 1]
            edit = Edit(block.span(m.start(), m.end()), "两")
            yield Finding(
                block.span(m.start(), m.end()),
                f"量词前表示数量用“两”不用“二”：“{word}”应写作“两{word[1:]}”",
                fix=Fix.unsafe(edit) if word[1] in _pack().er_unsafe_measure_words else Fix.safe(edit),
            )
        for m in block.finditer(_ER_CI):
            yield Finding(
                block.span(m.start(), m.end()),
                "次数用“两”不用“二”：这里的“二次”是做了两次，应写作“两次”（“二次开发”“二次供水”的“二次”是第二次）",
                fix=Fix.unsafe(Edit(block.span(m.start(), m.end()), "两")),
            )
        for m in block.finditer(_ER_SPAN):
            word = block.text[m.start() : m.end() + 1]
            yield Finding(
                block.span(m.start(), m.end()),
                f"表示数量用“两”不用“二”：“{word}”应写作“两{word[1:]}”",
                fix=Fix.unsafe(Edit(block.span(m.start(), m.end()), "两")),
            )
        for m in block.finditer(yi_er):
            word = block.text[m.start() : m.end() + 1]
            yield Finding(
                block.span(m.start(), m.end()),
                f"约数“{word}”应写作“一两{word[2:]}”",
                fix=Fix.safe(Edit(block.span(m.start() + 1, m.end()), "两")),
            )


# --- NB007 -------------------------------------------------------------------------------------

_FULLWIDTH = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*")
_HALF_DIGITS = re.compile(r"[0-9]+")
#: full-width figures are the document's convention when there are at least UNIFORM_MIN runs and
#: they make up UNIFORM_SHARE of all digit runs: the first is a warning, the others are info
UNIFORM_MIN = 5
UNIFORM_SHARE = 0.8


@check("NB007")
def fullwidth_alnum(ctx: Context) -> Iterator[Finding]:
    runs = [
        (block, m)
        for block in ctx.views.candidates(_FULLWIDTH)
        for m in block.finditer(_FULLWIDTH)
        if not any(g.start <= m.start() < g.end for g in find_reencoded(block.text))
    ]  # (not a piece of mojibake: 鏈夊０璇荤墿 is UTF-8 read as GBK, which GA005 reports)
    digit_runs = [(b, m) for b, m in runs if any("０" <= ch <= "９" for ch in m.group())]
    # a document that sets all its figures in full width does so by design: say it once
    halfwidth = sum(len(_HALF_DIGITS.findall(b.text)) for b in ctx.views.blocks) if digit_runs else 0
    uniform = len(digit_runs) >= UNIFORM_MIN and len(digit_runs) >= UNIFORM_SHARE * (len(digit_runs) + halfwidth)
    reported_uniform = False
    for block, m in runs:
        run = m.group()
        if not any("０" <= ch <= "９" for ch in run):
            continue  # full-width letters alone are a typo (WD016)
        half = to_halfwidth(run)
        span = block.span(m.start(), m.end())
        fix = Fix.safe(Edit(span, half))
        if uniform and not reported_uniform:
            reported_uniform = True
            # a consistent choice of the whole document: a matter of style (info), unlike full-width
            # figures mixed among half-width ones
            yield Finding(
                span,
                f"全文{len(digit_runs)}处阿拉伯数字都用了全角（如“{run}”），应使用半角数字（“{half}”）",
                severity=Severity.INFO,
                fix=fix,
            )
        elif uniform:
            yield Finding(span, f"全角数字“{run}”应写作“{half}”", severity=Severity.INFO, fix=fix)
        else:
            yield Finding(span, f"阿拉伯数字应使用半角：“{run}”应写作“{half}”", fix=fix)


# --- NB010 / NB011 -----------------------------------------------------------------------------

_PADDED = re.compile(r"(?=0)(?:(?<=\d{4}年)0(?=[1-9]月)|(?<![\d０-９])0(?=[1-9]月\d{1,2}日)|(?<=月)0(?=[1-9]日))")


@check("NB010")
def date_zero_padded(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_PADDED):
        unit = block.text[m.end() + 1]
        yield Finding(
            block.span(m.start(), m.end() + 1),
            f"日期中的月、日不编虚位：“0{block.text[m.end()]}{unit}”应写作“{block.text[m.end()]}{unit}”",
            fix=Fix.safe(Edit(block.span(m.start(), m.end()), "")),
        )


_FULL_DATE = re.compile(r"(?=\d)(?<![\d.])(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?")
_YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def _document_year(ctx: Context) -> int | None:
    years: Counter[int] = Counter()
    for block in ctx.views.blocks:
        years.update(int(y) for y in _YEAR_MENTION.findall(block.text))
    return years.most_common(1)[0][0] if years else None


@check("NB011")
def date_invalid(ctx: Context) -> Iterator[Finding]:
    default_year = None
    looked_up = False
    for block, m in ctx.views.matches(_FULL_DATE):
        year_text, day_text = m.group("y"), m.group("d")
        if year_text is None and day_text is None:
            continue  # 6月 alone: a month count (12个月) never matches, a bare month is not checked
        month = int(m.group("m"))
        shown = m.group()
        if not 1 <= month <= 12:
            yield Finding(block.span(m.start(), m.end()), f"日期“{shown}”不存在：月份只有1至12月")
            continue
        if day_text is None:
            continue
        day = int(day_text)
        if year_text is not None:
            year: int | None = int(year_text)
        else:
            if not looked_up:
                default_year, looked_up = _document_year(ctx), True
            year = default_year
        if month == 2 and day == 29 and year is None:
            continue  # leap year unknown
        length = calendar.monthrange(year if year is not None else 2023, month)[1]
        if not 1 <= day <= length:
            where = f"{year}年{month}月" if year is not None and month == 2 else f"{month}月"
            yield Finding(block.span(m.start(), m.end()), f"日期“{shown}”不存在：{where}只有{length}天")


def _marker_end(ctx: Context, block: Block) -> int:
    """Text index where the ordinal marker at the start of the block ends (0 when there is none)."""
    marker = ctx.views.markers.get(block.first.index)
    return marker.end if marker is not None and not marker.auto else 0


# --- NB003 / NB004 -----------------------------------------------------------------------------

_DIGITS_CN = "一二三四五六七八九十"
_APPROX_CN = re.compile(
    r"(?=[一二三四五六七八九])(?<![第初十百千万])([一二三四五六七八九])、([二三四五六七八九十])"
    r"(?=[个天年次人名家项倍届件户条十百千万])(?!年级)"
)
_APPROX_AR = re.compile(r"(?=[1-9])(?<![\d.第、，,])([1-9])[、，,]([2-9])(?![\d.])(?=[个天次人名家项倍件户条])")


def _consecutive(first: str, second: str, digits: str) -> bool:
    return digits.index(second) == digits.index(first) + 1


@check("NB003")
def approx_dunhao(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_APPROX_CN):
        skip = _marker_end(ctx, block)
        for m in block.finditer(_APPROX_CN):
            if m.start() < skip or not _consecutive(m.group(1), m.group(2), _DIGITS_CN):
                continue
            shown = m.group(1) + m.group(2)
            yield Finding(
                block.span(m.start(), m.end()),
                f"相邻两个数字连用表示概数，中间不用顿号：“{m.group()}”应写作“{shown}”",
                fix=Fix.safe(Edit(block.span(m.start() + 1, m.start() + 2), "")),
            )


@check("NB004")
def approx_arabic(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_APPROX_AR):
        skip = _marker_end(ctx, block)
        for m in block.finditer(_APPROX_AR):
            if m.start() < skip or not _consecutive(m.group(1), m.group(2), "123456789"):
                continue
            cn = _DIGITS_CN[int(m.group(1)) - 1] + _DIGITS_CN[int(m.group(2)) - 1]
            cn = cn.replace("二", "两", 1) if cn.startswith("二") else cn
            yield Finding(
                block.span(m.start(), m.end()),
                f"相邻两个数字表示概数时用汉字：“{m.group()}”宜写作“{cn}”（确数范围写作“{m.group(1)}～{m.group(2)}”）",
                severity=Severity.INFO,
            )


# --- NB006 -------------------------------------------------------------------------------------

_MIXED = re.compile(
    r"(?=\d)(?<![\d.A-Za-z万亿千])(?P<n>\d+(?:\.\d+)?)(?P<u>[千百])(?![克米瓦帕赫升伏焦字分兆度])(?P<rest>[\d一二三四五六七八九十百千])?"
)


#: 1万5千元: 千 and 百 after 万 in digits (only 万 and 亿 may follow an Arabic figure)
_WAN_AND_THOUSANDS = re.compile(r"(?<![\d.])(?P<w>\d+)万(?P<k>\d)千(?:(?P<h>\d)百)?(?![克米瓦帕赫升伏焦字分兆度])")
#: 1亿2千万元: 千万 and 百万 after 亿 in digits
_YI_AND_THOUSANDS = re.compile(r"(?<![\d.])(?P<w>\d+)亿(?P<k>\d)千(?:(?P<h>\d)百)?万")


#: 二十3场次: tens (or hundreds) in words, the units in a digit, before a word (a figure typed half in each)
_TENS_AND_DIGIT = re.compile(
    r"(?<![一二三四五六七八九十百零〇第])(?P<h>[一二三四五六七八九]百)?(?P<t>[一二三四五六七八九]?十)(?P<d>[1-9])(?![\d.])"
    r"(?=[\u4e00-\u9fff])"
)


#: 百分之15: a percentage half in words, half in digits
_PERCENT_WORDS = re.compile(r"百分之(?P<n>\d+(?:\.\d+)?)(?![\d.])")


@check("NB006")
def mixed_numeral_forms(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_PERCENT_WORDS):
        span = block.span(m.start(), m.end())
        value = f"{m.group('n')}%"
        yield Finding(
            span,
            f"百分数不能一半用汉字一半用数字：“{m.group()}”应写作“{value}”",
            fix=Fix.safe(Edit(span, value)),
        )
    for pattern, unit, smaller in ((_WAN_AND_THOUSANDS, "万", ""), (_YI_AND_THOUSANDS, "亿", "万")):
        for block, m in ctx.views.matches(pattern):
            big = Decimal(m.group("w")) + Decimal(m.group("k")) / 10 + Decimal(m.group("h") or 0) / 100
            right = f"“{big.normalize():f}{unit}”或“{(big * 10_000).normalize():f}{smaller}”"
            yield Finding(
                block.span(m.start(), m.end()), f"阿拉伯数字后只能用“万”“亿”作单位：“{m.group()}”应写作{right}"
            )
    for block, m in ctx.views.matches(_TENS_AND_DIGIT):
        hundreds = CN_DIGITS[m.group("h")[0]] * 100 if m.group("h") else 0
        tens = CN_DIGITS.get(m.group("t")[0], 1) * 10
        value = str(hundreds + tens + int(m.group("d")))
        span = block.span(m.start(), m.end())
        yield Finding(
            span,
            f"汉字数字和阿拉伯数字混写：“{m.group()}”应写作“{value}”",
            fix=Fix.unsafe(Edit(span, value)),
        )
    for block, m in ctx.views.matches(_MIXED):
        number, unit = m.group("n"), m.group("u")
        factor = 1000 if unit == "千" else 100
        span = block.span(m.start(), m.end("u"))
        if m.group("rest") is not None:
            yield Finding(
                block.span(m.start(), m.end()),
                f"阿拉伯数字和汉字数字不能这样混写：“{m.group()}”应全部用阿拉伯数字",
            )
            continue
        whole = Decimal(number) * factor
        value = f"{whole.normalize():f}" if whole == whole.to_integral_value() else f"{whole:f}"
        yield Finding(
            span,
            f"阿拉伯数字后只能用“万”“亿”作单位，不能用“{unit}”：“{number}{unit}”应写作“{value}”",
            fix=Fix.safe(Edit(span, value)),
        )


# --- NB008 -------------------------------------------------------------------------------------

_LEADING_POINT = re.compile(
    rf"(?=\.)(?<=[{_CJK}（(：:\s])\.(?P<d>\d{{1,3}})(?=[%％倍万亿元米吨秒]|个百分点|公里|小时|个)"
)


@check("NB008")
def decimal_leading_zero(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_LEADING_POINT):
        yield Finding(
            block.span(m.start(), m.end()),
            f"纯小数的小数点前要写“0”：“{m.group()}”应写作“0{m.group()}”",
            fix=Fix.safe(Edit(block.span(m.start(), m.start()), "0")),
        )


# --- NB009 -------------------------------------------------------------------------------------

_SHORT_YEAR = re.compile(
    r"(?=\d)(?<![\d.０-９第近满前后约])(?P<y>\d{2})年(?=[上下]半年|度|初|底|末|第[一二三四]季度|\d{1,2}月)"
    # compared with a year (较23年, 比22年同期), or that year's same period, whole or season (23年同期, 23年全年,
    # 23年秋季, 23年汛期, 23年春节), or in that year's whole area (在23年全县抽测中): read as a year only when the
    # document writes a four-digit year near it (较23年 of a 2024 report; 较30年前 and 在23年里 are spans)
    r"|(?P<near>(?:(?<=[较比])|(?<=相比)|(?<=对比))(?P<c>\d{2})年(?![前来间内后里多余半以])"
    r"|(?<=[在于])(?P<a>\d{2})年(?=全(?:国|省|市|县|区|州|镇|乡|校|院|系统|行业))"
    # or any two-digit year before a word (为23年新入职的教师, 巩固23年国家一级图书馆评估定级成果), not one of a span
    # (从教23年来, 23年如一日, 坚守23年的岗位, 新10年扶贫纲要: see _SPAN_BEFORE)
    r"|(?<![\d.０-９第近满前后约共达有余新每头])(?P<g>\d{2})年(?=[^\W\d_])(?![来间内里多余半前后左以之的了如不整])"
    r"|(?<![\d.０-９第近满前后约])(?P<s>\d{2})年(?=同期|全年|[春夏秋冬雨旱]季|[汛雨旱]期|春节|春运|元旦|国庆|中秋|[寒暑]假|暑期))"
)
#: Words after which a two-digit figure and 年 count years of a span (从教23年, 扎根基层23年).
_SPAN_BEFORE = re.compile(
    "(?:工作|任教|从教|执教|从医|从警|从事|从业|坚守|扎根|基层|坚持|连续|累计|历时|长达|用了|经过|已有|整整|服务|走过|过去|这|那|近|共|约|达|满|逾|超过)$"
)
#: How far (in years) a two-digit year read from its context alone may stand from a four-digit year of the document.
_NEAR_YEARS = 3


@check("NB009")
def year_two_digit(ctx: Context) -> Iterator[Finding]:
    years: set[str] | None = None
    for block, m in ctx.views.matches(_SHORT_YEAR):
        if years is None:
            years = {y for b in ctx.views.blocks for y in _YEAR_MENTION.findall(b.text)}
        group = next(name for name in ("y", "c", "a", "s", "g") if m.group(name))
        short, start = m.group(group), m.start(group)
        if group == "g" and _SPAN_BEFORE.search(block.text, max(0, start - 4), start):
            continue
        if m.group("near") and not any(abs(int(y[2:]) - int(short)) <= _NEAR_YEARS for y in years):
            continue
        century = next((y[:2] for y in sorted(years) if y.endswith(short)), "20" if int(short) < 50 else "19")
        full = century + short
        yield Finding(
            block.span(start, start + len(short) + 1),
            f"年份不能简写为两位数：“{short}年”应写作“{full}年”",
            fix=Fix.unsafe(Edit(block.span(start, start), century)),
        )


# --- NB012 -------------------------------------------------------------------------------------

_WEEKDAYS = "一二三四五六日"
_DATED_WEEKDAY = re.compile(
    r"(?=\d)(?<![\d.])(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号][（(，, \t]{0,2}"
    r"(?P<w>星期|周|礼拜)(?P<day>[一二三四五六日天])"
)


@check("NB012")
def date_weekday_mismatch(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_DATED_WEEKDAY):
        try:
            date = datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue  # no such date: NB011
        right = _WEEKDAYS[date.weekday()]
        written = m.group("day")
        if written == right or (written == "天" and right == "日"):
            continue
        word = m.group("w")
        yield Finding(
            block.span(m.start("w"), m.end("day")),
            f"日期和星期不符：{date.year}年{date.month}月{date.day}日是{word}{right}，不是{word}{written}",
            fix=Fix.unsafe(Edit(block.span(m.start("day"), m.end("day")), right)),
        )


# --- NB013 -------------------------------------------------------------------------------------

_CN_YEAR = "〇零○一二三四五六七八九"
_MIXED_DATE = re.compile(
    rf"(?=[{_CN_YEAR}\d])(?:"
    rf"(?<![{_CN_YEAR}])[{_CN_YEAR}]{{4}}年\d{{1,2}}月"  # 二〇二四年6月
    rf"|(?<![\d.])\d{{4}}年[一二三四五六七八九十]{{1,2}}月(?![份底初])"  # 2024年六月
    rf"|(?<![\d.一二三四五六七八九十])\d{{1,2}}月[一二三四五六七八九十]{{1,3}}[日号]"  # 6月十日
    rf"|(?<![一二三四五六七八九十\d])[一二三四五六七八九十]{{1,2}}月\d{{1,2}}[日号]"  # 六月10日
    r")"
)


@check("NB013")
def date_mixed_forms(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_MIXED_DATE):
        yield Finding(
            block.span(m.start(), m.end()),
            f"同一个日期中汉字数字和阿拉伯数字混用：“{m.group()}”应统一写法（一般全用阿拉伯数字）",
        )


# --- NB014 -------------------------------------------------------------------------------------

#: a four-character year in Chinese numerals, with any character a writer puts for the zero
_CN_YEAR_ANY = re.compile(r"(?<![一二三四五六七八九十〇零○OoＯｏ0-9])[一二三四五六七八九〇零○OoＯｏ0]{4}(?=年)")
#: 〇 inside a quantity: 三千〇五十 (a quantity writes 零)
_ZERO_IN_QUANTITY = re.compile(r"(?<=[一二两三四五六七八九十][百千万亿])〇(?=[一二两三四五六七八九十])")
#: what each stand-in for 〇 is called in the message, and the severity (a Latin letter is an error)
_ZERO_STAND_INS = {"零": ("“零”", None), "○": ("圆圈“○”", Severity.INFO)} | {
    c: ("字母或数字“" + c + "”", Severity.ERROR) for c in "OoＯｏ0"
}


@check("NB014")
def zero_character(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_CN_YEAR_ANY):
        year = m.group()
        wrong = [c for c in dict.fromkeys(year) if c in _ZERO_STAND_INS]
        if not wrong or not any(c in "一二三四五六七八九" for c in year):
            continue
        levels = [_ZERO_STAND_INS[c][1] for c in wrong]
        severity = Severity.ERROR if Severity.ERROR in levels else None if None in levels else Severity.INFO
        right = "".join("〇" if c in _ZERO_STAND_INS else c for c in year)
        what = "、".join(_ZERO_STAND_INS[c][0] for c in wrong)
        span = block.span(m.start(), m.end())
        yield Finding(
            span,
            f"汉字数字的年份中零写作“〇”：“{year}年”中的{what}应写作“〇”（“{right}年”）",
            severity=severity,
            fix=Fix.safe(Edit(span, right)),
        )
    for block, m in ctx.views.matches(_ZERO_IN_QUANTITY):
        span = block.span(m.start(), m.end())
        shown = block.text[max(0, m.start() - 2) : m.end() + 2]
        yield Finding(
            span,
            f"数量中的零写作“零”：“{shown}”中的“〇”应写作“零”（“〇”用于年份等编号）",
            fix=Fix.safe(Edit(span, "零")),
        )


# --- NB018 -------------------------------------------------------------------------------------

_DECREASE_BY_MULTIPLE = re.compile(
    r"(?:减少|降低|下降|缩小|缩减|缩短|减轻|压缩)了?\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+|半)倍"
)


@check("NB018")
def decrease_by_multiple(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_DECREASE_BY_MULTIPLE):
        yield Finding(
            block.span(m.start(), m.end()),
            f"减少不用“倍”表示：“{m.group()}”意思不清，应写明减少了百分之几或减少到多少",
        )


# --- NB019 -------------------------------------------------------------------------------------

#: unit symbols written in the wrong case after a number, and their right form (GB 3100-3102)
_UNIT_SYMBOLS = {
    "mpa": "MPa", "Mpa": "MPa", "MPA": "MPa", "kpa": "kPa", "KPa": "kPa", "KPA": "kPa", "Kpa": "kPa",
    "kv": "kV", "KV": "kV", "Kv": "kV", "kw": "kW", "KW": "kW", "Kw": "kW",
    "Kg": "kg", "KG": "kg", "KM": "km", "Km": "km",
}  # fmt: skip
_UNIT_SYMBOL = re.compile(
    r"(?<=\d)[ \t]?(?P<u>" + "|".join(sorted(_UNIT_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])"
)


@check("NB019")
def unit_symbol_case(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_UNIT_SYMBOL):
        written = m.group("u")
        right = _UNIT_SYMBOLS[written]
        span = block.span(m.start("u"), m.end("u"))
        yield Finding(
            span,
            f"计量单位符号大小写有误：“{written}”应写作“{right}”",
            fix=Fix.safe(Edit(span, right)),
        )


# --- NB015 -------------------------------------------------------------------------------------

_DOTTED_DATE = re.compile(
    r"(?=[12])(?<![\d.A-Za-z/\-])(?P<y>(?:19|20)\d{2})(?P<s>[./、])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d./])"
)
#: a software version (IDEA 2023.3.2, 版本号为2024.1.4) is not a date
_VERSION_BEFORE = re.compile(r"版|[A-Za-z][ \t]*$")


@check("NB015")
def date_dotted_in_prose(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_DOTTED_DATE):
        if block.first.kind is BlockKind.TABLE or _VERSION_BEFORE.search(_before(block, m.start(), 8)):
            continue
        month, day = int(m.group("m")), int(m.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        written = f"{m.group('y')}年{month}月{day}日"
        span = block.span(m.start(), m.end())
        dunhao = m.group("s") == "、"
        yield Finding(
            span,
            f"正文中的日期用“年月日”：“{m.group()}”应写作“{written}”",
            severity=Severity.ERROR if dunhao else None,
            fix=Fix.safe(Edit(span, written)),
        )


# --- NB016 -------------------------------------------------------------------------------------

_GROUPING = re.compile(
    r"(?=\d)(?<![\d,，.])(?:"
    rf"(?P<full>\d{{1,3}}(?:，\d{{3}})+)(?![\d，])(?=[{_CJK}%％])"  # a full-width comma between groups
    r"|(?P<size>\d{1,3}(?:,\d{3})+,\d{1,2}|\d{4,}(?:,\d{3})+)(?![\d,])"  # groups of the wrong size
    r")"
)


#: a document that groups its figures with full-width commas this often does so by design: said once
GROUPING_CONVENTION = 3


@check("NB016")
def thousands_separator(ctx: Context) -> Iterator[Finding]:
    found = list(ctx.views.matches(_GROUPING))
    fullwidth = [(block, m) for block, m in found if m.group("full")]
    for block, m in found:
        if m.group("full"):
            if len(fullwidth) >= GROUPING_CONVENTION:
                if m is not fullwidth[0][1]:
                    continue
                message = (
                    f"全文{len(fullwidth)}处用全角逗号给数字分节（如“{m.group()}”），容易被读成两个数，"
                    "应不分节或用半角逗号"
                )
            else:
                message = (
                    f"数字分节不用全角逗号：“{m.group()}”应写作“{m.group().replace('，', '')}”，否则会被读成两个数"
                )
        else:
            message = f"数字分节应从个位起每三位一节：“{m.group()}”的分节不对，请核对数值"
        yield Finding(block.span(m.start(), m.end()), message)


# --- NB017 -------------------------------------------------------------------------------------

_CNUM = "〇零一二三四五六七八九十百千万亿两"
#: (a number in words starts with a digit: 亿 of 签约亿元以上项目 is no number)
_NUMBER_WORD = rf"(?:\d+(?:\.\d+)?|[〇零一二三四五六七八九十两][{_CNUM}]*)"
#: Words that end with 约 (签约, 履约, 节约): their 约 is no "about".
_YUE_WORDS = "签履违预节制合邀特公条誓践赴缔解续订爽失守相隐婉简集契纽"
_APPROX_TWICE = re.compile(
    rf"(?=[约大近将接超逾高])(?:"
    rf"(?P<a>(?<![{_YUE_WORDS}])约|大约|大概|将近|接近|近)[ \t]*{_NUMBER_WORD}(?:[万亿千百])?"
    rf"(?:(?P<b>余|多)|[^，。；、\d{_CNUM}]{{0,4}}?(?P<c>左右|以上))"
    rf"|(?P<d>超过|逾|高于)[ \t]*{_NUMBER_WORD}[^，。；、]{{0,4}}?(?P<e>以上)"
    r")"
)
_RECENT = re.compile(rf"近[ \t]*{_NUMBER_WORD}(?:多|余)?(?:个)?(?:年|月|天|日|周|期|届)")


@check("NB017")
def approx_redundant(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_APPROX_TWICE):
        if (
            m.group("a")
            and m.group("a") in ("近", "将近")
            and _RECENT.match(block.text, m.start() + len(m.group("a")) - 1)
        ):
            continue  # 近三年来: 近 means recent
        first = m.group("a") or m.group("d")
        second = m.group("b") or m.group("c") or m.group("e")
        yield Finding(
            block.span(m.start(), m.end()),
            f"概数重复：“{first}”和“{second}”都表示约数，只用其中一个：“{m.group()}”",
        )


# --- NB021 -------------------------------------------------------------------------------------

_PERCENT = re.compile("[%％]")
_CN_NUM = "一二三四五六七八九十百千两"
#: measure words after an approximate count (二十余家, 20余家)
_YU_UNITS = (
    "个|人|次|家|项|件|户|名|位|场|篇|条|所|座|台|辆|套|吨|亩|元|天|年|月|周|期|批|处|份|种|类|门|支|起|部|本|幅|"
    "公里|千米|米|平方米|小时|分钟|倍|万|亿"
)
#: 10余家 and 十余家: a number, 余, a measure word (其余 剩余 业余 多余 have no number before 余; 统一余额
#: and 唯一余下 have a word, not a number, before it)
_YU_AR = re.compile(rf"(?<![0-9.．])[0-9]+(?:\.[0-9]+)?万?余(?={_YU_UNITS})")
_YU_CN = re.compile(rf"(?<![{_CN_NUM}统唯单第之同专划均归逐万])[{_CN_NUM}]+万?余(?={_YU_UNITS})")
#: 3月 and 三月 as a month of the year (三个月 is a count; 3月 after a year in Chinese numerals, as in a
#: signature date 二〇二四年三月, is left to the date rules)
_MONTH_AR = re.compile(r"(?<![0-9.．/\-])(?:1[0-2]|0?[1-9])月")
_MONTH_CN = re.compile(
    r"(?<![一二三四五六七八九十第每几数个半正腊闰〇○零])(?:十[一二]|[一二三四五六七八九十])月(?![亮球饼光色])"
)
#: fixed expressions and names where a Chinese month is part of the name, not a date
_MONTH_NAMES = re.compile(
    r"阳春三月|烟花三月|十月怀胎|十月革命|十月围城|五月花|三月三|五月五|七月七|九月九|八月十五|十月一|"
    r"五月天|六月雪|七月流火|十二月党人|金秋[八九十]月|[八九十]月金秋|[二三四]月春风|"
    # (once a month: 一周一调度、一月一通报; 一月一日 is a date)
    r"(?<!十)一月一(?![日号])(?=[^\W\d_])"
)
_CN_YEAR_BEFORE = re.compile(r"[〇○零一二三四五六七八九]{2,4}年$")


def _in_title(block: Block, start: int) -> bool:
    """Whether ``start`` is inside 《…》 (a document or law title keeps its own wording)."""
    before = block.text[:start]
    return before.rfind("《") > before.rfind("》")


def _named(names: re.Pattern[str], text: str, m: re.Match[str]) -> bool:
    """Whether ``m`` lies inside one of ``names`` (阳春三月, 十月革命)."""
    return any(n.start() <= m.start() < n.end() for n in names.finditer(text, max(0, m.start() - 4), m.end() + 4))


def _forms(
    ctx: Context, arabic: re.Pattern[str], chinese: re.Pattern[str], names: re.Pattern[str] | None = None
) -> list[tuple[str, Block, re.Match[str]]]:
    """Occurrences of one kind of number in Arabic (``"ar"``) and Chinese (``"cn"``) form, in order."""
    found: list[tuple[str, Block, re.Match[str]]] = []
    for form, pattern in (("ar", arabic), ("cn", chinese)):
        for block, m in ctx.views.matches(pattern):
            if _in_title(block, m.start()):
                continue
            if form == "cn":
                if names is not None and _named(names, block.text, m):
                    continue
                if _CN_YEAR_BEFORE.search(block.text, max(0, m.start() - 5), m.start()):
                    continue
            found.append((form, block, m))
    found.sort(key=lambda f: f[1].span(f[2].start(), f[2].end()).start)
    return found


_FORM_NAMES = {"ar": "阿拉伯数字", "cn": "汉字数字"}


def _minority(found: list[tuple[str, Block, re.Match[str]]]) -> tuple[str, Counter[str]] | None:
    counts = Counter(form for form, _, _ in found)
    if len(counts) < 2:
        return None
    (_, n_first), (second, n_second) = counts.most_common(2)
    if n_first == n_second:  # a tie: the form that came second is the odd one
        first_form = found[0][0]
        return ("cn" if first_form == "ar" else "ar"), counts
    return second, counts


@check("NB021")
def numeral_form_consistency(ctx: Context) -> Iterator[Finding]:
    marks = [(block, m) for block in ctx.views.candidates(_PERCENT) for m in block.finditer(_PERCENT)]
    counts = Counter(m.group() for _, m in marks)
    if len(counts) >= 2:
        usual = counts.most_common(1)[0][0]
        other = "％" if usual == "%" else "%"
        block, m = next((b, m) for b, m in marks if m.group() == other)
        yield Finding(
            block.span(m.start(), m.end()),
            f"百分号写法不统一：全文{counts[usual]}处用“{usual}”，{counts[other]}处用“{other}”（如这里），应统一",
        )
    kinds = (
        ("约数", _forms(ctx, _YU_AR, _YU_CN), "“10余家”“十余家”"),
        ("月份", _forms(ctx, _MONTH_AR, _MONTH_CN, _MONTH_NAMES), "“3月”“三月”"),
    )
    for what, found, example in kinds:
        odd = _minority(found)
        if odd is None:
            continue
        form, tally = odd
        usual = "cn" if form == "ar" else "ar"
        shown = next(m.group() for f, _, m in found if f == usual)
        for f, block, m in found:
            if f != form:
                continue
            yield Finding(
                block.span(m.start(), m.end()),
                f"{what}的数字形式不统一：全文{tally[usual]}处用{_FORM_NAMES[usual]}（如“{shown}”），"
                f"{tally[form]}处用{_FORM_NAMES[form]}（如这里的“{m.group()}”）；{example}两种写法都可以，但同类应统一",
            )


# --- NB022 -------------------------------------------------------------------------------------

#: Rates and shares of a whole, which cannot pass 100%.  Left out: 完成率 (a plan can be overfulfilled; not the
#: completion of a list of faults or cases, 整改完成率), 使用率
#: (a hospital's beds are used beyond their number), 拨备覆盖率 (a bank's provisions against its bad loans).
_RATE_NAMES = (
    r"合格率|达标率|覆盖率|签订率|入会率|参与率|出勤率|普及率|参保率|知晓率|满意率|满意度|办结率|到位率|准确率|正确率"
    r"|建档率|接种率|就业率|回收率|及格率|优秀率|优良率|通过率|结案率|化解率|治愈率|完好率|巩固率|受理率|回复率"
    r"|处置率|整改率|销号率|履约率|兑现率|可办率|网办率|好评率|回访率|签约率|参训率|到岗率|上报率|送达率|公开率|及时率"
    r"|完整率|准时率|成活率|存活率|收缴率|缴费率|入学率|升学率|入园率|录取率|上线率|体检率|筛查率|随访率|入住率|空置率"
    r"|流失率|死亡率|发病率|在线率|联网率|清运率|防治率|整改完成率|办结完成率|销号完成率|到报率|占比|比重"
)
#: Other rates are read as shares too (办证率, 申领率: the people served of those entitled), except those whose
#: two characters before 率 name a ratio that may pass 100%: completion and use, growth and returns, turnover,
#: debt, cover and solvency ratios, loads (满载率 of a bus line at rush hour, 负荷率), and rate words (工作效率,
#: 贷款利率, 流动比率).  On the edited reports and the drafts no other rate is written over 100%; the blind sets'
#: writers put such slips in several ways (办证率,
#: 结案率, 成活率).
_RATIO_STEMS = (
    r"完成|达成|使用|利用|增长|增加|周转|负债|回报|收益|利润|毛利|净利|产销|产出|出栏|执行|溢价|超额|转化|充足|换手|贡献"
    r"|带动|回款|清欠|征收|兑付|复种|结转|弹性|折旧|杠杆|拨备|备付|流动|速动|偿付|赔付|损失|退保|成本|税负|开发|放大"
    r"|满载|负载|负荷|载客|超载"
    r"|.[效功汇频税费利增倍比速概]"
)
_RATIO_STEM = re.compile(_RATIO_STEMS)
_RATE = re.compile(
    rf"(?<!拨备)(?P<name>{_RATE_NAMES}|(?!{_RATIO_STEMS}率)[\u4e00-\u9fff]{{2}}率)"
    r"(?P<gap>[^，。；%％]{0,8}?)(?P<v>\d+(?:\.\d+)?)[ \t]*[%％]"
    # a share of a whole: 占各项贷款的112.4%, 占全县总数的105%, 占带息负债总额的比例达到108.2%
    r"|占(?:(?P<whole>全部|各项|全体|所有|总|全年|全县|全市|全省|全国|全区|全镇|全乡|全校|全院)[^，。；%％\d]{0,10}?"
    r"|[^，。；%％\d]{0,10}?(?:总额|总数|总量|总和|总人数|总户数|总规模|总面积))的"
    r"(?:比例|比重)?(?:为|是|达到|达)?(?P<share>\d+(?:\.\d+)?)[ \t]*[%％]"
)
#: More values of the same rate in the same row or list: 覆盖率　100%　　110%, 分别为95%、103%.
_MORE_VALUES = re.compile(r"[ \t\u3000|、和及与]+(?P<v>\d+(?:\.\d+)?)[ \t]*[%％]")
_GROWTH = re.compile("增长|增幅|提高|提升|上升|增加|下降|降低|减少|同比|环比|增速")
_RATE_HEADER = re.compile(rf"(?<!拨备)(?:{_RATE_NAMES})")
_PERCENT_CELL = re.compile(r"[ \t\u3000]*(\d+(?:\.\d+)?)[ \t]*[%％][ \t\u3000]*")


def _over_100(name: str, value: str) -> str:
    return f"{name}不会超过100%：这里写的是{value}%，请核对数字"


@check("NB022")
def rate_over_100(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_RATE):
        if m.group("share") is not None:
            if Decimal(m.group("share")) > 100:
                yield Finding(block.span(m.start("share"), m.end()), _over_100("所占比例", m.group("share")))
            continue
        if _GROWTH.search(m.group("gap")):
            continue
        values = [(m.start("v"), m.end(), m.group("v"))]
        at = m.end()
        while (more := _MORE_VALUES.match(block.text, at)) is not None:
            values.append((more.start("v"), more.end(), more.group("v")))
            at = more.end()
        for start, end, value in values:
            if Decimal(value) > 100:
                yield Finding(block.span(start, end), _over_100(m.group("name"), value))
    yield from _table_rates(ctx.doc)


def _cells(text: str) -> list[tuple[int, int]]:
    """The cells ``(start, end)`` of a Markdown table row ``| a | b |``."""
    bars = [i for i, char in enumerate(text) if char == "|"]
    return list(pairwise(bars))


def _table_rates(doc: Document) -> Iterator[Finding]:
    """Cells over 100% in a column of a Markdown table whose header names a rate (| 及格率 | ... | 103.2% |)."""
    columns: dict[int, str] = {}
    paragraphs = doc.paragraphs
    for i, para in enumerate(paragraphs):
        if para.kind is not BlockKind.TABLE:
            if not (para.kind is BlockKind.META and _TABLE_RULE.fullmatch(para.text)):
                columns = {}
            continue
        cells = _cells(para.text)
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if following is not None and following.kind is BlockKind.META and _TABLE_RULE.fullmatch(following.text):
            columns = {}  # a header row: the line under it is the table's rule (| --- | --- |)
            for column, (a, b) in enumerate(cells):
                header = para.text[a + 1 : b]
                found = _RATE_HEADER.search(header)
                if found and not _GROWTH.search(header):
                    columns[column] = found.group()
            continue
        for column, name in columns.items():
            if column >= len(cells):
                continue
            a, b = cells[column]
            cell = _PERCENT_CELL.fullmatch(para.text, a + 1, b)
            if cell is not None and Decimal(cell.group(1)) > 100:
                yield Finding(para.span(cell.start(1), cell.end(1) + 1), _over_100(name, cell.group(1)))


_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")


# --- NB023 -------------------------------------------------------------------------------------


def _amount(suffix: str = "", name: str = "") -> str:
    """A figure and its unit (:attr:`NumberPack.breakdown_units`), in groups ``n``, ``k`` (万, 亿) and ``q`` (each
    after ``name``: ``part_n`` …)."""
    units = alternation(_pack().breakdown_units)
    # (not the end of a figure grouped with commas: the 842 of 6,842户, which NB026 reports)
    return rf"(?<!\d,)(?P<{name}n>\d+(?:\.\d+)?)[ \t]*(?P<{name}k>[万亿])?[ \t]*(?P<{name}q>{units}){suffix}"


@dataclass(frozen=True, slots=True)
class _Amounts:
    """NB023's patterns, built from the pack's units once per process."""

    #: 共…N件…其中: a total announced before its breakdown
    total: re.Pattern[str]
    #: any figure with its unit
    part: re.Pattern[str]
    #: a total and the start of its breakdown: 办理案件456件，其中简易程序213件、一般程序268件; 技术人员57人（医师14人、
    #: 护士26人）; 工作室9个：省级2个、市级4个; 市场主体4.26万户，同比增长7.8%，其中…… (its change in between).  Any
    #: figure may be the total (the breakdown says it is one); 第3名 and 前10名 are ranks.
    breakdown: re.Pattern[str]
    #: one part: a label (which may hold a bracketed aside: 半托管（单环节托管）26.1万亩), its figure, the part's own
    #: breakdown in brackets (skipped) and its share (男性120人，占52%)
    segment: re.Pattern[str]
    #: a figure listed after 分别
    listed: re.Pattern[str]
    #: a figure, then in its clause 其中 and one part (帮助86名失业人员实现再就业，其中就业困难人员92名)
    single: re.Pattern[str]


@cache
def _amounts() -> _Amounts:
    return _Amounts(
        total=re.compile(r"(?:共|累计|合计|总计)[^，。；\d]{0,10}?" + _amount() + r"(?P<rest>[^。；]*?)其中"),
        part=re.compile(_amount()),
        breakdown=re.compile(
            r"(?<![\d.第前])"
            + _amount()
            + r"(?:[（(][^（()）\d]{1,2}[）)])?"  # (台（套）, 个（家）: the unit and another way of counting)
            + r"(?P<gap>[^，,。；;！？（(：:\d、]{0,8}?)"
            + r"(?:[，,](?:同比|环比|比上年|较上年|比去年|较去年)[^，,。；;！？]{0,12}?(?=[，,]其中))?"
            # (the amount of the whole in between, when the first part is in the unit of the total: 重点项目14个，总投资
            # 12.8亿元，其中续建项目6个……)
            + r"(?:[，,](?:计划)?(?:总投资|投资总额|总金额|总造价|总面积|建筑面积|总产值)[^，,。；;！？]{0,12}?"
            + r"(?=[，,]其中[：:]?[^，,。；;！？、\d]{1,16}?\d+(?:\.\d+)?[ \t]*[万亿]?[ \t]*(?P=q)))?"
            + r"(?P<intro>[，,（(]?其中[：:]?|（|\(|：|:)"
        ),
        segment=re.compile(
            rf"(?P<label>(?:{_label_char()}|[（(][^（()）\d]{{1,10}}[）)]){{1,16}}?)"
            + _amount()
            + r"(?:[ \t]*[（(][^（()）]*[）)])?"
            + r"(?:[，,]?占[^，,。；;、\d]{0,6}?\d+(?:\.\d+)?[ \t]*[%％])?"
        ),
        listed=re.compile(_amount(r"(?:[ \t]*(?:[、，,]|和|及)[ \t]*)?")),
        single=re.compile(
            r"(?<![\d.第前])"
            + _amount()
            + r"(?:[（(][^（()）\d]{1,4}[）)])?"  # (件（套）)
            + r"(?P<gap>[^，,。；;！？（(：:\d、]{0,12}?)[，,]其中[：:]?"
            + rf"(?P<label>{_label_char()}{{1,16}}?)"
            + _amount(name="part_")
        ),
    )


def _label_char() -> str:
    """A character of a part's label: no mark that ends the part, and no figure but one that is not an amount (the
    35 of 35岁以下教师, the 4 of 4A级景区)."""
    units = alternation(_pack().breakdown_units)
    return rf"(?:[^\d、，,。；;！？（()）：:]|\d+(?![\d.])(?![ \t]*[万亿]?[ \t]*(?:{units})))"


_SCALE = {None: 1, "万": 10_000, "亿": 100_000_000}


@check("NB023")
def part_exceeds_total(ctx: Context) -> Iterator[Finding]:
    reported: set[tuple[int, int]] = set()  # (block, start of the total) of the totals reported here
    amounts = _amounts()
    for block, m in ctx.views.matches(amounts.total):
        total = _value(m)
        unit = m.group("q")
        if any(_bounded_by(figure.group("q"), unit) for figure in amounts.part.finditer(m.group("rest"))):
            continue  # (其中 breaks down a nearer figure: 累计接收23名，解除19名，目前在册31名，其中缓刑28名)
        # (the clause of 其中 only: a comma after it begins another statement, 其中报告书9个、报告表55个，完成备案213个)
        clause = _CLAUSE_END_AFTER.search(block.text, m.end() + 1)
        clause_end = len(block.text) if clause is None else clause.start()
        for part in amounts.part.finditer(block.text, m.end(), clause_end):
            if part.group("q") != unit or block.masked(part.start(), part.end()):
                continue
            if _value(part) > total:
                reported.add((id(block), m.start("n")))
                yield Finding(
                    block.span(part.start(), part.end()),
                    f"部分大于总数：前面说共{_said(m)}，其中一项却有{part.group()}，请核对数字",
                )
    yield from _part_over_figure(ctx, reported)
    yield from _parts_over_total(ctx, reported)
    yield from _more_than_the_whole(ctx)
    yield from _more_back_than_out(ctx)


#: What comes back of what went out, which can not be more (发放问卷1200份，回收有效问卷1286份; 应到52人，实到55人): the
#: verb of the first figure, then that of the second, in the same sentence.
_OUT_AND_BACK = re.compile(
    r"(?P<out>发放|发出|应到|应参会|应参训|应参考|应考)[^，,。；;！？\d]{0,8}?(?=\d)"
    r"|(?P<back>回收|收回|实到|实参会|实参训|实参考|实考)[^，,。；;！？\d]{0,10}?(?=\d)"
)
#: What may come back of what went out, by the verb of each.
_COMES_BACK = {
    "发放": ("回收", "收回"),
    "发出": ("回收", "收回"),
    "应到": ("实到",),
    "应参会": ("实参会", "实到"),
    "应参训": ("实参训", "实到"),
    "应参考": ("实参考", "实考"),
    "应考": ("实考", "实参考"),
}


def _more_back_than_out(ctx: Context) -> Iterator[Finding]:
    """A figure of what came back larger than that of what went out before it in the sentence: 共发放问卷1200份，
    回收有效问卷1286份; 应到52人，实到55人."""
    amount = _amounts().part
    for block, m in ctx.views.matches(_OUT_AND_BACK):
        if m.group("out") is None:
            continue
        out = amount.match(block.text, m.end())
        if out is None:
            continue
        end = _breakdown_end(block.text, out.end())
        for back in _OUT_AND_BACK.finditer(block.text, out.end(), end):
            if back.group("out") is not None:
                break  # (another pair begins)
            figure = amount.match(block.text, back.end())
            if back.group("back") not in _COMES_BACK[m.group("out")] or figure is None:
                continue
            if _same_unit(figure.group("q"), out.group("q")) and _value(figure) > _value(out) + _rounding(out):
                yield Finding(
                    block.span(back.start(), figure.end()),
                    f"收回的多于发出的：前面{m.group('out')}{out.group()}，这里{back.group('back')}却有{figure.group()}，请核对数字",
                )
            break


#: The whole of a kind the writer's unit has (全村共有脱贫户46户, 全镇现有养殖场12家): a later figure of the same kind
#: in the same paragraph may not pass it.
_WHOLE = re.compile(
    r"全(?:村|镇|乡|社区|街道|校|院|所|站|厂|公司|县|区|市)(?:共有|现有|共)(?P<label>[\u4e00-\u9fff]{2,6}?)"
    r"(?=\d)"
)


def _more_than_the_whole(ctx: Context) -> Iterator[Finding]:
    """A figure of a kind, later in the paragraph that gives the whole of that kind, larger than the whole
    (全村共有脱贫户46户……帮助48户脱贫户): the same label right after the figure, or right before it, in the whole's
    unit (人, 名 and 位 alike)."""
    amount = _amounts().part
    for block, m in ctx.views.matches(_WHOLE):
        whole = amount.match(block.text, m.end())
        if whole is None:
            continue
        label, total = re.escape(m.group("label")), _value(whole)
        mention = re.compile(rf"(?<![\d.]){_amount()}{label}|{label}{_amount(name='part_')}")
        for later in mention.finditer(block.text, whole.end()):
            name = "" if later.group("n") is not None else "part_"
            if not _same_unit(later.group(f"{name}q"), whole.group("q")) or _value(later, name) <= total:
                continue
            said = f"{block.text[m.start() : m.end()]}{_said(whole)}"
            yield Finding(
                block.span(later.start(), later.end()),
                f"部分大于总数：前面说{said}，这里却有“{later.group()}”，请核对数字",
            )


def _bounded_by(part: str, total: str) -> bool:
    """Whether a part in the unit ``part`` may not be larger than a total in ``total``: the same unit, people (人, 名,
    位) against their visits (人次), households against theirs (户次), and so on."""
    return _same_unit(part, total) or total == f"{part}次" or (part in _PEOPLE and total == "人次")


def _clause_before(text: str, at: int) -> str:
    """The clause of ``text`` up to ``at``: from the last mark that ends one."""
    return text[_clause_start(text, at, 0, "，,。；;：:") : at]


def _clause_start(text: str, at: int, floor: int, marks: str = "，,；;") -> int:
    """Where the clause holding ``at`` begins (after the last of ``marks`` before it), not before ``floor``."""
    return max(floor, *(text.rfind(mark, floor, at) + 1 for mark in marks))


def _part_over_figure(ctx: Context, reported: set[tuple[int, int]]) -> Iterator[Finding]:
    """A figure followed in its clause by 其中 and a part larger than it: 帮助86名失业人员实现再就业，其中就业困难人员
    92名; 培训妇女2156人次，其中取得证书的2380人 (people are fewer than their visits)."""
    for block, m in ctx.views.matches(_amounts().single):
        if (id(block), m.start("n")) in reported:
            continue
        clause = _clause_before(block.text, m.start("n"))
        if _CHANGE_BEFORE.search(clause + m.group("gap")) or _APPROXIMATE.search(clause) or _AVERAGE.search(clause):
            continue
        if _PER_UNIT.search(clause):
            continue
        if any(_bounded_by(figure.group("q"), m.group("q")) for figure in _amounts().part.finditer(clause)):
            continue  # one figure of several (在编人员6名、聘用人员3名，其中持证人员7名): the total is not written
        if _NOT_A_PART.search(m.group("label")) or not _bounded_by(m.group("part_q"), m.group("q")):
            continue
        total = _value(m)
        if _value(m, "part_") <= total + _rounding(m):
            continue
        reported.add((id(block), m.start("n")))
        part = block.text[m.start("part_n") : m.end()]
        yield Finding(
            block.span(m.start("part_n"), m.end()),
            f"部分大于总数：前面说{_said(m)}，其中一项却有{part}，请核对数字",
        )


_SEPARATOR = re.compile(r"[ \t]*(?P<sep>[、，,]|以及|和|及|与)[ \t]*")
#: Labels, then their figures: 其中一等奖、二等奖、三等奖分别为3人、5人、6人.
_RESPECTIVELY = re.compile(r"分别(?:为|是|有|达到?)?")
_LABEL_SEPARATOR = re.compile(r"[、，,]|以及|和|及|与")
#: A bracketed aside in a part's label, left out when labels are compared (半托管（单环节托管）beside 全托管).
_ASIDE = re.compile(r"[（(][^（()）]*[）)]")
#: Where the parts of a breakdown end: the sentence, a semicolon (the next item of a list), a bracket closed.
_BREAKDOWN_END = frozenset("。；;！？")
#: A clause that is not one more part but a new statement (总量达到2.8万人, 同比增长) or a breakdown of its own.
_NOT_A_PART = re.compile(r"总量|总数|总计|合计|累计|共计|共有|达到|同比|环比|较上年|比上年|其中")
#: Where the clause of 其中 ends.
_CLAUSE_END_AFTER = re.compile("[，,。；;！？]")
#: A total that is a change (比上年增加4000亿元，其中…; 较上年净增2917户，其中…): its breakdown is of another figure,
#: or has parts that went the other way.
_CHANGE_BEFORE = re.compile(r"(?:比|较)[^，,。；;]{0,10}?(?:增|减|降|多|少|提高|上升)|净[增减]|同比|环比")
#: An average (年均超收2040亿元，其中去年超收2573亿元): one of the figures it averages may be larger.
_AVERAGE = re.compile("[年平人户日月周亩]均")
#: A rate per head or per unit right before the figure (抽检量达到每千人6.1批次, 每百户12辆): no total of any parts.
_PER_UNIT = re.compile(r"每[十百千万]?[^\W\d_]{0,3}$")
#: An approximate figure (约1800人, 近千人): its parts may add up to a little more.
_APPROXIMATE = re.compile(r"(?:约|近|逾|超过|大约|将近)$")
#: What sets a part apart when parts may overlap: a group one belongs to besides (党员, 女职工, 骨干, 留守儿童), a level
#: "or above" (本科以上, 35岁以下), a grade of title or a qualification beside another (高级讲师、“双师型”教师), an
#: honour (先进个人; not the industry 先进制造), a status (已整改, 新增), an inclusion (含).  Read on the labels without
#: the ending they share: 离退休党员、在职党员 split the party members, 党员教师、女教师 may be the same teachers.
_OVERLAPPING = re.compile(
    r"党员|团员|女|少数民族|学历|学位|职称|以上|以下|以内|岁|退役|残疾|低保|贫困|脱贫|留守|寄宿|住校|骨干|青年|优秀"
    r"|先进(?!制造|技术|材料|装备|工艺|计算|适用)"  # (先进个人 an honour; 先进制造 an industry, no group besides)
    r"|带头|班主任|新增|已|未|尚|含|包括|高级|中级|初级|正高|副高|双师"
)
#: Parts that split a whole between them: one of these pairs (线上、线下), or labels that end alike (一等奖、二等奖,
#: 省级、市级, 集中供养、分散供养).
_COMPLEMENTS = ({"线上", "线下"}, {"城镇", "农村"}, {"男", "女"}, {"公办", "民办"}, {"城区", "农村"})
#: People counted with 人, 名 or 位 are counted alike (共有12名学生获奖，其中一等奖2人).
_PEOPLE = frozenset({"人", "名", "位"})


@dataclass(frozen=True, slots=True)
class _Part:
    label: str
    value: Decimal
    number: str  # as written, for the message
    scale: str | None
    unit: str
    end: int  # end of its figure in the block text
    start: int  # start of its figure

    @classmethod
    def read(cls, label: str, m: re.Match[str]) -> _Part:
        return cls(label, _value(m), m.group("n"), m.group("k"), m.group("q"), m.end("q"), m.start("n"))


@dataclass(frozen=True, slots=True)
class _Breakdown:
    parts: list[_Part]
    #: how much more than the total the parts may add up to by rounding
    slack: Decimal
    #: whether a comma joins two parts (a comma may also begin a new statement with a figure of the same unit)
    commas: bool
    #: a part joined to the one before it by 、 that is larger than the total by itself (隐患416项，其中重大隐患12项、
    #: 一般隐患420项): the list goes on, so the figure is no new statement
    over: _Part | None = None


def _same_unit(a: str, b: str) -> bool:
    return a == b or (a in _PEOPLE and b in _PEOPLE)


def _value(m: re.Match[str], name: str = "") -> Decimal:
    """The figure of an amount (groups ``n`` and ``k`` after ``name``, :func:`_amount`) as a number."""
    return Decimal(m.group(f"{name}n")) * _SCALE[m.group(f"{name}k")]


def _said(m: re.Match[str], name: str = "") -> str:
    """An amount as the text writes it, without spaces: its figure, 万 or 亿, and its unit (12.8亿元)."""
    return f"{m.group(f'{name}n')}{m.group(f'{name}k') or ''}{m.group(f'{name}q')}"


def _rounding(m: re.Match[str], name: str = "") -> Decimal:
    """Half a unit of the last digit of the figure (groups ``n`` and ``k`` after ``name``) when it may be rounded (a
    decimal, or written in 万 or 亿)."""
    figure, scale = m.group(f"{name}n"), m.group(f"{name}k")
    if "." not in figure and scale is None:
        return Decimal(0)
    return Decimal(5).scaleb(-len(figure.partition(".")[2]) - 1) * _SCALE[scale]


def _breakdown_end(text: str, start: int) -> int:
    """Where the parts after ``start`` end: the end of the sentence or of the bracket they stand in."""
    depth = 0
    for i in range(start, len(text)):
        char = text[i]
        if char in _BREAKDOWN_END:
            return i
        if char in "（(":
            depth += 1
        elif char in "）)":
            if depth == 0:
                return i
            depth -= 1
    return len(text)


def _respective(text: str, labels: str, at: int, end: int, m: re.Match[str]) -> _Breakdown | None:
    """The parts of 其中一等奖、二等奖分别为3人、5人: the figures after 分别 (from ``at``), one for each label."""
    parts, slack, listing = [], _rounding(m), _amounts().listed
    while (listed := listing.match(text, at, end)) is not None and _same_unit(listed.group("q"), m.group("q")):
        parts.append(_Part.read("", listed))
        slack += _rounding(listed)
        at = listed.end()
    names = [label.strip() for label in _LABEL_SEPARATOR.split(labels)]
    if len(parts) != len(names) or any(part.value > _value(m) for part in parts):
        return None
    return _Breakdown([replace(part, label=name) for name, part in zip(names, parts, strict=True)], slack, False)


def _parts(block: Block, m: re.Match[str]) -> _Breakdown | None:
    """The parts of the breakdown after ``m`` in the total's unit.

    The list stops at anything that is not one more part: text without a figure, another unit, a new statement
    (:data:`_NOT_A_PART`), a figure larger than the total, once the parts add up to the total exactly (unless a colon
    announced them: 其中：…… lists the whole, and one more part is one too many), and at a
    comma when the parts are listed with 、 (其中食品企业40家、药品企业30家，发现问题企业25家).  Parts joined by
    commas, then by 、, are read as a part and its own breakdown (职工78人，其中专业技术人员66人，医师21人、护士30人):
    nothing is said of them.
    """
    text, total = block.text, _value(m)
    start, end = m.end(), _breakdown_end(block.text, m.end())
    respectively = _RESPECTIVELY.search(text, start, end)
    if respectively is not None and not any(char.isdigit() for char in text[start : respectively.start()]):
        return _respective(text, text[start : respectively.start()], respectively.end(), end, m)
    parts, slack, separators = [], _rounding(m), ""
    at, added = start, Decimal(0)
    through = m.group("intro")[-1] in "：:"
    over = None
    while (part := _amounts().segment.match(text, at, end)) is not None:
        label = _ASIDE.sub("", part.group("label")).strip()
        value = _value(part)
        if not _same_unit(part.group("q"), m.group("q")) or _NOT_A_PART.search(label):
            break
        if value > total:
            if separators[-1:] == "、" and value > total + _rounding(m) + _rounding(part):
                over = _Part.read(label, part)
            break
        parts.append(_Part.read(label, part))
        slack += _rounding(part)
        added += value
        if (added == total and not through) or (separator := _SEPARATOR.match(text, part.end(), end)) is None:
            break
        sep = "，" if separator.group("sep") in "，," else "、"  # (和, 及 and 与 join like 、)
        if separators[:1] == "、" and sep == "，":
            break  # a list written with 、 ends at a comma
        if separators[:1] == "，" and sep == "、":
            return None  # the part before is broken down after it: 专业技术人员66人，医师21人、护士30人
        separators += sep
        at = separator.end()
    return _Breakdown(parts, slack, "，" in separators, over)


def _parts_over_total(ctx: Context, reported: set[tuple[int, int]]) -> Iterator[Finding]:
    """A total whose parts, introduced as its breakdown, add up to more."""
    for block, m in ctx.views.matches(_amounts().breakdown):
        if (id(block), m.start("n")) in reported:
            continue  # (one part over the total is reported above)
        clause = _clause_before(block.text, m.start("n"))
        if _CHANGE_BEFORE.search(clause) or _APPROXIMATE.search(clause) or _PER_UNIT.search(clause):
            continue
        breakdown = _parts(block, m)
        if breakdown is not None and breakdown.over is not None:
            over = breakdown.over
            part = f"{over.label}{over.number}{over.scale or ''}{over.unit}"
            message = f"部分大于总数：前面说{_said(m)}，其中一项却有{part}，请核对数字"
            yield Finding(block.span(over.start, over.end), message)
            continue
        if breakdown is None or len(breakdown.parts) < 2:
            continue
        parts = breakdown.parts
        added = sum((part.value for part in parts), Decimal(0))
        if added - _value(m) <= breakdown.slack:
            continue
        # (parts announced by a colon, three or more, each a bare figure, up to the sentence's end: 其中：政府安排28名，
        # 自主就业156名，退休2名。 a list of the whole, whatever joins its items)
        announced = (
            m.group("intro")[-1] in "：:"
            and len(parts) >= 3
            and block.text[parts[-1].end : parts[-1].end + 1] in _LIST_END
        )
        labels = [part.label for part in parts]
        named = all(label in clause for label in labels)  # (共探访特困老年人、留守老年人等2350人次，其中特困老年人……)
        severity = _severity(labels, breakdown.commas, announced, named, clause)
        if severity is None:
            continue
        said = _said(m)
        hedge = "数字有矛盾" if severity is Severity.WARNING else "如各项互不重叠"
        yield Finding(
            block.span(m.start("n"), parts[-1].end),
            f"分项之和大于总数：{_addition(parts, added, m.group('k'))}，总数却是{said}；{hedge}，请核对",
            severity=severity,
        )


#: What follows the last part of a list announced by a colon: the sentence's end.
_LIST_END = ("。", "；", ";", "")


def _severity(
    labels: list[str], commas: bool, announced: bool = False, named: bool = False, total: str = ""
) -> Severity | None:
    """How sure parts so labelled, adding up to more than their total, are a mistake.

    A warning when the labels show the parts split the whole (:func:`_split_whole`), a colon announced them as a list
    of it (``announced``) or the total's own clause names each of them (``named``: 共慰问困难职工、劳动模范等386人次，
    其中困难职工……); a hint when nothing shows they may overlap, the parts are listed with 、 and the labels say
    nothing of a split (医师、护士、医技人员), or when they may overlap (:data:`_OVERLAPPING`) but the total names them
    (共探访特困老年人、留守老年人等2350人次); nothing when they may overlap otherwise, or when a comma joins parts whose
    labels do not show a split (the comma may begin a new statement).  A mark of overlap that the ``total``'s own clause
    holds too, where it does not list the parts, sets no part apart (共接收各类退役军人386名，其中退役士兵352名、
    转业军官21名: all are 退役).
    """
    if not all(labels) or any(_APPROXIMATE.search(label) for label in labels):
        return None
    if _complements(labels):
        return Severity.WARNING
    marks = {m.group() for head in _heads(labels) for m in _OVERLAPPING.finditer(head)}
    if any(named or mark not in total for mark in marks):
        return Severity.INFO if named and len(labels) >= 2 else None
    if announced or named or _split_whole(labels):
        return Severity.WARNING
    return None if commas else Severity.INFO


def _heads(labels: list[str]) -> list[str]:
    """The labels without the ending they share (离退休党员、在职党员 → 离退休、在职)."""
    shared = 0
    while shared < min(map(len, labels)) and len({label[len(label) - shared - 1] for label in labels}) == 1:
        shared += 1
    return [label[: len(label) - shared] for label in labels]


def _complements(labels: list[str]) -> bool:
    """Whether the labels, or what sets them apart, end with the two words of a pair that splits a whole (线上培训、
    线下培训; 男党员、女党员): see :data:`_COMPLEMENTS`."""
    return any(
        {next((word for word in pair if label.endswith(word)), None) for label in named} == pair
        for named in (labels, _heads(labels))
        for pair in _COMPLEMENTS
    )


def _addition(parts: list[_Part], added: Decimal, scale: str | None) -> str:
    """98+47+14=159名, or with the units when the parts are written in several (3.84亿元+1865万元=4.0265亿元, in the
    total's scale)."""
    if len({(part.scale, part.unit) for part in parts}) == 1:
        scale = parts[0].scale
        terms = "+".join(part.number for part in parts)
    else:
        terms = "+".join(f"{part.number}{part.scale or ''}{part.unit}" for part in parts)
    return f"{terms}={(added / _SCALE[scale]).normalize():f}{scale or ''}{parts[-1].unit}"


def _split_whole(labels: list[str]) -> bool:
    """Whether parts so labelled split a whole between them: one of :data:`_COMPLEMENTS`, or distinct labels ending
    alike."""
    return _complements(labels) or (len({label[-1] for label in labels}) == 1 and len(set(labels)) == len(labels))


# --- NB024 -------------------------------------------------------------------------------------

_MMDD = r"(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
_COMPACT_DATES = (
    re.compile(rf"(?=[（(])(?<=总结|周报|日报|月报|小结|记录|汇报|计划)[（(]{_MMDD}[）)]"),  # 工作总结（0831）
    re.compile(rf"^[ \t\u3000]*{_MMDD}(?=[ \t\u3000]+[{_CJK}])"),  # 0903 存在问题
)


@check("NB024")
def compact_date(ctx: Context) -> Iterator[Finding]:
    found = (hit for pattern in _COMPACT_DATES for hit in ctx.views.matches(pattern))
    for block, m in found:
        month, day = int(m.group("m")), int(m.group("d"))
        if day > calendar.monthrange(2024, month)[1]:
            continue
        written = f"{month}月{day}日"
        span = block.span(m.start("m"), m.end("d"))
        yield Finding(
            span,
            f"日期不要写成四位数字“{m.group('m')}{m.group('d')}”：应写作“{written}”",
            fix=Fix.unsafe(Edit(span, written)),
        )


# --- NB025 -------------------------------------------------------------------------------------

_PCT = r"(?P<{n}>\d+(?:\.\d+)?)[ \t]*[%％]"
_RISE = "提高|提升|上升|增长|增加|升高"
_FALL = "下降|降低|减少|回落|下滑"
#: 由31.5%下降至28.7%，下降了2.8%: a change between two rates, then the difference written with % (a share of a rate).
_FROM_TO = re.compile(
    r"(?:由|从)[^，。；%％]{0,12}?"
    + _PCT.format(n="a")
    + rf"(?:{_RISE}|{_FALL}|降|升|增)?(?:至|到|为)"
    + r"[^，。；%％]{0,12}?"
    + _PCT.format(n="b")
    + rf"[，,]?(?:{_RISE}|{_FALL}|[增降升]幅为?|[增降]了)了?"
    + _PCT.format(n="d")
)
#: A rate's name, the verb before its value, and what it is compared with (较上年, 比年初的).
#: (the ratios written as percentages are rates too: 存贷比, 资产负债比; so is a satisfaction given as a percentage,
#: 满意度; 占比合计为 sums shares)
_RATE_NAME = f"[{_CJK}]{{0,4}}(?:率|占比|比重|比例|存贷比|贷存比|负债比|收支比|满意度)"
_RATE_VERB = "(?:合计|总体|平均|综合)?(?:为|达到?|是)"
_COMPARED_WITH = r"[，,]?(?:较|比)[^，。；%％\d]{0,8}?"
#: 收缴率94.1%，较上年的91.6%提高了2.5%: a rate, the rate it is compared with, then the difference written with %.
_COMPARED = re.compile(
    _RATE_NAME
    + _RATE_VERB
    + "?"
    + _PCT.format(n="b")
    + _COMPARED_WITH
    + _PCT.format(n="a")
    + rf"[，,]?(?:{_RISE}|{_FALL})了?"
    + _PCT.format(n="d")
)
#: 不良贷款率0.86%，较年初下降0.12%: a rate, then its change since a date written with %.
_RATE_CHANGE = re.compile(
    rf"(?P<name>{_RATE_NAME}){_RATE_VERB}?"
    + _PCT.format(n="v")
    # (较年初, 比上年: 同比 and 环比, 增长 and 减少 are said of the quantity before the rate more often)
    + _COMPARED_WITH
    + "(?:提高|提升|上升|下降|降低|回落)了?"
    + _PCT.format(n="d")
)
#: 规范管理率分别为78.4%和76.1%，较上年分别提高3.2%和2.8%: the same for rates listed with 分别.
_RATES_CHANGE = re.compile(
    rf"(?P<name>{_RATE_NAME})分别{_RATE_VERB}"
    + _PCT.format(n="v")
    + r"(?:和|与|、)"
    + _PCT.format(n="w")
    + _COMPARED_WITH
    + "分别(?:提高|提升|上升|下降|降低|回落)了?"
    + _PCT.format(n="d")
    + r"(?:和|与|、)"
    + _PCT.format(n="e")
)
#: How far the difference written may stand from the difference of the two rates (rounding).
_POINTS_TOLERANCE = Decimal("0.05")


@check("NB025")
def percentage_points(ctx: Context) -> Iterator[Finding]:
    for block, m in chain(ctx.views.matches(_FROM_TO), ctx.views.matches(_COMPARED)):
        difference = abs(Decimal(m.group("a")) - Decimal(m.group("b")))
        if abs(difference - Decimal(m.group("d"))) > _POINTS_TOLERANCE:
            continue  # (a relative change: 由20%提高到30%，提高了50%)
        yield Finding(
            block.span(m.start("d"), m.end()),
            f"两个百分比之差是百分点：从{m.group('a')}%到{m.group('b')}%相差{m.group('d')}个百分点，"
            f"不是{m.group('d')}%",
            fix=Fix.unsafe(Edit(block.span(m.end() - 1, m.end()), "个百分点")),
        )
    for pattern in (_RATE_CHANGE, _RATES_CHANGE):
        for block, m in ctx.views.matches(pattern):
            listed = "w" in m.re.groupindex  # (two rates and their changes, with 分别)
            rates = f"{m.group('v')}%和{m.group('w')}%" if listed else f"{m.group('v')}%"
            points = f"{m.group('d')}个和{m.group('e')}个百分点" if listed else f"{m.group('d')}个百分点"
            yield Finding(
                block.span(m.start("d"), m.end()),
                f"比率的升降一般用百分点表示：{m.group('name')}{rates}的变化若是两个比率之差，"
                f"应写作“{points}”；若是相对变化，宜写明基数",
                severity=Severity.INFO,
            )


# --- NB026 -------------------------------------------------------------------------------------

#: A figure grouped by thousands with commas (1,826 / 31,586.5) in Chinese text: a Chinese character
#: right before or after it (English text and code group figures their own way).
_GROUPED = re.compile(
    rf"(?:(?<=[{_CJK}])|(?<=[{_CJK}][ \t]))(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,])"
    rf"|(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,])(?=[ \t]?[{_CJK}%％])"
)
#: A figure of four or more digits written without grouping (1826人, 31586): not a year (2023年, 2021—2025),
#: a number (编号20230115) or a part of a code.
_UNGROUPED = re.compile(rf"(?<![\d.,A-Za-z_/-])\d{{4,}}(?:\.\d+)?(?![\d,A-Za-z_/年—–-])(?=[ \t]?[{_CJK}%％])")


@check("NB026")
def digit_grouping(ctx: Context) -> Iterator[Finding]:
    grouped = list(ctx.views.matches(_GROUPED))
    if not grouped:
        return
    plain = sum(1 for _ in ctx.views.matches(_UNGROUPED))
    lone = plain == 0 and len(grouped) == 1  # (the document's only long figure: no convention either way)
    if plain < len(grouped) and not lone:
        return  # the comma is the document's convention: GB/T 15835-2011 allows it outside specialist texts
    for block, m in grouped:
        figure = m.group()
        commas = [m.start() + i for i, ch in enumerate(figure) if ch == ","]
        bare = figure.replace(",", "")
        why = (
            f"全文只有这一个多位数，用了千分撇写作“{figure}”，宜写作“{bare}”"
            if lone
            else f"多位数分节不统一：全文有{plain}处多位数不分节，这里却用千分撇写作“{figure}”，应统一写作“{bare}”"
        )
        yield Finding(
            block.span(m.start(), m.end()),
            why + "（公文正文中的数字一般不分节）",
            severity=Severity.INFO if lone else None,
            fix=Fix.unsafe(*(Edit(block.span(at, at + 1), "") for at in commas)),
        )


# --- NB020 -------------------------------------------------------------------------------------

#: unit families: the forms one document should not mix (only after a figure)
_UNIT_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("千米", ("公里", "千米", "km", "KM", "Km")),
    ("千克", ("公斤", "千克", "kg", "KG", "Kg")),
    ("平方米", ("平方米", "m²", "m2", "㎡")),
    ("千瓦", ("千瓦", "kW", "KW", "kw")),
    ("千伏", ("千伏", "kV", "KV", "kv")),
)
_UNIT_FORMS = {form: family for family, forms in _UNIT_FAMILIES for form in forms}
_UNIT_AFTER_FIGURE = re.compile(
    r"(?<=[\d０-９])[ \t]*(?P<u>"
    + "|".join(re.escape(f) for f in sorted(_UNIT_FORMS, key=len, reverse=True))
    + r")(?![A-Za-z0-9²时])"
)


@check("NB020")
def unit_form_consistency(ctx: Context) -> Iterator[Finding]:
    uses: dict[str, list[tuple[Block, re.Match[str]]]] = {}
    for block, m in ctx.views.matches(_UNIT_AFTER_FIGURE):
        uses.setdefault(_UNIT_FORMS[m.group("u")], []).append((block, m))
    for found in uses.values():
        counts = Counter(m.group("u") for _, m in found)
        if len(counts) < 2:
            continue
        usual = counts.most_common(1)[0][0]
        for form in counts:
            if form == usual:
                continue
            block, m = next((b, m) for b, m in found if m.group("u") == form)
            yield Finding(
                block.span(m.start("u"), m.end("u")),
                f"同一单位写法不统一：全文{counts[usual]}处用“{usual}”，这里用“{form}”，应统一",
            )


# --- NB027 -------------------------------------------------------------------------------------

#: a rate named by what it counts (激活率85.6%, 接入率达98.4%; ``stem``: the two characters before 率) or a share of a
#: total (占比24.6%), with its value
_RATE_STATED = re.compile(
    r"(?:(?P<stem>[\u4e00-\u9fff]{2})率|(?P<share>占比)|占(?P<of>[\u4e00-\u9fff]{2,12}?)的(?:比例|比重)?)"
    r"[ \t]*(?:为|是|达到|达|仅为|仅|约为|约)?[ \t]*(?P<p>\d+(?:\.\d+)?)[ \t]*[%％]"
)
#: what names the number of a whole after what it counts (占初筛异常人数的30%: 初筛异常)
_COUNT_NOUN = re.compile(r"(?:总人数|总户数|总数|人数|户数|数量|总量|总额|总和|件数|次数)$")
#: what tells a rate of something else, or several rates (较上年提高, 分别为, 由……提高到)
_RATE_ASIDE = re.compile(r"分别|同比|环比|较|比上年|比去年|增长|增加|减少|下降|提高|提升|上升|降低|由")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_MARKS = re.compile(r"[，,；;]")


@check("NB027")
def rate_mismatch(ctx: Context) -> Iterator[Finding]:
    amount = _amounts().part
    for block, m in ctx.views.matches(_RATE_STATED):
        text = block.text
        stated = float(m.group("p"))
        if stated == 100 or (stated > 100 and not (m.group("stem") and _RATIO_STEM.fullmatch(m.group("stem")))):
            # (a full rate is said of a total its listed parts make up: 机关9人、企业3人，安置率100%; a share over
            # 100% is NB022's, but a completion rate over 100% its figures put under it is this rule's:
            # 计划380户，已完成352户，完成率为102.6%)
            continue
        ends = [e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())]
        sentence = ends[-1] if ends else 0
        # (the figures since the last percentage: 完成99个，承接率46%；完成5个，承接率13% rates 5 of another total)
        percent = max(text.rfind("%", sentence, m.start()), text.rfind("％", sentence, m.start()))
        segment = max(sentence, percent + 1)
        if _RATE_ASIDE.search(text, _clause_start(text, m.start(), segment), m.end()):
            continue
        figures = [f for f in amount.finditer(text, segment, m.start()) if not block.masked(f.start(), f.end())]
        if len(figures) < 2:
            continue
        part = figures[-1]
        between = text[part.end() : m.start()]
        if _RATE_ASIDE.search(between) or len(_CLAUSE_MARKS.findall(between)) > 1:
            continue
        clause = _clause_start(text, part.start(), segment)
        if m.group("stem"):
            mark = _CLAUSE_MARKS.search(text, part.end(), m.start())
            if m.group("stem") not in text[clause : m.start() if mark is None else mark.start()]:
                continue  # (a rate of something the figure does not count: 结案1432件，按时办结率98.6%)
            wholes = [f for f in figures[:-1] if _same_unit(f.group("q"), part.group("q"))]
        elif m.group("of"):
            # (a share of a whole it names, whose figure follows that name: 初筛异常1200人……36例，占初筛异常人数的30%)
            named = _COUNT_NOUN.sub("", m.group("of"))
            if len(named) < 2:
                continue
            wholes = [f for f in figures[:-1] if text.endswith(named, 0, f.start())]
        else:
            among = text.rfind("其中", segment, part.start())
            listed = any(among < f.start() for f in figures[:-1])  # (parts listed after 其中, each with its figure)
            if among < 0 or between.strip(" \t，,") or listed:
                continue  # (a share of what the figure counts, right after it, of the total before 其中)
            wholes = [f for f in figures[:-1] if f.end() <= among and f.group("q") == part.group("q")]
        larger = [
            f
            for f in wholes
            if _value(f) > _value(part) > 0 and "、" not in _CN_ORDINALS.sub("", text[f.end() : part.start()])
        ]
        # (figures listed with 、 are parts of one total, not a whole and its part)
        if not larger or _some_ratio_fits(figures, stated):
            continue
        whole = larger[-1]
        ratio = float(_value(part) / _value(whole) * 100)
        if _fits_either(_value(part), _value(whole), stated):
            continue  # (of two units, which _some_ratio_fits does not pair: 12例 of 640人)
        yield Finding(
            block.span(m.start("p"), m.end()),
            f"比率与前面的数字不符：{part.group()}÷{whole.group()}≈{ratio:.1f}%，文中写作{m.group('p')}%，请核对",
        )
    yield from _change_mismatch(ctx)


_FALLS = ("下降", "减少", "降低", "压减", "缩减", "降幅")


@cache
def _changes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A change stated with both its figures, then its percentage: 到账1.82亿元，较上年的1.45亿元增长25.5% (this year's
    figure first), and 由48次下降至30次，同比下降37.5% (the earlier figure first).  Only the verb (after 同比 or 比上年)
    may stand between the figures and the percentage: 平均每年实际增长, 按可比价格计算增长 and 临时工使用量下降 state
    another change."""
    verb = (
        r"(?P<verb>增长|增加|提高|提升|上升|增幅|下降|减少|降低|降幅)(?:了|为|达)?[ \t]*(?P<p>\d+(?:\.\d+)?)[ \t]*[%％]"
    )
    since = r"(?:比|较)(?:上年|去年|上年同期|去年同期|同期|上年度)的?"
    after = re.compile(rf"(?<![\d.]){_amount()}[，,]?{since}[ \t]*{_amount(name='b_')}" + verb)
    moved = r"(?:增加|增长|提高|提升|上升|扩大|下降|减少|降低|压减|缩减)(?:到|至)"
    before = re.compile(
        rf"(?:由|从)(?:上年|去年)?的?{_amount(name='b_')}{moved}{_amount()}(?:[，,](?:同比|比上年|较上年)?)?" + verb
    )
    return after, before


def _change_mismatch(ctx: Context) -> Iterator[Finding]:
    """A percentage of change that its two figures do not give (more than :data:`RATE_TOLERANCE` off, whatever the
    rounding of the figures): 到账1.82亿元，较上年的1.45亿元增长35.5% (≈25.5%)."""
    for pattern in _changes():
        for block, m in ctx.views.matches(pattern):
            if not _same_unit(m.group("q"), m.group("b_q")):
                continue
            now, then = _value(m), _value(m, "b_")
            if then <= 0:
                continue
            sign = -1 if m.group("verb") in _FALLS else 1
            slack_now, slack_then = _rounding(m), _rounding(m, "b_")
            changes = [
                float((a - b) / b * 100) * sign
                for a in (now - slack_now, now + slack_now)
                for b in (then - slack_then, then + slack_then)
                if b > 0
            ]
            stated = float(m.group("p"))
            if min(changes) - RATE_TOLERANCE <= stated <= max(changes) + RATE_TOLERANCE:
                continue
            change = float((now - then) / then * 100)
            direction = "增长" if change >= 0 else "下降"
            yield Finding(
                block.span(m.start("verb"), m.end()),
                f"变化幅度与前面的数字不符：由{_said(m, 'b_')}到{_said(m)}是{direction}约{abs(change):.1f}%，"
                f"文中写作“{m.group('verb')}{m.group('p')}%”，请核对",
            )


#: ordinals listed inside a noun (一、二类桥梁), which list no parts
_CN_ORDINALS = re.compile(r"[一二三四五六七八九十]、(?=[一二三四五六七八九十])")


def _some_ratio_fits(figures: list[re.Match[str]], stated: float) -> bool:
    """Whether two of ``figures`` of one unit give the ``stated`` rate, or what is left of it (审减率 of 审减金额 and
    送审金额, with 审定金额 between them; 按期交付4个，延期交付1个，按期交付率80%), or the smaller one over what is left
    of the larger (增值率 of 增值7.29亿元 over the base of 成交价款58.92亿元), or two counts one after the other over a
    larger one."""
    for small in figures:
        for large in figures:
            if small.group("q") != large.group("q"):
                continue
            a, b = _value(small), _value(large)
            if 0 < a < b and _fits_either(a, b, stated):
                return True
    # (or two counts one after the other over a larger one: 187家……54家单独建立党组织，96家……覆盖，覆盖率80.2%)
    for first, second in pairwise(figures):
        if first.group("q") != second.group("q"):
            continue
        joined = _value(first) + _value(second)
        if any(
            f.group("q") == first.group("q")
            and 0 < joined <= _value(f)
            and _fits(float(joined / _value(f) * 100), stated)
            for f in figures
        ):
            return True
    return False


def _fits_either(part: Decimal, whole: Decimal, stated: float) -> bool:
    """Whether ``stated`` is ``part`` of ``whole`` (or what is left of it, :func:`_fits`), or ``part`` over the rest of
    ``whole``: a rate of increase over a base that the text gives only with the increase added
    (成交价款58.92亿元，较底价增值7.29亿元，增值率14.12%: 7.29 of 51.63)."""
    return _fits(float(part / whole * 100), stated) or _fits(float(part / (whole - part) * 100), stated)


def _fits(ratio: float, stated: float) -> bool:
    """Whether a rate its figures give (or what is left of it) is the ``stated`` one, rounding aside."""
    return min(abs(ratio - stated), abs(100 - ratio - stated)) <= RATE_TOLERANCE


#: How far (in percentage points) a stated rate may stand from the one its figures give before NB027 reports it: the
#: writer may have rounded a figure (1.02万) or the rate; half a point is more than rounding explains.
RATE_TOLERANCE = 0.5
