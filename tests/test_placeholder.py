"""Placeholder rules (PH001–PH008) from tests/cases/placeholder.toml, and the placeholder-span view."""

from __future__ import annotations

from summarylint.readers import read_document
from summarylint.source import Span
from summarylint.views import Views


def test_placeholder_spans_view_is_sorted_and_exact() -> None:
    text = "全年举办\\_\\_期培训班，在XX县委领导下，于20XX年某某同志……\n"
    doc = read_document("x.md", text.encode("utf-8"))
    spans = Views(doc).placeholder_spans
    assert spans == sorted(spans) and all(isinstance(s, Span) for s in spans)
    assert [text[s.start : s.end] for s in spans] == ["\\_\\_", "XX", "20XX", "某某"]


def test_placeholder_inside_boilerplate_paragraph_is_not_a_span() -> None:
    text = "下面是小编整理的20XX年总结，希望对大家有所帮助！\n全年举办____期培训班。\n"
    doc = read_document("x.txt", text.encode("utf-8"))
    spans = Views(doc).placeholder_spans
    assert [text[s.start : s.end] for s in spans] == ["____"]


def test_recall_on_template_copied_documents() -> None:
    """tests/recall/ holds template-copied summaries whose placeholders, site boilerplate and typos a
    reviewer marked; every one of them is found."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "recall.py"
    spec = importlib.util.spec_from_file_location("recall", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = module.measure()
    for category in ("placeholder", "boilerplate", "typo"):
        found, expected = figures[category]
        assert expected >= 7 and found / expected >= 0.9, f"{category}: {found}/{expected}"
