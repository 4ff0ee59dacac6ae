"""The person a source mention's span names when the span is cut wrong around the name: the
name then words that are no part of it, a title that runs on past the span to its name, or an
apposition after the name that the span holds instead of it (:mod:`.resolve` reads the name's
span in place of the mention's; the mention keeps its own offsets).

* :func:`name_then_rest`: "Jeb Bush in a Medium post said", "Greenberg says his research
  shows", "Republican pollster Whit Ayres -- author of …": the name that opens the span;
* :func:`title_runs_on`: "said former Lakeland Gov. and party Chairman Ed Rendell", "said
  Air Force 1st Lt. Tyler Livingston" when the span stops at "Gov." or "Force": the name the
  title runs on to;
* :func:`name_before`: "Cara Voss, Tomas's mother, issued …" or "Mr. Ruiz, a rare
  outlier in a town where …, attended" when the span is the apposition: the name before it;
* :func:`name_after`: "One early backer, Councillor Ana Ruiz, said …" or "the paper's
  editor, Tom Hale of Leland, wrote …" when the span is the description: the name in
  apposition after it.
"""
from __future__ import annotations

import bisect
import re

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from ..text.names import person_title_nouns, split_title
from . import entities as em
from .anaphora import opens_sentence

# A dash right after a name: " -- author of …", " — a pollster" (the name's noun phrase ends).
_DASH_AFTER = re.compile(r"[ \t]*(?:--|—|–)")
# The first word after a name and white space: "in" of " in a Medium post" (group 1).
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
# What may stand between a title that a span stops at and the name it runs on to: capitalised
# words and abbreviations ("Democratic National Committee Chairman", "1st Lt."), small words
# (data/extract/title_joiners.txt), lower-case title words and a word after "of" ("secretary of
# state"); no punctuation.
_GAP_WORD = re.compile(r"[ \t]+(?:[A-Z][\w’'\-]*\.?|(?:[A-Z]\.)+|\d+(?:st|nd|rd|th)|[a-z]+)")
TITLE_REACH = 90                          # characters a title may run on past its span to the name
# The rest of an apposition that a cut span opens, up to its closing comma, before any sentence end.
_APPOSITION_END = re.compile(r"[^.!?\n,;:]{0,120}?,")
# A capitalised possessive then a lower-case word opening an apposition: "Tomas's mother".
_POSSESSOR_OPENS = re.compile(r"[A-Z][\w\-]*(?:[’']s|s[’'])[ \t]+[a-z]")
_ARTICLES = ("a ", "an ", "the ")
_WORDS = re.compile(r"[A-Za-z]+")
# Capitalised words right before a name, its title: "Mr. " before "Cruz", "Gov. " before "Ana Ruiz".
_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w\-]*\.?[ \t]+){1,3}$")


def named_within(text: str, model: em.Model, start: int, end: int) -> tuple[int, int] | None:
    """The span of the person text[start:end] names when the span is cut wrong around the name
    (:func:`name_then_rest`, :func:`title_runs_on`, :func:`name_before`, :func:`name_after`), else None."""
    return name_then_rest(text, model, start, end) or title_runs_on(text, model, start, end) \
        or name_before(text, model, start, end) or name_after(text, model, start, end)


def _person_at(model: em.Model, i: int) -> em.Occurrence | None:
    if i < len(model.occurrences):
        o = model.occurrences[i]
        if model.entities[o.entity].type == "person" and not o.quoted:
            return o
    return None


def _title_words(words: list[str]) -> bool:
    """Whether words before a name are its title: capitalised ("Gov.", "Republican") or a
    title or person noun ("pollster", "former")."""
    nouns = person_title_nouns()
    return all(w[:1].isupper() or w.lower() in nouns for w in words)


def name_then_rest(text: str, model: em.Model, start: int, end: int) -> tuple[int, int] | None:
    """A span that opens with a person's name (maybe after a title) and goes on past it with a
    lead phrase ("Jeb Bush in a Medium post"), a speech verb ("Greenberg says his research")
    or a dash ("Whit Ayres -- author of …"): the span up to the name's end, else None (not a
    possessive, "of" or a noun after the name: "Obama administration officials")."""
    i = bisect.bisect_left(model.starts, start)
    o = _person_at(model, i)
    if o is None or o.end >= end or not _title_words(text[start:o.start].split()):
        return None
    if _DASH_AFTER.match(text, o.end):
        return start, o.end
    m = _NEXT_WORD.match(text, o.end)
    if m is None or m.end(1) > end:
        return None
    word = m.group(1)
    if word in lexicon.lower_words("extract/lead_prepositions.txt") or lexicon.is_speech_form(word.lower()):
        return start, o.end
    return None


def title_runs_on(text: str, model: em.Model, start: int, end: int) -> tuple[int, int] | None:
    """A span that ends in a title word or a capitalised word and names no person, when the
    title runs on past it, with no punctuation, to a person's name within TITLE_REACH
    characters ("former Lakeland Gov." before " and party Chairman Ed Rendell"): the name's
    span, else None (a gap with "and" only after a title word: not "the Pentagon and Gen. Ana Ruiz")."""
    words, inside = text[start:end].split(), model.at(start, end)
    if not words or inside is not None and model.entities[inside.entity].type == "person":
        return None
    titles = lexicon.lower_words("text/titles.txt")
    last = words[-1].lower()
    if not (words[-1][:1].isupper() or last in titles):
        return None
    i = bisect.bisect_left(model.starts, end)
    o = _person_at(model, i)
    if o is None or o.start - end > TITLE_REACH or text.startswith(POSSESSIVE_S, o.end):
        return None
    at, gap = end, []
    while text[at:o.start].strip():
        m = _GAP_WORD.match(text, at, o.start)
        if m is None:
            return None
        gap.append(m.group().strip())
        at = m.end()
    lowers = [w for n, w in enumerate(gap) if w[:1].islower() and (n == 0 or gap[n - 1] != "of")]
    if any(w.lower() in lexicon.cues() for w in gap if w[:1].isupper()):
        return None                       # a headline's verb: "Union Slams Senator Ana Ruiz"
    if any(w not in lexicon.lower_words("extract/title_joiners.txt") and w not in titles for w in lowers) \
            or "and" in gap and last.rstrip(".") not in titles and last not in titles:
        return None
    return o.start, o.end


def _office_only(written: str) -> bool:
    """Whether a span is an office in capitals and no name: "Oregon Secretary of State",
    "Deputy Mayor" (all of it a title: :func:`..text.names.split_title`), not "Harbour Trust"."""
    words = written.split()
    title, name = split_title(words)
    return bool(title) and not name and all(w[:1].isupper() or w in ("of", "for", "the", "and") for w in words)


def name_before(text: str, model: em.Model, start: int, end: int) -> tuple[int, int] | None:
    """A span that is the apposition after a name opening its sentence ("Cara Voss, " before
    "Tomas's mother,"; "Mr. Ruiz, " before "a rare outlier in a town where …,"; "Jem Hale, "
    before "Oregon Secretary of State,"): the name's span, else None.  The apposition opens
    with an article or a capitalised possessive, or is an office in capitals, and closes with a comma before its sentence ends, with no speech verb before it ("Ruiz, a top
    aide said, “…”": the aide)."""
    if not text.startswith(", ", start - 2):
        return None
    written = text[start:end]
    if not (written.lower().startswith(_ARTICLES) or _POSSESSOR_OPENS.match(written) or _office_only(written)):
        return None
    rest = _APPOSITION_END.match(text, end)
    if rest is None or any(lexicon.is_speech_form(w.lower()) for w in _WORDS.findall(rest.group())):
        return None                       # "Clinton, a top aide said, “…”": the aide is the source
    i = bisect.bisect_left(model.starts, start) - 1
    if i < 0:
        return None
    o = model.occurrences[i]
    if o.end != start - 2 or model.entities[o.entity].type != "person" or o.quoted:
        return None
    title = _TITLE_BEFORE.search(text, max(0, o.start - 40), o.start)
    if not opens_sentence(text, title.start() if title else o.start):
        return None                       # "In addition to Mr. Vale, a member …": no apposition
    return o.start, o.end


# After a name in apposition, its close: a comma, maybe after "of" and a place ("Tom Hale of Leland,").
_NAME_CLOSES = re.compile(r"(?:[ \t]+of[ \t]+[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,2})?,")
# A description's last word: a lower-case head noun ("backer" of "One early backer").
_LOWER_HEAD = re.compile(r"(?<![\w’'\-])[a-z][a-z\-]+$")


def name_after(text: str, model: em.Model, start: int, end: int) -> tuple[int, int] | None:
    """A span that is a description with a person's name in apposition right after it ("One
    early backer" before ", Councillor Ana Ruiz, said", "ABC's host" before ", Tom Hale,
    asked"): the name's span (its title with it), else None.  The description ends in a
    lower-case noun; the name follows its comma and closes with one ("Ana Ruiz and Tom Hale"
    is a list, no apposition)."""
    if not text.startswith(", ", end) or _LOWER_HEAD.search(text, max(start, end - 40), end) is None:
        return None
    i = bisect.bisect_left(model.starts, end + 2)
    o = _person_at(model, i)
    if o is None or o.start != end + 2 or _NAME_CLOSES.match(text, o.end) is None:
        return None
    return o.start, o.end
