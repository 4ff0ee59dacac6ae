"""What the words around a pronoun or a name show, for :mod:`.resolve`: whether a name is the
subject of its clause (not a modifier, not in a list of names, not in apposition to an
object); what a relative pronoun stands for (the name before an apposition, before a first
relative, before a verb of being).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..text import lexicon
from ..text.names import person_title_nouns
from . import kinds
from . import speakers as names
from .attribute import Attribution
from .ages import AGE_ROLE
from .entities import GROUP_PLURAL
from .kinds import head_run, person_heads
from .speakers import PERSON_PRONOUNS, _lists

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt


def opens_clause(text: str, start: int) -> bool:
    """Whether a name at ``start`` is the subject of its clause, judged by the words before
    it: lower-case titles and modifiers ("three-term County Executive Gordon Pellham") belong
    to the name's phrase; then punctuation, a clause opener or a cue ("said Gantz") shows a
    subject, an opening quote mark or any other word does not; a name opening a paragraph
    is one.  (:func:`.speakers.main_subject` judges by the one word before the name.)"""
    titles = person_title_nouns()
    words = _words
    i = start - 1
    skipped, after = False, None          # after: the word last read (the one after this one)
    for _ in range(6):
        while i >= 0 and text[i] in " \t":
            i -= 1
        if i < 0:
            return skipped
        ch = text[i]
        if ch in "“‘" or (ch in "\"'" and (i == 0 or text[i - 1].isspace())):
            return False
        if ch == "\n":
            return True                   # a paragraph opens with the name
        if not ch.isalpha():
            return skipped and ch in ",;:—–(.!?"
        j = i
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
            j -= 1
        word = text[j:i + 1]
        if not skipped and word in ("a", "an") and _modifies_noun(text, start):
            return False                  # "a Clinton supporter": a name used as a modifier
        if word.lower() in words.opening_prepositions:
            return False                  # "In West Miami, …": a place after a preposition
        if not word.islower() or word in titles or word in words.name_modifiers or "-" in word or kinds.person_head(word) \
                or word == "of" and after in titles and (m := _TITLE_BEFORE_OF.search(text, max(0, j - 24), j)) is not None \
                and m.group(1) in titles:
            skipped = skipped or word.islower()   # "of" inside an office: "secretary of state Ana Ruiz"
            i, after = j - 1, word
            continue
        return False
    return False


# A lower-case title word right before " of " in an office: "secretary ", "minister " (group 1).
_TITLE_BEFORE_OF = re.compile(r"(?<![\w’'])([a-z]+)[ \t]+$")


# "of" and a place or body after a person's name: " of Leland", " of the Harbour Trust".
_OF_PLACE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3}")


# A party and state tag after a person's name: " (D-Tex.)", " (R-Fla.)".
_PARTY_TAG = re.compile(r"[ \t]*\([A-Z]-[A-Z][A-Za-z.]*\)")


# A town and its state or country inside an apposition: " from Ashby, Ohio" (before a comma).
_TOWN_STATE = re.compile(r"[ \t](?:from|in|of)[ \t]+[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,2},[ \t]+"
                         r"[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*)?(?=,)")


def apposition_head(text: str, model, at: int) -> int | None:
    """The person a relative pronoun stands for when an apposition comes between them:
    "Matt Duss, the president of the foundation, who …", "Mr. Guerrero, a Republican who …";
    not past a clause ("Ana Ruiz, in office since 2001, angered lawmakers who …")."""
    i = bisect.bisect_left(model.starts, at) - 1
    while i >= 0 and at - model.occurrences[i].end < 120:
        o = model.occurrences[i]
        place = _OF_PLACE.match(text, o.end, at) or _PARTY_TAG.match(text, o.end, at)   # "Ted Ames of Leland, who"
        gap = text[place.end() if place else o.end:at]
        if model.entities[o.entity].type == "person" and gap.startswith(",") and o.end <= at \
                and not any(ch in gap for ch in ".;:!?“”\"()"):
            # one noun phrase in between, not a clause: "Ana Ruiz, in office since 2001, …, of lawmakers who"
            commas = gap.count(",") - (_TOWN_STATE.search(gap) is not None)   # "from Ashby, Ohio," is one place
            return o.entity if commas == 1 or (commas == 2 and gap.rstrip().endswith(",")) else None
        i -= 1
    return None


# A name and the lower-case word after it: "Clinton supporter" (group 1: "supporter").
_NAME_THEN_WORD = re.compile(r"[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*)*[ \t]+([a-z][\w\-]*)")


def _modifies_noun(text: str, start: int) -> bool:
    """Whether the name at ``start`` is followed by a noun it modifies ("a Clinton supporter"),
    not by a function word ("a Clinton of old")."""
    m = _NAME_THEN_WORD.match(text, start)
    return m is not None and m.group(1) not in _lists().function


# Lower-case words then a capitalised word after a name: " spokesman Don", " campaign manager Corey"
# (group 1: the lower-case words; group 2: the capitalised word).
_WORDS_THEN_NAME = re.compile(r"((?:[ \t]+[a-z][\w\-]*){1,3})[ \t]+([A-Z][\w.’'\-]*)")


def title_modifier(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` modifies a title before another name ("McConnell
    spokesman Don Stewart", "Rubio supporter Scott Hale"): the one named after it is the
    subject, not this one."""
    m = _WORDS_THEN_NAME.match(text, end)
    if m is None:
        return False
    words = m.group(1).split()
    return words[-1] in person_title_nouns() and words[-1] not in _words.name_modifiers \
        and not any(w in _lists().function for w in words) \
        and m.group(2) not in lexicon.words("extract/calendar_words.txt")     # "Ortiz late Monday"


def subordinate_subject(text: str, start: int) -> bool:
    """Whether the name at ``start`` opens a subordinate clause as its subject: "where Mr.
    Rubio began his career", "when Ames arrived" (a subject for a pronoun of its sentence)."""
    m = re.search(r"(?<![\w’'])([a-z]+)[ \t]+$", text[max(0, start - 20):start])
    return m is not None and (m.group(1) in _words.subordinators or m.group(1) == "where")


# A sentence's first word right before a name (titles may come between): "When " in ". When Mr. Ames"
# (group 1).
_OPENER_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+(?:[A-Z][a-z]{0,4}\.[ \t]+)?$")


def opening_subordinate(text: str, start: int) -> bool:
    """Whether the name at ``start`` is the subject of a subordinate clause that opens its
    sentence ("When Mr. Ames tried to answer, Ruiz cut him off": Ruiz is the main clause's
    subject, not Ames), though it follows the sentence's first word as "Later Ames" does."""
    m = _OPENER_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _words.subordinators and opens_sentence(text, m.start(1))


# A passive verb and "by" right before a name, in one clause: "was criticised on Tuesday by ",
# "has been led since 2019 by economist " (lower-case role words may come between).
_AGENT_BEFORE = re.compile(
    r"(?<![\w’'])(?:is|are|was|were|been|being)[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+(?:ed|en|wn|ght|ld|nt|de|ng|un)"
    r"(?![\w’'])[^.;:!?“”\"\n]{0,48}?(?<![\w’'])by[ \t]+(?:[a-z][\w\-]*[ \t]+){0,3}$")


def passive_agent(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is the agent of a passive ("The plan was criticised
    on Tuesday by Paul Hale, an economist"): the one who acts, a subject for a pronoun after
    it; not one of several ("was welcomed by Ada Ruiz, Mona Vance and Eva Ortiz")."""
    return _AGENT_BEFORE.search(text, max(0, start - 100), start) is not None \
        and not listed(text, start, end) and _LISTED_AFTER.match(text, end) is None


# An existential before a name: "Then there’s ", "There is also " (the name is what the sentence presents).
_EXISTENTIAL = re.compile(r"(?<![\w’'])[Tt]here(?:’s|'s|[ \t]+(?:is|was))[ \t]+(?:also[ \t]+)?$")


def presented(text: str, start: int) -> bool:
    """Whether the name at ``start`` is presented by an existential ("Then there’s Ames."):
    the one the text turns to, a subject for a pronoun after it."""
    return _EXISTENTIAL.search(text, max(0, start - 24), start) is not None


# A cleft around a name: "it was " before it (group 1), " who"/" that" after it (group 2).
_CLEFT_BEFORE = re.compile(r"(?<![\w’'])[Ii]t[ \t]+(?:is|was|has been|had been)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,3}$")
_CLEFT_AFTER = re.compile(r"[ \t]+(?:who|that)[ \t]+[a-z]")


def cleft_focus(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is the focus of a cleft ("But it was Paul Hale who
    led the fight"): the one who acts, a subject for a pronoun after it."""
    return _CLEFT_AFTER.match(text, end) is not None and _CLEFT_BEFORE.search(text, max(0, start - 40), start) is not None


# A verb or preposition, then a noun phrase and a comma right before a name: "help her defeat
# the party’s nominee, " (group 1: the word before the phrase).
_OBJECT_APPOSITION = re.compile(
    r"\b([a-z][\w’'\-]*)\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,3}?[a-z][\w’'\-]*,\s+$")


def object_apposition(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] stands in apposition to a noun phrase inside a clause,
    an object ("… could help her defeat the party’s nominee, Ada Greer."), not to one that
    opens it ("But the boy’s father, Tomas Varga, told reporters …") nor after a fronted
    phrase ("Unlike her rivals, Ada Greer lives …": no comma or stop after the name)."""
    if not text.startswith((",", ".", ";"), end) and not text.endswith((",", ".", ";"), 0, end):
        return False
    m = _OBJECT_APPOSITION.search(text, max(0, start - 80), start)
    if m is None:
        return False
    word = m.group(1)
    return word not in _words.coordinators and word not in lexicon.lower_words("extract/main_clause_openers.txt")


# A name and a comma before a name in a list: "Ada Ruiz, ".
_LISTED_BEFORE = re.compile(r"[A-Z][\w’'.\-]*,[ \t]+$")
# Two names before the last of a list: "Eva Ortiz, Lea Brandt and ", "Ortiz, Brandt, and ".
_LISTED_LAST = re.compile(r"[A-Z][\w’'.\-]*,[ \t]+(?:[A-Z][\w’'.\-]*[ \t]+){0,3}[A-Z][\w’'.\-]*,?[ \t]+(?:and|or)[ \t]+$")
# What follows a name inside a list: a comma, "and"/"or" and another name.
_LISTED_AFTER = re.compile(r"\.?,[ \t]+(?:(?:and|or)[ \t]+)?[A-Z]|[ \t]+(?:and|or)[ \t]+[A-Z]")


def listed(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is an item of a list of names, no subject: "… a list
    that included Ada Ruiz, Mona Vance, Eva Ortiz and Lea Brandt" (an item after a name and a
    comma, followed by another name, or the last after "A, B and"; not "Reached by the Post,
    Ames, the county chair, said …")."""
    if _LISTED_LAST.search(text, max(0, start - 80), start):
        return True
    return _LISTED_BEFORE.search(text, max(0, start - 40), start) is not None and _LISTED_AFTER.match(text, end) is not None


def listener(text: str, model, cue) -> int | None:
    """The entity named right after a cue that takes a listener ("he told Ortiz", "she assured
    Ms. Vance"): the one spoken to, never the speaker."""
    if cue is None or cue.text.lower() not in _words.listener_forms:
        return None
    i = bisect.bisect_left(model.starts, cue.end)
    if i >= len(model.occurrences) or text[cue.end:model.occurrences[i].start].strip(" \t"):
        return None
    return model.occurrences[i].entity


def asked_person(text: str, model, cue, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """The entity named right after "asked" when the asker is named before it ("Earhardt then
    asked Ames which states he could win"): the one asked, who has the floor next (the
    he/she of the answer is that person, not the asker), as (entity, where it is named); else None."""
    if cue is None or source is None or cue.lemma != "ask" or source[1] > cue.start \
            or not cue.text.lower().startswith("ask"):
        return None
    i = bisect.bisect_left(model.starts, cue.end)
    if i >= len(model.occurrences) or text[cue.end:model.occurrences[i].start].strip(" \t"):
        return None
    o = model.occurrences[i]
    return (o.entity, o.start) if model.entities[o.entity].type == "person" else None


# "and"/"or" right before a relative pronoun: "Ted Ames, who …, and who" (a second relative clause).
_AND_BEFORE = re.compile(r",?[ \t]+(?:and|or|but)[ \t]+$")
# The relative pronoun of the first clause: "who", "whose", "which", "in which".
_RELATIVE = re.compile(r"(?<![\w’'])(?:who|whose|which)(?![\w’'])")
RELATIVE_REACH = 300                     # characters back to the first relative clause


def coordinated_relative(text: str, start: int, end: int) -> int | None:
    """Where the first relative pronoun of a coordination is when text[start:end] is the second
    ("Senator Ted Ames of Leland, who …, and who has been hoping …"; "…, whose … but who"): the two share their
    antecedent.  None when it is no such second relative (or a sentence ends between)."""
    if text[start:end].lower() not in _words.relative_subjects \
            or not _AND_BEFORE.search(text, max(0, start - 8), start):
        return None
    lo = max(0, start - RELATIVE_REACH)
    found = None
    for m in _RELATIVE.finditer(text, lo, start - 1):
        found = m.start()
    if found is None or any(c in text[found:start] for c in ".!?\n"):
        return None
    return found


# A relative clause describing the person just named: "… interviewed Corinne Ashby, who lives …".
_WHO_AFTER = re.compile(r",[ \t]+(?:who|whose)(?![\w’'])")


def described_after(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a relative clause about the person
    ("Deputies interviewed Ada Ruiz, who lives next door"): introduced as someone, like a role."""
    return _WHO_AFTER.match(text, end) is not None


# A verb of being between a name and a description: "Ada Greer is the party’s unifier who …".
_COPULA = re.compile(r"[ \t]+(?:is|was|remains|became|has become)[ \t]+")


def predicate_of(text: str, model, start: int) -> int | None:
    """The person a predicate description at ``start`` stands for: "Ada Greer is the
    party unifier who speaks …" -> Ada Greer (the name right before the verb of being)."""
    i = bisect.bisect_left(model.starts, start) - 1
    if i < 0:
        return None
    o = model.occurrences[i]
    if model.entities[o.entity].type != "person" or not _COPULA.fullmatch(text, o.end, start):
        return None
    return o.entity


# A verb only a plural subject takes, right after a relative pronoun: "… such as Ames who have".
_PLURAL_VERB = re.compile(r"[ \t]+(?:have|are|were|do|don’t|don't)(?![\w’'])")


def plural_relative(text: str, end: int) -> bool:
    """Whether the relative pronoun ending at ``end`` takes a plural verb, so it stands for
    several ("legislators such as Ames who have endorsed him"), never one person."""
    return _PLURAL_VERB.match(text, end) is not None


# The plural of a party, a nation or a generation before a verb, as a clause's subject:
# "Democrats decided", "the Millennials say" (not "Democrats in …", "Democrats and …"; group
# 1: the word before it, if any).
_GROUP_SUBJECT = re.compile(
    r"(?:(?<![\w’'%])([\w’'%]+)[ \t]+)?(?<![\w’'“\"])(" + GROUP_PLURAL.pattern
    + r")(?=[ \t]+(?!(?:of|in|and|or|for|to|on|at|from|with|who)\b)[a-z])")
GROUP_REACH = 400                         # characters back "they" looks for a group named as a subject
# A sentence-opening plural person noun and the place or body it belongs to, before a
# lower-case word (its verb): "Parents at Lakeview Elementary have …", "Nurses from St Mary’s
# say …" (group 1: the noun; the match: the group's name).
_LOCAL_GROUP = re.compile(r"(?<![\w’'])([A-Z][a-z]+s)[ \t]+(?:at|from|in|of)[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*"
                          r"(?:[ \t]+[A-Z][\w’'\-]*){0,4}(?=[ \t]+(?!(?:and|or|of|in|at|for|to|on|from|with|who)\b)[a-z])")


def group_named(text: str, start: int) -> tuple[int, str] | None:
    """(offset, name) of the last group named as a subject in the GROUP_REACH characters
    before a "they" at ``start`` ("… a small number of Democrats decided to mount
    a filibuster.  For 40 hours, they spoke …"); not a part of it ("most Republicans", "83% of
    young Republicans"), not after a preposition ("a surrogate for Republicans aiming …") or a
    cue (the subject of what a speaker said: "Republicans say Democrats are …"), nor
    a capitalised common noun ("Economists looked at …": a word the text never capitalises
    inside a sentence), nor a cohort no one speaks for ("Millennials", data/extract/cohort_nouns.txt); or
    a plural person noun and its place opening a sentence ("Parents at Lakeview Elementary have …")."""
    found = None
    prepositions = lexicon.lower_words("extract/np_prepositions.txt") - {"of"}
    for m in _GROUP_SUBJECT.finditer(text, max(0, start - GROUP_REACH), start):
        before = (m.group(1) or "").lower()
        if before not in _words.quantifier_heads and not before[-1:].isdigit() and before not in prepositions \
                and not _counted_part(text, m.start(1) if m.group(1) else m.start(2)) \
                and lexicon.cues().get(before) is None and _proper(text, m.group(2)) \
                and m.group(2).lower() not in lexicon.lower_words("extract/cohort_nouns.txt"):   # "Millennials"
            found = (m.start(2), m.group(2))
    for m in _LOCAL_GROUP.finditer(text, max(0, start - GROUP_REACH), start):
        noun = m.group(1).lower()
        if (found is None or m.start() > found[0]) and opens_sentence(text, m.start()) \
                and noun[:-1] in kinds.person_heads() and noun in kinds.person_heads():
            found = (m.start(), m.group())    # "Parents at Lakeview Elementary have …. They say"
    return found


# A quantifier and one lower-case modifier right before a group's plural: "some mainstream ",
# "many elite " before "Republicans" (group 1: the quantifier).
_COUNTED_BEFORE = re.compile(r"(?<![\w’'])([A-Za-z]+)[ \t]+$")


def _counted_part(text: str, at: int) -> bool:
    """Whether the lower-case modifier of a group's plural at ``at`` follows a quantifier
    ("some mainstream Republicans", "many elite Democrats"): a part of the group, not the
    group a later "they" stands for (as "most Republicans" is)."""
    if not text[at:at + 1].islower():
        return False
    m = _COUNTED_BEFORE.search(text, max(0, at - 16), at)
    return m is not None and m.group(1).lower() in _words.quantifier_heads


@lru_cache(maxsize=64)
def _proper(text: str, word: str) -> bool:
    """Whether the text writes ``word`` capitalised after a lower-case word somewhere: a name
    ("among Millennials"), not a common noun opening a sentence ("Economists")."""
    return re.search(r"[a-z,][ \t]+(?:the[ \t]+)?" + re.escape(word) + r"(?![\w’'])", text) is not None


# A break between sentences: ". ", "? ", ".” ", or a line break (a paragraph's start).
SENTENCE_BREAK = r"[.!?][”’\"']?[ \t]+|\n[ \t]*"

# A sentence-opening "As for"/"As to" before a name (the topic the sentence turns to): "As for ".
_TOPIC_BEFORE = re.compile(r"(?:^|" + SENTENCE_BREAK + r")As[ \t]+(?:for|to)[ \t]+$")


# A sentence opening with an imperative that points at what ends it, before a name and up to
# three title words: "Just look at ", "Consider ", "Take House Speaker ".
_POINTING_BEFORE = re.compile(r"(?:^|" + SENTENCE_BREAK + r")(?:(?:Just|Now|Or|And|But|So)[ \t]+)?"
                              r"(?:[Ll]ook[ \t]+at|[Cc]onsider|[Tt]ake|[Tt]hink[ \t]+of|[Ww]itness)[ \t]+"
                              r"(?:[\w.’'\-]+[ \t]+){0,3}$")
# The end of a sentence right after the name: ".", "!", "?", ":".
_ENDS_SENTENCE = re.compile(r"[.!?:](?:[ \t]|$)")


def topic(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is the topic a sentence opens with ("As for Ames, he
    said he was not worried") or the one a verbless pointing sentence presents ("Just look at
    Ames. He has …"): the one the text turns to, a subject for a pronoun after it."""
    if text.startswith(",", end):
        return _TOPIC_BEFORE.search(text, max(0, start - 12), start) is not None
    ends = _ENDS_SENTENCE.match(text, end - 1 if text.endswith(".", 0, end) else end) is not None   # "Ames Jr."
    return ends and _POINTING_BEFORE.search(text, max(0, start - 60), start) is not None


# A sentence's end right before a word, or the text's start.
_SENTENCE_END = re.compile(r"(?:^|" + SENTENCE_BREAK + r")$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence ("They continued …")."""
    return _SENTENCE_END.search(text, max(0, start - 4), start) is not None


# A sentence's first word right before a name: "Against " in ". Against Ruiz on Tuesday" (group 1).
_FIRST_WORD_BEFORE = re.compile(r"(?:^|" + SENTENCE_BREAK + r")([A-Z][a-z]+)[ \t]+$")


def fronted_object(text: str, start: int) -> bool:
    """Whether the name at ``start`` is the object of a preposition that opens its sentence
    ("Against Ruiz on Tuesday, she lost"; data/text/word_classes.txt [fronted_prepositions]):
    no subject, though it follows the sentence's first word as "Later Ruiz" does."""
    m = _FIRST_WORD_BEFORE.search(text, max(0, start - 16), start)
    return m is not None and m.group(1).lower() in names._words.fronted_prepositions


# A possessive pronoun and one lower-case noun, then a lower-case word: "Her husband waits",
# "His lawyer says" (group 1: the noun; not "Her husband, Piet Hale," nor "Her husband’s").  The
# capital comes first so that the engine skips straight to one (see entities._SUBJECT_PRONOUN).
_OWNED_ROLE = re.compile(r"[HT](?<![\w’'][HT])(?:(?<=H)(?:is|er)|(?<=T)heir)[ \t]+([a-z][\w\-]*)(?=[ \t]+[a-z])")


def owned_roles(text: str, quoted: list[tuple[int, int]], sources: set[int]) -> list[tuple]:
    """Every sentence-opening possessive and person's role outside quote marks that is no
    attribution's source, as a clause's subject ("Her husband waits by the door."): the
    person the text gave that role (or someone unnamed) acts there, in the form of
    :func:`.anaphora.anaphors` (start, end, None, the role)."""
    starts = [a for a, _ in quoted]
    out = []
    for m in _OWNED_ROLE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if m.start() in sources or k >= 0 and m.start() < quoted[k][1] or not opens_sentence(text, m.start()) \
                or not kinds.person_head(m.group(1)):
            continue
        out.append((m.start(), m.end(1), None, m.group(1)))
    return out


# What the text says of someone who goes by "they": "who uses they/them pronouns", "(they/them)".
_THEY_DECLARED = re.compile(r"(?<![\w’'])(?:uses?[ \t]+(?:the[ \t]+)?they/them(?:[ \t]+pronouns)?"
                            r"|uses?[ \t]+the[ \t]+pronouns?[ \t]+they|\(they/them\))", re.IGNORECASE)
THEY_REACH = 80                           # characters back from the words to the person's name


def they_people(text: str, model) -> frozenset[int]:
    """The people the text says go by "they" ("Rowan Petrakis, who uses they/them pronouns"):
    the person named last within THEY_REACH characters before those words, in one sentence."""
    out: set[int] = set()
    if "/them" not in text and "/Them" not in text and "pronoun" not in text:
        return frozenset(out)             # (a cheap test first: most texts say nothing of it)
    for m in _THEY_DECLARED.finditer(text):
        i = bisect.bisect_left(model.starts, m.start()) - 1
        if i >= 0:
            o = model.occurrences[i]
            if m.start() - o.end <= THEY_REACH and model.entities[o.entity].type == "person" \
                    and not re.search(r"[.!?\n]", text[o.end:m.start()]):
                out.add(o.entity)
    return frozenset(out)


def named_organisation(model, sal, start: int, low: str) -> int | None:
    """The organisation an unresolved "it" or "They" before a speech cue stands for: for "it"
    the entity named last but for people, if it is one ("Brightwell Foods has withdrawn … Its
    founder, Ana Ruiz, … It said …"); for a
    sentence-opening "They", the organisation named last as a subject, past a person who spoke
    between but not past a plural group named after it ("Millennials have … They say …").
    Named in this or the last paragraph.  ``sal`` is the resolver's running salience."""
    if low == "they" and not opens_sentence(sal.text, start):
        return None
    recent = sal.recent
    if low == "it":                       # past people named since ("Its founder, Ana Ruiz, stepped down"): no "it"
        recent = recent[:next((k for k, e in enumerate(recent) if model.entities[e].type != "person"), 0) + 1]
    eid = next((e for e in recent if model.entities[e].type == "organisation"
                and (low == "it" or sal.last[e][1])), None)
    if eid is None or sal.rank_of(start) - sal.last[eid][2] > 1:
        return None
    name = model.entities[eid].name
    after = max(sal.text.find(name, sal.last[eid][0], start) + len(name), sal.last[eid][0])   # past the name itself
    return None if low == "they" and (GROUP_PLURAL.search(sal.text, after, start)
                                      or plural_subject(sal.text, after, start)) else eid


# A lower-case plural noun, then a verb in the past or perfect: "officials looked", "aides have"
# (group 1: the noun).
_PLURAL_SUBJECT = re.compile(r"(?<![\w’'])([a-z]{3,}s)[ \t]+(?:[a-z]+ly[ \t]+)?(?:have|had|are|were|[a-z]{2,}ed)(?![\w’'])")


def plural_subject(text: str, start: int, end: int) -> bool:
    """Whether people named by a plural person noun are the subject of a clause in text[start:end]
    ("According to the Post, campaign officials looked into it. They …"): the nearer antecedent of a
    "They", not the organisation named before them."""
    for m in _PLURAL_SUBJECT.finditer(text, start, end):
        word = m.group(1)
        if names.is_plural(word) and any(kinds.person_head(w) for w in names.singulars(word)):
            return True
    return False


def carried_basis(a: Attribution, host: Attribution) -> str:
    """How a cue-less quote holds the speaker it takes from the quote it continues: in a
    sentence of its own ("“…,” Ortiz said. “…”") it is ``floating``; inside its host's own
    sentence ("“…,” Ortiz said, and “…”") the cue there is carried over: ``inherited``."""
    if a.rule == "floating" and a.sentence is not None and host.sentence is not None \
            and a.sentence.index == host.sentence.index:
        return "inherited"
    return "floating" if a.rule == "floating" else "inherited"


def _before(attrs: list[Attribution], j: int) -> int | None:
    """The attribution with a cue whose content comes last before attribution ``j``'s, in its paragraph."""
    at, para = attrs[j].fragments[0][0], attrs[j].sentence.paragraph
    prior = [k for k, b in enumerate(attrs) if b.cue is not None and b.fragments and b.sentence is not None
             and b.sentence.paragraph == para and b.fragments[0][0] < at]
    return max(prior, key=lambda k: attrs[k].fragments[0][0], default=None)


def exchange_turn(text: str, attrs: list[Attribution], entity, i: int) -> int | None:
    """A cue-less quote in an exchange between two people, read as the asker's turn: after a
    question and its reply ("“…?” he asked. “…,” she replied. “…”"), when the one who replied is
    named again at the next quote of the paragraph ("“…,” Ms Dunn said"), the turn changed in
    between.  Returns the question's attribution (``entity``: index -> resolved entity), or None."""
    a, j = attrs[i], attrs[i].follows
    if a.rule != "floating" or j is None or a.sentence is None or attrs[j].sentence is None \
            or attrs[j].cue is None or attrs[j].cue.lemma not in _words.reply_cues:
        return None
    k = _before(attrs, j)
    if k is None or attrs[k].cue.lemma not in _words.question_cues \
            or not text[slice(*attrs[k].fragments[-1])].rstrip("”’\"' ,").endswith("?"):
        return None
    later = [n for n, b in enumerate(attrs) if b.source is not None and b.fragments and b.sentence is not None
             and b.sentence.paragraph == a.sentence.paragraph and b.fragments[0][0] > a.fragments[-1][0]]
    n = min(later, key=lambda n: attrs[n].fragments[0][0], default=None)
    asker, replier = entity(k), entity(j)
    if n is None or asker is None or replier is None or asker == replier or entity(n) != replier:
        return None
    return k


# The word right before a relative pronoun, with no comma: "percent " in "64 percent who" (group 1).
_WORD_BEFORE = re.compile(r"(?<![\w’'])([\w%,.’'\-]+)[ \t]+$")


def counted_relative(text: str, start: int) -> bool:
    """Whether the relative pronoun at ``start`` follows a count of people straight ("64 percent
    who say", "a majority who"; data/extract/quantity_words.txt, or digits): it stands for the
    people counted, no one named, whoever the text named before."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is None or m.group(1).endswith(","):
        return False
    word = m.group(1).lower()
    return word in lexicon.lower_words("extract/quantity_words.txt") or word.rstrip("%").replace(",", "").isdigit()


# A capitalised name of a body that ends with a person's name: "Citizens for ", "Friends of the " before
# "Ames" (group 1: its first word; the words after it up to the person's name).
_BODY_BEFORE = re.compile(r"(?<![\w’'])([A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*[ \t]+(?:for|of|against)[ \t]+(?:the[ \t]+)?)$")


# The same body's name read whole, when the antecedent already runs over it: "Citizens for Ames".
_BODY_WHOLE = re.compile(r"[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*[ \t]+(?:for|of|against)[ \t]+(?:the[ \t]+)?"
                         r"[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*")


def body_with_name(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset, name) of the body whose capitalised name ends with the person's name
    text[start:end], or is text[start:end] whole, when a "which" follows it ("a group called
    Citizens for Ames, which expects …": the group, never the person), else None."""
    m = _BODY_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        m = _BODY_WHOLE.fullmatch(text, start, end)
        at = start
    else:
        at = m.start(1)
    if m is None or text[at:end].split()[0] in _words.subordinators or _after_place_preposition(text, at):
        return None
    return at, text[at:end]


def _after_place_preposition(text: str, at: int) -> bool:
    """Does a place preposition come right before ``at`` ("villagers in Satna against …"): the
    capitalised word there is a place, no first word of a body's name?"""
    before = text[max(0, at - 12):at].split()
    return bool(before) and before[-1] in lexicon.lower_words("extract/place_prepositions.txt")


# A subject pronoun of the narrative: "He", "she", "she’s".  Its first letter comes first, so the
# engine skips straight to the letters that can open one (a look-ahead first makes it try every
# offset: twice the time); look-behinds then check that a word starts there and which pronoun it is.
_SUBJECT_PRONOUN = re.compile(r"[HhSs](?<![\w’'][HhSs])(?:(?<=[Hh])e|(?<=[Ss])he)(?!\w)")
# "the" and up to three lower-case words or an age: "the admiral chuckled", "the 24-year-old needed …"
# (the T first, then what stands before it, for the same reason).
_THE_WORDS = re.compile(r"[Tt](?<![\w’'].)he((?:[ \t]+[a-z\d][\w\-]*){1,3})")
_WORD_AT = re.compile(r"[a-z\d][\w\-]*")


# The last comma or sentence end before a pronoun, and the first word after it.
_LAST_BREAK = re.compile(r"[,.!?\n][^,.!?\n]*$")
_FIRST_WORD = re.compile(r"[\s“\"]*([A-Z][a-z]+)\b")
# The rest of a sentence-opening clause, a comma and a capitalised word: the main clause's subject.
_MAIN_SUBJECT_AFTER = re.compile(r"[^,.!?\n]{0,100},\s+(?:[A-Z][\w’'.\-]*)")


def cataphoric(text: str, at: int) -> bool:
    """Whether the he/she at ``at`` stands for the subject named after it in its sentence:
    "Asked what she would do, Ms. Tebbe was quiet", "When he arrived, Varga said …" (the
    sentence opens with a participle or subordinator and no comma comes before the pronoun)."""
    if _MAIN_SUBJECT_AFTER.match(text, at) is None:
        return False
    lo = max(0, at - 90)
    brk = _LAST_BREAK.search(text, lo, at)
    if brk is not None and text[brk.start()] == "," or brk is None and lo > 0:
        return False
    first = _FIRST_WORD.match(text, brk.start() + 1 if brk is not None else 0, at)
    if first is None:
        return False
    word = first.group(1).lower()
    return word in lexicon.lower_words("extract/adjunct_leads.txt") or word.endswith(("ed", "ing"))


def anaphors(text: str, quoted: list[tuple[int, int]], sources: set[int]) -> list[tuple]:
    """Every he/she and every short definite description with a person's head ("the admiral")
    outside quote marks that is no attribution's source, in text order: (start, end, gender,
    description words or None for a pronoun)."""
    starts = [a for a, _ in quoted]

    def outside(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return at not in sources and not (k >= 0 and at < quoted[k][1])

    out = [(m.start(), m.end(), PERSON_PRONOUNS[m.group().lower()], None)
           for m in _SUBJECT_PRONOUN.finditer(text) if outside(m.start()) and not cataphoric(text, m.start())]
    heads = person_heads()
    for m in _THE_WORDS.finditer(text):
        if not any(w in heads or w.endswith("-year-old") for w in m.group(1).split()):
            continue                      # no person's head or age: most "the" phrases, told by their words alone
        words = list(_WORD_AT.finditer(text, m.start(1), m.end(1)))
        at = next((i for i, w in enumerate(words) if w.group() in heads or AGE_ROLE.fullmatch(w.group())), None)
        head = head_run(words, at, heads)
        if head is not None and outside(m.start()):
            out.append((m.start(), head.end(), None, text[words[0].start():head.end()]))
    out.sort()
    return out
