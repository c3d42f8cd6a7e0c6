"""Punctuation rules (PU), from the cases in tests/cases/punctuation.toml."""

from __future__ import annotations

from summarylint.api import lint_text


def test_span_through_page_break_join() -> None:
    """A half-width comma in the second half of a split paragraph is reported where it stands."""
    text = "工作总结\n今年以来，我们认真落实各项部署，全年共接待来访群众\n人次,解决问题若干。\n"
    result = lint_text(text, "x.txt")
    found = [d for d in result.diagnostics if d.code == "PU001"]
    assert len(found) == 1
    assert text[found[0].span.start] == ","
