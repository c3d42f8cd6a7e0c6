"""WD014: a Latin-script term spelt once one keystroke away from the spelling the document keeps.

Chinese drafts name software, products and techniques in Latin letters (spark, protobuf, Redis);
a slip of the keyboard (two letters swapped, a letter doubled, dropped or struck next to the right
one) leaves a form that the same document spells correctly elsewhere.  No dictionary is needed: the
document is its own reference.  A form is reported when

* it is written at most twice, and another form is written at least three times as often;
* the two differ (letter case aside) by one edit: two neighbouring letters swapped or one letter
  doubled or undoubled (words of four letters or more), or one letter inserted, dropped or replaced
  (six letters or more), never in the first letter (getName/setName) nor at the end of the longer
  one (plurals and endings: https, files, parsed);
* it stands in a paragraph of Chinese text, at least two Chinese characters for each Latin word (in
  English prose, pairs such as these/those are both words);
* it touches no digit, underscore or path (IPv4/IPv6, file_name, org.apache.spark) and is not in a
  URL, code span or file name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from summarylint.diagnostics import Edit, Finding, Fix
from summarylint.rules.base import Context, check
from summarylint.views.blocks import Block

_TOKEN = re.compile(r"(?<![A-Za-z0-9_./\\@#$&%-])[A-Za-z]{4,40}(?![A-Za-z0-9_@]|[./\\-][A-Za-z0-9])")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z]+")

#: The rarer form is written at most this often ...
MAX_RARE = 2
#: ... and the kept form at least this many times as often.
MIN_RATIO = 3
#: Shortest word for a swap or a doubled letter, and for any other single edit.
MIN_SWAP = 4
MIN_EDIT = 6


@dataclass(frozen=True, slots=True)
class Slip:
    """How a rare form differs from the kept one."""

    kind: str  # "swap", "double" or "edit"


def slip(rare: str, kept: str) -> Slip | None:
    """The single keyboard slip turning ``kept`` into ``rare`` (both lower case), or None."""
    if rare == kept or rare[0] != kept[0] or rare.startswith(kept) or kept.startswith(rare):
        return None
    shorter = min(len(rare), len(kept))
    if len(rare) == len(kept):
        diff = [i for i, (a, b) in enumerate(zip(rare, kept, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            if rare[i] == kept[i + 1] and rare[i + 1] == kept[i] and shorter >= MIN_SWAP:
                return Slip("swap")
            return None
        if len(diff) == 1 and shorter >= MIN_EDIT:
            return Slip("edit")
        return None
    if abs(len(rare) - len(kept)) != 1:
        return None
    longer, short = (rare, kept) if len(rare) > len(kept) else (kept, rare)
    i = next((k for k, (a, b) in enumerate(zip(longer, short, strict=False)) if a != b), len(short))
    if longer[:i] + longer[i + 1 :] != short:
        # the first difference may sit after a run of the same letter: find any deletion that fits
        i = next((k for k in range(len(longer)) if longer[:k] + longer[k + 1 :] == short), -1)
        if i < 0:
            return None
    if i == len(longer) - 1:
        return None  # an ending, not a slip
    doubled = (i > 0 and longer[i - 1] == longer[i]) or (i + 1 < len(longer) and longer[i + 1] == longer[i])
    if doubled and shorter >= MIN_SWAP - 1:
        return Slip("double")
    if shorter >= MIN_EDIT:
        return Slip("edit")
    return None


def _chinese(block: Block) -> bool:
    """Whether the paragraph is Chinese text (with Latin terms), not English prose."""
    return len(_HAN.findall(block.text)) >= 2 * len(_WORD.findall(block.text))


def _tokens(ctx: Context) -> list[tuple[Block, re.Match[str]]]:
    return [(block, m) for block in ctx.views.blocks for m in block.finditer(_TOKEN)]


def _why(kind: str, written: str, right: str) -> str:
    if kind == "swap":
        return "两个相邻字母前后颠倒"
    if kind == "double":
        return "多写了一个重复字母" if len(written) > len(right) else "漏写了一个重复字母"
    if len(written) > len(right):
        return "多了一个字母"
    return "少了一个字母" if len(written) < len(right) else "错了一个字母"


@check("WD014")
def latin_variant(ctx: Context) -> Iterator[Finding]:
    tokens = _tokens(ctx)
    if len(tokens) < MIN_RATIO + 1:
        return
    counts: Counter[str] = Counter(m.group().lower() for _, m in tokens)
    spellings: dict[str, Counter[str]] = {}
    for _, m in tokens:
        spellings.setdefault(m.group().lower(), Counter())[m.group()] += 1
    frequent = [w for w, n in counts.items() if n >= MIN_RATIO]
    if not frequent:
        return
    targets: dict[str, tuple[str, Slip]] = {}
    for rare, n in counts.items():
        if n > MAX_RARE:
            continue
        best: tuple[int, str, Slip] | None = None
        for kept in frequent:
            if counts[kept] < MIN_RATIO * n or abs(len(kept) - len(rare)) > 1:
                continue
            found = slip(rare, kept)
            if found is not None and (best is None or counts[kept] > best[0]):
                best = (counts[kept], kept, found)
        if best is not None:
            targets[rare] = (best[1], best[2])
    if not targets:
        return
    chinese: dict[int, bool] = {}
    for block, m in tokens:
        written = m.group()
        target = targets.get(written.lower())
        if target is None:
            continue
        if id(block) not in chinese:
            chinese[id(block)] = _chinese(block)
        if not chinese[id(block)]:
            continue
        kept, found = target
        right = spellings[kept].most_common(1)[0][0]
        span = block.span(m.start(), m.end())
        why = _why(found.kind, written, right)
        yield Finding(
            span,
            f"“{written}”疑为“{right}”：{why}，本文其他地方写作“{right}”（{counts[kept]} 次）",
            fix=Fix.unsafe(Edit(span, right)),
        )
