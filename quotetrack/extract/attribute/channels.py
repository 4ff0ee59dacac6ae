"""The channel a report went out through, after a noun-phrase object: "denied the charges
[through his lawyer]", "claimed victory [in a tweet]", "posted the story [on Facebook]",
"stressed those worries [on Sunday at a forum in Lisbon]".  The phrase ends the sentence and
is no part of what was reported (:func:`.objects.without_adjunct` cuts it off).
Words: data/extract/channel_nouns.txt and channel_prepositions.txt."""
from __future__ import annotations

from ...text import lexicon
from ..fronted import WORD, time_phrase
from ..segment import Token

_MAX_PIECE = 6                              # words of one phrase ("at a university forum")


def channel_adjunct(toks: list[Token], j: int, last: int) -> bool:
    """Do tokens ``j``..``last`` make adjunct phrases only, one of them a channel ("in a
    tweet", "through his lawyer"), the others times or named places ("on Sunday", "in Lisbon"),
    maybe after an adverb ("directly in his speech")?"""
    i, channel = j, False
    while i < last:
        word = toks[i].text
        if word.islower() and word.endswith("ly") and len(word) > 4:
            i += 1
            continue
        k = i + 1
        while k < last and toks[k].text.lower() not in _prepositions():
            k += 1
        words = [t.text for t in toks[i:k]]
        kind = _piece(words) if all(WORD.fullmatch(w) for w in words) else None
        if kind is None:
            return False
        channel, i = channel or kind == "channel", k
    return channel


def _prepositions() -> frozenset[str]:
    """The words that open a channel, time or place phrase ("in", "through", "via")."""
    return lexicon.lower_words("extract/channel_prepositions.txt")


def _piece(words: list[str]) -> str | None:
    """"channel" ("in a tweet"), "time" ("on Sunday") or "place" ("in Lisbon"), else None."""
    if time_phrase(words):
        return "time"
    if words[0].lower() not in _prepositions() or not 1 < len(words) <= _MAX_PIECE:
        return None
    if words[-1].lower() in lexicon.lower_words("extract/channel_nouns.txt"):
        return "channel"
    body = words[2:] if words[1].lower() == "the" else words[1:]
    return "place" if body and len(body) <= 4 and all(w[:1].isupper() for w in body) else None
