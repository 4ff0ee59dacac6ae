"""The adjunct participle sieve: a cue participle after a preposition or subordinator
("by questioning …", "after suggesting that …", "while saying …") reports for the subject
of the clause the adjunct hangs on."""
from __future__ import annotations

import bisect

from ...model import Cue
from ...text import lexicon
from .. import mentions
from .grammar import (
    Attribution, _Sent, _content_after, _naming_content, _skip_adjuncts, _skip_object, _span,
    _strip_end, _word_count, _words)


def _lead_at(s: _Sent, ci: int) -> int | None:
    """Index of the preposition or subordinator right before the cue participle at ``ci``
    (-ly adverbs and "also" may stand between: "while also saying"), else None."""
    p = ci - 1
    while p >= 0 and (s.toks[p].text.lower() == "also"
                      or (s.toks[p].text.islower() and s.toks[p].text.endswith("ly"))):
        p -= 1
    if p < 0 or s.toks[p].text.lower() not in lexicon.lower_words("extract/participle_leads.txt"):
        return None
    return p


def _opening_end(s: _Sent, first: int, k: int) -> int | None:
    """The comma (outside quote marks) that closes an adjunct opening the sentence at token
    ``first``, after the content's first token ``k``."""
    commas = s.marks("commas").outside
    at = bisect.bisect_right(commas, k)
    return commas[at] if at < len(commas) else None


def adjunct_participle(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Trump stirred the race by questioning Cruz's eligibility", "After suggesting on
    Wednesday that he regretted it, Rubio …", "“…,” the governor said, before clarifying that
    …": the source is the clause's subject (after the comma that closes an opening adjunct),
    or the source of the sentence's cue before it."""
    if cue.type not in ("speech", "act") or not cue.text.split()[0].lower().endswith("ing"):
        return None                       # (not "after finding the pay slips": no statement)
    toks = s.toks
    p = _lead_at(s, ci)
    if p is None:
        return None
    k = _skip_adjuncts(s, _skip_object(s, ce, cue))
    if k < len(toks) and toks[k].text.lower() in lexicon.lower_words("extract/adjunct_words.txt") \
            and toks[k].text.lower() not in _words.content_prepositions:
        return None                       # "without elaborating as the interview wrapped": no content
    content = _naming_content(s, cue, k) or _content_after(s, k)
    if content is None or (s.doc.quote_at(start=content[0]) is None and _word_count(s.text, *content) < 3):
        return None                       # (not "since announcing his bid": a bare act)
    first = 1 if p == 1 and toks[0].text.lower() in _words.conjunctions else 0
    if p == first:                        # the adjunct opens the sentence: the main clause's subject
        comma = _opening_end(s, p, k)
        if comma is None or toks[comma].start < content[0]:
            return None
        source = mentions.forward_subject(toks, comma + 1, len(toks))
        if source is None or source[0] != comma + 1:
            return None
        end = _strip_end(s.text, content[0], toks[comma].start)
        return Attribution(((content[0], end),), _span(s, source), cue, "adjunct_participle", s.sentence)
    earlier = [a for a in s.found if a.source is not None and a.cue is not None and a.cue.start < cue.start]
    if earlier:
        source = earlier[-1].source       # "“…,” the governor said, before clarifying that …"
        return Attribution((content,), source, cue, "adjunct_participle", s.sentence)
    subject = mentions.forward_subject(toks, 0, p)
    if subject is None or not mentions.names_someone(toks, *subject):
        return None
    return Attribution((content,), _span(s, subject), cue, "adjunct_participle", s.sentence)
