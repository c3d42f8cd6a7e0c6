"""Broken-paragraph rules (GA001, GA003), beyond the cases in tests/cases/broken-paragraph.toml."""

from __future__ import annotations

from summarylint.api import lint_text
from summarylint.readers import read_document
from summarylint.views import Views


def test_content_view_joins_a_statistic_split_by_a_page_break() -> None:
    text = (
        "工作总结\n　　今年以来，我们坚持以人民为中心，认真做好信访工作，全年共接待来访群众\n\n\n人次，解决问题若干。\n"
    )
    views = Views(read_document("x.txt", text.encode("utf-8")))
    assert any("共接待来访群众人次" in block.text for block in views.blocks)
    joined = next(b for b in views.blocks if "人次" in b.text)
    at = joined.text.index("人次")
    assert text[joined.span(at, at + 2).start : joined.span(at, at + 2).end] == "人次"


def test_split_is_reported_at_the_break_and_joined_by_the_fix() -> None:
    text = "工作总结\n　　今年以来，我局认真贯彻落实上级部署，开展了全省第二届创建文明\n行业评选工作，评出12个。\n"
    result = lint_text(text, "x.txt")
    split = next(d for d in result.diagnostics if d.code == "GA001")
    assert text[split.span.start : split.span.end] == "\n"
    assert split.fix is not None
    edit = split.fix.edits[0]
    joined = text[: edit.span.start] + edit.content + text[edit.span.end :]
    assert "创建文明行业评选工作" in joined
