"""The according-to sieve: "according to the ministry, …", "But, according to X, …" and
"…, according to a report." (the content before or after the source)."""
from __future__ import annotations

from ...model import Cue
from ...text import lexicon
from ...text.marks import TOKEN_OPENING, WORD_POSSESSIVES
from .. import mentions
from ..segment import Token
from .grammar import _SEPARATORS, _content_after, _name_end, _span, _words
from .views import Attribution, Sent
from .offsets import word_count
from .apposed import apposed_name


# The longest quoted title an according-to source may hold ("the “Medicare for all” document").
_TITLE_CHARS = 60


def _according_source(s: Sent, k: int) -> tuple[int, int] | None:
    """The source after "according to" at token ``k``: the words up to the comma or the
    sentence end that closes it ("a recent poll of Indiana voters", "the Real Clear Politics
    average"), else the mention that starts there ("the ministry")."""
    toks = s.toks
    end = k
    while end < len(toks) and end - k < 20 and toks[end].text not in _SOURCE_ENDS and not _dash(toks, end):
        if toks[end].text in TOKEN_OPENING:
            quote = s.doc.quote_at(start=toks[end].start)
            if quote is None or quote.end - quote.start > _TITLE_CHARS:
                break                     # a title in quote marks stays in the source:
            end = s.tok_at(quote.end)     # "according to the “Medicare for all” plan"
            continue
        end += 1
    closed = end == len(toks) or toks[end].text in (",", ".", "?", "!") or _dash(toks, end)
    if closed and end > k and mentions.is_word(toks[end - 1].text):
        return k, end
    return s.mention(mentions.after, k)


_SOURCE_ENDS = frozenset({",", ";", ":", "(", "—", "–", ".", "?", "!"})


_DESCRIPTION_OPENERS = frozenset({"the", "its", "his", "her", "their"})
_APPOSED_WORDS = 10                      # words of a name in apposition to an according-to source


def apposed_source(toks: list[Token], src: tuple[int, int]) -> tuple[int, int]:
    """The name in apposition to a described source ("the tour's organiser, Saltmarsh Events,"
    -> "Saltmarsh Events"; "the regulator, the Office of Rail Safety."), else ``src``."""
    i = src[1] + 1
    if i >= len(toks) or toks[src[1]].text != "," or not _described(toks, src):
        return src
    m = i
    while m < len(toks) and m - i < _APPOSED_WORDS and toks[m].text not in _SOURCE_ENDS:
        m += 1
    return (i, m) if m > i and (m == len(toks) or toks[m].text in (",", ".", ";")) \
        and apposed_name(toks, i, m) else src


def _described(toks: list[Token], src: tuple[int, int]) -> bool:
    """Does a source open as a description: a determiner ("the tour's organiser") or a
    possessive name before a lower-case head ("Comhar’s director of elections")?"""
    first = toks[src[0]].text
    return first.lower() in _DESCRIPTION_OPENERS or (
        first.endswith(WORD_POSSESSIVES) and src[1] - src[0] > 1 and toks[src[1] - 1].text.islower())



def _dash(toks: list[Token], i: int) -> bool:
    """Is token ``i`` a dash, which ends an according-to source: "—", "--", or a hyphen with a
    space before it ("… poll last week - about …"; not the one in "50-state")?"""
    return toks[i].text in ("—", "–", "--") or (toks[i].text == "-" and i > 0 and toks[i - 1].end < toks[i].start)


_APPOSITION_WORDS = 12                   # words of an apposition after an according-to source


def _past_apposition(toks: list[Token], k: int) -> int:
    """Past an apposition or a relative clause that opens at token ``k`` and closes with a
    comma ("a virologist at Kingsmere University,", "who studies bats,"), else ``k``."""
    if k >= len(toks) or toks[k].text.lower() not in ("a", "an", "who"):
        return k
    for j in range(k + 1, min(len(toks) - 1, k + _APPOSITION_WORDS)):
        if toks[j].text == ",":
            return j + 1
        if not mentions.is_word(toks[j].text):
            break
    return k


def _clause_inside(toks: list[Token], src: tuple[int, int]) -> int | None:
    """The token where a clause opens inside an opening according-to source that no comma
    closed: a subject word (data/text/word_classes.txt new_subjects) right after a noun, not
    after a function word ("According to the club | the final will be …"; not "According to a
    report by the council, …")."""
    function = lexicon.lower_words("text/function_words.txt")
    for j in range(src[0] + 1, src[1] - 1):
        before = toks[j - 1].text
        if mentions.is_word(before) and before.lower() not in function and (
                toks[j].text in _words.new_subjects or _named_subject(toks, j, src[1])):
            return j
    return None


def _named_subject(toks: list[Token], j: int, end: int) -> bool:
    """Does a name open a clause at token ``j`` after a lower-case noun: capitalised words and
    then a finite auxiliary ("… familiar with the matter | Kestrel had held …")?"""
    if not toks[j - 1].text.islower():
        return False
    k = j
    while k < end and mentions.is_capitalised(toks[k].text):
        k += 1
    return j < k < end and toks[k].text.lower() in _words.finite_auxiliaries


def _mid_opener(toks: list[Token], ci: int) -> bool:
    """Does "according to" open the clause after a comma and a conjunction ("…, but according
    to the figures, vacancies have risen"): its content follows, as at a sentence start?"""
    return ci >= 2 and toks[ci - 2].text == "," and toks[ci - 1].text.lower() in _words.subject_lead_words


def _only_openers(toks: list[Token], ci: int) -> bool:
    """Do only opening conjunctions and commas stand before token ``ci`` ("But, according to …")?"""
    return all(t.text == "," or t.text.lower() in _words.subject_lead_words
               or t.text.lower() in _words.sentence_adverbs for t in toks[:ci])     # "However, according to …"


def _fronted_subject(s: Sent, content: tuple[int, int], rest: tuple[int, int] | None) -> bool:
    """Is a one-word content before the source the subject of the rest after it ("Lyle,
    according to the club's figures, has made …"): a capitalised word, not a function word?"""
    word = s.text[content[0]:content[1]].strip()
    return rest is not None and word_count(s.text, *rest) >= 2 and mentions.is_capitalised(word) \
        and mentions.is_word(word) and word.lower() not in lexicon.lower_words("text/function_words.txt")


def according_to(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"according to the ministry, …" and "…, according to a report.\""""
    if cue.lemma != "according to":
        return None
    src = _according_source(s, ce)
    if src is None:
        return None
    rest = None
    if ci == 0 or (ci == 1 and s.toks[0].text in TOKEN_OPENING) or _only_openers(s.toks, ci) \
            or _mid_opener(s.toks, ci):
        named = apposed_source(s.toks, src)
        if named != src and named[1] < len(s.toks) and s.toks[named[1]].text == "," \
                and s.toks[src[1] - 1].text.lower() not in lexicon.lower_words("extract/document_nouns.txt"):
            src = named                   # "According to the charity's chief executive, Tom Reilly, the …"
        k = src[1]
        while k < len(s.toks) and s.toks[k].text in (",", ":"):
            k += 1
        if k > src[1]:
            k = _past_apposition(s.toks, k)      # "According to Dr Amy Lau, a virologist at …, the …"
        split = _clause_inside(s.toks, (src[0], src[1] if k > src[1] else len(s.toks)))
        if split is not None:             # "According to the club the final will be …": no comma
            src, k = (src[0], split), split
        content = _content_after(s, k) if k > src[1] or split is not None else None
        if content is None:               # "According to Ms Hale the minister had …": no comma
            n = _name_end(s.toks, ce)
            if n is not None:
                src, content = (ce, n), _content_after(s, n)
    else:
        named = apposed_source(s.toks, src)    # "…, according to the organiser, Saltmarsh Events."
        relative = named != src and named[1] + 1 < len(s.toks) and s.toks[named[1] + 1].text in ("which", "who")
        src = named
        end_tok = ci
        while end_tok > 0 and s.toks[end_tok - 1].text in _SEPARATORS:
            end_tok -= 1
        first = s.toks[0].start
        quote = s.doc.quote_at(end=s.toks[end_tok - 1].end) if end_tok else None
        if quote is not None:
            first = min(first, quote.start)
        content = (first, s.toks[end_tok - 1].end) if end_tok else None
        if src[1] < len(s.toks) and s.toks[src[1]].text == "," and src[1] + 1 < len(s.toks) \
                and mentions.is_word(s.toks[src[1] + 1].text) and not relative \
                and s.toks[src[1] + 1].text.lower() not in _words.relatives:
            rest = _content_after(s, src[1] + 1)     # "The minister had, according to Ms Hale, misled …"
        # not "…, according to X, which wants …": a relative clause on the source, no content
    if content is None or (word_count(s.text, *content) < 2 and not _fronted_subject(s, content, rest)):
        return None
    fragments = (content, rest) if rest is not None and word_count(s.text, *rest) >= 2 else (content,)
    return Attribution(fragments, _span(s, src), cue, "according_to", s.sentence)
