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

That exact join is used up to :data:`EXACT_LIMIT` texts.  Beyond that (documents of tens of thousands
of paragraphs, often compilations of near-identical reports, where even the rarest shingles are
shared by hundreds of paragraphs) candidates come from MinHash locality-sensitive hashing
(``datasketch``, imported only then), and every candidate pair is verified with the exact Jaccard
similarity, so no pair below the threshold is ever reported.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence

_NOT_CONTENT = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

SHINGLE = 5
#: above this many texts, candidates come from MinHash LSH instead of the exact prefix join
EXACT_LIMIT = 3000
#: MinHash permutations; LSH bands and rows are chosen by datasketch for the threshold, weighted
#: towards recall (every candidate is verified exactly, so a false candidate only costs time)
NUM_PERM = 128
LSH_WEIGHTS = (0.1, 0.9)


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
    """``(i, j, similarity)`` with ``i < j`` for pairs of ``texts`` whose shingle sets reach ``threshold``.

    Exact up to :data:`EXACT_LIMIT` texts; above it, pairs are found with high probability.
    """
    sets = [shingles(t) for t in texts]
    if len(sets) > EXACT_LIMIT:
        return _lsh_pairs(sets, threshold)
    return _prefix_pairs(sets, threshold)


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def _lsh_pairs(sets: list[set[str]], threshold: float) -> list[tuple[int, int, float]]:
    from datasketch import MinHash, MinHashLSH  # a large import, needed only for very long documents

    signatures = MinHash.bulk([[g.encode("utf-8") for g in s] for s in sets], num_perm=NUM_PERM, hashfunc=_crc32)
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    with index.insertion_session() as session:
        for n, signature in enumerate(signatures):
            if sets[n]:
                session.insert(n, signature)
    pairs: list[tuple[int, int, float]] = []
    for x, signature in enumerate(signatures):
        if not sets[x]:
            continue
        for y in index.query(signature):
            if y <= x:
                continue
            similarity = jaccard(sets[x], sets[y])
            if similarity >= threshold:
                pairs.append((x, y, similarity))
    pairs.sort()
    return pairs


def _prefix_pairs(sets: list[set[str]], threshold: float) -> list[tuple[int, int, float]]:
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
