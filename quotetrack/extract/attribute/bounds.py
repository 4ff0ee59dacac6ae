"""Where reported content stops before a sentence's last comma: the reporter's own adjunct or
summing-up noun phrase that follows the reported clause ("Most members said they would back
the plan[, compared with 30 percent last year]", "The mayor said the bridge would reopen in
May[, a delay that angered commuters]").  Read by :func:`.grammar._clause_breaks`."""
from __future__ import annotations

import bisect

from ...text import lexicon
from ...text.marks import POSSESSIVE_S, TOKEN_OPENING
from .. import mentions
from ..segment import Token
from .offsets import word_count
from .views import Sent

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

def closing_adjunct(toks: list[Token], i: int) -> bool:
    """Does the comma at token ``i`` open an adjunct the reporter adds ("…, despite …",
    "…, compared with …": data/text/word_classes.txt [tail_adjuncts]) or a noun phrase that
    sums up the clause before it ("…, a move that …")?  The caller asks only at a sentence's
    last comma, so a parenthesis ("X, even as a candidate, had …") never ends content."""
    return i + 2 < len(toks) and (toks[i + 1].text.lower() in _words.tail_adjuncts or _sums_up(toks, i)
                                  or _result_participle(toks, i))


def _result_participle(toks: list[Token], i: int) -> bool:
    """Does the comma at token ``i`` open a participle of effect, the reporter's note of what the
    statement did ("…, forcing the council to delay …", "…, prompting calls for …":
    data/text/word_classes.txt [result_participles])?  A participle of the content's own
    ("…, ranging from …", "…, having sold …") goes on with it."""
    return toks[i + 1].text in _words.result_participles



def participle_after_quote(toks: list[Token], i: int) -> bool:
    """Does a comma set after the closing mark at token ``i`` open a participle or a
    subordinator ("would “redefine the field”, betting that …", "“a farce”, while …"), as
    "“…,” betting …" does with the comma inside the marks?"""
    if i + 2 >= len(toks) or toks[i + 1].text != ",":
        return False
    nxt = toks[i + 2].text
    return nxt.islower() and (nxt in _words.adjunct_openers or (len(nxt) > 5 and nxt.endswith("ing")))


def _sums_up(toks: list[Token], i: int) -> bool:
    """"…, a move that angered …", "…, a 16-point margin over …"; not "…, a boss invited her" nor
    "…, a third of the towns they studied would need …" (a verb before any relative opens a new
    clause), not "…, Y, a bank loan and Z" (a list), not "…, a day after the vote" (time),
    nor "called X, his rival, an …" (an
    appositive opened earlier in the sentence: the second noun phrase is a label).  Also the
    reporter's gloss "the …" on a name (:func:`_gloss`)."""
    if toks[i + 1].text.lower() not in _words.summary_openers and not _gloss(toks, i) \
            or toks[i + 2].text.lower() in _words.time_units:
        return False                      # (not "…, a day after the vote": a time adjunct)
    for k in range(i + 2, len(toks)):
        low = toks[k].text.lower()
        if low in _words.relatives or low == "that":
            break
        if low in ("and", "or") or low in _words.finite_auxiliaries or low in _words.irregular_pasts \
                or (k > i + 2 and toks[k].text.islower() and low.endswith("ed")):
            return False
    return not any(toks[k].text == "," and toks[k + 1].text.lower() in _words.appositive_openers
                   for k in range(i))


def _gloss(toks: list[Token], i: int) -> bool:
    """Does "the" after the comma at token ``i`` open the reporter's gloss on the name the
    reported clause ends with ("announced his support for Mr. Roe[, the party's nominee]",
    "…, backed by Ann Lind[, the matriarch of …]") or on its last noun ("…[, the latter a
    reference to …]": data/text/word_classes.txt [gloss_pointers])?"""
    return toks[i + 1].text == "the" and (mentions.is_capitalised(toks[i - 1].text)
                                          or toks[i + 2].text.lower() in _words.gloss_pointers)


def object_end(toks: list[Token], k: int, end: int) -> int | None:
    """Where a noun-phrase or to-infinitive object that starts at token ``k`` and runs to offset
    ``end`` stops: before a second predicate of the subject, joined by "and"/"but" ("denied the
    charges [and accused her of …]", "echoed the theme [and took the stage]").  None when the
    object is a clause (a verb before the "and": "said the deal was fair and …", "said the board
    remained loyal and …"; or a quote
    mark, whose words may hold it: "said the party “remains loyal” but would …") or no second
    predicate follows."""
    first = toks[k].text.lower() if k < len(toks) else ""
    if first not in _words.object_determiners and first != "to":
        return None
    for i in range(k + 2, len(toks) - 2):
        if toks[i].start < end and _comma_predicate(toks, k, i):
            return toks[i - 1].end        # "praised X, opposed his deal and …": a list of predicates
        if toks[i].start >= end or _finite(toks, i) or _past_after_noun(toks, i) or toks[i].text in TOKEN_OPENING:
            return None                   # (a quoted fragment may hold the clause's verb)
        if toks[i].text.lower() in ("and", "but") and toks[i - 1].text != "," and _predicate(toks, _past_adverbs(toks, i + 1)):
            return toks[i - 1].end
    return None


def _comma_predicate(toks: list[Token], k: int, i: int) -> bool:
    """Does the first comma of a noun-phrase object that starts at token ``k``, at token ``i``,
    open a second predicate of the cue's subject: a past verb with its own object ("praised his
    rival's record[, opposed his trade deal] and …")?  Not a parenthesis inside a clause's
    subject ("the upside, in his view, would …"), nor a participle ("the bill, led by …")."""
    if toks[i].text != "," or i + 2 >= len(toks) or any(toks[n].text == "," for n in range(k, i)):
        return False
    j = _past_adverbs(toks, i + 1)
    if j + 1 >= len(toks) or not toks[j].text.islower():
        return False
    word, nxt = toks[j].text.lower(), toks[j + 1].text.lower()
    past = word in _words.irregular_pasts or (word.endswith("ed") and len(word) > 4)
    return past and (nxt in _words.object_determiners or nxt in _OBJECT_PRONOUNS)


def _past_adverbs(toks: list[Token], i: int) -> int:
    """Token ``i`` moved past "also"/"then"/"later" and -ly adverbs."""
    while i < len(toks) and (toks[i].text.lower() in _AFTER_AND or
                             (toks[i].text.islower() and toks[i].text.endswith("ly") and len(toks[i].text) > 4)):
        i += 1
    return i


_AFTER_AND = frozenset(("also", "then", "later"))


def opens_subject(toks: list[Token], k: int) -> bool:
    """Does the adjunct word at token ``k`` after a cue open the reported clause's subject: a
    finite verb follows ("said this is …"), or it opens a count ("said at least 12 people were
    killed", "said at most half")?"""
    if k + 1 >= len(toks):
        return False
    return toks[k + 1].text.lower() in _words.finite_auxiliaries or opens_count(toks, k)


def opens_count(toks: list[Token], k: int) -> bool:
    """Do two approximators and a quantity open at token ``k`` ("at least 12", "at least two")?"""
    approximators = lexicon.lower_words("extract/approximators.txt")
    return k + 2 < len(toks) and toks[k].text.lower() in approximators \
        and toks[k + 1].text.lower() in approximators and mentions.is_quantity(toks[k + 2].text)


def _finite(toks: list[Token], i: int) -> bool:
    """Is token ``i`` an auxiliary or an irregular past ("was", "took")?"""
    return i < len(toks) and (toks[i].text.lower() in _words.finite_auxiliaries
                              or toks[i].text.lower() in _words.irregular_pasts)


def _past_after_noun(toks: list[Token], i: int) -> bool:
    """Is token ``i`` a lower-case word in -ed that no determiner opens, the verb of a clause
    ("said the board remained …"; not "the alleged plot")?"""
    word = toks[i].text
    return word.islower() and word.endswith("ed") and len(word) > 4 \
        and toks[i - 1].text.lower() not in _words.object_determiners


def _predicate(toks: list[Token], i: int) -> bool:
    """Does token ``i`` open a second predicate: a finite verb, or a lower-case word in -ed with
    its own object after it ("and jailed him", "and celebrated the ruling"; not "and unsettled
    weather")?"""
    if _finite(toks, i):
        return True
    if i + 1 >= len(toks) or not (toks[i].text.islower() and toks[i].text.endswith("ed") and len(toks[i].text) > 4):
        return False
    return toks[i + 1].text.lower() in _words.object_determiners or toks[i + 1].text.lower() in _OBJECT_PRONOUNS


_OBJECT_PRONOUNS = frozenset(("him", "her", "them", "it", "us", "me", "himself", "herself", "themselves"))


def parenthetical_relative(toks: list[Token], i: int) -> bool:
    """Does the relative clause opened at the comma ``i`` close again at a comma followed by the
    verb of the clause it interrupts ("said the governor, who must decide, has given no sign":
    the content goes on)?  The closing comma must come within _RELATIVE_REACH tokens, and the
    verb be an auxiliary or modal written out ("has", "are", "would"; not a contracted "’s")."""
    for j in range(i + 2, min(len(toks) - 1, i + _RELATIVE_REACH)):
        if toks[j].text == ",":
            nxt = toks[j + 1].text
            return nxt.isalpha() and nxt.islower() and nxt in _words.finite_auxiliaries
        if toks[j].text in (";", ":") or toks[j].text in TOKEN_OPENING:
            return False
    return False


_RELATIVE_REACH = 20                      # tokens of a relative clause inside reported content


def verb_after_comma(toks: list[Token], i: int) -> bool:
    """Is token ``i`` a comma followed by a written-out auxiliary or modal ("The contrast, said
    Doyle, [, would] be clear")?  After an inverted source it goes on with the content, where
    a lower-case noun would be the source's appositive (", said Ann Roe, editor of …")."""
    if i + 1 >= len(toks) or toks[i].text != ",":
        return False
    nxt = toks[i + 1].text
    return nxt.isalpha() and nxt.islower() and nxt in _words.finite_auxiliaries


_SOURCE_TAIL = 10                           # tokens an inverted source's tail may run on


def source_tail_end(toks: list[Token], i: int) -> int:
    """Where an inverted source's own words end when a comma and a written-out auxiliary come
    after them (":func:`verb_after_comma`"): "The contrast, said Doyle [and others], would be
    clear", "…, said Doyle[, who knows her well], would …", "…, say experts [like Ann Roe], is
    …"; ``i`` (the token after the source's mention) when none does within a few words."""
    if verb_after_comma(toks, i):
        return i
    for j in range(i, min(len(toks), i + _SOURCE_TAIL)):
        if toks[j].text in (";", ":", ".") or toks[j].text in TOKEN_OPENING:
            break
        if verb_after_comma(toks, j):
            return j
    return i


def participial_opening(words: list[str]) -> bool:
    """Are ``words`` (a stretch with no comma) a participial phrase that opens a sentence, an
    -ing word and no finite verb after it ("Opening the case last week", "Speaking outside
    court")?  It frames the clause that follows; it is not what that clause's cue reports.
    A gerund subject has a verb of its own ("Cutting costs is the easy part")."""
    first = words[0] if words else ""
    if len(first) < 5 or not first[0].isupper() or not first.lower().endswith("ing"):
        return False
    return not any(w.lower() in _words.finite_auxiliaries or w.lower() in _words.irregular_pasts
                   or (w.islower() and w.endswith(("ed", "s")) and not w.endswith(_NOT_VERB_ENDINGS) and len(w) > 3)
                   for w in words[1:])


_NOT_VERB_ENDINGS = (*POSSESSIVE_S, "ss")     # a possessive or a noun in -ss ("his father's", "business"): no verb


def gerund_before_conjunction(toks: list[Token], src: tuple[int, int], j: int) -> bool:
    """Is a head cue's subject a gerund's phrase with a conjunction the last word before the cue
    ("it had waited before taking the decision and thanked …")?  The cue is coordinated with
    an earlier verb; a gerund's object is no speaker."""
    first = toks[src[0]].text
    return j > 0 and toks[j - 1].text.lower() in _words.conjunctions and first.islower() \
        and first.endswith("ing") and len(first) > 5


def object_before_conjunction(toks: list[Token], src: tuple[int, int], j: int, speech: bool) -> bool:
    """Is a head cue's subject no subject but the object of a verb the cue is coordinated with:
    a gerund's phrase (above), or, before a speech cue, a mention that ends right at the
    conjunction ("Ann Roe became a delegate and said …", "The Ledger obtained a video of the
    28-minute speech and said …")?  The coordinated sieve reads the subject of that verb
    instead.  (Not before a thought cue: "… and found flames coming from …" reports nothing.)"""
    return gerund_before_conjunction(toks, src, j) or (
        speech and 0 < j and src[1] == j - 1 and toks[j - 1].text.lower() in _words.conjunctions)


def concessive(toks: list[Token], i: int) -> bool:
    """Does the comma at token ``i`` open the reporter's concession, a two-word one and a new
    subject after it ("said he would back the nominee[, even as he has attacked him]", "…[, even
    though Ms Orla …]"; data/text/word_classes.txt [concessives])?  Not a parenthesis with no
    subject ("X, even as a candidate, had …"): the content goes on.  Nor a concession whose
    subject is a personal pronoun the sentence has used after its first word ("said she learned
    of it from a neighbour, even though she had …"): it goes on with the reported clause."""
    if i + 3 >= len(toks) or f"{toks[i + 1].text} {toks[i + 2].text}".lower() not in _words.concessives:
        return False
    after = toks[i + 3].text.lower()
    if after in _PERSONAL and any(toks[k].text.lower() == after for k in range(1, i)):
        return False
    return _new_subject(toks, i + 3)


def _new_subject(toks: list[Token], k: int) -> bool:
    """Does token ``k`` open a new clause's subject ("he", "the", "Ms Orla"; not "that")?"""
    word = toks[k].text
    return word.lower() in _words.new_subjects or (mentions.is_capitalised(word) and word.lower() != "that")


_PERSONAL = frozenset(("he", "she", "i", "we", "they", "it"))   # subject pronouns a concession may repeat


def inner_subordinate_comma(s: Sent, src: int, k: int) -> int:
    """Token index of the comma that closes an adverbial clause a subordinator opens right
    before the cue's subject inside the sentence ("A week after Ann Roe announced [the plant
    would close], the town …", "…, and while he said [he would hold a hearing], it’s unlikely
    …"), else -1: the first comma outside quote marks after the content's first token ``k``
    that a new subject follows (the main clause, the reporter's; a comma before it opens an
    aside: ", also known as …"), when the content before it keeps _MIN_INNER words."""
    toks = s.toks
    if src < 1 or toks[src - 1].text.lower() not in _words.subordinators:
        return -1
    commas = s.marks("commas").outside
    at = bisect.bisect_right(commas, k)
    if at and commas[at - 1] > src:
        return -1                         # ("as X observed, [the main clause]": the content is it)
    for i in commas[at:]:
        if i + 2 < len(toks) and _main_subject(toks, i + 1):
            return i if word_count(s.text, toks[k].start, toks[i].start) >= _MIN_INNER else -1
    return -1


def _main_subject(toks: list[Token], k: int) -> bool:
    """Does token ``k`` open a main clause's subject ("the town", "it’s"; not "which", nor a
    name in apposition: "accused a judge, Ann Roe, of …")?"""
    low = toks[k].text.lower()
    if low.startswith(_CONTRACTED):
        return True
    return low not in _words.relatives and _new_subject(toks, k) and not _apposed_name(toks, k)


_MIN_INNER = 3      # words the cut content keeps: a shorter one ("criticizing [Trump, however], she …")
                    # is no statement the head sieve keeps (objects.too_short), so the clause is not cut


def _apposed_name(toks: list[Token], k: int) -> bool:
    """Is the capitalised run at token ``k`` closed by a comma, a name in apposition ("assailed
    a judge, Ann Roe, for …"), not a clause's subject?"""
    n = k
    while n < len(toks) and mentions.is_capitalised(toks[n].text):
        n += 1
    return n > k and n < len(toks) and toks[n].text == ","


_CONTRACTED = tuple(f"{w}{a}" for w in ("it", "he", "she", "they", "we", "i", "there") for a in "’'")  # "it’s"


DASHES = frozenset({"—", "–", "-", "--", "―"})   # dash tokens (a spaced "--" comes as two "-")


def lone_dash(s: Sent) -> int:
    """Token index of a sentence's one spaced dash outside quote marks when the reporter's
    clause opens after it ("said the bridge would reopen in May [- though it is unclear …]":
    data/text/word_classes.txt [dash_clause_openers] but "and", a clause joiner before a new
    subject as after a comma, or [concessives]), else -1; -1 too for a pair of dashes ("said the
    rest – though not all – would stay": an aside the content runs around)."""
    toks = s.toks
    found, after, i = -1, -1, 1
    while i < len(toks) - 1:
        j = i                             # j: the token after a run of dashes ("--" is two)
        while j < len(toks) - 1 and toks[j].text in DASHES and (j == i or toks[j].start == toks[j - 1].end):
            j += 1
        if j > i and toks[i - 1].end < toks[i].start and toks[j - 1].end < toks[j].start \
                and not s.doc.inside_quote(toks[i].start, toks[i].end):
            if found >= 0:
                return -1                 # a pair: an aside
            found, after = i, j
        i = max(j, i + 1)
    if found < 0:
        return -1
    nxt = toks[after].text.lower()
    if nxt == "and" or nxt not in _words.dash_clause_openers:
        return found if concessive(toks, after - 1) else -1
    joins = nxt in _words.clause_joiners          # "- but the owners …", not "- but only up to a point"
    return found if not joins or after + 1 < len(toks) and _new_subject(toks, after + 1) else -1


def held_back(toks: list[Token], i: int) -> bool:
    """Does "but" at token ``i`` open the reporter's note that the source held something back
    ("confirmed the talks would go on [but would not say where]", "said she would vote [but
    declined to name] …": data/text/word_classes.txt [refusal_leads] then [disclosure_verbs])?
    Not after "and" ("said the firm was cooperating and would not comment further": the
    reported clause's own refusal), nor a refusal of anything else ("… but would not require
    a vote")."""
    if toks[i].text.lower() != "but" or i + 3 >= len(toks):
        return False
    one, two = toks[i + 1].text.lower(), f"{toks[i + 1].text} {toks[i + 2].text}".lower()
    if one in _words.refusal_leads:
        return toks[i + 2].text.lower() in _words.disclosure_verbs
    return two in _words.refusal_leads and toks[i + 3].text.lower() in _words.disclosure_verbs
