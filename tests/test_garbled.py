"""Garbled-text rules (GA005-GA008), beyond the cases in tests/cases/garbled.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from summarylint.api import lint_text
from summarylint.rules.garbled.mojibake import common_chars, redecode

REPO = Path(__file__).resolve().parents[1]


def test_mojibake_repair_is_suggested() -> None:
    garbled = "工作总结安全生产".encode().decode("gbk")
    assert redecode(garbled) == ("工作总结安全生产", "gbk", "utf-8")
    result = lint_text(f"工作总结\n今年我们完成了各项任务，成绩显著。\n{garbled}\n", "x.txt")
    finding = next(d for d in result.diagnostics if d.code == "GA005")
    assert finding.fix is not None and finding.fix.edits[0].content == "工作总结安全生产"


def test_common_character_table_is_generated_from_jieba(tmp_path: Path) -> None:
    output = tmp_path / "garbled-chars.toml"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_garbled_chars.py"), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    assert output.read_text(encoding="utf-8") == (REPO / "rules" / "packs" / "garbled-chars.toml").read_text(
        encoding="utf-8"
    )
    table = common_chars()
    assert {"的", "工", "作", "总", "结", "述", "职"} <= table
    assert not {"锛", "銆", "鈥"} & table
