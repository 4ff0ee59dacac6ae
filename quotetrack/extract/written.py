"""How a source mention is written: what resolution reads off its words alone, before the
document's model is asked who it is (:mod:`.resolve`).

* "both", "Both men": a reference to a pair;
* a plural person noun with a name after a preposition ("Aides to Councillor Teller"): the
  people, not the name;
* the person a longer mention names ("Senator Marco Rubio of Florida", not "Sanders
  supporters");
* the name in a mention that ends with a document or a time ("Quinnipiac University poll
  this month"; a document with its author inside, "a statement from the Harbour Trust", is
  :func:`.documents.document_author`'s);
* the head noun of a description ("spokeswoman" in "a spokeswoman for the airport"), the
  person an apposition right after it names ("said the union’s leader, Moira Kent.") and the
  person a surname in capitals stands for (a transcript label: "VOLE:").
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice

from ..text import lexicon
from ..text.marks import POSSESSIVE_S, POSSESSIVES
from . import entities as em
from . import kinds
from .businesses import introduces
from . import speakers as names
from .mentions import is_quantity
from .nations import nationality

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

# "both" alone or before a plural noun: "Both men", "both candidates", "Both Cuban-Americans".
BOTH = re.compile(r"[Bb]oth(?:[ \t]+[\w\-]+s)?")
# "the two" alone or before a plural person noun: "The two", "the two candidates" (not "the two camps");
# "the" right before a plural person noun: "The candidates".
_THE_TWO = re.compile(r"[Tt]he(?:[ \t]+two(?:[ \t]+([\w\-]+s))?|[ \t]+([\w\-]+s))")


def names_pair(written: str) -> bool:
    """Whether a mention stands for a pair named before: "both", "Both men", "The two",
    "the two voters", "The candidates" (when a pair was named together)."""
    two = _THE_TWO.fullmatch(written)
    noun = two and (two.group(1) or two.group(2))
    return BOTH.fullmatch(written) is not None or two is not None and (noun is None or kinds.person_head(
        noun.lower()) and not (two.group(2) and noun.lower()[:-1] in kinds.org_nouns()))   # not "the campaigns"


def plural_the(written: str) -> bool:
    """Whether a pair mention is "the" and a plural person noun ("The candidates"): it stands
    only for a pair named together, never two people who spoke in turn."""
    two = _THE_TWO.fullmatch(written)
    return two is not None and two.group(2) is not None


# Pronouns joined by "or" or a slash for anyone at all: "he or she", "He/she", "she or he".
_EITHER = re.compile(r"(?:he|she|they)(?:\s+or\s+|\s*/\s*)(?:he|she|him|her)", re.IGNORECASE)
# A name coordinated with others it leaves unnamed: "Ames and other aides", "Ruiz or others".
_AND_OTHERS = re.compile(r"\b(?:and|or)\s+(?:many\s+|several\s+|some\s+)?others?\b")


def names_nobody(written: str) -> bool:
    """Whether a source mention names nobody the article could resolve it to: a share of
    poll respondents ("42%", "Two-thirds", "Nine in 10"), a cohort noun alone ("Millennials",
    "Americans") or a plural kind of organisation alone ("Police" opening a sentence; not
    "Congress"), a hypothetical person ("He or she needs …") or a name with unnamed others
    ("Ames and other aides")."""
    words = written.split()
    if not words:
        return False
    first = words[0].strip(",").lower()
    share = is_quantity(first) and first not in _determiners() and first not in _SOME and (
        _FIGURE.fullmatch(first) is not None if first[:1].isdigit()
        else len(words) == 1 or words[1].lower() in _SHARE_NEXT)
    return share or (len(words) == 1 and (first in _cohorts() or first in kinds.org_nouns() and names.is_plural(first)
                                          or people_plural(words[0]))) \
        or _EITHER.fullmatch(written) is not None or _AND_OTHERS.search(written) is not None


def people_plural(word: str) -> bool:
    """Whether a capitalised word is the plural of a people, maybe a hyphenated compound judged
    by its last part: "Palestinians", "Japanese" (a people noun that ends in "-ese" is its own
    plural), "African-Americans" (a cohort's last part); a description of a group, no name."""
    last = word.split("-")[-1]
    low = last.lower()
    return word[:1].isupper() and (low in _cohorts() and "-" in word
                                   or low.endswith("s") and nationality([last[:-1]]) is not None
                                   or low.endswith("ese") and nationality([last]) is not None)


# Quantity words that open a mention of people the article may go on to name: "Both Ames and Ruiz".
_SOME = frozenset({"both", "all", "some", "most", "many", "few", "several", "none"})
_FIGURE = re.compile(r"\d[\d.,]*%?")                         # "42%", "1,200" (not "3M")
_SHARE_NEXT = frozenset({"in", "of", "percent", "per"})     # "Nine in 10", "Half of them", "Forty percent"


@lru_cache(maxsize=1)
def _cohorts() -> frozenset[str]:
    return lexicon.lower_words("extract/cohort_nouns.txt")


def _determiners() -> frozenset[str]:
    return lexicon.lower_words("extract/determiners.txt")


# A name of capitalised words and a comma right before an apposition: "Ada Ruiz, " before
# "acting director of the Harbour Trust,".
_NAME_COMMA_BEFORE = re.compile(r"(?<![\w’'])((?:[A-Z][\w.’'\-]*[ \t]+){0,3}[A-Z][\w.’'\-]*),[ \t]+$")


def apposed_name(text: str, model: em.Model, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name a source mention is an apposition to, when the mention is in lower
    case between commas ("Ada Ruiz, acting director of the Harbour Trust, said": Ada Ruiz, not
    the Trust; "a spokeswoman for Ruiz" after "Jo Lee, " is Jo Lee); not after a lower-case
    word ("In addition to Mr. Vale, two members of the council, …": no apposition)."""
    if not text.startswith(",", end) or not text[start:start + 1].islower():
        return None
    m = _NAME_COMMA_BEFORE.search(text, max(0, start - 60), start)
    if m is None or m.group(1).split()[0].lower() in _determiners() | _prepositions() \
            or person_in(text, model, start, end) is not None:
        return None                       # "In Rome, opposition lawmaker Ada Ruiz, who …": Ada Ruiz
    i = bisect.bisect_left(model.starts, m.start(1) - 40)
    named = next((o.start for o in islice(model.occurrences, i, i + 8) if o.end == m.end(1)), m.start(1))
    return None if _LOWER_WORD_BEFORE.search(text, max(0, named - 30), named) else (named, m.end(1))


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    return lexicon.lower_words("extract/np_prepositions.txt") | lexicon.lower_words("extract/place_prepositions.txt")


_LOWER_WORD_BEFORE = re.compile(r"(?<![\w’'])[a-z][\w’'\-]*[ \t]+$")      # "to Mr. Vale": the name is an object


# Prepositions after the plural head of a description: "Aides to …", "organizers in …".
_HEAD_PREPOSITIONS = frozenset({"to", "of", "in", "for", "from", "at", "with", "close"})


def plural_head_of(words: list[str]) -> bool:
    """Whether a mention is a plural person noun, or one person introduced with "a"/"an", with a
    name after a preposition ("Aides to Councillor Teller", "Protest organizers in Port Kellan",
    "the lawyers for Ana Ruiz", "A spokeswoman for Harlow Foods"): its head is the people, not
    the name (within its first three words)."""
    for k in range(1, min(len(words) - 1, 4)):
        if words[k] in _HEAD_PREPOSITIONS:
            head = words[k - 1].lower()
            return words[k + 1][:1].isupper() and kinds.person_head(head) and (
                names.is_plural(head) or words[0].lower() in ("a", "an"))
    return False


def head_word(mention: str) -> str:
    """The lower-case head noun of a description: its last word, or the word before a
    preposition that opens its post-modifier ("spokeswoman" in "A spokeswoman for the airport",
    "official" in "a senior official at the ministry")."""
    words = mention.split()
    for k in range(1, len(words) - 1):
        if words[k] in _HEAD_PREPOSITIONS:
            return words[k - 1].lower().strip(",")
    return words[-1].lower() if words else ""


# A person's affiliation after the name: "Jonah Goldberg of the …", "Ada Mills at the …".
_AFFILIATION = re.compile(r",?[ \t]+(?:of|at|from|with)[ \t]")


def affiliated_person(text: str, model: em.Model, start: int, org: em.Occurrence) -> em.Occurrence | None:
    """The person a mention names before the organisation ``org`` it ends with, joined to it by
    "of"/"at"/"from"/"with": "commentator Jonah Goldberg of the anti-tax Tribune" -> Goldberg."""
    inner = person_in(text, model, start, org.start)
    return inner if inner is not None and _AFFILIATION.match(text, inner.end) else None


def person_in(text: str, model: em.Model, start: int, end: int) -> em.Occurrence | None:
    """The person a longer mention names: "Senator Marco Rubio of Florida", "Mr. Rubio, a
    career politician", "Rubio’s deputy campaign manager, Rich Beeson" (not the possessor),
    "Clinton ally James Carville" (not the modifier)."""
    i = bisect.bisect_left(model.starts, start)
    found = []
    while i < len(model.occurrences) and model.occurrences[i].start < end:
        o = model.occurrences[i]
        if model.entities[o.entity].type == "person" and o.end <= end + 1:
            found.append(o)
        i += 1
    for n, o in enumerate(found):
        named = text[o.start:o.end]
        if named.endswith(POSSESSIVES) or text.startswith(POSSESSIVES, o.end):
            following = text[o.end:end].split()
            if following and following[-1].lower() in lexicon.lower_words("extract/document_nouns.txt"):
                return o                  # a document's author: "Axelrod’s memoir", "Trump’s tweet"
            continue                      # a possessor: "Clinton’s lawyers"
        if n + 1 < len(found) and not any(c in text[o.end:found[n + 1].start] for c in ",;:()"):
            continue                      # a modifier of the next name
        if _heads(text[start:o.start], text[o.end:end]):
            return o
    return None


# A comma and a name right after a description, then the end of its clause: ", Moira Kent.",
# ", Moira Kent, on Monday", ", Moira Kent, told" (a cue verb: checked on the lexicon)
_APPOSED_NAME_END = re.compile(r"\s*(?:[.;!?)]|$|,\s+(?:who|adding|saying|writing)\b|,\s+\d{1,3}\s*[.,;!?]"
                               r"|,\s+(?:on\s+|last\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
                               r"|,\s+(?P<verb>[a-z]+)\b)")


def named_after(text: str, model: em.Model, end: int) -> em.Occurrence | None:
    """The person an apposition right after a description names, when the name ends the
    sentence, an age or a relative clause or participle follows: "said the union’s leader,
    Moira Kent.", "said one resident, Maria Lopez, 67." (the source is the person); not
    "According to an FBI summary, Cheryl Mills, a top aide, sent …" (there the name opens the
    content)."""
    if not text.startswith(", ", end):
        return None
    i = bisect.bisect_left(model.starts, end + 2)
    if i < len(model.occurrences):
        o = model.occurrences[i]
        if o.start == end + 2 and model.entities[o.entity].type == "person" \
                and (_appositive_end(text, o.end) or text[o.end - 1] == "."):   # "Jonah Amos." ends it
            return o
    return None


def _appositive_end(text: str, at: int) -> bool:
    """Whether the clause of an apposition ends at ``at`` (:data:`_APPOSED_NAME_END`; a verb
    after the comma only when it is a speech cue: ", Moira Kent, told the panel")."""
    m = _APPOSED_NAME_END.match(text, at)
    if m is None or m.group("verb") is None:
        return m is not None
    return lexicon.is_speech_form(m.group("verb"))


def capitals_name(model: em.Model, word: str) -> int | None:
    """The person a surname written in capitals stands for ("VOLE" for Harriet Vole), when the
    article names one person by it."""
    low = word.lower()
    ids = [e for key, es in model.by_surname.items() if key.lower() == low for e in es]
    return ids[0] if len(set(ids)) == 1 else None


def described(head: str) -> bool:
    """Whether a mention's last word heads a description: a lower-case noun, or a person noun
    written in capitals ("the MP", "the CEO")."""
    return head.islower() or (head.isupper() and len(head) > 1 and kinds.person_head(head.lower()))


UNNAMED_REACH = 1500          # characters a description looks back for "a"/"an" and its head
# "a cashier", "an organiser at the field office", "one witness": someone introduced unnamed.
_INDEFINITE = r"\b(?:a|an|one|another)\s+(?:[\w’'\-]+,?\s+){{0,3}}?{}\b"


def unnamed_again(description: str, earlier: str) -> bool:
    """Whether a definite description ("the source", "the senior aide") names the one an
    earlier source introduced unnamed ("a source familiar with the talks", "A senior aide").

    >>> unnamed_again("the source", "a source familiar with the talks"), unnamed_again("the aide", "the aide")
    (True, False)
    """
    words = description.lower().split()
    if not 2 <= len(words) <= 3 or words[0] != "the":
        return False
    return set(words[1:]) <= set(earlier.lower().replace(",", " ").split()) \
        and _introducing(words[-1]).match(earlier) is not None   # (the word test first: it is the cheaper)


# A research group introduced without a name: "Researchers at the University of Leland", "scientists
# from Harbour Institute" (the whole group, up to the end of the organisation's name).
_RESEARCH_GROUP = re.compile(r"(?<![\w’'])(?:[Rr]esearchers|[Ss]cientists|[Aa]cademics)\s+(?:at|from|of)\s+(?:the\s+)?"
                             r"[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'\-]*)*")
# The heads a description of such a group or its work has ("the researchers", "the team", "the authors").
_GROUP_HEADS = frozenset({"researchers", "scientists", "academics", "authors", "team"})
GROUP_REACH = 5000            # characters a description looks back for the research group


def research_group(text: str, description: str, start: int) -> str | None:
    """The research group "the researchers", "the team" or "the authors" stands for: the last
    one introduced unnamed before ``start`` ("Researchers at the University of Leland followed
    …"), within GROUP_REACH characters; else None.

    >>> t = "Researchers at the University of Leland tracked 900 pupils. The team found …"
    >>> research_group(t, "The team", t.index("The team"))
    'researchers at the University of Leland'
    """
    words = description.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _GROUP_HEADS:
        return None
    found = None
    for found in _RESEARCH_GROUP.finditer(text, max(0, start - GROUP_REACH), start):
        pass
    return found.group()[0].lower() + found.group()[1:] if found is not None else None


def introduced_unnamed(text: str, head: str, start: int) -> bool:
    """Whether ``head`` was introduced with an indefinite article in the few paragraphs before
    ``start`` ("an organizer … the organizer told them"): the description is that unnamed one."""
    return _introducing(head).search(text, max(0, start - UNNAMED_REACH), start) is not None


@lru_cache(maxsize=4096)
def _introducing(head: str) -> re.Pattern:
    """The pattern of ``head`` introduced unnamed (compiled once a head: re's own cache is
    too small for one pattern a description word)."""
    return re.compile(_INDEFINITE.format(re.escape(head)), re.IGNORECASE)


# What may follow the name that heads a mention: nothing, an apposition, "of" a place or
# body, a parenthesis, a relative clause ("Mr. Rubio, a career politician", "Senator Marco
# Rubio of Florida", "Rep. Hank Johnson (D-Ga.)").
_AFTER_HEAD = re.compile(r"\s*(?:$|[,(—–]|of\s|who\s|whose\s|[a-z]+ed\b)")
# A preposition before a name inside a mention makes the name an object: "Attorneys for Clinton".
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|with|to|from|by|at|near|behind|against|among)\s")


def _heads(before: str, after: str) -> bool:
    """Whether a name with ``before`` and ``after`` it inside a mention is the mention's head:
    not "Sanders supporters", "one Obama insider", "Attorneys for Clinton"; yes "former Gov.
    Bill Richardson of New Mexico", "the bureau's director, James B. Comey"."""
    if not _AFTER_HEAD.match(after):
        return False
    if not before.strip() or before.rstrip().endswith((",", "—", "–")):
        return True
    return not _PREPOSITION_BEFORE.search(before)


# Lower-case words that may follow an organisation's name in a source mention and leave the
# name its speaker: "a Quinnipiac University poll this month", "The Future45 group".
_TRAILING = frozenset({"this", "last", "next", "week", "month", "year", "time", "new", "recent"})


@lru_cache(maxsize=1)
def _after_name() -> frozenset[str]:
    """The lower-case words :func:`named_part` drops after a name: documents and the records a
    body keeps ("FEC filings", "Census data"), kinds of body, times (read once, not on every mention)."""
    documents = lexicon.lower_words("extract/document_nouns.txt")
    return (documents | frozenset(w + "s" for w in documents) | lexicon.sections("extract/author_nouns.txt")["sources"]
            | _TRAILING | frozenset(kinds.org_kinds())
            | lexicon.lower_words("extract/calendar_words.txt"))


def named_part(words: list[str]) -> list[str]:
    """The capitalised name in a source mention whose trailing words are a document, a kind of
    body or a time, or whose leading words are a time or a kind of body: "Quinnipiac
    University poll this month" -> ["Quinnipiac", "University"]; "newspaper La Gaceta" ->
    ["La", "Gaceta"]."""
    lead = next((n for n, w in enumerate(words) if not w.islower()), 0)
    if lead >= 1 and introduces(words[lead - 1]):
        words = words[lead:]              # "activist fund Larchmont Capital": the name after its kind
    elif lead >= 1 and len(words) - lead >= 2 and words[-1][:1].isupper() and not any(
            w in lexicon.lower_words("text/function_words.txt") for w in words[:lead]):
        words = words[lead:]              # "nonpartisan Harbour Budget Office": modifiers before a name
    k = len(words)
    allowed = _after_name()
    while k > 1 and words[k - 1].islower() and words[k - 1].lower().strip(",.") in allowed:
        k -= 1
    while k > 1 and words[0].islower() and (words[0] in _TRAILING or words[0] in kinds.org_nouns()
                                            or (words[0].endswith(POSSESSIVES) and words[1][:1].isupper())):
        words, k = words[1:], k - 1       # "a recent Washington Post-ABC News poll", "the daily Die Woche",
                                          # "the state’s Fiscal Office" (a common noun's possessive)
    return words[:k] if k < len(words) and not words[k - 1].islower() else words


# The owner words of a body: a possessive pronoun ("his"), a name ("Hillary Clinton’s", "Sanders",
# "Mrs. Clinton's") or "the" and a description's possessive ("The senator’s").
_OWNER_PRONOUNS = frozenset({"his", "her"})



def owned_by(words: list[str]) -> tuple[list[str], str] | None:
    """The owner and the body a mention names when it is a person's campaign, administration
    or people: "Ana Ruiz’s campaign" -> (["Ana", "Ruiz’s"], "campaign"); "his advisers" ->
    (["his"], "staff"); "Ruiz campaign officials" -> (["Ruiz"], "campaign"); "Administration
    officials" -> ([], "administration"); "the campaign" -> ([], "campaign").  None for
    anything else, and for a count or a quantity ("many of her aides", "a campaign
    official"): a part is not the body.

    >>> owned_by("The senator’s advisers".split()), owned_by("many of her aides".split())
    ((['The', 'senator’s'], 'staff'), None)
    """
    table = em.bodies()
    lows = [w.lower() for w in words]
    if not words or lows[-1] not in table:
        return None
    k, body = len(words) - 1, table[lows[-1]]
    if k == 1 and lows[0] == "the" and body in ("administration", "campaign"):
        return [], body                           # "the administration", "the campaign": the one named last
    if k >= 1 and table.get(lows[k - 1]) in ("campaign", "administration") and body in ("people", "staff"):
        k, body = k - 1, table[lows[k - 1]]         # "campaign strategists", "Administration officials"
        if k == 0 or lows[0] == "the" and k == 1:
            return [], body
    if body == "people":
        return None
    owner = words[1:k] if lows[0] == "the" else words[:k]
    if not owner:
        return None
    if len(owner) == 1 and owner[0].lower() in _OWNER_PRONOUNS:
        return owner, body
    if lows[0] == "the" and len(owner) == 1 and owner[0].endswith(POSSESSIVE_S) and owner[0].islower():
        return words[:k], body                    # "The senator’s advisers"
    counts = _determiners() | _words.quantifier_heads   # "some of Ruiz’s aides", "a slew of"
    if owner[-1][:1].isupper() and not any(w.lower() in counts or w == "of" for w in owner):
        return owner, body                        # "Hillary Clinton’s campaign", "candidate Ana Ruiz’s campaign"
    return None


def past_marker(text: str, start: int, end: int) -> int:
    """The start of a source past a social-media marker: "RT Gordon Pellham" -> "Gordon Pellham"."""
    first, _, rest = text[start:end].partition(" ")
    if rest and first in lexicon.words("extract/social_markers.txt"):
        return start + len(first) + 1
    return start


# A word after a definite description's first words that is a finite verb: an auxiliary, an irregular
# past or a regular one ("began", "was", "survived" in "The billionaire businessman began by …, saying").
_VERB_AFTER = re.compile(r"[ \t]+([\w’'-]+)")


def description_end(text: str, start: int, end: int) -> int:
    """Where a definite description a source span opens with stops: before the first finite
    verb after its noun ("[The billionaire businessman] began by talking …, saying"; "[The
    Ardenne Republican] survived five years in prison and says"), so that its head is the
    noun, not the verb; ``end`` when none, or when a comma comes first (an apposition or a
    relative clause is read whole).  A participle after a possessive modifies the noun ("the
    company’s published accounts")."""
    at = text.find(" ", start, end)
    while at >= 0:
        m = _VERB_AFTER.match(text, at, end)
        if m is None:
            return end
        low = m.group(1)
        if low.islower() and not text[:at].endswith(POSSESSIVES) and (low in _words.finite_auxiliaries or low in _words.irregular_pasts
                              or low.endswith("ed") and len(low) > 4):
            return at if "," not in text[start:at] and text[start:at].count(" ") >= 1 else end
        at = text.find(" ", m.start(1), end)
    return end

