"""The typo family's data: the cached lexicon, laziness, the team dictionary, the curated data."""

from __future__ import annotations

import functools
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from summarylint.api import check_bytes, lint_text, make_policy
from summarylint.config import Config, ConfigError, Settings, load_config, team_words
from summarylint.datacache import cache_root
from summarylint.packs import load_pack
from summarylint.rules.typo import detect, english, lexicon
from summarylint.rules.typo.checks import ScriptPack
from summarylint.text.segment import jieba_dictionary_path


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
    data = path.read_bytes()
    path.write_bytes(data[:1001])  # truncated (in the middle of a character)
    again = lexicon.load_lexicon(groups, tmp_path)
    assert again.pairs == first.pairs
    assert path.read_bytes() == data, "the damaged cache was written again"
    path.write_bytes(data.decode(lexicon.LEXICON_ENCODING).encode("utf-8"))  # another encoding
    assert lexicon.load_lexicon(groups, tmp_path).pairs == first.pairs
    assert path.read_bytes() == data
    assert lexicon.parse("\xff\xfe not a lexicon", "key") is None


def test_lexicon_loaded_equals_the_build() -> None:
    """What the cache holds, loaded, is what the build made: every table, set and code."""
    entries = lexicon.read_jieba_entries(jieba_dictionary_path())
    readings = lexicon.read_readings(lexicon.pypinyin_readings_path())
    sections = lexicon.build(entries, readings, detect.shape_groups(), detect._LEAST_MARGIN[False])
    lex = lexicon.parse(lexicon.serialise(sections, "k"), "k")
    assert lex is not None
    assert dict(lex.pairs) == sections["pairs"]
    assert dict(lex.weights) == {k: lexicon.char_weight(v) for k, v in sections["weights"].items()}
    assert lex.shapes == sections["shapes"]
    assert lex.exact == sections["exact"] and lex.more == sections["more"]
    assert lex.fuzzy == {ord(k): v for k, v in sections["fuzzy"].items()}
    assert lex.char_codes == {ord(k): v for k, v in sections["char_codes"].items()}
    assert "".join(lex.pairs.members[k] for k in sorted(sections["pairs"])) == sections["pair_slack"][""]
    assert {k: chr(lexicon._PART_ZERO + v) for k, v in lex.parts.items()} == sections["parts"]
    assert [dict(part) for part in lex.idiom_tables] == [sections[name] for name in lexicon._IDIOM_TABLES]
    assert list(lex.idioms) == list(sections["idioms"])


def test_damaged_word_cache_is_rebuilt(tmp_path: Path) -> None:
    words = lexicon.load_words(tmp_path)
    [path] = list(tmp_path.glob("typo-words-*.txt"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    again = lexicon.load_words(tmp_path)
    assert again.freq("抱歉") == words.freq("抱歉") > 0
    assert path.read_bytes() == data


def test_mapped_word_cache_answers_like_the_bytes_read(tmp_path: Path) -> None:
    """A valid word cache is mapped into memory, not read; it answers as the bytes it holds do (an empty,
    truncated or absent file is no mapped cache: the caller rebuilds it)."""
    import mmap

    lexicon.load_words(tmp_path)  # (built and written)
    [path] = list(tmp_path.glob("typo-words-*.txt"))
    mapped = lexicon.load_words(tmp_path)
    assert isinstance(mapped._data, mmap.mmap)
    key = path.read_bytes().split(b"\n", 1)[0].split(b" ")[1].decode()
    read = lexicon.parse_words(path.read_bytes(), key)
    assert read is not None
    empty, cut = tmp_path / "empty.txt", tmp_path / "cut.txt"
    empty.write_bytes(b"")  # (an empty file cannot be mapped)
    cut.write_bytes(path.read_bytes()[:100_000])
    assert lexicon._mapped_words(empty, key) is None and lexicon._mapped_words(cut, key) is None
    assert lexicon._mapped_words(tmp_path / "absent.txt", key) is None
    for word in ["抱歉", "工作", "工", "报", "报歉", "数字化", "数字化转", "不存在的词", "x", "一丝不苟"]:
        assert (mapped.lookup(word), mapped.tag(word), mapped.term(word)) == (
            read.lookup(word),
            read.tag(word),
            read.term(word),
        )


def test_damaged_english_cache_is_rebuilt(tmp_path: Path) -> None:
    words = english.english_words(tmp_path)
    [path] = list(tmp_path.glob("typo-english-*.bin"))
    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], b"summarylint-english-words x 1 1\n", b"\xff" * 10):
        path.write_bytes(damaged)
        english.english_words.cache_clear()
        again = english.english_words(tmp_path)
        assert again.count("improve") == words.count("improve") > 0
        assert path.read_bytes() == data
    assert words.count("imporve") == 0 and words.frequency("the") > words.frequency("improve")


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


class _PlainWords:
    """jieba's dictionary in plain dicts (the reference the cached table must agree with)."""

    def __init__(self, entries: list[tuple[str, int, str]]) -> None:
        self.freqs: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        self.total = 0
        for word, freq, tag in entries:
            if word and not any(c.isspace() for c in word):
                self.total += freq
                self.freqs[word], self.tags[word] = freq, tag or "x"
        for word in list(self.freqs):
            for end in range(1, len(word)):
                if word[:end] not in self.freqs:  # a prefix only: frequency 0, tag "-"
                    self.freqs[word[:end]], self.tags[word[:end]] = 0, "-"

    def lookup(self, word: str) -> int | None:
        return self.freqs.get(word)

    def freq(self, word: str) -> int:
        return self.freqs.get(word, 0)

    def tag(self, word: str) -> str:
        return self.tags.get(word, "x") if word in self.freqs else "x"

    @property
    def terms(self) -> dict[str, float | None]:
        return {}  # (nothing kept: every word is looked up as it comes)

    def term(self, word: str) -> float | None:
        f = self.freqs.get(word)
        return None if f is None else math.inf if f == 0 else math.log(max(f, 1)) - math.log(self.total)


def test_word_lookups_agree_with_the_dictionary() -> None:
    """The hash table of the cached bytes answers every word (and prefix, and non-word) as plain dicts do."""
    entries = lexicon.read_jieba_entries(jieba_dictionary_path())
    chosen = [e for e in entries if e[0][0] in "报抱工作"]
    data = lexicon.serialise_words(chosen, "k")
    searched = lexicon.parse_words(data, "k")
    assert searched is not None
    plain = _PlainWords(chosen)
    assert searched.total == plain.total
    probes = sorted({w[:end] for w, _, _ in chosen for end in range(1, len(w) + 1)} | {"报歉", "工做", "抱负们", "x"})
    for word in probes * 2:  # the second round answers from what was looked up
        assert searched.lookup(word) == plain.lookup(word), word
        assert searched.tag(word) == plain.tag(word), word
    assert searched.lookup("报告") == dict((w, f) for w, f, _ in chosen)["报告"] > 0


#: New sentences of the kind the family reads, with slips and without: the fast paths (look-ups in the
#: cached bytes, memoized spans) must find exactly what the reference (plain dicts, nothing memoized)
#: finds.
_SENTENCES = [
    "今年以来，我们坚持把安全生产放在首位，定期开展隐患排查。",
    "对此次工作中的疏漏，我们深表报歉。",
    "全体干部职工各抒已见，提出意见建议二十余条。",
    "通过这次培训，大家都觉得获益非浅。",
    "要进一步加强锻练，提高身体素质。",
    "我们将再接再励，争取更大成绩。",
    "项目建设按照时间节点有序推尽。",
    "我们要以此为契机，进一步提高服务质量和效律。",
    "经过反复论证，该方案具有很强的可操做性。",
    "单位领导高度重式此项工作，多次召开专题会议。",
    "《关于加强基层组织建设的意见》印发后，各地积极行动。",
    "张建国同志任劳任怨，兢兢业业，深受群众好评。",
    "对群众反映的问题，做到件件有着落、事事有回音。",
    "一年来，在局党组的正确领导下，全体同志齐心协力，圆满完成了各项目标任务。",
    "各村要按照统一部署，认真做好防汛抗旱各项准备工做。",
    "他们迎难而上，按时保质完成了既定目标，成绩有目共堵。",
    "要坚持问题导向，以钉钉子精神抓好整改落实，做到立行立改。",
    "会上，大家畅所欲言，气氛热列，达成了广泛共识。",
]
_SLIPS = {("报歉", "抱歉"), ("锻练", "锻炼"), ("再接再励", "再接再厉"), ("工做", "工作"), ("有目共堵", "有目共睹")}


def _all_typos(texts: list[str]) -> list[tuple[int, int, str, str, str, bool, float]]:
    return [
        (i, t.start, t.written, t.target, t.evidence.value, t.idiom, t.gain)
        for i, text in enumerate(texts)
        for t in detect.find_typos(text)
    ]


def test_fast_paths_find_what_the_reference_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_SENTENCES, "".join(_SENTENCES)]  # one by one, and as one paragraph
    monkeypatch.setattr(detect, "_SCREENED", detect._Memo())
    plain = _PlainWords(lexicon.read_jieba_entries(jieba_dictionary_path()))
    monkeypatch.setattr(detect, "dictionary", lambda: plain)
    reference = _all_typos(texts)
    monkeypatch.setattr(detect, "_SCREENED", detect._Memo())
    searched = lexicon.load_words()
    monkeypatch.setattr(detect, "dictionary", lambda: searched)
    assert _all_typos(texts) == reference  # nothing memoized yet
    assert _all_typos(texts) == reference  # every span memoized
    assert {(written, target) for _, _, written, target, *_ in reference} >= _SLIPS


def _screen_all(
    written: str, targets: tuple[str, ...], lex: lexicon.Lexicon, scorer: detect.Scorer
) -> tuple[object, ...]:
    screened = (detect.screen(written, t, lex, scorer) for t in dict.fromkeys(targets))
    return tuple(s for s in screened if s is not None)


@functools.cache
def _anchors() -> dict[str, list[tuple[int, str]]]:
    """The four-character targets by the two characters they keep when one of the other two is wrong
    (first two: offset 0; last two: offset 2), in the order of jieba's dictionary."""
    anchors: dict[str, list[tuple[int, str]]] = {}
    for word in detect.lexicon().idioms:
        for offset in (0, 2):
            anchors.setdefault(word[offset : offset + 2], []).append((offset, word))
    return anchors


def _anchored(text: str, j: int, items: list[tuple[int, str]], lex: lexicon.Lexicon) -> list[tuple[int, str]]:
    """``(start, target)`` for the four-character spans around ``text[j : j + 2]`` one similar character
    away from a target anchored there, tried one by one."""
    found = []
    for offset, target in items:
        start = j - offset
        span = text[start : start + 4]
        if start < 0 or len(span) != 4:
            continue
        other = [i for i in range(4) if (i < 2) == (offset == 2) and span[i] != target[i]]
        if len(other) == 1:
            written = span[other[0]]
            sound = lex.fuzzy.get(ord(written), written)
            if detect._alike(lex, written, sound, target[other[0]], span):
                found.append((start, target))
    return found


def _reference_candidates(text: str) -> list[tuple[int, tuple[object, ...]]]:
    """The candidates of ``text`` found the plain way: every span of every run of Chinese characters,
    one by one, nothing memoized or filtered first."""
    lex, scorer = detect.lexicon(), detect.Scorer(detect.dictionary())
    spans: list[tuple[int, tuple[object, ...]]] = []
    idioms: dict[tuple[int, str], None] = {}
    for m in re.finditer(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}", text):
        end = m.end()
        for j in range(m.start(), end - 1):
            gram = text[j : j + 2]
            found = _screen_all(gram, detect._pair_targets(lex, gram), lex, scorer)
            if found:
                spans.append((j, found))
            items = _anchors().get(gram)
            if items:
                idioms.update(dict.fromkeys(_anchored(text, j, items, lex)))
            if j + 2 < end:
                gram = text[j : j + 3]
                found = _screen_all(gram, detect._triple_targets(lex, gram), lex, scorer)
                if found:
                    spans.append((j, found))
    for start, target in idioms:
        screened = detect.screen(text[start : start + 4], target, lex, scorer)
        if screened is not None:
            spans.append((start, (screened,)))
    return spans


def _slipped(texts: list[str], seed: int) -> list[str]:
    """``texts`` with about one character in five replaced by one of the same sound class (new slips,
    so that many spans have candidates)."""
    lex = detect.lexicon()
    by_class: dict[str, list[str]] = {}
    for code, sound in sorted(lex.fuzzy.items()):
        by_class.setdefault(sound, []).append(chr(code))
    rng = random.Random(seed)
    out = []
    for text in texts:
        chars = list(text)
        for i, char in enumerate(chars):
            sound = lex.fuzzy.get(ord(char))
            if sound is not None and rng.random() < 0.2:
                chars[i] = rng.choice(by_class[sound])
        out.append("".join(chars))
    return out


def test_candidate_search_finds_what_the_plain_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search for candidates (keys looked up in step over all spans, spans memoized, three- and
    four-character spans filtered by their characters first) finds exactly the candidates, in the same
    order, that screening every span of every run of Chinese characters finds."""
    edges = [
        "",
        "报",
        "报歉",
        "再接再励",
        "我们将再接再",
        "接再励。有目共堵",
        "深表报歉\ue000工做，各抒已见abc获益非浅\x00锻练",
        "各抒已见" * 3,
        "力所能力，事半功陪。",
    ]
    texts = [*_SENTENCES, "".join(_SENTENCES), *edges, *_slipped(_SENTENCES, 1), *_slipped(_SENTENCES * 2, 2)]
    monkeypatch.setattr(detect, "_SCREENED", detect._Memo())
    lex = detect.lexicon()
    for _ in range(2):  # nothing memoized yet, then every span memoized
        for text in texts:
            assert detect.candidates(text, lex) == _reference_candidates(text), text


def test_slack_codes_never_drop_a_span_the_rough_test_keeps() -> None:
    """A two-character span is searched for candidates only when one of its keys' slack codes reaches the
    code of the character its class stands for; every span with a target that passes the rough test
    (detect._rough_bound) must be kept so, whatever its characters."""
    lex, scorer = detect.lexicon(), detect.Scorer(detect.dictionary())
    least = detect._LEAST_MARGIN[False]
    by_class: dict[str, list[str]] = {}
    for code, sound in lex.fuzzy.items():
        for cls in (sound, *lex.more.get(chr(code), "")):
            by_class.setdefault(cls, []).append(chr(code))
    keys = [k for k in lex.pairs if len(k) == 2]
    rng = random.Random(5)
    kept = dropped = 0
    for key in rng.sample(keys, 1500):
        free = 0 if "\ue000" <= key[0] <= "\uf8ff" else 1
        slack = lex.pairs.members[key]
        for char in by_class[key[free]]:
            span = char + key[1] if free == 0 else key[0] + char
            passes = any(
                detect._rough_bound(lex, scorer, span, t) >= least
                for t in lex.pairs[key].split(",")
                if detect._one_apart(span, t) >= 0
            )
            code = char.translate(lex.char_codes)
            assert not passes or slack >= code, (key, span)
            kept += slack >= code
            dropped += slack < code
    assert kept and dropped  # (the filter does filter)


def test_least_margin_rejects_only_what_the_full_screen_rejects(monkeypatch: pytest.MonkeyPatch) -> None:
    """detect.screen rejects a candidate whose rough bound falls short of the least margin it could need
    (from the lexicon's rounded weights) before looking any word up; on spans one similar character away
    from two-, three- and four-character targets, its answers are those of the screen without that test."""
    lex, scorer = detect.lexicon(), detect.Scorer(detect.dictionary())
    by_class: dict[str, list[str]] = {}
    for code, sound in lex.fuzzy.items():
        for cls in (sound, *lex.more.get(chr(code), "")):
            by_class.setdefault(cls, []).append(chr(code))
    rng = random.Random(9)
    pairs: list[tuple[str, str]] = []
    for key in rng.sample(list(lex.pairs), 150):
        free = next(i for i, c in enumerate(key) if "\ue000" <= c <= "\uf8ff")
        for char in by_class[key[free]]:
            span = key[:free] + char + key[free + 1 :]
            pairs += ((span, t) for t in lex.pairs[key].split(",") if t != span)
    idioms = list(lex.idioms)
    for target in rng.sample(idioms, 100):
        at = rng.randrange(4)
        for cls in (lex.fuzzy.get(ord(target[at]), ""), *lex.more.get(target[at], "")):
            pairs += ((target[:at] + c + target[at + 1 :], target) for c in by_class.get(cls, ()) if c != target[at])
    # (what the context alone may support: a deferred candidate waits for its document's support, which
    # screens it in full)
    with_least = [_sure(detect.screen(w, t, lex, scorer)) for w, t in pairs]
    decided = 0  # (candidates the least margin rejects: the test is exercised)
    for written, target in pairs:
        at = detect._one_apart(written, target)
        evidence = detect._evidence(lex, written[at], target[at], written)
        if evidence is not None:
            margin = detect._least_margin(lex, written, at, target, evidence) - detect._ROUNDING
            decided += detect._LEAST_MARGIN[False] <= detect._rough_bound(lex, scorer, written, target) < margin
    assert decided > 500
    monkeypatch.setattr(detect, "_least_margin", lambda *_: -math.inf)
    assert [_sure(detect.screen(w, t, lex, scorer)) for w, t in pairs] == with_least
    assert len(pairs) > 5_000 and sum(s is not None for s in with_least) > 20


def test_rare_characters_are_written_for_the_same_reading_only() -> None:
    """A rare character (``rare``: under CHAR_MIN_USE) takes part as one written by mistake: for a common
    character of the same reading it is evidence (疹 for 诊), for one of a near reading it is none; and no
    target is made of rare characters but a term of the pack, which means its own (溺 of 防溺水) and stays rare as
    written, and a word that makes at least half the use of its rare character (饪 of 烹饪)."""
    lex = detect.lexicon()
    by_class: dict[str, list[str]] = {}
    for code, sound in lex.fuzzy.items():
        by_class.setdefault(sound, []).append(chr(code))
    same, near = [], []  # (rare, common) sharing a reading; sharing a sound class only
    for rare in lex.rare:
        for common in by_class[lex.fuzzy[ord(rare)]]:
            if common not in lex.rare:
                (near if set(lex.exact[rare]).isdisjoint(lex.exact[common]) else same).append((rare, common))
    assert len(same) > 100 and len(near) > 100
    sound = {detect.Evidence.SOUND, detect.Evidence.SOUND_SHAPE}
    assert all(detect._evidence(lex, rare, common, rare + common) in sound for rare, common in same)
    assert all(detect._evidence(lex, rare, common, rare + common) is not detect.Evidence.NEAR for rare, common in near)
    common_ones = {chr(code) for code in lex.fuzzy} - set(lex.rare)
    meant = {char for term in detect.terms() for char in term}  # (溺 of 防溺水: meant there, rare as written)
    entries = lexicon.read_jieba_entries(jieba_dictionary_path())
    use: dict[str, int] = {}
    for word, freq, _ in entries:
        for char in word:
            use[char] = use.get(char, 0) + freq
    freq_of = {word: freq for word, freq, _ in entries}

    def bound(char: str, target: str) -> bool:
        return freq_of.get(target, 0) >= lexicon.BOUND_SHARE * use.get(char, 0)

    assert all(
        all(c in common_ones | meant or bound(c, target) for c in target) or len(target) == 4
        for target in lex.weights
        if len(target) > 1
    )
    assert "烹饪" in lex.weights and "饪" in lex.rare
    assert "溺" in lex.rare and any("溺" in target for target in lex.weights if len(target) < 4)


def _sure(screened: object) -> object:
    """A screened candidate, or None for a deferred one (see detect.screen)."""
    return None if isinstance(screened, detect._Screened) and screened.margin == math.inf else screened


def test_document_support_needs_the_word_elsewhere_more_often_than_chance() -> None:
    """A candidate its context does not support counts when its document writes the span so once and
    the word elsewhere, more often than the word's frequency would bring by chance."""
    short = "进一步加强领导，明确则任。各部门要落实责任。"
    assert detect.Support(short)("则任", "责任") == 1
    assert detect.Support(short.replace("责任", "分工"))("则任", "责任") == 0  # not elsewhere
    assert detect.Support(short + "明确则任。")("则任", "责任") == 0  # written so twice: the author's form
    # in 20,000 characters a common word turns up by chance
    filler = "春夏秋冬" * 5_000
    assert detect.Support(short + filler)("则任", "责任") == 0
    assert detect.Support(short + "落实责任。" * 60 + filler)("则任", "责任") == 61  # far more often
    # the candidates of a paragraph: the one the context supports is a finding, the others wait (明确则任
    # would be one: 明确责任 is a dictionary word, which raises the gain of its context)
    found, pending = detect.paragraph_typos("明确了则任，对此深表报歉。")
    assert [(t.written, t.target) for t in found] == [("报歉", "抱歉")]
    assert ("则任", "责任") in {(p.written, p.target) for p in pending}
    weak = detect.supported_typos("明确了则任，对此深表报歉。", pending, frozenset(), found)
    assert [(t.written, t.target, t.sure) for t in weak if t.written == "则任"] == [("则任", "责任", False)]


def test_spans_the_document_writes_three_times_are_not_screened() -> None:
    """No finding is ever of a span its document writes three times or more (the author's form), so the
    search leaves such two-character spans out from the start; the findings elsewhere are the same."""
    support = detect.Support("对此深表报歉。报歉报歉，哈哈哈，嘿嘿，嘿嘿，嘿嘿。")
    han = {span for span in support.recurring if re.fullmatch(r"[\u4e00-\u9fff]+", span)}
    assert han == {"报歉", "嘿嘿"}  # (哈哈哈 writes 哈哈 once, apart)
    assert {support.recurring[span] for span in han} == {"\0\0"}  # (no half of a fixed expression)
    text = "对此深表报歉，工做很顺利。"
    found, _ = detect.paragraph_typos(text, recurring={"报歉": "\0\0"})
    assert [(t.written, t.target) for t in found] == [("工做", "工作")]
    found, _ = detect.paragraph_typos(text)
    assert [(t.written, t.target) for t in found] == [("报歉", "抱歉"), ("工做", "工作")]


def test_a_recurring_half_of_an_expression_still_finds_a_slip_in_it() -> None:
    """A recurring span is looked up as its mask, which keeps the span's halves of fixed expressions: a
    slip in an expression beside it is still found (再接 recurs, 再接再励 is still 再接再厉)."""
    document = "我们再接再厉。大家再接再厉。今后要再接再励。"
    recurring = detect.Support(document).recurring
    assert recurring["再接"] in detect.RECURRING_MASKS[1:]
    found, _ = detect.paragraph_typos("今后要再接再励。", recurring=recurring)
    assert [(t.written, t.target) for t in found] == [("再接再励", "再接再厉")]


def test_a_slip_written_three_times_is_not_reported_and_twice_is() -> None:
    """The rules: the author's own form recurs; the same slip twice is still two findings."""
    twice = "我们对此深表报歉。\n\n再次深表报歉。\n"
    thrice = twice + "\n仍然深表报歉。\n"
    assert [d.code for d in lint_text(twice).diagnostics if d.code == "WD009"] == ["WD009", "WD009"]
    assert not [d for d in lint_text(thrice).diagnostics if d.code == "WD009"]


def _plain_best(scorer: detect.Scorer, text: str, extra: frozenset[str]) -> tuple[float, list[tuple[int, int]]]:
    """The best segmentation computed plainly, every word looked up in the dictionary as it comes."""
    words = detect.dictionary()
    n = len(text)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        top = (-math.inf, i + 1)
        for k in range(i + 1, min(n, i + detect._MAX_WORD) + 1):
            f = words.lookup(text[i:k])
            if f is None:
                if k > i + 1:
                    break
                f = 0
            if text[i:k] in extra:
                f = max(f, 1000)
            if f <= 0 and k > i + 1:
                continue
            score = math.log(max(f, 1)) - scorer.log_total + best[k][0]
            if score > top[0]:
                top = (score, k)
        best[i] = top
    spans, i = [], 0
    while i < n:
        spans.append((i, best[i][1]))
        i = best[i][1]
    return best[0][0], spans


def test_best_segmentation_equals_the_plain_computation() -> None:
    """Scorer.best keeps each word's log-probability once looked up: its scores are exactly those of
    looking every word up as it comes, team words (known, prefixes only, absent) included."""
    extra = frozenset({"工做", "抱歉", "数字化转", "赋能增效", "甲乙丙"})
    rng = random.Random(4)
    texts = ["", "的", *_SENTENCES, *_slipped(_SENTENCES, 3), "甲乙丙工做数字化转型赋能增效了", "\x00报歉ab"]
    texts += [
        "".join(rng.choice("工作做抱报歉数字化转型赋能增效的了是在") for _ in range(rng.randint(1, 30)))
        for _ in range(200)
    ]
    for words in (frozenset(), extra):
        scorer = detect.Scorer(detect.dictionary(), words)
        for _ in range(2):  # (nothing known yet, then every word known)
            for text in texts:
                assert scorer.best(text) == _plain_best(scorer, text, words), text


def test_table_values_cut_by_offsets_equal_the_split_values() -> None:
    rng = random.Random(8)
    for size in (0, 1, 2, 50, 3000):
        keys = sorted({"".join(rng.choice("抱报歉欠工作做") for _ in range(rng.randint(1, 4))) for _ in range(size)})
        values = ["".join(rng.choice("甲乙,丙") for _ in range(rng.randint(0, 12))) for _ in keys]
        raw = "\x1f".join(values)
        split = lexicon.Table(keys, raw, str)
        cut = lexicon.Table(keys, raw, str, offsets=lexicon.encode_offsets(values))
        assert [cut[k] for k in keys] == [split[k] for k in keys] == values
    lex = detect.lexicon()  # (the cached tables: values as the build made them)
    assert lex.pairs["\u62b1" + lex.fuzzy[ord("欠")]].split(",").count("抱歉") == 1
    assert lex.weights["抱歉"] > 0


def test_weight_and_slack_codes_compare_like_their_values() -> None:
    rng = random.Random(3)
    for _ in range(5000):
        weight, slack = rng.uniform(0, 16), rng.uniform(-3, 40)
        if weight <= slack:
            assert lexicon.slack_code(slack) >= lexicon.weight_code(weight), (weight, slack)
    assert lexicon.slack_code(-10.0) < lexicon.weight_code(0.0)
    assert lexicon.slack_code(100.0) > lexicon.weight_code(20.0)


def test_acceptance_draft(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.txt"
    draft.write_text(
        "对此深表报歉。平时要加强锻练。会上大家各抒已见。我们将再接再励。\n工作一丝不苟，假期去海边度假，坚持实事求是。\n",
        encoding="utf-8",
    )
    policy = make_policy(Config(), Settings(select=["typo"]))
    result = check_bytes(str(draft), draft.read_bytes(), policy)
    found = sorted((d.span.start, d.code) for d in result.diagnostics)
    assert [code for _, code in found] == ["WD009", "WD009", "WD010", "WD001"]
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


def test_the_word_cache_outlives_a_new_lexicon_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("a 1\n", encoding="utf-8")
    lexicon_key, words_key = lexicon.cache_key([source], ()), lexicon.words_cache_key(source)
    monkeypatch.setattr(lexicon, "FORMAT_VERSION", lexicon.FORMAT_VERSION + 1)
    assert lexicon.cache_key([source], ()) != lexicon_key
    assert lexicon.words_cache_key(source) == words_key
    monkeypatch.setattr(lexicon, "WORDS_FORMAT_VERSION", lexicon.WORDS_FORMAT_VERSION + 1)
    assert lexicon.words_cache_key(source) != words_key
    assert lexicon.words_cache_key(source, ("一丝不苟",)) != lexicon.words_cache_key(source)


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


_NOT_LOADED = ("jieba", "pypinyin", "summarylint.rules.typo.lexicon", "summarylint.rules.typo.detect")


def _modules_after(arguments: list[str]) -> set[str]:
    """The modules a fresh process has imported after running ``summarylint ARGUMENTS``."""
    code = (
        "import sys\n"
        "from summarylint.cli import main\n"
        "try:\n"
        f"    main({arguments!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return set(out.split())


def test_version_loads_no_language_data() -> None:
    loaded = _modules_after(["--version"])
    assert "summarylint.cli" in loaded
    assert not loaded & set(_NOT_LOADED)


def test_text_without_chinese_loads_no_language_data(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Weekly notes\n\n1. Fixed the build.\n2. Wrote 3 tests.\n", encoding="utf-8")
    loaded = _modules_after(["check", "--no-cache", "--exit-zero", str(tmp_path / "notes.md")])
    assert "summarylint.linter" in loaded
    assert not {"jieba", "pypinyin"} & loaded


def test_team_dictionary_words_are_never_reported(tmp_path: Path) -> None:
    text = "对此深表报歉。\n"
    assert "WD009" in _codes(text)
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text('[typo]\nwords = ["报歉"]\n', encoding="utf-8")
    assert "WD009" not in _codes(text, load_config(config_file))


def test_set_phrase_quoted_whole_is_checked_unless_a_team_word(tmp_path: Path) -> None:
    # quotation marks protect names and coinages, not a set phrase quoted whole with a slip in it
    text = "坚持以“立德数人”为根本任务，推行“三查七队”制度。\n"
    assert _codes(text).count("WD010") == 2
    assert "WD010" not in _codes("主题是“立德树人”，口号是“能钩”计划。\n")
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text('[typo]\nwords = ["立德数人", "三查七队"]\n', encoding="utf-8")
    assert "WD010" not in _codes(text, load_config(config_file))


def test_team_dictionary_words_are_no_stutters(tmp_path: Path) -> None:
    hint, stutter, repeat = "编写顶管施工工法，争取申报。\n", "我们的的目标\n", "我们认真组织组织了排查。\n"
    assert [_codes(t) for t in (hint, stutter, repeat)] == [["WD012"], ["WD012"], ["WD013"]]
    config_file = tmp_path / "summarylint.toml"
    # a team word over one copy silences a hint (工法 makes the lone 工 part of a word); a stutter or a
    # repeat only when it covers both copies (目标 beside 的的 does not)
    config_file.write_text('[typo]\nwords = ["工法", "目标", "组织组织"]\n', encoding="utf-8")
    config = load_config(config_file)
    assert [_codes(t, config) for t in (hint, stutter, repeat)] == [[], ["WD012"], []]


def test_team_dictionary_file(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("# 团队词表\n报歉  # 产品名\n\n", encoding="utf-8")
    config_file = tmp_path / "summarylint.toml"
    config_file.write_text('[typo]\ndictionary = "words.txt"\n', encoding="utf-8")
    config = load_config(config_file)
    assert team_words(config) == frozenset({"报歉"})
    assert "WD009" not in _codes("对此深表报歉。\n", config)


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
    policy = make_policy(Config(), Settings(select=["WD009", "WD010", "WD011"]))
    result = check_bytes("x.txt", "对此深表报歉，会上各抒已见，發給我。\n".encode(), policy)
    assert {d.code for d in result.diagnostics} == {"WD009", "WD010", "WD011"}
    for d in result.diagnostics:
        assert d.fix is not None and d.fix.applicability.value == "unsafe"
        assert "“" in d.message


def test_script_table_is_traditional_only() -> None:
    table = load_pack("typo-script", ScriptPack).traditional
    for shared in "乾著於藉瞭余徵餘麼夥鍾":
        assert shared not in table
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in table.items())
    assert not set(table) & set(table.values()), "a traditional character must not be a simplified one"
    assert all("\u3400" <= k <= "\u9fff" for k in table)  # (WD011 finds them one character at a time)


def test_script_table_pairs_share_a_reading() -> None:
    """Each traditional character and its simplified form have a reading in common (catches slips in the
    table such as a neighbouring character typed by mistake)."""
    raw = json.loads(lexicon.pypinyin_readings_path().read_text(encoding="utf-8"))

    def readings(char: str) -> set[str]:
        return {lexicon.toneless(r) for r in raw.get(str(ord(char)), "").split(",") if r}

    table = load_pack("typo-script", ScriptPack).traditional
    odd = [f"{t}→{s}" for t, s in table.items() if not readings(t) & readings(s)]
    assert not odd, odd


def test_script_table_characters_are_no_simplified_words() -> None:
    """No traditional character of the table forms a word of simplified text: in jieba's dictionary
    (which lists traditional spellings too) every word holding one among simplified characters is either
    a traditional spelling of a word listed as often in simplified form (鏈子/链子) or a stray entry
    counted three times or fewer.  乾 (乾坤), 著 (著名), 藉 (狼藉) or 於 (於姓) would fail."""
    table = load_pack("typo-script", ScriptPack).traditional
    freq = {word: count for word, count, _ in lexicon.read_jieba_entries(jieba_dictionary_path())}
    used: list[str] = []
    for word, count in freq.items():
        inside = [c for c in word if c in table]
        if len(word) < 2 or len(inside) != 1 or count <= 3:
            continue
        if freq.get("".join(table.get(c, c) for c in word), 0) < count:
            used.append(f"{inside[0]}:{word}")
    assert not used, used


def test_shape_groups_are_well_formed() -> None:
    for group in detect.shape_groups():
        assert len(group) >= 2 and len(set(group)) == len(group), group


def test_confusion_guards_compile() -> None:
    """The confusion set's guards are compiled on first use only; every one must compile."""
    from summarylint.rules.typo import confusions

    guards = [
        guard
        for entries in confusions._compiled().by_first.values()
        for entry in entries
        for guard in [
            entry.after,
            entry.not_after,
            entry.before,
            entry.not_before,
            entry.prev_tag,
            entry.next_tag,
            entry.prev_word,
            entry.next_word,
        ]
        if guard is not None
    ]
    assert guards
    for guard in guards:
        guard.pattern()  # compiles it (raises re.error when it is invalid)


def test_confusion_guards_tested_as_strings_answer_like_their_expressions() -> None:
    """Guards that are alternations of plain strings are tested with string methods: the answers are
    those of the compiled expressions, at the edges of the text and before a final line break too."""
    from summarylint.rules.typo import confusions

    assert confusions._literals("规|决|确") == ("规", "决", "确")
    assert confusions._literals("(?:当前|目前)") == ("当前", "目前")
    assert confusions._literals("[立随旋当]") == ("立", "随", "旋", "当")
    for pattern in ("新的?一?年", "[^，。]{0,8}又", "(?:比|较)(?:\\d{2,4}|[今去])", "[一-十]", "a||b", ""):
        assert confusions._literals(pattern) is None, pattern
    entries = [e for entries in confusions._compiled().by_first.values() for e in entries]
    literal = 0
    for entry in entries:
        item = entry.item
        samples = [*item.exceptions, item.wrong, "当前", "是", "的", "新一年", "比2020", "\n", ""]
        for guard, value in (
            (entry.after, item.after),
            (entry.not_after, item.not_after),
            (entry.before, item.before),
            (entry.not_before, item.not_before),
            (entry.prev_tag, item.prev_tag),
            (entry.next_tag, item.next_tag),
            (entry.prev_word, item.prev_word),
            (entry.next_word, item.next_word),
        ):
            if guard is None or value is None:
                continue
            literal += confusions._literals(value) is not None
            pattern = guard.pattern()
            alternatives = [*(confusions._literals(value) or ()), *samples]
            for a in alternatives:
                for b in samples[:4]:
                    for text in (a + b, b + a, a, a + "\n", "\n" + a, b + a + "\n" + b, a[:-1], a[1:]):
                        if guard in (entry.after, entry.not_after):
                            for pos in range(len(text) + 1):
                                assert guard.starts(text, pos) == (pattern.match(text, pos) is not None), (value, text)
                        elif guard in (entry.before, entry.not_before):
                            for pos in range(len(text) + 1):
                                for end in (pos, len(text), max(pos, len(text) - 1)):
                                    expected = pattern.search(text, pos, end) is not None
                                    assert guard.ends(text, pos, end) == expected, (value, text, pos, end)
                        else:
                            assert guard.fits(text) == (pattern.fullmatch(text) is not None), (value, text)
    assert literal > 50  # (most guards are plain alternations)


def test_pack_phrases_join_the_entries_as_set_phrases() -> None:
    entries = [("精益求精", 51, "n"), ("爱岗敬业", 19, "nr"), ("工作", 1000, "vn"), ("提质", 3, "v")]
    merged = lexicon.with_phrases(entries, ["精益求精", "爱岗敬业", "提质增效"])
    assert ("精益求精", 51, "l") in merged  # retagged, its frequency kept
    assert ("爱岗敬业", lexicon.PHRASE_FREQ, "l") in merged  # raised and retagged
    assert ("提质增效", lexicon.PHRASE_FREQ, "l") in merged  # added
    assert ("工作", 1000, "vn") in merged and ("提质", 3, "v") in merged  # the others as they were
    assert lexicon.with_phrases(entries, []) is entries


def test_pack_phrases_are_fixed_expressions_of_the_lexicon_and_words_of_the_dictionary() -> None:
    phrases = detect.phrases()
    assert phrases and len(set(phrases)) == len(phrases)
    lex, words = detect.lexicon(), detect.dictionary()
    for phrase in phrases:
        if len(phrase) == 4:
            assert phrase in lex.idioms, phrase
            assert words.freq(phrase) >= lexicon.PHRASE_FREQ and words.tag(phrase) == "l", phrase
        else:  # (a term of the trade: a word, and a target unless a character of it is too rare to slip)
            assert words.freq(phrase) >= lexicon.TERM_FREQ, phrase
            assert phrase in lex.weights or any(ord(c) not in lex.fuzzy for c in phrase), phrase
    assert any(len(p) < 4 for p in phrases) and any(len(p) == 4 for p in phrases)


def test_pack_phrases_shadow_no_uncommon_four_character_word() -> None:
    # a phrase of the pack is a target of its own: a four-character word of jieba's one similar character away
    # (共用设施 next to 公用设施) would be reported as its slip unless it is at least as frequent as the phrase (the
    # gain bound stops it) or a misspelling or old variant jieba happens to list (克已奉公, 会议记要: reporting those
    # is the point)
    misspellings = {
        *("严于律已", "克已奉公", "任人为贤", "会议记要", "个人帐户", "踔厉风发"),
        # (of the idioms jieba tags as names, which the pack makes fixed expressions)
        *("金壁辉煌", "金璧辉煌", "墨守陈规", "带罪立功", "山青水秀", "美仑美奂"),
    }
    lex, alike = detect.lexicon(), detect.look_alike()
    phrases = [p for p in detect.phrases() if len(p) == 4]
    by_pattern: dict[str, list[str]] = {}
    for word, freq, _ in lexicon.read_jieba_entries(jieba_dictionary_path()):
        if len(word) == 4 and 0 < freq < lexicon.PHRASE_FREQ and word not in misspellings:
            for i in range(4):
                by_pattern.setdefault(word[:i] + "*" + word[i + 1 :], []).append(word)

    def similar(a: str, b: str) -> bool:
        sound = lex.fuzzy.get(ord(a))
        return (sound is not None and sound == lex.fuzzy.get(ord(b))) or b in alike.get(a, ())

    shadowed = [
        (phrase, word)
        for phrase in phrases
        for i in range(4)
        for word in by_pattern.get(phrase[:i] + "*" + phrase[i + 1 :], [])
        if word != phrase and similar(phrase[i], word[i])
    ]
    assert not shadowed, shadowed


def test_term_frequency_changes_the_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    source = [jieba_dictionary_path()]
    before = lexicon.cache_key(source, (), ("备课",))
    monkeypatch.setattr(lexicon, "TERM_FREQ", lexicon.TERM_FREQ + 1)
    assert lexicon.cache_key(source, (), ("备课",)) != before


def test_phrases_change_the_cache_key() -> None:
    source = [jieba_dictionary_path()]
    assert lexicon.cache_key(source, ()) != lexicon.cache_key(source, (), ("提质增效",))


def test_usual_readings_keep_a_second_reading_in_common_use(tmp_path: Path) -> None:
    phrases = tmp_path / "phrases_dict.json"
    readings = {
        "协调": [["xié"], ["tiáo"]],
        "调查": [["diào"], ["chá"]],
        "提出": [["tí"], ["chū"]],
        "提防": [["dī"], ["fáng"]],
    }
    phrases.write_text(json.dumps(readings, ensure_ascii=False), encoding="utf-8")
    entries = [("协调", 900, "v"), ("调查", 1000, "v"), ("提出", 5000, "v"), ("提防", 10, "v"), ("条件", 2000, "n")]
    usual = lexicon.usual_readings(lexicon.read_phrase_readings(phrases), entries)
    assert usual["调"] == {"diao", "tiao"}  # both readings are common
    assert usual["提"] == {"ti"}  # 提 dī is rare
    built = lexicon.build(entries, {"调": ["diao", "tiao"], "条": ["tiao"], "提": ["ti", "di"]}, (), usual=usual)
    exact = built["exact"]
    assert set(exact["调"]) & set(exact["条"])  # 调 for 条 is 同音
    assert len(exact["提"]) == 1


def test_idioms_tagged_as_names_are_expressions_when_pypinyin_has_them() -> None:
    """jieba tags some idioms as a person's name (一劳永逸 nr): a four-character ``nr`` entry that pypinyin's
    phrase list has is a set phrase, and so a target; a name pypinyin lacks, or a shorter one, keeps its tag."""
    entries = [("一劳永逸", 34, "nr"), ("上官剑南", 20, "nr"), ("张三", 50, "nr"), ("石沉大海", 49, "nr")]
    known = {"一劳永逸": [], "张三": [], "石沉大海": []}
    named = lexicon.expressions_named(entries, known)
    assert named == [("一劳永逸", 34, "l"), ("上官剑南", 20, "nr"), ("张三", 50, "nr"), ("石沉大海", 49, "l")]
    built = lexicon.build(named, {c: ["x"] for w, _, _ in entries for c in w}, ())
    assert "一劳永逸" in built["idioms"] and "上官剑南" not in built["idioms"]


def test_curated_english_prefilter_never_skips_a_form_the_expression_finds() -> None:
    """WD015 compiles the expression of its curated wrong forms only for a text holding the longest word of
    one of them, in any case: the case folds of that test are all those of a case-insensitive expression."""
    from summarylint.rules.typo import english

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for char in re.findall("[a-z]", every, re.IGNORECASE):
        folded = char.translate(english._CASE_FOLDS).lower()
        assert folded.isascii() and re.fullmatch(folded, char, re.IGNORECASE), char
    pattern = english._curated().pattern
    forms = list(english._curated().entries)
    texts = [f"我们的{w}很多" for w in forms] + [w.upper() for w in forms] + ["SOFTWAREſ", "ſoftwares", "DATAS", "data"]
    texts += ["Good   Lucky!", "home  and\tboard", "the COPYWRITE of", "Informations about İ", "没有英文"]
    for text in texts:
        if pattern.search(text):
            assert english._may_be_curated(text), text
    assert not english._may_be_curated("工作总结 data software home")
