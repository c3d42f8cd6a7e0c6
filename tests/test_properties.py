"""Properties of checking any text (settings in conftest.py; more examples with HYPOTHESIS_PROFILE=thorough).

For generated Unicode text (Chinese, CJK Extension B, control characters, combining marks, mixed
CR/LF/CRLF line endings, Markdown fragments and every ordinal form of grammar/ordinals.lark), checked
through the public API as .md and .txt:

- checking never raises, and a text that decodes is read (no file error);
- every diagnostic and every edit of its fix lies inside the document, and its line and column,
  applied to the original text, give back exactly the text of its span;
- the JSON report validates against the published schema (``summarylint schema``).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

pytest.importorskip("hypothesis")
pytest.importorskip("jsonschema")

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from summarylint.api import check_bytes, lint_text, make_policy
from summarylint.linter import FileResult
from summarylint.outline import build_outline
from summarylint.policy import Policy
from summarylint.reporters.common import ReportOptions, locate
from summarylint.reporters.json_report import render_json
from summarylint.schema import JsonReport
from summarylint.source import Span

# --- ordinals: every alternative of grammar/ordinals.lark --------------------------------------

CNUM = st.sampled_from(["一", "二", "三", "九", "十", "十一", "二十", "九十九", "十十十", "一二三"])
DIGITS = st.sampled_from(["1", "2", "9", "10", "12", "99", "100", "999", "0", "１", "１２", "０３"])
OPEN = st.sampled_from(["（", "("])
CLOSE = st.sampled_from(["）", ")"])
CN_DELIM = st.sampled_from(["、", ".", "．", "，", ",", "：", ":", " ", "\u3000", "  "])
AR_DELIM = st.sampled_from(["、", ".", "．", "，", ","])
TRAIL = st.sampled_from(["", "、", "，", ",", "。", "．", ".", "：", ":", "；", ";", " 、", "\u3000，"])
SHI = st.sampled_from(["", "是"])
UNIT = st.sampled_from(["部分", "章", "节", "条", "篇", "编"])
CIRCLED = st.sampled_from([chr(c) for c in (0x2460, 0x2469, 0x2473)])
PAREN_DIGIT = st.sampled_from([chr(c) for c in (0x2474, 0x247D, 0x2487)])
DOT_DIGIT = st.sampled_from([chr(c) for c in (0x2488, 0x2491, 0x249B)])
PAREN_IDEO = st.sampled_from([chr(c) for c in (0x3220, 0x3225, 0x3229)])
LATIN = st.sampled_from(["a", "b", "z", "A", "C", "Z"])
ROMAN = st.sampled_from([chr(c) for c in (0x2160, 0x2163, 0x216B)])


def _joined(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map("".join)


ORDINAL = st.one_of(
    _joined(CNUM, CN_DELIM),  # cn_bare
    _joined(OPEN, CNUM, CLOSE, TRAIL, SHI),  # cn_paren
    _joined(CNUM, CLOSE, TRAIL),  # cn_half_paren
    _joined(DIGITS, AR_DELIM),  # ar_bare
    _joined(DIGITS, CLOSE, TRAIL),  # ar_half_paren
    _joined(OPEN, DIGITS, CLOSE, TRAIL),  # ar_paren
    _joined(CIRCLED, TRAIL),
    _joined(PAREN_DIGIT, TRAIL),
    DOT_DIGIT,
    _joined(PAREN_IDEO, TRAIL),
    _joined(st.just("第"), CNUM, UNIT),  # chapter
    _joined(CNUM, st.just("是")),  # shi
    _joined(LATIN, st.sampled_from(["、", ".", "．", "，", ",", ")", "）"])),  # latin
    _joined(ROMAN, AR_DELIM),  # roman
)

# --- the rest of a line -------------------------------------------------------------------------

PHRASES = [
    "总体情况",
    "全年共开展安全检查XX次，发现问题3个。",
    "完成投资１２００万元,同比增长12%。",
    "提高了了工作效率。。",
    "“加强学习”（略）……",
    "各部门要认真落实“三重一大”制度",
    "详见http://www.gov.cn/xxx公告、report.docx",
    "（此处填写单位名称）",
    "第X页共X页",
    "锟斤拷烫烫烫",
    "<!-- summarylint: disable -->",
    "<!-- summarylint: enable -->",
]
MARKDOWN = st.sampled_from(["", "# ", "## ", "###### ", "> ", "> > ", "- ", "* ", "1. ", "  - ", "    ", "\t"])
FENCES = st.sampled_from(["```", "~~~", "---", "***", "| a | b |", "|---|---|", "<!--", "-->", "[x](y)", "`code`"])
SPECIAL = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x0b",
        "\x0c",
        "\x1b",
        "\x7f",
        "\x85",
        "\u2028",
        "\u2029",
        "\ufeff",
        "\u200b",
        "\u0301",  # combining acute accent
        "\u0308\u0301",
        "\u3099",  # combining voiced sound mark
        "\U00020000",  # CJK Extension B
        "\U0002a6d6",
        "\U0001f600",
        "\ufffd",
        "\ud7ff",
        "\u3000",
        "\r",
    ]
)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
EXT_B = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)
ANY_CHAR = st.characters(exclude_categories=["Cs"])  # surrogates cannot be encoded

PIECE = st.one_of(
    ORDINAL,
    st.sampled_from(PHRASES),
    FENCES,
    SPECIAL,
    st.text(CJK, min_size=1, max_size=12),
    st.text(EXT_B, min_size=1, max_size=3),
    st.text(st.sampled_from("，。、；：？！“”（）《》【】…—,.;:()[]*_`#>|-0123456789XＸ×"), min_size=1, max_size=6),
    st.text(ANY_CHAR, max_size=8),
)
LINE = st.tuples(MARKDOWN, st.lists(PIECE, max_size=5)).map(lambda t: t[0] + "".join(t[1]))
ENDING = st.sampled_from(["\n", "\n", "\r\n", "\r", "\n\n"])
DOCUMENT = st.lists(st.tuples(LINE, ENDING), max_size=14).map(lambda lines: "".join(a + b for a, b in lines))


@cache
def _policy() -> Policy:
    return make_policy()


@cache
def _schema() -> dict[str, Any]:
    return JsonReport.model_json_schema()


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column, lines ending after each ``\\n`` (the report's convention)."""
    starts = [0]
    for n, ch in enumerate(text):
        if ch == "\n":
            starts.append(n + 1)
    assert 1 <= line <= len(starts)
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    assert 1 <= column <= end - start + 1, (line, column)
    return start + column - 1


def _read(result: FileResult, text: str) -> str | None:
    """The text positions count in (a leading U+FEFF is the file's byte-order mark); None for an empty file."""
    if not text:
        assert result.error == "文件是空的"
        return None
    if "\x00" in text:  # not a text file (or UTF-16 without a byte-order mark): a one-line file error
        assert result.error is not None and "空字节" in result.error and "\n" not in result.error
        return None
    assert result.error is None, result.error
    assert result.document is not None
    original = text.removeprefix("\ufeff")
    assert result.document.source == original
    return original


def _check_positions(result: FileResult, original: str) -> None:
    assert result.document is not None, result.error
    spans: list[Span] = []
    for d in result.diagnostics:
        spans.append(d.span)
        if d.fix is not None:
            spans.extend(edit.span for edit in d.fix.edits)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(original), span
        where = locate(result, span)
        start = _offset(original, where.line, where.column)
        end = _offset(original, where.end_line, where.end_column)
        assert original[start:end] == original[span.start : span.end]


def _check_report(result: FileResult) -> None:
    report = json.loads(render_json([result], ReportOptions(_policy().registry)))
    jsonschema.validate(report, _schema())


@given(DOCUMENT, st.sampled_from(["x.md", "x.txt"]))
def test_checking_any_text_keeps_positions_and_schema(text: str, name: str) -> None:
    result = check_bytes(name, text.encode("utf-8"), _policy())
    _check_report(result)
    original = _read(result, text)
    if original is not None:
        _check_positions(result, original)


@given(st.text(ANY_CHAR, max_size=200), st.sampled_from(["x.md", "x.txt"]))
def test_lint_text_of_arbitrary_characters(text: str, name: str) -> None:
    result = lint_text(text, name)
    original = _read(result, text)
    if original is not None:
        _check_positions(result, original)


@given(st.lists(st.tuples(ORDINAL, st.sampled_from([*PHRASES[:4], ""]), ENDING), min_size=1, max_size=20))
def test_every_ordinal_form_in_outlines(lines: list[tuple[str, str, str]]) -> None:
    text = "".join(marker + phrase + ending for marker, phrase, ending in lines)
    for name in ("x.md", "x.txt"):
        result = check_bytes(name, text.encode("utf-8"), _policy())
        original = _read(result, text)
        assert original is not None
        _check_positions(result, original)


def test_cli_schema_is_the_one_validated_against(capsys: pytest.CaptureFixture[str]) -> None:
    from summarylint.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == _schema()


def test_deep_nesting_reaches_no_recursion_limit() -> None:
    """Thousands of nested quotes, list levels and ordinal chains are read and checked without error."""
    texts = {
        "quotes.md": "> " * 10_000 + "全年共XX户。\n",
        "lists.md": "".join("  " * i + "- 项目。\n" for i in range(1500)),
        "chain.txt": "".join(m + "标题\n" for _ in range(750) for m in ("一、", "（一）", "1.", "（1）")),
        # (1、 and （1） in turn: each first item opens a list inside the one before; a first item right after
        # one of its own family would repeat it)
        "nested.txt": "".join(f"{'（1）' if i % 2 else '1、'}第{i}项\n" for i in range(3000)),
    }
    for name, text in texts.items():
        result = lint_text(text, name)
        assert result.error is None, (name, result.error)
        original = _read(result, text)
        assert original is not None
        _check_positions(result, original)
    outline = build_outline(lint_text(texts["nested.txt"], "nested.txt").document)  # type: ignore[arg-type]
    assert max(group.depth for group in outline.groups) == 2999


class _Block:
    def __init__(self, text: str) -> None:
        self.text = text


_ANCHORED = [
    __import__("re").compile(p)
    for p in (r"^[一二三四五六七八九十]、", r"的(?=[，。]|$)", r"(?:^|(?<=[。；]))其中", r"[A-Za-z]+$", r"^\s*$")
]


@given(st.lists(st.text(alphabet="一二三、的，。；其中ab \n", max_size=12), max_size=8))
def test_candidate_blocks_keep_every_block_an_anchored_pattern_matches(texts: list[str]) -> None:
    """Searched block by block (few blocks) or in one search with MULTILINE (many), the candidates of a pattern with
    an anchor hold every block in which it matches: the block-by-block search gives exactly those."""
    from summarylint.views import blocks as view

    found = [_Block(t) for t in texts]
    for pattern in _ANCHORED:
        matching = [b for b in found if pattern.search(b.text)]
        assert view.candidate_blocks(found, pattern) == matching
        many = view.PER_BLOCK_MAX
        try:
            view.PER_BLOCK_MAX = -1  # (as in a document with more blocks than that)
            joined = view.candidate_blocks(found, pattern)
        finally:
            view.PER_BLOCK_MAX = many
        assert all(b in joined for b in matching)
