"""The severity of every verdict ``check`` gives, read from data/check/check_verdicts.tsv (one table
for the source-free checks and the verdicts on quotes held against sources)."""
from __future__ import annotations

from functools import lru_cache

from ..model import SEVERITIES
from ..text import lexicon

# The verdicts on a draft quote held against the sources, in the order of the table
# (and of the self-test's confusion table).
QUOTE_VERDICTS = ("verified", "punctuation-only", "altered", "number-changed", "negation-changed",
                  "truncated", "ellipsis", "ellipsis-hides", "spliced", "wrong-speaker",
                  "speaker-unconfirmed", "found-elsewhere", "not-found", "ambiguous-source", "too-short")


@lru_cache(maxsize=1)
def severities() -> dict[str, str]:
    """verdict -> severity, from data/check/check_verdicts.tsv.

    >>> severities()["unattributed"], severities()["name-inconsistent"], severities()["spliced"]
    ('error', 'warning', 'error')
    """
    table = {}
    for verdict, rest in lexicon.pairs("check/check_verdicts.tsv").items():
        severity = rest.split("\t", 1)[0].strip()
        if severity not in SEVERITIES:
            raise ValueError(f"quotetrack/data/check/check_verdicts.tsv: {verdict}: severity {severity!r} "
                             f"is not one of {', '.join(SEVERITIES)}")
        table[verdict] = severity
    return table


def severity_of(verdict: str, default: str = "warning") -> str:
    """The severity of ``verdict`` from the table, else ``default``.

    >>> severity_of("unbalanced-quote"), severity_of("no-such-verdict", "info")
    ('error', 'info')
    """
    return severities().get(verdict, default)
