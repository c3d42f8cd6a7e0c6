"""DU101 cross-document-copy: paragraphs shared by two or more documents of a batch.

Input: every document's paragraph signatures (:mod:`summarylint.batch.signatures`), never the
documents.  Paragraphs with the same folded text are one *text*; texts whose MinHash signatures
agree on at least :data:`NEAR_THRESHOLD` of their values (an estimate of the Jaccard similarity of
their 5-gram sets) are joined too.  Candidates for that join come from locality-sensitive hashing:
the 64 values are cut into :data:`BANDS` bands, and texts equal in one band share a bucket.  Each
bucket keeps a few *heads*; a text is compared with the heads of its buckets only, so a bucket of
thousands of similar paragraphs costs thousands of comparisons, not millions.  Joined texts form a
group (a union-find over texts); a group found in at least two documents is reported once, at its
first place in a checked document, with every other place as a related location.

A group found in a large share of the batch (``template-share``, and at least
``template-min-documents`` documents) is reported as template text.  Reference documents
(``--reference``) take part in the comparison but are never reported: a paragraph copied from one
is reported against that file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from summarylint.batch.signatures import NUM_PERM, ParagraphSignature
from summarylint.diagnostics import Related

CODE = "DU101"
NEAR_THRESHOLD = 0.8
#: 10 bands of 6 values: a pair of similarity 0.8 shares a band with probability 0.95, one of 0.5
#: with 0.15 (16 bands of 4 made batches of similar reports compare most paragraphs with each other)
BANDS = 10
ROWS = 6
#: texts a bucket compares newcomers with
HEADS = 3


@dataclass(frozen=True)
class DocumentSignatures:
    path: str
    signatures: tuple[ParagraphSignature, ...]
    reference: bool = False


class Place(NamedTuple):
    document: int
    paragraph: int


@dataclass(frozen=True)
class CopyGroup:
    """Paragraphs found in several documents: exact copies or near copies of each other."""

    places: tuple[Place, ...]  # ordered by document, then by position
    exact: bool
    documents: int  # checked documents holding one of the paragraphs
    references: tuple[int, ...]  # reference documents holding one
    template: bool


@dataclass(frozen=True)
class CopyFinding:
    """A group as a finding of one document: where it stands, its message and the other places."""

    path: str
    start: int
    end: int
    message: str
    related: tuple[Related, ...]
    group: CopyGroup


class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_LANE_BITS = 32
#: the lowest bit of every 32-bit lane, and masks keeping the low half, quarter... of every lane
_LOW_BIT = sum(1 << (_LANE_BITS * k) for k in range(NUM_PERM))
_KEEP = [(((1 << (_LANE_BITS - shift)) - 1) * _LOW_BIT, shift) for shift in (16, 8, 4, 2, 1)]


def _agreement(a: bytes, b: bytes) -> float:
    """The share of equal values in two signatures: the XOR of the two as one integer has a zero
    32-bit lane for each equal value; each lane is folded onto its lowest bit without crossing into
    the next, and the lanes left at zero are counted."""
    x = int.from_bytes(a, "little") ^ int.from_bytes(b, "little")
    for mask, shift in _KEEP:
        x |= (x >> shift) & mask
    different = (x & _LOW_BIT).bit_count()
    return (NUM_PERM - different) / NUM_PERM


def _checked(documents: Sequence[DocumentSignatures], batch_size: int | None) -> int:
    return batch_size if batch_size is not None else sum(1 for doc in documents if not doc.reference)


def find_groups(
    documents: Sequence[DocumentSignatures],
    *,
    template_share: float = 0.3,
    template_min_documents: int = 5,
    batch_size: int | None = None,
) -> list[CopyGroup]:
    """Groups of shared paragraphs, in the order of their first place.  ``batch_size``: the number of
    documents checked (by default those in ``documents`` that are not references; documents without
    a comparable paragraph have no signatures but count)."""
    texts: dict[bytes, int] = {}  # folded-text digest → text number
    minhashes: list[bytes] = []
    places: list[list[Place]] = []
    for d, doc in enumerate(documents):
        for p, sig in enumerate(doc.signatures):
            t = texts.get(sig.digest)
            if t is None:
                texts[sig.digest] = len(minhashes)
                minhashes.append(sig.minhash)
                places.append([Place(d, p)])
            else:
                places[t].append(Place(d, p))
    del texts
    sets = _Sets(len(minhashes))
    linked = bytearray(len(minhashes))  # texts joined with another one
    width = ROWS * 4  # bytes per band
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = {}
        lo, hi = band * width, (band + 1) * width
        for t, minhash in enumerate(minhashes):
            key = minhash[lo:hi]
            heads = buckets.get(key)
            if heads is None:  # the common case: the first text with this band
                buckets[key] = [t]
                continue
            root = sets.find(t)
            joined = False
            for head in heads:
                if sets.find(head) == root:
                    joined = True
                    break
                if _agreement(minhashes[head], minhash) >= NEAR_THRESHOLD:
                    sets.union(head, t)
                    linked[head] = linked[t] = 1
                    joined = True
                    break
            if not joined and len(heads) < HEADS:
                heads.append(t)
    members: dict[int, list[int]] = {}
    for t in range(len(minhashes)):
        if linked[t] or len(places[t]) > 1:  # a text alone in one place is no group
            members.setdefault(sets.find(t), []).append(t)
    checked = _checked(documents, batch_size)
    needed = max(template_min_documents, math.ceil(template_share * checked))
    groups = []
    for group_texts in members.values():
        found = sorted(
            (pl for t in group_texts for pl in places[t]),
            key=lambda pl: (documents[pl.document].path, pl.paragraph),
        )
        in_docs = {pl.document for pl in found}
        if len(in_docs) < 2:
            continue
        references = tuple(sorted(d for d in in_docs if documents[d].reference))
        count = len(in_docs) - len(references)
        if count == 0:
            continue  # only reference files share it
        groups.append(
            CopyGroup(tuple(found), len(group_texts) == 1, count, references, count >= needed and not references)
        )
    groups.sort(key=lambda g: (documents[g.places[0].document].path, g.places[0].paragraph))
    return groups


def _share(count: int, checked: int) -> str:
    return f"{count * 100 // checked}%" if checked else ""


def group_findings(
    documents: Sequence[DocumentSignatures], groups: Sequence[CopyGroup], batch_size: int | None = None
) -> list[CopyFinding]:
    """One finding per group, at the group's first place in a checked (not reference) document."""
    checked = _checked(documents, batch_size)
    findings = []
    for group in groups:
        primary = next(
            (
                pl
                for pl in group.places
                if not documents[pl.document].reference and not documents[pl.document].signatures[pl.paragraph].quiet
            ),
            None,
        )
        if primary is None:  # every place in a checked document is suppressed
            continue
        doc = documents[primary.document]
        sig = doc.signatures[primary.paragraph]
        kind = "相同" if group.exact else "相同或高度相似"
        if group.references:
            names = "、".join(documents[r].path for r in group.references)
            message = f"这段文字与参考文件 {names} 中的一段{kind}（“{sig.excerpt}”）"
            if group.documents > 1:
                message += f"，本批另有 {group.documents - 1} 份文稿也有这段文字"
        elif group.template:
            message = (
                f"这段文字在 {group.documents} 份文稿中出现（占本批 {_share(group.documents, checked)}），"
                f"像是模板或范文中的套话（“{sig.excerpt}”）"
            )
        else:
            message = f"这段文字在 {group.documents} 份文稿中出现（“{sig.excerpt}”），内容{kind}，疑似互相照抄"
        related = []
        for pl in group.places:
            if pl == primary:
                continue
            other = documents[pl.document]
            s = other.signatures[pl.paragraph]
            same = pl.document == primary.document
            label = "参考文件" if other.reference else ("本文另一处" if same else "另一份文稿")
            related.append(
                Related(
                    s.line,
                    s.column,
                    s.end_line,
                    s.end_column,
                    label,
                    None if same else other.path,
                )
            )
        findings.append(CopyFinding(doc.path, sig.start, sig.end, message, tuple(related), group))
    return findings
