"""Is a cue a finite verb that reports, with a subject that agrees with it?  The checks the
head, tail and clause sieves (:mod:`.sentence`, :mod:`.clauses`) share."""
from __future__ import annotations

from ...text.marks import TOKEN_OPENING
from ...model import Cue
from ..segment import Token
from .grammar import _catenative_start, _words
from .reduced import reduced_relative
from .subject import past_bare_form
from .views import Sent


def agrees(s: Sent, src: tuple[int, int], cue: Cue | None, ci: int) -> bool:
    """Subject and verb agree: a bare cue form ("say", "dispute") right after its subject needs
    a plural subject ("officials say", "they argue"), so "Calvera’s border dispute with …" or
    "firm guarantees" are nouns, not cues.  A modal or auxiliary in between ("he would say")
    lifts the check."""
    if cue is None or src[1] != ci:
        return True
    first = cue.text.split()[0].lower()
    if first != cue.lemma.split()[0] or first.endswith("s") or past_bare_form(s.toks, ci, cue):
        return True                       # inflected: "said", "says", "saying"; "forecast", "put"
    toks = s.toks
    if any(t.text.lower() == "and" for t in toks[src[0]:src[1]]):
        return True                       # "Gantz and Esper say"
    head = toks[src[1] - 1].text.lower()
    return head in _words.plural_heads or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def introduces_report(toks: list[Token], k: int) -> bool:
    """Does reported content open at token ``k`` with "that", a colon or a quote mark?"""
    if k >= len(toks):
        return False
    word = toks[k].text
    if word in (":", ",") and k + 1 < len(toks):
        word = toks[k + 1].text
    return word.lower() in ("that", ":") or word in TOKEN_OPENING


def active_finite(s: Sent, cue: Cue, ci: int, ce: int) -> bool:
    """Is the cue a finite verb in the active voice?  Not "superdelegates declaring support"
    (a bare participle) nor "he was recommended by Stone" (a passive)."""
    toks = s.toks
    if ce < len(toks) and toks[ce].text.lower() == "by" or reduced_relative(toks, cue, ci, ce):
        return False                      # (nor "a report published last year by …": reduced.py)
    if ci > 0 and toks[ci - 1].text.lower() == "to" and _catenative_start(toks, ci) is None:
        return False                      # "declined to say", "trying to ask": no report
                                          # (but "continued to question": the subject's)
    if cue.text.lower().endswith("ing"):
        a = ci - 1 if ci > 1 and toks[ci - 1].text.lower() in ("not", "never") else ci
        return a > 0 and toks[a - 1].text.lower() in _words.auxiliaries    # (also "is not saying")
    if (cue.text.lower().endswith("ed") or cue.text.lower() in _words.irregular_participles) \
            and ci > 0 and toks[ci - 1].text.lower() in _words.passive_auxiliaries:
        return False                      # "after the winner was declared": a passive
    return True
