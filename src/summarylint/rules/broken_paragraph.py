"""Family GA, category broken-paragraph: a paragraph cut in two by a page break or a conversion
(GA001 page-break splits, GA002 hard-wrapped lines, GA003 stray page numbers, GA004 repeated page
headers and footers).

Which paragraphs are split is decided by the splits view (:mod:`summarylint.views.splits`), which
the content view shares to join the halves; page-number lines come from
:mod:`summarylint.text.artefacts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Format
from summarylint.rules.base import Context, check
from summarylint.source import Span
from summarylint.text.artefacts import bare_page_numbers, page_number_line
from summarylint.text.chars import CJK_CHAR
from summarylint.views.splits import TERMINAL, past_opener

_BLANKS = " \t\u3000\xa0"


def _shown(text: str, width: int = 8) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _tail(text: str, width: int = 8) -> str:
    return text if len(text) <= width else "…" + text[-width:]


# --- GA001 -------------------------------------------------------------------------------------


@check("GA001")
def page_break_split(ctx: Context) -> Iterator[Finding]:
    for split in ctx.views.splits:
        if split.title:
            continue  # a title set on two lines on purpose
        first, second = split.first, split.second
        head = first.text.rstrip(_BLANKS)
        lead = len(second.text) - len(second.text.lstrip(_BLANKS))
        end = first.offsets.end_offset(len(head))
        start = second.offsets.offset(lead)
        gap = Span(end, start)
        rest = second.text[lead:]
        why = f"（{split.reason}）" if split.reason else ""
        yield Finding(
            gap,
            f"段落在句子中间断开{why}：“{_tail(head)}”与下一段“{_shown(rest)}”应是同一句话，可能是分页或复制时断开的",
            severity=None if split.confident else Severity.INFO,
            fix=Fix.unsafe(Edit(gap, "")),
        )


# --- GA002 -------------------------------------------------------------------------------------

#: At least this many consecutive lines of nearly the same length, none ending with a mark ...
WRAPPED_MIN = 4
#: ... differing in length by at most this many characters ...
WRAPPED_SPREAD = 4
#: ... each at least this long.
WRAPPED_WIDTH = 10
_POINT_MARKS = "，；"
_WRAPPABLE = (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE)


def _wrapped_runs(ctx: Context) -> Iterator[list[tuple[int, int]]]:
    """Runs of consecutive lines ``(start, content_end)`` cut at a fixed width."""
    source = ctx.doc.source
    prose_lines: dict[int, tuple[int, int]] = {}
    lines = ctx.doc.lines
    for para in ctx.doc.paragraphs:
        if para.kind not in _WRAPPABLE or not para.text:
            continue
        first = lines.position(para.offsets.offset(0)).line
        last = lines.position(para.offsets.end_offset(len(para.text))).line
        for number in range(first, last + 1):
            start = lines.line_start(number)
            end = start + len(lines.line_text(number).rstrip("\r\n"))
            prose_lines[number] = (start, end)
    run: list[tuple[int, int]] = []
    shortest = longest = 0
    previous = -1
    for number in sorted(prose_lines):
        start, end = prose_lines[number]
        text = source[start:end].rstrip(_BLANKS)
        width = len(text)
        fits = (
            number == previous + 1
            and width >= WRAPPED_WIDTH
            and text[-1] not in TERMINAL
            and max(longest, width) - min(shortest, width) <= WRAPPED_SPREAD
        )
        if run and fits:
            run.append((start, start + width))
            shortest, longest = min(shortest, width), max(longest, width)
        else:
            if len(run) >= WRAPPED_MIN:
                yield run
            run = [(start, start + width)] if width >= WRAPPED_WIDTH and text[-1] not in TERMINAL else []
            shortest = longest = width
        previous = number
    if len(run) >= WRAPPED_MIN:
        yield run


def _running_text(source: str, run: list[tuple[int, int]]) -> bool:
    """Most lines of the run have a point mark inside: running text, not a list of names or items."""
    marked = sum(1 for start, end in run if any(mark in source[start:end] for mark in _POINT_MARKS))
    return marked * 2 > len(run)


#: A Markdown document whose paragraphs of at least SINGLE_LINE_MIN characters are on one line each, but for at most
#: one in UNWRAPPED_SHARE of them, does not wrap its paragraphs: a line break inside one is a stray one.
UNWRAPPED_SHARE = 5
SINGLE_LINE_MIN = 20


def _stray_breaks(ctx: Context) -> Iterator[Finding]:
    """In a Markdown document that writes each paragraph on one line, a paragraph broken once mid-sentence between two
    Chinese characters (……投诉均在规定时限 / 内予以答复。): Markdown joins the lines, but most renderers show a space
    there, and the break is the trace of a copy from a page or a PDF."""
    lines = ctx.doc.lines
    single = 0
    broken: list[tuple[int, int]] = []  # (first line, last line) of each paragraph on several lines
    for para in ctx.doc.paragraphs:
        if para.kind not in _WRAPPABLE or len(para.text) < SINGLE_LINE_MIN:
            continue
        first = lines.position(para.offsets.offset(0)).line
        last = lines.position(para.offsets.end_offset(len(para.text))).line
        if first == last:
            single += 1
        else:
            broken.append((first, last))
    if not broken or len(broken) * UNWRAPPED_SHARE > single:
        return  # (a document that wraps its paragraphs does so on purpose)
    for first, last in broken:
        if last != first + 1:
            continue
        start = lines.line_start(first)
        head = lines.line_text(first).rstrip("\r\n").rstrip(_BLANKS)
        end = start + len(head)
        nxt = lines.line_start(last)
        tail = lines.line_text(last)
        lead = len(tail) - len(tail.lstrip(_BLANKS))
        if not head or not _stray_break(head, tail[lead:]):
            continue
        gap = Span(end, nxt + lead)
        yield Finding(
            gap,
            f"段落中间多了一个换行：“{_tail(head)}”与下一行“{_shown(tail[lead:].rstrip())}”是同一句话；"
            "本文其他段落都写在一行里，这里多半是复制时带进的硬换行，许多 Markdown 渲染器会在这里显示一个空格，应接上",
            fix=Fix.unsafe(Edit(gap, "")),
        )


#: A line that starts with a figure and a list mark (2.开展…, 3、…) starts an item of its own, and one with a year a
#: date line (a signature's unit, then its date), not the rest of a sentence.
_ITEM_START = re.compile(r"\d+\s*[.．、)）]|\d{4}\s*年")


def _stray_break(head: str, tail: str) -> bool:
    """Whether a line break between ``head`` and ``tail`` falls in the middle of a sentence: after a Chinese character
    or a clause mark (，、), before a Chinese character (a quoted term's or a title's too: ……准确率有待提高， /
    “状态修”转型……) or a figure that starts no list item (……目前全校共有专职辅导员 / 142名，其中……;
    ……入口实行称重检测全覆盖， / 入口超限率……)."""
    if not (CJK_CHAR.match(head[-1]) or head[-1] in "，、"):
        return False
    return bool(CJK_CHAR.match(past_opener(tail)[:1] or " ") or (tail[:1].isdigit() and not _ITEM_START.match(tail)))


@check("GA002")
def hard_wrapped_lines(ctx: Context) -> Iterator[Finding]:
    if ctx.doc.format is Format.MARKDOWN:
        yield from _stray_breaks(ctx)
        return
    if ctx.doc.format is not Format.TEXT:
        return  # Word has no lines
    source = ctx.doc.source
    for run in _wrapped_runs(ctx):
        if not _running_text(source, run):
            continue
        edits = []
        for _, end in run:
            following = source.find("\n", end)
            if following < 0:
                break
            nxt = following + 1
            while nxt < len(source) and source[nxt] in _BLANKS:
                nxt += 1
            if nxt >= len(source) or source[nxt] in "\r\n":
                break  # a blank line: the paragraph ends here
            edits.append(Edit(Span(end, nxt), ""))
        first = source[run[0][0] : run[0][1]]
        lead = len(first) - len(first.lstrip(_BLANKS))
        widths = sorted(end - start for start, end in run)
        yield Finding(
            Span(run[0][0] + lead, run[-1][1]),
            f"连续{len(run)}行长度几乎相同（约{widths[len(widths) // 2]}字）且行末都没有句末标点，"
            "像是按固定宽度硬换行的文字，应把这些行接成一段",
            fix=Fix.unsafe(*edits) if edits else None,
        )


# --- GA003 -------------------------------------------------------------------------------------


@check("GA003")
def stray_page_number(ctx: Context) -> Iterator[Finding]:
    source = ctx.doc.source
    bare = bare_page_numbers(ctx.doc)
    for para in ctx.doc.prose:
        found = page_number_line(ctx.doc, para, bare)
        if found is None:
            continue
        line = found.text(source)
        shown = line.strip(" \t\u3000")
        visible = Span(found.start + line.index(shown[0]), found.start + len(line.rstrip(" \t\u3000")))
        yield Finding(visible, f"“{shown}”是残留的页码行，应删除", fix=Fix.safe(Edit(Span(found.start, found.end), "")))
    yield from _footer_lines(ctx)


#: A page's footer or header line: the unit's name or the document's title and, set apart by a wide gap, the page
#: number (恒远能源集团内部审计部　　　　第 3 页 共 7 页), or the other way round
_PAGE = r"第[ \t\u3000]*\d{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[，,/]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?"
_GAP = r"(?:[\u3000]{2,}|[ ]{4,}|\t+)"
#: (a narrower gap after a document's title: 江州银行城东支行2023年度述职报告　第2页)
_TITLE_GAP = r"(?<=总结|报告|汇报|计划|方案|规划)(?:[\u3000]|[ ]{2,})"
_FOOTER = re.compile(
    rf"^[ \t\u3000]*(?:(?P<before>[^\s。，；！？]{{2,40}})(?:{_GAP}|{_TITLE_GAP})(?P<page>{_PAGE})"
    rf"|(?P<first>{_PAGE}){_GAP}[^\s。，；！？]{{2,40}})[ \t\u3000]*$"
)


def _footer_lines(ctx: Context) -> Iterator[Finding]:
    """Lines that are a page's header or footer with its page number (see :data:`_FOOTER`): the whole line goes."""
    source = ctx.doc.source
    for para in ctx.doc.prose:
        if len(para.text) > 60 or "页" not in para.text:
            continue
        m = _FOOTER.match(para.text)
        if m is None:
            continue
        page = m.span("page") if m.group("page") else m.span("first")
        span = para.span(*page)
        yield Finding(
            span,
            f"“{para.text[page[0] : page[1]]}”是随正文复制过来的页眉页脚中的页码，这一行应删除",
            fix=Fix.unsafe(Edit(_whole_lines(source, span), "")),
        )


def _whole_lines(source: str, span: Span) -> Span:
    """The lines ``span`` stands on, their line break included: what deleting a header or footer line removes."""
    line_start = source.rfind("\n", 0, span.start) + 1
    line_end = source.find("\n", span.end)
    return Span(line_start, len(source) if line_end < 0 else line_end + 1)


# --- GA004 -------------------------------------------------------------------------------------


@check("GA004")
def repeated_header_footer(ctx: Context) -> Iterator[Finding]:
    running = ctx.views.running_lines
    if not running:
        return
    source = ctx.doc.source
    for para in ctx.doc.paragraphs:
        count = running.get(para.index)
        if count is None:
            continue
        text = para.text.strip(_BLANKS)
        lead = para.text.index(text[0])
        visible = para.span(lead, lead + len(text))
        yield Finding(
            visible,
            f"“{_shown(text, 16)}”在文中出现{count}次，且出现在分页处，像是随正文复制过来的页眉或页脚，应删除",
            fix=Fix.unsafe(Edit(_whole_lines(source, visible), "")),
        )
