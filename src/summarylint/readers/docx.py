"""Word (.docx) reader: one paragraph of the document per line of the source.

The source is the visible text of every paragraph (see :mod:`summarylint.readers.docx_walk` for
what is visible and in which order) joined with ``\\n``, so a diagnostic's line is the paragraph
number (``段 N``) and its column counts code points within that paragraph. Empty paragraphs count
as lines but are not :class:`~summarylint.document.Paragraph` objects (they become ``blank_before``
of the next one, like blank lines of a text file); a paragraph's text has leading and trailing
blanks trimmed, its offsets still point into the full line.

Kinds: body paragraphs and text boxes → ``BODY``; heading styles (``Heading 1``…, ``标题 1``…, or
``w:outlineLvl``, followed through ``w:basedOn``) → ``HEADING`` with their depth (``Title`` is
body text); table cells → ``TABLE``; tables of contents → ``META``; headers and footers → ``MARGIN`` (headers
and footers come after the body, so their paragraph numbers follow the last body paragraph).
The rendered automatic-numbering label of a paragraph (see
:mod:`summarylint.readers.docx_numbering`) is its ``label``, not part of its text.

Every problem with the input raises :class:`~summarylint.readers.errors.ReadError` with a one-line
reason; the safety checks of :mod:`summarylint.readers.docx_safety` run before any XML is parsed.
"""

from __future__ import annotations

from dataclasses import replace

from summarylint.document import BlockKind, Document, Format, Paragraph
from summarylint.readers.docx_comments import read_comments
from summarylint.readers.docx_numbering import Counters, Numbering, Styles, outline_level, w
from summarylint.readers.docx_safety import Element, Package
from summarylint.readers.docx_walk import PPR, RawParagraph, Story, walk_document
from summarylint.readers.errors import ReadError
from summarylint.source import LineIndex, OffsetMap

_BLANK = " \t\u3000\xa0\ufeff"
_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def load_parts(package: Package) -> tuple[Element, Styles, Numbering, list[RawParagraph]]:
    """Parse the main document, its styles and numbering, and walk its paragraphs."""
    root = package.xml(package.main)
    if root.tag != w("document"):
        if root.tag == f"{{{_STRICT_NS}}}document":
            raise ReadError("不支持 Strict Open XML 格式的 .docx；请在 Word 中另存为普通的 Word 文档（.docx）")
        raise ReadError("不是 Word 文档：缺少 word/document.xml")
    styles_part = package.related(package.main, "/styles")
    styles = Styles(package.xml(styles_part) if styles_part else None)
    numbering_part = package.related(package.main, "/numbering")
    numbering = Numbering(package.xml(numbering_part) if numbering_part else None, styles)
    relationships = package.rels(package.main)

    def part(rel_id: str) -> Element | None:
        rel = relationships.get(rel_id)
        if rel is None or rel.external or not package.has(rel.target):
            return None
        return package.xml(rel.target)

    return root, styles, numbering, walk_document(root, part)


def _style_id(ppr: Element | None) -> str | None:
    if ppr is None:
        return None
    style = ppr.find(w("pStyle"))
    return style.get(w("val")) if style is not None else None


def _heading_depth(ppr: Element | None, style_id: str | None, styles: Styles) -> int:
    direct = outline_level(ppr)
    if direct is not None:
        return direct + 1 if 0 <= direct <= 8 else 0
    return styles.heading_depth(style_id)


_MARGINS = {Story.HEADER: "页眉", Story.FOOTER: "页脚"}


def build_document(path: str, raws: list[RawParagraph], styles: Styles, numbering: Numbering) -> Document:
    """The :class:`Document` of walked paragraphs: kinds, depths and numbering labels resolved."""
    counters: dict[int, Counters] = {}
    paragraphs: list[Paragraph] = []
    offset = 0
    blanks = 0
    broken = False  # a page break after the last character of the paragraph before
    for raw in raws:
        ppr = raw.element.find(PPR)
        style_id = _style_id(ppr)
        story_counters = counters.setdefault(raw.part, Counters(numbering, styles))
        resolved = story_counters.resolve(ppr, style_id)
        label = story_counters.advance(*resolved) if resolved is not None else ""
        text = raw.text
        lead = len(text) - len(text.lstrip(_BLANK))
        trimmed = text.strip(_BLANK)
        if not trimmed and not label:
            blanks += 1
        else:
            depth = 0
            if raw.story in (Story.HEADER, Story.FOOTER):
                kind = BlockKind.MARGIN
            elif raw.in_toc or styles.is_toc(style_id):
                kind = BlockKind.META
            elif raw.in_table:
                kind = BlockKind.TABLE
            else:
                depth = _heading_depth(ppr, style_id, styles)
                kind = BlockKind.HEADING if depth else BlockKind.BODY
            start = offset + lead
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    kind=kind,
                    text=trimmed,
                    offsets=OffsetMap.identity(start, len(trimmed)),
                    start=offset,
                    end=start + len(trimmed),
                    depth=depth,
                    blank_before=blanks,
                    label=label,
                    page_break_before=broken or raw.page_break_at_start,
                    margin=_MARGINS.get(raw.story, ""),
                )
            )
            blanks = 0
            broken = False
        broken = broken or raw.page_break_at_end
        offset += len(text) + 1
    source = "\n".join(raw.text for raw in raws)
    return Document(path, Format.DOCX, source, tuple(paragraphs), LineIndex(source))


def read_docx(path: str, data: bytes) -> Document:
    """Read a .docx file; any problem with it raises :class:`ReadError`."""
    try:
        package = Package(data)
        _, styles, numbering, raws = load_parts(package)
        doc = build_document(path, raws, styles, numbering)
        return replace(doc, comments=read_comments(package, raws, doc.lines))
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("文档结构嵌套过深，无法读取") from None
    except Exception as exc:  # a malformed part must never crash the run: report it like any bad input
        raise ReadError(f"无法读取该 .docx 文件（{type(exc).__name__}）") from None
