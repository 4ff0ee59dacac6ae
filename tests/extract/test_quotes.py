"""Unit tests of the quote-mark scanner (quotetrack.extract.quotes.scan)."""
from __future__ import annotations

import time

import pytest

from quotetrack.extract import quotes
from quotetrack.extract import segment
from quotetrack.model import QuotedSpan


def scan(text: str) -> tuple[list[QuotedSpan], list]:
    return quotes.scan(text, segment.paragraphs(text))


def spans_text(text: str) -> list[str]:
    return [text[s.start:s.end] for s in scan(text)[0]]


# ----------------------------------------------------------------- apostrophes

@pytest.mark.parametrize("text", [
    "We don’t know yet, and they won’t say.",
    "The players’ union met the owners’ lawyers.",
    "It was the ’90s, and rock ’n’ roll was everywhere.",
    "It's the team's best start since the '90s, and the fans' mood is bright.",
    "The 1990s’ boom and the Joneses’ car.",
    "O’Brien and D’Angelo met at the club’s bar.",
])
def test_apostrophes_are_not_quote_marks(text):
    spans, warnings = scan(text)
    assert spans == []
    assert warnings == []


def test_apostrophes_inside_a_quote_do_not_close_it():
    text = "“We don’t quit, and the players’ union knows it,” she said."
    assert spans_text(text) == ["“We don’t quit, and the players’ union knows it,”"]


def test_single_quote_with_apostrophe_inside():
    text = "‘Don’t,’ she said."
    assert spans_text(text) == ["‘Don’t,’"]


# ----------------------------------------------------------------- nesting

def test_single_nested_in_double():
    text = "“a ‘b c’ d” e"
    spans, warnings = scan(text)
    assert [(text[s.start:s.end], s.depth, s.double) for s in spans] == [
        ("“a ‘b c’ d”", 0, True), ("‘b c’", 1, False)]
    assert warnings == []
    assert [text[s.start:s.end] for s in quotes.top_level(spans)] == ["“a ‘b c’ d”"]


def test_double_nested_in_single_british_style():
    text = "‘The inspector told me “the ovens are fine” and left,’ she said."
    spans, _ = scan(text)
    assert [(text[s.start:s.end], s.depth) for s in spans] == [
        ("‘The inspector told me “the ovens are fine” and left,’", 0), ("“the ovens are fine”", 1)]
    assert len(quotes.top_level(spans)) == 1


def test_nested_quotes_closing_together():
    text = "“My father said, ‘Never sell the land,’” she said."
    spans, warnings = scan(text)
    assert [(text[s.start:s.end], s.depth) for s in spans] == [
        ("“My father said, ‘Never sell the land,’”", 0), ("‘Never sell the land,’", 1)]
    assert warnings == []


def test_nested_quote_with_apostrophes():
    text = "“She said ‘we don’t quit’ and we didn’t,” he said."
    assert spans_text(text) == ["“She said ‘we don’t quit’ and we didn’t,”", "‘we don’t quit’"]


def test_top_level_keeps_order_and_drops_inner():
    text = "“a ‘b’ c” then “d” and “e ‘f’”"
    top = quotes.top_level(scan(text)[0])
    assert [text[s.start:s.end] for s in top] == ["“a ‘b’ c”", "“d”", "“e ‘f’”"]
    assert all(s.depth == 0 for s in top)


# ----------------------------------------------------------------- multi-paragraph

def test_multi_paragraph_quote_is_one_span():
    text = "“A one.\n“B two.\n“C three.” he said."
    spans, warnings = scan(text)
    assert len(spans) == 1
    span = spans[0]
    assert text[span.start:span.end] == "“A one.\n“B two.\n“C three.”"
    assert span.paragraphs == 3
    assert span.closed
    assert warnings == []


def test_multi_paragraph_with_blank_lines():
    text = "“A one.\n\n“B two.”"
    spans, warnings = scan(text)
    assert [(text[s.start:s.end], s.paragraphs) for s in spans] == [(text, 2)]
    assert warnings == []


def test_ordinary_quote_counts_one_paragraph():
    text = "“A one,” he said.\n“B two.”"
    assert [s.paragraphs for s in scan(text)[0]] == [1, 1]


def test_paragraph_opening_with_other_family_does_not_continue():
    text = "“A one.\n‘B two.’"
    spans, warnings = scan(text)
    assert [(text[s.start:s.end], s.closed) for s in spans] == [("“A one.", False), ("‘B two.’", True)]
    assert len(warnings) == 1


# ----------------------------------------------------------------- unbalanced marks

def test_unclosed_mark_ends_at_paragraph_with_warning():
    text = "“A one, he said.\nB two."
    spans, warnings = scan(text)
    assert len(spans) == 1
    span = spans[0]
    assert not span.closed
    assert text[span.start:span.end] == "“A one, he said."
    assert span.inner == (1, len("“A one, he said."))
    assert [(w.code, w.start, w.end) for w in warnings] == [("unbalanced-quote", 0, 1)]


def test_unclosed_mark_does_not_swallow_later_quotes():
    text = "“Unclosed here.\nThen “a real one,” she said."
    spans, warnings = scan(text)
    assert [(text[s.start:s.end], s.closed) for s in spans] == [
        ("“Unclosed here.", False), ("“a real one,”", True)]
    assert len(warnings) == 1


def test_stray_closing_mark_gets_a_warning():
    text = "It passed.” Then “ok” came."
    spans, warnings = scan(text)
    assert [text[s.start:s.end] for s in spans] == ["“ok”"]
    assert len(warnings) == 1
    w = warnings[0]
    assert w.code == "unbalanced-quote"
    assert text[w.start:w.end] == "”"


def test_unclosed_marks_in_every_paragraph():
    text = "\n".join(f"Line {i} “opens and never closes." for i in range(5)) + "\nLast line."
    spans, warnings = scan(text)
    # a paragraph that does not open with a quote mark does not continue the quote before it
    assert len(spans) == 5 and not any(s.closed for s in spans)
    assert len(warnings) == 5


# ----------------------------------------------------------------- straight marks

def test_straight_double_marks_pair_by_flanking():
    text = 'He said "yes" and left. "No," she said.'
    assert spans_text(text) == ['"yes"', '"No,"']


def test_straight_double_after_colon_and_with_apostrophe():
    text = 'He said: "I’m done." Then "it\'s over," she said.'
    assert spans_text(text) == ['"I’m done."', '"it\'s over,"']


def test_straight_single_marks_as_quotes():
    text = "'The roads stay closed until Friday,' he said."
    spans, warnings = scan(text)
    assert [(text[s.start:s.end], s.double) for s in spans] == [
        ("'The roads stay closed until Friday,'", False)]
    assert warnings == []


def test_straight_marks_in_parentheses_and_after_dash():
    text = 'The order ("no more overtime") stood —"for now," he said.'
    assert spans_text(text) == ['"no more overtime"', '"for now,"']


# ----------------------------------------------------------------- other marks

def test_typewriter_double_apostrophes():
    text = "''We did our job,'' he said."
    spans, warnings = scan(text)
    assert len(spans) == 1
    span = spans[0]
    assert text[span.start:span.end] == "''We did our job,''"
    assert span.mark == "''" and span.double and span.closed
    assert text[slice(*span.inner)] == "We did our job,"
    assert warnings == []


def test_backtick_opening_typewriter_close():
    text = "``Yes,'' he said."
    spans, _ = scan(text)
    assert [(text[s.start:s.end], s.mark) for s in spans] == [("``Yes,''", "``")]
    assert text[slice(*spans[0].inner)] == "Yes,"


def test_guillemets():
    text = "«We are staying,» he said."
    spans, _ = scan(text)
    assert [(text[s.start:s.end], s.double) for s in spans] == [("«We are staying,»", True)]


def test_inner_offsets_of_a_closed_quote():
    text = "“We will win,” he said."
    span = scan(text)[0][0]
    assert text[slice(*span.inner)] == "We will win,"


# ----------------------------------------------------------------- cost

def test_many_unclosed_marks_scan_in_linear_time():
    def timed(n: int) -> float:
        text = "“word " * n
        paras = segment.paragraphs(text)
        started = time.process_time()
        spans, warnings = quotes.scan(text, paras)
        elapsed = time.process_time() - started
        assert len(warnings) >= 1
        return elapsed

    small = min(timed(25_000) for _ in range(2))
    big = timed(100_000)
    assert big < 5
    assert big / max(small, 1e-3) < 8, (small, big)


def test_many_stray_closing_marks_are_cheap():
    text = "word” " * 100_000
    started = time.process_time()
    spans, warnings = scan(text)
    assert time.process_time() - started < 5
    assert spans == []
    assert len(warnings) == 100_000
