"""How the command line reports a problem: exit codes and one-line messages on stderr.

Every command reports a file or record it could not use as ``quotetrack: SOURCE: what is
wrong`` and goes on with the rest; the exit code says how the run went.
"""
from __future__ import annotations

import sys

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
