"""Regular expressions built from the programs kept in the cache (summarylint.text.programs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarylint.text import programs

#: Expressions of the kinds the rules build: a class of Chinese characters, a range, groups and names,
#: look-arounds, an alternation of words, flags set inside.
PATTERNS = [
    "[乐了仔伺伽佛俟傀兹刨刹]",
    "的(?!话|时候)(?=[\u4e00-\u9fff])",
    r"(?P<head>[\u3400-\u4dbf\u4e00-\u9fff]{2,4})(?P=head)",
    "(?:基础上|过程中|情况下)(?![升涨报])",
    "(?i)abc|[a-z]+$",
    r"(?<![以同])(\d+)(?:年|月)",
]
TEXTS = ["在此基础上的话", "乐了好啊好啊", "ABC def", "同2023年，以3月与5月", "过程中升", ""]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own and no programs read or made yet in this process."""
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(programs, "_made", {})
    monkeypatch.setattr(programs, "_kept", None)
    monkeypatch.setattr(programs, "_new", {})
    monkeypatch.setattr(programs.atexit, "register", lambda f: f)  # (the test writes by itself)
    return tmp_path


def _same(made: re.Pattern[str], expected: re.Pattern[str]) -> None:
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in expected.finditer(text)]
        assert [m.groups() for m in made.finditer(text)] == [m.groups() for m in expected.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_compiled_as_re_compiles(fresh: Path, pattern: str) -> None:
    _same(programs.compiled(pattern), re.compile(pattern))
    assert programs.compiled(pattern) is programs.compiled(pattern)


def test_programs_kept_and_read_back(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern in PATTERNS:
        programs.compiled(pattern)
    programs._write()
    [path] = list(fresh.glob("regex-programs-*.bin"))
    monkeypatch.setattr(programs, "_made", {})
    monkeypatch.setattr(programs, "_kept", None)
    for pattern in PATTERNS:
        _same(programs.compiled(pattern), re.compile(pattern))
    assert set(programs._kept_programs()) == {(p, 0) for p in PATTERNS}
    assert not programs._new, "nothing new to write: every program was read from the cache"
    # a damaged file is ignored: the expressions are compiled as usual
    path.write_bytes(path.read_bytes()[:100])
    monkeypatch.setattr(programs, "_made", {})
    monkeypatch.setattr(programs, "_kept", None)
    for pattern in PATTERNS:
        _same(programs.compiled(pattern), re.compile(pattern))


def test_a_damaged_program_is_compiled_as_usual(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = PATTERNS[1]
    monkeypatch.setattr(programs, "_kept", {(pattern, 0): (0, b"\x01\x02", 0, {}, ())})
    _same(programs.compiled(pattern), re.compile(pattern))


def test_invalid_expression_raises_as_re_does(fresh: Path) -> None:
    with pytest.raises(re.error):
        programs.compiled("(?:unclosed")
