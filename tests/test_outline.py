"""The outline builder: nesting, restarts, nested reuse of a family, malformed and deep input."""

from __future__ import annotations

import random

from summarylint.document import Document
from summarylint.outline import IssueKind, Outline, build_outline
from summarylint.readers import read_document


def doc(text: str, name: str = "x.txt") -> Document:
    return read_document(name, text.encode("utf-8"))


def outline(text: str, name: str = "x.txt") -> Outline:
    return build_outline(doc(text, name))


def tree(o: Outline) -> list[tuple[str, str]]:
    """(marker, parent marker) for every heading."""
    return [(h.marker.text, h.parent.marker.text if h.parent else "") for h in o.headings]


def issues(o: Outline) -> list[tuple[str, str]]:
    return [(i.kind.value, i.heading.marker.text) for i in o.issues]


def test_gb_levels_nest_in_order() -> None:
    o = outline("一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n（2）己\n2.庚\n（二）辛\n二、壬\n")
    assert tree(o) == [
        ("一、", ""),
        ("（一）", "一、"),
        ("1.", "（一）"),
        ("（1）", "1."),
        ("①", "（1）"),
        ("（2）", "1."),
        ("2.", "（一）"),
        ("（二）", "一、"),
        ("二、", ""),
    ]
    assert o.issues == []


def test_numbering_restarts_under_a_new_parent() -> None:
    o = outline("一、甲\n1.子\n2.子\n二、乙\n1.子\n2.子\n3.子\n")
    assert o.issues == []
    assert [len(g.items) for g in o.groups] == [2, 2, 3]


def test_numbering_restarts_under_a_new_markdown_section() -> None:
    text = "# 总结\n\n## 工作成效\n\n1. 甲\n\n2. 乙\n\n## 存在问题\n\n1. 丙\n\n2. 丁\n"
    o = outline(text, "x.md")
    assert o.issues == []
    assert all(g.parent is None for g in o.groups)
    assert [len(g.items) for g in o.groups] == [2, 2]


def test_body_paragraphs_and_quotes_do_not_break_a_group() -> None:
    text = "（一）甲\n正文一段。\n> 引文（二）不算\n\n（二）乙\n正文。\n（三）丙\n"
    o = outline(text, "x.md")
    assert issues(o) == []
    assert [h.marker.text for h in o.groups[0].items] == ["（一）", "（二）", "（三）"]


def test_nested_reuse_of_the_outer_family_is_not_a_gap() -> None:
    # A section enumerates with 一、二、三、 and the outer sequence then goes on with 五、.
    text = (
        "一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n四、丁\n正文。\n"
        "一、节约能源，降低消耗，降低生产成本；\n二、改革产品结构，提高质量；\n三、合理利用资源。\n"
        "五、戊\n正文。\n"
    )
    o = outline(text)
    assert o.issues == []
    assert tree(o)[4:8] == [("一、", "四、"), ("二、", "四、"), ("三、", "四、"), ("五、", "")]


def test_nested_reuse_inside_a_lower_level_then_the_outer_sequence() -> None:
    text = (
        "一、回顾\n正文。\n二、任务\n（一）甲\n（二）乙\n（三）丙\n"
        "一、确定适度的增长率，促进国民经济按比例发展，这是一段很长的正文段落，说明具体要求。\n"
        "二、规定恰当的投资规模，合理调整投资结构，努力提高投资效益，这也是很长的正文。\n"
        "三、改革\n（一）甲\n"
    )
    o = outline(text)
    assert [k for k, _ in issues(o)] == []
    assert ("三、", "") in tree(o)
    nested = [g for g in o.groups if g.key == ("cn-bare", "") and g.parent is not None]
    assert nested and nested[0].inverted  # 一、 inside （三）: an inversion, but no gap


def test_when_two_open_groups_could_continue_the_shape_decides() -> None:
    text = (
        "一、总体要求\n二、主要任务\n（一）甲\n"
        "一、第一项要求是加强学习，全面提高干部素质和业务能力，确保各项任务落实到位。\n"
        "二、第二项要求是严格考核，建立健全考核评价机制，形成一级抓一级的工作格局。\n"
        "三、保障措施\n"
    )
    o = outline(text)
    assert o.issues == []
    assert tree(o)[-1] == ("三、", "")


def test_gap_duplicate_decrease_and_first() -> None:
    assert issues(outline("（1）甲\n（3）乙\n")) == [("gap", "（3）")]
    assert issues(outline("1.甲\n2.乙\n2.丙\n")) == [("duplicate", "2.")]
    assert issues(outline("1.甲\n2.乙\n3.丙\n2.丁\n")) == [("decrease", "2.")]
    assert issues(outline("（3）甲\n（4）乙\n")) == [("first", "（3）")]
    assert [i.expected for i in outline("（1）甲\n（4）乙\n").issues] == [2]


def test_omission_marked_as_excerpt_is_not_a_gap() -> None:
    assert outline("（一）甲\n（略）\n（三）丙\n").issues == []


def test_articles_run_on_across_chapters() -> None:
    text = "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 分则\n第三条 丙。\n第四条 丁。\n"
    o = outline(text)
    assert o.issues == []
    assert tree(o)[4] == ("第三条", "第二章")


def test_attachment_list_starts_inline() -> None:
    from summarylint.views import Views

    views = Views(doc("正文。\n附件：1.登记表\n2.申报单\n3.通知单\n"))
    assert views.outline.issues == []
    assert [h.marker.value for h in views.outline.headings] == [1, 2, 3]


def test_inversion_is_marked_on_the_group() -> None:
    o = outline("1.加强组织建设\n（一）健全制度\n（二）完善机制\n2.其他\n")
    inverted = [g for g in o.groups if g.inverted]
    assert len(inverted) == 1 and inverted[0].first.marker.text == "（一）"
    assert tree(o)[-1] == ("2.", "")


def test_narrative_ordinals_are_not_headings() -> None:
    assert outline("一是加强学习\n二是严格考核\n").headings == []


def test_has_content() -> None:
    o = outline("（一）甲\n正文。\n（二）乙\n（三）丙\n1.子项\n正文。\n")
    assert [h.has_content for h in o.headings] == [True, False, True, True]
    # the signature and date at the end are not content
    o = outline("（一）甲\n正文。\n（二）乙\n正文。\n（三）丙\n县政府办公室\n2024年7月10日\n")
    assert [h.has_content for h in o.headings] == [True, True, False]


def test_deep_input_does_not_recurse() -> None:
    # 4,000 nested levels of alternating families; the builder is iterative.
    lines = [f"（{i % 9 + 1}）项" if i % 2 else f"{i % 9 + 1}.项" for i in range(4000)]
    o = outline("\n".join(lines) + "\n")
    assert len(o.headings) == 4000
    assert max(g.depth for g in o.groups[:50]) >= 1


def test_random_marker_sequences_never_raise() -> None:
    rng = random.Random(20241124)
    forms = [
        "一、",
        "二、",
        "十、",
        "（一）",
        "(三)",
        "1.",
        "3、",
        "（2）",
        "①",
        "⑤",
        "第一章",
        "第三条",
        "一是",
        "1）",
        "a.",
        "Ⅱ.",
    ]
    for _ in range(300):
        lines = [
            rng.choice(forms) + "内容" + rng.choice(["", "。", "：", "，正文较长的一段文字。"])
            for _ in range(rng.randint(0, 40))
        ]
        o = outline("\n".join(lines) + "\n")
        assert len(o.headings) == sum(len(g.items) for g in o.groups)
        for i in o.issues:
            assert i.kind in IssueKind
