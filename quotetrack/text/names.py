"""Names of people and bodies, one home for every check on them: a title split from a name,
the name a speaker is filed under, lookup keys, the same-person test, and spelling distance.

>>> split_title(["Defense", "Minister", "Benny", "Gantz"])
(['Defense', 'Minister'], ['Benny', 'Gantz'])
>>> canonical_name("Defense Minister Benny Gantz"), same_speaker("Gantz", "Benny Gantz")
('Benny Gantz', True)
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from . import lexicon
from .marks import POSSESSIVE_S
from .tokens import word_key


_words = lexicon.WordClasses("text/word_classes.txt")   # _words.name_particles (data/text/word_classes.txt)

# The name particles as a regex alternation, longest first ("della|bin|…|de"): the one list
# every name pattern uses.
PARTICLES = "|".join(sorted(map(re.escape, _words.name_particles), key=lambda p: (-len(p), p)))
# A possessive ending a name: "Gantz’s", "Gantz's", "Jones’".
POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
# What a lookup key ignores: periods, commas and apostrophes ("B. Gantz" = "B Gantz").
KEY_DROP = re.compile(r"[.,’'`]")
# A run of white space.
SPACES = re.compile(r"\s+")
# A middle initial: "J." in "Donald J. Trump", "H.W." in "George H.W. Bush" (key form: "j", "hw").
INITIAL = re.compile(r"^[a-z]{1,2}$")
# A leading article before an organisation: "the Pentagon" -> "Pentagon".
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def without_marks(word: str) -> str:
    """A word without its accents and other marks, as the ASCII name lists spell it: "Siobhán" ->
    "Siobhan", "Seán" -> "Sean", "Zoë" -> "Zoe"."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_particle(word: str) -> bool:
    """Whether ``word`` is a lower-case name particle: "de", "van", "bin" (data/text/word_classes.txt)."""
    return word.lower() in _words.name_particles


# The capital letters a name word may open with, for a regex class: ASCII and the Latin capitals
# with accents and other marks ("Ó Briain", "Áine", "Čapek", "Đặng"), U+00C0 to U+024F and the
# Latin Extended Additional block (U+1E00 to U+1EFF).
CAPITALS = "A-Z" + "".join(c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper())

# A name word that opens with a particle joined by a hyphen: "al-Masri", "bin-Laden".
PARTICLE_JOINED = re.compile(rf"(?:{PARTICLES})-[{CAPITALS}]")


def is_name_word(word: str) -> bool:
    """Whether ``word`` may stand in a name: capitalised, a particle, or a particle joined to a
    capitalised word by a hyphen ("al-Masri")."""
    return word[:1].isupper() or is_particle(word) or PARTICLE_JOINED.match(word) is not None


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split the title from a name at the last title word that has a capitalised name after it:
    ["Defense", "Minister", "Benny", "Gantz"] -> (["Defense", "Minister"], ["Benny", "Gantz"]);
    ["Pentagon", "spokesman", "Navy", "Capt.", "Jeff", "Davis"] -> (["Pentagon", "spokesman",
    "Navy", "Capt."], ["Jeff", "Davis"]); a name ending in a title word after a given name
    (data/text/first_names.txt) is a name: ["Charlie", "King"] -> ([], ["Charlie", "King"])."""
    cut = _title_end(tuple(words))
    return words[:cut], words[cut:]


def honorific_surname(title: list[str], known) -> bool:
    """Whether a title that swallowed a whole run is a form of address and a surname: "Mr.
    Singer", "Ms. Prince", when the article names someone in full with that surname (``known``:
    the surnames named so far) and the title word is that surname, not an office ("Mr.
    President"). Only the gendered forms of address (data/text/honorifics.tsv), not "Dr.":
    "Dr. King" is not a "Don King" named before.

    >>> honorific_surname(["Mr.", "Singer"], {"Singer"}), honorific_surname(["Mr.", "President"], {"Singer"})
    (True, False)
    """
    if len(title) != 2 or POSSESSIVE.sub("", title[1]).rstrip(".") not in known or not title[1][:1].isupper():
        return False                      # ("Mr. Singer's", "Mr. Singer." at a sentence end)
    return lexicon.pairs("text/honorifics.tsv").get(title[0].lower()) in ("m", "f")


def address_split(title: list[str], name: list[str], known) -> tuple[list[str], list[str]]:
    """A run's (title, name) as :func:`split_title` cut it, with a form of address and a
    surname it took for a whole title split apart when :func:`honorific_surname` holds ("Mr.
    Singer" after "Mark Singer": (["Mr."], ["Singer"])); else as it was.

    >>> address_split(["Mr.", "Singer"], [], {"Singer"}), address_split(["Mr.", "President"], [], {"Singer"})
    ((['Mr.'], ['Singer']), (['Mr.', 'President'], []))
    """
    if not name and honorific_surname(title, known):
        return title[:1], title[1:]
    return title, name


def given_name_title(name: list[str], known) -> bool:
    """Whether a two-word name opens with a form of address that is also a given name and ends in a
    surname the article named (``known``): "Nana Asantewu" after "Nana Kwame Asantewu", a title and
    the surname (data/text/honorifics.tsv, data/text/first_names.txt).

    >>> given_name_title(["Nana", "Asantewu"], {"Asantewu"}), given_name_title(["Nana", "Lind"], {"Roe"})
    (True, False)
    """
    return len(name) == 2 and name[0].lower() in lexicon.pairs("text/honorifics.tsv") \
        and name[0] in lexicon.words("text/first_names.txt") and POSSESSIVE.sub("", name[1]).rstrip(".") in known


@lru_cache(maxsize=8192)
def _title_end(words: tuple[str, ...]) -> int:
    """Where :func:`split_title` cuts ``words`` (the same capitalised runs recur in every
    article, so the cut is worked out once for each).  A cut that would leave only a trade word
    (data/extract/sector_words.txt) is no cut: "Orland Home Products" is a company, not the title
    "Orland Home" (as in "Home Secretary") and "Products"; "Former Brightwater Logistics" keeps its cut."""
    cut = _title_cut(words)
    sectors = lexicon.lower_words("extract/sector_words.txt")
    return 0 if 0 < cut < len(words) and all(w.lower() in sectors for w in words[cut:]) else cut


def _title_cut(words: tuple[str, ...]) -> int:
    """:func:`_title_end` before its trade-word check."""
    titles, honorifics = lexicon.lower_words("text/titles.txt"), lexicon.pairs("text/honorifics.tsv")
    people = _title_nouns()
    last = -1
    for i, w in enumerate(words):
        low = w.lower()
        if low in titles or low in honorifics or low.rstrip(".") in titles \
                or "-" in low[1:-1] and all(part in titles for part in low.split("-")) \
                or i < len(words) - 1 and len(low) > 2 and low + "." in titles \
                or (i == last + 1 and low in people) \
                or (low in people and w.isupper() and len(w) > 1):
            # "Secretary-Treasurer Gary Casteel": two titles joined;
            # "Engineer Saoirse Donnelly" (not "Network Rail"); a headline's abbreviation without
            # its period before a name ("GOP Rep Varley"); an office in capitals ends the
            # title after any party or place before it: "Greens MP", "Fianna Fáil TD"
            last = i
    firsts = lexicon.words("text/first_names.txt")
    if last >= 0 and words[last] in firsts and last + 2 < len(words) and is_particle(words[last + 1]):
        last -= 1                         # a given name before a surname with a particle: "Marine Le Pen"
    if last >= 0 and words[last] in firsts and last == len(words) - 2:
        last -= 1                         # a title that is a given name opens a name of two words ("Nana Lindqvist"),
        # not of three ("Nana Kwame Asantewu"; "Nana Asantewu" after him: :func:`given_name_title`)
    if last == len(words) - 1:
        # a name that ends in a title word is a name: "Charlie King", "John Bishop"
        k = next((i for i in range(len(words) - 2, -1, -1) if words[i] in firsts), None)
        while k and words[k - 1] in firsts and words[k - 1].lower() not in titles:
            k -= 1                        # a double given name: "Billie Jean King" (not "Jean King")
        if k is not None and all(w[:1].isupper() for w in words[k:]):
            return k
        return len(words)
    if last < 0 and _agent_role(words):
        last = 0                          # "Novelist Imran Qureshi": a job noun opens the run
    if 0 <= last < len(words) - 3 and words[last + 1] in ("of", "for"):
        last = _title_complement_end(words, last + 1)  # "Supervisor of Elections Susan Bucher", "Minister for Water Ann Roe"
    if not all(is_name_word(w) for w in words[last + 1:]) \
            or last + 1 < len(words) and words[last + 1].lower() in lexicon.lower_words("text/function_words.txt"):
        return _cut_before_of(words)      # "Board Of Election Finds": a headline's "Of" opens no name
    return last + 1


def _cut_before_of(words: tuple[str, ...]) -> int:
    """The title cut of the words before a lower-case "of" that follows a name ("Mr. Nevins of
    Showtime", "Sen. Ana Ruiz of Ohio": after "Mr.", "Sen."), when that cut leaves a name
    before the "of"; else 0 ("Supporters of Ana Ruiz", "Board Of Election Finds")."""
    of = words.index("of", 2) if "of" in words[2:] else 0
    cut = _title_cut(words[:of]) if of else 0
    return cut if 0 < cut < of else 0


def _agent_role(words: tuple[str, ...]) -> bool:
    """Is the first of three capitalised words or more a noun for someone who does a job, by
    its ending (data/text/word_classes.txt [agent_suffixes]: "Novelist", "Designer", "Conductor"), and
    no given name, function word, month or place ("Walker", "After", "October", "Manchester"),
    in a run with no organisation word ("Silver Lake Partners"), whose other words may stand in a
    name ("Conductor Pieter van den Berg"; not a particle right after it: "Pieter van der Hoek")?"""
    first = words[0]
    low = first.lower()
    return len(words) >= 3 and len(low) >= 6 and first[:1].isupper() and first[1:].islower() \
        and low.endswith(tuple(_words.agent_suffixes)) \
        and words[1][:1].isupper() and all(is_name_word(w) for w in words[2:]) and words[-1][:1].isupper() \
        and first not in lexicon.words("text/first_names.txt") \
        and low not in lexicon.lower_words("text/function_words.txt") \
        and low not in lexicon.lower_words("extract/calendar_words.txt") \
        and first not in lexicon.words("extract/places.txt") \
        and not any(w.lower() in lexicon.lower_words("extract/org_words.txt") for w in words)


@lru_cache(maxsize=1)
def person_title_nouns() -> frozenset[str]:
    """The words of titles and the nouns for people, lower-case (data/text/titles.txt,
    person_nouns.txt: "minister", "gov.", "pollster"): what may stand before a name
    as its title or role."""
    return lexicon.lower_words("text/titles.txt") | lexicon.lower_words("text/person_nouns.txt")


@lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """Person nouns that may open a name as its title ("Engineer Saoirse Donnelly"): not an
    organisation word ("Network Rail", "Club Med" are organisations' names)."""
    return lexicon.lower_words("text/person_nouns.txt") - lexicon.lower_words("extract/org_words.txt")


def _title_complement_end(words: tuple[str, ...], of: int) -> int:
    """The last word of an office's "of" or "for" complement that opens at ``of`` ("Clerk of Courts
    Maria Lenz" -> "Courts"): the word before a given name (data/text/first_names.txt) that
    opens a name of two words or more (else the last two words, when a word of the complement
    comes before them); ``of - 1`` when there is none."""
    firsts = lexicon.words("text/first_names.txt")
    k = next((i for i in range(of + 2, len(words) - 1) if words[i] in firsts), None)
    if k is None and len(words) - of >= 4:
        k = len(words) - 2                # a given name the list lacks: the name is the last two words
    if k is None or not all(w[:1].isupper() for w in words[of + 1:]):
        return of - 1
    return k - 1


def canonical_name(name: str, speaker_type: str = "person") -> str:
    """The name a speaker is filed under: no title before a person's name, no possessive,
    no leading article before an organisation, single spaces.

    >>> canonical_name("Defense Minister Benny Gantz")
    'Benny Gantz'
    >>> canonical_name("the  Pentagon", "organisation")
    'Pentagon'
    """
    words = SPACES.sub(" ", name).strip().split(" ")
    if words and words[-1]:
        words[-1] = POSSESSIVE.sub("", words[-1]) or words[-1]
    if speaker_type == "person" and len(words) > 1:
        _title, rest = split_title(words)
        if rest:
            words = rest
    out = " ".join(w for w in words if w)
    if speaker_type == "organisation":
        out = LEADING_ARTICLE.sub("", out) or out
    return out


def alias_key(name: str) -> str:
    """The lookup key of a name: case-folded, periods, commas and apostrophes dropped,
    single spaces.

    >>> alias_key("B.  Gantz") == alias_key("b gantz")
    True
    """
    return SPACES.sub(" ", KEY_DROP.sub("", name.casefold())).strip()


def surname_key(name: str) -> str | None:
    """The key of the last word of a name of two words or more; None for one word.

    >>> surname_key("Benny Gantz"), surname_key("Gantz")
    ('gantz', None)
    """
    words = alias_key(name).split(" ")
    return words[-1] if len(words) > 1 else None


def middle_initials(name: str) -> tuple[str, str]:
    """A person name's key without its middle initials, and the initials.

    >>> middle_initials("Donald J. Trump"), middle_initials("George H. W. Bush")
    (('donald trump', 'j'), ('george bush', 'hw'))
    """
    words = alias_key(name).split(" ")
    if len(words) < 3:
        return " ".join(words), ""
    middle = [w for w in words[1:-1] if INITIAL.match(w)]
    rest = [words[0]] + [w for w in words[1:-1] if not INITIAL.match(w)] + [words[-1]]
    return " ".join(rest), "".join(middle)


def same_person(a: str, b: str) -> bool:
    """Whether two full names differ only in a middle initial one of them leaves out.

    >>> same_person("Donald J. Trump", "Donald Trump"), same_person("George W. Bush", "George H.W. Bush")
    (True, False)
    """
    (plain_a, init_a), (plain_b, init_b) = middle_initials(a), middle_initials(b)
    return plain_a == plain_b and (not init_a or not init_b or init_a == init_b)


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
# A word of a speaker's name: "Gantz", "O’Rourke", "Ruiz-Tagle", "Sen."
_NAME_WORD = regex.compile(r"[\w’'\-]+\.?")


def name_words(name: str | None) -> list[str]:
    """A speaker name as keys, title and leading article dropped.

    >>> name_words("Defense Minister Benny Gantz"), name_words("MR. GANTZ"), name_words("the ministry")
    (['benny', 'gantz'], ['gantz'], ['ministry'])
    """
    return list(_name_words(name))


@lru_cache(maxsize=4096)
def _name_words(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    words = _NAME_WORD.findall(name)
    words = [w[:-2] if w.endswith(POSSESSIVE_S) else w for w in words]
    _title, rest = split_title(words)
    if rest:
        words = rest
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    keys = tuple(word_key(w.rstrip(".")) for w in words if w.rstrip("."))
    return () if len(keys) == 1 and keys[0] in _PRONOUNS else keys


def same_speaker(draft: str | None, source: str | None, source_title: str | None = None) -> bool | None:
    """Whether two speaker names are one person or body; None when either is unknown.

    >>> same_speaker("Gantz", "Benny Gantz"), same_speaker("Mark Esper", "Benny Gantz")
    (True, False)
    >>> same_speaker("Department of Defense", "US Department of Defense"), same_speaker("he", "Gantz")
    (True, None)
    """
    a, b = name_words(draft), name_words(source)
    if not a or not b:
        return None
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if short[-1] == long[-1] and all(w in long for w in short):
        return True
    if source_title and a == [word_key(w) for w in source_title.split()]:
        return True
    return False


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``; any
    answer above ``limit`` is returned as ``limit + 1``.

    >>> edit_distance("Gantz", "Gants"), edit_distance("Esper", "Espre"), edit_distance("Esper", "Gantz")
    (1, 1, 3)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return min(prev[-1], limit + 1)


SLIP_LENGTH = 6                           # the shortest word read as a slip of a longer name's spelling


@lru_cache(maxsize=8192)
def slips(word: str) -> frozenset[str]:
    """The spellings one slip of the pen away from ``word`` inside it (never its first or last
    letter, never a letter swapped for another): a letter dropped or two neighbours swapped.
    A word spelt with one letter too many or two letters swapped ("Sharption", "Keidis") is one
    of these away from the name meant ("Sharpton", "Kiedis"); a name is one of them away from a
    word spelt with a letter missing ("Sweeny" of "Sweeney").  Words shorter than SLIP_LENGTH
    letters have none: "Rubin" is not a slip of "Rubio".

    >>> sorted(slips("Kiedis"))[:3], "Sharpton" in slips("Sharption"), slips("Obama")
    (['Kedis', 'Keidis', 'Kideis'], True, frozenset())
    """
    if len(word) < SLIP_LENGTH or not word.isalpha():
        return frozenset()
    dropped = {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 2)}
    return frozenset((dropped | swapped) - {word})


def plain_name(name: object) -> str:
    """A resolved name as compared in evaluation: single spaces, lower case, no leading "the".

    >>> plain_name("The  Pentagon"), plain_name(None)
    ('pentagon', '')
    """
    text = " ".join(str(name or "").split()).lower()
    return text[4:] if text.startswith("the ") else text
