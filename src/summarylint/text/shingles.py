"""Text comparison for the duplication rules: folded text and a near-duplicate join by shingles.

Comparison is width-folded (full-width letters, digits and signs to half width, applied here and
only here) and ignores punctuation, symbols and spaces, so ``取得成效，`` and ``取得成效。`` or
``２０２４`` and ``2024`` compare equal.

Near duplicates are pairs of texts whose sets of character 5-grams have a Jaccard similarity of at
least a threshold.  :func:`similar_pairs` finds them exactly with prefix filtering (Chaudhuri et
al., 2006; Bayardo et al., 2007): the shingles of every set are ordered from the rarest to the most
common, and two sets that reach the threshold must share a shingle among the first
``|x| - ceil(t·|x|) + 1`` of either set.  Only those prefixes are indexed, so a paragraph is compared
with the few others that share one of its rare shingles, never with all of them; this keeps a
document of tens of thousands of paragraphs fast without a probabilistic index.

That exact join is used up to :data:`EXACT_LIMIT` texts.  Beyond that (documents of thousands of
paragraphs, often compilations of similar reports, where even the rarest shingles are shared by
hundreds of paragraphs and the exact join would take seconds) candidates come from sorted
neighbourhoods: in text order and in reversed text order, each text is compared with its next few
neighbours that share at least half of its opening (or ending).  A paragraph pasted twice with
changes in one half of it is found; one changed in both halves may be missed.  Every candidate pair
is verified with the exact Jaccard similarity, so no pair below the threshold is ever reported.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

_NOT_CONTENT = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

SHINGLE = 5
#: above this many texts, candidates come from sorted neighbourhoods instead of the exact prefix join
EXACT_LIMIT = 3000
#: in text order (and in reversed text order) each paragraph is compared with this many neighbours
#: that share the opening (ending) SHARED_SHARE of their length
NEIGHBOURS = 4
SHARED_SHARE = 0.5
#: full-width ASCII forms (！…～) and the ideographic space folded to their half-width forms
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def fold(text: str) -> str:
    """``text`` width-folded and lower-cased, without punctuation, symbols or spaces."""
    return fold_content(_NOT_CONTENT.sub("", text))


def fold_content(content: str) -> str:
    """:func:`fold` for a text that already has nothing but letters and digits."""
    if _FULL_WIDTH.search(content):  # rare: translating every text would cost more than this test
        content = _NOT_CONTENT.sub("", content.translate(_WIDTH))
    return content.lower()


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def cjk_count(text: str) -> int:
    return len(text) - len(_CJK.sub("", text))


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """The character ``size``-grams of ``text`` (the whole text when it is shorter), each kept as its hash.

    A set of 64-bit hashes takes about half the memory of a set of 5-character strings (a document's
    sets are all held at once by the join); two different shingles of one document sharing a hash is
    a chance of about one in 10^10 for a 10 MB document, and the join would only count them as one.
    """
    if len(text) <= size:
        return {hash(text)} if text else set()
    return {hash(text[i : i + size]) for i in range(len(text) - size + 1)}


def jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def similar_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """``(i, j, similarity)`` with ``i < j`` for pairs of ``texts`` whose shingle sets reach ``threshold``.

    Exact up to :data:`EXACT_LIMIT` texts; above it, pairs changed in one half are found.
    """
    if len(texts) > EXACT_LIMIT:
        return _neighbour_pairs(texts, threshold)
    return _prefix_pairs([shingles(t) for t in texts], threshold)


def _neighbour_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    candidates: set[tuple[int, int]] = set()
    count = len(texts)
    for backwards in (False, True):
        keyed = [t[::-1] for t in texts] if backwards else list(texts)
        order = sorted(range(count), key=keyed.__getitem__)
        for position, a in enumerate(order):
            text_a = keyed[a]
            for b in order[position + 1 : position + 1 + NEIGHBOURS]:
                text_b = keyed[b]
                shorter = min(len(text_a), len(text_b))
                if shorter < threshold * max(len(text_a), len(text_b)):
                    continue  # the sizes alone rule the pair out
                shared = int(shorter * SHARED_SHARE)
                if text_a[:shared] == text_b[:shared]:
                    candidates.add((min(a, b), max(a, b)))
    pairs: list[tuple[int, int, float]] = []
    for a, b in candidates:
        similarity = jaccard(shingles(texts[a]), shingles(texts[b]))
        if similarity >= threshold:
            pairs.append((a, b, similarity))
    pairs.sort()
    return pairs


def _prefix_size(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size) + 1


def _prefix_pairs(sets: list[set[int]], threshold: float) -> list[tuple[int, int, float]]:
    frequency: Counter[int] = Counter()
    for s in sets:
        frequency.update(s)
    # only the prefixes are ever read: keep those (a fifth of each set at the usual threshold)
    prefixes = [sorted(s, key=lambda g: (frequency[g], g))[: _prefix_size(len(s), threshold)] for s in sets]
    frequency.clear()
    index: dict[int, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int, float]] = []
    for x in sorted(range(len(sets)), key=lambda k: (len(sets[k]), k)):
        size = len(sets[x])
        if not size:
            continue
        candidates: set[int] = set()
        for gram in prefixes[x]:
            candidates.update(index[gram])
        minimum = threshold * size
        for y in candidates:
            if len(sets[y]) < minimum:
                continue  # too small to reach the threshold
            similarity = jaccard(sets[x], sets[y])
            if similarity >= threshold:
                pairs.append((min(x, y), max(x, y), similarity))
        for gram in prefixes[x]:
            index[gram].append(x)
    pairs.sort()
    return pairs
