"""Walk a Word document's XML in reading order and extract each paragraph's visible text.

The same walk serves the reader (which numbers the paragraphs: paragraph N is line N of the source)
and the annotator (which needs, for every character, the XML element it came from), so both always
agree on which paragraph and character a position means.

Order: body paragraphs and table cells (cell by cell, row by row, nested tables in place); the
paragraphs of a text box right after the paragraph that anchors it (only the ``mc:Choice`` copy of a
drawing is read, never its ``mc:Fallback`` duplicate); then every header and footer part in the
order the section properties reference them.

Visible text:

* ``w:t`` as written (a line feed inside it, which Word shows as a space, becomes a space);
* ``w:tab``/``w:ptab`` → tab; ``w:br``/``w:cr`` (manual line, page and column breaks) → one space,
  so the source keeps exactly one line per paragraph; ``w:noBreakHyphen`` → ``-``;
  ``w:softHyphen`` → nothing (it shows only at a line end);
* ``w:sym`` → its character; symbol-font characters (private use area, e.g. Wingdings) → ``□``
  (U+25A1) so that they are neither dropped nor mistaken for garbled text;
* deleted (``w:del``, ``w:moveFrom``) text is skipped and inserted (``w:ins``, ``w:moveTo``) text kept;
  hidden runs (``w:vanish``) are skipped; a paragraph whose mark is deleted or hidden and that shows
  no text is dropped;
* field instructions (``w:instrText``, the part of a complex field before ``separate``) are skipped,
  field results kept; hyperlinks, content controls, smart tags and custom XML are read through;
* ruby annotations (``w:rt``), equations (``m:oMath``), footnote marks and drawings show no text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from summarylint.readers.docx_numbering import MC, on, w
from summarylint.readers.docx_safety import Element

_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

P, R, T, TBL, TR = w("p"), w("r"), w("t"), w("tbl"), w("tr")
PPR, RPR, TRPR = w("pPr"), w("rPr"), w("trPr")
_SDT, _SDT_CONTENT, _SDT_PR = w("sdt"), w("sdtContent"), w("sdtPr")
_FLD_SIMPLE, _FLD_CHAR, _INSTR = w("fldSimple"), w("fldChar"), w("instrText")
_TXBX = w("txbxContent")
_ALTERNATE, _CHOICE, _FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
_SECT_PR = w("sectPr")
_HEADER_REF, _FOOTER_REF = w("headerReference"), w("footerReference")
_DEL, _VANISH = w("del"), w("vanish")
_BR, _RENDERED_BREAK = w("br"), w("lastRenderedPageBreak")

_SKIP_INLINE = frozenset(
    {
        PPR,
        RPR,
        _DEL,
        w("moveFrom"),
        _SDT_PR,
        w("sdtEndPr"),
        w("customXmlPr"),
        w("smartTagPr"),
        f"{{{_M}}}oMath",
        f"{{{_M}}}oMathPara",
    }
)
_SKIP_BLOCK = frozenset({_SECT_PR, w("tblPr"), w("tblGrid"), TRPR, w("tcPr"), _SDT_PR, w("sdtEndPr"), _DEL})
#: Run children shown as one character.
_SINGLE = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): " ",
    w("cr"): " ",
    w("noBreakHyphen"): "-",
}
_RUN_BOXES = frozenset({w("drawing"), w("pict"), w("object"), _ALTERNATE})
_SYMBOL_STAND_IN = "\u25a1"


class Story(StrEnum):
    BODY = "body"
    TEXTBOX = "textbox"
    HEADER = "header"
    FOOTER = "footer"


@dataclass(eq=False, slots=True)
class Piece:
    """Characters ``[start, start + length)`` of a paragraph's text come from ``element``.

    ``element`` is a ``w:t`` (its whole text) or a run child shown as one character (``w:tab``…);
    its parent is the ``w:r`` that holds it.
    """

    start: int
    length: int
    element: Element


@dataclass(eq=False)
class RawParagraph:
    element: Element  # the w:p
    story: Story
    part: int  # 0 for the main document, 1… for each header/footer part
    text: str
    pieces: list[Piece]
    in_table: bool = False
    in_toc: bool = False  # inside a table of contents (field result or content control)
    anchor: RawParagraph | None = None  # for text-box paragraphs: the paragraph anchoring the box
    #: a page break stands before the first character (Word's w:lastRenderedPageBreak, or a manual
    #: page break before any text) or after the last one (a manual page break ending the paragraph)
    page_break_at_start: bool = False
    page_break_at_end: bool = False


@dataclass
class _Field:
    instruction: str = ""
    result: bool = False

    @property
    def toc(self) -> bool:
        return self.instruction.strip().upper().startswith("TOC")


@dataclass
class _Text:
    parts: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    length: int = 0
    toc: bool = False
    page_breaks: list[int] = field(default_factory=list)  # text lengths at which a page break stood

    def add(self, text: str, element: Element) -> None:
        if text:
            self.parts.append(text)
            self.pieces.append(Piece(self.length, len(text), element))
            self.length += len(text)


def _symbol(element: Element) -> str:
    code = element.get(w("char"), "")
    try:
        value = int(code, 16)
    except ValueError:
        return _SYMBOL_STAND_IN
    if 0xE000 <= value <= 0xF8FF or value < 0x20 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return _SYMBOL_STAND_IN
    return chr(value)


def _clean(text: str | None) -> str:
    return (text or "").replace("\r", " ").replace("\n", " ")


class _Walker:
    def __init__(self) -> None:
        self.out: list[RawParagraph] = []
        self._fields: list[_Field] = []
        self._part = 0

    def story(self, root: Element, story: Story, part: int) -> None:
        self._fields = []
        self._part = part
        self._blocks(root, story, in_table=False, toc=False, anchor=None)

    # -- blocks ---------------------------------------------------------------------------------

    def _blocks(
        self, container: Element, story: Story, *, in_table: bool, toc: bool, anchor: RawParagraph | None
    ) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_BLOCK:
                continue
            if tag == P:
                self._paragraph(child, story, in_table=in_table, toc=toc, anchor=anchor)
            elif tag == TBL:
                self._blocks(child, story, in_table=True, toc=toc, anchor=anchor)
            elif tag == TR:
                props = child.find(TRPR)
                if props is not None and props.find(_DEL) is not None:
                    continue  # a deleted row (tracked change)
                self._blocks(child, story, in_table=in_table, toc=toc, anchor=anchor)
            elif tag == _SDT:
                gallery = child.find(f"{_SDT_PR}/{w('docPartObj')}/{w('docPartGallery')}")
                in_toc = toc or (gallery is not None and "contents" in gallery.get(w("val"), "").lower())
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._blocks(content, story, in_table=in_table, toc=in_toc, anchor=anchor)
            elif tag == _ALTERNATE:
                chosen = _chosen(child)
                if chosen is not None:
                    self._blocks(chosen, story, in_table=in_table, toc=toc, anchor=anchor)
            else:  # w:tc, w:customXml, w:ins …
                self._blocks(child, story, in_table=in_table, toc=toc, anchor=anchor)

    def _paragraph(self, p: Element, story: Story, *, in_table: bool, toc: bool, anchor: RawParagraph | None) -> None:
        text = _Text()
        boxes: list[Element] = []
        text.toc = any(f.toc for f in self._fields)
        self._inline(p, text, boxes)
        if not text.length and not boxes:
            props = p.find(PPR)
            mark = props.find(RPR) if props is not None else None
            if mark is not None and (mark.find(_DEL) is not None or on(mark.find(_VANISH))):
                return  # a deleted or hidden empty paragraph is not shown
        joined = "".join(text.parts)
        raw = RawParagraph(p, story, self._part, joined, text.pieces, in_table, toc or text.toc, anchor)
        if text.page_breaks:
            visible = [i for i, ch in enumerate(joined) if not ch.isspace()]
            first_visible, last_visible = (visible[0], visible[-1] + 1) if visible else (0, 0)
            raw.page_break_at_start = any(at <= first_visible for at in text.page_breaks)
            raw.page_break_at_end = bool(visible) and any(at >= last_visible for at in text.page_breaks)
        self.out.append(raw)
        box_story = Story.TEXTBOX if story is Story.BODY else story
        outer, self._fields = self._fields, []  # a text box is a story of its own: no field spans into it
        for box in boxes:
            self._blocks(box, box_story, in_table=False, toc=toc, anchor=anchor or raw)
        self._fields = outer

    # -- inline content -------------------------------------------------------------------------

    def _visible(self) -> bool:
        return all(f.result for f in self._fields)

    def _inline(self, parent: Element, text: _Text, boxes: list[Element]) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_INLINE:
                continue
            if tag == R:
                self._run(child, text, boxes)
            elif tag == _FLD_SIMPLE:
                simple = _Field(child.get(w("instr"), ""), result=True)
                self._fields.append(simple)
                text.toc = text.toc or simple.toc
                self._inline(child, text, boxes)
                self._fields.remove(simple)
            elif tag == _ALTERNATE:
                chosen = _chosen(child)
                if chosen is not None:
                    self._inline(chosen, text, boxes)
            else:  # w:hyperlink, w:ins, w:moveTo, w:sdt, w:sdtContent, w:smartTag, w:customXml, w:dir …
                self._inline(child, text, boxes)

    def _run(self, run: Element, text: _Text, boxes: list[Element]) -> None:
        props = run.find(RPR)
        hidden = props is not None and on(props.find(_VANISH))
        for child in run:
            tag = child.tag
            if not isinstance(tag, str) or tag == RPR:
                continue
            if tag == _FLD_CHAR:
                self._field_char(child.get(w("fldCharType"), ""))
                continue
            if tag == _INSTR:
                if self._fields and not self._fields[-1].result:
                    self._fields[-1].instruction += child.text or ""
                continue
            if tag in _RUN_BOXES:
                _find_boxes(child, boxes)
                continue
            if hidden or not self._visible():
                continue
            if any(f.toc for f in self._fields):
                text.toc = True
            if tag == _RENDERED_BREAK or (tag == _BR and child.get(w("type")) == "page"):
                text.page_breaks.append(text.length)  # evidence of a page break: kept as metadata
            if tag == T:
                text.add(_clean(child.text), child)
            elif tag in _SINGLE:
                text.add(_SINGLE[tag], child)
            elif tag == w("sym"):
                text.add(_symbol(child), child)
            elif tag == w("ruby"):
                base = child.find(w("rubyBase"))
                if base is not None:
                    self._inline(base, text, boxes)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate":
            if self._fields:
                self._fields[-1].result = True
        elif kind == "end" and self._fields:
            self._fields.pop()


def _chosen(alternate: Element) -> Element | None:
    """The branch of ``mc:AlternateContent`` Word shows: the first ``mc:Choice``, else ``mc:Fallback``."""
    choice = alternate.find(_CHOICE)
    return choice if choice is not None else alternate.find(_FALLBACK)


def _find_boxes(element: Element, boxes: list[Element]) -> None:
    """Text-box contents inside a drawing, in document order (not those nested in another box)."""
    if element.tag == _TXBX:
        boxes.append(element)
        return
    if element.tag == _ALTERNATE:
        chosen = _chosen(element)
        if chosen is not None:
            _find_boxes(chosen, boxes)
        return
    for child in element:
        if isinstance(child.tag, str):
            _find_boxes(child, boxes)


def header_footer_ids(document: Element) -> list[tuple[str, Story]]:
    """Relationship ids of the header and footer parts, in the order the sections reference them."""
    body = document.find(w("body"))
    if body is None:
        return []
    found: list[tuple[str, Story]] = []
    seen: set[str] = set()
    for sect in body.iter(_SECT_PR):
        for ref in sect:
            if ref.tag not in (_HEADER_REF, _FOOTER_REF):
                continue
            rel_id = ref.get(f"{{{R_NS}}}id")
            if rel_id and rel_id not in seen:
                seen.add(rel_id)
                found.append((rel_id, Story.HEADER if ref.tag == _HEADER_REF else Story.FOOTER))
    return found


def walk_document(document: Element, part: Callable[[str], Element | None]) -> list[RawParagraph]:
    """Every paragraph of the document (``w:document`` root) in reading order.

    ``part`` returns the root element of the header or footer part a relationship id names.
    """
    walker = _Walker()
    body = document.find(w("body"))
    if body is not None:
        walker.story(body, Story.BODY, 0)
    for index, (rel_id, story) in enumerate(header_footer_ids(document), start=1):
        root = part(rel_id)
        if root is not None:
            walker.story(root, story, index)
    return walker.out
