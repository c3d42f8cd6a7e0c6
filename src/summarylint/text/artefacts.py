"""Conversion artefacts shared by the GA rules and the views: the ``rules/packs/artefacts.toml`` pack
and stray page-number lines (GB/T 9704-2012 §7.5 prints page numbers as ``— 1 —``, and they survive
text extraction between the two halves of a paragraph cut by a page break)."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from summarylint.document import Document
from summarylint.packs import load_pack

#: A page-number line is short.
PAGE_NUMBER_MAX = 24


class _Char(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    char: str = Field(min_length=1, max_length=1)
    name: str = Field(min_length=1)


class _PageNumber(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: list[str] = Field(min_length=1)


class _Invisible(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    delete: list[_Char]
    nbsp: _Char


class _Masked(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    chars: list[str] = Field(min_length=1)
    checkbox: list[str]


class ArtefactPack(BaseModel):
    """``rules/packs/artefacts.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    page_number: _PageNumber
    invisible: _Invisible
    masked: _Masked


@cache
def artefact_pack() -> ArtefactPack:
    return load_pack("artefacts", ArtefactPack)


@cache
def page_number_pattern() -> re.Pattern[str]:
    """Matches a whole line that is only a page number."""
    return re.compile("|".join(f"(?:{p})" for p in artefact_pack().page_number.patterns))


def page_number_paragraphs(doc: Document) -> frozenset[int]:
    """Indexes of prose paragraphs that are nothing but a page number."""
    pattern = page_number_pattern()
    return frozenset(
        p.index
        for p in doc.paragraphs
        if p.kind.is_prose and p.text and len(p.text) <= PAGE_NUMBER_MAX and pattern.fullmatch(p.text)
    )
