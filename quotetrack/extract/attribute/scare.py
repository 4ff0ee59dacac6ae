"""Scare quotes inside reported words: a quoted word or short phrase that no quote sieve takes
as a statement of its own ("his promise to be “neutral” in the talks", "Lund’s claim that
“thousands” cheered").  A sieve that reads unquoted content may keep such a span: the quote
is part of its content (a mixed quotation), and nothing else will attribute it."""
from __future__ import annotations

import bisect

from ...config import Config
from .quoted import is_statement
from .views import Doc


def scare_quotes_only(doc: Doc, start: int, end: int, config: Config) -> bool:
    """Is every quote that opens in text[start:end] a scare quote (no more than
    ``config.max_scare_words`` words, not a short sentence of its own), closed before ``end``?

    (The caller knows a quote opens there; with none this is trivially true.)"""
    i = bisect.bisect_left(doc.quote_starts, start)
    while i < len(doc.quotes) and doc.quotes[i].start < end:
        quote = doc.quotes[i]
        if quote.end > end or is_statement(doc.text, quote, config):
            return False
        i += 1
    return True
