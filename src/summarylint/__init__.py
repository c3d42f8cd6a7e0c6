"""summarylint: a linter for Chinese work-summary documents (工作总结、述职报告、情况报告)."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
