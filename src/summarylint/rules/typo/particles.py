"""WD002: the structural particles 的/地/得 confused: 的 written for an adverbial 地 (认真的学习了) or a
complement 得 (完成的很好), and 得 written for 的 (最难得是 → 的是, 接触过得东西 → 的).

Every 的 of a paragraph is looked at in a segmentation of the few characters around it (jieba's
dictionary, its tags and a unigram word model, :class:`.detect.Scorer`); the word lists are data in
``rules/packs/typo-particles.toml``.  jieba's tags are the dictionary's, not tags in context: many
nouns are tagged as verbs (作用, 支持), so a 的 before a verb becomes 地 only with evidence that the
verb is used as a verb (an aspect marker or an object pronoun after it, a preposition or 去/来 right
after 的), and never after a word that makes the phrase a noun (有了一定的了解, 给予了很大的帮助).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.diagnostics import Edit, Finding, Fix
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check

_CLAUSE_END = "，。；！？：）)”’\n,.;!?:"  # not 、: an enumeration of modifiers (的不抓辫子、不扣帽子)
#: characters segmented on each side of a 的
_WINDOW = 8
#: 得 that may be a 的: before 是 (最关键得是), or after 过 (接触过得东西)
_DE2 = re.compile("(?<=[\u3400-\u9fff])得(?=是)|(?<=过)得")
#: tags of the word before 得是 that make it a noun phrase's 的 (not a pronoun: 他得是 is 他 + 得 děi)
_BEFORE_DE_SHI = ("a", "ad", "an", "d", "n", "v", "vn")


class ParticlePack(BaseModel):
    """``rules/packs/typo-particles.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    adverbial_tags: list[str] = Field(min_length=1)
    adverbials: list[str]
    clause_adverbials: list[str]
    nominal_heads: list[str]
    prepositions: list[str]
    copulas: list[str]
    serial_verbs: list[str]
    verb_markers: list[str]
    degree_words: list[str] = Field(min_length=1)
    complement_verbs: list[str]
    not_complement_verbs: list[str]
    nominal_degree: list[str]
    manner_idioms: list[str] = []


@dataclass(frozen=True)
class _Tables:
    pack: ParticlePack
    adverbial_tags: frozenset[str]
    adverbials: frozenset[str]
    clause_adverbials: frozenset[str]
    nominal_heads: frozenset[str]
    prepositions: frozenset[str]
    copulas: frozenset[str]
    serial_verbs: frozenset[str]
    verb_markers: re.Pattern[str]
    degree_words: frozenset[str]
    complement_verbs: frozenset[str]
    complement: re.Pattern[str]
    not_complement: frozenset[str]
    nominal_degree: re.Pattern[str]
    manner_idioms: frozenset[str]
    #: a 的 worth segmenting: followed by a degree word, a preposition, 去/来, a verb-sized word and a marker, or a
    #: fixed expression of manner closing the clause; or after a clause-opening adverbial (``clause_adverbials``)
    candidate: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _after_any(words: list[str], literal: str) -> str:
    """``|`` and look-behinds, one per word (they may differ in length), for a ``literal`` already matched right after
    one of ``words``; nothing when there are no words.  (After the literal, so that the pattern still starts with it
    and the regex engine jumps from one occurrence to the next.)"""
    return "".join(f"|(?<={re.escape(w + literal)})" for w in words)


@cache
def _tables() -> _Tables:
    pack = load_pack("typo-particles", ParticlePack)
    return _Tables(
        pack,
        frozenset(pack.adverbial_tags),
        frozenset(pack.adverbials),
        frozenset(pack.clause_adverbials),
        frozenset(pack.nominal_heads),
        frozenset(pack.prepositions),
        frozenset(pack.copulas),
        frozenset(pack.serial_verbs),
        re.compile(f"(?:{_alternation(pack.verb_markers)})"),
        frozenset(pack.degree_words),
        frozenset(pack.complement_verbs),
        # after the degree word: a short complement without 的, then the end of the clause
        re.compile(f"[^{_CLAUSE_END}的]{{0,4}}?了?(?=[{_CLAUSE_END}]|$)"),
        frozenset(pack.not_complement_verbs),
        re.compile(f"(?:{_alternation(pack.nominal_degree)})") if pack.nominal_degree else re.compile("(?!)"),
        frozenset(pack.manner_idioms),
        re.compile(
            "的(?:(?=(?:"
            + _alternation(pack.degree_words + pack.prepositions + pack.serial_verbs)
            # (a letter: [^\W\d_] compiles far faster than a range of Chinese characters, and the words' tags decide)
            + f")|[^\\W\\d_]{{1,2}}(?:{_alternation(pack.verb_markers)})"
            + (f"|(?:{_alternation(pack.manner_idioms)})(?:[{_CLAUSE_END}]|$)" if pack.manner_idioms else "")
            # a bare adjective of one character closing the clause (卖的快、), or a verb after 好 (没有很好的解决，)
            + f"|[^\\W\\d_](?:[{_CLAUSE_END}、]|$)"
            + f"|(?<=好的)[^\\W\\d_]{{2}}(?:[{_CLAUSE_END}]|$)"
            + ")"
            + _after_any(pack.clause_adverbials, "的")
            + ")"
        ),
    )


@dataclass(frozen=True)
class _Word:
    text: str
    tag: str
    start: int
    end: int


def _words(text: str, at: int) -> tuple[list[_Word], int] | None:
    """The words around the particle at ``at`` and its index among them (None: it is inside a word)."""
    from summarylint.rules.typo.detect import Scorer, dictionary

    scorer = Scorer(dictionary())
    left = max(0, at - _WINDOW)
    window = text[left : min(len(text), at + 1 + _WINDOW)]
    _, spans = scorer.best(window)
    words = [_Word(window[a:b], scorer.tag(window[a:b]), left + a, left + b) for a, b in spans]
    k = next((i for i, w in enumerate(words) if w.start == at and w.text == text[at]), None)
    return None if k is None else (words, k)


def _is_adverbial(t: _Tables, word: _Word) -> bool:
    if word.text in t.adverbials:
        return True
    han = len(word.text) == 4 and word.text[0] == word.text[1] and word.text[2] == word.text[3]  # AABB
    return han or (word.tag in t.adverbial_tags and len(word.text) > 1)


def _adverbial_de(t: _Tables, text: str, words: list[_Word], k: int) -> bool:
    """的 between an adverbial and a verb used as a verb: should be 地."""
    if k < 1 or k + 1 >= len(words):
        return False
    before, after = words[k - 1], words[k + 1]
    if not _is_adverbial(t, before):
        return False
    if k >= 2 and (words[k - 2].text in t.nominal_heads or words[k - 2].text.endswith("的")):
        return False  # 有了一定的了解, 给予了很大的帮助: a noun phrase
    if after.text in t.copulas:
        return False  # 严重的是……: a noun phrase before 是
    if after.text in t.prepositions:
        # an adjective before a preposition may modify a noun further on (持久的按比例的发展)
        return before.text in t.adverbials or before.tag in ("ad", "d")
    if k + 2 >= len(words):
        return False
    following = words[k + 2]
    if after.text in t.serial_verbs and following.tag.startswith("v"):
        return True
    return after.tag == "v" and t.verb_markers.fullmatch(following.text) is not None


#: What may open a clause before an adverbial: a mark, 一是, 二是 … of an enumeration, a modal verb, or an adverb of
#: going on, which is followed by a verb phrase, never a noun phrase (要认真的落实岗位责任, 将继续认真的履行职责).
_CLAUSE_OPENING = re.compile(
    f"(?:[{_CLAUSE_END}、　 ]|[一二三四五六七八九十]是|(?<![需只])要|应|应当|应该|必须|务必|须|将|能够?|会"
    "|继续|持续|进一步|始终|一如既往)$"
)


def _opening_de(t: _Tables, text: str, words: list[_Word], k: int) -> bool:
    """的 after an adverbial of manner opening a clause, before a verb with its object (，扎实的推进基层建设), or
    after the clause's subject before a verb that closes it (各项工作有条不紊的推进。): 地."""
    if k < 1 or k + 2 >= len(words) or words[k - 1].text not in t.clause_adverbials:
        return False
    start = words[k - 1].start
    subject = _subject_before(words, k - 1)
    if start > 0 and not _CLAUSE_OPENING.search(text, 0, start) and not subject:
        return False
    verb, following = words[k + 1], words[k + 2]
    is_verb = verb.tag == "v" or verb.text in t.complement_verbs
    if not is_verb or len(verb.text) != 2:
        return False
    if following.text[0] in _CLAUSE_END:
        # the verb closes the clause after its subject and the adverbial (各项工作有条不紊的推进。); after a copula or a
        # verb taking a noun phrase, the words are one (是我们一以贯之的追求。)
        return subject and not (k >= 3 and words[k - 3].text in t.nominal_heads)
    return following.text[0] != "的" and following.text not in _PREDICATE_OF_SUBJECT


#: Words after 的 + a verb that make that verb a noun, the subject of a predicate they begin
#: (，有条不紊的安排让大家满意): a causative, a copula or a verb of receiving.
_PREDICATE_OF_SUBJECT = frozenset(
    {"让", "使", "令", "使得", "是", "就是", "也是", "得到", "受到", "赢得", "成为", "值得"}
)


#: Tags of a subject before a clause's adverbial (团队认真的落实随访制度, 我们扎实的推进, 各项工作有条不紊的推进):
#: nouns, names, pronouns, and nouns of action (工作, 管理, jieba's vn).
_SUBJECT_TAGS = frozenset({"n", "nr", "nt", "nz", "ns", "r", "j", "vn"})


def _subject_before(words: list[_Word], adverbial: int) -> bool:
    """Whether the word before the adverbial at ``adverbial`` is a subject of two or more characters (a noun phrase
    before the adverbial is the clause's subject, so its 的 + verb + object is the predicate)."""
    if adverbial < 1:
        return False
    subject = words[adverbial - 1]
    if subject.tag in _SUBJECT_TAGS and len(subject.text) == 1 and adverbial >= 2:
        return words[adverbial - 2].tag in _SUBJECT_TAGS | {"l"}  # (a name segmented apart: 交通运输 + 局)
    return subject.tag in _SUBJECT_TAGS and len(subject.text) >= 2


#: 很好的 + a verb closing the clause after a negation or a modal (没有很好的解决, 能够很好的落实): an adverbial's 的.
_GOOD_ADVERBIALS = frozenset({"很好", "较好", "更好"})
_NEGATION_OR_MODAL = re.compile("(?:没有|没|未能|未|尚未|还未|不能|难以|能够|能|可以)$")


def _good_adverbial(words: list[_Word], k: int) -> int | None:
    """Where 很好 (较好, 更好) before the 的 at ``k`` starts among ``words``: one word, or 很 + 好 as two; None when
    there is none."""
    if k >= 1 and words[k - 1].text in _GOOD_ADVERBIALS:
        return k - 1
    if k >= 2 and words[k - 1].text == "好" and words[k - 2].text + "好" in _GOOD_ADVERBIALS:
        return k - 2
    return None


def _good_before_verb(t: _Tables, text: str, words: list[_Word], k: int) -> bool:
    """的 between 很好 (较好, 更好) after a negation or a modal and a verb closing the clause: 地."""
    good = _good_adverbial(words, k)
    if good is None or k + 1 >= len(words):
        return False
    start = words[good].start
    verb = words[k + 1]
    if not (verb.tag == "v" or verb.text in t.complement_verbs) or len(verb.text) != 2:
        return False
    if k + 2 < len(words) and words[k + 2].text in ("了", "着"):
        return True  # 较好的完成了年度任务: the verb with 了 is the predicate, 较好 its adverbial
    closes = verb.end >= len(text) or text[verb.end] in _CLAUSE_END
    return closes and _NEGATION_OR_MODAL.search(text, 0, start) is not None


def _complement_de(t: _Tables, text: str, words: list[_Word], k: int) -> bool:
    """的 between a verb and a short complement of degree closing the clause: should be 得."""
    if k < 1:
        return False
    verb = words[k - 1]
    # (a set phrase ending with its verb takes a complement of degree too: 隐患整改的还不够彻底)
    verbal = verb.tag in ("v", "vn") or verb.text in t.complement_verbs
    degree_next = k + 1 < len(words) and words[k + 1].text in t.degree_words
    if not (verbal or (verb.tag == "l" and degree_next)) or verb.text in t.not_complement:
        return False
    if k >= 2 and words[k - 2].text in ("所", "的"):
        return False  # 所需要的, 的……的: a noun phrase
    if k >= 2 and words[k - 2].text in _MODALS:
        return False  # a modal and its verb with 的 name what is done (当场能解决的不过夜, 该管的不放手): a noun phrase
    if k + 1 < len(words) and _idiom_complement(t, text, words[k + 1]):
        # 开展的有声有色, 整理的井井有条: a fixed expression of manner closing the clause; but after a verb that takes a
        # noun phrase it is one (体现了管理的有条不紊, 看到了工作的扎扎实实)
        return not _object_of_a_verb(words, k - 1)
    if _plain_complement(text, words, k) or _good_complement(text, words, k):
        return True
    if k + 1 < len(words) and _graded_word(text, words[k + 1]):
        return True  # 完成的较为理想: jieba's word of a degree adverb and a quality, closing the clause
    if k + 1 >= len(words) or words[k + 1].text not in t.degree_words:
        return False  # 不便, 更新: the degree word must be a word of its own
    if t.nominal_degree.match(text, words[k].end):
        return False
    m = t.complement.match(text, words[k + 1].end)
    if m is None:
        return False
    # the complement says how (熟练, 到位, 不够); a noun of its own in it makes a noun phrase (的不抓辫子, 的不安定因素,
    # 形成的比较优势), not a character (更细更实) or one word after 不够 (不够精准, jieba's noun)
    inside = [w for w in words[k + 2 :] if w.end <= m.end()]
    lacking = len(inside) == 1 and words[k + 1].text in _NOT_ENOUGH
    # (还 before 不够 as two words: 做的还不够规范, cut 还|不够|规范)
    lacking = lacking or (len(inside) == 2 and words[k + 1].text in _STILL and inside[0].text in _NOT_ENOUGH)
    # (a word after an adverb that only grades qualities is one, whatever jieba's tag: 完成的较为理想, 理想/n)
    graded = len(inside) == 1 and words[k + 1].text in _ONLY_DEGREE
    return lacking or graded or not any(w.tag.startswith("n") and len(w.text) >= 2 for w in inside)


def _graded_word(text: str, word: _Word) -> bool:
    """Whether ``word`` is one of jieba's words made of an adverb of degree and a quality (较为理想, 非常重要) and
    closes the clause."""
    head = next((d for d in _ONLY_DEGREE if word.text.startswith(d)), None)
    return head is not None and len(word.text) - len(head) >= 2 and text[word.end : word.end + 1] in (*_CLAUSE_END, "")


#: Degree words that are adverbs only (not 比较 of 比较优势, 更 of 更新): the one word after them is a quality.
_ONLY_DEGREE = frozenset({"较为", "非常", "十分", "很", "特别", "极其", "格外", "相当", "更加", "还算", "挺"})


#: Adverbs of "still" before a degree word of falling short (还不够, 仍不够).
_STILL = frozenset({"还", "仍", "也", "都"})


#: Degree words of falling short: the one word after them says how (开展的不够精准), whatever jieba's tag.
_NOT_ENOUGH = frozenset({"不够", "还不够", "不太", "不是很"})
#: Adjectives of one character that after a verb's 的 tell what was done, not how (新建的多，改建的少): no complement.
_NOT_MANNER = frozenset("多少大小新旧真假")


def _plain_complement(text: str, words: list[_Word], k: int) -> bool:
    """的 between a verb and a bare adjective of one character closing the clause (商品卖的快、, 工作做的细，): a
    complement of manner, 得.  Not in a comparison (比预想的好: what was foreseen), and not before an adjective of two
    characters, which names a thing as often (取得的成效, 共创新的辉煌)."""
    if k + 1 >= len(words) or words[k - 1].tag != "v":
        return False
    adjective = words[k + 1]
    if adjective.tag != "a" or len(adjective.text) != 1 or adjective.text in _NOT_MANNER:
        return False
    if not (adjective.end >= len(text) or text[adjective.end] in _CLAUSE_END + "、"):
        return False
    return not _compared(text, words[k - 1].start)


_COMPARED = re.compile("比|和|跟|与|同|像|如")
#: Words of degree that are a complement by themselves after a verb's 的 closing the clause (发展的更好。): 得.
_GOOD_COMPLEMENTS = frozenset({"更好", "很好", "较好", "更快", "很快", "较快"})


def _good_complement(text: str, words: list[_Word], k: int) -> bool:
    """的 between a verb and 更好 (很好, 更快……) closing the clause, not in a comparison (比预期的更好)."""
    if k + 1 >= len(words) or words[k - 1].tag not in ("v", "vn") or words[k + 1].text not in _GOOD_COMPLEMENTS:
        return False
    end = words[k + 1].end
    if not (end >= len(text) or text[end] in _CLAUSE_END):
        return False
    return not _compared(text, words[k - 1].start)


def _compared(text: str, verb: int) -> bool:
    """Whether the clause of ``text`` holds a comparison before the verb at ``verb`` (比预想的好: what was foreseen)."""
    clause = max(text.rfind(mark, 0, verb) for mark in _CLAUSE_END + "、")
    return _COMPARED.search(text, clause + 1, verb) is not None


#: Modal verbs: before a verb and 的 they make a noun phrase of what may or should be done (能解决的, 该办的).
_MODALS = frozenset({"能", "可", "可以", "能够", "应", "应该", "应当", "该", "须", "需", "需要", "要", "必须"})


#: Verbs whose object may be a verb's 的-phrase (体现管理的有条不紊): no complement follows their 的.
_TAKES_A_NOUN_PHRASE = frozenset({"体现", "展现", "展示", "彰显", "保证", "确保", "看到", "看出", "感受到", "见证"})


def _object_of_a_verb(words: list[_Word], verb: int) -> bool:
    """Whether the verb at ``verb`` opens a phrase that is the object of a verb a few words before it in its clause
    (体现了档案整理……: a verb with 了 or 着, or one of :data:`_TAKES_A_NOUN_PHRASE`)."""
    for word in reversed(words[max(0, verb - 3) : verb]):
        if word.text[0] in _CLAUSE_END:
            return False
        if word.text.endswith(("了", "着")) or word.text in _TAKES_A_NOUN_PHRASE:
            return True
    return False


def _idiom_complement(t: _Tables, text: str, word: _Word) -> bool:
    """Whether ``word``, after a verb's 的, is a fixed expression of manner closing the clause (``manner_idioms``)."""
    return word.text in t.manner_idioms and (word.end >= len(text) or text[word.end] in _CLAUSE_END)


def _de_for_de(words: list[_Word], k: int) -> bool:
    """A 得 of its own that should be 的: before 是 after a describing word, or after 过 before a noun or a stop."""
    if k < 1 or k + 1 >= len(words):
        return False
    before, after = words[k - 1], words[k + 1]
    if after.text == "是":
        return before.tag in _BEFORE_DE_SHI
    if before.text in ("过", "不过"):
        return after.tag.startswith("n") or after.text in _CLAUSE_END
    return False


@check("WD002")
def de_di_de(ctx: Context) -> Iterator[Finding]:
    t = _tables()
    for block in ctx.views.candidates(t.candidate):
        text = block.text
        for m in block.finditer(t.candidate):
            at = m.start()
            found = _words(text, at)
            if found is None:
                continue
            words, k = found
            if _complement_de(t, text, words, k):
                right, why = "得", f"“{words[k - 1].text}”是动词，后面补充说明程度（{_shown(text, at)}），用“得”"
            elif (
                _adverbial_de(t, text, words, k)
                or _opening_de(t, text, words, k)
                or _good_before_verb(t, text, words, k)
            ):
                good = _good_adverbial(words, k)  # (较 + 好 as two words: the adverbial is both)
                adverbial = "".join(w.text for w in words[good:k]) if good is not None else words[k - 1].text
                right, why = "地", f"“{adverbial}”修饰后面的动作（{_shown(text, at)}），状语后用“地”"
            else:
                continue
            span = block.span(at, at + 1)
            yield Finding(span, f"“的”应写作“{right}”：{why}", fix=Fix.unsafe(Edit(span, right)))
    for block in ctx.views.candidates(_DE2):
        text = block.text
        for m in block.finditer(_DE2):
            at = m.start()
            found = _words(text, at)
            if found is None or not _de_for_de(*found):
                continue
            span = block.span(at, at + 1)
            yield Finding(
                span,
                f"“得”应写作“的”：“{_shown(text, at)}”中这里是名词性的“……的”，“得”只用在动词、形容词后引出补语",
                fix=Fix.unsafe(Edit(span, "的")),
            )


def _shown(text: str, at: int) -> str:
    return text[max(0, at - 4) : at + 5].strip()
