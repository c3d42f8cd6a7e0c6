"""Properties of --fix, checked on generated documents (settings in conftest.py; more examples with
HYPOTHESIS_PROFILE=thorough).

- fixing twice gives what fixing once gives;
- lines no fix touches come back byte for byte, in every encoding --fix writes (UTF-8, UTF-8 with
  BOM, UTF-16 with BOM, GB18030), with CRLF line endings kept;
- the fast conflict test accepts exactly the fixes the plain pairwise test accepts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("hypothesis")

from hypothesis import given
from hypothesis import strategies as st

from summarylint.api import check_path, make_policy
from summarylint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from summarylint.fix import _conflicts, apply_fixes
from summarylint.source import Span

#: Lines no rule fixes (checked below), with characters of every width and the symbols GBK files hold.
CLEAN = [
    "温度≥25℃，①②项已完成。",
    "全年共开展安全检查12次，发现问题3个。",
    "会议于2024年3月召开，研究部署下一阶段工作。",
    "No.1 车间产量提高到1.5万吨（约占全省的百分之十）。",
    "㈠ 加强组织领导",
    "各部门要认真落实“三重一大”制度。",
]
#: Lines with safe fixes: full-width digits, a stutter, doubled full stops, an ASCII comma between
#: Chinese, a wrong ordinal delimiter.
DIRTY = [
    "今年共开展检查１２次，发现问题３个。",
    "提高了了工作效率。。",
    "全年完成投资5000万元,同比增长12%。",
    "3、完善考核办法",
    "要进一步提高了了了了了了了了服务水平。。。",
]
#: Every generated document starts with this title (the first line of a text file is its title).
TITLE = "关于2024年工作情况的报告"
ENCODINGS = [(b"", "utf-8"), (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"", "gb18030")]

lines = st.lists(st.sampled_from(CLEAN + DIRTY), min_size=1, max_size=12)


def _fix_file(path: Path) -> bytes:
    check_path(path, make_policy(), fix=True)
    return path.read_bytes()


def test_clean_lines_have_no_safe_fix(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("\n".join([TITLE, *CLEAN]) + "\n", encoding="utf-8")
    before = path.read_bytes()
    assert _fix_file(path) == before


@given(lines, st.sampled_from(ENCODINGS), st.sampled_from(["\r\n", "\n"]))
def test_fix_is_idempotent_and_keeps_untouched_lines(
    tmp_path_factory: pytest.TempPathFactory, chosen: list[str], encoding: tuple[bytes, str], newline: str
) -> None:
    bom, codec = encoding
    path = tmp_path_factory.mktemp("fix") / "x.txt"
    chosen = [TITLE, *chosen]
    original = bom + (newline.join(chosen) + newline).encode(codec)
    path.write_bytes(original)
    once = _fix_file(path)
    twice = _fix_file(path)
    assert twice == once
    # the file is still the same encoding, byte-order mark and line endings
    assert once.startswith(bom)
    text = once[len(bom) :].decode(codec)
    assert text.encode(codec) == once[len(bom) :]
    assert text.count(newline) == len(chosen)
    if newline == "\r\n":
        assert text.count("\n") == text.count("\r\n")
    # every clean line comes back byte for byte and in its place
    fixed_lines = text.split(newline)[:-1]
    for before, after in zip(chosen, fixed_lines, strict=True):
        if before in CLEAN or before == TITLE:
            assert after == before
            assert after.encode(codec) in once
        else:
            assert after != before  # a dirty line was fixed


def _diag(start: int, end: int, content: str) -> Diagnostic:
    fix = Fix(Applicability.SAFE, (Edit(Span(start, end), content),))
    return Diagnostic("XX001", "x", Category.PUNCTUATION, Severity.WARNING, "m", Span(start, end), fix)


def _reference(source: str, diagnostics: list[Diagnostic]) -> tuple[str, int]:
    """The same greedy choice with the plain pairwise test."""
    taken: list[tuple[int, int]] = []
    accepted: list[Edit] = []
    for d in sorted(diagnostics, key=lambda d: (d.span.start, d.span.end)):
        assert d.fix is not None
        ranges = [(e.span.start, e.span.end) for e in d.fix.edits]
        if any(_conflicts(r, t) for r in ranges for t in taken):
            continue
        taken += ranges
        accepted += d.fix.edits
    out, cursor = [], 0
    for e in sorted(accepted, key=lambda e: (e.span.start, e.span.end)):
        out += [source[cursor : e.span.start], e.content]
        cursor = e.span.end
    return "".join(out) + source[cursor:], len(accepted)


spans = st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", "X", "YZ"]))


@given(st.lists(spans, max_size=40))
def test_fast_conflict_test_matches_the_pairwise_one(raw: list[tuple[int, int, str]]) -> None:
    source = "abcdefghijklmnopqrstuvwxyz0123456789"
    diagnostics = [_diag(start, min(start + width, len(source)), content) for start, width, content in raw]
    assert apply_fixes(source, diagnostics) == _reference(source, diagnostics)
