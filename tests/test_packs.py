"""The built-in packs' parsed-TOML cache: the same data as parsing the file, rebuilt when damaged or made
by another Python."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from summarylint import packs
from summarylint.resources import data_dir


def _read_fresh(name: str) -> dict[str, object]:
    return packs._read.__wrapped__(name)  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _parsed(name: str) -> dict[str, object]:
    return tomllib.loads((data_dir("rules") / "packs" / f"{name}.toml").read_text(encoding="utf-8"))


def test_cached_pack_equals_the_parsed_file(cache: Path) -> None:
    for path in sorted((data_dir("rules") / "packs").glob("*.toml")):
        name = path.stem
        first = _read_fresh(name)  # parsed and cached
        assert list(cache.glob(f"pack-{name}-*.bin")), name
        again = _read_fresh(name)  # from the cache
        assert first == again == _parsed(name), name


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_damaged_pack_cache_is_rebuilt(cache: Path, damage: str) -> None:
    _read_fresh("typo-confusions")
    [path] = list(cache.glob("pack-typo-confusions-*.bin"))
    good = path.read_bytes()
    bad = {
        "truncate": good[: len(good) // 2],
        "flip": good[:-10] + bytes([good[-10] ^ 0xFF]) + good[-9:],  # the payload no longer fits its CRC
        "garbage": b"\x00\xff not a cache",
        "empty": b"",
    }[damage]
    path.write_bytes(bad)
    assert _read_fresh("typo-confusions") == _parsed("typo-confusions")
    assert path.read_bytes() == good, "the damaged cache was written again"


def test_pack_cache_of_another_python_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (data_dir("rules") / "packs" / "typo-shapes.toml").read_bytes()
    key = packs.pack_cache_key(text)
    with monkeypatch.context() as patch:
        patch.setattr(packs.marshal, "version", packs.marshal.version + 1)
        assert packs.pack_cache_key(text) != key
    with monkeypatch.context() as patch:
        patch.setattr(packs.sys, "version_info", (3, 99, 0))
        assert packs.pack_cache_key(text) != key
    assert packs.pack_cache_key(text + b"\n") != key  # a changed pack is parsed again
    stored = packs.dump_parsed({"groups": ["己已巳"]}, key)
    assert packs.load_parsed(stored, key) == {"groups": ["己已巳"]}
    assert packs.load_parsed(stored, "0" * 16) is None
    assert packs.load_parsed(packs.dump_parsed([1, 2], key), key) is None  # type: ignore[arg-type]


def test_read_only_cache_folder_still_reads_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(blocker / "cache"))  # (a folder that cannot be made)
    assert _read_fresh("typo-shapes") == _parsed("typo-shapes")


def test_pack_marshal_cannot_store_is_parsed_every_time(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = {"when": datetime.date(2026, 1, 1)}
    monkeypatch.setattr(packs.tomllib, "loads", lambda text: parsed)
    assert _read_fresh("typo-shapes") == parsed
    assert _read_fresh("typo-shapes") == parsed
