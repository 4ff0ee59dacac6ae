"""Every example in the package's docstrings runs and gives what it shows."""
import doctest
import importlib
import pkgutil

import pytest

import quotetrack

MODULES = sorted(m.name for m in pkgutil.walk_packages(quotetrack.__path__, "quotetrack.")
                 if m.name != "quotetrack.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
