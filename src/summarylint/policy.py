"""Which rules run on which file and at what severity: selection, per-file ignores, severity overrides.

The profile (``summary``, ``gongwen``, ``lenient``) decides the default set of rules and their
severities: a rule's metadata may give it another severity in a profile, or turn it on or off there;
``lenient`` keeps only the error rules of the families that find unfinished or damaged text.

A selector is ``ALL``, a category (``numbering``), a code prefix (``NU``, ``NU00``), a code
(``NU001``) or a rule name (``arabic-ordinal-dunhao``).  For each rule the most specific matching
selector decides; between a ``select`` and an ``ignore`` of equal specificity, ``ignore`` wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from summarylint.config import Config, ConfigError, Profile, Settings, team_words
from summarylint.diagnostics import Severity
from summarylint.rules import Registry, Rule

_EXACT = 100
#: ``lenient``: error rules of these families (unfinished, copied or damaged text), and these rules
LENIENT_FAMILIES = ("PH", "MF", "TB", "GA", "DU")
LENIENT_RULES = frozenset({"PU005"})
_PREFIX = re.compile(r"^[A-Z]{2}\d{0,2}$")


@dataclass(frozen=True)
class Selector:
    text: str
    codes: frozenset[str]
    specificity: int


def parse_selector(registry: Registry, text: str, where: str) -> Selector:
    """Resolve one selector; raise :class:`ConfigError` naming ``where`` when it matches nothing."""
    raw = text.strip()
    if raw.upper() == "ALL":
        return Selector(raw, frozenset(registry.codes()), 0)
    if raw.lower() in registry.categories():
        codes = frozenset(r.code for r in registry if r.meta.category.value == raw.lower())
        return Selector(raw, codes, 1)
    rule = registry.get(raw)
    if rule is not None:
        return Selector(raw, frozenset({rule.code}), _EXACT)
    prefix = raw.replace("-", "").upper()
    if _PREFIX.match(prefix):
        codes = frozenset(c for c in registry.codes() if c.startswith(prefix))
        if codes:
            return Selector(raw, codes, len(prefix) + 1)
    raise ConfigError(f"{where}: “{raw}”不是已知的规则代码、名称、代码前缀或类别（用 summarylint rules 查看全部规则）")


def path_matches(pattern: str, path: Path, root: Path) -> bool:
    """gitignore-like matching: a pattern without ``/`` matches any path component, otherwise the
    path relative to ``root``."""
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return any(fnmatchcase(part, pattern) for part in Path(relative).parts)
    pattern = pattern.lstrip("/")
    return fnmatchcase(relative, pattern) or fnmatchcase(relative, pattern + "/*") or relative.startswith(pattern + "/")


class Policy:
    """Rule selection and severities resolved from one :class:`Config` (validated on construction)."""

    def __init__(self, registry: Registry, config: Config, overrides: Settings | None = None) -> None:
        self.registry = registry
        self.config = config
        settings = config.settings
        where = config.label
        if overrides is not None:  # command-line --select/--ignore/--extend-select
            settings = settings.model_copy(
                update={
                    "select": overrides.select if overrides.select is not None else settings.select,
                    "ignore": [*settings.ignore, *overrides.ignore],
                    "extend_select": [*settings.extend_select, *overrides.extend_select],
                    "profile": overrides.profile or settings.profile,
                }
            )
        self.settings = settings
        self.profile = settings.profile or Profile.SUMMARY
        self._select = (
            [parse_selector(registry, s, where) for s in settings.select] if settings.select is not None else None
        )
        self._extend = [parse_selector(registry, s, where) for s in settings.extend_select]
        self._ignore = [parse_selector(registry, s, where) for s in settings.ignore]
        self._severity = [(parse_selector(registry, k, where), v) for k, v in settings.severity.items()]
        self._per_file = [
            (pattern, [parse_selector(registry, s, f"{where}: per-file-ignores “{pattern}”") for s in selectors])
            for pattern, selectors in settings.per_file_ignores.items()
        ]
        self._enabled = self._resolve([])
        #: words the typo rules never question (``[typo]`` in the configuration)
        self.words = team_words(config)

    @staticmethod
    def _best(selectors: Iterable[Selector], code: str) -> int:
        return max((s.specificity for s in selectors if code in s.codes), default=-1)

    def _profile_severity(self, rule: Rule) -> Severity | None:
        value = rule.meta.profiles.get(self.profile)
        return value if isinstance(value, Severity) else None

    def default_on(self, rule: Rule) -> bool:
        """Whether ``rule`` runs in the profile when the configuration selects nothing explicitly."""
        meta = rule.meta
        value = meta.profiles.get(self.profile)
        if value == "off":
            return False
        if value is not None:
            return True
        if self.profile is Profile.LENIENT:
            family = meta.code.startswith(LENIENT_FAMILIES) or meta.code in LENIENT_RULES
            return meta.enabled and family and meta.severity is Severity.ERROR
        return meta.enabled

    def _resolve(self, extra_ignores: Sequence[Selector]) -> list[Rule]:
        enabled = []
        for rule in self.registry:
            chosen = (
                (0 if self.default_on(rule) else -1) if self._select is None else self._best(self._select, rule.code)
            )
            chosen = max(chosen, self._best(self._extend, rule.code))
            ignored = max(self._best(self._ignore, rule.code), self._best(extra_ignores, rule.code))
            if chosen >= 0 and chosen > ignored:
                enabled.append(rule)
        return enabled

    def rules_for(self, path: Path | None) -> list[Rule]:
        if path is None or not self._per_file:
            return self._enabled
        extra = [s for pattern, sels in self._per_file if path_matches(pattern, path, self.config.root) for s in sels]
        return self._resolve(extra) if extra else self._enabled

    def severity(self, rule: Rule, reported: Severity | None) -> Severity:
        best, level = -1, None
        for selector, value in self._severity:
            if rule.code in selector.codes and selector.specificity > best:
                best, level = selector.specificity, value
        return level or self._profile_severity(rule) or reported or rule.meta.severity

    def excluded(self, path: Path) -> bool:
        return any(path_matches(p, path, self.config.root) for p in self.settings.exclude)
