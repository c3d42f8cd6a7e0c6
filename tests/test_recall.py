"""Recall on the documents under tests/recall/ (defects marked by a reviewer in expected.toml), and no
error or warning on the one written without defects."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from summarylint.api import check_path, make_policy

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "recall.py"
RECALL = Path(__file__).resolve().parent / "recall"

#: Minimum share of marked defects found, per group of categories.
FLOORS = {
    ("structure", "numbering"): 0.85,
    ("placeholder",): 0.95,
    ("missing-figure",): 0.85,
    ("broken-paragraph",): 0.90,
    ("garbled", "boilerplate"): 0.80,
    ("punctuation", "number-usage"): 0.70,
}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("recall", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recall_floors() -> None:
    figures = _script().measure()
    for group, floor in FLOORS.items():
        found = sum(figures[c][0] for c in group)
        expected = sum(figures[c][1] for c in group)
        assert expected > 0 and found / expected >= floor, f"{group}: {found}/{expected}"


def test_a_clean_summary_gets_no_error_or_warning() -> None:
    result = check_path(RECALL / "干净的总结.txt", make_policy())
    assert [d for d in result.diagnostics if d.severity.value != "info"] == []
