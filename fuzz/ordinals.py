"""Fuzz target: the ordinal grammar (grammar/ordinals.lark) and the marker parser.

    .venv/bin/python fuzz/ordinals.py fuzz/corpus/ordinals -max_total_time=300

The first byte of an input is an offset, the rest UTF-8 text.  Any text parses to a marker or to
None without an exception; a marker lies inside the text, its text is what it spans, and its value
is not negative; a Word label parses the same way.
"""

from __future__ import annotations

from pathlib import Path

import atheris

with atheris.instrument_imports():
    from summarylint.outline.markers import chinese_numeral_value, paragraph_marker, parse_marker

from checks import run

SEEDS = [
    "一、总体情况",
    "（一）是",
    "(1)",
    "1．",
    "１２、",
    "①、",
    "⑴",
    "⒈",
    "㈠",
    "第十二章",
    "三是",
    "a)",
    "Ⅳ.",
    "十一，",
]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    offset = data[0] % 8  # the first byte: where to parse (and how long a Word label is)
    text = data[1:].decode("utf-8", "replace")
    marker = parse_marker(text, offset)
    if marker is not None:
        assert offset <= marker.start <= marker.end <= len(text), (text, marker)
        assert text[marker.start : marker.end] == marker.text, (text, marker)
        assert marker.value >= 0, marker
        assert marker.canonical and marker.level >= 0
    labelled = paragraph_marker(text[offset:], label=text[:offset])
    if labelled is not None and text[:offset].strip():
        assert labelled.auto and labelled.start == labelled.end == 0
    chinese_numeral_value(text)


def _seed(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        return
    folder.mkdir(parents=True, exist_ok=True)
    for n, seed in enumerate(SEEDS):
        (folder / f"seed{n}").write_bytes(b"\x00" + seed.encode("utf-8"))


if __name__ == "__main__":
    run(_seed, test_one_input)
