"""A lead phrase with no comma before the subject of a head cue: "On Monday Grayson said …",
"During the hearing Pirelli also said …", "In a written note the judge said …".  The phrase
opens with an adjunct word and holds a noun phrase of its own; no cue, comma or quote mark."""
from __future__ import annotations

from ...text import lexicon
from .. import mentions
from .grammar import _role_word, _words
from .views import Sent
from ..kinds import org_nouns
from ..speakers import _lists

_MAX_LEAD = 6                             # tokens of a lead phrase with no comma before its subject
_MAX_DESCRIPTION = 3                      # tokens of "the judge", "the deputy minister"
_MAX_PREP_LEAD = 8                        # tokens of a lead that opens with a preposition and holds no verb
_MAX_LONG_LEAD = 10                       # tokens of a lead phrase with a noun phrase of its own ("In a post after the vote")
_MAX_NAMED = 6                            # tokens of "the Harbour Residents group"


def _plain_lead(s: Sent, end: int, most: int = _MAX_LEAD) -> bool:
    """Are tokens 1..``end`` the rest of a lead phrase: words only, at most _MAX_LEAD tokens in
    all, and no cue but a noun after a determiner ("During the hearing", "In a written note";
    not "When asked")?"""
    toks = s.toks
    if end > most and not _prepositional_lead(s, end):
        return False
    return 0 < end and not any(
        not mentions.is_word(toks[i].text) or (lexicon.cues().get(toks[i].text.lower()) and not _after_determiner(s, i))
        for i in range(1, end))


def _prepositional_lead(s: Sent, end: int) -> bool:
    """May tokens 0..``end`` be a lead phrase longer than the usual: up to _MAX_PREP_LEAD tokens
    that open with a preposition or a speech participle ("Speaking to reporters in …"), not a subordinator ("At a rally in Leeds on Saturday"; not
    "While …", "After …"), and hold no finite auxiliary ("This is not the kind of …")?"""
    toks = s.toks
    first = toks[0].text.lower()
    return end <= _MAX_PREP_LEAD and (first in lexicon.lower_words("extract/lead_prepositions.txt")
                                      or _speaking_lead(toks[0].text)) \
        and first not in _words.subordinators \
        and not any(toks[i].text.lower() in _words.finite_auxiliaries for i in range(1, end))


def _after_determiner(s: Sent, i: int) -> bool:
    """Is token ``i`` a noun after a determiner, maybe with one word between ("the hearing",
    "a written note")?"""
    dets = lexicon.lower_words("extract/determiners.txt")
    return any(s.toks[b].text.lower() in dets for b in range(max(0, i - 2), i))


def _own_noun_phrase(s: Sent, end: int) -> bool:
    """Does the lead phrase toks[0:end] open with a preposition and hold a noun phrase of its own,
    ending in a word that is no determiner, adjunct word or bare-relative head ("During the
    hearing", "In court"; not "After the", "By the time", "When X pointed out that")?"""
    toks = s.toks
    if end < 2 or toks[0].text.lower() not in lexicon.lower_words("extract/lead_prepositions.txt"):
        return False
    last = toks[end - 1].text.lower()
    if last in _lists().function or any(t.text.lower() in _words.clause_wh_words for t in toks[1:end]):
        return False                      # "In what might be the first time Republicans and …": no phrase apart
    return last not in lexicon.lower_words("extract/determiners.txt") \
        and last not in lexicon.lower_words("extract/adjunct_words.txt") \
        and last not in lexicon.lower_words("extract/bare_relative_heads.txt")


def _description(s: Sent, the: int, end: int) -> bool:
    """Is toks[the:end] a short lower-case definite description ("the judge"), or a named
    group ("the Harbour Residents group": capitalised words and a lower-case organisation noun)?"""
    toks = s.toks
    if toks[the].text != "the" or end - the < 2:
        return False
    if end - the <= _MAX_DESCRIPTION and all(t.text.islower() for t in toks[the:end]):
        return True
    return end - the <= _MAX_NAMED and toks[end - 1].text in org_nouns() \
        and all(mentions.is_capitalised(t.text) for t in toks[the + 1:end - 1])


def after_lead_phrase(s: Sent, src: tuple[int, int] | None) -> tuple[int, int] | None:
    """The subject after a lead phrase with no comma that opens the sentence with an adjunct word:
    the capitalised name ending the mention ("On Monday Grayson said …", "During the interview
    Ms Kerr also said …"), a name or description the mention reader took alone after the phrase
    ("During the hearing Pirelli said …"), or a description after a phrase that holds a time or
    a noun phrase of its own ("Late on Tuesday the minister said …", "In a written note the
    judge said …")."""
    toks = s.toks
    if src is None or not toks or (toks[0].text.lower() not in lexicon.lower_words("extract/adjunct_words.txt")
                                   and toks[0].text.lower() not in lexicon.lower_words("extract/lead_prepositions.txt")
                                   and not _speaking_lead(toks[0].text)):
        return None
    if src[0] >= 2 and _plain_lead(s, src[0]) and _own_noun_phrase(s, src[0]) \
            and (all(mentions.is_capitalised(t.text) for t in toks[src[0]:src[1]]) or _description(s, src[0], src[1])):
        return src                        # "During the hearing Pirelli said": the phrase stands apart
    if src[1] - src[0] < 2:
        return None
    cal = lexicon.lower_words("extract/calendar_words.txt")
    the = next((m for m in range(src[1] - 2, src[0] - 1, -1) if toks[m].text == "the"), None)   # the last "the"
    if the is not None and _description(s, the, src[1]) \
            and _plain_lead(s, the, _MAX_LONG_LEAD if _own_noun_phrase(s, the) else _MAX_LEAD):
        if all(t.text.lower() in cal for t in toks[src[0]:the]) and any(t.text.lower() in cal for t in toks[1:the]):
            return the, src[1]            # a description after a lead that holds a time (not "By the time …")
        if _own_noun_phrase(s, the) and the > src[0]:
            return the, src[1]            # "In a written note the judge said", "In court the judge said"
    n = src[1]
    while n - 1 > 0 and mentions.is_capitalised(toks[n - 1].text) and toks[n - 1].text.lower() not in cal:
        n -= 1
    if n >= src[1] or n <= src[0] - 1 or not _plain_lead(s, n):
        return None
    return _role_before(s, n), src[1]


def _speaking_lead(word: str) -> bool:
    """Is ``word`` a capitalised -ing form of a speech cue that opens a lead phrase ("Speaking in
    Durban on Monday Minister X said", "Addressing the rally Ms Y said")?"""
    return word.endswith("ing") and word[:1].isupper() and word.lower() in lexicon.cues()


def _role_before(s: Sent, n: int) -> int:
    """Where the subject at ``n`` (a capitalised name after a lead phrase) starts once a lower-case
    role right before it (with the role or organisation nouns that modify it: "After the vote
    council leader Tessa Drummond said") and the capitalised words before the role are taken in
    ("In a statement Greens leader Rosalind Fenn said"), when what stays before them is still a
    lead phrase."""
    toks = s.toks
    if n < 3 or not toks[n - 1].text.islower() or not _role_word(toks[n - 1].text):
        return n
    m = n - 1
    while m - 1 > 0 and n - m < _MAX_DESCRIPTION and toks[m - 1].text.islower() \
            and (toks[m - 1].text in lexicon.lower_words("text/titles.txt") or toks[m - 1].text in org_nouns()):
        m -= 1                            # "council leader", "deputy party leader": the role's own modifiers
    cal = lexicon.lower_words("extract/calendar_words.txt")
    objects = lexicon.lower_words("extract/lead_prepositions.txt") | lexicon.lower_words("extract/np_prepositions.txt")
    while m - 1 > 0 and mentions.is_capitalised(toks[m - 1].text) and toks[m - 1].text.lower() not in cal \
            and toks[m - 2].text not in objects:  # not "on Facebook": a preposition's object ends the lead
        m -= 1
    return m if m < n - 1 and _plain_lead(s, m) else n
