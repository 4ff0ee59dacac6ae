"""How the command line reports a problem: exit codes and one-line messages on stderr.

Every command reports a file or record it could not use as ``quotetrack: SOURCE: what is
wrong`` and goes on with the rest; the exit code says how the run went.
"""
from __future__ import annotations

import importlib
import sys
from types import ModuleType

PROG = "quotetrack"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141     # 128 + SIGPIPE, what a shell reports for `yes | head`
EXIT_INTERRUPTED = 130     # 128 + SIGINT


def report(source: str, message: str) -> None:
    """Print ``quotetrack: SOURCE: message`` on stderr (after what stdout has so far)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    print(f"{PROG}: {source}: {message}", file=sys.stderr)


# --- optional dependencies (extras) -------------------------------------------------------------

class MissingExtra(ImportError):
    """A library of an extra is not installed; the message says how to install it."""


def require(module: str, extra: str) -> ModuleType:
    """``module`` imported, or :class:`MissingExtra` saying ``pip install 'quotetrack[EXTRA]'``.

    The one place an optional library is imported, so its absence is always the same
    one-line message (``trafilatura is not installed; pip install 'quotetrack[archive]'``).
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = (exc.name or module).split(".")[0]      # the library, not our module
        raise MissingExtra(f"{missing} is not installed; pip install 'quotetrack[{extra}]'") from exc
