"""The passive question sieve: "Ortiz was asked by a caller why …", "she was asked by the board
to …".  The question is the content and the asker of the "by" phrase its source.  With no asker
named ("Reyes was asked about the delay") the question is the reporter's, no statement (the
project's gold leaves such questions out; PolNeAR annotates them, for about 16 more matches)."""
from __future__ import annotations

from ...model import Cue
from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from .. import mentions
from .grammar import Attribution, _Sent, _span, _strip_end, _words

# Words that may stand between the auxiliary and "asked": "was also asked", "is often asked".
_BETWEEN = frozenset({"also", "again", "first", "later", "then", "often", "never", "not", "once",
                      "twice", "repeatedly", "recently", "previously", "specifically", "directly"})


def _passive_before(toks, ci: int) -> bool:
    """Is the cue at ``ci`` a passive participle: a form of "be" right before it, maybe with
    an adverb between ("was asked", "has been repeatedly asked")?"""
    j = ci - 1
    while j >= 0 and (toks[j].text.lower() in _BETWEEN or (toks[j].text.islower() and toks[j].text.endswith("ly"))):
        j -= 1
    return j >= 0 and toks[j].text.lower() in _words.passive_auxiliaries


def passive_asked(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"X was asked by Z whether …" / "… asked by Z about …" / "… asked by Z to …": the question
    runs from its opener to the next comma or semicolon outside quote marks."""
    toks = s.toks
    if cue.lemma != "ask" or ce - ci != 1 or toks[ci].text.lower() != "asked" or not _passive_before(toks, ci):
        return None
    if ce + 1 >= len(toks) or toks[ce].text.lower() != "by":
        return None                       # no asker named: the reporter's question, no statement
    source = mentions.after(toks, ce + 1)
    if source is None or source[0] != ce + 1:
        return None
    k = source[1]
    if k >= len(toks) or toks[k].text.lower() not in _words.question_openers:
        return None
    end = len(toks)
    for i in range(k + 1, len(toks)):
        if toks[i].text in (",", ";") and not s.doc.inside_quote(toks[i].start, toks[i].end):
            end = i
            break
        if toks[i].text in TOKEN_OPENING and toks[i - 1].text in (":", ","):
            end = i - 1                   # "was asked about it: “…”": the quote is the answer's
            break
    if end - k < 2 or toks[end - 1].text in TOKEN_CLOSING and end - k < 3:
        return None
    content = (toks[k].start, _strip_end(s.text, toks[k].start, toks[end - 1].end))
    return Attribution((content,), _span(s, source), cue, "passive_asked", s.sentence)
