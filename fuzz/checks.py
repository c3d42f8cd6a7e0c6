"""What every fuzz target checks after a run: the invariants the property tests check, on any input."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from summarylint.api import check_bytes, make_policy
from summarylint.linter import FileResult
from summarylint.policy import Policy
from summarylint.reporters.common import locate

_POLICY: Policy | None = None


def policy() -> Policy:
    global _POLICY
    if _POLICY is None:
        _POLICY = make_policy()
    return _POLICY


class InvariantError(AssertionError):
    """A property every check must keep was broken: the fuzzer reports the input as a crash."""


def check(name: str, data: bytes) -> FileResult:
    """Check ``data`` as file ``name`` through the public API and verify the result."""
    result = check_bytes(name, data, policy())
    if result.document is None:
        if not result.error or "\n" in result.error:
            raise InvariantError(f"no document and no one-line error: {result.error!r}")
        return result
    if result.error and "内部错误" in result.error:
        raise InvariantError(result.error)  # a rule failed (contained by the linter, but a bug)
    source = result.document.source
    for d in result.diagnostics:
        spans = [d.span] + ([e.span for e in d.fix.edits] if d.fix else [])
        for span in spans:
            if not 0 <= span.start <= span.end <= len(source):
                raise InvariantError(f"{d.code}: span {span} outside a document of {len(source)} characters")
            where = locate(result, span)
            lines = result.document.lines
            start = lines.line_start(where.line) + where.column - 1
            end = lines.line_start(where.end_line) + where.end_column - 1
            if (start, end) != (span.start, span.end):
                raise InvariantError(f"{d.code}: line/column {where} do not give back span {span}")
    return result


def run(seed: Callable[[Path], None], test_one_input: Callable[[bytes], None]) -> None:
    """A target's command line: the first argument that is not an option is the corpus folder, seeded
    with the target's starting inputs; then libFuzzer runs ``test_one_input``."""
    import atheris

    corpus = [a for a in sys.argv[1:] if not a.startswith("-")]
    if corpus:
        seed(Path(corpus[0]))
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
