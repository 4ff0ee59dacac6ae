"""Sentence sieves: each cue of a sentence is tried against the frames a reporter writes,
in the order of the registry in :mod:`.driver` (see the package docstring)."""
from __future__ import annotations

import bisect

from ...text.marks import POSSESSIVES, TOKEN_CLOSING, TOKEN_OPENING
from ...text.spans import char_before
from ...text import lexicon, names
from .. import mentions
from ...config import WINDOWS
from ...model import Cue
from ..segment import Token
from .according import _SOURCE_ENDS, apposed_source
from .subject import clause_subject
from .leads import after_lead_phrase
from .apposed import apposed_name, described_opening, ends_in_relative, place_after_place, state_in_apposition
from .grammar import (
    _SEPARATORS, _adjunct_only, _catenative_start, _clause_start_ok, _content_after, _earlier_reports,
    _is_clause, _is_participle, _listener_rest_ok, _naming_content, _nominative, _reported, _subordinate_only,
    _indirect_continuation, _role_word, _skip_adjuncts, _skip_time_back, _skip_connective, _skip_object, _span,
    _words, infinitive_at)
from .views import Attribution, Sent
from .finite import active_finite, agrees, introduces_report
from .bounds import (inner_subordinate_comma, object_before_conjunction, object_end, opens_subject, source_tail_end,
                     verb_after_comma)
from .objects import document_object, too_short, without_adjunct
from .offsets import strip_end, word_count
from .things import thing_subject
from .works import names_a_work
from .inner import participle_subject


def _after_comma(toks: list[Token], i: int) -> bool:
    """Is token ``i`` right after a comma or a dash (or a comma and a closing quote mark: ,”),
    maybe with adverbs between ("…, falsely suggesting", "… – saying")?"""
    while i >= 2 and mentions.is_adverb(toks[i - 1].text):
        i -= 1
    if i >= 1 and toks[i - 1].text in (",", "—", "–", "--"):
        return True
    return i >= 2 and toks[i - 1].text in TOKEN_CLOSING and toks[i - 2].text == ","


def participle(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"Gantz praised the deal, saying the UAE …": the source is the clause's subject."""
    if not _is_participle(cue) or ci < 2 or not _after_comma(s.toks, ci):
        return None
    earlier = _earlier_reports(s, cue)
    if earlier:
        source = earlier[-1].source      # "“…,” she said, adding, “…”": the nearest clause source
    else:
        subject = participle_subject(s.toks, ci) or mentions.forward_subject(s.toks, 0, ci - 1)
        if subject is None or thing_subject(s.toks, *subject, ci):
            return None                   # "Shares in X fell, suggesting …": no one's words
        source = _span(s, apposed_source(s.toks, subject))   # "The head of the union, X, spoke …, saying"
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    content = _reported(s, cue, k)
    if content is None or word_count(s.text, *content) < 2 or _opens_with_cue(s.text, content[0]):
        return None                       # "X, speaking on radio, said …": the participle frames "said"
    return Attribution((content,), source, cue, "participle", s.sentence)


def _first_word(text: str, start: int) -> str:
    """The first word of a content that starts at ``start`` (up to white space)."""
    words = text[start:start + 30].split(maxsplit=1)
    return words[0] if words else ""


def _opens_with_cue(text: str, start: int) -> bool:
    """Whether a content opens with a past form of a speech cue ("said the strikes …", "told
    reporters …"): the participle before it was a circumstance of that cue, not a cue."""
    low = _first_word(text, start).lower()
    entry = lexicon.cues().get(low)
    return entry is not None and entry.type == "speech" and low != entry.lemma \
        and not low.endswith(("ing", "s"))       # a past form; not "comments", "calls" (nouns too)


def _appositive_source(s: Sent, k: int) -> tuple[tuple[int, int], int] | None:
    """The source of "Figueroa, a spokeswoman, said" (the mention before the appositives, past a "Town, State" tag) or
    "Bloomberg's pollster, Douglas Schoen, says" (the name between the commas), and the token opening the subject (not in quotes)."""
    end = k - 1
    if end > 1 and s.toks[end].text in TOKEN_CLOSING and s.toks[end - 1].text == ",":
        end -= 1                          # "Lind, who calls him a “fraud,” said": the comma inside the mark
    if k < 3 or s.toks[end].text != ",":
        return None
    j = end
    for _ in range(3):
        j -= 1
        while j >= 0 and k - j < 40:
            tok = s.toks[j]
            if tok.text == "," and not s.doc.inside_quote(tok.start, tok.end):
                break
            j -= 1
        if j < 1 or s.toks[j].text != "," or not mentions.is_word(s.toks[j + 1].text):
            return None
        src = s.mention(mentions.before, j)
        if src is not None and state_in_apposition(s.toks, src, k - 40):
            j = src[0] - 1                # "Bond, 30, of Lexton, N.C., who …, said": no state is a source, nor its town
            continue
        if place_after_place(s.toks, j + 1, end) and src is not None and src[0] > 0 and s.toks[src[0] - 1].text == ",":
            continue                      # "Lund, a baker from Millbrook, New York, said": the state is no source
        if apposed_name(s.toks, j + 1, end) \
                and src is not None and _clause_start_ok(s, src[0]):
            return (j + 1, k - 1), src[0]
        if apposed_name(s.toks, j + 1, end) and described_opening(s.toks, j):
            return (j + 1, k - 1), 0      # "One pastor backing the senator, Dale Whitcombe, said"
        last = s.toks[src[1] - 1].text if src is not None else ""
        if src is not None and word_count(s.text, s.toks[src[0]].start, s.toks[src[1] - 1].end, 7) <= 6 \
                and _clause_start_ok(s, src[0]) and (mentions.is_capitalised(last) or names.PARTICLE_JOINED.match(last)
                     or s.toks[src[0]].text.lower() in ("a", "an", "the", "one", "another")):
            return src, src[0]            # "Figueroa, …, said" / "A senior official, …, said" / "Sami ul-Karim, …"
    return None


def _tail_sources(s: Sent, cue: Cue, ci: int, ce: int) -> list[tuple[tuple[int, int], int, int, str]]:
    """Ways the source can sit around a tail cue: (mention, separator index, index after the
    source and cue, rule) — "…, Gantz said", "…, said Gantz", "…, Figueroa, a spokeswoman, said"."""
    toks = s.toks
    j = mentions.skip_modifiers_back(toks, ci)
    out = []
    src = s.mention(mentions.before, j)
    appositive = s.once(_appositive_source, j) if src is None else None
    if src is not None and src[0] > 0 and (toks[src[0] - 1].text in _SEPARATORS or s.closes(src[0] - 1)) \
            and agrees(s, src, cue, ci):
        out.append((src, src[0] - 1, ce, "tail"))
    if j > 0 and (toks[j - 1].text in _SEPARATORS or s.closes(j - 1)) and not toks[ci].text.endswith("ing") \
            and s.toks[ci].text.lower() not in _words.listener_forms and cue.type != "act":
        # (after an act cue the noun phrase is its topic: "“…,” referring to Clinton"; after an -ing form its object: "…, demanding pay")
        after = s.mention(mentions.after, ce)   # not "…,” told CBS News": that is the listener
        if after is not None and after[0] == ce and (mentions.names_someone(toks, *after)
                                                     or _closes_opening_quote(s, j - 1)) \
                and not (after[1] < len(toks) and toks[after[1]].text.lower() in _words.finite_auxiliaries) \
                and not _pronoun_opens_report(s, after, j - 1) \
                and not _subject_then_object(s, appositive, after):
            # (not "…, said he’s open to it": a finite verb makes it the subject of the report)
            # (not "…,” X said of the Clintons": a preposition opens no inverted source)
            out.append((after, j - 1, after[1], "tail_inverted"))
    if src is None:
        if appositive is not None and appositive[1] > 0:
            out.append((appositive[0], appositive[1] - 1, ce, "tail_appositive"))
    if not out:
        long = s.once(_long_subject, cue, ci, j)      # "…, people familiar with the plan said."
        if long is not None and long[1] != j:
            long = None                           # (only "familiar with", "close to", whole: a
                                                  # relative or participle there opens a clause)
        c = j - 1
        while long is None and c > 0 and j - c < mentions.MAX_MENTION_TOKENS and toks[c - 1].text not in _SEPARATORS:
            c -= 1
        if long is None and c > 0 and s.mention(mentions.after, c, j) == (c, j) and mentions.names_someone(toks, c, j) \
                and any(toks[i].text.lower() in _words.postnominal_adjectives for i in range(c + 1, j)):
            long = (c, j)                         # "…, people close to her campaign say." read whole
        sep = long[0] - 1 if long is not None else -1
        while sep > 0 and toks[sep].text.lower() in _words.opening_conjunctions:
            sep -= 1                              # "…, and people close to her say."
        if long is not None and sep > 0 and toks[sep].text in _SEPARATORS:
            out.append(((long[0], j), sep, ce, "tail"))
    return out


def _subject_then_object(s: Sent, appositive: tuple[tuple[int, int], int] | None,
                         after: tuple[int, int]) -> bool:
    """Is the noun phrase after the cue its object, not an inverted source?  So when the
    sentence opens with the cue's own subject and its appositive ("Vera Olin, a former aide,
    called the plan “reckless”", "Olin, in a statement, said he …"), or when a quote mark
    opens right after the noun phrase ("…, said the plan “was doomed”")."""
    toks = s.toks
    if after[1] < len(toks) and toks[after[1]].text in TOKEN_OPENING:
        return True
    return appositive is not None and appositive[1] == 0 and s.doc.enclosing(s.sentence.start) is None


def _pronoun_opens_report(s: Sent, after: tuple[int, int], sep: int) -> bool:
    """Is a pronoun after an inverted cue the subject of the report instead ("Ortiz, one of the
    authors, said she fully supports it"): unquoted content before it and a word after it?"""
    toks = s.toks
    return after[1] - after[0] == 1 and toks[after[0]].text.lower() in _words.subject_pronouns \
        and after[1] < len(toks) and mentions.is_word(toks[after[1]].text) \
        and toks[after[1]].text.lower() not in _words.opening_prepositions \
        and not _closes_opening_quote(s, sep)


def _that_after_adjuncts(s: Sent, k: int) -> bool:
    """Does "that" open reported content after adjuncts at token ``k`` ("on Friday that …")?"""
    if k >= len(s.toks) or not _adjunct_only(s.toks[k].text) or not mentions.is_word(s.toks[k].text):
        return False
    j = _skip_adjuncts(s, k)
    return j > k and j + 1 < len(s.toks) and s.toks[j].text.lower() == "that"


def _closes_opening_quote(s: Sent, k: int) -> bool:
    """Is token ``k`` the closing mark of a quote that opens the sentence?  Then the noun phrase
    after an inverted cue is its source whatever its head: "“…,” says a narrator", "“…,” said
    the 46-year-old"."""
    if k < 1 or not s.closes(k):
        return False
    quote = s.doc.quote_at(end=s.toks[k].end)
    return quote is not None and quote.start <= s.toks[0].start


def tail(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """Content first, then source and cue: "…, Gantz said." "“…,” said Gantz." "“A,” he said, “B.”\"."""
    for src, sep, after_src, rule in _tail_sources(s, cue, ci, ce):
        found = _tail_with(s, cue, src, sep, after_src, rule)
        if found is not None:
            return found
    return None


def _tail_with(s: Sent, cue: Cue, src: tuple[int, int], sep: int, after_src: int, rule: str) -> Attribution | None:
    toks = s.toks
    cue_at = s.tok_at(cue.start)
    if after_src < len(toks) and toks[after_src].text.lower() == "by" \
            and (not _closes_opening_quote(s, sep) or cue_at == 0
                 or toks[cue_at - 1].text.lower() in _words.passive_auxiliaries or cue.text.endswith("ing")):
        return None                   # passive: "…, he was told by aides" (not "“…,” she said by telephone")
    if cue_at > 0 and toks[cue_at - 1].text.lower() == "to":
        return None                   # an infinitive reports nothing: "…, trying to ask"
    if sep < 1 and not (sep == 0 and s.closes(0)) or sep < mentions._after_dateline(toks, 0, len(toks)):
        return None                   # (nor a dateline: "SAN JOSE, California (Tribune Wire) - X, the maker, said")
    # the content ends at the separator; a closing quote mark belongs to it
    if s.closes(sep):
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
    continuation = _indirect_continuation(s, source_tail_end(toks, after_src)) if quote is None and earlier is None \
        and (rule != "tail_inverted" or verb_after_comma(toks, source_tail_end(toks, after_src))) else None   # (not ", said X, editor …")
    if quote is not None and earlier is None and rule != "tail_inverted" and after_src + 1 < len(toks) \
            and toks[after_src].text == "," and toks[after_src + 1].text in _QUOTE_CONTINUATIONS:
        continuation = _indirect_continuation(s, after_src)   # "“Only a fool,” she said, would …"
    if quote is None and earlier is None and continuation is None and not _is_clause(s.text, start, end):
        return None
    if quote is None and earlier is None and continuation is None and _subordinate_only(s.text, start, end):
        return None                   # "Though he …, Ortiz promised to act": a head report
    if quote is None and earlier is None and ends_in_relative(s.text, start, end) \
            and not (toks[sep].text == "," and (rule == "tail" and src[0] == sep + 1 or rule == "tail_appositive"
                                               or rule == "tail_inverted" and cue_at == sep + 1
                                               and (after_src >= len(toks) or toks[after_src].text in ",.;"))):
        return None                   # (not "…, which officials treat as arson, the fire chief said"
                                      # nor "…, which 200 people attended, said Dana Park"
                                      # nor "…, which …, the head, Ann Roe, said": the subject follows)
    # what follows: nothing that is content of its own, or an interrupted quote's second part
    rest = after_src
    if cue.lemma in lexicon.lower_words("extract/object_cues.txt") and rest < len(toks):
        rest = _skip_object(s, rest, cue)
        whole_quote = quote is not None and quote.start == start
        if not (_quote_listener_rest_ok(toks, rest) if whole_quote else _listener_rest_ok(toks, rest)) \
                or infinitive_at(toks, rest, cue):
            return None                   # (not "Speaking on Monday, X urged Y [to act]": a head report)
    elif quote is not None and quote.start == start:
        if not _quote_tail_rest_ok(toks, rest):
            return None
    elif rest < len(toks) and (not _adjunct_only(toks[rest].text) or infinitive_at(toks, rest, cue)) \
            and not (rule == "tail_inverted" and toks[rest].text.lower() in ("who", "whose", "which")) \
            and not (quote is not None and toks[rest].text.lower() in ("and", "before", "as", "while")):
        return None                   # (a relative clause may follow an inverted source)
    elif rule == "tail_inverted" and rest < len(toks) and toks[rest].text.lower() in _words.content_prepositions:
        return None                   # "…, said the nation's problems of …" is no inverted source
    if quote is None and earlier is None and _that_after_adjuncts(s, rest):
        return None                   # "Days before …, the firm said on Friday that …": a head cue
    fragments = [(start, end)]
    if continuation is not None:
        lead = s.text[start:end].strip(" ,").lower()
        if lead in _words.conjunctions or lead in lexicon.lower_words("extract/connectives.txt"):
            return Attribution((continuation,), _span(s, src), cue, "interrupted", s.sentence)   # "But, he said, …"
        return Attribution((fragments[0], continuation), _span(s, src), cue, "interrupted", s.sentence)
    for k in range(rest, min(len(toks), rest + 12)):
        if toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].text in TOKEN_OPENING:
            second = s.doc.quote_at(start=toks[k + 1].start)
            if second is not None and names_a_work(s.text, second) and not s.text[second.end:s.sentence.end].strip(" .,;!?"):
                break                     # "…, X said in his book, “A Long Road.”": a title ends it, no content
            if second is not None and quote is None and earlier is None:
                return None               # "As boos erupt, the executive says, “Please quiet down.”": head's
            if second is not None:
                fragments.append((second.start, second.end))
                rule = "interrupted"
            break
        if toks[k].text in (",", ";", ":"):
            break
    return Attribution(tuple(fragments), _span(s, src), cue, rule, s.sentence)


# Words that carry a quote's sentence on, unquoted, after its tail cue ("“…,” he said, that
# both men …", "“Only a fool,” she said, would build …"): "that", "because" or a finite auxiliary.
_QUOTE_CONTINUATIONS = _words.continuation_openers | _words.finite_auxiliaries


def _quote_tail_rest_ok(toks: list[Token], rest: int) -> bool:
    """After a whole quote and its tail cue, anything but new reported content may follow:
    "“…,” he said aboard his campaign plane as he crossed Nevada", "“…,” said one person with
    knowledge of the talks", "“…,” said X when asked about Y".  Not "“…,” he said that …" nor
    "“…,” she said: …"."""
    if rest >= len(toks):
        return True
    word = toks[rest].text
    return word.lower() not in ("that", "whether") and word != ":" and word not in TOKEN_OPENING


def _quote_listener_rest_ok(toks: list[Token], rest: int) -> bool:
    """After a whole quote, a listener cue and its listener, anything but a "that" clause or a
    colon may follow: "“…,” she told a crowd of 1,300 here after she took the stage",
    "“…,” he told ''Morning Joe,'' adding …"."""
    return rest >= len(toks) or (toks[rest].text.lower() not in ("that", "whether") and toks[rest].text != ":")


def _head_source(s: Sent, cue: Cue, ci: int, j: int) -> tuple[tuple[int, int] | None, str]:
    """The subject that opens the clause of a head cue (its last token before ``j``), and the
    rule: a mention ("Gantz said"), an appositive ("X, a spokeswoman, said") or a count of
    people ("More than six in 10 say", "Some 56 percent of voters polled said")."""
    src = s.mention(mentions.before, j)
    rule = "head"
    if src is None:
        appositive = s.once(_appositive_source, j)
        src = appositive[0] if appositive else None
        rule = "head_appositive"
    lead = after_lead_phrase(s, src)
    if lead is not None and (src[0] == 1 or lead[0] > src[0]) and agrees(s, lead, cue, ci) \
            and not (_role_word(s.toks[lead[0] - 1].text) and mentions.is_capitalised(s.toks[lead[0]].text)):
        return lead, "head"               # "After the match Brandvold said"; a role word joins only a name
    if src is not None and (_clause_start_ok(s, src[0]) or _nominative(s, src)) and agrees(s, src, cue, ci):
        return src, rule
    if lead is not None and agrees(s, lead, cue, ci):
        return lead, "head"
    quantity = mentions.quantity_before(s.toks, j)
    if quantity is not None and _clause_start_ok(s, quantity[0]):
        return quantity, "head"
    long = s.once(_long_subject, cue, ci, j) or clause_subject(s, cue, j)
    if long is not None:
        return long, "head_long"
    return None, rule


_MAX_MODIFIER = WINDOWS.modifier_tokens    # tokens between a long subject's noun phrase and its cue


def _long_subject(s: Sent, cue: Cue, ci: int, j: int) -> tuple[int, int] | None:
    """The noun phrase that opens a clause and is parted from its cue by a post-modifier: a
    relative clause, a participle or a prepositional phrase ("people who have battled online
    threats say", "House Republicans supporting the bill have said", "Spicer on Thursday
    evening said").  The modifier holds no comma, quote mark, cue or coordinated verb."""
    toks = s.toks
    if cue.type != "speech":
        return None
    c = j - 1
    while c > 0 and j - c <= _MAX_MODIFIER + mentions.MAX_MENTION_TOKENS and toks[c - 1].text not in _SOURCE_ENDS \
            and toks[c - 1].text not in TOKEN_OPENING and toks[c - 1].text not in TOKEN_CLOSING:
        c -= 1
    while c < j and toks[c].text.lower() in _words.opening_conjunctions:
        c += 1                            # "But those who back her say …"
    if c > 0 and toks[c - 1].text not in _SOURCE_ENDS and toks[c - 1].text.lower() not in _words.opening_conjunctions:
        return None
    src = s.mention(mentions.after, c, j)
    if src is not None and src[1] - src[0] > 1 and toks[src[1] - 1].text.lower() in _words.postnominal_adjectives:
        src = (src[0], src[1] - 1)        # "A person familiar [with …]"
    if src is None or not (0 < j - src[1] <= _MAX_MODIFIER) or not mentions.names_someone(toks, *src):
        return None
    first = toks[src[1]].text.lower()
    if first in _words.relative_subjects or first == "that":
        if j - src[1] < 3:
            return None                   # "a Republican who has not endorsed …": the relative's own verb
    elif first.endswith("ed") and len(first) > 4:
        if toks[src[1] + 1].text.lower() not in _words.opening_prepositions:
            return None                   # "A witness interviewed by staff said", not "Sanders passed more bills"
    elif not (first in _words.opening_prepositions or first in _words.postnominal_adjectives
              or (first.isalpha() and len(first) > 5 and first.endswith("ing"))):
        return None
    for k in range(src[1], j):
        word = toks[k].text
        if not mentions.is_word(word) and word not in ("-", *POSSESSIVES):
            return None
        if word.lower() in ("and", "but", "or") and toks[k + 1].text.islower():
            return None                   # "The senator traveled to Ohio and said": coordinated
        if word.islower() and lexicon.cues().get(word) is not None and k > src[1] \
                and first not in _words.relative_subjects and first != "that" \
                and toks[k - 1].text.lower() not in lexicon.lower_words("extract/determiners.txt"):
            return None                   # a second verb (but "backing the bill", "who spoke",
                                          # "familiar with the plan": a noun after "the")
    if not agrees(s, src, cue, src[1]):
        return None                       # "people who … say" but not "the man who … say"
    if first in _words.postnominal_adjectives:
        return src[0], j                  # "people familiar with the plan": the whole description
    return src


def head(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """Source and cue first: "Gantz said (that) …", "He added: “…”", "X, a spokeswoman, said …\""""
    toks = s.toks
    verb = _catenative_start(toks, ci)        # "Trump continued to question …": his subject
    j = mentions.skip_modifiers_back(toks, ci if verb is None else verb)
    if cue.type == "speech":
        j = _skip_time_back(s, j)             # "Cruz on Wednesday announced …"
    if not active_finite(s, cue, ci, ce) or _hands_on(toks, ci, ce):
        return None                       # (asked first: a subject is read for a finite cue only)
    src, rule = _head_source(s, cue, ci, j)
    if src is None or object_before_conjunction(toks, src, j, cue.type == "speech"):
        return None
    if src[0] == 1 and mentions.is_capitalised(toks[0].text) and mentions.is_title_word(toks[1].text) \
            and toks[0].text.lower() not in _words.subordinators | _words.subject_lead_words:
        src = (0, src[1])                 # "Mine manager Pieter Kessler said"; not "When …", "But opposition …"
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    if k < len(toks) and toks[k].text.lower() in lexicon.lower_words("extract/adjunct_words.txt") \
            and toks[k].text.lower() not in _words.content_prepositions and not infinitive_at(toks, k, cue) \
            and not opens_subject(toks, k):
        return None                   # "as McDonough suggested at the meeting": no content
                                      # (but "said this is …": a subject)
    if cue.lemma in lexicon.lower_words("extract/quote_only_cues.txt") and not introduces_report(toks, k) \
            and not infinitive_at(toks, k, cue):
        return None                   # "the campaign continues to grow"
    if k < len(toks) and toks[k].text.lower() in _words.conjunctions:
        return None                   # "The protester yelled and held up a banner"
    named = _naming_content(s, cue, k)
    if named is not None:
        return Attribution((named,), _span(s, src), cue, rule, s.sentence)
    content = _content_after(s, k)
    if content is None:
        return _colon_into_next_paragraph(s, cue, k, src, rule)
    if k > ce and _opens_with_participle_cue(s.text, content[0]) or _opens_with_cue_after_comma(s.text, content[0]):
        return None                   # "Cruz seemed to mock him, saying …": the participle's
                                      # (not "X said seeing the crowds was …": content right after the cue)
    content = (content[0], _subordinate_end(s, src[0], k, content[1]))
    cut = object_end(toks, k, content[1]) if toks[k].start == content[0] else None
    content = (content[0], strip_end(s.text, content[0], cut)) if cut is not None else content
    if too_short(s, cue, k, ce, content) or document_object(s, cue, k, ce, content):
        return None                   # (nor "read [a statement] to the court": objects.py)
    content = without_adjunct(s, cue, k, ce, content)     # "announced her retirement [on Friday]"
    return Attribution((content,), _span(s, src), cue, rule, s.sentence)


def _hands_on(toks: list[Token], ci: int, ce: int) -> bool:
    """Is the cue a verb that hands its subject on to a cue after "to" ("she went on to argue
    …", "he seemed to suggest …")?  Then that cue reports, not this one."""
    return ce + 1 < len(toks) and _catenative_start(toks, ce + 1) == ci \
        and lexicon.cues().get(toks[ce + 1].text.lower()) is not None


def _opens_with_participle_cue(text: str, start: int) -> bool:
    """Does content open with a cue participle ("saying he’s …")?  Then that cue reports it."""
    word = _first_word(text, start)
    return word.endswith("ing") and lexicon.cues().get(word.lower()) is not None


def _opens_with_cue_after_comma(text: str, start: int) -> bool:
    """Does content open, past a comma, with a speech cue ("after the minister spoke, said it
    …")?  Then the words before the comma are that cue's subject, and that cue reports it."""
    if char_before(text, start) != ",":
        return False
    entry = lexicon.cues().get(_first_word(text, start))
    return entry is not None and entry.type == "speech"


# Subordinators that open a sentence's first clause: "Although she said X, Y …".


def _subordinate_end(s: Sent, src: int, k: int, end: int) -> int:
    """Content inside an opening subordinate clause ends at the comma that closes it:
    "Although in September she said her decision was a mistake, she …" -> "her decision was a mistake"."""
    toks = s.toks
    first = 1 if toks and toks[0].text.lower() in _words.conjunctions else 0
    commas = s.marks("commas")
    if first >= len(toks) or toks[first].text.lower() not in _words.subordinators \
            or (commas.all and commas.all[0] < src):
        inner = inner_subordinate_comma(s, src, k)      # "A week after X announced …, the town …"
        return strip_end(s.text, toks[k].start, toks[inner].start) if 0 <= inner and toks[inner].start < end else end
    at = bisect.bisect_right(commas.outside, k)
    if at < len(commas.outside) and commas.outside[at] < len(toks) - 1 and toks[commas.outside[at]].start < end:
        return strip_end(s.text, toks[k].start, toks[commas.outside[at]].start)
    return end


def _colon_into_next_paragraph(s: Sent, cue: Cue, k: int, src: tuple[int, int], rule: str) -> Attribution | None:
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
