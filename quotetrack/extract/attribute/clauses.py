"""Sentence sieves for a cue in a relative or coordinated clause: "Jeb Bush, who announced he
is quitting, …" (the source is "who"), "what Mr. Hedge called ''the prior economy model''",
"He looked up, furrowed his brow and said, “…”" (the subject of the clause it joins)."""
from __future__ import annotations

import bisect

from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from ...text import lexicon
from .. import mentions
from ...config import WINDOWS
from ...model import Cue
from ..segment import Token
from .antecedent import name_tail, person_after_preposition
from .apposed import after_apposition, past_place_tag, relative_then_cue
from .reported import earlier_speech_cue, opens_report
from .bounds import DASHES
from .grammar import (
    _clause_start_ok, _content_after, _naming_content, _reported, _skip_adjuncts, _skip_object,
    _skip_time_back, _span, _words, infinitive_at)
from .finite import active_finite, introduces_report
from .objects import document_object, too_short
from .offsets import strip_end, word_count
from .views import Attribution, Sent
from .inner import inner_subject
from .labelled import held_label


def relative_label(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"what Mr. Hedge called ''the prior economy model''", "whom he described as “volatile”":
    an object relative, its source, a naming cue and a quoted label.  The content is the
    relative and the label (PolNeAR's "what … the prior economy model")."""
    if cue.lemma not in lexicon.lower_words("extract/naming_cues.txt"):
        return None
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    src = s.mention(mentions.before, j)
    if src is None or src[0] < 1 or toks[src[0] - 1].text.lower() not in _words.object_relatives:
        return None
    rel = toks[src[0] - 1]
    k = ce
    while k < len(toks) and toks[k].text.lower() in ("as", "a", "an", "the"):
        k += 1                            # the relative is the object: nothing else comes between
    if k >= len(toks) or toks[k].text not in TOKEN_OPENING:
        return None
    label = _naming_content(s, cue, ce) or held_label(s, k, toks[ce].start)   # ("… called “a new era” in his memoir")
    if label is None:
        return None
    return Attribution(((rel.start, rel.end), label), _span(s, src), cue, "relative_label", s.sentence)


def relative(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Jeb Bush, who announced he is suspending his campaign": the relative pronoun is the
    source as written (it stands for the noun before it); a parenthetical relative clause
    ends at the comma before the main verb ("Barkley, who said X, said Y")."""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    if cue.type == "speech":
        j = _adjunct_after_relative(s, _skip_time_back(s, j))
    if j < 2 or toks[j - 1].text.lower() not in _words.relative_subjects or not active_finite(s, cue, ci, ce):
        return None
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    if k < len(toks) and (toks[k].text.lower() in _words.conjunctions or toks[k].text.lower() in lexicon.lower_words("extract/adjunct_words.txt")
                          and toks[k].text.lower() not in _words.content_prepositions and not infinitive_at(toks, k, cue)):
        return None
    if cue.lemma in lexicon.lower_words("extract/quote_only_cues.txt") and not introduces_report(toks, k) \
            and not infinitive_at(toks, k, cue):
        return None
    content = _content_after(s, k)
    if content is None or _opens_predicate(s, content[0]):
        return None
    if toks[j - 2].text == "," or after_apposition(toks, j - 1) and not s.doc.has_quote_in(*content):
        # ("Roe, a judge who said X, said Y"; but "Roe, the reporter who uncovered …; his dictum was “…”")
        content = (content[0], _before_main_verb(s, k, content[1]))
    elif toks[j - 2].text not in DASHES and toks[j - 2].text != "(" \
            and (s.doc.has_quote_in(*content) or s.doc.quote_at(start=content[0]) is not None):
        return None                   # "slamming candidates who think they can “outsource” …": a
                                      # restrictive clause picks out whom the sentence is about
    if too_short(s, cue, k, ce, content, stance_only=True) or document_object(s, cue, k, ce, content):
        return None
    before = past_place_tag(toks, j - 2) if toks[j - 2].text == "," else j - 1
    antecedent = person_after_preposition(toks, name_tail(toks, s.mention(mentions.before, before)))
    if toks[j - 1].text.lower() == "which" and cue.type != "speech" and antecedent is not None \
            and not mentions.names_someone(toks, *antecedent):
        return None                   # "the changes, which saw services cut": no one's view
    return Attribution((content,), _span(s, (j - 1, j)), cue, "relative", s.sentence,
                       antecedent=_span(s, antecedent))


_MAX_ADJUNCT = WINDOWS.modifier_tokens     # tokens of an adjunct set off by commas after "who"


def _adjunct_after_relative(s: Sent, j: int) -> int:
    """Index just after "who" when an adjunct set off by commas stands between it and the cue
    at ``j`` ("who, after trading insults with Kerr, said …"); else ``j``."""
    toks = s.toks
    if j < 4 or toks[j - 1].text != "," or s.doc.inside_quote(toks[j - 1].start, toks[j - 1].end):
        return j
    c = j - 2
    while c > 0 and j - c <= _MAX_ADJUNCT and toks[c].text not in (",", ";") and toks[c].text not in TOKEN_OPENING:
        c -= 1
    if toks[c].text != "," or toks[c - 1].text.lower() not in _words.relative_subjects \
            or toks[c + 1].text.lower() not in lexicon.lower_words("extract/adjunct_words.txt"):
        return j
    return c


def _opens_predicate(s: Sent, start: int) -> bool:
    """Does content at ``start`` open with a cue or "not", so it is no report but the rest of a
    clause ("who testified in his own defense, told the court …", "who asked not to be named")?"""
    i = s.tok_at(start)
    word = s.toks[i].text if i < len(s.toks) else ""
    return word == "not" or (word.islower() and lexicon.cues().get(word) is not None)


# Finite verbs that can open the main clause's predicate after a parenthetical relative clause.


def _before_main_verb(s: Sent, k: int, end: int) -> int:
    """End of a parenthetical relative clause's content: the comma before a cue that has no
    subject of its own ("Barkley, who said he votes democratic, said …" -> "he votes democratic";
    "Cruz, who argued X, will do …" -> "X"), passing over a comma that closes a relative
    clause opened inside the content."""
    toks = s.toks
    verbs, opened = s.marks("verb_commas").all, s.marks("relative_commas").all
    first_open = bisect.bisect_right(opened, k)
    closed = 0
    at = bisect.bisect_right(verbs, k)
    while at < len(verbs) and toks[verbs[at]].start < end:
        if bisect.bisect_left(opened, verbs[at]) - first_open <= closed:
            comma = verbs[at]
            cut = toks[comma + 1].end if toks[comma + 1].text in TOKEN_CLOSING else toks[comma].start
            return strip_end(s.text, toks[k].start, cut)      # (a closing mark after the comma stays)
        closed += 1                       # "who said inflation, which was high, would fall": it
        at += 1                           # closes the relative clause inside the content
    return end


def _inside_reported(toks: list[Token], j: int, ci: int) -> bool:
    """Whether a cue coordinated at ``ci`` after a modal or "had" (text/word_classes.txt
    [reported_auxiliaries]) follows an earlier speech cue in its sentence: it belongs to the
    clause that cue reports ("said her client was sorry and had written to him")."""
    if not any(toks[i].text.lower() in _words.reported_auxiliaries for i in range(j, ci)):
        return False
    cues = lexicon.cues()
    return any(cues[t.text.lower()].type == "speech" for t in toks[:j - 1] if t.text.lower() in cues)


def _coordinated_subject(s: Sent, end: int, nested: bool) -> tuple[int, int] | None:
    """The subject a coordinated cue goes on, before token ``end`` (at an earlier speech cue: past its
    report's "… if it was put to a vote, and called on …"): a clause-opening pronoun, else the sentence's."""
    toks = s.toks
    inner = inner_subject(toks, end)
    if inner is not None:
        return inner
    for i in range(end - 1, -1, -1):
        if toks[i].text.lower() in _words.subject_pronouns \
                and (_clause_start_ok(s, i) or nested and opens_report(toks, i)):
            return (i, i + 1)
    return mentions.forward_subject(toks, 0, end)


def coordinated(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"He looked up, furrowed his brow and said, “…”": the source is the subject of the
    clause the cue is coordinated with (the nearest subject pronoun, else the sentence's)."""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    then_after_comma = toks[j - 1].text == "," and any(t.text.lower() == "then" for t in toks[j:ci]) if j else False
    if j < 3 or (toks[j - 1].text.lower() not in ("and", "but", "then") and not then_after_comma):
        return None                       # "He looked up and said", "She paused, then said"
    if _inside_reported(toks, j, ci) or relative_then_cue(toks, j, ci):
        return None                       # "said the board would meet and would respond"
    if toks[ci].text.lower() in _words.listener_forms and toks[ci - 1].text.lower() in _words.passive_auxiliaries:
        return None                       # "… but was told the audit was …": the subject is the listener
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    content = _reported(s, cue, k)
    if content is None or (s.doc.quote_at(start=content[0]) is None and word_count(s.text, *content) < 3
                           and cue.lemma not in lexicon.lower_words("extract/naming_cues.txt")):
        return None
    nested = cue.type == "thought" and not s.doc.has_quote_in(*content)   # (quoted words: a statement)
    earlier = earlier_speech_cue(toks, j - 1) if toks[j - 2].text == "," and cue.type == "speech" else None
    subject = (earlier is not None and _coordinated_subject(s, earlier, nested)) or _coordinated_subject(s, j - 1, nested)
    return None if subject is None else Attribution((content,), _span(s, subject), cue, "coordinated", s.sentence)

