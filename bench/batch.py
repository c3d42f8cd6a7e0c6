"""Batch benchmark: summarylint on one document, a folder of many, a cached re-run and the
cross-document pass, each beside markdownlint-cli2 on the same input where it applies.

Usage::

    python bench/batch.py [--docs 1000] [--crossdoc 10000] [--markdownlint PATH] [--keep DIR]

``--markdownlint`` (or the environment variable ``MARKDOWNLINT_CLI2``) is the path of a
``markdownlint-cli2`` executable, for example after ``npm install --prefix /tmp/mdl markdownlint-cli2``:
``/tmp/mdl/node_modules/.bin/markdownlint-cli2``.  Without it the comparison columns are left empty.

Rows (every summarylint run is a fresh ``python -m summarylint`` process with its own cache folder,
the jieba dictionary already built; wall time of one run):

- one 20,000-character summary and one 5 MB document (``bench/speed.py``'s generator);
- a folder of ``--docs`` Markdown summaries (``bench/batch_corpus.py``: recombined from the
  reference corpus when it is present, otherwise generated) with ``--jobs 1``, with one worker per
  CPU, and re-run with the cache filled;
- the cross-document pass alone (DU101 over the paragraph signatures of ``--crossdoc`` generated
  documents of about 5,000 characters), in a child process whose peak memory is measured; the
  time to compute the signatures (part of the per-document pass, spread over the workers and
  cached) is shown apart.

The ratio column is summarylint's time divided by markdownlint-cli2's, both measured in this run.
Targets (2 cores): the folder with all CPUs no slower than markdownlint-cli2; ``--jobs 2`` at least
1.7 times faster than ``--jobs 1``; the cached re-run under 10% of the first; the cross-document
pass on 10,000 documents under 60 s and 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from batch_corpus import _made_paragraph, corpus_paragraphs, make_batch  # noqa: E402
from speed import generate  # noqa: E402

#: CPU seconds (user + system) of the finished child processes, per run
CPU: list[float] = []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    """Wall time of ``command``; its CPU time (workers included) is appended to :data:`CPU`."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    CPU.append(_children_cpu() - cpu)
    return wall


def _summarylint(args: list[str], cache: Path) -> float:
    global _last_summarylint_cpu
    env = {**os.environ, "SUMMARYLINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("SUMMARYLINT_NO_CACHE", None)
    wall = _timed([sys.executable, "-m", "summarylint", "check", "--no-progress", *args], env)
    _last_summarylint_cpu = CPU[-1]
    return wall


def _markdownlint(tool: str | None, target: str, cwd: Path) -> float | None:
    if not tool:
        return None
    return _timed([tool, target], cwd=cwd)


def _crossdoc_child(count: int) -> None:
    """Build the signatures of ``count`` generated documents, then time the cross-document pass."""
    from summarylint.batch.crossdoc import DocumentSignatures, find_groups, group_findings
    from summarylint.batch.signatures import paragraph_signatures
    from summarylint.readers import read_document

    rng = random.Random(11)
    pool = corpus_paragraphs()
    start = time.perf_counter()
    documents = []
    for n in range(count):
        paragraphs = []
        size = 0
        while size < 5000:
            p = rng.choice(pool) if pool and rng.random() < 0.2 else _made_paragraph(rng)
            paragraphs.append(p)
            size += len(p)
        text = f"{n}号单位工作总结\n" + "\n".join(paragraphs) + "\n"
        doc = read_document(f"{n:05d}.txt", text.encode("utf-8"))
        documents.append(DocumentSignatures(doc.path, paragraph_signatures(doc)))
        del doc
    built = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    groups = find_groups(documents, batch_size=count)
    findings = group_findings(documents, groups, count)
    passed, pass_cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    paragraphs = sum(len(d.signatures) for d in documents)
    out = {
        "built": built,
        "pass": passed,
        "pass_cpu": pass_cpu,
        "peak": peak,
        "paragraphs": paragraphs,
        "groups": len(findings),
    }
    print(json.dumps(out))


def _row(name: str, ours: float | None, theirs: float | None, note: str = "", cpu: float | None = None) -> str:
    """A table row; ``cpu`` is summarylint's CPU time (the last one measured when None)."""
    used = cpu if cpu is not None else _last_summarylint_cpu
    shown = f"{ours:.2f} s（CPU {used:.2f} s）" if ours is not None else "—"
    other = f"{theirs:.2f} s" if theirs is not None else "—"
    ratio = f"{ours / theirs:.2f}" if ours is not None and theirs else "—"
    return f"| {name} | {shown} | {other} | {ratio} | {note} |"


_last_summarylint_cpu = 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--crossdoc", type=int, default=10000)
    parser.add_argument("--markdownlint", default=os.environ.get("MARKDOWNLINT_CLI2"))
    parser.add_argument("--keep", type=Path, help="keep the generated inputs in this folder")
    parser.add_argument("--crossdoc-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.crossdoc_child:
        _crossdoc_child(args.crossdoc_child)
        return 0
    tool = args.markdownlint if args.markdownlint and Path(args.markdownlint).exists() else None
    root = args.keep or Path(tempfile.mkdtemp(prefix="summarylint-batch-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    cache = root / "cache"
    cpus = os.cpu_count() or 1
    rows = []
    try:
        small, big = root / "summary-20k.md", root / "summary-5mb.md"
        small.write_text(generate(60_000, defect_rate=0.25)[:20_000], encoding="utf-8")
        big.write_text(generate(5_000_000), encoding="utf-8")
        _summarylint(["--no-cache", str(small)], cache)  # builds the jieba dictionary once
        ours = _summarylint(["--no-cache", str(small)], cache)
        rows.append(_row("一份 2 万字总结", ours, _markdownlint(tool, small.name, root)))
        ours = _summarylint(["--no-cache", str(big)], cache)
        rows.append(_row("一份 5 MB 文稿", ours, _markdownlint(tool, big.name, root)))

        made = make_batch(root / "folder", args.docs, docx_share=0.0, suffixes=(".md",))
        folder = str(made.folder)
        theirs = _markdownlint(tool, "batch/**/*.md", root / "folder")
        one = _summarylint(["--no-cache", "--jobs", "1", folder], cache)
        rows.append(_row(f"{args.docs} 份文稿 --jobs 1", one, theirs))
        every = _summarylint(["--no-cache", "--jobs", str(cpus), folder], cache)
        rows.append(_row(f"{args.docs} 份文稿 --jobs {cpus}", every, theirs, f"--jobs 1 的 {one / every:.2f} 倍速度"))
        shutil.rmtree(cache / "results", ignore_errors=True)
        first = _summarylint(["--jobs", str(cpus), folder], cache)  # fills the result cache
        rows.append(_row(f"{args.docs} 份文稿 --jobs {cpus}，写入缓存", first, theirs))
        again = _summarylint(["--jobs", str(cpus), folder], cache)
        rows.append(_row(f"{args.docs} 份文稿，缓存后再次运行", again, theirs, f"首次运行的 {again / first:.1%}"))

        done = subprocess.run(
            [sys.executable, __file__, "--crossdoc-child", str(args.crossdoc)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        note = (
            f"{figures['paragraphs']} 段，{figures['groups']} 组；峰值内存 {figures['peak'] / 2**30:.2f} GB；"
            f"另需计算签名 {figures['built']:.0f} s（逐文档阶段，分摊到各进程并缓存）"
        )
        rows.append(
            _row(f"跨文稿比对 {args.crossdoc} 份（约 5,000 字）", figures["pass"], None, note, cpu=figures["pass_cpu"])
        )
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)

    print(f"{time.strftime('%Y-%m-%d')}，{platform.machine()}，{cpus} 核，Python {platform.python_version()}")
    print("| 输入 | summarylint | markdownlint-cli2 | 比值 | 说明 |")
    print("| --- | ---: | ---: | ---: | --- |")
    for row in rows:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
