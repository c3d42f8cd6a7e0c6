"""User rule packs (``extend-rule-packs``): the four kinds, selection, validation errors and timeouts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarylint import userpacks
from summarylint.api import lint_text
from summarylint.cli import main
from summarylint.config import Config, ConfigError, Settings, load_config
from summarylint.linter import FileResult
from summarylint.reporters.common import locate

PACK = r"""
[[rule]]
code = "TM001"
name = "no-internet-slang"
kind = "existence"
category = "typo"
severity = "warning"
message = "总结中不宜使用网络用语“{match}”"
patterns = ["点赞", "给力"]
exceptions = ["点赞数"]
summary = "不使用网络用语"
wrong = ["这项工作很给力"]
right = ["这项工作成效明显"]

[[rule]]
code = "TM002"
name = "unit-short-name"
kind = "substitution"
category = "typo"
severity = "error"
message = "单位简称应统一为“{replacement}”，不写“{match}”"
[rule.pairs]
"平阳水利局|平阳县水利" = "县水利局"

[[rule]]
code = "TEAM003"
name = "limit-exclamations"
kind = "occurrence"
category = "punctuation"
severity = "warning"
message = "全文感叹号过多（{count} 个，最多 {max} 个）"
patterns = ["！"]
max = 1

[[rule]]
code = "TM004"
name = "app-spelling"
kind = "consistency"
category = "typo"
severity = "info"
message = "全文写法不一致：“{match}”应与多数处一致写作“{replacement}”"
patterns = ["APP", "App"]

[[rule]]
code = "TM005"
name = "one-yiju-per-paragraph"
kind = "occurrence"
category = "typo"
severity = "warning"
message = "同一段中“{match}”出现了 {count} 次"
patterns = ["一是"]
max = 1
scope = "paragraph"
"""

TEXT = (
    "平阳水利局2024年工作总结\n"
    "全年工作很给力，群众纷纷点赞！开通App服务，点赞数突破1万！\n"
    "一是完善制度，一是加强考核。上线APP两个，APP用户增长明显！\n"
)


def _project(tmp_path: Path, pack: str = PACK, name: str = "team-rules.toml") -> Config:
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / name).write_text(pack, encoding="utf-8")
    config = tmp_path / "summarylint.toml"
    config.write_text(f'extend-rule-packs = ["rules/{name}"]\n', encoding="utf-8")
    return load_config(config)


def _found(result: FileResult, code: str) -> list[tuple[str, str]]:
    out = []
    for d in result.diagnostics:
        if d.code == code:
            at = locate(result, d.span)
            out.append((f"{at.line}:{at.column}-{at.end_line}:{at.end_column}", d.message))
    return out


def test_existence_with_exceptions(tmp_path: Path) -> None:
    result = lint_text(TEXT, "x.txt", _project(tmp_path))
    assert _found(result, "TM001") == [
        ("2:6-2:8", "总结中不宜使用网络用语“给力”"),
        ("2:13-2:15", "总结中不宜使用网络用语“点赞”"),
    ]


def test_substitution_suggests_the_replacement(tmp_path: Path) -> None:
    result = lint_text(TEXT, "x.txt", _project(tmp_path))
    [d] = [d for d in result.diagnostics if d.code == "TM002"]
    assert d.message == "单位简称应统一为“县水利局”，不写“平阳水利局”" and d.severity.value == "error"
    assert d.fix is not None and d.fix.applicability.value == "unsafe" and d.fix.edits[0].content == "县水利局"


def test_occurrence_per_document_and_per_paragraph(tmp_path: Path) -> None:
    result = lint_text(TEXT, "x.txt", _project(tmp_path))
    assert [span for span, _ in _found(result, "TEAM003")] == ["2:31-2:32", "3:32-3:33"]
    assert _found(result, "TEAM003")[0][1] == "全文感叹号过多（3 个，最多 1 个）"
    assert _found(result, "TM005") == [("3:8-3:10", "同一段中“一是”出现了 2 次")]


def test_consistency_reports_the_minority_form(tmp_path: Path) -> None:
    result = lint_text(TEXT, "x.txt", _project(tmp_path))
    assert _found(result, "TM004") == [("2:18-2:21", "全文写法不一致：“App”应与多数处一致写作“APP”")]


def test_pack_rules_are_selectable_like_builtins(tmp_path: Path) -> None:
    config = _project(tmp_path)
    only = Config(config.settings.model_copy(update={"select": ["TM001"]}), config.path, config.root)
    assert {d.code for d in lint_text(TEXT, "x.txt", only).diagnostics} == {"TM001"}
    by_category = Config(config.settings.model_copy(update={"select": ["punctuation"]}), config.path, config.root)
    assert "TEAM003" in {d.code for d in lint_text(TEXT, "x.txt", by_category).diagnostics}
    ignored = Config(config.settings.model_copy(update={"ignore": ["no-internet-slang"]}), config.path, config.root)
    assert "TM001" not in {d.code for d in lint_text(TEXT, "x.txt", ignored).diagnostics}


def test_cli_check_and_rule_documentation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _project(tmp_path)
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--select", "TM002", "--output-format", "concise", "report.txt"]) == 1
    assert "TM002" in capsys.readouterr().out
    assert main(["rule", "TM001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TM001 no-internet-slang") and "不使用网络用语" in out and "这项工作很给力" in out


BAD_PACKS = {
    "unknown-kind": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "spelling"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["a"]\n',
        "第 1 条规则（TM001）：未知的规则类型“spelling”",
    ),
    "invalid-regex": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "existence"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["ok", "(unclosed"]\n',
        "第 1 条规则（TM001）：patterns[1] 不是有效的正则表达式",
    ),
    "missing-field": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "existence"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["a"]\n\n[[rule]]\ncode = "TM002"\nname = "b"\nkind = "occurrence"\n'
        'category = "typo"\nseverity = "warning"\nmessage = "x"\npatterns = ["b"]\n',
        "第 2 条规则（TM002）：缺少字段“max”",
    ),
    "duplicate-builtin-code": (
        '[[rule]]\ncode = "PH001"\nname = "a"\nkind = "existence"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["a"]\n',
        "第 1 条规则（PH001）：代码“PH001”与内置规则重复",
    ),
    "duplicate-code-in-pack": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "existence"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["a"]\n\n[[rule]]\ncode = "TM001"\nname = "b"\nkind = "existence"\n'
        'category = "typo"\nseverity = "warning"\nmessage = "x"\npatterns = ["b"]\n',
        "第 2 条规则（TM001）：代码“TM001”与team-rules.toml 第 1 条规则重复",
    ),
    "bad-category": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "existence"\ncategory = "style"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["a"]\n',
        "第 1 条规则（TM001）：字段“category”的值 'style' 无效",
    ),
    "not-toml": ("[[rule]\ncode =", "规则包不是有效的 TOML"),
    "pattern-too-costly-to-compile": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "existence"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["ok", "(?:a{1000}){10000}b"]\n',
        "第 1 条规则（TM001）：patterns[1] 计数重复展开后过大",
    ),
    "exception-too-costly-to-compile": (
        '[[rule]]\ncode = "TM001"\nname = "a"\nkind = "existence"\ncategory = "typo"\nseverity = "warning"\n'
        'message = "x"\npatterns = ["ok"]\nexceptions = ["[a-z]{400}(x{300,}){2000}"]\n',
        "第 1 条规则（TM001）：exceptions[0] 计数重复展开后过大",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_bad_pack_is_a_one_line_configuration_error(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, expected = BAD_PACKS[case]
    config = _project(tmp_path, pack)
    (tmp_path / "report.txt").write_text("正文。\n", encoding="utf-8")
    assert main(["check", "--config", str(config.path), str(tmp_path / "report.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "team-rules.toml" in err and expected in err, err


def test_unreadable_pack_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "summarylint.toml"
    config.write_text('extend-rule-packs = ["missing.toml"]\n', encoding="utf-8")
    (tmp_path / "report.txt").write_text("正文。\n", encoding="utf-8")
    assert main(["check", "--config", str(config), str(tmp_path / "report.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "missing.toml" in err and "不存在" in err
    with pytest.raises(ConfigError):
        lint_text("正文。", "x.txt", load_config(config))


TIMEOUT_PACK = r"""
[[rule]]
code = "TM010"
name = "nested-quantifier"
kind = "existence"
category = "typo"
severity = "warning"
message = "命中“{match}”"
patterns = ["(a+)+$"]

[[rule]]
code = "TM011"
name = "catastrophic"
kind = "existence"
category = "typo"
severity = "warning"
message = "命中“{match}”"
patterns = ["(a|aa)+$"]
"""


def test_slow_pattern_is_stopped_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(userpacks, "MATCH_TIMEOUT", 0.05)
    config = _project(tmp_path, TIMEOUT_PACK)
    text = "a" * 30 + "b\n" + "a" * 60 + "b\n全年共帮扶XX户。\n"
    started = time.monotonic()
    result = lint_text(text, "x.txt", config)
    assert time.monotonic() - started < 5
    assert result.error is None
    assert not [d for d in result.diagnostics if d.code == "TM010"]  # no match, no hang, no crash
    [warning] = [d for d in result.diagnostics if d.code == "TM011"]
    assert warning.severity.value == "warning" and "\n" not in warning.message
    assert "team-rules.toml 第 2 条（TM011）" in warning.message and "单次匹配超时" in warning.message
    assert "PH002" in {d.code for d in result.diagnostics}  # the run goes on


def test_no_packs_means_builtin_registry() -> None:
    from summarylint.rules import builtin_registry
    from summarylint.userpacks import registry_for

    assert registry_for(Config(Settings())) is builtin_registry()


def test_example_pack_loads(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "team-rules.toml"
    config = _project(tmp_path, example.read_text(encoding="utf-8"))
    found = {d.code for d in lint_text("工作很给力！真给力！太给力！", "x.txt", config).diagnostics}
    assert {"TM001", "TM003"} <= found


def test_example_pack_rules_match_their_examples(tmp_path: Path) -> None:
    """The example pack's own wrong examples are reported by their rule, its right examples are not."""
    from summarylint.rules import builtin_registry
    from summarylint.userpacks import registry_for

    example = Path(__file__).resolve().parents[1] / "examples" / "team-rules.toml"
    config = _project(tmp_path, example.read_text(encoding="utf-8"))
    builtin = set(builtin_registry().codes())
    rules = [rule for rule in registry_for(config) if rule.code not in builtin]
    assert rules and any(rule.meta.wrong for rule in rules)
    for rule in rules:
        for text in rule.meta.wrong:
            assert _found(lint_text(text + "\n", "x.txt", config), rule.code), (rule.code, text)
        for text in rule.meta.right:
            assert not _found(lint_text(text + "\n", "x.txt", config), rule.code), (rule.code, text)


@pytest.mark.parametrize(
    ("pattern", "size"),
    [
        ("abc", 3),
        ("a{5}", 5),
        ("[a-z]{3,5}", 5),
        ("(ab){2}", 4),
        (r"\p{Han}{10}", 10),
        ("(?:x{100}y{100}){100}", 20_100),
        ("[{]{1000}", 1000),
        ("a{x}", 4),
        ("(?:a{1000}){10000}b", 10_010_001),
    ],
)
def test_pattern_size_unrolls_counted_repeats(pattern: str, size: int) -> None:
    assert userpacks.pattern_size(pattern) == size


def test_an_entry_that_uses_up_its_time_in_a_file_is_stopped_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The budget is per entry and file: 400 paragraphs give one warning, not 400, and other entries go on."""
    monkeypatch.setattr(userpacks, "RULE_BUDGET", 0.0)
    config = _project(tmp_path)
    text = "这项工作很给力。\n" * 400
    result = lint_text(text, "x.txt", config)
    assert result.error is None
    stopped = [d for d in result.diagnostics if d.code.startswith("TM")]
    assert len(stopped) == len({d.code for d in stopped}) == len(stopped)  # one per entry at most
    [warning] = [d for d in stopped if d.code == "TM001"]
    assert warning.severity.value == "warning" and "\n" not in warning.message
    assert "team-rules.toml 第 1 条（TM001）" in warning.message and "已用满" in warning.message
