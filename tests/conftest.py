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


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of the test suite keep their result cache (and jieba's) out of the user's cache folder."""
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
