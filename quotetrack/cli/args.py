"""Argument types the parser checks (each names the bad value in its error), and the usage
error a command raises for a bad combination of options."""
from __future__ import annotations

import argparse


class UsageError(Exception):
    """A bad combination of options found after parsing; reported like an argparse error."""


def positive_int(value: str) -> int:
    """An argparse type: a whole number >= 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


def encoding_name(value: str) -> str:
    """An argparse type: the name of a text encoding Python knows ("cp1252", "latin-1")."""
    import codecs
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def port_number(value: str) -> int:
    """An argparse type: a TCP port, 0 to 65535 (0: any free port)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} must be from 0 to 65535")
    return number


def positive_float(value: str) -> float:
    """An argparse type: a number above 0."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be more than 0")
    return number


def jobs_count(value: str) -> int:
    """An argparse type: a whole number >= 0 (0: every core)."""
    if value.strip().isdigit():
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} must be 0 (every core) or more")


def unit_float(value: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} must be from 0 to 1")
    return number


def iso_date(value: str) -> str:
    """An argparse type: a day written YYYY-MM-DD."""
    from ..ledger.rows import iso_day
    day = iso_day(value)
    if day is None or len(value.strip()) != 10:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD")
    return day
