"""Baselines: record the findings a repository has today, report only new ones afterwards.

``--write-baseline FILE`` writes every current finding as its path (relative to the baseline's
folder), rule code and :mod:`fingerprint <summarylint.fingerprint>`; ``--baseline FILE`` (or
``baseline = "…"`` in the configuration) hides the findings recorded there.  Because fingerprints
depend only on the text of a finding's own paragraph, editing or moving one paragraph does not bring
back the recorded findings of the others.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from summarylint.atomic import write_atomically
from summarylint.config import ConfigError
from summarylint.fingerprint import fingerprints
from summarylint.linter import FileResult
from summarylint.rules import redirected

FORMAT_VERSION = 1
_KEY = "summarylint-baseline"

Key = tuple[str, str, str]  # path, code, fingerprint


def _relative(display: str, folder: Path) -> str:
    path = Path(display)
    try:
        return path.resolve().relative_to(folder).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _entries(results: Sequence[FileResult], folder: Path) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for result in results:
        if result.document is None:
            continue
        where = _relative(result.path, folder)
        for d, fingerprint in zip(result.diagnostics, fingerprints(result), strict=True):
            line = result.document.lines.position(d.span.start).line
            entries.append(
                {"path": where, "code": d.code, "fingerprint": fingerprint, "line": line, "message": d.message}
            )
    entries.sort(key=lambda e: (str(e["path"]), int(str(e["line"])), str(e["code"]), str(e["fingerprint"])))
    return entries


def write_baseline(target: Path, results: Sequence[FileResult]) -> int:
    """Record the findings of ``results`` in ``target``; return how many were recorded."""
    entries = _entries(results, target.resolve().parent)
    text = json.dumps({_KEY: FORMAT_VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"
    try:
        write_atomically(target, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{target}: 无法写入基线文件：{exc.strerror or exc}") from None
    return len(entries)


class Baseline:
    """The findings recorded in a baseline file."""

    def __init__(self, path: Path, keys: Counter[Key]) -> None:
        self.path = path
        self.folder = path.resolve().parent
        self.keys = keys

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: 基线文件不存在（先用 --write-baseline {path} 生成）") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: 无法读取基线文件：{exc}") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: 基线文件不是有效的 JSON：{exc.msg}（第 {exc.lineno} 行）") from None
        if not isinstance(data, dict) or data.get(_KEY) != FORMAT_VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(f"{path}: 不是 summarylint 基线文件（应由 --write-baseline 生成）")
        keys: Counter[Key] = Counter()
        for entry in data["findings"]:
            try:
                keys[(str(entry["path"]), redirected(str(entry["code"])), str(entry["fingerprint"]))] += 1
            except (KeyError, TypeError):
                raise ConfigError(f"{path}: 基线文件中有一条记录缺少 path、code 或 fingerprint") from None
        return cls(path, keys)

    def filter(self, results: Sequence[FileResult]) -> int:
        """Remove the recorded findings from ``results`` (in place); return how many were hidden."""
        hidden = 0
        for result in results:
            if result.document is None or not result.diagnostics:
                continue
            where = _relative(result.path, self.folder)
            kept = []
            for d, fingerprint in zip(result.diagnostics, fingerprints(result), strict=True):
                if self.keys[(where, d.code, fingerprint)] > 0:
                    hidden += 1
                else:
                    kept.append(d)
            result.diagnostics = kept
        return hidden
