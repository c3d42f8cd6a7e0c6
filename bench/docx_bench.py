"""Benchmark the Word reader: build a ~200-page summary, time reading, checking and annotating it.

Run with ``python bench/docx_bench.py [--sections N] [--keep PATH]``. The document has automatically
numbered headings on three levels (一、 / （一） / 1.), body paragraphs and a table in every
section; the figures are printed, nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from summarylint.annotate import annotate_docx
from summarylint.api import check_bytes, make_policy
from summarylint.config import Config
from summarylint.readers.docx import read_docx

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
_BODY = (
    "全年完成营业收入{n}亿元，同比增长{p}%。",
    "围绕年度目标任务统筹推进各项工作，全年完成重点项目{n}个，同比增长{p}%，队伍建设不断加强。",
)
#: GB/T 9704-2012 page: 22 lines of 28 characters.
_LINE, _PAGE = 28, 22


def _numbering(document: Any) -> int:
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    numbering.append(parse_xml(f'<w:abstractNum {_W} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def _number(paragraph: Any, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def build(sections: int) -> bytes:
    """A document of ``sections`` top-level sections (20 ≈ 200 pages, ~4 000 paragraphs)."""
    document: Any = docx.Document()
    num_id = _numbering(document)
    document.add_paragraph("2024年度工作总结", style="Title")
    n = 0
    for section in range(sections):
        _number(document.add_paragraph(f"第{section + 1}部分重点工作", style="Heading 1"), num_id, 0)
        for sub in range(6):
            _number(document.add_paragraph(f"推进专项任务{sub + 1}", style="Heading 2"), num_id, 1)
            for item in range(4):
                _number(document.add_paragraph(f"具体举措{item + 1}。"), num_id, 2)
                for _ in range(6):
                    n += 1
                    document.add_paragraph(_BODY[n % 2].format(n=n % 97 + 1, p=n % 13 + 2))
        table = document.add_table(rows=6, cols=4)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"指标{r}-{c}" if r else f"列{c}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _timed(label: str, action: Any, repeat: int = 1) -> Any:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<36}{best * 1000:10.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sections", type=int, default=20, help="top-level sections (default 20 ≈ 200 pages)")
    parser.add_argument("--keep", type=Path, help="also save the generated document here")
    args = parser.parse_args()

    data = _timed("build document (python-docx)", lambda: build(args.sections))
    doc = _timed("read_docx", lambda: read_docx("bench.docx", data), repeat=3)
    lines = sum(-(-(len(p.text) + 2) // _LINE) for p in doc.paragraphs)  # 2 characters of indent
    print(
        f"{'':<4}{len(data) / 1024:.0f} KiB, {doc.lines.line_count} paragraphs, {doc.char_count} characters, "
        f"~{lines // _PAGE} pages of {_PAGE}×{_LINE} characters"
    )
    policy = make_policy(Config())
    result = _timed("read + check, in process", lambda: check_bytes("bench.docx", data, policy), repeat=3)
    print(f"{'':<4}{len(result.diagnostics)} diagnostics")
    _timed("annotate (python-docx)", lambda: annotate_docx(data, result.document, result.diagnostics))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.docx"
        path.write_bytes(data)
        command = [sys.executable, "-m", "summarylint", "check", "--isolated", "--exit-zero", "-o", "/dev/null"]
        _timed("summarylint check, fresh process", lambda: subprocess.run([*command, str(path)], check=True))
        baseline = [sys.executable, "-m", "summarylint", "--version"]
        _timed("  (process start-up: --version)", lambda: subprocess.run(baseline, check=True, capture_output=True))
    if args.keep is not None:
        args.keep.write_bytes(data)


if __name__ == "__main__":
    main()
