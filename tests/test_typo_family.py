"""The typo family's data: the cached lexicon, laziness, the team dictionary, the curated data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, ConfigError, Settings, load_config, team_words
from summarylint.packs import load_pack
from summarylint.rules.typo import detect, lexicon
from summarylint.rules.typo.checks import ScriptPack
from summarylint.text.segment import cache_root, jieba_dictionary_path


def _codes(text: str, config: Config | None = None) -> list[str]:
    config = config or Config()
    policy = make_policy(config, Settings(select=["typo"]))
    result = check_bytes("x.txt", text.encode("utf-8"), policy)
    return [d.code for d in result.diagnostics]


def test_sound_classes() -> None:
    assert lexicon.toneless("zhōng") == "zhong"
    assert lexicon.toneless("lǜ") == "lv"
    assert lexicon.fuzzy("zhong") == lexicon.fuzzy("zong")
    assert lexicon.fuzzy("ning") == lexicon.fuzzy("lin")
    assert lexicon.fuzzy("sheng") == lexicon.fuzzy("sen")
    assert lexicon.fuzzy("ba") != lexicon.fuzzy("bo")


def test_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    groups = detect.shape_groups()
    first = lexicon.load_lexicon(groups, tmp_path)
    [path] = list(tmp_path.glob("typo-lexicon-*.txt"))
    path.write_text(path.read_text(encoding="utf-8")[:1000], encoding="utf-8")  # truncated
    again = lexicon.load_lexicon(groups, tmp_path)
    assert again.pairs == first.pairs
    assert len(path.read_text(encoding="utf-8")) > 1000, "the damaged cache was written again"
    assert lexicon.parse("\xff\xfe not a lexicon", "key") is None


def test_damaged_word_cache_is_rebuilt(tmp_path: Path) -> None:
    words = lexicon.load_words(tmp_path)
    [path] = list(tmp_path.glob("typo-words-*.txt"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    again = lexicon.load_words(tmp_path)
    assert again.freq("抱歉") == words.freq("抱歉") > 0
    assert path.read_bytes() == data


def test_words_are_looked_up_without_decoding() -> None:
    entries = [("抱歉", 270, "v"), ("报告", 900, "n"), ("抱", 50, "v"), ("报告会", 30, "n")]
    data = lexicon.serialise_words(entries, "k")
    words = lexicon.parse_words(data, "k")
    assert words is not None and words.total == 1250
    assert words.lookup("抱歉") == 270 and words.tag("抱歉") == "v"
    assert words.lookup("报告会") == 30 and words.tag("报告会") == "n"
    assert words.lookup("报") == 0 and words.freq("报") == 0  # a prefix of longer words only
    assert words.lookup("报歉") is None and words.freq("报歉") == 0 and words.tag("报歉") == "x"
    assert words.lookup("告") is None  # no word starts with it
    assert lexicon.parse_words(data, "other") is None
    assert lexicon.parse_words(data[:-3], "k") is None


def test_word_lookups_agree_with_decoded_groups(tmp_path: Path) -> None:
    """Searching a group's bytes and decoding the group (after many look-ups) give the same answers."""
    entries = lexicon.read_jieba_entries(jieba_dictionary_path())
    chosen = [e for e in entries if e[0][0] in "报抱工作"]
    data = lexicon.serialise_words(chosen, "k")
    searched, decoded = lexicon.parse_words(data, "k"), lexicon.parse_words(data, "k")
    assert searched is not None and decoded is not None
    probes = sorted({w[:end] for w, _, _ in chosen for end in range(1, len(w) + 1)} | {"报歉", "工做", "抱负们"})
    for word in probes * 2:  # the second round reads decoded groups
        decoded.lookup(word)
    assert not decoded._index, "every group was decoded"
    for word in probes:
        assert searched.lookup(word) == decoded.lookup(word), word
        assert searched.tag(word) == decoded.tag(word), word
    assert searched.lookup("报告") == dict((w, f) for w, f, _ in chosen)["报告"] > 0


def test_acceptance_draft(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.txt"
    draft.write_text(
        "对此深表报歉。平时要加强锻练。会上大家各抒已见。我们将再接再励。\n工作一丝不苟，假期去海边度假，坚持实事求是。\n",
        encoding="utf-8",
    )
    policy = make_policy(Config(), Settings(select=["typo"]))
    result = check_bytes(str(draft), draft.read_bytes(), policy)
    found = sorted((d.span.start, d.code) for d in result.diagnostics)
    assert [code for _, code in found] == ["WD002", "WD002", "WD003", "WD001"]
    assert all(d.fix is not None for d in result.diagnostics)
    second_line = draft.read_text(encoding="utf-8").index("\n")
    assert all(d.span.start < second_line for d in result.diagnostics)


def test_cache_key_follows_the_data(tmp_path: Path) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("a 1\n", encoding="utf-8")
    key = lexicon.cache_key([source], ("己已",))
    assert key != lexicon.cache_key([source], ("己已巳",))
    source.write_text("a 1\nb 2\n", encoding="utf-8")
    assert key != lexicon.cache_key([source], ("己已",))


def test_parse_refuses_foreign_data() -> None:
    assert lexicon.parse("", "k") is None
    assert lexicon.parse("summarylint-typo-lexicon other\n" + "\n" * 6, "k") is None


def test_cache_lives_in_the_cache_directory() -> None:
    detect.lexicon()
    assert list(cache_root().glob("typo-lexicon-*.txt"))


def test_data_is_loaded_lazily() -> None:
    code = (
        "import sys\n"
        "from summarylint.api import check_bytes, make_policy\n"
        "check_bytes('a.txt', b'Plain English text only.\\n', make_policy())\n"
        "import summarylint.rules.typo.detect as d\n"
        "assert d.lexicon.cache_info().currsize == 0, 'lexicon loaded'\n"
        "assert d.dictionary.cache_info().currsize == 0, 'dictionary loaded'\n"
        "assert 'pypinyin' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_team_dictionary_words_are_never_reported(tmp_path: Path) -> None:
    text = "对此深表报歉。\n"
    assert "WD002" in _codes(text)
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text('[typo]\nwords = ["报歉"]\n', encoding="utf-8")
    assert "WD002" not in _codes(text, load_config(config_file))


def test_team_dictionary_file(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("# 团队词表\n报歉  # 产品名\n\n", encoding="utf-8")
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text('[typo]\ndictionary = "words.txt"\n', encoding="utf-8")
    config = load_config(config_file)
    assert team_words(config) == frozenset({"报歉"})
    assert "WD002" not in _codes("对此深表报歉。\n", config)


def test_missing_team_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text('[typo]\ndictionary = "missing.txt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="团队词表"):
        make_policy(load_config(config_file))


def test_unknown_typo_setting_is_refused(tmp_path: Path) -> None:
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text("[typo]\nword = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"typo\.word"):
        load_config(config_file)


def test_suggestions_are_unsafe_fixes() -> None:
    policy = make_policy(Config(), Settings(select=["WD002", "WD003", "WD004"]))
    result = check_bytes("x.txt", "对此深表报歉，会上各抒已见，發給我。\n".encode(), policy)
    assert {d.code for d in result.diagnostics} == {"WD002", "WD003", "WD004"}
    for d in result.diagnostics:
        assert d.fix is not None and d.fix.applicability.value == "unsafe"
        assert "“" in d.message


def test_script_table_is_traditional_only() -> None:
    table = load_pack("typo-script", ScriptPack).traditional
    for shared in "乾著於藉瞭余":
        assert shared not in table
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in table.items())


def test_shape_groups_are_well_formed() -> None:
    for group in detect.shape_groups():
        assert len(group) >= 2 and len(set(group)) == len(group), group
