"""Paragraph signatures: what the per-document pass hands to the cross-document stage.

For every running-text paragraph of at least :data:`MIN_HAN` Chinese characters: the hash of its
folded text (width-folded, lower-cased, without punctuation or spaces, :func:`summarylint.text.shingles.fold`),
its MinHash over character 5-grams (:data:`NUM_PERM` 32-bit values, computed by the ``rensa``
library, deterministic across processes), its position in the document and a short excerpt.  A
signature is plain data of about 300 bytes: ten thousand documents of fifty paragraphs each fit in
a few hundred megabytes.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass

from summarylint.document import BlockKind, Document
from summarylint.text.shingles import SHINGLE, cjk_count, fold

#: paragraphs with fewer Chinese characters are not compared across documents
MIN_HAN = 30
NUM_PERM = 64
SEED = 20240601
_COMPARED = frozenset({BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE})
_EXCERPT = 16


def _algorithm() -> str:
    import rensa

    return f"rensa-{getattr(rensa.RMinHash, 'ALGORITHM_VERSION', '?')}-{NUM_PERM}-{SEED}-{SHINGLE}-{MIN_HAN}"


def algorithm() -> str:
    """What the signatures depend on besides the text (part of the cache key)."""
    return _algorithm()


@dataclass(frozen=True, slots=True)
class ParagraphSignature:
    digest: bytes  # 8 bytes of BLAKE2b over the folded text
    minhash: bytes  # NUM_PERM unsigned 32-bit values, native byte order
    han: int  # Chinese characters in the paragraph
    start: int  # source offsets of the paragraph's text
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    #: a suppression comment turns the cross-document rules off here: the paragraph is compared, but
    #: a finding is never placed on it
    quiet: bool = False


def _excerpt(text: str) -> str:
    text = text.strip(" \u3000\t")
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


def paragraph_signatures(doc: Document) -> tuple[ParagraphSignature, ...]:
    """The signatures of ``doc``'s comparable paragraphs, in document order."""
    chosen = []
    for para in doc.paragraphs:
        if para.kind not in _COMPARED:
            continue
        folded = fold(para.text)
        han = cjk_count(folded)
        if han >= MIN_HAN:
            chosen.append((para, folded, han))
    if not chosen:
        return ()
    import rensa

    token_sets = [
        [f[i : i + SHINGLE] for i in range(len(f) - SHINGLE + 1)] if len(f) > SHINGLE else [f] for _, f, _ in chosen
    ]
    digests = rensa.RMinHash.digests_from_token_sets(token_sets, num_perm=NUM_PERM, seed=SEED)
    signatures = []
    for (para, folded, han), values in zip(chosen, digests, strict=True):
        span = para.span(0, len(para.text))
        start, end = doc.lines.position(span.start), doc.lines.position(span.end)
        signatures.append(
            ParagraphSignature(
                hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(),
                array("I", values).tobytes(),
                han,
                span.start,
                span.end,
                start.line,
                start.column,
                end.line,
                end.column,
                _excerpt(para.text),
            )
        )
    return tuple(signatures)
