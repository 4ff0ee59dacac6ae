"""The name-inconsistent check: one person spelled two ways ("Gantz" / "Gants"), a surname
used as a subject before the full name, or two different offices for one person."""
from __future__ import annotations

from dataclasses import dataclass

from ..text import lexicon
from ..extract import speakers
from ..model import Finding
from ..text.names import edit_distance
from .draft import (


    Draft, LONG_SURNAME, MAX_EDITS, MAX_SHARED, MIN_SURNAME, SUBHEAD_WORDS, _CAPITALISED_BEFORE,
    _LONE_CAPITALISED, _attributive, _body_start, _people, _title_tables, run_check)


def allowed_edits(surname: str) -> int:
    """How many edits still make a misspelling of ``surname``: 1 under LONG_SURNAME letters, else 2.

    >>> allowed_edits("Gantz"), allowed_edits("Hewlett")
    (1, 2)
    """
    return 1 if len(surname) < LONG_SURNAME else MAX_EDITS


@dataclass(frozen=True)
class _Spelling:
    """One way a surname is written, and where."""
    surname: str
    person: str
    firsts: frozenset[str]
    places: tuple[tuple[int, int], ...]


def _spellings(draft: Draft) -> dict[str, _Spelling]:
    """surname as written -> its person, first names and places: from the named people, from
    person sources of attributions ("Gants said" when no "… Gants" is named in full), and from
    lone capitalised words that are the subject of a clause in the narrative ("Okafur is due";
    their person is "", so they are only ever the rare spelling)."""
    places: dict[str, list[tuple[int, int]]] = {}
    firsts: dict[str, set[str]] = {}
    person: dict[str, str] = {}
    for n in draft.named:
        places.setdefault(n.surname, []).append((n.start, n.end))
        person.setdefault(n.surname, n.person)
        if n.first:
            firsts.setdefault(n.surname, set()).add(n.first)
    for offset, speaker in draft.sources:          # sources as written, never "he"/"she"
        word = speaker.split()[-1]
        at = draft.doc.text.find(word, offset, offset + 200)
        if word in person or at < 0:
            continue
        places.setdefault(word, []).append((at, at + len(word)))
        person.setdefault(word, speaker)
    text = draft.doc.text
    function = lexicon.lower_words("text/function_words.txt") | lexicon.lower_words("extract/calendar_words.txt")
    for m in _LONE_CAPITALISED.finditer(text):   # "Delgado and Okafur are due …"
        word = m.group()
        if word in person or word.lower() in function or draft.inside_quote(m.start()) \
                or _CAPITALISED_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or not speakers.main_subject(text, m.start(), m.end()):
            continue
        places.setdefault(word, []).append((m.start(), m.end()))
        person.setdefault(word, "")
    return {s: _Spelling(s, person[s], frozenset(firsts.get(s, ())), tuple(sorted(set(places[s]))))
            for s in places}


def deletions(word: str, n: int = MAX_EDITS) -> set[str]:
    """``word`` with up to ``n`` letters left out: two words within ``n`` edits share one.

    >>> sorted(deletions("Esper", 1) & deletions("Espre", 1))
    ['Espe', 'Espr']
    """
    out = {word}
    for _ in range(n):
        out |= {w[:i] + w[i + 1:] for w in out for i in range(len(w))}
    return out


def _near_pairs(words: list[str]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of ``words`` within MAX_EDITS edits, found through shared
    deletion variants instead of comparing every pair.

    >>> sorted(_near_pairs(["Gantz", "Esper", "Gants", "Espre"]))
    [(0, 2), (1, 3)]
    """
    by_key: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        for key in deletions(w):
            by_key.setdefault(key, []).append(i)
    pairs = set()
    for group in by_key.values():
        if len(group) > MAX_SHARED:
            continue
        for x, i in enumerate(group):
            for j in group[x + 1:]:
                if (i, j) not in pairs and edit_distance(words[i], words[j]) <= MAX_EDITS:
                    pairs.add((i, j))
    return pairs


def _misspellings(draft: Draft) -> list[Finding]:
    """Two spellings of one surname: both given with the same first name, or one never given a
    first name at all while the other is (a person named in full).  The rarer spelling is
    reported, each place it is used, against the commonest spelling near it.  Not one word
    that begins the other ("America"/"Americans"), nor a place."""
    known = _people(draft)
    speakers_named = {speaker for _, speaker in draft.sources}
    spellings = [s for s in _spellings(draft).values() if len(s.surname) >= MIN_SURNAME
                 and (s.person in known or s.person in speakers_named or not s.person)]
    weight = {s.surname: (len(s.places), -s.places[0][0]) for s in spellings}
    places = lexicon.words("extract/places.txt")
    best: dict[str, _Spelling] = {}       # rare spelling -> the commoner one it is read as
    for i, j in _near_pairs([s.surname for s in spellings]):
        a, b = spellings[i], spellings[j]
        if edit_distance(a.surname, b.surname) > allowed_edits(min(a.surname, b.surname, key=len)):
            continue                      # "Calif"/"Malik": two edits in five letters is another word
        if a.person == b.person or (a.firsts and b.firsts and not (a.firsts & b.firsts)):
            continue                      # two people: "Dana Kerr" and "John Kerry"
        rare, common = sorted((a, b), key=lambda s: weight[s.surname])
        if not common.firsts or (common.person not in known and common.person not in speakers_named):
            continue                      # the spelling taken as right: a person, named in full
        if rare.surname.startswith(common.surname) or common.surname.startswith(rare.surname) \
                or rare.surname in places or common.surname in places:
            continue                      # "America"/"Americans": another form, or a place
        held = best.get(rare.surname)
        if held is None or weight[common.surname] > weight[held.surname]:
            best[rare.surname] = common
    out = []
    for rare in spellings:
        common = best.get(rare.surname)
        if common is None:
            continue
        line, _ = draft.lines.position(common.places[0][0])
        for start, end in rare.places:
            out.append(draft.finding(
                "name-inconsistent", start, end,
                f"“{rare.surname}” here, “{common.surname}” elsewhere ({common.person}, "
                f"line {line}): one of them is misspelt", speaker=common.person))
    return out


def _surname_first(draft: Draft) -> list[Finding]:
    """A surname alone as the subject of a clause or the source of a statement in the body's
    narrative ("Gantz flew …", "…, Gantz said"), before the person's full name first appears
    and before any titled mention ("President Obama").
    Not in a quotation, not modifying a noun ("the Obama administration"), not as an object
    ("in the Bush years", "on Biden"): those are usually famous names or set phrases."""
    body = _body_start(draft)
    full_at: dict[str, int] = {}
    for n in draft.named:
        if n.first:
            full_at.setdefault(n.person, n.start)
    known = _people(draft)
    sources = {offset for offset, _ in draft.sources}
    paragraphs = {p.index: p for p in draft.doc.paragraphs}
    out, seen = [], set()
    for n in draft.named:
        if n.title:
            seen.add(n.person)            # "President Obama" introduces him well enough
        if n.first or n.title or n.start < body or n.person in seen or n.person not in full_at \
                or n.person not in known or _attributive(draft, n.end) or draft.inside_quote(n.start) \
                or not (n.subject or n.start in sources):
            continue
        para = paragraphs[draft.doc.sentences[draft.sentence_at(n.start)].paragraph]
        if len(draft.doc.text[para.start:para.end].split()) <= SUBHEAD_WORDS:
            continue                      # a subhead: "Rubio: Finish second."
        if n.start < full_at[n.person]:
            seen.add(n.person)
            line, _ = draft.lines.position(full_at[n.person])
            out.append(draft.finding(
                "name-inconsistent", n.start, n.end,
                f"“{n.text}” is used before the full name “{n.person}” is given (line {line})",
                speaker=n.person))
    return out


def title_words(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every word, the office words) of a title, abbreviations spelt out, gendered
    honorifics ("Mr.", "Mrs.") and joining words left out.

    >>> [sorted(s) for s in title_words("Sen.")], [sorted(s) for s in title_words("Defence Minister")]
    ([['senator'], []], [['defense', 'minister'], ['defense']])
    """
    abbreviations, portfolios, honorifics = _title_tables()
    words = set()
    for w in title.split():
        low = w.lower()
        if low in honorifics or low.rstrip(".") in honorifics or low in ("of", "the", "and", "for"):
            continue
        words.add(abbreviations.get(low, low))
    return frozenset(words), frozenset(w for w in words if w in portfolios)


def titles_conflict(a: str, b: str) -> bool:
    """Whether two titles name two different offices: they share a word ("minister") but
    their office words ("defense", "foreign") have nothing in common.

    >>> titles_conflict("Defense Minister", "Foreign Minister"), titles_conflict("Texas Sen.", "Republican Senator")
    (True, False)
    >>> titles_conflict("Alternate Prime Minister and Defense Minister", "Defense Minister")
    False
    """
    words_a, office_a = title_words(a)
    words_b, office_b = title_words(b)
    return bool(words_a & words_b) and bool(office_a) and bool(office_b) and not (office_a & office_b)


def _title_changes(draft: Draft) -> list[Finding]:
    """Two different offices given to one person (one first name with that surname, or the
    same first name both times)."""
    by_person: dict[str, list[speakers.Named]] = {}
    for n in draft.named:
        by_person.setdefault(n.person, []).append(n)
    out = []
    for person, names in by_person.items():
        one_person = len({n.first for n in names if n.first}) <= 1
        titled: dict[tuple[str | None, str], speakers.Named] = {}   # (first name, title) -> first use
        for n in names:
            if not n.title:
                continue
            key = (None if one_person else n.first, n.title)
            if key in titled:
                continue                  # this title again: judged the first time
            earlier = next((t for (first, _), t in titled.items() if first == key[0]
                            and titles_conflict(t.title, n.title)), None)
            if earlier is not None:
                line, _ = draft.lines.position(earlier.start)
                out.append(draft.finding(
                    "name-inconsistent", n.start, n.end,
                    f"{person} is “{n.title}” here but “{earlier.title}” at line {line}",
                    speaker=person))
            titled[key] = n
    return out


def check_names(draft: Draft) -> list[Finding]:
    """One person written two ways: a misspelt surname, a surname before the full name, two
    offices.

    >>> [f.message for f in run_check(check_names,
    ...     "Defense Minister Benny Gantz met reporters. Later, Foreign Minister Benny Gantz left.")]
    ['Benny Gantz is “Foreign Minister” here but “Defense Minister” at line 1']
    """
    return _misspellings(draft) + _surname_first(draft) + _title_changes(draft)
