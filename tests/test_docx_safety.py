"""Bad .docx inputs: each one is refused with a one-line reason before any XML is parsed."""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import DocBuilder, read_member, rewrite_member

from summarylint.cli import main
from summarylint.readers import ReadError, docx_safety, read_document
from summarylint.readers.docx import read_docx

OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def good_docx() -> bytes:
    b = DocBuilder()
    b.para("工作总结正文。")
    return b.to_bytes()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def reason(data: bytes) -> str:
    with pytest.raises(ReadError) as caught:
        read_docx("t.docx", data)
    message = str(caught.value)
    assert "\n" not in message and message
    return message


def test_not_a_zip() -> None:
    assert reason(b"just some text, not a zip") == "不是有效的 .docx 文件（不是 ZIP 压缩包）"


def test_empty_file() -> None:
    assert "空" in reason(b"")


def test_truncated_zip() -> None:
    assert "ZIP" in reason(good_docx()[:200])


def test_zip_without_document() -> None:
    assert reason(zip_of({"notes.txt": b"hello"})) == "不是 Word 文档：缺少 word/document.xml"


def test_other_office_document() -> None:
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    message = reason(zip_of({"_rels/.rels": rels, "xl/workbook.xml": workbook}))
    assert message == "不是 Word 文档：缺少 word/document.xml"


def test_password_protected_document() -> None:
    data = OLE + bytes(500) + "EncryptionInfo".encode("utf-16-le") + bytes(50)
    data += "EncryptedPackage".encode("utf-16-le") + bytes(500)
    message = reason(data)
    assert "加密" in message and "密码" in message


def test_legacy_doc_renamed() -> None:
    data = OLE + bytes(500) + "WordDocument".encode("utf-16-le") + bytes(500)
    message = reason(data)
    assert ".doc" in message and "只支持 .docx" in message and "LibreOffice" in message


def test_doc_suffix_is_rejected_by_the_dispatcher() -> None:
    with pytest.raises(ReadError, match=r"只支持 \.docx"):
        read_document("old.doc", OLE + bytes(100))


def test_damaged_document_xml() -> None:
    data = good_docx()
    xml = read_member(data, "word/document.xml")
    broken = rewrite_member(data, "word/document.xml", xml[: len(xml) // 2])
    message = reason(broken)
    assert message.startswith("word/document.xml 已损坏：XML 语法错误")
    assert "行" in message and "列" in message


def test_doctype_and_entities_are_refused() -> None:
    data = good_docx()
    xml = read_member(data, "word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    evil = (
        head
        + '?><!DOCTYPE w:document [<!ENTITY a "XXXXXXXXXX"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + rest.replace("工作总结正文。", "&b;")
    )
    message = reason(rewrite_member(data, "word/document.xml", evil.encode("utf-8")))
    assert "DOCTYPE" in message


def test_external_entity_in_utf16_is_refused() -> None:
    data = good_docx()
    xml = read_member(data, "word/document.xml").decode("utf-8")
    rest = xml.split("?>", 1)[1]
    evil = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + rest
    message = reason(rewrite_member(data, "word/document.xml", evil.encode("utf-16")))
    assert "DOCTYPE" in message


def test_doctype_in_styles_is_refused() -> None:
    data = good_docx()
    styles = read_member(data, "word/styles.xml").decode("utf-8")
    head, rest = styles.split("?>", 1)
    evil = head + "?><!DOCTYPE w:styles>" + rest
    message = reason(rewrite_member(data, "word/styles.xml", evil.encode("utf-8")))
    assert message.startswith("word/styles.xml") and "DOCTYPE" in message


def test_compression_ratio_bomb() -> None:
    data = rewrite_member(good_docx(), "word/media/padding.bin", bytes(5 * 1024 * 1024))
    message = reason(data)
    assert "压缩比" in message and "压缩炸弹" in message


def test_total_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_safety, "MAX_TOTAL_SIZE", 10_000)
    message = reason(good_docx())
    assert "过大" in message and "压缩炸弹" in message


def _understate_size(data: bytes, name: str) -> bytes:
    """Make the central directory claim ``name`` is smaller than it is."""
    encoded = name.encode()
    at = data.index(b"PK\x01\x02")
    while True:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == encoded:
            break
        at = data.index(b"PK\x01\x02", at + 4)
    patched = bytearray(data)
    struct.pack_into("<I", patched, at + 24, 100)
    return bytes(patched)


def test_lying_size_header_cannot_inflate() -> None:
    message = reason(_understate_size(good_docx(), "word/document.xml"))
    assert "word/document.xml" in message


def test_cli_reports_bad_files_and_checks_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx())
    bad = {
        "not-zip.docx": b"plain text",
        "not-word.docx": zip_of({"a.txt": b"x"}),
        "locked.docx": OLE + bytes(64) + "EncryptedPackage".encode("utf-16-le"),
        "legacy.docx": OLE + bytes(64),
        "broken.docx": rewrite_member(good.read_bytes(), "word/document.xml", b"<w:document"),
        "bomb.docx": rewrite_member(good.read_bytes(), "word/x.bin", bytes(3 * 1024 * 1024)),
    }
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    paths = [str(tmp_path / name) for name in bad] + [str(good)]
    code = main(["check", "--isolated", "--output-format", "json", *paths])
    out = capsys.readouterr()
    assert code == 2
    report = json.loads(out.out)
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert by_name["good.docx"]["error"] is None
    assert by_name["good.docx"]["format"] == "docx"
    for name in bad:
        assert by_name[name]["error"], name
        assert "\n" not in by_name[name]["error"]
    assert len([line for line in out.err.splitlines() if line.startswith("summarylint:")]) == len(bad)


def test_random_damage_only_ever_raises_read_error() -> None:
    rnd = random.Random(20240601)
    data = good_docx()
    xml = read_member(data, "word/document.xml")
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rnd.randint(1, 20)):
            damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
        cut = bytearray(xml)
        for _ in range(rnd.randint(1, 4)):
            at = rnd.randrange(len(cut))
            del cut[at : at + rnd.randint(1, 30)]
        for candidate in (bytes(damaged), rewrite_member(data, "word/document.xml", bytes(cut))):
            try:
                read_docx("t.docx", candidate)
            except ReadError as exc:
                assert "\n" not in str(exc)
                assert not str(exc).startswith("无法读取该 .docx 文件")  # every damage has a specific reason
