"""Missing-figure rules (MF001–MF007), from the cases in tests/cases/missing-figure.toml."""

from __future__ import annotations
