"""WD015: a misspelt English word in a Chinese draft (imporve, upgrated, perfromance).

Bilingual reports carry English paragraphs (an English version of the summary, release notes); a
word there that no English word list knows, written once, and one keyboard slip away from a known
word is reported with that word as the suggestion.  Chinese paragraphs of engineers' drafts carry
English words too (优化了接口的perfromance, 完成了Enviroment配置): there only words in lower case or
with a capital first letter alone are looked at, of six letters or more (five for two swapped letters:
tabel), and the suggestion must not be a rare word (names and identifiers there are mostly short, in
capitals or camel case, or far from any word; five-letter product names such as Flink and Sqoop are
one letter away from a word).  The word
list and frequencies are pyspellchecker's English dictionary, kept in a cached table built from it on
first use (:func:`english_words`) and loaded on the first word that needs it.

What is left alone, because it is mostly names and terms rather than slips: words under five letters,
words with capitals inside (CnWizards) or in capitals (LSLAM), words written more than once in the
document, team words, Hanyu Pinyin (Zhou, Xiaoming), and changes at the first or last letter
(endings: crypto/crypt, copywrite/copywriter).  An extra letter counts as a slip only when it doubles
a neighbour or sits next to one on the keyboard (Refactor is not a misspelt reactor), or when it is a
vowel spelt by ear and the word it leaves is very common (arguement); a suggestion other than two
swapped letters must be a common word (refactor is not a misspelt redactor).
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from summarylint.datacache import cache_root, cached_build
from summarylint.diagnostics import Edit, Finding, Fix
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check
from summarylint.rules.typo.confusions import Guard
from summarylint.views.blocks import Block

#: Bump when the cached table's format or selection changes.
FORMAT_VERSION = 1

_WORD = re.compile(r"(?<![A-Za-z0-9_./\\@#$&%'-])[A-Za-z]+(?![A-Za-z0-9_@']|[./\\-][A-Za-z0-9])")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{4}")
_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_FINAL = (
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
#: Finals written without an initial (those beginning with i, u or ü are spelt with y or w: yi, wu, yu)
_ALONE = "(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)"
_PINYIN = re.compile(f"(?:{_INITIAL}{_FINAL}|{_ALONE}){{1,3}}")


#: A capitalised word right before one of these in Chinese text names a method, a scale or a law after a person (Braden
#: 评分, Kano模型, Pareto曲线): a surname, no misspelt word.  A scale may name what it assesses first (Morse跌倒评估,
#: Braden压力性损伤风险评估, Braden压力性损伤风险和……), but not past a conjunction (Powerpiont模板和评分细则).
@cache
def _eponym_head() -> re.Pattern[str]:
    """(compiled on first use: its range of Chinese characters takes over a millisecond to compile, and most
    documents hold no capitalised word inside Chinese text)"""
    return re.compile(
        "评分|量表|评估|指数|模型|算法|定律|定理|效应|方程|系数|检验|分类|分级|分型|分期|法则|曲线|综合征|病|氏"
        "|(?:(?![和与及或])[\u4e00-\u9fff]){1,8}?(?:评分|量表|评估|风险)"
    )


#: An English paragraph has at least this many Latin words, and no more Chinese characters than words.
MIN_WORDS = 5
#: Shorter words are left alone (abbreviations, names).
MIN_LENGTH = 5
#: A suggestion other than two letters swapped must be at least this common (share of English text):
#: a rare word one letter away from an unknown one is mostly a coincidence (refactor/redactor).
MIN_FREQUENCY = 5e-7
#: ... unless the word is this long: an unknown word of twelve letters or more one slip from a rarer word
#: (opthalmology: ophthalmology, about 6e-8) is that word misspelt, a coincidence being far less likely; its
#: suggestion must still be this common.
LONG_WORD = 12
LONG_WORD_FREQUENCY = 2e-8

#: A vowel too many that neither doubles a neighbour nor sits next to one on the keyboard is a slip of
#: spelling (arguement, similiar) only when the word it leaves is this common; otherwise the longer form
#: is mostly a name or a different word.
STRAY_FREQUENCY = 1e-5

#: An English word inside a Chinese paragraph is looked at only from this length (from MIN_LENGTH for two
#: letters swapped: tabel, widht), and its suggestion must be at least this common (technical words such
#: as configuration are rarer than 1e-6 in general English): such words are mostly terms, identifiers
#: and names.
MIN_EMBEDDED_LENGTH = 6
MIN_EMBEDDED_FREQUENCY = 5e-7

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}


def _adjacent(a: str, b: str) -> bool:
    """Whether two letters sit next to each other on a QWERTY keyboard."""
    if a not in _KEYS or b not in _KEYS:
        return False
    (ra, ia), (rb, ib) = sorted((_KEYS[a], _KEYS[b]))
    if ra == rb:
        return abs(ia - ib) == 1
    return rb == ra + 1 and ia in (ib, ib + 1)  # (each row sits half a key to the right of the one above)


def slip_kind(written: str, word: str) -> str | None:
    """How ``written`` differs from ``word`` (both lower case) by one interior keyboard slip, or None."""
    n, m = len(written), len(word)
    i = 0
    while i < min(n, m) and written[i] == word[i]:
        i += 1
    if i == 0:
        return None
    if n == m:
        if i + 1 < n and written[i] == word[i + 1] and written[i + 1] == word[i] and written[i + 2 :] == word[i + 2 :]:
            return "swap"
        if i < n - 1 and written[i + 1 :] == word[i + 1 :]:
            return "letter"
        return None
    if n == m + 1:  # a letter too many
        if i >= n - 1 or written[i + 1 :] != word[i:]:
            return None
        extra = written[i]
        if (
            extra in (written[i - 1], written[i + 1])
            or _adjacent(extra, written[i - 1])
            or _adjacent(extra, written[i + 1])
        ):
            return "extra"
        # a vowel spelt by ear, not a key slip (arguement, similiar); a consonant too many is mostly
        # another word or a name (Gradle, not a misspelt grade)
        return "stray" if extra in "aeiou" else None
    if m == n + 1:  # a letter missing
        if i >= m - 1 or written[i:] != word[i + 1 :]:
            return None
        return "missing"
    return None


_WHY = {
    "swap": "两个相邻字母颠倒",
    "letter": "错了一个字母",
    "extra": "多了一个字母",
    "stray": "多了一个字母",
    "missing": "少了一个字母",
}


@dataclass(frozen=True, slots=True)
class EnglishWords:
    """pyspellchecker's English dictionary as summarylint needs it: the known words in sorted order
    with their counts, and the count of all words (a word's share of English text is its count over
    the total).  Looked up by bisection: loading is a split and an array, no dictionary to build."""

    words: list[str]
    counts: array[int]
    total: int

    def count(self, word: str) -> int:
        at = bisect_left(self.words, word)
        return self.counts[at] if at < len(self.words) and self.words[at] == word else 0

    def frequency(self, word: str) -> float:
        return self.count(word) / self.total


_HEADER = "summarylint-english-words"


def _source() -> Path:
    """pyspellchecker's English dictionary file, found without importing the package."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:  # pragma: no cover (a dependency)
        raise RuntimeError("pyspellchecker is not installed")
    return Path(spec.origin).parent / "resources" / "en.json.gz"


def _serialise(counts: dict[str, int], total: int, key: str) -> bytes:
    words = sorted(w for w in counts if w and "\n" not in w)
    numbers = array("I", (min(counts[w], 2**32 - 1) for w in words))
    if sys.byteorder != "little":  # pragma: no cover
        numbers.byteswap()
    head = f"{_HEADER} {key} {len(words)} {total}\n".encode()
    return head + numbers.tobytes() + "\n".join(words).encode("utf-8")


def _parse(data: bytes, key: str) -> EnglishWords | None:
    end = data.find(b"\n")
    fields = data[:end].decode("ascii", errors="replace").split(" ")
    if end < 0 or len(fields) != 4 or fields[:2] != [_HEADER, key] or not (fields[2] + fields[3]).isdigit():
        return None
    n, total = int(fields[2]), int(fields[3])
    numbers = array("I")
    numbers.frombytes(data[end + 1 : end + 1 + 4 * n])
    if sys.byteorder != "little":  # pragma: no cover
        numbers.byteswap()
    words = data[end + 1 + 4 * n :].decode("utf-8", errors="replace").split("\n")
    if len(numbers) != n or len(words) != n or total <= 0:
        return None
    return EnglishWords(words, numbers, total)


def _build(key: str) -> tuple[EnglishWords, bytes]:
    from spellchecker import SpellChecker  # (about a third of a second; once per installation)

    frequency = SpellChecker(distance=1).word_frequency
    counts = {w: int(c) for w, c in frequency.dictionary.items()}
    data = _serialise(counts, max(int(frequency.total_words), 1), key)
    words = _parse(data, key)
    if words is None:  # pragma: no cover
        raise RuntimeError("the English word table could not be built")
    return words, data


@cache
def english_words(cache_dir: Path | None = None) -> EnglishWords:
    """The English word table from the cache, built from pyspellchecker's dictionary on first use."""
    source = _source()
    stat = source.stat()
    material = f"{FORMAT_VERSION}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    key = hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]
    path = (cache_dir or cache_root()) / f"typo-english-{key}.bin"
    return cached_build(path, lambda data: _parse(data, key), lambda: _build(key), "英文词表")


def interior_slips(word: str, swaps_only: bool = False) -> Iterator[str]:
    """The words one interior keyboard slip away from ``word``: two neighbouring letters swapped, a
    letter replaced, dropped or added, never the first letter (and the checks of :func:`slip_kind`);
    with ``swaps_only``, only two neighbouring letters swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    n = len(word)
    for i in range(1, n):
        if i + 1 < n:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swaps_only:
            continue
        yield word[:i] + word[i + 1 :]
        for c in letters:
            yield word[:i] + c + word[i:]
            if i < n - 1:
                yield word[:i] + c + word[i + 1 :]


def _english(block: Block) -> list[re.Match[str]]:
    words = list(block.finditer(_WORD))
    if len(words) < MIN_WORDS or len(_HAN.findall(block.text)) > len(words):
        return []
    return words


def correction(word: str, floor: float = 0.0, swaps_only: bool = False) -> tuple[str, str] | None:
    """The most frequent known word one interior slip away from ``word`` (lower case) and the slip;
    the word must be at least ``floor`` common (share of English text) whatever the slip (with
    ``swaps_only``, only words with two neighbouring letters swapped are considered)."""
    words = english_words()
    if words.count(word):
        return None
    least = MIN_FREQUENCY
    if len(word) >= LONG_WORD:  # (a long word: a rarer suggestion, wherever the word stands)
        least = LONG_WORD_FREQUENCY
        floor = min(floor, least)
    best: tuple[float, str, str] | None = None
    for candidate in set(interior_slips(word, swaps_only)):
        freq = words.frequency(candidate)
        if freq <= 0:
            continue
        kind = slip_kind(word, candidate)
        if kind is None:
            continue
        if freq <= max(floor, 0.0) or (kind != "swap" and freq < least):
            continue
        if kind == "stray" and freq < STRAY_FREQUENCY:
            continue
        if best is None or freq > best[0]:
            best = (freq, candidate, kind)
    return None if best is None else (best[1], best[2])


#: A word in camel case (PowerPoint, JavaScript), whose later parts may be initials (ArcGIS, MySQL, PowerBI), or
#: initials before a word (VMware, PDFelement): looked at only for a slip in a name of the pack written so.
_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{2,}(?![a-z]))+|[A-Z]{2,}[a-z]{2,}")


#: A word spelt as Hanyu Pinyin (si-cen-ce) is read as a slip only when two neighbouring letters swapped make a word
#: at least this common (pyspellchecker's count: science 57,649): no name is one such swap from it.
PINYIN_SWAP_COUNT = 20_000


def _common_swap(word: str) -> bool:
    """Whether two neighbouring letters of ``word`` swapped make a very common English word (Sicence: science)."""
    words = english_words()
    return any(words.count(w) >= PINYIN_SWAP_COUNT for w in interior_slips(word, swaps_only=True))


#: A capitalised word before the word for a maker, alone or in a list of Latin names, is a maker's name (Waters公司,
#: Bruker、ZEISS等厂商): only a slip in a name of the pack is looked for in it.
_MAKER_AFTER = re.compile(r"(?: ?[、/和与及] ?[A-Za-z][A-Za-z0-9]*)* ?等?(?:公司|厂商|厂家|品牌|集团)")
#: Names of tools joined with a plus sign (Prometheus + Thanos, Spring Boot+Vue): the sign joins names, not words.
_STACKED = re.compile(r"[A-Za-z][A-Za-z0-9.]* ?\+ ?$")
_STACKED_AFTER = re.compile(r" ?\+ ?[A-Za-z]")


def _named_by_context(text: str, m: re.Match[str]) -> bool:
    """Whether what stands around a capitalised word makes it a name: a surname before 评分, 量表 (a method named
    after a person), a maker's name (Bruker、ZEISS等厂商), a tool stacked on another (Prometheus + Thanos)."""
    return bool(
        _eponym_head().match(text, m.end())
        or _MAKER_AFTER.match(text, m.end())
        or _STACKED.search(text, 0, m.start())
        or _STACKED_AFTER.match(text, m.end())
    )


#: An English word next to another across one space: the words around a word in a phrase.
_NEXT_WORD = re.compile(r" ([A-Za-z]{3,})(?![A-Za-z])")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,}) $")


def _in_english_phrase(text: str, m: re.Match[str]) -> bool:
    """Whether the word ``m`` stands in a phrase of English words inside Chinese text: a dictionary word of three
    letters or more right before or after it across one space (Terminal Operating Sytem)."""
    words = english_words()
    after = _NEXT_WORD.match(text, m.end())
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return any(found is not None and words.count(found.group(1).lower()) > 0 for found in (before, after))


def _camel(word: str) -> bool:
    return _CAMEL.fullmatch(word) is not None


def _capitals(word: str) -> bool:
    """Whether ``word`` is an abbreviation in capitals long enough to be compared with the names of the pack written
    so (SACDA for SCADA, HAACP for HACCP): only a slip in one of those is looked for in it."""
    return len(word) >= MIN_LENGTH and word.isupper() and word.isalpha()


def _embedded(block: Block) -> list[re.Match[str]]:
    """The English words written in lower case or with a capital first letter alone inside a Chinese
    paragraph (完成了deploy脚本, 参加了Goverment组织的培训), and those in camel case (用PowerPiont制作: only a slip in a
    name of the pack written so is looked for in them)."""
    if not _HAN.search(block.text):
        return []
    return [
        m
        for m in block.finditer(_WORD)
        if (m.group()[1:].islower() or _camel(m.group()) or _capitals(m.group()))
        and len(m.group()) >= MIN_NAME_SLIP_LENGTH
    ]


class EnglishEntry(BaseModel):
    """An entry of ``rules/packs/typo-english.toml``: English words wrong although each is a word."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wrong: str = Field(pattern=r"^[a-z]+(?: [a-z]+)*$")
    right: str = Field(min_length=1)
    why: str = Field(min_length=1)
    before: str | None = None
    not_before: str | None = None
    after: str | None = None


class EnglishPack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entry: list[EnglishEntry] = Field(min_length=1)
    #: names of software and products work reports write in Latin letters (Kubernetes, Excel), as written
    names: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]{4,}$")]] = []


#: A word this long or longer is compared with the names of the pack (Exel for Excel): a slip in a name is
#: told by the name, not by the dictionary, so a word shorter than :data:`MIN_LENGTH` may be one.
MIN_NAME_SLIP_LENGTH = 4


@cache
def _names() -> dict[str, str]:
    """The names of the pack, by their lower case."""
    return {name.lower(): name for name in load_pack("typo-english", EnglishPack).names}


def name_slip(word: str) -> tuple[str, str] | None:
    """The name of the pack one interior keyboard slip away from ``word`` (lower case, no name itself) and
    the slip, as :func:`slip_kind` tells it; None when there is none or several.  (Whether ``word`` is an
    English word, which is no slip, the caller asks only when a name is this near.)"""
    names = _names()
    if word in names:
        return None
    found = [
        (names[name], kind)
        for name in names
        if abs(len(name) - len(word)) <= 1
        and (kind := slip_kind(word, name) or ("missing" if name == word + word[-1] else None)) is not None
    ]  # (a doubled last letter typed once is a slip too: Honeywel)
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class _Curated:
    pattern: re.Pattern[str]
    entries: dict[str, tuple[EnglishEntry, ...]]  # by the wrong words, lower case, single spaces


@cache
def _curated() -> _Curated:
    entries: dict[str, list[EnglishEntry]] = {}
    for entry in load_pack("typo-english", EnglishPack).entry:
        entries.setdefault(entry.wrong, []).append(entry)
    alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(entries, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z0-9_'-])(?:{alternation})(?![A-Za-z0-9_'-])", re.IGNORECASE)
    return _Curated(pattern, {k: tuple(v) for k, v in entries.items()})


#: The characters other than ASCII letters that a case-insensitive expression matches with an ASCII
#: letter (İ and ı with i, ſ with s, the Kelvin sign with k), as those letters.
_CASE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@cache
def _curated_words() -> tuple[str, ...]:
    """The longest word of each wrong form of the curated list: a text holding none of them (in any
    case) holds none of the forms, and the expression that finds them need not be compiled."""
    return tuple(sorted({max(e.wrong.split(), key=len) for e in load_pack("typo-english", EnglishPack).entry}))


def _may_be_curated(text: str) -> bool:
    folded = text.translate(_CASE_FOLDS).lower()
    return any(word in folded for word in _curated_words())


#: How far back a ``before`` guard of the curated list looks (characters).
_BEFORE = 40


@cache
def _guard(source: str, kind: str) -> Guard:
    return Guard(source, kind)


def _holds(entry: EnglishEntry, text: str, start: int, end: int) -> bool:
    """Whether the context guards of ``entry`` hold for ``text[start:end]`` (as WD001's guards: a
    ``before`` guard must end where the words start, an ``after`` guard match where they end)."""
    left = max(0, start - _BEFORE)
    if entry.before is not None and not _guard(entry.before, "end").ends(text, left, start):
        return False
    if entry.not_before is not None and _guard(entry.not_before, "end").ends(text, left, start):
        return False
    return entry.after is None or _guard(entry.after, "start").starts(text, end)


def _curated_findings(block: Block, words: frozenset[str]) -> Iterator[tuple[int, int, str, EnglishEntry]]:
    """``(start, end, written, entry)`` for the curated wrong words of ``block`` whose guards hold."""
    curated = _curated()
    text = block.text
    for m in curated.pattern.finditer(text):
        written = m.group()
        if written in words:
            continue
        for entry in curated.entries[" ".join(written.lower().split())]:
            if _holds(entry, text, m.start(), m.end()):
                yield m.start(), m.end(), written, entry
                break


def _cased(written: str, right: str) -> str:
    """``right`` in the case of ``written``, word by word (Good Lucky → Good Luck, INFORMATIONS →
    INFORMATION); when the numbers of words differ, the first letter follows."""
    written_words, right_words = written.split(), right.split()
    if len(written_words) != len(right_words):
        return right[0].upper() + right[1:] if written[0].isupper() else right
    out = []
    for w, r in zip(written_words, right_words, strict=True):
        if w.isupper() and len(w) > 1:
            out.append(r.upper())
        elif w[0].isupper():
            out.append(r[0].upper() + r[1:])
        else:
            out.append(r)
    return " ".join(out)


@check("WD015")
def english_misspelling(ctx: Context) -> Iterator[Finding]:
    curated: dict[int, list[tuple[int, int]]] = {}  # (the words the curated list decides, by block)
    for block in ctx.views.blocks:
        if not _LATIN.search(block.text) or not _may_be_curated(block.text):
            continue
        for start, end, written, entry in _curated_findings(block, ctx.words):
            curated.setdefault(id(block), []).append((start, end))
            right = _cased(written, entry.right)
            span = block.span(start, end)
            yield Finding(span, f"“{written}”应写作“{right}”：{entry.why}", fix=Fix.unsafe(Edit(span, right)))
    paragraphs = []
    for block in ctx.views.blocks:
        if words := _english(block):
            paragraphs.append((block, words, False))
        elif words := _embedded(block):
            paragraphs.append((block, words, True))
    if not paragraphs:
        return
    counts = Counter(m.group().lower() for block in ctx.views.blocks for m in block.finditer(_WORD))
    for block, words, embedded in paragraphs:
        decided = curated.get(id(block), [])
        for m in words:
            written = m.group()
            lower = written.lower()
            if any(s < m.end() and m.start() < e for s, e in decided):
                continue
            camel = _camel(written)  # (a camel-case word can only be a slip in a name written so: PowerPiont)
            capitals = _capitals(written)  # (and one in capitals, in a name in capitals: SACDA)
            if (
                len(written) < MIN_NAME_SLIP_LENGTH
                or (written[1:] != written[1:].lower() and not camel and not capitals)
                or counts[lower] > 1
                or written in ctx.words
                or lower in _names()  # (a name of the pack, written right: Bruker, Thanos)
                or (_PINYIN.fullmatch(lower) and not capitals and not _common_swap(lower))
            ):
                continue
            named = name_slip(lower)
            if capitals and (named is None or not named[0].isupper()):
                continue
            if named is None and embedded and written[0].isupper() and _named_by_context(block.text, m):
                continue
            # (a word of the dictionary is no slip: looked up only near a name)
            if named is not None and not english_words().count(lower) and (not camel or _camel(named[0])):
                right, kind = named
                message = f"“{written}”疑为名称“{right}”的误写：{_WHY[kind]}"
            else:
                if len(written) < MIN_LENGTH or camel:
                    continue
                # (a short word inside Chinese text: only two letters swapped, not Flink for flick; but one in a phrase
                # of English words is English text: Terminal Operating Sytem)
                short = embedded and len(written) < MIN_EMBEDDED_LENGTH and not _in_english_phrase(block.text, m)
                found = correction(lower, MIN_EMBEDDED_FREQUENCY if embedded else 0.0, swaps_only=short)
                if found is None:
                    continue
                word, kind = found
                right = word.capitalize() if written[0].isupper() else word
                message = f"“{written}”不是英文单词，疑为“{right}”：{_WHY[kind]}"
            span = block.span(m.start(), m.end())
            yield Finding(span, message, fix=Fix.unsafe(Edit(span, right)))
