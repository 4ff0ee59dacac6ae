"""Every example in the package's docstrings runs and gives what it shows."""
import doctest
import importlib
import pkgutil

import pytest

import quotetrack
from extras import need

MODULES = sorted(m.name for m in pkgutil.walk_packages(quotetrack.__path__, "quotetrack.")
                 if m.name != "quotetrack.__main__")


# Modules that import an extra's library at the top: skipped without it (not in CI).
NEEDS = {"quotetrack.scale.spark": ("pyspark", "spark"), "quotetrack.write.parquet": ("pyarrow", "archive")}


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    if name in NEEDS:
        need(*NEEDS[name])
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
