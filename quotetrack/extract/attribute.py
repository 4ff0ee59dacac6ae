"""Stage 4: link content to a cue and a source mention, by ordered sieves.

Sentence sieves look at each cue of a sentence and try, in order, the frames a
reporter writes (each a small function; the rule it records is in brackets):

    according_to  "according to the ministry, …" / "…, according to a report."   [according_to]
    participle    "Gantz praised the deal, saying …" (the clause's source)         [participle]
    tail          "…, Gantz said." / "“…,” said Gantz." / "“…,” Smith, a spokeswoman, said."
                  / "“A,” he said, “B.”" / "X, she vowed, would …"
                  [tail, tail_inverted, tail_appositive, interrupted]
    head          "Gantz said (that) …" / "He added: “…”" / "X, a spokeswoman for Y, said …"
                  / "Gantz said:" ending a paragraph / "Bystrom agreed. “…”"
                  / "people who have battled online threats say …" (a post-modified subject)
                  [head, head_appositive, head_colon, head_next, head_long]
    relative_label "what Mr. Hedge called ''the prior economy model''"           [relative_label]
    relative      "Jeb Bush, who announced he is quitting, …" (source: "who")     [relative]
    coordinated   "He looked up, furrowed his brow and said, “…”"                  [coordinated]
    asked         "Asked why he trailed, Sanders said …" (the question, no source)   [asked]

A short paragraph "Marco Rubio: I’m not interested" is a headline statement [colon].
Quote sieves then take each quoted passage no other sieve claimed:

    colon         "Gantz: “…”"                                                    [colon]
    dash          "“…” — Commissioner Ruth Ortiz"                                 [dash]
    verb_after    "“…,” he surmised."                                             [verb_after]
    colon_lead    "…, he demurred: “…”" (a source and an unlisted verb)           [colon_lead]
    colon_clause  "The campaign, in a Q&A, worded it more carefully: “…”" /
                  "SUMMARY LINE - Name: “…”" (the clause's subject or the byline)   [colon_clause]
    floating      a cue-less quote right after an attributed quote                [floating]
    unattributed  a quoted statement with no source (kept, so nothing is lost)    [unattributed]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from . import cues as cue_finder
from ..text import lexicon
from . import mentions
from ..config import Config
from ..model import Cue, Paragraph, QuotedSpan, Sentence
from .segment import Token, paragraph_ranks, tokens as tokenize

_words = lexicon.WordClasses("word_classes.txt")   # _words.subordinators, ... (data/word_classes.txt)

_SEPARATORS = frozenset({",", "?", "!", "—", "–", "--", ";"})
_CLOSING_MARKS = frozenset({"”", "\"", "’", "'", "»", "''", "›"})
_OPENING_MARKS = frozenset({"“", "\"", "‘", "'", "«", "„", "``", "‹", "''"})   # '' opens a typewriter quote too
_DASHES = frozenset({"—", "–", "-", "--", "―"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Content fragments linked to a source mention and a cue by one rule."""
    fragments: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    cue: Cue | None
    rule: str
    sentence: Sentence
    follows: int | None = None    # for floating quotes: index of the attribution it continues
    antecedent: tuple[int, int] | None = None   # what a relative source ("who") stands for


@dataclass
class _Sent:
    """One sentence being read: its tokens, and the quoted spans of the document."""
    text: str
    sentence: Sentence
    toks: list[Token]
    doc: "_Doc"
    found: list["Attribution"] = field(default_factory=list)   # attributions of this sentence so far

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left([t.start for t in self.toks], offset)


@dataclass
class _Doc:
    text: str
    paras: tuple[Paragraph, ...]
    sents: tuple[Sentence, ...]
    quotes: list[QuotedSpan]          # top-level quoted spans, by start
    quote_starts: list[int]

    def quote_at(self, start: int | None = None, end: int | None = None) -> QuotedSpan | None:
        """The top-level quote that opens at ``start`` or closes at ``end``."""
        if start is not None:
            i = bisect.bisect_left(self.quote_starts, start)
            if i < len(self.quotes) and self.quotes[i].start == start:
                return self.quotes[i]
            return None
        i = bisect.bisect_right(self.quote_starts, end) - 1
        if i >= 0 and self.quotes[i].end == end:
            return self.quotes[i]
        return None

    def enclosing(self, offset: int) -> QuotedSpan | None:
        """The top-level quote that opened before ``offset`` and is still open there."""
        i = bisect.bisect_left(self.quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start < offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def inside_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, start) - 1
        return i >= 0 and self.quotes[i].start < start and end <= self.quotes[i].end

    def quotes_in(self, start: int, end: int) -> list[QuotedSpan]:
        i = bisect.bisect_left(self.quote_starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            out.append(self.quotes[i])
            i += 1
        return out


# ----------------------------------------------------------------- helpers



@lru_cache(maxsize=1)
def _connective_pattern() -> re.Pattern:
    """"Nevertheless, " / "But " at the start of reported content (see data/connectives.txt)."""
    words = sorted(lexicon.lower_words("connectives.txt"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    conj = "|".join(_words.conjunctions)
    return re.compile(rf"(?:(?:{alternation}),\s+|(?:{conj})\s+)+", re.IGNORECASE)


def _skip_connective(text: str, start: int, end: int) -> int:
    """Start offset past narrative connectives: "Nevertheless, the sale …" -> "the sale …"."""
    m = _connective_pattern().match(text, start, end)
    return m.end() if m else start


def _strip_end(text: str, start: int, end: int) -> int:
    """End offset with trailing white space and one sentence-final period removed."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ".;:":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# Pronouns that can only be subjects.


def _nominative(s: _Sent, src: tuple[int, int]) -> bool:
    """Is the source a subject-only pronoun, which opens a clause wherever it stands?
    ("Although in September she said …", "so fired up he said …")"""
    i = src[0]
    if src[1] - i != 1 or s.toks[i].text.lower() not in _words.nominative:
        return False
    prev = s.toks[i - 1].text.lower()     # not the subject of reported content: "said he feels …",
    if prev in _words.embedding or lexicon.cues().get(prev) is not None:   # "asked what he would tell …"
        return False
    return not s.doc.inside_quote(s.toks[i].start, s.toks[i].end)


def _clause_start_ok(s: _Sent, i: int) -> bool:
    """Does a subject at token ``i`` open a clause (sentence start, after a comma, a dash such as a
    dateline's "LISBON ― The port authority said", or a conjunction)?"""
    if i == 0:
        return True
    prev = s.toks[i - 1].text
    if i == 1 and mentions.is_capitalised(prev) and mentions.is_title_word(s.toks[i].text):
        return True                       # "Mine manager Pieter Kessler said": "Mine" opens it
    return (prev in (",", ";", ":", "(") or prev in _DASHES or prev in _OPENING_MARKS or prev in _CLOSING_MARKS
            or prev.lower() in _words.clause_openers)


def _skip_object(s: _Sent, k: int, cue: Cue) -> int:
    """Skip the listener after "told", "assured", "warned": "told reporters", "told The Post"."""
    if cue.lemma not in lexicon.lower_words("object_cues.txt") or k >= len(s.toks):
        return k
    if s.toks[k].text.lower() in ("that", "whether", "if", ":", ",", "about") or s.toks[k].text in _OPENING_MARKS:
        return k
    found = mentions.after(s.toks, k)
    if found is None:
        return k
    end = found[1]
    # "told reporters the deal was fair": a lower-case listener is one or two words
    if not mentions.is_capitalised(s.toks[k].text) and end - k > 2:
        end = k + 1
    return end


def _skip_adjuncts(s: _Sent, k: int) -> int:
    """Skip "in a statement", "on Monday", "forcefully" between a cue and its content when a
    "that", "whether", "if", a comma or a colon follows them; else stay at ``k``."""
    toks = s.toks
    while k < len(toks) and toks[k].text.islower() and toks[k].text.endswith("ly"):
        k += 1                            # "fired back forcefully: …"
    if k >= len(toks) or toks[k].text.lower() not in lexicon.lower_words("adjunct_words.txt"):
        return k
    j = k + 1
    while j < len(toks) and j - k <= 14 and mentions.is_word(toks[j].text) \
            and toks[j].text.lower() not in ("that", "whether", "if"):
        j += 1
    if j < len(toks) and (toks[j].text.lower() in ("that", "whether", "if") or toks[j].text in (",", ":")):
        return j
    return k


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
    return not (len(words) <= 6 and words[0].lower() in lexicon.lower_words("adjunct_words.txt"))


# Words that open reported content after a cue and its listener: "asked who needed a ride".


def _listener_rest_ok(toks: list[Token], rest: int) -> bool:
    """After "…, Obama told a town-hall meeting in Hanoi": no new content ("that …", "who …",
    "whether …", a colon or a quote) may follow the listener."""
    for tok in toks[rest:]:
        if tok.text.lower() in _words.report_openers or tok.text == ":" or tok.text in _OPENING_MARKS:
            return False
        if tok.text == ",":
            return True
    return True


def _adjunct_only(word: str) -> bool:
    """May ``word`` open what follows a tail cue ("…, he said in a statement", "…, she said Monday")?"""
    if not mentions.is_word(word):
        return word != ":"
    low = word.lower()
    return low in lexicon.lower_words("adjunct_words.txt") or (low.endswith("ly") and word.islower()) or low in lexicon.lower_words("calendar_words.txt")


_NAMING_REACH = 10                        # tokens from the cue to the quote of a naming cue


def _naming_content(s: _Sent, cue: Cue, k: int) -> tuple[int, int] | None:
    """After a naming cue, the object and its quoted label, ending where the quote closes:
    "called [Palin a “clown”] on his radio show", "described [him as “volatile” and “erratic”]".
    None when the cue is no naming cue or no quote opens soon after it."""
    if cue.lemma not in lexicon.lower_words("naming_cues.txt"):
        return None
    toks = s.toks
    for i in range(k, min(len(toks), k + _NAMING_REACH)):
        text = toks[i].text
        if text in _OPENING_MARKS:
            quote = s.doc.quote_at(start=toks[i].start)
            if quote is None:
                return None
            end = _coordinated_quotes_end(s, quote.end)
            return (toks[k].start, end) if _LABEL_ENDS.match(s.text, end, s.sentence.end + 1) else None
        if text in (",", ";", ":", ".", "(") or text.lower() in ("that", "whether"):
            return None
    return None


# What may follow a quoted label that ends the content: a comma, a new clause with "and",
# a dash or a parenthesis, the sentence end ("“unhinged.”", "“a disaster” and promised …").
# A preposition or a relative goes on with the content ("“a blueprint” for how she …").
_LABEL_ENDS = re.compile(r"\s*(?:$|[,;.!?)—–]|\(|-\s|and\s|but\s)")
# "“train wreck” and “outsourcer in chief”": a further quote joined by "and"/"or".
_AND_QUOTE = re.compile(r"[,]?\s+(?:and|or)\s+(?:(?:a|an|the)\s+)?(?=[“\"‘'])")


def _coordinated_quotes_end(s: _Sent, end: int) -> int:
    """The end of the last quote in a run joined by "and"/"or" that starts at ``end``."""
    while True:
        m = _AND_QUOTE.match(s.text, end, s.sentence.end)
        if m is None:
            return end
        nxt = s.doc.quote_at(start=m.end())
        if nxt is None:
            return end
        end = nxt.end


def _content_after(s: _Sent, k: int) -> tuple[int, int] | None:
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
    end = _strip_end(s.text, start, _clause_end(s, k))
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


def _clause_end(s: _Sent, k: int) -> int:
    """Where the content that starts at token ``k`` ends: the sentence end, or the comma
    before a new clause or a relative clause (outside quote marks)."""
    toks = s.toks
    for i in range(k + 3, len(toks) - 1):
        if toks[i].text in _CLOSING_MARKS and toks[i - 1].text == "," and _opens_adjunct(toks[i + 1].text) \
                and s.doc.quote_at(end=toks[i].end) is not None:
            return toks[i].end            # “… by Cleveland,” referring to the convention
        if toks[i].text != "," or s.doc.inside_quote(toks[i].start, toks[i].end):
            continue
        nxt = toks[i + 1].text.lower()
        if nxt in _words.relatives:
            return toks[i].start
        if nxt in _words.clause_joiners and i + 2 < len(toks):
            after = toks[i + 2].text
            if after.lower() in _words.new_subjects or (mentions.is_capitalised(after) and after.lower() != "that"):
                return toks[i].start
    return s.sentence.end


def _word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _cue_tokens(s: _Sent, cue: Cue) -> tuple[int, int]:
    ci = s.tok_at(cue.start)
    ce = ci
    while ce < len(s.toks) and s.toks[ce].start < cue.end:
        ce += 1
    return ci, ce


def _span(s: _Sent, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    if rng is None:
        return None
    return s.toks[rng[0]].start, s.toks[rng[1] - 1].end


# ----------------------------------------------------------------- sentence sieves

def _according_source(s: _Sent, k: int) -> tuple[int, int] | None:
    """The source after "according to" at token ``k``: the words up to the comma or the
    sentence end that closes it ("a recent poll of Indiana voters", "the Real Clear Politics
    average"), else the mention that starts there ("the ministry")."""
    toks = s.toks
    end = k
    while end < len(toks) and end - k < 20 and toks[end].text not in _SOURCE_ENDS \
            and toks[end].text not in _OPENING_MARKS:
        end += 1
    closed = end == len(toks) or toks[end].text in (",", ".", "?", "!")
    if closed and end > k and mentions.is_word(toks[end - 1].text):
        return k, end
    return mentions.after(toks, k)


_SOURCE_ENDS = frozenset({",", ";", ":", "(", "—", "–", ".", "?", "!"})


def according_to(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"according to the ministry, …" and "…, according to a report.\""""
    if cue.lemma != "according to":
        return None
    src = _according_source(s, ce)
    if src is None:
        return None
    if ci == 0 or (ci == 1 and s.toks[0].text in _OPENING_MARKS):
        k = src[1]
        while k < len(s.toks) and s.toks[k].text in (",", ":"):
            k += 1
        content = _content_after(s, k) if k > src[1] else None
    else:
        end_tok = ci
        while end_tok > 0 and s.toks[end_tok - 1].text in _SEPARATORS:
            end_tok -= 1
        first = s.toks[0].start
        quote = s.doc.quote_at(end=s.toks[end_tok - 1].end) if end_tok else None
        if quote is not None:
            first = min(first, quote.start)
        content = (first, s.toks[end_tok - 1].end) if end_tok else None
    if content is None or _word_count(s.text, *content) < 2:
        return None
    return Attribution((content,), _span(s, src), cue, "according_to", s.sentence)


def _after_comma(toks: list[Token], i: int) -> bool:
    """Is token ``i`` right after a comma or a dash (or a comma and a closing quote mark: ,”),
    maybe with adverbs between ("…, falsely suggesting", "… – saying")?"""
    while i >= 2 and toks[i - 1].text.islower() and toks[i - 1].text.endswith("ly"):
        i -= 1
    if i >= 1 and toks[i - 1].text in (",", "—", "–", "--"):
        return True
    return i >= 2 and toks[i - 1].text in _CLOSING_MARKS and toks[i - 2].text == ","


def _is_participle(cue: Cue) -> bool:
    """Is the cue an -ing form, alone or opening a multi-word cue ("saying", "calling for")?"""
    return cue.text.split()[0].lower().endswith("ing")


def participle(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Gantz praised the deal, saying the UAE …": the source is the clause's subject."""
    if not _is_participle(cue) or ci < 2 or not _after_comma(s.toks, ci):
        return None
    earlier = [a for a in s.found if a.source is not None and a.cue is not None and a.cue.start < cue.start]
    if earlier:
        source = earlier[0].source       # "“…,” she said, adding, “…”": the clause's source
    else:
        subject = mentions.forward_subject(s.toks, 0, ci - 1)
        if subject is None:
            return None
        source = _span(s, subject)
    k = _skip_adjuncts(s, _skip_object(s, ce, cue))
    content = _naming_content(s, cue, k) or _content_after(s, k)
    if content is None or _word_count(s.text, *content) < 2:
        return None
    return Attribution((content,), source, cue, "participle", s.sentence)


def _appositive_source(s: _Sent, k: int) -> tuple[tuple[int, int], int] | None:
    """The source of "Figueroa, a spokeswoman for the campaign, said", "Gidley, a former director,
    whose roots are in the South, said" (the mention before the appositives) or "Bloomberg's
    pollster, Douglas Schoen, says" (the name between the commas), with the index of the token
    that opens the whole subject.  Commas inside quote marks do not count."""
    if k < 3 or s.toks[k - 1].text != ",":
        return None
    j = k - 1
    for _ in range(3):
        j -= 1
        while j >= 0 and k - j < 40:
            tok = s.toks[j]
            if tok.text == "," and not s.doc.inside_quote(tok.start, tok.end):
                break
            j -= 1
        if j < 1 or s.toks[j].text != "," or not mentions.is_word(s.toks[j + 1].text):
            return None
        src = mentions.before(s.toks, j)
        if _is_name_run(s.toks, j + 1, k - 1) and src is not None and _clause_start_ok(s, src[0]):
            return (j + 1, k - 1), src[0]
        if src is not None and src[1] - src[0] <= 6 and _clause_start_ok(s, src[0]) \
                and (mentions.is_capitalised(s.toks[src[1] - 1].text)
                     or s.toks[src[0]].text.lower() in ("a", "an", "the", "one", "another")):
            return src, src[0]            # "Figueroa, …, said" / "A senior official, …, said"
    return None


def _tail_sources(s: _Sent, cue: Cue, ci: int, ce: int) -> list[tuple[tuple[int, int], int, int, str]]:
    """Ways the source can sit around a tail cue: (mention, separator index, index after the
    source and cue, rule) — "…, Gantz said", "…, said Gantz", "…, Figueroa, a spokeswoman, said"."""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    out = []
    src = mentions.before(toks, j)
    if src is not None and src[0] > 0 and (toks[src[0] - 1].text in _SEPARATORS
                                           or toks[src[0] - 1].text in _CLOSING_MARKS) \
            and _agrees(s, src, cue, ci):
        out.append((src, src[0] - 1, ce, "tail"))
    if j > 0 and (toks[j - 1].text in _SEPARATORS or toks[j - 1].text in _CLOSING_MARKS) \
            and s.toks[ci].text.lower() not in _words.listener_forms and cue.type != "act":
        # (after an act cue the noun phrase is its topic: "“…,” referring to Clinton")
        after = mentions.after(toks, ce)      # not "…,” told CBS News": that is the listener
        if after is not None and after[0] == ce and (mentions.names_someone(toks, *after)
                                                     or _closes_opening_quote(s, j - 1)):
            # (not "…,” X said of the Clintons": a preposition opens no inverted source)
            out.append((after, j - 1, after[1], "tail_inverted"))
    if src is None:
        appositive = _appositive_source(s, j)
        if appositive is not None and appositive[1] > 0:
            out.append((appositive[0], appositive[1] - 1, ce, "tail_appositive"))
    return out


def _closes_opening_quote(s: _Sent, k: int) -> bool:
    """Is token ``k`` the closing mark of a quote that opens the sentence?  Then the noun phrase
    after an inverted cue is its source whatever its head: "“…,” says a narrator", "“…,” said
    the 46-year-old"."""
    if k < 1 or s.toks[k].text not in _CLOSING_MARKS:
        return False
    quote = s.doc.quote_at(end=s.toks[k].end)
    return quote is not None and quote.start <= s.toks[0].start




def _is_name_run(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k a short run of capitalised words (a name, maybe with a title)?"""
    return 1 <= k - i <= 6 and all(mentions.is_capitalised(t.text) or t.text.lower() in ("of", "de", "van")
                                   for t in toks[i:k]) and mentions.is_capitalised(toks[k - 1].text)


def tail(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """Content first, then source and cue: "…, Gantz said." "“…,” said Gantz." "“A,” he said, “B.”\"."""
    for src, sep, after_src, rule in _tail_sources(s, cue, ci, ce):
        found = _tail_with(s, cue, src, sep, after_src, rule)
        if found is not None:
            return found
    return None


def _tail_with(s: _Sent, cue: Cue, src: tuple[int, int], sep: int, after_src: int, rule: str) -> Attribution | None:
    toks = s.toks
    cue_at = s.tok_at(cue.start)
    if after_src < len(toks) and toks[after_src].text.lower() == "by" \
            and (not _closes_opening_quote(s, sep) or cue_at == 0
                 or toks[cue_at - 1].text.lower() in _words.passive_auxiliaries or cue.text.endswith("ing")):
        return None                   # passive: "…, he was told by aides" (not "“…,” she said by telephone")
    if cue_at > 0 and toks[cue_at - 1].text.lower() == "to":
        return None                   # an infinitive reports nothing: "…, trying to ask"
    if sep < 1 and not (sep == 0 and toks[0].text in _CLOSING_MARKS):
        return None
    # the content ends at the separator; a closing quote mark belongs to it
    if toks[sep].text in _CLOSING_MARKS:
        end = toks[sep].end
    else:
        end = toks[sep - 1].end if sep >= 1 else toks[sep].end
    quote = s.doc.quote_at(end=end)
    start = _skip_connective(s.text, s.sentence.start, end)
    if quote is not None and (quote.start < start or s.text[start:quote.start].rstrip().endswith(":")):
        start = quote.start               # "… fundraising: “There’s …,” he said": the quote only
    earlier = s.doc.enclosing(s.sentence.start)
    if earlier is not None:
        start = min(start, earlier.start)     # the sentence opens inside a quote begun before it
    continuation = _indirect_continuation(s, after_src) \
        if quote is None and earlier is None and rule != "tail_inverted" else None
    if quote is None and earlier is None and continuation is None and not _is_clause(s.text, start, end):
        return None
    if quote is None and earlier is None and _ends_in_relative(s.text, start, end):
        return None
    # what follows: nothing that is content of its own, or an interrupted quote's second part
    rest = after_src
    if cue.lemma in lexicon.lower_words("object_cues.txt") and rest < len(toks):
        rest = _skip_object(s, rest, cue)
        whole_quote = quote is not None and quote.start == start
        if not (_quote_listener_rest_ok(toks, rest) if whole_quote else _listener_rest_ok(toks, rest)):
            return None
    elif quote is not None and quote.start == start:
        if not _quote_tail_rest_ok(toks, rest):
            return None
    elif rest < len(toks) and not _adjunct_only(toks[rest].text) \
            and not (rule == "tail_inverted" and toks[rest].text.lower() in ("who", "whose", "which")) \
            and not (quote is not None and toks[rest].text.lower() in ("and", "before", "as", "while")):
        return None                   # (a relative clause may follow an inverted source)
    elif rule == "tail_inverted" and rest < len(toks) and toks[rest].text.lower() in _words.content_prepositions:
        return None                   # "…, said the nation's problems of …" is no inverted source
    fragments = [(start, end)]
    if continuation is not None:
        return Attribution((fragments[0], continuation), _span(s, src), cue, "interrupted", s.sentence)
    for k in range(rest, min(len(toks), rest + 12)):
        if toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].text in _OPENING_MARKS:
            second = s.doc.quote_at(start=toks[k + 1].start)
            if second is not None and quote is None and earlier is None:
                return None               # "As boos erupt, the executive says, “Please quiet down.”": head's
            if second is not None:
                fragments.append((second.start, second.end))
                rule = "interrupted"
            break
        if toks[k].text in (",", ";", ":"):
            break
    return Attribution(tuple(fragments), _span(s, src), cue, rule, s.sentence)


def _ends_in_relative(text: str, start: int, end: int) -> bool:
    """Does text[start:end] end in a relative clause after its last comma?  Then it is the
    subject of the cue that follows, not content: "Dr. Vane, who studies bats at the
    university, called the paper …"."""
    cut = text.rfind(",", start, end)
    if cut < 0:
        return False
    words = text[cut + 1:end].split(maxsplit=1)
    return bool(words) and words[0].lower() in _words.relatives


def _quote_tail_rest_ok(toks: list[Token], rest: int) -> bool:
    """After a whole quote and its tail cue, anything but new reported content may follow:
    "“…,” he said aboard his campaign plane as he crossed Nevada", "“…,” said one person with
    knowledge of the talks", "“…,” said X when asked about Y".  Not "“…,” he said that …" nor
    "“…,” she said: …"."""
    if rest >= len(toks):
        return True
    word = toks[rest].text
    return word.lower() not in ("that", "whether") and word != ":" and word not in _OPENING_MARKS


def _quote_listener_rest_ok(toks: list[Token], rest: int) -> bool:
    """After a whole quote, a listener cue and its listener, anything but a "that" clause or a
    colon may follow: "“…,” she told a crowd of 1,300 here after she took the stage",
    "“…,” he told ''Morning Joe,'' adding …"."""
    return rest >= len(toks) or (toks[rest].text.lower() not in ("that", "whether") and toks[rest].text != ":")


def _indirect_continuation(s: _Sent, rest: int) -> tuple[int, int] | None:
    """The second part of "A Clinton presidency, she vowed, would bring better jobs": after the
    comma that closes the parenthetical cue, a lower-case verb phrase that is not a new cue, an
    adjunct or a new clause."""
    toks = s.toks
    if rest + 1 >= len(toks) or toks[rest].text != ",":
        return None
    if not _continues_content(toks, rest + 1):
        return None
    end = _strip_end(s.text, toks[rest + 1].start, _clause_end(s, rest + 1))
    if _word_count(s.text, toks[rest + 1].start, end) < 2:
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
    if low in lexicon.lower_words("adjunct_words.txt") and low != "to" or low in _words.clause_joiners or low in _words.relatives \
            or low in _words.clause_openers or low in ("that", "which"):
        return False
    entry = lexicon.cues().get(low)
    if entry is not None and (entry.type == "speech" or low.endswith("ing")):
        return False                      # "…, he said, adding …", "…, she said, told …"
    if word.islower() and low not in ("a", "an", "the"):
        return True
    return i + 1 < len(toks) and mentions.after(toks, i) is not None


def _head_source(s: _Sent, cue: Cue, ci: int, j: int) -> tuple[tuple[int, int] | None, str]:
    """The subject that opens the clause of a head cue (its last token before ``j``), and the
    rule: a mention ("Gantz said"), an appositive ("X, a spokeswoman, said") or a count of
    people ("More than six in 10 say", "Some 56 percent of voters polled said")."""
    src = mentions.before(s.toks, j)
    rule = "head"
    if src is None:
        appositive = _appositive_source(s, j)
        src = appositive[0] if appositive else None
        rule = "head_appositive"
    if src is not None and (_clause_start_ok(s, src[0]) or _nominative(s, src)) and _agrees(s, src, cue, ci):
        return src, rule
    quantity = mentions.quantity_before(s.toks, j)
    if quantity is not None and _clause_start_ok(s, quantity[0]):
        return quantity, "head"
    long = _long_subject(s, cue, ci, j)
    if long is not None:
        return long, "head_long"
    return None, rule


_MAX_MODIFIER = 14                        # tokens between a long subject's noun phrase and its cue


def _long_subject(s: _Sent, cue: Cue, ci: int, j: int) -> tuple[int, int] | None:
    """The noun phrase that opens a clause and is parted from its cue by a post-modifier: a
    relative clause, a participle or a prepositional phrase ("people who have battled online
    threats say", "House Republicans supporting the bill have said", "Spicer on Thursday
    evening said").  The modifier holds no comma, quote mark, cue or coordinated verb."""
    toks = s.toks
    if cue.type != "speech":
        return None
    c = j - 1
    while c > 0 and j - c <= _MAX_MODIFIER + mentions.MAX_MENTION_TOKENS and toks[c - 1].text not in _SOURCE_ENDS \
            and toks[c - 1].text not in _OPENING_MARKS and toks[c - 1].text not in _CLOSING_MARKS:
        c -= 1
    while c < j and toks[c].text.lower() in _words.opening_conjunctions:
        c += 1                            # "But those who back her say …"
    if c > 0 and toks[c - 1].text not in _SOURCE_ENDS and toks[c - 1].text.lower() not in _words.opening_conjunctions:
        return None
    src = mentions.after(toks, c, j)
    if src is None or not (0 < j - src[1] <= _MAX_MODIFIER) or not mentions.names_someone(toks, *src):
        return None
    first = toks[src[1]].text.lower()
    if first in _words.relative_subjects or first == "that":
        if j - src[1] < 3:
            return None                   # "a Republican who has not endorsed …": the relative's own verb
    elif first.endswith("ed") and len(first) > 4:
        if toks[src[1] + 1].text.lower() not in _words.opening_prepositions:
            return None                   # "A witness interviewed by staff said", not "Sanders passed more bills"
    elif not (first in _words.opening_prepositions or (first.isalpha() and len(first) > 5 and first.endswith("ing"))):
        return None
    for k in range(src[1], j):
        word = toks[k].text
        if not mentions.is_word(word) and word not in ("-", "’s", "'s", "’", "'"):
            return None
        if word.lower() in ("and", "but", "or") and toks[k + 1].text.islower():
            return None                   # "The senator traveled to Ohio and said": coordinated
        if word.islower() and lexicon.cues().get(word) is not None:
            return None
    if not _agrees(s, src, cue, src[1]):
        return None                       # "people who … say" but not "the man who … say"
    return src


def head(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """Source and cue first: "Gantz said (that) …", "He added: “…”", "X, a spokeswoman, said …\""""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    src, rule = _head_source(s, cue, ci, j)
    if src is None or not _active_finite(s, cue, ci, ce):
        return None
    if src[0] == 1 and mentions.is_capitalised(toks[0].text) and mentions.is_title_word(toks[1].text) \
            and toks[0].text.lower() not in _words.subordinators:
        src = (0, src[1])                 # "Mine manager Pieter Kessler said", not "When liberal groups said"
    k = _skip_adjuncts(s, _skip_object(s, ce, cue))
    if k < len(toks) and toks[k].text.lower() in lexicon.lower_words("adjunct_words.txt") \
            and toks[k].text.lower() not in _words.content_prepositions:
        return None                   # "as McDonough suggested at the meeting": no content
    if cue.lemma in lexicon.lower_words("quote_only_cues.txt") and not _introduces_report(toks, k):
        return None                   # "the campaign continues to grow"
    if k < len(toks) and toks[k].text.lower() in _words.conjunctions:
        return None                   # "The protester yelled and held up a banner"
    named = _naming_content(s, cue, k)
    if named is not None:
        return Attribution((named,), _span(s, src), cue, rule, s.sentence)
    content = _content_after(s, k)
    if content is None:
        return _colon_into_next_paragraph(s, cue, k, src, rule)
    if k > ce and _opens_with_participle_cue(s.text, content[0]):
        return None                   # "Cruz seemed to mock him, saying …": the participle's
                                      # (not "X said seeing the crowds was …": content right after the cue)
    content = (content[0], _subordinate_end(s, src[0], k, content[1]))
    if s.doc.quote_at(start=content[0]) is None and _word_count(s.text, *content) < 3:
        return None
    return Attribution((content,), _span(s, src), cue, rule, s.sentence)


def _opens_with_participle_cue(text: str, start: int) -> bool:
    """Does content open with a cue participle ("saying he’s …")?  Then that cue reports it."""
    words = text[start:start + 30].split(maxsplit=1)
    if not words or not words[0].endswith("ing"):
        return False
    return lexicon.cues().get(words[0].lower()) is not None


# Subordinators that open a sentence's first clause: "Although she said X, Y …".


def _subordinate_end(s: _Sent, src: int, k: int, end: int) -> int:
    """Content inside an opening subordinate clause ends at the comma that closes it:
    "Although in September she said her decision was a mistake, she …" -> "her decision was a mistake"."""
    toks = s.toks
    first = 1 if toks and toks[0].text.lower() in _words.conjunctions else 0
    if first >= len(toks) or toks[first].text.lower() not in _words.subordinators \
            or any(t.text == "," for t in toks[first:src]):
        return end
    for i in range(k + 1, len(toks) - 1):
        if toks[i].start >= end:
            break
        if toks[i].text == "," and not s.doc.inside_quote(toks[i].start, toks[i].end):
            return _strip_end(s.text, toks[k].start, toks[i].start)
    return end




def relative_label(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"what Mr. Hedge called ''the prior economy model''", "whom he described as “volatile”":
    an object relative, its source, a naming cue and a quoted label.  The content is the
    relative and the label (PolNeAR's "what … the prior economy model")."""
    if cue.lemma not in lexicon.lower_words("naming_cues.txt"):
        return None
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    src = mentions.before(toks, j)
    if src is None or src[0] < 1 or toks[src[0] - 1].text.lower() not in _words.object_relatives:
        return None
    rel = toks[src[0] - 1]
    k = ce
    while k < len(toks) and toks[k].text.lower() in ("as", "a", "an", "the"):
        k += 1                            # the relative is the object: nothing else comes between
    if k >= len(toks) or toks[k].text not in _OPENING_MARKS:
        return None
    label = _naming_content(s, cue, ce)
    if label is None:
        return None
    return Attribution(((rel.start, rel.end), label), _span(s, src), cue, "relative_label", s.sentence)


def relative(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Jeb Bush, who announced he is suspending his campaign": the relative pronoun is the
    source as written (it stands for the noun before it); a parenthetical relative clause
    ends at the comma before the main verb ("Barkley, who said X, said Y")."""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    if j < 2 or toks[j - 1].text.lower() not in _words.relative_subjects or not _active_finite(s, cue, ci, ce):
        return None
    k = _skip_adjuncts(s, _skip_object(s, ce, cue))
    if k < len(toks) and (toks[k].text.lower() in _words.conjunctions or toks[k].text.lower() in lexicon.lower_words("adjunct_words.txt")
                          and toks[k].text.lower() not in _words.content_prepositions):
        return None
    if cue.lemma in lexicon.lower_words("quote_only_cues.txt") and not _introduces_report(toks, k):
        return None
    content = _content_after(s, k)
    if content is None or _opens_predicate(s, content[0]):
        return None
    if toks[j - 2].text == ",":
        content = (content[0], _before_main_verb(s, k, content[1]))
    if s.doc.quote_at(start=content[0]) is None and _word_count(s.text, *content) < 3:
        return None
    antecedent = _name_tail(toks, mentions.before(toks, j - 2 if toks[j - 2].text == "," else j - 1))
    return Attribution((content,), _span(s, (j - 1, j)), cue, "relative", s.sentence,
                       antecedent=_span(s, antecedent))


def _name_tail(toks: list[Token], rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """The capitalised name that ends a mention: "fire from Senator Ilse Marner" -> "Senator Ilse
    Marner"; a mention that does not end in a name is kept whole."""
    if rng is None or not mentions.is_capitalised(toks[rng[1] - 1].text):
        return rng
    i = rng[1] - 1
    while i - 1 >= rng[0] and (mentions.is_capitalised(toks[i - 1].text) or toks[i - 1].text in ("of", "de", "van")):
        i -= 1
    return i, rng[1]


def _opens_predicate(s: _Sent, start: int) -> bool:
    """Does content at ``start`` open with a cue or "not", so it is no report but the rest of a
    clause ("who testified in his own defense, told the court …", "who asked not to be named")?"""
    i = s.tok_at(start)
    word = s.toks[i].text if i < len(s.toks) else ""
    return word == "not" or (word.islower() and lexicon.cues().get(word) is not None)


# Finite verbs that can open the main clause's predicate after a parenthetical relative clause.


def _before_main_verb(s: _Sent, k: int, end: int) -> int:
    """End of a parenthetical relative clause's content: the comma before a cue that has no
    subject of its own ("Barkley, who said he votes democratic, said …" -> "he votes democratic";
    "Cruz, who argued X, will do …" -> "X")."""
    toks = s.toks
    for i in range(k + 1, len(toks) - 1):
        if toks[i].start >= end:
            break
        nxt = toks[i + 1].text
        if toks[i].text == "," and nxt.islower() and (
                lexicon.cues().get(nxt) is not None or nxt in _words.finite_auxiliaries
                or (nxt.endswith("ed") and len(nxt) > 4)):
            return _strip_end(s.text, toks[k].start, toks[i].start)
    return end


def coordinated(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"He looked up, furrowed his brow and said, “…”": the source is the subject of the
    clause the cue is coordinated with (the nearest subject pronoun, else the sentence's)."""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    then_after_comma = toks[j - 1].text == "," and any(t.text.lower() == "then" for t in toks[j:ci]) if j else False
    if j < 3 or (toks[j - 1].text.lower() not in ("and", "but", "then") and not then_after_comma):
        return None                       # "He looked up and said", "She paused, then said"
    subject = None
    for i in range(j - 2, -1, -1):
        if toks[i].text.lower() in _words.subject_pronouns and _clause_start_ok(s, i):
            subject = (i, i + 1)
            break
    if subject is None:
        subject = mentions.forward_subject(toks, 0, j - 1)
    if subject is None:
        return None
    k = _skip_adjuncts(s, _skip_object(s, ce, cue))
    content = _naming_content(s, cue, k) or _content_after(s, k)
    if content is None or (s.doc.quote_at(start=content[0]) is None and _word_count(s.text, *content) < 3
                           and cue.lemma not in lexicon.lower_words("naming_cues.txt")):
        return None
    return Attribution((content,), _span(s, subject), cue, "coordinated", s.sentence)


# Prepositions that can open reported content ("pledged to relocate", "asked about the deal")
# or follow an inverted source as part of its noun phrase ("said the head of the agency").
# Plural nouns without a final -s, and words that take a plural verb ("police say").


def _agrees(s: _Sent, src: tuple[int, int], cue: Cue | None, ci: int) -> bool:
    """Subject and verb agree: a bare cue form ("say", "dispute") right after its subject needs
    a plural subject ("officials say", "they argue"), so "Calvera’s border dispute with …" or
    "firm guarantees" are nouns, not cues.  A modal or auxiliary in between ("he would say")
    lifts the check."""
    if cue is None or src[1] != ci:
        return True
    first = cue.text.split()[0].lower()
    if first != cue.lemma.split()[0] or first.endswith("s"):
        return True                       # inflected: "said", "says", "saying"
    toks = s.toks
    if any(t.text.lower() == "and" for t in toks[src[0]:src[1]]):
        return True                       # "Gantz and Esper say"
    head = toks[src[1] - 1].text.lower()
    return head in _words.plural_heads or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _introduces_report(toks: list[Token], k: int) -> bool:
    """Does reported content open at token ``k`` with "that", a colon or a quote mark?"""
    if k >= len(toks):
        return False
    word = toks[k].text
    if word in (":", ",") and k + 1 < len(toks):
        word = toks[k + 1].text
    return word.lower() in ("that", ":") or word in _OPENING_MARKS




def _active_finite(s: _Sent, cue: Cue, ci: int, ce: int) -> bool:
    """Is the cue a finite verb in the active voice?  Not "superdelegates declaring support"
    (a bare participle) nor "he was recommended by Stone" (a passive)."""
    toks = s.toks
    if ce < len(toks) and toks[ce].text.lower() == "by":
        return False
    if ci > 0 and toks[ci - 1].text.lower() == "to":
        return False                      # "declined to say", "trying to ask": no report
    if cue.text.lower().endswith("ing"):
        return ci > 0 and toks[ci - 1].text.lower() in _words.auxiliaries
    if cue.text.lower().endswith("ed") and ci > 0 and toks[ci - 1].text.lower() in _words.passive_auxiliaries:
        return False                      # "after the winner was declared": a passive
    return True




def _colon_into_next_paragraph(s: _Sent, cue: Cue, k: int, src: tuple[int, int], rule: str) -> Attribution | None:
    """"Gantz said:" closing a paragraph with the quote opening the next one, or
    "Bystrom agreed." with a quote right after it in the same paragraph."""
    ending = s.text[s.sentence.start:s.sentence.end].rstrip()
    if not ending.endswith((":", ".")) or k < len(s.toks) - 1:
        return None
    nxt = bisect.bisect_left(s.doc.quote_starts, s.sentence.end)
    if nxt >= len(s.doc.quotes):
        return None
    quote = s.doc.quotes[nxt]
    between = s.text[s.sentence.end:quote.start]
    if between.strip():
        return None
    if ending.endswith(":"):
        return Attribution(((quote.start, quote.end),), _span(s, src), cue, rule + "_colon", s.sentence)
    if "\n" in between:
        return None
    return Attribution(((quote.start, quote.end),), _span(s, src), cue, rule + "_next", s.sentence)


def _opens_clause(text: str, lo: int, at: int) -> bool:
    """Is offset ``at`` right after a comma, a semicolon or a conjunction?"""
    before = text[lo:at].rstrip()
    if before.endswith((",", ";")):
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _words.conjunctions


def _cut_points(found: list[Attribution], a: Attribution, text: str, lo: int, hi: int) -> list[int]:
    """Where another attribution of the sentence starts inside a's last fragment."""
    cuts = []
    for b in found:
        if b is a or b.cue is None:
            continue
        if b.source is not None and lo < b.source[0] < hi and b.cue.start > b.source[0] \
                and _opens_clause(text, lo, b.source[0]):
            cuts.append(b.source[0])
        elif b.rule == "coordinated" and lo < b.cue.start < hi:
            cuts.append(_conjunction_before(text, lo, b.cue.start))   # "criticized X and said Y"
        elif b.rule == "participle" and lo < b.cue.start < hi:
            m = _PARTICIPLE_LEAD.search(text, lo, b.cue.start)
            if m is not None:
                cuts.append(m.start("adverb") if m.group("adverb") else b.cue.start)   # ", falsely suggesting"
    return cuts


# What stands between a clause and its participle cue: ",” " / " – " / ", falsely ".
_PARTICIPLE_LEAD = re.compile(r"[,][”\"’']?\s*(?P<adverb>[a-z]+ly\s+)?$")


def _conjunction_before(text: str, lo: int, at: int) -> int:
    """The offset of the "and"/"but"/"then" (and any adverbs) that coordinates the cue at ``at``."""
    m = _COORDINATION.search(text, lo, at)
    return m.start() if m else at


_COORDINATION = re.compile(r"[,;]?\s+(?:and|but|then)(?:\s+\w+ly)?(?:\s+(?:also|later|then))?\s*$", re.IGNORECASE)


def _before_joint(text: str, lo: int, end: int) -> int:
    """``end`` moved back over white space, commas and semicolons (not before ``lo``)."""
    while end > lo and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end


def _cut_at_next_source(found: list[Attribution], text: str) -> list[Attribution]:
    """"While Comey said X, he said Y": X ends where the next attribution begins; so does
    "Trump told Newsmax X, adding, “…”"."""
    out = []
    for a in found:
        last_s, last_e = a.fragments[-1]
        cut = min(_cut_points(found, a, text, last_s, last_e), default=None)
        if cut is not None:
            end = _before_joint(text, last_s, cut)
            words = text[last_s:end].split()
            while words and words[-1].lower() in _words.conjunctions:
                end = _before_joint(text, last_s, text.rindex(words.pop(), last_s, end))
            if end - last_s >= 2:
                a = replace(a, fragments=a.fragments[:-1] + ((last_s, end),))
        out.append(a)
    return out


_ASKED_REACH = 10                         # tokens of adjunct between "Asked" and its question


def asked(s: _Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Asked at a briefing why he trailed, Sanders said …", "…,” she said when asked what …":
    a bare past participle "asked" that opens a clause reports the question, with no source
    written (the asker is the reporter).  The question runs to the next comma outside quotes."""
    toks = s.toks
    if cue.lemma != "ask" or ce - ci != 1 or toks[ci].text.lower() != "asked":
        return None
    if ci > 0 and toks[ci - 1].text.lower() not in _words.asked_leads and toks[ci - 1].text not in _OPENING_MARKS:
        return None
    if ci > 1 and toks[ci - 1].text.lower() in ("and", "but") and toks[ci - 2].text != ",":
        return None                       # "He stood and asked …" is a coordinated verb
    k = ce
    if k < len(toks) and toks[k].text.lower() not in _words.question_openers:
        if toks[k].text.lower() not in _words.opening_prepositions:
            return None                   # "Asked the court to …" has an object: not a bare participle
        while k < len(toks) and k - ce < _ASKED_REACH and mentions.is_word(toks[k].text) \
                and toks[k].text.lower() not in _words.question_openers - {"to"}:
            k += 1
    if k >= len(toks) or toks[k].text.lower() not in _words.question_openers:
        return None
    end = len(toks)
    for i in range(k + 1, len(toks)):
        if toks[i].text in (",", ";") and not s.doc.inside_quote(toks[i].start, toks[i].end):
            end = i
            break
        if toks[i].text == "," and i + 1 < len(toks) and toks[i + 1].text in _CLOSING_MARKS \
                and s.doc.quote_at(end=toks[i + 1].end) is not None:
            end = i + 2                   # "Asked if X is “fit to serve,” 72 percent said …"
            break
    if end - k < 2:
        return None
    if not _reports_answer(s, ci, end):
        return None
    content = (toks[k].start, _strip_end(s.text, toks[k].start, toks[end - 1].end))
    return Attribution((content,), None, cue, "asked", s.sentence)


def _reports_answer(s: _Sent, ci: int, end: int) -> bool:
    """Does the sentence of an "Asked …" question report an answer: a speech cue or a quote
    outside the question ("Asked why, she said …", "“…,” he said when asked …")?  Not "Asked
    what he would tell them, Ferreira was quiet for a while"."""
    for i, tok in enumerate(s.toks):
        if ci <= i < end:
            continue
        if tok.text in _OPENING_MARKS or tok.text == ":":
            return True
        entry = lexicon.cues().get(tok.text.lower())
        if entry is not None and entry.type == "speech":
            return True
    return False


SENTENCE_SIEVES: tuple[Callable[[_Sent, Cue, int, int], Attribution | None], ...] = (
    according_to, participle, tail, relative_label, head, relative, coordinated, asked)


def _sentence_attributions(s: _Sent, cue_list: list[Cue]) -> list[Attribution]:
    out: list[Attribution] = []
    for cue in cue_list:
        ci, ce = _cue_tokens(s, cue)
        if ci >= len(s.toks):
            continue
        for sieve in SENTENCE_SIEVES:
            found = sieve(s, cue, ci, ce)
            if found is not None:
                out.append(found)
                s.found.append(found)
                break
    return _cut_at_next_source(out, s.text) if len(out) > 1 else out


# ----------------------------------------------------------------- quote sieves

def colon(doc: _Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Gantz: “…”" — a short name and a colon open the paragraph or sentence."""
    para = doc.paras[sent.paragraph - 1]
    lead_start = max(para.start, sent.start)
    lead = doc.text[lead_start:quote.start].rstrip()
    if not lead.endswith(":") or len(lead) > 80:
        return None
    toks = tokenize(doc.text, lead_start, lead_start + len(lead) - 1)
    if not toks or len(toks) > 8 or not mentions.is_capitalised(toks[0].text):
        return None
    src = _dash_byline(toks) or mentions.after(toks, 0)
    if src is None or src[1] != len(toks):
        return None
    cue_start = lead_start + len(lead) - 1
    cue = Cue(cue_start, cue_start + 1, ":", ":", "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue, "colon", sent)


def dash(doc: _Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"“…” — Commissioner Ruth Ortiz": a dash and a name close the paragraph."""
    para = doc.paras[sent.paragraph - 1]
    tail_text = doc.text[quote.end:para.end]
    stripped = tail_text.lstrip()
    if not stripped or stripped[0] not in "—–-―":
        return None
    dash_at = quote.end + (len(tail_text) - len(stripped))
    toks = tokenize(doc.text, dash_at, para.end)
    while toks and toks[0].text in _DASHES:
        toks.pop(0)
    if not toks or len(toks) > 12 or not mentions.is_capitalised(toks[0].text):
        return None
    src = mentions.after(toks, 0)
    if src is None:
        return None
    cue = Cue(dash_at, dash_at + 1, doc.text[dash_at], "—", "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue, "dash", sent)


def colon_lead(doc: _Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Asked which county was his favorite, he demurred: “…”", "Trump went even further: “…”":
    a short clause of a source and a verb no cue list holds, then a colon and the quote."""
    lead = doc.text[sent.start:quote.start].rstrip()
    if not lead.endswith(":") or doc.quotes_in(sent.start, quote.start):
        return None
    toks = tokenize(doc.text, sent.start, sent.start + len(lead) - 1)
    if not toks or len(toks) > 25:
        return None
    src = None
    for i in range(len(toks) - 1, -1, -1):      # the subject: at the sentence start or after a comma
        if i == 0 or toks[i - 1].text == ",":
            src = mentions.after(toks, i)
            break
    if src is None or not mentions.names_someone(toks, *src):
        return None
    rest = toks[src[1]:]
    if not rest or len(rest) > 4 or not rest[0].text.islower() or not all(mentions.is_word(t.text) for t in rest):
        return None
    verb = rest[0]
    if not (_is_past_verb(verb.text) or verb.text.endswith("s")) or verb.text.lower() in _words.not_verbs:
        return None
    cue = Cue(verb.start, verb.end, verb.text, verb.text, "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "colon_lead", sent)


# Lower-case words after a subject that are no verb: "Trump's plans: …", "his views: …".


def _is_past_verb(word: str) -> bool:
    """A lower-case past-tense word: "surmised", "boomed" (not a listed cue, or a tail sieve
    would have taken it)."""
    return word.isalpha() and word.islower() and len(word) > 4 and word.endswith("ed")


def verb_after(doc: _Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"“…,” he surmised." / "“…!” boomed the chairman.": a quote closed by a comma, "?" or "!",
    then a source and a verb of saying no cue list holds, and the sentence ends."""
    inner_end = doc.text[quote.inner[0]:quote.inner[1]].rstrip()
    if not inner_end.endswith((",", "?", "!")):
        return None
    toks = tokenize(doc.text, quote.end, min(sent.end, doc.paras[sent.paragraph - 1].end))
    if len(toks) < 2:
        return None
    for k in range(min(len(toks), 7)):
        if not _is_past_verb(toks[k].text):
            continue
        ends = k + 1 >= len(toks) or toks[k + 1].text in (".", ",", ";")
        if k > 0 and ends:
            src = mentions.before(toks, k)
            if src == (0, k) and mentions.names_someone(toks, *src):
                break                     # "“…,” he surmised."
        if k == 0:
            src = mentions.after(toks, 1)
            if src is not None and src[0] == 1 and mentions.names_someone(toks, *src) \
                    and (src[1] >= len(toks) or toks[src[1]].text in (".", ",", ";")):
                break                     # "“…!” boomed the chairman."
        return None
    else:
        return None
    verb = toks[k]
    cue = Cue(verb.start, verb.end, verb.text, verb.text, "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "verb_after", sent)


_COLON_CLAUSE_MAX_TOKENS = 40


def colon_clause(doc: _Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"The Clinton campaign, in a Q&A, worded it more carefully: “…”", "She then addressed the
    supporters again: “…”": a clause that ends in a colon introduces a quoted statement that
    closes the sentence; the source is the clause's subject (see :func:`_colon_subject`)."""
    lead = doc.text[sent.start:quote.start].rstrip()
    if not lead.endswith(":") or not is_statement(doc.text, quote, _STATEMENT_CONFIG) \
            or doc.quotes_in(sent.start, quote.start):
        return None
    rest = doc.text[quote.end:min(sent.end, doc.paras[sent.paragraph - 1].end)]
    if rest.strip(" \t\n.!?”’\"'"):
        return None
    toks = tokenize(doc.text, sent.start, sent.start + len(lead) - 1)
    if len(toks) < 3 or len(toks) > _COLON_CLAUSE_MAX_TOKENS:
        return None
    src = _dash_byline(toks) or _colon_subject(toks)
    if src is None:
        return None
    cue_at = sent.start + len(lead) - 1
    cue = Cue(cue_at, cue_at + 1, ":", ":", "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "colon_clause", sent)


def _dash_byline(toks: list[Token]) -> tuple[int, int] | None:
    """"SURGE IN TURNOUT - Michael P. McDonald", "Polls agree -More from Blumenthal and Cohen":
    a summary line, a dash and a name before the colon; the name (after any "from") is the source."""
    dash_at = max((i for i, t in enumerate(toks) if t.text in _DASHES), default=None)
    if dash_at is None or dash_at == 0 or len(toks) - dash_at > 8:
        return None
    lo = dash_at + 1
    for i in range(lo, len(toks)):
        if toks[i].text.lower() == "from":
            lo = i + 1
    src = mentions.before(toks, len(toks), lo)
    if src is None or src[0] != lo or not mentions.is_capitalised(toks[src[0]].text):
        return None
    return src


def _colon_subject(toks: list[Token]) -> tuple[int, int] | None:
    """The subject of the clause before a colon: the first mention at a clause start (the
    sentence start or after a comma) that a lower-case word follows ("…, a familiar voice
    celebrated the attacks", "with Trump reportedly yelling"), else the first mention at a
    clause start at all ("The Clinton campaign, in a Q&A, worded it …").  A sentence-opening
    participle ("Recalling that moment, …") and a place name are no source."""
    first = None
    starts = [0] + [i + 1 for i, t in enumerate(toks) if t.text == "," and i + 1 < len(toks)]
    for i in starts:
        while i < len(toks) and toks[i].text.lower() in _words.conjunctions:
            i += 1
        if i < len(toks) and toks[i].text.lower() in _words.opening_prepositions and toks[i].text.lower() != "with":
            continue                      # "At a town meeting in Brill, …": an adverbial
        m = mentions.after(toks, i)
        if m is None or m[0] > i + 1 or m[1] >= len(toks) or not mentions.names_someone(toks, *m):
            continue
        if m[1] - m[0] == 1 and toks[m[0]].text.lower().endswith("ing"):
            continue
        if " ".join(t.text for t in toks[m[0]:m[1]]) in lexicon.words("places.txt"):
            continue                      # "…, Oregon, on Tuesday, …": a place, not a source
        nxt = toks[m[1]].text
        if nxt.islower() and mentions.is_word(nxt) and nxt not in _words.opening_prepositions:
            return m
        if first is None:
            first = m
    return first


_STATEMENT_CONFIG = Config()


QUOTE_SIEVES = (colon, dash, verb_after, colon_lead, colon_clause)


# "Marco Rubio: I’m Not Interested In Being Vice President" — a short name, a colon, a statement.
_HEADLINE_COLON = re.compile(r"((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w.’'\-]*)\s*:\s+(?=\S)")


def headline_colon(doc: _Doc, para: Paragraph) -> Attribution | None:
    """A short paragraph (a headline or a lead-in) that opens with a name and a colon and has
    no quote marks: the rest is the named source's statement."""
    text = doc.text
    if para.end - para.start > 200 or doc.quotes_in(para.start, para.end):
        return None
    m = _HEADLINE_COLON.match(text, para.start, para.end)
    if m is None:
        return None
    name = m.group(1)
    toks = tokenize(text, m.start(1), m.end(1))
    if name.isupper() or any(t.text[:1].isdigit() for t in toks) or not toks \
            or mentions.after(toks, 0) != (0, len(toks)) or not mentions.names_someone(toks, 0, len(toks)):
        return None
    end = _strip_end(text, m.end(), para.end)
    if _word_count(text, m.end(), end) < 3:
        return None
    sent = doc.sents[bisect.bisect_right([x.start for x in doc.sents], para.start) - 1]
    colon_at = text.index(":", m.end(1))
    cue = Cue(colon_at, colon_at + 1, ":", ":", "speech")
    return Attribution(((m.end(), end),), (m.start(1), m.end(1)), cue, "colon", sent)


# ----------------------------------------------------------------- driver

# Short words a title of a work leaves in lower case: “How to Make America Great Again”.


def _title_case(text: str, para: Paragraph) -> bool:
    """Is a paragraph a headline in title case (nearly every word capitalised)?"""
    if para.end - para.start > 200:
        return False
    words = [w for w in text[para.start:para.end].split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(w[:1].isupper() for w in words)
    return caps >= 0.8 * len(words)


def is_statement(text: str, quote: QuotedSpan, config: Config) -> bool:
    """Is a quoted span a statement on its own, rather than a scare quote, a name or a title?"""
    a, b = quote.inner
    inner = text[a:b]
    n = len(inner.split())
    if n <= config.max_scare_words and not _short_sentence(inner):
        return False
    words = [w for w in inner.replace(":", " ").split() if w[:1].isalpha()]
    if words and len(words) <= 12 and words[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in _words.title_small_words for w in words):
        return False                      # a title: “Saturday Night Live”, “Crippled America: How to …”
    return True


def _short_sentence(inner: str) -> bool:
    """A short quoted passage that is a whole sentence: “We know it.”, “Never again!”"""
    stripped = inner.strip()
    return len(stripped.split()) >= 2 and stripped[:1].isupper() and stripped.endswith((".", "!", "?"))


def _opens_sentence(doc: "_Doc", quote: QuotedSpan, sent: Sentence) -> bool:
    """Does the quote open its sentence (or its paragraph), so it can stand as a statement
    without a cue?  A quoted phrase inside a sentence ("…, ''is a perfect example''") cannot."""
    return not doc.text[sent.start:quote.start].strip(" \t([—–-")


def attribute(text: str, paras: tuple[Paragraph, ...], sents: tuple[Sentence, ...],
              quotes: list[QuotedSpan], skip_paragraphs: frozenset[int], config: Config) -> list[Attribution]:
    """Every attribution of the document, in text order."""
    doc = _Doc(text, paras, sents, quotes, [q.start for q in quotes])
    found: list[Attribution] = []
    all_cues = cue_finder.find(text, 0, len(text), {s.start for s in sents})
    for para in paras:
        if _title_case(text, para):        # "Trump Says He Never Pledged To …"
            all_cues.extend(c for c in cue_finder.find(text, para.start, para.end, capitalised=True)
                            if not c.text[0].islower())
    all_cues.sort(key=lambda c: c.start)
    cue_starts = [c.start for c in all_cues]
    for sent in sents:
        if sent.paragraph in skip_paragraphs:
            continue
        lo = bisect.bisect_left(cue_starts, sent.start)
        hi = bisect.bisect_left(cue_starts, sent.end, lo)
        cue_list = [c for c in all_cues[lo:hi] if c.end <= sent.end and not doc.inside_quote(c.start, c.end)]
        if not cue_list:
            continue
        s = _Sent(text, sent, tokenize(text, sent.start, sent.end), doc)
        found.extend(_sentence_attributions(s, cue_list))
    found.extend(a for a in (headline_colon(doc, p) for p in paras if p.index not in skip_paragraphs)
                 if a is not None)
    found = _drop_overlaps(found)
    found.extend(_quote_attributions(doc, found, skip_paragraphs, config))
    found.sort(key=lambda a: a.fragments[0][0])
    return _resolve_floating(found, paragraph_ranks(paras, skip_paragraphs))


def _rank(a: Attribution) -> int:
    """Which attribution keeps a content two rules found: the cue next to a quote ("“…,” the
    senator says") beats one that introduced it from afar ("Cruz defends his record: “…”"), and
    a link across a sentence boundary yields to any other."""
    if a.rule.endswith(("_next", "_colon")):
        return 3
    if a.rule.startswith(("tail", "interrupted", "according_to")):
        return 1
    return 2


def _drop_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Keep one attribution per content, the best ranked (the first found among equals)."""
    best: dict[tuple[tuple[int, int], ...], Attribution] = {}
    for a in found:
        held = best.get(a.fragments)
        if held is None or _rank(a) < _rank(held):
            best[a.fragments] = a
    return sorted(best.values(), key=lambda a: (a.fragments[0][0], -a.fragments[-1][1]))


def _sentence_of(doc: _Doc, offset: int) -> Sentence:
    i = bisect.bisect_right([s.start for s in doc.sents], offset) - 1
    return doc.sents[max(i, 0)]


def _quote_attributions(doc: _Doc, found: list[Attribution], skip: frozenset[int],
                        config: Config) -> list[Attribution]:
    claimed = sorted((f for a in found for f in a.fragments))
    starts = [c[0] for c in claimed]
    out: list[Attribution] = []
    for quote in doc.quotes:
        i = bisect.bisect_right(starts, quote.start) - 1
        if i >= 0 and claimed[i][0] <= quote.start and quote.end <= claimed[i][1]:
            continue
        if i + 1 < len(claimed) and claimed[i + 1][0] < quote.end:
            continue
        sent = _sentence_of(doc, quote.start)
        if sent.paragraph in skip:
            continue
        for sieve in QUOTE_SIEVES:
            got = sieve(doc, quote, sent)
            if got is not None:
                out.append(got)
                break
        else:
            if is_statement(doc.text, quote, config):
                rule = "unattributed" if _opens_sentence(doc, quote, sent) else "unattributed_inside"
                out.append(Attribution(((quote.start, quote.end),), None, None, rule, sent))
    return out


def _resolve_floating(found: list[Attribution], rank: dict[int, int]) -> list[Attribution]:
    """A cue-less quote right after an attributed quote (same or next paragraph, not counting
    page furniture such as newsletter prompts) continues it.  A cue-less quoted passage inside a
    sentence continues the attribution before it in the same paragraph, or is left out (it is a
    quoted phrase, not a statement of its own)."""
    out: list[Attribution] = []
    for a in found:
        if a.rule.startswith("unattributed") and out:
            prev_i = len(out) - 1
            prev = out[prev_i]
            window = 0 if a.rule == "unattributed_inside" else 1
            follows = prev_i if prev.source is not None and not prev.rule.startswith("unattributed") \
                else prev.follows if prev.rule == "floating" else None
            if follows is not None and 0 <= rank[a.sentence.paragraph] - rank[prev.sentence.paragraph] <= window:
                a = Attribution(a.fragments, None, None, "floating", a.sentence, follows=follows)
        if a.rule == "unattributed_inside":
            continue
        out.append(a)
    return out
