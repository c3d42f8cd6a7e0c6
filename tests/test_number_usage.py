"""Number-usage rules (NB), from the cases in tests/cases/number-usage.toml."""

from __future__ import annotations

from summarylint.api import lint_text


def test_statistic_across_page_break_is_one_text() -> None:
    """Content rules see a range cut by a page break as one text and report it where it stands."""
    text = "工作总结\n　　今年以来，我们认真落实上级的各项工作部署，组织开展应急演练，每年\n2-3次，效果良好。\n"
    result = lint_text(text, "x.txt")
    assert [d.code for d in result.diagnostics if d.code in ("GA001", "NB001")] == ["GA001", "NB001"]
    found = next(d for d in result.diagnostics if d.code == "NB001")
    assert text[found.span.start : found.span.end] == "2-3"
