"""The typo lexicon: which frequent words and fixed expressions a wrong character may stand in for.

Built once per installation from two dependencies and cached in the user cache directory (see
:func:`summarylint.datacache.cache_root`): jieba's dictionary (words, frequencies, tags; idioms
are tagged ``i``/``l``, other fixed four-character words ``n``, ``z`` ...) and pypinyin's character
readings.  Nothing is downloaded; a damaged or outdated cache is rebuilt.

What the cache holds, each section one line so that loading is a few splits:

* ``fuzzy``: character → its *sound class* (toneless syllable with the usual input-method and
  regional confusions merged: zh/z, ch/c, sh/s, n/l, in/ing, en/eng), as one private-use character;
  ``exact``: the same without merging, to tell 同音 from 近音 in messages;
* ``more``: characters with a second reading in common use (调 tiao and diao) → its class; a rarer
  reading is left out (a writer who means 果 types guo, never luo), so no key is made of it;
* ``pairs``: two- and three-character target words keyed by their characters with one of them
  replaced by its sound class (``抱`` + class of ``qian``), so that a span with one character that
  sounds like a target's is found with a few dictionary look-ups;
* ``shapes``: two- and three-character targets written with a look-alike character (from the curated
  ``rules/packs/typo-shapes.toml``), keyed by that variant;
* ``parts``: the two-character parts of the three- and four-character targets, each with the code of the
  parts it is (:data:`PART_FIRST` ...: the first or last two characters of a four-character target; the
  first two, last two, or first and last of a three-character one), by which the search for candidates
  skips spans that share too little with any target: one dictionary, looked up once for all of them;
  the parts of three characters of the four-character targets (idioms, fixed expressions) are keys of
  the targets that have them (``idiom_heads``: first three characters; ``idiom_head_gaps``: first two and fourth;
  ``idiom_tails``, ``idiom_tail_gaps`` the same from the end), so that a span that keeps three
  characters of a target finds it with one look-up; ``idiom_shared``: the targets that share such a
  part with another target (a target written correctly is a candidate for another one only then);
* ``affixes``: the characters that are productive prefixes and suffixes (:data:`AFFIX_MIN_WORDS`), by
  which WD012 tells a character typed twice from one that makes a compound the dictionary lacks;
* ``bound``: the two-character targets one of whose characters is written mostly in them (枢 of 枢纽, 坍 of
  坍塌: :data:`BOUND_SHARE`) → ``1`` when it is the first, ``2`` the second, ``3`` both: beside such a
  character, another one that sounds or looks like the target's is most likely a slip;
* ``rare``: the characters that have a reading but are too rare to be meant (:data:`WRITTEN_MIN_USE`):
  written for a character of a target, they stand for one that reads or looks the same, never a near one;
* ``pair_slack`` and ``char_codes``: for each two-character key, how frequent the character a span
  has in place of the class may be at most for one of the key's targets to pass the first, rough test
  of a candidate (:func:`slack_code`); and each character's frequency in the same code (one character
  each, compared as strings: see :attr:`Lexicon.char_codes`).

The large tables (``pairs`` and the four keyed idiom parts) are stored with their keys in order and
loaded as a :class:`Table`: a set of the keys, the values found by bisection when asked for and cut
out of the stored line by the offsets of every sixteenth value (``pairs_at`` ...).  ``weights`` (the
natural-log frequencies of the characters and the targets) stores one character per key
(:func:`weight_char`), loaded as the values of a dictionary of its keys (:class:`Weights`); its keys of
four characters are the four-character targets (idioms, fixed expressions), last and in the order of
jieba's dictionary (:attr:`Lexicon.idioms`), which the cache does not store a second time.

The frequencies used to verify a candidate in context are jieba's whole dictionary, cached by
:func:`load_words` as one line per entry with a hash table of the lines (:class:`Words`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import mmap
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar, overload
from zlib import crc32

from summarylint.datacache import cache_root, cached_build, mark_used
from summarylint.text.segment import jieba_dictionary_path

T = TypeVar("T")

#: A look-alike character at the edge of a three-character span that is a word this frequent on its own (太, 各) is
#: read as that word beside two others (没有太大的增加, 各课组), not as a slip for a three-character target
#: (大大的, 备课组).
SHAPE_EDGE_WORD_FREQ = 10_000
#: Bump when the cache format or the selection changes.
FORMAT_VERSION = 37
#: Bump when the word cache's format changes (see :func:`words_cache_key`).
WORDS_FORMAT_VERSION = 1
_HEADER = "summarylint-typo-lexicon"
#: The codes of the two-character parts of targets (section ``parts``), bits that add up: the first two
#: characters of a four-character target, its last two; the first two of a three-character target, its last
#: two, its first and last.  (The bit 4 is left to the search for candidates, which marks spans so.)
PART_FIRST = 1
PART_SECOND = 2
PART_HEAD = 8
PART_TAIL = 16
PART_ENDS = 32
#: The character that stands for the code 0 in the cache (codes are stored above the control characters),
#: and the code of each such character.
_PART_ZERO = 0x40
_PART_CODES = {chr(_PART_ZERO + code): code for code in range(64)}
#: The parts of three characters of the four-character targets (first three, last three, first two and
#: fourth, first and last two): tables of the targets that have the part, in the order of jieba's dictionary.
_IDIOM_TABLES = ("idiom_heads", "idiom_tails", "idiom_head_gaps", "idiom_tail_gaps")
_SECTIONS = (
    "fuzzy",
    "exact",
    "more",
    "pairs",
    "shapes",
    "idiom_shared",
    "weights",
    "parts",
    *_IDIOM_TABLES,
    "pair_slack",
    "char_codes",
    "affixes",
    "rare",
    "bound",
    "pairs_at",
    *(f"{name}_at" for name in _IDIOM_TABLES),
)

#: A character is bound to a two-character target when the target makes at least this share of the
#: character's use in that place: jieba's frequency of the target against the sum of the frequencies of
#: the character alone and of the words of two or more characters that start (or end) with it.  The same share of
#: a rare character's whole use makes a word that carries it a target (饪 of 烹饪: see ``usable`` in :func:`build`).
BOUND_SHARE = 0.5
#: Two-character words at least this frequent are targets.
PAIR_MIN_FREQ = 100
#: Three-character words at least this frequent are targets.
TRIPLE_MIN_FREQ = 100
#: Idioms and fixed expressions of four characters (:data:`_FIXED_TAGS`) at least this frequent are targets.
IDIOM_MIN_FREQ = 10
#: Tags of the four-character entries taken as fixed expressions: idioms and set phrases (i, l), and
#: the four-character words jieba tags as nouns, verbs, adjectives, adverbs or descriptives (精益求精 n,
#: 勤勤恳恳 z, 狠抓落实 z), not names of people, places, organisations or numerals.
_FIXED_TAGS = frozenset({"i", "l", "n", "v", "vn", "z", "a", "ad", "an", "d", "b"})
#: The frequency given to the fixed phrases of ``rules/packs/typo-phrases.toml`` (公文四字格 jieba lacks):
#: that of a fairly common idiom.
PHRASE_FREQ = 50
#: The least frequency given to the terms of the same pack (two- and three-character words of work
#: reports that jieba's dictionary lacks or rates below :data:`PAIR_MIN_FREQ`: 备课, 医嘱, 交底, 拨付):
#: that of a word in common use in its trade, so that each is a target.
TERM_FREQ = 300
#: Characters written at least this often (summed over the dictionary's words) take part at all.
CHAR_MIN_USE = 1000
#: A rarer character written at least this often takes part as one written by mistake (疹 for 诊 of 预检分诊,
#: 糜 for 靡 of 奢靡之风), never as one meant: no target has it.  Written for another with the same reading or the same
#: look only (``rare``): a near reading would have to be typed and then picked far down the input method's
#: list, where a common character of that reading stands first.
WRITTEN_MIN_USE = 50
#: A character that makes at least this many three-character words of the dictionary with a two-character
#: word at least :data:`PAIR_MIN_FREQ` frequent, before it (全 of 全过程) or after it (国 of 居住国), is a
#: productive prefix or suffix: beside a word it often makes a compound the dictionary lacks (全流程).
AFFIX_MIN_WORDS = 40

_SEP = "\x1f"  # between entries of a section
_VAL = ","

_INITIALS = ("zh", "ch", "sh")


def toneless(syllable: str) -> str:
    """``zhōng`` → ``zhong``; ``lǜ`` → ``lv``."""
    decomposed = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ü", "v")


def fuzzy(syllable: str) -> str:
    """The sound class of a toneless syllable: zh/z, ch/c, sh/s, n/l, in/ing, en/eng merged."""
    s = syllable
    for initial in _INITIALS:
        if s.startswith(initial):
            s = s[0] + s[2:]
            break
    if s.startswith("n") and s != "ng":
        s = "l" + s[1:]
    if (s.endswith(("ing", "eng")) and len(s) > 3) or s in ("ing", "eng"):
        s = s[:-1]
    return s


def pypinyin_readings_path() -> Path:
    """pypinyin's character readings (``pinyin_dict.json``), found without importing pypinyin."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"


#: A character's second reading counts as a usual one (an input method lists the character high up under
#: it) when it carries at least this share of the character's uses in the words of pypinyin's phrase
#: list, weighted by jieba's word frequencies: 调 is read tiao in about half of them (协调, 调整), 提 di
#: in about one in a hundred (提防).
USUAL_SHARE = 0.25


def pypinyin_phrases_path() -> Path:
    """pypinyin's readings of words (``phrases_dict.json``), found without importing pypinyin."""
    return pypinyin_readings_path().with_name("phrases_dict.json")


def read_phrase_readings(path: Path) -> dict[str, list[list[str]]]:
    """pypinyin's phrase list (``phrases_dict.json``): word → the readings of its characters."""
    with path.open(encoding="utf-8") as fh:
        raw: dict[str, list[list[str]]] = json.load(fh)
    return raw


def usual_readings(raw: Mapping[str, list[list[str]]], entries: Iterable[tuple[str, int, str]]) -> dict[str, set[str]]:
    """Character → its toneless readings with at least :data:`USUAL_SHARE` of its uses in the words of
    pypinyin's phrase list (``raw``: :func:`read_phrase_readings`), each word weighted by its frequency in
    ``entries``."""
    freq = {w: f for w, f, _ in entries if f > 0}
    uses: dict[str, dict[str, int]] = {}
    for word, syllables in raw.items():
        weight = freq.get(word, 0)
        if weight <= 0 or len(word) != len(syllables):
            continue
        for char, readings in zip(word, syllables, strict=True):
            if readings:
                plain = toneless(readings[0])
                counts = uses.setdefault(char, {})
                counts[plain] = counts.get(plain, 0) + weight
    return {
        char: {s for s, n in counts.items() if n >= USUAL_SHARE * sum(counts.values())} for char, counts in uses.items()
    }


def read_readings(path: Path) -> dict[str, list[str]]:
    """Character → its (at most two) most common toneless readings."""
    with path.open(encoding="utf-8") as fh:
        raw: dict[str, str] = json.load(fh)
    readings: dict[str, list[str]] = {}
    for code, text in raw.items():
        char = chr(int(code))
        seen: list[str] = []
        for syllable in text.split(","):
            plain = toneless(syllable.strip())
            if plain and plain not in seen and len(seen) < 2:  # rarer readings only mislead
                seen.append(plain)
        if seen:
            readings[char] = seen
    return readings


V = TypeVar("V")


class Table(Mapping[str, V]):
    """A large read-only table as the cache stores it: keys in code-point order, values beside them.

    Loading makes a set of the keys and nothing else (a dict of 70,000 entries costs several times
    more to build): membership, which the search for candidates asks of nearly every span, is a set
    look-up, and the few values asked for are found by bisection and converted then.  With
    ``offsets`` (:func:`encode_offsets`: where each value starts in ``values``), a value is cut out
    of ``values`` directly; without, ``values`` is split once, when the first value is asked for."""

    __slots__ = ("_convert", "_cuts", "_found", "_keys", "_offsets", "_raw", "_values", "members")

    def __init__(
        self,
        keys: list[str],
        values: str,
        convert: Callable[[str], V],
        sep: str = "\x1f",
        members: dict[str, str] | None = None,
        offsets: str | None = None,
    ) -> None:
        self._keys = tuple(keys)  # sorted
        #: the keys, with a value of their own if given (``members.__contains__`` is the quickest
        #: membership test to map over spans)
        self.members: dict[str, str] = _key_set(keys) if members is None else members
        self._raw = (values, sep)
        self._offsets = offsets
        #: values still to cut out by the offsets; after that (a large document asks for many), all the
        #: values are split at once, which costs about as much as cutting out a sixteenth of them
        self._cuts = len(keys) // _EVERY
        self._values: tuple[str, ...] | None = None
        self._convert = convert
        self._found: dict[str, V] = {}  # the values asked for so far

    def _value(self, key: str) -> V:
        found = self._found.get(key)
        if found is not None:
            return found
        keys = self._keys
        i = bisect_left(keys, key)
        if i >= len(keys) or keys[i] != key:  # (keys out of order: a damaged cache still answers right)
            i = keys.index(key)
        offsets = self._offsets
        if offsets is not None and self._cuts > 0:  # (the values from the last offset written on)
            self._cuts -= 1
            group, at = divmod(i, _EVERY)
            raw, sep = self._raw
            start, end = _offset(offsets, group), _offset(offsets, group + 1)
            text = raw[start : end - 1].split(sep)[at]
        else:
            values = self._values
            if values is None:
                raw, sep = self._raw
                values = self._values = tuple(raw.split(sep)) if raw else ()
            text = values[i]
        self._found[key] = found = self._convert(text)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self.members

    def __getitem__(self, key: str) -> V:
        if key not in self.members:
            raise KeyError(key)
        return self._value(key)

    @overload
    def get(self, key: str, /) -> V | None: ...

    @overload
    def get(self, key: str, /, default: V | T) -> V | T: ...

    def get(self, key: str, /, default: object = None) -> object:
        found = self._found.get(key)
        if found is not None:
            return found
        return self._value(key) if key in self.members else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


#: The code of weight 0 (:func:`weight_char`): above the separators, below the surrogates.
_WEIGHT_ZERO = 0x100


def weight_char(weight: float) -> str:
    """A natural-log frequency (at least 0), rounded to two decimals, as one character."""
    return chr(_WEIGHT_ZERO + round(100 * weight))


def char_weight(char: str) -> float:
    """The weight :func:`weight_char` made ``char`` of."""
    return (ord(char) - _WEIGHT_ZERO) / 100


class Weights(Mapping[str, float]):
    """Word or character → natural-log frequency, rounded to two decimals: a dictionary of the keys
    whose values are the weights as one character each (:func:`weight_char`), which loading makes
    without converting any (a dictionary of floats costs more to build than a document asks for)."""

    __slots__ = ("members",)

    def __init__(self, members: dict[str, str]) -> None:
        self.members = members

    @overload
    def get(self, key: str, /) -> float | None: ...

    @overload
    def get(self, key: str, /, default: float | T) -> float | T: ...

    def get(self, key: str, /, default: object = None) -> object:
        char = self.members.get(key)
        # (char_weight written out: this is the rough bound's look-up, called for every candidate)
        return default if char is None else (ord(char) - _WEIGHT_ZERO) / 100

    def __getitem__(self, key: str) -> float:
        return char_weight(self.members[key])

    def __contains__(self, key: object) -> bool:
        return key in self.members

    def __iter__(self) -> Iterator[str]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)


def _text(value: str) -> str:
    return value


_DIGIT = 0x30  # offsets are written in base 64 with the ASCII characters from "0" on
_EVERY = 16  # the offset of every sixteenth value is written


def encode_offsets(values: list[str]) -> str:
    """Where every :data:`_EVERY`-th of ``values`` starts in ``sep.join(values)`` (one-character
    separator), and where the next one after the last would start: four characters each
    (:func:`_offset` reads them back)."""
    out: list[str] = []
    at = 0
    for i, value in enumerate([*values, ""]):
        if i % _EVERY == 0 or i == len(values):
            out += (chr(_DIGIT + ((at >> shift) & 63)) for shift in (18, 12, 6, 0))
        at += len(value) + 1
    return "".join(out)


def _offset(offsets: str, i: int) -> int:
    j = 4 * i
    return (
        ((ord(offsets[j]) - _DIGIT) << 18)
        | ((ord(offsets[j + 1]) - _DIGIT) << 12)
        | ((ord(offsets[j + 2]) - _DIGIT) << 6)
        | (ord(offsets[j + 3]) - _DIGIT)
    )


def _offsets_length(count: int) -> int:
    """The length of :func:`encode_offsets` of ``count`` values."""
    return 4 * (-(-count // _EVERY) + 1)


def _key_set(keys: Iterable[str]) -> dict[str, str]:
    """``keys`` as a dictionary with empty values, used as a set.

    A dictionary of strings alone is not tracked by Python's cycle collector, a set always is: the
    collector would walk the lexicon's 200,000 keys at each of its next few passes (about 10 ms on a
    20,000-character document), for tables that live as long as the process."""
    return dict.fromkeys(keys, "")


@dataclass
class Lexicon:
    """The loaded typo lexicon (see the module documentation)."""

    fuzzy: dict[int, str]  # a str.translate table: code point → class character
    exact: dict[str, str]
    more: dict[str, str]
    pairs: Table[str]  # key → target words joined by ","
    shapes: dict[str, str]  # variant → target
    #: natural-log frequency of the characters and the targets (a first, cheap estimate of a gain); its
    #: keys of four characters are the four-character targets, in the order of jieba's dictionary
    weights: Weights = field(default_factory=lambda: Weights({}))
    #: the two-character parts of the three- and four-character targets, each with its code (:data:`PART_FIRST`
    #: ...: small integers, which Python keeps ready-made: the dictionary costs no more than a set)
    parts: dict[str, int] = field(default_factory=dict)
    #: the parts of three characters of the four-character targets (see :data:`_IDIOM_TABLES`: four tables of
    #: the targets that have each part, joined by ",")
    idiom_tables: tuple[Table[str], ...] = ()

    @cached_property
    def idioms(self) -> dict[str, str]:
        """The four-character targets (idioms, fixed expressions), in the order of jieba's dictionary, as a
        set (see :func:`_key_set`): the keys of ``weights`` of four characters (the cache does not store
        them twice; the search for candidates asks ``weights`` whether a span of four is one)."""
        return _key_set(w for w in self.weights.members if len(w) == 4)

    @cached_property
    def idiom_order(self) -> dict[str, int]:
        """Each four-character target's place in jieba's dictionary."""
        return {w: i for i, w in enumerate(self.idioms)}

    #: a str.translate table: code point → the character's frequency as a code comparable with the
    #: codes of ``pairs.members`` (:func:`slack_code`, :func:`weight_code`): a two-character span can
    #: have a candidate through key ``k`` only if ``pairs.members[k] >= code`` of the character the
    #: class of ``k`` stands for
    char_codes: dict[int, str] = field(default_factory=dict)
    #: the four-character targets that share a part of three characters with another one (a set): a
    #: span written as any other target is one of no candidate (see ``idiom_shared`` in the module notes)
    idiom_shared: Mapping[str, str] = field(default_factory=dict)
    #: the productive prefixes and suffixes (:data:`AFFIX_MIN_WORDS`), as ``{"prefix": chars, "suffix": chars}``
    affixes: dict[str, str] = field(default_factory=dict)
    #: the characters with a reading that are written by mistake but never meant (:data:`WRITTEN_MIN_USE`; a set)
    rare: Mapping[str, str] = field(default_factory=dict)
    #: two-character targets → which of their characters they bind (``bound`` in the module notes)
    bound: dict[str, str] = field(default_factory=dict)

    @cached_property
    def more_tables(self) -> tuple[dict[int, str], ...]:
        """Code point → the class of the character's second reading (the first table), of its third..."""
        most = max(map(len, self.more.values()), default=0)
        return tuple({ord(k): v[i] for k, v in self.more.items() if len(v) > i} for i in range(most))

    @cached_property
    def more_chars(self) -> re.Pattern[str]:
        """Any character of ``more`` (a hundred, and a few percent of running text): the spans that hold
        one are found by one search instead of translating every span."""
        return re.compile("[" + "".join(sorted(self.more)) + "]" if self.more else "(?!)")


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def build(
    entries: Iterable[tuple[str, int, str]],
    readings: dict[str, list[str]],
    shape_groups: Iterable[str],
    least_margin: float = 5.0,
    usual: Mapping[str, set[str]] | None = None,
    meant: Iterable[str] = (),
) -> dict[str, dict[str, str]]:
    """The lexicon's sections (tables of strings), from jieba entries, readings and look-alike groups;
    ``least_margin``: the least gain a two-character candidate may need (see ``pair_slack``);
    ``usual``: the readings in common use (:func:`usual_readings`; without it, the first reading);
    ``meant``: words whose characters take part however rare they are (the pack's phrases and terms: 螟 of 二化螟)."""
    entries = list(entries)
    char_use: dict[str, int] = {}  # how often a character is written, in words or alone
    for word, freq, _ in entries:
        for char in word:
            char_use[char] = char_use.get(char, 0) + freq
    # a character of a fixed expression takes part however rare it is (苟 of 一丝不苟): the expression
    # is what a writer means, and its slips are written with common characters that sound like it; so
    # does a character of a curated look-alike group (竣 of 竣工, written 峻) and of a term of the trades
    # (螟 of 二化螟, written 明)
    shape_groups = list(shape_groups)
    idiom_chars = {c for w, f, t in entries if _is_idiom(w, f, t) for c in w} | {c for g in shape_groups for c in g}
    # (a rare character of a term is meant there, but no more likely typed by mistake than before: 溺 of 防溺水
    # stands for 厉 of 厉害 no more often, and 溺害 is a word; it stays ``rare`` as written)
    term_chars = {c for word in meant for c in word} - idiom_chars
    idiom_chars |= term_chars
    fuzzy_class: dict[str, str] = {}
    exact_class: dict[str, str] = {}

    def code(table: dict[str, str], syllable: str) -> str:
        if syllable not in table:
            table[syllable] = chr(0xE000 + len(table))
        return table[syllable]

    fuzzy_codes: dict[str, str] = {}
    exact_codes: dict[str, str] = {}
    more: dict[str, str] = {}
    for char, syllables in readings.items():
        if not _is_han(char) or (char_use.get(char, 0) < WRITTEN_MIN_USE and char not in idiom_chars):
            continue  # a very rare character is neither written by mistake nor meant
        classes = [code(fuzzy_class, fuzzy(s)) for s in syllables]
        fuzzy_codes[char] = classes[0]
        # the usual readings (the first, and a second one in common use), by which 同音 is told from 近音
        kept = [s for i, s in enumerate(syllables) if i == 0 or (usual is not None and s in usual.get(char, ()))]
        exact_codes[char] = "".join(dict.fromkeys(code(exact_class, s) for s in kept))
        # (the classes of the other readings in common use only: see ``more`` above)
        others = "".join(c for c in dict.fromkeys(code(fuzzy_class, fuzzy(s)) for s in kept) if c != classes[0])
        if others:
            more[char] = others

    def common(char: str) -> bool:
        return char_use.get(char, 0) >= CHAR_MIN_USE or char in idiom_chars

    def _rare_term_char(char: str) -> bool:
        return char in term_chars and char_use.get(char, 0) < CHAR_MIN_USE

    def usable(word: str, freq: int) -> bool:
        """Whether ``word`` may be meant: its characters common or meant, or rare but written mostly in it (饪 of
        烹饪, 馈 of 反馈: :data:`BOUND_SHARE`), which a writer who means it types as a phrase, a slip being a common
        character of its sound picked instead."""
        return all(c in fuzzy_codes and (common(c) or freq >= BOUND_SHARE * char_use.get(c, 0)) for c in word)

    pairs: dict[str, list[str]] = {}
    targets: set[str] = set()
    idioms: list[str] = []
    triples: list[str] = []
    for word, freq, tag in entries:
        if len(word) == 2 and freq >= PAIR_MIN_FREQ and usable(word, freq):
            a, b = word[0], word[1]
            for key in {a + c for c in _classes(b, fuzzy_codes, more)} | {
                c + b for c in _classes(a, fuzzy_codes, more)
            }:
                pairs.setdefault(key, []).append(word)
            targets.add(word)
        elif len(word) == 3 and freq >= TRIPLE_MIN_FREQ and usable(word, freq):
            a, b, c = word[0], word[1], word[2]
            keys = {a + b + k for k in _classes(c, fuzzy_codes, more)}
            keys |= {a + k + c for k in _classes(b, fuzzy_codes, more)}
            keys |= {k + b + c for k in _classes(a, fuzzy_codes, more)}
            for key in keys:
                pairs.setdefault(key, []).append(word)
            targets.add(word)
            triples.append(word)
        elif _is_idiom(word, freq, tag):
            idioms.append(word)

    shapes: dict[str, str] = {}
    look_alike: dict[str, set[str]] = {}
    for group in shape_groups:
        for char in group:
            look_alike.setdefault(char, set()).update(c for c in group if c != char)
    frequent_pairs = {w for w, f, _ in entries if len(w) == 2 and f >= PAIR_MIN_FREQ}
    char_freq = {w: f for w, f, _ in entries if len(w) == 1}
    for word in (*frequent_pairs, *triples):  # (絮疑剂 for 絮凝剂: three-character targets too)
        for i, char in enumerate(word):
            for other in look_alike.get(char, ()):
                variant = word[:i] + other + word[i + 1 :]
                if variant in frequent_pairs or variant in targets:
                    continue
                if len(variant) == 3 and (
                    variant[:2] in frequent_pairs
                    or variant[1:] in frequent_pairs
                    or (i != 1 and char_freq.get(other, 0) >= SHAPE_EDGE_WORD_FREQ)
                ):
                    continue  # (太大的, 各课组: a frequent word at its edge, 太 + 大的, 各 + 课组)
                shapes.setdefault(variant, word)

    targets.update(idioms)
    keyed = _keyed_parts(_IDIOM_TABLES, idioms, ((0, 3), (1, 4), (0, 2, 3, 4), (0, 1, 2, 4)))
    # (the targets that share a part with another target)
    groups = (ws.split(_VAL) for part in keyed.values() for ws in part.values() if _VAL in ws)
    shared = dict.fromkeys((w for group in groups for w in group), "")
    weights = {
        w: weight_char(math.log(max(f, 1)))
        for w, f, _ in entries
        if ((len(w) == 1 and w in fuzzy_codes) or w in targets) and len(w) != 4
    }
    # (the four-character targets last, in their own order: the lexicon reads them back from there)
    last_freq = {w: f for w, f, _ in entries if len(w) == 4}
    weights.update((w, weight_char(math.log(max(last_freq[w], 1)))) for w in dict.fromkeys(idioms))
    bound = _bound(entries, targets)
    prefixes: dict[str, int] = {}
    suffixes: dict[str, int] = {}
    for word, _, _ in entries:
        if len(word) == 3:
            if word[1:] in frequent_pairs:
                prefixes[word[0]] = prefixes.get(word[0], 0) + 1
            if word[:2] in frequent_pairs:
                suffixes[word[2]] = suffixes.get(word[2], 0) + 1
    return {
        "fuzzy": fuzzy_codes,
        "exact": exact_codes,
        "more": more,
        "pairs": {k: _VAL.join(v) for k, v in pairs.items()},
        "shapes": shapes,
        "idioms": dict.fromkeys(idioms, ""),  # (not stored: the keys of ``weights`` of four characters)
        "parts": _part_codes(triples, idioms),
        **keyed,
        "idiom_shared": shared,
        "weights": weights,
        **_slack(pairs, weights, fuzzy_codes, sum(f for _, f, _ in entries), least_margin),
        "affixes": {
            side: "".join(sorted(c for c, n in counts.items() if n >= AFFIX_MIN_WORDS))
            for side, counts in (("prefix", prefixes), ("suffix", suffixes))
        },
        "rare": dict.fromkeys((c for c in fuzzy_codes if not common(c) or _rare_term_char(c)), ""),
        "bound": bound,
    }


def _bound(entries: list[tuple[str, int, str]], targets: set[str]) -> dict[str, str]:
    """The ``bound`` section (see the module notes): two-character ``targets`` → which of their characters
    they bind (:data:`BOUND_SHARE`)."""
    alone: dict[str, int] = {}
    starting: dict[str, int] = {}
    ending: dict[str, int] = {}
    for word, freq, _ in entries:
        if len(word) == 1:
            alone[word] = alone.get(word, 0) + freq
        elif word:
            starting[word[0]] = starting.get(word[0], 0) + freq
            ending[word[-1]] = ending.get(word[-1], 0) + freq
    bound: dict[str, str] = {}
    for word, freq, _ in entries:
        if len(word) != 2 or word not in targets:
            continue
        first, second = word[0], word[1]
        code = int(freq >= BOUND_SHARE * max(alone.get(first, 0) + starting.get(first, 0), 1))
        code |= 2 * int(freq >= BOUND_SHARE * max(alone.get(second, 0) + ending.get(second, 0), 1))
        if code:
            bound[word] = str(code)
    return bound


#: The code of a frequency of 0 (see :func:`weight_code`); codes stay within Latin-1, whose
#: one-character strings Python keeps ready-made (a table of them costs no new objects).
_CODE_ZERO = 64
_CODE_STEPS = 4  # codes per unit of natural-log frequency


def weight_code(weight: float) -> str:
    """A character's weight (natural-log frequency, at least 0) as a code, rounded down."""
    return chr(_CODE_ZERO + min(math.floor(_CODE_STEPS * weight), 255 - _CODE_ZERO))


def slack_code(slack: float) -> str:
    """The most a character's weight may be (see ``pair_slack``) as a code, rounded up: comparing
    codes keeps every span whose weights compare so, and a few more."""
    steps = math.ceil(_CODE_STEPS * slack + 0.01)
    return chr(_CODE_ZERO + max(-_CODE_STEPS, min(steps, 255 - _CODE_ZERO)))


def _slack(
    pairs: dict[str, list[str]], weights: dict[str, str], fuzzy_codes: dict[str, str], total: int, least: float
) -> dict[str, dict[str, str]]:
    """The sections ``pair_slack`` and ``char_codes``.

    A two-character span ``ab`` with key ``a`` + class of ``b`` passes the rough test of one of the
    key's targets ``t`` (``detect._rough_bound``) only if ``w(t) + log(total) - w(a) - w(b) >= least``
    (``w``: the weights above, 0 for a character without one), that is ``w(b) <= slack`` where
    ``slack = max w(t) + log(total) - least - w(a)``: a property of the key.  The slack of the
    three-character keys is the largest code (they are not filtered so)."""
    log_total = math.log(total) if total > 0 else 0.0
    weight = {w: char_weight(v) for w, v in weights.items()}
    codes: list[str] = []
    for key in sorted(pairs):
        if len(key) != 2:
            codes.append(chr(255))
            continue
        kept = key[1] if _is_class(key[0]) else key[0]
        best = max(weight.get(t, 0.0) for t in pairs[key])
        codes.append(slack_code(best + log_total - least - weight.get(kept, 0.0)))
    return {
        "pair_slack": {"": "".join(codes)},
        "char_codes": {c: weight_code(weight.get(c, 0.0)) for c in fuzzy_codes},
    }


def _is_class(char: str) -> bool:
    """Whether ``char`` is a sound class (a private-use character) rather than a Chinese character."""
    return "\ue000" <= char <= "\uf8ff"


def _part_codes(triples: list[str], idioms: list[str]) -> dict[str, str]:
    """The section ``parts``: each two-character part of the three-character ``triples`` and of the
    four-character ``idioms`` → the sum of the codes of the parts it is (:data:`PART_FIRST` ...), as one
    character (:data:`_PART_ZERO`)."""
    codes: dict[str, int] = {}
    for words, cuts in (
        (triples, ((PART_HEAD, 0, 1), (PART_TAIL, 1, 2), (PART_ENDS, 0, 2))),
        (idioms, ((PART_FIRST, 0, 1), (PART_SECOND, 2, 3))),
    ):
        for code, i, j in cuts:
            for word in words:
                part = word[i] + word[j]
                codes[part] = codes.get(part, 0) | code
    return {part: chr(_PART_ZERO + code) for part, code in codes.items()}


def _keyed_parts(
    names: tuple[str, ...], words: list[str], cuts: tuple[tuple[int, ...], ...]
) -> dict[str, dict[str, str]]:
    """Like :func:`_parts`, each part a key of the words that have it (joined by ``,``, in the order of
    ``words``)."""
    sections: dict[str, dict[str, str]] = {}
    for name, cut in zip(names, cuts, strict=True):
        keyed: dict[str, dict[str, None]] = {}
        for w in words:
            part = "".join(w[a:b] for a, b in zip(cut[::2], cut[1::2], strict=True))
            keyed.setdefault(part, {})[w] = None
        sections[name] = {k: _VAL.join(v) for k, v in keyed.items()}
    return sections


def _is_idiom(word: str, freq: int, tag: str) -> bool:
    """Whether a jieba entry is a target fixed expression: four characters with a tag of
    :data:`_FIXED_TAGS`, frequent enough."""
    return len(word) == 4 and tag in _FIXED_TAGS and freq >= IDIOM_MIN_FREQ and all(map(_is_han, word))


def _classes(char: str, primary: dict[str, str], more: dict[str, str]) -> list[str]:
    return [primary[char], *more.get(char, "")]


#: The sections loaded as a :class:`Table` (stored with their keys in order).
_TABLES = ("pairs", *_IDIOM_TABLES)
#: The sections that are one string of codes: the table whose keys they follow, and one code for
#: each key (1) or offsets (:func:`encode_offsets`).
_CODES = {
    "pair_slack": ("pairs", 1),
    "pairs_at": ("pairs", 4),
    **{f"{name}_at": (name, 4) for name in _IDIOM_TABLES},
}
#: The sections loaded keyed by code point (tables for str.translate: their keys are single characters).
_BY_CODE_POINT = ("fuzzy", "char_codes")
#: The sections loaded as sets of their keys.
_SETS = ("idiom_shared", "rare")


def _line_bounds(data: str) -> list[tuple[int, int]]:
    """Where each line of ``data`` starts and ends."""
    bounds = []
    start = 0
    while (end := data.find("\n", start)) >= 0:
        bounds.append((start, end))
        start = end + 1
    bounds.append((start, len(data)))
    return bounds


def parse(data: str, key: str) -> Lexicon | None:
    """The lexicon stored by :func:`serialise`, or None when ``data`` is not a valid cache for ``key``.

    Each table is stored as two lines, its keys and its values, so that loading is two splits and a
    ``dict(zip(...))`` per table; the two large tables (:data:`_TABLES`) only split their keys."""
    bounds = _line_bounds(data)  # (each line is cut out when its section is read: a copy of all of them would
    # double the memory the loading touches)
    if len(bounds) != 2 * len(_SECTIONS) + 1 or data[slice(*bounds[0])] != f"{_HEADER} {key}":
        return None

    def line(i: int) -> str:
        return data[slice(*bounds[i])]

    tables: dict[str, dict[str, str]] = {}
    sorted_keys: dict[str, tuple[list[str], str]] = {}
    sets: dict[str, dict[str, str]] = {}
    codes: dict[str, str] = {}
    weights: dict[str, str] = {}
    parts: dict[str, int] = {}
    ords: dict[str, dict[int, str]] = {}
    for i, name in enumerate(_SECTIONS):
        keys, values = line(1 + 2 * i), line(2 + 2 * i)
        if name in _CODES:  # (one code, or three, for each key of a table, in their order)
            table, width = _CODES[name]
            count = len(sorted_keys[table][0])
            if keys or len(values) != (count if width == 1 else _offsets_length(count)):
                return None
            codes[name] = values
            continue
        key_list = keys.split(_SEP) if keys else []
        if name == "weights":  # (one character for each key)
            if len(values) != len(key_list):
                return None
            weights = dict(zip(key_list, values, strict=True))
            continue
        if name == "parts":  # (one character for each key, read as its code)
            if len(values) != len(key_list):
                return None
            try:
                parts = dict(zip(key_list, map(_PART_CODES.__getitem__, values), strict=True))
            except KeyError:  # (a character that is no code: a damaged cache)
                return None
            continue
        if name in _SETS:
            if len(key_list) != (values.count(_SEP) + 1 if key_list else int(bool(values))):
                return None
            sets[name] = _key_set(key_list)
            continue
        if name in _TABLES:
            if len(key_list) != (values.count(_SEP) + 1 if key_list else int(bool(values))):
                return None
            sorted_keys[name] = (key_list, values)
            continue
        value_list = values.split(_SEP) if keys else []
        if len(key_list) != len(value_list):
            return None
        if name in _BY_CODE_POINT:  # (str.translate tables)
            ords[name] = dict(zip(map(ord, key_list), value_list, strict=True))
            continue
        tables[name] = dict(zip(key_list, value_list, strict=True))
    if not ords["fuzzy"] or not sorted_keys["pairs"][0] or not sorted_keys["idiom_heads"][0]:
        return None
    pair_keys, pair_values = sorted_keys["pairs"]
    return Lexicon(
        fuzzy=ords["fuzzy"],
        exact=tables["exact"],
        more=tables["more"],
        pairs=Table(
            pair_keys,
            pair_values,
            _text,
            members=dict(zip(pair_keys, codes["pair_slack"], strict=True)),
            offsets=codes["pairs_at"],
        ),
        shapes=tables["shapes"],
        weights=Weights(weights),
        parts=parts,
        idiom_tables=tuple(Table(*sorted_keys[name], _text, offsets=codes[f"{name}_at"]) for name in _IDIOM_TABLES),
        char_codes=ords["char_codes"],
        idiom_shared=sets["idiom_shared"],
        affixes=tables["affixes"],
        rare=sets["rare"],
        bound=tables["bound"],
    )


def serialise(sections: dict[str, dict[str, str]], key: str) -> str:
    lines = [f"{_HEADER} {key}"]
    for name in _TABLES:
        table = sections[name]
        sections = {**sections, f"{name}_at": {"": encode_offsets([table[k] for k in sorted(table)])}}
    for name in _SECTIONS:
        table = sections[name]
        keys = sorted(table) if name in _TABLES else list(table)
        join = "" if name in ("weights", "parts") else _SEP  # (one character each)
        lines += [_SEP.join(keys), join.join(table[k] for k in keys)]
    return "\n".join(lines)


def cache_key(sources: Iterable[Path], shape_groups: Iterable[str], phrases: Iterable[str] = ()) -> str:
    """The key of the lexicon's cache: its format and selection, the data it is built from."""
    limits = (
        FORMAT_VERSION,
        PAIR_MIN_FREQ,
        TRIPLE_MIN_FREQ,
        IDIOM_MIN_FREQ,
        CHAR_MIN_USE,
        WRITTEN_MIN_USE,
        BOUND_SHARE,
    )
    material = [str(n) for n in limits]
    return _digest(material, sources, shape_groups, phrases)


def words_cache_key(source: Path, phrases: Iterable[str] = ()) -> str:
    """The key of the word cache (:func:`load_words`): its own format version, so that a new lexicon
    format does not rebuild the 11 MB word cache too."""
    return _digest([f"words {WORDS_FORMAT_VERSION}"], (source,), (), phrases)


def _digest(material: list[str], sources: Iterable[Path], shape_groups: Iterable[str], phrases: Iterable[str]) -> str:
    material = [*material, str(PHRASE_FREQ), str(TERM_FREQ), " ".join(phrases)]
    for source in sources:
        stat = source.stat()
        material += [str(source.resolve()), str(stat.st_size), str(stat.st_mtime_ns)]
    material.append(" ".join(shape_groups))
    return hashlib.sha256("|".join(material).encode("utf-8")).hexdigest()[:16]


def read_jieba_entries(path: Path) -> list[tuple[str, int, str]]:
    entries: list[tuple[str, int, str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                entries.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "x"))
    return entries


#: jieba's tag of set phrases, given to the pack's fixed phrases (:func:`with_phrases`) and to the four-character
#: entries jieba tags as a person's name that pypinyin's phrase list has as words (:func:`expressions_named`):
#: jieba tags many idioms so (一劳永逸, 融会贯通, 毛遂自荐, 石沉大海 are ``nr``), and a four-character name of a
#: person in its dictionary is hardly ever a word of pypinyin's.
_SET_PHRASE_TAG = "l"


def expressions_named(entries: list[tuple[str, int, str]], known: Mapping[str, object]) -> list[tuple[str, int, str]]:
    """``entries`` with the four-character ones tagged as a person's name (``nr``) that are words of ``known``
    (pypinyin's phrase list) tagged as set phrases instead (:data:`_SET_PHRASE_TAG`)."""
    return [(w, f, _SET_PHRASE_TAG) if t == "nr" and len(w) == 4 and w in known else (w, f, t) for w, f, t in entries]


def with_phrases(entries: list[tuple[str, int, str]], phrases: Iterable[str]) -> list[tuple[str, int, str]]:
    """jieba's ``entries`` with the pack's fixed phrases (four characters) as set phrases (tag ``l``) of
    at least :data:`PHRASE_FREQ`, and its terms (two or three characters) as words of at least
    :data:`TERM_FREQ` (a noun when absent): added when absent, raised (and a phrase retagged) when present."""
    wanted = dict.fromkeys(phrases)
    if not wanted:
        return entries

    def merged(word: str, freq: int, tag: str) -> tuple[str, int, str]:
        if word not in wanted:
            return word, freq, tag
        return (word, max(freq, PHRASE_FREQ), _SET_PHRASE_TAG) if len(word) == 4 else (word, max(freq, TERM_FREQ), tag)

    present = {w for w, _, _ in entries}
    added = [
        (w, PHRASE_FREQ, _SET_PHRASE_TAG) if len(w) == 4 else (w, TERM_FREQ, "n") for w in wanted if w not in present
    ]
    return [merged(*e) for e in entries] + added


def load_lexicon(
    shape_groups: tuple[str, ...],
    cache_dir: Path | None = None,
    phrases: tuple[str, ...] = (),
    least_margin: float = 5.0,
) -> Lexicon:
    """The lexicon from the cache, built (and cached when possible) on first use; ``phrases`` are fixed
    expressions of four characters added to jieba's (see :func:`with_phrases`); ``least_margin``: the
    least gain a two-character candidate may need (the search for candidates passes its own)."""
    jieba_dict = jieba_dictionary_path()
    readings_path = pypinyin_readings_path()
    phrases_path = pypinyin_phrases_path()
    key = cache_key((jieba_dict, readings_path, phrases_path), (*shape_groups, f"least={least_margin!r}"), phrases)

    def read(data: bytes) -> Lexicon | None:
        try:
            return parse(data.decode(LEXICON_ENCODING), key)
        except UnicodeDecodeError:
            return None

    def make() -> tuple[Lexicon, bytes]:
        known = read_phrase_readings(phrases_path)
        entries = expressions_named(with_phrases(read_jieba_entries(jieba_dict), phrases), known)
        usual = usual_readings(known, entries)
        sections = build(entries, read_readings(readings_path), shape_groups, least_margin, usual, phrases)
        return readable(read, serialise(sections, key).encode(LEXICON_ENCODING))

    return cached_build((cache_dir or cache_root()) / f"typo-lexicon-{key}.txt", read, make, "错别字词表")


#: The encoding of the lexicon's cache file: nearly all of it is Chinese characters and sound classes,
#: two bytes each in UTF-16 (three in UTF-8), and decoding it is several times quicker than UTF-8
#: (about 2 ms instead of 8 to 13 ms for 2.6 MB).
LEXICON_ENCODING = "utf-16-le"


# --- word frequencies for verifying candidates ------------------------------------------------

_WORDS_HEADER = "summarylint-typo-words"


class Words:
    """jieba's whole dictionary: word → frequency and word → tag, looked up in the cached bytes.

    The cache file holds one ``word frequency tag`` line per entry and a hash table of the lines'
    offsets (CRC-32 of the word's UTF-8, open addressing, four bytes a slot), read in place: a look-up
    is a hash, one or two probes and one comparison of bytes, whatever the document, and loading
    decodes nothing.  Prefixes of words are present with frequency 0, as jieba's search expects.
    """

    def __init__(self, total: int, data: bytes | mmap.mmap, slots: memoryview, base: int) -> None:
        self.total = total
        #: word → frequency (0: a prefix only; -1: absent) and word → tag of the words looked up so far
        self._known: dict[str, int] = {}
        self._tags: dict[str, str] = {}
        self._log_total = math.log(total) if total > 0 else 0.0
        #: word → its log-probability in a unigram model, ``log(frequency) - log(total)`` (inf: a prefix
        #: of words only; None: absent), for the words asked so far (:meth:`term`)
        self.terms: dict[str, float | None] = {}
        self._data = data
        self._slots = slots  # offsets of the lines from ``base``
        self._mask = len(slots) - 1
        self._base = base

    def lookup(self, word: str) -> int | None:
        """The frequency of ``word`` (0 for a prefix of a longer word only), or None when absent."""
        found = self._known.get(word)
        if found is None:
            found = self._find(word)
        return None if found < 0 else found

    def freq(self, word: str) -> int:
        """The frequency of ``word`` (0 when it is absent or only a prefix)."""
        found = self._known.get(word)
        if found is None:
            found = self._find(word)
        return found if found > 0 else 0

    def term(self, word: str) -> float | None:
        """``log(frequency) - log(total)`` of ``word``; inf for a prefix of words only, None when absent."""
        found = self.lookup(word)
        term = None if found is None else math.inf if found == 0 else math.log(max(found, 1)) - self._log_total
        self.terms[word] = term
        return term

    def tag(self, word: str) -> str:
        """The tag of ``word`` (``x`` when absent)."""
        if self.lookup(word) is None:
            return "x"
        return self._tags.get(word, "x")

    def _find(self, word: str) -> int:
        line = b"\n" + word.encode("utf-8") + b" "
        data, slots, mask = self._data, self._slots, self._mask
        slot = crc32(line) & mask
        found = -1
        for _ in range(len(slots)):  # (a full table would be a damaged cache: give up after one round)
            at = slots[slot]
            if at == _EMPTY:
                break
            at += self._base
            if data[at : at + len(line)] == line:
                end = data.find(b"\n", at + 1)
                fields = data[at + len(line) : end if end >= 0 else len(data)].split(b" ")
                if len(fields) == 2 and fields[0].isdigit():
                    found = int(fields[0])
                    self._tags[word] = fields[1].decode("utf-8", "replace")
                break
            slot = (slot + 1) & mask
        self._known[word] = found
        return found


_EMPTY = 0xFFFFFFFF
#: Slots of the hash table per entry, at least (a power of two above it is taken).
_LOAD = 1.5


def serialise_words(entries: Iterable[tuple[str, int, str]], key: str) -> bytes:
    words: dict[str, tuple[int, str]] = {}
    total = 0
    for word, freq, tag in entries:
        if not word or any(c.isspace() for c in word):
            continue
        total += freq
        words[word] = (freq, tag or "x")
    for word in list(words):
        for end in range(1, len(word)):
            words.setdefault(word[:end], (0, "-"))
    size = 1
    while size < _LOAD * max(len(words), 1):
        size *= 2
    slots = array("I", [_EMPTY]) * size
    mask = size - 1
    pieces: list[bytes] = []
    at = 0  # offsets are counted from the start of the body
    for word, (freq, tag) in words.items():
        line = f"\n{word} {freq} {tag}".encode()
        slot = crc32(line[: len(word.encode("utf-8")) + 2]) & mask
        while slots[slot] != _EMPTY:
            slot = (slot + 1) & mask
        slots[slot] = at
        pieces.append(line)
        at += len(line)
    pieces.append(b"\n")
    body = b"".join(pieces)
    head = f"{_WORDS_HEADER} {key}\n{total}\n{size}\n".encode()
    start = len(head) + 12  # (the table's offset follows in 12 digits)
    start += -(start + len(body)) % 4  # the table starts on a multiple of four bytes
    table_at = start + len(body)
    return head + f"{table_at:012d}".encode() + b" " * (start - len(head) - 12) + body + slots.tobytes()


def parse_words(data: bytes | mmap.mmap, key: str) -> Words | None:
    """The words stored by :func:`serialise_words`, or None when ``data`` is not a valid cache for ``key``."""
    ends: list[int] = []
    for _ in range(3):
        at = data.find(b"\n", ends[-1] + 1 if ends else 0)
        if at < 0:
            return None
        ends.append(at)
    header, total, size = data[: ends[0]], data[ends[0] + 1 : ends[1]], data[ends[1] + 1 : ends[2]]
    if header != f"{_WORDS_HEADER} {key}".encode() or not total.isdigit() or not size.isdigit():
        return None
    table = data[ends[2] + 1 : ends[2] + 13]
    slots = int(size)
    if not table.isdigit() or slots <= 0 or slots & (slots - 1) or int(table) + 4 * slots != len(data):
        return None
    body = data.find(b"\n", ends[2] + 13)  # (after the padding)
    if body < 0 or int(table) % 4:
        return None
    view = memoryview(data)[int(table) :].cast("I")  # (read in place, not copied)
    return Words(int(total), data, view, body)


def load_words(cache_dir: Path | None = None, phrases: tuple[str, ...] = ()) -> Words:
    """jieba's dictionary (with ``phrases``, see :func:`with_phrases`) from the cache, built (and cached
    when possible) on first use.  The cache file is mapped into memory, not read: a document looks up a
    few thousand of its 11 MB (reading it all cost more than the look-ups)."""
    source = jieba_dictionary_path()
    key = words_cache_key(source, phrases)
    path = (cache_dir or cache_root()) / f"typo-words-{key}.txt"
    mapped = _mapped_words(path, key)
    if mapped is not None:
        return mapped

    def read(data: bytes) -> Words | None:
        return parse_words(data, key)

    return cached_build(
        path,
        read,
        lambda: readable(read, serialise_words(with_phrases(read_jieba_entries(source), phrases), key)),
        "词频表",
    )


def _mapped_words(path: Path, key: str) -> Words | None:
    """The words of the cache file ``path`` mapped into memory, or None (no valid cache, or no mapping)."""
    try:
        with path.open("rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # (ValueError: an empty file)
        return None
    words = parse_words(data, key)
    if words is None:
        data.close()  # (so that the cache can be written again, on Windows too)
    else:
        mark_used(path)
    return words


def readable(read: Callable[[bytes], T | None], data: bytes) -> tuple[T, bytes]:
    """``data`` just built, with what ``read`` makes of it (a build that cannot be read back is a bug)."""
    value = read(data)
    if value is None:  # pragma: no cover
        raise RuntimeError("a typo table could not be built")
    return value, data
