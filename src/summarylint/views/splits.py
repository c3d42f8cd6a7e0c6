"""Paragraphs cut in two by a page break (or a scrape that split a sentence across lines).

Shared by the rule that reports them (GA001) and by the content view, which joins the two halves
so that other content rules see the whole sentence.

A pair of consecutive paragraphs is a split when the first stops without a sentence-final mark and
the second carries on.  Headings, label lines (``联系人：……``), dates, URLs and table rows stop
without punctuation too, so the decision weighs what the layout says:

* strong signs: the first half ends with a mark that opens or continues a clause (``，、《“（``),
  a pair opened in the first half closes in the second, or the second starts with a closing mark
  or a point mark;
* supporting signs: the first half ends with a function word (``的 和 在 对 …``); the second half is
  not indented where the document indents its paragraphs; the blank lines between the two differ
  from the document's usual paragraph gap (no blank line where paragraphs are separated by one, or
  two or more where they are not);
* signs against: an unindented short line between indented paragraphs, or a line standing alone
  between blank lines, is a heading.

A split with a strong or supporting sign is ``confident``; one without any is reported only when the
first half is long running text (a clause with a comma), and with less confidence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.outline import Marker

#: A paragraph that ends with one of these is complete.
TERMINAL = "。！？；：…”’）】》!?;:)」』—.．"
#: The first half of a split is running text of at least this many characters.
MIN_FIRST = 12
#: Without any sign of a split, the first half must be at least this long.
MIN_PLAIN = 30
#: A first half this long with a full stop inside is a paragraph, however it is laid out.
MIN_PROSE = 60
#: A pair opened within this many characters of the end (``……细颗粒物（PM``) may close two paragraphs
#: later, after a short fragment of at most SHORT_NEXT characters (``2.5``).
NEAR_END = 6
SHORT_NEXT = 20
_JOINABLE = (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: marks that open or continue a clause: a paragraph never ends with them
_OPEN_END = "，、（《“‘【〔(,"
#: function words that do not end a sentence or a heading
_FUNCTION_END = "的和与及或在对把被将从向以为并而但其之由"
#: a paragraph never starts with a closing mark: it closes a pair opened in the paragraph before
_CLOSING_START = "》”’）】〕)"
#: nor with a point mark (when the paragraph before is unfinished, the two are one sentence)
_POINT_START = "，、。；：？！"
#: a paragraph never starts with these units: ``共接待来访群众`` / ``人次``
_UNIT_START = re.compile(
    r"(?:人次|场次|户次|架次|万元|亿元|千元|万人|余[人次家项个件户元名]|多[人次家项个件户元名])(?=[，。；、）\s]|$)"
)
_LABEL = re.compile(r"[^，。；：:、（）()]{1,15}[：:]")
_DATE_LINE = re.compile(r"[\s\u3000]*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年.{0,8}日[\s\u3000]*$")
_BLANKS = " \t\u3000\xa0"


@dataclass(frozen=True)
class Split:
    """``second`` continues the sentence that ``first`` was cut off in."""

    first: Paragraph
    second: Paragraph
    confident: bool
    reason: str = ""
    #: a title set on two lines (公文 titles are broken into lines on purpose): joined, not reported
    title: bool = False


class _Layout:
    """How the document lays out its ordinary paragraphs: indentation and the usual blank-line gap."""

    def __init__(self, doc: Document, prose: list[Paragraph], markers: dict[int, Marker]) -> None:
        self.source = doc.source
        body = [p for p in prose if p.kind is BlockKind.BODY and len(p.text) >= MIN_PLAIN and p.index not in markers]
        indented = sum(1 for p in body if self.indented(p))
        self.indents = bool(body) and indented * 10 >= len(body) * 6
        gaps = Counter(p.blank_before for p in body[1:])
        self.gap = gaps.most_common(1)[0][0] if gaps else 0

    def indented(self, para: Paragraph) -> bool:
        if not para.text:
            return False
        lead = self.source[self.source.rfind("\n", 0, para.offsets.offset(0)) + 1 : para.offsets.offset(0)]
        return "\u3000" in lead or "\t" in lead or lead.count(" ") >= 2


_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"))


def _open_at_end(text: str, opener: str, closer: str) -> int:
    """How many ``opener`` are still open at the end of ``text`` (closers of earlier text ignored)."""
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer and depth:
            depth -= 1
    return depth


def _closes_first(text: str, opener: str, closer: str) -> bool:
    """Whether ``text`` closes a pair before opening one of its own."""
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer:
            if not depth:
                return True
            depth -= 1
    return False


def _opened_near_end(text: str) -> bool:
    """Whether ``text`` ends within a few characters of a quotation, title or bracket it opens (``……细颗粒物（PM``)."""
    tail = text[-NEAR_END:]
    return any(_open_at_end(tail, opener, closer) for opener, closer in _PAIRS)


def _pair_continues(first: str, second: str) -> bool:
    """A quotation, title or bracket opened in ``first`` is closed in ``second``."""
    return any(_open_at_end(first, o, c) and _closes_first(second, o, c) for o, c in _PAIRS)


def _judge(
    first: Paragraph,
    second: Paragraph,
    markers: dict[int, Marker],
    layout: _Layout,
    chained: bool,
    weak_only: bool,
    page_break: str = "",
) -> Split | None:
    text = first.text.rstrip(_BLANKS)
    nxt = second.text.lstrip(_BLANKS)
    if not text or not nxt or second.index in markers or second.bullet is not None:
        return None
    if nxt[0] in _CLOSING_START:
        return Split(first, second, True, f"下一段以“{nxt[0]}”开头")
    if text[-1] in TERMINAL:
        return None
    if _pair_continues(text, nxt) or (_opened_near_end(text) and len(nxt) <= SHORT_NEXT and "。" not in nxt):
        return Split(first, second, True, "成对的标点跨段才闭合")
    if _LABEL.match(nxt) or _DATE_LINE.match(nxt) or _DATE_LINE.match(text):
        return None  # 联系人：…… and dates stand on their own lines
    if text[-1] in _OPEN_END and (_CJK.match(nxt) or nxt[0].isdigit()):
        return Split(first, second, True, f"上一段以“{text[-1]}”结尾")
    marker = markers.get(first.index)
    if marker is not None and not any(ch in "，。；" for ch in text[marker.end :]):
        return None  # a numbered heading: what follows it is a paragraph of its own
    if nxt[0] in _POINT_START:
        return Split(first, second, True, f"下一段以“{nxt[0]}”开头")
    unit = _UNIT_START.match(nxt)
    if unit and (_CJK.match(text[-1]) or text[-1].isdigit()):
        return Split(first, second, True, f"下一段以量词“{unit.group()}”开头")
    if weak_only:
        return None  # the title and the closing block: only a split that punctuation proves
    ends_in_text = _CJK.match(text[-1]) or text[-1].isdigit()
    if page_break and ends_in_text and (_CJK.match(nxt) or nxt[0].isdigit()) and first.index not in markers:
        return Split(first, second, True, page_break)
    if not (_CJK.match(nxt) or nxt[0].isdigit()):
        return None
    if not (_CJK.match(text[-1]) or text[-1].isdigit()):
        return None  # a URL, a code, an emoticon: a label line rather than running text
    if _LABEL.match(text) and len(text) <= 40 and "，" not in text:
        return None
    if first.index in markers:
        return None  # a numbered heading or list item that simply has no final mark
    # the first half indented like the document's paragraphs, the second not: a paragraph start
    # followed by its own continuation
    indent_break = layout.indents and layout.indented(first) and not layout.indented(second)
    continues = "，" in nxt or "。" in nxt  # the second half is running text, not a heading
    if len(text) < MIN_FIRST and not chained and not ("，" in text and indent_break and continues):
        return None
    # an unindented line among indented paragraphs, or a line set off by extra blank lines on both
    # sides, is a heading (or a lead-in sentence set as one)
    # (not a long passage with a full stop inside: no heading reads like that, and a paragraph whose
    # indentation or blank lines were mangled by a conversion still is one)
    prose_block = len(text) >= MIN_PROSE and "。" in text.rstrip("。")
    heading_like = not prose_block and (
        (layout.indents and not layout.indented(first) and layout.indented(second))
        or (first.blank_before > layout.gap and second.blank_before > layout.gap)
    )
    if heading_like:
        return None
    running = "，" in text and len(text) >= MIN_PLAIN  # long running text, not a title or a table cell
    support = ""
    if text[-1] in _FUNCTION_END:
        support = f"上一段以虚词“{text[-1]}”结尾"
    elif indent_break and ("，" in text or continues):
        support = "下一段没有首行缩进"
    elif running and second.blank_before == 0 and layout.gap >= 1:
        support = "两段之间没有空行"
    elif running and second.blank_before >= 2 and second.blank_before > layout.gap:
        support = f"两段之间有{second.blank_before}个空行"
    if support:
        return Split(first, second, True, support)
    if chained or running:
        return Split(first, second, False)
    return None


def find_splits(doc: Document, markers: dict[int, Marker], page_numbers: frozenset[int] = frozenset()) -> list[Split]:
    """Consecutive prose paragraphs where the second continues the sentence cut off in the first.

    Lines that are only a page number (``page_numbers``) are passed over: the two halves of a
    paragraph cut by a page break often have one between them, which is itself a sign of the break;
    so is a Word page break between the two paragraphs (``Paragraph.page_break_before``).
    """
    prose = [p for p in doc.paragraphs if p.kind.is_prose and p.text and p.index not in page_numbers]
    closing_from = prose[-3].index if len(prose) >= 3 else 0
    layout = _Layout(doc, prose, markers)
    splits: list[Split] = []
    continued = -1
    for first, second in itertools.pairwise(prose):
        if first.kind not in _JOINABLE or first.kind is not second.kind:
            continue
        title = first.index == prose[0].index
        # the closing block (署名、成文日期) is made of short lines without final marks: there only
        # running text with a clause mark can be the first half of a split
        weak_only = title or (second.index >= closing_from and "，" not in first.text)
        between = (
            "两段之间隔着页码行"
            if any(first.index < i < second.index for i in page_numbers)
            else "两段之间有分页符"
            if second.page_break_before
            else ""
        )
        split = _judge(first, second, markers, layout, first.index == continued, weak_only, between)
        if split is not None:
            splits.append(replace(split, title=title) if title else split)
            continued = second.index
    return splits
