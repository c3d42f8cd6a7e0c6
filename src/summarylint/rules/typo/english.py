"""WD015: a misspelt word in an English paragraph of a Chinese draft (imporve, upgrated).

Bilingual reports carry English paragraphs (an English version of the summary, release notes); a
word there that no English word list knows, written once, and one keyboard slip away from a known
word is reported with that word as the suggestion.  The word list and frequencies are
pyspellchecker's English dictionary, loaded on the first English paragraph that needs it.

What is left alone, because it is mostly names and terms rather than slips: paragraphs that are
mainly Chinese (Latin terms there are WD014's), words under five letters, words with capitals
inside (CnWizards) or in capitals (LSLAM), words written more than once in the document, team words,
Hanyu Pinyin (Zhou, Xiaoming), and changes at the first or last letter (endings: crypto/crypt,
copywrite/copywriter).  An extra letter counts as a slip only when it doubles a neighbour or sits
next to one on the keyboard (Refactor is not a misspelt reactor), and a suggestion other than two
swapped letters must be a common word (refactor is not a misspelt redactor).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from summarylint.diagnostics import Edit, Finding, Fix
from summarylint.rules.base import Context, check
from summarylint.views.blocks import Block

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_WORD = re.compile(r"(?<![A-Za-z0-9_./\\@#$&%'-])[A-Za-z]+(?![A-Za-z0-9_@']|[./\\-][A-Za-z0-9])")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
_PINYIN = re.compile(f"(?:{_INITIAL}{_FINAL}){{1,3}}")

#: An English paragraph has at least this many Latin words, and no more Chinese characters than words.
MIN_WORDS = 5
#: Shorter words are left alone (abbreviations, names).
MIN_LENGTH = 5
#: A suggestion other than two letters swapped must be at least this common (share of English text):
#: a rare word one letter away from an unknown one is mostly a coincidence (refactor/redactor).
MIN_FREQUENCY = 1e-6

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
        return None
    if m == n + 1:  # a letter missing
        if i >= m - 1 or written[i:] != word[i + 1 :]:
            return None
        return "missing"
    return None


_WHY = {"swap": "两个相邻字母颠倒", "letter": "错了一个字母", "extra": "多了一个字母", "missing": "少了一个字母"}


@cache
def _speller() -> SpellChecker:
    from spellchecker import SpellChecker  # (about a second: loaded on the first English paragraph)

    return SpellChecker(distance=1)


def _english(block: Block) -> list[re.Match[str]]:
    words = list(block.finditer(_WORD))
    if len(words) < MIN_WORDS or len(_HAN.findall(block.text)) > len(words):
        return []
    return words


def correction(word: str) -> tuple[str, str] | None:
    """The most frequent known word one interior slip away from ``word`` (lower case) and the slip."""
    speller = _speller()
    if speller.known([word]):
        return None
    best: tuple[float, str, str] | None = None
    for candidate in speller.known(speller.edit_distance_1(word)):
        kind = slip_kind(word, candidate)
        if kind is None:
            continue
        freq = speller.word_usage_frequency(candidate)
        if freq <= 0 or (kind != "swap" and freq < MIN_FREQUENCY):
            continue
        if best is None or freq > best[0]:
            best = (freq, candidate, kind)
    return None if best is None else (best[1], best[2])


@check("WD015")
def english_misspelling(ctx: Context) -> Iterator[Finding]:
    paragraphs = [(block, words) for block in ctx.views.blocks if (words := _english(block))]
    if not paragraphs:
        return
    counts = Counter(m.group().lower() for block in ctx.views.blocks for m in block.finditer(_WORD))
    for block, words in paragraphs:
        for m in words:
            written = m.group()
            lower = written.lower()
            if (
                len(written) < MIN_LENGTH
                or written[1:] != written[1:].lower()
                or counts[lower] > 1
                or written in ctx.words
                or _PINYIN.fullmatch(lower)
            ):
                continue
            found = correction(lower)
            if found is None:
                continue
            word, kind = found
            right = word.capitalize() if written[0].isupper() else word
            span = block.span(m.start(), m.end())
            yield Finding(
                span,
                f"“{written}”不是英文单词，疑为“{right}”：{_WHY[kind]}",
                fix=Fix.unsafe(Edit(span, right)),
            )
