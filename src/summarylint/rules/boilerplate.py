"""Family TB: text that 范文/template websites add to a document (promotion lines, compilation
titles, anchor text, writing advice, watermarks).

These rules read the paragraphs themselves, not the content blocks: a paragraph that is boilerplate
from end to end is left out of the blocks (see ``Views.boilerplate_paragraphs``) so that no other
content rule reports anything inside it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Paragraph
from summarylint.rules.base import Context, check
from summarylint.text.chars import trim
from summarylint.views.boilerplate import SiteHit, compiled, paragraph_deletion, tag_cut

_HEADING_PUNCT = re.compile(r"[。！？!?；;，,]")
_TRAILING = " \t\u3000：:"


def _quoted(phrases: tuple[str, ...]) -> str:
    return "".join(f"“{p}”" for p in phrases)


def _site_finding(ctx: Context, hit: SiteHit, message: str, severity: Severity | None = None) -> Finding:
    """The finding of a site hit: it points at what its fix deletes, the paragraph's whole text (its
    markup, such as a quote or list marker, and its indentation left out) or the sentence, so that the
    reader sees which text goes, not only the phrases that gave it away."""
    para = hit.paragraph
    if para.index in ctx.views.boilerplate_paragraphs:
        removal = paragraph_deletion(ctx.doc, para)
        start, end = trim(para.text, 0, len(para.text))
        message += "，应删除整段"
    else:
        removal = para.span(*hit.sentence)
        start, end = trim(para.text, *hit.sentence)
        message += "，应删除这句话"
    return Finding(para.span(start, end), message, severity=severity, fix=Fix.unsafe(Edit(removal, "")))


def _one_per_paragraph(ctx: Context, hits: Iterable[SiteHit]) -> list[SiteHit]:
    """``hits`` with those of a paragraph deleted whole merged into one (本文来源于…… 转载请注明出处: one finding
    and one deletion, not one per sentence)."""
    merged: list[SiteHit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.paragraph.index == hit.paragraph.index
            and hit.paragraph.index in ctx.views.boilerplate_paragraphs
        ):
            merged[-1] = replace(last, end=hit.end, phrases=last.phrases + hit.phrases, weak=last.weak and hit.weak)
        else:
            merged.append(hit)
    return merged


@check("TB001")
def site_boilerplate_phrase(ctx: Context) -> Iterator[Finding]:
    scan = ctx.views.boilerplate
    strong = scan.strong
    for hit in _one_per_paragraph(ctx, (h for h in scan.hits if h.code == "TB001")):
        if hit.page_info:
            yield _site_finding(ctx, hit, f"从网页复制的文章信息（{_quoted(hit.phrases)}）不属于报告内容")
        elif hit.weak and not strong:
            message = f"{_quoted(hit.phrases)}常见于范文网站转载的文末说明；如非本文需要"
            yield _site_finding(ctx, hit, message, Severity.WARNING)
        else:
            yield _site_finding(ctx, hit, f"范文网站添加的文字{_quoted(hit.phrases)}不属于报告内容")


@check("TB004")
def meta_writing_advice(ctx: Context) -> Iterator[Finding]:
    for hit in _one_per_paragraph(ctx, (h for h in ctx.views.boilerplate.hits if h.code == "TB004")):
        yield _site_finding(ctx, hit, f"范文网站的写作指导{_quoted(hit.phrases)}不属于报告内容")


def _heading_like(para: Paragraph, limit: int = 60) -> str | None:
    """The text of a title or heading line (a Markdown heading, or a short line without sentence
    punctuation), trailing spaces and colons removed; ``None`` for body text."""
    text = para.text.rstrip(_TRAILING)
    if not text:
        return None
    if para.kind is BlockKind.HEADING:
        return text
    if para.kind not in (BlockKind.BODY, BlockKind.LIST_ITEM) or len(text) > limit:
        return None
    return None if _HEADING_PUNCT.search(text) else text


@check("TB002")
def compilation_title(ctx: Context) -> Iterator[Finding]:
    pattern = compiled().compilation_title
    tail = compiled().title_tail  # tags closing a line that is not heading-like
    skipped = ctx.views.boilerplate_paragraphs  # deleted whole by TB001 (a listed article's title)
    for para in ctx.doc.prose:
        if para.index in skipped:
            continue
        text = _heading_like(para)
        if text is None:
            for m in tail.finditer(para.text):
                span = para.span(*m.span())
                if ctx.doc.source[span.end : span.end + 1] not in ("", "\r", "\n"):
                    continue  # only closing a line of the file
                yield Finding(span, f"行末的“{m.group()}”是范文网站加的标记，应删除", fix=Fix.unsafe(Edit(span, "")))
            continue
        for m in pattern.finditer(text):
            cut = tag_cut(m)
            yield Finding(
                para.span(*m.span()),
                f"标题中的“{m.group()}”是范文网站加的标记，应改为本单位的实际标题",
                fix=Fix.unsafe(Edit(para.span(*cut), "")),
            )


@check("TB003")
def compilation_multiple_articles(ctx: Context) -> Iterator[Finding]:
    c = compiled()
    markers = ctx.views.markers
    numbered: list[tuple[Paragraph, re.Match[str]]] = []
    titles: dict[str, list[tuple[Paragraph, re.Match[str]]]] = defaultdict(list)
    for para in ctx.doc.prose:
        line = _heading_like(para, 40)
        if line is None:
            continue
        m = c.article_heading.search(line)
        if m:
            numbered.append((para, m))
            continue
        if para.index in markers or "《" in line or line.startswith("附件"):
            continue
        ending = c.genre_title.search(line)
        if ending and ending.start() >= 4:  # a full title: unit/period/subject before the genre word
            titles[ending.group()].append((para, ending))
    for k, (para, m) in enumerate(numbered):
        span = para.span(*m.span())
        label = m.group().strip()
        if k == 0:  # the first article's number: no report numbers itself 篇一
            yield Finding(
                span,
                f"“{label}”是范文网站给合集中各篇文章加的编号，不属于报告标题，应删除",
                fix=Fix.unsafe(Edit(span, "")),
            )
        else:
            yield Finding(span, f"“{label}”说明这是从范文网站复制的多篇合集，一份报告只应保留一篇")
    for genre, found in titles.items():
        first_para = found[0][0]
        first = first_para.text.strip()
        for para, _ in found[1:]:
            text = para.text.strip()
            if text in first or first in text:
                continue  # 2017年工作计划 under the title ……2016年工作总结及2017年工作计划
            if (
                para.kind is BlockKind.HEADING
                and first_para.kind is BlockKind.HEADING
                and para.depth > first_para.depth
            ):
                continue  # a section heading under the title
            start = len(para.text) - len(para.text.lstrip(" \t\u3000"))
            yield Finding(
                para.span(start, len(para.text.rstrip(_TRAILING))),
                f"文中出现第二个以“{genre}”结尾的完整标题（前面已有“{first[:30]}”），疑似多篇范文拼在一起",
            )


@check("TB005")
def injected_anchor_text(ctx: Context) -> Iterator[Finding]:
    c = compiled()
    skipped = ctx.views.boilerplate_paragraphs
    for para in ctx.doc.prose:
        if para.index in skipped:
            continue
        text = para.text
        for m in c.anchor.finditer(text):
            if c.anchor_exceptions.search(m.group("inner")):
                continue
            span = para.span(*m.span())
            yield Finding(
                span,
                f"句中插入的“{m.group()}”是范文网站的链接文字，应删除",
                fix=Fix.unsafe(Edit(span, "")),
            )
        marks = ((c.watermark, "转载网站留下的来源水印"), (c.converter, "文档转换软件的试用版留下的水印"))
        for pattern, whose in marks:
            for m in pattern.finditer(text):
                span = para.span(*m.span())
                yield Finding(span, f"“{m.group()}”是{whose}，应删除", fix=Fix.unsafe(Edit(span, "")))
