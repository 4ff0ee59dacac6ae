"""The command line: ``quotetrack extract|claims|eval|eval-claims|bench|track|check``.

:func:`create_parser` builds the argparse parser; :func:`main` runs it and
returns the exit code: 0 on success, 1 when an input or file could not be
used (each reported on stderr as ``quotetrack: FILE: what is wrong``), 2 for a
usage error.  Each subcommand is one ``cmd_*`` function taking the parsed
arguments (:mod:`.commands`); :mod:`.parser` builds the parser, :mod:`.args` checks
argument values, :mod:`.track` holds ``track``'s sub-commands.  Nothing is imported or
read until a command runs.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence

from ..errors import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, report
from .args import UsageError
from .commands import make_config, split_label
from .parser import create_parser


# --- main ----------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = create_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:                           # the subcommand's usage, not the top level's
            args.parser.error(f"unrecognized arguments: {' '.join(extra)}")
        try:
            return args.func(args)
        except UsageError as exc:
            args.parser.error(str(exc))     # prints usage, exits 2
    except SystemExit as exc:               # argparse errors, --help, --version
        return _exit_code(exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:                 # e.g. `quotetrack extract ... | head`
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return EXIT_USAGE  # pragma: no cover  (parser.error never returns)


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return EXIT_FAILED


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass                                # not a real file (tests): nothing to silence


__all__ = ["UsageError", "create_parser", "main", "make_config", "report", "split_label",
           "EXIT_BROKEN_PIPE"]
