"""The mutation self-test of ``quotetrack check`` (``quotetrack check --self-test``).

From each source article it builds drafts whose quotes were changed in one known
way, checks every draft against the article, and counts how often the check
gives the verdict the mutation was meant to provoke:

    source ─▶ extract ─▶ one draft per (quote, mutation) + the unmutated drafts
           ─▶ extract the draft again (the mutated quote must still be found there;
              when it is not, the mutation broke extraction: a harness defect, counted apart)
           ─▶ check.check(draft, sources=[source]) ─▶ the finding on the mutated quote
           ─▶ confusion table (intended × reported), accuracy per mutation, overall

Two of the mutations are controls that change nothing that was said: a harmless
stretch left out behind "…" (``ellipsis``, info) and a comma dropped
(``punctuation-only``, info); a check that cried wolf at every change would fail them.

A mutation is a small pure function in :data:`MUTATIONS` (name → function).  It
takes the source :class:`~quotetrack.model.Document`, the index of a quote in it
and a :class:`random.Random`, and returns a :class:`Mutant` (the draft text, the
verdict intended, and the offsets of the mutated passage in the draft), or None
when it does not apply to that quote (no number in it, say).  Mutations work on
the *quoted passages* of direct and mixed quotes (the text between the marks), one
paragraph at a time.  Their word lists are data: ``data/selftest_*.txt|tsv``.
"""
from .harness import confusion, drafts, finding_for, make_checker, run, score_source, write_report
from .mutations import MUTATIONS, unmutated
from .words import UNMUTATED, Mutant, Outcome

__all__ = ["MUTATIONS", "UNMUTATED", "Mutant", "Outcome", "confusion", "drafts",
           "finding_for", "make_checker", "run", "score_source", "unmutated", "write_report"]
