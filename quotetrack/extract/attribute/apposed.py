"""Names in apposition to a source: "Bloomberg's pollster, Douglas Schoen, says", "The
union's leader, Karim al-Masri, said", "The firm's biggest shareholder, the activist fund
Larchmont Capital, said", "The regulator, the Office of Rail Safety, said": the tokens between
the commas name the source (read by :func:`.sentence._appositive_source`)."""
from __future__ import annotations

import re

from ...text import lexicon, names
from .. import mentions
from ..businesses import introduces
from ..kinds import party_head, party_tag
from ..segment import Token
from ..speakers import _lists

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

ORG_NAME_WORDS = 8                       # words of an organisation's name after "the"


def apposed_name(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k a name in apposition: a name run, a kind and a name, or "the" and an
    organisation's name?"""
    if k - i > 4 and toks[k - 1].text == ")":
        o = next((x for x in range(k - 3, max(i, k - 6), -1) if toks[x].text == "("), None)
        if o is not None and party_tag("".join(t.text for t in toks[o + 1:k - 1])):
            k = o                         # "Sen. Carl Brandt (R-Ohio)", "(R-Conn.)": the name before its party tag
    return not place_after_place(toks, i, k) and not party_member_tag(toks, i, k) \
        and (is_name_run(toks, i, k) or kind_then_name(toks, i, k) or the_org_name(toks, i, k)
             or role_then_name(toks, i, k))


def party_member_tag(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k a legislator's party and place with no article ("Republican of Wyoming",
    "Democrat from New Leland"): the tag after a name, never a name itself?"""
    return k - i >= 3 and toks[i + 1].text in ("of", "from") and party_head([t.text for t in toks[i:k]]) is not None


def past_place_tag(toks: list[Token], c: int) -> int:
    """The comma at ``c`` (before "who"), or, when a "Town, State" tag ends there inside an
    apposition opened by an article ("Berger, a surgeon from Millbrook, New York, who said"),
    the comma that opens the apposition: the relative's antecedent is the name before it."""
    c1 = c - 1
    while c1 > 0 and c - c1 <= 4 and toks[c1].text != ",":
        c1 -= 1
    if c1 <= 0 or toks[c1].text != "," or not place_after_place(toks, c1 + 1, c):
        return c
    c2 = c1 - 2
    while c2 > 0 and c1 - c2 <= _MAX_DESCRIPTION and toks[c2].text not in (",", ";", ":"):
        c2 -= 1
    if c2 <= 0 or toks[c2].text != "," or toks[c2 + 1].text.lower() not in _TAG_OPENERS:
        return c
    if c2 >= 3 and toks[c2 - 1].text.isdigit() and toks[c2 - 2].text == ",":
        c2 -= 2                           # "Harry Bond, 30, of Raleigh, N.C., who": past the age too
    return c2


# What opens the apposition a "Town, State" tag ends: an article or "of"/"from" ("X, of Raleigh, N.C., who").
_TAG_OPENERS = frozenset(("a", "an", "the", "of", "from"))
# A state's abbreviation after a town and a comma: "N.C.", "Calif.".
_STATE_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.")


def place_after_place(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k a place (data/extract/places.txt) right after a capitalised word and a
    comma: the state of a "Town, State" tag ("a baker from Millbrook, New York, said"), never a
    name in apposition?"""
    return i >= 2 and toks[i - 1].text == "," and mentions.is_capitalised(toks[i - 2].text) \
        and (" ".join(t.text for t in toks[i:k]) in lexicon.words("extract/places.txt")
             or _STATE_ABBREVIATION.fullmatch("".join(t.text for t in toks[i:k])) is not None)


def state_in_apposition(toks: list[Token], src: tuple[int, int], first: int) -> bool:
    """Is the mention ``src`` the state of a "Town, State" tag with a comma before its town (after
    token ``first``): an apposition's place, no source, whose name is further back ("Bond, 30,
    of Lexton, N.C., who was polled, said"; "Aides in Lexton, N.C., said" has no comma before)?"""
    return place_after_place(toks, *src) and toks[src[0] - 2].text.lower() not in _calendar() \
        and any(toks[x].text == "," for x in range(max(0, first), src[0] - 2))


def _calendar() -> frozenset[str]:
    return lexicon.lower_words("extract/calendar_words.txt")


def ends_in_relative(text: str, start: int, end: int) -> bool:
    """Does text[start:end] end in a relative clause after its last comma?  Then it is the
    subject of the cue that follows, not content: "Dr. Vane, who studies bats at the
    university, called the paper …"."""
    cut = text.rfind(",", start, end)
    if cut < 0:
        return False
    words = text[cut + 1:end].split(maxsplit=1)
    return bool(words) and words[0].lower() in _words.relatives


def is_name_run(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k a short run of capitalised words (a name, maybe titled: "Republican state
    Sen. Ann Lo"; a particle joined by a hyphen counts: "Karim al-Masri"), not a party tag
    ("Rep. Tom Ellery, R-Idaho, said")?"""
    return 1 <= k - i <= 8 and not (k - i == 1 and party_tag(toks[i].text)) and all(names.is_name_word(t.text) or t.text.lower() == "of"
                                   or (j > i and t.text in lexicon.lower_words("text/titles.txt"))
                                   for j, t in enumerate(toks[i:k], i)) \
        and (mentions.is_capitalised(toks[k - 1].text) or names.PARTICLE_JOINED.match(toks[k - 1].text)) \
        and toks[i].text.lower() != "of"  # not "Mr. Mahaney, of RBC Capital Markets, said": his firm


def kind_then_name(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k "the", up to three lower-case words ending in a kind of organisation or
    business (data/extract/business_nouns.txt, org_kinds.tsv) and a name: "the activist fund
    Larchmont Capital" in "The firm's biggest shareholder, the activist fund Larchmont Capital,
    said" (the apposition names the source)?"""
    if k - i < 3 or toks[i].text.lower() != "the":
        return False
    m = i + 1
    while m < k and m - i <= 3 and toks[m].text.islower():
        m += 1
    return m > i + 1 and introduces(toks[m - 1].text) and is_name_run(toks, m, k)


def role_then_name(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k an optional article, up to three lower-case words ending in a person's
    role (data/text/person_nouns.txt) and a person's full name: "the former banker Hugo Stratton"
    in "The fund's founder, the former banker Hugo Stratton, said" (the apposition names the source)?"""
    m = i + 1 if toks[i].text.lower() in ("the", "a", "an") else i
    n = m
    while n < k and n - m < 3 and toks[n].text.islower():
        n += 1
    return m < n and k - n >= 2 and toks[n - 1].text in lexicon.lower_words("text/person_nouns.txt") \
        and is_name_run(toks, n, k) and not any(t.text.lower() in _lists().orgs for t in toks[n:k])


def the_org_name(toks: list[Token], i: int, k: int) -> bool:
    """Are tokens i..k "the" and an organisation's name: capitalised words with "of", "and"
    or "for" between, one of them an organisation word (data/extract/org_words.txt: "Office",
    "Council", "Agency")?  "the Office of Ports and Harbours" in "The regulator, the Office of
    Ports and Harbours, said"."""
    if not 2 <= k - i <= ORG_NAME_WORDS or toks[i].text.lower() != "the" \
            or not mentions.is_capitalised(toks[i + 1].text) or not mentions.is_capitalised(toks[k - 1].text):
        return False
    words = [t.text for t in toks[i + 1:k]]
    return all(mentions.is_capitalised(w) or w in ("of", "and", "for", "&") for w in words) \
        and any(w.lower().strip("’'") in _lists().orgs for w in words)


# Words that open a description a name may stand in apposition to ("One pastor backing the
# senator, Dale Whitcombe, said …"): an article or "one"/"another".
_DESCRIPTION_OPENERS = frozenset(("a", "an", "the", "one", "another"))
_MAX_DESCRIPTION = 12                    # tokens of that description


def described_opening(toks: list[Token], j: int) -> bool:
    """Do tokens 0..j (up to the comma before an apposed name) make one description opened by
    an article, with a modifier that holds no finite verb, ending in a lower-case word ("One pastor
    backing the senator", "A voter from the valley"; not "The vote was close", "When the vote
    came", nor a place and its county)?  Then the name
    between the commas is the sentence's subject."""
    if not 2 <= j <= _MAX_DESCRIPTION or toks[0].text.lower() not in _DESCRIPTION_OPENERS \
            or not toks[j - 1].text.islower():
        return False                      # (not "The timeline of events in Marlow, Kent, shows")
    return not any(t.text in (",", ";", ":") or t.text.lower() in _words.finite_auxiliaries
                   or t.text.lower() in _words.irregular_pasts for t in toks[1:j])


def relative_then_cue(toks: list[Token], j: int, ci: int) -> bool:
    """Is a cue coordinated at ``ci`` (its "and" at ``j - 1``) inside a relative clause that a
    comma opened and no comma closed before it ("X, the engineer who wrote the report and
    advised the council, said …"), with the sentence's own cue after a comma further on?  Then the clause is part of the
    subject, not a report of its own."""
    if not any(toks[x].text.lower() in _words.relatives and toks[x - 1].text != ","
               and "," in (t.text for t in toks[max(0, x - 8):x])
               and "," not in (t.text for t in toks[x:j]) for x in range(1, j)):
        return False
    cues = lexicon.cues()
    return any(toks[x - 1].text == "," and toks[x].text.lower() in cues
               and cues[toks[x].text.lower()].type == "speech" for x in range(ci + 2, len(toks)))


_APPOSITION_WORDS = 8                    # words of "a graduate of Harvard Law School" before "who"


def after_apposition(toks: list[Token], r: int) -> bool:
    """Does the relative pronoun at ``r`` follow an apposition set off by a comma ("Cruz, [a
    graduate of Harvard Law School] who argued …, will …", "Guerrero, [a Republican] who
    described himself as …, said …")?  The words between the comma and ``r``: an article
    first, then words only.  Then the relative clause is parenthetical too, and ends at the
    comma before the main verb."""
    lo = max(0, r - _APPOSITION_WORDS - 1)
    comma = next((c for c in range(r - 2, lo - 1, -1) if not mentions.is_word(toks[c].text)), None)
    return comma is not None and toks[comma].text == "," and toks[comma + 1].text.lower() in _words.apposition_openers \
        and all(mentions.is_word(t.text) for t in toks[comma + 1:r])
