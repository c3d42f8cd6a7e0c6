"""The result cache: what the per-document pass gave for a file, keyed by what decides it.

The key is a SHA-256 over the file's bytes, the summarylint version, the installation itself (the
contents of its code, grammar and built-in rule data, so an edited rule or pack never serves stale
results), the resolved configuration (settings, the rules that run on the file, the rules' metadata
and the user rule packs' contents) and the signature algorithm; the file's name and modification
time are not part of it, so a renamed or touched file is not checked again and an edited one
always is.  Entries live under the per-user cache directory (``SUMMARYLINT_CACHE_DIR`` overrides
it), one file each, written to a temporary file and renamed into place.  An entry starts with a
magic string and the SHA-256 of its payload: a damaged or truncated entry is ignored (and rewritten
by the run that checks the file again).  ``summarylint clean`` removes the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from summarylint import __version__
from summarylint.batch.signatures import ParagraphSignature, algorithm
from summarylint.linter import FileResult
from summarylint.policy import Policy
from summarylint.resources import data_dir

MAGIC = b"summarylint-result-1\n"
_DIGEST = 32


def cache_dir() -> Path:
    from summarylint.datacache import cache_root

    return cache_root() / "results"


@cache
def installation() -> str:
    """A digest of everything installed that decides results: the package's code and its data."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    folders = [package, data_dir("grammar"), data_dir("rules")]
    for folder in folders:
        for file in sorted(folder.rglob("*")):
            if file.suffix in (".py", ".lark", ".toml") and file.is_file():
                h.update(file.relative_to(folder).as_posix().encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(policy: Policy) -> str:
    """What every entry of one run depends on besides the file and its rules."""
    h = hashlib.sha256()
    for part in (__version__, installation(), algorithm(), policy.profile.value, policy.settings.model_dump_json()):
        h.update(part.encode("utf-8") + b"\0")
    for rule in policy.registry:
        h.update(rule.meta.model_dump_json().encode("utf-8"))
    root = policy.config.path.parent if policy.config.path is not None else policy.config.root
    for pack in policy.settings.extend_rule_packs:
        try:
            h.update((root / pack).read_bytes())
        except OSError:
            h.update(b"missing:" + pack.encode("utf-8"))
    return h.hexdigest()


@dataclass(frozen=True)
class Entry:
    result: FileResult
    signatures: tuple[ParagraphSignature, ...]


class ResultCache:
    def __init__(self, policy: Policy, root: Path | None = None) -> None:
        self.root = root or cache_dir()
        self._policy = policy
        self._fingerprint = fingerprint(policy)
        self.hits = 0
        self.misses = 0

    def key(self, data: bytes, path: Path, *, reference: bool = False) -> str:
        """The key of a file's entry; a reference file's entry (signatures only) has another."""
        codes = "reference" if reference else ",".join(rule.code for rule in self._policy.rules_for(path))
        h = hashlib.sha256(self._fingerprint.encode("ascii") + b"\0" + codes.encode("ascii") + b"\0")
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key[2:]}.bin"

    def get(self, key: str) -> Entry | None:
        try:
            blob = self._file(key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        entry = _decode(blob)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
        return entry

    def put(self, key: str, entry: Entry) -> None:
        """Store ``entry``; a cache that cannot be written is passed over silently."""
        payload = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        blob = MAGIC + hashlib.sha256(payload).digest() + payload
        target = self._file(key)
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=target.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(blob)
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise


def _decode(blob: bytes) -> Entry | None:
    if not blob.startswith(MAGIC):
        return None
    digest, payload = blob[len(MAGIC) : len(MAGIC) + _DIGEST], blob[len(MAGIC) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        entry = pickle.loads(payload)
    except Exception:
        return None
    return entry if isinstance(entry, Entry) else None


def clean(root: Path | None = None) -> int:
    """Remove the result cache; the number of entries removed."""
    folder = root or cache_dir()
    if not folder.is_dir():
        return 0
    count = sum(1 for _ in folder.rglob("*.bin"))
    shutil.rmtree(folder, ignore_errors=True)
    return count
