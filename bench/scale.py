"""Scaling benchmark: time and peak memory of ``summarylint check`` against input size, and on inputs
built to be expensive.

Usage: python bench/scale.py [--sizes 1,5,10,20] [--only NAME,...] [--keep DIR]

* **scaling** — generated Markdown compilations (``bench/speed.py``'s generator) of each size in MB, and,
  when the reference corpus is next to the repository (``../shared/corpus/clean``), its clean reports
  concatenated up to each size; memory is reported per MB of input, which stays flat when cost is
  linear;
* **adversarial** — a 300 KB paragraph of Chinese clauses without a full stop (DU003's sentence
  tails), 100,000 numbered lines ``N、第N项`` and 100,000 lines ``1、第N项`` (each a nested list
  under the last: the outline's open groups), 50,000 opening brackets followed by 50,000 closing
  quotes (paired marks), and a Word document of 30 paragraphs whose ``lowerLetter`` list starts at
  2,000,000,000 (labels of 77 million letters without the numbering bounds).

Each check runs in a fresh ``python -m summarylint check --output-format concise`` process; the table
gives wall time, CPU time (user + system, which a busy machine does not inflate) and the child's peak
resident set size (``os.wait4``).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import generate

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clean"
MB = 1024 * 1024


def run(path: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB and the number of output lines of one check."""
    env = dict(os.environ, NO_COLOR="1")
    command = [sys.executable, "-m", "summarylint", "check", "--output-format", "concise", "--exit-zero", str(path)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        out.seek(0)
        lines = out.read().count(b"\n")
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"summarylint failed on {path}")
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, usage.ru_utime + usage.ru_stime, peak, lines


def corpus_text(size: int) -> str | None:
    """The clean reference reports concatenated (in a fixed shuffled order) up to ``size`` bytes."""
    files = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))
    if not files:
        return None
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    rng = random.Random(7)
    out: list[str] = []
    total = 0
    while total < size:
        text = rng.choice(texts)
        out.append(text)
        total += len(text.encode("utf-8")) + 1
    return "\n".join(out)


def long_paragraph() -> str:
    rng = random.Random(1)
    chars = "工作总结推进落实组织完善制度建设管理服务质量提升发展改革创新安全生产培训学习检查整改"
    clauses = ("".join(rng.choice(chars) for _ in range(rng.randint(6, 14))) for _ in range(30000))
    return "，".join(clauses)[:100_000] + "\n"  # 300 KB, no 。


def bomb_docx() -> bytes:
    """A Word document of 30 paragraphs in a lowerLetter list that starts at 2,000,000,000."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>第{n}段工作</w:t></w:r></w:p>"
        for n in range(30)
    )
    numbering = (
        f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{pkg}/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
            f'Target="word/document.xml" Type="{rel}/officeDocument"/></Relationships>',
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
            f'Target="numbering.xml" Type="{rel}/numbering"/></Relationships>',
        )
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{paragraphs}</w:body></w:document>")
        z.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


ADVERSARIAL: dict[str, tuple[str, Callable[[], bytes]]] = {
    "paragraph-300k": (".txt", lambda: long_paragraph().encode("utf-8")),
    "numbered-100k": (".txt", lambda: "".join(f"{i}、第{i}项\n" for i in range(1, 100_001)).encode("utf-8")),
    "nested-100k": (".txt", lambda: "".join(f"1、第{i}项\n" for i in range(100_000)).encode("utf-8")),
    "brackets-50k": (".txt", lambda: ("（" * 50_000 + "”" * 50_000 + "\n").encode("utf-8")),
    "numbering-bomb": (".docx", bomb_docx),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,10,20", help="document sizes in MB for the scaling table")
    parser.add_argument("--only", help="run only these cases (names from the tables, comma-separated)")
    parser.add_argument("--keep", type=Path, help="write the inputs to this folder")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    with tempfile.TemporaryDirectory(prefix="summarylint-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        cases: list[tuple[str, Path]] = []
        for mb in (float(s) for s in args.sizes.split(",")):
            name = f"generated-{mb:g}mb"
            if only is None or name in only:
                path = folder / f"{name}.md"
                path.write_text(generate(int(mb * MB)), encoding="utf-8")
                cases.append((name, path))
            name = f"corpus-{mb:g}mb"
            if only is None or name in only:
                text = corpus_text(int(mb * MB))
                if text is not None:
                    path = folder / f"{name}.txt"
                    path.write_text(text, encoding="utf-8")
                    cases.append((name, path))
        for name, (suffix, make) in ADVERSARIAL.items():
            if only is None or name in only:
                path = folder / f"{name}{suffix}"
                path.write_bytes(make())
                cases.append((name, path))
        print(f"{'input':<18} {'size':>9} {'wall':>8} {'cpu':>8} {'peak RSS':>9} {'RSS/MB':>7}")
        for name, path in cases:
            size = path.stat().st_size / MB
            wall, cpu, peak, _ = run(path)
            row = f"{name:<18} {size:>7.2f}MB {wall:>7.1f}s {cpu:>7.1f}s {peak:>7.0f}MB {peak / size:>7.1f}"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
