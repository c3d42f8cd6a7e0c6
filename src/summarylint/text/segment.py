"""Word segmentation with part-of-speech tags: jieba over a focused dictionary, loaded lazily.

jieba's default dictionary (349,000 entries) takes about a second to load, and its POS tagger
another half second, which is more than a whole check may take.  Rules only ever segment short
windows of text around a candidate (a measure word, a month word), so a much smaller dictionary
segments them just as well: every entry that contains one of the *focus characters* (measure
words and the characters rules ask about), every frequent entry and every single character.

The focused dictionary is derived from the dictionary jieba ships, once per installation, and
kept in a per-user cache directory in a plain text format that loads in a few milliseconds
(``SUMMARYLINT_CACHE_DIR`` overrides the location).  Tags come from the same dictionary, so
``jieba.posseg`` (whose import alone reads the full dictionary) is never imported.  jieba is
imported on the first call of :func:`segmenter`, never by importing this module, and its log
output is silenced.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import sys
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from summarylint.datacache import cache_root, cached_build

T = TypeVar("T")

#: Bump when the cache format or the selection of entries changes.
FORMAT_VERSION = 3
_HEADER = "summarylint-focused-dictionary"
_JIEBA_LOGGERS = ("jieba", "jieba._compat")
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a segmented text: ``text[start:end] == word``."""

    word: str
    tag: str
    start: int
    end: int


class FocusedDictionary:
    """What jieba's DAG search needs: word → frequency (prefixes of words at 0), and word → tag.

    Entries are grouped by their first character and a group is parsed only when a text to segment
    contains that character (:meth:`require`), so a document with a few candidate windows parses a
    small part of the dictionary.
    """

    def __init__(self, total: int, groups: dict[str, bytes]) -> None:
        self.total = total
        self.freq: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        #: first character → its stored line after the character and a tab (UTF-8, not decoded yet)
        self._pending = groups

    @classmethod
    def from_entries(cls, entries: list[tuple[str, int, str]]) -> FocusedDictionary:
        """The dictionary of ``(word, frequency, tag)`` entries, fully loaded."""
        dictionary = cls(sum(count for _, count, _ in entries), {})
        freq, tags = dictionary.freq, dictionary.tags
        for word, count, tag in entries:
            freq[word] = count
            tags[word] = tag
        for word, _, _ in entries:
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
        return dictionary

    def require(self, text: str) -> None:
        """Make sure every entry starting with a character of ``text`` is loaded."""
        pending = self._pending
        if pending:
            for char in set(text):
                raw = pending.pop(char, None)
                if raw is not None:
                    self._load(raw)

    def load_all(self) -> FocusedDictionary:
        for char in list(self._pending):
            self._load(self._pending.pop(char))
        return self

    def _load(self, raw: bytes) -> None:
        """Add one stored group: ``words TAB frequencies TAB tags`` (a damaged group is left out)."""
        fields = raw.decode("utf-8", "replace").split("\t")
        if len(fields) != 3:
            return
        words = fields[0].split(" ")
        counts = fields[1].split(" ")
        if len(words) != len(counts) or not all(c.isdigit() for c in counts):
            return
        self.freq.update(zip(words, map(int, counts), strict=True))
        self.tags.update(zip(words, fields[2].split(" ") if fields[2] else (), strict=False))

    def groups(self) -> dict[str, tuple[str, str, str]]:
        """The entries grouped by first character, as stored (loads everything first)."""
        self.load_all()
        by_char: dict[str, tuple[list[str], list[str]]] = {}
        for word in self.freq:
            tagged, untagged = by_char.setdefault(word[0], ([], []))
            (tagged if word in self.tags else untagged).append(word)
        return {
            char: (
                " ".join(tagged + untagged),
                " ".join(str(self.freq[w]) for w in tagged + untagged),
                " ".join(self.tags[w] for w in tagged),
            )
            for char, (tagged, untagged) in by_char.items()
        }


def jieba_dictionary_path() -> Path:
    """The ``dict.txt`` jieba ships, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


@dataclass(frozen=True)
class Focus:
    """What the focused dictionary keeps besides single characters."""

    characters: str  # every entry containing one of these
    min_frequency: int  # every entry at least this frequent
    words: tuple[str, ...] = ()  # these entries whatever their frequency

    def key(self, source: Path) -> str:
        stat = source.stat()
        material = "|".join(
            (
                str(FORMAT_VERSION),
                str(source.resolve()),
                str(stat.st_size),
                str(stat.st_mtime_ns),
                "".join(sorted(set(self.characters))),
                str(self.min_frequency),
                " ".join(sorted(set(self.words))),
            )
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def select_entries(lines: Iterable[str], focus: Focus) -> list[tuple[str, int, str]]:
    """The entries of a jieba dictionary (``word freq [tag]`` lines) the focused dictionary keeps."""
    characters = set(focus.characters)
    words = set(focus.words)
    kept: list[tuple[str, int, str]] = []
    for line in lines:
        parts = line.split()
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) == 1 or freq >= focus.min_frequency or word in words or not characters.isdisjoint(word):
            kept.append((word, freq, parts[2] if len(parts) > 2 else "x"))
    return kept


def build(entries: list[tuple[str, int, str]]) -> FocusedDictionary:
    """The prefix dictionary jieba's DAG search needs, and the tags."""
    return FocusedDictionary.from_entries(entries)


def serialise(dictionary: FocusedDictionary, key: str) -> str:
    """Header, total, then one line per first character: ``char TAB words TAB frequencies TAB tags``."""
    lines = [str(dictionary.total)]
    lines += ["\t".join((char, *group)) for char, group in sorted(dictionary.groups().items())]
    body = "\n".join(lines)
    return f"{_HEADER} {key} {zlib.crc32(body.encode('utf-8')):08x}\n{body}"


def parse(data: bytes, key: str) -> FocusedDictionary | None:
    """The dictionary stored by :func:`serialise` (UTF-8), or None when ``data`` is not a valid cache
    for ``key`` (its checksum tells a damaged file).  Only the first character of each line is
    decoded here; a group is decoded and parsed when a text needs it."""
    head, _, body = data.partition(b"\n")
    expected = f"{_HEADER} {key} ".encode()
    if not head.startswith(expected) or head[len(expected) :] != b"%08x" % zlib.crc32(body):
        return None  # another version, or damaged (cut short, changed): built again
    lines = [head, *body.split(b"\n")]
    if len(lines) < 2 or not lines[1].isdigit():
        return None
    groups: dict[str, bytes] = {}
    for line in lines[2:]:
        tab = line.find(b"\t", 1, 5)  # after one character: 1 to 4 bytes in UTF-8
        if tab < 0:
            return None
        try:
            char = line[:tab].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if len(char) != 1:
            return None
        groups[char] = line[tab + 1 :]
    return FocusedDictionary(int(lines[1]), groups)


def load_focused_dictionary(focus: Focus, cache_dir: Path | None = None) -> FocusedDictionary:
    """The focused dictionary from the cache, built (and cached when possible) on first use."""
    source = jieba_dictionary_path()
    key = focus.key(source)

    def make() -> tuple[FocusedDictionary, bytes]:
        with source.open(encoding="utf-8") as fh:
            dictionary = build(select_entries(fh, focus))
        return dictionary, serialise(dictionary, key).encode("utf-8")

    path = (cache_dir or cache_root()) / f"jieba-focused-{key}.txt"
    return cached_build(path, lambda data: parse(data, key), make, "分词词典")


def _import_jieba() -> Any:
    """Import jieba quietly and without ``pkg_resources``.

    jieba only uses ``pkg_resources`` to open its own data files and falls back to plain ``open``
    when the import fails; importing it costs a tenth of a second, so it is hidden for the
    duration of the import when nobody has imported it yet.
    """
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    for name in _JIEBA_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return jieba


class Segmenter:
    """Cuts text into tagged words with a jieba tokenizer over a :class:`FocusedDictionary`."""

    def __init__(self, dictionary: FocusedDictionary) -> None:
        jieba = _import_jieba()
        tokenizer = jieba.Tokenizer()
        # The prefix dictionary is supplied directly instead of through initialize(), which would
        # read a dictionary file (or jieba's marshal cache, itself slow to load).
        tokenizer.FREQ = dictionary.freq
        tokenizer.total = dictionary.total
        tokenizer.initialized = True
        self._tokenizer = tokenizer
        self._dictionary = dictionary
        self._tags = dictionary.tags

    def tag(self, word: str) -> str:
        """The dictionary tag of ``word`` (``m`` for digits, ``eng`` for Latin, ``x`` when unknown)."""
        self._dictionary.require(word[:1])
        tag = self._tags.get(word)
        if tag is not None:
            return tag
        if word.isdigit() or word.replace(".", "", 1).isdigit():
            return "m"
        if word.isascii() and word.isalnum():
            return "eng"
        return "x"

    def cut(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of ``text`` (dictionary segmentation, no HMM guessing), positions shifted by ``offset``."""
        self._dictionary.require(text)
        tokens: list[Token] = []
        at = offset
        for word in self._tokenizer.cut(text, HMM=False):
            tokens.append(Token(word, self.tag(word), at, at + len(word)))
            at += len(word)
        return tokens


@cache
def segmenter(focus: Focus) -> Segmenter:
    """The process-wide segmenter for ``focus`` (jieba is imported on the first call)."""
    with _lock:
        return Segmenter(load_focused_dictionary(focus))


def jieba_loaded() -> bool:
    """Whether jieba has been imported in this process."""
    return "jieba" in sys.modules
