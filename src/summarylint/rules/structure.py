"""Family ST (document structure): headings that end in punctuation, empty sections, Markdown depth."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Format, Paragraph
from summarylint.outline import Family, Group, Heading
from summarylint.outline.markers import subheading_inside
from summarylint.readers.markdown import ATX_NO_SPACE
from summarylint.rules.base import Context, check
from summarylint.source import Span
from summarylint.text.chars import CJK, CJK_CHAR

_TRAILING = "。；，、：:;,"
_HASHES = re.compile(r" {0,3}(#{1,6})")


#: Words that end a lead-in clause (``……进展有：`` ``……如下：``): without its colon the line is no heading.
_LEAD_IN = re.compile(r"(?:有|是|为|如下|包括|以下|如|即|在于|主要是|分别是|情况|认为|觉得|看法)$")


def _options(heading: Heading) -> bool:
    """A question followed by lettered options (``1、您认为……：`` ``A.……`` ``B.……``): a questionnaire item."""
    return any(g.first.marker.family is Family.LATIN for g in heading.children)


#: A heading run into its body (（一）着力提升教育质量。深化课堂教学改革……) carries at least this many characters after
#: the full stop that ends its title.
RUN_IN_BODY = 15


def _runs_in(heading: Heading) -> bool:
    """Whether ``heading`` is run into a body of its own: its title ends with a full stop and sentences follow."""
    title = heading.title
    stop = title.find("。")
    return not heading.standalone and stop > 0 and len(title) - stop - 1 >= RUN_IN_BODY


def _sections(group: Group, run_in: bool = False) -> bool:
    """Siblings that head sections of their own (most of them have body text or sub-headings, or, with ``run_in``,
    run into their body; or they are Markdown headings), not the entries of a list that each end like a sentence."""
    if any(h.paragraph.kind is BlockKind.HEADING for h in group.items):
        return True
    return sum(1 for h in group.items if h.has_content or (run_in and _runs_in(h))) * 2 > len(group.items)


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
    fused: list[int] | None = None  # where ST007 reports a heading run into its body, found on the first need
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
        if any(ch in "。！？!?" for ch in text[start:-1]):
            continue  # a heading that holds its body's sentences (## 三、存在的问题。一年来，……：): ST007's
        if fused is None:
            fused = [f.span.start for f in heading_body_fused(ctx)]
        if any(para.start <= at < para.end for at in fused):
            continue  # a title run into its body's sentence (### （五）……遗产全镇现有……6项。): the mark is the body's
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


#: The most characters of a section's body that is only the start of one (为: the writer stopped after a word).
STUB_MAX = 2
#: Bodies that say there is nothing to say (其他事项 / 无): a section written in full.
_NOTHING_TO_SAY = frozenset({"无", "暂无", "没有", "略", "从略", "同上", "见上", "见后", "不详"})


def _stub(ctx: Context, heading: Heading, places: dict[int, int]) -> Paragraph | None:
    """The only body paragraph of ``heading`` when it is a stub: at most :data:`STUB_MAX` Chinese characters and no
    mark, followed by a heading that is not the section's own (a sibling or an outer one) or by nothing.  ``places``:
    each prose paragraph's place among them, by its index."""
    prose = ctx.doc.prose
    at = places.get(heading.paragraph.index)
    if at is None or at + 1 >= len(prose):
        return None
    body = prose[at + 1]
    text = body.text.strip(" \u3000")
    if not 0 < len(text) <= STUB_MAX or not all(CJK_CHAR.match(ch) for ch in text) or text in _NOTHING_TO_SAY:
        return None
    by_paragraph = ctx.views.outline.by_paragraph
    if body.index in by_paragraph:
        return None
    after = prose[at + 2] if at + 2 < len(prose) else None
    if after is None:
        return body
    other = by_paragraph.get(after.index)
    return body if other is not None and other.parent is not heading else None


def _only_site_text(ctx: Context, heading: Heading, places: dict[int, int]) -> bool:
    """Whether everything between ``heading`` and the next heading that is not its own (a sibling or an outer one) is
    a template site's text from end to end (TB001 reports it: a disclaimer, an advert): the section has no body."""
    prose = ctx.doc.prose
    at = places.get(heading.paragraph.index)
    if at is None:
        return False
    site = ctx.views.boilerplate_paragraphs
    by_paragraph = ctx.views.outline.by_paragraph
    seen = False
    for body in prose[at + 1 :]:
        other = by_paragraph.get(body.index)
        if other is not None:
            return seen and other.parent is not heading
        if body.index not in site:
            return False
        seen = True
    return False


def _phrase(heading: Heading) -> bool:
    """A heading phrase (``（二）强化安全管理``), not a list entry that ends like a sentence."""
    title = heading.title
    return (
        heading.standalone
        and len(title) >= 2
        and title[-1] not in _TRAILING
        and title[-1] not in "）)"
        and CJK_CHAR.search(title) is not None
    )


def _spaced(ctx: Context) -> bool:
    """Whether the document separates most paragraphs with blank lines."""
    separated = sum(1 for p in ctx.doc.paragraphs if p.blank_before > 0)
    return separated * 2 > len(ctx.doc.paragraphs)


def _tight(group: Group, spaced: bool) -> bool:
    """Items on consecutive lines in a document that otherwise separates paragraphs with blank lines
    (``spaced``): a list, not a series of sections."""
    return spaced and all(h.paragraph.blank_before == 0 for h in group.items[1:])


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
    spaced = _spaced(ctx)
    places: dict[int, int] | None = None  # (each prose paragraph's place, made when a stub is first looked for)
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
        if not _sections(group, run_in=True) or group.first.marker.start > 0 or _tight(group, spaced):
            continue  # (a list introduced in running text, such as 附件：1.……, is not a set of sections)
        for heading in group.items:
            if not _phrase(heading):
                continue
            if heading.has_content:
                if places is None:
                    places = {p.index: i for i, p in enumerate(ctx.doc.prose)}
                if _only_site_text(ctx, heading, places):
                    para = heading.paragraph
                    yield Finding(
                        para.span(0, len(para.text.rstrip(" \u3000"))),
                        f"标题“{para.text.strip()[:20]}”下只有范文网站的文字，没有正文，紧接着就是同级或上级标题",
                    )
                    continue
                stub = _stub(ctx, heading, places)
                if stub is not None:
                    text = stub.text.strip(" \u3000")
                    start = stub.text.index(text)
                    yield Finding(
                        stub.span(start, start + len(text)),
                        f"标题“{heading.paragraph.text.strip()[:20]}”下只写了“{text}”，正文没有写完，紧接着就是下一个标题",
                    )
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
    by_level: dict[tuple[int, int, str], list[Heading]] = defaultdict(list)
    for heading in outline.headings:
        if heading.paragraph.kind is BlockKind.HEADING and heading.paragraph.depth:
            by_level[(heading.marker.level, heading.group.depth, heading.marker.family.value)].append(heading)
    usual: dict[tuple[int, int, str], int] = {}
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
        if upper[0] < lower[0] and upper[1] <= lower[1] and usual[lower] < usual[upper]:
            heading = by_level[lower][0]
            yield Finding(
                heading.paragraph.span(0, len(heading.paragraph.text)),
                f"Markdown 标题层级与序号层级颠倒：下级序号“{heading.marker.text}”用了 {'#' * usual[lower]}，"
                f"上级序号却用了 {'#' * usual[upper]}",
            )


# --- Markdown markup that does not render as the writer meant -----------------------------------

#: ``##整体总结``: hashes at the start of a line, then Chinese text with no space (a hashtag ``#话题#`` and
#: unit numbers such as ``#1机组`` are left alone).
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
        for m in ATX_NO_SPACE.finditer(source, para.start, para.end):
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


@check("ST023")
def markdown_heading_increment(ctx: Context) -> Iterator[Finding]:
    """A Markdown heading more than one level below the heading before it (## then ####)."""
    if not _markdown(ctx):
        return
    previous = 0
    source = ctx.doc.source
    for para in ctx.doc.paragraphs:
        if para.kind is not BlockKind.HEADING or para.depth == 0:
            continue
        if previous and para.depth > previous + 1:
            line = source[para.start : para.end]
            start = para.start + len(line) - len(line.lstrip(" "))
            end = start
            while end < para.end and source[end] == "#":
                end += 1
            if end - start == para.depth:  # an ATX heading (a setext or Word heading has no hashes to fix)
                span = Span(start, end)
                right = "#" * (previous + 1)
                yield Finding(
                    span,
                    f"标题层级跳级：上一个标题是 {previous} 级（{'#' * previous}），这里直接用了 {para.depth} 级"
                    f"（{'#' * para.depth}），应为 {previous + 1} 级（{right}）",
                    fix=Fix.unsafe(Edit(span, right)),
                )
        previous = para.depth


# --- The title (ST001-ST004) ----------------------------------------------------------------------

#: A title is at least and at most this long (``张三。`` is a sentence).
TITLE_MIN, TITLE_MAX = 6, 60
_GENRE = re.compile(r"总结|小结|述职|报告|汇报|工作情况")
#: Other genres a document may legitimately be (ST002 leaves them alone).
_OTHER_GENRE = re.compile(r"发言|讲话|材料|计划|方案|要点|通知|意见|纪要|简报|心得|体会|规划|办法|制度|总体|提纲")
_SALUTATION = re.compile(
    r"(?:您好|你好|大家好|各位|同志们|朋友们|领导)[，,！!：:]?$|[！!]$|^(?:各位|尊敬的|亲爱的|同志们)"
)
_SPEECH = re.compile(r"(?:各位|尊敬的|同志们|代表们|女士们)[^。！？]{0,12}[：:，,！!]")
_INVISIBLE = " \u3000\t\u200b\u200c\u200d\ufeff"
#: (a title ending in ： introduces the text like a salutation line and is left alone)
_TITLE_END = "。，、；.,;"
_GENRE_END = re.compile(
    r"(?:总结|小结|述职|报告|汇报|情况|发言|讲话|材料|计划|方案|要点|通知|意见|纪要|简报|心得|体会|规划)$"
)
_TITLE_INNER = re.compile(r"[，。；：,;:!?！？]")
_SENTENCE = re.compile(r"[。！？!?；;]")


def _opening(ctx: Context) -> Paragraph | None:
    for para in ctx.doc.prose:
        if para.text.strip(" \u3000\t"):
            return para
    return None


def _title(ctx: Context) -> Paragraph | None:
    """The document's title: its first paragraph when that is a short line without an ordinal, not a
    salutation (``各位领导：`` ``开发成员们，您好！``) and not a sentence."""
    para = _opening(ctx)
    if para is None or para.index in ctx.views.markers or para.kind not in (BlockKind.BODY, BlockKind.HEADING):
        return None
    if not any(p.index > para.index and p.text.strip(_INVISIBLE) for p in ctx.doc.prose):
        return None  # a lone paragraph is a fragment, not a titled document
    text = para.text.strip(_INVISIBLE)
    if (
        len(text) < TITLE_MIN
        or len(text) > TITLE_MAX
        or _SALUTATION.search(text)
        or _SENTENCE.search(text[:-1])
        or text.count("，") > 1
        or ("，" in text and text.endswith("。"))  # a clause and a full stop: a sentence
    ):
        return None
    if text.endswith(("：", ":")) and not _GENRE.search(text):
        return None  # 市委组织部： is the recipient line
    return para


def _bounds(para: Paragraph) -> tuple[int, int]:
    text = para.text
    start = len(text) - len(text.lstrip(_INVISIBLE))
    return start, len(text.rstrip(_INVISIBLE))


@check("ST001")
def title_missing(ctx: Context) -> Iterator[Finding]:
    para = _opening(ctx)
    if para is None or len(ctx.doc.prose) < 3:
        return  # a fragment
    start, end = _bounds(para)
    text = para.text[start:end]
    if _SALUTATION.search(text[:6]):
        return  # a speech or a letter opens with its salutation
    heading = ctx.views.outline.heading_at(para.index)
    if heading is not None and heading.marker.level <= 5:
        why = f"以序号“{heading.marker.text or heading.marker.canonical}”开头"
    elif text.endswith("。") and len(text) > 20:
        why = "是一句正文"
    else:
        return
    yield Finding(
        para.span(start, min(end, start + 20)),
        f"文稿开头{why}，缺少标题；工作总结的标题一般由单位、时限、事由和文种组成，如“××局2024年上半年工作总结”",
    )


@check("ST002")
def title_genre_word(ctx: Context) -> Iterator[Finding]:
    para = _title(ctx)
    if para is None:
        return
    start, end = _bounds(para)
    text = para.text[start:end]
    if len(text) < 4 or _GENRE.search(text) or _OTHER_GENRE.search(text):
        return
    if not re.search(r"工作|年度|季度|半年|月份|上半年|下半年", text):
        return  # only titles that name a period or work (a summary) but no genre
    yield Finding(
        para.span(start, end),
        f"标题“{text}”没有文种，读者看不出这是总结还是报告；应写明“工作总结”“述职报告”等",
    )


@check("ST003")
def title_trailing_punct(ctx: Context) -> Iterator[Finding]:
    para = _title(ctx)
    if para is None:
        return
    start, end = _bounds(para)
    text = para.text[start:end]
    if len(text) < 3 or text[-1] not in _TITLE_END:
        return
    if para.kind is not BlockKind.HEADING and not _GENRE_END.search(text[:-1]):
        return  # a line that does not end with a genre word may be a sentence: removing its mark is no safe fix
    yield Finding(
        para.span(end - 1, end),
        f"标题末尾不加标点，“{text}”末尾的“{text[-1]}”应删去",
        fix=Fix.safe(Edit(para.span(end - 1, end), "")),
    )


@check("ST004")
def title_inner_punct(ctx: Context) -> Iterator[Finding]:
    para = _title(ctx)
    if para is None:
        return
    start, end = _bounds(para)
    text = para.text[start : end - 1]  # (a mark at the end is ST003's)
    for m in _TITLE_INNER.finditer(text):
        at = start + m.start()
        yield Finding(
            para.span(at, at + 1),
            f"标题中一般不用“{m.group()}”；可改写标题或用空格、破折号分隔副题",
        )


# --- Heading fused with its body (ST007) ----------------------------------------------------------

_FUSED_MIN = 30
_BODY_END = "。！？；：…”’）》!?;:)"


@check("ST007")
def heading_body_fused(ctx: Context) -> Iterator[Finding]:
    prose = [p for p in ctx.doc.prose if p.text.strip()]
    reported: set[int] = set()  # paragraphs reported once: the later ways look no further at them
    for para, nxt in itertools.pairwise(prose):
        if para.kind is not BlockKind.HEADING:
            continue
        text = para.text.rstrip(" \u3000")
        stop = text.find("。")
        if len(text) <= _FUSED_MIN or stop < 0 or stop == len(text) - 1 or text[-1] in _BODY_END:
            continue
        if nxt.kind is BlockKind.HEADING or not CJK_CHAR.match(nxt.text.lstrip(" \u3000")):
            continue
        reported.add(para.index)
        yield Finding(
            para.span(stop + 1, len(text)),
            f"标题和正文连在了一起：“{text[stop + 1 :][:12]}”是正文的开头，下一段“{nxt.text.strip()[:8]}”是它的后半句；"
            "标题应在“。”前结束，正文另起一段",
        )
    yield from _subheading_fused(ctx, reported)
    yield from _run_together(ctx, reported)
    yield from _sibling_fused(ctx, reported)


def _subheading_fused(ctx: Context, reported: set[int]) -> Iterator[Finding]:
    """Headings of the first two levels run into the first item of the level below (（三）慢性病防治工作 1. 慢性病……
    监测。扎实开展……; （四）全民健身蓬勃开展1.体育场地……): the title is short, and a first marker of the next levels
    follows its last Chinese character."""
    for para in ctx.doc.prose:
        marker = ctx.views.markers.get(para.index)
        if marker is None or marker.level not in (1, 2) or para.index in reported:
            continue
        m = subheading_inside(para.text, marker.end)
        if m is None:
            continue
        reported.add(para.index)
        title = para.text[marker.end : m.start()].strip(" \u3000")
        yield Finding(
            para.span(m.start("marker"), m.end("marker")),
            f"标题和下一级标题连在了一起：“{title}”之后的“{m.group('marker')}{para.text[m.end() : m.end() + 8]}……”"
            "是下一级的第一个标题，应另起一段",
        )


#: The last words of a heading of the first or second level (加强环境综合整治, 存在的问题, 治理模式) ...
_HEADING_END = (
    "工作|整治|治理|建设|管理|管控|问题|情况|模式|不足|成效|体系|机制|服务|保障|措施|打算|思路|目标|任务|能力|水平"
    "|作风|队伍|发展|改革|宣传|教育|培训|监督|监管|防控|帮扶|活动|环境|民生|党建|成绩|经验|做法|亮点"
)
#: ... and the first words of a body that follows one with its line break lost (上半年，我们……; 将辖区划分为……; the
#: opening of a section of problems: 在肯定成绩的同时，).
_BODY_START = (
    "上半年|下半年|今年以来|年初以来|今年|全年|一年来|本年度|年内|近年来|目前|截至|截止|我们|我局|我镇|我乡|我院|我校|我站"
    "|我所|我中心|我单位|我部门|本人|本单位|全镇|全县|全市|全区|全乡|通过|针对|围绕|按照|全面落实|始终|一是|虽然|由于"
    "|在(?:肯定|看到|取得|总结)成绩的同时|20\\d\\d年(?=[，,])"
)
_RUN_TOGETHER = re.compile(
    rf"(?P<head>[^，。；：！？,.;:!?]{{3,18}}?(?:{_HEADING_END}))(?P<body>{_BODY_START})(?P<next>[，,]|[^，。；：！？]{{2}})"
)
#: A body opening with a time and a comma (今年以来，上半年，) follows any heading that ran into it
#: (夯实防汛物资保障基础今年以来，).
_RUN_INTO_TIME = re.compile(
    r"(?P<head>[^，。；：！？,.;:!?]{4,18}?)(?P<body>(?:今年|年初|一年)以来|上半年|下半年|全年)(?P<next>[，,])"
)
#: The least length of the first clause (up to the first mark) of a heading read as run together with its body when
#: the body's first words run on (推进信贷风险管控全年对存量贷款……): headings are short, a clause this long holds more.
#: A body opening with a time and a comma (整治上半年，) is read whatever the length.
_RUN_MIN = 16
#: The least length of the rest of the paragraph after the heading: the body's sentences.
_RUN_BODY_MIN = 20


def _run_together(ctx: Context, reported: set[int]) -> Iterator[Finding]:
    """Headings of the first two levels (一、 （一）) whose line break was lost: the heading's last word runs on into
    the body's first words, with no mark between (（三）加强环境综合整治上半年，社区……)."""
    for para in ctx.doc.prose:
        marker = ctx.views.markers.get(para.index)
        if marker is None or marker.level not in (1, 2):
            continue
        text = para.text
        m = _RUN_TOGETHER.match(text, marker.end) or _RUN_INTO_TIME.match(text, marker.end)
        if m is None or len(text) - m.end("head") < _RUN_BODY_MIN:
            continue
        clause = len(text[marker.end :].split("，", 1)[0].split("。", 1)[0])
        if m.group("next") not in "，," and clause < _RUN_MIN:
            continue
        at = m.end("head")
        reported.add(para.index)
        yield Finding(
            para.span(at, at + 1),
            f"标题和正文连在了一起：标题“{m.group('head')}”之后的“{text[at : at + 10]}……”是正文，"
            "标题后应换行，正文另起一段",
        )


#: The adverbs and verbs of a predicate that ends a heading of results or tasks (服务水平稳步提升, 党的建设全面加强) or
#: opens a body's first sentence (持续深化……, 进一步完善……).
_PREDICATE_ADVERB = (
    "稳步|全面|持续|不断|逐步|显著|明显|进一步|更加|日益|大幅|扎实|深入|切实|有序|有效|大力|着力|加快|积极|认真|严格"
    "|全力|统筹|有待"
)
_PREDICATE_VERB = (
    "提升|提高|加强|增强|深化|推进|推动|完善|改善|优化|巩固|夯实|规范|落实|实施|开展|健全|强化|加大|发挥|扩大|贯彻|抓好"
    "|做好|有力|有效|见效|向好|发展|彰显|拓展|加快"
)
_PREDICATE = rf"(?:{_PREDICATE_ADVERB})(?:{_PREDICATE_VERB})"
#: The first words of a body: a time or the writer (今年以来……, 我注重……), with or without a comma after them ...
_OPENER_TIME = r"(?:今年|年初|一年)以来|上半年|下半年|全年|一年来|本年度|近年来|截至|截止"
_OPENER_WRITER = r"我们|(?<!自)我(?![国省市县区乡镇村])|本人"  # (not 自我, 我国, 我县)
_OPENER_SCENE = f"{_OPENER_TIME}|{_OPENER_WRITER}"
#: ... or a clause of its own (坚持……, 持续深化……), which goes on with its object: followed by a mark it is the
#: predicate that ends the title (厕所革命稳步推进。).
_OPENER_CLAUSE = rf"坚持(?!不懈)|{_PREDICATE}"
#: ... or the whole of the place or body the writer works for, and what it holds or did (全镇现有……6项, 我县累计……):
#: the first sentence of a body of figures, so a figure must follow before the clause ends ...
_OPENER_WHOLE = (
    r"[全我](?:镇|县|市|区|乡|村|校|院|站|所|局|厂|公司|中心|街道|社区|系统)"
    r"(?:现有|共有|拥有|已有|累计|共计|共(?![建享治同识性])|先后|新增|全年|今年)"
)
#: A figure: digits, or a number in words with its measure word (六项, 两名).
_FIGURE = r"(?:[0-9０-９]|[一二三四五六七八九十两]+(?:个|项|名|人|次|处|家|所|座|条|支|场|期|批|件))"
#: ... or a phrase that frames the body's first sentence (通过……，围绕……，), closed by a comma within a title's
#: length (``_SHORT_TITLE``); not 通过 as the verb of a result (顺利通过验收).
_OPENER_FRAME = (
    r"(?<!顺利)(?<!全部)(?<!均)"
    r"(?:通过(?!验收|审核|评审|考核|认证|审查|鉴定|论证|复核|复审|备案|了)|围绕|依托|按照|针对"
    # (以……为抓手，: the lever of the body's first sentence)
    r"|以(?=[^，。；：！？,.;:!?]{1,24}?为(?:契机|抓手|载体|主线|引领|牵引|切入点|突破口)))"
)
#: ... or that whole taking an occasion or a lever for its work (全所以“安全生产月”为契机, 全县以……为抓手).
_OPENER_OCCASION = (
    r"[全我](?:镇|县|市|区|乡|村|校|院|站|所|局|厂|公司|中心|街道|社区|系统)以"
    r"(?=[^，。；：！？,.;:!?]{1,24}?为(?:契机|抓手|载体|重点|主线|引领|牵引|目标|核心|切入点|突破口))"
)
_OPENER = re.compile(
    rf"(?P<scene>{_OPENER_SCENE})|(?P<clause>{_OPENER_CLAUSE})(?=[^，。；：！？、,.;:!?\s])"
    rf"|(?P<whole>{_OPENER_WHOLE})(?=[^，。；：！？,.;:!?]*?{_FIGURE})|(?P<occasion>{_OPENER_OCCASION})"
    rf"|(?P<frame>{_OPENER_FRAME})(?=[^，。；：！？、,.;:!?\s][^，。；：！？,.;:!?]{{1,24}}[，,])"
)
#: The verbs and adverbs a title of tasks begins with (加强……, 深化……, 扎实推进……): the predicate's words above, the
#: frequent first words of the short titles of the first four levels in the edited reports, the drafts and the
#: annotated sets (加强 坚持 推进 深化 强化 加快 持续 做好 继续 聚焦 ……), and others of their kind.  A framing phrase
#: (通过……，) opens the body only after such a title: after a subject (……改造工程通过环保部门的竣工验收，) it is the
#: subject's verb.
_TITLE_VERB = re.compile(
    rf"[ \u3000]*(?:{_PREDICATE_ADVERB}|{_PREDICATE_VERB}|坚持|继续|聚焦|促进|推动|严格|抓实|抓紧|丰富|努力|创新"
    r"|坚定|守牢|筑牢|充分|保持|从严|培育|办好|坚决|精准|打造|狠抓|精心|畅通|搞好|保障|广泛|繁荣|拓宽|建立|构建|突出|压紧|做优"
    r"|严守|化解|助力|关爱|营造|传承|保护|注重|用好|建强|弘扬|守护|织密|提质|聚力|紧扣|立足|创建|引导|培养|组织|完成|推广)"
)
#: The fixed four-character predicates a title of results ends with (经办服务提质增效, 改革纵深推进).
_SET_PREDICATE = (
    "提质增效|提速增效|提档升级|扩面提质|落地见效|见行见效|走深走实|纵深推进|成效显著|成效明显|稳中向好|稳中有进"
)
#: A title that ends with a predicate after its subject (社会事务服务水平稳步提升, 经办服务提质增效).
_PREDICATE_END = re.compile(rf"[{CJK}]{{2}}(?:{_PREDICATE}|{_SET_PREDICATE})$")
#: After such a title, a body may open with a bare verb of the tasks done and its object (……提质增效深化医保领域……
#: 改革，): a verb right after a predicate begins a clause of its own.
_TASK_OPENER = re.compile(rf"(?:{_PREDICATE_VERB})(?=[{CJK}“《])")
#: Words that take a time as their object (完成全年目标, 确保上半年……): a time after them with no comma is no body's
#: first word ...
_TIME_TAKER = re.compile(
    r"(?:完成|确保|实现|力争|争取|开展|组织|推进|落实|制定|召开|做好|抓好|部署|安排|谋划|明确|保持|提高|提升|加强|增加"
    r"|突出|聚焦|统筹|总结|回顾|覆盖|贯穿|服务|[在于对为向的至到从])$"
)
#: ... and those that take the whole of a place as theirs (盘活全镇现有闲置资产, 摸清全县现有……).
_WHOLE_TAKER = re.compile(r"(?:盘活|整合|利用|摸清|摸排|梳理|排查|普查|统计|盘点|调查|清查|核查|带动|辐射|惠及|带领)$")
#: Characters a title does not end with: the words before a verb (并将进一步……, 同时也在不断……) and those that join
#: two of them (推进……和持续深化……).
_AUXILIARY = "将要并还也会需应能可又再已在正都就才且而和与及"
_TITLE_STOPS = "。！？；：!?;:"
#: Titles of the first two levels are at most this long, to their first 。 or the end of their line, and a title that
#: runs into its body ends within this length and four more.  Measured on the headings of the first two levels of the
#: edited reports, the drafts and the annotated sets: titles of two parts (……，……) reach 21 to 26 characters, items
#: written as sentences (……，力争……。) start at 20; any value from 18 to 24 finds the same, 30 adds a false alarm on
#: the edited text (a title of 27 characters read as run on).
_SHORT_TITLE = 24
#: The least number of a heading's siblings that must be short titles, and their least share, for a heading among
#: them that does not end to be read as run into its body: the corpus finds the same with any share from one half to
#: all; three in four lets a group of four or more hold one more heading that ran on.
_SHORT_PEERS = 2
_SHORT_SHARE = 0.75
#: The levels of headings read against their siblings: 一、 （一） 1. （1）; not ① (a list's entries) or 一是 (a
#: paragraph's points, see ``Marker.level``).
_FUSED_LEVELS = (1, 2, 3, 4)


def _title_length(para: Paragraph, start: int) -> int:
    """The length of a heading's title: up to its first mark that ends a sentence, or to the end of its line."""
    text = para.text.rstrip(" \u3000")
    for i in range(start, len(text)):
        if text[i] in _TITLE_STOPS:
            return i - start
    return len(text) - start


def _titled(heading: Heading) -> bool:
    """Whether a heading is a short title that ends.  Of the first two levels: a title of at most ``_SHORT_TITLE``
    characters up to its first mark or the end of its line.  Deeper (``1.`` ``（1）``), where items are as often the
    entries of a list that each end like a sentence (``1.完善制度；`` ``2.参训率100%。``), a title that ends with 。
    and goes on with its body (``1.完善设施设备。争取……``), or one alone on its line with body text under it."""
    para, start = heading.paragraph, heading.marker.end
    length = _title_length(para, start)
    if length > _SHORT_TITLE:
        return False
    if heading.marker.level <= 2:
        return True
    text = para.text.rstrip(" \u3000")
    at = start + length
    if at == len(text):
        return heading.standalone and heading.has_content
    return text[at] == "。" and len(text) - at > _RUN_BODY_MIN


def _short_titled(ctx: Context) -> dict[Heading, bool]:
    """Headings of the first four levels whose siblings are short titles that end (see :func:`_titled`): a heading
    among such siblings that runs on has lost its end.  The siblings are those of its group (under the same heading);
    a group of two is judged with the family's headings in the whole document."""
    by_family: dict[tuple[str, str], list[Heading]] = defaultdict(list)
    for heading in ctx.views.outline.headings:
        if heading.marker.level in _FUSED_LEVELS:
            by_family[heading.marker.group_key].append(heading)
    short = {h: _titled(h) for hs in by_family.values() for h in hs}
    in_group: Counter[int] = Counter()  # short titles per group (by identity): counted once, not per heading
    for heading, is_short in short.items():
        in_group[id(heading.group)] += is_short

    def enough(count: int, total: int) -> bool:
        return count >= _SHORT_PEERS and count >= _SHORT_SHARE * total

    result: dict[Heading, bool] = {}
    for headings in by_family.values():
        in_family = sum(short[h] for h in headings)
        for heading in headings:
            own = short[heading]
            group = len(heading.group.items) - 1
            group_short = in_group[id(heading.group)] - own
            if group >= _SHORT_PEERS:
                result[heading] = enough(group_short, group)
            else:
                result[heading] = group_short == group and enough(in_family - own, len(headings) - 1)
    return result


def _junction(text: str, start: int) -> int | None:
    """Where a title of at most two parts (加强班级管理，营造良好班风) ends and a body's first words begin: after a
    predicate that ends the title when a body's opener follows, else before the first opener.  An opener after a
    comma begins the title's second part, and one after a space follows a title already set apart (**2.……** 坚持……)."""
    end = start
    commas = 0
    while end < min(len(text), start + _SHORT_TITLE + 4) and text[end] not in _TITLE_STOPS:
        if text[end] in "，,":
            commas += 1
            if commas > 1:
                break
        end += 1
    candidates = [
        j
        for j in range(start + 4, end)
        if text[j - 1] not in "，,、 \u3000\t" and CJK_CHAR.match(text[j]) and _OPENER.match(text, j)
    ]
    for j in candidates:
        if _PREDICATE_END.search(text, start, j):
            return j
    for j in range(start + 6, end):
        if _TASK_OPENER.match(text, j) and _PREDICATE_END.search(text, start, j):
            return j
    for j in candidates:
        if text[j - 1] in _AUXILIARY:
            continue
        m = _OPENER.match(text, j)
        if m is None:
            continue
        if m.group("scene") and text[m.end() : m.end() + 1] not in "，," and _TIME_TAKER.search(text, start, j):
            continue
        if (m.group("whole") or m.group("occasion")) and (
            _TIME_TAKER.search(text, start, j) or _WHOLE_TAKER.search(text, start, j)
        ):
            continue
        if m.group("frame") and not _TITLE_VERB.match(text, start):
            continue
        return j
    return None


#: A title of four to sixteen characters with no mark, then a space and Chinese text (（一）加强政治建设 全面落实……)
_SPACE_JUNCTION = re.compile(r"[ \u3000]*(?P<title>[\u4e00-\u9fff“”、]{4,16})[ \u3000]+(?=[\u4e00-\u9fff])")


def _sentence_heading(heading: Heading, text: str, start: int) -> bool:
    """Whether a Markdown heading is a whole sentence (### （二）病历质控管理全面推行电子病历系统内涵质控，实现……。): a
    clause, a comma, more, and a full stop at the end, longer than a title may be, among siblings that are titles
    with neither (a writer whose headings are all sentences writes them so on purpose)."""
    body = text[start:]
    if heading.paragraph.kind is not BlockKind.HEADING or not body.endswith("。") or "，" not in body:
        return False
    others = [h for h in heading.group.items if h is not heading]
    return len(body) > _SHORT_TITLE and bool(others) and not any(_punctuated(h) for h in others)


def _punctuated(heading: Heading) -> bool:
    """Whether a heading's title holds a comma or ends with a full stop."""
    return heading.title.endswith("。") or "，" in heading.title


#: The least number of a run-in heading's siblings, all titles alone on their lines with a body under them, for its
#: title and 。 to be read as a line break lost (see :func:`_among_standalone`).
_STANDALONE_PEERS = 2


def _among_standalone(heading: Heading) -> bool:
    """Whether every sibling of ``heading`` (at least :data:`_STANDALONE_PEERS`) is a title alone on its line with body
    text or sub-headings under it: a writer who sets every other heading apart did not mean this one to run in."""
    others = [h for h in heading.group.items if h is not heading]
    if not heading.children and all(h.children for h in others):
        return False  # (the siblings stand alone above their sub-headings; one with none writes its text after its 。)
    return len(others) >= _STANDALONE_PEERS and all(h.standalone and h.has_content for h in others)


def _sibling_fused(ctx: Context, reported: set[int]) -> Iterator[Finding]:
    """Headings of the first two levels that run into their body where their siblings are short titles that end.

    A heading with no end (（三）从严抓好安全生产持续深化……) ends where the body's first words begin (a time, the
    writer, a clause of its own).  A heading whose title ends with 。 and goes on with sentences (### （二）……有待
    提高。部分……, or a paragraph （三）……更加专业。全年……) holds its body when its sibling headings are titles alone
    (a Markdown heading's siblings, or all of a paragraph's siblings alone on their lines)."""
    evidence = _short_titled(ctx)
    stops: Counter[int] = Counter(id(h.group) for h in evidence if "。" in h.paragraph.text)  # headings with a 。
    for heading in ctx.views.outline.headings:
        para = heading.paragraph
        if not evidence.get(heading) or para.index in reported:
            continue
        start = heading.marker.end
        text = para.text.rstrip(" \u3000")
        spaced = _SPACE_JUNCTION.match(text, start)
        if spaced and ctx.doc.format is not Format.MARKDOWN and _among_standalone(heading):
            # （一）加强政治建设 全面落实……: where every sibling stands alone, a space is the line break lost (a
            # Markdown document's bold run-in title and a space, **2.……** 坚持……, is a style of its own)
            gap = spaced.end("title")
            if len(text) - spaced.end() >= _RUN_BODY_MIN and re.search("[，。；,;]", text[spaced.end() :]):
                title, body = spaced.group("title"), text[spaced.end() : spaced.end() + 10]
                yield Finding(
                    para.span(gap, spaced.end()),
                    f"标题和正文连在了一起：标题“{title}”之后只隔着空格就接着写“{body}……”，"
                    "同级的其他标题都单独成行；标题后应换行，正文另起一段",
                )
                continue
        length = _title_length(para, start)
        if length <= _SHORT_TITLE:
            at = start + length + 1  # after the title's 。 in a heading whose siblings have none
            if (
                (para.kind is not BlockKind.HEADING and not _among_standalone(heading))
                or text[at - 1 : at] != "。"
                or len(text) - at < _RUN_BODY_MIN
                or stops[id(heading.group)] > 1  # a sibling has its 。 too
            ):
                continue
            title = text[start : at - 1].strip(" \u3000")
            yield Finding(
                para.span(at, at + 1),
                f"标题和正文连在了一起：标题“{title}”之后的“{text[at : at + 10]}……”是正文，"
                "同级的其他标题都只有标题；正文应另起一段，标题末尾不加句号",
            )
            continue
        found = _junction(text, start)
        if found is None and _sentence_heading(heading, text, start):
            yield Finding(
                para.span(start, len(text)),
                f"标题和正文连在了一起：标题“{text[start : start + 12]}……”是一句带逗号、以句号结束的话，"
                "同级的其他标题都是短标题；标题应只留短语，正文另起一段",
            )
            continue
        if found is None or len(text) - found < _RUN_BODY_MIN or not re.search("[，。；,;]", text[found:]):
            continue
        title = text[start:found].strip(" \u3000")
        yield Finding(
            para.span(found, found + 1),
            f"标题和正文连在了一起：标题“{title}”之后的“{text[found : found + 10]}……”是正文，"
            "同级的其他标题都单独成行或以句号结束；标题后应换行或加句号，正文另起一段",
        )


# --- Sections a work summary is expected to have (ST009, ST010) -----------------------------------

_SUMMARY_TITLE = re.compile(r"总结|小结")
_PROBLEMS = re.compile(r"存在的?(?:主要)?问题|问题(?:和|与|及)|不足|差距|短板|薄弱环节|困难|教训|失误|欠缺|改进")
_NEXT_STEPS = re.compile(
    r"下一步|下步|下半年|明年|来年|今后|打算|工作(?:思路|计划|安排|重点|目标)|努力方向|展望|计划|设想|\d{4}年(?:的)?(?:工作)?(?:目标|规划)"
)
#: A summary shorter than this may legitimately be a note of achievements only.
_SUMMARY_MIN = 400


def _summary_title(ctx: Context) -> Paragraph | None:
    para = _title(ctx)
    if para is None or not _SUMMARY_TITLE.search(para.text) or "述职" in para.text:
        return None
    if sum(len(p.text) for p in ctx.doc.prose) < _SUMMARY_MIN:
        return None
    return para


def _section(ctx: Context, pattern: re.Pattern[str], what: str, example: str) -> Iterator[Finding]:
    para = _summary_title(ctx)
    if para is None or any(pattern.search(p.text) for p in ctx.doc.prose):
        return
    start, end = _bounds(para)
    yield Finding(
        para.span(start, end),
        f"这篇总结没有写{what}（找不到“{example}”一类的标题或段落）；工作总结一般包括成绩、问题和下一步打算",
    )


@check("ST009")
def missing_problems_section(ctx: Context) -> Iterator[Finding]:
    yield from _section(ctx, _PROBLEMS, "存在的问题和不足", "存在的问题")


@check("ST010")
def missing_next_steps_section(ctx: Context) -> Iterator[Finding]:
    yield from _section(ctx, _NEXT_STEPS, "下一步的工作打算", "下一步工作打算")


# --- The closing block: signature and date (ST011, ST012) -----------------------------------------

_CN_DATE_DIGITS = "〇零一二三四五六七八九"
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_FULL_DATE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|[{_CN_DATE_DIGITS}]{{4}}年[一二三四五六七八九十]{{1,3}}月[一二三四五六七八九十]{{1,3}}日"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
)
_CLOSING_LINE_MAX = 30
_DATE_LINE = re.compile(
    r"(?P<cn>[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"|(?P<pad>(?P<py>\d{4})年(?P<pm>\d{1,2})月(?P<pd>\d{1,2})日)"
    r"|(?P<sep>(?P<sy>\d{4}|\d{2})(?P<s>[./-])(?P<sm>\d{1,2})(?P=s)(?P<sd>\d{1,2}))(?![\d./-])"
    r"|(?P<short>(?<!\d)(?P<ty>\d{2})年(?P<tm>\d{1,2})月(?P<td>\d{1,2})日)"
)


def _closing(ctx: Context) -> list[Paragraph]:
    """The last three non-empty paragraphs, when they are short lines (署名、成文日期)."""
    prose = [p for p in ctx.doc.prose if p.text.strip(" \u3000\t")]
    return [p for p in prose[-3:] if len(p.text.strip()) <= _CLOSING_LINE_MAX]


@check("ST011")
def signature_date_missing(ctx: Context) -> Iterator[Finding]:
    prose = [p for p in ctx.doc.prose if p.text.strip(" \u3000\t")]
    if len(prose) < 5:
        return
    if any(_FULL_DATE.search(p.text) for p in prose[-3:]):
        return
    if any(_SPEECH.match(p.text.strip(_INVISIBLE)) for p in prose[:4]):
        return  # a speech (各位代表： 同志们：) is delivered, not signed and dated
    if any(_FULL_DATE.search(p.text) and "会议上" in p.text for p in prose[:4]):
        return  # nor one whose subtitle dates it (——2024年3月5日在……会议上)
    last = prose[-1]
    start, end = _bounds(last)
    yield Finding(
        last.span(start, end),
        "文末没有成文日期：署名下应写明“2024年6月30日”这样年月日齐全的日期（GB/T 9704-2012 §7.3.5）",
    )


def _cn_number(text: str) -> int:
    """一 … 三十一 (month and day in Chinese numerals)."""
    from summarylint.outline.markers import chinese_numeral_value

    value = chinese_numeral_value(text)
    return value or 0


def _conversion(m: re.Match[str]) -> tuple[str, str] | None:
    """The date written as GB/T 9704-2012 wants it, and what was wrong; None when it is right."""
    if m.group("cn"):
        text = m.group("cn")
        year_text, rest = text.split("年", 1)
        month_text, day_text = rest.rstrip("日").split("月")
        year = year_text.translate(_YEAR_DIGITS)
        month, day = _cn_number(month_text), _cn_number(day_text)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{year}年{month}月{day}日", "用了汉字数字（GB/T 9704-2012 改为阿拉伯数字，1999 年版用汉字）"
    if m.group("pad"):
        return None  # a month or day padded with 0 is NB010's, in every date of the document
    if m.group("sep"):
        year = m.group("sy")
        if len(year) == 2:
            return None  # 24.6.30 is ambiguous: reported without a fix below
        return f"{year}年{int(m.group('sm'))}月{int(m.group('sd'))}日", f"用“{m.group('s')}”分隔年月日"
    return None


@check("ST012")
def issue_date_format(ctx: Context) -> Iterator[Finding]:
    for para in _closing(ctx):
        text = para.text
        for m in _DATE_LINE.finditer(text):
            # a date line holds the date (and perhaps the signing unit), not a sentence
            if "。" in text or "，" in text:
                continue
            if m.group("short") or (m.group("sep") and len(m.group("sy")) == 2):
                yield Finding(
                    para.span(m.start(), m.end()),
                    f"成文日期“{m.group()}”的年份应写全称（如“2024年”），"
                    "年月日用阿拉伯数字写全（GB/T 9704-2012 §7.3.5.4）",
                )
                continue
            converted = _conversion(m)
            if converted is None:
                continue
            right, why = converted
            yield Finding(
                para.span(m.start(), m.end()),
                f"成文日期“{m.group()}”{why}，应写作“{right}”（GB/T 9704-2012 §7.3.5.4）",
                fix=Fix.safe(Edit(para.span(m.start(), m.end()), right)),
            )
