"""Family MF: figures deleted or never filled in (共接待来访群众人次, 办结率达%, 召开第次会议).

MF002–MF007 are regular expressions over content blocks; MF001 (and the segmentation variant of
MF007) pre-filter candidates with a regular expression and only then segment short windows around
them, so jieba is never loaded for a document without candidates.  A blank that a placeholder rule
reports (``共举办____期``) is not reported again as a missing figure.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from summarylint.diagnostics import Finding
from summarylint.document import BlockKind
from summarylint.rules.base import Context, check
from summarylint.source import Span
from summarylint.text.chars import CJK, CJK_CHAR
from summarylint.text.measure import CLAUSE_END, alternation, focused_cut, pack, patterns
from summarylint.text.segment import Token
from summarylint.views.blocks import Block

_WORD_CHAR = re.compile(f"[{CJK}A-Za-z0-9]")
#: Characters of context segmented on each side of a candidate.
_LEFT, _RIGHT = 8, 4


def _placeholder_filter(ctx: Context) -> Callable[[Span], bool]:
    """A test telling whether a span overlaps, or directly follows, a placeholder the PH rules report
    (``率达XX%``, ``共____万元``: the placeholder stands where the figure belongs)."""
    spans: Sequence[Span] = getattr(ctx.views, "placeholder_spans", [])
    if not spans:
        return lambda span: False
    starts = [s.start for s in spans]
    reach = list(itertools.accumulate((s.end for s in spans), max))  # furthest end so far

    def near(span: Span) -> bool:
        k = bisect_left(starts, max(span.end, span.start + 1))  # placeholders starting before our end
        return k > 0 and reach[k - 1] >= span.start

    return near


def _findings(ctx: Context, items: Iterator[tuple[Block, int, int, str]]) -> Iterator[Finding]:
    """Findings at ``block.span(start, end)``, unless a placeholder rule already reports the place."""
    is_placeholder = _placeholder_filter(ctx)
    for block, start, end, message in items:
        span = block.span(start, end)
        if not is_placeholder(span):
            yield Finding(span, message)


def _snippet(text: str, start: int, end: int, before: int = 6) -> str:
    """The words in front of a finding and the finding itself, for messages."""
    left = start
    while left > 0 and start - left < before and _WORD_CHAR.match(text[left - 1]):
        left -= 1
    return text[left:end]


# --- segmentation windows -----------------------------------------------------------------


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """A short stretch of one clause around ``[start, end)``."""
    left = start
    while left > 0 and start - left < _LEFT and _WORD_CHAR.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and right - end < _RIGHT and _WORD_CHAR.match(text[right]):
        right += 1
    return left, right


def _tokens_around(text: str, start: int, end: int) -> tuple[list[Token], int] | None:
    """The tokens of the window around ``[start, end)`` (text positions) and the index of the token
    that is exactly ``[start, end)`` (several tokens that together are exactly that span count as one: a
    compound measure word the dictionary lacks), or None when segmentation puts it inside a longer word."""
    left, right = _window(text, start, end)
    tokens = [Token(t.word, t.tag, t.start + left, t.end + left) for t in focused_cut(text[left:right])]
    for k, token in enumerate(tokens):
        if token.start == start:
            last = next((j for j in range(k, len(tokens)) if tokens[j].end >= end), k)
            if tokens[last].end != end:
                return None
            if last > k:  # a compound measure word the dictionary lacks, cut in two (家次 as 家 + 次): one word
                tokens[k : last + 1] = [Token(text[start:end], "q", start, end)]
            return tokens, k
        if token.start > start:
            return None
    return None


#: jieba's tags of characters that are no word alone (morphemes): one right after a measure word makes a word with it,
#: perhaps a misspelt one (户藉 for 户籍), which WD009 reports.
_MORPHEME_TAGS = frozenset({"g", "zg", "ng", "vg", "ag", "tg", "dg", "rg", "yg"})


def _begins_word(text: str, start: int, end: int) -> bool:
    """Whether segmentation makes ``[start, end)`` the beginning of a longer word (名 of 名家), other than a longer
    measure word (场 of 场次), or leaves the character after it a morpheme that is no word alone (户藉)."""
    left, right = _window(text, start, end)
    measure_words = _measure_settings().measure_words
    words = focused_cut(text[left:right])
    return any(
        (t.start + left == start and t.end + left > end and t.word not in measure_words)
        or (t.start + left == end and len(t.word) == 1 and t.tag in _MORPHEME_TAGS)
        for t in words
    )


# --- MF001 --------------------------------------------------------------------------------


def _clause_ends_at(text: str, end: int) -> bool:
    return end >= len(text) or text[end] in CLAUSE_END


def _is_name(text: str, start: int, end: int, previous: Token, surnames: str) -> bool:
    """刘家明, 王名扬: a surname, a one-character measure word and one more CJK character."""
    return (
        end - start == 1
        and len(previous.word) == 1
        and previous.word in surnames
        and end < len(text)
        and bool(re.match(f"[{CJK}]", text[end]))
    )


def _mistagged_name(token: Token, surnames: str) -> bool:
    """jieba's dictionary tags some ordinary words as personal names (通知书/nr); a word tagged as a
    name that does not start with a common surname is taken for a noun."""
    return token.tag.startswith("nr") and token.word[0] not in surnames


_NAME_END = ("”", "’", "」", "』", "》", "〉")
#: A noun of quantity after a 、: the measure word before it is a noun of quantity too (接待批次、人数).
_QUANTITY_PAIR = re.compile("、(?:人数|次数|数量|金额|费用|规模|时长|频次)")
#: A share of the whole right after the measure word: the count before it was a statistic (优秀教案篇，占总数的17.8%).
_SHARE_AFTER = re.compile(r"[，,]?占[^，。；%％]{0,12}?\d+(?:\.\d+)?[ \t]*[%％]")
#: A figure and one character right before a measure word: the two make a compound measure word (项次, 灯次, 人份).
_COUNTED_COMPOUND = re.compile(rf"\d[万亿千百]?[余多]?[{CJK}]$")
_CLAUSE_START = re.compile("[，。；：！？,;:!?\n]")
_SENTENCE_START = re.compile("[。；！？;!?\n]")
#: Where a sentence ends for the counts beside a measure word: a semicolon parts the items of one statement (在职职工
#: 126人；退休职工人).
_PERIOD_START = re.compile("[。！？!?\n]")


@dataclass(frozen=True)
class _MeasureSettings:
    """The MF001 settings of the pack, as the sets and tuples the check uses."""

    before_noun: frozenset[str]
    sentence_scope: frozenset[str]
    word_starts: tuple[str, ...]
    previous_tags: frozenset[str]
    long_previous_tags: frozenset[str]
    noun_tags: frozenset[str]
    counted: frozenset[str]
    after_noun_only: frozenset[str]
    after_noun_tags: frozenset[str]
    after_word_ending: dict[str, tuple[str, ...]]
    verb_particles: frozenset[str]
    blocked_next: frozenset[str]
    numeric: frozenset[str]
    determiners: tuple[str, ...]
    determiner_set: frozenset[str]
    noun_ends: str
    surnames: str
    after_marks: str
    longest_stop: int
    stop_exceptions: tuple[str, ...]
    measure_words: frozenset[str]
    counting_anywhere: frozenset[str]
    linking_words: frozenset[str]


@cache
def _measure_settings() -> _MeasureSettings:
    p = pack()
    s = p.mf001
    return _MeasureSettings(
        frozenset(s.before_noun),
        frozenset(s.sentence_scope),
        tuple(p.words.word_starts),
        frozenset(s.previous_tags),
        frozenset(s.long_previous_tags),
        frozenset(s.noun_tags),
        frozenset(s.counted_words),
        frozenset(s.after_noun_only),
        frozenset(s.after_noun_tags),
        {word: tuple(ends) for word, ends in s.after_word_ending.items()},
        frozenset(s.verb_particles),
        frozenset(s.blocked_next_tags),
        frozenset(s.numeric_tail),
        tuple(s.determiners),
        frozenset(s.determiners),
        s.noun_ends,
        p.words.surnames,
        s.after_marks,
        max((len(w) for w in s.stop_phrases), default=0),
        tuple(s.stop_exceptions),
        frozenset(s.measure_words),
        frozenset(s.counting_anywhere),
        frozenset(s.linking_words),
    )


def _noun_like(token: Token, settings: _MeasureSettings, tags: frozenset[str]) -> bool:
    """A word counted as a noun (or, with ``previous_tags``, a verb) in front of a measure word."""
    return (
        token.tag in tags
        or (token.tag in settings.long_previous_tags and len(token.word) >= 2)
        or _mistagged_name(token, settings.surnames)
    )


def _counts_itself(token: Token, settings: _MeasureSettings) -> bool:
    """A word in front of a measure word that stands for the number: a numeral (三, 几, 20余), a
    determiner (这, 每, 若干), or a word ending in one, unless it is a noun of two or more characters
    (合同, 传单, 人数: jieba tags them n, or 合同 a)."""
    if token.word in settings.determiner_set:
        return True
    if not (token.word[-1] in settings.numeric or token.word.endswith(settings.determiners)):
        return False
    noun = len(token.word) >= 2 and token.word[-1] in settings.noun_ends
    return not (noun and _noun_like(token, settings, settings.noun_tags))


def _aligned(text: str, start: int, end: int, measure_words: frozenset[str]) -> tuple[list[Token], int, int] | None:
    """The tokens around the measure word ``[start, end)`` and its index and start, when segmentation
    makes it a word of its own; when it puts the first characters into the previous word (培训班/次
    for 班次), the shorter measure word that is left (次) is tried."""
    for begin in range(start, end):
        if begin > start and text[begin:end] not in measure_words:
            continue
        around = _tokens_around(text, begin, end)
        if around is not None:
            return around[0], around[1], begin
    return _split_noun_end(text, start, end)


#: measure words that make a word meaning "single" with 单 (单件, 单张, 单笔, 单份)
_SINGLE_COUNTS = frozenset({"件", "张", "笔", "份"})


def _counted_in_its_row(block: Block, start: int, end: int) -> bool:
    """Whether the measure word ``[start, end)`` names what a table row counts, its figure in another cell of the row
    (| 新增有效户 | 1208户 |): a column's label, no figure gone."""
    if block.first.kind is not BlockKind.TABLE:
        return False
    return re.search(rf"\d\s*{re.escape(block.text[start:end])}", block.text[end:]) is not None


def _split_noun_end(text: str, start: int, end: int) -> tuple[list[Token], int, int] | None:
    """The tokens around the measure word ``[start, end)`` when segmentation glues it to the 单 before it, which
    ends the noun before that (工单件: jieba reads 工 + 单件, "a single piece"; 工单 is the noun, 件 counts it),
    with the noun rebuilt; None otherwise."""
    if start < 2 or text[start - 1] != "单" or text[start:end] not in _SINGLE_COUNTS:
        return None  # (单件, 单张, 单笔, 单份 read as "single"; 单元, 单项, 本次, 历次 are words of their own)
    left, right = _window(text, start, end)
    tokens = [Token(t.word, t.tag, t.start + left, t.end + left) for t in focused_cut(text[left:right])]
    for k, token in enumerate(tokens):
        if token.start == start - 1 and token.end == end and k >= 1 and tokens[k - 1].end == start - 1:
            before = tokens[k - 1]
            if not (before.word + text[start - 1]).endswith(tuple(pack().mf001.single_nouns)):
                return None  # (业务单笔金额: no noun ends in that 单)
            noun = Token(before.word + text[start - 1], "n", before.start, start)
            tokens[k - 1 : k + 1] = [noun, Token(text[start:end], "q", start, end)]
            return tokens, k, start
    return None


#: a verb of amount right before a unit written in Latin letters (存储总量达到TB，装机容量新增MW, 钢铁料消耗降至kg/t):
#: the figure is gone; not a standard's code (达到GB 3838标准, GB/T 9704)
_LATIN_UNIT = re.compile(
    r"(?:达到|达|共计|累计|新增|总计|约为|约|为|超过|突破|提升至|增至|扩容至?|[降减]至|降低至|下降至|[降减]到|降低到|下降到|控制在)"
    r"(?P<unit>TB|GB|PB|MB|kWh|kW|MW|GW|Mbps|Gbps|km|kgce/t|kg/t|t/h|m³/h|mg/L|mg/m³)(?![A-Za-z0-9/／]|[ \t]*\d)"
)


def _unit_findings(block: Block, pattern: re.Pattern[str], what: str) -> Iterator[tuple[Block, int, int, str]]:
    """The matches of ``pattern`` in ``block`` whose ``unit`` group is a unit (``what``: 量词, 单位, or nothing for a
    unit of money, 客单价为元) with its figure gone."""
    text = block.text
    for m in block.finditer(pattern):
        start, end = m.span("unit")
        message = f"“{_snippet(text, start, end)}”中{what}“{m.group('unit')}”前没有数字，疑为数字被删除或漏填"
        yield block, start, end, message


#: 有 and a measure word of two characters that only ever counts, closing the clause (获表彰的教师有人次，): 有 is a
#: determiner elsewhere (有人, 有的), but nothing is ever "有人次" without its figure
_HAD_COUNT = re.compile(
    r"(?<=[\u3400-\u9fff])(?<![没还只])有(?P<unit>人次|场次|户次|家次|批次|架次|剂次|例次|课时|学时)(?=[，。；、）,;]|$)"
)


#: 为 after a word of a total (共, 累计, 先后), then 名 or 位 and the people counted (全年共为名残疾人适配辅具):
#: jieba reads 为名 ("in the name of") as one word, but after a total the figure between 为 and 名 is gone; not a
#: word that starts with 名 (共为名誉会长, 名人, 名单)
_FOR_COUNT = re.compile(
    r"(?:共|累计|共计|先后|合计)为(?P<unit>名|位)(?![誉义称单额录牌片优校师医利声人次列])(?=[\u3400-\u9fff])"
)


#: 达 after people counted, then 人 or 名 and a mark (在园幼儿达人，): the figure between them is gone; 达人 is no
#: word after a group of people (美食达人, 读书达人 are)
_PEOPLE_REACH = re.compile(r"(?<=[儿生工众者员口户民客童师])达(?P<unit>人次|人|名)(?=[，。；,;]|$)")
#: A score, then 为/是/达 and a bare 分 at the end of the clause (平均得分为分，): the figure is gone.
_SCORE_LED = re.compile(r"(?:得分|评分|总分|均分|平均分|分数)(?:为|是|达到|达)(?P<unit>分)(?=[，。；,;]|$)")


def _in_stop_phrase(text: str, start: int, end: int) -> bool:
    """Whether the measure word ``[start, end)`` lies in one of MF001's stop phrases (人人, 到位, 职工之家 ...) and
    not in one of the words that hold a stop phrase without being one (演出场: 演出 and 场, not 出场)."""
    reach = _measure_settings().longest_stop
    stop = patterns().stop
    # (a stop phrase at each start before it: they overlap, and a search would miss 名次 after 排名 of 不排名次)
    if not any(
        (m := stop.match(text, at)) is not None and end <= m.end() for at in range(max(0, start - reach), start + 1)
    ):
        return False
    exceptions = _measure_settings().stop_exceptions
    return not any(
        text.startswith(word, at) and at <= start and end <= at + len(word)
        for word in exceptions
        for at in range(max(0, end - len(word)), start + 1)
    )


@cache
def _roles() -> frozenset[str]:
    """The stop phrases that end with a measure word after a verb of two characters or more (完成人, 受理人)."""
    units = _measure_settings().measure_words
    return frozenset(w for w in pack().mf001.stop_phrases if any(w.endswith(m) and len(w) - len(m) >= 2 for m in units))


def _role_ends_at(text: str, start: int, end: int) -> bool:
    """Whether a role of :func:`_roles` ends with the measure word ``[start, end)`` (成果完成人: the verb is the
    role's)."""
    return any(text.startswith(role, end - len(role)) for role in _roles() if len(role) > end - start)


def _after_a_word_ending_alike(text: str, start: int, end: int) -> bool:
    """Whether the measure word ``[start, end)``, closing a clause, follows a noun that ends with it (其中宽带用户户，
    新增个体工商户户): no doubled measure word (户户, 家家户户) but a noun and its measure word with the figure
    between them gone."""
    if end - start != 1 or text[start - 1] != text[start]:
        return False
    around = _tokens_around(text, start, end)
    if around is None or around[1] == 0:
        return False
    tokens, k = around
    previous = tokens[k - 1]
    return previous.end == start and len(previous.word) >= 2 and previous.tag.startswith("n")


#: 零 before what a measure word counts, in its clause (确保零严重不符合项), or what was not found or did not happen
#: (均未发现严重缺陷项): the count is zero.
_ZERO_BEFORE = re.compile(r"(?:零|(?:未|没有)(?:发现|发生|出现|检出))[^，。；！？,;!?\d]{0,6}$")
#: 应X尽X, all that should be X'd is (应处尽处, 应保尽保, 应检尽检).
_ALL_THAT_SHOULD = re.compile(r"应([^\W\d_])尽\1")
#: A short quotation: a term (“烂场雨”, “种养技术进村”) or a short slogan; or a slogan of a few short parallel items
#: without figures (“走基层、访残户、解难题”).
_QUOTED_TERM = re.compile(r"“[^“”\n]{2,8}”|“(?:[^“”\n、，\d]{2,5}[、，]){1,4}[^“”\n、，\d]{2,5}”")


def _inside_quoted_term(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside a short quotation or a slogan of short items, after its first character
    (a slogan that lost its number at its head, “个代表”, is the quoted words' case: see ``quoted_words``)."""
    left = text.rfind("“", max(0, start - 30), start)
    if left < 0 or left + 1 == start:
        return False
    m = _QUOTED_TERM.match(text, left)
    return m is not None and end < m.end()


def _measure_word_candidates(block: Block) -> list[tuple[int, int, bool, bool]]:
    """Measure words that pass the cheap tests: ``(start, end, at the end of a clause, in a statistic)``."""
    settings = _measure_settings()
    compiled = patterns()
    text = block.text
    candidates = []
    clause_starts: list[int] | None = None
    sentence_starts: list[int] | None = None
    for match in block.finditer(compiled.candidate):
        start, end = match.span()
        if text.startswith(_NAME_END, end):
            continue  # the end of a quoted name or a title: “邻里节”, 《百家》
        if _QUANTITY_PAIR.match(text, end):
            continue  # a noun of quantity beside another: 公务接待批次、人数均控制在预算之内
        if _COUNTED_COMPOUND.search(text, max(0, start - 4), start):
            continue  # the end of a compound measure word after its figure: 573项次, 142灯次, 3万人份
        if _inside_quoted_term(text, start, end):
            continue  # a term the document quotes (“烂场雨”): its measure-word character counts nothing
        if _ZERO_BEFORE.search(text, max(0, start - 10), start):
            continue  # zero of what is counted (零严重不符合项, 未发现重大隐患项): the figure is 零
        if any(m.start() <= start < m.end() for m in _ALL_THAT_SHOULD.finditer(text, max(0, start - 3), end + 3)):
            continue  # all that should be (应处尽处, 应保尽保): the character is the verb's, no count
        at_clause_end = _clause_ends_at(text, end)
        if not at_clause_end and (
            match.group() not in settings.before_noun or text.startswith(settings.word_starts, start)
        ):
            continue
        if match.group() in settings.sentence_scope:
            if sentence_starts is None:
                sentence_starts = [m.end() for m in _SENTENCE_START.finditer(text)]
            starts = sentence_starts
        else:
            if clause_starts is None:
                clause_starts = [m.end() for m in _CLAUSE_START.finditer(text)]
            starts = clause_starts
        k = bisect_right(starts, start)
        statistic = any(
            m.group(1) for m in compiled.statistics.finditer(text, starts[k - 1] if k else 0, start)
        ) or bool(_SHARE_AFTER.match(text, end))
        if not statistic and (at_clause_end or match.group() not in settings.counting_anywhere):
            continue  # no statistic in front of it
        if _in_stop_phrase(text, start, end) and not (at_clause_end and _after_a_word_ending_alike(text, start, end)):
            continue
        candidates.append((start, end, at_clause_end, statistic))
    return candidates


def _measure_word_findings(block: Block) -> Iterator[tuple[Block, int, int, str]]:
    candidates = _measure_word_candidates(block)
    if not candidates:
        return
    settings = _measure_settings()
    text = block.text
    for start, end, at_clause_end, statistic in candidates:
        if text[start - 1] in settings.after_marks:
            if at_clause_end:  # 发放《致家长的一封信》份
                opening = text.rfind("《" if text[start - 1] == "》" else "“", max(0, start - 40), start)
                shown = text[opening:end] if opening >= 0 else _snippet(text, start, end)
                yield block, start, end, f"“{shown}”中量词“{text[start:end]}”前没有数字，疑为数字被删除或漏填"
            continue
        aligned = _aligned(text, start, end, settings.measure_words)
        if aligned is None:
            continue
        tokens, k, start = aligned
        if k == 0:
            continue  # nothing in front of it in this clause
        word = tokens[k].word
        previous = tokens[k - 1]
        if previous.word in settings.verb_particles and k >= 2 and tokens[k - 2].tag.startswith("v"):
            previous = tokens[k - 2]  # 发放了份资料
        if not statistic and not (
            previous.word in settings.linking_words
            or (len(previous.word) >= 2 and _noun_like(previous, settings, settings.previous_tags))
        ):
            continue  # outside a statistic only after a word, a preposition or 的: not 搞个, 开个会
        if _counts_itself(previous, settings):
            continue
        if _digit_before(text, previous.start) and len(previous.word) <= 2:
            continue  # a compound unit after its number: 32.6车道公里, 120吨公里 (the number is there)
        if len(word) > 1 and (previous.word == "的" or (k >= 2 and tokens[k - 2].word == "的")):
            continue  # a measure word of two characters heading a phrase with 的 (满载率超过110%的热门车次): a noun
        linked = not at_clause_end and word in settings.counting_anywhere and previous.word in settings.linking_words
        if not linked and not _noun_like(previous, settings, settings.previous_tags):
            continue
        if _ends_a_word(word, previous, settings):
            continue
        if word in settings.after_noun_only and k >= 2 and tokens[k - 2].tag == "m":
            continue  # 设置一个月过渡期, 两年建设期: a period after its length (a numeral), no count
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is not None:
            if following.tag in settings.blocked_next:
                continue
            if not at_clause_end and following.tag not in settings.noun_tags and following.word not in settings.counted:
                continue
        elif not at_clause_end:
            continue
        if not linked and _is_name(text, start, end, previous, settings.surnames):
            continue
        if _COUNTED_PHRASE.search(text, max(0, start - _COUNTED_REACH), start):
            continue  # the phrase is counted already, 人 ends its noun (新认定21名市级代表性传承人)
        shown = _snippet(text, start, end)
        yield block, start, end, f"“{shown}”中量词“{word}”前没有数字，疑为数字被删除或漏填"


#: A count with a measure word of people or things, then Chinese characters alone up to the measure word found, a noun
#: phrase (no 了 of a finished action: 111个城市进行了……培训班人 counts the cities): the noun phrase is counted already
#: (21名市级代表性传承人), its last character a part of the noun ...
_COUNTED_PHRASE = re.compile(r"[0-9０-９]+(?:名|位|个|家|所|支|批)[^\W\d_a-zA-Z了]{2,}$")
#: ... within this many characters (a phrase of at most eight).
_COUNTED_REACH = 11


def _digit_before(text: str, at: int) -> bool:
    """Whether a digit stands right before ``at``."""
    return at > 0 and text[at - 1] in _DIGITS


_DIGITS = frozenset("0123456789０１２３４５６７８９")


#: A short quotation: a term, a slogan or a name the document puts in quotation marks.
_QUOTED = re.compile(r"“([^“”\n]{2,12})”")


def _bare(term: str) -> re.Pattern[str]:
    """``term`` written without a figure before it: 个代表 of “个代表”, not of 三个代表."""
    return re.compile(rf"(?<![0-9０-９零〇一二三四五六七八九十百千万两几]){re.escape(term)}")


class _Quoted:
    """The quoted terms of a document (read on first use) and how often its text writes each (counted when asked)."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks
        self._terms: frozenset[str] | None = None
        self._counts: dict[str, int] = {}

    @property
    def terms(self) -> frozenset[str]:
        if self._terms is None:
            self._terms = frozenset(m.group(1) for block in self._blocks for m in _QUOTED.finditer(block.text))
        return self._terms

    def count(self, term: str) -> int:
        """How often the document writes ``term`` with no figure before it."""
        if term not in self._counts:
            pattern = _bare(term)
            self._counts[term] = sum(len(pattern.findall(block.text)) for block in self._blocks)
        return self._counts[term]

    def a_term(self, term: str, measure_words: frozenset[str]) -> bool:
        """Whether a quoted ``term`` that begins with a measure word is a term of the document, not a slogan that
        lost its number (“个代表”): the document writes it again with no figure before it (“个转企”专项辅导……完成
        个转企213户; 三个代表 is the slogan whole), or quotes a
        term like it whose first character is no measure word (从“送文化”到“种文化”: 种 is the verb)."""
        terms = self.terms
        return (term in terms and self.count(term) > 1) or any(
            len(other) == len(term) and other[1:] == term[1:] and other[0] != term[0] and other[0] not in measure_words
            for other in terms
        )

    def starting(self, text: str, start: int) -> bool:
        """Whether ``text`` at ``start`` writes one of the quoted terms (完成个转企213户 where “个转企” is quoted)."""
        return any(text.startswith(term, start) for term in self.terms)


def _verb_led_findings(
    block: Block, word_starts: tuple[str, ...], quoted: _Quoted
) -> Iterator[tuple[Block, int, int, str]]:
    """选出了家示范单位, 每月补助元, 会员达余人: a measure word right after a counting verb (or an amount
    word and 余) has lost its number, whatever follows it, unless it begins a longer word (培训人员) or a term the
    document quotes (:class:`_Quoted`)."""
    pattern = patterns().verb_led
    if pattern is None:
        return
    text = block.text
    measure_words = _measure_settings().measure_words
    for match in block.finditer(pattern):
        group = next(g for g, value in match.groupdict().items() if value)
        start, end = match.span(group)
        if text.startswith(word_starts, start):
            continue
        if end < len(text) and not (text[end] in CLAUSE_END or re.match(f"[{CJK}]", text[end])):
            continue  # 发放元/吨 is a unit written out, not a count
        if _begins_word(text, start, end):
            continue  # a word that begins with the measure word: 举办名家讲座
        if group != "quoted" and _role_ends_at(text, start, end):
            continue  # a role named by what it did (成果完成人, 受理人): no count
        if group == "quoted":  # “个代表”: the slogan lost its number
            around = _tokens_around(text, start, end)
            if around is None:
                continue  # a word that begins with a measure-word character: “种子工程”, “条条框框”
            tokens, k = around
            if k + 1 < len(tokens) and len(tokens[k + 1].word) == 1 and CJK_CHAR.match(tokens[k + 1].word):
                continue  # no word counted after it, but single characters: a set phrase (“种草养畜”: 种 is the verb)
            close = text.find("”", end, end + 12)
            if close > 0 and quoted.a_term(text[start:close], measure_words):
                continue
            shown = text[start - 1 : close + 1] if close > 0 else text[start - 1 : end]
            yield block, start, end, f"{shown}开头的量词“{text[start:end]}”前没有数字，疑为数字被删除或漏填"
            continue
        if quoted.starting(text, start):
            continue  # the document's own term, quoted elsewhere: 完成个转企213户
        if group == "noun":  # 问卷余份: the number belongs in front of 余
            shown = _snippet(text, start - 1, end)
            yield block, start - 1, end, f"“{shown}”中“余”前没有数字，疑为数字被删除或漏填"
            continue
        shown = _snippet(text, start, end)
        yield block, start, end, f"“{shown}”中量词“{text[start:end]}”前没有数字，疑为数字被删除或漏填"


#: Verbs of a change from one figure to another (由上年的18天缩短至12天, 从原来的6个增加到15个).
_CHANGE_VERBS = "缩短|减少|下降|降低|压缩|压减|缩减|提高|提升|增加|增长|上升|延长|扩大"


@cache
def _change() -> re.Pattern[str]:
    """A change from a figure to another in the same unit whose first figure is gone: 由上年的天缩短至21天."""
    units = alternation(sorted(_measure_settings().measure_words))
    return re.compile(
        rf"[由从][^，。；：！？,;:!?\d]{{0,12}}?(?P<unit>{units})(?:{_CHANGE_VERBS})[至到为][ \t]*"
        r"\d+(?:\.\d+)?[ \t]*(?P=unit)"
    )


#: Units of time and of marks, no measure words elsewhere (分 of 部分, 秒 of 秒杀), that a change may lose its figure
#: before: 响应时长缩短至秒, 平均分较上年提高分
_CHANGE_UNITS = ("秒", "分钟", "分")


@cache
def _changed_to() -> re.Pattern[str]:
    """A change to a figure that is gone, its unit left right after 至 or 到: 办电时间压减至个工作日以内; or a change by
    a figure that is gone, its unit of time or marks closing the clause: 平均分较上年提高分."""
    units = alternation(sorted({*_measure_settings().measure_words, *_CHANGE_UNITS}))
    by = alternation(list(_CHANGE_UNITS))
    # (not 为: 延长为期三天; not a scale: 缩短至秒级)
    return re.compile(rf"(?:{_CHANGE_VERBS})(?:[至到](?P<unit>{units})(?!级)|了?(?P<by>{by})(?=[，。；、,;]))")


def _change_findings(block: Block) -> Iterator[tuple[Block, int, int, str]]:
    """库存周转天数由上年的天缩短至21天: the figure the change starts from is gone, its unit left (not after a
    numeral or a determiner: 由每天缩短至, 由几天缩短至); 压减至个工作日: the figure it ends at is gone (not
    where the unit begins a word: 提高到个人, 下降到户均)."""
    settings = _measure_settings()
    text = block.text
    for match in block.finditer(_change()):
        start, end = match.span("unit")
        before = text[start - 1]
        if before in settings.numeric or text[:start].endswith(settings.determiners):
            continue
        shown = _snippet(text, start, end)
        yield block, start, end, f"“{shown}”中量词“{text[start:end]}”前没有数字，疑为变化前的数字被删除或漏填"
    for match in block.finditer(_changed_to()):
        group = "unit" if match.group("unit") else "by"
        start, end = match.span(group)
        if group == "unit" and _begins_word(text, start, end):
            continue
        shown = _snippet(text, start, end)
        what = "变化后的数字" if group == "unit" else "变化的幅度"
        yield block, start, end, f"“{shown}”中量词“{text[start:end]}”前没有数字，疑为{what}被删除或漏填"


#: The whole of an area, then a measure word and what it counts, whose number is gone
#: (组织全区家企业参加, 为辖区内户低保家庭, 全县所中小学).  人 is left out (全市人民), and a
#: measure word that begins a word (全区个别, 全县所有, 全市台风) is no count; 所 counts only
#: schools and their like (全国所起的作用 is 所 + a verb), and 全 may not end a word (顾全国家).
_AREA_UNITS = (  # (then a letter: [^\W\d_] compiles far faster than a range of characters)
    "(?:[家个名户座条位处项]|所(?=中小学|中学|小学|学校|高校|院校|医院|卫生院|幼儿园|养老院|敬老院))"
    r"(?=[^\W\d_])"
)
_AREA_LED = re.compile(
    r"(?<![顾健齐周安成保完俱两万求双十])[全本](?:国|省|市|县|区|州|镇|乡|街道|社区|村|校|院|系统|行业)"
    rf"(?:内|范围内|共有|共)?(?P<unit>{_AREA_UNITS})"
    rf"|(?:辖区|区域|境)内(?P<inner>{_AREA_UNITS})"
)


def _area_led_findings(block: Block) -> Iterator[tuple[Block, int, int, str]]:
    """组织全区家企业参加培训: a measure word right after the whole of an area, its number gone (:data:`_AREA_LED`)."""
    text = block.text
    for match in block.finditer(_AREA_LED):
        group = "unit" if match.group("unit") else "inner"
        start, end = match.span(group)
        if _begins_word(text, start, end) or _tokens_around(text, start, end) is None:
            continue
        shown = _snippet(text, start, end)
        yield block, start, end, f"“{shown}”中量词“{text[start:end]}”前没有数字，疑为数字被删除或漏填"


#: A price or an amount per head named, then 为/是/达 and a bare unit of money at the end of the clause (客单价为元。,
#: 人均可支配收入达元，); or a rise per head or household, then the unit (户均增收元以上。): the figure between them is
#: gone.  Not 单位为元 (a unit note) nor 折合为美元 (a currency).
_PRICE_LED = re.compile(
    r"(?:(?:单价|均价|客单价|售价|报价|人均[^\W\d_]{0,6}?收入|户均[^\W\d_]{0,6}?收入|月均工资|平均工资|人均工资)"
    r"(?:为|是|达到|达|约为|约)|[人户]均(?:增收|增加收入|节约|节支|减负))"
    r"(?P<unit>元|万元)(?:以上|左右)?(?=[，。；,;]|$)"
)


def _statistic_before(text: str, start: int, clause_starts: list[int]) -> bool:
    """Whether the clause in front of ``start`` contains a statistics word."""
    k = bisect_right(clause_starts, start)
    return any(m.group(1) for m in patterns().statistics.finditer(text, clause_starts[k - 1] if k else 0, start))


def _approximate_findings(block: Block) -> Iterator[tuple[Block, int, int, str]]:
    """慰问困难群众多人，回收问卷多份: 多 after a noun and before a measure word ending a clause of a
    statistic stands for "more than" a number that has been deleted (200多人)."""
    pattern = patterns().approximate
    if pattern is None:
        return
    settings = _measure_settings()
    text = block.text
    clause_starts: list[int] | None = None
    for match in block.finditer(pattern):
        start, end = match.span()
        if clause_starts is None:
            clause_starts = [m.end() for m in _CLAUSE_START.finditer(text)]
        if not _statistic_before(text, start, clause_starts):
            continue
        left, right = _window(text, start, end)
        tokens = [Token(t.word, t.tag, t.start + left, t.end + left) for t in focused_cut(text[left:right])]
        k = next((i for i, t in enumerate(tokens) if t.start == start), None)
        if not k or tokens[k].word not in ("多", text[start:end]):
            continue  # 多 inside a word (许多, 增多, 多人次数), or nothing in front of it
        if not _noun_like(tokens[k - 1], settings, settings.noun_tags):
            continue
        shown = _snippet(text, start, end)
        yield block, start, end, f"“{shown}”中“多”前没有数字，疑为数字被删除或漏填"


#: Words before a measure word closing a clause that make a noun phrase of it, not a count: 困难的人, 之人.
_NOT_COUNTING = frozenset({"的", "之", "等", "和", "与", "及"})


def _ends_a_word(word: str, previous: Token, settings: _MeasureSettings) -> bool:
    """Whether the measure word ``word`` ends a word with the one before it rather than counting: 期 after anything
    but a noun (攻坚期, 移栽期: a time), 节 after anything but lessons (开采节: a festival)."""
    if word in settings.after_noun_only and previous.tag not in settings.after_noun_tags:
        return True
    ends = settings.after_word_ending.get(word)
    return ends is not None and not previous.word.endswith(ends)


def _sibling_findings(block: Block) -> Iterator[tuple[Block, int, int, str]]:
    """A measure word closing a clause after a word, in a sentence that counts with the same measure word elsewhere
    (查房48次、会诊次; 再就业1215人，实现就业人): the sentence's own counts show that a number was deleted, whatever
    the word before it (a verb: 会诊, 就业)."""
    settings = _measure_settings()
    compiled = patterns()
    text = block.text
    sentences: list[int] | None = None
    for match in block.finditer(compiled.candidate):
        start, end = match.span()
        word = match.group()
        if start == 0 or not _clause_ends_at(text, end) or not CJK_CHAR.match(text, start - 1):
            continue
        if text.startswith(_NAME_END, end):
            continue  # the end of a quoted name: 对“僵尸户”开展清理
        if sentences is None:
            sentences = [0] + [m.end() for m in _PERIOD_START.finditer(text)] + [len(text) + 1]
        k = bisect_right(sentences, start)
        low, high = sentences[k - 1], sentences[k] - 1
        siblings = (c for c in _counts().finditer(text, low, high) if c.end() <= start or c.start() >= end)
        if not any(c.group("word") == word for c in siblings):
            continue
        if _in_stop_phrase(text, start, end) or text.startswith(settings.word_starts, start):
            continue
        aligned = _aligned(text, start, end, settings.measure_words)
        if aligned is None:
            continue
        tokens, at, start = aligned
        if at == 0 or tokens[at].word != word:
            continue
        previous = tokens[at - 1]
        if (
            previous.word in _NOT_COUNTING
            or _counts_itself(previous, settings)
            or _ends_a_word(word, previous, settings)
        ):
            continue
        ahead = text[start - len(previous.word) - 1 : start - len(previous.word)]
        if ahead in settings.numeric or ahead.isdigit() or "不" in (ahead, previous.word[0]):
            continue  # a compound measure word after its number (1436家次, 6万册次), a negated verb (不死人)
        if _is_name(text, start, end, previous, settings.surnames):
            continue
        if re.search(re.escape(previous.word + word) + r"[0-9０-９]", text[low:high]):
            continue  # a term the sentence counts elsewhere (清理非正常户，认定非正常户346户): its name, no count
        shown = _snippet(text, start, end)
        message = f"“{shown}”中量词“{word}”前没有数字，疑为数字被删除或漏填"
        yield block, start, end, message + "（同一句中同样的分项写有数字）"


@cache
def _counts() -> re.Pattern[str]:
    """A number right before a measure word, the longest one there (48人次 counts 人次, not 人)."""
    return re.compile(r"[0-9０-９][余多]?(?P<word>" + alternation(list(_measure_settings().measure_words)) + ")")


@check("MF001")
def measure_word_without_number(ctx: Context) -> Iterator[Finding]:
    word_starts = _measure_settings().word_starts
    quoted = _Quoted(ctx.views.blocks)

    def items() -> Iterator[tuple[Block, int, int, str]]:
        for block in ctx.views.blocks:
            seen: set[int] = set()  # where findings end: one finding per measure word
            for item in itertools.chain(
                _verb_led_findings(block, word_starts, quoted),
                _measure_word_findings(block),
                _approximate_findings(block),
                _sibling_findings(block),
                _change_findings(block),
                _area_led_findings(block),
                _unit_findings(block, _PRICE_LED, ""),
                _unit_findings(block, _HAD_COUNT, "量词"),
                _unit_findings(block, _FOR_COUNT, "量词"),
                _unit_findings(block, _PEOPLE_REACH, "量词"),
                _unit_findings(block, _SCORE_LED, "单位"),
                _unit_findings(block, _LATIN_UNIT, "单位"),
            ):
                if item[2] not in seen and not _counted_in_its_row(block, item[1], item[2]):
                    seen.add(item[2])
                    yield item

    yield from _findings(ctx, items())


# --- MF002–MF006 --------------------------------------------------------------------------


@check("MF002")
def blank_before_measure_word(ctx: Context) -> Iterator[Finding]:
    settings = pack()
    word_starts = tuple(settings.words.word_starts)
    numeric = set(settings.mf001.numeric_tail)

    def items() -> Iterator[tuple[Block, int, int, str]]:
        for block in ctx.views.candidates(patterns().blank):
            text = block.text
            for match in block.finditer(patterns().blank):
                start, end = match.span()
                if text[start - 1] in numeric:
                    continue
                unit = match.group().strip(" \u3000")
                if text.startswith(word_starts, end - len(unit)):
                    continue
                yield block, start, end, f"“{_snippet(text, start, end)}”中“{unit}”前是空格，缺少数字"

    yield from _findings(ctx, items())


@check("MF003")
def percent_without_number(ctx: Context) -> Iterator[Finding]:
    compiled = patterns()

    def items() -> Iterator[tuple[Block, int, int, str]]:
        for block in ctx.views.candidates(compiled.percent):
            text = block.text
            notes = (
                [m.span() for m in compiled.percent_notes.finditer(text)]
                if compiled.percent_notes and ("%" in text or "％" in text)
                else []
            )
            for match in block.finditer(compiled.percent):
                start, end = match.span()
                if any(s <= start and end <= e for s, e in notes):
                    continue
                if match.group().startswith("百"):
                    message = f"“{_snippet(text, start, end)}”中“百分之”后面缺少数字"
                else:
                    message = f"“{_snippet(text, start, end)}”中百分号前没有数字，疑为数字被删除或漏填"
                yield block, start, end, message
        for block, match in ctx.views.matches(_RATE_WITHOUT_VALUE):
            start, end = match.span()
            shown = _snippet(block.text, start, end)
            yield block, start, end, f"“{shown}”后面没有数值，疑为百分比连同百分号一起被删除或漏填"

    yield from _findings(ctx, items())


#: A rate or share followed by a verb that needs its value, then straight a clause mark (孵化成功率达到。,
#: 45岁以上人员占比达到，): the figure and its percent sign were deleted (a rate that rises or falls, 覆盖率提高，,
#: needs none).
_RATE_WITHOUT_VALUE = re.compile(
    rf"(?:(?<=[{CJK}]率)|(?<=占比|比重|比例|份额))(?:达到|达|为|是|保持在|稳定在|提高到|提升到|上升到|下降到|降低到|降至|升至|增至)(?=[，。；、,;])"
)


@check("MF004")
def ordinal_without_number(ctx: Context) -> Iterator[Finding]:
    def items() -> Iterator[tuple[Block, int, int, str]]:
        for block, match in ctx.views.matches(patterns().ordinal):
            start, end = match.span()
            unit = match.group()[1:]
            yield block, start, end, f"“第{unit}”缺少序数，“第”和“{unit}”之间应有数字"

    yield from _findings(ctx, items())


@check("MF005")
def wan_yi_without_number(ctx: Context) -> Iterator[Finding]:
    compiled = patterns()

    def items() -> Iterator[tuple[Block, int, int, str]]:
        for block in ctx.views.candidates(compiled.wan_yi):
            text = block.text
            exempt: list[tuple[int, int]] | None = None
            for match in block.finditer(compiled.wan_yi):
                start, end = match.span()
                if compiled.wan_yi_exempt is not None:
                    if exempt is None:
                        exempt = [m.span() for m in compiled.wan_yi_exempt.finditer(text)]
                    if any(s <= start < e for s, e in exempt):
                        continue
                shown = _snippet(text, start, end)
                yield block, start, end, f"“{shown}”中“{match.group()[0]}”前没有数字，疑为数字被删除或漏填"

    yield from _findings(ctx, items())


@check("MF006")
def empty_enumeration_item(ctx: Context) -> Iterator[Finding]:
    compiled = patterns()

    def items() -> Iterator[tuple[Block, int, int, str]]:
        for block in ctx.views.blocks:
            text = block.text
            if "、" not in text:
                continue
            mentions = (
                [m.span() for m in compiled.enumeration_mentions.finditer(text)]
                if compiled.enumeration_mentions
                else []
            )
            for match in block.finditer(compiled.enumeration):
                start, end = match.span()
                if any(s <= start and end <= e for s, e in mentions):
                    continue
                yield block, start, end, f"“{_snippet(text, start, end)}”中顿号前后缺少并列项，疑为内容被删除"

    yield from _findings(ctx, items())


# --- MF007 --------------------------------------------------------------------------------


def _month_findings(block: Block) -> Iterator[tuple[Block, int, int, str]]:
    settings = pack().mf007
    compiled = patterns()
    text = block.text
    seen: set[int] = set()
    for match in block.finditer(compiled.month):
        start, end = match.span()
        seen.add(start)
        shown = _snippet(text, start, end)
        if shown == match.group():  # at the start of a clause: show what follows (年来，…)
            right = end
            while right < len(text) and right - end < 4 and _WORD_CHAR.match(text[right]):
                right += 1
            shown = text[start:right]
        yield block, start, end, f"“{shown}”中“{match.group()}”前缺少数字"
    verbs = set(settings.verb_tags)
    prepositions = set(settings.prepositions)
    not_before = set(settings.not_before)
    for match in block.finditer(compiled.month_candidate):
        start, end = match.span()
        if start in seen:
            continue
        around = _tokens_around(text, start, end)
        if around is None:
            continue
        tokens, k = around
        if k == 0:
            continue
        previous = tokens[k - 1]
        if previous.word in not_before:
            continue
        if previous.tag in verbs or previous.word in prepositions:
            yield block, start, end, f"“{_snippet(text, start, end)}”中“月份”前缺少数字"


@check("MF007")
def month_year_without_number(ctx: Context) -> Iterator[Finding]:
    yield from _findings(ctx, (item for block in ctx.views.blocks for item in _month_findings(block)))


# --- MF008 --------------------------------------------------------------------------------

_SENTENCE = re.compile("[^。！？；!?;\n]+")


@dataclass(frozen=True)
class _SentenceSettings:
    figures: re.Pattern[str]
    statistics: re.Pattern[str]
    measure_chars: str
    measure_words: frozenset[str]
    min_verbs: int
    min_units: int


@cache
def _sentence_settings() -> _SentenceSettings:
    p = pack()
    s = p.mf008
    excluded = p.mf001.not_statistics_words
    words = sorted(set(s.statistics_words), key=len, reverse=True)
    statistics = re.compile(
        ("(?:" + "|".join(map(re.escape, excluded)) + ")|" if excluded else "")
        + "("
        + "|".join(map(re.escape, words))
        + ")"
    )
    return _SentenceSettings(
        re.compile(s.figures),
        statistics,
        "".join(dict.fromkeys("".join(s.measure_words))),
        frozenset(s.measure_words),
        s.min_verbs,
        s.min_units,
    )


def _bare_measure_words(sentence: str, settings: _SentenceSettings) -> list[str]:
    """The measure words of ``sentence`` that segmentation makes words of their own, after a noun or
    a verb (not after a determiner, a pronoun or a name)."""
    measure = _measure_settings()
    tokens = focused_cut(sentence)
    found = []
    for k in range(1, len(tokens)):
        token = tokens[k]
        if token.word not in settings.measure_words:
            continue
        previous = tokens[k - 1]
        if previous.word in measure.determiner_set or _counts_itself(previous, measure):
            continue
        if _noun_like(previous, measure, measure.previous_tags):
            found.append(token.word)
    return found


@check("MF008")
def statistics_sentence_without_digits(ctx: Context) -> Iterator[Finding]:
    settings = _sentence_settings()
    others: list[Span] | None = None
    for block in ctx.views.blocks:
        text = block.text
        for match in _SENTENCE.finditer(text):
            sentence = match.group()
            if not any(c in settings.measure_chars for c in sentence) or settings.figures.search(sentence):
                continue
            verbs = [m.group(1) for m in settings.statistics.finditer(sentence) if m.group(1)]
            if len(verbs) < settings.min_verbs:
                continue
            units = _bare_measure_words(sentence, settings)
            if len(units) < settings.min_units:
                continue
            lead = len(sentence) - len(sentence.lstrip(" \u3000\t"))
            span = block.span(match.start() + lead, match.end())
            if others is None:  # the figures the other MF rules report: they already say it
                others = [
                    finding.span
                    for rule in (
                        measure_word_without_number,
                        blank_before_measure_word,
                        percent_without_number,
                        ordinal_without_number,
                        wan_yi_without_number,
                    )
                    for finding in rule(ctx)
                ]
            if any(o.start < span.end and span.start < o.end for o in others):
                continue
            shown_verbs = "、".join(dict.fromkeys(verbs))
            shown_units = "、".join(dict.fromkeys(units))
            yield Finding(
                span,
                f"这句有统计用语（{shown_verbs}）和量词（{shown_units}），却没有一个数字，疑为统计数字被删除",
            )
