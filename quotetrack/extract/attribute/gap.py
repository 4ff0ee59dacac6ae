"""The relative gap sieve: an object relative, its source and a speech cue, then the rest of the
relative clause, whose subject is the relative ("figures that officials said would harm the bid",
"what many analysts said was a sign of …", "which the agency says had the highest …")."""
from __future__ import annotations

from ...model import Cue
from .. import mentions
from .grammar import _content_after, _span, _words
from .views import Attribution, Sent


def _is_finite_verb(word: str) -> bool:
    """A word that opens a predicate right after the cue: an auxiliary or a past tense ("said
    would", "says had", "said needed")."""
    low = word.lower()
    return word.islower() and (low in _words.finite_auxiliaries
                               or (word.isalpha() and len(word) > 4 and word.endswith("ed")))


def relative_gap(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"what many analysts said was a sign of …": the content is the relative ("what", "which";
    not "that", which only links) and the predicate after the cue; the source is the mention
    between the relative and the cue."""
    toks = s.toks
    if cue.type != "speech" or ce >= len(toks) or not _is_finite_verb(toks[ce].text):
        return None
    j = mentions.skip_modifiers_back(toks, ci)
    src = s.mention(mentions.before, j)
    if src is None or src[0] < 1 or not mentions.names_someone(toks, *src):
        return None
    rel = toks[src[0] - 1]
    if rel.text.lower() not in _words.object_relatives:
        return None
    content = _content_after(s, ce)
    if content is None:
        return None
    fragments = (content,) if rel.text.lower() == "that" else ((rel.start, rel.end), content)
    return Attribution(fragments, _span(s, src), cue, "relative_gap", s.sentence)
