"""The reviewed copy of a .docx file: one Word comment per diagnostic, the original left untouched.

Each comment (author ``summarylint``, text ``[CODE] message``) is anchored on exactly the characters
of the diagnostic's span: the runs holding the span's first and last characters are split there
(the split-off part keeps a copy of the run properties, so the formatting is unchanged). Positions
are mapped back through the same paragraph walk the reader used
(:func:`summarylint.readers.docx_walk.walk_document`): line N of the checked source is walked
paragraph N and a column is an index into that paragraph's pieces; text is never searched for.

A span of no width (such as the label of an automatic number, which is not part of the text) is
anchored on the paragraph's first run. Word does not allow comments in headers, footers and text
boxes: such a diagnostic is anchored on the first run of the body (headers, footers) or of the
paragraph anchoring the text box, and its comment names where the text is and quotes it.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarylint.api import check_bytes, display_path
from summarylint.atomic import write_atomically
from summarylint.diagnostics import Diagnostic
from summarylint.document import Document
from summarylint.linter import FileResult
from summarylint.policy import Policy
from summarylint.readers.docx_walk import PPR, RPR, Piece, RawParagraph, Story, walk_document
from summarylint.source import Span

AUTHOR = "summarylint"
INITIALS = "SL"
SUFFIX = ".checked.docx"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_STORY_NAMES = {Story.HEADER: "页眉", Story.FOOTER: "页脚", Story.TEXTBOX: "文本框"}
_QUOTE_MAX = 30
#: related places a comment names
_RELATED_MAX = 10


class AnnotateError(Exception):
    """The reviewed copy cannot be made; the message says why (in Chinese)."""


def default_output(path: Path, directory: Path | None = None) -> Path:
    """``report.docx`` → ``report.checked.docx``, next to the original or in ``directory``."""
    name = f"{path.stem}{SUFFIX}"
    return (directory if directory is not None else path.parent) / name


class _Anchors:
    """Turns source spans into pairs of ``w:r`` elements, splitting runs at the span boundaries."""

    def __init__(self, word: Any, doc: Document, raws: list[RawParagraph]) -> None:
        self._word = word
        self._doc = doc
        self._raws = raws

    # -- runs -----------------------------------------------------------------------------------

    def _first_run(self, raw: RawParagraph) -> Any:
        if raw.pieces:
            return raw.pieces[0].element.getparent()
        from docx.oxml import OxmlElement

        run = OxmlElement("w:r")  # an empty paragraph (a bare number): anchor on a new empty run
        props = raw.element.find(PPR)
        if props is not None:
            props.addnext(run)
        else:
            raw.element.insert(0, run)
        return run

    def _body_run(self) -> Any:
        body = [raw for raw in self._raws if raw.story is Story.BODY]
        with_text = next((raw for raw in body if raw.pieces), None)
        if with_text is not None or body:
            return self._first_run(with_text or body[0])
        paragraph = self._word.add_paragraph()
        return paragraph.add_run()._r

    @staticmethod
    def _piece_index(raw: RawParagraph, index: int) -> int:
        return max(bisect_right([p.start for p in raw.pieces], index) - 1, 0)

    def _split_at(self, raw: RawParagraph, index: int) -> None:
        """Make a run begin exactly at character ``index`` of ``raw``."""
        if index <= 0 or index >= len(raw.text) or not raw.pieces:
            return
        k = self._piece_index(raw, index)
        piece = raw.pieces[k]
        if index > piece.start:  # inside a w:t: split its text into two w:t elements
            from docx.oxml import OxmlElement

            cut = index - piece.start
            element = piece.element
            text = element.text or ""
            tail = OxmlElement("w:t")
            tail.text = text[cut:]
            element.text = text[:cut]
            element.set(_XML_SPACE, "preserve")
            tail.set(_XML_SPACE, "preserve")
            element.addnext(tail)
            second = Piece(index, piece.length - cut, tail)
            raw.pieces[k : k + 1] = [Piece(piece.start, cut, element), second]
            piece = second
        _split_run_before(piece.element)

    def _run_at(self, raw: RawParagraph, index: int) -> Any:
        return raw.pieces[self._piece_index(raw, index)].element.getparent()

    # -- spans ----------------------------------------------------------------------------------

    def _point(self, offset: int) -> tuple[int, int]:
        position = self._doc.lines.position(offset)
        return position.line - 1, position.column - 1

    def anchor(self, span: Span) -> tuple[Any, Any, str]:
        """The first and last run of the comment range and a note to put before the message."""
        line, column = self._point(span.start)
        end_line, end_column = self._point(span.end)
        if end_line > line and end_column == 0:  # the span ends with a line break
            end_line -= 1
            end_column = len(self._raws[end_line].text)
        raw = self._raws[line]
        end_raw = self._raws[end_line]
        if end_raw.story is not raw.story or end_raw.part != raw.part:
            end_raw, end_column = raw, len(raw.text)
        empty = (end_raw is raw and end_column <= column) or column >= len(raw.text) or not raw.pieces
        if raw.story is not Story.BODY:
            quoted = raw.text[column:end_column] if end_raw is raw and not empty else raw.text
            quoted = quoted.strip() or raw.text.strip()
            if len(quoted) > _QUOTE_MAX:
                quoted = quoted[: _QUOTE_MAX - 1] + "…"
            note = f"（{_STORY_NAMES[raw.story]}：“{quoted}”）" if quoted else f"（{_STORY_NAMES[raw.story]}）"
            if raw.story is Story.TEXTBOX and raw.anchor is not None:
                run = self._first_run(raw.anchor)
            else:
                run = self._body_run()
            return run, run, note
        if empty:
            run = self._first_run(raw)
            return run, run, ""
        self._split_at(raw, column)
        self._split_at(end_raw, end_column)
        return self._run_at(raw, column), self._run_at(end_raw, end_column - 1), ""


def _split_run_before(element: Any) -> None:
    """Move ``element`` and what follows it in its ``w:r`` into a new run with the same properties."""
    from copy import deepcopy

    from docx.oxml import OxmlElement

    run = element.getparent()
    children = [child for child in run if child.tag != RPR]
    if not children or children[0] is element:
        return
    position = children.index(element)
    new_run = OxmlElement("w:r")
    for name, value in run.attrib.items():
        new_run.set(name, value)
    props = run.find(RPR)
    if props is not None:
        new_run.append(deepcopy(props))
    for child in children[position:]:
        new_run.append(child)  # moved, so pieces keep pointing at the same elements
    run.addnext(new_run)


def related_note(diagnostic: Diagnostic) -> str:
    """The related places of a diagnostic as a comment shows them: ``（另见：段 12；乙.docx 段 3）``."""
    if not diagnostic.related:
        return ""
    places = [f"{r.path + ' ' if r.path else ''}段 {r.line}" for r in diagnostic.related[:_RELATED_MAX]]
    more = f" 等 {len(diagnostic.related)} 处" if len(diagnostic.related) > _RELATED_MAX else ""
    return f"（另见：{'；'.join(places)}{more}）"


def annotate_docx(data: bytes, doc: Document, diagnostics: Sequence[Diagnostic]) -> bytes:
    """A copy of the .docx ``data`` with one comment per diagnostic; ``doc`` is what was checked."""
    import docx
    from docx.text.run import Run

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx refuses some packages the reader accepts (e.g. .docm)
        raise AnnotateError(f"无法用 python-docx 打开该文件，未生成审阅副本（{type(exc).__name__}）") from None
    part = word.part

    def part_root(rel_id: str) -> Any:
        rel = part.rels.get(rel_id)
        if rel is None or rel.is_external:
            return None
        return getattr(rel.target_part, "element", None)

    raws = walk_document(word.element, part_root)
    lines = doc.lines
    same = len(raws) == lines.line_count and all(raw.text == lines.line_text(i + 1) for i, raw in enumerate(raws))
    if not same and not (not raws and doc.source == ""):
        raise AnnotateError("文件内容与检查时不一致，未生成审阅副本")
    anchors = _Anchors(word, doc, raws)
    for diagnostic in diagnostics:
        first, last, note = anchors.anchor(diagnostic.span)
        text = f"[{diagnostic.code}] {note}{diagnostic.message}{related_note(diagnostic)}"
        word.add_comment([Run(first, word), Run(last, word)], text=text, author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def annotate_file(path: Path, target: Path, policy: Policy, *, display: str | None = None) -> tuple[FileResult, int]:
    """Check ``path`` and write its reviewed copy to ``target``; the number of comments written (0 on error)."""
    shown = display_path(display or path)
    if path.suffix.lower() != ".docx":
        return FileResult(shown, error="只能为 .docx 文件生成审阅副本"), 0
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return FileResult(shown, error="文件不存在"), 0
    except IsADirectoryError:
        return FileResult(shown, error="是目录，不是文件"), 0
    except OSError as exc:
        return FileResult(shown, error=f"无法读取：{exc.strerror or exc}"), 0
    result = check_bytes(shown, data, policy, path=path)
    if result.document is None:
        return result, 0
    try:
        if target.resolve() == path.resolve():
            raise AnnotateError("审阅副本的路径与原文件相同，原文件不会被改写")
        copy = annotate_docx(data, result.document, result.diagnostics)
        write_atomically(target, copy, mode=path.stat().st_mode)
    except AnnotateError as exc:
        result.error = "；".join(filter(None, [result.error, str(exc)]))
        return result, 0
    except OSError as exc:
        result.error = "；".join(filter(None, [result.error, f"无法写入审阅副本 {target}：{exc.strerror or exc}"]))
        return result, 0
    return result, len(result.diagnostics)


__all__ = ["AUTHOR", "AnnotateError", "annotate_docx", "annotate_file", "default_output"]
