"""Family DU: duplicated paragraphs, sentences and headings (doubled characters and words are the typo
family's: WD012, WD013, formerly DU005, DU006).

Paragraphs and sentences are compared width-folded and without punctuation or spaces
(:mod:`summarylint.text.shingles`).  Near-duplicate paragraphs (DU002) are found with an exact
prefix-filtered shingle join for ordinary documents; for documents of thousands of paragraphs the
candidates are neighbours in sorted order (see :mod:`summarylint.text.shingles`), and every candidate
is verified with the exact Jaccard similarity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from summarylint.diagnostics import Edit, Finding, Fix, Related, Severity
from summarylint.document import BlockKind, Paragraph
from summarylint.rules.base import Context, check
from summarylint.source import Span
from summarylint.text.shingles import cjk_count, fold, fold_content, has_cjk, similar_pairs
from summarylint.views import Views
from summarylint.views.blocks import Block
from summarylint.views.boilerplate import compiled as boilerplate_patterns
from summarylint.views.boilerplate import tag_cut

#: DU001: paragraphs with fewer Chinese characters are not compared
MIN_PARAGRAPH_CJK = 20
#: DU002: paragraphs shorter than this (folded) are not compared; similarity threshold
MIN_NEAR_LENGTH = 40
NEAR_THRESHOLD = 0.8
#: DU003: sentences shorter than this (folded) are not compared; the part of a sentence after a comma
#: is compared too when it is at least MIN_TAIL_LENGTH long (a copied sentence with a new opening)
MIN_SENTENCE_LENGTH = 15
MIN_TAIL_LENGTH = 25
#: DU003: stretches of a sentence between commas (a later sentence that repeats one) are compared up to this many
#: folded characters; a copy longer than that is still found by its opening or its tail
STRETCH_MAX = 300
_COMPARED = (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE)
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_COMMA = re.compile(r"[，,]")
_CONTENT = re.compile(r"[^\W_]+")
_CLAUSE_MARK = re.compile(r"[，。；！？：,;!?:]")
#: shorter duplicates are often formulaic lines that procedures repeat on purpose: reported as info
WARN_PARAGRAPH_CJK = 40
WARN_SENTENCE_LENGTH = 25
#: a figure: the same statistic written twice is not a set phrase
_FIGURE = re.compile(r"[0-9０-９]")


def _slip(adjacent: bool, text: str, start: int, end: int) -> bool:
    """Whether a repeat is a slip however short: pasted right after its first occurrence, or repeating
    figures (``text[start:end]``).  A short set phrase that a procedure repeats on purpose has neither."""
    return adjacent or _FIGURE.search(text, start, end) is not None


@dataclass(frozen=True)
class _Unit:
    block: Block
    folded: str

    @property
    def start(self) -> int:
        return self.block.span(0, 1).start


def _related(ctx: Context, span: Span, label: str) -> tuple[Related, ...]:
    return (Related.at(ctx.doc.lines, span, label),)


def _whole(block: Block) -> Span:
    return block.span(0, len(block.text))


def _shown(text: str, width: int = 12) -> str:
    text = text.strip(" \u3000")
    return text if len(text) <= width else text[:width] + "…"


#: the compared blocks of each document's views, shared by DU001-DU003
_UNITS: WeakKeyDictionary[Views, list[_Unit]] = WeakKeyDictionary()


def _units(ctx: Context) -> list[_Unit]:
    """Running-text blocks: headings and title-like lines without a clause mark are left out."""
    cached = _UNITS.get(ctx.views)
    if cached is None:
        cached = _UNITS[ctx.views] = _compared(ctx)
    return cached


#: a line without any clause mark that ends like a document title (…的通知, …工作总结)
_TITLE_END = re.compile(
    r"(?:通知|通报|报告|总结|方案|意见|办法|规定|决定|请示|批复|函|纪要|计划|要点|规划|细则|公告|通告)\s*$"
)


def _unmarked_prose(text: str) -> bool:
    """Running text whose punctuation was lost (``组织了运动会等活动 丰富了职工生活``): long, and not a title."""
    return cjk_count(text) >= MIN_PARAGRAPH_CJK and not _TITLE_END.search(text)


def _compared(ctx: Context) -> list[_Unit]:
    outline = ctx.views.outline
    units = []
    for block in ctx.views.blocks:
        if block.first.kind not in _COMPARED or not (_CLAUSE_MARK.search(block.text) or _unmarked_prose(block.text)):
            continue
        heading = outline.heading_at(block.first.index)
        if heading is not None and heading.standalone:
            continue
        units.append(_Unit(block, fold(block.text)))
    return units


def _paragraph_duplicates(units: list[_Unit]) -> tuple[dict[int, int], set[int]]:
    """Later copies → the index of the first occurrence, and the indices of every paragraph that has a copy."""
    first: dict[str, int] = {}
    copies: dict[int, int] = {}
    involved: set[int] = set()
    for n, unit in enumerate(units):
        if cjk_count(unit.folded) < MIN_PARAGRAPH_CJK:
            continue
        seen = first.setdefault(unit.folded, n)
        if seen != n:
            copies[n] = seen
            involved.update((n, seen))
    return copies, involved


def _block_removal(block: Block) -> Span:
    return Span(block.paragraphs[0].start, block.paragraphs[-1].end)


@check("DU001")
def duplicate_paragraph(ctx: Context) -> Iterator[Finding]:
    units = _units(ctx)
    copies, _ = _paragraph_duplicates(units)
    for n, seen in sorted(copies.items()):
        block, original = units[n].block, units[seen]
        long_enough = cjk_count(units[n].folded) >= WARN_PARAGRAPH_CJK
        pasted_twice = long_enough or _slip(seen == n - 1, block.text, 0, len(block.text))
        yield Finding(
            block.span(0, len(block.text)),
            f"本段与前文的一段完全相同（“{_shown(block.text)}”），应删除重复的一段",
            severity=None if pasted_twice else Severity.INFO,
            fix=Fix.unsafe(Edit(_block_removal(block), "")),
            related=_related(ctx, _whole(original.block), "第一次出现"),
        )


@check("DU002")
def near_duplicate_paragraph(ctx: Context) -> Iterator[Finding]:
    units = _units(ctx)
    seen: set[str] = set()
    candidates: list[_Unit] = []
    for unit in units:
        if len(unit.folded) >= MIN_NEAR_LENGTH and unit.folded not in seen:
            seen.add(unit.folded)  # exact copies are DU001's
            candidates.append(unit)
    best: dict[int, tuple[float, int]] = {}
    for i, j, similarity in similar_pairs([u.folded for u in candidates], NEAR_THRESHOLD):
        if j not in best or similarity > best[j][0]:
            best[j] = (similarity, i)
    for j, (similarity, i) in sorted(best.items()):
        block = candidates[j].block
        yield Finding(
            block.span(0, len(block.text)),
            f"本段与前文的一段高度相似（{similarity:.0%}的内容相同），可能是重复粘贴后只改了几个字",
            related=_related(ctx, _whole(candidates[i].block), "相似的段落"),
        )


#: suffix hashes: a folded text read as a number in base 2**32 (its UTF-32 code units), modulo a prime
_MODULUS = (1 << 61) - 1
_BASE = 1 << 32


def _number(text: str) -> int:
    return int.from_bytes(text.encode("utf-32-be"), "big") % _MODULUS


@dataclass(frozen=True, slots=True)
class _Clause:
    """A sentence's folded text from ``folded_start`` on, found at ``at`` in its block.

    Clauses are compared by ``key`` (length and polynomial hash), never by copying the tail: a
    sentence of n characters with a comma every few characters has O(n) tails whose texts would add
    up to O(n²) characters.  A key found again is confirmed by comparing the texts.
    """

    at: int
    whole: str
    folded_start: int
    key: tuple[int, int]

    @property
    def length(self) -> int:
        return self.key[0]

    def same_text(self, other: _Clause) -> bool:
        if self.whole is other.whole and self.folded_start == other.folded_start:
            return True
        return self.whole[self.folded_start :] == other.whole[other.folded_start :]


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    """The sentence ``text[start:end]`` and its tails after each comma, long enough to compare, longest first."""
    runs = [(m.start(), m.end()) for m in _CONTENT.finditer(text, start, end)]  # what folding keeps
    whole = fold_content("".join(text[s:e] for s, e in runs))
    starts: list[tuple[int, int]] = []  # (position in the block, position in ``whole``)
    if len(whole) >= MIN_SENTENCE_LENGTH and has_cjk(whole):
        starts.append((start, 0))
    if len(whole) > MIN_TAIL_LENGTH:  # otherwise no tail can be long enough
        folded_before = 0
        k = 0
        for comma in _COMMA.finditer(text, start, end):
            while k < len(runs) and runs[k][0] < comma.end():
                folded_before += runs[k][1] - runs[k][0]
                k += 1
            if len(whole) - folded_before < MIN_TAIL_LENGTH:
                break
            starts.append((comma.end(), folded_before))
    # hashes of the tails from the shortest to the longest, each from the next shorter one
    clauses: list[_Clause] = []
    following, following_start = 0, len(whole)
    for at, folded_start in reversed(starts):
        piece = whole[folded_start:following_start]
        following = (_number(piece) * pow(_BASE, len(whole) - following_start, _MODULUS) + following) % _MODULUS
        following_start = folded_start
        clauses.append(_Clause(at, whole, folded_start, (len(whole) - folded_start, following)))
    clauses.reverse()
    return clauses


def _stretches(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, tuple[int, int]]]:
    """The stretches of the sentence ``text[start:end]`` between its start or a comma and a later comma, long
    enough to compare (at least MIN_SENTENCE_LENGTH folded characters with a figure, or MIN_TAIL_LENGTH): their
    start and end in the block, their folded text and their key, comparable with a whole sentence's
    (:class:`_Clause`).  Those from the sentence's start are its openings."""
    commas = [(c.start(), c.end()) for c in _COMMA.finditer(text, start, end)]
    starts = [start] + [after for _, after in commas]
    pieces = [
        fold_content("".join(_CONTENT.findall(text, at, comma)))
        for at, (comma, _) in zip(starts[:-1], commas, strict=True)
    ]
    for i, at in enumerate(starts[: len(commas)]):
        stretch = ""
        key = 0
        for piece, (comma, _) in zip(pieces[i:], commas[i:], strict=True):
            stretch += piece
            key = (key * pow(_BASE, len(piece), _MODULUS) + _number(piece)) % _MODULUS
            if len(stretch) >= MIN_TAIL_LENGTH or (len(stretch) >= MIN_SENTENCE_LENGTH and _FIGURE.search(stretch)):
                yield at, comma, stretch, (len(stretch), key)
            if len(stretch) >= STRETCH_MAX:
                break  # (a sentence of hundreds of clauses would cost their square)


@check("DU003")
def duplicate_sentence(ctx: Context) -> Iterator[Finding]:
    units = _units(ctx)
    _, involved = _paragraph_duplicates(units)
    first: dict[tuple[int, int], tuple[Block, _Clause, int]] = {}  # clause → where it first stands (and its end)
    wholes: set[tuple[int, int]] = set()  # the keys of whole sentences
    stretches: dict[tuple[int, int], tuple[Block, int, int, str]] = {}  # a stretch between commas → where it stands
    for n, unit in enumerate(units):
        if n in involved:
            continue
        block = unit.block
        for m in block.finditer(_SENTENCE):
            clauses = _clauses(block.text, m.start(), m.end())
            repeated = next((c for c in clauses if c.key in first and c.same_text(first[c.key][1])), None)
            found = list(_stretches(block.text, m.start(), m.end())) if has_cjk(block.text[m.start() : m.end()]) else []
            heads = [(to, text, key) for at, to, text, key in found if at == m.start()]
            whole = clauses[0] if clauses and clauses[0].at == m.start() else None
            if repeated is None:
                yield from _repeated_head(ctx, block, m.start(), heads, first, wholes)
                if whole is not None:
                    yield from _repeated_stretch(ctx, block, m.start(), m.end(), whole, stretches)
            for clause in clauses:
                first.setdefault(clause.key, (block, clause, m.end()))
            for at, to, text, key in found:
                stretches.setdefault(key, (block, at, to, text))
            if whole is not None:
                wholes.add(whole.key)
            if repeated is None:
                continue
            at = repeated.at
            span = block.span(at, m.end())
            # half a sentence repeated is weaker evidence: speeches and rules repeat set phrases
            entire = at == m.start()
            what = "这句话" if entire else "这半句话"
            earlier, clause, end = first[repeated.key]
            adjacent = earlier is block and not block.text[end:at].strip(" \t\u3000")  # only spaces between
            slip = _slip(adjacent, block.text, at, m.end())
            yield Finding(
                span,
                f"{what}与前文的句子重复：“{_shown(block.text[at : m.end()])}”",
                severity=None if entire and (slip or repeated.length >= WARN_SENTENCE_LENGTH) else Severity.INFO,
                fix=Fix.unsafe(Edit(span, "")),
                related=_related(ctx, earlier.span(clause.at, end), "第一次出现"),
            )


def _repeated_head(
    ctx: Context,
    block: Block,
    start: int,
    heads: list[tuple[int, str, tuple[int, int]]],
    first: dict[tuple[int, int], tuple[Block, _Clause, int]],
    wholes: set[tuple[int, int]],
) -> Iterator[Finding]:
    """A sentence that opens with a whole earlier sentence and goes on (``演练2次，参与120人次。`` then
    ``演练2次，参与120人次，意识明显提高。``): the earlier sentence pasted again and continued."""
    for head_end, head, key in heads:
        if key not in wholes:
            continue
        earlier, clause, earlier_end = first[key]
        if clause.whole[clause.folded_start :] != head:
            continue
        message = f"这句话的前半句与前文的一句话重复：“{_shown(block.text[start:head_end])}”"
        yield _part_repeated(ctx, block, start, head_end, len(head), message, earlier.span(clause.at, earlier_end))
        return


def _repeated_stretch(
    ctx: Context,
    block: Block,
    start: int,
    end: int,
    whole: _Clause,
    stretches: dict[tuple[int, int], tuple[Block, int, int, str]],
) -> Iterator[Finding]:
    """A sentence that is a stretch of an earlier one between commas (``演练2次，参与120人次，意识明显提高。`` then
    ``演练2次，参与120人次。``; ``深化……模式，与12个村结对共建，选派8名……，把服务送到田间。`` then
    ``与12个村结对共建，选派8名……。``): the earlier sentence pasted again and cut short."""
    found = stretches.get(whole.key)
    if found is None:
        return
    earlier, earlier_start, earlier_end, stretch = found
    if whole.whole != stretch:
        return
    message = f"这句话与前文一句话中的一段重复：“{_shown(block.text[start:end])}”"
    earlier_span = earlier.span(earlier_start, earlier_end)
    yield _part_repeated(ctx, block, start, end, whole.length, message, earlier_span, removable=True)


def _part_repeated(
    ctx: Context,
    block: Block,
    start: int,
    end: int,
    length: int,
    message: str,
    earlier: Span,
    removable: bool = False,
) -> Finding:
    """The finding of a sentence that repeats part of an earlier one (or whose part repeats one), ``[start, end)``
    of ``block``, ``length`` folded characters: a warning when it holds figures or is long, else a hint; a
    suggestion to delete it when it is the copy as a whole (``removable``)."""
    span = block.span(start, end)
    slip = _slip(False, block.text, start, end)
    return Finding(
        span,
        message,
        severity=None if slip or length >= WARN_SENTENCE_LENGTH else Severity.INFO,
        fix=Fix.unsafe(Edit(span, "")) if removable else None,
        related=_related(ctx, earlier, "第一次出现"),
    )


def _title_key(text: str) -> str:
    return fold(text.split("。", 1)[0])


@check("DU004")
def duplicate_heading(ctx: Context) -> Iterator[Finding]:
    outline = ctx.views.outline
    units = _units(ctx)
    pasted = {p.index for n in _paragraph_duplicates(units)[0] for p in units[n].block.paragraphs}  # (DU001's)
    seen: dict[tuple[int, str], Paragraph] = {}
    for heading in outline.headings:
        key = _title_key(heading.title)
        if len(key) < 2 or heading.paragraph.index in pasted:
            continue
        parent = id(heading.parent) if heading.parent is not None else 0
        earlier = seen.setdefault((parent, key), heading.paragraph)
        if earlier is not heading.paragraph:
            para = heading.paragraph
            yield Finding(
                para.span(heading.marker.end, len(para.text.rstrip(" \u3000"))),
                f"同一层级下标题重复：“{_shown(heading.title, 20)}”与前面的一个标题相同",
                related=_related(ctx, earlier.span(0, len(earlier.text.rstrip(" \u3000"))), "前面的标题"),
            )
    # unnumbered Markdown (or Word) headings under the same parent heading
    parents: list[Paragraph] = []
    plain: dict[tuple[int, int, str], Paragraph] = {}
    for para in ctx.doc.paragraphs:
        if para.kind is not BlockKind.HEADING or not para.depth:
            continue
        while parents and parents[-1].depth >= para.depth:
            parents.pop()
        if outline.heading_at(para.index) is None:
            key2 = fold(para.text)
            if len(key2) >= 2:
                parent_index = parents[-1].index if parents else -1
                earlier = plain.setdefault((parent_index, para.depth, key2), para)
                if earlier is not para:
                    yield Finding(
                        para.span(0, len(para.text.rstrip(" \u3000"))),
                        f"同一层级下标题重复：“{_shown(para.text, 20)}”与前面的一个标题相同",
                        related=_related(ctx, earlier.span(0, len(earlier.text.rstrip(" \u3000"))), "前面的标题"),
                    )
        parents.append(para)


def _untagged(title: str) -> str:
    """``title`` without a template site's tag (2024年度个人工作总结（精选5篇）: TB002's)."""

    def kept(m: re.Match[str]) -> str:
        start, end = tag_cut(m)
        return title[m.start() : start] + title[end : m.end()]

    return boilerplate_patterns().compilation_title.sub(kept, title)


@check("DU007")
def title_repeated_in_body(ctx: Context) -> Iterator[Finding]:
    site = ctx.views.boilerplate_paragraphs  # (a breadcrumb or a page's information line above or between them)
    prose = [p for p in ctx.doc.prose if p.text.strip(" \u3000") and p.index not in site]
    if len(prose) < 2:
        return
    title, first = prose[0], prose[1]
    folded = fold(title.text)
    if cjk_count(folded) < 4 or fold(first.text) not in (folded, fold(_untagged(title.text))):
        return
    yield Finding(
        first.span(0, len(first.text)),
        f"正文第一段重复了标题“{_shown(title.text, 16)}”，应删去",
        fix=Fix.safe(Edit(Span(first.start, min(first.end + 1, len(ctx.doc.source))), "")),
    )


@check("DU101")
def cross_document_copy(ctx: Context) -> Iterator[Finding]:
    """Nothing to report in one document: the batch stage (:mod:`summarylint.batch.crossdoc`)
    compares the documents of a run through their paragraph signatures."""
    return iter(())
