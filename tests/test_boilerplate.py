"""Template-site boilerplate rules (TB001–TB005) from tests/cases/boilerplate.toml."""

from __future__ import annotations

from summarylint.api import lint_text
from summarylint.readers import read_document
from summarylint.views import Views


def test_whole_boilerplate_paragraphs_leave_the_content_blocks() -> None:
    text = "标题\n下面是小编整理的总结，希望对大家有所帮助！\n全年完成投资12亿元。仅供参考。\n正文继续。\n"
    doc = read_document("x.txt", text.encode("utf-8"))
    views = Views(doc)
    assert views.boilerplate_paragraphs == frozenset({1})
    assert [b.text for b in views.blocks] == ["标题", "全年完成投资12亿元。仅供参考。", "正文继续。"]


def test_suggested_fix_deletes_the_paragraph_or_the_sentence() -> None:
    text = "正文。\n下面是小编整理的总结，希望对大家有所帮助！\n全年完成投资12亿元。更多精彩内容请关注本站。\n"
    result = lint_text(text, "x.txt")
    fixes = [d.fix for d in result.diagnostics if d.code == "TB001"]
    assert len(fixes) == 2 and all(f is not None and f.applicability.value == "unsafe" for f in fixes)
    removed = [text[e.span.start : e.span.end] for f in fixes if f is not None for e in f.edits]
    assert removed == ["下面是小编整理的总结，希望对大家有所帮助！\n", "更多精彩内容请关注本站。"]


def test_finding_covers_what_the_fix_deletes() -> None:
    """A paragraph deleted whole: the finding covers its text (the quote marker left out), the fix deletes
    the line with its marker and line break; a sentence deleted alone: the finding is that sentence."""
    text = "正文。\n\n> 【资源推荐】欢迎收藏本站，更多范文请关注本站\n\n全年完成投资12亿元。更多精彩内容请关注本站。\n"
    result = lint_text(text, "x.md")
    found = [d for d in result.diagnostics if d.code == "TB001"]
    assert [text[d.span.start : d.span.end] for d in found] == [
        "【资源推荐】欢迎收藏本站，更多范文请关注本站",
        "更多精彩内容请关注本站。",
    ]
    removed = [text[e.span.start : e.span.end] for d in found if d.fix is not None for e in d.fix.edits]
    assert removed == ["> 【资源推荐】欢迎收藏本站，更多范文请关注本站\n", "更多精彩内容请关注本站。"]


def test_site_line_glued_to_report_text_is_removed_alone() -> None:
    """A site line that a lost line break glued to report text: the fix removes the site line, and the
    paragraph stays among the content blocks."""
    text = "全面落实各项任务此文档经网友校对后上传，排版可随意编辑。\n"
    result = lint_text(text, "x.txt")
    fixes = [d.fix for d in result.diagnostics if d.code == "TB001"]
    removed = [text[e.span.start : e.span.end] for f in fixes if f is not None for e in f.edits]
    assert removed == ["此文档经网友校对后上传，排版可随意编辑。"]
    doc = read_document("x.txt", text.encode("utf-8"))
    assert Views(doc).boilerplate_paragraphs == frozenset()


def test_template_copy_recall() -> None:
    """A summary copied from a template site: every planted artefact is reported."""
    text = (
        "20XX年个人工作总结（精选5篇）\n"
        "下面是小编为大家整理的20XX年个人工作总结，希望对大家有所帮助！\n"
        "篇一：20XX年个人工作总结\n"
        "时光飞逝，20XX年即将过去。在XX局领导的关心下，我认真完成了各项工作（个人工作总结范文）并取得成效。\n"
        "一、全年共办理文件____件，接待来访群众……人次，组织学习《》等法规。\n"
        "二、某某同志负责的项目（请根据本单位实际情况修改）已完成。\n"
        "我将再接再励，一如继往地做好工作。\n"
        "篇二：20XX年个人工作总结\n"
        "更多精彩内容请关注本站。\n"
    )
    found = {d.code for d in lint_text(text, "x.txt").diagnostics}
    assert {"TB001", "TB002", "TB003", "TB005", "PH001", "PH002", "PH003", "PH004", "PH006", "PH007", "PH008"} <= found
    assert "WD001" in found
