"""Measure the typo family (category ``typo``): false alarms, recall on annotated drafts, injected slips.

Usage:
  python scripts/typo_eval.py clean  [--corpus ../shared/corpus] [--show]
  python scripts/typo_eval.py gold   [--corpus ../shared/corpus] [--show]
  python scripts/typo_eval.py inject [--corpus ../shared/corpus] [--seed 7] [--per-kind 300] [--show]

``clean``: the typo rules' errors and warnings per 10,000 characters of the edited documents in
``clean/`` (every one is a false alarm) and the share of sentences they leave untouched.
``gold``: recall on the reviewer's typo entries marked certain (``rough-gold/``): an entry is found when
a diagnostic of any rule starts on its line and overlaps its text; the typo family's own share is
shown too.
``inject``: realistic slips put into the clean documents with a fixed seed, one per sentence:
``sound`` replaces one character of a frequent two- or three-character word by another common
character with the same reading (pypinyin), such that the result is no dictionary word; ``idiom``
does the same inside an idiom or fixed expression found in the text (jieba's ``i``/``l`` entries);
``near`` is ``sound`` with a near reading (zh/z, ch/c, sh/s, n/l, in/ing, en/eng: 自愿 for 志愿);
``doubled`` types one character of such a word twice (服务务, 工工作), found when the fix restores the text.
The slips are generated from the dependencies' data, not from the rules' lists.  A slip is found
when a typo finding covers the changed character and suggests the original text.

Nothing from the corpus is copied into the repository; exits 3 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from corpus_check import DEFAULT_CORPUS, load_clean

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Settings
from summarylint.diagnostics import Diagnostic, Severity
from summarylint.reporters.common import locate
from summarylint.rules.typo.lexicon import pypinyin_readings_path, read_jieba_entries, read_readings
from summarylint.text.segment import jieba_dictionary_path

_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def _policy(categories: list[str] | None = None) -> object:
    return make_policy(Config(), Settings(select=categories))


def clean(corpus: Path, show: bool) -> None:
    policy = make_policy(Config(), Settings(select=["typo"]))
    chars = sentences = touched = alarms = 0
    by_code: Counter[str] = Counter()
    for name, text, _ in load_clean(corpus):
        result = check_bytes(name, text.encode("utf-8"), policy)
        found = [d for d in result.diagnostics if d.severity is not Severity.INFO]
        chars += len(text)
        alarms += len(found)
        by_code.update(d.code for d in found)
        starts = sorted(d.span.start for d in found)
        for m in _SENTENCE.finditer(text):
            if m.group().strip():
                sentences += 1
                if any(m.start() <= s < m.end() for s in starts):
                    touched += 1
        if show and result.document is not None:
            for d in found:
                at = locate(result, d.span)
                line = result.document.lines.line_text(at.line)
                col = at.column - 1
                print(f"{name}:{at.line}:{at.column}: {d.code} {d.message}\n    …{line[max(0, col - 15) : col + 20]}…")
    rate = alarms / chars * 10_000
    print(f"clean: {chars} characters, {alarms} typo errors+warnings = {rate:.3f} per 10,000 characters")
    print(f"  sentences untouched: {sentences - touched}/{sentences} = {100 * (sentences - touched) / sentences:.2f}%")
    for code, count in sorted(by_code.items()):
        print(f"  {code}: {count}")


def gold(corpus: Path, show: bool) -> None:
    policy = make_policy(Config())
    total = found_any = found_typo = 0
    chinese_total = chinese_found = 0
    for gold_file in sorted((corpus / "rough-gold").glob("*.gold.jsonl")):
        name = gold_file.name.split(".")[0]
        sources = sorted((corpus / "rough").glob(f"{name}.*"))
        if not sources:
            continue
        source = sources[0]
        result = check_bytes(source.name, source.read_bytes(), policy)
        doc = result.document
        if doc is None:
            continue
        located = [(locate(result, d.span), d) for d in result.diagnostics]
        for raw in gold_file.read_text(encoding="utf-8").splitlines():
            entry = json.loads(raw)
            if entry["category"] != "typo" or entry["confidence"] != "certain":
                continue
            total += 1
            chinese = bool(re.search(r"[\u4e00-\u9fff\uff21-\uff5a]", entry["text"]))
            chinese_total += chinese
            line = doc.lines.line_text(entry["line"])
            col = line.find(entry["text"])
            hit = None
            for at, d in located:
                if at.line != entry["line"]:
                    continue
                if col < 0 or (
                    at.column - 1 < col + len(entry["text"]) and col < at.column - 1 + max(1, d.span.end - d.span.start)
                ):
                    hit = hit if hit is not None and hit.category.value == "typo" else d
            if hit is not None:
                found_any += 1
                chinese_found += chinese
                found_typo += hit.category.value == "typo"
            if show:
                mark = f"{hit.code} {hit.message}" if hit is not None else "MISSED"
                print(f"{name}:{entry['line']}: {entry['text']} → {entry.get('fix')}: {mark}")
    print(f"gold (typo, certain): {found_any}/{total} = {100 * found_any / total:.1f}% found by any rule")
    print(f"  by a typo rule: {found_typo}/{total} = {100 * found_typo / total:.1f}%")
    print(f"  entries in Chinese text: {chinese_found}/{chinese_total} = {100 * chinese_found / chinese_total:.1f}%")


#: The near readings the ``near`` slips are drawn from: initials, then finals, merged into the second of
#: each pair.  Defined here, so that the planted slips stay the same whatever the rules count as near.
_NEAR_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_NEAR_FINALS = (("ing", "in"), ("eng", "en"))


def _near(syllable: str) -> str:
    """The near class of a toneless syllable (zhi and zi, nan and lan, jing and jin share one)."""
    head = next(
        (b + syllable[len(a) :] for a, b in _NEAR_INITIALS if syllable.startswith(a) and syllable != "ng"), syllable
    )
    return next((head[: -len(a)] + b for a, b in _NEAR_FINALS if head.endswith(a) and len(head) > len(a) - 1), head)


def _shuffled_sentences(corpus: Path, rng: random.Random) -> list[tuple[str, int, str]]:
    """The sentences of twelve characters or more of the clean documents, as (document, start, sentence),
    in an order drawn with ``rng``."""
    sentences = [
        (text, m.start(), m.group())
        for _, text, _ in load_clean(corpus)
        for m in _SENTENCE.finditer(text)
        if len(m.group()) >= 12
    ]
    rng.shuffle(sentences)
    return sentences


def _slips(corpus: Path, seed: int, per_kind: int, near: bool = False) -> list[tuple[str, str, str, int, str]]:
    """(kind, document text with one slip, original word, position of the word, slipped word): the
    ``sound`` and ``idiom`` slips, or with ``near`` the ``near`` ones (drawn with a random generator of
    their own, so that adding them left the other kinds as they were)."""
    import jieba

    entries = read_jieba_entries(jieba_dictionary_path())
    freq = {w: f for w, f, _ in entries}
    idioms = {w for w, f, tag in entries if len(w) == 4 and tag in ("i", "l") and f >= 10}
    readings = read_readings(pypinyin_readings_path())
    common = [c for c, f in freq.items() if len(c) == 1 and f >= 2000 and _HAN.match(c) and c in readings]
    # a near slip keeps the sound class but not the syllable (zh/z, n/l, in/ing, en/eng)
    group = (lambda c: _near(readings[c][0])) if near else (lambda c: readings[c][0])
    by_sound: dict[str, list[str]] = {}
    for c in common:
        by_sound.setdefault(group(c), []).append(c)
    kinds = ("near",) if near else ("sound", "idiom")
    rng = random.Random(seed * 1000 + 17 if near else seed)
    jieba.setLogLevel(60)
    sentences = _shuffled_sentences(corpus, rng)
    slips: list[tuple[str, str, str, int, str]] = []
    counts: Counter[str] = Counter()
    for text, at, sentence in sentences:
        if all(counts[k] >= per_kind for k in kinds):
            break
        words = []
        pos = 0
        for word in jieba.cut(sentence, HMM=False):
            words.append((pos, word))
            pos += len(word)
        idiom_words = [(p, w) for p, w in words if w in idioms]
        if idiom_words and counts["idiom"] < per_kind and "idiom" in kinds:
            kind, options = "idiom", idiom_words
        else:
            kind = kinds[0]
            options = [(p, w) for p, w in words if len(w) in (2, 3) and _HAN.match(w) and freq.get(w, 0) >= 100]
            if counts[kind] >= per_kind:
                continue
        if not options:
            continue
        p, word = rng.choice(options)
        i = rng.randrange(len(word))
        syllables = readings.get(word[i])
        if not syllables:
            continue
        key = _near(syllables[0]) if near else syllables[0]
        choices = [c for c in by_sound.get(key, []) if c != word[i] and not (near and readings[c][0] == syllables[0])]
        rng.shuffle(choices)
        for c in choices:
            slipped = word[:i] + c + word[i + 1 :]
            if freq.get(slipped, 0) == 0:
                start = at + p
                slips.append((kind, text[:start] + slipped + text[start + len(word) :], word, start, slipped))
                counts[kind] += 1
                break
    return slips


def _doubled(corpus: Path, seed: int, per_kind: int) -> list[tuple[str, str, str, int, str]]:
    """Like :func:`_slips`, kind ``doubled``: one character of a frequent two- or three-character word
    typed twice (服务 → 服务务, 工作 → 工工作), where the doubled pair is no dictionary word (天天气 would read
    as 天天 + 气); drawn with a random generator of their own."""
    import jieba

    freq = {w: f for w, f, _ in read_jieba_entries(jieba_dictionary_path())}
    rng = random.Random(seed * 1000 + 29)
    jieba.setLogLevel(60)
    sentences = _shuffled_sentences(corpus, rng)
    slips: list[tuple[str, str, str, int, str]] = []
    for text, at, sentence in sentences:
        if len(slips) >= per_kind:
            break
        words, pos = [], 0
        for word in jieba.cut(sentence, HMM=False):
            if len(word) in (2, 3) and _HAN.match(word) and freq.get(word, 0) >= 100:
                words.append((pos, word))
            pos += len(word)
        if not words:
            continue
        p, word = rng.choice(words)
        i = rng.randrange(len(word))
        beside = sentence[max(0, p + i - 1) : p + i] + sentence[p + i + 1 : p + i + 2]
        if freq.get(word[i] * 2, 0) > 0 or word[i] in beside:
            continue  # (a doubled pair that is a word, or a character already beside itself)
        slipped = word[: i + 1] + word[i:]
        start = at + p
        slips.append(("doubled", text[:start] + slipped + text[start + len(word) :], word, start, slipped))
    return slips


def _found(kind: str, para: str, at: int, word: str, slipped: str, diagnostics: list[Diagnostic]) -> bool:
    """Whether a diagnostic covers the slip at ``at`` and its fix restores ``word`` there (for a doubled
    character: restores the paragraph as it was)."""
    original = para[:at] + word + para[at + len(slipped) :]
    for d in diagnostics:
        if d.fix is None:
            continue
        edit = d.fix.edits[0]
        corrected = para[: edit.span.start] + edit.content + para[edit.span.end :]
        if kind == "doubled":
            if d.span.start < at + len(slipped) and at < d.span.end and corrected == original:
                return True
            continue
        changed = [k for k in range(len(word)) if slipped[k] != word[k]]
        if (
            any(d.span.start <= at + k < d.span.end for k in changed)
            and word in corrected[max(0, at - 4) : at + len(word) + 4]
        ):
            return True
    return False


def inject(corpus: Path, seed: int, per_kind: int, show: bool) -> None:
    policy = make_policy(Config(), Settings(select=["typo"]))
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    planted = _slips(corpus, seed, per_kind) + _slips(corpus, seed, per_kind, True) + _doubled(corpus, seed, per_kind)
    for kind, text, word, start, slipped in planted:
        total[kind] += 1
        # check the paragraph around the slip only: the rest of the document is the clean measurement
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", start)
        para = text[para_start : para_end if para_end >= 0 else len(text)]
        result = check_bytes("slip.txt", para.encode("utf-8"), policy)
        at = start - para_start
        hit = _found(kind, para, at, word, slipped, result.diagnostics)
        found[kind] += hit
        if show:
            print(
                f"{kind}: {slipped} (for {word}): {'found' if hit else 'MISSED'}  …{para[max(0, at - 10) : at + 14]}…"
            )
    for kind in sorted(total):
        print(f"inject {kind}: {found[kind]}/{total[kind]} = {100 * found[kind] / total[kind]:.1f}% found")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("clean", "gold", "inject"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"corpus not found at {args.corpus}; nothing measured", file=sys.stderr)
        return 3
    if args.mode == "clean":
        clean(args.corpus, args.show)
    elif args.mode == "gold":
        gold(args.corpus, args.show)
    else:
        inject(args.corpus, args.seed, args.per_kind, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
