"""The checks of family GA (see the package's docstring): GA005–GA008, GA013, GA014."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from functools import cache

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import Format, Paragraph
from summarylint.rules.base import Context, check
from summarylint.rules.garbled.mojibake import (
    Reencoded,
    find_marks,
    find_reencoded,
    looks_garbled,
    rare_characters,
    redecode,
)
from summarylint.source import Span
from summarylint.text.artefacts import HTML_REFERENCE
from summarylint.text.artefacts import artefact_pack as _pack
from summarylint.text.chars import CJK as _CJK
from summarylint.text.measure import lost_figure
from summarylint.views.blocks import Block

_BLANKS = " \t\u3000\xa0"


def _shown(text: str, width: int = 8) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


# --- GA005 -------------------------------------------------------------------------------------

#: when at least this share of the paragraphs (and at least WHOLE_MIN of them) are garbled, the
#: whole document was decoded wrongly: one finding says so
WHOLE_SHARE = 0.5
WHOLE_MIN = 5


def _repair(para: Paragraph) -> tuple[Fix | None, str]:
    repaired = redecode(para.text)
    if repaired is None:
        return None, ""
    text, wrong, right = repaired
    hint = f"；按 {right.upper()} 重新解码（而不是 {wrong.upper()}）可得到“{_shown(text, 12)}”"
    return Fix.unsafe(Edit(para.span(0, len(para.text)), text)), hint


#: How far after a stretch of mojibake a replacement character still belongs to it (缁熺�＄悊鐜�: the characters between
#: are mojibake the repair could not read either, no mark or space).
_MOJIBAKE_GAP = 6
_BREAKS_MOJIBAKE = re.compile(r"[\s，。；：、！？,.;:!?（）()“”]")


def _in_mojibake(text: str, at: int, reencoded: Sequence[Reencoded]) -> bool:
    """Whether the replacement character at ``at`` stands in a stretch of mojibake: within :data:`_MOJIBAKE_GAP`
    characters after one of ``reencoded`` or right before one, with no mark or space between."""
    return text[at] == "\ufffd" and any(_near(text, at, r) for r in reencoded)


def _near(text: str, at: int, r: Reencoded) -> bool:
    """Whether ``at`` is within :data:`_MOJIBAKE_GAP` characters of the stretch ``r``, with no mark or space between."""
    if r.end <= at <= r.end + _MOJIBAKE_GAP:
        return not _BREAKS_MOJIBAKE.search(text, r.end, at)
    return r.start - _MOJIBAKE_GAP <= at < r.start and not _BREAKS_MOJIBAKE.search(text, at + 1, r.start)


#: A paragraph with at least this many pieces of mojibake that cover at least this share of it (or whose Chinese
#: characters are mostly outside the common table, pieces no repair could read among them) is reported once, as
#: a paragraph of mojibake (a line copied with the wrong encoding, broken up by bytes nothing could read), not piece by
#: piece.
PARAGRAPH_PIECES = 3
PARAGRAPH_SHARE = 0.5


def _mostly_garbled(para: Paragraph, found: list[Finding]) -> Finding | None:
    """One finding for a paragraph most of which the pieces ``found`` cover (:data:`PARAGRAPH_PIECES`,
    :data:`PARAGRAPH_SHARE`), or None."""
    if len(found) < PARAGRAPH_PIECES:
        return None
    covered = sum(f.span.end - f.span.start for f in found)
    han, uncommon = rare_characters(para.text)  # (uncommon: the pieces between that no repair could read, 鍚屾椂)
    if covered < PARAGRAPH_SHARE * len(para.text.strip()) and len(uncommon) < PARAGRAPH_SHARE * han:
        return None
    fix, hint = _repair(para)
    if fix is None and all(f.fix is not None for f in found):
        fix = Fix.unsafe(*(edit for f in found if f.fix is not None for edit in f.fix.edits))
    return Finding(
        para.span(0, len(para.text)),
        f"本段大部分是乱码（{len(found)} 处）：多半是复制或转换时用错了编码，"
        f"如第一处{found[0].message.removeprefix('乱码')}{hint}",
        fix=fix,
    )


def _paragraph_mojibake(para: Paragraph) -> list[Finding]:
    """GA005's findings in one paragraph: stretches of mojibake, garbled marks, or rare characters that suggest a wrong
    decoding; one finding for a paragraph that is mostly mojibake (:func:`_mostly_garbled`)."""
    found = _pieces(para)
    merged = _mostly_garbled(para, found)
    return [merged] if merged is not None else found


def _pieces(para: Paragraph) -> list[Finding]:
    findings: list[Finding] = []
    marks = find_marks(para.text)
    reencoded = [r for r in find_reencoded(para.text) if not any(m.start < r.end and r.start < m.end for m in marks)]
    # (a replacement character inside a stretch of mojibake is the same damage: a byte the wrong decoding could not
    # read, 缁熺�＄悊: the stretch's finding says so, not one finding more for each)
    inside = [m for m in marks if _in_mojibake(para.text, m.start, reencoded)]
    marks = tuple(m for m in marks if m not in inside)
    for r in reencoded:
        more = "（前后夹着无法解码的字节“�”）" if any(_near(para.text, m.start, r) for m in inside) else ""
        findings.append(
            Finding(
                para.span(r.start, r.end),
                f"乱码“{_shown(para.text[r.start : r.end], 12)}”：UTF-8 编码的文字被按 {r.wrong.upper()} 读出，"
                f"原文应为“{r.repaired}”{more}",
                fix=Fix.unsafe(Edit(para.span(r.start, r.end), r.repaired)),
            )
        )
    if reencoded and not marks:
        return findings
    if marks:
        fix, hint = _repair(para)
        for n, mark in enumerate(marks):
            found = para.text[mark.start : mark.end]
            shown = _shown(found.encode("unicode_escape").decode("ascii") if not found.isprintable() else found)
            findings.append(
                Finding(
                    para.span(mark.start, mark.end),
                    f"乱码“{shown}”：{mark.why}{hint if n == 0 else ''}",
                    fix=fix if n == 0 else None,
                )
            )
        return sorted(findings, key=lambda f: f.span.start)
    rare = looks_garbled(para.text)
    if rare:
        fix, hint = _repair(para)
        sample = "".join(dict.fromkeys(rare))[:8]
        findings.append(
            Finding(
                para.span(0, len(para.text)),
                f"疑似乱码：本段有{len(rare)}个生僻字（如“{sample}”），多半是编码读错了{hint}",
                fix=fix,
            )
        )
    return findings


@check("GA005")
def mojibake(ctx: Context) -> Iterator[Finding]:
    prose = [p for p in ctx.doc.prose if p.text]
    findings = [(para, finding) for para in prose for finding in _paragraph_mojibake(para)]
    garbled = list(dict.fromkeys(p.index for p, _ in findings))
    if len(garbled) >= WHOLE_MIN and len(garbled) >= WHOLE_SHARE * len(prose):
        first = next(p for p in prose if p.index == garbled[0])
        yield Finding(
            first.span(0, len(first.text)),
            f"全文疑似乱码：{len(prose)}段中有{len(garbled)}段含乱码，文件可能是用错误的编码保存或打开的，"
            "请用正确的编码（UTF-8 或 GBK）重新打开后另存",
        )
        return
    for _, finding in findings:
        yield finding


# --- GA006 -------------------------------------------------------------------------------------


@cache
def _invisible() -> tuple[re.Pattern[str], dict[str, str]]:
    pack = _pack().invisible
    names = {c.char: c.name for c in pack.delete}
    names[pack.nbsp.char] = pack.nbsp.name
    deleted = "".join(re.escape(c.char) for c in pack.delete)
    nbsp = re.escape(pack.nbsp.char)
    pattern = re.compile(rf"[{deleted}]+|(?<=[{_CJK}]){nbsp}+|{nbsp}+(?=[{_CJK}])")
    return pattern, names


def _emoji_joiner(text: str, start: int, end: int) -> bool:
    """U+200D inside an emoji sequence is part of the emoji."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return text[start:end] == "\u200d" and any(ch and (ord(ch) >= 0x1F000 or ch == "\ufe0f") for ch in (before, after))


@check("GA006")
def invisible_chars(ctx: Context) -> Iterator[Finding]:
    pattern, names = _invisible()
    nbsp = _pack().invisible.nbsp.char
    for para in ctx.doc.prose:
        for m in pattern.finditer(para.text):
            if _emoji_joiner(para.text, m.start(), m.end()):
                continue
            run = m.group()
            name = names[run[0]]
            count = f"{len(run)}个" if len(run) > 1 else ""
            span = para.span(m.start(), m.end())
            # inside the text it breaks searching and line breaking; at the edge of a line it is harmless
            inside = m.start() > 0 and m.end() < len(para.text.rstrip(_BLANKS + "".join(names)))
            severity = None if inside else Severity.INFO
            if run[0] == nbsp:
                yield Finding(
                    span, f"文中有{count}{name}，应改为普通空格或删除", severity=severity, fix=Fix.safe(Edit(span, " "))
                )
            else:
                yield Finding(
                    span, f"文中有{count}看不见的{name}，应删除", severity=severity, fix=Fix.safe(Edit(span, ""))
                )


# --- GA007 -------------------------------------------------------------------------------------


@cache
def _masked() -> tuple[re.Pattern[str], re.Pattern[str]]:
    pack = _pack().masked
    chars = "|".join(("\\\\?" if c == "*" else "") + re.escape(c) for c in pack.chars)
    masked = re.compile(rf"(?<=[{_CJK}])(?:{chars}){{1,3}}(?=[{_CJK}])")
    boxes = "".join(re.escape(c) for c in pack.checkbox)
    checkbox = re.compile(rf"(?:^|(?<=[\s\u3000，。；：、]))[{boxes}]\s*[{_CJK}]")
    return masked, checkbox


def _in_context(block: Block, m: re.Match[str]) -> str:
    """The match with up to four characters either side, as a message shows it."""
    return block.text[max(0, m.start() - 4) : m.end() + 4]


@check("GA007")
def masked_character(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(lost_figure()):
        yield Finding(
            block.span(m.start(), m.end()),
            f"“{_in_context(block, m)}”中的“{m.group()}”像是转换时丢失的数字，应补上原来的数字",
        )
    masked, checkbox = _masked()
    for block in ctx.views.candidates(masked):
        form = checkbox.search(block.text) is not None
        for m in block.finditer(masked):
            run = m.group()
            if form and run[0] in "□■":
                continue
            span = block.span(m.start(), m.end())
            if _overlaps_any(span, ctx.views.placeholder_spans):
                continue  # digits masked before a measure word are an unfilled slot (PH002)
            yield Finding(span, f"“{_in_context(block, m)}”中的“{run}”像是被屏蔽或替换掉的文字，应补上原词")


# --- GA008 -------------------------------------------------------------------------------------

_ESCAPES = re.compile(r"(?:\\[_*#\[\]()>])+")


@check("GA008")
def markdown_escape_residue(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_ESCAPES):
        run = m.group()
        edits = [Edit(block.span(i, i + 1), "") for i in range(m.start(), m.end(), 2)]
        yield Finding(
            block.span(m.start(), m.end()),
            f"“{_shown(run, 12)}”是 Markdown 转义符的残留，反斜杠应删除",
            fix=Fix.safe(*edits),
        )


# --- GA013 -------------------------------------------------------------------------------------

#: A run of HTML character references: named (&nbsp; &ldquo;) or numeric (&#8220; &#x201C;).
_ENTITIES = re.compile(f"(?:{HTML_REFERENCE})+")
_ENTITY = re.compile(HTML_REFERENCE)
#: References that escape Markdown's or HTML's own syntax: written on purpose in a Markdown file.
_MARKUP_ESCAPES = frozenset({"&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&#39;", "&#60;", "&#62;", "&#38;"})
#: Spaces a reference stands for (a no-break space is GA006's): none beside Chinese text, else an ordinary space.
_SPACES = frozenset({"\xa0", "\u2002", "\u2003", "\u2009", "\u3000"})
_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z]")
#: Lines of a Markdown source opening with space references (&emsp;&emsp;本年度……) ...
_INDENTS = re.compile(r"^[ \t>]*(?:&(?:nbsp|ensp|emsp|thinsp|#160|#12288|#x3000);)+", re.MULTILINE)
#: ... as many as this make a style of indenting, not a remnant: a single one is copied from a web page.
_INDENT_STYLE = 2


#: An ampersand written out inside a name of Latin letters (R&amp;D, P&amp;G, Q&amp;A) or between Chinese words with no
#: space (人力资源&amp;培训部): Markdown shows R&D as it is, so the reference was copied from a web page, not written to
#: escape the syntax (A &amp; B may be).
_AMPERSAND_IN_NAME = re.compile(r"(?<=[^\W_])&(?:amp|#38);(?=[^\W_])(?![A-Za-z#][A-Za-z0-9]*;)")


def _meant(entity: str, markdown: bool, in_name: bool = False) -> str | None:
    """The character an HTML reference stands for, or None when it is no reference (R&D;) or, in Markdown, one
    that escapes the syntax on purpose (not an ampersand inside a name: ``in_name``, :data:`_AMPERSAND_IN_NAME`)."""
    char = html.unescape(entity)
    if char == entity or (markdown and entity.lower() in _MARKUP_ESCAPES and not in_name):
        return None
    return char


@check("GA013")
def html_entity_residue(ctx: Context) -> Iterator[Finding]:
    markdown = ctx.doc.format is Format.MARKDOWN
    indents: int | None = None
    for block, m in ctx.views.matches(_ENTITIES):
        text = block.text
        parts = [
            (e.group(), _meant(e.group(), markdown, bool(_AMPERSAND_IN_NAME.match(text, m.start() + e.start()))))
            for e in _ENTITY.finditer(m.group())
        ]
        if all(char is None for _, char in parts):
            continue
        span = block.span(m.start(), m.end())
        if markdown and all(char in _SPACES for _, char in parts) and _opens_line(ctx.doc.source, span.start):
            if indents is None:
                indents = len(_INDENTS.findall(ctx.doc.source))
            if indents >= _INDENT_STYLE:
                continue  # (&emsp;&emsp; opening lines of Markdown indents them on purpose, as a style)
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        spaced = bool(_LATIN_OR_DIGIT.match(before)) and bool(_LATIN_OR_DIGIT.match(after))
        replacement = "".join(
            entity if char is None else ((" " if spaced else "") if char in _SPACES else char) for entity, char in parts
        )
        yield Finding(
            span,
            f"“{_shown(m.group(), 16)}”是从网页复制时留下的 HTML 字符实体，{_advice(replacement)}",
            fix=Fix.safe(Edit(span, replacement)),
        )


def _advice(replacement: str) -> str:
    if replacement.strip(" "):
        return f"应写作「{replacement}」"
    return "应写作一个空格" if replacement else "应删去"


def _opens_line(source: str, at: int) -> bool:
    """Whether only blanks (or Markdown's block marks) stand between the start of its line and ``at`` in ``source``."""
    start = source.rfind("\n", 0, at) + 1
    return source[start:at].strip(" \t>") == ""


# --- GA014 -------------------------------------------------------------------------------------

#: A bookmark a conversion from Word leaves as an empty span with an id (pandoc: []{#_Toc170231562 .anchor}): Word
#: names its hidden bookmarks with a leading underscore (_Toc, _Hlk, _Ref).
_BOOKMARK = re.compile(r"\[\]\{#_[A-Za-z]+\d*[^}\n]{0,40}\}")


@check("GA014")
def word_bookmark_residue(ctx: Context) -> Iterator[Finding]:
    source = ctx.doc.source
    if "]{#_" not in source:
        return
    for m in _BOOKMARK.finditer(source):
        span = Span(m.start(), m.end())
        yield Finding(
            span,
            f"“{_shown(m.group(), 16)}”是 Word 文档转换时留下的书签锚点，在正文中原样显示，应删除",
            fix=Fix.safe(Edit(span, "")),
        )
