"""Readers: encodings, Markdown structure and inline markup, positions through every transformation."""

from __future__ import annotations

import codecs

import pytest

from summarylint.document import BlockKind, Format
from summarylint.readers import ReadError, read_document


def kinds(text: str, name: str = "x.md") -> list[tuple[str, str]]:
    doc = read_document(name, text.encode("utf-8"))
    return [(p.kind.value, p.text) for p in doc.paragraphs]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("一、总结".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "一、总结".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "一、总结".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "一、总结".encode("utf-16-be"), "utf-16-be"),
        ("一、总结工作".encode("gb18030"), "gb18030"),
        ("一、總結".encode("gbk"), "gb18030"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    doc = read_document("x.txt", data)
    assert doc.paragraphs[0].text.startswith("一、")
    assert doc.encoding == encoding
    assert doc.bom + doc.source.encode(doc.encoding) == data


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"\x00\x01binary\x00", "空字节"),
        (bytes([0x81, 0x20, 0xFE, 0xFF, 0x80]), "无法识别文件编码"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "无法解码"),
    ],
)
def test_undecodable_input_is_a_read_error(data: bytes, needle: str) -> None:
    with pytest.raises(ReadError, match=needle):
        read_document("x.txt", data)


def test_unsupported_suffixes() -> None:
    with pytest.raises(ReadError, match=r"只支持 \.docx"):
        read_document("old.doc", b"whatever")
    with pytest.raises(ReadError, match="不支持 PDF"):
        read_document("a.pdf", b"%PDF")
    with pytest.raises(ReadError, match="不支持的文件类型"):
        read_document("a.xyz", b"text")


def test_text_lines_are_paragraphs_with_exact_offsets() -> None:
    source = "标题\r\n\r\n\u3000\u3000一、总体情况  \r\n- 1、继续\r\n"
    doc = read_document("x.txt", source.encode())
    assert doc.format is Format.TEXT
    assert [p.text for p in doc.paragraphs] == ["标题", "一、总体情况", "1、继续"]
    para = doc.paragraphs[1]
    assert para.blank_before == 1
    start = doc.lines.position(para.span(0, 2).start)
    assert (start.line, start.column) == (3, 3)
    bullet = doc.paragraphs[2].bullet
    assert bullet is not None and source[bullet.start] == "-"


def test_markdown_blocks() -> None:
    text = (
        "---\ntitle: 总结\n---\n"
        "# 标题 #\n\n"
        "正文第一行\n接着一行\n"
        "1、新段落\n\n"
        "> 引用\n\n"
        "- 项目\n\n"
        "```\n代码 XX\n```\n\n"
        "<!-- 注释\n多行 -->\n"
        "| 甲 | 乙 |\n|---|---|\n"
        "***\n"
    )
    assert kinds(text) == [
        ("meta", "---\ntitle: 总结\n---\n"),
        ("heading", "标题"),
        ("body", "正文第一行接着一行"),
        ("body", "1、新段落"),
        ("quote", "引用"),
        ("list-item", "项目"),
        ("code", "```\n代码 XX\n```\n"),
        ("comment", "<!-- 注释\n多行 -->"),
        ("table", "| 甲 | 乙 |"),
        ("meta", "|---|---|"),
        ("meta", "***"),
    ]


def test_markdown_inline_markup_keeps_positions() -> None:
    source = "共举办\\_\\_\\_期**培训**，见[通知](http://x.cn/a)和`代码`。\n"
    doc = read_document("x.md", source.encode())
    para = doc.paragraphs[0]
    assert para.text == "共举办___期培训，见通知和代码。"
    underscores = para.span(3, 6)
    assert source[underscores.start : underscores.end] == "_\\_\\_"
    assert source[para.span(3, 4).start] == "_"
    at = doc.lines.position(para.span(7, 9).start)
    assert (at.line, at.column) == (1, 13)  # 培训 after the ** markers
    assert para.masks == ((14, 16),)
    assert para.kind is BlockKind.BODY


def test_markdown_attributed_spans_are_markup() -> None:
    """A Word document converted to Markdown keeps bookmarks ([]{#_Toc123 .anchor}) and styled spans
    ([重点]{.underline}): their brackets and attributes are dropped like a link's, the text kept in place."""
    source = "## []{#_Toc170231562 .anchor}三、存在的[问题]{.underline}\n"
    doc = read_document("x.md", source.encode())
    heading = doc.paragraphs[0]
    assert heading.text == "三、存在的问题"
    assert source[heading.span(0, 2).start : heading.span(0, 2).end] == "三、"
    assert source[heading.span(5, 7).start : heading.span(5, 7).end] == "问题"


def test_markdown_heading_depth_and_bullet() -> None:
    doc = read_document("x.md", "### （二）加强\n\n* 1、继续\n".encode())
    heading, item = doc.paragraphs
    assert heading.depth == 3 and heading.text == "（二）加强"
    assert item.kind is BlockKind.LIST_ITEM and item.bullet is not None


def test_content_blocks_mask_urls_emails_and_file_names_only() -> None:
    from summarylint.views import Views

    doc = read_document(
        "x.txt",
        "详见http://www.gov.cn/a_b.html公告，或访问www.cnpack.org查看，邮件a.b@gov.cn，附件表1.docx。\n".encode(),
    )
    block = Views(doc).blocks[0]
    masked = [block.text[s:e] for s, e in block.masks]
    assert masked == ["http://www.gov.cn/a_b.html", "www.cnpack.org", "a.b@gov.cn", "1.docx"]
