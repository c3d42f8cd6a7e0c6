"""Signs of text decoded with the wrong character set (GA005), and the re-decoding that repairs it.

Three kinds of evidence, from the most to the least specific:

1. characters that never belong in a document: U+FFFD, private-use characters (Word symbol fonts),
   C0/C1 control characters;
2. sequences that only garbling produces (``锟斤拷``, ``鈥``, ``â€œ``), from ``rules/packs/garbled.toml``;
3. a stretch of rare characters that turns back into common Chinese when its bytes are read again
   with the right encoding (``鍏ㄥ勾瀹屾垚`` is ``全年完成`` in UTF-8 read as GBK), even inside a word
   of an otherwise clean paragraph (:func:`find_reencoded`);
4. a paragraph in which too many Chinese characters are outside the table of common characters
   (``rules/packs/garbled-chars.toml``, generated from jieba's dictionary by
   ``scripts/build_garbled_chars.py``).

A repair is offered only when re-decoding (GBK↔UTF-8, Windows-1252→UTF-8) yields clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.packs import load_pack
from summarylint.text.names import ends_name

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: private-use characters, replacement character runs are in the pack
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]+")
#: control characters other than tab, line feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


class _Sequence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str = Field(min_length=1)
    why: str = Field(min_length=1)


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    pattern: str = Field(min_length=1)
    #: every character a match can begin with
    starts: str = Field(min_length=1)
    why: str = Field(min_length=1)


class _Traditional(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    chars: str = Field(min_length=1)
    at_least: int = Field(ge=1)


class _Ratio(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_rare_share: float = Field(gt=0, lt=1)
    min_cjk: int = Field(ge=1)
    min_rare: int = Field(ge=1)


class MojibakePack(BaseModel):
    """``rules/packs/garbled.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    sequences: list[_Sequence]
    patterns: list[_Pattern]
    traditional: _Traditional
    ratio: _Ratio


class CommonChars(BaseModel):
    """``rules/packs/garbled-chars.toml`` (generated)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    chars: str = Field(min_length=1000)


@dataclass(frozen=True)
class Mark:
    """A garbled stretch ``[start, end)`` of a text and what it tells."""

    start: int
    end: int
    why: str


@cache
def _pack() -> MojibakePack:
    return load_pack("garbled", MojibakePack)


@cache
def common_chars() -> frozenset[str]:
    return frozenset(load_pack("garbled-chars", CommonChars).chars.replace("\n", ""))


@cache
def _known() -> list[tuple[re.Pattern[str], str]]:
    pack = _pack()
    found = [(re.compile(f"(?:{re.escape(s.text)})+"), s.why) for s in pack.sequences]
    found += [(re.compile(p.pattern), p.why) for p in pack.patterns]
    return found


@cache
def _any_mark() -> re.Pattern[str]:
    """Matches a character any of the marks of :func:`find_marks` begins with: most texts have none."""
    pack = _pack()
    starts = {s.text[0] for s in pack.sequences} | {ch for p in pack.patterns for ch in p.starts}
    return re.compile(
        f"[{re.escape(''.join(sorted(starts)))}\\ue000-\\uf8ff\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]"
    )


@cache
def _without_common() -> dict[int, None]:
    """A ``str.translate`` table that deletes the common characters."""
    return dict.fromkeys(map(ord, common_chars()))


@lru_cache(maxsize=512)
def find_marks(text: str) -> tuple[Mark, ...]:
    """Garbled characters and sequences in ``text``, in order, without overlaps.  Found once for each paragraph, for
    all the rules that ask (GA005, PU005, the typo family)."""
    if not _any_mark().search(text):
        return ()
    marks = [Mark(m.start(), m.end(), "私用区字符（多为 Word 符号字体转换残留）") for m in _PRIVATE_USE.finditer(text)]
    marks += [Mark(m.start(), m.end(), "控制字符") for m in _CONTROL.finditer(text)]
    for pattern, why in _known():
        marks += [Mark(m.start(), m.end(), why) for m in pattern.finditer(text)]
    marks.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mark] = []
    for mark in marks:
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return tuple(kept)


def rare_characters(text: str) -> tuple[int, list[str]]:
    """The number of Chinese characters in ``text`` and those outside the common table."""
    return len(_CJK.findall(text)), _CJK.findall(text.translate(_without_common()))


def looks_garbled(text: str) -> list[str]:
    """The rare characters of a paragraph too full of them to be ordinary text (empty when it is fine); a rare
    surname that starts a name of two or three characters (仉晓岚、訾明远、笪文彬等, 禤永鹏教授) does not count."""
    pack = _pack()
    count, rare = rare_characters(text)
    ratio = pack.ratio
    if count < ratio.min_cjk or len(rare) < ratio.min_rare or len(rare) <= ratio.max_rare_share * count:
        return []
    rare = _outside_names(text, rare)
    if len(rare) < ratio.min_rare or len(rare) <= ratio.max_rare_share * count:
        return []
    traditional = pack.traditional
    if sum(1 for ch in set(text) if ch in traditional.chars) >= traditional.at_least:
        return []  # written in traditional characters, not garbled
    return rare


def _outside_names(text: str, rare: list[str]) -> list[str]:
    """``rare`` (the rare characters of ``text``, in order) without those that start a personal name: a rare
    character followed by one or two common Chinese characters where a name may end
    (:func:`~summarylint.text.names.ends_name`)."""
    kinds = set(rare)
    kept = []
    for at, char in enumerate(text):
        if char not in kinds:
            continue
        named = any(
            all(_CJK.match(c) and c not in kinds for c in text[at + 1 : at + 1 + n]) and ends_name(text, at + 1 + n)
            for n in (2, 1)
            if at + 1 + n <= len(text)
        )
        if not named or (at and text[at - 1] in kinds):
            kept.append(char)
    return kept


#: (encoding the garbled text is turned back into bytes with, encoding the bytes really were in)
_REPAIRS = (("gbk", "utf-8"), ("gb18030", "utf-8"), ("cp1252", "utf-8"), ("latin-1", "utf-8"), ("latin-1", "gbk"))


def redecode(text: str) -> tuple[str, str, str] | None:
    """``(repaired, wrong, right)`` when reading ``text``'s bytes as ``right`` instead of ``wrong`` gives clean text."""
    for wrong, right in _REPAIRS:
        try:
            repaired = text.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired == text or find_marks(repaired) or not _CJK.search(repaired):
            continue
        count, rare = rare_characters(repaired)
        if len(rare) <= _pack().ratio.max_rare_share * count:
            return repaired, wrong, right
    return None


#: wrong encodings a stretch of UTF-8 text is tried back through, and how far around a rare character
_REENCODINGS = ("gbk", "gb18030")
_REACH = 12


@dataclass(frozen=True)
class Reencoded:
    """``text[start:end]`` is UTF-8 read as ``wrong``; ``repaired`` is what it said."""

    start: int
    end: int
    repaired: str
    wrong: str


_CHINESE_MARKS = frozenset("，。、；：？！“”‘’（）《》…—")


def _common_chinese(text: str) -> bool:
    """At least two characters, each a common Chinese character or a Chinese punctuation mark."""
    common = common_chars()
    return len(text) >= 2 and all(ch in common or ch in _CHINESE_MARKS for ch in text) and bool(_CJK.search(text))


def _reencoded_at(text: str, rare: int) -> Reencoded | None:
    """The longest stretch around the rare character at ``rare`` whose bytes decode as UTF-8 into common
    Chinese, trying each wrong encoding."""
    best: Reencoded | None = None
    for wrong in _REENCODINGS:
        for start in range(max(0, rare - _REACH), rare + 1):
            for end in range(min(len(text), rare + _REACH), rare, -1):
                if best is not None and end - start <= best.end - best.start:
                    break
                try:
                    repaired = text[start:end].encode(wrong).decode("utf-8")
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
                if _common_chinese(repaired):
                    best = Reencoded(start, end, repaired, wrong)
                    break
    return best


@lru_cache(maxsize=512)
def find_reencoded(text: str) -> tuple[Reencoded, ...]:
    """Stretches of UTF-8 text read as GBK/GB18030 inside ``text`` (``涓嶈兘`` for ``不能``), each holding at
    least one character outside the common table, so that ordinary text never qualifies.  Found once for each
    paragraph, for all the rules that ask (GA005, the typo family, PU001)."""
    common = common_chars()
    found: list[Reencoded] = []
    for match in _CJK.finditer(text):
        position = match.start()
        if match.group() in common or (found and position < found[-1].end):
            continue
        hit = _reencoded_at(text, position)
        if hit is not None and (not found or hit.start >= found[-1].end):
            found.append(hit)
    return tuple(found)
