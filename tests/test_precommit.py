"""The pre-commit hooks as a user installs them: the README's snippet as ``.pre-commit-config.yaml``
(only the repository address and ``rev`` replaced, by a commit of a copy of this checkout), run by a
real pre-commit, which installs the hook from that local repository with pip (no network beyond the
package index).  One installation serves every run (``try-repo`` would install into a throwaway store
each time and ignores the snippet).  Skipped when git or pre-commit is missing."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: What the hook repository needs to be installed with pip.
HOOK_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "rules", "grammar")

GOOD = "一、工作成效\n\n全年开展检查。\n\n二、存在问题\n\n基层活力不足。\n"
WARNINGS_ONLY = "一、工作成效\n\n1、开展检查\n\n全年开展检查。\n"
ERRORS = "（1）加强学习\n\n正文。\n\n（3）严格考核\n\n正文。\n"

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"),
]


def readme_snippet() -> str:
    """The YAML block that follows the ``pre-commit-snippet`` marker in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- pre-commit-snippet -->\n```yaml\n(.*?)```", readme, re.S)
    assert found, "README.md has no pre-commit snippet"
    return found.group(1)


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, dict[str, str]]:
    """A clone of this checkout committed to a new repository, a user repository and pre-commit's environment."""
    base = tmp_path_factory.mktemp("precommit")
    hooks = base / "summarylint"
    hooks.mkdir()
    for name in HOOK_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hooks / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, hooks / name)
    git(hooks, "init", "-q")
    git(hooks, "add", ".")
    git(hooks, "commit", "-q", "-m", "hooks")
    sha = git(hooks, "rev-parse", "HEAD")
    user = base / "user"
    user.mkdir()
    git(user, "init", "-q")
    (user / "good.md").write_text(GOOD, encoding="utf-8")
    (user / "warn.md").write_text(WARNINGS_ONLY, encoding="utf-8")
    (user / "error.txt").write_text(ERRORS, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache"), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    return hooks, user, sha, env


def pre_commit(user: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=user,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=900,
    )


def test_readme_snippet_with_real_pre_commit(workspace: tuple[Path, Path, str, dict[str, str]]) -> None:
    hooks, user, sha, env = workspace
    snippet = readme_snippet()
    config, replaced = re.subn(r"(?m)^(\s*- repo: )\S+", lambda m: m.group(1) + hooks.as_posix(), snippet)
    assert replaced == 1
    config, replaced = re.subn(r"(?m)^(\s*rev: )\S+", lambda m: m.group(1) + sha, config)
    assert replaced == 1
    (user / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    valid = pre_commit(user, env, "validate-config", ".pre-commit-config.yaml")
    assert valid.returncode == 0, valid.stdout + valid.stderr

    passed = pre_commit(user, env, "run", "--files", "good.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    warned = pre_commit(user, env, "run", "--files", "warn.md")
    assert warned.returncode == 1, warned.stdout + warned.stderr
    assert "warn.md:3:1: NU001 [warning]" in warned.stdout  # the writer sees the warning

    failed = pre_commit(user, env, "run", "--files", "error.txt")
    assert failed.returncode == 1 and "error.txt:5:1: NU005 [error]" in failed.stdout

    # as the README says, args make only errors block a commit (the installed hook is reused)
    hook = "      - id: summarylint"
    lenient = config.replace(hook + " ", hook + "\n        args: [--fail-on, error]\n", 1)
    assert lenient != config
    (user / ".pre-commit-config.yaml").write_text(lenient, encoding="utf-8")
    assert pre_commit(user, env, "run", "--files", "warn.md").returncode == 0
    assert pre_commit(user, env, "run", "--files", "error.txt").returncode == 1
