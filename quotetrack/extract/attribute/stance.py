"""Cues of taking a side on a person or a policy ("endorsed", "backed", "slammed", "hailed":
data/extract/stance_cues.txt).  PolNeAR annotates "The union endorsed [Tom Reed]" as an
attribution, its content the short object; the head and relative sieves keep a content of
under three words only when :func:`.objects.short_object` says it is such an object ("endorsed
[Reed]", "who backed [him]"), and a stance nested in another report's content with no clause
joint stays part of it (:func:`inside_report`, read by :mod:`.cutting`)."""
from __future__ import annotations

import re

from ...model import Cue
from ...text import lexicon
from ...text.marks import POSSESSIVE_S
from .grammar import _words
from .views import Attribution, Sent
from .offsets import word_count


def stance_cue(cue: Cue) -> bool:
    """Is the cue one of taking a side on a person or policy ("endorsed", "slammed", "hailed":
    data/extract/stance_cues.txt)?"""
    return cue.lemma in lexicon.lower_words("extract/stance_cues.txt")


def named_object(s: Sent, content: tuple[int, int]) -> bool:
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
                                or words[0][:1].isupper() and first.endswith(POSSESSIVE_S))


def nested_stance(b: Attribution, text: str, lo: int, hi: int) -> bool:
    """Is ``b`` a cue of taking a side with a short object (:func:`named_object`) whose source
    lies inside the content text[lo:hi] of another report, joined to it by no comma or
    semicolon ("said fans were angry but most still backed the manager")?  It is part of what
    that report says: it cuts nothing of it, and is no statement of its own (after ", and
    those voters backed Reed" or "; most oppose it" the narrator speaks again)."""
    return b.cue is not None and b.source is not None and lo <= b.source[0] and b.source[1] <= hi \
        and stance_cue(b.cue) \
        and word_count(text, b.fragments[0][0], b.fragments[-1][1]) < 3 \
        and _CLAUSE_JOINT.search(text, max(lo, b.source[0] - _JOINT_CHARS), b.source[0]) is None


def inside_report(a: Attribution, found: list[Attribution], text: str) -> bool:
    """Does a stance ``a`` sit inside another attribution's content (:func:`nested_stance`)?"""
    return any(b is not a and nested_stance(a, text, s, e) for b in found for s, e in b.fragments)


# What joins a clause of the narrator's to reported content before it: ", and ", "; ", ", while ".
_CLAUSE_JOINT = re.compile(r"[,;]\s*(?:(?:and|but|while|whereas)\s+)?$")
_JOINT_CHARS = 12
