"""The rule runner: a long document checked by two processes gives exactly what one process gives."""

from __future__ import annotations

import os

import pytest

from summarylint import linter
from summarylint.api import check_bytes, make_policy
from summarylint.rules import builtin_registry

PARAGRAPHS = [
    "一、主要工作",
    "全年共接待来访群众人次，办结率达%，开展安全检查2-3次。",
    "在XX县委的领导下，20XX年上半年完成了各项任务,取得明显成效。",
    "1、加强学习。组织集中学习12次，参学人员300余人次。",
    "3、严格考核。制定考核办法，按季度通报。",
    "“服务群众为宗旨，全面提升服务水平和质量，群众满意度达到98%。",
]


def _document(repeat: int) -> bytes:
    return "\n".join(f"{p}（第{n}部分）" if i else p for n in range(repeat) for i, p in enumerate(PARAGRAPHS)).encode()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked")
def test_two_processes_give_the_same_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _document(40)
    policy = make_policy()
    monkeypatch.setattr(linter, "PARALLEL_MIN_CHARS", 10**9)
    single = check_bytes("x.txt", data, policy)
    monkeypatch.setattr(linter, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    received: list[int] = []
    loads = linter.pickle.loads

    def counting(data: bytes) -> object:
        received.append(len(data))
        return loads(data)

    monkeypatch.setattr(linter.pickle, "loads", counting)
    double = check_bytes("x.txt", data, policy)
    assert received and received[0] > 0  # the second process sent its findings
    assert single.diagnostics and double.diagnostics == single.diagnostics
    assert double.error == single.error


def test_rules_are_dealt_out_by_family() -> None:
    rules = list(builtin_registry())
    first, second = linter._halves(rules)
    assert sorted(r.code for r in first + second) == sorted(r.code for r in rules)
    for family in {r.code[:2] for r in rules}:
        sides = {0 if r in first else 1 for r in rules if r.code[:2] == family}
        assert len(sides) == 1, family
    placeholder_side = {0 if r in first else 1 for r in rules if r.code[:2] in ("PH", "MF")}
    assert len(placeholder_side) == 1
