"""nltk's modules without nltk's start-up cost.

Importing any nltk module runs nltk's package ``__init__``, which imports nearly all of nltk;
some of those modules try ``scipy.stats`` and ``numpy`` for statistics, classifiers and
clusterers quotetrack never uses (it uses Punkt and the Snowball stemmer), and fall back to
their own code, or go without, when these are missing.  Where scipy is installed, that one
import costs about a CPU second a process, more than the rest of quotetrack's start-up
together; numpy costs about 0.14 s, a third of it.  So the first nltk import runs with both
hidden; they are importable again straight after.
"""
from __future__ import annotations

import importlib
import re
import sys
from types import ModuleType
from typing import Any

import regex


_HIDDEN = ("scipy", "numpy")


def load(module: str) -> ModuleType:
    """The nltk module ``module`` ("nltk.tokenize.punkt"), imported the first time (nltk not
    loaded yet) with scipy and numpy hidden, each unless it is loaded already."""
    hidden = [name for name in _HIDDEN if "nltk" not in sys.modules and name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None          # a None entry makes "import numpy" raise ImportError
    try:
        return importlib.import_module(module)
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def unguarded(pattern: Any) -> "re.Pattern | regex.Pattern":
    """One of nltk's own compiled patterns without nltk's guard: nltk 3.10 wraps every pattern
    in ``nltk.redos.TimedPattern``, a Python call and a wall-clock timeout on each match (a
    defence meant for patterns callers supply); this compiles the same source with the same
    flags on the same ``regex`` engine, so it matches alike.  A plain ``re`` or ``regex``
    pattern (nltk 3.8, 3.9) is returned as it is.

    >>> class Guarded:                   # stands for a TimedPattern: its source and flags
    ...     pattern, flags = r"\\d+", 0
    >>> unguarded(Guarded()).findall("in 2024 and 2025")
    ['2024', '2025']
    """
    if isinstance(pattern, (re.Pattern, regex.Pattern)):
        return pattern
    return regex.compile(pattern.pattern, pattern.flags)
