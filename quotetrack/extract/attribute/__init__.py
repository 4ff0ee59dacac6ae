"""Stage 4: link content to a cue and a source mention, by ordered sieves.

Sentence sieves look at each cue of a sentence and try, in order, the frames a
reporter writes (each a small function; the rule it records is in brackets):

    according_to  "according to the ministry, …" / "…, according to a report."   [according_to]
    participle    "Gantz praised the deal, saying …" (the clause's source)         [participle]
    tail          "…, Gantz said." / "“…,” said Gantz." / "“…,” Smith, a spokeswoman, said."
                  / "“A,” he said, “B.”" / "X, she vowed, would …"
                  [tail, tail_inverted, tail_appositive, interrupted]
    head          "Gantz said (that) …" / "He added: “…”" / "X, a spokeswoman for Y, said …"
                  / "Gantz said:" ending a paragraph / "Bystrom agreed. “…”"
                  / "people who have battled online threats say …" (a post-modified subject)
                  [head, head_appositive, head_colon, head_next, head_long]
    relative_label "what Mr. Hedge called ''the prior economy model''"           [relative_label]
    relative_gap  "what analysts said was a sign of …" (a relative, source, cue, verb) [relative_gap]
    relative      "Jeb Bush, who announced he is quitting, …" (source: "who")     [relative]
    coordinated   "He looked up, furrowed his brow and said, “…”"                  [coordinated]
    asked         "Asked why he trailed, Sanders said …" (the question, no source)   [asked]
    passive_asked "Ortiz was asked by a caller why …" (the question; the source is the
                  "by" phrase's asker; with none named, no statement)             [passive_asked]
    passive_by    "The meeting was first reported by the Gazette" (the subject; the source is
                  the "by" phrase's mention)                                      [passive_by]
    adjunct_participle "Trump stirred the race by questioning …" / "After suggesting that …,
                  Rubio …" (a cue participle after a preposition: the clause's subject) [adjunct_participle]
    as_source     "…, as Sanders has acknowledged." (the clause a parenthetical "as" follows) [as_source]

A name's statement noun, a copula and a that-clause, "Podal’s main argument is that …", is
a statement with no cue verb (:mod:`.nominal`; the noun is the cue)   [possessive_statement].
A short paragraph "Marco Rubio: I’m not interested" is a headline statement, and a paragraph
"TAPPER: Do you think …" a transcript turn inside an article (two labelled speakers or more) [colon].
An "A:" paragraph of an interview whose "Q:" and "A:" labels alternate is the interviewee's
direct statement, the person its introduction names (:mod:`.interview`)               [answer].
Quote sieves then take each quoted passage no other sieve claimed:

    colon         "Gantz: “…”"                                                    [colon]
    dash          "“…” — Commissioner Ruth Ortiz", or "“…”" ¶ "- Ruth Ortiz."        [dash]
    signed        a pull quote whose next line signs it: "“… ¶ Ann Bell, Leland Trust.”" [signed]
    verb_after    "“…,” he surmised."                                             [verb_after]
    colon_lead    "…, he demurred: “…”" (a source and an unlisted verb)           [colon_lead]
    colon_clause  "The campaign, in a Q&A, worded it more carefully: “…”" /
                  "SUMMARY LINE - Name: “…”" (the clause's subject or the byline)   [colon_clause]
    colon_paragraph "X released the following statement:" ending a paragraph, the quote
                  opening the next (the clause's subject)                         [colon_paragraph]
    cue_before    "…so heated that Gov. Reyes said, “…”" / "…pollster Mira Tal: “…”"
                  (a source and a cue, or a full name and a colon, right before)  [cue_before]
    said_first    "Said Ortiz, “…”" / "But, said Berg, who grew up here, “…”" (an opening
                  speech cue, its source, a comma and the quote)                  [said_first]
    subject_verb  "Trump pledged to make Apple “build …”" (a quoted statement after
                  the clause's subject and an unlisted past-tense verb)           [subject_verb]
    lead_statement "…was moved to say, “…”" / "Then, “…”" (a whole quoted statement
                  closing its sentence after a lead and a comma or colon: the lead's
                  subject, else cue-less after an adverb)                         [lead_statement]
    floating      a cue-less quote right after an attributed quote                [floating]
    unattributed  a quoted statement with no source (kept, so nothing is lost)    [unattributed]
"""
from .driver import SENTENCE_SIEVES, attribute
from .views import Attribution
from .interview import ANSWER_RULE, Interview, document_interview, read_interview
from .posts import POST_RULE
from .quoted import QUOTE_SIEVES, is_statement

__all__ = ["ANSWER_RULE", "POST_RULE", "QUOTE_SIEVES", "SENTENCE_SIEVES", "Attribution", "Interview", "attribute",
           "document_interview", "is_statement", "read_interview"]
