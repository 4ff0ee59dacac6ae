"""Properties of the word lists in quotetrack/data and of their loaders."""
from __future__ import annotations

import time
from collections import defaultdict
from importlib import resources

import pytest
import regex

from quotetrack.text import lexicon
from typing import get_args

from quotetrack.model import CueType

CUE_TYPES = set(get_args(CueType))
# Every word list and table the package ships (data/<stage>/<name>.txt|.tsv; not the sample articles).
_DATA_ROOT = resources.files("quotetrack") / "data"
DATA_FILES = sorted(f"{stage.name}/{f.name}" for stage in _DATA_ROOT.iterdir()
                    if stage.is_dir() and stage.name != "sample"
                    for f in stage.iterdir() if f.name.endswith((".txt", ".tsv")))
# Tables whose first column is a class with many rows ("money\tdollar|…", "is\tis not", "is\tisn't").
_MANY_ROWS_A_KEY = {"claims/claim_phrases.tsv", "selftest/selftest_negations.tsv"}

# Ordinary news sentences: no boilerplate pattern may match them.
NEWS_SENTENCES = [
    "Gantz said the deal was fair.",
    "“We will win,” she said.",
    '"We will win," she said.',
    "By Tuesday, the deal had collapsed, officials said.",
    "By then, it was too late.",
    "By Election Day, Democrats had won the House.",
    "By the end of the year, prices had doubled.",
    "Reporting by the Times found that the plan had failed.",
    "Reporting by The New York Times found that the plan had failed.",
    "Photographs of the scene circulated widely, police said.",
    "Updated figures show the economy grew 2% in 2020.",
    "Published reports said he was ill.",
    "Copyright lawsuits rose sharply last year, the report said.",
    "Follow-up talks are set for Monday, officials said.",
    "Sign language interpreters were present, the ministry said.",
    "Share prices fell 3% on Monday.",
    "Stay-at-home orders were extended, the governor said.",
    "More than 100 people were killed, officials said.",
    "Credit card debt rose, the Fed said.",
    "File sharing was banned, the court ruled.",
    "Listen to the people, he urged.",
    "Watch what we do, not what we say, the minister said.",
    "Image quality has improved, experts said.",
    "Click, the company said, is its new brand.",
    "The report said all rights reserved for the state were void.",
    "Subscribers to the service complained about the price.",
    "Sources said the talks had stalled.",
    "Courtesy of the new law, taxes rose.",
    "This story is about the people who were left behind, she said.",
    "Advertisement revenue fell 12%, the company said.",
    "He has been following the case on television.",
    "Getty, the photo agency, said it would cut jobs.",
    "The views of the committee were split, the chairman said.",
    "Editing the bill took months, Smith said.",
    "Contributing factors included the weather, investigators found.",
]


def raw_lines(name: str) -> list[str]:
    return resources.files("quotetrack").joinpath("data", name).read_text(encoding="utf-8").splitlines()


def entries(name: str) -> list[str]:
    """Entries the way the loader reads them (comments and blanks dropped, order kept)."""
    return lexicon.lines(name)


def cue_rows() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in entries("text/cues.tsv"):
        parts = line.split("\t")
        assert len(parts) == 3, f"text/cues.tsv: want lemma<TAB>type<TAB>forms, got {line!r}"
        lemma, kind, forms = parts
        rows.append((lemma, kind, forms.split("|")))
    return rows


def boilerplate_patterns(name: str = "extract/boilerplate.txt") -> list[tuple[str, list[str]]]:
    """(pattern, examples) pairs: each pattern with the '# e.g.' lines just above it."""
    out, examples = [], []
    for line in raw_lines(name):
        s = line.strip()
        if s.startswith("# e.g."):
            examples.append(s[len("# e.g."):].strip())
        elif s and not s.startswith("#"):
            out.append((s, examples))
            examples = []
    return out


# ------------------------------------------------------------------ all files

@pytest.mark.parametrize("name", DATA_FILES)
def test_file_has_header_comment_and_entries(name):
    lines = raw_lines(name)
    assert lines and lines[0].startswith("#"), f"{name} should open with a comment saying what it is"
    assert entries(name), f"{name} has no entries"


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n not in _MANY_ROWS_A_KEY])
def test_no_duplicate_entries(name):
    """No entry twice in a list, a table's key column or one ``[section]`` of a sectioned list:
    a second row of a table's key is silently dropped by the loader."""
    seen, dups = set(), []
    for e in entries(name):
        if e.startswith("[") and e.endswith("]"):
            seen = set()                  # a new section
            continue
        key = e.split("\t", 1)[0]
        if key in seen:
            dups.append(key)
        seen.add(key)
    assert not dups, f"{name}: duplicate entries {dups}"


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_stray_whitespace(name):
    for line in raw_lines(name):
        if line.strip() and not line.lstrip().startswith("#"):
            assert line == line.lstrip(), f"{name}: leading whitespace in {line!r}"
            assert not line.endswith(" "), f"{name}: trailing space in {line!r}"


# ----------------------------------------------------------------------- cues

def test_cue_lines_well_formed():
    for lemma, kind, forms in cue_rows():
        assert kind in CUE_TYPES, f"{lemma}: bad type {kind!r}"
        assert lemma and lemma == lemma.lower() and lemma == " ".join(lemma.split()), lemma
        assert forms, f"{lemma}: no forms"
        for form in forms:
            assert form, f"{lemma}: empty form"
            assert form == form.lower(), f"{lemma}: form {form!r} is not lower-case"
            assert form == " ".join(form.split()), f"{lemma}: odd spacing in {form!r}"
        assert len(forms) == len(set(forms)), f"{lemma}: repeated form"


def test_enough_lemmas_and_unique():
    lemmas = [lemma for lemma, _, _ in cue_rows()]
    assert len(lemmas) >= 200
    assert len(lemmas) == len(set(lemmas)), "a lemma is listed twice"


@pytest.mark.parametrize("lemma,kind,must_have", [
    ("say", "speech", {"say", "says", "said", "saying"}),
    ("tell", "speech", {"tell", "tells", "told", "telling"}),
    ("according to", "speech", {"according to"}),
    ("point out", "speech", {"point out", "points out", "pointed out", "pointing out"}),
    ("argue", "speech", {"argue", "argues", "argued", "arguing"}),
    ("admit", "speech", {"admit", "admits", "admitted", "admitting"}),
    ("make clear", "speech", {"make clear", "makes clear", "made clear", "making clear"}),
    ("believe", "thought", {"believe", "believes", "believed"}),
    ("want", "thought", {"want", "wants", "wanted"}),
    ("show", "evidence", {"show", "shows", "showed", "shown"}),
    ("find", "evidence", {"find", "finds", "found"}),
])
def test_key_cues_present(lemma, kind, must_have):
    rows = {lem: (k, set(forms)) for lem, k, forms in cue_rows()}
    assert lemma in rows, f"{lemma!r} missing from text/cues.tsv"
    assert rows[lemma][0] == kind
    assert must_have <= rows[lemma][1], f"{lemma}: missing forms {must_have - rows[lemma][1]}"


def test_us_and_uk_spellings():
    lemmas = {lemma for lemma, _, _ in cue_rows()}
    for us, uk in [("criticize", "criticise"), ("emphasize", "emphasise"),
                   ("realize", "realise"), ("recognize", "recognise"), ("favor", "favour")]:
        assert us in lemmas and uk in lemmas, (us, uk)


def test_no_form_with_two_types():
    owners = defaultdict(set)
    for lemma, kind, forms in cue_rows():
        for form in forms:
            owners[form].add((lemma, kind))
    collisions = {f: sorted(o) for f, o in owners.items() if len({k for _, k in o}) > 1}
    assert not collisions, f"forms mapped to lemmas of different types: {collisions}"


def test_no_bare_function_words_as_forms():
    forms = set(lexicon.cues())
    assert not forms & {"of", "for", "in", "on", "to", "about", "by", "from", "like", "back"}


def test_cues_loader():
    table = lexicon.cues()
    assert table["said"] == lexicon.CueEntry("say", "speech")
    assert table["according to"].type == "speech"
    assert table["pointed out"].lemma == "point out"
    assert table["believes"].type == "thought"
    assert table["showed"].type == "evidence"
    assert {e.type for e in table.values()} <= CUE_TYPES
    assert {"speech", "thought", "evidence"} <= {e.type for e in table.values()}


# ---------------------------------------------------------------- boilerplate

def test_dateline_patterns_match_their_examples_and_leave_the_story():
    """Every dateline pattern matches the '# e.g.' lines above it, and what follows the match is
    the story's first word (a capital), never part of the dateline."""
    pats = boilerplate_patterns("extract/datelines.txt")
    assert [p for p, _ in pats] == list(lexicon.patterns("extract/datelines.txt"))
    for pattern, examples in pats:
        assert pattern.startswith("^") and examples, pattern
        for ex in examples:
            m = regex.match(pattern, ex)
            assert m and ex[m.end()].isupper(), (pattern, ex)


def test_post_signature_patterns_match_their_examples():
    """Every post-signature pattern matches the '# e.g.' lines above it whole, with a name."""
    pats = boilerplate_patterns("extract/post_signatures.txt")
    assert [p for p, _ in pats] == list(lexicon.patterns("extract/post_signatures.txt"))
    for pattern, examples in pats:
        assert pattern.startswith("^") and pattern.endswith("$") and examples, pattern
        for ex in examples:
            m = regex.fullmatch(pattern, ex)
            assert m and m.group("name")[:1].isupper(), (pattern, ex)


def test_no_dateline_in_ordinary_openings():
    from quotetrack.extract.furniture import dateline_end
    for text in ("The council said the bridge would close.", "Washington - the city - voted no.",
                 "UK inflation fell to 2%, the ONS said.", "\"We won,\" she said - twice."):
        assert dateline_end(text, 0) == 0, text


def test_boilerplate_patterns_compile_anchored_with_examples():
    pats = boilerplate_patterns()
    assert len(pats) >= 20
    # the loader must see exactly these patterns, and none may hold '#', so that even a
    # loader that cuts lines at '#' reads them whole
    assert [p for p, _ in pats] == list(lexicon.patterns("extract/boilerplate.txt"))
    assert [p for p, _ in pats] == entries("extract/boilerplate.txt")
    for pattern, examples in pats:
        regex.compile(pattern, regex.IGNORECASE)
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
        assert examples, f"no '# e.g.' example above {pattern!r}"


@pytest.mark.parametrize("pattern,examples", boilerplate_patterns())
def test_boilerplate_matches_its_examples(pattern, examples):
    rx = regex.compile(pattern, regex.IGNORECASE)
    for ex in examples:
        assert rx.match(ex), f"{pattern!r} does not match its example {ex!r}"


@pytest.mark.parametrize("sentence", NEWS_SENTENCES)
def test_boilerplate_spares_news_sentences(sentence):
    for pattern, _ in boilerplate_patterns():
        assert not regex.compile(pattern, regex.IGNORECASE).match(sentence), \
            f"{pattern!r} matches the news sentence {sentence!r}"


def test_boilerplate_combined_pattern_as_the_pipeline_builds_it():
    combined = regex.compile("|".join(f"(?:{p})" for p, _ in boilerplate_patterns()), regex.IGNORECASE)
    for _, examples in boilerplate_patterns():
        for ex in examples:
            assert combined.fullmatch(ex), ex
    for sentence in NEWS_SENTENCES:
        assert not combined.fullmatch(sentence), sentence


def test_boilerplate_fast_on_adversarial_input():
    nasty = [
        "a " * 3000, "A" * 5000 + "!", "By " + "Aa " * 2000 + "!", "Photo: " + "x" * 4000,
        "Reporting by " + "Aa, " * 1500 + ".", "Updated " + "1 " * 2000 + "x",
        "(" * 2000, "Follow " + "on " * 2000, "Copyright " + "2020 " * 1000 + ".",
        "Get " + "in your " * 1000, "x" * 399 + "(" + "a" * 200 + ")",
    ]
    for pattern, _ in boilerplate_patterns():
        rx = regex.compile(pattern, regex.IGNORECASE)
        start = time.process_time()
        for text in nasty:
            rx.match(text)
        assert time.process_time() - start < 0.5, f"{pattern!r} is slow on adversarial input"


# -------------------------------------------------------------- abbreviations

def test_abbreviations_punkt_style():
    abbrevs = entries("extract/abbreviations.txt")
    assert len(abbrevs) >= 100
    for a in abbrevs:
        assert a == a.lower(), f"{a!r} is not lower-case"
        assert not a.endswith("."), f"{a!r} keeps its final period"
        assert " " not in a and "\t" not in a, a
    have = set(abbrevs)
    assert {"u.s", "mr", "mrs", "dr", "sen", "gov", "jan", "sept", "inc", "corp", "a.m", "p.m",
            "calif", "n.y", "d.c", "e.g", "i.e", "jr", "st", "no"} <= have


def test_abbreviations_keep_punkt_from_splitting():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(lexicon.lower_words("extract/abbreviations.txt"))
    tok = PunktSentenceTokenizer(params)
    text = ("Sen. Jane Doe of Calif. met Gov. John Roe at 10 a.m. on Jan. 6 in the U.S. Capitol. "
            "They discussed the budget.")
    assert tok.tokenize(text) == [
        "Sen. Jane Doe of Calif. met Gov. John Roe at 10 a.m. on Jan. 6 in the U.S. Capitol.",
        "They discussed the budget.",
    ]


# ---------------------------------------------------------- honorifics, pronouns

def test_honorific_genders():
    table = lexicon.pairs("text/honorifics.tsv")
    assert len(table) >= 40
    for h, g in table.items():
        assert g in {"m", "f", ""}, f"{h!r}: bad gender {g!r}"
    for line in entries("text/honorifics.tsv"):
        assert line.count("\t") <= 1, f"text/honorifics.tsv: too many fields in {line!r}"
    assert table["mr."] == "m" and table["mrs."] == "f" and table["ms."] == "f"
    assert table["dr."] == "" and table["chairman"] == "" and table["chairwoman"] == "f"


def test_pronouns():
    rows = {}
    for line in raw_lines("extract/pronouns.tsv"):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            assert len(fields) == 3, f"extract/pronouns.tsv: want pronoun<TAB>gender<TAB>number, got {line!r}"
            rows[fields[0].lower()] = (fields[1], fields[2])
    for p, (g, n) in rows.items():
        assert g in {"m", "f", ""}, p
        assert n in {"sg", "pl", ""}, p
    assert rows["he"] == ("m", "sg") and rows["him"] == ("m", "sg")
    assert rows["she"] == ("f", "sg") and rows["her"] == ("f", "sg")
    assert rows["they"] == ("", "pl") and rows["we"] == ("", "pl")
    assert rows["i"] == ("", "sg") and rows["it"] == ("", "sg") and "you" in rows


# -------------------------------------------------------------- other word lists

def test_titles():
    titles = lexicon.words("text/titles.txt")
    assert len(titles) >= 150
    for t in titles:
        assert " " not in t, f"text/titles.txt: one word a line, got {t!r}"
    assert {"Mr.", "Sen.", "Gov.", "Lt.", "President", "Minister", "Secretary", "Spokeswoman",
            "Deputy", "Chief", "Executive", "Officer", "former", "then-", "CEO"} <= titles


def test_org_words():
    orgs = lexicon.words("extract/org_words.txt")
    assert {"Department", "Ministry", "Agency", "Corp.", "Inc.", "University", "Party",
            "White House", "Pentagon", "Supreme Court"} <= orgs


def test_person_nouns():
    nouns = entries("text/person_nouns.txt")
    assert len(nouns) >= 250
    assert all(n == n.lower() for n in nouns)
    assert {"official", "officials", "spokeswoman", "analysts", "ministry", "company", "campaign",
            "report", "statement", "poll", "study", "witnesses", "residents", "police",
            "prosecutors", "lawmakers", "critics", "experts", "sources", "aides", "coach",
            "judge", "court", "government", "administration", "survey", "data",
            "researchers", "voters", "president", "minister", "governor"} <= set(nouns)


def test_function_words():
    fw = entries("text/function_words.txt")
    assert 250 <= len(fw) <= 400
    assert all(w == w.lower() for w in fw)
    fws = set(fw)
    assert {"the", "that", "which", "who", "when", "while", "because", "although", "also",
            "however", "meanwhile", "not", "would", "could"} <= fws
    calendar = {w.lower().rstrip(".") for w in lexicon.words("extract/calendar_words.txt")}
    assert not fws & calendar, f"days/months belong in extract/calendar_words.txt: {fws & calendar}"


def test_calendar_words():
    cal = lexicon.words("extract/calendar_words.txt")
    days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    months = {"January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"}
    assert days | months <= cal
    assert {"Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."} <= cal


def test_no_cue_form_is_a_person_noun():
    # mentions.py never lets a lower-case cue form stand in a source noun phrase, so a
    # word on both lists could never head one ("the report said").
    overlap = set(lexicon.cues()) & set(lexicon.lower_words("text/person_nouns.txt"))
    assert not overlap, f"both a cue form and a person noun: {sorted(overlap)}"


def test_title_and_org_words_are_not_function_words():
    # a name word found in text/function_words.txt or extract/org_words.txt disqualifies a person name
    function = lexicon.lower_words("text/function_words.txt")
    assert "will" not in function and "may" not in function     # Will Hurd, Theresa May
    assert not lexicon.lower_words("extract/org_words.txt") & function
