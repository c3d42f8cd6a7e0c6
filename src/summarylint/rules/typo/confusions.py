"""WD001 checks a curated confusion set (wrong form → right form) with context
guards, kept as data in ``rules/packs/typo-confusions.toml``.

Guards are checked cheapest first: regular expressions on the neighbouring text (``after``,
``not_after``, ``before``, ``not_before``), phrases that contain the wrong form legitimately
(``exceptions``), then conditions on the neighbouring words of a segmentation of the few characters
around the match (``starts_word``, ``ends_word``, ``prev_tag``, ``next_tag``, ``prev_word``,
``next_word``: jieba's dictionary, its tags and a unigram word model, see :class:`.detect.Scorer`).
Only an entry with word conditions whose text guards pass loads the dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check
from summarylint.rules.garbled.mojibake import find_reencoded


class Confusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: one character only with an ``after`` or ``before`` guard (再 in 再以上基础上)
    wrong: str = Field(min_length=1)
    right: str = Field(min_length=1)
    idiom: bool = False
    after: str | None = None
    not_after: str | None = None
    before: str | None = None
    not_before: str | None = None
    #: phrases containing the wrong form that are right (在次年 for 在次)
    exceptions: list[str] = Field(default_factory=list)
    #: the segmented context: a word boundary right before / right after the wrong form
    starts_word: bool = False
    ends_word: bool = False
    #: regexes the tag / the text of the word right before / right after the wrong form must match in full
    prev_tag: str | None = None
    next_tag: str | None = None
    prev_word: str | None = None
    next_word: str | None = None
    severity: Severity | None = None
    source: str | None = None
    #: why the right form is right (shown in the message)
    why: str | None = None

    @model_validator(mode="after")
    def _one_character_needs_a_text_guard(self) -> Confusion:
        if len(self.wrong) == 1 and self.after is None and self.before is None:
            raise ValueError(f"the one-character wrong form {self.wrong!r} needs an after or before guard")
        return self

    @property
    def guarded(self) -> bool:
        return (
            bool(self.exceptions)
            or self.segmented
            or any(g is not None for g in (self.after, self.not_after, self.before, self.not_before))
        )

    @property
    def segmented(self) -> bool:
        return (
            self.starts_word
            or self.ends_word
            or any(g is not None for g in (self.prev_tag, self.next_tag, self.prev_word, self.next_word))
        )


class ConfusionPack(BaseModel):
    """``rules/packs/typo-confusions.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entry: list[Confusion] = Field(min_length=1)


#: characters of context segmented on each side of a wrong form with word conditions
_SEGMENTED = 8


@dataclass(frozen=True)
class _Words:
    """The words around a match: the word ending at its start and the word starting at its end."""

    before: tuple[str, str] | None  # (word, tag)
    after: tuple[str, str] | None


def _words_around(text: str, start: int, end: int) -> _Words:
    from summarylint.rules.typo.detect import Scorer, dictionary

    scorer = Scorer(dictionary())
    left = max(0, start - _SEGMENTED)
    window = text[left : min(len(text), end + _SEGMENTED)]
    _, spans = scorer.best(window)
    # (the text's edges are word boundaries with no word beyond them)
    before = ("", "") if start == 0 else None
    after = ("", "") if end == len(text) else None
    for a, b in spans:
        word = window[a:b]
        if left + b == start:
            before = (word, scorer.tag(word))
        if left + a == end:
            after = (word, scorer.tag(word))
    return _Words(before, after)


#: Characters with a meaning in a regular expression: a guard without them (besides ``|``) is a plain
#: alternation of literal strings and is tested with string methods, never compiled.
_SPECIAL = frozenset("\\.^$*+?{}[]()|")
#: The same but ``|``, as one class: none may stand in an alternative of a plain alternation (one search
#: of a guard finds them, where testing each of its characters against a set costs several times more).
_SPECIAL_IN_ALTERNATIVE = re.compile("[" + re.escape("".join(sorted(_SPECIAL - {"|"}))) + "]")


def _literals(pattern: str) -> tuple[str, ...] | None:
    """The alternatives of ``pattern`` when it is an alternation of plain strings (``规|决|确``, also
    wrapped as ``(?:当前|目前)``, or a class of plain characters ``[立随旋当]``), else None."""
    if pattern.startswith("(?:") and pattern.endswith(")"):
        pattern = pattern[3:-1]
    elif pattern.startswith("[") and pattern.endswith("]"):
        chars = pattern[1:-1]
        if not chars or any(c in _SPECIAL or c == "-" for c in chars):
            return None
        return tuple(chars)
    alternatives = tuple(pattern.split("|"))
    if "" in alternatives or _SPECIAL_IN_ALTERNATIVE.search(pattern):
        return None
    return alternatives


class Guard:
    """A guard on the text around a match: ``start`` (a regular expression matched where the wrong form
    ends), ``end`` (one that must end where it starts, searched in the 12 characters before) or
    ``full`` (one a neighbouring word or tag must match in full).

    A guard that is an alternation of plain strings (most of them) is tested with ``startswith``,
    ``endswith`` or a set, exactly as the expression would match; the others are compiled on first
    use: a document meets few of the entries, and compiling all their guards would cost more than the
    rest of the rule on a short document."""

    __slots__ = ("_compiled", "_kind", "_literals", "_members", "source")

    def __init__(self, source: str, kind: str) -> None:
        self.source = source
        self._kind = kind
        self._literals = _literals(source)
        self._members = frozenset(self._literals or ())
        self._compiled: re.Pattern[str] | None = None

    def pattern(self) -> re.Pattern[str]:
        """The guard as a compiled expression (the string tests give the same answers)."""
        if self._compiled is None:
            wrapped = {"start": "{}", "end": "(?:{})$", "full": "(?:{})"}[self._kind]
            self._compiled = re.compile(wrapped.format(self.source))
        return self._compiled

    def starts(self, text: str, pos: int) -> bool:
        """Whether the guard matches ``text`` at ``pos`` (``start`` guards)."""
        if self._literals is not None:
            return text.startswith(self._literals, pos)
        return self.pattern().match(text, pos) is not None

    def ends(self, text: str, pos: int, endpos: int) -> bool:
        """Whether the guard matches ``text[pos:endpos]`` at its end (``end`` guards; like ``$``, also
        just before a final line break)."""
        literals = self._literals
        if literals is not None:
            return text.endswith(literals, pos, endpos) or (
                endpos > pos and text[endpos - 1] == "\n" and text.endswith(literals, pos, endpos - 1)
            )
        return self.pattern().search(text, pos, endpos) is not None

    def fits(self, value: str) -> bool:
        """Whether the guard matches ``value`` in full (``full`` guards)."""
        if self._literals is not None:
            return value in self._members
        return self.pattern().fullmatch(value) is not None


def _full(pattern: str | None) -> Guard | None:
    return None if pattern is None else Guard(pattern, "full")


def _ending(pattern: str | None) -> Guard | None:
    return None if pattern is None else Guard(pattern, "end")


def _starting(pattern: str | None) -> Guard | None:
    return None if pattern is None else Guard(pattern, "start")


def _fits(pattern: Guard | None, value: str | None) -> bool:
    return pattern is None or (value is not None and pattern.fits(value))


def _guard(make: Callable[[str | None], Guard | None], field: str) -> cached_property[Guard | None]:
    """An entry's guard made from its confusion's ``field`` by ``make`` when first asked for."""
    return cached_property(lambda entry: make(getattr(entry.item, field)))


class _Entry:
    """A confusion and its guards, each made when first asked for: a document holds the wrong forms of
    few of the entries, and making the guards of all of them would cost more than the rule on most
    documents."""

    def __init__(self, item: Confusion) -> None:
        self.item = item

    after = _guard(_starting, "after")
    not_after = _guard(_starting, "not_after")
    before = _guard(_ending, "before")
    not_before = _guard(_ending, "not_before")
    prev_tag = _guard(_full, "prev_tag")
    next_tag = _guard(_full, "next_tag")
    prev_word = _guard(_full, "prev_word")
    next_word = _guard(_full, "next_word")

    def accepts(self, text: str, start: int, end: int) -> bool:
        if not self.text_fits(text, start, end):
            return False
        return not self.item.segmented or self._words_fit(_words_around(text, start, end))

    def text_fits(self, text: str, start: int, end: int) -> bool:
        """The guards on the text around the match (not the word conditions)."""
        window = max(0, start - 12)
        if self.after is not None and not self.after.starts(text, end):
            return False
        if self.not_after is not None and self.not_after.starts(text, end):
            return False
        if self.before is not None and not self.before.ends(text, window, start):
            return False
        if self.not_before is not None and self.not_before.ends(text, window, start):
            return False
        return not self._excepted(text, start)

    def _excepted(self, text: str, start: int) -> bool:
        wrong = self.item.wrong
        for phrase in self.item.exceptions:
            at = phrase.find(wrong)
            while at >= 0:
                if start - at >= 0 and text.startswith(phrase, start - at):
                    return True
                at = phrase.find(wrong, at + 1)
        return False

    def _words_fit(self, words: _Words) -> bool:
        item = self.item
        if (item.starts_word or self.prev_tag or self.prev_word) and words.before is None:
            return False
        if (item.ends_word or self.next_tag or self.next_word) and words.after is None:
            return False
        before, after = words.before or ("", ""), words.after or ("", "")
        return (
            _fits(self.prev_tag, before[1])
            and _fits(self.prev_word, before[0])
            and _fits(self.next_tag, after[1])
            and _fits(self.next_word, after[0])
        )


@dataclass(frozen=True)
class _Compiled:
    by_first: dict[str, list[_Entry]]  # first character → entries, longest wrong form first
    singles: frozenset[str]  # the wrong forms of one character
    heads: frozenset[str]  # the first two characters of the longer ones
    first: re.Pattern[str]  # any first character of a wrong form

    def starts(self, text: str) -> list[int]:
        """Where a wrong form may start in ``text``: where one of one character stands, or the first two
        characters of a longer one (a superset of the starts of the forms: :meth:`longest_at` tells them
        apart).  The first characters are found by one class of characters, the rest by look-ups in a set:
        an alternation of the 400 forms as one regular expression costs more to compile than this costs on
        most documents, and tries its alternatives one by one wherever a first character stands."""
        heads, singles = self.heads, self.singles
        return [i for i in map(_START, self.first.finditer(text)) if text[i] in singles or text[i : i + 2] in heads]

    def longest_at(self, text: str, start: int) -> int:
        """The length of the longest wrong form written at ``start`` (0: none)."""
        entries = self.by_first.get(text[start], ())
        return next((len(e.item.wrong) for e in entries if text.startswith(e.item.wrong, start)), 0)


_START = re.Match.start


@cache
def _compiled() -> _Compiled:
    pack = load_pack("typo-confusions", ConfusionPack)
    entries = sorted(pack.entry, key=lambda e: -len(e.wrong))
    by_first: dict[str, list[_Entry]] = {}
    for item in entries:
        by_first.setdefault(item.wrong[0], []).append(_Entry(item))
    singles = frozenset(e.wrong for e in entries if len(e.wrong) == 1)
    heads = frozenset(e.wrong[:2] for e in entries if len(e.wrong) > 1)
    first = re.compile("[" + "".join(map(re.escape, sorted(by_first))) + "]")
    return _Compiled(by_first, singles, heads, first)


def curated_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` contains a wrong form of the confusion set whose guards on the text hold (WD001's
    business, whether or not its word conditions hold).  Where they fail, the form is written in the
    other sense (防空 of 人民防空, 借口 of 以此为借口), and a slip of another kind may stand in it
    (预防空制中心 for 预防控制中心)."""
    c = _compiled()
    spans = []
    pos = 0
    for start in c.starts(text):
        longest = c.longest_at(text, start) if start >= pos else 0
        if not longest:
            continue
        pos = start + longest  # (the forms are looked for apart: the next one after the longest written here)
        for entry in c.by_first[text[start]]:
            wrong = entry.item.wrong
            if text.startswith(wrong, start) and entry.text_fits(text, start, start + len(wrong)):
                spans.append((start, start + len(wrong)))
                break
    return spans


def _severity(item: Confusion) -> Severity:
    if item.severity is not None:
        return item.severity
    return Severity.ERROR if item.idiom else Severity.WARNING


@check("WD001")
def confusion_set_typo(ctx: Context) -> Iterator[Finding]:
    c = _compiled()
    for block in ctx.views.blocks:
        text = block.text
        pos = 0
        garbled = None
        for start in c.starts(text):
            if start < pos:
                continue
            chosen = None
            for entry in c.by_first.get(text[start], []):
                end = start + len(entry.item.wrong)
                if text.startswith(entry.item.wrong, start) and entry.accepts(text, start, end):
                    chosen = entry
                    break
            if chosen is None or block.masked(start, start + len(chosen.item.wrong)):
                continue
            item = chosen.item
            end = start + len(item.wrong)
            if garbled is None:  # (looked for only in a paragraph with a finding)
                garbled = find_reencoded(text)
            if any(g.start < end and start < g.end for g in garbled):
                continue  # (UTF-8 read as GBK: the 己 of 鍔犲己 is no slip for 已, and GA005 reports it)
            span = block.span(start, end)
            edit = Edit(span, item.right)
            source = f"（{item.source}）" if item.source else ""
            why = f"：{item.why}" if item.why else ""
            yield Finding(
                span,
                f"“{item.wrong}”应写作“{item.right}”{source}{why}",
                severity=_severity(item),
                fix=Fix.unsafe(edit),  # (a suggestion like every typo finding, idioms included)
            )
            pos = end
