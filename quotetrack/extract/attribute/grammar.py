"""The token-level helpers the attribution sieves read clauses with: clause starts, the
listener and adjuncts after a cue, time phrases, where reported content ends.  The records
they read and return are in :mod:`.views`."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from ...text import lexicon
from ...text.names import person_title_nouns
from .. import mentions
from ...config import WINDOWS
from ...model import Cue
from ..fronted import adverbials_only
from ..segment import Token
from .bounds import DASHES as _DASHES, closing_adjunct, concessive, held_back, lone_dash, opens_count, parenthetical_relative, \
    participial_opening, participle_after_quote
from .cleft import cleft_that
from .governed import governed_start
from .listeners import bare_listener, common_listener_end, listener_tail, opens_noun_phrase
from .offsets import strip_end, word_count
from .views import Attribution, Doc, Sent


_words = lexicon.WordClasses("text/word_classes.txt")   # _words.subordinators, ... (data/text/word_classes.txt)

_SEPARATORS = frozenset({",", "?", "!", "—", "–", "--", ";"})


# ----------------------------------------------------------------- helpers


@lru_cache(maxsize=1)
def _connective_pattern() -> re.Pattern:
    """"Nevertheless, " / "But " at the start of reported content (see data/extract/connectives.txt)."""
    words = sorted(lexicon.lower_words("extract/connectives.txt"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    conj = "|".join(_words.conjunctions)
    return re.compile(rf"(?:(?:{alternation}),\s+|(?:{conj})\s+)+", re.IGNORECASE)


def _skip_connective(text: str, start: int, end: int) -> int:
    """Start offset past narrative connectives: "Nevertheless, the sale …" -> "the sale …"."""
    m = _connective_pattern().match(text, start, end)
    return m.end() if m else start


# Pronouns that can only be subjects.


def _nominative(s: Sent, src: tuple[int, int]) -> bool:
    """Is the source a subject-only pronoun, which opens a clause wherever it stands?
    ("Although in September she said …", "so fired up he said …")"""
    i = src[0]
    if src[1] - i != 1 or s.toks[i].text.lower() not in _words.nominative:
        return False
    prev = s.toks[i - 1].text.lower()     # not the subject of reported content: "said he feels …",
    if prev in _words.embedding or lexicon.cues().get(prev) is not None:   # "asked what he would tell …"
        return False
    return not s.doc.inside_quote(s.toks[i].start, s.toks[i].end)


def _clause_start_ok(s: Sent, i: int) -> bool:
    """Does a subject at token ``i`` open a clause (sentence start, after a comma, a dash such as a
    dateline's "LISBON ― The port authority said", a conjunction, or a live blog's clock time)?"""
    if i == 0:
        return True
    prev = s.toks[i - 1].text
    if i == 1 and mentions.is_capitalised(prev) and mentions.is_title_word(s.toks[i].text) \
            or i <= 5 and mentions.clock_time(s.toks, i - 1):
        return True                       # "Mine manager Pieter Kessler said"; "14.32 Ann Roe said", "9:55 a.m. Roe said"
    return (prev in (",", ";", ":", "(") or prev in _DASHES or prev in TOKEN_OPENING or prev in TOKEN_CLOSING
            or prev.lower() in _words.clause_openers or cleft_that(s.toks, i - 1))   # "It was X that Pell said"


def _catenative_start(toks: list[Token], ci: int) -> int | None:
    """Index of the verb that hands its subject on to the cue at ``ci`` ("Trump continued to
    question whether …", "she went on to argue that …", "he seemed to suggest"), or None when no
    such verb and "to" stand before it (data/extract/catenatives.txt)."""
    if ci < 2 or toks[ci - 1].text.lower() != "to":
        return None
    j = ci - 1
    while j - 1 >= 0 and mentions.is_adverb(toks[j - 1].text):
        j -= 1                            # "continued quietly to press"
    forms = lexicon.lower_words("extract/catenatives.txt")
    for width in (2, 1):
        if j - width >= 0 and " ".join(t.text.lower() for t in toks[j - width:j]) in forms:
            return j - width
    return governed_start(toks, ci)           # "tried to explain why …" (attribute/governed.py)


def _skip_object(s: Sent, k: int, cue: Cue) -> int:
    """Skip the listener after "told", "assured", "warned": "told reporters", "told The Post"."""
    if cue.lemma not in lexicon.lower_words("extract/object_cues.txt") or k >= len(s.toks):
        return k
    if s.toks[k].text.lower() in ("that", "whether", "if", ":", ",", "about") or s.toks[k].text in TOKEN_OPENING:
        return k
    colon = _colon_before_quote(s.toks, k)
    if colon is not None:
        return colon                      # "told the Alpine Post: “…”", "told BBC Radio Kent’s breakfast show: ‘…’"
    bare = bare_listener(s.toks, k, cue)  # "told them the highway …", "told MPs the company …"
    found = None if bare > k else s.mention(mentions.after, k)
    if found is None:                     # "told the planning committee that …": no mention read, its "that"
        return bare if bare > k else listener_tail(s.toks, k)
    end = found[1]
    # "told reporters the deal was fair": a lower-case listener is one or two words;
    # "told the Commons the economy …": "the" and a capitalised run
    if not mentions.is_capitalised(s.toks[k].text) and end - k > 2:
        if s.toks[k].text.lower() == "the" and mentions.is_capitalised(s.toks[k + 1].text):
            end = k + 1
            while end < len(s.toks) and (mentions.is_capitalised(s.toks[end].text) or (
                    s.toks[end].text in ("of", "for", "and") and end + 1 < len(s.toks)
                    and mentions.is_capitalised(s.toks[end + 1].text))):
                end += 1                  # "the House of Commons"
        elif (common := common_listener_end(s.toks, k)) is not None:
            end = common                  # "told the jury the scheme …", "told council members the …"
        elif not _role_then_name(s.toks, k, end):
            end = k + 1                   # (not "told driver Kirra Dawson she was lucky")
    if end < len(s.toks) and s.toks[end].text.lower() in _words.finite_auxiliaries:
        return k                          # "warned the deal would collapse": no listener, a subject
    return listener_tail(s.toks, end)


def _role_then_name(toks: list[Token], k: int, end: int) -> bool:
    """Are tokens k..end a lower-case role word and a name, with a new noun phrase after them
    ("told driver Kirra Dawson she was lucky"; not "told reporters Dawson had lied")?"""
    return toks[k].text.islower() and end - k <= 5 and end < len(toks) \
        and all(mentions.is_capitalised(t.text) for t in toks[k + 1:end]) and opens_noun_phrase(toks[end].text)


_LISTENER_WORDS = 8                         # words of a listener before a colon and a quote


def _colon_before_quote(toks: list[Token], k: int) -> int | None:
    """The colon that ends a listener of a few words, right before an opening quote mark:
    "told the Alpine Post: ‘…’" (the quote is the content, the words before it the listener)."""
    for j in range(k, min(len(toks) - 1, k + _LISTENER_WORDS)):
        text = toks[j].text
        if text == ":":
            return j if toks[j + 1].text in TOKEN_OPENING else None
        if not mentions.is_word(text) or text.lower() in ("that", "whether", "if") \
                or text.lower() in _words.finite_auxiliaries:
            return None
    return None


def _skip_adjuncts(s: Sent, k: int, cue: Cue | None = None) -> int:
    """Skip "in a statement", "on Monday", "Sunday", "forcefully" between a cue and its content when a
    "that", "whether", "if", a comma or a colon follows them; else stay at ``k``.  A to-infinitive
    after a cue that reports one is content, no adjunct ("vowed [to cut fares], …")."""
    toks = s.toks
    while k < len(toks) and mentions.is_adverb(toks[k].text):
        k += 1                            # "fired back forcefully: …"
    if infinitive_at(toks, k, cue) or opens_count(toks, k):
        return k                          # (nor "said [at least 12 people] …": a count)
    if k >= len(toks) or (toks[k].text.lower() not in lexicon.lower_words("extract/adjunct_words.txt")
                          and toks[k].text.lower() not in lexicon.lower_words("extract/calendar_words.txt")):
        return _skip_time(s, k, cue)      # (a day or month opens one too: "said Sunday that …")
    j, titled = k + 1, False
    while j < len(toks) and j - k <= 14 and (toks[j].text.lower() not in ("that", "whether", "if") or mentions.time_that(toks, j)):
        if not mentions.is_word(toks[j].text):
            title = _short_title(s, j)
            if title is None:
                break
            j, titled = title, True       # "said on the show ''Morning Hour'' that …"
            continue
        j += 1
    if j < len(toks) and (toks[j].text.lower() in ("that", "whether", "if")
                          or toks[j].text in (",", ":") and not titled):
        return j
    t = next((t for t in range(k + 2, min(j, k + 6)) if _past_time(s, t) > t), k)   # adjunct, time, clause:
    return n if (n := _skip_time(s, t, cue)) > t else _skip_time(s, k, cue)          # "said in a statement Thursday [it …]"


def infinitive_at(toks: list[Token], k: int, cue: Cue | None) -> bool:
    """Does a to-infinitive open at token ``k`` after a cue whose content it may be ("vowed [to
    cut fares]", "urged members [to strike]"; data/extract/infinitive_cues.txt)?  Not "to
    reporters", "to the press", "to him": a determiner or pronoun after "to" makes it an adjunct."""
    if cue is None or k + 1 >= len(toks) or toks[k].text.lower() != "to" \
            or cue.lemma not in lexicon.lower_words("extract/infinitive_cues.txt"):
        return False
    nxt = toks[k + 1].text
    return nxt.isalpha() and nxt.islower() and nxt not in lexicon.lower_words("extract/determiners.txt") \
        and nxt not in lexicon.pairs("extract/pronouns.tsv")


_TITLE_WORDS = 5                            # words of a quoted title inside an adjunct


def _short_title(s: Sent, j: int) -> int | None:
    """The token after a short quoted title that opens at token ``j`` (a show, a book:
    "on the show ''Morning Hour''"), or None."""
    if s.toks[j].text not in TOKEN_OPENING:
        return None
    quote = s.doc.quote_at(start=s.toks[j].start)
    words = re.findall(r"[^\W\d_][\w’'-]*", s.text[quote.start:quote.end]) if quote is not None else []
    if not words or len(words) > _TITLE_WORDS or not all(w[0].isupper() for w in words) \
            or not s.text[quote.start:quote.end].rstrip("”’\"'»›")[-1:].isalnum():
        return None                       # a title in title case, no punctuation before its close
    return s.tok_at(quote.end)


def _is_time_word(word: str, calendar: frozenset[str]) -> bool:
    """A day or month ("Monday", "Jan."), or a lower-case time noun ("week", "tonight"): a
    capitalised "Weekend" in a title-case headline is no time phrase."""
    return word.lower() in calendar or word in _words.time_nouns


def _skip_time_back(s: Sent, j: int) -> int:
    """Index just after the subject when a time phrase stands between it and the cue at ``j``:
    "Cruz on Wednesday announced", "The agency this week said", "Smith late Tuesday said"."""
    toks = s.toks
    calendar = lexicon.lower_words("extract/calendar_words.txt")
    n = j
    while n - 1 > 0 and j - n < 2 and _is_time_word(toks[n - 1].text, calendar):
        n -= 1
    if n == j:
        return j
    while n - 1 > 0 and j - n < _MAX_TIME and toks[n - 1].text in _words.time_leads:
        n -= 1
    return mentions.skip_modifiers_back(toks, n)


_MAX_TIME = 4                               # tokens of a time phrase between a cue and its content


def _skip_time(s: Sent, k: int, cue: Cue | None = None) -> int:
    """Skip a time phrase between a cue and content that has no "that": "said last week [the
    deal …]", "said Monday night [it …]", "said on Tuesday [the …]", "said earlier this year [he …]".
    Stay at ``k`` unless a word that may open a clause follows the phrase."""
    toks = s.toks
    n = _past_time(s, k)
    if n == k or n >= len(toks) or not mentions.is_word(toks[n].text) \
            or toks[n].text.lower() in lexicon.lower_words("extract/adjunct_words.txt") and not infinitive_at(toks, n, cue):
        return k                          # (but "vowed last month [to run]")
    return n


# Prepositions and subordinators that open an adverbial, never a clause's subject.


def _is_clause(text: str, start: int, end: int) -> bool:
    """Could text[start:end] be reported content rather than an opening adverbial?
    ("During the two-hour service" is not; "The deal was fair" is.)"""
    words = text[start:end].split()
    if len(words) < 3:
        return False
    if words[0].lower() in _words.opening_prepositions and "," not in text[start:end]:
        return False                      # "After the closeout of the probe July 6, Judicial Watch asked …"
    if words[0].lower() == "according" and words[1].lower() == "to":
        return False                      # "According to people familiar with it, X has asked …": a source
    if "," not in text[start:end] and participial_opening(words):
        return False                      # "Opening the case last week, Sarwar told the jury …"
    return not (len(words) <= 6 and words[0].lower() in lexicon.lower_words("extract/adjunct_words.txt"))


def _subordinate_only(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a lone adverbial clause, a subordinator and no comma after it ("Though
    he has never led on the issue"), or fronted adverbials only (:mod:`..fronted`: "Friday
    morning, as the parade passed")?  It cannot be what a cue after it reports: "Though he …,
    Ortiz promised to act" is a head report."""
    words = text[start:end].split(maxsplit=1)
    return bool(words) and words[0].lower() in _words.subordinators and "," not in text[start:end] \
        or adverbials_only(text, start, end)


# Words that open reported content after a cue and its listener: "asked who needed a ride".


def _listener_rest_ok(toks: list[Token], rest: int) -> bool:
    """After "…, Obama told a town-hall meeting in Hanoi": no new content ("that …", "who …",
    "whether …", a colon or a quote) may follow the listener."""
    for tok in toks[rest:]:
        if tok.text.lower() in _words.report_openers or tok.text == ":" or tok.text in TOKEN_OPENING:
            return False
        if tok.text == ",":
            return True
    return True


def _adjunct_only(word: str) -> bool:
    """May ``word`` open what follows a tail cue ("…, he said in a statement", "…, she said Monday")?"""
    if not mentions.is_word(word):
        return word != ":"
    low = word.lower()
    return low in lexicon.lower_words("extract/adjunct_words.txt") or mentions.is_adverb(word) or low in lexicon.lower_words("extract/calendar_words.txt")


_NAMING_REACH = WINDOWS.naming_tokens      # tokens from the cue to the quote of a naming cue


def _is_participle(cue: Cue) -> bool:
    """Is the cue an -ing form, alone or opening a multi-word cue ("saying", "calling for")?"""
    return cue.text.split()[0].lower().endswith("ing")


def _earlier_reports(s: Sent, cue: Cue) -> list[Attribution]:
    """The attributions of the sentence found so far whose source and cue come before ``cue``
    (“…,” she said, adding …: a participle's source may be theirs)."""
    return [a for a in s.found if a.source is not None and a.cue is not None and a.cue.start < cue.start]


def _reported(s: Sent, cue: Cue, k: int) -> tuple[int, int] | None:
    """What a cue reports from token ``k`` on (past its object and adjuncts): the label a
    naming cue gives, else the clause that follows."""
    return _naming_content(s, cue, k) or _content_after(s, k)


def _naming_content(s: Sent, cue: Cue, k: int) -> tuple[int, int] | None:
    """After a naming cue, the object and its quoted label, ending where the quote closes:
    "called [Palin a “clown”] on his radio show", "described [him as “volatile” and “erratic”]".
    None when the cue is no naming cue or no quote opens soon after it."""
    if cue.lemma not in lexicon.lower_words("extract/naming_cues.txt"):
        return None
    toks = s.toks
    for i in range(k, min(len(toks), k + _NAMING_REACH)):
        text = toks[i].text
        if text in TOKEN_OPENING:
            quote = s.doc.quote_at(start=toks[i].start)
            if quote is None:
                return None
            end = _coordinated_quotes_end(s, quote.end)
            last = s.doc.quote_at(end=end)
            closed = last is not None and s.text[last.inner[1] - 1:last.inner[1]] in (",", ".") \
                and not _subordinator_at(s, end)      # (the typewriter '' closes with two marks)
            return (toks[k].start, end) if closed or _LABEL_ENDS.match(s.text, end, s.sentence.end + 1) else None
        if text in (",", ";", ":", ".", "(") or text.lower() in ("that", "whether"):
            return None
    return None


_NEXT_WORD = re.compile(r"\s*(\w+)")


def _subordinator_at(s: Sent, at: int) -> bool:
    """Does a subordinating conjunction open the text at ``at`` ("…,” because …")?"""
    m = _NEXT_WORD.match(s.text, at, s.sentence.end)
    return m is not None and m.group(1).lower() in _words.subordinators


# (A label that closes on its own comma or full stop ends the content: "called it “a disgrace,”
# blaming …".)
# What may follow a quoted label that ends the content: a comma, a new clause with "and",
# a dash or a parenthesis, the sentence end ("“unhinged.”", "“a disaster” and promised …").
# A preposition or a relative goes on with the content ("“a blueprint” for how she …").
_LABEL_ENDS = re.compile(r"\s*(?:$|[,;.!?)—–]|\(|-\s|and\s|but\s)")
# "“train wreck” and “outsourcer in chief”": a further quote joined by "and"/"or".
_AND_QUOTE = re.compile(r"[,]?\s+(?:and|or)\s+(?:(?:a|an|the)\s+)?(?=[“\"‘'])")


def _coordinated_quotes_end(s: Sent, end: int) -> int:
    """The end of the last quote in a run joined by "and"/"or" that starts at ``end``."""
    while True:
        m = _AND_QUOTE.match(s.text, end, s.sentence.end)
        if m is None:
            return end
        nxt = s.doc.quote_at(start=m.end())
        if nxt is None:
            return end
        end = nxt.end


def _content_after(s: Sent, k: int) -> tuple[int, int] | None:
    """Content from token ``k`` to the end of the sentence (a quote opening there runs to its close)."""
    toks = s.toks
    if k < len(toks) and toks[k].text.lower() == "that":
        k += 1
    while k < len(toks) and toks[k].text in (":", ","):
        k += 1
    if k >= len(toks):
        return None
    start = toks[k].start
    quote = s.doc.quote_at(start=start)
    if quote is not None and quote.end >= s.sentence.end - 2:
        return start, quote.end
    end = strip_end(s.text, start, _clause_end(s, k))
    if end - start < 2:
        return None
    if quote is not None and end < quote.end:
        end = quote.end
    open_quote = s.doc.enclosing(end)
    if open_quote is not None and open_quote.start > start \
            and s.text[start:open_quote.start].rstrip()[-1:].isalnum():
        end = open_quote.end          # said the Trump "train may have left. I don't …" runs on
    return start, end


# A new clause after a comma ends reported content: ", but she has bristled at …",
# ", and it is clear …", ", who has been battered …".  Not ", and that …" (the content goes on).


# Words that open a sentence adjunct after a comma: ", while trying …", ", as he faces …".


def _opens_adjunct(word: str) -> bool:
    """Does ``word`` after a comma open an adjunct that ends reported content: a participle
    ("referring", "adding") or a subordinator ("while", "as")?"""
    return word.islower() and (word in _words.adjunct_openers or (len(word) > 5 and word.endswith("ing")))


def _ends_quoted_utterance(last: str, nxt: str) -> bool:
    """Does a quote that closes after ``last`` end the reported content when ``nxt`` follows?
    After "!" or "?" the quoted utterance is whole and narration goes on ("yelled “You lie!” at
    the president", "chanted “Lock her up!” as they had"); after a comma, an adjunct or a
    relative clause does ("“by Cleveland,” referring to …", "“well qualified,” which is …")."""
    if not nxt[:1].islower():
        return False
    if last in ("!", "?"):
        return True
    return last == "," and (_opens_adjunct(nxt) or nxt in _words.relatives)


def _clause_end(s: Sent, k: int) -> int:
    """Where the content that starts at token ``k`` ends: the sentence end, or the comma
    before a new clause, a relative clause or the narrator's appositive (", a charge that …"),
    or a dash before the narrator's clause after a quote ("- although …"), outside quote marks."""
    if s.breaks is None:
        s.breaks = _clause_breaks(s)
    at = bisect.bisect_left(s.breaks, (k + 3, -1))
    return s.breaks[at][1] if at < len(s.breaks) else s.sentence.end


def _clause_breaks(s: Sent) -> list[tuple[int, int]]:
    """(token index, end offset) of every place in a sentence where content that started
    before it ends (see :func:`_clause_end`), found in one pass over the tokens."""
    toks = s.toks
    out = []
    last_open = max((i for i, t in enumerate(toks) if t.text in TOKEN_OPENING), default=-1)
    last_close = -1                       # the last quote mark so far that closes a quote
    dash = lone_dash(s)                   # "said X would pass - though …": the reporter's clause
    for i in range(1, len(toks) - 1):
        if toks[i].text in TOKEN_CLOSING and s.doc.quote_at(end=toks[i].end) is not None:
            last_close = i
        if toks[i].text in TOKEN_CLOSING and last_close == i and (_ends_quoted_utterance(toks[i - 1].text, toks[i + 1].text)
                                                                 or participle_after_quote(toks, i)):
            out.append((i, toks[i].end))  # “… by Cleveland,” referring to the convention
            continue
        if i == dash or toks[i].text in _DASHES and toks[i + 1].text in _words.dash_clause_openers \
                and 0 <= last_close < i and not s.doc.inside_quote(toks[i].start, toks[i].end):
            out.append((i, toks[i].start))        # “…” - although …: the narrator's
            continue
        if held_back(toks, i) and not s.doc.inside_quote(toks[i].start, toks[i].end):
            out.append((i, toks[i].start))        # "… but would not say where": the reporter's
        if toks[i].text != "," or s.doc.inside_quote(toks[i].start, toks[i].end):
            continue
        nxt = toks[i + 1].text.lower()
        if nxt in _words.summary_openers and 0 <= last_close < i and i + 2 < len(toks) and toks[i + 2].text.islower():
            out.append((i, toks[i].start))        # … against him, a charge that …: the narrator's
            continue
        if nxt in _words.relatives and not (i < last_open and toks[i - 1].text in TOKEN_CLOSING) \
                and not parenthetical_relative(toks, i):  # (not "X, who …, has …": the content goes on)
            out.append((i, toks[i].start))    # (not "“…”, who had to put “…”": the quoted words go on)
        elif s.marks("commas").outside[-1] == i and closing_adjunct(toks, i) or concessive(toks, i):
            out.append((i, toks[i].start))    # "…, compared with 41 percent", "…, a move that …"
        elif nxt in _words.clause_joiners and i + 2 < len(toks):
            after = toks[i + 2].text
            if after.lower() in _words.new_subjects or (mentions.is_capitalised(after) and after.lower() != "that"):
                out.append((i, toks[i].start))
    return out


def _cue_tokens(s: Sent, cue: Cue) -> tuple[int, int]:
    ci = s.tok_at(cue.start)
    ce = ci
    while ce < len(s.toks) and s.toks[ce].start < cue.end:
        ce += 1
    return ci, ce


def by_source(s: Sent, ce: int, *, named: bool = False) -> tuple[int, int] | None:
    """The mention right after a "by" at token ``ce``: the source of a passive report ("reported
    by the Post", "asked by a caller why …"); with ``named``, only one that names someone."""
    toks = s.toks
    if ce + 1 >= len(toks) or toks[ce].text.lower() != "by":
        return None
    src = s.mention(mentions.after, ce + 1)
    if src is None or src[0] != ce + 1 or (named and not mentions.names_someone(toks, *src)):
        return None
    return src


def _span(s: Sent, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    if rng is None:
        return None
    return s.toks[rng[0]].start, s.toks[rng[1] - 1].end


def _name_end(toks: list[Token], k: int) -> int | None:
    """The end of a capitalised name that starts at ``k`` and is followed by a lower-case
    word: "Ms Hale" in "Ms Hale the minister had …"."""
    n = k
    while n < len(toks) and n - k < 6 and mentions.is_capitalised(toks[n].text):
        n += 1
    if n == k or n >= len(toks) or not toks[n].text[:1].islower():
        return None
    return n


def _past_time(s: Sent, k: int) -> int:
    """The token after a time phrase at ``k`` ("late Saturday", "on Monday night"), or ``k``."""
    toks, calendar = s.toks, lexicon.lower_words("extract/calendar_words.txt")
    j = k
    while j < len(toks) and j - k < _MAX_TIME and toks[j].text in _words.time_leads:
        j += 1
    n = j
    while n < len(toks) and n - j < 2 and _is_time_word(toks[n].text, calendar):
        n += 1
    return n if n > j else k


def _indirect_continuation(s: Sent, rest: int) -> tuple[int, int] | None:
    """The second part of "A Clinton presidency, she vowed, would bring better jobs": after the
    comma that closes the parenthetical cue, a lower-case verb phrase that is not a new cue, an
    adjunct or a new clause."""
    toks = s.toks
    if rest < len(toks) and toks[rest].text != ",":
        rest = _past_time(s, rest)        # "…, the league said late Saturday, and …", "…, X said on
        if not (rest + 1 < len(toks) and (toks[rest + 1].text.lower() in ("and", "but")     # Sunday, would …"
                                          or toks[rest + 1].text.lower() in _words.finite_auxiliaries)):
            return None                   # (not "…, X said Tuesday, the biggest change …": a new clause)
    if rest + 1 >= len(toks) or toks[rest].text != ",":
        return None
    if not _continues_content(toks, rest + 1):
        return None
    end = strip_end(s.text, toks[rest + 1].start, _clause_end(s, rest + 1))
    if word_count(s.text, toks[rest + 1].start, end) < 2:
        return None
    return toks[rest + 1].start, end


def _continues_content(toks: list[Token], i: int) -> bool:
    """May the words at token ``i``, after a parenthetical cue, go on with the content?  A
    lower-case verb phrase ("…, she vowed, would bring …") or a new subject ("Like his remarks,
    Graham said, the jabs were unacceptable"); not an adjunct, a relative, a cue or a conjunction."""
    word = toks[i].text
    low = word.lower()
    if low in ("and", "but") and i + 2 < len(toks):
        word = toks[i + 1].text           # "…, they said, but he is still …"
        low = word.lower()
        i += 1
    if low in _words.continuation_openers:
        return True                       # "It is no surprise, Garin said, that …", "…, he said, because …"
    if low in lexicon.lower_words("extract/adjunct_words.txt") and low != "to" or low in _words.clause_joiners or low in _words.relatives \
            or low in _words.clause_openers or low in ("that", "which"):
        return False
    entry = lexicon.cues().get(low)
    if entry is not None and (entry.type == "speech" or low.endswith("ing")):
        return False                      # "…, he said, adding …", "…, she said, told …"
    if word.islower() and low not in ("a", "an", "the"):
        return True
    return i + 1 < len(toks) and mentions.after(toks, i) is not None


def _role_word(word: str) -> bool:
    """A title or person noun, which may stand before a name in one mention ("the actor Tom Hanks")."""
    return word.lower() in person_title_nouns()
