"""An action beat before a cue-less quote: "Asked about his contract, Pellow laughed. “That's
one for the manager.”", "Tom Hale shrugged. “Nobody asked us.”": the short sentence that ends
with a name (or he/she) and one past-tense verb, right before the quote in its paragraph,
names the one who speaks, as a novel's beat does; the quote is not the previous speaker's."""
from __future__ import annotations

import re

from ...model import Cue
from ...text import lexicon
from .grammar import _words
from .views import Attribution, Doc

# The end of a sentence: a name of one to three capitalised words (or he/she) after the
# sentence's start or a comma, one past-tense verb, an optional adverb in -ly, the period
# ("Pellow laughed.", ", Tom Hale shrugged.", "She paused briefly."). Group 1: the subject;
# group 2: the verb.
_BEAT = re.compile(r"(?:^|,[ \t]+)((?:[A-Z][\w’'\-]+[ \t]+){0,2}[A-Z][\w’'\-]+|[Hh]e|[Ss]he)"
                   r"[ \t]+([a-z]+)(?:[ \t]+[a-z]+ly)?\.[ \t]*$")


def beat_before(doc: Doc, a: Attribution, attributed: set[int]) -> Attribution | None:
    """The attribution of the cue-less quote ``a`` (one that opens its sentence) to the beat
    sentence right before it in its paragraph, that sentence holding no attribution
    (``attributed``: the sentence indexes that do); else None."""
    k = a.sentence.index - 2                  # sentence indexes count from 1
    if k < 0 or doc.sents[k].paragraph != a.sentence.paragraph:
        return None
    prev = doc.sents[k]
    if prev.index in attributed or prev.end - prev.start > 200:
        return None
    m = _BEAT.search(doc.text[prev.start:prev.end])     # (a slice: "^" is the sentence's start)
    if m is None:
        return None
    verb, subject = m.group(2), m.group(1)
    if not (verb.endswith("ed") or verb in _words.irregular_pasts) or verb in lexicon.cues() \
            or subject.lower() not in ("he", "she") \
            and subject.split()[0].lower() in lexicon.lower_words("text/function_words.txt"):
        return None                   # (not "It ended.", "This worked.")
    if m.start(1) == 0 and " " not in subject and subject.lower() not in ("he", "she") \
            and re.compile(rf"[A-Z][\w’'\-]+[ \t]+{re.escape(subject)}\b").search(doc.text, 0, prev.start) is None:
        return None                   # a lone word opening the sentence: a surname named before
                                      # ("Hale shrugged."), not a noun ("Spending rose.")
    at = prev.start
    cue = Cue(at + m.start(2), at + m.end(2), verb, verb, "act")
    return Attribution(a.fragments, (at + m.start(1), at + m.end(1)), cue, "beat", a.sentence)
