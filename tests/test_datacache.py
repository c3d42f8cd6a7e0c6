"""The data cache: building slow data is logged once, and the command line shows it only on a terminal."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarylint import cli
from summarylint.datacache import cached_build, log


def _read(data: bytes) -> str | None:
    return data.decode() if data.startswith(b"ok") else None


def _make() -> tuple[str, bytes]:
    return "ok built", b"ok built"


@pytest.fixture
def clean_log() -> Iterator[None]:
    """The cache logger as it was: the command line may add a handler to it."""
    handlers, level, propagate = list(log.handlers), log.level, log.propagate
    yield
    log.handlers[:] = handlers
    log.setLevel(level)
    log.propagate = propagate


def test_building_named_data_is_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "slow.bin"
    with caplog.at_level(logging.INFO, logger=log.name):
        assert cached_build(path, _read, _make, "测试数据") == "ok built"
        assert cached_build(path, _read, _make, "测试数据") == "ok built"  # (read from the cache: silent)
        assert cached_build(tmp_path / "quick.bin", _read, _make) == "ok built"  # (no name: silent)
    assert [r.getMessage() for r in caplog.records if r.name == log.name] == [
        "正在生成测试数据（首次使用或依赖更新后只需一次，约需几秒）"
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_line_shows_building_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_log: None
) -> None:
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    cli._show_cache_notices()
    cached_build(tmp_path / "a.bin", _read, _make, "测试数据")
    assert piped.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    cli._show_cache_notices()
    cached_build(tmp_path / "b.bin", _read, _make, "测试数据")
    cached_build(tmp_path / "b.bin", _read, _make, "测试数据")
    assert terminal.getvalue() == "summarylint: 正在生成测试数据（首次使用或依赖更新后只需一次，约需几秒）\n"
    # a worker of a batch (another process) builds silently: the batch shows its progress instead
    record = log.makeRecord(log.name, logging.INFO, __file__, 1, "正在生成别的数据", (), None)
    record.process = os.getpid() + 1
    log.handle(record)
    assert "别的数据" not in terminal.getvalue()


def _aged(path: Path, days: float, data: bytes = b"ok old") -> Path:
    path.write_bytes(data)
    then = path.stat().st_mtime - days * 86_400
    os.utime(path, (then, then))
    return path


def test_writing_a_data_file_removes_the_unused_files_of_its_kind(tmp_path: Path) -> None:
    old = _aged(tmp_path / "typo-words-0000000000000000.txt", 31)  # an older version's table, unused
    recent = _aged(tmp_path / "typo-words-1111111111111111.txt", 3)  # another installation's, in use
    other_kind = _aged(tmp_path / "typo-lexicon-0000000000000000.txt", 31)
    other_extension = _aged(tmp_path / "typo-words-2222222222222222.bin", 31)
    not_ours = [_aged(tmp_path / name, 400) for name in ("typo-words-notes.txt", "typo-words-00.txt", "readme.txt")]
    (tmp_path / "results").mkdir()
    new = tmp_path / "typo-words-3333333333333333.txt"
    assert cached_build(new, _read, _make) == "ok built"
    assert new.read_bytes() == b"ok built"
    assert not old.exists()
    assert all(p.exists() for p in (recent, other_kind, other_extension, *not_ours, tmp_path / "results"))


def test_reading_a_data_file_marks_it_used(tmp_path: Path) -> None:
    kept = _aged(tmp_path / "pack-words-4444444444444444.bin", 45, b"ok kept")
    assert cached_build(kept, _read, _make) == "ok kept"  # (read, not built)
    assert cached_build(tmp_path / "pack-words-5555555555555555.bin", _read, _make) == "ok built"
    assert kept.exists()  # (read just now: not unused, though written 45 days ago)
    assert cached_build(kept, _read, _make) == "ok kept"


def test_a_cache_that_cannot_be_pruned_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = _aged(tmp_path / "typo-words-6666666666666666.txt", 90)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(self)

    monkeypatch.setattr(Path, "unlink", refuse)
    assert cached_build(tmp_path / "typo-words-7777777777777777.txt", _read, _make) == "ok built"
    assert old.exists()
