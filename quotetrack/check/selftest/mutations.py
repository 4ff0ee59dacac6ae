"""The mutations: small pure functions, each changing one quote of a source article in one
known way (:data:`MUTATIONS`, name -> function), and the unmutated drafts."""
from __future__ import annotations

import random
import re
from typing import Callable

from ...text import lexicon
from ...model import UNCONFIRMED_BASES, Document
from ...text import quantities
from .words import (
    BARE_NOT, END_PUNCT, FRAGMENT_WORDS, INNER_COMMA, MIN_WORDS, Mutant, NUMBER_TOKEN,
    SENTENCE_END, WORD, _affirmative_pattern, _end_punct, _long_passages, _mutant,
    _negated_pattern, _number_words, _opener_pattern, _paraphrases, _qualifier_pattern, _quotable,
    _same_case, _splice, _top_spans, fabricated, negation_pairs, passages, words)


# --- mutations ---------------------------------------------------------------------------------------

def swap_speaker(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The attribution names another person of the article → ``wrong-speaker``
    (``speaker-unconfirmed`` when the article read that speaker through a pronoun or a
    description).

    The speaker mention at the attribution ("Renko", "he") is replaced by the full name
    of another person who speaks in the article.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal,” Ortiz said.\\n“That is far too soon for us,” Mara Lind said.")
    >>> m = swap_speaker(doc, 0, random.Random(0))
    >>> m.text.splitlines()[0], m.speaker
    ('“We will sign the deal,” Mara Lind said.', 'Mara Lind')
    """
    quote = doc.quotes[index]
    if not _quotable(doc, index) or quote.mention is None or not quote.speaker:
        return None
    if quote.speaker_type not in ("person", "pronoun"):
        return None
    spoken = {q.speaker for q in doc.quotes}
    others = [e.name for e in doc.entities
              if e.type == "person" and e.name != quote.speaker and e.name in spoken
              and len(e.name.split()) > 1]
    pieces = _long_passages(doc, index)
    if not others or not pieces:
        return None
    name = rng.choice(sorted(others))
    start, end = quote.mention.start, quote.mention.end
    if "," in quote.mention.text and doc.text[end:end + 1] == ",":
        end += 1                          # "One of them, a teacher named X, said": the apposition's comma goes too
    shift = len(name) - (end - start) if start < pieces[0][0] else 0
    draft = _splice(doc.text, start, end, name)
    intended = "speaker-unconfirmed" if quote.speaker_basis in UNCONFIRMED_BASES else "wrong-speaker"
    return Mutant("speaker-swap", intended, draft, pieces[0][0] + shift, pieces[0][1] + shift, name)


def change_number(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A number in the quote is changed → ``number-changed``.

    The numbers are those :func:`quotetrack.text.quantities.find` reads (so "F-35" and "no
    one" are not numbers).  In digits the last digit moves by one ("1.2" → "1.3"; a 9
    goes down to 8); a number word becomes the next in data/selftest/selftest_numbers.tsv
    ("three" → "four", "million" → "billion").

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We lost 40 jobs in three weeks,” Ortiz said.")
    >>> change_number(doc, 0, random.Random(0)).text
    '“We lost 40 jobs in four weeks,” Ortiz said.'
    >>> change_number(doc, 0, random.Random(1)).text
    '“We lost 41 jobs in three weeks,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    candidates = []
    for s, e in _long_passages(doc, index):
        for q in quantities.find(doc.text, s, e):
            changed = _changed_number(q.text)
            if q.value is not None and changed:
                at, old, new = changed
                candidates.append((q.start + at, q.start + at + len(old), new, s, e))
    if not candidates:
        return None
    start, end, new, s, e = rng.choice(sorted(candidates))
    passage = doc.text[s:start] + new + doc.text[end:e]
    return _mutant("number", "number-changed", doc.text, s, e, passage)


def _changed_number(text: str) -> tuple[int, str, str] | None:
    """The first number token of a quantity and what it becomes: (offset, old, new).

    >>> _changed_number("$1.2bn"), _changed_number("Three million jobs"), _changed_number("a dozen")
    ((1, '1.2', '1.3'), (0, 'Three', 'Four'), None)
    """
    table = _number_words()
    for m in NUMBER_TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            last = int(token[-1])
            return m.start(), token, token[:-1] + str(last + 1 if last < 9 else last - 1)
        if token.lower() in table:
            return m.start(), token, _same_case(token, table[token.lower()])
    return None


def flip_negation(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A negation is removed from the quote, or, when it has none, inserted → ``negation-changed``.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We are not here to sign a paper,” Ortiz said.\\n“This is the right system,” Ortiz said.")
    >>> flip_negation(doc, 0, random.Random(0)).text.splitlines()[0]
    '“We are here to sign a paper,” Ortiz said.'
    >>> flip_negation(doc, 1, random.Random(0)).text.splitlines()[1]
    '“This is not the right system,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = _long_passages(doc, index)
    for s, e in pieces:                                    # remove a negation first
        found = _find_negation(doc.text, s, e, inner=True)
        if found:
            start, end, affirmative = found
            passage = doc.text[s:start] + affirmative + doc.text[end:e]
            if not affirmative:
                passage = doc.text[s:start] + doc.text[end:e].lstrip()
            return _mutant("negation", "negation-changed", doc.text, s, e, passage)
    negate = {}
    for aff, neg in negation_pairs():
        negate.setdefault(aff, neg)
    for s, e in pieces:                                    # else insert one
        m = _affirmative_pattern().search(doc.text, s, e)
        if m:
            new = _same_case(m.group(), negate[m.group().lower()])
            passage = doc.text[s:m.start()] + new + doc.text[m.end():e]
            return _mutant("negation", "negation-changed", doc.text, s, e, passage)
    return None


def negations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every negation in ``text[start:end]``, in order: (start, end, the affirmative it
    stands for; '' for a bare "not" or "never").

    >>> negations("They don't know; it is not over.", 0, 32)
    [(5, 10, 'do'), (20, 26, 'is')]
    """
    found = []
    for m in _negated_pattern().finditer(text, start, end):
        form = re.sub(r"\s+", " ", m.group().lower().replace("’", "'"))
        aff = next(a for a, neg in negation_pairs() if neg == form)
        found.append((m.start(), m.end(), _same_case(m.group(), aff)))
    for m in BARE_NOT.finditer(text, start, end):
        at = m.start()
        if not any(s <= at < e for s, e, _ in found):
            found.append((at, at + len(m.group().rstrip()), ""))
    return sorted(found)


def _find_negation(text: str, start: int, end: int, inner: bool = False) -> tuple[int, int, str] | None:
    """The first negation in ``text[start:end]``: (start, end, affirmative it stands for);
    with ``inner``, a bare "not"/"never" counts only with a word before it (taking away
    a leading "Not" would leave a piece of the source: a truncation, not a changed negation).

    >>> _find_negation("They don't know.", 0, 16)
    (5, 10, 'do')
    >>> _find_negation("Not now, not ever.", 0, 18, inner=True)
    (9, 12, '')
    """
    for hit in negations(text, start, end):
        if not inner or hit[2] or WORD.search(text, start, hit[0]):
            return hit
    return None


def cut_qualifier(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote stops right before a qualifying clause (", but only if", "unless") → ``truncated``.

    The clause is cut from the quote's last passage, or, in an interrupted quote whose last piece
    opens with one (“…,” she said, “but …”), that piece is left out.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal, but only if the terms change,” Ortiz said.")
    >>> cut_qualifier(doc, 0, random.Random(0)).text
    '“We will sign the deal,” Ortiz said.'
    >>> doc = extract("“We respect the court and its work,” Ortiz said, “but the jury was misled.”")
    >>> cut_qualifier(doc, 0, random.Random(0)).text
    '“We respect the court and its work,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = passages(doc, index)
    if pieces:                                # the quote must stop there: its last piece is cut
        s, e = pieces[-1]
        m = _qualifier_pattern().search(doc.text, s, e)
        if m and len(words(doc.text[s:m.start()])) >= MIN_WORDS:
            kept = doc.text[s:m.start()] + _end_punct(doc.text[s:e])
            return _mutant("cut-qualifier", "truncated", doc.text, s, e, kept)
    return _drop_qualifying_piece(doc, index)


def _drop_qualifying_piece(doc: Document, index: int) -> Mutant | None:
    """An interrupted quote without its last piece when that piece opens a qualifying clause."""
    spans = [sp for sp in _top_spans(doc.text, doc.paragraphs)
             if any(s <= sp.start and sp.end <= e for s, e in doc.quotes[index].fragments)]
    if len(spans) < 2 or spans[-1].paragraphs > 1:
        return None
    last_start, last_end = spans[-1].inner
    if not _opener_pattern().match(doc.text[last_start:last_end].lstrip()):
        return None
    kept_start, kept_end = spans[-2].inner
    if len(words(doc.text[kept_start:kept_end])) < MIN_WORDS:
        return None
    gap = doc.text[spans[-2].end:spans[-1].start].rstrip(" ,;:—–-")
    draft = doc.text[:spans[-2].end] + gap + "." + doc.text[spans[-1].end:].lstrip(".")
    return Mutant("cut-qualifier", "truncated", draft, kept_start, kept_end)


def cut_after_negation(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote starts right after a negation of the source → ``truncated`` (its first
    passage loses everything up to and including a negation).

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We are not here to collect a signature,” Ortiz said.")
    >>> cut_after_negation(doc, 0, random.Random(0)).text
    '“here to collect a signature,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = passages(doc, index)
    if not pieces:
        return None
    s, e = pieces[0]                          # the quote must start there: its first piece is cut
    for _, end, _ in negations(doc.text, s, e):
        rest = doc.text[end:e].lstrip()
        if len(words(rest)) >= MIN_WORDS and rest[:1].isalnum():   # not "I did not. I had …"
            return _mutant("cut-after-negation", "truncated", doc.text, s, e, rest)
    return None


def ellipsis_hides(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """An ellipsis stands where the quote's "not" (or "never") was → ``ellipsis-hides``.

    Only a negation that is a word of its own can hide behind an ellipsis: "are not"
    gives "are …", but "wasn't" or "cannot" would need a changed word as well.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“It wasn't me, and we are not here to collect a signature,” Ortiz said.")
    >>> ellipsis_hides(doc, 0, random.Random(0)).text
    "“It wasn't me, and we are … here to collect a signature,” Ortiz said."
    """
    if not _quotable(doc, index):
        return None
    for s, e in _long_passages(doc, index):
        for start, end, affirmative in negations(doc.text, s, e):
            if affirmative and len(doc.text[start:end].split()) == 1:
                continue                      # a contraction or "cannot"
            if not WORD.search(doc.text, s, start):
                continue                      # a leading "Not": the ellipsis would open the quote
            hidden = (affirmative + " …") if affirmative else "…"
            passage = doc.text[s:start] + hidden + doc.text[end:e]
            return _mutant("ellipsis-hides", "ellipsis-hides", doc.text, s, e, passage)
    return None


def splice_speakers(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote is the start of its own passage and the end of another speaker's, joined
    by "…" → ``spliced``.  Only a quote of one passage (one piece, one paragraph) is spliced.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal this week,” Ortiz said.\\n“That is far too soon for us,” Mara Lind said.")
    >>> splice_speakers(doc, 0, random.Random(0)).text.splitlines()[0]
    '“We will sign the … too soon for us,” Ortiz said.'
    """
    quote = doc.quotes[index]
    if not _quotable(doc, index) or not quote.speaker:
        return None
    own = _long_passages(doc, index)
    if len(passages(doc, index)) != 1:
        return None                       # the quote's other pieces would still be genuine
    if not own:
        return None
    s, e = own[0]
    head = _first_half(doc.text[s:e])
    # Another speaker's words, which must not be this quote's too (a headline may repeat a
    # quote under another attribution): else the "splice" is one passage with a gap.
    tails = [tail for j, q in enumerate(doc.quotes)
             if q.speaker and q.speaker != quote.speaker and _quotable(doc, j)
             for ps, pe in _long_passages(doc, j)
             for tail in [_second_half(doc.text[ps:pe])]
             if tail not in doc.text[s:e] and head not in doc.text[ps:pe]]
    if not tails:
        return None
    tail = rng.choice(tails)
    if len(words(head)) < FRAGMENT_WORDS or len(words(tail)) < FRAGMENT_WORDS:
        return None
    passage = head + " … " + tail + _end_punct(doc.text[s:e])
    return _mutant("splice", "spliced", doc.text, s, e, passage)


def _first_half(passage: str) -> str:
    """The first words of a passage's first sentence (half, at least 4, at most 8), no end
    punctuation.

    >>> _first_half("We will sign the deal within the next ten days.")
    'We will sign the deal'
    """
    first = SENTENCE_END.split(passage, 1)[0]
    found = list(WORD.finditer(first))
    keep = min(max(FRAGMENT_WORDS, (len(found) + 1) // 2), 8, len(found))
    return first[:found[keep - 1].end()] if found else ""


def _second_half(passage: str) -> str:
    """The last words of a passage's last sentence (half, at least 4, at most 8), no end
    punctuation.

    >>> _second_half("That is far too soon for us,")
    'too soon for us'
    """
    last = SENTENCE_END.split(passage)[-1].strip()
    found = list(WORD.finditer(last))
    keep = min(max(FRAGMENT_WORDS, len(found) // 2), 8, len(found))
    return last[found[-keep].start():found[-1].end()] if found else ""


def fabricate(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote is replaced by an invented sentence (data/selftest/selftest_fabricated.txt) → ``not-found``.
    Only a quote of one passage (one piece, one paragraph) is replaced.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal,” Ortiz said.")
    >>> fabricate(doc, 0, random.Random(0)).text
    '“I have always said the marmalade contest is the heart of this whole valley,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = _long_passages(doc, index)
    if not pieces or len(passages(doc, index)) != 1:
        return None                       # the quote's other pieces would still be genuine
    s, e = pieces[0]
    sentence = rng.choice(fabricated())
    passage = sentence.rstrip(END_PUNCT) + (_end_punct(doc.text[s:e]) or ".")
    return _mutant("fabricated", "not-found", doc.text, s, e, passage)


def paraphrase(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A few words of the quote are swapped for near-synonyms (data/selftest/selftest_paraphrases.tsv)
    → ``altered``: one word in a quote of under 12 words, two under 25, else three.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“This is the right system for our country,” Ortiz said.")
    >>> paraphrase(doc, 0, random.Random(0)).text
    '“This is the correct system for our country,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    table = _paraphrases()
    for s, e in _long_passages(doc, index):
        found = [m for m in WORD.finditer(doc.text, s, e) if m.group().lower() in table]
        if not found:
            continue
        n = len(words(doc.text[s:e]))
        count = min(len(found), 1 if n < 12 else 2 if n < 25 else 3)
        chosen = sorted(rng.sample(range(len(found)), count))
        passage, cursor = [], s
        for k in chosen:
            m = found[k]
            passage += [doc.text[cursor:m.start()], _same_case(m.group(), table[m.group().lower()])]
            cursor = m.end()
        passage.append(doc.text[cursor:e])
        return _mutant("paraphrase", "altered", doc.text, s, e, "".join(passage))
    return None


def benign_ellipsis(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A control: two to four harmless words in the middle of a sentence give way to "…"
    → ``ellipsis`` (info), not ``ellipsis-hides``.  Nothing in data/selftest/selftest_keep_words.txt,
    no number and no sentence end is left out, and four words stay on each side.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will keep the night crew on the same pay and the same hours,” Ortiz said.")
    >>> benign_ellipsis(doc, 0, random.Random(0)).text
    '“We will keep the night crew on … and the same hours,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    keep = lexicon.lower_words("selftest/selftest_keep_words.txt")
    for s, e in _long_passages(doc, index):
        found = list(WORD.finditer(doc.text, s, e))
        runs = []
        for i in range(FRAGMENT_WORDS, len(found) - FRAGMENT_WORDS):
            for n in (4, 3, 2):
                j = i + n - 1
                if j >= len(found) - FRAGMENT_WORDS:
                    continue
                start, end = found[i].start(), found[j].end()
                gap = doc.text[found[i - 1].end():found[j + 1].start()]
                if (any(w.group().lower() in keep or "'" in w.group() or "’" in w.group()
                        for w in found[i:j + 1])
                        or re.search(r"[.!?;:—–()\[\]“”‘\"]", gap) or quantities.find(doc.text, start, end)):
                    continue
                runs.append((start, end))
                break
        if runs:
            start, end = rng.choice(runs)
            passage = doc.text[s:start].rstrip() + " … " + doc.text[end:e].lstrip()
            return _mutant("ellipsis", "ellipsis", doc.text, s, e, passage)
    return None


def drop_comma(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A control: a comma inside the quote is left out → ``punctuation-only`` (info).

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“This is a fair offer, and it is the best one we have,” Ortiz said.")
    >>> drop_comma(doc, 0, random.Random(0)).text
    '“This is a fair offer and it is the best one we have,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    for s, e in _long_passages(doc, index):
        commas = [m.start() for m in INNER_COMMA.finditer(doc.text, s, e)]
        if commas:
            at = rng.choice(commas)
            return _mutant("punctuation", "punctuation-only", doc.text, s, e,
                           doc.text[s:at] + doc.text[at + 1:e])
    return None


MUTATIONS: dict[str, Callable[[Document, int, random.Random], Mutant | None]] = {
    "speaker-swap": swap_speaker,
    "number": change_number,
    "negation": flip_negation,
    "cut-qualifier": cut_qualifier,
    "cut-after-negation": cut_after_negation,
    "ellipsis-hides": ellipsis_hides,
    "splice": splice_speakers,
    "fabricated": fabricate,
    "paraphrase": paraphrase,
    "ellipsis": benign_ellipsis,
    "punctuation": drop_comma,
}


# --- unmutated drafts ----------------------------------------------------------------------------------

def unmutated(doc: Document) -> list[tuple[str, str]]:
    """The drafts that change no quote: the article itself and, when it has any "said" cue,
    a light rewrite with every such cue in the present ("said" → "says").

    >>> from quotetrack.pipeline import extract
    >>> [name for name, _ in unmutated(extract("“We will sign the deal,” Ortiz said."))]
    ['as written', 'says for said']
    """
    drafts = [("as written", doc.text)]
    cues = sorted({(q.cue.start, q.cue.end) for q in doc.quotes
                   if q.cue is not None and q.cue.text == "said"}, reverse=True)
    if cues:
        text = doc.text
        for s, e in cues:
            text = _splice(text, s, e, "says")
        drafts.append(("says for said", text))
    return drafts
