"""Built-in data packs: the word lists and patterns of content rules, kept as data in ``rules/packs/*.toml``.

Each rule family defines a pydantic model for its pack; :func:`load_pack` reads and validates the
file once per process.  A broken built-in pack is a packaging error and fails loudly.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import tomllib
import zlib
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from summarylint.resources import data_dir

PackModel = TypeVar("PackModel", bound=BaseModel)


#: Bump when the cache format changes.
_CACHE_FORMAT = 1
_CACHE_HEADER = b"summarylint-pack"


@cache
def _read(name: str) -> dict[str, object]:
    """The parsed TOML of a pack, from the user cache when it holds this very text (parsing the larger
    packs costs several milliseconds each on every run; loading the parsed data is ten times quicker)."""
    path = data_dir("rules") / "packs" / f"{name}.toml"
    text = path.read_bytes()
    from summarylint.datacache import cache_root, cached_build

    key = pack_cache_key(text)

    def make() -> tuple[dict[str, object], bytes]:
        data = tomllib.loads(text.decode("utf-8"))
        try:
            return data, dump_parsed(data, key)
        except ValueError:  # (a value marshal cannot store, such as a TOML date: parsed every time)
            return data, b""

    return cached_build(cache_root() / f"pack-{name}-{key}.bin", lambda data: load_parsed(data, key), make)


def pack_cache_key(text: bytes) -> str:
    """The key of a pack's cached parse: its text, the cache format, Python's version and marshal's
    (marshal's format may change from one Python version to the next)."""
    material = b"|".join(
        [text, str(_CACHE_FORMAT).encode(), repr(sys.version_info[:2]).encode(), str(marshal.version).encode()]
    )
    return hashlib.sha256(material).hexdigest()[:16]


def dump_parsed(data: dict[str, object], key: str) -> bytes:
    """A header naming ``key``, the CRC-32 of the payload, then the payload (``data`` marshalled)."""
    payload = marshal.dumps(data)
    return _CACHE_HEADER + b" " + key.encode() + b" " + b"%08x" % zlib.crc32(payload) + b"\n" + payload


def load_parsed(blob: bytes, key: str) -> dict[str, object] | None:
    """What :func:`dump_parsed` stored, or None when ``blob`` is damaged or made for another key."""
    head, _, payload = blob.partition(b"\n")
    parts = head.split(b" ")
    if len(parts) != 3 or parts[0] != _CACHE_HEADER or parts[1] != key.encode():
        return None
    if parts[2] != b"%08x" % zlib.crc32(payload):  # (a damaged payload is never unmarshalled)
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def load_pack(name: str, model: type[PackModel]) -> PackModel:
    """The built-in pack ``rules/packs/<name>.toml`` validated by ``model``."""
    return _validated(name, model)  # type: ignore[return-value]


@cache
def _validated(name: str, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(_read(name))
    except ValidationError as exc:
        raise RuntimeError(f"built-in rule pack rules/packs/{name}.toml is invalid: {exc}") from exc
