"""Run rules over one document and turn their findings into diagnostics.

A long document (a compilation of many reports) is checked by two processes where the operating
system can fork: the views most rules share are built first, then a child process runs half of the
rules on the same document while this process runs the other half.  The results are the same as a
single process gives; if the child fails in any way, its rules are run here instead.
"""

from __future__ import annotations

import os
import pickle
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from summarylint.diagnostics import Diagnostic
from summarylint.document import Document, Format
from summarylint.policy import Policy
from summarylint.rules import Rule
from summarylint.rules.base import Context
from summarylint.source import LineExcerpt
from summarylint.suppressions import apply_suppressions
from summarylint.views import Views

#: Documents at least this long (in characters) are checked by two processes.
PARALLEL_MIN_CHARS = 300_000
#: Views nearly every rule reads, built before the work is divided so that it is done once.
_SHARED_VIEWS = ("markers", "outline", "splits", "blocks")
#: How the work is divided: rules of one family stay together (they share what they compute), the
#: placeholder rules go with the missing-figure rules (which read the placeholders), and families are
#: dealt out by their relative cost on a long compilation (bench/speed.py) so both halves take about
#: as long.  A family not listed weighs 1.
_TOGETHER = {"PH": "MF"}
_WEIGHTS = {"DU": 11, "MF": 8, "GA": 5, "PU": 3, "TB": 2, "NB": 2}


@dataclass
class FileResult:
    """The outcome of checking one input: its diagnostics, or the one-line reason it could not be read."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    fixed: int = 0
    note: str | None = None  # something the user should know that is not an error (--fix stopped early)
    original: str | None = None  # the source before fixes, when fixes changed it

    @property
    def fixed_source(self) -> str | None:
        """The fixed source text, when fixes changed the file."""
        return self.document.source if self.original is not None and self.document is not None else None

    #: characters of the document other than white space (kept when the document is not)
    characters: int | None = None

    @property
    def format(self) -> Format | None:
        return self.document.format if self.document else None

    def for_report(self, keep: Iterable[int] = ()) -> FileResult:
        """This result with only what reporters read of its document: the positions of the
        diagnostics and edits (and of the offsets in ``keep``), the text of their lines and the Word
        numbering labels."""
        doc = self.document
        if doc is None:
            return self
        keep = set(keep)
        offsets = set(keep)
        offsets |= {offset for d in self.diagnostics for offset in (d.span.start, d.span.end)}
        offsets |= {o for d in self.diagnostics if d.fix for e in d.fix.edits for o in (e.span.start, e.span.end)}
        # the paragraphs with a numbering label, and those with a finding (their text identifies the
        # finding in baselines and SARIF fingerprints, see summarylint.fingerprint)
        starts = [p.start for p in doc.paragraphs]
        found = {bisect_right(starts, d.span.start) - 1 for d in self.diagnostics}
        found |= {bisect_right(starts, offset) - 1 for offset in keep}  # findings the batch stage may add
        kept = tuple(p for k, p in enumerate(doc.paragraphs) if p.label or k in found)
        offsets |= {p.start for p in kept if p.label}
        slim = Document(doc.path, doc.format, "", kept, LineExcerpt(doc.lines, offsets), doc.encoding, doc.bom)
        return FileResult(
            self.path, slim, self.diagnostics, self.error, self.fixed, self.note, self.original, self.size
        )

    @property
    def size(self) -> int:
        """Characters of the document other than white space (0 when it could not be read)."""
        if self.characters is not None:
            return self.characters
        if self.document is None:
            return 0
        source = self.document.source
        return len(source) - sum(source.count(c) for c in " \t\r\n\u3000\xa0")


def _margin_of(doc: Document) -> Callable[[int], str]:
    """Where a source offset stands when it is in a Word page header or footer (``页眉``/``页脚``), else ``""``."""
    margins = [(p.start, p.end, p.margin) for p in doc.paragraphs if p.margin]
    if not margins:
        return lambda offset: ""
    return lambda offset: next((m for start, end, m in margins if start <= offset <= end), "")


def _run(doc: Document, views: Views, rules: Iterable[Rule], policy: Policy) -> tuple[list[Diagnostic], list[str]]:
    diagnostics: list[Diagnostic] = []
    failures: list[str] = []
    margin_of = _margin_of(doc)
    for rule in rules:
        meta = rule.meta
        try:
            for finding in rule.run(Context(doc, views, meta, policy.words)):
                margin = margin_of(finding.span.start)
                diagnostics.append(
                    Diagnostic(
                        meta.code,
                        meta.name,
                        meta.category,
                        policy.severity(rule, finding.severity),
                        f"（{margin}）{finding.message}" if margin else finding.message,
                        finding.span,
                        finding.fix,
                        finding.related,
                    )
                )
        except Exception as exc:  # a bug in one rule must not lose the other findings
            failures.append(f"规则 {meta.code} 内部错误（{type(exc).__name__}: {exc}），其余规则的结果不受影响")
    return diagnostics, failures


def _parallel(doc: Document, rules: Sequence[Rule]) -> bool:
    if len(doc.source) < PARALLEL_MIN_CHARS or len(rules) < 2:
        return False
    # forking a process that runs other threads is unsafe: a program embedding summarylint that runs
    # threads keeps to one process
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def _halves(rules: Sequence[Rule]) -> tuple[list[Rule], list[Rule]]:
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        family = rule.code[:2]
        groups.setdefault(_TOGETHER.get(family, family), []).append(rule)
    halves: tuple[list[Rule], list[Rule]] = ([], [])
    load = [0, 0]
    for family in sorted(groups, key=lambda f: (-_WEIGHTS.get(f, 1), f)):
        side = 0 if load[0] <= load[1] else 1
        halves[side].extend(groups[family])
        load[side] += _WEIGHTS.get(family, 1)
    return halves


def _in_two(doc: Document, views: Views, rules: Sequence[Rule], policy: Policy) -> tuple[list[Diagnostic], list[str]]:
    for name in _SHARED_VIEWS:
        getattr(views, name)
    theirs, mine = _halves(rules)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run its half, send the results, leave without running any exit handler
        status = 0
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                out.write(pickle.dumps(_run(doc, views, theirs, policy)))
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    diagnostics, failures = _run(doc, views, mine, policy)
    with os.fdopen(read_end, "rb") as incoming:
        data = incoming.read()
    _, status = os.waitpid(pid, 0)
    try:
        if status != 0:
            raise ValueError("the second process failed")
        other: tuple[list[Diagnostic], list[str]] = pickle.loads(data)
    except Exception:
        other = _run(doc, views, theirs, policy)
    return diagnostics + other[0], failures + other[1]


def lint_document(doc: Document, rules: Iterable[Rule], policy: Policy) -> tuple[list[Diagnostic], list[str]]:
    """All diagnostics of ``rules`` on ``doc`` that no suppression comment turns off, sorted by position,
    and any rule failures."""
    views = Views(doc)
    chosen = list(rules)
    if _parallel(doc, chosen):
        diagnostics, failures = _in_two(doc, views, chosen, policy)
    else:
        diagnostics, failures = _run(doc, views, chosen, policy)
    diagnostics = apply_suppressions(doc, diagnostics, policy, chosen)
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    failures.sort()
    return diagnostics, failures
