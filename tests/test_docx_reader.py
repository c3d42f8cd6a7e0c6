"""Reading .docx files: visible text, reading order, paragraph kinds and positions."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx_fixtures import CN, TEXT_BOX, DocBuilder, append_xml, set_numbering

from summarylint.document import BlockKind, Document, Format
from summarylint.readers import ReadError, read_document
from summarylint.readers.docx import read_docx


def read(builder: DocBuilder) -> Document:
    return read_docx("t.docx", builder.to_bytes())


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def line_of(doc: Document, index: int) -> int:
    return doc.lines.position(doc.paragraphs[index].offsets.offset(0)).line


def test_dispatch_and_format() -> None:
    b = DocBuilder()
    b.para("工作总结")
    doc = read_document("报告.docx", b.to_bytes())
    assert doc.format is Format.DOCX
    assert doc.path == "报告.docx"
    assert texts(doc) == ["工作总结"]


def test_one_line_per_paragraph_and_blank_paragraphs() -> None:
    b = DocBuilder()
    b.para("第一段")
    b.para("")
    b.para("   ")
    b.para("\u3000\u3000第四段正文。 ")
    doc = read(b)
    assert doc.source == "第一段\n\n   \n\u3000\u3000第四段正文。 "
    assert texts(doc) == ["第一段", "第四段正文。"]
    assert [line_of(doc, i) for i in range(2)] == [1, 4]
    assert doc.paragraphs[1].blank_before == 2
    fourth = doc.paragraphs[1]
    position = doc.lines.position(fourth.offsets.offset(0))
    assert position.column == 3  # columns count within the paragraph's full visible text
    assert doc.source[fourth.start : fourth.end] == "\u3000\u3000第四段正文。"


def test_runs_tabs_breaks_and_symbols() -> None:
    b = DocBuilder()
    b.xml_para(
        '<w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">总体 </w:t></w:r>'
        "<w:r><w:tab/><w:t>情况</w:t><w:br/><w:t>续行</w:t><w:noBreakHyphen/><w:softHyphen/>"
        '<w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2605"/></w:r>'
    )
    assert read(b).source == "一、总体 \t情况 续行-\u25a1\u2605"


def test_tracked_changes_hidden_text_and_fields() -> None:
    b = DocBuilder()
    b.xml_para(
        "<w:r><w:t>完成</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>旧数字</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>新数字</w:t></w:r></w:ins>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年</w:t></w:r></w:fldSimple>'
        '<w:hyperlink r:id="rId99"><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
    )
    assert read(b).source == "完成新数字72024年链接"


def test_deleted_empty_paragraph_is_dropped() -> None:
    b = DocBuilder()
    b.para("甲")
    b.xml_para(
        '<w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr>'
        '<w:del w:id="6" w:author="a"><w:r><w:delText>删掉的段落</w:delText></w:r></w:del>'
    )
    b.para("乙")
    assert read(b).source == "甲\n乙"


def test_heading_depths() -> None:
    b = DocBuilder()
    b.para("2024年工作总结", style="Title")
    b.heading("总体情况", 1)
    b.heading("主要做法", 2)
    b.heading("细节", 3)
    outlined = b.para("大纲级别段落")
    append_xml(
        outlined._p.get_or_add_pPr(),
        '<w:outlineLvl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="1"/>',
    )
    append_xml(
        b.doc.styles.element,
        '<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="paragraph" '
        'w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="Heading3"/></w:style>',
    )
    b.para("继承的标题", style="My Heading")
    append_xml(
        b.doc.styles.element,
        '<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="paragraph" '
        'w:styleId="1"><w:name w:val="标题 1"/></w:style>',
    )
    b.para("中文样式名", style="标题 1")
    b.para("正文。")
    doc = read(b)
    kinds = [(p.kind, p.depth) for p in doc.paragraphs]
    assert kinds == [
        (BlockKind.BODY, 0),
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.HEADING, 3),
        (BlockKind.HEADING, 2),
        (BlockKind.HEADING, 3),
        (BlockKind.HEADING, 1),
        (BlockKind.BODY, 0),
    ]


def test_table_cells_in_order_with_nested_table() -> None:
    b = DocBuilder()
    b.para("表前")
    table = b.table([["项目", "金额"], ["收入", "XX"]])
    inner = table.cell(1, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内1"
    inner.cell(0, 1).text = "内2"
    b.para("表后")
    doc = read(b)
    assert texts(doc) == ["表前", "项目", "金额", "收入", "内1", "内2", "XX", "表后"]
    assert [p.kind for p in doc.paragraphs] == [BlockKind.BODY] + [BlockKind.TABLE] * 6 + [BlockKind.BODY]
    xx = texts(doc).index("XX")
    assert doc.lines.line_text(line_of(doc, xx)) == "XX"
    # the nested table's cell ends with an empty paragraph python-docx adds after the table
    assert line_of(doc, xx) == 8


def test_text_box_follows_its_anchor_without_fallback_copy() -> None:
    b = DocBuilder()
    b.xml_para("<w:r><w:t>锚定段落</w:t></w:r>" + TEXT_BOX.format(text="框内XX"))
    b.para("下一段")
    doc = read(b)
    assert texts(doc) == ["锚定段落", "框内XX", "下一段"]
    assert doc.paragraphs[1].kind is BlockKind.BODY


def test_headers_and_footers_come_last_as_margin() -> None:
    b = DocBuilder()
    b.para("正文")
    section = b.doc.sections[0]
    section.header.paragraphs[0].text = "XX单位"
    section.footer.paragraphs[0].text = "第X页"
    doc = read(b)
    assert texts(doc) == ["正文", "XX单位", "第X页"]
    assert [p.kind for p in doc.paragraphs] == [BlockKind.BODY, BlockKind.MARGIN, BlockKind.MARGIN]
    assert line_of(doc, 1) == 2


def test_table_of_contents_is_meta() -> None:
    b = DocBuilder()
    b.xml_para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体情况\t1</w:t></w:r>'
    )
    b.xml_para('<w:r><w:t>二、存在问题\t3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    num = b.list(CN)
    b.heading("总体情况", 1, num, 0)
    b.heading("存在问题", 1, num, 0)
    doc = read(b)
    assert [p.kind for p in doc.paragraphs] == [BlockKind.META, BlockKind.META, BlockKind.HEADING, BlockKind.HEADING]
    assert [p.label for p in doc.paragraphs] == ["", "", "一、", "二、"]


def test_numbering_label_is_not_part_of_the_text() -> None:
    b = DocBuilder()
    num = b.list(CN)
    b.para("总体情况", num)
    doc = read(b)
    para = doc.paragraphs[0]
    assert para.label == "一、"
    assert para.text == "总体情况"
    assert doc.source == "总体情况"


def test_numbered_table_paragraphs_count_in_document_order() -> None:
    b = DocBuilder()
    num = b.list(CN)
    b.para("甲", num)
    table = b.table([["乙"]])
    set_numbering(table.cell(0, 0).paragraphs[0], num)
    b.para("丙", num)
    assert [p.label for p in read(b).paragraphs] == ["一、", "二、", "三、"]


def test_table_of_contents_content_control_and_toc_styles_are_meta() -> None:
    b = DocBuilder()
    b.xml_para(
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    sdt = b.doc.paragraphs[-1]._p[-1]
    b.doc.paragraphs[-1]._p.addprevious(sdt)  # a block-level content control
    append_xml(
        b.doc.styles.element,
        '<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="paragraph" '
        'w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>',
    )
    b.para("一、总体情况\t1", style="toc 1")
    b.para("正文")
    doc = read(b)
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        (BlockKind.META, "目录"),
        (BlockKind.META, "一、总体情况\t1"),
        (BlockKind.BODY, "正文"),
    ]


def test_minimal_package_without_styles_or_numbering() -> None:
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>只有正文</w:t></w:r></w:p></w:body></w:document>"
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", document)
    doc = read_docx("t.docx", archive.getvalue())
    assert [(p.label, p.text) for p in doc.paragraphs] == [("", "只有正文")]


def test_strict_open_xml_is_refused_with_a_hint() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>')
    with pytest.raises(ReadError, match="Strict"):
        read_docx("t.docx", archive.getvalue())


def test_placeholders_and_boilerplate_in_headers_and_footers_are_reported() -> None:
    from docx import Document as WordDocument

    from summarylint.api import check_bytes, make_policy

    word = WordDocument()
    word.add_paragraph("全年开展安全检查12次。")
    section = word.sections[0]
    section.header.paragraphs[0].text = "XX单位文件"
    section.footer.paragraphs[0].text = "下面是小编整理的范文，希望对大家有所帮助！"
    buffer = io.BytesIO()
    word.save(buffer)
    result = check_bytes("x.docx", buffer.getvalue(), make_policy())
    found = {(d.code, result.document.lines.position(d.span.start).line) for d in result.diagnostics if result.document}
    assert ("PH002", 2) in found
    assert ("TB001", 3) in found
