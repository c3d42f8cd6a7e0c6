"""Fuzz target: the text and Markdown readers and every rule, on any bytes.

    .venv/bin/python fuzz/text.py fuzz/corpus/text -max_total_time=300

The input's first byte picks the suffix (.md or .txt); the rest is the file.  A crash is an
exception out of the public API, a rule's internal error, or a diagnostic whose span or line/column
is wrong (see fuzz/checks.py).  Without a corpus folder the examples/ documents seed the run.
"""

from __future__ import annotations

from pathlib import Path

import atheris

with atheris.instrument_imports():
    from checks import check, run

    import summarylint.readers  # noqa: F401  (instrumented before the first input)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = "x.md" if data[0] & 1 else "x.txt"
    check(name, data[1:])


def _seed(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        return
    folder.mkdir(parents=True, exist_ok=True)
    examples = Path(__file__).resolve().parents[1] / "examples"
    for n, path in enumerate(sorted([*examples.glob("*.md"), *examples.glob("*.txt")])):
        (folder / f"seed{n}").write_bytes(bytes([path.suffix == ".md"]) + path.read_bytes())


if __name__ == "__main__":
    run(_seed, test_one_input)
