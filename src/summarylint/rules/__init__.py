"""The rule registry: built-in rules (metadata from ``rules/builtin/*.toml`` + check functions).

A rule that moved to another family keeps its old code as a *redirect* (:data:`REDIRECTS`): the old
code is accepted wherever a code is (``--select``, ``ignore``, ``severity``, ``per-file-ignores``,
suppression comments, baselines, ``summarylint rule``) and means the rule under its new code.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Iterator
from functools import cache

from pydantic import ValidationError

from summarylint.diagnostics import Category
from summarylint.resources import data_dir
from summarylint.rules.base import Context, FixKind, Rule, RuleMeta, check, registered_checks

#: Modules holding the check functions, one per family.
_FAMILIES = (
    "summarylint.rules.numbering",
    "summarylint.rules.structure",
    "summarylint.rules.placeholder",
    "summarylint.rules.boilerplate",
    "summarylint.rules.typo",
    "summarylint.rules.missing_figure",
    "summarylint.rules.garbled",
    "summarylint.rules.broken_paragraph",
    "summarylint.rules.duplicate",
    "summarylint.rules.punctuation",
    "summarylint.rules.number_usage",
    "summarylint.rules.suppression",
)


#: Old code → new code of the rules that moved to another family (the old code keeps working).
REDIRECTS: dict[str, str] = {
    "DU005": "WD012",  # stuttered-function-word: from duplicate to typo
    "DU006": "WD013",  # stuttered-word: from duplicate to typo
}
_FORMER = {new: old for old, new in REDIRECTS.items()}


def redirected(code: str) -> str:
    """The current code of ``code`` (itself unless the rule moved)."""
    return REDIRECTS.get(code, code)


def first_code(code: str) -> str:
    """The code a rule had first: findings keep their identity (fingerprints) when their rule moves."""
    while code in _FORMER:
        code = _FORMER[code]
    return code


class Registry:
    """All known rules, by code and by name; old codes of moved rules lead to the rule (:data:`REDIRECTS`)."""

    def __init__(self, rules: list[Rule]) -> None:
        self._by_code = {r.code: r for r in sorted(rules, key=lambda r: r.code)}
        self._by_name = {r.meta.name: r for r in rules}
        self._redirects = {old: new for old, new in REDIRECTS.items() if new in self._by_code}

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, key: str) -> Rule | None:
        """A rule by code (``NU001``, ``NU-001``, ``nu001``) or by name (``arabic-ordinal-dunhao``)."""
        code = key.replace("-", "").upper()
        code = self._redirects.get(code, code)
        return self._by_code.get(code) or self._by_name.get(key.lower())

    def moved(self, key: str) -> str | None:
        """The new code when ``key`` is the old code of a rule that moved (``DU005`` → ``WD012``)."""
        return self._redirects.get(key.replace("-", "").upper())

    def codes(self) -> list[str]:
        return list(self._by_code)

    def categories(self) -> set[str]:
        return {c.value for c in Category}


def load_builtin_meta() -> list[RuleMeta]:
    """Read and validate every ``rules/builtin/*.toml`` file."""
    metas: list[RuleMeta] = []
    for path in sorted((data_dir("rules") / "builtin").glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for entry in data.get("rule", []):
            try:
                metas.append(RuleMeta.model_validate(entry))
            except ValidationError as exc:  # a packaging error, not a user error
                raise RuntimeError(f"{path.name}: rule {entry.get('code', '?')}: {exc}") from exc
    return metas


@cache
def builtin_registry() -> Registry:
    for module in _FAMILIES:
        importlib.import_module(module)
    checks = registered_checks()
    metas = load_builtin_meta()
    missing = {m.code for m in metas} ^ set(checks)
    if missing:
        raise RuntimeError(f"rules without both metadata and a check: {sorted(missing)}")
    stale = {old for old, new in REDIRECTS.items() if old in checks or new not in checks}
    if stale:
        raise RuntimeError(f"redirects from a code in use or to no rule: {sorted(stale)}")
    return Registry([Rule(meta, checks[meta.code]) for meta in metas])


__all__ = [
    "REDIRECTS",
    "Context",
    "FixKind",
    "Registry",
    "Rule",
    "RuleMeta",
    "builtin_registry",
    "check",
    "first_code",
    "redirected",
]
