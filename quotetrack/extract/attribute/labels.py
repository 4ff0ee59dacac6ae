"""Paragraph sieves: a paragraph that opens with a speaker's label and a colon, a short
headline or lead-in ("Gov Ortiz: Plan Is ‘Doomed’") or the turns of a transcript inside an
article ("TAPPER: Do you think …"); the rest of the paragraph is that speaker's statement."""
from __future__ import annotations

import bisect
import re

from ...text import lexicon
from ...read import transcript
from .. import mentions
from ...model import Cue, Paragraph
from ..segment import tokens as tokenize
from .views import Attribution, Doc
from .offsets import strip_end, word_count


# "Marco Rubio: I’m Not Interested In Being Vice President" — a short name, a colon, a statement.
_HEADLINE_COLON = re.compile(r"((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)\s*:\s+(?=\S)")


def headline_colon(doc: Doc, para: Paragraph) -> Attribution | None:
    """A short paragraph (a headline or a lead-in) that opens with a name and a colon: the rest
    is the named source's statement, quoted phrases and all ("Gov Ortiz: Plan Is ‘Doomed,’ Vote
    Is ‘Theater’"), unless one quote is the whole of it (the colon quote sieve reads that)."""
    text = doc.text
    if para.end - para.start > 200:
        return None
    m = _HEADLINE_COLON.match(text, para.start, para.end)
    if m is None or doc.has_quote_in(para.start, m.end()):
        return None
    name = m.group(1)
    toks = tokenize(text, m.start(1), m.end(1))
    if name.isupper() or _kicker(name) or any(t.text[:1].isdigit() for t in toks) or not toks \
            or mentions.after(toks, 0) != (0, len(toks)) or not mentions.names_someone(toks, 0, len(toks)):
        return None
    end = strip_end(text, m.end(), para.end)
    if word_count(text, m.end(), end) < 3 or _one_quote(doc, m.end(), end):
        return None
    sent = doc.sents[bisect.bisect_right(doc.sent_starts, para.start) - 1]
    colon_at = text.index(":", m.end(1))
    cue = Cue(colon_at, colon_at + 1, ":", ":", "speech")
    return Attribution(((m.end(), end),), (m.start(1), m.end(1)), cue, "colon", sent)




def transcript_turns(doc: Doc, paras: list[Paragraph]) -> list[Attribution]:
    """Turns of a transcript inside an article: paragraphs that open with a speaker label in
    capitals and a colon ("TAPPER: Do you think …", "FALLIN: I think …"), when two speakers or
    more are labelled so; each turn is its speaker's statement.  (One-letter labels, "Q:" and
    "A:", name no one.)"""
    found = []
    for para in paras:
        at = transcript.label(doc.text, para.start, para.end)
        if at is None:
            continue
        name = doc.text[at[0]:at[1]]
        if len(name) < 2 or not name.isupper() or _kicker(name):
            continue
        end = strip_end(doc.text, at[2], para.end)
        if word_count(doc.text, at[2], end) < 3:
            continue
        sent = doc.sents[bisect.bisect_right(doc.sent_starts, para.start) - 1]
        colon_at = doc.text.index(":", at[1])
        cue = Cue(colon_at, colon_at + 1, ":", ":", "speech")
        found.append(Attribution(((at[2], end),), (at[0], at[1]), cue, "colon", sent))
    speakers = {doc.text[a.source[0]:a.source[1]] for a in found}
    return found if len(speakers) >= 2 else []


# Capitalised labels that open a paragraph of furniture, not a turn ("UPDATE:", "EDITOR'S NOTE:").
def _kicker(label: str) -> bool:
    """Is a label before a colon a kicker or page furniture, no speaker ("Breaking", "The
    Latest", "UPDATE", data/extract/kicker_labels.txt)?"""
    low = " ".join(label.lower().rstrip(".").split())
    if low.startswith("the "):
        low = low[4:]
    return low in lexicon.lower_words("extract/kicker_labels.txt")


def _one_quote(doc: Doc, start: int, end: int) -> bool:
    """Is text[start:end] one quote with at most closing punctuation after it?"""
    i = bisect.bisect_left(doc.quote_starts, start)
    return i < len(doc.quotes) and doc.quotes[i].start == start and doc.quotes[i].end >= end - 1
