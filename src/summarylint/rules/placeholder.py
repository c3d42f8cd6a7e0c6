"""Family PH: unfilled template placeholders (``____``, ``XX``, ``20XX年``, ``某某``, ``【单位名称】`` …).

The detection is one scan shared with the ``placeholder_spans`` view (see
:mod:`summarylint.views.placeholders`); each rule reports the hits of its own code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix
from summarylint.rules.base import Context, check
from summarylint.views.placeholders import PlaceholderHit

_SLOT = "未填写的模板占位符"


def _hits(ctx: Context, code: str) -> Iterator[PlaceholderHit]:
    return (hit for hit in ctx.views.placeholder_hits if hit.code == code)


def _shown(text: str) -> str:
    return text if len(text) <= 16 else text[:15] + "…"


@check("PH001")
def underscore_blank(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH001"):
        yield Finding(hit.span, f"{_SLOT}：下划线“{_shown(hit.text)}”处应填写实际内容")


@check("PH002")
def x_placeholder(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH002"):
        yield Finding(hit.span, f"{_SLOT}：“{hit.text}”处应填写实际的名称或数字")


@check("PH003")
def template_year(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH003"):
        yield Finding(hit.span, f"{_SLOT}：“{hit.text}”应写成具体年份")


@check("PH004")
def mou_placeholder(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH004"):
        yield Finding(hit.span, f"疑似{_SLOT}：“{hit.text}”应写明具体的人名或单位名称")


@check("PH005")
def bracket_slot(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH005"):
        yield Finding(hit.span, f"{_SLOT}：“{_shown(hit.text)}”应替换为实际内容")


@check("PH006")
def ellipsis_as_blank(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH006"):
        after = hit.block.text[hit.end : hit.end + 1]
        yield Finding(hit.span, f"{_SLOT}：“{hit.text}{after}”中的省略号处应填写数字")


@check("PH007")
def empty_paired_marks(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH007"):
        pair = hit.text[0] + hit.text[-1]
        yield Finding(hit.span, f"{_SLOT}：“{pair}”中间是空的，应填写内容或删去")


@check("PH008")
def instruction_left_in(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH008"):
        yield Finding(
            hit.span,
            f"模板的填写说明“{_shown(hit.text)}”留在了正文中，应按说明修改后删去",
            fix=Fix.unsafe(Edit(hit.span, "")),
        )


#: a blank date under a signature or stamp line, or in an attached form, is there to be filled in by hand
_FORM_CUE = re.compile(r"签章|盖章|签字|签名|（章）|\(章\)|意见")
_ATTACHMENT = re.compile(r"^[\s\u3000]*附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?")


def _form_to_fill(ctx: Context, hit: PlaceholderHit) -> bool:
    """Whether the blank belongs to a form meant to be filled by hand: the paragraph or one of the three
    before it asks for a signature or a stamp, or an attachment heading comes before it."""
    first = hit.block.paragraphs[0].index
    before = ctx.doc.paragraphs[max(0, first - 3) : first + 1]
    if any(_FORM_CUE.search(p.text) for p in before):
        return True
    return any(_ATTACHMENT.match(p.text) for p in ctx.doc.paragraphs[:first])


@check("PH009")
def blank_field(ctx: Context) -> Iterator[Finding]:
    for hit in _hits(ctx, "PH009"):
        if _form_to_fill(ctx, hit):
            continue
        if hit.text.startswith("年"):
            yield Finding(hit.span, f"{_SLOT}：日期“{_shown(hit.text)}”中的月、日是空白，应填写具体日期")
        else:
            yield Finding(hit.span, f"{_SLOT}：“{hit.text}”后面是空白，应填写{hit.text[:-1]}")
