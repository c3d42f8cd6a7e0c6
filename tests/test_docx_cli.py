"""Checking and annotating Word documents from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from docx_fixtures import CN, CN_PAREN, DocBuilder

from summarylint.cli import main
from summarylint.rules import builtin_registry


def summary(path: Path) -> Path:
    """A work summary with automatic numbering that skips （三） and an XX placeholder in a table."""
    b = DocBuilder()
    abstract = b.abstract(CN, CN_PAREN)
    numbered = b.num(abstract)
    b.para("2024年度工作总结", style="Title")  # paragraph 1
    b.para("主要工作", numbered, 0)  # 2
    b.para("加强组织领导", numbered, 1)  # 3
    b.para("成立领导小组，定期研究部署工作。")  # 4
    b.para("强化队伍建设", numbered, 1)  # 5
    b.para("开展业务培训五次，参训一百二十人次。")  # 6
    skipped = b.num(abstract, start_overrides={1: 4})
    b.para("完善制度体系", skipped, 1)  # 7: （四）
    b.para("修订完善制度十二项。")  # 8
    b.table([["指标", "完成值"], ["营业收入", "XX万元"]])  # 9-12
    return b.save(path)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_report_uses_paragraph_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = summary(tmp_path / "总结.docx")
    code, out, _ = run(["check", "--isolated", "--output-format", "json", str(path)], capsys)
    report = json.loads(out)
    entry = report["files"][0]
    assert entry["format"] == "docx"
    gaps = [d for d in entry["diagnostics"] if d["code"] == "NU005"]
    assert len(gaps) == 1
    gap = gaps[0]
    assert gap["line"] == 7
    assert "（Word 自动编号）" in gap["message"]
    assert "（二）" in gap["message"] and "（四）" in gap["message"]
    assert code == 1


def test_table_placeholder_is_found_in_its_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if builtin_registry().get("PH002") is None:
        pytest.skip("no placeholder rule PH002")
    path = summary(tmp_path / "总结.docx")
    _, out, _ = run(["check", "--isolated", "--output-format", "json", str(path)], capsys)
    found = [d for d in json.loads(out)["files"][0]["diagnostics"] if d["code"] == "PH002"]
    assert found
    lines = {d["line"] for d in found}
    assert lines == {12}


def test_full_report_shows_paragraph_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = summary(tmp_path / "总结.docx")
    _, out, _ = run(["check", "--isolated", "--select", "NU005", "--color", "never", str(path)], capsys)
    assert f"{path}:段7:1:" in out
    # the Word numbering label is shown in front of the text and underlined (a wide character is two cells)
    assert " 段 7 │ （四）完善制度体系\n      │ ^^^^^^\n" in out


def test_annotate_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = summary(tmp_path / "总结.docx")
    before = path.read_bytes()
    code, out, err = run(["annotate", "--isolated", "--output-format", "json", str(path)], capsys)
    assert code == 1
    copy = tmp_path / "总结.checked.docx"
    assert copy.exists()
    assert path.read_bytes() == before
    diagnostics = json.loads(out)["files"][0]["diagnostics"]
    comments = list(docx.Document(io.BytesIO(copy.read_bytes())).comments)
    assert len(comments) == len(diagnostics) > 0
    assert all(c.author == "summarylint" for c in comments)
    assert {c.text.split("]")[0] + "]" for c in comments} == {f"[{d['code']}]" for d in diagnostics}
    assert "审阅副本已写入" in err


def test_annotate_output_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = summary(tmp_path / "a.docx")
    other = summary(tmp_path / "b.docx")
    target = tmp_path / "reviewed.docx"
    report = tmp_path / "report.json"
    args = ["annotate", "--isolated", "--exit-zero", "--copy", str(target), "-o", str(report)]
    code, out, _ = run([*args, "--output-format", "json", str(path)], capsys)
    assert code == 0 and target.exists() and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["files"][0]["path"] == str(path)  # -o: the report
    out_dir = tmp_path / "out" / "new"  # created when missing
    code, _, _ = run(
        ["annotate", "--isolated", "--exit-zero", "--output-dir", str(out_dir), str(path), str(other)], capsys
    )
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.checked.docx", "b.checked.docx"]
    code, _, err = run(["annotate", "--isolated", "--copy", str(target), str(path), str(other)], capsys)
    assert code == 2 and "--copy" in err


def test_annotate_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    summary(folder / "a.docx")
    summary(folder / "sub" / "b.docx")
    (folder / "notes.md").write_text("一、成效\n", encoding="utf-8")
    code, out, err = run(["annotate", "--isolated", "--exit-zero", "--output-format", "concise", str(folder)], capsys)
    assert code == 0
    assert (folder / "a.checked.docx").exists() and (folder / "sub" / "b.checked.docx").exists()
    assert "notes.md" not in out and err.count("审阅副本已写入") == 2
    run(["annotate", "--isolated", "--exit-zero", str(folder)], capsys)  # the copies are not annotated again
    assert not list(folder.rglob("*.checked.checked.docx"))


def test_annotate_reports_bad_inputs_and_continues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = summary(tmp_path / "good.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    code, out, _ = run(["annotate", "--isolated", "--output-format", "concise", str(bad), str(good)], capsys)
    assert code == 2
    assert f"{bad}: error: 不是有效的 .docx 文件（不是 ZIP 压缩包）" in out
    assert (tmp_path / "good.checked.docx").exists()
    assert not (tmp_path / "bad.checked.docx").exists()
