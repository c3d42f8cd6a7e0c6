"""Built-in data packs: the word lists and patterns of content rules, kept as data in ``rules/packs/*.toml``.

Each rule family defines a pydantic model for its pack; :func:`load_pack` reads and validates the
file once per process.  A broken built-in pack is a packaging error and fails loudly.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from summarylint.resources import data_dir

PackModel = TypeVar("PackModel", bound=BaseModel)


@cache
def _read(name: str) -> dict[str, object]:
    path = data_dir("rules") / "packs" / f"{name}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_pack(name: str, model: type[PackModel]) -> PackModel:
    """The built-in pack ``rules/packs/<name>.toml`` validated by ``model``."""
    return _validated(name, model)  # type: ignore[return-value]


@cache
def _validated(name: str, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(_read(name))
    except ValidationError as exc:
        raise RuntimeError(f"built-in rule pack rules/packs/{name}.toml is invalid: {exc}") from exc
