"""The gold scorer: entries are found by findings of a compatible category whose columns overlap them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "score_gold.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_gold", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _write(folder: Path, name: str, text: str, entries: list[dict[str, object]]) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = "\n".join(json.dumps(e, ensure_ascii=False) for e in entries)
    (folder / f"{name}.gold.jsonl").write_text(lines + "\n", encoding="utf-8")


def test_found_missed_and_incompatible(tmp_path: Path) -> None:
    text = "年度工作报告\n\n全年共走访企业XX家，负责人：王明。\n\n本季度完成培训工作。\n"
    entries = [
        {"line": 3, "text": "XX", "category": "placeholder", "confidence": "certain", "note": "slot"},
        # right place, but a typo is not found by a placeholder finding
        {"line": 3, "text": "XX家", "category": "typo", "confidence": "likely", "note": "wrong family"},
        # nothing there: a miss
        {"line": 5, "text": "培训", "category": "garbled", "confidence": "certain", "note": "invented"},
    ]
    _write(tmp_path, "001", text, entries)
    module = _script()
    scored = module.score(tmp_path, tmp_path)
    assert [doc.name for doc in scored] == ["001.txt"]
    found = {(e.line, e.category): e.found_by is not None for e in scored[0].entries}
    assert found == {(3, "placeholder"): True, (3, "typo"): False, (5, "garbled"): False}
    rows = module.summary(scored)
    assert rows[-1] == "recall of certain entries outside typo: 1/2 = 50.0%"
    assert any(row.startswith("placeholder") and "1/1" in row for row in rows)


def test_repeated_text_any_occurrence_counts(tmp_path: Path) -> None:
    text = "报告\n\n各部门XX，落实“XX”制度。\n"
    _write(tmp_path, "002", text, [{"line": 3, "text": "XX", "category": "placeholder", "confidence": "certain"}])
    module = _script()
    entry = module.score(tmp_path, tmp_path)[0].entries[0]
    assert len(entry.spans) == 2
    assert entry.found_by is not None


def test_each_finding_takes_an_entry_another_finding_cannot(tmp_path: Path) -> None:
    # the parts-over-total finding spans both the total and the half-width colon; the colon's own finding can only
    # take the punctuation entry, so the parts finding must take the number-usage one
    text = "报告\n\n全年共办理业务120件，其中:受理窗口60件，网上办理45件，自助终端20件。\n"
    entries = [
        {"line": 3, "text": "业务120件", "category": "number-usage", "confidence": "certain", "note": "sum"},
        {"line": 3, "text": "其中:", "category": "punctuation", "confidence": "certain", "note": "colon"},
    ]
    _write(tmp_path, "003", text, entries)
    module = _script()
    found = {e.category: e.found_by for e in module.score(tmp_path, tmp_path)[0].entries}
    assert found["number-usage"] is not None and found["number-usage"].code == "NB023"
    assert found["punctuation"] is not None and found["punctuation"].code == "PU001"


def test_missing_folder_is_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--gold-dir", str(tmp_path / "absent")]) == 0
    assert "nothing measured" in capsys.readouterr().out


def test_development_set_runs(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main(["--misses", "--unmatched"]) == 0
    out = capsys.readouterr().out
    assert "recall of certain entries outside typo:" in out.splitlines()[-1]
