"""Suppression comments in Markdown documents."""

from __future__ import annotations

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Settings
from summarylint.reporters.common import locate

BODY = "一、成效\n\n1、甲项\n\n2、乙项\n\n某某同志获评先进。\n\n3、丙项\n"


def found(text: str, name: str = "x.md") -> list[str]:
    policy = make_policy(Config(), Settings(select=["NU001", "PH004"]))
    result = check_bytes(name, text.encode(), policy)
    return [f"{d.code} {locate(result, d.span).line}" for d in result.diagnostics]


def test_without_comments_everything_is_reported() -> None:
    assert found(BODY) == ["NU001 3", "NU001 5", "PH004 7", "NU001 9"]


def test_disable_and_enable_a_range() -> None:
    text = BODY.replace("2、乙项", "<!-- summarylint-disable NU001 -->\n2、乙项").replace(
        "3、丙项", "<!-- summarylint-enable NU001 -->\n3、丙项"
    )
    assert found(text) == ["NU001 3", "PH004 8", "NU001 11"]


def test_disable_by_category_until_the_end() -> None:
    text = "<!-- summarylint-disable numbering, placeholder -->\n" + BODY
    assert found(text) == []


def test_disable_next_line() -> None:
    text = BODY.replace("某某同志", "<!-- summarylint-disable-next-line PH004 -->\n\n某某同志")
    assert found(text) == ["NU001 3", "NU001 5", "NU001 11"]


def test_disable_file_anywhere() -> None:
    assert found(BODY + "\n<!-- summarylint-disable-file arabic-ordinal-dunhao -->\n") == ["PH004 7"]


def test_enable_of_everything_and_unknown_names() -> None:
    text = "<!-- summarylint-disable NOPE999 -->\n" + BODY
    assert found(text) == ["NU001 4", "NU001 6", "PH004 8", "NU001 10"]
    text = "<!-- summarylint-disable -->\n" + BODY.replace("3、丙项", "<!-- summarylint-enable -->\n3、丙项")
    assert found(text) == ["NU001 11"]


def test_plain_text_has_no_comments() -> None:
    assert found("<!-- summarylint-disable -->\n" + BODY, "x.txt") != []


def test_suppressed_findings_are_not_fixed() -> None:
    text = "<!-- summarylint-disable NU001 -->\n一、成效\n\n1、甲项\n"
    policy = make_policy(Config(), Settings(select=["NU001"]))
    result = check_bytes("x.md", text.encode(), policy, fix=True)
    assert result.fixed == 0 and result.document is not None and result.document.source == text
