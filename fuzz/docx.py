"""Fuzz target: the .docx reader (package checks, XML parts, styles, automatic numbering) and every rule.

    .venv/bin/python fuzz/docx.py fuzz/corpus/docx -max_total_time=300

An input is three XML fragments separated by NUL bytes: the body of word/document.xml, the content of
word/numbering.xml and of word/styles.xml.  They are put into an otherwise valid package, so the
fuzzer spends its time in the reader rather than in the ZIP layer.  A file error (ReadError) is an
expected answer; any other exception from the reader, a rule's internal error or a wrong position
is a crash.  Without a corpus folder the example Word document seeds the run.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from checks import check, run

    from summarylint.readers.docx import build_document, load_parts
    from summarylint.readers.docx_safety import Package
    from summarylint.readers.errors import ReadError

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="numbering.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"/>'
    '<Relationship Id="rId2" Target="styles.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
    "</Relationships>"
)


def package(body: bytes, numbering: bytes, styles: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        z.writestr("word/document.xml", b"<w:document " + W.encode() + b"><w:body>" + body + b"</w:body></w:document>")
        z.writestr("word/numbering.xml", b"<w:numbering " + W.encode() + b">" + numbering + b"</w:numbering>")
        z.writestr("word/styles.xml", b"<w:styles " + W.encode() + b">" + styles + b"</w:styles>")
    return buffer.getvalue()


def test_one_input(data: bytes) -> None:
    parts = [*data.split(b"\x00", 2), b"", b""][:3]
    docx = package(*parts)
    try:
        pkg = Package(docx)
        _, styles, numbering, raws = load_parts(pkg)
        build_document("x.docx", raws, styles, numbering)
    except ReadError:
        return
    check("x.docx", docx)


def _inner(xml: bytes, tag: bytes) -> bytes:
    found = re.search(rb"<w:" + tag + rb"\b[^>]*>(.*)</w:" + tag + rb">", xml, re.S)
    return found.group(1) if found else b""


def _seed(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        return
    folder.mkdir(parents=True, exist_ok=True)
    examples = Path(__file__).resolve().parents[1] / "examples"
    for n, path in enumerate(sorted(examples.glob("*.docx"))):
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            body = _inner(z.read("word/document.xml"), b"body")
            numbering = _inner(z.read("word/numbering.xml"), b"numbering") if "word/numbering.xml" in names else b""
            styles = _inner(z.read("word/styles.xml"), b"styles") if "word/styles.xml" in names else b""
        (folder / f"seed{n}").write_bytes(body + b"\x00" + numbering + b"\x00" + styles)


if __name__ == "__main__":
    run(_seed, test_one_input)
