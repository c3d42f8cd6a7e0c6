"""Readers turn the bytes of one file into a :class:`~summarylint.document.Document`.

One module per format; this module only chooses the reader by file suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from summarylint.document import Document
from summarylint.readers.encoding import Decoded, decode
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


_CONVERT = "可另存为 .docx、.md 或 .txt 后再检查"
#: Formats a reviewer would expect to be submissions but that summarylint cannot read: a folder
#: run reports each such file with this one-line error instead of passing over it.
UNSUPPORTED_SUFFIXES: dict[str, str] = {
    ".doc": f"不支持旧版 Word 格式 .doc，只支持 .docx；{_CONVERT}（Word 或 LibreOffice 均可）",
    ".wps": f"不支持 WPS 文字格式 .wps；{_CONVERT}",
    ".wpt": f"不支持 WPS 模板格式 .wpt；{_CONVERT}",
    ".dot": f"不支持旧版 Word 模板格式 .dot；{_CONVERT}",
    ".dotx": f"不支持 Word 模板格式 .dotx；{_CONVERT}",
    ".docm": f"不支持带宏的 Word 格式 .docm；{_CONVERT}",
    ".rtf": f"不支持 RTF 格式；{_CONVERT}",
    ".odt": f"不支持 OpenDocument 文本格式 .odt；{_CONVERT}",
    ".pages": f"不支持 Pages 格式；{_CONVERT}",
    ".pdf": "不支持 PDF；请检查原始的 .docx 文稿，或把文字另存为 .txt",
    ".ofd": "不支持 OFD 版式文件；请检查原始的 .docx 文稿",
    ".wpd": f"不支持 WordPerfect 格式；{_CONVERT}",
    ".xls": "不支持电子表格（.xls）；summarylint 检查文字稿",
    ".xlsx": "不支持电子表格（.xlsx）；summarylint 检查文字稿",
    ".et": "不支持 WPS 表格格式 .et；summarylint 检查文字稿",
    ".ppt": "不支持演示文稿（.ppt）；summarylint 检查文字稿",
    ".pptx": "不支持演示文稿（.pptx）；summarylint 检查文字稿",
    ".dps": "不支持 WPS 演示格式 .dps；summarylint 检查文字稿",
}


def is_supported(path: str) -> bool:
    return PurePath(path).suffix.lower() in SUPPORTED_SUFFIXES


def unsupported(path: str) -> str | None:
    """Why a file of this suffix cannot be read, or None when a reader takes it."""
    if is_supported(path):
        return None
    try:
        _text_reader(path)
    except ReadError as exc:
        return str(exc)
    return None


def is_document(path: str) -> bool:
    """A file a reviewer could mean as a submission: one summarylint reads or one it names as unsupported."""
    suffix = PurePath(path).suffix.lower()
    return suffix in SUPPORTED_SUFFIXES or suffix in UNSUPPORTED_SUFFIXES


def _text_reader(path: str) -> TextReader:
    suffix = PurePath(path).suffix.lower()
    reader = _TEXT_READERS.get(suffix)
    if reader is not None:
        return reader
    unsupported = UNSUPPORTED_SUFFIXES.get(suffix)
    if unsupported is not None:
        raise ReadError(unsupported)
    allowed = "、".join(SUPPORTED_SUFFIXES)
    raise ReadError(f"不支持的文件类型“{suffix or '（无扩展名）'}”，支持：{allowed}")


def read_document(path: str, data: bytes) -> Document:
    """Read ``data`` (the content of ``path``) with the reader its suffix names."""
    if PurePath(path).suffix.lower() == ".docx":
        from summarylint.readers.docx import read_docx

        return read_docx(path, data)
    reader = _text_reader(path)
    if not data:
        raise ReadError("文件是空的")
    return read_decoded(path, decode(data), reader)


def read_decoded(path: str, decoded: Decoded, reader: TextReader | None = None) -> Document:
    """Read a text file already decoded (``--fix`` decides the encoding once and reads each round's
    text with this)."""
    reader = reader or _text_reader(path)
    return replace(reader(path, decoded.text), encoding=decoded.encoding, bom=decoded.bom)


__all__ = [
    "SUPPORTED_SUFFIXES",
    "UNSUPPORTED_SUFFIXES",
    "Decoded",
    "ReadError",
    "is_document",
    "is_supported",
    "read_decoded",
    "read_document",
    "unsupported",
]
