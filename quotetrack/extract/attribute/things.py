"""Thing subjects: a clause whose subject names no one cannot lend it to a cue participle after
the clause ("Shares in the miner fell 4%, suggesting investors doubt …" is the writer's inference,
not a statement by the shares)."""
from __future__ import annotations

from ...text import lexicon
from .. import kinds, mentions
from ..segment import Token


def _names_someone(toks: list[Token], x: int, alone: bool) -> bool:
    """Does token ``x`` of a subject's head name or count someone?  A capitalised word is a name,
    unless it opens the sentence (then its lower-case word is judged); a determiner alone before a
    preposition counts ("most of the members")."""
    word = toks[x].text
    low = word.lower()
    if word[:1].isupper() and (x > 0 or not word[1:].islower()):
        return True
    return mentions.someone_word(low) or (alone and low in lexicon.lower_words("extract/determiners.txt"))


def _described_thing(toks: list[Token], i: int, k: int) -> bool:
    """Is the subject tokens[i:k] an article and lower-case words none of which names or counts
    someone or a document ("The vote", "the pressure"; not "The retired neurosurgeon"), or one
    word before a change verb and a figure ("Prices rose 9%", data/extract/change_verbs.txt)?"""
    if k - i == 1 and k + 1 < len(toks) and toks[k].text.lower() in lexicon.lower_words("extract/change_verbs.txt"):
        return any(t.text[:1].isdigit() for t in toks[k + 1:k + 4])    # "Prices rose 9%"
    if k - i < 2 or toks[i].text.lower() not in ("the", "a", "an"):
        return False
    words = [t.text for t in toks[i + 1:k]]
    return all(w.islower() and not mentions.someone_word(w) and not kinds.person_head(w)
               and w not in lexicon.lower_words("extract/document_nouns.txt") for w in words)


def thing_subject(toks: list[Token], i: int, k: int, ci: int) -> bool:
    """Does the subject tokens[i:k] of the clause before the cue at ``ci`` name a thing, not a
    possible speaker?  Only a subject with a preposition is judged; its head is what comes before
    that preposition ("Shares" in "Shares in Korvath Mining"): no word there names or counts someone, and no name stands between the
    subject and the cue (the subject found may be an adverbial: "The day before, Ortiz …"; a day's
    or month's name does not count).

    >>> from ..segment import tokens
    >>> toks = tokens("Shares in Korvath Mining fell, suggesting doubt.")
    >>> thing_subject(toks, 0, 4, 6), thing_subject(tokens("Members of the union left, saying so."), 0, 4, 6)
    (True, False)
    """
    preps = lexicon.lower_words("extract/np_prepositions.txt")
    j = next((x for x in range(i + 1, k) if toks[x].text.lower() in preps), k)
    if j == k and not (k < ci and toks[k].text.lower() in preps) and not _described_thing(toks, i, k):
        return False                      # judged in the shapes "head of/in …" and "The vote"
    if any(_names_someone(toks, x, j - i == 1) for x in range(i, j)):
        return False
    calendar = lexicon.lower_words("extract/calendar_words.txt")
    return not any(toks[x].text[:1].isupper() and mentions.is_word(toks[x].text)
                   and toks[x].text.lower() not in calendar for x in range(k, ci))
