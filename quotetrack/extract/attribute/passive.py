"""Passive reports with a "by" phrase, whose mention is the source.

passive_asked  "Ortiz was asked by a caller why …", "she was asked by the board to …": the
               question is the content.  With no asker named ("Reyes was asked about the
               delay") the question is the reporter's and no statement (the project's gold
               leaves such questions out; PolNeAR annotates them, for about 16 more matches).
passive_by     "The meeting was first reported by the Gazette": the passive's subject is the
               content (not after a listener cue: "he was told by aides to …")."""
from __future__ import annotations

from ...model import Cue
from ...text import lexicon
from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from .. import mentions
from .asked import question_end
from .grammar import _span, _words, by_source
from .views import Attribution, Sent
from .offsets import strip_end

# Words that may stand between the auxiliary and "asked": "was also asked", "is often asked".
_BETWEEN = frozenset({"also", "again", "first", "later", "then", "often", "never", "not", "once",
                      "twice", "repeatedly", "recently", "previously", "specifically", "directly"})


def _passive_before(toks, ci: int) -> bool:
    """Is the cue at ``ci`` a passive participle: a form of "be" right before it, maybe with
    an adverb between ("was asked", "has been repeatedly asked")?"""
    j = ci - 1
    while j >= 0 and (toks[j].text.lower() in _BETWEEN or mentions.is_adverb(toks[j].text)):
        j -= 1
    return j >= 0 and toks[j].text.lower() in _words.passive_auxiliaries


def _answer_quote(s: Sent, i: int) -> int | None:
    """Before a quote opened after a colon or comma: "was asked about it: “…”" (the answer's)."""
    return i - 1 if s.toks[i].text in TOKEN_OPENING and s.toks[i - 1].text in (":", ",") else None


def passive_asked(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"X was asked by Z whether …" / "… asked by Z about …" / "… asked by Z to …": the question
    runs from its opener to the next comma or semicolon outside quote marks."""
    toks = s.toks
    if cue.lemma != "ask" or ce - ci != 1 or toks[ci].text.lower() != "asked" or not _passive_before(toks, ci):
        return None
    source = by_source(s, ce)
    if source is None:
        return None                       # no asker named: the reporter's question, no statement
    k = source[1]
    if k >= len(toks) or toks[k].text.lower() not in _words.question_openers:
        return None
    end = question_end(s, k, _answer_quote)
    if end - k < 2 or toks[end - 1].text in TOKEN_CLOSING and end - k < 3:
        return None
    content = (toks[k].start, strip_end(s.text, toks[k].start, toks[end - 1].end))
    return Attribution((content,), _span(s, source), cue, "passive_asked", s.sentence)


# Words that end the subject of a passive report, read back from its auxiliary.
_SUBJECT_STOPS = frozenset({",", ";", ":", "—", "–", "--", "(", ")"})
_MAX_SUBJECT = 8                          # tokens of that subject


def _passive_subject(s: Sent, ci: int) -> tuple[int, int] | None:
    """The subject of the passive participle at ``ci``: the tokens from the clause start (the
    sentence start, a comma, a subordinator) to its auxiliary ("The meeting was first reported
    by …" -> "The meeting"), or the relative that stands for it ("which was reported by …")."""
    toks = s.toks
    j = ci - 1
    while j >= 0 and toks[j].text.lower() not in _words.passive_auxiliaries:
        j -= 1
    while j > 0 and toks[j - 1].text.lower() in ("has", "have", "had", "been", "will", "would"):
        j -= 1
    i = j
    while i > 0 and j - i < _MAX_SUBJECT and toks[i - 1].text not in _SUBJECT_STOPS \
            and toks[i - 1].text.lower() not in _words.subordinators | _words.object_relatives:
        i -= 1
    if i > 0 and toks[i - 1].text.lower() in _words.object_relatives and i == j:
        return i - 1, i                   # "which was first reported by …": the relative
    if i == j or j - i >= _MAX_SUBJECT or (i > 0 and toks[i - 1].text not in _SUBJECT_STOPS
                                           and toks[i - 1].text.lower() not in _words.subordinators):
        return None
    return i, j


def passive_by(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"The meeting was first reported by Politico", "a claim echoed by his rivals": the
    passive's subject is what was reported, the "by" phrase's mention its source."""
    toks = s.toks
    if cue.type != "speech" or cue.lemma in lexicon.lower_words("extract/object_cues.txt") or ce - ci != 1 or not toks[ci].text.lower().endswith(("ed", "en", "told", "said")) \
            or not _passive_before(toks, ci) or ce + 1 >= len(toks) or toks[ce].text.lower() != "by":
        return None
    if s.doc.has_quote_in(s.sentence.start, s.sentence.end):
        return None                       # a quote in the sentence has a speaker of its own
    source = by_source(s, ce)
    subject = _passive_subject(s, ci)
    if source is None or subject is None:
        return None
    content = (toks[subject[0]].start, toks[subject[1] - 1].end)
    return Attribution((content,), _span(s, source), cue, "passive_by", s.sentence)
