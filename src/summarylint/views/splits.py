"""Paragraphs cut in two by a page break (or a scrape that split a sentence across lines).

Shared by the rule that reports them (GA001) and by the content view, which joins the two halves
so that other content rules see the whole sentence.

A pair of consecutive paragraphs is a split when the first stops without a sentence-final mark and
the second carries on.  Headings, label lines (``联系人：……``), dates, URLs and table rows stop
without punctuation too, so the decision weighs what the layout says:

* strong signs: the first half ends with a mark that opens or continues a clause (``，、《“（``),
  a pair opened in the first half closes in the second, or the second starts with a closing mark
  or a point mark;
* signs in the words themselves: the last sentence of the first half is unfinished after a full sentence
  (``……取得新进展。档案数字`` / ``化方面……``), the break falls inside a word (``预防腐`` / ``败``:
  jieba segments the two sides joined into a word that spans the break), or the second half starts
  with a particle that never starts a sentence (``的 地 得 了 们 等``);
* supporting signs: the first half ends with a function word (``的 和 在 对 …``); the second half is
  not indented where the document indents its paragraphs; the blank lines between the two differ
  from the document's usual paragraph gap (no blank line where paragraphs are separated by one, or
  two or more where they are not);
* signs against: an unindented short line between indented paragraphs, or a line standing alone
  between blank lines, is a heading.

A split with a strong or supporting sign is ``confident``; one without any is reported only when the
first half is long running text (a clause with a comma), and with less confidence.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from summarylint.document import BlockKind, Document, Paragraph
from summarylint.outline import Marker

#: A paragraph that ends with one of these is complete.
TERMINAL = "。！？；：…”’）】》!?;:)」』—.．"
#: The first half of a split is running text of at least this many characters.
MIN_FIRST = 12
#: A break inside a word is a sign of a split when the first half is at least this long.
MIN_WORDS = 6
#: Without any sign of a split, the first half must be at least this long.
MIN_PLAIN = 30
#: A first half this long with a full stop inside is a paragraph, however it is laid out.
MIN_PROSE = 60
#: A pair opened within this many characters of the end (``……细颗粒物（PM``) may close two paragraphs
#: later, after a short fragment of at most SHORT_NEXT characters (``2.5``).
NEAR_END = 6
SHORT_NEXT = 20
_JOINABLE = (BlockKind.BODY, BlockKind.LIST_ITEM, BlockKind.QUOTE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: Marks that open a quoted term or a title at the start of running text.
_OPENERS_OF_TEXT = frozenset("“‘《「")


def past_opener(text: str) -> str:
    """``text`` after the mark that opens a quoted term or a title it starts with, if any: the rest of a sentence may
    open with one (……故障预警的准确率有待提高， / “状态修”转型仍处于起步阶段。)."""
    return text[1:] if text[:1] in _OPENERS_OF_TEXT else text


#: marks that open or continue a clause: a paragraph never ends with them
_OPEN_END = "，、（《“‘【〔(,"
#: function words that do not end a sentence or a heading
_FUNCTION_END = "的和与及或在对把被将从向以为并而但其之由"
#: words that choose what follows them (各类事件, 各项工作, 这些问题): a sentence never ends with them
_DETERMINER_END = ("各类", "各项", "各种", "各级", "各个", "每个", "每项", "一系列", "所有", "这些", "那些", "多种")
#: a paragraph never starts with a closing mark: it closes a pair opened in the paragraph before
_CLOSING_START = "》”’）】〕)"
#: nor with a point mark (when the paragraph before is unfinished, the two are one sentence)
_POINT_START = "，、。；：？！"
#: a paragraph never starts with these units: ``共接待来访群众`` / ``人次``
_UNIT_START = re.compile(
    r"(?:人次|场次|户次|架次|万元|亿元|千元|万人|余[人次家项个件户元名]|多[人次家项个件户元名])(?=[，。；、）\s]|$)"
)
#: a sentence of the first half ends before its last clause, which stops without a mark
_UNFINISHED = re.compile(r"[。！？；][^。！？；：]{2,}$")
#: single-character words that never start a sentence: they continue the one before
_CONTINUING_WORDS = frozenset("的地得了着过们等")
#: characters on each side of the break that the segmenter looks at
_WORD_WINDOW = 4
#: a paragraph that starts with a web address followed at once by a point mark goes on with the
#: sentence the paragraph before left open (``……发布地址`` / ``http://……，其中……``)
_URL_CONTINUES = re.compile(r"(?:https?://|www\.)[!-~]*?[，、；。]")
_LABEL = re.compile(r"[^，。；：:、（）()]{1,15}[：:]")
_DATE_LINE = re.compile(r"[\s\u3000]*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年.{0,8}日[\s\u3000]*$")
_BLANKS = " \t\u3000\xa0"


@dataclass(frozen=True)
class Split:
    """``second`` continues the sentence that ``first`` was cut off in."""

    first: Paragraph
    second: Paragraph
    confident: bool
    reason: str = ""
    #: a title set on two lines (公文 titles are broken into lines on purpose): joined, not reported
    title: bool = False
    #: whether the content view joins the halves (not on the weakest sign alone, where the writer may
    #: only have left out a full stop, which PU022 reports)
    join: bool = True


class _Layout:
    """How the document lays out its ordinary paragraphs: indentation and the usual blank-line gap."""

    def __init__(self, doc: Document, prose: list[Paragraph], markers: dict[int, Marker]) -> None:
        self.source = doc.source
        body = [p for p in prose if p.kind is BlockKind.BODY and len(p.text) >= MIN_PLAIN and p.index not in markers]
        indented = sum(1 for p in body if self.indented(p))
        self.indents = bool(body) and indented * 10 >= len(body) * 6
        gaps = Counter(p.blank_before for p in body[1:])
        self.gap = gaps.most_common(1)[0][0] if gaps else 0

    def indented(self, para: Paragraph) -> bool:
        if not para.text:
            return False
        lead = self.source[self.source.rfind("\n", 0, para.offsets.offset(0)) + 1 : para.offsets.offset(0)]
        return "\u3000" in lead or "\t" in lead or lead.count(" ") >= 2


_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"))


def _open_at_end(text: str, opener: str, closer: str) -> int:
    """How many ``opener`` are still open at the end of ``text`` (closers of earlier text ignored)."""
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer and depth:
            depth -= 1
    return depth


def _closes_first(text: str, opener: str, closer: str) -> bool:
    """Whether ``text`` closes a pair before opening one of its own."""
    depth = 0
    for ch in text:
        if ch == opener:
            depth += 1
        elif ch == closer:
            if not depth:
                return True
            depth -= 1
    return False


def _opened_near_end(text: str) -> bool:
    """Whether ``text`` ends within a few characters of a quotation, title or bracket it opens (``……细颗粒物（PM``)."""
    tail = text[-NEAR_END:]
    return any(_open_at_end(tail, opener, closer) for opener, closer in _PAIRS)


def _pair_continues(first: str, second: str) -> bool:
    """A quotation, title or bracket opened in ``first`` is closed in ``second``."""
    return any(_open_at_end(first, o, c) and _closes_first(second, o, c) for o, c in _PAIRS)


@lru_cache(maxsize=2048)
def _word_across(before: str, after: str) -> str:
    """The word the segmenter finds across the break between ``before`` and ``after`` (both ending
    or starting with Chinese characters), or the particle ``after`` starts with; "" when the break
    falls between words."""
    from summarylint.text.measure import focus
    from summarylint.text.segment import segmenter

    left = len(before)
    cut = segmenter(focus()).cut
    for token in cut(before + after):
        if token.start < left < token.end:
            # a heading ``主要工作`` before ``作风建设……`` joins into ``工作作风`` too: a word cut in two
            # leaves a stray character on one side at least
            alone = (cut(before)[-1], cut(after)[0])
            return token.word if any(t.end - t.start == 1 for t in alone) else ""
        if token.start == left:
            return token.word if token.word in _CONTINUING_WORDS else ""
    return ""


def _cjk_run(text: str, tail: bool) -> str:
    """Up to _WORD_WINDOW Chinese characters at the end (``tail``) or the start of ``text``."""
    chars = text[-_WORD_WINDOW:] if tail else text[:_WORD_WINDOW]
    run = ""
    for ch in reversed(chars) if tail else chars:
        if not _CJK.match(ch):
            break
        run = ch + run if tail else run + ch
    return run


def _in_words(text: str, nxt: str) -> str:
    """Why the words on both sides of the break say it is a split, or ""."""
    before, after = _cjk_run(text, True), _cjk_run(nxt, False)
    if not before or not after:
        return ""
    word = _word_across(before, after)
    if not word:
        return ""
    if word in _CONTINUING_WORDS:
        return f"下一段以“{word}”开头"
    return f"断在词语“{word}”中间"


#: What may open a paragraph's first word: a quotation mark, a title mark or a bracket (“有事好商量”协商议事活动……).
_OPENING = "“‘《（(【"


def _starts_words(text: str) -> bool:
    """Whether ``text`` starts with Chinese text or a figure, perhaps after an opening mark."""
    start = 1 if text[0] in _OPENING else 0
    return len(text) > start and bool(_CJK.match(text[start]) or text[start].isdigit())


def _runs_on(text: str, marker: Marker | None) -> bool:
    """Whether a paragraph is running text past its marker: unnumbered, or with a sentence finished after the marker
    (2.开展文艺骨干培训。联合……, a heading run into its text), or with its last sentence unfinished."""
    return marker is None or "。" in text[marker.end :] or _UNFINISHED.search(text) is not None


#: A closing quotation mark after a short quoted term at the end of a paragraph (……，城市“颜值”) ends no sentence: the
#: sentence would end after it
_QUOTED_TERM_END = re.compile(r"[，、（《][^“”。！？；]{0,20}“[^“”。！？；：…]{1,12}”$")


def _quoted_term_at_end(text: str) -> bool:
    """Whether ``text`` ends with a short quoted term inside a clause (……城市“颜值”), not with a quoted sentence."""
    return text[-1] == "”" and _QUOTED_TERM_END.search(text) is not None


def _judge(
    first: Paragraph,
    second: Paragraph,
    markers: dict[int, Marker],
    layout: _Layout,
    chained: bool,
    weak_only: bool,
    page_break: str = "",
) -> Split | None:
    text = first.text.rstrip(_BLANKS)
    nxt = second.text.lstrip(_BLANKS)
    if not text or not nxt or second.index in markers or second.bullet is not None:
        return None
    if nxt[0] in _CLOSING_START:
        return Split(first, second, True, f"下一段以“{nxt[0]}”开头")
    quoted_end = _quoted_term_at_end(text)
    if text[-1] in TERMINAL and not quoted_end:
        return None
    if _pair_continues(text, nxt) or (_opened_near_end(text) and len(nxt) <= SHORT_NEXT and "。" not in nxt):
        return Split(first, second, True, "成对的标点跨段才闭合")
    if _URL_CONTINUES.match(nxt) and _CJK.match(text[-1]):
        return Split(first, second, True, "下一段以网址开头，紧接着就是点号")
    if _LABEL.match(nxt) or _DATE_LINE.match(nxt) or _DATE_LINE.match(text):
        return None  # 联系人：…… and dates stand on their own lines
    # (a quoted term or a title may open the rest of the sentence: 组织开展 / “科技副总”选派工作，……; not a
    # quotation of several paragraphs, each of which opens with “ while the one before is still open)
    quotation_goes_on = nxt[0] == "“" and text.count("“") > text.count("”")
    opened = nxt if quotation_goes_on else past_opener(nxt)
    if text[-1] in _OPEN_END and (_CJK.match(opened) or nxt[0].isdigit()):
        return Split(first, second, True, f"上一段以“{text[-1]}”结尾")
    marker = markers.get(first.index)
    if marker is not None and not any(ch in "，。；" for ch in text[marker.end :]):
        return None  # a numbered heading: what follows it is a paragraph of its own
    if nxt[0] in _POINT_START:
        return Split(first, second, True, f"下一段以“{nxt[0]}”开头")
    unit = _UNIT_START.match(nxt)
    if unit and (_CJK.match(text[-1]) or text[-1].isdigit()):
        return Split(first, second, True, f"下一段以量词“{unit.group()}”开头")
    ends_in_text = bool(_CJK.match(text[-1]) or text[-1].isdigit()) or quoted_end
    starts_text = bool(_CJK.match(opened) or opened[:1].isdigit())
    unfinished = ends_in_text and starts_text and _UNFINISHED.search(text) is not None
    if weak_only and not (page_break and unfinished):
        return None  # the title and the closing block: only a split that punctuation proves
    if page_break and ends_in_text and _starts_words(nxt) and _runs_on(text, marker):
        return Split(first, second, True, page_break)
    if ends_in_text and starts_text and len(text) >= MIN_WORDS and (first.index not in markers or unfinished):
        words = _in_words(text, nxt)
        if words:
            return Split(first, second, True, words)
    if not starts_text:
        return None
    if not ends_in_text:
        return None  # a URL, a code, an emoticon: a label line rather than running text
    if _LABEL.match(text) and len(text) <= 40 and "，" not in text:
        return None
    # the first half indented like the document's paragraphs, the second not: a paragraph start
    # followed by its own continuation
    indent_break = layout.indents and layout.indented(first) and not layout.indented(second)
    continues = "，" in nxt or "。" in nxt  # the second half is running text, not a heading
    # (a numbered item of running text whose sentence ends on the next, unindented line: 2.……，确保项目资金按时 /
    # 足额到位。)
    item_goes_on = indent_break and "，" in text and nxt.rstrip(_BLANKS)[-1] in "。；"
    if first.index in markers and not unfinished and not item_goes_on:
        return None  # a numbered heading or list item that simply has no final mark
    if len(text) < MIN_FIRST and not chained and not unfinished and not ("，" in text and indent_break and continues):
        return None
    # an unindented line among indented paragraphs, or a line set off by extra blank lines on both
    # sides, is a heading (or a lead-in sentence set as one)
    # (not a long passage with a full stop inside: no heading reads like that, and a paragraph whose
    # indentation or blank lines were mangled by a conversion still is one)
    prose_block = unfinished or (len(text) >= MIN_PROSE and "。" in text.rstrip("。"))
    heading_like = not prose_block and (
        (layout.indents and not layout.indented(first) and layout.indented(second))
        or (first.blank_before > layout.gap and second.blank_before > layout.gap)
    )
    if heading_like:
        return None
    running = "，" in text and len(text) >= MIN_PLAIN  # long running text, not a title or a table cell
    support = ""
    if text[-1] in _FUNCTION_END:
        support = f"上一段以虚词“{text[-1]}”结尾"
    elif text.endswith(_DETERMINER_END):
        support = f"上一段以“{next(w for w in _DETERMINER_END if text.endswith(w))}”结尾，后面少了它修饰的词"
    elif indent_break and ("，" in text or continues):
        support = "下一段没有首行缩进"
    elif (running or ("，" in text and _fragment_start(nxt))) and second.blank_before == 0 and layout.gap >= 1:
        # (long running text, or a clause and then the end of it on the next line, where the document sets a blank
        # line between its paragraphs: ……对管网进行全面 / 查漏，共发现……)
        support = "两段之间没有空行"
    elif running and second.blank_before >= 2 and second.blank_before > layout.gap:
        support = f"两段之间有{second.blank_before}个空行"
    if support:
        return Split(first, second, True, support)
    if unfinished and _fragment_start(nxt):
        # the next paragraph opens with half a clause (落实救助，确保……; 活动，力争……): the rest of the sentence
        return Split(first, second, True, "上一段最后一句没有说完，下一段开头是半句话")
    if _NEW_PART.match(nxt):
        return None  # only weak signs are left, and the next paragraph opens a part (……都是这样 / 第二部分，沟通)
    if unfinished:
        # a writer may leave out the last full stop of a paragraph: the sign alone is a weak one
        return Split(first, second, False, "上一段最后一句没有说完", join=False)
    if chained or running:
        return Split(first, second, False)
    return None


def find_splits(
    doc: Document,
    markers: dict[int, Marker],
    page_numbers: frozenset[int] = frozenset(),
    running: frozenset[int] = frozenset(),
    skipped: frozenset[int] = frozenset(),
) -> list[Split]:
    """Consecutive prose paragraphs where the second continues the sentence cut off in the first.

    Lines that are only a page number (``page_numbers``) are passed over: the two halves of a
    paragraph cut by a page break often have one between them, which is itself a sign of the break;
    so is a Word page break between the two paragraphs (``Paragraph.page_break_before``), and so is
    a page header or footer repeated at the page breaks (``running``, from :func:`find_running_lines`).
    Paragraphs in ``skipped`` (a template site's lines) are neither halves nor between them.
    """
    prose = [
        p
        for p in doc.paragraphs
        if p.kind.is_prose
        and p.text
        and p.index not in page_numbers
        and p.index not in running
        and p.index not in skipped
    ]
    closing_from = prose[-CLOSING_LINES].index if len(prose) >= CLOSING_LINES else 0
    layout = _Layout(doc, prose, markers)
    splits: list[Split] = []
    continued = -1
    for first, second in itertools.pairwise(prose):
        if first.kind not in _JOINABLE or first.kind is not second.kind:
            continue
        title = first.index == prose[0].index
        # the closing block (署名、成文日期) is made of short lines without final marks: there only
        # running text with a clause mark can be the first half of a split
        weak_only = title or (second.index >= closing_from and "，" not in first.text)
        between = (
            "两段之间隔着页码行"
            if any(first.index < i < second.index for i in page_numbers)
            else "两段之间隔着页眉或页脚"
            if any(first.index < i < second.index for i in running)
            else "两段之间有分页符"
            if second.page_break_before
            else ""
        )
        split = _judge(first, second, markers, layout, first.index == continued, weak_only, between)
        if split is not None:
            splits.append(replace(split, title=title) if title else split)
            if split.join:
                continued = second.index
    return splits


#: A running header or footer is a short line ...
RUNNING_MAX = 30
#: ... that occurs at least this many times ...
RUNNING_MIN = 3
#: ... at least this many of them where a page ends: next to a page number, or between the two
#: halves of a sentence
RUNNING_AT_BREAK = 2
#: A line this long or longer that opens the title names the issuing unit (see :func:`find_running_lines`).
UNIT_MIN = 4
#: The last paragraphs, where a document signs and dates itself.
CLOSING_LINES = 3
_RUNNING_SKIP = " \t\u3000\xa0"


#: The most characters of a first clause that is half of one (活动，; 落实救助，) rather than a sentence's opening.
FRAGMENT_MAX = 4
#: Words that open a paragraph's first clause however short it is (第二部分，; 一是，; 此外，; 下一步，).
_PARAGRAPH_OPENER = re.compile(
    r"第[一二三四五六七八九十百\d]+|[一二三四五六七八九十]是|首先|其次|再次|最后|另外|此外|同时|总之|因此|所以|但是|然而"
    r"|目前|当前|今年|去年|明年|下一步|总体|总的"
)
_FIRST_CLAUSE = re.compile(r"[^，,；;。！？!?：:]*")
#: A paragraph that opens as one does (:data:`_PARAGRAPH_OPENER`: 下一步，; 第二部分; 此外), where an ordinal with 第
#: opens a part or is followed by a mark (第三章, 第一，), not a word (第四代移动通信).
_NEW_PART = re.compile(
    rf"第[一二三四五六七八九十百\d]+(?:部分|章|节|篇|[，,、：:])|(?!第)(?:{_PARAGRAPH_OPENER.pattern})"
)


def _fragment_start(text: str) -> bool:
    """Whether ``text`` opens with a clause of at most :data:`FRAGMENT_MAX` characters closed by a comma or a stop
    (活动，力争……; 落实救助，确保……): the end of a sentence begun before it, unless a paragraph's opener starts it."""
    clause = _FIRST_CLAUSE.match(text)
    end = clause.end() if clause else 0
    return 0 < end <= FRAGMENT_MAX and end < len(text) and not _PARAGRAPH_OPENER.match(text)


def _finished(text: str) -> bool:
    text = text.rstrip(_BLANKS)
    return not text or text[-1] in TERMINAL


def find_running_lines(
    doc: Document, markers: dict[int, Marker], page_numbers: frozenset[int] = frozenset()
) -> dict[int, int]:
    """Short lines repeated where the pages of a copied document broke: a page header or footer
    (``××市人民政府工作报告``, ``内部资料 注意保存``) that came along with the text.

    Returns paragraph index → how many times its text occurs.  A line counts when it is a one-line
    body paragraph of at most RUNNING_MAX characters, without a final mark, not numbered, not the
    title, and occurs RUNNING_MIN times or more; and its text is reported only when at least
    RUNNING_AT_BREAK of its occurrences stand where a page broke: beside a page-number line, or
    after a paragraph that stops in the middle of a sentence.  A line that repeats the title needs
    only to stand beside a page-number line once (the title is the commonest page header); its
    count includes the title.  A heading repeated in every section
    (``存在问题``) follows finished paragraphs, and a sign-off (``特此报告。``) ends with a mark.
    """
    prose = [p for p in doc.paragraphs if p.kind.is_prose and p.text]
    if len(prose) < RUNNING_MIN * 2:
        return {}
    title = prose[0].index
    groups: dict[str, list[int]] = {}
    for position, para in enumerate(prose):
        text = para.text.strip(_RUNNING_SKIP)
        if (
            para.kind is not BlockKind.BODY
            or para.index == title
            or para.index in page_numbers
            or para.index in markers
            or not text
            or len(text) > RUNNING_MAX
            or "\n" in doc.source[para.offsets.offset(0) : para.offsets.end_offset(len(para.text))]
            or text[-1] in TERMINAL
            or not _CJK.search(text)
        ):
            continue
        groups.setdefault(" ".join(text.split()), []).append(position)
    # the title repeated at the top of a page (a header that is the title) counts from its first repeat
    title_text = " ".join(prose[0].text.strip(_RUNNING_SKIP).split())
    running: dict[int, int] = {}
    for text, positions in groups.items():
        repeats_title = text == title_text
        # (the issuing unit's name that opens the title, 青川县市场监督管理局 of 青川县市场监督管理局2024年工作总结, is
        # a header where it stands beside a page number; elsewhere it signs the document)
        names_unit = not repeats_title and len(text) >= UNIT_MIN and title_text.startswith(text)
        if len(positions) < RUNNING_MIN and not repeats_title and not names_unit:
            continue
        at_break = 0
        beside: list[int] = []  # (positions beside a page number)
        for position in positions:
            before = prose[position - 1] if position else None
            after = prose[position + 1] if position + 1 < len(prose) else None
            if (before is not None and before.text.rstrip(_BLANKS)[-1:] in tuple(_OPEN_END)) or (
                after is not None and after.text.lstrip(_BLANKS)[:1] in tuple(_CLOSING_START + _POINT_START)
            ):
                break  # a title or quotation cut out of its sentence (``《`` / ``建议`` / ``》``), not a header
            beside_number = any(p is not None and p.index in page_numbers for p in (before, after))
            mid_sentence = (
                before is not None
                and before.index not in page_numbers
                and not _finished(before.text)
                and "，" in before.text
                and len(before.text) >= MIN_FIRST
            )
            at_break += beside_number or mid_sentence
            if beside_number:
                beside.append(position)
        else:
            if names_unit and len(positions) < RUNNING_MIN:
                for position in beside:
                    if position < len(prose) - CLOSING_LINES:  # (not the signature before the last page number)
                        running[prose[position].index] = len(positions)
                continue
            if (at_break < RUNNING_AT_BREAK and not repeats_title) or (repeats_title and not beside):
                continue
            for position in positions:
                running[prose[position].index] = len(positions) + repeats_title
    return running
