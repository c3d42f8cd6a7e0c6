"""Reporters are pure functions of the results: one fixed document rendered in every format."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

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
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%E5%9D%8F%E6%96%87%E4%BB%B6.txt"


def _text(node: dict[str, object], key: str) -> str:
    value = node[key]
    assert isinstance(value, dict) and isinstance(value["text"], str) and value["text"], key
    assert len(value["text"]) <= 1024 or key == "help"
    return value["text"]


def test_sarif_has_every_field_code_scanning_requires(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, results: list[FileResult]
) -> None:
    """The properties GitHub code scanning marks required, non-empty; URIs relative and percent-encoded."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "年度 报告").mkdir()
    policy = make_policy(Config(), Settings(select=["NU001", "NU005"]))
    nested = check_bytes("年度 报告/总结#1.txt", TEXT.encode(), policy)
    outside = check_bytes(str(tmp_path.parent / "外部.txt"), TEXT.encode(), policy)
    log = json.loads(render("sarif", [nested, outside], options()))
    assert log["$schema"] and log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "summarylint" and driver["semanticVersion"]
    for rule in driver["rules"]:
        assert rule["id"] and rule["name"]
        for key in ("shortDescription", "fullDescription", "help"):
            _text(rule, key)
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
        assert rule["properties"]["problem.severity"] in ("error", "warning", "recommendation")
        assert rule["properties"]["precision"] in ("very-high", "high", "medium", "low")
        assert "security-severity" not in rule["properties"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(run["results"]) == 4
    for result in run["results"]:
        assert _text(result, "message") and result["ruleId"] == ids[result["ruleIndex"]]
        assert 1 <= len(result["locations"]) <= 10
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert result["partialFingerprints"]["primaryLocationLineHash"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert uris[0] == {
        "uri": "%E5%B9%B4%E5%BA%A6%20%E6%8A%A5%E5%91%8A/%E6%80%BB%E7%BB%93%231.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert uris[-1] == {"uri": (tmp_path.parent / "外部.txt").resolve().as_uri()}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_json_lines(results: list[FileResult]) -> None:
    records = [json.loads(line) for line in render("json-lines", results, options()).splitlines()]
    assert [(r["path"], r.get("code"), r.get("line")) for r in records] == [
        ("报告.txt", "NU001", 2),
        ("报告.txt", "NU005", 5),
        ("坏文件.txt", None, None),
    ]
    assert records[0]["severity"] == "warning" and records[0]["end_column"] == 3 and records[0]["format"] == "text"
    assert records[2]["error"] == "文件含有空字节，不是文本文件"


def test_grouped(results: list[FileResult]) -> None:
    assert render("grouped", results, options()).splitlines() == [
        "报告.txt:",
        "  2:1 NU001 [warning] 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”",
        "  5:1 NU005 [error] 序号不连续：“（1）”之后是“（3）”，缺少“（2）”",
        "",
        "坏文件.txt:",
        "  error: 文件含有空字节，不是文本文件",
        "",
        "1 error, 1 warning, 0 infos in 2 files",
    ]


def test_pylint(results: list[FileResult]) -> None:
    assert render("pylint", results, options()).splitlines() == [
        "报告.txt:2:1: [NU001(arabic-ordinal-dunhao), ] 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”",
        "报告.txt:5:1: [NU005(sequence-gap), ] 序号不连续：“（1）”之后是“（3）”，缺少“（2）”",
        "坏文件.txt:1:1: [E0001(read-error), ] 文件含有空字节，不是文本文件",
    ]


def test_junit_parses_as_xml(results: list[FileResult]) -> None:
    clean = check_bytes("好.txt", "一、工作成效\n全年开展检查。\n".encode(), make_policy())
    out = render("junit", [*results, clean], options())
    root = ElementTree.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("failures") == "2" and root.get("errors") == "1"
    (suite,) = root
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["报告.txt", "坏文件.txt", "好.txt"]
    failures = cases["报告.txt"].findall("failure")
    assert [(f.get("type"), f.get("message")) for f in failures] == [
        ("NU001", "2:1: 阿拉伯数字序号后应使用下脚点“.”，“1、”应写作“1.”"),
        ("NU005", "5:1: 序号不连续：“（1）”之后是“（3）”，缺少“（2）”"),
    ]
    assert "[warning]" in (failures[0].text or "")
    error = cases["坏文件.txt"].find("error")
    assert error is not None and error.get("message") == "文件含有空字节，不是文本文件"
    assert len(cases["好.txt"]) == 0  # a clean file is a passing test case


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
