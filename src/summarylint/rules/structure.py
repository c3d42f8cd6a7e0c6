"""Family ST (document structure): headings that end in punctuation, empty sections, Markdown depth."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind
from summarylint.outline import Group, Heading
from summarylint.rules.base import Context, check
from summarylint.source import Span

_TRAILING = "。；，、：:;,"
_HASHES = re.compile(r" {0,3}(#{1,6})")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@check("ST005")
def heading_trailing_punct(ctx: Context) -> Iterator[Finding]:
    outline = ctx.views.outline
    for para in ctx.doc.prose:
        heading = outline.heading_at(para.index)
        if heading is None:
            if para.kind is not BlockKind.HEADING:
                continue
            level, start = 1, 0
        else:
            # a numbered list item (nothing under it) is a sentence, not a heading
            if para.kind is BlockKind.LIST_ITEM or not heading.standalone:
                continue  # a bulleted entry is a list item, not a heading
            if not (heading.has_content or para.kind is BlockKind.HEADING):
                continue
            level, start = heading.marker.level, heading.marker.end
        text = para.text.rstrip(" \u3000")
        if len(text) <= start + 1 or text[-1] not in _TRAILING:
            continue
        mark = text[-1]
        if mark in "，,、" and any(ch in "，,；;" for ch in text[start:-1]):
            continue  # a sentence cut off mid-way (a page break), not a heading: see GA001
        if mark == "。":
            severity = Severity.INFO  # often a run-in heading whose body was set as its own paragraph
        elif mark in "：:" or level <= 2:
            severity = Severity.WARNING
        else:
            severity = Severity.INFO
        shown = f"“{text[start:]}”" if len(text) - start <= 20 else f"“…{text[-12:]}”"
        edit = Edit(para.span(len(text) - 1, len(text)), "")
        yield Finding(
            para.span(len(text) - 1, len(text)),
            f"单独成段的标题末尾不加标点，{shown}末尾的“{mark}”应删去",
            severity=severity,
            fix=Fix.safe(edit) if level <= 2 and mark != "。" else Fix.unsafe(edit),
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


def _spaced(ctx: Context) -> bool:
    """Whether the document separates most paragraphs with blank lines."""
    separated = sum(1 for p in ctx.doc.paragraphs if p.blank_before > 0)
    return separated * 2 > len(ctx.doc.paragraphs)


def _tight(group: Group, spaced: bool) -> bool:
    """Items on consecutive lines in a document that otherwise separates paragraphs with blank lines
    (``spaced``): a list, not a series of sections."""
    return spaced and all(h.paragraph.blank_before == 0 for h in group.items[1:])


@check("ST006")
def heading_empty_section(ctx: Context) -> Iterator[Finding]:
    spaced = _spaced(ctx)
    for group in ctx.views.outline.groups:
        # A list of short entries (an outline, an attachment list) is not a set of empty sections:
        # report only when a sibling does have content of its own.
        if not any(h.has_content for h in group.items) or group.first.marker.start > 0 or _tight(group, spaced):
            continue  # (a list introduced in running text, such as 附件：1.……, is not a set of sections)
        for heading in group.items:
            if heading.has_content or not _phrase(heading):
                continue
            para = heading.paragraph
            yield Finding(
                para.span(0, len(para.text.rstrip(" \u3000"))),
                f"标题“{para.text.strip()[:20]}”下没有正文，紧接着就是同级或上级标题",
            )


@check("ST008")
def heading_depth_mismatch(ctx: Context) -> Iterator[Finding]:
    outline = ctx.views.outline
    by_level: dict[int, list[Heading]] = defaultdict(list)
    for heading in outline.headings:
        if heading.paragraph.kind is BlockKind.HEADING and heading.paragraph.depth:
            by_level[heading.marker.level].append(heading)
    usual: dict[int, int] = {}
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
        if usual[lower] < usual[upper]:
            heading = by_level[lower][0]
            yield Finding(
                heading.paragraph.span(0, len(heading.paragraph.text)),
                f"Markdown 标题层级与序号层级颠倒：下级序号“{heading.marker.text}”用了 {'#' * usual[lower]}，"
                f"上级序号却用了 {'#' * usual[upper]}",
            )
