"""The poll sieve: a finding read "in" a poll, an evidence report with the poll as its source.

"In a Harlow Institute poll released Monday, 52 percent chose Voss." (the poll opens the
sentence and its content follows the comma) and "Voss leads by nine points in the latest
survey." (the poll closes the clause it reports).  The poll is a phrase headed by a poll noun
(data/extract/poll_nouns.txt) that a follower word (data/extract/poll_followers.txt), a comma
or the sentence end comes after: not "poll workers" or "in polling places".
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Cue
from ...text import lexicon
from ...text.marks import POSSESSIVE_S, TOKEN_CLOSING, TOKEN_OPENING
from .. import mentions
from ..segment import Token, tokens as tokenize
from .grammar import _content_after, _words
from .views import Attribution, Doc, Sent

RULE = "in_poll"
_NOUN_REACH = 12           # tokens from "in" to the poll noun ("in an NBC News/Wall Street Journal/Marist South Carolina poll")
_MODIFIER_REACH = 10       # tokens of the poll's modifiers after its noun ("released Monday by …")
_MIN_WORDS = 3             # words of a content read from a poll
_CLAUSE_WORDS = 4          # words a comma-closed stretch needs to be the reported clause
_ENDS = frozenset({",", ".", ";", ":", "?", "!", "—", "–", "--", "(", ")"})
_INSIDE = frozenset({"/", "-", *POSSESSIVE_S, "&"})
_JOINERS = frozenset({"ahead"})   # an adverb that may join a closing poll to more: "in the polls ahead of …"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = "|".join(sorted(lexicon.lower_words("extract/poll_nouns.txt"), key=len, reverse=True))
    return re.compile(rf"\b(?:{nouns})\b", re.I)


def _followers() -> frozenset[str]:
    """Words that may come right after a poll noun: its modifiers ("released", "of") and a
    date ("a poll Jan. 17-23", "a survey Monday": data/extract/calendar_words.txt)."""
    return lexicon.lower_words("extract/poll_followers.txt") | lexicon.lower_words("extract/calendar_words.txt")


def poll_statements(doc: Doc, skip: frozenset[int]) -> list[Attribution]:
    """Every finding read in a poll (not in a skipped paragraph or inside quote marks), in text order."""
    out: list[Attribution] = []
    seen: set[int] = set()
    for m in _pattern().finditer(doc.text):
        sent = doc.sentence_of(m.start())
        if sent.start in seen or sent.paragraph in skip:
            continue
        seen.add(sent.start)
        s = Sent(doc.text, sent, tokenize(doc.text, sent.start, sent.end), doc)
        out.extend(_in_sentence(s))
    return out


def _in_sentence(s: Sent) -> list[Attribution]:
    nouns = lexicon.lower_words("extract/poll_nouns.txt")
    toks = s.toks
    out = []
    for j, t in enumerate(toks):
        if t.text.lower() not in nouns or s.doc.inside_quote(t.start, t.end):
            continue
        i = _in_before(toks, j)
        end = _poll_end(toks, j) if i is not None else None
        if end is None and i is not None and not _opens_sentence(toks, i):
            end = _joined_end(toks, j)    # "Sanders has sagged in the polls and is coping with …"
        if end is None:
            continue
        found = _opening(s, i, end) if _opens_sentence(toks, i) else _closing(s, i, end)
        if found is not None:
            out.append(found)
    return out


def _in_before(toks: list[Token], j: int) -> int | None:
    """The "in" that governs the poll noun at token ``j``, over the poll's name and modifiers
    ("in an NBC News/Wall Street Journal poll", "in the RealClearPolitics average of polls")."""
    function = lexicon.lower_words("text/function_words.txt")
    determiners = lexicon.lower_words("extract/determiners.txt") | lexicon.lower_words("extract/poll_modifiers.txt")
    for i in range(j - 1, max(-1, j - _NOUN_REACH - 1), -1):
        word = toks[i].text
        if word.lower() == "in":
            return i if i + 1 < j or toks[j].text.endswith("s") else None   # "in polls", not "in polling"
        if word in _INSIDE or word.lower() in determiners:
            continue
        if not mentions.is_word(word) or (word.lower() in function and word.lower() != "of" and not word[:1].isupper()):
            return None                   # a capitalised function word is part of a name: "a USA TODAY poll"
    return None


def _poll_end(toks: list[Token], j: int) -> int | None:
    """The token after the poll whose noun is token ``j`` (its modifiers included: "a poll
    released Monday"), or None when a word other than a follower comes right after the noun
    ("poll workers") or a cue or verb comes among the modifiers ("the poll said")."""
    k = j + 1
    if k == len(toks) or toks[k].text in _ENDS:
        return k
    if toks[k].text.lower() not in _followers():
        return None
    cues = lexicon.cues()
    while k < len(toks) and k - j <= _MODIFIER_REACH and toks[k].text not in _ENDS:
        word = toks[k].text.lower()
        if word in cues or word in _words.finite_auxiliaries:
            return None
        k += 1
    return k if k == len(toks) or toks[k].text in _ENDS else None


def _joined_end(toks: list[Token], j: int) -> int | None:
    """The token after a poll noun at token ``j`` that a function word joins to more of the
    sentence ("… in the polls and is coping …", "… in polls despite …", "… in the polls ahead
    of …"): the clause before "in" is still the finding; None when a noun follows ("poll workers")."""
    k = j + 1
    if k >= len(toks) or not toks[k].text.isalpha() or not toks[k].text.islower():
        return None
    word = toks[k].text
    joins = word in lexicon.lower_words("text/function_words.txt") or word in _JOINERS
    if word in _words.finite_auxiliaries or word in ("be", "been"):
        return None                       # "86 percent of voters in the poll had …": the poll is in the subject
    if word in ("and", "or"):             # a second verb, not a second noun ("faith in polls and pollsters")
        after = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
        joins = after in _words.finite_auxiliaries or (after.endswith("ed") and toks[k + 1].text.islower())
    return k if joins and word not in _followers() else None


def _opens_sentence(toks: list[Token], i: int) -> bool:
    """Do only opening conjunctions stand before the "in" at token ``i`` ("But in a poll …")?"""
    return all(t.text.lower() in _words.subject_lead_words for t in toks[:i])


def _cue(toks: list[Token], i: int) -> Cue:
    return Cue(toks[i].start, toks[i].end, toks[i].text, "in", "evidence")


def _opening(s: Sent, i: int, end: int) -> Attribution | None:
    """"In a poll released Monday, 52 percent chose Voss.": the content after the comma, and
    after a modifier set off by commas ("In the Hale poll, conducted May 2-4, voters …")."""
    toks = s.toks
    if end >= len(toks) or toks[end].text != ",":
        return None
    after = _set_off_modifier_end(toks, end + 1)
    content = _content_after(s, after)
    if content is None or not _plain_clause(s, s.tok_at(content[0]), s.tok_at(content[1]), opening=True):
        return None
    return Attribution((content,), (toks[i + 1].start, toks[end - 1].end), _cue(toks, i), RULE, s.sentence)


def _closing(s: Sent, i: int, end: int) -> Attribution | None:
    """"Voss leads by nine points in the latest survey.": the clause before "in", back to the
    sentence start or the comma that opens it ("…, although Hale moved up in a later survey")."""
    toks = s.toks
    if end < len(toks) and toks[end].text not in (",", ".", ";", "?", "!", "—", "–", "--") \
            and _joined_end(toks, end - 1) != end:
        return None
    last = i
    if last > 0 and toks[last - 1].text in (",", "—", "–", "--") and not _score_before(toks, last - 1):
        return None                       # "…, her rival, Ann Bell, in most polls": after a name in apposition
    start = _clause_start(s, last)
    while start < last and (toks[start].text.lower() in _words.clause_openers or not mentions.is_word(toks[start].text)):
        start += 1
    if not _plain_clause(s, start, last):
        return None
    close = last - 2 if toks[last - 1].text in (",", "—", "–", "--") else last - 1
    return Attribution(((toks[start].start, toks[close].end),), (toks[i + 1].start, toks[end - 1].end),
                       _cue(toks, i), RULE, s.sentence)


def _plain_clause(s: Sent, start: int, end: int, opening: bool = False) -> bool:
    """Do tokens ``start``..``end`` read as a clause of the narrator's that a poll reports: a few
    words opening with a subject (a capitalised word that is no participle, a pronoun, a
    determiner or a number: not "Depending on …", "however, …", "who …"), no relative clause
    on its subject, and no quote marks
    (a quoted phrase is someone's words, not the poll's)?  After an opening poll ("In a poll
    released Monday, …") the clause may also open with a lower-case noun or modifier ("likely
    voters backed …", "just 8 percent said …") and hold a quotation its subject gives
    ("75 percent said “…”"), after an approximator ("just 8 percent"): the poll reports what its
    respondents said."""
    toks = s.toks
    if end - start < _MIN_WORDS:
        return False
    marks = [k for k in range(start, end) if toks[k].text in TOKEN_OPENING or toks[k].text in TOKEN_CLOSING]
    if marks and not (opening and _quoted_by_cue(toks, start, marks[0])):
        return False
    if any(toks[k].text == "," and toks[k + 1].text.lower() in _words.relatives for k in range(start, end - 1)):
        return False                      # "Ron Vale, who is struggling in the polls": the poll reports no clause
    if opening:                           # "just 8 percent said …", "nearly half of voters …"
        approximators = lexicon.lower_words("extract/approximators.txt")
        while start < end - 1 and toks[start].text.lower() in approximators:
            start += 1
    first = toks[start].text
    lower = first.lower()
    if first[:1].isdigit() or lower in _words.subject_pronouns or lower in lexicon.lower_words("extract/determiners.txt"):
        return lower not in _words.relatives
    if opening and first.isalpha() and first.islower():
        return not (lower.endswith("ing") or lower in lexicon.lower_words("text/function_words.txt")
                    or lower in _words.clause_openers or lower in _words.relatives)
    return first[:1].isupper() and not lower.endswith("ing")


def _quoted_by_cue(toks: list[Token], start: int, mark: int) -> bool:
    """Does a speech cue come between the clause start and its first quote mark ("75 percent
    said “…”"), so the quotation is the respondents' words the poll reports?"""
    return mark > start + 1 and any(lexicon.is_speech_form(t.text.lower()) for t in toks[start + 1:mark])


def _set_off_modifier_end(toks: list[Token], k: int) -> int:
    """The token after a poll's modifier set off by commas, when one opens at token ``k``
    ("…poll, conducted May 2-4, …": the token after its closing comma), else ``k``."""
    word = toks[k].text.lower() if k < len(toks) else ""
    if word not in _followers() or word in lexicon.lower_words("text/function_words.txt"):
        return k
    cues = lexicon.cues()
    for m in range(k + 1, min(len(toks), k + _MODIFIER_REACH + 1)):
        word = toks[m].text
        if word == ",":
            return m + 1
        if word in _ENDS or word.lower() in cues or word.lower() in _words.finite_auxiliaries:
            return k
    return k


def _score_before(toks: list[Token], comma: int) -> bool:
    """Is the stretch before the comma at token ``comma`` a score set off in apposition ("Voss
    leads by nine points, 49% to 40%, in the latest survey")?"""
    if comma < 2 or not any(c.isdigit() for c in toks[comma - 1].text):
        return False                      # not "Ann Bell, 42, in most polls" (an age)
    return "%" in toks[comma - 1].text or toks[comma - 2].text in ("to", "-", "–")


def _clause_start(s: Sent, last: int) -> int:
    """The first token of the clause that ends before token ``last``: after the last comma,
    semicolon or dash before it that leaves at least a few words, else the sentence start."""
    toks = s.toks
    k = last - 1
    while k > 0:
        if toks[k].text in (",", ";", "—", "–", "--") and not s.doc.inside_quote(toks[k].start, toks[k].end):
            words = sum(1 for t in toks[k + 1:last] if mentions.is_word(t.text))
            if words >= _CLAUSE_WORDS:
                return k + 1
        k -= 1
    return 0
