"""The one error a reader raises: a problem with one input file, reported in one line."""

from __future__ import annotations


class ReadError(Exception):
    """An input that cannot be read; the message says why (in Chinese) without the path."""
