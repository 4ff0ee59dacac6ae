"""Which of two organisations of one kind named in a description's own paragraph "the club",
"the company" or "the council" stands for ("Harbury Rovers lost 3-0 to Kelsey Athletic …
The club said …"), for :func:`.descriptions.most_told`: the most salient, scored as a
pronoun's candidates are (:mod:`.salience`): named last as a subject, being the current
speaker, and fewer sentences naming the other since; on a tie the one named last.  When the
runner-up is close the resolution carries a warning naming both."""
from __future__ import annotations

from . import salience


def most_salient(sal, members: dict[int, list[int]], last: dict[int, int]) -> tuple[int, str | None]:
    """Of the organisations ``members`` (an organisation -> its entities, a short form of its
    name among them) named last at ``last``, the most salient, and a warning naming the
    runner-up when it is close (salience.CLOSE)."""
    sents = {c: sal.sentence_of(last[c]) for c in members}
    scored = []
    for c, ids in members.items():
        named = [e for e in ids if e in sal.last]
        here = max(named, key=lambda e: sal.last[e][0]) if named else None
        score = salience.SUBJECT if here is not None and sal.judged_subject(here) is True else 0.0
        score += salience.SPEAKER if sal.speaker in ids else 0.0
        score -= salience.PER_SENTENCE * sum(1 for o in members if o != c and sents[o] > sents[c])
        scored.append((score, last[c], c))
    scored.sort(reverse=True)
    best = scored[0][2]
    if scored[0][0] - scored[1][0] < salience.CLOSE:
        ents = sal.model.entities
        return best, f"speaker uncertain: {ents[best].name} or {ents[scored[1][2]].name}"
    return best, None
