"""The document participle sieve: a participle cue right after a document noun that is the
object of the clause ("The mayor issued a statement saying the plan was “dead on arrival.”",
"His office put out a statement saying …"): the content follows the cue, the source is the
clause's subject (who issued the statement), not the document."""
from __future__ import annotations

from ...text import lexicon
from ...model import Cue
from .. import mentions
from ..segment import Token
from .grammar import _is_participle, _reported, _skip_adjuncts, _skip_object, _span
from .views import Attribution, Sent
from .leads import after_lead_phrase


def document_participle(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"She released a statement saying …": an -ing speech cue after a document its source
    issues (data/extract/issued_documents.txt) with no comma between; the source is the subject before
    the clause's verb, which must name someone."""
    toks = s.toks
    if ci < 3 or cue.type != "speech" or not _is_participle(cue):
        return None
    d = _document_before(toks, ci)
    if d is None:
        return None
    subject = _subject_after_lead(s, d) or mentions.forward_subject(toks, 0, d)
    if subject is None or subject[1] >= d or not mentions.names_someone(toks, *subject):
        return None
    verb = toks[subject[1]].text
    if not (verb.isalpha() and verb.islower()):
        return None                       # "The mayor’s statement saying …": no clause verb
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    content = _reported(s, cue, k)
    if content is None or len(s.text[content[0]:content[1]].split()) < 2:
        return None
    return Attribution((content,), _span(s, subject), cue, "document_participle", s.sentence)


def _subject_after_lead(s: Sent, d: int) -> tuple[int, int] | None:
    """The subject after a lead phrase with no comma ("Late on Wednesday Mr Moriarty issued a
    statement saying …"): the mention that ends right before the clause's verb, past the lead."""
    if s.toks[0].text.lower() not in lexicon.lower_words("extract/adjunct_words.txt"):
        return None
    for v in range(d - 1, 1, -1):
        src = s.mention(mentions.before, v)
        if src is not None and src[1] == v:
            return after_lead_phrase(s, src)
    return None


# Words that may open a short adjunct between the document and its participle: "a statement
# Tuesday saying", "a text message to supporters saying", "a post on Facebook saying".
_DOCUMENT_ADJUNCT_LEADS = frozenset({"to", "on", "in", "via", "from", "late", "early"})


def _document_before(toks: list[Token], ci: int) -> int | None:
    """The index of the issued document right before the participle at ``ci``, or before it and
    a short adjunct (a day, or a preposition and at most two words); None when there is none."""
    documents = lexicon.lower_words("extract/issued_documents.txt")
    if toks[ci - 1].text.lower() in documents:
        return ci - 1
    for d in range(ci - 2, max(0, ci - 5), -1):
        gap = toks[d + 1:ci]
        if toks[d].text.lower() in documents and all(t.text.isalpha() for t in gap) \
                and (gap[0].text.lower() in _DOCUMENT_ADJUNCT_LEADS and len(gap) >= 2
                     or len(gap) == 1 and gap[0].text.lower() in lexicon.lower_words("extract/calendar_words.txt")):
            return d
    return None


def mention_participle(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """"…, with Vega tweeting that it was a “disaster”", "footage of Vega saying, “…”": an -ing
    speech cue right after a mention that "with", "of" or "shows" opens
    (data/extract/participle_leads.txt); the mention is the source.  What follows is quoted,
    opens a clause ("with 52 percent saying they would …") or is a naming cue's object and label
    ("with Brandt calling the plan a swindle")."""
    toks = s.toks
    if ci < 2 or cue.type != "speech" or not _is_participle(cue):
        return None
    j = mentions.skip_modifiers_back(toks, ci)
    src = _after_lead(toks, j)
    if src is None or not mentions.names_someone(toks, *src):
        return None
    k = _skip_adjuncts(s, _skip_object(s, ce, cue), cue)
    content = _reported(s, cue, k)
    if content is None or len(s.text[content[0]:content[1]].split()) < 2:
        return None
    if not (s.doc.has_quote_in(*content) or s.doc.inside_quote(*content) or _opens_clause(s.text, content[0])
            or cue.lemma in lexicon.lower_words("extract/naming_cues.txt")):
        return None                       # "with the company claiming residency in Ireland": no report
    return Attribution((content,), _span(s, src), cue, "mention_participle", s.sentence)


_WORDS = lexicon.WordClasses("text/word_classes.txt")


def _counts(word: str) -> bool:
    """Does ``word`` head a count of people ("47 percent of", "half of", "most of")?"""
    word = word.lower()
    return word in ("percent", "%") or word in _WORDS.quantifier_heads or word.isdigit()


def _opens_clause(text: str, start: int) -> bool:
    """Does unquoted content open with a subject pronoun or a word that embeds a clause ("with
    52 percent saying they would vote", "with Vega asking whether …"), so it is reported
    words, not an object ("with the company claiming residency abroad")?"""
    first = text[start:start + 12].split(maxsplit=1)
    word = first[0].lower() if first else ""
    return word in _WORDS.nominative or word in _WORDS.embedding


def _after_lead(toks: list[Token], j: int) -> tuple[int, int] | None:
    """The mention that ends at token ``j`` right after a lead word ("with", "of", "shows"),
    read back at most mentions.MAX_MENTION_TOKENS tokens.  A count and its "of" belong to
    the mention ("with 47 percent of voters saying"): the lead is the word before the count."""
    leads = lexicon.lower_words("extract/participle_leads.txt")
    count_of = None
    for i in range(j - 2, max(-1, j - 2 - mentions.MAX_MENTION_TOKENS), -1):
        if toks[i].text.lower() == "of" and i > 0 and _counts(toks[i - 1].text) and count_of is None:
            count_of = i
            continue
        if toks[i].text.lower() in leads:
            return (i + 1, j) if mentions.after(toks, i + 1) in ((i + 1, j), (i + 1, count_of)) else None
    return None
