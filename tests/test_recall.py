"""Recall on the documents under tests/recall/ (defects marked by a reviewer in expected.toml)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "recall.py"

#: Minimum share of marked defects found, per category.
FLOORS = {"structure": 0.85, "numbering": 0.85, "missing-figure": 0.85}


def test_recall_floors() -> None:
    spec = importlib.util.spec_from_file_location("recall", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = module.measure()
    for category, floor in FLOORS.items():
        found, expected = figures[category]
        assert expected > 0 and found / expected >= floor, f"{category}: {found}/{expected}"
