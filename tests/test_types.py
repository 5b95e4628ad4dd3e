"""The type checker is part of the test run: mypy over factcheck/ with the config in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_mypy_finds_no_type_errors_in_the_package():
    # ~15 s cold on a 2-core machine, ~3 s with .mypy_cache; the same command by hand: `.venv/bin/mypy`
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Success: no issues found" in run.stdout
