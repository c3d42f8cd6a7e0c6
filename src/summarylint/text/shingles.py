"""Text comparison for the duplication rules: folded text and a near-duplicate join by shingles.

Comparison is width-folded (NFKC, applied here and only here) and ignores punctuation, symbols and
spaces, so ``取得成效，`` and ``取得成效。`` or ``２０２４`` and ``2024`` compare equal.

Near duplicates are pairs of texts whose sets of character 5-grams have a Jaccard similarity of at
least a threshold.  :func:`similar_pairs` finds them exactly with prefix filtering (Chaudhuri et
al., 2006; Bayardo et al., 2007): the shingles of every set are ordered from the rarest to the most
common, and two sets that reach the threshold must share a shingle among the first
``|x| - ceil(t·|x|) + 1`` of either set.  Only those prefixes are indexed, so a paragraph is compared
with the few others that share one of its rare shingles, never with all of them; this keeps a
document of tens of thousands of paragraphs fast without a probabilistic index.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

_NOT_CONTENT = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

SHINGLE = 5


def fold(text: str) -> str:
    """``text`` width-folded and lower-cased, without punctuation, symbols or spaces."""
    return _NOT_CONTENT.sub("", unicodedata.normalize("NFKC", text)).lower()


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The character ``size``-grams of ``text`` (the whole text when it is shorter)."""
    if len(text) <= size:
        return {text} if text else set()
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def similar_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """``(i, j, similarity)`` with ``i < j`` for every pair of ``texts`` whose shingle sets reach ``threshold``."""
    sets = [shingles(t) for t in texts]
    frequency: Counter[str] = Counter()
    for s in sets:
        frequency.update(s)
    ordered = [sorted(s, key=lambda g: (frequency[g], g)) for s in sets]
    index: dict[str, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int, float]] = []
    for x in sorted(range(len(sets)), key=lambda k: (len(sets[k]), k)):
        size = len(sets[x])
        if not size:
            continue
        prefix = size - math.ceil(threshold * size) + 1
        candidates: set[int] = set()
        for gram in ordered[x][:prefix]:
            candidates.update(index[gram])
        minimum = threshold * size
        for y in candidates:
            if len(sets[y]) < minimum:
                continue  # too small to reach the threshold
            similarity = jaccard(sets[x], sets[y])
            if similarity >= threshold:
                pairs.append((min(x, y), max(x, y), similarity))
        for gram in ordered[x][:prefix]:
            index[gram].append(x)
    pairs.sort()
    return pairs
