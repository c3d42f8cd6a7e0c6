"""Suppression directives in Markdown, plain text and Word, and the findings about the directives."""

from __future__ import annotations

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Settings
from summarylint.reporters.common import locate

BODY = "一、成效\n\n1、甲项\n\n2、乙项\n\n某某同志获评先进。\n\n3、丙项\n"


def found(text: str, name: str = "x.md", select: tuple[str, ...] = ("NU001", "PH004")) -> list[str]:
    return found_in(name, text.encode(), select)


def found_in(name: str, data: bytes, select: tuple[str, ...] = ("NU001", "PH004")) -> list[str]:
    policy = make_policy(Config(), Settings(select=list(select)))
    result = check_bytes(name, data, policy)
    assert result.error is None, result.error
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


def test_codes_are_required_and_unknown_names_suppress_nothing() -> None:
    text = "<!-- summarylint-disable NOPE999 -->\n" + BODY
    assert found(text) == ["NU001 4", "NU001 6", "PH004 8", "NU001 10"]
    assert found(text, select=("NU001", "PH004", "SU001")) == ["SU001 1", "NU001 4", "NU001 6", "PH004 8", "NU001 10"]
    text = "<!-- summarylint-disable -->\n" + BODY  # no codes: suppresses nothing, reported
    assert found(text, select=("NU001", "PH004", "SU001"))[0] == "SU001 1"
    assert len(found(text)) == 4
    text = "<!-- summarylint-disable all -->\n" + BODY.replace("3、丙项", "<!-- summarylint-enable all -->\n3、丙项")
    assert found(text) == ["NU001 11"]


def test_disable_line_is_this_line_only() -> None:
    """markdownlint's spelling: the line the comment ends, not the rest of the file."""
    text = BODY.replace("2、乙项", "2、乙项 <!-- summarylint-disable-line NU001 -->")
    assert found(text) == ["NU001 3", "PH004 7", "NU001 9"]
    text = BODY.replace("某某同志获评先进。", "<!-- summarylint-disable-line PH004 -->\n某某同志获评先进。")
    assert found(text, select=("NU001", "PH004", "SU002")) == ["NU001 3", "NU001 5", "SU002 7", "PH004 8", "NU001 10"]


def test_unknown_verb_is_reported_not_guessed() -> None:
    text = "<!-- summarylint-disabel NU001 -->\n" + BODY
    assert found(text, select=("NU001", "PH004", "SU001")) == ["SU001 1", "NU001 4", "NU001 6", "PH004 8", "NU001 10"]


def test_unused_suppressions() -> None:
    select = ("NU001", "PH004", "SU002")
    text = "<!-- summarylint-disable-next-line PH004 -->\n张三同志获评先进。\n"
    assert found(text, select=select) == ["SU002 1"]
    # only the part that suppressed nothing
    text = "<!-- summarylint-disable-next-line PH004, NU001 -->\n某某同志获评先进。\n"
    policy = make_policy(Config(), Settings(select=list(select)))
    result = check_bytes("x.md", text.encode(), policy)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("SU002", "抑制指令中的“NU001”没有抑制任何问题，可以删去（summarylint-disable-next-line）")
    ]
    # a rule that did not run is not evidence that the directive is unused
    assert found(text, select=("PH004", "SU002")) == []
    # the directives can silence their own checks
    text = "<!-- summarylint-disable-file SU002 -->\n<!-- summarylint-disable-next-line PH004 -->\n张三。\n"
    assert found(text, select=select) == []


def test_plain_text_directives_on_lines_of_their_own() -> None:
    text = BODY.replace("2、乙项", "// summarylint-disable NU001\n2、乙项").replace(
        "3、丙项", "# summarylint-enable NU001\n3、丙项"
    )
    assert found(text, "x.txt") == ["NU001 3", "PH004 8", "NU001 11"]
    text = BODY.replace("某某同志", "# summarylint-disable-line PH004 -- 引用的原文\n\n某某同志")
    assert found(text, "x.txt") == ["NU001 3", "NU001 5", "NU001 11"]
    assert found("  // summarylint-disable-file all\n" + BODY, "x.txt") == []
    # a directive line is not text: no rule reads it
    assert found("# summarylint-disable-next-line PH004\n张三。\n", "x.txt", ("ALL",)) == ["SU002 1"]
    # not a directive: inside a sentence, or in a Markdown file
    assert found("会议纪要 // summarylint-disable all\n" + BODY, "x.txt")[0] == "NU001 4"
    assert found("# summarylint-disable all\n" + BODY, "x.md") != []


def _word(*paragraphs: tuple[str, str | None]) -> bytes:
    """A .docx of ``(text, comment)`` paragraphs; a comment is attached to its whole paragraph."""
    from docx_fixtures import DocBuilder

    b = DocBuilder()
    for text, comment in paragraphs:
        paragraph = b.para(text)
        if comment is not None:
            b.doc.add_comment(paragraph.runs, text=comment, author="张三", initials="ZS")
    return b.to_bytes()


def test_word_comments_are_directives_for_their_paragraphs() -> None:
    body = [("一、成效", None), ("1、甲项", None), ("2、乙项", None), ("某某同志获评先进。", None)]
    assert found_in("x.docx", _word(*body)) == ["NU001 2", "NU001 3", "PH004 4"]
    body[2] = ("2、乙项", "summarylint-disable NU001")
    body[3] = ("某某同志获评先进。", "summarylint-disable-line all -- 引用原文")
    assert found_in("x.docx", _word(*body)) == ["NU001 2"]
    body[0] = ("一、成效", "summarylint-disable-file numbering")
    assert found_in("x.docx", _word(*body), ("NU001", "PH004", "SU002")) == []  # each covering directive counts
    body[1] = ("1.甲项", None)
    body[2] = ("2.乙项", "summarylint-disable NU001")
    assert found_in("x.docx", _word(*body), ("NU001", "PH004", "SU002")) == ["SU002 1", "SU002 3"]
    body = [("一、成效", "请补充数据"), ("某某同志获评先进。", "summarylint-disable-line PH999")]
    assert found_in("x.docx", _word(*body), ("PH004", "SU001")) == ["PH004 2", "SU001 2"]


def test_word_comment_over_several_paragraphs() -> None:
    from docx_fixtures import DocBuilder

    b = DocBuilder()
    first = b.para("1、甲项")
    b.para("2、乙项")
    last = b.para("3、丙项")
    b.para("4、丁项")
    b.doc.add_comment([first.runs[0], last.runs[0]], text="summarylint-disable NU001")
    assert found_in("x.docx", b.to_bytes()) == ["NU001 4"]


def test_suppressed_findings_are_not_fixed() -> None:
    text = "<!-- summarylint-disable NU001 -->\n一、成效\n\n1、甲项\n"
    policy = make_policy(Config(), Settings(select=["NU001"]))
    result = check_bytes("x.md", text.encode(), policy, fix=True)
    assert result.fixed == 0 and result.document is not None and result.document.source == text


def test_enable_ends_only_what_it_names() -> None:
    text = BODY.replace("2、乙项", "<!-- summarylint-disable NU001, PH004 -->\n2、乙项").replace(
        "3、丙项", "<!-- summarylint-enable NU001 -->\n3、丙项"
    )
    assert found(text) == ["NU001 3", "NU001 11"]  # PH004 stays off to the end
    text = "<!-- summarylint-disable numbering -->\n" + BODY.replace(
        "3、丙项", "<!-- summarylint-enable NU001 -->\n3、丙项"
    )
    assert found(text) == ["PH004 8", "NU001 11"]
    twice = (
        "// summarylint-disable NU001\n1、甲\n// summarylint-enable NU001\n2、乙\n// summarylint-disable NU001\n3、丙\n"
    )
    assert found(twice, "x.txt") == ["NU001 4"]
