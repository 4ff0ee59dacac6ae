"""Tests that need an extra skip without it, except under ``.ci/run`` (which installs the
extras and sets QUOTETRACK_CI=1): there a missing extra is a failure, not a skip."""
from __future__ import annotations

import importlib
import os
import shutil

import pytest

IN_CI = os.environ.get("QUOTETRACK_CI") == "1"


def need(module: str, extra: str):
    """``module`` imported, or the test skipped (failed in CI) naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        message = f"needs {module} (pip install 'quotetrack[{extra}]')"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message, allow_module_level=True)
    return None


def need_java() -> None:
    if shutil.which("java") is None:
        message = "needs Java 17 (apt-get install openjdk-17-jre-headless)"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message, allow_module_level=True)
