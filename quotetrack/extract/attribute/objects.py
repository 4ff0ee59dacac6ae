"""Contents that are a noun phrase a speech cue takes as its object ("announced [her
resignation]", "called for [an inquiry]"): a two-word one is still a report (the head sieve
otherwise drops a content of fewer than three words), and a time or place adjunct after it is
no part of it ("announced [her retirement] on Friday", "admitted [dangerous driving] at Kelby
Magistrates’ Court")."""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Cue
from ...text import lexicon
from .bounds import _finite, _past_after_noun
from .grammar import Attribution, _past_time, _Sent, _words
from .offsets import _word_count


def short_object(s: _Sent, cue: Cue, k: int, ce: int, content: tuple[int, int]) -> bool:
    """Is a two-word content the noun phrase a cue that takes one reports ("announced his
    resignation", "denied the charges", "called for an inquiry"): right after the cue, opened by
    a determiner or possessive?  Only a speech cue (not "did not speak the language"), and not
    "say"/"tell", which report clauses ("said he could"); after a cue of taking a side, the
    short object it is about (:func:`_named_object`)."""
    toks = s.toks
    if k != ce or s.doc.has_quote_in(*content):
        return False
    if stance_cue(cue):
        return cue.text[:1].islower() and _named_object(s, content)   # (not a title-case headline's
                                                                       # "Figure Endorses Ann Roe")
    return cue.type == "speech" and cue.lemma not in _words.clause_only_cues \
        and _word_count(s.text, *content) == 2 and toks[k].text.lower() in _words.object_determiners


def stance_cue(cue: Cue) -> bool:
    """Is the cue one of taking a side on a person or policy ("endorsed", "slammed", "hailed":
    data/extract/stance_cues.txt)?"""
    return cue.lemma in lexicon.lower_words("extract/stance_cues.txt")


def _named_object(s: _Sent, content: tuple[int, int]) -> bool:
    """Is a content of one or two words right after a cue of taking a side (data/extract/
    stance_cues.txt) the person or policy it is about: a name ("endorsed [Tom Reed]"), an
    object pronoun ("backed [him]") or a noun opened by a determiner or a name's possessive
    ("hailed [the ruling]", "opposed [Reed’s nomination]"; not "[he’s 24]")?  PolNeAR
    annotates each as an attribution of its own."""
    words = s.text[content[0]:content[1]].split()
    first = words[0].lower()
    if len(words) == 1 and first in _words.object_pronouns:
        return True
    if all(w[:1].isupper() for w in words):
        return True
    return len(words) == 2 and (first in _words.object_determiners
                                or words[0][:1].isupper() and first.endswith(("’s", "'s")))


def nested_stance(b: Attribution, text: str, lo: int, hi: int) -> bool:
    """Is ``b`` a cue of taking a side with a short object (:func:`_named_object`) whose source
    lies inside the content text[lo:hi] of another report, joined to it by no comma or
    semicolon ("said fans were angry but most still backed the manager")?  It is part of what
    that report says: it cuts nothing of it, and is no statement of its own (after ", and
    those voters backed Reed" or "; most oppose it" the narrator speaks again)."""
    return b.cue is not None and b.source is not None and lo <= b.source[0] and b.source[1] <= hi \
        and stance_cue(b.cue) \
        and _word_count(text, b.fragments[0][0], b.fragments[-1][1]) < 3 \
        and _CLAUSE_JOINT.search(text, max(lo, b.source[0] - _JOINT_CHARS), b.source[0]) is None


def inside_report(a: Attribution, found: list[Attribution], text: str) -> bool:
    """Does a stance ``a`` sit inside another attribution's content (:func:`nested_stance`)?"""
    return any(b is not a and nested_stance(a, text, s, e) for b in found for s, e in b.fragments)


# What joins a clause of the narrator's to reported content before it: ", and ", "; ", ", while ".
_CLAUSE_JOINT = re.compile(r"[,;]\s*(?:(?:and|but|while|whereas)\s+)?$")
_JOINT_CHARS = 12


@lru_cache(maxsize=1)
def _non_openers() -> frozenset[str]:
    """Function words that open no noun phrase a cue takes ("even", "also"; not "the", "her")."""
    return lexicon.lower_words("text/function_words.txt") - _words.object_determiners


_MAX_OBJECT = 6                             # words of a noun phrase an adjunct may follow


def without_adjunct(s: _Sent, cue: Cue, k: int, ce: int, content: tuple[int, int]) -> tuple[int, int]:
    """``content`` without a time or place adjunct that ends it when it is a noun phrase right
    after a speech cue: "announced her retirement [on Friday]", "denied the claims [last
    night]", "admitted dangerous driving [at Kelby Magistrates’ Court]".  A noun phrase: at most
    six words, no comma, no subject pronoun, auxiliary or past tense (bounds._finite,
    bounds._past_after_noun: "the alleged plot" is a noun phrase; "said the plan would fail
    on Friday", "say the Unionists walked out last year" are clauses and keep it); after
    "say"-type cues (data/text/word_classes.txt [clause_only_cues]) only one opened by a
    determiner or possessive."""
    toks = s.toks
    if k != ce or cue.type != "speech" or s.tok_at(content[0]) != k or toks[k].text.lower() in _non_openers() \
            or s.doc.has_quote_in(*content):
        return content                    # (not "as X reported, even [on Friday]")
    last = s.tok_at(content[1])           # the token after the content
    for j in range(k + 1, min(last, k + _MAX_OBJECT + 1)):
        word = toks[j].text
        if not word.isalpha():
            if word in (",", ";", ":") or word[:1] in "“\"(":
                return content
            continue
        low = word.lower()
        if low in _words.subject_pronouns or low == "that" or _finite(toks, j) \
                or low.endswith("ed") and (_past_after_noun(toks, j) or word[:1].isupper()):
            return content                # a clause: "the plan would fail", "the Unionists walked out"
        if _adjunct_to(s, j, last):
            if cue.lemma in _words.clause_only_cues and toks[k].text.lower() not in _words.object_determiners:
                return content
            return (content[0], toks[j - 1].end)
    return content


def _adjunct_to(s: _Sent, j: int, last: int) -> bool:
    """Do the tokens from ``j`` to ``last`` make a time phrase ("on Friday", "last night",
    "late Tuesday") or a place named after "at" ("at Kelby Magistrates’ Court")?"""
    toks = s.toks
    if toks[j].text == "at" and j + 1 < last:
        n = j + 2 if toks[j + 1].text == "the" else j + 1
        return n < last and all(t.text[:1].isupper() or t.text in ("’", "'", "’s", "'s") for t in toks[n:last])
    return toks[j].text in _words.time_leads and _past_time(s, j) == last

