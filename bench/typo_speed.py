"""What the typo family costs: ``summarylint check`` with and without the family (WD), in fresh processes.

Usage: python bench/typo_speed.py [--runs 7] [--big-mb 1] [--document PATH ...] [--corpus-mb DIR] [--no-generated]
       [--least] [--direct] [--instructions]

Generates a work summary of about 20,000 characters and a compilation of about ``--big-mb`` MB with
the generator of ``bench/speed.py`` (sentence templates written for the benchmarks), puts a few
same-sound slips into them, and checks each in a fresh ``python -m summarylint`` process with all
default rules, then with ``--ignore WD`` (the whole family; WD009 and WD010 load the typo lexicon,
and they and WD001's word conditions the word table).  The cache directory is filled first (warm
cache).  Times are the median CPU time (user + system) of the child process, which a busy machine
disturbs less than wall time (``--least``: the least of the runs, the one a busy machine disturbed
least); runs with and without the family alternate, and the difference is what the family adds.

``--document`` measures given files the same way (real text has fewer repeated phrases than the
generated one, so more distinct spans to look up), for example a 20,000-character report; ``--corpus-mb
DIR`` measures a megabyte of real text made from the ``.txt`` files of ``DIR`` (joined in name order, the
first 1,000,000 bytes, cut at a character boundary), such as the edited reports of the reference corpus.

``--direct`` times the family's rules themselves instead: a fresh process reads the document, splits
it into paragraphs (what every family shares), then runs the family's rules alone under
``time.process_time``; loading the family's data counts, the other hundred rules do not.  On a busy
machine the difference of two whole runs (each a second or more) varies by more than the family
costs; this figure varies far less.

``--instructions`` counts instead the machine instructions of the ``--direct`` process under valgrind's
cachegrind (``valgrind --tool=cachegrind --cache-sim=no``, about 30 times slower), minus those of the
same process skipping the family's rules: a figure that other work on the machine does not change, for
comparing two versions on a busy machine (it is not a time: it ignores cache misses and the like).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import generate

TARGETS = {"small_ms": 80.0, "per_mb_s": 1.0}
_SLIPS = ["对此深表报歉。", "这次的工做很顺利。", "会上大家各抒已见。", "参加培训后获益非浅。"]


def _with_slips(text: str, every: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = text.split("\n")
    for i in range(5, len(lines), every):
        if lines[i] and not lines[i].startswith("#"):
            lines[i] += rng.choice(_SLIPS)
    return "\n".join(lines)


def cpu_seconds(arguments: list[str], cache: Path) -> float:
    env = dict(os.environ, SUMMARYLINT_CACHE_DIR=str(cache), NO_COLOR="1")
    command = [sys.executable, "-m", "summarylint", *arguments]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    if child.stderr:
        child.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"summarylint {' '.join(arguments)} failed")
    return usage.ru_utime + usage.ru_stime


_DIRECT = """
import sys, time
from pathlib import Path
from summarylint.api import make_policy
from summarylint.readers import read_document
from summarylint.rules.base import Context
from summarylint.views import Views
path = Path(sys.argv[1])
policy = make_policy()
document = read_document(str(path), path.read_bytes())
views = Views(document)
views.blocks
rules = [r for r in policy.rules_for(path) if r.code.startswith("WD")]
if len(sys.argv) > 2:  # (--instructions: the same process without running the rules)
    rules = []
start = time.process_time()
for rule in rules:
    for _ in rule.run(Context(document, views, rule.meta, policy.words)):
        pass
print(time.process_time() - start)
"""


def direct_seconds(path: Path, cache: Path) -> float:
    """The CPU time of the family's rules on ``path`` in a fresh process (see ``--direct``)."""
    env = dict(os.environ, SUMMARYLINT_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", _DIRECT, str(path)], env=env, check=True, capture_output=True)
    return float(out.stdout.decode().split()[-1])


def direct_instructions(path: Path, cache: Path) -> int:
    """The machine instructions the family's rules execute on ``path`` (see ``--instructions``): the
    ``--direct`` process under valgrind's cachegrind, minus the same process that skips the rules."""
    env = dict(os.environ, SUMMARYLINT_CACHE_DIR=str(cache))
    counts = []
    for extra in ([], ["--no-rules"]):
        command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        out = subprocess.run(
            [*command, sys.executable, "-c", _DIRECT, str(path), *extra], env=env, check=True, capture_output=True
        )
        line = next(x for x in out.stderr.decode().splitlines() if "I" in x and "refs:" in x)
        counts.append(int(line.split()[-1].replace(",", "")))
    return counts[0] - counts[1]


def corpus_megabyte(folder: Path) -> bytes:
    """The first 1,000,000 bytes of the ``.txt`` files of ``folder`` joined in name order, cut so that
    they end on a whole UTF-8 character."""
    data = b"".join(path.read_bytes() for path in sorted(folder.glob("*.txt")))[:1_000_000]
    return data.decode("utf-8", "ignore").encode("utf-8")


def median(arguments: list[str], cache: Path, runs: int) -> float:
    return statistics.median(cpu_seconds(arguments, cache) for _ in range(runs))


def paired(first: list[str], second: list[str], cache: Path, runs: int, least: bool) -> tuple[float, float]:
    """Both commands' CPU times, run alternately: the median (or the least) of each."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(cpu_seconds(first, cache))
        times[1].append(cpu_seconds(second, cache))
    pick = min if least else statistics.median
    return pick(times[0]), pick(times[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big-mb", type=float, default=1.0)
    parser.add_argument("--document", type=Path, action="append", default=[], help="also measure this file")
    parser.add_argument("--corpus-mb", type=Path, help="also measure a megabyte made of this folder's .txt files")
    parser.add_argument("--no-generated", action="store_true", help="measure only the --document files")
    parser.add_argument("--least", action="store_true", help="the least CPU time of the runs instead of the median")
    parser.add_argument("--direct", action="store_true", help="time the family's rules themselves (see above)")
    parser.add_argument(
        "--instructions", action="store_true", help="count the instructions of --direct under valgrind (see above)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="summarylint-typo-bench-") as folder:
        root = Path(folder)
        cache = root / "cache"
        small = root / "summary.md"
        text = generate(60_000)
        chars = 0
        for cut, line in enumerate(text.split("\n")):
            chars += len(line) + 1
            if chars >= 20_000:
                text = "\n".join(text.split("\n")[: cut + 1])
                break
        small.write_text(_with_slips(text, 12), encoding="utf-8")
        big = root / "compilation.md"
        big_text = _with_slips(generate(int(args.big_mb * 1_000_000)), 40)
        big.write_text(big_text, encoding="utf-8")
        base = ["check", "--output-format", "concise", "--exit-zero", "--no-cache"]
        without = [*base, "--ignore", "WD"]
        cpu_seconds([*base, str(small)], cache)  # fill the cache
        version = median(["--version"], cache, args.runs)
        print(f"--version: {version * 1000:.0f} ms CPU")
        documents = [] if args.no_generated else [("20k", small), ("big", big)]
        documents += [(str(path), path) for path in args.document]
        if args.corpus_mb is not None:
            megabyte = root / "corpus-megabyte.txt"
            megabyte.write_bytes(corpus_megabyte(args.corpus_mb))
            documents.append((f"{args.corpus_mb}/*.txt, 1 MB", megabyte))
        for name, path in documents:
            data = path.read_bytes()
            chars, size = len(data.decode("utf-8", "replace")), len(data)
            runs = args.runs if size < 300_000 else max(3, args.runs // 2)
            if args.instructions:
                count = direct_instructions(path, cache)
                print(
                    f"{name}: {chars:,} characters, {size:,} bytes; "
                    f"the family's rules execute {count / 1e6:,.0f} M instructions"
                )
                continue
            if args.direct:
                pick = min if args.least else statistics.median
                times = []
                for _ in range(runs):
                    times.append(direct_seconds(path, cache))
                added = pick(times)
                print(
                    f"{name}: {chars:,} characters, {size:,} bytes; the family's rules take {added * 1000:.0f} ms CPU"
                    + (f" = {added / (size / 1_000_000):.2f} s per MB" if size >= 300_000 else "")
                )
                continue
            with_family, without_family = paired([*base, str(path)], [*without, str(path)], cache, runs, args.least)
            added = with_family - without_family
            print(
                f"{name}: {chars:,} characters, {size:,} bytes; "
                f"all rules {with_family * 1000:.0f} ms, without WD {without_family * 1000:.0f} ms, "
                f"typo family adds {added * 1000:.0f} ms CPU"
                + (f" = {added / (size / 1_000_000):.2f} s per MB" if size >= 300_000 else "")
            )
        print(f"targets: at most {TARGETS['small_ms']:.0f} ms on 20k characters, {TARGETS['per_mb_s']} s per MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
