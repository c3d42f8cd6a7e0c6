"""Family NB: numbers, ranges and dates (GB/T 15835-2011, GB/T 15834-2011 §4.13, GB/T 9704-2012 §7.3.5.4).

Content rules on the joined content blocks; masked text (URLs, e-mail addresses, file names, code)
is skipped.  Look-arounds never use ``\\w``, which matches Chinese characters in Python.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check
from summarylint.views.blocks import Block

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"


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
    #: NB005: characters before 二 that make it part of a word (星期二, 周二)
    er_word_before: list[str]


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
    rf"(?=\d)(?<![A-Za-z0-9\-/.:])(?P<a>{_NUMBER})[ \t]*(?P<sep>-{{1,3}}|－|–|~)[ \t]*(?P<b>{_NUMBER})"
    rf"(?![0-9\-/.:])(?=[ \t]*(?P<unit>[{_CJK}%％]))"
)
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
        if _excluded_range(block, m):
            continue
        sep = m.group("sep")
        want = _connector(m, block)
        span = block.span(m.start(), m.end())
        edit = Edit(block.span(m.end("a"), m.start("b")), want)
        shown = f"{m.group('a')}{want}{m.group('b')}"
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
            f"{kind}应使用“{want}”连接，“{m.group()}”应写作“{shown}”（{why}）",
            fix=Fix.unsafe(edit),
        )


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


@check("NB005")
def er_before_measure_word(ctx: Context) -> Iterator[Finding]:
    er, yi_er = _er_patterns()
    for block in ctx.views.candidates(er, yi_er):
        for m in block.finditer(er):
            word = block.text[m.start() : m.end() + 1]
            yield Finding(
                block.span(m.start(), m.end()),
                f"量词前表示数量用“两”不用“二”：“{word}”应写作“两{word[1:]}”",
                fix=Fix.safe(Edit(block.span(m.start(), m.end()), "两")),
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
_TO_HALF = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
    | {chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)}
    | {chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)}
    | {"．": "."}
)


@check("NB007")
def fullwidth_alnum(ctx: Context) -> Iterator[Finding]:
    runs = [(block, m) for block in ctx.views.candidates(_FULLWIDTH) for m in block.finditer(_FULLWIDTH)]
    digit_runs = [(b, m) for b, m in runs if any("０" <= ch <= "９" for ch in m.group())]
    # a document that sets all its figures in full width does so by design: say it once
    halfwidth = sum(len(_HALF_DIGITS.findall(b.text)) for b in ctx.views.blocks) if digit_runs else 0
    uniform = len(digit_runs) >= UNIFORM_MIN and len(digit_runs) >= UNIFORM_SHARE * (len(digit_runs) + halfwidth)
    reported_uniform = False
    for block, m in runs:
        run = m.group()
        half = run.translate(_TO_HALF)
        span = block.span(m.start(), m.end())
        fix = Fix.safe(Edit(span, half))
        if not any("０" <= ch <= "９" for ch in run):
            yield Finding(span, f"拉丁字母宜使用半角：“{run}”应写作“{half}”", severity=Severity.INFO, fix=fix)
        elif uniform and not reported_uniform:
            reported_uniform = True
            yield Finding(
                span,
                f"全文{len(digit_runs)}处阿拉伯数字都用了全角（如“{run}”），应使用半角数字（“{half}”）",
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
