"""The embedded-cue sieve: a source and a saying cue inside a relative or comparative clause
whose head stands before the source, the case no clause-initial sieve reads.

- The clause after the cue has its own subject: "what researchers say they need", "less credit
  than aides say he deserves", "the place officials say the navy might hold" (content: that
  clause).
- The head is the clause's subject, its gap right after the cue: "which the campaign says
  includes …", "an event that Carson says led him to …", "a plan Greenberg said could win …"
  (content: the relative, unless "that" or none, and the predicate), the forms the relative gap
  sieve (:mod:`.gap`) leaves: an irregular past or a present tense after the cue, or no
  relative word.

The cue is one of data/extract/embedded_cues.txt; the word before the source is an object
relative, a comparative "than" or a noun.
"""
from __future__ import annotations

from ...model import Cue
from ...text import lexicon
from .. import mentions
from ..segment import Token
from .grammar import _content_after, _span, _words
from .views import Attribution, Sent

RULE = "embedded"
_COMPARATIVES = frozenset({"than"})
_DEFINITE = frozenset({"the", "its", "their", "his", "her"})


def _cues() -> frozenset[str]:
    return lexicon.lower_words("extract/embedded_cues.txt")


def _opener(toks: list[Token], at: int) -> str | None:
    """What the token before a source at ``at`` makes of it: "relative" (which, what, that),
    "than", "noun" (a lower-case noun heading a relative with no relative word: "a plan X said
    …"), else None."""
    if at < 1:
        return None
    word = toks[at - 1].text
    low = word.lower()
    if low in _words.object_relatives and low != "who":
        return "relative"
    if low in _COMPARATIVES:
        return "than"
    if word.isalpha() and word.islower() and low not in lexicon.lower_words("text/function_words.txt") \
            and low not in lexicon.cues() and not mentions.is_adverb(word) and at >= 2 \
            and toks[at - 2].text.lower() in lexicon.lower_words("extract/determiners.txt"):
        return "noun"
    return None


def _predicate_gap(word: str) -> bool:
    """Does ``word`` right after the cue open the relative's predicate, the relative its
    subject: an auxiliary ("said could"), an irregular past ("says led") or a present tense
    ("says includes"), not a pronoun or determiner opening a clause of its own?"""
    low = word.lower()
    if not word.isalpha() or not word.islower():
        return False
    if low in _words.finite_auxiliaries or low in _words.irregular_pasts:
        return True
    return len(low) > 4 and low.endswith("s") and not low.endswith("ss") \
        and low not in lexicon.lower_words("text/function_words.txt")


def _subject_clause(toks: list[Token], k: int) -> bool:
    """Does a clause with its own subject open at token ``k``: a subject pronoun other than
    "it" ("they need"), or a definite determiner ("the navy might …")?"""
    if k >= len(toks):
        return False
    low = toks[k].text.lower()
    return (low in _words.subject_pronouns and low != "it") or low in _DEFINITE


def _before_comma(s: Sent, k: int, content: tuple[int, int]) -> tuple[int, int]:
    """``content`` cut at the first comma after token ``k`` outside quote marks: the relative
    clause ends there ("which X says includes 2.7 million donors, is …")."""
    for t in s.toks[k:]:
        if t.start >= content[1]:
            break
        if t.text == "," and not s.doc.inside_quote(t.start, t.end):
            return content[0], t.start
    return content


def embedded(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"what researchers say they need", "which the campaign says includes …"."""
    toks = s.toks
    if cue.type != "speech" or cue.text.lower() not in _cues() or ce >= len(toks):
        return None
    j = mentions.skip_modifiers_back(toks, ci)
    src = s.mention(mentions.before, j)
    if src is None or src[1] != j or not mentions.names_someone(toks, *src):
        return None
    kind = _opener(toks, src[0])
    if kind is None:
        return None
    rel = toks[src[0] - 1]
    if _predicate_gap(toks[ce].text) and kind != "than":
        content = _content_after(s, ce)
        if content is None:
            return None
        content = _before_comma(s, ce, content)
        head = (rel.start, rel.end) if kind == "relative" and rel.text.lower() != "that" else None
        fragments = (head, content) if head is not None else (content,)
    elif _subject_clause(toks, ce):
        content = _content_after(s, ce)
        if content is None:
            return None
        fragments = (content,)
    else:
        return None
    return Attribution(fragments, _span(s, src), cue, RULE, s.sentence)
