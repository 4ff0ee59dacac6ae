"""The subject of a head cue read as a whole noun phrase that opens its clause, for when the
nearer rules (a mention right before the cue, an appositive, a count of people, a short
post-modifier) find none: "Even Rendell, a stalwart supporter, said …", "Those surveyed say …",
"Several candidates, including Trump, said …", "A news report published Wednesday said …",
"The justice -- who has been in a scuffle with him -- said …"."""
from __future__ import annotations

from ...config import WINDOWS
from ...model import Cue
from ...text import lexicon
from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from .. import mentions
from .bounds import DASHES
from .grammar import _words
from .views import Sent
from .reduced import links_reduced_relative

# Tokens from the start of a subject to its cue: a noun phrase with a post-modifier and a
# parenthetical ("Republican Rep. Lee Zeldin of New York, a Trump supporter, said").
_MAX_SUBJECT = 2 * WINDOWS.modifier_tokens

# What ends a clause, so no subject reaches back over it.
_CLAUSE_ENDS = frozenset({";", ":", "?", "!", "."})


def clause_subject(s: Sent, cue: Cue, j: int) -> tuple[int, int] | None:
    """The head noun phrase (token range) of the subject whose clause opens at the sentence
    start, after an opening adverbial's comma or after a clause-ending mark, and runs up to the
    cue at token ``j``; None when no such subject stands there."""
    toks = s.toks
    if cue.type != "speech" or j == 0 or toks[j - 1].text.lower() in _words.object_relatives:
        return None                       # "people who say …": the relative's own verb
    lo = max(0, j - _MAX_SUBJECT)
    for i in range(j - 1, lo - 1, -1):
        t = toks[i].text
        if t in _CLAUSE_ENDS or t in TOKEN_OPENING or t in TOKEN_CLOSING:
            lo = i + 1
            break
    starts = [lo] + [i + 1 for i in range(lo, j) if toks[i].text == "," or toks[i].text in DASHES]
    for c in starts:
        found = _subject_from(s, cue, c, j)
        if found is not None:
            return found
    return None


def _subject_from(s: Sent, cue: Cue, c: int, j: int) -> tuple[int, int] | None:
    """The head noun phrase when toks[c:j] is one subject: a mention that names someone (or a
    document, or "those"), then post-modifiers with no verb of their own outside a
    relative clause or a parenthetical set off by paired commas or dashes."""
    toks = s.toks
    while c < j and toks[c].text.lower() in _words.subject_lead_words:
        c += 1                            # "But even the organizer of the rally said …"
    if c >= j:
        return None
    count = _count_end(toks, c, j)
    if count is not None:
        src = (c, count)                  # "About four out of 10 voters said", "27 percent of those …"
    elif toks[c].text.lower() == "those" and c + 1 < j and toks[c + 1].text.islower():
        src = (c, c + 1)                  # "those surveyed say", "those who back her say"
    else:
        src = s.mention(mentions.after, c, j)
        if src is None or src[0] != c:
            return None
        if src[1] - src[0] > 1 and toks[src[1] - 1].text.lower() in _words.postnominal_adjectives:
            src = (src[0], src[1] - 1)    # "A person familiar [with the talks]"
        if not (_names_source(toks, *src) or _names_source(toks, src[0], _head_end(toks, *src))):
            return None                   # ("the organizer of a rally": the head names someone)
    if count is None and not agrees(toks, src, cue, j):
        return None
    if count is None and src[1] < j and not _opens_modifier(toks, src[1], j):
        return None                       # "Barden now helps lead a program called …": a verb
    rest = toks[src[1]:j]
    rest_marks = sum(t.text == "," or t.text in DASHES for t in rest)
    if not _closed(rest):
        return None                       # a parenthetical is closed before the cue
    comma = dash = relative = False
    for k in range(src[1], j):
        word = toks[k].text
        low = word.lower()
        if word in DASHES:
            dash, relative = not dash, False
            continue
        if word == "," and not dash:
            comma, relative = not comma, False
            continue
        inside = comma or dash
        if low in ("and", "or"):
            nxt = toks[k + 1].text if k + 1 < j else ""
            if nxt.islower() and (nxt.endswith("ed") or nxt in _words.finite_auxiliaries
                                  or lexicon.cues().get(nxt) is not None):
                return None               # "the senator traveled to Ohio and said": two verbs
            continue
        if low in _words.subject_pronouns or (low in _words.clause_joiners and not inside):
            return None                   # "the man he met said", "… while Smith said": a clause
        if low in _words.relatives or low == "that":
            relative = True
        elif word.islower() and lexicon.cues().get(low) is not None \
                and toks[k - 1].text.lower() not in lexicon.lower_words("extract/determiners.txt") \
                and not (k == src[1] and low.endswith("ing") and k + 1 < j
                         and (toks[k + 1].text.lower() in lexicon.lower_words("extract/determiners.txt")
                              or mentions.is_capitalised(toks[k + 1].text))) \
                and not (low.endswith("ed") and links_reduced_relative(toks[k + 1].text)):
            return None                   # (but "familiar with the talks", "a statement posted on the site",
                                          # "a pastor backing the bill", "a document filed [Thursday] says")
        elif low in _words.finite_auxiliaries and not (inside or relative):
            return None                   # "the plan was approved and officials said"
    name = _closing_name(toks, src[1], j) if count is None and not any(
        t.text.lower() in ("and", "or") for t in toks[src[0]:j]) else None
    if name is not None:
        return name                       # "A pastor backing the bill, Dan Whit, said": the name
    if count is not None or (src[1] < j and toks[src[1]].text.lower() in _words.postnominal_adjectives
                             and not rest_marks):
        end = j                           # "Two people familiar with the talks": one description
        while end > src[1] and not mentions.is_word(toks[end - 1].text):
            end -= 1                      # "Just over a quarter, 26 percent, say"
        return src[0], end
    return src


_MAX_NAME = 5                               # words of a name set off by commas before the cue


def _closing_name(toks: list, i: int, j: int) -> tuple[int, int] | None:
    """The name set off by the last pair of commas before the cue at ``j`` when the subject's
    post-modifier (from token ``i``) ends with one: "A pastor backing the bill, Dan Whit, said"."""
    if j - i < 4 or toks[j - 1].text != ",":
        return None
    k = j - 2
    while k > i and j - 1 - k <= _MAX_NAME and toks[k].text != ",":
        if not mentions.is_capitalised(toks[k].text):
            return None
        k -= 1
    if toks[k].text != "," or k == j - 2 or not mentions.names_someone(toks, k + 1, j - 1):
        return None
    return k + 1, j - 1


def _head_end(toks: list, i: int, k: int) -> int:
    """End of the head noun phrase of tokens[i:k], before a post-modifying preposition: "the
    organizer [of a rally]", "An earlier report [in a local paper]"."""
    preps = lexicon.lower_words("extract/np_prepositions.txt")
    for m in range(i + 1, k):
        if toks[m].text.lower() in preps:
            return m
    return k


def _names_source(toks: list, i: int, k: int) -> bool:
    """Does tokens[i:k] name someone, or a document that can speak ("a memo", "the report")?"""
    return mentions.names_someone(toks, i, k) \
        or toks[k - 1].text.lower() in lexicon.lower_words("extract/document_nouns.txt")


def agrees(toks: list, src: tuple[int, int], cue: Cue, j: int) -> bool:
    """A bare cue form ("say", "demand", "read") needs a plural subject ("those surveyed say",
    "supporters of X say"), so "Mortgage demand had held up" or "Valdarrama read it" is no
    attribution; an inflected form ("said", "says") agrees with any subject."""
    first = cue.text.split()[0].lower()
    if first != cue.lemma.split()[0] or first.endswith("s") or toks[j - 1].text.lower() in _words.finite_auxiliaries:
        return True
    if any(t.text.lower() == "and" for t in toks[src[0]:src[1]]):
        return True
    end = src[1]
    for k in range(src[0] + 1, src[1]):
        if toks[k].text.lower() in lexicon.lower_words("extract/np_prepositions.txt") \
                or toks[k].text.lower() in _words.postnominal_adjectives:
            end = k                       # "Aides [to Clinton] say": the head is "Aides"
            break
    head = toks[end - 1].text.lower()
    return head in _words.plural_heads or head == "those" or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _count_end(toks: list, c: int, j: int) -> int | None:
    """The end of a count that opens a poll-style subject (approximators, then a number or a
    quantity word: "About four", "27 percent", "Nearly a third", "A majority"), else None."""
    approximators = lexicon.lower_words("extract/approximators.txt")
    quantities = lexicon.lower_words("extract/quantity_words.txt")
    k = c
    while k < j and k - c < 3 and toks[k].text.lower() in approximators:
        k += 1
    if k >= j:
        return None
    word = toks[k].text.lower()
    if word[:1].isdigit() or (word in quantities and word not in ("some", "all", "most", "many", "few", "several",
                                                                   "both", "none")) \
            or all(part in quantities for part in word.split("-")) and "-" in word:
        return k + 1
    return None


def _opens_modifier(toks: list, k: int, j: int) -> bool:
    """Does the word after a subject's head noun phrase open a post-modifier (a preposition,
    a parenthetical, a relative clause, a participle, an adjective such as "familiar"), so
    that no verb of the subject's own stands between it and the cue?"""
    word = toks[k].text
    low = word.lower()
    if word == "," or word in DASHES or word == "(" or mentions.is_capitalised(word):
        return True
    if low in _words.modifier_openers or low in lexicon.lower_words("extract/cue_modifiers.txt") \
            or low.endswith(("n't", "n’t")) or mentions.is_adverb(word):
        return True                       # "critics like Huffman say", "Ford itself said", "he sometimes added"
    if low in _words.opening_prepositions or low in lexicon.lower_words("extract/np_prepositions.txt") \
            or low in _words.relatives or low == "that" or low == "including" \
            or low in _words.postnominal_adjectives:
        return True
    if word.islower() and len(low) > 5 and low.endswith("ing"):
        return True                       # "voters going to the polls said"
    if not (word.islower() and low.endswith("ed")):
        return False
    nxt = toks[k + 1].text if k + 1 < j else ""
    return k + 1 == j or links_reduced_relative(nxt) or mentions.is_capitalised(nxt)   # "those surveyed say",
                                          # "a memo seen by Reuters", "a report published Wednesday"


def _closed(rest: list) -> bool:
    """Are the parentheticals between a subject's head and its cue all closed: dashes in
    pairs, and commas in pairs outside them ("Many speakers — including X, Y, Z — said")?"""
    dash = False
    commas = 0
    for t in rest:
        if t.text in DASHES:
            dash = not dash
        elif t.text == "," and not dash:
            commas += 1
    return not dash and commas % 2 == 0


def past_bare_form(toks, ci: int, cue: Cue) -> bool:
    """Is a bare cue form that is also a past tense (text/word_classes.txt [irregular_pasts]:
    "forecast", "broadcast", "hit back") read as that past, a verb after any subject?  Before
    "that" ("The board forecast that …"), or after a name or a pronoun ("The Weather Service
    forecast rain", "he hit back") when no preposition, auxiliary or verb follows; not "The
    weather forecast for Thursday is grim", "A gloomier forecast came from …" (nouns)."""
    first = cue.text.split()[0].lower()
    k = ci + len(cue.text.split())
    if first not in _words.irregular_pasts or k >= len(toks) or ci == 0:
        return False
    after, before = toks[k].text.lower(), toks[ci - 1].text
    if after == "that":
        return True
    return (before[:1].isupper() or before.lower() in _words.subject_pronouns) and after.isalpha() \
        and after not in lexicon.lower_words("extract/np_prepositions.txt") and after not in _words.finite_auxiliaries \
        and after not in _words.irregular_pasts and not after.endswith("ed")
