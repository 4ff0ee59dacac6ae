"""An organisation whose name shows no kind, named where a description of a kind speaks.

"The State Department has said … [next paragraph] … the FBI confirmed that it was working on
it. The agency declined to detail it": "the agency" is the FBI, named in its own paragraph,
though only the State Department's name shows the kind (data/extract/org_kinds.tsv: a
"Department" is an agency).  :func:`.descriptions.describe` prefers, among the organisations
whose names show its kind, the one named in the description's paragraph
(:func:`.descriptions.most_told`); when none of them is named there, the organisation named
last in that paragraph stands for it if its name shows no kind at all ("FBI", "Verizon")
(:func:`unkinded_here`) and no other kind was told of it (:func:`.descriptions.other_kind`).
"""
from __future__ import annotations

from . import entities as em
from . import kinds


def unkinded_here(model: em.Model, sal, head: str, fitting: list[int], start: int) -> int | None:
    """The organisation named last in the paragraph of a description at ``start`` whose name
    shows no kind (:func:`.kinds.name_kind`), when none of ``fitting`` (the organisations whose
    names show the description's kind ``head``) is named in that paragraph; None otherwise, or
    when the organisation named last there shows a kind."""
    ents = model.entities
    rank = sal.rank_of(start)
    if any(sal.rank_of(sal.named.get(e, ents[e].start)) == rank for e in fitting):
        return None
    for e in sal.recent:
        ent = ents[e]
        if ent.type != "organisation":
            continue
        if sal.rank_of(sal.named.get(e, ent.start)) != rank or e in fitting:
            return None
        return e if kinds.name_kind(ent.name) is None and kinds.kind_fits(head, ent.name) else None
    return None
