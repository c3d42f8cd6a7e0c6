"""Family NU (numbering of headings, GB/T 9704-2012 §7.3.3, GB/T 15834-2011 B.3) and GA009."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.document import BlockKind, Paragraph
from summarylint.outline import Family, Group, Heading, IssueKind, Marker
from summarylint.outline.markers import chinese_numeral
from summarylint.rules.base import Context, check

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_LEVEL_NAMES = {0: "章节", 1: "第一层", 2: "第二层", 3: "第三层", 4: "第四层", 5: "第五层"}
_LEVEL_EXAMPLES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}


def _shown(marker: Marker) -> str:
    return marker.text or marker.canonical


def _auto_note(marker: Marker) -> str:
    return "（Word 自动编号）" if marker.auto else ""


def _typed(ctx: Context) -> Iterator[tuple[Paragraph, Marker]]:
    """Paragraphs whose marker is typed in the text (not a Word numbering label)."""
    paragraphs = ctx.doc.paragraphs
    for index, marker in ctx.views.markers.items():
        if not marker.auto:
            yield paragraphs[index], marker


def with_value(marker: Marker, value: int) -> str:
    """The marker's own text with its number replaced by ``value`` (same shape)."""
    if marker.enclosed or marker.family in (Family.LATIN, Family.ROMAN):
        return marker.canonical
    if marker.family is Family.DECIMAL:
        return re.sub(r"[0-9０-９]+$", str(value), marker.text)
    if marker.family in (Family.CN_BARE, Family.CN_PAREN, Family.CHAPTER, Family.SHI):
        return re.sub(r"[一二三四五六七八九十]+", chinese_numeral(value), marker.text, count=1)
    digits = str(value)
    if marker.fullwidth_digits:
        digits = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return re.sub(r"[0-9０-９]+", digits, marker.text, count=1)


#: ``……工作：1、接口联调；2、文档编写`` — an enumeration in running text, after a clause mark.
_INLINE_ORDINAL = re.compile(rf"(?<=[：:；;。！？，,])[ \u3000]*(\d{{1,2}})([、：:])(?=[{_CJK}“《（])")


def _wrong_delimiter(marker: Marker) -> bool:
    return marker.family is Family.AR_BARE and not marker.enclosed and marker.delimiter in "、，,：:"


def _inline_run(para: Paragraph, marker: Marker | None) -> Iterator[re.Match[str]]:
    """Inline ordinals that number a sequence 1、2、3、 (with the paragraph's own marker as its start):
    ``共3、4项`` or a lone ``5、`` is no enumeration."""
    expected = marker.value + 1 if marker is not None and _wrong_delimiter(marker) else 1
    run: list[re.Match[str]] = []
    start = marker.end if marker is not None else 0
    for m in _INLINE_ORDINAL.finditer(para.text, start):
        value = int(m.group(1))
        if value == expected:
            run.append(m)
            expected += 1
        elif value == 1:
            run, expected = [m], 2
    if len(run) >= 2 or (run and int(run[0].group(1)) > 1):
        yield from run


def _stands_in(ctx: Context, para: Paragraph, marker: Marker) -> bool:
    """Whether ``marker`` stands in for the next item of a group of another family (### 3、 between ### （二） and
    ### （四）): NU009 reports it with the group's form, and a mark after its numeral is no matter."""
    heading = ctx.views.outline.heading_at(para.index)
    return heading is not None and heading.group.first.marker.family is not marker.family


@check("NU001")
def arabic_ordinal_dunhao(ctx: Context) -> Iterator[Finding]:
    markers = ctx.views.markers
    for para in ctx.doc.prose:
        marker = markers.get(para.index)
        if marker is not None and not marker.auto and _wrong_delimiter(marker) and not _stands_in(ctx, para, marker):
            delim_at = marker.end - 1
            yield Finding(
                para.span(marker.start, marker.end),
                f"阿拉伯数字序号后应使用下脚点“.”，“{marker.text}”应写作“{marker.text[:-1]}.”",
                fix=Fix.safe(Edit(para.span(delim_at, marker.end), ".")),
            )
        if para.kind is BlockKind.TABLE or para.kind is BlockKind.CODE:
            continue
        for m in _inline_run(para, marker if marker is not None and not marker.auto else None):
            number, delimiter = m.group(1), m.group(2)
            yield Finding(
                para.span(m.start(1), m.end(2)),
                f"阿拉伯数字序号后应使用下脚点“.”，句中列举的“{number}{delimiter}”应写作“{number}.”",
                fix=Fix.safe(Edit(para.span(m.start(2), m.end(2)), ".")),
            )


_INLINE_TRAIL = re.compile(
    r"(?:(?<=^)|(?<=[。；：，！？\s]))"  # an ordinal opens a clause
    r"([（(](?:[一二三四五六七八九十]{1,3}|\d{1,3})[）)])"
    r"([ \u3000]*[、，,。．.：:；])"
    rf"(?=[{_CJK}“《])"
)


@check("NU002")
def bracket_ordinal_trailing_punct(ctx: Context) -> Iterator[Finding]:
    markers = ctx.views.markers
    for para in ctx.doc.prose:
        marker = markers.get(para.index)
        if marker is not None and not marker.auto and marker.trail and (marker.open or marker.close):
            trail_start = marker.end - len(marker.trail)
            yield Finding(
                para.span(marker.start, marker.end),
                f"括号序号后不加标点，“{marker.text}”应写作“{marker.text[: -len(marker.trail)]}”",
                fix=Fix.safe(Edit(para.span(trail_start, marker.end), "")),
            )
            skip_until = marker.end
        else:
            skip_until = 0
        for m in _INLINE_TRAIL.finditer(para.text):
            if m.start() < skip_until:
                continue
            yield Finding(
                para.span(m.start(1), m.end(2)),
                f"括号序号后不加标点，“{m.group(0)}”应写作“{m.group(1)}”",
                fix=Fix.safe(Edit(para.span(m.start(2), m.end(2)), "")),
            )


@check("NU003")
def chinese_ordinal_wrong_punct(ctx: Context) -> Iterator[Finding]:
    for para, marker in _typed(ctx):
        if marker.family is Family.CN_BARE and marker.delimiter != "、":
            numeral = re.match(r"[一二三四五六七八九十]+", marker.text)
            numeral_end = marker.start + (numeral.end() if numeral else 0)
            shown = marker.text if marker.delimiter != " " else marker.text.rstrip() + "＋空格"
            yield Finding(
                para.span(marker.start, marker.end),
                f"汉字数字序号后应使用顿号，“{shown}”应写作“{marker.text[: numeral_end - marker.start]}、”",
                fix=Fix.safe(Edit(para.span(numeral_end, marker.end), "、")),
            )


def _half_bracket(marker: Marker) -> bool:
    """``二）`` or ``2）``: a bracketed ordinal without its opening bracket."""
    return not marker.open and not marker.enclosed and marker.family in (Family.CN_PAREN, Family.AR_HALF_PAREN)


def _lost_open_bracket(ctx: Context, para: Paragraph, marker: Marker) -> Finding | None:
    """``二）`` among siblings written ``（一）`` ``（三）``: the opening bracket was lost.  A list written
    ``一）二）三）`` throughout is a style of its own, reported once by NU010."""
    heading = ctx.views.outline.heading_at(para.index)
    if heading is None or not any(h.marker.open for h in heading.group.items):
        return None
    open_mark = "（" if marker.close == "）" else "("
    whole = f"{open_mark}{marker.text[: marker.text.index(marker.close) + 1]}"
    return Finding(
        para.span(marker.start, marker.end),
        f"序号缺少左括号，“{marker.text.strip()}”应写作“{whole}”（同组其他序号带括号）",
        fix=Fix.safe(Edit(para.span(marker.start, marker.start), open_mark)),
    )


@check("NU004")
def ordinal_bracket_width(ctx: Context) -> Iterator[Finding]:
    for para, marker in _typed(ctx):
        if _half_bracket(marker):
            lost = _lost_open_bracket(ctx, para, marker)
            if lost is not None:
                yield lost
            continue
        if marker.family not in (Family.CN_PAREN, Family.AR_PAREN) or marker.enclosed or not marker.open:
            continue
        if marker.open == "（" and marker.close == "）":
            continue
        edits = []
        if marker.open == "(":
            edits.append(Edit(para.span(marker.start, marker.start + 1), "（"))
        close_at = marker.start + marker.text.index(marker.close, 1)
        if marker.close == ")":
            edits.append(Edit(para.span(close_at, close_at + 1), "）"))
        inner = marker.text[1 : close_at - marker.start]
        yield Finding(
            para.span(marker.start, close_at + 1),
            f"序号应使用全角括号，“{marker.text[: close_at - marker.start + 1]}”应写作“（{inner}）”",
            fix=Fix.safe(*edits),
        )


def _sequence_message(kind: IssueKind, heading: Heading, expected: int, previous: Heading | None) -> str:
    marker = heading.marker
    shown = _shown(marker)
    want = with_value(marker, expected)
    match kind:
        case IssueKind.FIRST:
            return f"同级序号应从“{with_value(marker, 1)}”开始，这里从“{shown}”开始{_auto_note(marker)}"
        case IssueKind.GAP:
            before = previous.marker.text if previous else ""
            missing = with_value(marker, expected)
            if marker.value - expected > 1:
                missing += f"至“{with_value(marker, marker.value - 1)}”"
                return f"序号不连续：“{before}”之后是“{shown}”，缺少“{missing}{_auto_note(marker)}"
            return f"序号不连续：“{before}”之后是“{shown}”，缺少“{missing}”{_auto_note(marker)}"
        case IssueKind.DUPLICATE:
            return f"序号重复：“{shown}”与上一项相同，应为“{want}”{_auto_note(marker)}"
        case IssueKind.RESTART:
            before = previous.marker.text if previous else ""
            return f"序号“{shown}”在“{before}”之后重新开始，又没有接着的第二项，多半应为“{want}”{_auto_note(marker)}"
        case _:
            before = previous.marker.text if previous else ""
            return f"序号倒退：“{before}”之后是“{shown}”，应为“{want}”{_auto_note(marker)}"


@check("NU005")
def sequence_gap(ctx: Context) -> Iterator[Finding]:
    for issue in ctx.views.outline.issues:
        heading = issue.heading
        items = heading.group.items
        position = next(i for i, h in enumerate(items) if h is heading)
        previous = items[position - 1] if position else None
        if issue.kind is IssueKind.RESTART:
            previous = heading.group.parent  # (the item of its own family it restarted after)
        marker = heading.marker
        fix = None
        if not marker.auto:
            fix = Fix.unsafe(Edit(heading.paragraph.span(marker.start, marker.end), with_value(marker, issue.expected)))
        yield Finding(
            heading.paragraph.span(marker.start, marker.end),
            _sequence_message(issue.kind, heading, issue.expected, previous),
            severity=Severity.ERROR if issue.kind is IssueKind.GAP else Severity.WARNING,
            fix=fix,
        )


def _marker_span(heading: Heading) -> tuple[int, int]:
    return heading.marker.start, heading.marker.end


@check("NU006")
def level_order_inversion(ctx: Context) -> Iterator[Finding]:
    for group in ctx.views.outline.groups:
        if not group.inverted or group.parent is None:
            continue
        first, parent = group.first, group.parent
        child_level = _LEVEL_NAMES.get(first.marker.level, "")
        parent_level = _LEVEL_NAMES.get(parent.marker.level, "")
        yield Finding(
            first.paragraph.span(*_marker_span(first)),
            f"层次序数倒置：{child_level}序号“{_shown(first.marker)}”出现在{parent_level}序号“{_shown(parent.marker)}”之下，"
            f"应按“一、”“（一）”“1.”“（1）”依次使用{_auto_note(first.marker)}",
        )


#: The families of GB/T 9704-2012 §7.3.3 (and ① as the customary fifth level).
_CANONICAL = (Family.CN_BARE, Family.CN_PAREN, Family.AR_BARE, Family.AR_PAREN, Family.CIRCLED)


@check("NU007")
def level_skip(ctx: Context) -> Iterator[Finding]:
    for group in ctx.views.outline.groups:
        parent = group.parent
        if parent is None or group.inverted:
            continue
        upper, lower = parent.marker.level, group.level
        if group.first.marker.family not in _CANONICAL:
            continue  # A. B. options and 1） items are outside the four levels: see NU010
        if not 1 <= upper <= 4 or lower > 5 or lower - upper < 2 or (upper, lower) == (1, 3):
            continue
        first = group.first
        skipped = "”“".join(_LEVEL_EXAMPLES[level] for level in range(upper + 1, lower))
        yield Finding(
            first.paragraph.span(*_marker_span(first)),
            f"层次跳级：“{_shown(parent.marker)}”之下直接使用“{_shown(first.marker)}”，"
            f"跳过了“{skipped}”一级{_auto_note(first.marker)}",
        )


@check("NU008")
def top_level_not_l1(ctx: Context) -> Iterator[Finding]:
    outline = ctx.views.outline
    if any(h.marker.level <= 1 for h in outline.headings):
        return
    roots = [g for g in outline.roots if len(g.items) >= 2 and g.level in (2, 3)]
    if not roots:
        return
    first = roots[0].first
    yield Finding(
        first.paragraph.span(*_marker_span(first)),
        f"全文最高一层序号是“{_shown(first.marker)}”，没有使用“一、”；"
        f"只有一个层次时应使用“一、二、三、”{_auto_note(first.marker)}",
    )


def acceptable(marker: Marker) -> bool:
    """A marker no single-marker rule (NU001-NU004, NU013) objects to: ``1.`` ``1．`` ``（1）`` ``⑴`` ``一、`` …"""
    if marker.auto or marker.trail or marker.shi or _half_bracket(marker):
        return False
    if marker.family is Family.AR_BARE and not marker.enclosed:
        return marker.delimiter in ".．"
    if marker.family is Family.CN_BARE:
        return marker.delimiter == "、"
    if marker.family in (Family.CN_PAREN, Family.AR_PAREN) and not marker.enclosed:
        return (marker.open, marker.close) == ("（", "）")
    return True


def _group_family(group: Group) -> Family:
    """The family most of a group's items are of; on a tie, the later items' (1、 then （二）: the group went on in
    the second form)."""
    counts = Counter(h.marker.family for h in group.items)
    best = max(counts.values())
    return next(h.marker.family for h in reversed(group.items) if counts[h.marker.family] == best)


def _form(marker: Marker) -> tuple[Family, str]:
    return marker.family, marker.variant


@check("NU009")
def mixed_marker_style(ctx: Context) -> Iterator[Finding]:
    for group in ctx.views.outline.groups:
        # forms that are wrong on their own are reported by NU001-NU004; this rule is about mixing
        # forms that are each acceptable (1. and 1．, （1） and ⑴, 1. and １.)
        # (an item of another family in the group, （3） among （一）（二） or 2) among 1. 3., is a form of its own,
        # reported even when the form is wrong on its own: it stands in for an item of the group, see the outline;
        # NU004 reports a bracket lost among bracketed siblings: 2） among （1）（3）)
        family = _group_family(group)
        bracketed = any(h.marker.open for h in group.items)
        typed = [
            h
            for h in group.items
            if acceptable(h.marker) or (h.marker.family is not family and not (bracketed and _half_bracket(h.marker)))
        ]
        counts = Counter(_form(h.marker) for h in typed)
        if len(counts) < 2:
            continue
        own = [h for h in typed if h.marker.family is family] or typed  # the example: the commonest form of the family
        example = max(own, key=lambda h: counts[_form(h.marker)]).marker
        for heading in typed:
            marker = heading.marker
            if _form(marker) == _form(example):
                continue
            wanted = with_value(example, marker.value)
            yield Finding(
                heading.paragraph.span(marker.start, marker.end),
                f"同级序号形式不一致：同组多数写作“{example.text}”这种形式，此处写作“{marker.text}”，应统一为“{wanted}”",
                fix=Fix.unsafe(Edit(heading.paragraph.span(marker.start, marker.end), wanted)),
            )


@check("NU013")
def bracket_ordinal_plus_shi(ctx: Context) -> Iterator[Finding]:
    for para, marker in _typed(ctx):
        if marker.shi:
            end = marker.end + 1  # the 是
            number = re.sub(r"[（）()]", "", marker.text.strip("、，,。．.：:；; \u3000"))
            yield Finding(
                para.span(marker.start, end),
                f"“{para.text[marker.start : end]}”混用了两种序号：作段内序次语写“{number}是”，作标题写“{marker.text}”",
                fix=Fix.unsafe(Edit(para.span(marker.end, end), "")),
            )


_BULLETED_FAMILIES = (Family.AR_BARE, Family.AR_PAREN, Family.CN_PAREN, Family.CN_BARE)


@check("GA009")
def bullet_before_ordinal(ctx: Context) -> Iterator[Finding]:
    markers = ctx.views.markers
    for para in ctx.doc.prose:
        marker = markers.get(para.index)
        if para.bullet is None or marker is None or marker.family not in _BULLETED_FAMILIES:
            continue
        bullet_char = ctx.doc.source[para.bullet.start]
        yield Finding(
            para.bullet,
            f"序号“{marker.text}”前多了项目符号“{bullet_char}”，有序号时应删去项目符号",
            fix=Fix.safe(Edit(para.bullet, "")),
        )


# --- NU010: markers outside the four levels -------------------------------------------------------

_NONSTANDARD = {
    Family.AR_HALF_PAREN: "“1）”",
    Family.LATIN: "字母序号",
    Family.ROMAN: "罗马数字序号",
}


def _nonstandard(marker: Marker) -> str | None:
    """What makes ``marker`` non-standard (outside 一、 （一） 1. （1） ①), or None."""
    if marker.family in _NONSTANDARD:
        return _NONSTANDARD[marker.family]
    if marker.family is Family.DECIMAL:
        return f"章节编号“{marker.text}”"
    if marker.enclosed and marker.family in (Family.AR_PAREN, Family.CN_PAREN, Family.AR_BARE):
        return f"带圈或带括号的单字序号“{marker.text}”"
    if marker.family is Family.CN_PAREN and not marker.open and not marker.enclosed:
        return "只有右括号的序号"
    return None


def _options(group: Group) -> bool:
    """Lettered answer options in a questionnaire (``您认为……：`` ``A.…`` ``B.…``)."""
    if group.first.marker.family is not Family.LATIN or group.parent is None:
        return False
    for heading in _ancestry(group.parent):
        title = heading.paragraph.text.rstrip(" \u3000")
        if title.endswith(("：", ":", "？", "?")) or "您" in title:
            return True
    return False


def _levels_up(heading: Heading, memo: dict[int, frozenset[int]]) -> frozenset[int]:
    """The marker levels of ``heading`` and its ancestors, remembered per heading (walking the whole
    chain for every group is quadratic in an outline nested thousands deep)."""
    chain: list[Heading] = []
    at: Heading | None = heading
    known: frozenset[int] = frozenset()
    while at is not None:
        found = memo.get(id(at))
        if found is not None:
            known = found
            break
        chain.append(at)
        at = at.parent
    for h in reversed(chain):
        if h.marker.level not in known:
            known = known | {h.marker.level}
        memo[id(h)] = known
    return known


@check("NU010")
def nonstandard_or_deep_marker(ctx: Context) -> Iterator[Finding]:
    levels_memo: dict[int, frozenset[int]] = {}
    for group in ctx.views.outline.groups:
        first = group.first
        marker = first.marker
        what = _nonstandard(marker)
        if what is not None and not _options(group) and not marker.auto:
            parent = group.parent
            if marker.family is Family.DECIMAL and parent is not None and parent.marker.family is Family.CN_BARE:
                # two numbering systems in one outline: 一、 above, 1.1 below
                yield Finding(
                    first.paragraph.span(*_marker_span(first)),
                    f"{what}与“{_shown(parent.marker)}”混用了两种编号体系；“一、”之下应使用“（一）”“（二）”"
                    + (f"（本组共 {len(group.items)} 项）" if len(group.items) > 1 else ""),
                    severity=Severity.WARNING,
                )
                continue
            yield Finding(
                first.paragraph.span(*_marker_span(first)),
                f"{what}不在公文层次序数“一、”“（一）”“1.”“（1）”之列，宜改用其中合适的一级"
                + (f"（本组共 {len(group.items)} 项）" if len(group.items) > 1 else ""),
            )
            continue
        levels = _levels_up(first, levels_memo)
        if what is None and group.depth >= 4 and len(levels) >= 5 and marker.level <= 5:
            yield Finding(
                first.paragraph.span(*_marker_span(first)),
                f"层次超过四层：“{_shown(marker)}”已是第 {group.depth + 1} 层；"
                "公文结构层次一般不超过四层，宜精简或改为段内叙述",
            )


def _ancestry(heading: Heading) -> list[Heading]:
    chain = [heading]
    parent = heading.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain


# --- NU011: 一是……二是……三是 in one paragraph ---------------------------------------------------

#: (an ordinal after 、 too: 一是……偏小、二是……, the wrong mark between two points, still opens the next point)
_SHI = re.compile(r"(?:^|(?<=[。；：！？，,;:、\s]))([一二三四五六七八九十])是(?![否非])")
_SHI_EXCLUDED = "统唯单专同归逐第于"


@check("NU011")
def inline_sequence_continuity(ctx: Context) -> Iterator[Finding]:
    for block in ctx.views.candidates(_SHI):
        found = [m for m in block.finditer(_SHI) if m.start(1) == 0 or block.text[m.start(1) - 1] not in _SHI_EXCLUDED]
        run: list[re.Match[str]] = []
        for m in found:
            value = "一二三四五六七八九十".index(m.group(1)) + 1
            if value == 1:
                run = [m]
                continue
            if not run:
                continue  # (a paragraph that goes on with the sequence of the one before)
            previous = "一二三四五六七八九十".index(run[-1].group(1)) + 1
            if value == previous + 1:
                run.append(m)
                continue
            expected = chinese_numeral(previous + 1)
            what = "重复" if value == previous else ("倒退" if value < previous else "不连续")
            yield Finding(
                block.span(m.start(1), m.end()),
                f"段内序次语{what}：“{run[-1].group(1)}是”之后是“{m.group(1)}是”，应为“{expected}是”",
            )
            run.append(m)


# --- NU012: 首先、 一是， ------------------------------------------------------------------------

#: A 序次语 opens a clause (``安全第一、预防为主`` is no ordinal); ``第一、`` opening a paragraph numbers a
#: heading, as older reports do, and is left to the heading rules.
_ORDINAL_WORD = re.compile(
    r"(?:(?<=[。；：，！？,;:])(第[一二三四五六七八九十]{1,3})|(?:(?<=[。；：，！？,;:])|^)(其[一二三四五]|首先|其次|再次))"
    r"(、)(?![一二三四五六七八九十第])"
)
_SHI_MARK = re.compile(r"(?:^|(?<=[。；]))[ \u3000]*([一二三四五六七八九十]是)([，：、,:])")


@check("NU012")
def ordinal_word_punct(ctx: Context) -> Iterator[Finding]:
    for block, m in ctx.views.matches(_ORDINAL_WORD):
        word = m.group(1) or m.group(2)
        begin = m.start(1) if m.group(1) else m.start(2)
        yield Finding(
            block.span(begin, m.end(3)),
            f"序次语“{word}”后用逗号，不用顿号（GB/T 15834-2011 附录 B.3.1）",
            fix=Fix.safe(Edit(block.span(m.start(3), m.end(3)), "，")),
        )
    for block, m in ctx.views.matches(_SHI_MARK):
        yield Finding(
            block.span(m.start(1), m.end(2)),
            f"“{m.group(1)}”后不加标点，“{m.group(1)}{m.group(2)}”应写作“{m.group(1)}”（GB/T 15834-2011 附录 B.3.7）",
            fix=Fix.safe(Edit(block.span(m.start(2), m.end(2)), "")),
        )
