"""Reporters are pure functions of the results: one fixed document rendered in every format."""

from __future__ import annotations

import json

import pytest

from summarylint.api import check_bytes, make_policy
from summarylint.config import Config, Settings
from summarylint.linter import FileResult
from summarylint.reporters import REPORTERS, ReportOptions, render
from summarylint.reporters.json_report import build_report
from summarylint.rules import builtin_registry
from summarylint.schema import JsonReport

TEXT = "一、工作成效\n1、完善考核办法\n（1）加强学习\n正文。\n（3）严格考核\n正文。\n"


@pytest.fixture(scope="module")
def results() -> list[FileResult]:
    policy = make_policy(Config(), Settings(select=["NU001", "NU005"]))
    result = check_bytes("报告.txt", TEXT.encode(), policy)
    unreadable = FileResult("坏文件.txt", error="文件含有空字节，不是文本文件")
    return [result, unreadable]


def options(color: bool = False) -> ReportOptions:
    return ReportOptions(builtin_registry(), color)


def test_every_reporter_is_pure(results: list[FileResult]) -> None:
    for name in REPORTERS:
        assert render(name, results, options()) == render(name, results, options())


def test_full(results: list[FileResult]) -> None:
    out = render("full", results, options())
    assert "报告.txt:2:1: NU001 [warning]" in out
    assert " 2 │ 1、完善考核办法\n   │ ^^^\n" in out
    assert "坏文件.txt: error: 文件含有空字节" in out
    assert out.endswith("1 error, 1 warning, 0 infos in 2 files\n")
    assert "\x1b[" not in out
    assert "\x1b[" in render("full", results, options(color=True))


def test_concise(results: list[FileResult]) -> None:
    assert render("concise", results, options()).splitlines() == [
        "报告.txt:2:1: NU001 [warning] 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”",
        "报告.txt:5:1: NU005 [error] 序号不连续：“（1）”之后是“（3）”，缺少“（2）”",
        "坏文件.txt: error: 文件含有空字节，不是文本文件",
    ]


def test_json_validates_against_the_model(results: list[FileResult]) -> None:
    out = render("json", results, options())
    report = JsonReport.model_validate_json(out)
    assert report == build_report(results)
    assert [f.error for f in report.files] == [None, "文件含有空字节，不是文本文件"]
    assert report.files[1].format is None and report.files[0].format == "text"
    assert report.summary.by_category["numbering"] == 2
    assert set(report.summary.by_category) >= {"structure", "placeholder", "typo"}
    assert JsonReport.model_json_schema()["properties"]["schema_version"]["const"] == 2


def test_sarif(results: list[FileResult]) -> None:
    log = json.loads(render("sarif", results, options()))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NU001", "NU005"]
    assert rules[0]["name"] == "ArabicOrdinalDunhao" and rules[1]["defaultConfiguration"]["level"] == "error"
    first = run["results"][0]
    assert first["ruleId"] == "NU001" and first["ruleIndex"] == 0 and first["level"] == "warning"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 3}
    assert first["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "坏文件.txt"


def test_github_annotations(results: list[FileResult]) -> None:
    lines = render("github", results, options()).splitlines()
    assert lines[0] == (
        "::warning file=报告.txt,line=2,endLine=2,col=1,endColumn=3,title=summarylint (NU001)::"
        "报告.txt:2:1: NU001 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”"
    )
    assert lines[1].startswith("::error file=报告.txt,line=5,endLine=5,col=1,endColumn=4,")
    assert lines[2] == "::error file=坏文件.txt,title=summarylint::坏文件.txt: 文件含有空字节，不是文本文件"


def test_github_escaping() -> None:
    from summarylint.reporters.github import _data, _property

    assert _data("50%\n下一行") == "50%25%0A下一行"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def test_statistics_per_file_and_per_rule(results: list[FileResult]) -> None:
    from summarylint.reporters.statistics import render_statistics

    out = render_statistics(results, options())
    lines = out.splitlines()
    row = next(line for line in lines if "报告.txt" in line)
    assert [cell.strip() for cell in row.split("│")[1:-1]] == ["报告.txt", "1", "1", "0", "", "", ""]
    assert any("坏文件.txt" in line and "无法读取" in line for line in lines)
    assert any(
        "NU001" in line and "arabic-ordinal-dunhao" in line and line.rstrip("│ ").endswith("1") for line in lines
    )
