"""Word comments (``word/comments.xml``) and the paragraphs they cover, for suppression directives.

A comment's range is marked in the document by ``w:commentRangeStart`` / ``w:commentRangeEnd`` (or,
for a comment on a point, only ``w:commentReference``) carrying the comment's ``w:id``.  A comment
covers every paragraph from the one holding its first mark to the one holding its last; its span is
those whole lines of the source (one line per paragraph, see :mod:`summarylint.readers.docx`).
"""

from __future__ import annotations

from summarylint.document import Comment
from summarylint.readers.docx_numbering import w
from summarylint.readers.docx_safety import Package
from summarylint.readers.docx_walk import RawParagraph, T
from summarylint.source import LineIndex, Span

_MARKS = (w("commentRangeStart"), w("commentRangeEnd"), w("commentReference"))
_ID = w("id")


def _texts(package: Package) -> dict[str, str]:
    part = package.related(package.main, "/comments")
    if part is None:
        return {}
    texts: dict[str, str] = {}
    for comment in package.xml(part).iter(w("comment")):
        paragraphs = ["".join(t.text or "" for t in p.iter(T)) for p in comment.iter(w("p"))]
        texts[comment.get(_ID, "")] = "\n".join(paragraphs).strip()
    return texts


def read_comments(package: Package, raws: list[RawParagraph], lines: LineIndex) -> tuple[Comment, ...]:
    """The comments of the main document with the source span of the paragraphs they cover."""
    texts = _texts(package)
    if not texts:
        return ()
    covered: dict[str, tuple[int, int]] = {}
    for line, raw in enumerate(raws, start=1):
        if raw.part != 0:
            continue
        for mark in raw.element.iter(*_MARKS):
            key = mark.get(_ID, "")
            first, last = covered.get(key, (line, line))
            covered[key] = (min(first, line), max(last, line))
    comments = []
    for key, (first, last) in sorted(covered.items(), key=lambda item: item[1]):
        if key in texts:
            end = lines.line_start(last) + len(lines.line_text(last))
            comments.append(Comment(Span(lines.line_start(first), end), texts[key]))
    return tuple(comments)
