"""Source mentions: the noun phrase that names who is speaking.

There is no tagger: a mention is found by walking over tokens next to a cue,
using closed word lists (determiners, function words, pronouns) and the shape of
the words (capitalised names, lower-case nouns).  Each function takes a token
list and token indices and returns a half-open token range, or None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import APOSTROPHES
from ..text.names import PARTICLE_JOINED, is_particle
from .fronted import past_clauses
from .kinds import party_tag
from .segment import Token

_words = lexicon.WordClasses("text/word_classes.txt")   # _words.name_joiners, ... (data/text/word_classes.txt)

MAX_MENTION_TOKENS = 10
_PUNCT_INSIDE = frozenset({"&", "-"})
# A plural possessive mark stands inside a mention: "the players’ union", "The Coastal Nurses’ Alliance".
_POSSESSIVE_MARKS = frozenset(APOSTROPHES)
# A clock time: "14.32", "9:15", "2pm", "10.05am" (a live blog's entry stamp before a name).
_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}(?:am|pm|h|hrs)?|\d{1,2}(?:am|pm)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _sets() -> tuple[frozenset[str], ...]:
    return (
        lexicon.lower_words("text/function_words.txt"),
        lexicon.lower_words("extract/determiners.txt"),
        lexicon.lower_words("extract/np_prepositions.txt"),
        lexicon.lower_words("extract/cue_modifiers.txt"),
        lexicon.lower_words("extract/calendar_words.txt"),
        lexicon.lower_words("text/person_nouns.txt"),
    )


@lru_cache(maxsize=1)
def _ordinals() -> frozenset[str]:
    return frozenset(lexicon.pairs("text/ordinals.tsv"))


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return lexicon.lower_words("text/titles.txt")


@lru_cache(maxsize=1)
def _someone_words() -> frozenset[str]:
    return frozenset().union(*(lexicon.lower_words(name) for name in (
        "text/person_nouns.txt", "text/titles.txt", "extract/org_words.txt", "extract/quantity_words.txt")),
        lexicon.pairs("extract/pronouns.tsv"))


def someone_word(low: str) -> bool:
    """Can a lower-cased word head or count a mention of a speaker: a person noun, a title word
    or an organisation word ("minister", "officials", "union"), a pronoun, a quantity ("most",
    "two", "47%")?  The one test of it, for :func:`names_someone` and for the thing subjects of
    :mod:`.attribute.things`."""
    return low[:1].isdigit() or low in _someone_words()


def is_title_word(tok: str) -> bool:
    """A lower-case job word that can stand before a name: "manager", "spokesman", "striker"."""
    return tok.islower() and (tok in _title_words() or tok in _sets()[5])


def is_word(tok: str) -> bool:
    return tok[:1].isalnum()


def is_capitalised(tok: str) -> bool:
    return tok[:1].isupper()


def is_adverb(tok: str) -> bool:
    """Is a token a lower-case -ly adverb ("quickly", "also" aside): not a noun such as "rally",
    "family" or "ally" (data/extract/ly_nouns.txt)?"""
    return tok.islower() and tok.endswith("ly") and tok not in lexicon.lower_words("extract/ly_nouns.txt")


def _is_verb_shaped(low: str) -> bool:
    """A lower-case word that is most likely a verb or adverb form (walked, saying, quickly)."""
    nouns = _sets()[5]
    if low in nouns:
        return False
    return is_adverb(low) or (len(low) > 4 and (low.endswith("ed") or low.endswith("ing")))


@lru_cache(maxsize=8192)
def _can_be_in_mention(tok: str, head: bool = True) -> bool:
    """May this token stand inside a source noun phrase?  A modifier (``head=False``) may look
    like a verb or a cue word ("hacking specialists", "protest leaders", "a report published
    Wednesday"); the head may not.  (Cached: a word's answer never changes, and the walks
    over the tokens before and after each cue ask it again and again.)"""
    function, determiners, preps, _, _, _ = _sets()
    if not is_word(tok):
        return tok in _PUNCT_INSIDE or tok in _POSSESSIVE_MARKS
    low = tok.lower()
    if low in determiners or low in preps or low == "and" or low in _words.quantifier_heads:
        return True
    if len(tok) > 1 and tok.isupper():
        return True                       # "US", "UN", "ACLU"
    if low in function and (head or low not in _ordinals()):
        return False                      # "a third source", "the second official" keep the ordinal
    entry = lexicon.cues().get(low)
    if entry is not None and not is_capitalised(tok) and (head or (low != entry.lemma and not low.endswith("s"))):
        return False                      # "protest leaders" may stand; "senator said Republicans" not
    if head and not is_capitalised(tok) and _is_verb_shaped(low):
        return False
    return True


def _modifies_role(tokens: list[Token], j: int, k: int) -> bool:
    """Is token ``j`` an -ing form that modifies the singular role noun after it inside the mention
    that ends at ``k`` ("planning consultant Harvey Mostyn", "reporting officer Ana Roe"), not a
    verb ("… warning officials")?"""
    tok = tokens[j].text
    if j + 2 >= k or not tok.islower() or not tok.endswith("ing"):
        return False
    role = tokens[j + 1].text
    return not role.endswith("s") and role in _sets()[5]


def _authored_by(tokens: list[Token], j: int, k: int, lo: int) -> bool:
    """Is token ``j`` a "by" that names the author of the document or the publishing participle
    before it, inside the mention ("A study by Corvane University", "a survey conducted by the
    Harlow Institute"; data/extract/document_nouns.txt, publishing_participles.txt)?"""
    if not (lo < j < k - 1 and tokens[j].text == "by"):
        return False
    low = tokens[j - 1].text.lower()
    return low in _authoring_words() or low.endswith("s") and low[:-1] in _authoring_words()


def _joins_names(tokens: list[Token], j: int, k: int, lo: int) -> bool:
    """Is token ``j`` a "/" that joins the two capitalised names it touches into one ("a
    KVBT/Orlan poll", "the Velmara Today/Vote for Change Poll")?"""
    return lo < j < k - 1 and tokens[j].text == "/" and tokens[j - 1].end == tokens[j].start \
        and tokens[j].end == tokens[j + 1].start and is_capitalised(tokens[j - 1].text) \
        and is_capitalised(tokens[j + 1].text)


@lru_cache(maxsize=1)
def _authoring_words() -> frozenset[str]:
    return lexicon.lower_words("extract/document_nouns.txt") | lexicon.lower_words("extract/publishing_participles.txt")


def _after_determiner(tokens: list[Token], j: int, k: int, lo: int) -> bool:
    """Is token ``j`` a function word that modifies the noun after it, a determiner before it
    ("an earlier report", "the same poll", "the only candidate"; [determiner_modifiers])?"""
    return lo < j < k - 1 and tokens[j].text.lower() in _words.determiner_modifiers \
        and tokens[j - 1].text.lower() in _sets()[1]


def clock_time(tokens: list[Token], i: int) -> bool:
    """Is token ``i`` a clock time or its last piece ("14.32"; "10:45" and "2pm", split in tokens:
    the minutes, "pm" or "am", or the hour before them; a half-day mark or a time zone after
    one: "a.m." in "9:55 a.m.", "GMT" in "09:55 GMT"; data/text/word_classes.txt [clock_suffixes])?"""
    tok = tokens[i].text
    if _CLOCK.fullmatch(tok) or i > 0 and tok.lower() in _words.clock_suffixes and clock_time(tokens, i - 1):
        return True                       # (a half-day mark or time zone after one: "9:55 a.m.", "09:55 GMT")
    glued = i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].text.isdigit()
    if tok.lower() in ("am", "pm") and glued or tok.isdigit() and i + 1 < len(tokens) \
            and tokens[i + 1].start == tokens[i].end and tokens[i + 1].text.lower() in ("am", "pm"):
        return True
    return i > 1 and tok.isdigit() and len(tok) == 2 and tokens[i - 1].text == ":" \
        and tokens[i - 2].text.isdigit() and tokens[i - 2].end == tokens[i - 1].start == tokens[i].start - 1


def _trim(tokens: list[Token], i: int, k: int) -> tuple[int, int] | None:
    """Drop prepositions, conjunctions and hyphens from both ends, and a clock time before a
    capitalised word ("14.32 Minister for Housing Ciarán Dunphy": a live blog's entry stamp);
    None if no head is left."""
    _, determiners, preps, _, calendar, _ = _sets()
    while i < k and (tokens[i].text.lower() in preps or tokens[i].text.lower() == "and"
                     or not is_word(tokens[i].text)
                     or i + 1 < k and clock_time(tokens, i)
                     and (is_capitalised(tokens[i + 1].text) or clock_time(tokens, i + 1))):
        i += 1
    if k - i == 1 and tokens[i].text.lower() in _words.quantifier_heads:
        return i, k                       # "Some say …", "Another said …" (also a determiner)
    while k > i and (tokens[k - 1].text.lower() in preps or tokens[k - 1].text.lower() in ("and",)
                     or tokens[k - 1].text.lower() in determiners or not is_word(tokens[k - 1].text)):
        k -= 1
    if i >= k:
        return None
    if all(t.text.lower() in calendar or t.text.lower() in determiners or t.text[:1].isdigit()
           for t in tokens[i:k]):
        return None
    return i, k


def skip_modifiers_back(tokens: list[Token], k: int, lo: int = 0) -> int:
    """Index just after the source when the cue at ``k`` follows words like "also", "has", "later"."""
    modifiers = _sets()[3]
    j = k
    while j - 1 >= lo and (tokens[j - 1].text.lower() in modifiers
                           or is_adverb(tokens[j - 1].text)):
        j -= 1
    return j


def before(tokens: list[Token], k: int, lo: int = 0) -> tuple[int, int] | None:
    """The mention that ends just before token ``k`` (not reaching before ``lo``).

    "…, the US Department of Defense said" -> "the US Department of Defense";
    "…, he added" -> "he".
    """
    if k - 1 < lo:
        return None
    if tokens[k - 1].text == ")":
        # "Rep. Hank Johnson (D-Ga.) said": the mention ends before the parenthesis
        for p in range(k - 2, max(lo, k - 10) - 1, -1):
            if tokens[p].text == "(":
                k = p
                break
        else:
            return None
        if k - 1 < lo:
            return None
    last = tokens[k - 1].text
    if last.lower() in _words.subject_pronouns:
        return k - 1, k
    i = k
    j = k - 1
    while j >= lo and k - j <= MAX_MENTION_TOKENS:
        tok = tokens[j].text
        if tok.lower() in _words.subject_pronouns and j < k - 1:
            break
        if tok == ")" and j < k - 1 and _acronym_in_name(tokens, j, lo):
            i, j = j - 2, j - 3           # "State Emergency Service (SES) chief officer Belinda Marchant"
            continue
        if not _can_be_in_mention(tok, j == k - 1) and not _modifies_role(tokens, j, k) \
                and not _after_determiner(tokens, j, k, lo) and not _authored_by(tokens, j, k, lo) \
                and not _joins_names(tokens, j, k, lo):
            break                         # (the flag passed by position: a cheaper cache key)
        if tok in _POSSESSIVE_MARKS and not (j > lo and tokens[j - 1].end == tokens[j].start
                                             and tokens[j - 1].text[-1:] in "sS" and j < k - 1):
            break
        i = j
        j -= 1
    while i < k - 1 and tokens[i].text.islower() and tokens[i].text.endswith("ed") and len(tokens[i].text) > 4 \
            and tokens[i].text not in _words.name_modifiers:
        i += 1                            # "… but wanted firm guarantees": a verb opens no mention
                                          # (not "retired surgeon Ivo Brand": a modifier of the title)
    i = _after_clause_and(tokens, i, k)
    found = _trim(tokens, i, k)
    if found is not None and not _can_be_in_mention(tokens[found[1] - 1].text):
        found = _trim(tokens, found[0], found[1] - 1)     # "Bush laughed and described": "Bush"
    return _without_ordinal(tokens, found)


def _acronym_in_name(tokens: list[Token], j: int, lo: int) -> bool:
    """Does the ")" at token ``j`` close an acronym in parentheses after a capitalised name
    ("Service (SES)", "Agency (FEMA)"), inside a longer mention read back to it?"""
    return j - 3 >= lo and tokens[j - 2].text == "(" and tokens[j - 1].text.isupper() \
        and tokens[j - 1].text.isalpha() and is_capitalised(tokens[j - 3].text)


def _after_clause_and(tokens: list[Token], i: int, k: int) -> int:
    """Where a mention read back from ``k`` starts when an "and" in it joins two clauses, not two
    names: the part before it holds a determiner after a word that is neither a preposition
    nor a determiner, so a verb stands there ("The maker raised its forecast and its chief
    executive said": "its chief executive"; not "the company and its chief executive")."""
    _, determiners, preps, _, _, _ = _sets()
    for a in range(k - 2, i, -1):
        if tokens[a].text.lower() not in ("and", "but"):
            continue
        for m in range(i + 1, a):
            prev = tokens[m - 1].text.lower()
            if tokens[m].text.lower() in determiners and prev.isalpha() and prev not in preps \
                    and prev not in determiners:
                return a + 1
        break
    return i


def _without_ordinal(tokens: list[Token], found: tuple[int, int] | None) -> tuple[int, int] | None:
    """An ordinal stays inside a mention that names someone ("a third source"); elsewhere
    the mention starts after it, as before ("after the first day" -> "day")."""
    if found is None or names_someone(tokens, *found):
        return found
    for o in range(found[1] - 1, found[0] - 1, -1):
        if tokens[o].text.lower() in _ordinals() and tokens[o].text.lower() in _sets()[0]:
            return _trim(tokens, o + 1, found[1])
    return found


def after(tokens: list[Token], i: int, hi: int | None = None) -> tuple[int, int] | None:
    """The mention that starts at token ``i`` (inverted cues: "said the minister", "said Gantz")."""
    hi = len(tokens) if hi is None else hi
    if i >= hi:
        return None
    first = tokens[i].text
    if first.lower() in _words.subject_pronouns:
        return i, i + 1
    _, determiners, preps, _, _, _ = _sets()
    k = i
    has_name = False
    while k < hi and k - i < MAX_MENTION_TOKENS:
        tok = tokens[k].text
        low = tok.lower()
        if low in preps:
            nxt = tokens[k + 1].text if k + 1 < hi else ""
            after_nxt = tokens[k + 2].text if k + 2 < hi else ""
            if not (is_capitalised(nxt) or (nxt.lower() == "the" and is_capitalised(after_nxt))
                    or (not has_name and nxt.lower() in determiners) or _office_complement(tokens, k, hi, has_name)):
                break
        elif tok.islower() and low in _title_words() and k > i and is_capitalised(tokens[k - 1].text) \
                and _title_before_name(tokens, k + 1, hi):
            pass                          # "said Oversight ranking Democrat Ann Roe": a title word before a name
        elif not _can_be_in_mention(tok, not ((k > i and tokens[k - 1].text.lower() in determiners
                                               or low in _words.name_modifiers)   # "said retired surgeon Ivo Brand"
                                              and _modifies_next(tokens, k, hi))):
            if not (k > i and low in _ordinals() and tokens[k - 1].text.lower() in determiners):
                break                     # "said the second official": an ordinal after a determiner
        elif has_name and is_word(tok) and not is_capitalised(tok) and low not in determiners \
                and low not in _title_words() and low not in _sets()[5] \
                and not _name_particle(tokens, k, hi):
            # ("Protest organizers", "Trump aides"; not "said Karim al Nouri", "said Nasir ul-Haq")
            break                         # "said Pentagon spokesman Navy Capt. Jeff Davis" goes on
        joined = hyphen_modifier(tokens, k, hi)
        if joined:                        # "said one London-based gas trader", "said U.S.-based analyst
            k += joined                   # Mira Tal": a place modifies the noun after it, no name
            continue
        if is_capitalised(tok) and low not in determiners:
            has_name = True
        k += 1
    return _without_ordinal(tokens, _trim(tokens, i, k))


# A word joined by a hyphen to a lower-case part: a modifier, never a name ("London-based",
# "Oscar-winning", "Harvard-educated"; "U.S." and "-based" are three tokens written together).
HYPHEN_MODIFIER = re.compile(r"[\w.’']+-[a-z][\w\-]*")


def hyphen_modifier(tokens: list[Token], k: int, hi: int) -> int:
    """How many tokens from ``k`` make one capitalised modifier joined by a hyphen to a
    lower-case word, when a word follows it ("London-based" in "London-based gas trader";
    "U.S.", "-", "based" in "U.S.-based analyst"), else 0."""
    tok = tokens[k].text
    if not is_capitalised(tok):
        return 0
    if HYPHEN_MODIFIER.fullmatch(tok):
        n = 1
    elif k + 2 < hi and tokens[k + 1].text == "-" and tokens[k + 2].text.islower() \
            and tokens[k].end == tokens[k + 1].start and tokens[k + 1].end == tokens[k + 2].start:
        n = 3
    else:
        return 0
    return n if k + n < hi and is_word(tokens[k + n].text) else 0




def _title_before_name(tokens: list[Token], k: int, hi: int) -> bool:
    """Does a capitalised word come at token ``k``, or after one more lower-case title word
    ("member Ann Roe" in "said House ranking member Ann Roe")?"""
    return k < hi and (is_capitalised(tokens[k].text)
                       or k + 1 < hi and tokens[k].text in _title_words() and is_capitalised(tokens[k + 1].text))


def _office_complement(tokens: list[Token], k: int, hi: int, has_name: bool) -> bool:
    """Is the "of" or "for" at token ``k`` the complement of a lower-case office before a name:
    "said master of ceremonies Ann Roe", "said secretary of state Jon Kerr" (one lower-case word,
    then a capitalised one)?"""
    return not has_name and k > 0 and tokens[k].text in ("of", "for") and tokens[k - 1].text.islower() \
        and k + 2 < hi and tokens[k + 1].text.isalpha() and tokens[k + 1].text.islower() \
        and tokens[k + 1].text not in _sets()[1] and is_capitalised(tokens[k + 2].text)


def _name_particle(tokens: list[Token], k: int, hi: int) -> bool:
    """Is token ``k`` a surname particle inside a name: "al" before "Nouri", or "ul-Haq"?"""
    tok = tokens[k].text
    return PARTICLE_JOINED.match(tok) is not None \
        or (is_particle(tok) and k + 1 < hi and is_capitalised(tokens[k + 1].text))


def _modifies_next(tokens: list[Token], k: int, hi: int) -> bool:
    """May token ``k``, after a determiner, modify a noun after it ("another leading Supreme
    Court advocate", "the ruling party"): the next token is a word that may head a mention?"""
    return k + 1 < hi and is_word(tokens[k + 1].text) and _can_be_in_mention(tokens[k + 1].text) \
        and tokens[k + 1].text.lower() not in _sets()[2] and tokens[k + 1].text.lower() != "and"


def _after_dateline(tokens: list[Token], lo: int, hi: int) -> int:
    """Skip a dateline: "WASHINGTON (AP) —", "WASHINGTON, Dec. 8 (UPI) —", "Washington (AFP) –"."""
    if lo + 1 < hi and is_capitalised(tokens[lo].text) and tokens[lo + 1].text == "(":
        for k in range(lo + 2, min(hi, lo + 6)):
            if tokens[k].text == ")":
                if k + 1 < hi and tokens[k + 1].text in ("—", "–", "--", "-"):
                    return k + 2
                break
    if lo < hi and tokens[lo].text.isupper() and len(tokens[lo].text) > 1:
        for k in range(lo + 1, min(hi, lo + 12)):
            if tokens[k].text in ("—", "–", "--", "-"):
                return k + 1
    return lo


def names_someone(tokens: list[Token], i: int, k: int) -> bool:
    """Does tokens[i:k] name a possible speaker: a capitalised name, a pronoun, or a person or
    organisation noun ("the minister", "a spokeswoman", "officials")?  Not "the days"."""
    last = tokens[k - 1].text
    return is_capitalised(last) or someone_word(last.lower())


def has_name(tokens: list[Token], i: int, k: int) -> bool:
    """Does tokens[i:k] end in a personal or organisation name: a capitalised word that is no
    title and no function word ("pollster Daron Shaw", not "the Senator" or "This")?"""
    last = tokens[k - 1].text
    return is_capitalised(last) and not only_titles([last]) and last.lower() not in _sets()[0] \
        and last.lower() not in _sets()[1] and last.lower() not in _words.subject_pronouns


def only_titles(words: list[str]) -> bool:
    """Is a mention nothing but title words ("Governor", "The Senator"), with no name for them
    to stand before?  In a title-case headline such a word cannot be told from the head of a
    capitalised run ("Governor Calls Senator Wilson Reckless"): it names nobody.

    >>> only_titles(["Governor"]), only_titles(["Senator", "Wilson"]), only_titles(["Woman"]), only_titles(["He"])
    (True, False, False, False)
    """
    determiners = _sets()[1]
    words = [w.lower() for w in words if is_word(w)]
    return bool(words) and any(w in _title_words() for w in words) \
        and all(w in _title_words() or w in determiners for w in words)


def forward_subject(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The subject at the start of a clause: the first mention from ``lo``, after an opening
    adverbial ("On Monday, Gantz …" -> "Gantz")."""
    lo = past_clauses(tokens, _after_dateline(tokens, lo, hi), hi)   # "On Tuesday, even as …, X"
    while lo < hi and tokens[lo].text.lower() in _words.mention_openers:
        lo += 1                           # "But the court overruled and said …"
    if lo < hi and tokens[lo].text.lower() in lexicon.lower_words("extract/adjunct_words.txt"):
        # "In a statement released Thursday, Rep. Jeffries …": skip the opening adverbial
        again = _after_opening_comma(tokens, lo, hi, _ADVERBIAL_TOKENS)
        if again is not None:
            return again
    found = after(tokens, lo, hi)
    if found is None or _is_time_adverbial(tokens, *found, hi):
        return _after_opening_comma(tokens, lo, hi)   # "Here in Columbia, Sanders …"
    if _opens_participle(tokens, lo, hi):             # "Speaking at a town hall in Salem, X, Y …"
        return _after_opening_comma(tokens, lo, hi, _ADVERBIAL_TOKENS, places_too=True)
    i, k = found
    if k < hi and tokens[k].text == "," and k - lo <= 4 and not (
            k + 1 < hi and (tokens[k + 1].text in lexicon.lower_words("extract/adjunct_words.txt")
                            or party_tag(tokens[k + 1].text))):
        again = after(tokens, k + 1, hi)  # (not "Kerr, in an interview on Friday, …": a parenthetical;
        # not "Sen. Ann Roe, R-Ore., said … and urged …": the tag after her name)
        if again is not None:
            return again
    return found


def _opens_participle(tokens: list[Token], lo: int, hi: int) -> bool:
    """Does a participle clause open the sentence ("Speaking to reporters, …", "Facing a
    barrage of criticism, …", "Asked whether …")?  A capitalised -ing or -ed word before a
    preposition or a determiner (an -ed word also before "whether", "how", …); "Manning said"
    is a name."""
    if lo + 1 >= hi or not is_capitalised(tokens[lo].text):
        return False
    low, nxt = tokens[lo].text.lower(), tokens[lo + 1].text.lower()
    _, determiners, preps, _, _, _ = _sets()
    return low.endswith(("ing", "ed")) and _is_verb_shaped(low) \
        and (nxt in determiners or nxt in preps or nxt in _words.opening_prepositions
             or low.endswith("ed") and nxt in _words.question_openers and nxt != "to")  # "Asked whether …, X said"


def _after_opening_comma(tokens: list[Token], lo: int, hi: int, reach: int = 0,
                         places_too: bool = False) -> tuple[int, int] | None:
    """The mention after an opening adverbial that holds no mention of its own ("Here in
    Columbia, Sanders …", "Back home, the mayor …"), within a few tokens: past a place and
    the adverbials its commas set off ("At an event in Ames, Iowa, on Sunday, Mrs. Clinton …");
    with ``places_too``, past any mention a comma closes when another mention follows it."""
    adjuncts = lexicon.lower_words("extract/adjunct_words.txt")
    places = lexicon.words("extract/places.txt")
    for k in range(lo + 1, min(hi, lo + (reach or _OPENING_TOKENS))):
        if tokens[k].text != ",":
            continue
        again = after(tokens, k + 1, hi)
        if again is not None and places_too and again[1] + 1 < hi and tokens[again[1]].text == "," \
                and after(tokens, again[1] + 1, hi) is not None:
            continue                      # (with ``places_too``) "…, Harbour County, Ortiz": a place
        if again is not None and " ".join(t.text for t in tokens[again[0]:again[1]]) not in places:
            return again
        if again is None and (k + 1 >= hi or tokens[k + 1].text.lower() not in adjuncts):
            return None
    return None


def _is_time_adverbial(tokens: list[Token], i: int, k: int, hi: int) -> bool:
    """Is a mention a stretch of time that opens the sentence ("A few days later, Trump …",
    "Two weeks ago, …")?  It is followed by "later", "earlier" or "ago" and a comma."""
    return k + 1 < hi and tokens[k].text.lower() in ("later", "earlier", "ago") and tokens[k + 1].text == ","


_OPENING_TOKENS = 8      # tokens an opening adverbial with no mention may run to before its comma
_ADVERBIAL_TOKENS = 20   # tokens an adverbial that opens with a preposition may run to


@lru_cache(maxsize=1)
def _quantity_sets() -> tuple[frozenset[str], frozenset[str]]:
    return lexicon.lower_words("extract/quantity_words.txt"), lexicon.lower_words("extract/approximators.txt")


def is_quantity(tok: str) -> bool:
    """"10", "47%", "six", "Seventy-four", "two-thirds", "half", "percent"."""
    if tok[:1].isdigit():
        return True
    quantities = _quantity_sets()[0]
    return all(part in quantities for part in tok.lower().split("-"))


def quantity_before(tokens: list[Token], k: int, lo: int = 0) -> tuple[int, int] | None:
    """A poll-style subject that ends just before token ``k``: approximators, a quantity
    ("six in 10", "56 percent", "half") and maybe "of" a group ("More than six in 10",
    "Some 56 percent of Cuban-Americans polled", "nearly half of Democratic primary voters").

    >>> from quotetrack.extract.segment import tokens
    >>> toks = tokens("Some 56 percent of voters polled said", 0, 37)
    >>> quantity_before(toks, 6)
    (0, 6)
    """
    approximators = _quantity_sets()[1]
    lo = max(lo, k - MAX_MENTION_TOKENS - 2)
    end = k                               # end of the quantity itself, before "of" a group
    for o in range(k - 2, lo - 1, -1):
        if tokens[o].text.lower() == "of" and o > lo and is_quantity(tokens[o - 1].text):
            if all(_can_be_in_mention(t.text, False) or t.text.lower() in ("them", "us", "those")
                   for t in tokens[o + 1:k]):       # "most of them", "half of those polled"
                end = o
            break
    i = end
    while i - 1 >= lo and (is_quantity(tokens[i - 1].text)
                           or (tokens[i - 1].text.lower() in ("in", "out", "of") and i < end)):
        i -= 1
    if i == end or not is_quantity(tokens[i].text):
        return None
    while i - 1 >= lo and tokens[i - 1].text.lower() in approximators:
        i -= 1
    return i, k


def time_that(toks: list, j: int) -> bool:
    """Is toks[j] the "that" of a time phrase a complementiser or comma follows ("said in the
    house later [that] evening that …"), not the "that" that opens content?  (word class
    demonstrative_times)"""
    return toks[j].text.lower() == "that" and j + 2 < len(toks) and toks[j + 1].text in _words.demonstrative_times \
        and toks[j + 2].text in ("that", ",")
