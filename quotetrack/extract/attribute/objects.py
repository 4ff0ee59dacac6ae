"""Contents that are a noun phrase a speech cue takes as its object ("announced [her
resignation]", "called for [an inquiry]"): a two-word one is still a report (the head sieve
otherwise drops a content of fewer than three words), and a time or place adjunct after it is
no part of it ("announced [her retirement] on Friday", "admitted [dangerous driving] at Kelby
Magistrates’ Court"), nor is the channel it went out through ("denied [the charges] through his
lawyer": :mod:`.channels`)."""
from __future__ import annotations

from functools import lru_cache

from ...model import Cue
from ...text import lexicon
from ...text.marks import POSSESSIVES
from .bounds import _finite, _past_after_noun
from .channels import channel_adjunct
from .grammar import _past_time, _words
from .views import Sent
from .offsets import word_count
from ..segment import Token
from .stance import named_object, stance_cue


def too_short(s: Sent, cue: Cue, k: int, ce: int, content: tuple[int, int], stance_only: bool = False) -> bool:
    """Is ``content`` (its first token ``k``) under three words, unquoted, and no object the
    cue takes (:func:`short_object`; ``stance_only``: only a stance's, :mod:`.stance`)?  Then
    it reports nothing: "the campaign continues to grow", "officials who spoke Friday"."""
    return s.doc.quote_at(start=content[0]) is None and word_count(s.text, *content) < 3 \
        and not short_object(s, cue, k, ce, content, stance_only)


def short_object(s: Sent, cue: Cue, k: int, ce: int, content: tuple[int, int], stance_only: bool = False) -> bool:
    """Is a two-word content the noun phrase a cue that takes one reports ("announced his
    resignation", "denied the charges", "called for an inquiry"): right after the cue, opened by
    a determiner or possessive?  Only a speech cue (not "did not speak the language"), and not
    "say"/"tell", which report clauses ("said he could"); after a cue of taking a side, the
    short object it is about (:func:`.stance.named_object`)."""
    toks = s.toks
    if k != ce or s.doc.has_quote_in(*content):
        return False
    if stance_cue(cue):
        return cue.text[:1].islower() and named_object(s, content)   # (not a title-case headline's
                                                                      # "Figure Endorses Ann Roe")
    return not stance_only and cue.type == "speech" and cue.lemma not in _words.clause_only_cues \
        and word_count(s.text, *content) == 2 and toks[k].text.lower() in _words.object_determiners


@lru_cache(maxsize=1)
def _non_openers() -> frozenset[str]:
    """Function words that open no noun phrase a cue takes ("even", "also"; not "the", "her")."""
    return lexicon.lower_words("text/function_words.txt") - _words.object_determiners


_MAX_OBJECT = 6                             # words of a noun phrase an adjunct may follow


def without_adjunct(s: Sent, cue: Cue, k: int, ce: int, content: tuple[int, int]) -> tuple[int, int]:
    """``content`` without a time or place adjunct that ends it when it is a noun phrase right
    after a speech cue: "announced her retirement [on Friday]", "denied the claims [last
    night]", "admitted dangerous driving [at Kelby Magistrates’ Court]".  A noun phrase: at most
    six words, no comma, no subject pronoun, auxiliary or past tense (bounds._finite,
    bounds._past_after_noun: "the alleged plot" is a noun phrase; "said the plan would fail
    on Friday", "say the Unionists walked out last year" are clauses and keep it); after
    "say"-type cues (data/text/word_classes.txt [clause_only_cues]) only one opened by a
    determiner or possessive.  A cue's participle after the object's first comma ends it first
    ("denied the claims[, calling them …]": :func:`_participle_comma`; not after "say"-type cues)."""
    toks = s.toks
    if k != ce or cue.type != "speech" or s.tok_at(content[0]) != k or toks[k].text.lower() in _non_openers():
        return content                    # (not "as X reported, even [on Friday]")
    full, last = content, s.tok_at(content[1])        # last: the token after the content
    stop = _participle_comma(toks, k, min(last, k + _MAX_OBJECT + 1)) \
        if cue.lemma not in _words.clause_only_cues else None
    if stop is not None:                  # "denied the claims[, calling them …]": the subject's
        last, content = stop, (content[0], toks[stop - 1].end)
    if s.doc.has_quote_in(*content):
        return full
    for j in range(k + 1, min(last, k + _MAX_OBJECT + 1)):
        word = toks[j].text
        if not word.isalpha():
            if word in (",", ";", ":") or word[:1] in "“\"(":
                return full
            continue
        low = word.lower()
        if low in _words.subject_pronouns or low == "that" or _finite(toks, j) \
                or low.endswith("ed") and (_past_after_noun(toks, j) or word[:1].isupper()):
            return full                   # a clause: "the plan would fail", "the Unionists walked out"
        if _adjunct_to(s, j, last) or channel_adjunct(toks, j, last) or _adverbial_clause(toks, j, k):
            if cue.lemma in _words.clause_only_cues and toks[k].text.lower() not in _words.object_determiners:
                return full
            return (content[0], toks[j - 1].end)
    return content


def _participle_comma(toks: list[Token], k: int, end: int) -> int | None:
    """Index of the first comma after a noun-phrase object that starts at token ``k``, before
    token ``end``, when a participle of the cue's subject follows it ("denied the accusations
    through a spokeswoman[, dismissing …]", "…[, saying …]"): the participle of a cue (a
    participle of the object's own goes on with it: "906 attacks, ranging from …", "the
    figure of X, sitting alone …"), else None."""
    for j in range(k + 1, end):
        if toks[j].text == ",":
            nxt = toks[j + 1].text if j + 1 < len(toks) else ""
            ok = nxt.islower() and nxt.endswith("ing") and len(nxt) > 5
            return j if ok and lexicon.cues().get(nxt) is not None else None
    return None


def _adverbial_clause(toks: list[Token], j: int, k: int) -> bool:
    """Does token ``j`` open an adverbial clause after the noun phrase that a determiner or
    possessive opens at ``k`` ("called her son her hero [before explaining …]", "announced the
    partnership [after cutting ties …]", "tweeted his observations [as he lined up …]")?  A
    clause: the subordinator before a subject pronoun or an -ing verb (not "called for a
    boycott after the firm refused …", "testify before Congress"), and not one that may stay
    inside the noun phrase (data/text/word_classes.txt [object_subordinators]: "since 2008")."""
    low = toks[j].text.lower()
    if j < k + 2 or j + 1 >= len(toks) or toks[k].text.lower() not in _words.object_determiners \
            or low not in _words.subordinators or low in _words.object_subordinators:
        return False
    after = toks[j + 1].text
    return after.lower() in _words.subject_pronouns or after.islower() and after.endswith("ing") and low != "as"


def _adjunct_to(s: Sent, j: int, last: int) -> bool:
    """Do the tokens from ``j`` to ``last`` make a time phrase ("on Friday", "last night",
    "late Tuesday") or a place named after "at" ("at Kelby Magistrates’ Court")?"""
    toks = s.toks
    if toks[j].text == "at" and j + 1 < last:
        n = j + 2 if toks[j + 1].text == "the" else j + 1
        return n < last and all(t.text[:1].isupper() or t.text in POSSESSIVES for t in toks[n:last])
    return toks[j].text in _words.time_leads and _past_time(s, j) == last


_DOCUMENT_REACH = 4                         # words of an indefinite noun phrase up to its document noun
_AFTER_DOCUMENT = frozenset({",", ".", "to", "on", "in", "at", "from", "for", "with", "outside"})


def document_object(s: Sent, cue: Cue, k: int, ce: int, content: tuple[int, int]) -> bool:
    """Is ``content`` the document a cue of reading or posting takes as its object ("read [a
    victim impact statement] to the court", "posted [a message] on social media"; data/text/
    word_classes.txt [document_object_cues]): right after the cue, "a"/"an" and lower-case words
    up to a document noun (data/extract/document_nouns.txt), then the content's end, a
    preposition or an adjunct clause ("when he …")?  It names the document, not its words: no report."""
    toks = s.toks
    if k != ce or cue.lemma not in _words.document_object_cues or k >= len(toks) \
            or toks[k].text.lower() not in ("a", "an") or s.doc.has_quote_in(*content):
        return False
    nouns = lexicon.lower_words("extract/document_nouns.txt")
    for j in range(k + 1, min(len(toks), k + 1 + _DOCUMENT_REACH)):
        word = toks[j].text
        if not (word.isalpha() and word.islower()):
            return False
        if word in nouns:
            after = toks[j + 1].text.lower() if j + 1 < len(toks) else ""
            return not after or toks[j + 1].start >= content[1] or after in _AFTER_DOCUMENT \
                or after in _words.adjunct_openers          # "reading [a text message] when he …"
    return False

