"""Cached loaders for the word lists in ``quotetrack/data``.

Every list is a UTF-8 text file, one entry a line, ``#`` starting a comment.
Nothing is read at import time; each loader reads its file once, on first use.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


class CueEntry(NamedTuple):
    lemma: str
    type: str        # speech | thought | evidence


def _read(name: str) -> str:
    """The text of ``data/NAME``; NAME is ``USER/FILE``, the lowest package that reads it
    ("extract/cues.tsv")."""
    return resources.files("quotetrack").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """The entries of data/NAME: stripped, comments and blank lines dropped."""
    raw = _read(name)
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-entry-a-line list as a set (entries kept as written)."""
    return frozenset(lines(name))


@lru_cache(maxsize=None)
def lower_words(name: str) -> frozenset[str]:
    """A one-entry-a-line list as a lower-cased set."""
    return frozenset(w.lower() for w in lines(name))


@lru_cache(maxsize=None)
def cues() -> dict[str, CueEntry]:
    """Every inflected form of every cue in data/text/cues.tsv, lower-cased, to its entry.

    A line is ``lemma<TAB>type<TAB>form|form|…``; multi-word cues ("point out")
    have multi-word forms ("pointed out").
    """
    table: dict[str, CueEntry] = {}
    for line in lines("text/cues.tsv"):
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"quotetrack/data/text/cues.tsv: bad line {line!r}: want lemma<TAB>type<TAB>forms")
        lemma, kind, forms = (p.strip() for p in parts)
        for form in forms.split("|"):
            form = " ".join(form.lower().split())
            if form:
                table.setdefault(form, CueEntry(lemma, kind))
    return table


def is_speech_form(form: str) -> bool:
    """Whether a lower-cased word is a form of a speech cue in data/text/cues.tsv ("said",
    "says", "told"; not "argued", a thought or act cue, nor "Said").

    >>> is_speech_form("said"), is_speech_form("Said"), is_speech_form("the")
    (True, False, False)
    """
    entry = cues().get(form)
    return entry is not None and entry.type == "speech"


@lru_cache(maxsize=None)
def pairs(name: str) -> dict[str, str]:
    """A two-column tab-separated list as a dict (first column lower-cased)."""
    out = {}
    for line in lines(name):
        key, _, value = line.partition("\t")
        out[key.strip().lower()] = value.strip()
    return out


@lru_cache(maxsize=None)
def sections(name: str) -> dict[str, frozenset[str]]:
    """A sectioned list: ``[name]`` lines open a section, then one entry a line (as written).

    >>> sorted(sections("text/word_classes.txt")["relative_subjects"])
    ['which', 'who']
    """
    out: dict[str, set[str]] = {}
    current = None
    for line in lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), set())
        elif current is None:
            raise ValueError(f"quotetrack/data/{name}: {line!r} comes before any [section]")
        else:
            current.add(line)
    return {key: frozenset(value) for key, value in out.items()}


class WordClasses:
    """The sections of a sectioned list as attributes, read on first use.

    >>> "unless" in WordClasses("text/word_classes.txt").subordinators
    True
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, key: str) -> frozenset[str]:
        try:
            value = sections(self._name)[key]
        except KeyError:
            raise AttributeError(f"no [{key}] section in quotetrack/data/{self._name}") from None
        setattr(self, key, value)     # later reads are plain attribute lookups
        return value


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated list as rows of stripped fields (first field lower-cased)."""
    out = []
    for line in lines(name):
        fields = [f.strip() for f in line.split("\t")]
        fields[0] = fields[0].lower()
        out.append(tuple(fields))
    return tuple(out)


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[str, ...]:
    """A one-pattern-a-line list; only whole lines starting with ``#`` are comments
    (a pattern may contain ``#``)."""
    return tuple(line.strip() for line in _read(name).splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


def trie_pattern(forms: list[str]) -> str:
    """A regular expression that matches any of ``forms``, written as a character trie
    so the engine follows one branch per character instead of trying every form in turn.

    >>> trie_pattern(["say", "said", "said of"])
    'sa(?:id(?:\\\\s+of)?|y)'
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
