"""WD001 checks a curated confusion set (wrong form → right form) with context
guards, kept as data in ``rules/packs/typo-confusions.toml``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.diagnostics import Edit, Finding, Fix, Severity
from summarylint.packs import load_pack
from summarylint.rules.base import Context, check


class Confusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    wrong: str = Field(min_length=2)
    right: str = Field(min_length=1)
    idiom: bool = False
    after: str | None = None
    not_after: str | None = None
    before: str | None = None
    not_before: str | None = None
    severity: Severity | None = None
    source: str | None = None

    @property
    def guarded(self) -> bool:
        return any(g is not None for g in (self.after, self.not_after, self.before, self.not_before))


class ConfusionPack(BaseModel):
    """``rules/packs/typo-confusions.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entry: list[Confusion] = Field(min_length=1)


@dataclass(frozen=True)
class _Entry:
    item: Confusion
    after: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    not_before: re.Pattern[str] | None

    def accepts(self, text: str, start: int, end: int) -> bool:
        window = max(0, start - 12)
        if self.after is not None and not self.after.match(text, end):
            return False
        if self.not_after is not None and self.not_after.match(text, end):
            return False
        if self.before is not None and not self.before.search(text, window, start):
            return False
        return not (self.not_before is not None and self.not_before.search(text, window, start))


@dataclass(frozen=True)
class _Compiled:
    candidates: re.Pattern[str]
    by_first: dict[str, list[_Entry]]  # first character → entries, longest wrong form first


def _ending(pattern: str | None) -> re.Pattern[str] | None:
    return None if pattern is None else re.compile(f"(?:{pattern})$")


def _starting(pattern: str | None) -> re.Pattern[str] | None:
    return None if pattern is None else re.compile(pattern)


@cache
def _compiled() -> _Compiled:
    pack = load_pack("typo-confusions", ConfusionPack)
    entries = sorted(pack.entry, key=lambda e: -len(e.wrong))
    by_first: dict[str, list[_Entry]] = {}
    for item in entries:
        entry = _Entry(
            item, _starting(item.after), _starting(item.not_after), _ending(item.before), _ending(item.not_before)
        )
        by_first.setdefault(item.wrong[0], []).append(entry)
    alternation = "|".join(re.escape(e.wrong) for e in entries)
    return _Compiled(re.compile(alternation), by_first)


def curated_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` contains a wrong form of the confusion set (WD001's business, guarded or not)."""
    return [(m.start(), m.end()) for m in _compiled().candidates.finditer(text)]


def _severity(item: Confusion) -> Severity:
    if item.severity is not None:
        return item.severity
    return Severity.ERROR if item.idiom else Severity.WARNING


@check("WD001")
def confusion_set_typo(ctx: Context) -> Iterator[Finding]:
    c = _compiled()
    for block in ctx.views.blocks:
        text = block.text
        pos = 0
        while True:
            m = c.candidates.search(text, pos)
            if m is None:
                break
            start = m.start()
            chosen = None
            for entry in c.by_first.get(text[start], []):
                end = start + len(entry.item.wrong)
                if text.startswith(entry.item.wrong, start) and entry.accepts(text, start, end):
                    chosen = entry
                    break
            if chosen is None or block.masked(start, start + len(chosen.item.wrong)):
                pos = start + 1
                continue
            item = chosen.item
            end = start + len(item.wrong)
            span = block.span(start, end)
            edit = Edit(span, item.right)
            source = f"（{item.source}）" if item.source else ""
            yield Finding(
                span,
                f"“{item.wrong}”应写作“{item.right}”{source}",
                severity=_severity(item),
                fix=Fix.safe(edit) if item.idiom and not item.guarded else Fix.unsafe(edit),
            )
            pos = end
