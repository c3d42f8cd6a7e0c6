"""Every built-in rule, from the cases in tests/cases/*.toml: firing and non-firing cases with exact
spans (and fixes), and documentation with wrong and right examples that the rule is checked against
(every wrong example fires, no right example does, and the fixes the rule makes are the kind its
metadata declares)."""

from __future__ import annotations

from functools import cache

import pytest
from rule_cases import ALLOWED_FIXES, Case, check_case, example_documents, example_findings, fix_kind, load_cases
from rule_cases import CASES as CASES_DIR

from summarylint.api import check_bytes, make_policy
from summarylint.cli import main
from summarylint.config import Config, Settings
from summarylint.diagnostics import Diagnostic
from summarylint.rules import FixKind, RuleMeta, builtin_registry

CASES = [case for path in sorted(CASES_DIR.glob("*.toml")) for case in load_cases(path.stem)]
CODES = [rule.code for rule in builtin_registry()]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    check_case(case)


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("code", CODES)
def test_every_rule_has_firing_and_quiet_cases(code: str) -> None:
    fires = [c for c in CASES if any(e.startswith(code + " ") for e in c.expect)]
    quiet = [c for c in CASES if code in c.select and not any(e.startswith(code + " ") for e in c.expect)]
    assert fires, f"{code} has no firing case"
    assert quiet, f"{code} has no non-firing case"


@pytest.mark.parametrize("code", CODES)
def test_rule_documentation(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    rule = builtin_registry().get(code)
    assert rule is not None
    meta = rule.meta
    assert meta.summary and meta.rationale and meta.norm and meta.wrong and meta.right
    assert main(["rule", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} {meta.name}")
    assert "反例：" in out and "正例：" in out
    wrong, right = out.split("反例：\n", 1)[1].split("\n正例：\n", 1)
    for shown, examples in ((wrong, meta.wrong), (right, meta.right)):  # every example, every line of it
        assert all(line in shown for example in examples for line in example.splitlines()), code
    if meta.scope == "batch" or meta.example_format == "markdown":
        assert "示例是" in out  # how to read the examples


def _meta(code: str) -> RuleMeta:
    rule = builtin_registry().get(code)
    assert rule is not None
    return rule.meta


@cache
def _findings(code: str, example: str) -> tuple[Diagnostic, ...]:
    return tuple(example_findings(_meta(code), example))


@pytest.mark.parametrize("code", CODES)
def test_documented_examples(code: str) -> None:
    """Every wrong example of a rule's documentation is reported by it, no right example is."""
    meta = _meta(code)
    for example in meta.wrong:
        assert _findings(code, example), f"{code} does not report its wrong example {example!r}"
    for example in meta.right:
        found = _findings(code, example)
        assert not found, f"{code} reports its right example {example!r}: {[d.message for d in found]}"


@pytest.mark.parametrize("code", CODES)
def test_declared_fix_matches_behaviour(code: str) -> None:
    """The fixes a rule makes on its wrong examples are of the kind its metadata declares (``fix``): none
    for ``none``, safe ones for ``safe`` (on every finding), suggestions for ``suggest`` (at least one),
    at least one safe fix for ``sometimes``; and ``--fix`` applies a safe fix for good."""
    meta = _meta(code)
    made = {fix_kind(d) for example in meta.wrong for d in _findings(code, example)}
    assert made <= ALLOWED_FIXES[meta.fix], f"{code} declares fix = {meta.fix.value} but makes {made}"
    if meta.fix is FixKind.SUGGEST:
        assert "unsafe" in made, f"{code} declares fix = suggest but suggests nothing on its wrong examples"
    if meta.fix in (FixKind.SAFE, FixKind.SOMETIMES):
        assert "safe" in made, f"{code} declares fix = {meta.fix.value} but fixes none of its wrong examples"
    policy = make_policy(Config(), Settings(select=[code]))
    for example in meta.wrong:
        if not any(fix_kind(d) == "safe" for d in _findings(code, example)):
            continue
        [(name, text)] = example_documents(meta, example).items()
        fixed = check_bytes(name, text.encode("utf-8"), policy, fix=True)
        assert fixed.document is not None and fixed.document.source != text, example
        again = check_bytes(name, fixed.document.source.encode("utf-8"), policy)
        assert not any(fix_kind(d) == "safe" for d in again.diagnostics), (example, fixed.document.source)
