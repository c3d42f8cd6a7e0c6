"""Decoding of text files: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, GB18030/GBK.

The encoding of a file is decided here, once; ``--fix`` writes the fixed text back with the same
codec and byte-order mark.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from summarylint.readers.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters no text file is made of: C0 and C1 control characters other than the blanks (tab, line
# feed, vertical tab, form feed, carriage return), private-use characters and the two noncharacters
# U+FFFE and U+FFFF.  Binary data read as UTF-16 yields them in quantity (one in ten random code units
# is a private-use character).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")
#: A text with more of them than this share (and more than a handful) is binary data.
_NOT_TEXT_SHARE = 0.01
_NOT_TEXT_FEW = 8


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec that encodes ``text`` back to the original bytes (after ``bom``)
    bom: bytes = b""


@cache
def _gb_implausible() -> re.Pattern[str]:
    """Characters a real GB18030/GBK text is rarely made of.

    Plausible: ASCII, CJK ideographs, CJK and full-width punctuation, general punctuation, and every
    character of GB 2312 (Greek and Cyrillic letters, ①②③, ㈠㈡, Ⅰ Ⅱ, ℃, ≥, №, ■□, box drawing...).
    A byte stream in another encoding that happens to decode as GB18030 yields mostly others:
    private-use characters, four-byte GB18030 characters and the rarer GBK symbols.
    """
    gb2312 = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                gb2312.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    ranges = r"\x00-\x7f\u2010-\u2027\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
    singles = "".join(sorted(c for c in gb2312 if len(c) == 1 and ord(c) > 0x7F))
    return re.compile(f"[^{ranges}{re.escape(singles)}]")


def _binary_check(text: str, what: str) -> None:
    """Raise :class:`ReadError` when a decoded ``text`` is binary data rather than text."""
    if "\x00" in text:
        raise ReadError(f"{what}，但含有空字符（U+0000），不是文本文件")
    count = len(_NOT_TEXT.findall(text))
    if count > _NOT_TEXT_FEW and count > _NOT_TEXT_SHARE * len(text):
        raise ReadError(f"{what}，但含有 {count} 个控制字符或私用区字符，不是文本文件（可能是二进制文件）")


def decode(data: bytes) -> Decoded:
    """Decode ``data``; raise :class:`ReadError` when no supported encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"文件以 {encoding.upper()} 字节序标记开头，但第 {exc.start + len(bom)} 字节处无法解码"
                ) from None
            _binary_check(text, f"文件以 {encoding.upper()} 字节序标记开头")
            return Decoded(text, encoding, bom)
    if b"\x00" in data:
        raise ReadError("文件含有空字节，不是文本文件（或是不带 BOM 的 UTF-16，请另存为 UTF-8）")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _binary_check(text, "文件按 UTF-8 解码")
        return Decoded(text, "utf-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError("无法识别文件编码：既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK") from None
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    implausible = len(_gb_implausible().findall(text))
    if non_ascii and implausible > 0.1 * non_ascii:
        raise ReadError("无法识别文件编码：按 GB18030 解码得到的大多是生僻字符，文件可能已损坏或是其他编码")
    _binary_check(text, "文件按 GB18030 解码")
    return Decoded(text, "gb18030")
