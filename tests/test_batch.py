"""Batch mode: workers, the cross-document stage, the triage, the cache and related locations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarylint.api import make_policy
from summarylint.batch.cache import ResultCache
from summarylint.batch.run import BatchOptions, run_batch
from summarylint.batch.triage import COPIED, UNFINISHED, document_stats, render_triage
from summarylint.cli import main
from summarylint.config import Config
from summarylint.files import collect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from batch_corpus import REFERENCE, TEMPLATE, make_batch

SHARED = "今年以来，我单位认真贯彻落实上级决策部署，紧紧围绕年度目标任务，扎实推进各项工作，取得了明显成效。"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch")
    make_batch(root, 40, use_corpus=False, paragraphs=(3, 5))
    return root


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    main(["check", "--output-format", "json", "--no-progress", *args])
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_one_worker_and_two_give_the_same_report(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, reference = str(batch / "batch"), str(batch / "reference")
    one = _json(capsys, "--jobs", "1", "--no-cache", "--reference", reference, folder)
    two = _json(capsys, "--jobs", "2", "--no-cache", "--reference", reference, folder)
    assert one == two
    files = one["files"]
    assert isinstance(files, list) and len(files) == 40
    assert [f["path"] for f in files] == sorted(f["path"] for f in files)  # the folder's order


def test_every_planted_group_is_reported_once_with_all_its_places(batch: Path) -> None:
    policy = make_policy(Config())
    candidates = list(collect([batch / "batch"], policy))
    references = list(collect([batch / "reference"], policy))
    run = run_batch(candidates, policy, BatchOptions(jobs=1, cache=False, references=references))
    copies = [(r.path, d) for r in run.results for d in r.diagnostics if d.code == "DU101"]
    template = [d for _, d in copies if "模板" in d.message]
    assert len(template) == 1
    places = {template[0].related[0].path, *(r.path for r in template[0].related)}
    assert len(template[0].related) + 1 == 14  # documents 0, 3, ..., 39
    assert None not in places
    from_reference = [d for _, d in copies if "参考文件" in d.message]
    assert len(from_reference) == len(REFERENCE)
    for d in from_reference:
        assert any(r.label == "参考文件" and r.path and r.path.endswith("范文.txt") for r in d.related)
    assert all(not p.endswith("范文.txt") for p, _ in copies), "reference files are never reported"
    stats = {s.path: s for s in document_stats(run.results)}
    assert all(COPIED in stats[p].flags for p, _ in copies)
    related_paths = {r.path for _, d in copies for r in d.related if r.path and not r.path.endswith("范文.txt")}
    assert all(COPIED in stats[p].flags for p in related_paths)  # named as a place: flagged too
    assert TEMPLATE[:10] in template[0].message


def test_template_needs_a_share_of_the_batch(tmp_path: Path) -> None:
    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(f"第{n}份\n{SHARED}\n", encoding="utf-8")
    for n in range(6, 30):
        (tmp_path / f"{n}.txt").write_text(f"第{n}份\n全年共走访困难职工家庭{n}户。\n", encoding="utf-8")
    policy = make_policy(Config())
    run = run_batch(list(collect([tmp_path], policy)), policy, BatchOptions(jobs=1, cache=False))
    found = [d for r in run.results for d in r.diagnostics if d.code == "DU101"]
    assert len(found) == 1 and "6 份文稿" in found[0].message and "模板" not in found[0].message  # 6 < 30%


def test_summary_prints_only_the_table_worst_first(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--summary", "--no-cache", "--jobs", "1", str(batch / "batch")])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("分诊表：40 份文稿")
    assert lines[1].split()[:2] == ["文件", "标记"]
    assert "DU101" not in out and "^^^" not in out
    first = lines[3]
    assert UNFINISHED in first or "有损坏" in first
    assert all(len(line) < 200 for line in lines)


def test_triage_fits_a_narrow_terminal(batch: Path) -> None:
    from rich.cells import cell_len

    policy = make_policy(Config())
    run = run_batch(list(collect([batch / "batch"], policy)), policy, BatchOptions(jobs=1, cache=False))
    table = render_triage(run.results, width=100)
    assert all(cell_len(line) <= 100 for line in table.splitlines()[1:])


def test_json_carries_stats_and_related(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--jobs", "1", "--no-cache", str(batch / "batch"))
    assert data["schema_version"] == 2
    files = data["files"]
    assert isinstance(files, list)
    stats = [f["stats"] for f in files]
    assert all(s["characters"] > 0 for s in stats)
    copied = [d for f in files for d in f["diagnostics"] if d["code"] == "DU101"]
    assert copied and all(d["related"] and d["related"][0]["path"] for d in copied)
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert summary["documents"]["flagged"][COPIED] > 0
    assert len(summary["documents"]["worst_first"]) == 40


def test_cache_rechecks_only_changed_files(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.txt").write_text(f"第{n}份总结\n{SHARED}\n全年开展培训{n + 2}次。\n", encoding="utf-8")
    policy = make_policy(Config())
    options = BatchOptions(jobs=1, cache_root=tmp_path / "cache")
    first = run_batch(list(collect([folder], policy)), policy, options)
    assert first.checked == 6 and first.cache_hits == 0
    again = run_batch(list(collect([folder], policy)), policy, options)
    assert again.checked == 0 and again.cache_hits == 6
    assert [r.diagnostics for r in again.results] == [r.diagnostics for r in first.results]
    for n in (1, 3, 5):
        (folder / f"{n}.txt").write_text(f"第{n}份总结，已修改\n{SHARED}\n", encoding="utf-8")
    third = run_batch(list(collect([folder], policy)), policy, options)
    assert third.checked == 3 and third.cache_hits == 3
    found = [d for r in third.results for d in r.diagnostics if d.code == "DU101"]
    assert len(found) == 1 and len(found[0].related) == 5  # cached signatures take part


def test_an_edited_rule_pack_changes_every_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from summarylint.batch import cache
    from summarylint.resources import data_dir

    before = cache.installation()
    copy = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), copy)
    pack = next(iter(sorted((copy / "packs").glob("*.toml"))))
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(cache, "data_dir", lambda name: copy if name == "rules" else data_dir(name))
    cache.installation.cache_clear()
    try:
        assert cache.installation() != before
    finally:
        cache.installation.cache_clear()


def test_a_damaged_cache_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("全年开展培训XX次。\n", encoding="utf-8")
    policy = make_policy(Config())
    options = BatchOptions(jobs=1, cache_root=tmp_path / "cache")
    first = run_batch([*collect([doc], policy)], policy, options)
    entries = list((tmp_path / "cache").rglob("*.bin"))
    assert len(entries) == 1
    entries[0].write_bytes(entries[0].read_bytes()[:-5])  # truncated
    again = run_batch([*collect([doc], policy)], policy, options)
    codes = [d.code for d in again.results[0].diagnostics]
    assert again.checked == 1 and "PH002" in codes and codes == [d.code for d in first.results[0].diagnostics]
    assert ResultCache(policy, tmp_path / "cache").get(ResultCache(policy).key(doc.read_bytes(), doc)) is not None


def test_clean_removes_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("SUMMARYLINT_NO_CACHE")
    doc = tmp_path / "a.txt"
    doc.write_text("全年开展培训12次。\n", encoding="utf-8")
    assert main(["check", str(doc)]) == 0
    assert list((tmp_path / "c" / "results").rglob("*.bin"))
    assert main(["clean"]) == 0
    assert not (tmp_path / "c" / "results").exists()


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("SUMMARYLINT_NO_CACHE")
    doc = tmp_path / "a.txt"
    doc.write_text("全年开展培训12次。\n", encoding="utf-8")
    main(["check", "--no-cache", str(doc)])
    assert not (tmp_path / "c" / "results").exists()


def test_files_git_ignores_are_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.draft.txt\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    for name in ("a.txt", "b.draft.txt", "build/c.txt"):
        (tmp_path / name).write_text("全年开展培训XX次。\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        main(["check", "--output-format", "concise", "--no-cache", "."])
        listed = capsys.readouterr().out
        main(["check", "--output-format", "concise", "--no-cache", "b.draft.txt"])  # named: checked
        named = capsys.readouterr().out
    finally:
        os.chdir(cwd)
    assert "a.txt" in listed and "b.draft.txt" not in listed and "c.txt" not in listed
    assert "b.draft.txt" in named


def test_related_locations_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(f"一\n{SHARED}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"二\n三\n{SHARED}\n", encoding="utf-8")
    args = ["check", "--no-cache", "--select", "DU101", str(tmp_path)]
    main([*args, "--output-format", "full"])
    full = capsys.readouterr().out
    assert "= 另一份文稿：" in full and "b.txt:3:1" in full
    main([*args, "--output-format", "concise"])
    assert "（另见 " in capsys.readouterr().out
    main([*args, "--output-format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    related = sarif["runs"][0]["results"][0]["relatedLocations"]
    assert related[0]["physicalLocation"]["region"]["startLine"] == 3
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"].endswith("b.txt")


def test_in_document_duplicates_point_at_the_first_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(f"{SHARED}\n其他内容。\n{SHARED}\n", encoding="utf-8")
    data = _json(capsys, "--no-cache", "--select", "DU001", str(doc))
    files = data["files"]
    assert isinstance(files, list)
    (d,) = files[0]["diagnostics"]
    assert d["line"] == 3 and "第" not in d["message"]
    assert d["related"] == [
        {"path": None, "line": 1, "column": 1, "end_line": 1, "end_column": 50, "label": "第一次出现"}
    ]


def test_word_comments_name_the_related_places() -> None:
    from summarylint.annotate import related_note
    from summarylint.diagnostics import Category, Diagnostic, Related, Severity
    from summarylint.source import Span

    places = tuple(Related(n, 1, n, 20, "另一份文稿", f"{n}.docx") for n in range(1, 13))
    d = Diagnostic("DU101", "cross-document-copy", Category.DUPLICATE, Severity.WARNING, "这段文字", Span(0, 5))
    assert related_note(d) == ""
    note = related_note(Diagnostic(d.code, d.name, d.category, d.severity, d.message, d.span, None, places))
    assert note.startswith("（另见：1.docx 段 1；2.docx 段 2") and note.endswith("等 12 处）")
    inside = (Related(4, 1, 4, 9, "第一次出现"),)
    assert related_note(Diagnostic(d.code, d.name, d.category, d.severity, d.message, d.span, None, inside)) == (
        "（另见：段 4）"
    )


def test_a_suppression_comment_keeps_the_finding_off_that_paragraph(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        f"# 甲\n\n<!-- summarylint-disable-next-line DU101 -->\n{SHARED}\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(f"# 乙\n\n{SHARED}\n", encoding="utf-8")
    policy = make_policy(Config())
    run = run_batch(list(collect([tmp_path], policy)), policy, BatchOptions(jobs=1, cache=False))
    by_path = {Path(r.path).name: r for r in run.results}
    assert [d.code for d in by_path["a.md"].diagnostics] == []  # no DU101 and no “unused directive”
    (found,) = [d for d in by_path["b.md"].diagnostics if d.code == "DU101"]
    assert found.related[0].path is not None and found.related[0].path.endswith("a.md")
    (tmp_path / "b.md").write_text(f"# 乙\n\n<!-- summarylint-disable-file DU101 -->\n{SHARED}\n", encoding="utf-8")
    run = run_batch(list(collect([tmp_path], policy)), policy, BatchOptions(jobs=1, cache=False))
    assert not [d for r in run.results for d in r.diagnostics if d.code == "DU101"]
