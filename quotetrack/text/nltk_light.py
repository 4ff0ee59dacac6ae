"""nltk's modules without nltk's start-up cost.

Importing any nltk module runs nltk's package ``__init__``, which imports nearly all of nltk;
three of those modules try ``scipy.stats`` for statistics quotetrack never uses, and fall back
to their own code when scipy is missing.  Where scipy is installed, that one import costs about
a CPU second a process, more than the rest of quotetrack's start-up together.  So the first
nltk import runs with scipy hidden; scipy is importable again straight after.
"""
from __future__ import annotations

import importlib
import sys
from types import ModuleType


def load(module: str) -> ModuleType:
    """The nltk module ``module`` ("nltk.tokenize.punkt"), imported the first time with scipy
    hidden when neither nltk nor scipy is loaded yet."""
    hide = "nltk" not in sys.modules and "scipy" not in sys.modules
    if hide:
        sys.modules["scipy"] = None       # a None entry makes "import scipy" raise ImportError
    try:
        return importlib.import_module(module)
    finally:
        if hide and "scipy" in sys.modules and sys.modules["scipy"] is None:
            del sys.modules["scipy"]
