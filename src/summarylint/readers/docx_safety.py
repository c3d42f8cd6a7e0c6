"""Opening a .docx safely: format sniffing, ZIP-bomb limits and XML parsing without DTDs or entities.

Every check runs on the raw bytes before any XML is parsed, and every problem becomes a
:class:`~summarylint.readers.errors.ReadError` with a one-line Chinese reason.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from summarylint.readers.errors import ReadError

#: An lxml element (lxml ships no type information).
Element = Any

#: Largest total uncompressed size of all members.
MAX_TOTAL_SIZE = 200 * 1024 * 1024
#: Members larger than :data:`RATIO_MIN_SIZE` may not be compressed more than this.
MAX_RATIO = 100
RATIO_MIN_SIZE = 1024 * 1024
#: More members than this is not a Word document anyone wrote.
MAX_MEMBERS = 20_000

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
#: Name of the stream that holds an encrypted OOXML package inside an OLE compound file (UTF-16LE).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

#: What the zipfile module raises on damaged archives (CRC errors, bad deflate streams, odd versions).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
               NotImplementedError, RuntimeError)  # fmt: skip

DOCUMENT_PART = "word/document.xml"
_OFFICE_DOCUMENT = "/officeDocument"
_PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True, slots=True)
class Relationship:
    type: str
    target: str  # part name inside the package, without a leading slash
    external: bool


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _declares_dtd(raw: bytes) -> bool:
    """Whether the XML text has a DOCTYPE or ENTITY declaration (checked before parsing)."""
    head = raw
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False  # the parser will report the bad encoding
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def parse_xml(name: str, raw: bytes) -> Element:
    """Parse one XML part; refuse DTDs and entities, report syntax errors with their position."""
    if _declares_dtd(raw):
        raise ReadError(f"{name} 含有 DOCTYPE 或实体声明，出于安全考虑拒绝读取")
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        where = f"第 {line} 行第 {column} 列" if line else "位置未知"
        raise ReadError(f"{name} 已损坏：XML 语法错误（{where}）") from None
    except (ValueError, etree.LxmlError) as exc:
        raise ReadError(f"{name} 无法解析（{type(exc).__name__}）") from None
    if root is None:
        raise ReadError(f"{name} 是空的")
    if root.getroottree().docinfo.doctype:
        raise ReadError(f"{name} 含有 DOCTYPE 或实体声明，出于安全考虑拒绝读取")
    return root


def sniff(data: bytes) -> None:
    """Reject what is not a ZIP file, with the most useful reason."""
    if not data:
        raise ReadError("文件是空的，不是有效的 .docx 文件")
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise ReadError("文档已加密（设置了打开密码），无法读取；请在 Word 中取消密码后另存为 .docx")
        raise ReadError("这是旧版 Word 97-2003 文档（.doc 格式），只支持 .docx；可用 Word 或 LibreOffice 另存为 .docx")
    if not data.startswith(_ZIP_MAGICS):
        raise ReadError("不是有效的 .docx 文件（不是 ZIP 压缩包）")


class Package:
    """The members of a .docx file, checked against ZIP bombs before anything is read."""

    def __init__(self, data: bytes) -> None:
        sniff(data)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS:
            raise ReadError("不是有效的 .docx 文件（ZIP 结构已损坏）") from None
        if len(infos) > MAX_MEMBERS:
            raise ReadError(f".docx 文件包含的成员过多（{len(infos)} 个），已拒绝读取")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise ReadError(f".docx 文件中 {info.filename} 的压缩比异常（{ratio}:1），疑似压缩炸弹，已拒绝读取")
        if total > MAX_TOTAL_SIZE:
            raise ReadError(
                f".docx 文件解压后过大（{total // (1024 * 1024)} MB，上限 {MAX_TOTAL_SIZE // (1024 * 1024)} MB），"
                "疑似压缩炸弹，已拒绝读取"
            )
        self._members = {info.filename.lstrip("/").lower(): info for info in infos}
        self.main = self._main_part()

    def has(self, name: str) -> bool:
        return name.lower() in self._members

    def read(self, name: str) -> bytes:
        """The bytes of one member, never more than its declared size (a lying header fails its CRC)."""
        info = self._members.get(name.lower())
        if info is None:
            raise ReadError(f".docx 文件缺少 {name}")
        if info.flag_bits & 0x1:
            raise ReadError(f".docx 文件中的 {name} 已加密，无法读取")
        limit = info.file_size
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(min(1 << 20, limit - size + 1))
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise ReadError(f".docx 文件中 {name} 的实际大小与记录不符，已拒绝读取")
                    chunks.append(chunk)
        except ReadError:
            raise
        except _ZIP_ERRORS:
            raise ReadError(f".docx 文件中的 {name} 已损坏（无法解压或校验失败）") from None
        return b"".join(chunks)

    def xml(self, name: str) -> Element:
        return parse_xml(name, self.read(name))

    def rels(self, part: str) -> dict[str, Relationship]:
        """Relationships of ``part`` (``""`` for the package), by id; empty when it has none."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels_name):
            return {}
        found: dict[str, Relationship] = {}
        for rel in self.xml(rels_name):
            if not isinstance(rel.tag, str) or etree.QName(rel).localname != "Relationship":
                continue
            rel_id, target = rel.get("Id"), rel.get("Target")
            if not rel_id or target is None:
                continue
            external = rel.get("TargetMode") == "External"
            if not external:
                joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(joined).lstrip("/")
            found[rel_id] = Relationship(rel.get("Type", ""), target, external)
        return found

    def related(self, part: str, rel_type_suffix: str) -> str | None:
        """The first internal part ``part`` relates to with a relationship type ending in the suffix."""
        for rel in self.rels(part).values():
            if not rel.external and rel.type.endswith(rel_type_suffix) and self.has(rel.target):
                return rel.target
        return None

    def _main_part(self) -> str:
        main = self.related("", _OFFICE_DOCUMENT)
        if main is not None:
            return main
        if self.has(DOCUMENT_PART):
            return DOCUMENT_PART
        raise ReadError("不是 Word 文档：缺少 word/document.xml")
