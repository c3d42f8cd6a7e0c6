"""The jieba layer: focused dictionary, its cache, lazy loading and quiet output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarylint import datacache
from summarylint.text import segment
from summarylint.text.measure import focus
from summarylint.text.segment import Focus, FocusedDictionary, build, parse, select_entries, serialise

SAMPLE = [
    "群众 17849 n",
    "人次 575 n",
    "人 313209 n",
    "众人 9329 n",
    "接待 2000 v",
    "来访 300 v",
    "罕见词 3 n",
]

CLEAN_DOCUMENT = """# 平阳县水利局2024年工作总结

2024年，我局全年完成水利投资3.6亿元，新建堤防12公里，除险加固水库5座。
全年开展安全检查24次，排查隐患35处，整改完成率100%。
"""

WITH_CANDIDATES = """# 工作总结

全年开展安全检查次，排查隐患处，共接待来访群众人次。
"""


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SUMMARYLINT_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)


def _check_in_subprocess(text: str, tmp_path: Path) -> tuple[dict[str, Any], str]:
    code = f"""
import json, sys
from summarylint.api import lint_text
result = lint_text({text!r}, "x.md")
print(json.dumps({{"jieba": "jieba" in sys.modules, "pkg_resources": "pkg_resources" in sys.modules,
                   "codes": [d.code for d in result.diagnostics]}}))
"""
    done = _run(code, tmp_path)
    return json.loads(done.stdout), done.stderr


def test_clean_document_never_imports_jieba(tmp_path: Path) -> None:
    report, stderr = _check_in_subprocess(CLEAN_DOCUMENT, tmp_path)
    assert report["jieba"] is False
    assert not [c for c in report["codes"] if c.startswith("MF")]
    assert stderr == ""


def test_candidates_load_jieba_quietly_and_cache_the_dictionary(tmp_path: Path) -> None:
    for _ in range(2):  # the first run builds the focused dictionary, the second reads the cache
        report, stderr = _check_in_subprocess(WITH_CANDIDATES, tmp_path)
        assert report["jieba"] is True
        assert report["pkg_resources"] is False
        assert report["codes"].count("MF001") == 3
        assert stderr == ""  # neither "Building prefix dict" nor any other jieba log line
        cached = list((tmp_path / "cache").glob("jieba-focused-*.txt"))
        assert len(cached) == 1


def test_select_entries_keeps_focus_frequent_listed_and_single_characters() -> None:
    kept = select_entries([*SAMPLE, "罕 5 n", "常用词 500 n", "指定 10 v"], Focus("次", 400, ("指定",)))
    words = [w for w, _, _ in kept]
    assert words == ["群众", "人次", "人", "众人", "接待", "罕", "常用词", "指定"]
    assert kept[1] == ("人次", 575, "n")


def test_build_adds_prefixes_with_zero_frequency() -> None:
    dictionary = build([("群众", 10, "n"), ("人次", 5, "n")])
    assert dictionary.freq == {"群众": 10, "人次": 5, "群": 0, "人": 0}
    assert dictionary.total == 15
    assert dictionary.tags == {"群众": "n", "人次": "n"}


def test_serialise_round_trip_and_key_check() -> None:
    dictionary = build([(w, int(f), t) for w, f, t in (line.split() for line in SAMPLE)])
    text = serialise(dictionary, "abc").encode("utf-8")
    again = parse(text, "abc")
    assert again is not None and again.total == dictionary.total
    assert again.freq == {}  # nothing is parsed before it is needed
    again.require("众")
    assert again.freq == {"众人": 9329, "众": 0} and again.tags == {"众人": "n"}
    again.load_all()
    assert again.freq == dictionary.freq and again.tags == dictionary.tags
    assert parse(text, "other") is None
    assert parse(b"garbage", "abc") is None
    assert parse(text.replace(b"\t", b" "), "abc") is None
    assert parse(text.replace(b"575", b"575 1"), "abc") is None  # a changed group fails the checksum
    assert parse(text[:-3], "abc") is None  # so does a file cut short


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a full disk, a killed process)
        lambda data: data.replace(b"\t", b"\t1 ", 1),  # a group that no longer adds up
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
    ],
)
def test_damaged_cache_is_rebuilt_not_used(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    wanted = Focus("次", 100_000, ())
    first = segment.load_focused_dictionary(wanted, tmp_path).load_all()
    (cached,) = tmp_path.glob("jieba-focused-*.txt")
    good = cached.read_bytes()
    cached.write_bytes(damage(good))
    second = segment.load_focused_dictionary(wanted, tmp_path).load_all()
    assert second.freq == first.freq and second.tags == first.tags
    assert cached.read_bytes() == good  # written again


def test_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    wanted = Focus("次", 100_000, ())
    first = segment.load_focused_dictionary(wanted, tmp_path)
    (cached,) = tmp_path.glob("jieba-focused-*.txt")
    cached.write_text("not a dictionary", encoding="utf-8")
    second = segment.load_focused_dictionary(wanted, tmp_path)
    assert second.load_all().freq == first.load_all().freq
    assert cached.read_text(encoding="utf-8").startswith("summarylint-focused-dictionary ")


def test_unwritable_cache_still_segments(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # a file where the cache directory should be
    dictionary = segment.load_focused_dictionary(Focus("次", 100_000, ()), blocked / "cache")
    assert isinstance(dictionary, FocusedDictionary) and dictionary.freq["人次"] > 0


def test_cache_root_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path))
    assert datacache.cache_root() == tmp_path
    monkeypatch.delenv("SUMMARYLINT_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert datacache.cache_root() == tmp_path / "xdg" / "summarylint"


def test_segmenter_tokens_and_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path))
    cutter = segment.Segmenter(segment.load_focused_dictionary(focus(), tmp_path))
    tokens = cutter.cut("共接待来访群众人次，排查隐患处", offset=10)
    assert [t.word for t in tokens] == ["共", "接待", "来访", "群众", "人次", "，", "排查", "隐患", "处"]
    assert tokens[0].start == 10 and tokens[-1].end == 25
    assert tokens[1].tag == "v" and tokens[3].tag == "n"
    assert cutter.tag("2024") == "m" and cutter.tag("PDF") == "eng" and cutter.tag("，") == "x"
    assert segment.jieba_loaded()
