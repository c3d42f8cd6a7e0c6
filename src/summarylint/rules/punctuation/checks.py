"""The checks of family PU (see the package's docstring)."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from weakref import WeakKeyDictionary

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Format
from summarylint.rules.base import Context, check
from summarylint.rules.garbled.mojibake import find_marks, find_reencoded
from summarylint.rules.punctuation import wordlists
from summarylint.rules.punctuation.pairs import CLOSERS, OPENERS, PAIR_MARKS, PAIR_NAMES, PairReport, analyse_pairs
from summarylint.text.artefacts import HTML_REFERENCE
from summarylint.text.chars import CJK, CJK_CHAR, CN_DIGITS, QUESTION_PARTICLES
from summarylint.text.measure import focused_cut, lost_figure
from summarylint.text.segment import Token
from summarylint.views import Views
from summarylint.views.blocks import Block

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_NAMES = {"，": "逗号", "。": "句号", "；": "分号", "：": "冒号", "？": "问号", "！": "叹号", "、": "顿号"}


def _marker_end(ctx: Context, block: Block) -> int:
    """Text index where the ordinal marker at the start of the block ends (0 when there is none)."""
    marker = ctx.views.markers.get(block.first.index)
    return marker.end if marker is not None and not marker.auto else 0


# --- PU001 -------------------------------------------------------------------------------------

_HALF_POINT = re.compile(
    r"(?=[,;:?!.])(?:"  # (skips ahead to the marks a match begins with)
    rf"(?<=[{CJK}])(?P<a>[,;:?!])[ \t]*"  # after a Chinese character
    rf"|(?P<b>[,;:?!])[ \t]*(?=[{CJK}])"  # before a Chinese character
    # a full stop after a Chinese character (or a percentage: …达到92.3%.) before the next Chinese sentence,
    # the blanks an English keyboard types after it included (…完成任务. 下一步), or at the end of the paragraph
    rf"|(?<=[{CJK}])(?P<dot>\.)(?:[ \t]*(?=[{CJK}])|(?=[ \t]*$))"
    rf"|(?<=[%％])(?P<pct>\.)(?:[ \t]*(?=[{CJK}])|(?=[ \t]*$))"
    # a comma or semicolon after a percentage, before the next clause's figure and its unit (96.8%,3岁以下……)
    rf"|(?<=[%％])(?P<next>[,;])(?=[ \t]*\d[\d.～~—-]*[{CJK}])"
    r")"
)


#: an emoticon :) ;-) is not a point mark
_NOT_POINT = re.compile(r"[:;][-‑]?[)(）（DPp]")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{2,8}$")
#: a Chinese ordinal or chapter number alone before a full stop at the start of a paragraph (一. 概述,
#: 第二章. 总则): a marker the NU rules judge, whose mark is 、 or nothing rather than 。
_ORDINAL_BEFORE = re.compile("[ \t\u3000]*第?[一二三四五六七八九十百〇零]{1,4}(?:章|节|条|部分|篇|编)?")

#: after these a run of ? is a (doubled) question mark


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
        and bool(CJK_CHAR.match(text[start - 1 : start]))
        and text[start - 1 : start] not in QUESTION_PARTICLES
        and bool(CJK_CHAR.match(text[end : end + 1]))
    )


def _ends_garbled(text: str, at: int) -> bool:
    """Whether the ``?`` at ``at`` closes UTF-8 text read as GBK (鑲虹粨鏍告偅鑰?: the last character's third byte,
    which GBK could not pair, became ``?``), which GA005 reports."""
    left = max(0, at - 40)
    return any(left + r.end <= at <= left + r.end + 1 for r in find_reencoded(text[left:at]))


@check("PU001")
def halfwidth_point_mark(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_HALF_POINT):
        skip = _marker_end(ctx, block)
        joins = set(block.joins)
        for m in block.finditer(_HALF_POINT):
            if m.start() < skip or _NOT_POINT.match(block.text, m.start()):
                continue
            if "?" in m.group() and (
                _lost_characters(block.text, m.start())
                or lost_figure().match(block.text, m.start())
                or _ends_garbled(block.text, m.start())
            ):
                continue  # characters or a figure lost in an encoding conversion (GA005, GA007), not a question mark
            if ";" in m.group() and _ENTITY.search(block.text, max(0, m.start() - 10), m.start()):
                continue  # the end of an HTML entity left in the text (&nbsp;)
            mark = m.group("a") or m.group("b") or m.group("dot") or m.group("pct") or m.group("next")
            after_percent = m.group("pct") or m.group("next")
            if after_percent and not CJK_CHAR.search(block.text, max(0, m.start() - 20), m.start()):
                continue  # a percentage in English text
            if m.group("dot") and _ORDINAL_BEFORE.fullmatch(block.text, 0, m.start()):
                continue
            if m.group("dot") or m.group("pct"):
                after = m.end()
                if after < len(block.text) and after not in joins and not CJK_CHAR.match(block.text[after]):
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
#: what a pair of half-width brackets between Chinese words may hold and still be a note of the sentence
#: (天翼高清(IPTV)用户, 按照(GB/T 22482-2008)执行): a name, an abbreviation, a field or a standard's number, with a
#: Latin letter; not an expression or code (x=(a+b)), whose brackets are the notation's own
_LATIN_NOTE = re.compile(r"(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9 ._\-/&+·]{1,40}")
#: what may follow such a note: a Chinese character or a mark of Chinese text
_AFTER_NOTE = re.compile(rf"[{CJK}，。；、：！？]")


@check("PU002")
def halfwidth_bracket_around_cjk(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_BRACKETS):
        skip = _marker_end(ctx, block)
        for m in block.finditer(_BRACKETS):
            if m.start() < skip or (m.group("open") == "（" and m.group("close") == "）"):
                continue
            inner = m.group("inner")
            latin = not CJK_CHAR.search(inner)
            if latin and not _latin_note(block.text, m):
                continue
            edits = []
            if m.group("open") == "(":
                edits.append(Edit(block.span(m.start(), m.start() + 1), "（"))
            if m.group("close") == ")":
                edits.append(Edit(block.span(m.end() - 1, m.end()), "）"))
            shown = inner if len(inner) <= 12 else inner[:10] + "…"
            why = "中文句子里的括号应使用全角括号" if latin else "括号内有汉字，应使用全角括号"
            yield Finding(
                block.span(m.start(), m.end()),
                f"{why}：“{m.group('open')}{shown}{m.group('close')}”应写作“（{shown}）”",
                fix=Fix.safe(*edits),
            )


def _latin_note(text: str, m: re.Match[str]) -> bool:
    """Whether the brackets of ``m``, with no Chinese inside, are both half-width and hold a Latin note between
    Chinese words (天翼高清(IPTV)用户): brackets of the Chinese sentence."""
    start, end = m.span()
    return (
        m.group("open") == "("
        and m.group("close") == ")"
        and _LATIN_NOTE.fullmatch(m.group("inner")) is not None
        and CJK_CHAR.match(text, start - 1) is not None
        and _AFTER_NOTE.match(text, end) is not None
    )


# --- PU005 / PU006 -----------------------------------------------------------------------------


#: the pair reports of each document's views, shared by PU005 and PU006
_REPORTS: WeakKeyDictionary[Views, list[tuple[Block, PairReport]]] = WeakKeyDictionary()


def _pair_reports(ctx: Context) -> list[tuple[Block, PairReport]]:
    cached = _REPORTS.get(ctx.views)
    if cached is None:
        cached = _REPORTS[ctx.views] = list(_analyse_blocks(ctx))
        _pair_across_fragments(cached)
    return cached


#: paragraphs this short between the halves of a pair (``（…`` / ``[`` / ``CPC 2`` / ``]`` / ``）…``) are
#: pieces of a link or a note reference a conversion put on lines of their own
_PIECE = 8
_PIECES = 3


def _pair_across_fragments(reports: list[tuple[Block, PairReport]]) -> None:
    """A pair opened at the end of one paragraph and closed at the start of a later one, with only short
    pieces in between, is one pair cut by a conversion: neither half is reported."""
    for n, (block, report) in enumerate(reports):
        if not report.unclosed_openers:
            continue
        opener = report.unclosed_openers[-1]
        for k in range(n + 1, min(n + 2 + _PIECES, len(reports))):
            later, later_report = reports[k]
            closers = later_report.unmatched_closers
            if closers and CLOSERS.get(later.text[closers[0]]) == OPENERS[block.text[opener]]:
                report.unclosed_openers.pop()
                closers.pop(0)
                break
            if len(later.text.strip(_TRAILING)) > _PIECE or later_report.unclosed_openers or closers:
                break


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


#: Where a missing mark of a pair was likely meant: within the clause its partner stands in.
_CLAUSE_END = re.compile(r"[，。；！？：,;!?\n]")


def _missing_partner_span(text: str, at: int, opener: bool) -> tuple[int, int]:
    """The stretch from the mark at ``at`` to the end of its clause (an opener) or from its clause's
    start (a closer): where the missing partner belongs."""
    if opener:
        found = _CLAUSE_END.search(text, at + 1)
        return at, found.start() if found else len(text.rstrip(" \t\u3000"))
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    while start < at and text[start] in " \t\u3000":
        start += 1
    return start, at + 1


_REFERENCE = re.compile(HTML_REFERENCE)


def _referenced(text: str, mark: str, other: str, start: int, end: int) -> bool:
    """Whether an HTML reference for ``mark`` (&ldquo; for “) stands in ``text[start:end]`` without a reference
    for its partner ``other`` to pair with: the partner a web page left as a reference (GA013's), which the lone
    mark pairs with once it is mended (&ldquo;防溺水&rdquo; pairs with itself)."""
    if "&" not in text[start:end]:
        return False
    marks = [html.unescape(m.group()) for m in _REFERENCE.finditer(text, start, end)]
    return marks.count(mark) > marks.count(other)


def _in_marks(text: str, at: int) -> bool:
    """Whether the mark at ``at`` is a piece of mojibake (å‘˜: a quotation mark of Windows-1252 read from UTF-8 bytes),
    which GA005 reports."""
    return any(m.start <= at < m.end for m in find_marks(text))


@check("PU005")
def unbalanced_pair(ctx: Context) -> Iterator[Finding]:
    for block, report in _pair_reports(ctx):
        text = block.text
        for at in report.unmatched_closers:
            kind = CLOSERS[text[at]]
            if _referenced(text, PAIR_MARKS[kind][0], PAIR_MARKS[kind][1], 0, at) or _in_marks(text, at):
                continue
            yield Finding(
                block.span(*_missing_partner_span(text, at, opener=False)),
                f"{PAIR_NAMES[kind]}不成对：“{text[at]}”前面没有与之配对的“{PAIR_MARKS[kind][0]}”",
            )
        for at in report.unclosed_openers:
            kind = OPENERS[text[at]]
            if _referenced(text, PAIR_MARKS[kind][1], PAIR_MARKS[kind][0], at + 1, len(text)) or _in_marks(text, at):
                continue
            yield Finding(
                block.span(*_missing_partner_span(text, at, opener=True)),
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

_REPEATED = re.compile(
    r"(?=[，；：。.])(?:([，；：])\1+|(?<!。)。。(?!。)"
    r"|(?<=[A-Za-z]{2})\.\.(?![.\w/\\]))"  # a doubled full stop after an English word (not .. of a path)
)


@check("PU008")
def repeated_point_mark(ctx: Context) -> Iterator[Finding]:
    # Doubled ？ and ！ (“团结奋斗！！”) are left alone: GB/T 15834-2011 §4.2.3.3 and §4.3.3.2 allow them
    # for strong feeling, and reviewers do not mark them in closing slogans.
    for block, m in ctx.views.matches(_REPEATED):
        run = m.group()
        mark = run[0]
        yield Finding(
            block.span(m.start(), m.end()),
            f"{_NAMES.get(mark, '句号')}重复：“{run}”应只保留一个“{mark}”",
            fix=Fix.safe(Edit(block.span(m.start() + 1, m.end()), "")),
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
_CJK_CONTEXT = re.compile(rf"[{CJK}，。、；：？！“”‘’（）《》【】…]")


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


# --- PU003 / PU004 -----------------------------------------------------------------------------

_STRAIGHT = re.compile("[\"']")
#: what a quotation mark stands next to in Chinese text
_CHINESE_SIDE = re.compile(rf"[{CJK}，。、；：？！（）《》【】…—]")


def _chinese_side(text: str, at: int) -> bool:
    return bool(_CHINESE_SIDE.match(text[at - 1 : at] if at else "") or _CHINESE_SIDE.match(text[at + 1 : at + 2]))


@check("PU003")
def straight_quotes(ctx: Context) -> Iterator[Finding]:
    reports = {id(b): r for b, r in _pair_reports(ctx)}
    for block in ctx.views.candidates(_STRAIGHT):
        text = block.text
        report = reports[id(block)]
        wrong_closers = {at for at, _ in report.mismatched}  # “……" : PU005 reports it
        for mark, curly in (('"', "“”"), ("'", "‘’")):
            places = [
                m.start()
                for m in block.finditer(_STRAIGHT)
                if m.group() == mark and m.start() not in wrong_closers and not _apostrophe_at(text, m.start())
            ]
            if not places or not any(_chinese_side(text, at) for at in places):
                continue
            name = "双引号" if mark == '"' else "单引号"
            if len(places) % 2:
                for at in places:
                    if _chinese_side(text, at):
                        yield Finding(
                            block.span(at, at + 1),
                            f"中文里的引号应使用全角{name}“{curly}”，不用半角“{mark}”",
                        )
                continue
            for opener, closer in zip(places[::2], places[1::2], strict=True):
                if not (_chinese_side(text, opener) or _chinese_side(text, closer)):
                    continue
                if _CODE_BEFORE_QUOTE.match(text[opener - 1 : opener] if opener else ""):
                    continue  # a value in code: key="value"
                inner = text[opener + 1 : closer]
                shown = inner if len(inner) <= 12 else inner[:10] + "…"
                yield Finding(
                    block.span(opener, closer + 1),
                    f"中文里的引号应使用全角{name}：“{mark}{shown}{mark}”应写作“{curly[0]}{shown}{curly[1]}”",
                    fix=Fix.safe(
                        Edit(block.span(opener, opener + 1), curly[0]), Edit(block.span(closer, closer + 1), curly[1])
                    ),
                )


_LATIN = re.compile("[A-Za-z]")
_CODE_BEFORE_QUOTE = re.compile(r"[A-Za-z0-9_=(\[{]")


def _apostrophe_at(text: str, at: int) -> bool:
    """A ' between Latin letters (it's, O'Neil) is an apostrophe."""
    return (
        text[at] == "'"
        and bool(_LATIN.match(text[at - 1 : at] if at else ""))
        and bool(_LATIN.match(text[at + 1 : at + 2]))
    )


_CORNER = re.compile("[「」『』]")
_CORNER_TO = {"「": "“", "」": "”", "『": "‘", "』": "’"}


@check("PU004")
def corner_quotes(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_CORNER):
        mark = m.group()
        want = _CORNER_TO[mark]
        yield Finding(
            block.span(m.start(), m.end()),
            f"横排文字的引号用“”和‘’：直角引号“{mark}”宜改为“{want}”",
            fix=Fix.unsafe(Edit(block.span(m.start(), m.end()), want)),
        )


# --- PU007 -------------------------------------------------------------------------------------

_NESTABLE = re.compile("[《》“”]")
_NESTED_CANDIDATE = re.compile("《[^》\n]*《|“[^”\n]*“")
_INNER = {"《": "〈", "》": "〉", "“": "‘", "”": "’"}


def _nested_pairs(block: Block, start: int) -> Iterator[tuple[int, int, int]]:
    """(outer opener, inner opener, inner closer) of a 书名号 or a double quotation mark inside one of
    the same kind, when both pairs are closed."""
    stack: list[tuple[str, int, int | None]] = []
    closed: set[int] = set()
    found: list[tuple[int, int, int]] = []
    for m in block.finditer(_NESTABLE):
        at, ch = m.start(), m.group()
        if at < start:
            continue
        if ch in "《“":
            outer = next((i for k, i, _ in reversed(stack) if k == ch), None)
            stack.append((ch, at, outer))
            continue
        kind = "《" if ch == "》" else "“"
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), None)
        if depth is None:
            continue
        _, opened, outer = stack[depth]
        del stack[depth:]
        closed.add(opened)
        if outer is not None:
            found.append((outer, opened, at))
    yield from ((o, i, c) for o, i, c in found if o in closed)


#: A pair of single quotation marks around Chinese text (not an apostrophe: O’Neil, it’s).
_SINGLE_QUOTED = re.compile(r"‘(?=[^‘’“”\n]{0,29}[\u3400-\u4dbf\u4e00-\u9fff])[^‘’“”\n]{1,30}’")


def _outer_single_quotes(ctx: Context) -> Iterator[Finding]:
    """Single quotation marks where no double one is open: the quotation has one level, whose marks are “” (实施
    ‘一店一策’帮扶 for 实施“一店一策”帮扶); inside a double one they are the inner level, as they should be."""
    for block, m in ctx.views.matches(_SINGLE_QUOTED):
        before = block.text[: m.start()]
        if before.count("“") > before.count("”"):
            continue
        opener, closer = m.start(), m.end() - 1
        yield Finding(
            block.span(opener, m.end()),
            "引号只有一层时用双引号：‘……’应写作“……”（单引号只用于引号里面的一层）",
            severity=Severity.WARNING,
            fix=Fix.unsafe(Edit(block.span(opener, opener + 1), "“"), Edit(block.span(closer, closer + 1), "”")),
        )


@check("PU007")
def nested_same_pair(ctx: Context) -> Iterator[Finding]:
    yield from _outer_single_quotes(ctx)
    for block in ctx.views.candidates(_NESTED_CANDIDATE):
        for _outer, inner, closer in _nested_pairs(block, _marker_end(ctx, block)):
            ch = block.text[inner]
            if ch == "《":
                message = "书名号里面还要用书名号时，里面一层用单书名号：“《……《……》……》”应写作“《……〈……〉……》”"
                severity = Severity.ERROR
            else:
                message = "引号里面还要用引号时，里面一层用单引号：““……“……”……”应写作““……‘……’……”"
                severity = Severity.WARNING
            yield Finding(
                block.span(inner, closer + 1),
                message,
                severity=severity,
                fix=Fix.unsafe(
                    Edit(block.span(inner, inner + 1), _INNER[ch]),
                    Edit(block.span(closer, closer + 1), _INNER[block.text[closer]]),
                ),
            )


# --- PU010 / PU012 / PU013 ---------------------------------------------------------------------

_DENG = wordlists.DENG
_DUNHAO_DENG = re.compile(rf"(?<!、)、[ \t\u3000]*{_DENG}")  # (、、等 is a missing item: MF006)


@check("PU010")
def dunhao_before_deng(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_DUNHAO_DENG):
        if m.start() < _marker_end(ctx, block):
            continue
        yield Finding(
            block.span(m.start(), m.start() + 1),
            "列举的最后一项和“等”之间不用顿号：“、等”应写作“等”",
            fix=Fix.safe(Edit(block.span(m.start(), m.end() - 1), "")),
        )
    yield from _dunhao_count(ctx)


#: 、 before a count in words of the items listed (宁远铸造、金泰五金、两家供应商): the count sums the list up like 等
#: (a count in digits after 、 is an item of a list of counts: 国家级2个、省级1个)
_DUNHAO_COUNT = re.compile(
    r"、(?P<n>[两三四五六七八九十])(?P<q>家|个|名|所|项|类|种|位|支|座|户|条|件|方面)(?=[\u4e00-\u9fffA-Za-z])"
)
_CN_COUNT = CN_DIGITS | {"两": 2, "十": 10}


def _dunhao_count(ctx: Context) -> Iterator[Finding]:
    """、 before a count that equals the number of items listed before it in the clause: the count sums them up."""
    for block, m in ctx.views.matches(_DUNHAO_COUNT):
        text = block.text
        count = _CN_COUNT[m.group("n")]
        clause = max(text.rfind(mark, 0, m.start()) for mark in "，。；：,;:（(“\n") + 1
        if text.count("、", clause, m.start() + 1) != count:
            continue
        words = m.group("n") + m.group("q")
        yield Finding(
            block.span(m.start(), m.start() + 1),
            f"“{words}”总括前面列举的{count}项，它前面不用顿号：“、{words}”应写作“{words}”",
            fix=Fix.safe(Edit(block.span(m.start(), m.start() + 1), "")),
        )


_ELLIPSIS_DENG = re.compile(rf"(?:…+|\.{{3,}}|。{{3,}})[ \t\u3000]*{_DENG}")


@check("PU012")
def ellipsis_with_deng(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_ELLIPSIS_DENG):
        run = m.group()[:-1].rstrip(" \t\u3000")
        yield Finding(
            block.span(m.start(), m.end()),
            f"省略号和“等”不能同时使用：“{run}等”只保留“等”（或只用省略号）",
            fix=Fix.unsafe(Edit(block.span(m.start(), m.end() - 1), "")),
        )


_ELLIPSIS_MARK = re.compile(r"(?=[、，；…])(?:[、，；](?=……)|(?<=……)、)")


@check("PU013")
def ellipsis_with_point_mark(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_ELLIPSIS_MARK):
        mark = m.group()
        where = "前" if block.text.startswith("……", m.end()) else "后"
        yield Finding(
            block.span(m.start(), m.end()),
            f"省略号{where}一般不用点号：这里的“{mark}”可以删去",
        )


# --- PU014 -------------------------------------------------------------------------------------

_HYPHENS = re.compile(r"(?<![-－])(?:-{2,3}|－{2,3})(?![-－])")
_LATIN_WORD = re.compile("[A-Za-z]{2}")
_NUMBER_RANGE_AFTER = re.compile(rf"[ \t]*\d+(?:\.\d+)?[ \t]*[{CJK}%％]")


def _neighbour(text: str, at: int, step: int) -> str:
    """The first character before (step -1) or after (step 1) ``at`` that is not a space."""
    while 0 <= at < len(text) and text[at] in " \t\u3000":
        at += step
    return text[at] if 0 <= at < len(text) else ""


def _line_start(ctx: Context, block: Block, at: int) -> bool:
    """Whether text index ``at`` of a block is the first visible character of its source line."""
    offset = block.offsets.offset(at)
    source = ctx.doc.source
    return not source[source.rfind("\n", 0, offset) + 1 : offset].strip(_LEAD_MARKUP)


@check("PU014")
def dash_form(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_HYPHENS):
        text = block.text
        if block.first.kind is BlockKind.TABLE or (not CJK_CHAR.search(text) and _LATIN_WORD.search(text)):
            continue  # a table, English text
        for m in block.finditer(_HYPHENS):
            before, after = _neighbour(text, m.start() - 1, -1), _neighbour(text, m.end(), 1)
            if (
                not before
                or _line_start(ctx, block, m.start())
                or not after
                or _LATIN.match(text[m.end() : m.end() + 1])
            ):
                continue  # a bullet (-- 第一项), a command-line option (--help), a stroke at the end of a line
            if before.isdigit() and _NUMBER_RANGE_AFTER.match(text, m.end()):
                continue  # a range of figures: NB001
            run = m.group()
            start, end = m.start(), m.end()
            if CJK_CHAR.match(before) and CJK_CHAR.match(after):
                while start and text[start - 1] in " \t\u3000":
                    start -= 1
                while end < len(text) and text[end] in " \t\u3000":
                    end += 1
                # not applied by --fix: between two place names (北京--上海) it is a connector, “—”
                yield Finding(
                    block.span(m.start(), m.end()),
                    f"破折号应写作“——”（两个连续的一字线），不用“{run}”",
                    fix=Fix.unsafe(Edit(block.span(start, end), "——")),
                )
                continue
            yield Finding(
                block.span(m.start(), m.end()),
                f"“{run}”不是中文标点：表示起止应写作一字线“—”或浪纹线“～”，作破折号应写作“——”",
            )


# --- PU015 -------------------------------------------------------------------------------------

_QUOTED_ITEMS = re.compile("(?<=[”》])、(?=[“《])")


@check("PU015")
def dunhao_between_quoted_items(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_QUOTED_ITEMS):
        yield Finding(
            block.span(m.start(), m.end()),
            "并列的引号或书名号之间通常不用顿号：“”、“”可写作“”“”",
            fix=Fix.safe(Edit(block.span(m.start(), m.end()), "")),
        )


# --- PU017 -------------------------------------------------------------------------------------

#: blanks before a point mark: spaces around quotation marks and brackets are left alone, they are
#: common typesetting in edited reports and reviewers do not mark them
_SPACED_MARK = re.compile("(?=[ \t\u3000])(?<=[^ \t\u3000\n])[ \t\u3000]+(?=[，。、；：？！])")


@check("PU017")
def space_around_fullwidth_punct(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_SPACED_MARK):
        if block.first.kind is BlockKind.TABLE:
            continue
        skip = _marker_end(ctx, block)
        for m in block.finditer(_SPACED_MARK):
            if m.start() <= skip or m.start() in block.joins or m.end() in block.joins:
                continue
            yield Finding(
                block.span(m.start(), m.end()),
                "全角标点前后不加空格：这里的空格应删去",
                fix=Fix.safe(Edit(block.span(m.start(), m.end()), "")),
            )


# --- PU020 -------------------------------------------------------------------------------------

_INTERPUNCT = re.compile(rf"(?<=[{CJK}0-9])[・•‧∙](?=[{CJK}0-9])")


@check("PU020")
def interpunct_form(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_INTERPUNCT):
        yield Finding(
            block.span(m.start(), m.end()),
            f"间隔号应写作“·”，不用“{m.group()}”",
            fix=Fix.safe(Edit(block.span(m.start(), m.end()), "·")),
        )


# --- PU021 / PU022 -----------------------------------------------------------------------------

_TRAILING = " \t\u3000"
_FINAL_MARKS = "。？！…"
#: a paragraph of several sentences: one of them ends before the paragraph does
_SENTENCE_END = re.compile("[。？！](?!$)")
#: or a long sentence of several clauses
_CLAUSES = re.compile("[，,].*[，,]")
_LONG_SENTENCE = 30
#: what a sentence may end with besides a final mark (a colon introduces what follows)
_OPEN_END = re.compile(rf"[{CJK}A-Za-z0-9）)]$")


def _is_heading(ctx: Context, block: Block) -> bool:
    para = block.first
    if para.kind is BlockKind.HEADING:
        return True
    heading = ctx.views.outline.heading_at(para.index)
    return heading is not None and heading.standalone


def _ends_list(ctx: Context, blocks: list[Block], n: int) -> bool:
    """Whether a paragraph ending in ； is wrongly ended: nothing of its list follows it (the end of the
    text, a heading, a paragraph that is not an item of the same list), or the list goes on after an
    item that ends in 。 (the ； item is then inconsistent with its siblings)."""
    if n + 1 >= len(blocks):
        return True
    following = blocks[n + 1].text.rstrip(_TRAILING)
    if following.endswith("；"):
        return False
    markers = ctx.views.markers
    mine = markers.get(blocks[n].first.index)
    sibling = markers.get(blocks[n + 1].first.index)
    if mine is not None and sibling is not None and sibling.family is mine.family:
        if n + 2 >= len(blocks) or not following.endswith(("。", "！", "？")):
            return False
        later = markers.get(blocks[n + 2].first.index)
        return later is not None and later.family is mine.family
    return _is_heading(ctx, blocks[n + 1])


def _next_is_new_paragraph(ctx: Context, blocks: list[Block], n: int) -> bool:
    """Whether what follows block ``n`` starts a new paragraph: a heading, nothing, or (in a plain-text
    file, where one paragraph may be hard-wrapped over several lines) text after a blank line."""
    if n + 1 >= len(blocks) or _is_heading(ctx, blocks[n + 1]):
        return True
    if ctx.doc.format is not Format.TEXT:
        return True
    gap = ctx.doc.source[blocks[n].paragraphs[-1].end : blocks[n + 1].first.start]
    return gap.count("\n") >= 2


@check("PU021")
def paragraph_ends_with_pause(ctx: Context) -> Iterator[Finding]:
    blocks = ctx.views.blocks
    for n, block in enumerate(blocks):
        text = block.text.rstrip(_TRAILING)
        if not text or block.first.kind is BlockKind.TABLE or not CJK_CHAR.search(text):
            continue
        last = len(text) - 1
        if block.masked(last, last + 1):
            continue
        mark = text[last]
        if mark == "-" and last and text[last - 1] in _TRAILING and len(text) > 2:
            yield Finding(block.span(last, last + 1), "段末多了一个“-”，应删去")
            continue
        if mark not in "，、；" or last < _marker_end(ctx, block) or last == 0:
            continue
        if mark == "；" and not _ends_list(ctx, blocks, n):
            continue  # an item of a list whose items end in ；
        if mark != "；" and not _next_is_new_paragraph(ctx, blocks, n):
            continue  # a line of a hard-wrapped paragraph
        yield Finding(
            block.span(last, last + 1),
            f"段落不能以{_NAMES[mark]}“{mark}”结尾：句子写完了应改为句号“。”，没写完的要补全",
            fix=Fix.unsafe(Edit(block.span(last, last + 1), "。")),
        )


#: a sentence paragraph shorter than this is more likely a label, a caption or a heading
_SENTENCE_MIN = 12


#: a note in brackets after the final mark: 严格遵守各项规定。（注：……）
_NOTE_AFTER_END = re.compile(r"[。？！][（(][^（）()]*[）)]$")
_EMOTICON_END = re.compile(r"(?:[:：;；][-‑]?[)）]|\^[_\-oO.ω]?\^)$")


#: invisible characters a conversion leaves on a line of its own between two halves of a sentence
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff" + _TRAILING
#: a next paragraph this short without a final mark (a subscript, a footnote number, a linked word
#: on a line of its own) is a fragment of the sentence, not a paragraph
_FRAGMENT = 8

_GAPS: WeakKeyDictionary[Views, int] = WeakKeyDictionary()


def _gap(ctx: Context, blocks: list[Block], n: int) -> int:
    """Line breaks between block ``n`` and the next one."""
    return ctx.doc.source.count("\n", blocks[n].paragraphs[-1].end, blocks[n + 1].first.start)


def _usual_gap(ctx: Context, blocks: list[Block]) -> int:
    usual = _GAPS.get(ctx.views)
    if usual is None:
        gaps = Counter(_gap(ctx, blocks, n) for n in range(len(blocks) - 1))
        usual = _GAPS[ctx.views] = gaps.most_common(1)[0][0] if gaps else 1
    return usual


def _continued(ctx: Context, blocks: list[Block], n: int) -> bool:
    """Whether the next paragraph carries on the sentence of block ``n`` (a line break left by a
    conversion): it is a short fragment or invisible characters, or, in a plain-text file, it follows
    with fewer blank lines than the document puts between its paragraphs."""
    if n + 1 >= len(blocks) or _is_heading(ctx, blocks[n + 1]):
        return False
    following = blocks[n + 1].text.strip(_INVISIBLE)
    if len(following) <= _FRAGMENT and not following.endswith(tuple(_FINAL_MARKS)):
        return True
    return ctx.doc.format is Format.TEXT and _gap(ctx, blocks, n) < _usual_gap(ctx, blocks)


@check("PU022")
def missing_final_mark(ctx: Context) -> Iterator[Finding]:
    blocks = ctx.views.blocks
    # (a paragraph that GA001 reports as cut off, even on a weak sign, goes on in the next one: no full stop is missing)
    cut = {split.first.index for split in ctx.views.splits if not split.title}
    for n, block in enumerate(blocks):
        para = block.first
        if para.kind not in (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE) or block.paragraphs[-1].index in cut:
            continue
        text = block.text.rstrip(_TRAILING)
        start = _marker_end(ctx, block)
        if len(text) - start < _SENTENCE_MIN or not _OPEN_END.search(text) or not CJK_CHAR.search(text[-6:]):
            continue
        # a long sentence of clauses without a full stop may be a lead sentence heading the paragraphs
        # after it (政府工作报告 set them on a line of their own): only at the end of a section
        several = _SENTENCE_END.search(text, start) or (
            len(text) - start >= _LONG_SENTENCE
            and _CLAUSES.search(text, start)
            and (n + 1 == len(blocks) or _is_heading(ctx, blocks[n + 1]))
        )
        if not several or _is_heading(ctx, block):
            continue
        if block.masked(len(text) - 1, len(text)) or (n == 0 and len(blocks) > 1):
            continue  # a URL at the end; the title
        if _EMOTICON_END.search(text) or _NOTE_AFTER_END.search(text) or _continued(ctx, blocks, n):
            continue  # an emoticon ends it (PU023); the rest of the sentence is on the next line
        yield Finding(
            block.span(len(text) - 1, len(text)),
            "段末缺少句末标点：这一段是完整的句子，结尾应加句号“。”",
            fix=Fix.unsafe(Edit(block.span(len(text), len(text)), "。")),
        )


# --- PU023 -------------------------------------------------------------------------------------

_EMOTICON = re.compile(
    r"(?=[:：;；^Tㄒ=])(?<![A-Za-z0-9])(?:"
    r"[:：;；][-‑]?[)）](?![)）])"  # :) ：） ;-)
    r"|\^[_\-oO.ω]?\^"  # ^_^ ^^
    r"|[Tㄒ]_[Tㄒ]|=_="
    r")"
)


@check("PU023")
def emoticon(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_EMOTICON):
        if m.group()[0] in ":：;；":
            if not CJK_CHAR.match(block.text[m.start() - 1 : m.start()] or " "):
                continue  # only after Chinese text
            before = block.text[: m.start()]
            if before.count("（") + before.count("(") > before.count("）") + before.count(")"):
                continue  # the bracket closes one opened before: （附件：）
        yield Finding(
            block.span(m.start(), m.end()),
            f"工作总结中不用表情符号“{m.group()}”：句子结束应用句号",
        )


# --- PU024 -------------------------------------------------------------------------------------


def _cut_at(text: str, offset: int) -> list[Token]:
    """The words of ``text``, which stands at ``offset`` of its block."""
    return [replace(w, start=w.start + offset, end=w.end + offset) for w in focused_cut(text)]


@check("PU024")
def comma_in_word_list(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(wordlists.CANDIDATE, wordlists.LAST_ITEM):
        text = block.text
        for start, end in wordlists.stretches(text):
            if block.masked(start, end):
                continue
            commas: dict[int, str] = {}
            if wordlists.CANDIDATE.search(text, start, end):
                for found in wordlists.find_lists(text, start, end, _cut_at):
                    for at in found.commas:
                        left = next(item for item in reversed(found.items) if item.end <= at)
                        right = next(item for item in found.items if item.start > at)
                        commas[at] = text[left.start : right.end]
            for at, shown in wordlists.last_item_commas(text, start, end, _cut_at):
                commas.setdefault(at, shown)
            for at, shown in sorted(commas.items()):
                yield Finding(
                    block.span(at, at + 1),
                    f"并列词语之间用顿号：“{shown}”中的逗号应改为顿号“、”",
                    fix=Fix.unsafe(Edit(block.span(at, at + 1), "、")),
                )


# --- PU025 -------------------------------------------------------------------------------------

#: 、 right before an inline ordinal 二是 … 十是 (the point after it is a clause, not a word of a list).
_DUNHAO_ORDINAL = re.compile(r"、(?=[二三四五六七八九十]是(?![否非]))")
_FIRST_POINT = re.compile(r"(?:^|(?<=[。；：！？，,;:\s]))一是")


@check("PU025")
def dunhao_before_inline_ordinal(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_DUNHAO_ORDINAL):
        first = _FIRST_POINT.search(block.text)
        if first is None:
            continue
        for m in block.finditer(_DUNHAO_ORDINAL):
            if m.start() < first.end():
                continue
            ordinal = block.text[m.end() : m.end() + 2]
            yield Finding(
                block.span(m.start(), m.end()),
                f"分句之间误用顿号：“{ordinal}”开始新的一点，前面应用分号“；”或句号，不用顿号",
                fix=Fix.unsafe(Edit(block.span(m.start(), m.end()), "；")),
            )


# --- PU026 -------------------------------------------------------------------------------------

_ANGLE_OPEN = re.compile(r"[<＜≪]")
#: doubled angle brackets standing for 书名号 (<<中国工会章程>>, ＜＜……＞＞, ≪……≫)
_DOUBLE_ANGLE = re.compile(r"(?P<open><<|＜＜|≪)(?P<inner>[^<>＜＞≪≫\n]{1,60}?)(?P<close>>>|＞＞|≫)")
#: a single pair of them around a document's title (<审计整改工作管理办法>); a slot of a template (<单位名称>) is
#: PH005's
_SINGLE_ANGLE = re.compile(r"(?<![<＜])(?P<open>[<＜])(?P<inner>[^<>＜＞≪≫\n]{2,60}?)(?P<close>[>＞])(?![>＞])")
#: how the title of a law, a regulation or a document ends (a version in brackets may follow: 办法（试行）)
_TITLE_END = re.compile(
    r"(?:法|条例|规定|办法|通知|意见|方案|章程|手册|制度|规划|纲要|标准|规范|指南|细则|决定|公告|守则|准则|要点|"
    r"计划|报告|规则|须知|大纲|宪法|决议|意见稿)(?:[（(][^）)]{1,8}[）)])?$"
)


@check("PU026")
def angle_brackets_as_title_marks(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_ANGLE_OPEN):
        text = block.text
        for pattern, sure in ((_DOUBLE_ANGLE, True), (_SINGLE_ANGLE, False)):
            for m in block.finditer(pattern):
                inner = m.group("inner")
                if not CJK_CHAR.search(inner) or (not sure and not _TITLE_END.search(inner.strip())):
                    continue
                before = text[: m.start()]
                nested = before.count("《") > before.count("》")  # (inside a title: 〈〉)
                opener, closer = ("〈", "〉") if nested else ("《", "》")
                span = block.span(m.start(), m.end())
                edits = (
                    Edit(block.span(m.start(), m.start("inner")), opener),
                    Edit(block.span(m.end("inner"), m.end()), closer),
                )
                shown = inner if len(inner) <= 16 else inner[:14] + "…"
                yield Finding(
                    span,
                    f"书名号不用尖括号代替：“{m.group('open')}{shown}{m.group('close')}”应写作“{opener}{shown}{closer}”",
                    fix=Fix.safe(*edits) if sure else Fix.unsafe(*edits),
                )


# --- PU027 -------------------------------------------------------------------------------------

#: a colon between a verb of amount and its figure (余额达：36.82亿元; 同比增长：12%): the figure is the verb's object
_COLON_AFTER_VERB = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:达到|高达|约为|增长|下降|提高|达|约|为)(?P<colon>[：:])[ \t]*(?=[0-9０-９])"
)


#: a colon inside a sentence between what a verb of accomplishment achieved and its figure, the sentence going on
#: after it (全年实现中间业务收入：1286万元，同比增长18.7%; 全年获批省部级项目：89项，其中……;
#: 审核拨付维修资金：2860.5万元，涉及……): 实现……收入1286万元 is one clause
_COLON_IN_CLAUSE = re.compile(
    r"(?:实现|完成|累计|新增|达成|录得|获批|获得|争取|引进|签约|签订|接待|受理|办结|发放|拨付|投入|筹集|兑付|办理|化解|收缴|落实)"
    r"[^，。；：:！？\n]{1,12}?(?P<colon>[：:])"
    r"(?=[ \t]*\d[\d.]*[ \t]*[万亿]?[\u4e00-\u9fff%％]{0,3}[，,])"
)


@check("PU027")
def colon_after_verb_of_amount(ctx: Context) -> Iterator[Finding]:
    for pattern in (_COLON_AFTER_VERB, _COLON_IN_CLAUSE):
        for block, m in ctx.views.matches(pattern):
            start, end = m.span("colon")
            before = block.text[m.start() : start]
            why = (
                f"“{before}”和后面的数字之间不用冒号：数字是“{before}”的宾语"
                if pattern is _COLON_AFTER_VERB
                else f"句子中间不用冒号：“{before}”和后面的数字是同一个分句"
            )
            yield Finding(block.span(start, end), f"{why}，冒号应删除", fix=Fix.safe(Edit(block.span(start, end), "")))


# --- PU028 -------------------------------------------------------------------------------------

#: 、 right before a word that opens a clause (新引进企业37家、其中亿元以上项目3个): the point after it is a clause,
#: not a word of a list.  (Not 但: 有某些观点、但不固执己见、遵守纪律的人 lists what describes someone;
#: nor a change after a figure: the government work report writes 赤字规模5.66万亿元、比上年增加1.6万亿元.)
_DUNHAO_CLAUSE = re.compile(r"、(?=(?P<word>其中|并且|从而|因此|所以))")
#: 其中 in a phrase that 的 makes a modifier of a noun (落实每天两小时户外活动、其中一小时体育活动的要求): a list
#: inside a noun phrase, no clause.
_MODIFIER_AFTER = re.compile(r"其中[^，,。；;！？、：:]{1,20}的[^，,。；;！？、\d]{1,6}(?:[，,。；;！？]|$)")


@check("PU028")
def dunhao_before_clause(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_DUNHAO_CLAUSE):
        if m.group("word") == "其中" and _MODIFIER_AFTER.match(block.text, m.end()):
            continue
        span = block.span(m.start(), m.end())
        yield Finding(
            span,
            f"分句之间误用顿号：“{m.group('word')}”开始一个分句，前面应用逗号“，”，不用顿号",
            fix=Fix.unsafe(Edit(span, "，")),
        )


# --- PU029 -------------------------------------------------------------------------------------

#: a comma, then a bracket of at least six characters of comment (这些项目，（这里又出现了一些小问题……）): the comment
#: belongs right after the word it is about; not an ordinal (，（1）, ，（二）) nor a short slot (，（单位名称）)
_COMMA_BRACKET = re.compile(r"，（(?![0-9０-９一二三四五六七八九十]{1,3}）)(?=[^（）\n]{6})")


@check("PU029")
def comma_before_bracket(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_COMMA_BRACKET):
        yield Finding(
            block.span(m.start(), m.end()),
            "逗号后紧接着括号：句内括号应紧跟在它注释的词语后面，逗号放到括号之后",
        )
