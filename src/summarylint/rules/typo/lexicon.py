"""The typo lexicon: which frequent words and fixed expressions a wrong character may stand in for.

Built once per installation from two dependencies and cached in the user cache directory (see
:func:`summarylint.text.segment.cache_root`): jieba's dictionary (words, frequencies, tags; idioms
are tagged ``i``/``l``) and pypinyin's character readings.  Nothing is downloaded; a damaged or
outdated cache is rebuilt.

What the cache holds, each section one line so that loading is a few splits:

* ``fuzzy``: character → its *sound class* (toneless syllable with the usual input-method and
  regional confusions merged: zh/z, ch/c, sh/s, n/l, in/ing, en/eng), as one private-use character;
  ``exact``: the same without merging, to tell 同音 from 近音 in messages;
* ``more``: characters with several readings → the classes of their other readings;
* ``pairs``: two-character target words keyed by one character plus the other's sound class
  (``抱`` + class of ``qian``), so that a text bigram whose one character sounds like a target's is
  found with two dictionary look-ups;
* ``anchors``: three- and four-character targets (frequent words, idioms) keyed by two characters
  they keep when one other character is wrong (first two, last two, or first and third);
* ``shapes``: two-character targets written with a look-alike character (from the curated
  ``rules/packs/typo-shapes.toml``), keyed by that variant.

The frequencies used to verify a candidate in context are jieba's whole dictionary, loaded by
first character through :func:`summarylint.text.segment.load_focused_dictionary`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from summarylint.atomic import write_atomically
from summarylint.text.segment import cache_root, jieba_dictionary_path

#: Bump when the cache format or the selection changes.
FORMAT_VERSION = 3
_HEADER = "summarylint-typo-lexicon"
_SECTIONS = ("fuzzy", "exact", "more", "pairs", "anchors", "shapes", "idioms")

#: Two-character words at least this frequent are targets.
PAIR_MIN_FREQ = 100
#: Three-character words at least this frequent are targets.
TRIPLE_MIN_FREQ = 100
#: Idioms and fixed expressions (tags i, l) of four characters at least this frequent are targets.
IDIOM_MIN_FREQ = 10
#: Characters at least this frequent (as single-character entries) may be targets' characters.
CHAR_MIN_FREQ = 50

_SEP = "\x1f"  # between entries of a section
_SUB = "\x1e"  # between a key and its values
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


@dataclass
class Lexicon:
    """The loaded typo lexicon (see the module documentation)."""

    fuzzy: dict[int, str]  # a str.translate table: code point → class character
    exact: dict[str, str]
    more: dict[str, str]
    pairs: dict[str, str]  # key → target words joined by ","
    anchors: dict[str, str]  # key → "offset target" items joined by ","
    shapes: dict[str, str]  # variant → target
    idioms: frozenset[str] = field(default_factory=frozenset)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def build(
    entries: Iterable[tuple[str, int, str]], readings: dict[str, list[str]], shape_groups: Iterable[str]
) -> dict[str, str]:
    """The lexicon's sections as serialised strings, from jieba entries, readings and look-alike groups."""
    entries = list(entries)
    char_freq = {w: f for w, f, _ in entries if len(w) == 1}
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
        if not _is_han(char):
            continue
        classes = [code(fuzzy_class, fuzzy(s)) for s in syllables]
        fuzzy_codes[char] = classes[0]
        exact_codes[char] = "".join(dict.fromkeys(code(exact_class, s) for s in syllables))
        others = "".join(c for c in dict.fromkeys(classes) if c != classes[0])
        if others:
            more[char] = others

    def usable(word: str) -> bool:
        return all(_is_han(c) and char_freq.get(c, 0) >= CHAR_MIN_FREQ and c in fuzzy_codes for c in word)

    pairs: dict[str, list[str]] = {}
    anchors: dict[str, list[str]] = {}
    idioms: list[str] = []
    for word, freq, tag in entries:
        if len(word) == 2 and freq >= PAIR_MIN_FREQ and usable(word):
            a, b = word[0], word[1]
            for key in {a + c for c in _classes(b, fuzzy_codes, more)} | {
                c + b for c in _classes(a, fuzzy_codes, more)
            }:
                pairs.setdefault(key, []).append(word)
        elif len(word) == 3 and freq >= TRIPLE_MIN_FREQ and usable(word):
            for key, offset in ((word[:2], 0), (word[1:], 1), (word[0] + "\u0000" + word[2], 0)):
                anchors.setdefault(key, []).append(f"{offset}{word}")
        elif len(word) == 4 and tag in ("i", "l") and freq >= IDIOM_MIN_FREQ and all(map(_is_han, word)):
            idioms.append(word)
            for key, offset in ((word[:2], 0), (word[2:], 2)):
                anchors.setdefault(key, []).append(f"{offset}{word}")

    shapes: dict[str, str] = {}
    look_alike: dict[str, set[str]] = {}
    for group in shape_groups:
        for char in group:
            look_alike.setdefault(char, set()).update(c for c in group if c != char)
    frequent_pairs = {w for w, f, _ in entries if len(w) == 2 and f >= PAIR_MIN_FREQ}
    for word in frequent_pairs:
        for i, char in enumerate(word):
            for other in look_alike.get(char, ()):
                variant = word[:i] + other + word[i + 1 :]
                if variant not in frequent_pairs:
                    shapes.setdefault(variant, word)

    def flat(table: dict[str, str]) -> str:
        return _SEP.join(k + _SUB + v for k, v in table.items())

    def grouped(table: dict[str, list[str]]) -> str:
        return _SEP.join(k + _SUB + _VAL.join(v) for k, v in table.items())

    return {
        "fuzzy": "".join(c + k for c, k in fuzzy_codes.items()),
        "exact": flat(exact_codes),
        "more": flat(more),
        "pairs": grouped(pairs),
        "anchors": grouped(anchors),
        "shapes": flat(shapes),
        "idioms": _VAL.join(idioms),
    }


def _classes(char: str, primary: dict[str, str], more: dict[str, str]) -> list[str]:
    return [primary[char], *more.get(char, "")]


def _split_flat(line: str) -> dict[str, str]:
    if not line:
        return {}
    table: dict[str, str] = {}
    for item in line.split(_SEP):
        key, value = item.split(_SUB, 1)
        table[key] = value
    return table


def parse(data: str, key: str) -> Lexicon | None:
    """The lexicon stored by :func:`serialise`, or None when ``data`` is not a valid cache for ``key``."""
    lines = data.split("\n")
    if len(lines) != len(_SECTIONS) + 1 or lines[0] != f"{_HEADER} {key}":
        return None
    sections = dict(zip(_SECTIONS, lines[1:], strict=True))
    fuzzy_line = sections["fuzzy"]
    if len(fuzzy_line) % 2:
        return None
    try:
        fuzzy_table = {ord(c): k for c, k in zip(fuzzy_line[0::2], fuzzy_line[1::2], strict=True)}
        lexicon = Lexicon(
            fuzzy_table,
            _split_flat(sections["exact"]),
            _split_flat(sections["more"]),
            _split_flat(sections["pairs"]),
            _split_flat(sections["anchors"]),
            _split_flat(sections["shapes"]),
            frozenset(sections["idioms"].split(_VAL)) if sections["idioms"] else frozenset(),
        )
    except ValueError:
        return None
    if not lexicon.fuzzy or not lexicon.pairs or not lexicon.anchors:
        return None
    return lexicon


def serialise(sections: dict[str, str], key: str) -> str:
    return "\n".join([f"{_HEADER} {key}", *(sections[name].replace("\n", " ") for name in _SECTIONS)])


def cache_key(sources: Iterable[Path], shape_groups: Iterable[str]) -> str:
    material = [str(FORMAT_VERSION), str(PAIR_MIN_FREQ), str(TRIPLE_MIN_FREQ), str(IDIOM_MIN_FREQ), str(CHAR_MIN_FREQ)]
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


def load_lexicon(shape_groups: tuple[str, ...], cache_dir: Path | None = None) -> Lexicon:
    """The lexicon from the cache, built (and cached when possible) on first use."""
    jieba_dict = jieba_dictionary_path()
    readings_path = pypinyin_readings_path()
    key = cache_key((jieba_dict, readings_path), shape_groups)
    path = (cache_dir or cache_root()) / f"typo-lexicon-{key}.txt"
    try:
        cached = parse(path.read_text(encoding="utf-8"), key)
    except (OSError, UnicodeDecodeError):
        cached = None
    if cached is not None:
        return cached
    sections = build(read_jieba_entries(jieba_dict), read_readings(readings_path), shape_groups)
    text = serialise(sections, key)
    with contextlib.suppress(OSError):  # a read-only home: build it again next time
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    lexicon = parse(text, key)
    if lexicon is None:  # pragma: no cover - a build that cannot be read back is a bug
        raise RuntimeError("the typo lexicon could not be built")
    return lexicon
