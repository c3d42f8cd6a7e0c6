"""WD012, WD013: a character or a word typed twice (的的, 在在, 进行进行).

These were DU005 and DU006 of the duplicate family; the old codes are redirects
(:data:`summarylint.rules.REDIRECTS`).  Data: ``rules/packs/typo-stutter.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check
from summarylint.rules.garbled.mojibake import find_marks

if TYPE_CHECKING:
    from summarylint.rules.typo.lexicon import Words


class WordStutters(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    #: verbs that are doubled to soften them (研究研究): ordinary speech, reported as info
    reduplicable: list[str]
    #: before a reduplicable word, words that make it a noun (开展活动活动): a stutter again
    noun_before: list[str] = []
    #: a repeated stretch starting with one of these is a numeral phrase or emphasis
    not_starts: str


class StutterPack(BaseModel):
    """``rules/packs/typo-stutter.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    #: function words that are never doubled
    chars: str = Field(min_length=1)
    #: words ending with one of the chars: ``为了|了解`` is not a stutter
    left_words: list[str]
    #: words starting with one of the chars
    right_words: list[str]
    #: fixed expressions containing a doubled char (不了了之, 是是非非)
    fixed: list[str]
    words: WordStutters


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _stutter() -> tuple[StutterPack, re.Pattern[str], re.Pattern[str]]:
    pack = load_pack("typo-stutter", StutterPack)
    right = re.compile(f"(?:{_alternation(pack.right_words)})")
    fixed = re.compile(_alternation(pack.fixed))
    return pack, right, fixed


@cache
def _noun_before() -> re.Pattern[str] | None:
    words = _stutter()[0].words.noun_before
    return re.compile(f"(?:{_alternation(words)})$") if words else None


def _team_word(text: str, start: int, end: int, words: frozenset[str], *, whole: bool = True) -> bool:
    """Whether a word of the team dictionary stands in ``text`` over ``[start, end)`` (``whole``) or over a
    part of it: a name or term of the team's (乐乐, 施工工法) is never a stutter."""
    from summarylint.rules.typo.detect import team_ranges

    return any((s <= start and end <= e) if whole else (s < end and start < e) for s, e in team_ranges(text, words))


def _around(text: str, start: int, end: int) -> str:
    return text[max(0, start - 4) : end + 4]


#: Any Chinese character typed twice.  Beyond the function words of the pack, a doubled character is a
#: stutter when the word model segments both copies as words of one character and the character is a
#: function word, adverb, pronoun or verb by jieba's tag (各部门要要重视, 我我认为); nouns, measure words
#: and numerals double to mean "every" (年年, 市市, 人人), names double (呦呦), and a doubled character
#: that is itself a word (常常, 看看) is one token; a pair beside another pair is a reduplicated
#: expression (实实在在, 和和美美).
_DOUBLED_ANY = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff])\1")
_STUTTER_TAGS = ("u", "p", "c", "d", "r", "v")
#: The last character of a village's or a hamlet's name: a doubled character before it names a place.
_PLACE_SUFFIX = re.compile(r"[村庄寨屯坪湾沟岭峪垭坳铺营堡洼坡]")


def _tokens(text: str, at: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The words (start, end) of ``text`` holding the characters at ``at`` and ``at + 1``, by the typo
    family's word model over a window around them."""
    from summarylint.rules.typo.detect import Scorer, dictionary

    left, right = max(0, at - 6), min(len(text), at + 8)
    _, words = Scorer(dictionary()).best(text[left:right])
    first = next((s + left, e + left) for s, e in words if s <= at - left < e)
    second = next((s + left, e + left) for s, e in words if s <= at + 1 - left < e)
    return first, second


#: measure words of shape and quantity (一根根, 一排排, 一块块, 一道道, 一层层, 一桩桩, 一方方印章, 一面面旗帜) that
#: double after 一 too
_MORE_CLASSIFIERS = frozenset("根株棵排片块颗幅串滴阵道层轮双对支枝杯碗朵束堆群行句首桩宗笔方面把间扇")


def _stutters(text: str, at: int, pack: StutterPack, left_words: frozenset[str], right: re.Pattern[str]) -> bool | str:
    """Whether the doubled character at ``at`` is a stutter (see :data:`_DOUBLED_ANY`); or, when one copy
    belongs to a word and the other stands alone (服务务质量), the word (see :func:`_bounced`)."""
    from summarylint.rules.typo.detect import classifiers

    char = text[at]
    if _reduplicated(text, at):
        return False  # AABB: 实实在在, 和和美美, 认认真真
    if text[at - 1 : at] == "一" and (char in classifiers() or char in _MORE_CLASSIFIERS):
        return False  # 一 and a measure word doubled: one by one (一份份判决, 一个个项目, 一件件实事, 一根根管道)
    if right.match(text, at + 1):
        return False  # 为了|了解, 关键是|是否: the second copy begins a word
    if text[at - 1 : at] == char or text[at + 2 : at + 3] == char:  # a run of three or more: no word
        return char in pack.chars or _stutter_tag(char)
    first, second = _tokens(text, at)
    if char in pack.chars:
        # the first copy ends a word that may stand before the character (目的|的, 现在|在)
        return not (first[1] - first[0] > 1 and text[first[0] : first[1]] in left_words)
    if first == second or _place_name(text, at):
        return False  # one word; or a place's name (坨坨村, 岗岗营)
    if first[1] - first[0] > 1 or second[1] - second[0] > 1:
        return _bounced(text, at, first, second) or False
    return _stutter_tag(char)


def _place_name(text: str, at: int) -> bool:
    """Whether the character doubled at ``at`` names a place with the one after it (坨坨村, 岗岗营): a village's last
    character follows, and the character and that one make no word (农农村 is 农村 typed with one 农 too many)."""
    from summarylint.rules.typo.detect import dictionary

    return bool(_PLACE_SUFFIX.match(text, at + 2)) and dictionary().freq(text[at] + text[at + 2]) == 0


def _reduplicated(text: str, at: int) -> bool:
    """Whether the character typed twice at ``at`` is half of an AABB expression: another character
    doubled right after or before it (实实在在, 认认真真, and 竞竞业业 misspelt, which WD010 reports), unless
    the two characters make no word, nor the four, and the doubled pair begins or ends a longer word
    (在在跷跷板: 跷跷板 is a word, 在跷 none; 以以钉钉子)."""
    from summarylint.rules.typo.detect import dictionary

    char = text[at]
    after, before = text[at + 2 : at + 4], text[max(0, at - 2) : at]
    for pair, base, whole, longer in (
        (after, char + after[:1], char + char + after, text[at + 2 : at + 5]),
        (before, before[-1:] + char, before + char + char, text[max(0, at - 3) : at]),
    ):
        if len(pair) == 2 and pair[0] == pair[1] != char:
            words = dictionary()
            return words.freq(base) > 0 or words.freq(whole) > 0 or not (len(longer) == 3 and words.freq(longer) > 0)
    return False


#: How much more probable (natural log, the typo family's word model) the text around a doubled
#: character must be without its lone copy when the other copy belongs to a word (服务务质量, 工工作,
#: 我们们): chosen on characters doubled at random inside the words of edited official text
#: (``scripts/typo_eval.py inject``, kind ``doubled``) against the false alarms on that text.  There a
#: lone copy is mostly part of a compound the dictionary lacks, made with a productive prefix or suffix
#: (健全|全流程 7.9, 居住国|国籍 7.6, 出厂水|水质 7.8), which :func:`_bounced` leaves alone whatever its
#: gain (the lexicon's ``affixes``); below 9 the rest (我们们 7.3, 已经经 8.0, 预约约 7.7) were missed.
#: A compound can still be made with a rarer affix (施工|工法), so these findings are hints (info).
BOUNCE_GAIN = 7.0
#: The same for a character jieba tags as a function word, pronoun or localiser standing before the word that
#: repeats it (以|以来, 他|他们, 中|中外), or a particle after one before a mark (目的|的，): such a character makes
#: no compound the dictionary lacks, and the word model, which rates it as frequent on its own, underrates what
#: dropping the lone copy gains (see :func:`_least_gain`).  Chosen like the margin above: from 7 to 5 it adds no
#: finding on the edited text and the drafts.
BOUNCE_GAIN_FUNCTION_WORD = 5.0
_FUNCTION_TAGS = ("u", "p", "c", "r", "f")
_PARTICLES = "的地得"
_MARKS = frozenset("，。；：！？、,.;:!?）)”")


def _bounced(text: str, at: int, first: tuple[int, int], second: tuple[int, int]) -> str | None:
    """The word one copy of the character doubled at ``at`` belongs to, when the other copy stands alone
    (``first``, ``second``: the words of the two copies), the pair is no word, the word is no name or
    term (超|超临界), and the text is much more probable without the lone copy; else None."""
    from summarylint.rules.typo.detect import NAME_TAGS, Scorer, dictionary, lexicon

    if second[1] - second[0] > 1 and first[1] - first[0] > 1:
        return None  # 北京|京东方: two words meet
    lone, (start, end) = (at, second) if first[1] - first[0] == 1 else (at + 1, first)
    words = dictionary()
    # a doubled pair that is a word (步步, 时时, 比比: of 步步为营, 时时刻刻, 比比皆是) is a slip only where the
    # lone copy follows the word and stands before another one (进一步|步|完善, 同比|比|下降); elsewhere it may be
    # meant (治|治病, 监管|管|出)
    pair_word = words.freq(text[at : at + 2]) > 0
    if (pair_word and lone == at) or words.tag(text[start:end]) in NAME_TAGS:
        return None
    # a lone copy after a word (居住|国) may be its suffix, one before a word (全|流程) its prefix
    if text[at] in lexicon().affixes.get("suffix" if lone == at else "prefix", ""):
        return None
    scorer = Scorer(words)
    left, right = max(0, at - 6), min(len(text), at + 8)
    written, tokens = scorer.best(text[left:right])
    if pair_word and not _word_at(tokens, lone + 1 - left):
        return None
    without, _ = scorer.best(text[left:lone] + text[lone + 1 : right])
    return text[start:end] if without - written >= _least_gain(text, at, lone, words) else None


def _least_gain(text: str, at: int, lone: int, words: Words) -> float:
    """The gain :func:`_bounced` asks of the character doubled at ``at`` with its lone copy at ``lone``: less for a
    function word, pronoun or localiser standing before the word that repeats it (以|以来, 他|他们, 中|中外), or a
    particle standing after one before a mark (目的|的，); a function word after a word that ends with it may begin a
    phrase of its own (可以|以拍卖的方式, 脚踏实地|地向前)."""
    if lone == at + 1 and text[at + 2 : at + 3].isdigit():
        return BOUNCE_GAIN_FUNCTION_WORD  # (达到|到|100%: before a figure the lone copy begins no word)
    if not words.tag(text[at]).startswith(_FUNCTION_TAGS):
        return BOUNCE_GAIN
    if lone == at or (text[at] in _PARTICLES and text[at + 2 : at + 3] in _MARKS):
        return BOUNCE_GAIN_FUNCTION_WORD
    return BOUNCE_GAIN


def _word_at(tokens: list[tuple[int, int]], at: int) -> bool:
    """Whether a word of two or more characters begins at ``at`` among ``tokens``."""
    return any(s == at and e - s > 1 for s, e in tokens)


def _stutter_tag(char: str) -> bool:
    """Whether jieba tags ``char`` as a function word, adverb, pronoun or verb."""
    from summarylint.rules.typo.detect import dictionary

    return dictionary().tag(char).startswith(_STUTTER_TAGS)


@check("WD012")
def stuttered_function_word(ctx: Context) -> Iterator[Finding]:
    pack, right, fixed = _stutter()
    left_words = frozenset(pack.left_words)
    for block in ctx.views.candidates(_DOUBLED_ANY):
        text = block.text
        protected = [(m.start(), m.end()) for m in fixed.finditer(text)]
        for m in block.finditer(_DOUBLED_ANY):
            at = m.start()
            if any(s <= at < e for s, e in protected):
                continue
            stutter = _stutters(text, at, pack, left_words, right)
            # (a hint is silenced by a team word over either copy: 工法 makes the lone 工 part of a word)
            if not stutter or _team_word(text, at, m.end(), ctx.words, whole=not isinstance(stutter, str)):
                continue
            span = block.span(at, m.end())
            if any(p.start <= span.start and span.end <= p.end for p in ctx.views.placeholder_spans):
                continue  # a placeholder the PH rules report (教师某某某): the repeat is the template's
            char = m.group(1)
            context = _around(text, at, m.end())
            fix = Fix.unsafe(Edit(block.span(at + 1, m.end()), ""))
            if isinstance(stutter, str):  # one copy belongs to a word: a hint
                yield Finding(
                    block.span(at, m.end()),
                    f"“{char}{char}”：“{context}”中“{char}”连写了两次，一个属于“{stutter}”，另一个单独成字，"
                    f"可能是多打了一个，请核对（建议删去一个“{char}”）",
                    severity=Severity.INFO,
                    fix=fix,
                )
                continue
            yield Finding(
                block.span(at, m.end()),
                f"“{char}{char}”：“{context}”中“{char}”连写了两次，"
                f"这里不是两个词相接，多半是多打了一个，建议删去一个“{char}”",
                fix=fix,
            )


_REPEATED_WORD = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff]{2,4})\1")


def _whole_words(text: str, start: int, middle: int, end: int) -> bool:
    """Whether segmenting the stretch around a repeat puts word boundaries at its start and between its
    copies, and the second copy is not cut inside (it may begin a longer word: 认真|认真学习)."""
    from summarylint.text.measure import focus
    from summarylint.text.segment import segmenter

    left, right = max(0, start - 6), min(len(text), end + 6)
    tokens = list(segmenter(focus()).cut(text[left:right], left))
    bounds = {left} | {token.end for token in tokens}
    if start not in bounds or middle not in bounds:
        return False
    return end in bounds or any(token.start == middle and token.end > end for token in tokens)


#: Suffixes that make a word derived from the one before them: the person in charge of a unit (网格员, 楼栋长), a
#: quality or a manner (选择性, 网格化, 开放式, 服务型): 第三网格|网格员 and 自主选择|选择性 are two words.
_DERIVED_ENDS = ("员", "长", "性", "化", "式", "型", "者")


#: Between two reduplicated verbs of one series: an enumeration comma and a few characters
#: (“开会研究研究、发文部署部署”).
_SERIES_GAP = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{0,4}、[\u3400-\u4dbf\u4e00-\u9fff]{0,4}")


def _paired_with_reduplication(text: str, start: int, end: int, reduplicable: frozenset[str]) -> bool:
    """Whether the doubled word ``[start, end)`` is listed beside a verb doubled to soften it (研究研究): the same turn
    of speech on purpose, as in “开会研究研究、发文部署部署” (a parody of paperwork), no word typed twice."""
    for m in _REPEATED_WORD.finditer(text, max(0, start - 16), min(len(text), end + 16)):
        if m.group(1) not in reduplicable or m.start() == start:
            continue
        gap = text[m.end() : start] if m.end() <= start else text[end : m.start()] if end <= m.start() else None
        if gap is not None and _SERIES_GAP.fullmatch(gap):
            return True
    return False


#: Characters that make a word of a system with the noun before them (公司制, 责任制, 合伙制), and begin other words too
#: (制定, 制度): a suffix only where the dictionary has the longer word.
_SYSTEM_ENDS = frozenset("制")


def _system_of(word: str, after: str) -> bool:
    """Whether ``word`` and the character ``after`` it make a word of a system in the typo family's dictionary
    (日杂公司|公司制改造; not 全部|全部制定, nor 退役军人服务|服务站, where 服务 is typed twice)."""
    from summarylint.rules.typo.detect import dictionary

    return after in _SYSTEM_ENDS and dictionary().freq(word + after) > 0


#: A character written alone less often than this in jieba's dictionary is a rare one (哔).
_RARE_CHAR_FREQ = 300
#: Tags of characters that write sounds: onomatopoeia, modal particles, interjections.
_SOUND_TAGS = ("o", "y", "e")


def _sound_or_name(word: str) -> bool:
    """Whether ``word`` is no word of the typo family's dictionary and holds a rare character or one that writes a
    sound (哔哩, 咕噜): doubled, a name or a sound (哔哩哔哩), not a word typed twice (逐项逐项 is)."""
    from summarylint.rules.typo.detect import dictionary

    words = dictionary()
    return words.freq(word) == 0 and any(
        words.freq(c) < _RARE_CHAR_FREQ or words.tag(c).startswith(_SOUND_TAGS) for c in word
    )


@check("WD013")
def stuttered_word(ctx: Context) -> Iterator[Finding]:
    words = _stutter()[0].words
    reduplicable = frozenset(words.reduplicable)
    noun_before = _noun_before()
    for block in ctx.views.candidates(_REPEATED_WORD):
        text = block.text
        marks = find_marks(text)  # (sequences only garbling writes, 锟斤拷锟斤拷: GA005's, no word typed twice)
        for m in block.finditer(_REPEATED_WORD):
            word = m.group(1)
            if word[0] in words.not_starts or len(set(word)) == 1:
                continue  # 一步一步, 很紧很紧, 哈哈哈哈
            start, end = m.span()
            if any(mark.start < end and start < mark.end for mark in marks):
                continue
            if not _whole_words(text, start, start + len(word), end) or _team_word(text, start, end, ctx.words):
                continue  # 产业|创业|创新: the repetition straddles words; or a team word covers it
            if text.startswith(_DERIVED_ENDS, end):
                continue  # 第三网格|网格员, 自主选择|选择性: a word, then one derived from it
            if _system_of(word, text[end : end + 1]) or (len(word) == 2 and _sound_or_name(word)):
                continue  # 日杂公司|公司制: a word, then a system of it; 哔哩哔哩: a name or a sound doubled
            context = _around(text, start, end)
            verbal = (
                word in reduplicable
                and not (noun_before is not None and noun_before.search(text, max(0, start - 4), start))
            ) or _paired_with_reduplication(text, start, end, reduplicable)
            yield Finding(
                block.span(start, end),
                f"“{word}{word}”是口语的动词重叠说法，书面材料中一般只写一个“{word}”"
                if verbal
                else f"“{word}”连写了两次：“{context}”中多了一个“{word}”，多半是复制或修改时留下的，建议删去一个",
                severity=Severity.INFO if verbal else None,
                fix=Fix.unsafe(Edit(block.span(start + len(word), end), "")),
            )
