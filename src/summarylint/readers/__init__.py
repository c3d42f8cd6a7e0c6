"""Readers turn the bytes of one file into a :class:`~summarylint.document.Document`.

One module per format; this module only chooses the reader by file suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from summarylint.document import Document
from summarylint.readers.encoding import decode
from summarylint.readers.errors import ReadError
from summarylint.readers.markdown import read_markdown
from summarylint.readers.text import read_text

TextReader = Callable[[str, str], Document]

_TEXT_READERS: dict[str, TextReader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_text,
    ".text": read_text,
}
_BINARY_SUFFIXES = (".docx",)

#: File suffixes summarylint reads, in the order they are documented.
SUPPORTED_SUFFIXES: tuple[str, ...] = (*_TEXT_READERS, *_BINARY_SUFFIXES)


def is_supported(path: str) -> bool:
    return PurePath(path).suffix.lower() in SUPPORTED_SUFFIXES


def read_document(path: str, data: bytes) -> Document:
    """Read ``data`` (the content of ``path``) with the reader its suffix names."""
    suffix = PurePath(path).suffix.lower()
    if suffix == ".doc":
        raise ReadError("不支持旧版 Word 格式 .doc，只支持 .docx；可用 Word 或 LibreOffice 另存为 .docx")
    if suffix == ".docx":
        from summarylint.readers.docx import read_docx

        return read_docx(path, data)
    reader = _TEXT_READERS.get(suffix)
    if reader is None:
        allowed = "、".join(SUPPORTED_SUFFIXES)
        raise ReadError(f"不支持的文件类型“{suffix or '（无扩展名）'}”，支持：{allowed}")
    decoded = decode(data)
    return replace(reader(path, decoded.text), encoding=decoded.encoding, bom=decoded.bom)


__all__ = ["SUPPORTED_SUFFIXES", "ReadError", "is_supported", "read_document"]
