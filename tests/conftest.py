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
    """Runs of the test suite keep jieba's cache out of the user's cache folder and use no result
    cache (a test that patches the checking must see it run); the cache's own tests turn it on."""
    monkeypatch.setenv("SUMMARYLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("SUMMARYLINT_NO_CACHE", "1")


# --- hypothesis settings shared by the property tests ------------------------------------------
# "ci" (the default) keeps the suite fast; HYPOTHESIS_PROFILE=thorough runs many more examples:
#     HYPOTHESIS_PROFILE=thorough .venv/bin/pytest tests/test_fix_properties.py
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the test extra installs hypothesis; without it the property tests are skipped
    pass
else:
    import os as _os

    settings.register_profile(
        "ci", max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.register_profile(
        "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# --- end of hypothesis settings ----------------------------------------------------------------
