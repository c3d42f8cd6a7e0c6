from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared reference corpus; tests that need it are skipped where it is absent."""
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.skip("reference corpus not available")
    return CORPUS
