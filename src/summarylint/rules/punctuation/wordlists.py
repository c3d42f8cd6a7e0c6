"""Lists of words written with commas (对钢材，木材，砂石等建材开展抽检), for PU024.

GB/T 15834-2011 §4.5.3.1 separates the items of a list of words with the enumeration comma 、; the
comma ， separates clauses.  A comma is only reported between the items of a list that cannot be read
as clauses:

* every item is short (at most :data:`ITEM_MAX` Chinese characters and nothing else between its two
  separators) and a noun by jieba's tags: all its words nouns, or a two-character verb or adjective
  and a one-character noun (参与/v + 权, a word the focused dictionary lacks), or words and a suffix
  (案例 + 式, 服务 + 型), or nouns with a one-character adjective before one of them (石门 + 黄 + 桃); in a
  list closed by 等
  whose items are one word each, a verb too (走访，慰问，帮扶等活动);
* there are at least three items;
* the list closes with 等/等等 and every separator in it is a comma (钢材，木材，砂石等), or its items
  all end with the same character, which makes them one kind of thing (所有权，承包权、经营权;
  针对性，灵活性，可靠性).

The first item is the nouns at the end of the clause before the first separator (or one verb after a
verb or preposition that governs the list: 开展走访，慰问……; not the object of 按照, 根据 and the like,
which open an adverbial: 按照计划，车间、班组等……) and the last item the nouns at the start of the clause
after the last separator.  A comma before a list written with 顿号 may
close a clause whose last word is a noun (完成全年任务，党员、干部等……): unless the items end alike,
a list with both marks is left alone, and so is a comma between two groups that are lists themselves
(铁路、公路，机场、港口): the usual way to write a list of groups.  Segmentation
(:mod:`summarylint.text.segment`) runs only on text that has the shape of such a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarylint.text.chars import CJK
from summarylint.text.segment import Token

#: the longest item, in Chinese characters: a list item is a word or a compound of two or three words
#: (压力容器, 安全生产责任); longer stretches between commas are clauses.  4 loses a five-character item
#: of the held-out drafts; 8 finds nothing more on any corpus
ITEM_MAX = 6
#: jieba's noun tags: common nouns, proper nouns, noun morphemes, organisations, abbreviations, and
#: names of people and places (jieba gives them to common words too: 玉米/nr; a list of names is written
#: with 顿号 like any other)
NOUN_TAGS = frozenset({"n", "nz", "ng", "nt", "j", "nr", "ns", "nrt", "nrfg"})
#: tags a one-word item may have besides a noun's in a list closed by 等 whose items are one word each:
#: verbs and verbal nouns (走访，慰问，帮扶等活动)
WORD_TAGS = NOUN_TAGS | {"v", "vn"}
#: tags of the word before a one-word verb that begins a list: a verb or a preposition governing the list
#: (开展走访，慰问，帮扶等; not a subject: 会议要求，学习、宣传等工作……)
GOVERNING_TAGS = frozenset({"v", "p"})
#: tags of a two-character word that makes a noun with a one-character noun after it (参与/v + 权)
MODIFIER_TAGS = frozenset({"v", "vn", "a", "an", "b"})
#: jieba's tag of a suffix that makes a noun of the words before it (案例/n + 式, 服务/vn + 型)
SUFFIX_TAG = "k"
#: the first letters of jieba's tags of words no suffix makes a noun of: particles, prepositions,
#: conjunctions, pronouns, numerals, measure words, and what is no word (该/r + 式 is no item)
FUNCTION_TAGS = frozenset("upcrmqxw")
#: words that open an adverbial of the basis of an action (按照要求，单位、个人等都要参加): the noun
#: after one of them is its object, not the first item of a list that follows the comma
BASIS_WORDS = frozenset(
    {"按照", "根据", "依照", "依据", "遵照", "遵循", "本着", "基于", "鉴于", "对照", "参照", "结合", "按", "据"}
)
#: what closes a list that goes on (等 and 等等 as words of their own, not the 等 of 一等奖)
CLOSING = frozenset({"等", "等等"})

#: text that may hold such a list (segmentation then tells): two commas around a short run of Chinese
#: text and 等 after another, or three stretches ending with the same character, two of them short, with
#: a comma among their separators
_RUN = rf"[{CJK}]{{0,{ITEM_MAX - 1}}}"  # (an item but its last character)
CANDIDATE = re.compile(
    # …钢材，木材，砂石等 (or …砂石、水泥等)
    rf"，[{CJK}]{{1,{ITEM_MAX}}}，[{CJK}]{{1,{ITEM_MAX}}}(?:、[{CJK}]{{1,{ITEM_MAX}}})*等"
    rf"|([{CJK}])(?:，{_RUN}\1[，、]|、{_RUN}\1，){_RUN}\1"  # …所有权，承包权、经营权
    rf"|(?:^|(?<=[。；：！？;:!?\n]))[{CJK}]{{2,{ITEM_MAX}}}，[{CJK}]{{2,{ITEM_MAX}}}等"  # ；黄桃，葡萄等
)
#: what ends the stretch of text a list may stand in
_STRETCH_END = re.compile("[。；：！？;:!?…（）()“”‘’《》【】\n]")
_SEPARATOR = re.compile("[，、]")
_PURE = re.compile(rf"[{CJK}]{{1,{ITEM_MAX}}}")
_LEADING = re.compile(rf"[{CJK}]+")
_TRAILING = re.compile(rf"[{CJK}]+$")

Cut = Callable[[str, int], Sequence[Token]]


@dataclass(frozen=True)
class Item:
    """One item of a list: ``text[start:end]`` and the words it was cut into."""

    start: int
    end: int
    words: tuple[Token, ...]


@dataclass(frozen=True)
class WordList:
    """A list of words with at least one comma between its items: the text indices of those commas."""

    items: tuple[Item, ...]
    commas: tuple[int, ...]


def _compound(words: Sequence[Token]) -> bool:
    """A verb or adjective and a one-character noun: one noun (参与权, 满意率, 服务站)."""
    return (
        len(words) == 2
        and words[0].tag in MODIFIER_TAGS
        and len(words[0].word) == 2
        and words[1].tag in NOUN_TAGS
        and len(words[1].word) == 1
    )


def _suffixed(words: Sequence[Token]) -> bool:
    """Content words and a suffix after them: one noun (案例式, 情景模拟式, 服务型, 互动/d + 式)."""
    return len(words) >= 2 and words[-1].tag == SUFFIX_TAG and not any(w.tag[:1] in FUNCTION_TAGS for w in words[:-1])


def _modified(words: Sequence[Token]) -> bool:
    """Nouns, one after a one-character adjective (石门 + 黄/a + 桃, 新/a + 能源): one noun ending with a noun."""
    return (
        len(words) >= 2 and words[-1].tag in NOUN_TAGS and all(w.tag in NOUN_TAGS or _modifier(w) for w in words[:-1])
    )


#: tags of a one-character word that makes a noun with the noun after it (黄桃, 新区)
_ONE_CHARACTER_MODIFIERS = frozenset({"a", "b"})


def _modifier(word: Token) -> bool:
    return len(word.word) == 1 and word.tag in _ONE_CHARACTER_MODIFIERS


def _nouns(words: Sequence[Token]) -> bool:
    return bool(words) and (
        all(w.tag in NOUN_TAGS for w in words) or _compound(words) or _suffixed(words) or _modified(words)
    )


def _single_nouns(items: Sequence[Item]) -> bool:
    """Whether every item is a noun of two characters (黄桃, 葡萄): no clause of its own."""
    return all(i.end - i.start == 2 and _nouns(i.words) for i in items)


def _one_word(words: Sequence[Token]) -> bool:
    return len(words) == 1 and words[0].tag in WORD_TAGS


class _Piece:
    """The text between two separators (or a separator and the end of the stretch)."""

    def __init__(self, text: str, start: int, end: int, cut: Cut) -> None:
        self.text, self.start, self.end, self._cut = text, start, end, cut

    def whole(self) -> Item | None:
        """The piece as one item: short, all Chinese characters, one noun phrase or one word."""
        if not _PURE.fullmatch(self.text, self.start, self.end):
            return None
        words = tuple(self._cut(self.text[self.start : self.end], self.start))
        if _nouns(words) or _one_word(words):
            return Item(self.start, self.end, words)
        return None

    def tail(self) -> Item | None:
        """The nouns (or the one word) the piece ends with: the first item of a list after it."""
        found = _TRAILING.search(self.text, self.start, self.end)
        if found is None:
            return None
        left = max(found.start(), self.end - 2 * ITEM_MAX)
        words = list(self._cut(self.text[left : self.end], left))
        if words and words[0].start > found.start():
            words.pop(0)  # maybe cut in the middle of a word
        nouns: list[Token] = []
        if len(words) >= 2 and _suffixed(words[-2:]) and self.end - words[-2].start <= ITEM_MAX:
            nouns = [words[-2], words[-1]]  # (a word and its suffix: 推行 + 案例式)
            del words[-2:]
        while (
            words
            and self.end - words[-1].start <= ITEM_MAX
            and (words[-1].tag in NOUN_TAGS or (nouns and _modifier(words[-1]) and len(words) >= 2))
        ):
            nouns.insert(0, words.pop())  # (nouns, a one-character adjective among them: 石门黄桃)
        if nouns and _modifier(nouns[0]):
            words.append(nouns.pop(0))
        if len(nouns) == 1 and words and _compound([words[-1], nouns[0]]):
            nouns.insert(0, words.pop())
        elif not nouns and words and _one_word(words[-1:]) and (len(words) == 1 or words[-2].tag in GOVERNING_TAGS):
            nouns = [words.pop()]  # a verb after a verb or a preposition that governs the list (开展走访，慰问……)
        if not nouns or self.text[self.start : nouns[0].start].strip() in BASIS_WORDS:
            return None
        return Item(nouns[0].start, self.end, tuple(nouns))

    def head(self) -> tuple[Item | None, bool]:
        """The nouns (or the one word) the piece begins with: the last item of a list before it; and
        whether 等 follows them."""
        found = _LEADING.match(self.text, self.start, self.end)
        if found is None:
            return None, False
        right = min(found.end(), self.start + ITEM_MAX + 2)
        words = list(self._cut(self.text[self.start : right], self.start))
        nouns: list[Token] = []
        while (
            words
            and words[0].end - self.start <= ITEM_MAX
            and (
                words[0].tag in NOUN_TAGS
                or (
                    _modifier(words[0])
                    and len(words) >= 2
                    and words[1].tag in NOUN_TAGS
                    and words[1].end - self.start <= ITEM_MAX
                )
            )
        ):
            nouns.append(words.pop(0))  # (nouns, a one-character adjective before one of them: 石门黄桃)
        for size in (1, 2):  # (a suffix after the nouns, or a word and its suffix: 情景 + 模拟式)
            if (
                len(words) >= size
                and _suffixed([*nouns, *words[:size]])
                and words[size - 1].end - self.start <= ITEM_MAX
            ):
                nouns += words[:size]
                del words[:size]
                break
        if not nouns and len(words) >= 2 and _compound(words[:2]):
            nouns = [words.pop(0), words.pop(0)]
        elif not nouns and words and _one_word(words[:1]) and words[0].end - self.start <= ITEM_MAX:
            nouns = [words.pop(0)]
        if not nouns:
            return None, False
        closed = bool(words) and words[0].word in CLOSING
        return Item(self.start, nouns[-1].end, tuple(nouns)), closed


def _alike(items: Sequence[Item], text: str) -> bool:
    """Whether the items all end with the same character (所有权，承包权，经营权)."""
    return len({text[item.end - 1] for item in items}) == 1


def _between_groups(marks: list[str], n: int) -> bool:
    """Whether the comma ``marks[n]`` separates two groups of words that are lists themselves: a 、 right in the group
    before it and one right in the group after it (铁路、公路，机场、港口), not only somewhere farther."""
    return marks[n - 1 : n] == ["、"] and marks[n + 1 : n + 2] == ["、"]


def _judge(text: str, items: list[Item], seps: list[int], closed: bool) -> WordList | None:
    """The list the items make, if they make one whose commas are wrong (see the module docstring)."""
    marks = [text[at] for at in seps]
    # a comma between two groups of words that are lists themselves (铁路、公路，机场、港口) separates
    # larger items and is right
    commas = [at for n, at in enumerate(seps) if marks[n] == "，" and not _between_groups(marks, n)]
    if not commas:
        return None
    if not all(_nouns(item.words) for item in items) and not (closed and all(len(i.words) == 1 for i in items)):
        return None  # verbs only in a list of single words closed by 等
    # (closed by 等, every separator a comma; or every comma wrong among 、 and only nouns: 语文，数学，英语、物理等 has
    # no groups of words, only words; 主要表现是，能源、交通等 opens a clause with its comma)
    if not _alike(items, text) and not (
        closed and len(commas) == marks.count("，") and ("、" not in marks or all(_nouns(item.words) for item in items))
    ):
        return None
    return WordList(tuple(items), tuple(commas))


def find_lists(text: str, start: int, end: int, cut: Cut) -> list[WordList]:
    """The lists of words with commas between their items in ``text[start:end]``, a stretch of text
    with no other punctuation than ， and 、."""
    bounds = [start, *(m.start() for m in _SEPARATOR.finditer(text, start, end)), end]
    pieces = [_Piece(text, bounds[0] if n == 0 else bounds[n] + 1, bounds[n + 1], cut) for n in range(len(bounds) - 1)]
    seps = bounds[1:-1]
    found: list[WordList] = []
    n = 0
    while n < len(pieces) - 1:
        first = pieces[n].tail()
        if first is None:
            n += 1
            continue
        items, used = [first], []
        k = n + 1
        closed = False
        while k < len(pieces):
            whole = pieces[k].whole() if k < len(pieces) - 1 else None
            if whole is not None:
                items.append(whole)
                used.append(seps[k - 1])
                k += 1
                continue
            head, closed = pieces[k].head()
            if head is not None:
                # a list written with 、 ends at a comma whose clause opens with a noun alike (分层作业、弹性作业，
                # 学校作业公示率……)
                if (
                    not closed
                    and text[head.end : pieces[k].end].strip()
                    and text[seps[k - 1]] == "，"
                    and any(text[at] == "、" for at in used)
                ):
                    break
                items.append(head)
                used.append(seps[k - 1])
            break
        # (two nouns with a comma between them are as often the ends of two clauses; not two nouns of two characters
        # that make a whole piece opening the stretch and that 等 closes: ；黄桃，葡萄等优质水果)
        opening = pieces[n].whole() if n == 0 and len(items) == 2 and closed else None
        if opening is not None and _single_nouns([opening, items[1]]):
            items[0] = opening
        if len(items) >= 3 or (opening is not None and items[0] is opening):
            judged = _judge(text, items, used, closed)
            if judged is not None:
                found.append(judged)
        n = max(n + 1, k)
    return found


#: 等 as the particle that closes a list, not the start of another word: 等待, 等候, 等同, 等级, 等于, 等额, 等量, 等距,
#: 等次 (grades), 等奖 (of 一、二等奖), 等价, 等靠要 (waiting for help, an item of lists of bad habits:
#: 按部就班、等靠要).
DENG = r"等(?![待候同级于额量距次奖价]|靠要)"

#: A comma before the last item of a list begun with 顿号 (城乡低保、特困供养，临时救助等; 国家奖学金、国家励志奖学金，
#: 国家助学金及……): the last item is closed by 等, or joined by 及 and ends like the item before the comma.
LAST_ITEM = re.compile(
    rf"(?<=[{CJK}])、(?P<b>[{CJK}]{{1,{ITEM_MAX + 2}}})，(?P<c>[{CJK}]{{1,{ITEM_MAX + 2}}}?)"
    rf"(?P<close>{DENG}|及|以及|和)"
)


def last_item_commas(text: str, start: int, end: int, cut: Cut) -> list[tuple[int, str]]:
    """Where a comma stands before the last item of a list begun with 顿号 in ``text[start:end]`` (see
    :data:`LAST_ITEM`), with the two items around it: of one length when 等 closes the list, neither opening with a
    verb (加强培训、考核，开展竞赛等 is two clauses); nouns ending alike when 及 or 和 joins the last item (奖学金，
    助学金及; not 财政政策、货币政策，完善产业政策和: a clause)."""
    found = []
    for m in LAST_ITEM.finditer(text, start, end):
        b, c = m.group("b"), m.group("c")
        words = [cut(b, m.start("b")), cut(c, m.start("c"))]
        if m.group("close") == "等":
            alike = len(b) == len(c) <= ITEM_MAX and all(w and not w[0].tag.startswith("v") for w in words)
        else:
            alike = b[-1] == c[-1] and all(t.tag in NOUN_TAGS for w in words for t in w)
        if alike:
            found.append((m.start("c") - 1, f"{b}，{c}"))
    return found


def stretches(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` between marks other than ， and 、 (and brackets, quotation marks)."""
    bounds = [0, *(m.start() for m in _STRETCH_END.finditer(text)), len(text)]
    return [(bounds[n] + (n > 0), bounds[n + 1]) for n in range(len(bounds) - 1) if bounds[n + 1] > bounds[n] + 1]
