"""Word documents: a page break is evidence of a split paragraph, a finding in a page header or footer
says so, and a placeholder alone in a table cell is found."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from summarylint.api import check_bytes, make_policy
from summarylint.readers import read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = "今年以来，街道各项工作稳步推进，群众获得感、幸福感、安全感不断增强，各项指标均完成年度计划。"


def _document(*, manual_break: bool, rendered_break: bool) -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "XX街道办事处"
    d.sections[0].footer.paragraphs[0].text = "联系人：×××"
    d.add_paragraph("街道2024年工作总结")
    for _ in range(3):
        d.add_paragraph(BODY)
    first = d.add_paragraph("全年新建便民服务站点，开展上门服务，为辖区老年人办理各类证")
    if manual_break:
        first.add_run().add_break(WD_BREAK.PAGE)
    second = d.add_paragraph()
    if rendered_break:
        second._p.append(parse_xml(f"<w:r {W}><w:lastRenderedPageBreak/></w:r>"))
    second.add_run("件，群众满意度持续提高。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "负责人"
    table.cell(0, 1).text = "XXX"
    d.add_paragraph("特此报告。")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _codes(data: bytes) -> list[tuple[str, str]]:
    result = check_bytes("x.docx", data, make_policy())
    return [(d.code, d.message) for d in result.diagnostics]


def test_page_breaks_are_kept_as_paragraph_metadata() -> None:
    for manual, rendered in ((True, False), (False, True)):
        doc = read_document("x.docx", _document(manual_break=manual, rendered_break=rendered))
        broken = [p.text[:3] for p in doc.paragraphs if p.page_break_before]
        assert broken == ["件，群"], (manual, rendered)
    plain = read_document("x.docx", _document(manual_break=False, rendered_break=False))
    assert not any(p.page_break_before for p in plain.paragraphs)


def test_split_across_a_word_page_break() -> None:
    found = [m for code, m in _codes(_document(manual_break=True, rendered_break=False)) if code == "GA001"]
    assert len(found) == 1 and "分页符" in found[0]


def test_header_footer_and_table_cell_placeholders() -> None:
    messages = [m for code, m in _codes(_document(manual_break=False, rendered_break=False)) if code == "PH002"]
    assert any(m.startswith("（页眉）") and "XX" in m for m in messages)
    assert any(m.startswith("（页脚）") and "×××" in m for m in messages)
    assert any(not m.startswith("（") and "XXX" in m for m in messages)  # the table cell
