"""Build .docx test documents in code: python-docx plus numbering definitions injected as XML."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'
#: Namespace declarations for raw paragraph XML (text boxes, fields …).
ALL_NS = " ".join(
    [
        _NSDECL,
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
        'xmlns:v="urn:schemas-microsoft-com:vml"',
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
    ]
)

#: A paragraph run holding a text box (modern drawing with its VML fallback copy); format with ``text``.
TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


@dataclass(frozen=True)
class Lvl:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%L."  # %L: this level's own number
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style: str | None = None

    def xml(self, ilvl: int) -> str:
        parts = [f'<w:lvl w:ilvl="{ilvl}">', f'<w:start w:val="{self.start}"/>', f'<w:numFmt w:val="{self.fmt}"/>']
        if self.restart is not None:
            parts.append(f'<w:lvlRestart w:val="{self.restart}"/>')
        if self.style:
            parts.append(f'<w:pStyle w:val="{self.style}"/>')
        if self.legal:
            parts.append("<w:isLgl/>")
        text = self.text.replace("%L", f"%{ilvl + 1}")
        parts.append(f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
        return "".join(parts)


CN = Lvl("chineseCounting", "%L、")
CN_PAREN = Lvl("chineseCounting", "（%L）")
DEC = Lvl("decimal", "%L.")
DEC_PAREN = Lvl("decimal", "（%L）")


class DocBuilder:
    """A python-docx document with helpers for lists, headings and tables."""

    def __init__(self) -> None:
        self.doc: Any = docx.Document()
        numbering = self.doc.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)  # start from an empty numbering part
        self._numbering = numbering
        self._next_abstract = 10
        self._next_num = 20

    # -- numbering ------------------------------------------------------------------------------

    def abstract(self, *levels: Lvl, style_link: str | None = None, num_style_link: str | None = None) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        link = ""
        if style_link:
            link = f'<w:styleLink w:val="{style_link}"/>'
        if num_style_link:
            link = f'<w:numStyleLink w:val="{num_style_link}"/>'
        body = "".join(level.xml(i) for i, level in enumerate(levels))
        element = parse_xml(
            f'<w:abstractNum {_NSDECL} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{link}{body}</w:abstractNum>'
        )
        nums = self._numbering.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(element)
        else:
            self._numbering.append(element)
        return abstract_id

    def num(
        self,
        abstract_id: int,
        *,
        start_overrides: dict[int, int] | None = None,
        level_overrides: dict[int, Lvl] | None = None,
    ) -> int:
        num_id = self._next_num
        self._next_num += 1
        overrides = ""
        for ilvl in sorted(set(start_overrides or {}) | set(level_overrides or {})):
            inner = ""
            if start_overrides and ilvl in start_overrides:
                inner += f'<w:startOverride w:val="{start_overrides[ilvl]}"/>'
            if level_overrides and ilvl in level_overrides:
                inner += level_overrides[ilvl].xml(ilvl)
            overrides += f'<w:lvlOverride w:ilvl="{ilvl}">{inner}</w:lvlOverride>'
        self._numbering.append(
            parse_xml(
                f'<w:num {_NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
            )
        )
        return num_id

    def list(self, *levels: Lvl) -> int:
        """A new list definition with one ``w:num``; returns its numId."""
        return self.num(self.abstract(*levels))

    # -- content ------------------------------------------------------------------------------

    def para(self, text: str = "", num: int | None = None, ilvl: int | None = 0, style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(text, style)
        if num is not None:
            set_numbering(paragraph, num, ilvl)
        return paragraph

    def runs(self, *texts: str) -> Any:
        """A paragraph made of several runs (every other one bold, so they stay separate)."""
        paragraph = self.doc.add_paragraph()
        for i, text in enumerate(texts):
            paragraph.add_run(text).bold = bool(i % 2)
        return paragraph

    def xml_para(self, inner: str, style: str | None = None) -> Any:
        """A paragraph whose content is raw WordprocessingML (``w:``, ``mc:``, ``wps:`` … prefixes bound)."""
        paragraph = self.doc.add_paragraph(style=style)
        for child in parse_xml(f"<w:p {ALL_NS}>{inner}</w:p>"):
            paragraph._p.append(child)
        return paragraph

    def heading(self, text: str, level: int, num: int | None = None, ilvl: int | None = None) -> Any:
        paragraph = self.doc.add_heading(text, level)
        if num is not None:
            set_numbering(paragraph, num, ilvl if ilvl is not None else level - 1)
        return paragraph

    def table(self, rows: list[list[str]]) -> Any:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        return table

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.to_bytes())
        return path


def set_numbering(owner: Any, num: int, ilvl: int | None = 0) -> None:
    """Give a paragraph (or a paragraph style) a ``w:numPr``; ``ilvl`` None leaves the level out."""
    element = owner._p if hasattr(owner, "_p") else owner.element
    ppr = element.get_or_add_pPr()
    inner = f'<w:numId w:val="{num}"/>' if ilvl is None else f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/>'
    numpr = parse_xml(f"<w:numPr {_NSDECL}>{inner}</w:numPr>")
    before = [child for child in ppr if child.tag in _BEFORE_NUMPR]
    if before:
        before[-1].addnext(numpr)
    else:
        ppr.insert(0, numpr)


_BEFORE_NUMPR = {
    qn(f"w:{name}") for name in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
}


NSDECL = _NSDECL


def append_xml(parent: Any, xml: str) -> Any:
    """Parse ``xml`` (its root must declare the namespaces it uses, see :data:`NSDECL`) and append it."""
    element = parse_xml(xml)
    parent.append(element)
    return element


def rewrite_member(data: bytes, name: str, content: bytes | None) -> bytes:
    """A copy of a ZIP file with one member's content replaced (added if missing, removed if ``None``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        if content is not None:
            target.writestr(name, content)
    return out.getvalue()


def read_member(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)
