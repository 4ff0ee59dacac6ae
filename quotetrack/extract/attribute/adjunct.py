"""Sieves for cues inside an adjunct of the clause they report on: a cue participle after a
preposition or subordinator ("by questioning …", "after suggesting that …", "while saying …")
reports for the subject of the clause the adjunct hangs on; "as X noted" reports that clause."""
from __future__ import annotations

import bisect

from ...model import Cue
from ...text import lexicon
from ...text.marks import POSSESSIVE_S
from .. import mentions
from .bounds import DASHES
from .grammar import (
    _adjunct_only, _content_after, _earlier_reports, _is_clause, _is_participle, _reported, _skip_adjuncts,
    _skip_connective, _skip_object, _span, _words, by_source, infinitive_at)
from .views import Attribution, Sent
from .offsets import strip_end, word_count


def _lead_at(s: Sent, ci: int) -> int | None:
    """Index of the preposition or subordinator right before the cue participle at ``ci``
    (-ly adverbs and "also" may stand between: "while also saying"), else None."""
    p = ci - 1
    while p >= 0 and (s.toks[p].text.lower() == "also" or mentions.is_adverb(s.toks[p].text)):
        p -= 1
    if p < 0 or s.toks[p].text.lower() not in lexicon.lower_words("extract/adjunct_leads.txt"):
        return None
    return p


def _opening_end(s: Sent, first: int, k: int) -> int | None:
    """The comma (outside quote marks) that closes an adjunct opening the sentence at token
    ``first``, after the content's first token ``k``."""
    commas = s.marks("commas").outside
    at = bisect.bisect_right(commas, k)
    return commas[at] if at < len(commas) else None


def adjunct_participle(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Trump stirred the race by questioning Cruz's eligibility", "After suggesting on
    Wednesday that he regretted it, Rubio …", "“…,” the governor said, before clarifying that
    …": the source is the clause's subject (after the comma that closes an opening adjunct),
    or the source of the sentence's cue before it."""
    if cue.type not in ("speech", "act") or not _is_participle(cue):
        return None                       # (not "after finding the pay slips": no statement)
    toks = s.toks
    p = _lead_at(s, ci)
    if p is None:
        return None
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    if k < len(toks) and toks[k].text.lower() in lexicon.lower_words("extract/adjunct_words.txt") \
            and toks[k].text.lower() not in _words.content_prepositions and not infinitive_at(toks, k, cue):
        return None                       # "without elaborating as the interview wrapped": no content
    content = _reported(s, cue, k)
    if content is None or (s.doc.quote_at(start=content[0]) is None and word_count(s.text, *content) < 3):
        return None                       # (not "since announcing his bid": a bare act)
    first = 1 if p == 1 and toks[0].text.lower() in _words.conjunctions else 0
    if p == first:                        # the adjunct opens the sentence: the main clause's subject
        comma = _opening_end(s, p, k)
        if comma is None or toks[comma].start < content[0]:
            return None
        source = mentions.forward_subject(toks, comma + 1, len(toks))
        if source is None or source[0] != comma + 1:
            return None
        end = strip_end(s.text, content[0], toks[comma].start)
        return Attribution(((content[0], end),), _span(s, source), cue, "adjunct_participle", s.sentence)
    earlier = _earlier_reports(s, cue)
    if any(a <= cue.start < b for e in earlier for a, b in e.fragments):
        return None                       # "Gore insisted it was … while adding …": inside that report
    if earlier:
        source = earlier[-1].source       # "“…,” the governor said, before clarifying that …"
        return Attribution((content,), source, cue, "adjunct_participle", s.sentence)
    subject = mentions.forward_subject(toks, 0, p)
    if subject is None or not mentions.names_someone(toks, *subject):
        return None
    return Attribution((content,), _span(s, subject), cue, "adjunct_participle", s.sentence)


def _as_reported_by(s: Sent, ci: int, ce: int) -> tuple[tuple[int, int], int, int] | None:
    """The source, the index of "as" and the token after the source in "as (first) reported by
    the Post": a passive "as" clause whose "by" phrase names the source; None otherwise."""
    toks = s.toks
    at = ci - 1
    if at >= 1 and (mentions.is_adverb(toks[at].text) or toks[at].text == "first"):
        at -= 1                           # "as first reported by", "as previously noted by"
    if at < 0 or toks[at].text.lower() != "as":
        return None
    src = by_source(s, ce, named=True)
    return None if src is None else (src, at, src[1])


def as_source(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"As the Post reported, the inspector issued subpoenas …" / "…, as Sanders has
    acknowledged.": a speech cue in an "as" clause reports the clause it sets off by a comma.
    Only adjuncts may follow the cue ("as Dayen noted in a column")."""
    toks = s.toks
    if cue.type != "speech" or not any(t.text.lower() == "as" for t in toks[max(0, ci - mentions.MAX_MENTION_TOKENS - 4):ci]):
        return None
    passive = _as_reported_by(s, ci, ce)
    if passive is not None:
        src, at, k = passive              # "As first reported by the Post, …"
    else:
        src = s.mention(mentions.before, mentions.skip_modifiers_back(toks, ci))
        if src is None or src[0] < 1 or toks[src[0] - 1].text.lower() != "as" \
                or not mentions.names_someone(toks, *src) or toks[src[0]].text.lower() == "it" \
                or toks[ci - 1].text.lower() in _words.passive_auxiliaries:
            return None                   # (not "Oppo Bloc, as it was called")
        at, k = src[0] - 1, ce
    while k < len(toks) and toks[k].text not in (",", ".", ";") and toks[k].text not in DASHES:
        if not (mentions.is_word(toks[k].text) or toks[k].text in POSSESSIVE_S) \
                or (k == ce and (not _adjunct_only(toks[k].text) or toks[k].text.lower() == "to")):
            return None                   # "as Lee said the plan …", "as voters responded to …":
                                          # a clause of its own, no parenthetical "as" clause
        k += 1
    quote = s.doc.quote_at(start=toks[k + 1].start) if k + 1 < len(toks) and toks[k].text == "," else None
    if quote is not None:                 # "As Lee put it, “…”", "…, as the mayor put it, “…”":
        return Attribution(((quote.start, quote.end),), _span(s, src), cue, "as_source", s.sentence)
    first = 1 if at == 1 and toks[0].text.lower() in _words.conjunctions else 0
    if at == first:                       # "As the Post reported, …": the clause after the comma
        if k >= len(toks) or toks[k].text != ",":
            return None
        content = _content_after(s, k + 1)
    elif toks[at - 1].text == "," and (k >= len(toks) - 1 or toks[k].text in (".", ";")):
        start = _skip_connective(s.text, s.sentence.start, toks[at - 1].start)   # "…, as X noted."
        end = strip_end(s.text, start, toks[at - 1].start)
        content = (start, end) if end > start else None
    else:
        return None
    if content is None or s.doc.has_quote_in(*content) or not _is_clause(s.text, *content):
        return None
    return Attribution((content,), _span(s, src), cue, "as_source", s.sentence)
