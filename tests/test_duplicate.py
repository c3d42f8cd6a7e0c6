"""Duplication rules (DU), from the cases in tests/cases/duplicate.toml, and the near-duplicate join."""

from __future__ import annotations

import random
import re

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Settings
from summarylint.diagnostics import Diagnostic
from summarylint.rules.duplicate import MIN_SENTENCE_LENGTH, MIN_TAIL_LENGTH, _clauses
from summarylint.text.shingles import EXACT_LIMIT, fold, jaccard, shingles, similar_pairs


def test_fold_is_width_and_punctuation_insensitive() -> None:
    assert fold("取得成效，２０２４年 ＡＢＣ。") == fold("取得成效2024年abc")


def _brute_force(texts: list[str], threshold: float) -> set[tuple[int, int]]:
    sets = [shingles(t) for t in texts]
    return {
        (i, j) for i in range(len(texts)) for j in range(i + 1, len(texts)) if jaccard(sets[i], sets[j]) >= threshold
    }


def test_similar_pairs_matches_brute_force() -> None:
    rng = random.Random(7)
    alphabet = "安全生产检查隐患整改完成率事故发生上下半年开展组织学习培训"
    base = ["".join(rng.choice(alphabet) for _ in range(60)) for _ in range(30)]
    texts = list(base)
    for text in base[:15]:  # near copies with a few characters changed
        chars = list(text)
        for _ in range(rng.randint(0, 4)):
            chars[rng.randrange(len(chars))] = rng.choice(alphabet)
        texts.append("".join(chars))
    found = {(i, j) for i, j, _ in similar_pairs(texts, 0.8)}
    assert found == _brute_force(texts, 0.8)
    assert found  # the test data does contain near copies


def _large_document(paragraphs: int) -> str:
    rng = random.Random(11)
    words = [
        "安全",
        "生产",
        "检查",
        "隐患",
        "整改",
        "完成",
        "事故",
        "上半年",
        "开展",
        "组织",
        "学习",
        "培训",
        "服务",
        "群众",
        "项目",
        "资金",
        "推进",
        "落实",
        "制度",
        "建设",
    ]
    lines = ["工作总结"]
    for n in range(paragraphs):
        body = "，".join("".join(rng.choice(words) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(3, 8)))
        lines.append(f"第{n}项工作：{body}。")
    return "\n".join(lines) + "\n"


def test_no_false_duplicates_in_a_long_document_of_distinct_paragraphs() -> None:
    """Above the exact limit (a long compilation), distinct paragraphs are not reported as copies."""
    text = _large_document(EXACT_LIMIT + 1000)
    policy = make_policy(Config(), Settings(select=["DU001", "DU002", "DU003"]))
    result = check_bytes("big.txt", text.encode(), policy)
    assert result.error is None
    assert not [d for d in result.diagnostics if d.severity.value != "info"]


def test_similar_pairs_on_many_paragraphs_uses_verified_candidates() -> None:
    """Above the exact limit candidates come from sorted neighbourhoods; near copies changed in one half
    are still found."""
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(80, 120))) for _ in range(EXACT_LIMIT + 500)]
    planted = set()
    for source in rng.sample(range(len(texts)), 8):
        chars = list(texts[source])
        chars[len(chars) // 2] = "〇"  # one character changed
        texts.append("".join(chars))
        planted.add((source, len(texts) - 1))
    found = {(i, j) for i, j, similarity in similar_pairs(texts, 0.8) if similarity >= 0.8}
    assert found == planted


def _reference_clauses(text: str) -> list[tuple[int, str]]:
    """DU003's clauses of one sentence computed the plain way: every tail copied out."""
    content = re.compile(r"[^\W_]+")
    runs = [(m.start(), m.group()) for m in content.finditer(text)]
    whole = fold("".join(run for _, run in runs))
    out = []
    if len(whole) >= MIN_SENTENCE_LENGTH and re.search("[\u4e00-\u9fff]", whole):
        out.append((0, whole))
    if len(whole) > MIN_TAIL_LENGTH:
        for comma in re.finditer("[，,]", text):
            before = sum(len(run) for at, run in runs if at < comma.end())
            if len(whole) - before < MIN_TAIL_LENGTH:
                break
            out.append((comma.end(), whole[before:]))
    return out


def test_sentence_tails_are_keyed_by_their_text_without_copies() -> None:
    """DU003 compares tails by length and hash; equal tails get equal keys and different tails different keys."""
    rng = random.Random(5)
    pieces = ["安全生产", "检查隐患", "整改完成", "ＡＢＣ２０２４", "培训", "", "x_y", "落实制度建设"]
    keys: dict[tuple[int, int], str] = {}
    for _ in range(300):
        text = "".join(
            rng.choice(pieces) + rng.choice(["，", ",", "，，", "、", ""]) for _ in range(rng.randint(1, 12))
        )
        clauses = _clauses(text, 0, len(text))
        assert [(c.at, c.whole[c.folded_start :]) for c in clauses] == _reference_clauses(text)
        for clause in clauses:
            tail = clause.whole[clause.folded_start :]
            assert keys.setdefault(clause.key, tail) == tail


def test_a_long_paragraph_without_sentence_ends_keeps_no_copy_of_each_tail() -> None:
    """A paragraph of 60,000 characters with a comma every few characters: its clauses share one folded text."""
    rng = random.Random(9)
    text = "，".join(
        "".join(rng.choice("工作总结推进落实组织完善") for _ in range(rng.randint(4, 9))) for _ in range(9000)
    )
    clauses = _clauses(text, 0, len(text))
    assert len(clauses) > 8000
    assert len({id(c.whole) for c in clauses}) == 1


def test_a_tail_repeated_with_other_commas_is_found() -> None:
    """The same folded tail split at other commas is still the same half sentence."""
    first = "今年以来我们坚持问题导向，全面排查安全生产隐患，逐项落实整改责任并建立健全长效机制。"
    second = "下半年按照上级部署，全面排查安全生产隐患逐项落实，整改责任并建立健全长效机制。"
    policy = make_policy(Config(), Settings(select=["DU003"]))
    result = check_bytes("tail.txt", f"{first}\n{second}\n".encode(), policy)
    assert [d.code for d in result.diagnostics] == ["DU003"]


def _du003(text: str) -> list[Diagnostic]:
    policy = make_policy(Config(), Settings(select=["DU003"]))
    result = check_bytes("run.txt", text.encode(), policy)
    assert result.error is None
    return list(result.diagnostics)


def test_a_repeated_run_points_at_the_passage_it_repeats() -> None:
    """A paragraph repeating two items of an earlier one, the first after a colon there: the related place starts at
    that item, and the fix removes the paragraph."""
    second = "一是台账登记不够规范，部分车间缺少交接班记录；二是应急物资储备不足，个别库房灭火器过期未换。"
    first = "检查中也发现一些问题：" + second
    text = f"{first}\n{second}\n下一步将逐项整改。\n"
    [finding] = _du003(text)
    assert (finding.span.start, finding.span.end) == (len(first) + 1, len(first) + 1 + len(second))
    [related] = finding.related
    assert (related.line, related.column, related.end_line, related.end_column) == (1, 12, 1, len(first) + 1)
    assert finding.fix is not None and finding.fix.edits[0].content == ""
    assert finding.message.startswith("本段")


def test_a_character_reference_does_not_end_a_sentence() -> None:
    """``&ldquo;`` left in pasted text is a quotation mark: its semicolon does not cut the sentence, and the copy
    without the quoted name is the same sentence with a piece cut out."""
    text = (
        "加强心理健康教育。学校心理咨询室&ldquo;知心驿站&rdquo;每天下午定时开放，配备专职心理教师2名。"
        "本学期开展心理健康讲座6场。\n"
        "加强心理健康教育。学校心理咨询室每天下午定时开放，配备专职心理教师2名。\n"
    )
    [finding] = _du003(text)
    start = text.index("\n") + 1
    assert (finding.span.start, finding.span.end) == (start, len(text) - 1)
    assert "基本相同" in finding.message
