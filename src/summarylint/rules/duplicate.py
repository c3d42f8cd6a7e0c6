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
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from weakref import WeakKeyDictionary

from summarylint.diagnostics import Edit, Finding, Fix, Related, Severity
from summarylint.document import BlockKind, Paragraph
from summarylint.rules.base import Context, check
from summarylint.source import Span
from summarylint.text.artefacts import HTML_REFERENCE
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

# DU003: a run of sentences pasted again (and a sentence rewritten right after itself)
#: a sentence's opening connective, left out when sentences of a run are compared: a passage pasted again often
#: gains or loses one (``同时，重视……`` against ``重视……``)
_CONNECTIVE = re.compile(r"^(?:与此同时|同时|此外|另外|并且|而且|另一方面)")
#: a sentence that opens a run must repeat an earlier one exactly and have at least this many folded characters
#: (without its connective): shorter ones (``取得了成效``) recur by chance
RUN_SEED = 6
#: the earlier sentences a run's opening is compared with: the nearest ones (a pasted passage stands near its
#: original; a compilation repeats a short sentence hundreds of times)
RUN_CANDIDATES = 8
#: a run is reported when it has at least two sentences, one of them at least MIN_SENTENCE_LENGTH long, and this
#: many folded characters in all
RUN_MIN_LENGTH = 20
#: a sentence of a run (or one rewritten right after itself) may differ from its original by a few characters or a
#: piece cut out: the shorter of the two is at least NEAR_LENGTH_SHARE of the longer, all but 10% of its characters
#: are matched in order, and both have the same figures.  Measured on the held-out drafts: the copies reviewers
#: marked match 34 of 34 characters (a quoted name of 4 cut out of 38), 20 of 20 (22 with two words added) and
#: 24 of 24 (26, one word changed); ``二是加强业务学习，提高履职能力`` against ``二是加强业务培训，提高工作能力``,
#: items of two lists, match 10 of 14.
NEAR_LENGTH_SHARE = 0.6
NEAR_MATCHED = 0.9
#: a clause at the end of a sentence before a run (after a comma or a colon) joins the run when it repeats the end of
#: the sentence before the original and has at least this many folded characters
RUN_CLAUSE = 8
_RUN_CLAUSE_MARK = re.compile(r"[，,：:]")
#: a sentence of a run: an HTML character reference left in pasted text (``&ldquo;``) is a quotation mark, not a
#: sentence's end, and no content to compare (``_ENTITY_RE`` blanks it out)
_SAID = re.compile(rf"(?:{HTML_REFERENCE}|[^。！？；!?;])+[。！？；!?;]*")
_ENTITY_RE = re.compile(HTML_REFERENCE)
_DIGITS = re.compile(r"[0-9]+")


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

    yield from _repeated_rows(ctx)


def _repeated_rows(ctx: Context) -> Iterator[Finding]:
    """A Markdown table row with a label written again right after itself (| 会员人数（万人） | 3.5 | 3.86 | twice): a
    row pasted twice.  (Word tables come cell by cell, where a value repeats in its column on purpose.)"""
    previous: Paragraph | None = None
    for para in ctx.doc.paragraphs:
        row = para.kind is BlockKind.TABLE and para.text.lstrip().startswith("|")
        if (
            row
            and previous is not None
            and " ".join(para.text.split()) == " ".join(previous.text.split())
            and has_cjk(para.text)
        ):
            line_end = ctx.doc.source.find("\n", para.end)
            removal = Span(para.start, len(ctx.doc.source) if line_end < 0 else line_end + 1)
            yield Finding(
                para.span(0, len(para.text.rstrip())),
                f"表格中这一行与上一行完全相同（“{_shown(para.text.strip())}”），应删除重复的一行",
                fix=Fix.unsafe(Edit(removal, "")),
                related=_related(ctx, previous.span(0, len(previous.text)), "上一行"),
            )
        previous = para if row else None


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


#: where a clause first stands: its block, the clause, and its sentence's end and start
_First = tuple[Block, _Clause, int, int]


@check("DU003")
def duplicate_sentence(ctx: Context) -> Iterator[Finding]:
    """Sentences repeated one by one, and runs of sentences pasted again (one finding for each run, from its first
    repeated sentence: the sentences inside it are not reported again)."""
    units = _units(ctx)
    _, involved = _paragraph_duplicates(units)
    runs = _runs(units, involved)
    covered = sorted((span.start, span.end) for span in (_run_span(units, run) for run in runs))  # (never overlap)
    starts = [start for start, _ in covered]
    for finding in _sentences_repeated(ctx, units, involved):
        k = bisect_right(starts, finding.span.start) - 1
        if k < 0 or covered[k][1] < finding.span.end:
            yield finding
    for run in runs:
        yield _run_finding(ctx, units, run, _run_span(units, run))


def _sentences_repeated(ctx: Context, units: list[_Unit], involved: set[int]) -> Iterator[Finding]:
    """DU003's findings one sentence at a time."""
    first: dict[tuple[int, int], _First] = {}  # clause → where it first stands (and its sentence's start and end)
    wholes: set[tuple[int, int]] = set()  # the keys of whole sentences
    stretches: dict[tuple[int, int], tuple[Block, int, int, str]] = {}  # a stretch between commas → where it stands
    for n, unit in enumerate(units):
        if n in involved:
            continue
        block = unit.block
        previous = -1, -1  # the sentence before in this block
        said: list[tuple[int, int]] = []  # the sentences before in this block
        for m in block.finditer(_SENTENCE):
            before, previous = previous, (m.start(), m.end())
            said.append(previous)
            after_it = before[1] >= 0 and not block.text[before[1] : m.start()].strip(" \t\u3000")
            clauses = _clauses(block.text, m.start(), m.end())
            repeated = next((c for c in clauses if c.key in first and c.same_text(first[c.key][1])), None)
            found = list(_stretches(block.text, m.start(), m.end())) if has_cjk(block.text[m.start() : m.end()]) else []
            heads = [(to, text, key) for at, to, text, key in found if at == m.start()]
            whole = clauses[0] if clauses and clauses[0].at == m.start() else None
            if repeated is None:
                partly = list(_repeated_head(ctx, block, m.start(), heads, first, wholes))
                if whole is not None:
                    partly.extend(_repeated_stretch(ctx, block, m.start(), m.end(), whole, stretches))
                if not partly and after_it:
                    partly.extend(_rewritten_after_itself(ctx, block, before, m.start(), m.end()))
                if not partly and len(said) > 2:
                    nearest = said[max(0, len(said) - 2 - RUN_CANDIDATES) : -2]  # (a copy stands near its original)
                    partly.extend(_cut_short_in_paragraph(ctx, block, nearest, m.start(), m.end()))
                yield from partly
            for clause in clauses:
                first.setdefault(clause.key, (block, clause, m.end(), m.start()))
            for at, to, text, key in found:
                stretches.setdefault(key, (block, at, to, text))
            if whole is not None:
                wholes.add(whole.key)
            if repeated is None:
                continue
            at = repeated.at
            earlier, clause, end, earlier_start = first[repeated.key]
            earlier_at = clause.at
            message = "{}与前文的句子重复：“{}”"
            what = "这句话" if at == m.start() else "这半句话"
            right_after = after_it and earlier is block and earlier_start == before[0]
            if at != m.start() and clause.folded_start and right_after and _near_opening(clause, repeated):
                # the opening changed by a word or two (专用账户, 专户): the sentence is the copy from its start
                at, earlier_at, what = m.start(), earlier_start, "这句话"
                message = "{}与上一句基本相同，只是开头改了几个字：“{}”"
            span = block.span(at, m.end())
            # half a sentence repeated is weaker evidence: speeches and rules repeat set phrases
            entire = at == m.start()
            adjacent = earlier is block and not block.text[end:at].strip(" \t\u3000")  # only spaces between
            slip = _slip(adjacent, block.text, at, m.end())
            yield Finding(
                span,
                message.format(what, _shown(block.text[at : m.end()])),
                severity=None if entire and (slip or repeated.length >= WARN_SENTENCE_LENGTH) else Severity.INFO,
                fix=Fix.unsafe(Edit(span, "")),
                related=_related(ctx, earlier.span(earlier_at, end), "第一次出现"),
            )


def _rewritten_after_itself(
    ctx: Context, block: Block, before: tuple[int, int], start: int, end: int
) -> Iterator[Finding]:
    """A sentence that repeats the sentence right before it with a word or two changed, or opens with such a copy
    and goes on after a comma (``对困难职工，我们给予帮扶。对困难职工，我们都给予了帮扶，……``): written again and the
    first version not deleted."""
    earlier = fold(block.text[before[0] : before[1]])
    exact = _pasted_after_itself(ctx, block, before, start, end, earlier)
    if exact is not None:
        yield exact
        return
    if len(earlier) < MIN_SENTENCE_LENGTH:
        return
    ends = [c.start() for c in _COMMA.finditer(block.text, start, end)] + [end]
    for head_end in reversed(ends):  # (the longest opening first)
        head = fold(block.text[start:head_end])
        if len(head) < NEAR_LENGTH_SHARE * len(earlier):
            return
        if _near(earlier, head):
            whole = head_end == end
            what = "这句话" if whole else "这句话的前半句"
            yield Finding(
                block.span(start, head_end),
                f"{what}与上一句基本相同，可能是改写后没有删去原句：“{_shown(block.text[start:head_end])}”",
                fix=Fix.unsafe(Edit(block.span(start, end), "")) if whole else None,
                related=_related(ctx, block.span(*before), "上一句"),
            )
            return


#: A copy of the sentence right before, or of its last clauses, pasted again word for word, is found from this many
#: characters on (a short sentence is too often a set phrase said twice on purpose)
MIN_EXACT_LENGTH = 10


def _pasted_after_itself(
    ctx: Context, block: Block, before: tuple[int, int], start: int, end: int, earlier: str
) -> Finding | None:
    """A sentence that is the sentence right before it word for word, short as it may be (全年未发生重大客户投诉事件。
    全年未发生重大客户投诉事件。), or that and then goes on (推行“三检”制度。推行“三检”制度，上半年……), or that is the
    end of the sentence before it from one of its commas (……，为长途司机提供便利服务。为长途司机提供便利服务。):
    pasted twice."""
    later = fold(block.text[start:end])
    if later == earlier and len(later) >= MIN_EXACT_LENGTH:
        return Finding(
            block.span(start, end),
            f"这句话与上一句完全相同，可能是重复粘贴：“{_shown(block.text[start:end])}”",
            fix=Fix.unsafe(Edit(block.span(start, end), "")),
            related=_related(ctx, block.span(*before), "上一句"),
        )
    if len(later) >= MIN_EXACT_LENGTH:
        for comma in _COMMA.finditer(block.text, before[0], before[1]):
            if fold(block.text[comma.end() : before[1]]) == later:
                return Finding(
                    block.span(start, end),
                    f"这句话与上一句的后半句相同，可能是重复粘贴：“{_shown(block.text[start:end])}”",
                    fix=Fix.unsafe(Edit(block.span(start, end), "")),
                    related=_related(ctx, block.span(comma.end(), before[1]), "上一句的后半句"),
                )
    if len(earlier) >= MIN_EXACT_LENGTH:
        for comma in _COMMA.finditer(block.text, start, end):
            if fold(block.text[start : comma.start()]) == earlier:
                return Finding(
                    block.span(start, comma.start()),
                    f"这句话的前半句与上一句相同，可能是重复粘贴：“{_shown(block.text[start : comma.start()])}”",
                    related=_related(ctx, block.span(*before), "上一句"),
                )
    return None


def _cut_short_in_paragraph(
    ctx: Context, block: Block, earlier: list[tuple[int, int]], start: int, end: int
) -> Iterator[Finding]:
    """A sentence that repeats the opening of an earlier sentence of its paragraph, up to one of its commas, with
    a word or two changed (``……把热线和平台交办事项作为……，共受理312件，办结308件，办结率提高到98.7%。……把热线交办
    事项作为……，共受理312件，办结308件。``): the sentence pasted again further on, cut short and touched up, or
    with a few words added (its deletion is then not suggested).  The
    sentence right before is :func:`_rewritten_after_itself`'s; an exact copy of such an opening is
    :func:`_repeated_stretch`'s."""
    later = fold(block.text[start:end])
    if len(later) < MIN_SENTENCE_LENGTH or (_FIGURE.search(later) is None and len(later) < WARN_SENTENCE_LENGTH):
        return
    for earlier_start, earlier_end in reversed(earlier):
        for comma in _COMMA.finditer(block.text, earlier_start, earlier_end):
            opening = fold(block.text[earlier_start : comma.start()])
            if len(opening) > len(later) / NEAR_LENGTH_SHARE:
                break
            if _near(opening, later):
                message = f"这句话与本段前面一句话的前半句基本相同，可能是重复粘贴：“{_shown(block.text[start:end])}”"
                earlier_span = block.span(earlier_start, comma.start())
                removable = len(later) <= len(opening) / NEAR_MATCHED  # (a longer copy says more: its writer decides)
                yield _part_repeated(ctx, block, start, end, len(later), message, earlier_span, removable)
                return


def _near_opening(earlier: _Clause, later: _Clause) -> bool:
    """Whether the openings before two equal tails (``earlier``, ``later``) are one opening with a word or two
    changed."""
    return _near(earlier.whole[: earlier.folded_start], later.whole[: later.folded_start], RUN_CLAUSE)


def _repeated_head(
    ctx: Context,
    block: Block,
    start: int,
    heads: list[tuple[int, str, tuple[int, int]]],
    first: dict[tuple[int, int], _First],
    wholes: set[tuple[int, int]],
) -> Iterator[Finding]:
    """A sentence that opens with a whole earlier sentence and goes on (``演练2次，参与120人次。`` then
    ``演练2次，参与120人次，意识明显提高。``): the earlier sentence pasted again and continued."""
    for head_end, head, key in heads:
        if key not in wholes:
            continue
        earlier, clause, earlier_end, _ = first[key]
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


@dataclass(frozen=True, slots=True)
class _Said:
    """One sentence of a block: where it stands, its folded text and that text without an opening connective
    (empty when it touches a masked range and is not compared)."""

    start: int
    end: int
    folded: str
    bare: str


@dataclass(frozen=True, slots=True)
class _Run:
    """Sentences ``first``…``last`` of unit ``later``, ``[start, end)`` of its text, repeating ``[origin_start,
    origin_end)`` of unit ``earlier``: ``length`` folded characters, ``long`` when one sentence is at least
    MIN_SENTENCE_LENGTH long, ``exact`` when no sentence was changed."""

    later: int
    first: int
    last: int
    start: int
    end: int
    earlier: int
    origin_start: int
    origin_end: int
    length: int
    long: bool
    exact: bool


def _said(block: Block) -> list[_Said]:
    """The sentences of ``block``, split at sentence ends outside character references."""
    said = []
    for m in _SAID.finditer(block.text):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t\u3000"))
        if block.masks and block.masked(m.start(), m.end()):
            said.append(_Said(start, m.end(), "", ""))
            continue
        folded = fold(_ENTITY_RE.sub("", m.group()) if "&" in m.group() else m.group())
        said.append(_Said(start, m.end(), folded, _CONNECTIVE.sub("", folded)))
    return said


def _near(earlier: str, later: str, minimum: int = MIN_SENTENCE_LENGTH) -> bool:
    """Whether the folded sentence ``later`` is ``earlier`` with a few characters changed or a piece cut out (both
    at least ``minimum`` long)."""
    shorter, longer = (earlier, later) if len(earlier) <= len(later) else (later, earlier)
    if len(shorter) < minimum or len(shorter) < NEAR_LENGTH_SHARE * len(longer) or len(longer) > STRETCH_MAX:
        return False
    most = len(shorter) * (1 - NEAR_MATCHED)  # characters of the shorter that may lack a match
    if len(set(shorter).difference(longer)) > most or _DIGITS.findall(earlier) != _DIGITS.findall(later):
        return False  # (cheap tests first: a compilation may bring hundreds of thousands of pairs)
    matcher = SequenceMatcher(None, earlier, later, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) >= len(shorter) - most


def _folded_at(text: str, start: int, end: int, count: int) -> int:
    """Where in ``text`` the folded text of ``text[start:end]`` has ``count`` characters left (``start`` when it
    has no more)."""
    piece = _ENTITY_RE.sub(lambda m: " " * len(m.group()), text[start:end])  # (no content, the same length)
    kept = [start + i for m in _CONTENT.finditer(piece) for i in range(m.start(), m.end())]
    return kept[len(kept) - count] if 0 < count <= len(kept) else start


def _run_from(
    said: list[list[_Said]], units: list[_Unit], later: int, i: int, earlier: int, j: int, floor: int
) -> _Run:
    """The run through sentence ``i`` of unit ``later``, which repeats sentence ``j`` of unit ``earlier`` exactly,
    back to no sentence before ``floor``: forward and back, sentences that repeat the sentences beside the original
    exactly (but for a connective) or with a few characters changed, then back, a sentence or a clause after a comma
    that repeats the end of the sentence before the original."""
    mine, theirs = said[later], said[earlier]
    bound = i if earlier == later else len(theirs)  # (a run within one block stays before its copy)
    lengths = [len(mine[i].bare)]
    exact = True
    last, origin_last = i, j
    while last + 1 < len(mine) and origin_last + 1 < bound:
        a, b = theirs[origin_last + 1], mine[last + 1]
        same = bool(b.bare) and a.bare == b.bare
        if not same and not _changed(a, b):
            break
        last, origin_last = last + 1, origin_last + 1
        lengths.append(len(b.bare))
        exact = exact and same
    first, origin = i, j
    start, origin_start = mine[i].start, theirs[j].start
    block, original = units[later].block, units[earlier].block
    while first > floor and origin > 0:
        a, b = theirs[origin - 1], mine[first - 1]
        if not b.bare or not a.folded:
            break
        first, origin = first - 1, origin - 1
        if a.bare == b.bare:
            lengths.append(len(b.bare))
            start, origin_start = b.start, a.start
            continue
        ending = _ending_repeated(block.text, b, a)
        if ending is not None:  # the sentence (or its end) repeats the end of the one before the original: the start
            start, length = ending
            lengths.append(length)
            origin_start = _folded_at(original.text, a.start, a.end, length)
        elif _changed(a, b):
            lengths.append(len(b.bare))
            start, origin_start, exact = b.start, a.start, False
            continue
        else:
            first, origin = first + 1, origin + 1
        break
    long = max(lengths) >= MIN_SENTENCE_LENGTH
    end, origin_end = mine[last].end, theirs[origin_last].end
    return _Run(later, first, last, start, end, earlier, origin_start, origin_end, sum(lengths), long, exact)


def _changed(earlier: _Said, later: _Said) -> bool:
    """Whether ``later`` is ``earlier`` with a few characters changed or a piece cut out, from the same opening (a
    sentence with another opening and the same end repeats only its end)."""
    return bool(later.bare) and earlier.bare[:2] == later.bare[:2] and _near(earlier.folded, later.folded)


def _ending_repeated(text: str, sentence: _Said, earlier: _Said) -> tuple[int, int] | None:
    """Where the part of ``sentence`` that repeats the end of ``earlier`` starts in ``text``, and its folded length:
    the whole sentence (without its connective) or its longest clause after a comma or a colon, of at least
    RUN_CLAUSE folded characters."""
    if len(sentence.bare) >= RUN_CLAUSE and earlier.folded.endswith(sentence.bare):
        return sentence.start, len(sentence.bare)
    for mark in _RUN_CLAUSE_MARK.finditer(text, sentence.start, sentence.end):
        clause = fold(text[mark.end() : sentence.end])
        if len(clause) < RUN_CLAUSE:
            break
        if earlier.folded.endswith(clause):
            return mark.end(), len(clause)
    return None


def _runs(units: list[_Unit], skipped: set[int]) -> list[_Run]:
    """Runs of at least two sentences that repeat consecutive sentences of an earlier passage, each from the first
    repeated sentence (or clause) to the last; the later block is not one of ``skipped`` (DU001's)."""
    said = [_said(unit.block) for unit in units]
    seen: dict[str, list[tuple[int, int]]] = {}
    runs = []
    for n, sentences in enumerate(said):
        covered = -1
        for i, sentence in enumerate(sentences):
            if len(sentence.bare) < RUN_SEED:
                continue
            earlier = seen.setdefault(sentence.bare, [])
            if i > covered and n not in skipped:
                found = [_run_from(said, units, n, i, m, j, covered + 1) for m, j in earlier[-RUN_CANDIDATES:]]
                best = max(found, key=lambda run: run.length, default=None)
                if best is not None and best.last > best.first and best.long and best.length >= RUN_MIN_LENGTH:
                    runs.append(best)
                    covered = best.last
            earlier.append((n, i))
    return runs


def _run_span(units: list[_Unit], run: _Run) -> Span:
    return units[run.later].block.span(run.start, run.end)


def _run_finding(ctx: Context, units: list[_Unit], run: _Run, span: Span) -> Finding:
    """One finding for a run: a warning when it is long, holds figures or follows its original right away."""
    block, original = units[run.later].block, units[run.earlier].block
    whole = not block.text[: run.start].strip(" \t\u3000") and not block.text[run.end :].strip(" \t\u3000")
    what = "本段" if whole else "这几句话"
    how = "重复" if run.exact else "基本相同"
    adjacent = run.later - run.earlier <= 1
    slip = _slip(adjacent, block.text, run.start, run.end)
    return Finding(
        span,
        f"{what}与前文的一段话{how}：“{_shown(block.text[run.start : run.end])}”",
        severity=None if slip or run.length >= WARN_SENTENCE_LENGTH else Severity.INFO,
        fix=Fix.unsafe(Edit(_block_removal(block) if whole else span, "")),
        related=_related(ctx, original.span(run.origin_start, run.origin_end), "第一次出现"),
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
