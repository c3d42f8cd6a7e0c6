"""Configuration: discovery (closest file wins) and validation, in one place.

Sources, nearest directory first: ``.summarylint.toml``, ``summarylint.toml``, then
``pyproject.toml`` with a ``[tool.summarylint]`` table.  ``--config FILE`` names one file;
``--isolated`` ignores them all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ByteSize, ConfigDict, Field, ValidationError

from summarylint.diagnostics import Severity

CONFIG_FILES = (".summarylint.toml", "summarylint.toml", "pyproject.toml")
#: Files larger than this are reported, not checked (``max-file-size``): 50 MB is about 17 million
#: Chinese characters in UTF-8, far more than any report, and a check of it takes a few minutes.
DEFAULT_MAX_FILE_SIZE = 50 * 1000 * 1000


class ConfigError(Exception):
    """A configuration problem; the message names the file, the key and what is allowed."""


class Profile(StrEnum):
    """Which set of rules runs and how strictly (the rules' metadata says what each profile changes)."""

    SUMMARY = "summary"  # 工作总结、述职报告、情况报告 (default)
    GONGWEN = "gongwen"  # statutory 公文: GB/T 9704-2012 layout rules on, numbering and date rules stricter
    LENIENT = "lenient"  # only the errors a reviewer would reject a draft for


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class TypoSettings(BaseModel):
    """The ``[typo]`` table: the team dictionary, words the typo rules never question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(default_factory=list, description="团队词表：不当作别字的词（人名、地名、产品名、术语）")
    dictionary: str | None = Field(
        default=None, description="团队词表文件（UTF-8，每行一个词，# 开头为注释；相对于配置文件所在目录）"
    )


class Settings(BaseModel):
    """The ``[tool.summarylint]`` table (or the top level of ``summarylint.toml``)."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True)

    profile: Profile | None = Field(default=None, description="规则配置方案：summary（默认）、gongwen、lenient")
    select: list[str] | None = Field(default=None, description="只启用这些规则（代码、前缀、名称或类别）")
    extend_select: list[str] = Field(default_factory=list, description="在默认规则之外再启用这些规则")
    ignore: list[str] = Field(default_factory=list, description="不启用这些规则")
    severity: dict[str, Severity] = Field(default_factory=dict, description="规则代码或类别 → error/warning/info")
    exclude: list[str] = Field(default_factory=list, description="不检查的文件或目录（glob）")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, description="glob → 对这些文件不启用的规则")
    extend_rule_packs: list[str] = Field(
        default_factory=list, description="额外加载的用户规则包（TOML 文件，相对于配置文件所在目录）"
    )
    template_share: float = Field(
        default=0.3,
        gt=0,
        le=1,
        description="检查一批文稿时，一段文字出现在这一比例以上的文稿中"
        "（且不少于 template-min-documents 份）即视为模板文字",
    )
    template_min_documents: int = Field(default=5, ge=2, description="视为模板文字至少要出现的文稿份数")
    max_file_size: ByteSize = Field(
        default=ByteSize(DEFAULT_MAX_FILE_SIZE),
        gt=0,
        description="单个文件的大小上限（字节数或“50MB”“200KiB”这样的写法），超过的文件报错而不检查",
    )
    fail_on: Severity | None = Field(default=None, description="达到这一级别的问题使退出码为 1（默认 error）")
    baseline: str | None = Field(default=None, description="基线文件：隐藏其中记录的问题（相对于配置文件所在目录）")
    typo: TypoSettings = Field(default_factory=TypoSettings, description="别字规则：团队词表 words、dictionary")


@dataclass(frozen=True)
class Config:
    settings: Settings = field(default_factory=Settings)
    path: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # relative globs are relative to this folder

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "命令行"


def team_words(config: Config) -> frozenset[str]:
    """The words of the team dictionary: ``typo.words`` and the lines of the ``typo.dictionary`` file."""
    typo = config.settings.typo
    words = {w.strip() for w in typo.words if w.strip()}
    if typo.dictionary:
        base = config.path.parent if config.path is not None else config.root
        path = base / typo.dictionary
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise ConfigError(f"{config.label}: 无法读取团队词表 {path}：{exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{config.label}: 团队词表 {path} 不是 UTF-8 文本") from None
        words.update(line.split("#", 1)[0].strip() for line in lines)
        words.discard("")
    return frozenset(words)


def _allowed_keys() -> str:
    return "、".join(_kebab(name) for name in Settings.model_fields)


def _describe(error: dict[str, Any]) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"未知的配置项“{loc}”（可用：{_allowed_keys()}）"
    if kind == "enum" and error["loc"][:1] == ("profile",):
        allowed = "、".join(p.value for p in Profile)
        return f"配置项“{loc}”的值 {error['input']!r} 无效（可选：{allowed}）"
    if kind == "enum":
        allowed = "、".join(s.value for s in Severity)
        return f"配置项“{loc}”的值 {error['input']!r} 无效（可选：{allowed}）"
    if kind in ("list_type", "dict_type", "string_type"):
        want = {"list_type": "字符串列表", "dict_type": "表（键值对）", "string_type": "字符串"}[kind]
        return f"配置项“{loc}”应是{want}，实际是 {error['input']!r}"
    return f"配置项“{loc}”无效：{error['msg']}"


def validate(data: dict[str, Any], source: str) -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"{source}: {_describe(dict(first))}") from None


def read_toml(path: Path, what: str = "配置文件") -> dict[str, Any]:
    """A TOML file (UTF-8, with or without a byte-order mark); :class:`ConfigError` names the file
    and says what is wrong in one line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取{what}：{exc.strerror or exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: {what}不是 UTF-8 编码（第 {exc.start + 1} 字节无法解码），请另存为 UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {what}不是有效的 TOML：{exc}") from None


def load_config(path: Path) -> Config:
    """Load one configuration file (``pyproject.toml`` reads its ``[tool.summarylint]`` table)."""
    data = read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: tool 应是一个表（[tool.summarylint]），实际是 {tool!r}")
        table = tool.get("summarylint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.summarylint] 应是一个表")
        data = table
    return Config(validate(data, str(path)), path.resolve(), path.resolve().parent)


def _has_table(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` found on the way up configures summarylint.

    A file that cannot be read as TOML is an error only when it mentions ``tool.summarylint``: a
    broken ``pyproject.toml`` of some other tool is passed over, and the search goes on upwards.
    """
    try:
        tool = read_toml(pyproject).get("tool", {})
    except ConfigError:
        try:
            mentions = b"tool.summarylint" in pyproject.read_bytes()
        except OSError:
            mentions = False
        if mentions:
            raise
        return False
    return isinstance(tool, dict) and "summarylint" in tool


def find_config(start: Path) -> Path | None:
    """The closest configuration file at or above ``start``."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def discover(start: Path, explicit: Path | None = None, *, isolated: bool = False) -> Config:
    if isolated:
        return Config(root=start.resolve())
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: 配置文件不存在")
        return load_config(explicit)
    found = find_config(start)
    return load_config(found) if found else Config(root=start.resolve())
