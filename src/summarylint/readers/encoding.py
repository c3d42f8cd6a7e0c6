"""Decoding of text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from summarylint.readers.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters a real GB18030 text is made of: CJK ideographs and punctuation, full-width forms,
# ASCII.  A byte stream in another encoding that happens to decode as GB18030 yields mostly others.
_GB_PLAUSIBLE = re.compile(r"[\x00-\x7f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2010-\u2027\u00b7]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec that encodes ``text`` back to the original bytes (after ``bom``)
    bom: bytes = b""


def decode(data: bytes) -> Decoded:
    """Decode ``data``; raise :class:`ReadError` when no supported encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, bom)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"文件以 {encoding.upper()} 字节序标记开头，但第 {exc.start + len(bom)} 字节处无法解码"
                ) from None
    if b"\x00" in data:
        raise ReadError("文件含有空字节，不是文本文件（或是不带 BOM 的 UTF-16，请另存为 UTF-8）")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReadError("无法识别文件编码：既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030/GBK") from None
    non_ascii = [c for c in text if ord(c) > 0x7F]
    plausible = sum(1 for c in non_ascii if _GB_PLAUSIBLE.match(c))
    if non_ascii and plausible / len(non_ascii) < 0.9:
        raise ReadError("无法识别文件编码：按 GB18030 解码得到的大多是生僻字符，文件可能已损坏或是其他编码")
    return Decoded(text, "gb18030")
