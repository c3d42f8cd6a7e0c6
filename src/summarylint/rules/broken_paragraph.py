"""Family GA, category broken-paragraph: a paragraph cut in two by a page break or a conversion
(GA001 page-break splits, GA003 stray page numbers).

Which paragraphs are split is decided by the splits view (:mod:`summarylint.views.splits`), which
the content view shares to join the halves; page-number lines come from
:mod:`summarylint.text.artefacts`.
"""

from __future__ import annotations

from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.rules.base import Context, check
from summarylint.source import Span
from summarylint.text.artefacts import page_number_line

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


# --- GA003 -------------------------------------------------------------------------------------


@check("GA003")
def stray_page_number(ctx: Context) -> Iterator[Finding]:
    source = ctx.doc.source
    for para in ctx.doc.prose:
        found = page_number_line(ctx.doc, para)
        if found is None:
            continue
        line = found.text(source)
        shown = line.strip(" \t\u3000")
        visible = Span(found.start + line.index(shown[0]), found.start + len(line.rstrip(" \t\u3000")))
        yield Finding(visible, f"“{shown}”是残留的页码行，应删除", fix=Fix.safe(Edit(Span(found.start, found.end), "")))
