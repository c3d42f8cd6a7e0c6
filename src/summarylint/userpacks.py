"""User rule packs: declarative rules a team adds with ``extend-rule-packs = ["team-rules.toml"]``.

A pack is a TOML file of ``[[rule]]`` entries.  Each entry has a ``kind``:

* ``existence`` — ``patterns`` that must not appear;
* ``substitution`` — ``pairs`` of wrong pattern → right text (a suggested fix);
* ``occurrence`` — ``patterns`` allowed at most ``max`` times per ``scope`` (document or paragraph);
* ``consistency`` — two or more alternative ``patterns``: when several appear in one document, the
  forms used less often are reported.

and the common fields ``code``, ``name``, ``category``, ``severity``, ``message`` (``{match}``,
``{replacement}``, ``{count}``, ``{max}`` are filled in), ``exceptions`` (a match inside an exception
match is skipped) and optional ``summary``, ``wrong``, ``right``, ``enabled``.

Patterns are compiled with the ``regex`` package.  Before compiling, the size of the compiled
pattern is estimated from its counted repeats (``(?:a{1000}){10000}`` unrolls to ten million
steps and takes gigabytes to compile): above :data:`MAX_PATTERN_SIZE` the pack is a configuration
error.  Every search runs with a timeout, and all the searches of one entry in one file share a
budget of :data:`RULE_BUDGET` seconds, so a slow pattern stops itself for that file (with one
warning naming the entry) instead of hanging the run.  A broken pack is a configuration error
naming the file, the entry and the problem.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import regex  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from summarylint.config import Config, ConfigError, read_toml
from summarylint.diagnostics import Category, Edit, Finding, Fix, Severity
from summarylint.rules import REDIRECTS, Registry, builtin_registry
from summarylint.rules.base import Context, FixKind, Rule, RuleMeta
from summarylint.source import Span
from summarylint.views.blocks import Block

#: Seconds one search of one pattern may take before the entry is stopped for the document.
MATCH_TIMEOUT = 0.2
#: Seconds all the searches of one entry may take in one file before it is stopped for that file.
RULE_BUDGET = 2.0
#: Largest estimated size of a compiled pattern (characters and classes, counted repeats unrolled).
MAX_PATTERN_SIZE = 100_000
CODE_PATTERN = r"^[A-Z]{2,4}\d{3}$"


class Kind(StrEnum):
    EXISTENCE = "existence"
    SUBSTITUTION = "substitution"
    OCCURRENCE = "occurrence"
    CONSISTENCY = "consistency"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    category: Category
    severity: Severity
    message: str = Field(min_length=1)
    exceptions: list[str] = Field(default_factory=list)
    summary: str | None = None
    wrong: list[str] = Field(default_factory=list)
    right: list[str] = Field(default_factory=list)
    enabled: bool = True


class Existence(_Entry):
    kind: Literal[Kind.EXISTENCE]
    patterns: list[str] = Field(min_length=1)


class Substitution(_Entry):
    kind: Literal[Kind.SUBSTITUTION]
    pairs: dict[str, str] = Field(min_length=1)


class Occurrence(_Entry):
    kind: Literal[Kind.OCCURRENCE]
    patterns: list[str] = Field(min_length=1)
    max: int = Field(ge=0)
    scope: Literal["document", "paragraph"] = "document"


class Consistency(_Entry):
    kind: Literal[Kind.CONSISTENCY]
    patterns: list[str] = Field(min_length=2)


PackEntry = Annotated[Existence | Substitution | Occurrence | Consistency, Field(discriminator="kind")]
_ADAPTER: TypeAdapter[PackEntry] = TypeAdapter(PackEntry)

_FIELD_NAMES = {
    "code": "代码",
    "name": "名称",
    "category": "类别",
    "severity": "级别",
    "message": "提示信息",
    "patterns": "patterns",
    "pairs": "pairs",
    "max": "max",
    "scope": "scope",
    "kind": "kind",
}


# ---------------------------------------------------------------- loading and validation


class _Timeout(Exception):
    """A search of a pack entry took longer than :data:`MATCH_TIMEOUT`, or the entry used up its budget."""

    def __init__(self, pattern: str, *, budget: bool) -> None:
        super().__init__(pattern)
        self.pattern = pattern
        self.budget = budget  # the entry's time in this file was used up
        self.block: Block | None = None  # where it happened


class _Budget:
    """What is left of an entry's :data:`RULE_BUDGET` in one file."""

    __slots__ = ("deadline",)

    def __init__(self) -> None:
        self.deadline = time.monotonic() + RULE_BUDGET

    def left(self) -> float:
        return self.deadline - time.monotonic()


def _describe(error: dict[str, Any]) -> str:
    """One Chinese line for the first pydantic error of an entry."""
    loc = ".".join(str(part) for part in error["loc"][1:] if not isinstance(part, int)) or ".".join(
        str(part) for part in error["loc"]
    )
    field = str(error["loc"][-1]) if error["loc"] else ""
    kind = error["type"]
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        allowed = "、".join(k.value for k in Kind)
        if kind == "union_tag_not_found":
            return f"缺少字段“kind”（可选：{allowed}）"
        given = error["input"].get("kind") if isinstance(error["input"], dict) else "?"
        return f"未知的规则类型“{given}”（可选：{allowed}）"
    if kind == "missing":
        return f"缺少字段“{field}”"
    if kind == "extra_forbidden":
        return f"未知字段“{field}”"
    if kind == "string_pattern_mismatch" and field == "code":
        return f"代码“{error['input']}”格式不对（应为 2～4 个大写字母加 3 位数字，如 TM001）"
    if kind == "string_pattern_mismatch" and field == "name":
        return f"名称“{error['input']}”应为小写字母、数字和连字符（kebab-case）"
    if kind == "enum":
        return f"字段“{loc}”的值 {error['input']!r} 无效（{error['msg']}）"
    return f"字段“{loc}”无效：{error['msg']}"


_COUNTED = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


def pattern_size(pattern: str) -> int:
    """An upper estimate of the size of ``pattern`` compiled: one per character, class or escape,
    a counted repeat ``{m,n}`` multiplying what it repeats by the larger of its bounds."""
    frames = [0]  # the size of each open group, outermost first
    last = 0  # the size of the atom a quantifier would apply to
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            if i < n and pattern[i] == "{" and pattern[i - 1] in "pPNxgku":  # \p{Han}, \x{4e00}, \g{1}
                close = pattern.find("}", i)
                i = n if close < 0 else close + 1
            last = 1
        elif ch == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            depth = 1
            while i < n and depth:
                if pattern[i] == "\\":
                    i += 1
                elif pattern[i] == "[":
                    depth += 1  # nested sets (regex's V1 syntax)
                elif pattern[i] == "]":
                    depth -= 1
                i += 1
            last = 1
        elif ch == "(":
            frames.append(0)
            i += 1
            last = 0
            continue
        elif ch == ")":
            last = frames.pop() if len(frames) > 1 else 0
            i += 1
        elif ch == "{" and (m := _COUNTED.match(pattern, i)) and (m.group(1) or m.group(2)):
            bound = max(int(m.group(1) or 0), int(m.group(2) or 0), 1)
            frames[-1] += last * (bound - 1)  # the atom itself was counted once already
            last *= bound
            i = m.end()
            continue
        else:
            last = 0 if ch in "|*+?^$" else 1
            i += 1
        frames[-1] += last
        if frames[-1] > MAX_PATTERN_SIZE:
            break
    return sum(frames)


def _compile(pattern: str, where: str) -> regex.Pattern[str]:
    size = pattern_size(pattern)
    if size > MAX_PATTERN_SIZE:
        raise ConfigError(
            f"{where} 计数重复展开后过大（估计 {size:,} 步，上限 {MAX_PATTERN_SIZE:,}），"
            "编译会耗尽内存，请减小 {m,n} 中的次数"
        )
    try:
        return regex.compile(pattern)
    except (regex.error, TypeError) as exc:
        raise ConfigError(f"{where} 不是有效的正则表达式：{exc}") from None


@dataclass(frozen=True)
class PackRule:
    """One validated pack entry with its compiled patterns."""

    entry: Existence | Substitution | Occurrence | Consistency
    source: Path
    index: int  # 1-based position in its file
    patterns: tuple[tuple[str, regex.Pattern[str]], ...]
    replacements: tuple[str, ...]  # substitution: the right text for each pattern
    exceptions: tuple[regex.Pattern[str], ...]

    @property
    def label(self) -> str:
        return f"规则包 {self.source.name} 第 {self.index} 条（{self.entry.code}）"


def _pack_rule(entry: PackEntry, source: Path, index: int, where: str) -> PackRule:
    if isinstance(entry, Substitution):
        sources = list(entry.pairs)
        replacements = tuple(entry.pairs.values())
        field = "pairs"
    else:
        sources = list(entry.patterns)
        replacements = ()
        field = "patterns"
    patterns = []
    for i, text in enumerate(sources):
        if not text:
            raise ConfigError(f"{where}：{field}[{i}] 是空字符串")
        shown = f"“{text}”" if field == "pairs" else f"[{i}]"
        patterns.append((text, _compile(text, f"{where}：{field}{shown}")))
    exceptions = tuple(_compile(text, f"{where}：exceptions[{i}]") for i, text in enumerate(entry.exceptions))
    return PackRule(entry, source, index, tuple(patterns), replacements, exceptions)


def load_pack_file(path: Path, reserved: dict[str, str]) -> list[PackRule]:
    """Validate one pack file; ``reserved`` maps codes and names already taken to who took them
    (updated with this pack's entries).  Raises :class:`ConfigError` with a one-line message."""
    if not path.exists():
        raise ConfigError(f"{path}: 规则包文件不存在")
    data = read_toml(path, "规则包")
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise ConfigError(f"{path}: 规则包只能包含 [[rule]] 条目，不认识“{unknown[0]}”")
    raw = data.get("rule")
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{path}: 规则包中没有 [[rule]] 条目")
    rules = []
    for index, item in enumerate(raw, start=1):
        code = item.get("code", "?") if isinstance(item, dict) else "?"
        where = f"{path}: 第 {index} 条规则（{code}）"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}：应是一个表")
        try:
            entry = _ADAPTER.validate_python(item)
        except ValidationError as exc:
            raise ConfigError(f"{where}：{_describe(dict(exc.errors()[0]))}") from None
        for key, value in (("代码", entry.code), ("名称", entry.name)):
            if value in reserved:
                raise ConfigError(f"{where}：{key}“{value}”与{reserved[value]}重复")
        reserved[entry.code] = f"{path.name} 第 {index} 条规则"
        reserved[entry.name] = f"{path.name} 第 {index} 条规则"
        rules.append(_pack_rule(entry, path, index, where))
    return rules


# ---------------------------------------------------------------- matching


def _iter(pattern: tuple[str, regex.Pattern[str]], text: str, budget: _Budget) -> Iterator[regex.Match[str]]:
    """Matches of one pattern, each search limited to :data:`MATCH_TIMEOUT` seconds and to what is left
    of the entry's ``budget``."""
    pos = 0
    while pos <= len(text):
        left = budget.left()
        if left <= 0:
            raise _Timeout(pattern[0], budget=True)
        try:
            m = pattern[1].search(text, pos, timeout=min(MATCH_TIMEOUT, left))
        except TimeoutError:
            raise _Timeout(pattern[0], budget=left < MATCH_TIMEOUT) from None
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


def _exception_spans(rule: PackRule, text: str, budget: _Budget) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for i, compiled in enumerate(rule.exceptions):
        spans.extend(m.span() for m in _iter((rule.entry.exceptions[i], compiled), text, budget))
    return spans


@dataclass(frozen=True)
class _Hit:
    block: Block
    start: int
    end: int
    form: int  # index of the pattern that matched

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def _hits(rule: PackRule, blocks: Iterable[Block], budget: _Budget) -> Iterator[list[_Hit]]:
    """The matches of every pattern, one list per block (masked and excepted matches left out)."""
    for block in blocks:
        try:
            yield _block_hits(rule, block, budget)
        except _Timeout as stopped:
            stopped.block = block
            raise


def _block_hits(rule: PackRule, block: Block, budget: _Budget) -> list[_Hit]:
    text = block.text
    exceptions = _exception_spans(rule, text, budget) if rule.exceptions else []
    found = []
    for form, pattern in enumerate(rule.patterns):
        for m in _iter(pattern, text, budget):
            start, end = m.span()
            if start == end or block.masked(start, end):
                continue
            if any(s <= start and end <= e for s, e in exceptions):
                continue
            found.append(_Hit(block, start, end, form))
    found.sort(key=lambda h: (h.start, h.end))
    return found


def _message(template: str, **values: object) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def _existence(rule: PackRule, ctx: Context, budget: _Budget) -> Iterator[Finding]:
    for hits in _hits(rule, ctx.views.blocks, budget):
        for hit in hits:
            yield Finding(hit.block.span(hit.start, hit.end), _message(rule.entry.message, match=hit.text))


def _substitution(rule: PackRule, ctx: Context, budget: _Budget) -> Iterator[Finding]:
    for hits in _hits(rule, ctx.views.blocks, budget):
        for hit in hits:
            replacement = rule.replacements[hit.form]
            if hit.text == replacement:
                continue
            span = hit.block.span(hit.start, hit.end)
            message = _message(rule.entry.message, match=hit.text, replacement=replacement)
            yield Finding(span, message, fix=Fix.unsafe(Edit(span, replacement)))


def _occurrence(rule: PackRule, ctx: Context, budget: _Budget) -> Iterator[Finding]:
    entry = rule.entry
    assert isinstance(entry, Occurrence)
    groups = list(_hits(rule, ctx.views.blocks, budget))
    if entry.scope == "document":
        groups = [[hit for group in groups for hit in group]]
    for hits in groups:
        if len(hits) <= entry.max:
            continue
        for hit in hits[entry.max :]:
            message = _message(entry.message, match=hit.text, count=len(hits), max=entry.max)
            yield Finding(hit.block.span(hit.start, hit.end), message)


def _consistency(rule: PackRule, ctx: Context, budget: _Budget) -> Iterator[Finding]:
    hits = [hit for group in _hits(rule, ctx.views.blocks, budget) for hit in group]
    counts = [0] * len(rule.patterns)
    for hit in hits:
        counts[hit.form] += 1
    if sum(1 for c in counts if c) < 2:
        return
    majority = max(range(len(counts)), key=lambda i: (counts[i], -i))  # ties: the form listed first
    preferred = next(hit.text for hit in hits if hit.form == majority)
    for hit in hits:
        if hit.form != majority:
            message = _message(rule.entry.message, match=hit.text, replacement=preferred)
            yield Finding(
                hit.block.span(hit.start, hit.end),
                message,
                fix=Fix.unsafe(Edit(hit.block.span(hit.start, hit.end), preferred)),
            )


_RUNNERS: dict[Kind, Callable[[PackRule, Context, _Budget], Iterator[Finding]]] = {
    Kind.EXISTENCE: _existence,
    Kind.SUBSTITUTION: _substitution,
    Kind.OCCURRENCE: _occurrence,
    Kind.CONSISTENCY: _consistency,
}


def _check(rule: PackRule) -> Callable[[Context], Iterator[Finding]]:
    runner = _RUNNERS[rule.entry.kind]

    def run(ctx: Context) -> Iterator[Finding]:
        findings = runner(rule, ctx, _Budget())
        try:
            yield from findings
        except _Timeout as stopped:
            block = stopped.block
            where = block.span(0, len(block.text)) if block is not None else Span(0, 0)
            if stopped.budget:
                why = f"在本文件中的匹配已用满 {RULE_BUDGET:g} 秒（停在模式“{stopped.pattern}”）"
            else:
                why = f"的模式“{stopped.pattern}”单次匹配超时（超过 {MATCH_TIMEOUT:g} 秒）"
            yield Finding(where, f"{rule.label}{why}，本文件已停止执行这条规则", severity=Severity.WARNING)

    return run


# ---------------------------------------------------------------- rules for the registry


def _meta(rule: PackRule) -> RuleMeta:
    entry = rule.entry
    summary = entry.summary or _message(
        entry.message, match="…", replacement="…", count="N", max=getattr(entry, "max", "N")
    )
    fix = FixKind.SUGGEST if isinstance(entry, Substitution | Consistency) else FixKind.NONE
    # RuleMeta's own code pattern allows only two letters; pack codes were validated above.
    return RuleMeta.model_construct(
        code=entry.code,
        name=entry.name,
        category=entry.category,
        severity=entry.severity,
        fix=fix,
        enabled=entry.enabled,
        norm=f"用户规则包 {rule.source.name} 第 {rule.index} 条（{entry.kind.value}）",
        summary=summary,
        rationale=f"{summary}\n（来自规则包 {rule.source}）",
        wrong=list(entry.wrong),
        right=list(entry.right),
        notes="",
        jieba=False,
    )


def load_user_rules(paths: Sequence[Path], builtin: Iterable[Rule], redirects: Mapping[str, str]) -> list[Rule]:
    """Rules from the pack files ``paths``, checked against the built-in ``rules``, the old codes of
    moved rules (``redirects``: old code → new code) and each other."""
    reserved: dict[str, str] = {}
    for rule in builtin:
        reserved[rule.code] = "内置规则"
        reserved[rule.meta.name] = f"内置规则 {rule.code}"
    for old, new in redirects.items():
        reserved[old] = f"内置规则 {new} 的旧代码"
    rules = []
    for path in paths:
        for pack_rule in load_pack_file(path, reserved):
            rules.append(Rule(_meta(pack_rule), _check(pack_rule)))
    return rules


def registry_for(config: Config) -> Registry:
    """The built-in rules plus the rules of the user packs ``config`` names (``extend-rule-packs``,
    paths relative to the configuration file's folder); a broken pack raises :class:`ConfigError`."""
    builtin = builtin_registry()
    packs = config.settings.extend_rule_packs
    if not packs:
        return builtin
    base = config.path.parent if config.path is not None else config.root
    return Registry([*builtin, *load_user_rules([base / p for p in packs], builtin, REDIRECTS)])
