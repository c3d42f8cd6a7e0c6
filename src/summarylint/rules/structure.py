"""Family ST (document structure): headings that end in punctuation, empty sections, Markdown depth."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Format, Paragraph
from summarylint.outline import Family, Group, Heading
from summarylint.rules.base import Context, check
from summarylint.source import Span

_TRAILING = "。；，、：:;,"
_HASHES = re.compile(r" {0,3}(#{1,6})")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


#: Words that end a lead-in clause (``……进展有：`` ``……如下：``): without its colon the line is no heading.
_LEAD_IN = re.compile(r"(?:有|是|为|如下|包括|以下|如|即|在于|主要是|分别是|情况|认为|觉得|看法)$")


def _options(heading: Heading) -> bool:
    """A question followed by lettered options (``1、您认为……：`` ``A.……`` ``B.……``): a questionnaire item."""
    return any(g.first.marker.family is Family.LATIN for g in heading.children)


def _sections(group: Group) -> bool:
    """Siblings that head sections of their own (most of them have body text or sub-headings, or they are
    Markdown headings), not the entries of a list that each end like a sentence."""
    if any(h.paragraph.kind is BlockKind.HEADING for h in group.items):
        return True
    return sum(1 for h in group.items if h.has_content) * 2 > len(group.items)


def _ending(para: Paragraph) -> str:
    text = para.text.rstrip(" \u3000")
    return text[-1] if text else ""


@check("ST005")
def heading_trailing_punct(ctx: Context) -> Iterator[Finding]:
    outline = ctx.views.outline
    unnumbered: dict[int, list[Paragraph]] = defaultdict(list)  # Markdown headings without an ordinal, by depth
    for para in ctx.doc.prose:
        if para.kind is BlockKind.HEADING and outline.heading_at(para.index) is None:
            unnumbered[para.depth].append(para)
    for para in ctx.doc.prose:
        heading = outline.heading_at(para.index)
        siblings: list[Paragraph] = []
        if heading is None:
            if para.kind is not BlockKind.HEADING:
                continue
            level, start = 1, 0
            siblings = unnumbered[para.depth]
        else:
            # a numbered list item (nothing under it) is a sentence, not a heading
            if para.kind is BlockKind.LIST_ITEM or not heading.standalone:
                continue  # a bulleted entry is a list item, not a heading
            if not (heading.has_content or para.kind is BlockKind.HEADING):
                continue
            if not _sections(heading.group) or _options(heading):
                continue
            level, start = heading.marker.level, heading.marker.end
            siblings = [h.paragraph for h in heading.group.items]
        text = para.text.rstrip(" \u3000")
        if len(text) <= start + 1 or text[-1] not in _TRAILING:
            continue
        mark = text[-1]
        if mark in "，,、" and any(ch in "，,；;" for ch in text[start:-1]):
            continue  # a sentence cut off mid-way (a page break), not a heading: see GA001
        same_end = sum(1 for h in siblings if _ending(h) == mark)
        if same_end >= 2 and same_end * 2 > len(siblings):
            continue  # the house style of these headings (every one ends with ：), not a slip
        if mark == "。":
            severity = Severity.INFO  # often a run-in heading whose body was set as its own paragraph
        elif mark in "：:" or level <= 2:
            severity = Severity.WARNING
        else:
            severity = Severity.INFO
        shown = f"“{text[start:]}”" if len(text) - start <= 20 else f"“…{text[-12:]}”"
        edit = Edit(para.span(len(text) - 1, len(text)), "")
        # without its colon a lead-in clause (……进展有：) reads as a broken sentence: a suggestion only
        safe = level <= 2 and mark != "。" and not (mark in "：:" and _LEAD_IN.search(text[:-1]))
        yield Finding(
            para.span(len(text) - 1, len(text)),
            f"单独成段的标题末尾不加标点，{shown}末尾的“{mark}”应删去",
            severity=severity,
            fix=Fix.safe(edit) if safe else Fix.unsafe(edit),
        )


def _phrase(heading: Heading) -> bool:
    """A heading phrase (``（二）强化安全管理``), not a list entry that ends like a sentence."""
    title = heading.title
    return (
        heading.standalone
        and len(title) >= 2
        and title[-1] not in _TRAILING
        and title[-1] not in "）)"
        and _CJK.search(title) is not None
    )


def _tight(ctx: Context, group: Group) -> bool:
    """Items on consecutive lines in a document that otherwise separates paragraphs with blank lines:
    a list, not a series of sections."""
    if all(h.paragraph.blank_before == 0 for h in group.items[1:]):
        separated = sum(1 for p in ctx.doc.paragraphs if p.blank_before > 0)
        return separated * 2 > len(ctx.doc.paragraphs)
    return False


def _marked_up_list(group: Group) -> bool:
    """Markdown headings that are really the entries of a list: numbered siblings set as headings,
    most of them with nothing under them (``#### 1.极光推送`` ``#### 2.即时通信`` …)."""
    items = group.items
    return (
        len(items) >= 2
        and all(h.paragraph.kind is BlockKind.HEADING for h in items)
        and sum(1 for h in items if not h.has_content) * 2 > len(items)
    )


def _unnumbered_empty(ctx: Context) -> Iterator[Paragraph]:
    """A Markdown heading without an ordinal that ends the document (nothing was written under it)."""
    prose = [p for p in ctx.doc.prose if p.text.strip()]
    if (
        len(prose) >= 2
        and prose[-1].kind is BlockKind.HEADING
        and ctx.views.outline.heading_at(prose[-1].index) is None
    ):
        yield prose[-1]


@check("ST006")
def heading_empty_section(ctx: Context) -> Iterator[Finding]:
    for group in ctx.views.outline.groups:
        if _marked_up_list(group):
            for heading in group.items:
                para = heading.paragraph
                yield Finding(
                    para.span(0, len(para.text.rstrip(" \u3000"))),
                    f"“{para.text.strip()[:20]}”与同组各项都是没有正文的 Markdown 标题，应是列表项，不宜设成标题",
                )
            continue
        # A list of short entries (an outline, an attachment list, a list of problems whose last entry is
        # followed by a remark) is not a set of empty sections: report only when most siblings do have
        # content of their own.
        if not _sections(group) or group.first.marker.start > 0 or _tight(ctx, group):
            continue  # (a list introduced in running text, such as 附件：1.……, is not a set of sections)
        for heading in group.items:
            if heading.has_content or not _phrase(heading):
                continue
            para = heading.paragraph
            yield Finding(
                para.span(0, len(para.text.rstrip(" \u3000"))),
                f"标题“{para.text.strip()[:20]}”下没有正文，紧接着就是同级或上级标题",
            )
    for para in _unnumbered_empty(ctx):
        yield Finding(
            para.span(0, len(para.text.rstrip(" \u3000"))),
            f"标题“{para.text.strip()[:20]}”是全文最后一段，下面没有正文",
        )


@check("ST008")
def heading_depth_mismatch(ctx: Context) -> Iterator[Finding]:
    outline = ctx.views.outline
    # headings of one rank at one depth of the outline: a sub-list (1. under 三、) is not compared with
    # top-level sections that happen to use the same kind of ordinal
    by_level: dict[tuple[int, int], list[Heading]] = defaultdict(list)
    for heading in outline.headings:
        if heading.paragraph.kind is BlockKind.HEADING and heading.paragraph.depth:
            by_level[(heading.marker.level, heading.group.depth)].append(heading)
    usual: dict[tuple[int, int], int] = {}
    for level, headings in sorted(by_level.items()):
        counts = Counter(h.paragraph.depth for h in headings)
        best = max(counts.values())
        usual[level] = next(h.paragraph.depth for h in headings if counts[h.paragraph.depth] == best)
        example = next(h for h in headings if h.paragraph.depth == usual[level])
        for heading in headings:
            depth = heading.paragraph.depth
            if depth == usual[level]:
                continue
            hashes = _HASHES.match(ctx.doc.source, heading.paragraph.start)
            fix = Fix.unsafe(Edit(Span(hashes.start(1), hashes.end(1)), "#" * usual[level])) if hashes else None
            yield Finding(
                heading.paragraph.span(0, len(heading.paragraph.text)),
                f"同级标题的 Markdown 层级不一致：“{heading.marker.text}”用了 {'#' * depth}，"
                f"同级的“{example.marker.text}”用了 {'#' * usual[level]}",
                fix=fix,
            )
    levels = sorted(usual)
    for upper, lower in itertools.pairwise(levels):
        if upper[1] <= lower[1] and usual[lower] < usual[upper]:
            heading = by_level[lower][0]
            yield Finding(
                heading.paragraph.span(0, len(heading.paragraph.text)),
                f"Markdown 标题层级与序号层级颠倒：下级序号“{heading.marker.text}”用了 {'#' * usual[lower]}，"
                f"上级序号却用了 {'#' * usual[upper]}",
            )


# --- Markdown markup that does not render as the writer meant -----------------------------------

#: ``##整体总结``: hashes at the start of a line, then Chinese text with no space (a hashtag ``#话题#`` and
#: unit numbers such as ``#1机组`` are left alone).
_ATX_NO_SPACE = re.compile(r"(?m)^ {0,3}(#{1,6})(?=(?:\*\*)?[\u3400-\u4dbf\u4e00-\u9fff])(?![^#\n]{1,30}#)")
_INDENT = re.compile(r"(?: {4}|\t| {0,3}\t)[ \t]*")


def _markdown(ctx: Context) -> bool:
    return ctx.doc.format is Format.MARKDOWN


@check("ST021")
def markdown_heading_no_space(ctx: Context) -> Iterator[Finding]:
    if not _markdown(ctx):
        return
    source = ctx.doc.source
    for para in ctx.doc.prose:
        if para.kind not in (BlockKind.BODY, BlockKind.LIST_ITEM):
            continue
        for m in _ATX_NO_SPACE.finditer(source, para.start, para.end):
            hashes = m.group(1)
            yield Finding(
                Span(m.start(1), m.end(1)),
                f"“{hashes}”后面缺少空格，Markdown 不会把这一行当作标题，“{hashes}”会原样显示",
                fix=Fix.safe(Edit(Span(m.end(1), m.end(1)), " ")),
            )


@check("ST022")
def markdown_indented_code(ctx: Context) -> Iterator[Finding]:
    if not _markdown(ctx):
        return
    source = ctx.doc.source
    previous: Paragraph | None = None
    in_code = False
    for para in ctx.doc.paragraphs:
        indent = _INDENT.match(source, para.start) if para.kind.is_prose else None
        if indent is None or para.kind in (BlockKind.HEADING, BlockKind.TABLE):
            in_code = False
        elif in_code or previous is None or previous.kind is BlockKind.HEADING:
            in_code = True
        elif para.blank_before > 0 and previous.kind is not BlockKind.LIST_ITEM:
            in_code = True  # (after a list item an indented line continues the item)
        if in_code and indent is not None:
            yield Finding(
                Span(para.start, indent.end()),
                "这一行行首缩进了 4 个以上的半角空格，Markdown 会把它显示成代码块；缩进请删去或改用全角空格",
                fix=Fix.unsafe(Edit(Span(para.start, indent.end()), "")),
            )
        previous = para
