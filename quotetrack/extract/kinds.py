"""Kinds of description heads: which ("the company", "the club", "the regulator") may stand
for which organisation's name (data/extract/org_kinds.tsv), which stand for a person ("the
senator", "the mother") and which show a gender; and the party a person's words show
(data/extract/party_words.tsv: "a Democrat from Ardenne", "(D-Ardenne)"), so that "the
Ardenne Democrat" finds that person; read by :mod:`.entities` and the resolution of
descriptions."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from .speakers import _lists


@lru_cache(maxsize=1)
def org_kinds() -> dict[str, frozenset[str]]:
    """data/extract/org_kinds.tsv: a description's head noun -> the name words that show that kind
    ("@sectors" there: the words of data/extract/sector_words.txt)."""
    sectors = lexicon.lower_words("extract/sector_words.txt")
    return {head: frozenset(w.lower() for w in words.split() if w != "@sectors")
            | (sectors if "@sectors" in words.split() else frozenset())
            for head, words in lexicon.pairs("extract/org_kinds.tsv").items()}


@lru_cache(maxsize=1)
def kind_words() -> frozenset[str]:
    return frozenset(w for ws in org_kinds().values() for w in ws if w != "*")


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    """Lower-case heads of a description that names an organisation ("the company", "the
    group", "the magazine"): the kinds of data/extract/org_kinds.tsv and the words of extract/org_words.txt."""
    return frozenset(org_kinds()) | _lists().orgs


@lru_cache(maxsize=1)
def body_heads() -> frozenset[str]:
    """data/extract/body_heads.txt: lower-case heads of a body an article may introduce by a
    description ("a New Leland ballot commission")."""
    return lexicon.lower_words("extract/body_heads.txt")


def name_kind(name: str) -> str | None:
    """The kind of organisation a name shows by its own head noun, lower case: the last word,
    or the word before "of" ("Federal Widget Agency" -> "agency", "Senate Ethics Committee"
    -> "committee", "Board of Elections" -> "board", "New Leland ballot commission" ->
    "commission"); None when that word is no kind (data/extract/org_kinds.tsv,
    extract/org_words.txt, extract/body_heads.txt: "Harlow Foods", "Verizon")."""
    words = [w.lower().strip("’'.,") for w in name.split()]
    if not words:
        return None
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return head if head in org_nouns() or head in body_heads() else None


def kind_fits(head: str, name: str) -> bool:
    """Whether an organisation may be the one a description's head names when no name word
    shows that kind: the head fits any organisation ("*" in extract/org_kinds.tsv: "the group"),
    shows its kind (:func:`kind_matches`) or the name shows no kind at all ("Family Circle"
    for "the magazine"; not "Harbour Trust" for "the company")."""
    if "*" in org_kinds().get(head, ()) or kind_matches(head, name):
        return True
    words = {w.lower().strip("’'.") for w in name.split()}
    return not words & alias_words()[0]


def kind_matches(head: str, name: str, any_kind: bool = False) -> bool:
    """Whether an organisation's name shows the kind a description names: "the company" and
    "Harlow Foods", "the club" and "Riverside Rovers", "the ministry" and "Ministry of Health"
    (``any_kind``: or the head fits any organisation, "*" in extract/org_kinds.tsv: "the group")."""
    if any_kind and "*" in org_kinds().get(head, ()):
        return True
    words = {w.lower().strip("’'.") for w in name.split()}
    shown = words & _undotted_kinds().get(head, frozenset())
    return head in words or bool(shown) and not (shown <= _sectors() and _headed_by_other_kind(name, head))


@lru_cache(maxsize=1)
def _sectors() -> frozenset[str]:
    return lexicon.lower_words("extract/sector_words.txt")


def _headed_by_other_kind(name: str, head: str) -> bool:
    """Whether an organisation's name ends in (or, before "of"/"for", is headed by) a word that
    shows a kind other than a company's and the description's: a sector word inside it is then
    no company's ("Competition and Utilities Commission", "Ministry of Energy" are no "the
    company")."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if k and w in ("of", "for")), len(words))
    last = words[cut - 1].lower().strip("’'.")
    return last in kind_words() and last not in _sectors() and last not in alias_words()[1] \
        and last not in _undotted_kinds().get(head, frozenset())


def dotted_kind_word(word: str) -> bool:
    """Is ``word`` an abbreviation that shows a kind of organisation with its period ("Co.",
    "Inc.", "Corp."): a name ending in it keeps the period ("Fennimore Brewing Co.")."""
    return word.endswith(".") and word.lower() in kind_words()


@lru_cache(maxsize=1)
def _undotted_kinds() -> dict[str, frozenset[str]]:
    """The name words of each kind without their periods, as a name's words are compared
    ("Fennimore Brewing Co." is filed without the sentence's period: "Co" shows a company)."""
    return {head: frozenset(w.rstrip(".") for w in words) for head, words in org_kinds().items()}


def same_kind(head: str, noun: str) -> bool:
    """Whether two kinds of organisation ("paper", "newspaper"; "watchdog", "regulator") are
    one: the name words that show each (data/extract/org_kinds.tsv) overlap."""
    kinds = org_kinds()
    return bool((kinds.get(head, frozenset()) & kinds.get(noun, frozenset())) - {"*"})


@lru_cache(maxsize=1)
def alias_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that end an organisation's name (for a short form without its leading words)
    and those that end a company's (for a short form without them)."""
    return kind_words() | _lists().orgs, org_kinds()["company"] | org_kinds()["firm"]


@lru_cache(maxsize=1)
def gendered_nouns() -> dict[str, str]:
    """Nouns that show a gender: honorifics and data/extract/gendered_nouns.tsv ("mother", "father")."""
    out = {k: v for k, v in _lists().honorifics.items() if v in ("m", "f")}
    out.update(lexicon.pairs("extract/gendered_nouns.tsv"))
    return out


def private_noun(noun: str) -> bool:
    """Whether a noun names a private person by family tie or sex ("mother", "widow", "boy";
    data/extract/gendered_nouns.tsv), an honorific's or an office's word it may share aside."""
    return noun in lexicon.pairs("extract/gendered_nouns.tsv")


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    """Heads of a description that stands for a person: titles, person nouns and gendered
    nouns ("the senator", "the candidate", "the businessman"), not organisations or documents."""
    titles = _lists().titles - lexicon.lower_words("extract/title_portfolios.txt")     # not "social", "defense"
    return (titles | lexicon.lower_words("text/person_nouns.txt") | frozenset(gendered_nouns())) \
        - org_nouns() - lexicon.lower_words("extract/document_nouns.txt")


@lru_cache(maxsize=1)
def jurisdiction_nouns() -> frozenset[str]:
    """data/extract/jurisdiction_nouns.txt: heads of a description that stands for a place
    acting through its government ("the state", "the village"), never a person."""
    return lexicon.lower_words("extract/jurisdiction_nouns.txt")


def head_run(words: list, k: int | None, heads: frozenset[str]):
    """The last word of the run of person heads that opens at ``words[k]`` (regex matches):
    "minister" in "the chief minister later …", "executive" in "the chief executive", so the
    role is read whole; None when ``k`` is None."""
    if k is None:
        return None
    while k + 1 < len(words) and words[k + 1].group() in heads:
        k += 1
    return words[k]


def person_head(head: str) -> bool:
    """Whether a description's head stands for a person: one of :func:`person_heads` or a
    compound ending in one ("speechwriter", "neurosurgeon"); not a jurisdiction ("the state":
    :func:`jurisdiction_nouns`), though a source noun."""
    heads = person_heads()
    if head in jurisdiction_nouns():
        return False
    return head in heads or any(head[k:] in heads for k in range(2, len(head) - 4))


@lru_cache(maxsize=1)
def role_kinds() -> dict[str, frozenset[str]]:
    """data/extract/role_kinds.tsv: a general role head -> the particular role heads it also
    stands for ("lawyer" -> barrister, solicitor, …)."""
    return {head: frozenset(value.split()) for head, value in lexicon.pairs("extract/role_kinds.tsv").items()}


@lru_cache(maxsize=1)
def parties() -> dict[str, tuple[str, str]]:
    """data/extract/party_words.tsv: a lower-case word -> (party, "" | "adjective" | "letter")."""
    out = {}
    for word, value in lexicon.pairs("extract/party_words.tsv").items():
        party, _, form = value.partition(" ")
        out[word] = (party, form)
    return out


# A party letter and a place in brackets or commas right after a name: " (D-Ardenne)",
# ", R-Texas,", " (R., New Leland)" (group 1: the letter, group 2: the place).
_AFFILIATION = re.compile(r"\s*[(,]\s*([A-Z])\.?\s*[-–,]\s*((?:[A-Z][\w.’'\-]*\s?){1,3}?)\s*[),]")
# A party member and a place in an apposition: ", a Democrat of Ohio," ", a veteran Republican from
# New Leland.", with no article in the style of some papers: ", Republican of Ohio," (group 1: the
# member noun, group 2: the place).
_MEMBER_FROM = re.compile(r",\s+(?:an?\s+(?:[a-z\-]+\s+)?)?([A-Z][a-z]+)\s+(?:from|of)\s+"
                          r"((?:[A-Z][\w.’'\-]*\s?){1,3}?)\s*(?=[,.;)])")


def affiliation(text: str, end: int) -> str | None:
    """The party and place a bracket or an apposition after a name shows, as a role:
    "(D-Ardenne)" after "Rep. Alma Ruiz", or ", a Democrat of Ardenne," -> "democrat from
    ardenne"; None when none follows."""
    m = _AFFILIATION.match(text, end, min(len(text), end + 40))
    party = parties().get(m.group(1).lower(), ("", "")) if m else ("", "")
    if party[1] != "letter":
        m = _MEMBER_FROM.match(text, end, min(len(text), end + 60))
        party = parties().get(m.group(1).lower(), ("", "x")) if m else ("", "x")
        if party[1] != "":
            return None
    return f"{party[0]} from {m.group(2).strip().rstrip('.').lower()}"


# A party letter joined to a place in one word: "R-Idaho", "D-Ore.", "I-Vt."
_PARTY_TAG = re.compile(r"([A-Z])[-–][A-Z][\w.’'\-]*")


def party_tag(word: str) -> bool:
    """Whether a word is a party letter joined to a place ("R-Idaho", "D-Ore."): the tag after
    a legislator's name, never a name itself."""
    m = _PARTY_TAG.fullmatch(word)
    return m is not None and parties().get(m.group(1).lower(), ("", ""))[1] == "letter"


def party_of(roles) -> set[str]:
    """The parties a person's roles show ("democratic senator", "democrat from ardenne")."""
    table = parties()
    return {table[w][0] for r in roles for w in r.split() if w in table and table[w][1] != "letter"}


def party_head(words: list[str]) -> str | None:
    """The party a description names as its head, a member noun before any "from"/"of"
    complement ("Ardenne Democrat", "Republican from Alabama", "veteran Tory"), else None."""
    lows = [w.lower().strip(",.") for w in words]
    cut = next((k for k, w in enumerate(lows) if w in ("from", "of")), len(lows))
    party = parties().get(lows[cut - 1]) if cut else None
    return party[0] if party is not None and party[1] == "" and words[cut - 1][:1].isupper() else None


# A participle opening a sentence, then a comma, right before a name: "Defending, " (group 1).
_LEAD_PARTICIPLE = re.compile(r"(?:^|(?<=[.!?\n”\"]\s)|(?<=\n))([A-Z][a-z]+ing),[ \t]+$")


def lead_roles(text: str, start: int) -> list[str]:
    """The roles a participle opening the sentence gives the name at ``start`` ("Defending, Owen
    Pargeter said" -> "defence lawyer", …; data/extract/role_leads.tsv), else none."""
    if not text.endswith(", ", 0, start):
        return []
    m = _LEAD_PARTICIPLE.search(text, max(0, start - 20), start)
    roles = lexicon.pairs("extract/role_leads.tsv").get(m.group(1).lower()) if m else None
    return [r.strip() for r in roles.split(";")] if roles else []


# A possessive and a noun right before a lone given name: "her daughter " in "her daughter Kerry, 41,";
# with the comma of an apposition: "Mr Vardy’s mother, " in "Mr Vardy’s mother, Catrin, said", "the
# skipper’s widow, " in "the skipper’s widow, Morwenna,".
# Up to two modifiers may come between: "his first wife, " in "his first wife, Ivana,", "her late husband ".
_KIN_BEFORE = re.compile(r"(?<![\w’'])(?P<owner>[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*(?=[’']s)|[Tt]he[ \t]+[a-z]+(?=[’']s))"
                         r"(?:[’']s)?[ \t]+(?:[a-z]+[ \t]+){0,2}(?P<kin>[a-z]+)(?P<comma>,?)[ \t]+$")
# A person noun and "named"/"called" right before a lone given name: "a 52-year-old resident named "
# in "a 52-year-old resident named Carla" (group 1: the noun).
_NAMED_BEFORE = re.compile(r"(?<![\w’'])([a-z][a-z\-]+)[ \t]+(?:named|called)[ \t]+$")


def kin_before(text: str, start: int, word: str) -> str | None:
    """The relative a lone given name is introduced as ("her daughter Kerry", "Ana Ruiz’s son
    Tom", "his first wife, Ivana,", or between commas, any capitalised word: "Mr Vardy’s mother,
    Catrin,"): the noun (one that shows a gender, data/extract/gendered_nouns.tsv); or the person
    noun it is "named"/"called" after ("a local resident named Carla"); else None."""
    mark = text[start - 2:start - 1]
    if not (mark.islower() and word in lexicon.words("text/first_names.txt")
            or mark == "," and text.startswith(",", start + len(word))):
        return None                       # the cheap tests first: this runs for every unknown capitalised word
    m = _KIN_BEFORE.search(text, max(0, start - 40), start)
    if m is None or (m.group("comma") == ",") != (mark == ","):
        named = _NAMED_BEFORE.search(text, max(0, start - 30), start) if mark.islower() else None
        return named.group(1) if named is not None and person_head(named.group(1)) else None
    return m.group("kin") if m.group("kin") in lexicon.pairs("extract/gendered_nouns.tsv") else None


def kin_owner(text: str, start: int) -> tuple[int, int, str] | None:
    """Whose relative the lone given name at ``start`` is introduced as, when the relative is
    family (data/extract/family_nouns.txt: "his first wife, Ivana,", "Ana Ruiz’s son Tom"; not
    "her spokeswoman, Hope"): the owner's span (a name before its "’s", or "his"/"her") and the
    family noun; else None."""
    m = _KIN_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group("kin") not in lexicon.lower_words("extract/family_nouns.txt"):
        return None
    return m.start("owner"), m.end("owner"), m.group("kin")


def description_subject(text: str, start: int, end: int) -> bool:
    """Whether a description in the narrative is a clause's subject: it opens the text, a
    sentence or a clause (after punctuation or a clause opener: "- the admiral chuckled",
    "but the admiral said") and is no possessor ("the admiral’s answer")."""
    if text.startswith(POSSESSIVE_S, end):
        return False
    before = text[max(0, start - 30):start].rstrip(" \t")
    if not before or before[-1] in ".!?;:,—–-(\n\"“":
        return True
    word = before.rsplit(None, 1)[-1].lower()
    return word in lexicon.lower_words("extract/main_clause_openers.txt")


def never_shown_person(ent) -> bool:
    """Whether an entity typed a person only by default was never shown to be one: its first
    word no given name (data/text/first_names.txt), no title, role or gender ("Orvane",
    "Brindle Hallam"; not "Ana Ruiz", "Mr Hallam", "Hallam … she")."""
    return ent.type == "person" and ent.name.split()[0] not in lexicon.words("text/first_names.txt") \
        and ent.title is None and not ent.roles and ent.gender is None


@lru_cache(maxsize=1)
def _event_heads() -> frozenset[str]:
    return lexicon.lower_words("extract/event_heads.txt")


def event_name(ent) -> bool:
    """Whether a "person" never shown to be one (:func:`never_shown_person`) is named by an
    event or holiday (its last word in data/extract/event_heads.txt: "Election Day", "Super
    Tuesday", "LGBT Pride"; not "Jason Day", "Mr Day", "Yin Myint May"): no he/she
    stands for it."""
    return never_shown_person(ent) and ent.name.split()[-1].lower().strip("’'.,") in _event_heads()

