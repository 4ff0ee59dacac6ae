"""Where reported content stops before a sentence's last comma: the reporter's own adjunct or
summing-up noun phrase that follows the reported clause ("Most members said they would back
the plan[, compared with 30 percent last year]", "The mayor said the bridge would reopen in
May[, a delay that angered commuters]").  Read by :func:`.grammar._clause_breaks`."""
from __future__ import annotations

from ...text import lexicon
from ..segment import Token

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

def closing_adjunct(toks: list[Token], i: int) -> bool:
    """Does the comma at token ``i`` open an adjunct the reporter adds ("…, despite …",
    "…, compared with …": data/text/word_classes.txt [tail_adjuncts]) or a noun phrase that
    sums up the clause before it ("…, a move that …")?  The caller asks only at a sentence's
    last comma, so a parenthesis ("X, even as a candidate, had …") never ends content."""
    return i + 2 < len(toks) and (toks[i + 1].text.lower() in _words.tail_adjuncts or _sums_up(toks, i))


def _sums_up(toks: list[Token], i: int) -> bool:
    """"…, a move that angered …", "…, a 16-point margin over …"; not "…, a boss invited her" nor
    "…, a third of the towns they studied would need …" (a verb before any relative opens a new
    clause), not "…, Y, a bank loan and Z" (a list), not "…, a day after the vote" (time),
    nor "called X, his rival, an …" (an
    appositive opened earlier in the sentence: the second noun phrase is a label)."""
    if toks[i + 1].text.lower() not in _words.summary_openers or toks[i + 2].text.lower() in _words.time_units:
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


def participial_opening(words: list[str]) -> bool:
    """Are ``words`` (a stretch with no comma) a participial phrase that opens a sentence, an
    -ing word and no finite verb after it ("Opening the case last week", "Speaking outside
    court")?  It frames the clause that follows; it is not what that clause's cue reports.
    A gerund subject has a verb of its own ("Cutting costs is the easy part")."""
    first = words[0] if words else ""
    if len(first) < 5 or not first[0].isupper() or not first.lower().endswith("ing"):
        return False
    return not any(w.lower() in _words.finite_auxiliaries or w.lower() in _words.irregular_pasts
                   or (w.islower() and w.endswith(("ed", "s")) and len(w) > 3) for w in words[1:])
