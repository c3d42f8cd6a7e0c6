"""Rule tests as data: ``tests/cases/<family>.toml`` holds ``[[case]]`` rows.

Each case: ``text`` (the document), optional ``file`` (its name, which picks the reader; default
``x.txt``), ``select`` (the rules considered; default the codes named in ``expect``), ``expect``
(diagnostics as ``"CODE line:column-end_line:end_column"``, exact), optional ``severity``
(``{"CODE line:col" = "warning"}``) and optional ``fixed`` (the text after ``--fix`` with the
selected rules).

A case of a batch rule (DU1xx) gives ``files`` (name → text) instead of ``text``, optionally
``reference`` (names among them that are reference files), and its ``expect`` rows name the file:
``"CODE name line:column-end_line:end_column"``.

The rules' documentation examples (``wrong``/``right`` in ``rules/builtin/*.toml``) are linted by
:func:`example_findings`, in a file of the rule's ``example_format`` or, for a batch rule, as the
batch of documents the example lists.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Settings
from summarylint.diagnostics import Diagnostic
from summarylint.linter import FileResult
from summarylint.reporters.common import locate
from summarylint.rules import FixKind, RuleMeta, builtin_registry

CASES = Path(__file__).parent / "cases"


@dataclass
class Case:
    id: str
    text: str
    expect: list[str]
    select: list[str]
    file: str = "x.txt"
    fixed: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    reference: list[str] = field(default_factory=list)


def load_cases(name: str) -> list[Case]:
    with (CASES / f"{name}.toml").open("rb") as fh:
        rows: list[dict[str, Any]] = tomllib.load(fh)["case"]
    cases = []
    for row in rows:
        expect = list(row.get("expect", []))
        select = list(row.get("select") or sorted({e.split()[0] for e in expect}))
        assert select, f"case {row['id']}: say which rules it is about (select) when nothing is expected"
        cases.append(
            Case(
                row["id"],
                row.get("text", ""),
                expect,
                select,
                row.get("file", "x.txt"),
                row.get("fixed"),
                row.get("severity", {}),
                row.get("files", {}),
                row.get("reference", []),
            )
        )
    return cases


def run(case: Case, *, fix: bool = False) -> FileResult:
    policy = make_policy(Config(), Settings(select=case.select))
    return check_bytes(case.file, case.text.encode("utf-8"), policy, fix=fix)


def rendered(result: FileResult) -> list[str]:
    out = []
    for d in result.diagnostics:
        at = locate(result, d.span)
        out.append(f"{d.code} {at.line}:{at.column}-{at.end_line}:{at.end_column}")
    return out


def run_batch_case(case: Case) -> list[str]:
    """The diagnostics of a batch case, as ``CODE name line:column-end_line:end_column``."""
    import tempfile

    from summarylint.batch.run import BatchOptions, run_batch
    from summarylint.files import Candidate

    policy = make_policy(Config(), Settings(select=case.select))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in case.files.items():
            (root / name).write_text(text, encoding="utf-8")
        checked = [Candidate(root / n, explicit=True) for n in sorted(case.files) if n not in case.reference]
        references = [Candidate(root / n, explicit=True) for n in sorted(case.reference)]
        run = run_batch(checked, policy, BatchOptions(jobs=1, cache=False, references=references))
        out = []
        for result in run.results:
            assert result.error is None, result.error
            for d in result.diagnostics:
                at = locate(result, d.span)
                name = Path(result.path).name
                out.append(f"{d.code} {name} {at.line}:{at.column}-{at.end_line}:{at.end_column}")
                assert d.related, "a batch finding names the other places"
                assert all("\u4e00" <= ch <= "\u9fff" for ch in d.message[:2]), "messages are in Chinese"
        return out


def check_case(case: Case) -> None:
    if case.files:
        assert sorted(run_batch_case(case)) == sorted(case.expect)
        return
    result = run(case)
    assert result.error is None, result.error
    assert sorted(rendered(result)) == sorted(case.expect), [d.message for d in result.diagnostics]
    for key, level in case.severity.items():
        code, where = key.split()
        matching = [
            d
            for d in result.diagnostics
            if d.code == code and f"{locate(result, d.span).line}:{locate(result, d.span).column}" == where
        ]
        assert matching and matching[0].severity.value == level, key
    registry = builtin_registry()
    for d in result.diagnostics:
        assert d.message and any("\u4e00" <= ch <= "\u9fff" for ch in d.message), "messages are in Chinese"
        rule = registry.get(d.code)
        if rule is not None:  # the fix made is of the kind the rule's metadata declares
            assert fix_kind(d) in ALLOWED_FIXES[rule.meta.fix], (d.code, rule.meta.fix.value, fix_kind(d))
    if case.fixed is not None:
        fixed = run(case, fix=True)
        assert fixed.document is not None
        assert fixed.document.source == case.fixed


#: a document of a batch rule's example: ``name.txt：text`` (the name's suffix picks the reader)
_EXAMPLE_DOCUMENT = re.compile(r"^(?P<name>[^\s：]+\.(?:txt|md))：(?P<text>.*)$")


#: the fixes (their applicability, None for a finding without one) a rule may make, by its declared ``fix``
ALLOWED_FIXES: dict[FixKind, set[str | None]] = {
    FixKind.NONE: {None},
    FixKind.SAFE: {"safe"},
    FixKind.SUGGEST: {None, "unsafe"},
    FixKind.SOMETIMES: {None, "safe", "unsafe"},
}


def fix_kind(diagnostic: Diagnostic) -> str | None:
    return diagnostic.fix.applicability.value if diagnostic.fix else None


def example_documents(meta: RuleMeta, example: str) -> dict[str, str]:
    """The documents of a documentation example (name → text): the example itself, in a file of the
    rule's ``example_format``, or for a batch rule the documents it lists, one per ``name.txt：`` line."""
    if meta.scope == "document":
        return {"example.md" if meta.example_format == "markdown" else "example.txt": example + "\n"}
    documents: dict[str, list[str]] = {}
    for line in example.splitlines():
        start = _EXAMPLE_DOCUMENT.match(line)
        if start:
            documents[start["name"]] = [start["text"]]
        else:
            assert documents, f"{meta.code}: a batch example starts with a document name (甲.txt：……): {example!r}"
            documents[next(reversed(documents))].append(line)
    assert len(documents) >= 2, f"{meta.code}: a batch example names two or more documents: {example!r}"
    return {name: "\n".join(lines) + "\n" for name, lines in documents.items()}


def example_findings(meta: RuleMeta, example: str) -> list[Diagnostic]:
    """The findings of rule ``meta`` on one documentation example, linted with the default settings and
    the rule turned on (also when it is off by default or in the default profile)."""
    policy = make_policy(Config(), Settings(extend_select=[meta.code]))
    documents = example_documents(meta, example)
    if meta.scope == "document":
        [(name, text)] = documents.items()
        results = [check_bytes(name, text.encode("utf-8"), policy)]
    else:
        import tempfile

        from summarylint.batch.run import BatchOptions, run_batch
        from summarylint.files import Candidate

        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            for name, text in documents.items():
                (root / name).write_text(text, encoding="utf-8")
            candidates = [Candidate(root / name, explicit=True) for name in documents]
            results = run_batch(candidates, policy, BatchOptions(jobs=1, cache=False)).results
    for result in results:
        assert result.error is None, result.error
    return [d for result in results for d in result.diagnostics if d.code == meta.code]
