"""What the command-line tests share: three small documents (clean, warnings only, an error), writing
a file in the test's folder, and running the command line in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarylint.cli import main

GOOD = "一、工作成效\n全年开展检查。\n二、存在问题\n基层活力不足。\n"
WARN = "一、工作成效\n1、开展检查\n全年开展检查。\n"
ERROR = "（1）加强学习\n正文。\n（3）严格考核\n正文。\n"


def write(name: str, text: str, encoding: str = "utf-8") -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``summarylint ARGS``; never a traceback."""
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err
