"""The asked sieve: a bare participle "asked" that opens a clause or follows a quote reports a
question ("Asked why he trailed, Sanders said …", "“…,” she said when asked what …"); its
source is the asker after "by" ("Asked by a reporter whether …"), else none is written."""
from __future__ import annotations

from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from ...text import lexicon
from .. import mentions
from ...config import WINDOWS
from ...model import Cue
from ..segment import Token
from .grammar import _span, _words, by_source
from .views import Attribution, Sent
from .offsets import strip_end


_ASKED_REACH = WINDOWS.asked_tokens        # tokens of adjunct between "Asked" and its question


def asked(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Asked at a briefing why he trailed, Sanders said …", "…,” she said when asked what …":
    a bare past participle "asked" that opens a clause reports the question, with no source
    written (the asker is the reporter).  The question runs to the next comma outside quotes."""
    toks = s.toks
    if cue.lemma != "ask" or ce - ci != 1 or toks[ci].text.lower() != "asked":
        return None
    if ci > 0 and toks[ci - 1].text.lower() not in _words.asked_leads and toks[ci - 1].text not in TOKEN_OPENING:
        return None
    if ci > 1 and toks[ci - 1].text.lower() in ("and", "but") and toks[ci - 2].text != ",":
        return None                       # "He stood and asked …" is a coordinated verb
    k, asker = ce, by_source(s, ce, named=True)
    if asker is not None:
        k = asker[1]                      # "Asked by a reporter whether …": the asker is the source
        if k < len(toks) and toks[k].text.lower() in ("on", "at", "during", "in"):
            k = _past_adjunct(toks, k, asker[1])   # "Asked by Ingraham on Thursday about …"
    if k < len(toks) and toks[k].text.lower() not in _words.question_openers:
        if toks[k].text.lower() not in _words.opening_prepositions:
            return None                   # "Asked the court to …" has an object: not a bare participle
        k = _past_adjunct(toks, k, ce)    # "Asked at a briefing why …"
    if k >= len(toks) or toks[k].text.lower() not in _words.question_openers:
        return None
    end = question_end(s, k, _quoted_comma)
    if end - k < 2:
        return None
    if not _reports_answer(s, ci, end):
        return None
    content = (toks[k].start, strip_end(s.text, toks[k].start, toks[end - 1].end))
    return Attribution((content,), _span(s, asker), cue, "asked", s.sentence)


def _past_adjunct(toks: list[Token], k: int, origin: int) -> int:
    """Past the words of an adjunct from token ``k`` to the question's opener, at most
    ``_ASKED_REACH`` tokens after ``origin`` ("on Thursday", "at a briefing")."""
    openers = _words.question_openers - {"to"}
    while k < len(toks) and k - origin < _ASKED_REACH and mentions.is_word(toks[k].text) \
            and toks[k].text.lower() not in openers:
        k += 1
    return k


def _quoted_comma(s: Sent, i: int) -> int | None:
    """Past a comma inside a quote that closes there: "Asked if X is “fit to serve,” 72 percent said …"."""
    toks = s.toks
    if toks[i].text == "," and i + 1 < len(toks) and toks[i + 1].text in TOKEN_CLOSING \
            and s.doc.quote_at(end=toks[i + 1].end) is not None:
        return i + 2
    return None


def question_end(s: Sent, k: int, stop) -> int:
    """The end of a question that opens at token ``k``: the next comma or semicolon outside
    quote marks, or where ``stop(s, i)`` ends it first, else the sentence end."""
    toks = s.toks
    for i in range(k + 1, len(toks)):
        if toks[i].text in (",", ";") and not s.doc.inside_quote(toks[i].start, toks[i].end):
            return i
        end = stop(s, i)
        if end is not None:
            return end
    return len(toks)


def _reports_answer(s: Sent, ci: int, end: int) -> bool:
    """Does the sentence of an "Asked …" question report an answer: a speech cue or a quote
    outside the question ("Asked why, she said …", "“…,” he said when asked …")?  Not "Asked
    what he would tell them, Ferreira was quiet for a while"."""
    for i, tok in enumerate(s.toks):
        if ci <= i < end:
            continue
        if tok.text in TOKEN_OPENING or tok.text == ":":
            return True
        entry = lexicon.cues().get(tok.text.lower())
        if entry is not None and entry.type == "speech":
            return True
    return False
