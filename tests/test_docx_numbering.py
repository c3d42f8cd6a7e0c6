"""Word automatic numbering: number formats, counters and the labels Word displays."""

from __future__ import annotations

import pytest
from docx_fixtures import CN, CN_PAREN, DEC, NSDECL, DocBuilder, Lvl, append_xml, set_numbering

from summarylint.document import Document
from summarylint.readers.docx import read_docx
from summarylint.readers.docx_numbering import MAX_COUNTER, MAX_LABEL_LENGTH, MAX_NUMBER_LENGTH, format_number


def read(builder: DocBuilder) -> Document:
    return read_docx("t.docx", builder.to_bytes())


def labelled(doc: Document) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in doc.paragraphs]


@pytest.mark.parametrize(
    ("fmt", "value", "shown"),
    [
        ("decimal", 12, "12"),
        ("decimalZero", 7, "07"),
        ("decimalZero", 12, "12"),
        ("decimalFullWidth", 3, "３"),
        ("decimalFullWidth2", 15, "１５"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "㉑"),
        ("decimalEnclosedParen", 1, "⑴"),
        ("decimalEnclosedParen", 21, "(21)"),
        ("decimalEnclosedFullstop", 2, "⒉"),
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 99, "九十九"),
        ("chineseCountingThousand", 100, "一百"),
        ("chineseCountingThousand", 101, "一百零一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 1005, "一千零五"),
        ("chineseLegalSimplified", 3, "叁"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 10, "癸"),
        ("ideographZodiac", 12, "亥"),
        ("ideographDigital", 105, "一〇五"),
        ("lowerLetter", 1, "a"),
        ("lowerLetter", 27, "aa"),
        ("upperLetter", 28, "BB"),
        ("lowerRoman", 4, "iv"),
        ("upperRoman", 1994, "MCMXCIV"),
        ("ordinal", 2, "2nd"),
        ("bullet", 1, ""),
        ("none", 5, ""),
        ("somethingNew", 5, "5"),
    ],
)
def test_number_formats(fmt: str, value: int, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_chinese_counting_list_labels() -> None:
    b = DocBuilder()
    num = b.list(CN)
    for title in ("总体情况", "主要做法", "存在问题", "下步打算"):
        b.para(title, num)
    assert labelled(read(b)) == [("一、", "总体情况"), ("二、", "主要做法"), ("三、", "存在问题"), ("四、", "下步打算")]


def test_paren_chinese_list_under_chinese_list() -> None:
    b = DocBuilder()
    num = b.list(CN, CN_PAREN)
    b.para("总体情况", num, 0)
    b.para("加强领导", num, 1)
    b.para("完善制度", num, 1)
    b.para("存在问题", num, 0)
    b.para("创新不足", num, 1)
    assert labelled(read(b)) == [
        ("一、", "总体情况"),
        ("（一）", "加强领导"),
        ("（二）", "完善制度"),
        ("二、", "存在问题"),
        ("（一）", "创新不足"),
    ]


def test_decimal_sub_levels() -> None:
    b = DocBuilder()
    num = b.list(DEC, Lvl("decimal", "%1.%2"), Lvl("decimal", "%1.%2.%3"))
    b.para("a", num, 0)
    b.para("b", num, 1)
    b.para("c", num, 1)
    b.para("d", num, 2)
    b.para("e", num, 0)
    b.para("f", num, 1)
    assert [p.label for p in read(b).paragraphs] == ["1.", "1.1", "1.2", "1.2.1", "2.", "2.1"]


def test_deeper_level_before_any_higher_one_shows_zero() -> None:
    b = DocBuilder()
    num = b.list(DEC, Lvl("decimal", "%1.%2"))
    b.para("b", num, 1)
    assert read(b).paragraphs[0].label == "0.1"


def test_start_value_and_mixed_formats() -> None:
    b = DocBuilder()
    num = b.list(Lvl("decimalEnclosedCircle", "%L", start=3), Lvl("lowerLetter", "%L)"))
    b.para("x", num, 0)
    b.para("y", num, 1)
    b.para("z", num, 0)
    assert [p.label for p in read(b).paragraphs] == ["③", "a)", "④"]


def test_start_override_restarts_the_sequence() -> None:
    b = DocBuilder()
    abstract = b.abstract(CN_PAREN)
    first = b.num(abstract)
    b.para("甲", first)
    b.para("乙", first)
    restarted = b.num(abstract, start_overrides={0: 1})
    b.para("丙", restarted)
    b.para("丁", restarted)
    assert [p.label for p in read(b).paragraphs] == ["（一）", "（二）", "（一）", "（二）"]


def test_start_override_to_another_value() -> None:
    b = DocBuilder()
    abstract = b.abstract(CN_PAREN)
    first = b.num(abstract)
    b.para("甲", first)
    b.para("乙", first)
    b.para("丁", b.num(abstract, start_overrides={0: 4}))
    assert [p.label for p in read(b).paragraphs] == ["（一）", "（二）", "（四）"]


def test_nums_sharing_an_abstract_continue_one_sequence() -> None:
    b = DocBuilder()
    abstract = b.abstract(DEC)
    first, second = b.num(abstract), b.num(abstract)
    b.para("a", first)
    b.para("b", second)
    b.para("c", first)
    assert [p.label for p in read(b).paragraphs] == ["1.", "2.", "3."]


def test_interleaved_lists_keep_separate_counters() -> None:
    b = DocBuilder()
    cn, dec = b.list(CN), b.list(DEC)
    b.para("a", cn)
    b.para("x", dec)
    b.para("b", cn)
    b.para("y", dec)
    b.para("z", dec)
    b.para("c", cn)
    assert [p.label for p in read(b).paragraphs] == ["一、", "1.", "二、", "2.", "3.", "三、"]


def test_other_instances_continue_after_a_start_override() -> None:
    b = DocBuilder()
    abstract = b.abstract(DEC)
    origin = b.num(abstract)
    restarted = b.num(abstract, start_overrides={0: 1})
    b.para("a", origin)
    b.para("b", origin)
    b.para("x", restarted)
    b.para("y", restarted)
    b.para("c", origin)  # one counter per abstract definition: continues after y
    assert [p.label for p in read(b).paragraphs] == ["1.", "2.", "1.", "2.", "3."]


def test_start_override_applies_once_per_instance_and_level() -> None:
    b = DocBuilder()
    abstract = b.abstract(DEC)
    origin = b.num(abstract)
    jump = b.num(abstract, start_overrides={0: 8})
    for num in (origin, origin, jump, origin, jump, origin):
        b.para("x", num)
    assert [p.label for p in read(b).paragraphs] == ["1.", "2.", "8.", "9.", "10.", "11."]


def test_level_override_replaces_the_format() -> None:
    b = DocBuilder()
    abstract = b.abstract(DEC)
    num = b.num(abstract, level_overrides={0: Lvl("chineseCounting", "%L、")})
    b.para("a", num)
    b.para("b", num)
    assert [p.label for p in read(b).paragraphs] == ["一、", "二、"]


def test_lvl_restart_zero_never_restarts() -> None:
    b = DocBuilder()
    num = b.list(CN, Lvl("decimal", "%L.", restart=0))
    b.para("a", num, 0)
    b.para("x", num, 1)
    b.para("y", num, 1)
    b.para("b", num, 0)
    b.para("z", num, 1)
    assert [p.label for p in read(b).paragraphs] == ["一、", "1.", "2.", "二、", "3."]


def test_lvl_restart_only_after_the_named_level() -> None:
    b = DocBuilder()
    num = b.list(CN, CN_PAREN, Lvl("decimal", "%L.", restart=1))
    b.para("a", num, 0)
    b.para("x", num, 2)
    b.para("m", num, 1)
    b.para("y", num, 2)  # level 2 does not restart after level 1 …
    b.para("b", num, 0)
    b.para("z", num, 2)  # … only after level 0
    assert [p.label for p in read(b).paragraphs] == ["一、", "1.", "（一）", "2.", "二、", "1."]


def test_legal_numbering_is_decimal() -> None:
    b = DocBuilder()
    num = b.list(Lvl("upperRoman", "%L."), Lvl("lowerLetter", "%1.%2", legal=True))
    b.para("a", num, 0)
    b.para("b", num, 1)
    b.para("c", num, 1)
    assert [p.label for p in read(b).paragraphs] == ["I.", "1.1", "1.2"]


def test_bullets_have_no_label() -> None:
    b = DocBuilder()
    num = b.list(Lvl("bullet", "\u2022"), DEC)
    b.para("a", num, 0)
    b.para("b", num, 1)
    assert labelled(read(b)) == [("", "a"), ("1.", "b")]


def test_num_id_zero_removes_numbering() -> None:
    b = DocBuilder()
    num = b.list(DEC)
    b.para("a", num)
    b.para("b", 0)
    b.para("c", num)
    assert [p.label for p in read(b).paragraphs] == ["1.", "", "2."]


def test_numbering_through_a_heading_style() -> None:
    b = DocBuilder()
    num = b.list(Lvl("chineseCounting", "%L、", style="Heading1"), Lvl("chineseCounting", "（%L）", style="Heading2"))
    styles = b.doc.styles
    set_numbering(styles["Heading 1"], num, None)
    set_numbering(styles["Heading 2"], num, None)
    b.heading("总体情况", 1)
    b.heading("主要做法", 2)
    b.heading("存在问题", 1)
    doc = read(b)
    assert labelled(doc) == [("一、", "总体情况"), ("（一）", "主要做法"), ("二、", "存在问题")]
    assert [p.depth for p in doc.paragraphs] == [1, 2, 1]


def test_style_numbering_without_level_link_is_level_zero() -> None:
    b = DocBuilder()
    num = b.list(CN, CN_PAREN)
    set_numbering(b.doc.styles["Heading 2"], num, None)
    b.heading("甲", 2)
    b.heading("乙", 2)
    assert [p.label for p in read(b).paragraphs] == ["一、", "二、"]


def test_paragraph_level_overrides_style_level() -> None:
    b = DocBuilder()
    num = b.list(CN, CN_PAREN)
    set_numbering(b.doc.styles["Heading 1"], num, 0)
    b.heading("甲", 1)
    paragraph = b.heading("乙", 1)
    ppr = paragraph._p.get_or_add_pPr()
    append_xml(ppr, f'<w:numPr {NSDECL}><w:ilvl w:val="1"/></w:numPr>')
    assert [p.label for p in read(b).paragraphs] == ["一、", "（一）"]


def test_num_style_link_indirection() -> None:
    b = DocBuilder()
    definition = b.abstract(CN, CN_PAREN, style_link="SummaryList")
    backing = b.num(definition)
    style = append_xml(
        b.doc.styles.element,
        f'<w:style {NSDECL} w:type="numbering" w:styleId="SummaryList"><w:name w:val="Summary List"/>'
        f'<w:pPr><w:numPr><w:numId w:val="{backing}"/></w:numPr></w:pPr></w:style>',
    )
    assert style is not None
    linked = b.num(b.abstract(num_style_link="SummaryList"))
    b.para("a", linked, 0)
    b.para("b", linked, 1)
    b.para("c", backing, 0)  # the same definition: one sequence
    assert [p.label for p in read(b).paragraphs] == ["一、", "（一）", "二、"]


def test_unknown_num_id_or_level_gives_no_label() -> None:
    b = DocBuilder()
    num = b.list(DEC)
    b.para("a", 999)
    b.para("b", num, 5)
    assert [p.label for p in read(b).paragraphs] == ["", ""]


def test_empty_numbered_paragraph_counts_and_is_kept() -> None:
    b = DocBuilder()
    num = b.list(DEC)
    b.para("a", num)
    b.para("", num)
    b.para("c", num)
    doc = read(b)
    assert labelled(doc) == [("1.", "a"), ("2.", ""), ("3.", "c")]


def test_a_huge_start_value_renders_a_bounded_label() -> None:
    """A lowerLetter list starting at 2,000,000,000 would repeat its letter 77 million times per label."""
    b = DocBuilder()
    num = b.list(Lvl("lowerLetter", "%L.", start=2_000_000_000))
    for n in range(30):
        b.para(f"第{n}段", num)
    labels = [p.label for p in read(b).paragraphs]
    assert len(labels) == 30
    assert all(0 < len(label) <= MAX_NUMBER_LENGTH + 1 for label in labels)
    assert labels[0] == "g" * MAX_NUMBER_LENGTH + "."  # 32 767 = 26 × 1260 + 7: the counter stops there


def test_a_huge_start_override_is_bounded_too() -> None:
    b = DocBuilder()
    num = b.num(b.abstract(DEC), start_overrides={0: 9_999_999_999})
    b.para("甲", num)
    b.para("乙", num)
    assert [p.label for p in read(b).paragraphs] == [f"{MAX_COUNTER}.", f"{MAX_COUNTER}."]


def test_a_label_of_many_placeholders_is_cut() -> None:
    b = DocBuilder()
    num = b.list(Lvl("upperLetter", "%L" * 500, start=30_000))
    b.para("甲", num)
    assert len(read(b).paragraphs[0].label) == MAX_LABEL_LENGTH


def test_number_formats_are_bounded_for_any_value() -> None:
    for fmt in ("lowerLetter", "upperRoman", "decimal", "chineseCounting", "ideographDigital", "ordinal"):
        assert len(format_number(10**40, fmt)) <= MAX_NUMBER_LENGTH
