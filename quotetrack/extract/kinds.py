"""Kinds of description heads: which ("the company", "the club", "the regulator") may stand
for which organisation's name (data/extract/org_kinds.tsv), which stand for a person ("the
senator", "the mother") and which show a gender; read by :mod:`.entities` and the
resolution of descriptions."""
from __future__ import annotations

from functools import lru_cache

from ..text import lexicon
from .speakers import _lists


@lru_cache(maxsize=1)
def _org_kinds() -> dict[str, frozenset[str]]:
    """data/extract/org_kinds.tsv: a description's head noun -> the name words that show that kind."""
    return {head: frozenset(w.lower() for w in words.split())
            for head, words in lexicon.pairs("extract/org_kinds.tsv").items()}


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    return frozenset(w for ws in _org_kinds().values() for w in ws if w != "*")


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    """Lower-case heads of a description that names an organisation ("the company", "the
    group", "the magazine"): the kinds of data/extract/org_kinds.tsv and the words of extract/org_words.txt."""
    return frozenset(_org_kinds()) | _lists().orgs


def kind_fits(head: str, name: str) -> bool:
    """Whether an organisation may be the one a description's head names when no name word
    shows that kind: the head fits any organisation ("*" in extract/org_kinds.tsv: "the group"),
    shows its kind (:func:`kind_matches`) or the name shows no kind at all ("Family Circle"
    for "the magazine"; not "Harbour Trust" for "the company")."""
    if "*" in _org_kinds().get(head, ()) or kind_matches(head, name):
        return True
    words = {w.lower().strip("’'.") for w in name.split()}
    return not words & (_kind_words() | _lists().orgs)


def kind_matches(head: str, name: str) -> bool:
    """Whether an organisation's name shows the kind a description names: "the company" and
    "Harlow Foods", "the club" and "Riverside Rovers", "the ministry" and "Ministry of Health"."""
    words = {w.lower().strip("’'.") for w in name.split()}
    return head in words or bool(words & _org_kinds().get(head, frozenset()))


@lru_cache(maxsize=1)
def _alias_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that end an organisation's name (for a short form without its leading words)
    and those that end a company's (for a short form without them)."""
    return _kind_words() | _lists().orgs, _org_kinds()["company"] | _org_kinds()["firm"]


@lru_cache(maxsize=1)
def gendered_nouns() -> dict[str, str]:
    """Nouns that show a gender: honorifics and data/extract/gendered_nouns.tsv ("mother", "father")."""
    out = {k: v for k, v in _lists().honorifics.items() if v in ("m", "f")}
    out.update(lexicon.pairs("extract/gendered_nouns.tsv"))
    return out


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    """Heads of a description that stands for a person: titles, person nouns and gendered
    nouns ("the senator", "the candidate", "the businessman"), not organisations or documents."""
    titles = _lists().titles - lexicon.lower_words("extract/title_portfolios.txt")     # not "social", "defense"
    return (titles | lexicon.lower_words("text/person_nouns.txt") | frozenset(gendered_nouns())) \
        - org_nouns() - lexicon.lower_words("extract/document_nouns.txt")


def person_head(head: str) -> bool:
    """Whether a description's head stands for a person: one of :func:`person_heads` or a
    compound ending in one ("speechwriter", "neurosurgeon")."""
    heads = person_heads()
    return head in heads or any(head[k:] in heads for k in range(2, len(head) - 4))
