"""The ordinal grammar: every marker kind, its variants, values and the texts that are not markers."""

from __future__ import annotations

import pytest

from summarylint.outline import Family, paragraph_marker, parse_marker
from summarylint.outline.markers import chinese_numeral, chinese_numeral_value

# text, family, value, marker text, variant
MARKERS = [
    ("一、总体要求", Family.CN_BARE, 1, "一、", "N、"),
    ("十一、加强党建", Family.CN_BARE, 11, "十一、", "N、"),
    ("二十、附则", Family.CN_BARE, 20, "二十、", "N、"),
    ("九十九、其他", Family.CN_BARE, 99, "九十九、", "N、"),
    ("一.加强学习", Family.CN_BARE, 1, "一.", "N."),
    ("三．加强作风建设", Family.CN_BARE, 3, "三．", "N．"),
    ("二，存在的问题", Family.CN_BARE, 2, "二，", "N，"),
    ("四：下步打算", Family.CN_BARE, 4, "四：", "N："),
    ("二 存在的问题", Family.CN_BARE, 2, "二 ", "N "),
    ("（一）加强学习", Family.CN_PAREN, 1, "（一）", "（N）"),
    ("（十二）其他", Family.CN_PAREN, 12, "（十二）", "（N）"),
    ("(一)加强", Family.CN_PAREN, 1, "(一)", "(N)"),
    ("（一)加强", Family.CN_PAREN, 1, "（一)", "（N)"),
    ("(一）加强", Family.CN_PAREN, 1, "(一）", "(N）"),
    ("（一）、强化督导", Family.CN_PAREN, 1, "（一）、", "（N）、"),
    ("一）抓落实", Family.CN_PAREN, 1, "一）", "N）"),
    ("㈢完善制度", Family.CN_PAREN, 3, "㈢", "enclosed:cn-paren"),
    ("1.加强学习", Family.AR_BARE, 1, "1.", "N."),
    ("12.其他事项", Family.AR_BARE, 12, "12.", "N."),
    ("1．加强学习", Family.AR_BARE, 1, "1．", "N．"),
    ("3、完善考核办法", Family.AR_BARE, 3, "3、", "N、"),
    ("1，加强学习", Family.AR_BARE, 1, "1，", "N，"),
    ("１.加强学习", Family.AR_BARE, 1, "１.", "Ｎ."),
    ("1. 加强学习", Family.AR_BARE, 1, "1.", "N."),
    ("⒉组织培训", Family.AR_BARE, 2, "⒉", "enclosed:ar-bare"),
    ("（1）推进协商", Family.AR_PAREN, 1, "（1）", "（N）"),
    ("(1)推进协商", Family.AR_PAREN, 1, "(1)", "(N)"),
    ("（1)推进协商", Family.AR_PAREN, 1, "（1)", "（N)"),
    ("（１）推进协商", Family.AR_PAREN, 1, "（１）", "（Ｎ）"),
    ("（1）、推进协商", Family.AR_PAREN, 1, "（1）、", "（N）、"),
    ("⑴推进协商", Family.AR_PAREN, 1, "⑴", "enclosed:ar-paren"),
    ("①抓落实", Family.CIRCLED, 1, "①", "enclosed:circled"),
    ("⑳抓落实", Family.CIRCLED, 20, "⑳", "enclosed:circled"),
    ("1）抓落实", Family.AR_HALF_PAREN, 1, "1）", "N）"),
    ("2)抓落实", Family.AR_HALF_PAREN, 2, "2)", "N)"),
    ("第一部分 总体情况", Family.CHAPTER, 1, "第一部分", "第N部分"),
    ("第二章　总则", Family.CHAPTER, 2, "第二章", "第N章"),
    ("第三节 基本要求", Family.CHAPTER, 3, "第三节", "第N节"),
    ("第二十九条　本办法自发布之日起施行", Family.CHAPTER, 29, "第二十九条", "第N条"),
    ("一是强化学习", Family.SHI, 1, "一是", "N"),
    ("a.加强学习", Family.LATIN, 1, "a.", "N."),
    ("B、严格考核", Family.LATIN, 2, "B、", "N、"),
    ("Ⅲ.其他", Family.ROMAN, 3, "Ⅲ.", "N."),
]


@pytest.mark.parametrize(("text", "family", "value", "marker_text", "variant"), MARKERS)
def test_marker_kinds_and_variants(text: str, family: Family, value: int, marker_text: str, variant: str) -> None:
    marker = parse_marker(text)
    assert marker is not None
    assert (marker.family, marker.value, marker.text, marker.variant) == (family, value, marker_text, variant)
    assert marker.start == 0
    assert marker.end == len(marker_text)


def test_bracketed_shi_is_flagged() -> None:
    marker = parse_marker("（一）是抓安全生产")
    assert marker is not None
    assert marker.family is Family.CN_PAREN and marker.shi and marker.text == "（一）"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("3、完善", "3."), ("(二)加强", "（二）"), ("三．加强", "三、"), ("（1)推进", "（1）"), ("第十章 附则", "第十章")],
)
def test_canonical_form(text: str, canonical: str) -> None:
    marker = parse_marker(text)
    assert marker is not None and marker.canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "1.5亿元用于基础设施",  # a decimal number
        "5、6月份开展检查",  # two months
        "2023、2024年连续获评",  # two years
        "100%完成",
        "一方面要加强学习",
        "一直以来",
        "十一五规划期间",
        "第一，统一思想",  # an ordinal word (NU012), not a heading
        "第一次全体会议",
        "一，二，三批次",
        "一十、不是正规写法",
        "十十、",
        "a. test in English",
        "(MPa) 单位",
        "这是普通段落",
        "",
        "（",
    ],
)
def test_not_markers(text: str) -> None:
    assert parse_marker(text) is None


def test_offset_and_leading_indent() -> None:
    marker = paragraph_marker("\u3000\u3000（二）强化")
    assert marker is not None and (marker.start, marker.end) == (2, 5)
    marker = parse_marker("附件：1.登记表", 3)
    assert marker is not None and (marker.start, marker.end, marker.value) == (3, 5, 1)


def test_word_numbering_label() -> None:
    marker = paragraph_marker("加强学习", label="（三）")
    assert marker is not None
    assert marker.auto and marker.family is Family.CN_PAREN and marker.value == 3
    assert (marker.start, marker.end) == (0, 0)
    assert paragraph_marker("加强学习", label="•") is None


@pytest.mark.parametrize("value", range(1, 100))
def test_chinese_numerals_round_trip(value: int) -> None:
    assert chinese_numeral_value(chinese_numeral(value)) == value


def test_chinese_numeral_values() -> None:
    assert [chinese_numeral_value(t) for t in ("一", "十", "十一", "二十", "二十九", "九十九")] == [
        1,
        10,
        11,
        20,
        29,
        99,
    ]
    assert [chinese_numeral_value(t) for t in ("", "一一", "十十", "一十", "二三", "百")] == [None] * 6
