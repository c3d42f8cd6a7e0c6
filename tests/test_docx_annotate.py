"""The reviewed copy: one Word comment per diagnostic, anchored on exactly the offending characters."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx_fixtures import CN_PAREN, TEXT_BOX, DocBuilder, set_numbering

from summarylint.annotate import AUTHOR, AnnotateError, annotate_docx, annotate_file, default_output
from summarylint.api import make_policy
from summarylint.config import Config
from summarylint.diagnostics import Category, Diagnostic, Severity
from summarylint.document import Document
from summarylint.readers.docx import read_docx
from summarylint.source import Span


def diagnostic(span: Span, code: str = "PH002", message: str = "占位符未替换") -> Diagnostic:
    return Diagnostic(code, "test-rule", Category.PLACEHOLDER, Severity.WARNING, message, span)


def find(doc: Document, text: str, needle: str) -> Span:
    """Span of ``needle`` inside the paragraph whose text is ``text``."""
    para = next(p for p in doc.paragraphs if p.text == text)
    start = para.text.index(needle)
    return para.span(start, start + len(needle))


def comments(data: bytes) -> list[tuple[str, str, str]]:
    """(author, comment text, anchored text) of every comment, in id order."""
    word: Any = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: (c.author, c.text) for c in word.comments}
    anchored: dict[int, str] = {}
    open_ids: set[int] = set()
    for element in word.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            ident = int(element.get(qn("w:id")))
            open_ids.add(ident)
            anchored[ident] = ""
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for ident in open_ids:
                anchored[ident] += element.text or ""
    assert set(anchored) == set(texts)
    return [(texts[i][0], texts[i][1], anchored[i]) for i in sorted(texts)]


def body_texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_comment_on_part_of_a_run_keeps_formatting() -> None:
    b = DocBuilder()
    run = b.doc.add_paragraph().add_run("全年完成营业收入XX万元。")
    run.bold = True
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    copy = annotate_docx(data, doc, [diagnostic(find(doc, "全年完成营业收入XX万元。", "XX"))])
    assert comments(copy) == [(AUTHOR, "[PH002] 占位符未替换", "XX")]
    paragraph = docx.Document(io.BytesIO(copy)).paragraphs[-1]
    assert paragraph.text == "全年完成营业收入XX万元。"
    runs = [r for r in paragraph.runs if r.text]  # (the comment reference run has no text)
    assert [r.text for r in runs] == ["全年完成营业收入", "XX", "万元。"]
    assert all(r.bold for r in runs)


def test_comment_across_runs() -> None:
    b = DocBuilder()
    b.runs("一二", "三四", "五六")
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    copy = annotate_docx(data, doc, [diagnostic(find(doc, "一二三四五六", "二三四五"))])
    assert comments(copy)[0][2] == "二三四五"
    assert body_texts(copy)[-1] == "一二三四五六"


def test_overlapping_and_adjacent_spans_in_one_paragraph() -> None:
    b = DocBuilder()
    b.para("甲乙丙丁戊己庚")
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    para = doc.paragraphs[0]
    spans = [para.span(1, 3), para.span(2, 5), para.span(5, 6), para.span(0, 7)]
    copy = annotate_docx(data, doc, [diagnostic(s) for s in spans])
    assert [c[2] for c in comments(copy)] == ["乙丙", "丙丁戊", "己", "甲乙丙丁戊己庚"]
    assert body_texts(copy) == ["甲乙丙丁戊己庚"]


def test_zero_width_span_on_a_numbering_label_anchors_on_the_first_run() -> None:
    b = DocBuilder()
    num = b.list(CN_PAREN)
    b.runs("加强", "组织领导")
    paragraph = b.doc.paragraphs[-1]
    set_numbering(paragraph, num)
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    para = doc.paragraphs[0]
    assert para.label == "（一）"
    copy = annotate_docx(data, doc, [diagnostic(para.span(0, 0), "NU005", "序号不连续（Word 自动编号）")])
    assert comments(copy) == [(AUTHOR, "[NU005] 序号不连续（Word 自动编号）", "加强")]


def test_empty_numbered_paragraph_gets_an_anchor() -> None:
    b = DocBuilder()
    num = b.list(CN_PAREN)
    b.para("", num)
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    copy = annotate_docx(data, doc, [diagnostic(doc.paragraphs[0].span(0, 0))])
    assert len(comments(copy)) == 1


def test_table_cell_and_tab_characters() -> None:
    b = DocBuilder()
    b.para("前言")
    table = b.table([["指标", "完成值"], ["收入", "约XX万元"]])
    table.cell(0, 0).paragraphs[0].add_run("\t说明")
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    copy = annotate_docx(
        data, doc, [diagnostic(find(doc, "约XX万元", "XX")), diagnostic(find(doc, "指标\t说明", "标\t说"))]
    )
    assert sorted(c[2] for c in comments(copy)) == ["XX", "标说"]
    assert docx.Document(io.BytesIO(copy)).tables[0].cell(1, 1).text == "约XX万元"


def test_header_diagnostic_is_anchored_in_the_body_and_names_the_header() -> None:
    b = DocBuilder()
    b.para("正文第一段")
    b.doc.sections[0].header.paragraphs[0].text = "XX单位"
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    copy = annotate_docx(data, doc, [diagnostic(find(doc, "XX单位", "XX"))])
    assert comments(copy) == [(AUTHOR, "[PH002] （页眉：“XX”）占位符未替换", "正文第一段")]


def test_text_box_diagnostic_is_anchored_on_its_anchor_paragraph() -> None:
    b = DocBuilder()
    b.xml_para("<w:r><w:t>锚定段落</w:t></w:r>" + TEXT_BOX.format(text="框内XX"))
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    copy = annotate_docx(data, doc, [diagnostic(find(doc, "框内XX", "XX"))])
    assert comments(copy) == [(AUTHOR, "[PH002] （文本框：“XX”）占位符未替换", "锚定段落")]


def test_copy_of_other_content_is_refused() -> None:
    first, second = DocBuilder(), DocBuilder()
    first.para("甲")
    second.para("乙")
    doc = read_docx("t.docx", first.to_bytes())
    with pytest.raises(AnnotateError):
        annotate_docx(second.to_bytes(), doc, [])


def _gap_document(path: Path) -> Path:
    b = DocBuilder()
    abstract = b.abstract(CN_PAREN)
    first = b.num(abstract)
    b.para("工作总结", style="Title")
    b.para("加强组织领导", first)
    b.para("成立领导小组，定期研究部署工作。")
    b.para("强化队伍建设", first)
    b.para("开展业务培训五次，参训一百二十人次。")
    later = b.num(abstract, start_overrides={0: 4})  # the third item was deleted; the rest was renumbered by hand
    b.para("完善制度体系", later)
    b.para("修订完善制度十二项。")
    return b.save(path)


def test_annotate_file_writes_a_copy_and_leaves_the_original(tmp_path: Path) -> None:
    source = _gap_document(tmp_path / "总结.docx")
    before = source.read_bytes()
    target = default_output(source)
    assert target.name == "总结.checked.docx"
    result, written = annotate_file(source, target, make_policy(Config()))
    assert result.error is None
    assert source.read_bytes() == before
    gap = [d for d in result.diagnostics if d.code == "NU005"]
    assert len(gap) == 1 and "自动编号" in gap[0].message
    found = comments(target.read_bytes())
    assert written == len(result.diagnostics) == len(found)
    nu005 = [c for c in found if c[1].startswith("[NU005]")]
    assert nu005 == [(AUTHOR, f"[NU005] {gap[0].message}", "完善制度体系")]
    assert body_texts(target.read_bytes()) == body_texts(before)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_annotate_file_refuses_other_formats_and_self_overwrite(tmp_path: Path) -> None:
    text = tmp_path / "a.md"
    text.write_text("# 标题\n", encoding="utf-8")
    policy = make_policy(Config())
    result, written = annotate_file(text, tmp_path / "a.checked.docx", policy)
    assert result.error and ".docx" in result.error and written == 0
    source = _gap_document(tmp_path / "b.docx")
    before = source.read_bytes()
    result, written = annotate_file(source, source, policy)
    assert result.error and "原文件" in result.error and written == 0
    assert source.read_bytes() == before


def test_random_spans_are_anchored_exactly_and_the_text_is_unchanged() -> None:
    b = DocBuilder()
    num = b.list(CN_PAREN)
    b.para("标题", num)
    b.runs("一二三", "四五", "六七八九")
    b.xml_para(
        '<w:r><w:t>链</w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>接文字</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    b.table([["甲乙", "丙丁"], ["戊己庚", "XX"]])
    b.para("最后一段文字")
    data = b.to_bytes()
    doc = read_docx("t.docx", data)
    rnd = random.Random(7)
    lines = [n for n in range(1, doc.lines.line_count + 1) if doc.lines.line_text(n)]
    for _ in range(40):
        spans = []
        for _ in range(rnd.randint(1, 5)):
            line = rnd.choice(lines)
            text, start = doc.lines.line_text(line), doc.lines.line_start(line)
            a = rnd.randrange(len(text))
            spans.append(Span(start + a, start + rnd.randint(a + 1, len(text))))
        spans.sort()
        copy = annotate_docx(data, doc, [diagnostic(s) for s in spans])
        assert [c[2] for c in comments(copy)] == [doc.source[s.start : s.end] for s in spans]
        assert read_docx("t.docx", copy).source == doc.source
