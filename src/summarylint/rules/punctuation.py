"""Family PU: punctuation marks (GB/T 15834-2011).

Content rules: they read the joined content blocks, skip masked text (URLs, e-mail addresses, file
names, code) and the ordinal marker at the start of a paragraph (the NU rules judge markers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from weakref import WeakKeyDictionary

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.rules.base import Context, check
from summarylint.text.pairs import CLOSERS, OPENERS, PAIR_MARKS, PAIR_NAMES, PairReport, analyse_pairs
from summarylint.views import Views
from summarylint.views.blocks import Block

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_NAMES = {"，": "逗号", "。": "句号", "；": "分号", "：": "冒号", "？": "问号", "！": "叹号", "、": "顿号"}


def _marker_end(ctx: Context, block: Block) -> int:
    """Text index where the ordinal marker at the start of the block ends (0 when there is none)."""
    marker = ctx.views.markers.get(block.first.index)
    return marker.end if marker is not None and not marker.auto else 0


# --- PU001 -------------------------------------------------------------------------------------

_HALF_POINT = re.compile(
    r"(?=[,;:?!.])(?:"  # (skips ahead to the marks a match begins with)
    rf"(?<=[{_CJK}])(?P<a>[,;:?!])[ \t]*"  # after a Chinese character
    rf"|(?P<b>[,;:?!])[ \t]*(?=[{_CJK}])"  # before a Chinese character
    rf"|(?<=[{_CJK}])(?P<dot>\.)(?=[{_CJK}]|[ \t]*$)"  # a full stop between Chinese characters or at the end
    r")"
)


#: an emoticon :) ;-) is not a point mark
_NOT_POINT = re.compile(r"[:;][-‑]?[)(）（DPp]")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{2,8}$")
_CJK_CHAR = re.compile(f"[{_CJK}]")  # one Chinese character (also: does a text hold one)
#: after these a run of ? is a (doubled) question mark
_QUESTION_PARTICLES = "吗呢吧啊么嘛"


def _lost_characters(text: str, at: int) -> bool:
    """Whether the ``?`` at ``at`` is one of two or more between Chinese characters: characters an
    encoding conversion could not keep (GA005 reports them)."""
    start, end = at, at + 1
    while start > 0 and text[start - 1] == "?":
        start -= 1
    while end < len(text) and text[end] == "?":
        end += 1
    return (
        end - start >= 2
        and bool(_CJK_CHAR.match(text[start - 1 : start]))
        and text[start - 1 : start] not in _QUESTION_PARTICLES
        and bool(_CJK_CHAR.match(text[end : end + 1]))
    )


@check("PU001")
def halfwidth_point_mark(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_HALF_POINT):
        skip = _marker_end(ctx, block)
        joins = set(block.joins)
        for m in block.finditer(_HALF_POINT):
            if m.start() < skip or _NOT_POINT.match(block.text, m.start()):
                continue
            if "?" in m.group() and _lost_characters(block.text, m.start()):
                continue  # characters lost in an encoding conversion (GA005), not a question mark
            if ";" in m.group() and _ENTITY.search(block.text, max(0, m.start() - 10), m.start()):
                continue  # the end of an HTML entity left in the text (&nbsp;)
            mark = m.group("a") or m.group("b") or m.group("dot")
            if m.group("dot"):
                after = m.end()
                if after < len(block.text) and after not in joins and not re.match(rf"[{_CJK}]", block.text[after]):
                    continue
            full = _HALF_TO_FULL[mark]
            at = m.start()
            yield Finding(
                block.span(at, at + 1),
                f"中文句子中应使用全角{_NAMES[full]}“{full}”，不用半角“{mark}”",
                fix=Fix.safe(Edit(block.span(at, m.end()), full)),
            )


# --- PU002 -------------------------------------------------------------------------------------

_BRACKETS = re.compile(r"(?P<open>[(（])(?P<inner>[^()（）\n]{0,200}?)(?P<close>[)）])")


@check("PU002")
def halfwidth_bracket_around_cjk(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_BRACKETS):
        skip = _marker_end(ctx, block)
        for m in block.finditer(_BRACKETS):
            if m.start() < skip or (m.group("open") == "（" and m.group("close") == "）"):
                continue
            if not _CJK_CHAR.search(m.group("inner")):
                continue
            edits = []
            if m.group("open") == "(":
                edits.append(Edit(block.span(m.start(), m.start() + 1), "（"))
            if m.group("close") == ")":
                edits.append(Edit(block.span(m.end() - 1, m.end()), "）"))
            inner = m.group("inner")
            shown = inner if len(inner) <= 12 else inner[:10] + "…"
            yield Finding(
                block.span(m.start(), m.end()),
                f"括号内有汉字，应使用全角括号：“{m.group('open')}{shown}{m.group('close')}”应写作“（{shown}）”",
                fix=Fix.safe(*edits),
            )


# --- PU005 / PU006 -----------------------------------------------------------------------------


#: the pair reports of each document's views, shared by PU005 and PU006
_REPORTS: WeakKeyDictionary[Views, list[tuple[Block, PairReport]]] = WeakKeyDictionary()


def _pair_reports(ctx: Context) -> list[tuple[Block, PairReport]]:
    cached = _REPORTS.get(ctx.views)
    if cached is None:
        cached = _REPORTS[ctx.views] = list(_analyse_blocks(ctx))
    return cached


def _analyse_blocks(ctx: Context) -> Iterator[tuple[Block, PairReport]]:
    """Per block, the unmatched paired marks (a quotation over several paragraphs is accepted)."""
    blocks = ctx.views.blocks
    for n, block in enumerate(blocks):
        text = block.text

        def skip(i: int, block: Block = block) -> bool:
            # the first ) of a masked URL may close the bracket the URL stands in: (http://…)
            if not block.masks or not block.masked(i, i + 1):
                return False
            if block.text[i] != ")":
                return True
            return not any(
                start <= i < end and start and block.text[start - 1] in "(（" and ")" not in block.text[start:i]
                for start, end in block.masks
            )

        report = analyse_pairs(text, skip, _marker_end(ctx, block))
        openers = report.unclosed_openers
        lead = len(text) - len(text.lstrip(" \u3000"))
        if openers and openers[0] == lead and text[lead] == "“" and n + 1 < len(blocks):
            following = blocks[n + 1].text.lstrip(" \u3000")
            if following.startswith("“"):  # GB/T 15834-2011 §4.8.3.5: a quotation of several paragraphs
                report.unclosed_openers = openers[1:]
        yield block, report


@check("PU005")
def unbalanced_pair(ctx: Context) -> Iterator[Finding]:
    for block, report in _pair_reports(ctx):
        text = block.text
        for at in report.unmatched_closers:
            kind = CLOSERS[text[at]]
            yield Finding(
                block.span(at, at + 1),
                f"{PAIR_NAMES[kind]}不成对：“{text[at]}”前面没有与之配对的“{PAIR_MARKS[kind][0]}”",
            )
        for at in report.unclosed_openers:
            kind = OPENERS[text[at]]
            yield Finding(
                block.span(at, at + 1),
                f"{PAIR_NAMES[kind]}不成对：“{text[at]}”在本段中没有与之配对的“{PAIR_MARKS[kind][1]}”",
            )
        for at, opener in report.mismatched:
            right = PAIR_MARKS[OPENERS[text[opener]]][1]
            quoted = text[opener : at + 1]
            shown = quoted if len(quoted) <= 14 else quoted[:6] + "…" + quoted[-6:]
            yield Finding(
                block.span(at, at + 1),
                f"引号前后不一致：“{shown}”以“{text[opener]}”开头，却以“{text[at]}”结尾，后引号应为“{right}”",
                severity=Severity.WARNING,
                fix=Fix.safe(Edit(block.span(at, at + 1), right)),
            )


@check("PU006")
def pair_order_reversed(ctx: Context) -> Iterator[Finding]:
    for block, report in _pair_reports(ctx):
        text = block.text
        for closer, opener in report.reversed:
            kind = CLOSERS[text[closer]]
            left, right = PAIR_MARKS[kind]
            if kind == "()":
                left, right = ("(", ")") if text[closer] == ")" else ("（", "）")
            yield Finding(
                block.span(closer, opener + 1),
                f"{PAIR_NAMES[kind]}前后颠倒：先出现“{text[closer]}”，后出现“{text[opener]}”，应为“{left}……{right}”",
                fix=Fix.unsafe(Edit(block.span(closer, closer + 1), left), Edit(block.span(opener, opener + 1), right)),
            )


# --- PU008 / PU009 -----------------------------------------------------------------------------

_REPEATED = re.compile(r"(?=[，；：。？！])(?:([，；：])\1+|(?<!。)。。(?!。)|[？！]{2,})")


@check("PU008")
def repeated_point_mark(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_REPEATED):
        run = m.group()
        mark = run[0]
        delete = Edit(block.span(m.start() + 1, m.end()), "")
        if mark in "？！":
            same = len(set(run)) == 1
            yield Finding(
                block.span(m.start(), m.end()),
                f"“{run}”连用问号或叹号，工作总结中一个就够了",
                severity=Severity.INFO,
                fix=Fix.safe(delete) if same else Fix.unsafe(delete),
            )
            continue
        yield Finding(
            block.span(m.start(), m.end()),
            f"{_NAMES[mark]}重复：“{run}”应只保留一个“{mark}”",
            fix=Fix.safe(delete),
        )


_CONFLICT = re.compile(r"(?=[，、；：。])(?:([，、；：])(?!\1)[。，、；：]|。[，、；：])")
#: pause strength (GB/T 15834-2011 B.1.6): the stronger mark is kept
_STRENGTH = {"。": 4, "；": 3, "：": 3, "，": 2, "、": 1}


@check("PU009")
def conflicting_point_marks(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_CONFLICT):
        first, second = m.group()[0], m.group()[1]
        keep = first if _STRENGTH[first] > _STRENGTH[second] else second
        yield Finding(
            block.span(m.start(), m.end()),
            f"两个点号连用：“{first}{second}”只能保留一个，宜保留“{keep}”",
            fix=Fix.unsafe(Edit(block.span(m.start(), m.end()), keep)),
        )


# --- PU011 -------------------------------------------------------------------------------------

_ELLIPSIS = re.compile(r"(?=[.。·．…])(?:\.{3,}|。{3,}|·{3,}|．{3,}|…+)")
_CJK_CONTEXT = re.compile(rf"[{_CJK}，。、；：？！“”‘’（）《》【】…]")


@check("PU011")
def ellipsis_form(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_ELLIPSIS):
        text = block.text
        for m in block.finditer(_ELLIPSIS):
            run = m.group()
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if not (_CJK_CONTEXT.match(before) or _CJK_CONTEXT.match(after)):
                continue  # an English or code context
            span = block.span(m.start(), m.end())
            if run[0] == "…":
                if len(run) in (2, 4):
                    continue
                if len(run) > 4:
                    message = f"省略号过长：“{run}”，省略号一般只用一个“……”（整段省略时最多两个）"
                else:
                    message = f"省略号应占两个字的位置，写作“……”，这里是{len(run)}个“…”"
                yield Finding(span, message, fix=Fix.unsafe(Edit(span, "……")))
                continue
            safe = run[0] in ".。．"
            yield Finding(
                span,
                f"省略号应写作“……”，不用“{run}”",
                fix=Fix.safe(Edit(span, "……")) if safe else Fix.unsafe(Edit(span, "……")),
            )


# --- PU016 -------------------------------------------------------------------------------------

_POINT_MARKS = re.compile("[，。、；：？！]")
#: what may stand before the first visible character of a line: indentation, quote and list markup
_LEAD_MARKUP = " \t\u3000>#-*+•·"


@check("PU016")
def point_mark_at_line_start(ctx: Context) -> Iterator[Finding]:
    source = ctx.doc.source
    continued = {split.second.index for split in ctx.views.splits if not split.title}
    for para in ctx.doc.prose:
        # on a paragraph of one line only its first character can start a line
        one_line = "\n" not in source[para.start : para.end]
        for m in _POINT_MARKS.finditer(para.text, 0, 1 if one_line else len(para.text)):
            i, ch = m.start(), m.group()
            if i == 0 and para.index in continued:
                continue  # the second half of a page-break split: GA001 reports it
            at = para.offsets.offset(i)
            lead = source[source.rfind("\n", 0, at) + 1 : at]
            if lead.strip(_LEAD_MARKUP):
                continue  # not the first visible character of its line
            yield Finding(
                para.span(i, i + 1),
                f"点号不能出现在行首：这一行以“{ch}”开头，前面可能漏了文字或断了行",
            )
