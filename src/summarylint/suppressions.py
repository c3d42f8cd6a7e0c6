"""Inline suppression directives, in every format, and the checks of the directives themselves.

A directive is ``summarylint-VERB CODES``; CODES are rule codes, prefixes, names or categories
separated by spaces or commas, or ``all``; at least one is required.  An explanation may follow
`` -- ``.  Verbs (markdownlint's spellings):

* ``disable`` … ``enable``: from the directive to the matching ``enable`` (or the end of the file);
* ``disable-line``: the line the directive is on;
* ``disable-next-line``: the next non-blank line;
* ``disable-file``: the whole file.

Where directives are written:

* Markdown: an HTML comment, ``<!-- summarylint-disable-next-line PH004 -->``; ``disable-line`` may
  end the line it is about;
* plain text: a line of its own starting with ``//`` or ``#`` (``# summarylint-disable NU001``);
  since the directive has its line to itself, ``disable-line`` means the next non-blank line, like
  ``disable-next-line``;
* Word: a comment (Review → New Comment) whose text is a directive; it covers the paragraphs the
  comment is attached to, whatever the verb, except ``disable-file``.

Problems with directives are findings of the ``suppression`` family, reported here because they
depend on the other rules' findings: SU001 (a directive without codes, with an unknown verb or an
unknown code) and SU002 (a directive, or one code of it, that suppressed nothing although its rules
ran).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from summarylint.config import ConfigError
from summarylint.diagnostics import Diagnostic
from summarylint.document import Document, Format
from summarylint.policy import Policy, parse_selector
from summarylint.rules import Registry, Rule
from summarylint.source import Span

VERBS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
INVALID, UNUSED = "SU001", "SU002"

_MARKDOWN = re.compile(r"<!--\s*summarylint-(?P<verb>[A-Za-z-]*)(?P<names>.*?)-->", re.S)
_TEXT = re.compile(r"(?m)^[ \t\u3000]*(?://|#)[ \t]*summarylint-(?P<verb>[A-Za-z-]*)(?P<names>[^\n]*)$")
_WORD = re.compile(r"^\s*summarylint-(?P<verb>[A-Za-z-]*)(?P<names>.*)$", re.S)
_SEPARATORS = re.compile(r"[\s,，、;；]+")
_REASON = re.compile(r"\s--\s.*$|^--\s.*$", re.S)


@dataclass
class Directive:
    verb: str
    span: Span  # where the directive is written (for Word: the paragraphs its comment covers)
    names: list[str]
    codes: dict[str, frozenset[str]]  # name → the codes it selects (known names only)
    unknown: list[str]
    scope: Span | None = None
    ends: dict[str, int] = field(default_factory=dict)  # code → where an ``enable`` ended it (``disable`` only)
    used: set[str] = field(default_factory=set)  # names that suppressed at least one finding

    @property
    def all_codes(self) -> frozenset[str]:
        return frozenset().union(*self.codes.values()) if self.codes else frozenset()


def _parse_names(registry: Registry, text: str) -> tuple[list[str], dict[str, frozenset[str]], list[str]]:
    names = [w for w in _SEPARATORS.split(_REASON.sub("", text.strip())) if w]
    codes: dict[str, frozenset[str]] = {}
    unknown: list[str] = []
    for name in names:
        if name.lower() == "all":
            codes[name] = frozenset(registry.codes())
            continue
        try:
            codes[name] = parse_selector(registry, name, "").codes
        except ConfigError:
            unknown.append(name)
    return names, codes, unknown


def _found(doc: Document) -> Iterator[tuple[str, str, Span]]:
    """(verb, names, span) of every directive of ``doc``."""
    if doc.format is Format.DOCX:
        for comment in doc.comments:
            m = _WORD.match(comment.text)
            if m:
                yield m.group("verb"), m.group("names"), comment.span
        return
    if "summarylint-" not in doc.source:
        return
    pattern = _MARKDOWN if doc.format is Format.MARKDOWN else _TEXT
    for m in pattern.finditer(doc.source):
        yield m.group("verb"), m.group("names"), Span(m.start(), m.end())


def _line_end(source: str, offset: int) -> int:
    end = source.find("\n", offset)
    return len(source) if end < 0 else end


def _next_line(source: str, after: int) -> Span:
    start = _line_end(source, after) + 1
    while start < len(source) and source[start] in "\r\n":
        start += 1  # blank lines between the directive and the line it is about
    start = min(start, len(source))
    return Span(start, _line_end(source, start))


def parse_directives(doc: Document, registry: Registry) -> list[Directive]:
    """The directives of ``doc`` with the source span each one covers (``scope``; None when it covers
    nothing: an ``enable``, or an invalid directive)."""
    source = doc.source
    whole = Span(0, len(source) + 1)
    directives: list[Directive] = []
    open_ranges: list[Directive] = []  # every disable so far (an enable ends only what is still open)
    word = doc.format is Format.DOCX
    for verb, text, span in _found(doc):
        names, codes, unknown = _parse_names(registry, text)
        directive = Directive(verb, span, names, codes, unknown)
        directives.append(directive)
        if verb not in VERBS or not names:
            continue
        if verb == "disable-file":
            directive.scope = whole
        elif word:
            directive.scope = span if verb != "enable" else None
        elif verb == "disable-next-line" or (verb == "disable-line" and doc.format is Format.TEXT):
            directive.scope = _next_line(source, span.end)
        elif verb == "disable-line":
            line_start = source.rfind("\n", 0, span.start) + 1
            directive.scope = Span(line_start, _line_end(source, span.end))
        elif verb == "disable":
            directive.scope = Span(span.end, len(source) + 1)
            open_ranges.append(directive)
        else:  # enable: ends the codes it names in every open range
            for opened in open_ranges:
                for code in opened.all_codes & directive.all_codes:
                    opened.ends.setdefault(code, span.start)
    return directives


def _suppress(diagnostics: Iterable[Diagnostic], directives: list[Directive], *, mark: bool) -> list[Diagnostic]:
    kept = []
    for d in diagnostics:
        hit = False
        for directive in directives:
            scope = directive.scope
            if scope is None or not scope.start <= d.span.start < directive.ends.get(d.code, scope.end):
                continue
            for name, codes in directive.codes.items():
                if d.code in codes:
                    hit = True
                    if mark:
                        directive.used.add(name)
        if not hit:
            kept.append(d)
    return kept


def suppressed_offsets(doc: Document, registry: Registry, code: str, offsets: Iterable[int]) -> set[int]:
    """The offsets among ``offsets`` where a directive of ``doc`` turns ``code`` off: for the rules of
    the batch stage, which report after the document's own pass (DU101)."""
    directives = parse_directives(doc, registry)
    found: set[int] = set()
    if not directives:
        return found
    for offset in offsets:
        for directive in directives:
            scope = directive.scope
            if scope is None or not scope.start <= offset < directive.ends.get(code, scope.end):
                continue
            if any(code in codes for codes in directive.codes.values()):
                found.add(offset)
                break
    return found


def _invalid(directive: Directive) -> str | None:
    if directive.verb not in VERBS:
        allowed = "、".join(f"summarylint-{v}" for v in VERBS)
        return f"未知的抑制指令“summarylint-{directive.verb}”（可用：{allowed}）"
    if not directive.names:
        return f"抑制指令“summarylint-{directive.verb}”没有写规则代码；关闭全部规则请写 all"
    if directive.unknown:
        return f"抑制指令中的“{'、'.join(directive.unknown)}”不是已知的规则代码、名称、前缀或类别，不起作用"
    return None


def _unused(directive: Directive, enabled: frozenset[str]) -> list[str]:
    """The names of ``directive`` that suppressed nothing although some rule they name ran."""
    if directive.scope is None or directive.verb == "enable":
        return []
    return [n for n, codes in directive.codes.items() if n not in directive.used and codes & enabled]


def apply_suppressions(
    doc: Document, diagnostics: list[Diagnostic], policy: Policy, rules: Iterable[Rule]
) -> list[Diagnostic]:
    """``diagnostics`` without those a directive of ``doc`` turns off, plus the findings about the
    directives (SU001, SU002) when those rules are among ``rules``."""
    directives = parse_directives(doc, policy.registry)
    if not directives:
        return diagnostics
    kept = _suppress(diagnostics, directives, mark=True)
    chosen = {rule.code: rule for rule in rules}
    own: list[Diagnostic] = []
    invalid, unused = chosen.get(INVALID), chosen.get(UNUSED)
    # a batch rule finds nothing in this pass: a directive naming it is not unused
    enabled = frozenset(
        code for code, rule in chosen.items() if not code.startswith("SU") and rule.meta.scope != "batch"
    )
    for directive in directives:
        message = _invalid(directive) if invalid is not None else None
        if message is not None and invalid is not None:
            own.append(_diagnostic(invalid, policy, message, directive.span))
        names = _unused(directive, enabled) if unused is not None else []
        if names and unused is not None:
            what = "这条抑制指令" if len(names) == len(directive.codes) else f"抑制指令中的“{'、'.join(names)}”"
            message = f"{what}没有抑制任何问题，可以删去（summarylint-{directive.verb}）"
            own.append(_diagnostic(unused, policy, message, directive.span))
    return kept + _suppress(own, directives, mark=False)


def _diagnostic(rule: Rule, policy: Policy, message: str, span: Span) -> Diagnostic:
    meta = rule.meta
    return Diagnostic(meta.code, meta.name, meta.category, policy.severity(rule, None), message, span)
