"""A progress bar on standard error for runs over many files: files done of all, files per second,
the file just finished.  Shown only on a terminal, and only once the run has taken more than a
moment, so that checking a few files prints nothing extra; it disappears when the run ends."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

#: seconds a run must take before the bar appears
DELAY = 0.5


class Progress:
    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self._stream = stream or sys.stderr
        self._started = time.monotonic()
        self._done = 0
        self._bar: Any = None
        self._task: Any = None

    def advance(self, path: str) -> None:
        self._done += 1
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._started < DELAY or self._done >= self.total:
                return
            self._start()
        self._bar.update(self._task, completed=self._done, current=path)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bar

        class _Rate(TextColumn):
            def render(self, task: Any) -> Any:
                from rich.text import Text

                speed = task.finished_speed or task.speed
                return Text(f"{speed:5.1f} 个/秒" if speed else "  —  个/秒")

        console = Console(file=self._stream, stderr=self._stream is sys.stderr)
        self._bar = Bar(
            TextColumn("检查"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(""),
            TimeElapsedColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("check", total=self.total, current="")
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
