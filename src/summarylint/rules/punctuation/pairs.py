"""Paired punctuation (quotes, brackets, book-title marks) matched with a stack, for PU005 and PU006.

Round brackets are matched regardless of width: ``（`` closes with ``)`` as well as ``）``; a
half-width bracket inside a Chinese pair is a width problem (PU002), not a missing bracket.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

#: opener → the kind of pair it opens
OPENERS = {"“": "“”", "‘": "‘’", "《": "《》", "〈": "〈〉", "（": "()", "(": "()", "【": "【】", "〔": "〔〕"}
#: closer → the kind of pair it closes
CLOSERS = {"”": "“”", "’": "‘’", "》": "《》", "〉": "〈〉", "）": "()", ")": "()", "】": "【】", "〕": "〔〕"}
#: how a pair is named in messages
PAIR_NAMES = {"“”": "双引号", "‘’": "单引号", "《》": "书名号", "〈〉": "单书名号", "()": "括号",
              "【】": "方头括号", "〔〕": "六角括号"}  # fmt: skip
#: the canonical opener and closer of each kind
PAIR_MARKS = {"“”": ("“", "”"), "‘’": ("‘", "’"), "《》": ("《", "》"), "〈〉": ("〈", "〉"), "()": ("（", "）"),
              "【】": ("【", "】"), "〔〕": ("〔", "〕")}  # fmt: skip

_ASCII_LETTER = re.compile(r"[A-Za-z]")
#: every character the matcher looks at
_PAIR_MARKS = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS) + "\"'") + "]")
#: an inline list label closed by a bracket: 1) 2） a) 一）
_LIST_LABEL = re.compile(
    r"(?:(?<![0-9A-Za-z])(?:[0-9]{1,2}|[A-Za-z])|(?:^|(?<=[\s，。；：、,;:]))[一二三四五六七八九十]{1,2})$"
)


@dataclass
class PairReport:
    """Unmatched marks of one text: closers without an opener, openers never closed, reversed pairs."""

    unmatched_closers: list[int] = field(default_factory=list)
    unclosed_openers: list[int] = field(default_factory=list)
    #: (closer index, opener index): a closer that stands before its opener (”……“)
    reversed: list[tuple[int, int]] = field(default_factory=list)
    #: (closer index, opener index): a quotation closed with the wrong mark (“……’ or “……")
    mismatched: list[tuple[int, int]] = field(default_factory=list)


def _apostrophe(text: str, i: int) -> bool:
    """’ between Latin letters (O’Neil, don’t) or before a two-digit year (’99) is an apostrophe."""
    if text[i + 1 : i + 3].isdigit() and not text[i + 3 : i + 4].isdigit():
        return True
    return 0 < i < len(text) - 1 and bool(_ASCII_LETTER.match(text[i - 1])) and bool(_ASCII_LETTER.match(text[i + 1]))


#: closers that end the other kind of quotation by mistake: “……’ “……" ‘……” ‘……'
_WRONG_CLOSERS = {"’": "“”", '"': "“”", "”": "‘’", "'": "‘’"}


#: the closing bracket of an emoticon: :) ：） ;-)
_EMOTICON_EYES = re.compile(r"[:：;；][-‑]?$")


def _emoticon(text: str, i: int) -> bool:
    return bool(_EMOTICON_EYES.search(text, max(0, i - 2), i))


def _list_label(text: str, i: int) -> bool:
    """A closing bracket that ends an inline list label (``1)``, ``a）``) rather than a pair."""
    return bool(_LIST_LABEL.search(text, max(0, i - 3), i))


def analyse_pairs(text: str, skip: Callable[[int], bool] = lambda i: False, start: int = 0) -> PairReport:
    """Match paired marks in ``text[start:]``; ``skip(i)`` tells which positions to ignore (masked text)."""
    report = PairReport()
    stack: list[tuple[str, int]] = []
    open_of: dict[str, list[int]] = {}  # kind → indices of its openers in ``stack`` (a scan of the stack is quadratic)
    for mark in _PAIR_MARKS.finditer(text, start):  # other characters have nothing to do
        i = mark.start()
        ch = text[i]
        if ch in OPENERS:
            if skip(i):
                continue
            open_of.setdefault(OPENERS[ch], []).append(len(stack))
            stack.append((OPENERS[ch], i))
        elif ch in CLOSERS or ch in "\"'":
            if skip(i):
                continue
            kind = CLOSERS.get(ch, "")
            if ch in "’'" and _apostrophe(text, i):
                continue
            if ch in ")）" and _emoticon(text, i):
                continue
            same = open_of.get(kind)
            depth = same[-1] if same else None
            if depth is None and stack and stack[-1][0] == _WRONG_CLOSERS.get(ch):
                open_of[stack[-1][0]].pop()
                report.mismatched.append((i, stack.pop()[1]))
                continue
            if not kind:
                continue  # a straight quote that closes nothing: PU003's concern
            if depth is None:
                if kind == "()" and _list_label(text, i):
                    continue
                report.unmatched_closers.append(i)
                continue
            # everything opened after the matching opener was never closed
            report.unclosed_openers.extend(at for _, at in stack[depth + 1 :])
            for closed, _ in stack[depth:]:
                open_of[closed].pop()
            del stack[depth:]
    report.unclosed_openers.extend(at for _, at in stack)
    report.unclosed_openers.sort()
    _find_reversed(text, report)
    return report


def _find_reversed(text: str, report: PairReport) -> None:
    """Pair an unmatched closer with a later unclosed opener of the same kind: ``”……“`` is a reversed pair."""
    # each closer (in order) takes the first unused later opener of its kind: one pass per kind
    openers: dict[str, list[int]] = {}
    for opener in report.unclosed_openers:  # sorted
        openers.setdefault(OPENERS[text[opener]], []).append(opener)
    following = dict.fromkeys(openers, 0)
    used: set[int] = set()
    for closer in report.unmatched_closers:  # in text order
        kind = CLOSERS[text[closer]]
        of_kind = openers.get(kind, [])
        k = following.get(kind, 0)
        while k < len(of_kind) and of_kind[k] < closer:
            k += 1
        if k < len(of_kind):
            report.reversed.append((closer, of_kind[k]))
            used.add(of_kind[k])
            k += 1
        following[kind] = k
    paired_closers = {c for c, _ in report.reversed}
    report.unmatched_closers = [c for c in report.unmatched_closers if c not in paired_closers]
    report.unclosed_openers = [o for o in report.unclosed_openers if o not in used]
