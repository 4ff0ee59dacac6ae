"""Transcript reading: SPEAKER: lines and the CLEF TSV, offsets into the file text."""
import pytest

from quotetrack.read import transcript
from quotetrack.read.transcript import TranscriptError, Turn

LABELLED = """Debate transcript, first half
MODERATOR: Good evening and welcome.
SEN. JANE ROE: We created 3 million jobs.
That is a fact.

Dr. Luis Ruiz-Tagle (D-Ore.): That is not true.
He said: no.
"""


def test_labelled_turns_speakers_and_lines():
    turns = transcript.parse(LABELLED)
    assert [(t.speaker, t.text, t.line) for t in turns] == [
        (None, "Debate transcript, first half", 1),
        ("MODERATOR", "Good evening and welcome.", 2),
        ("SEN. JANE ROE", "We created 3 million jobs.", 3),
        ("SEN. JANE ROE", "That is a fact.", 4),
        ("Dr. Luis Ruiz-Tagle (D-Ore.)", "That is not true.", 6),
        ("Dr. Luis Ruiz-Tagle (D-Ore.)", "He said: no.", 7),
    ]


@pytest.mark.parametrize("text", [LABELLED, "1\tA\tHi.\t0\r\n2\tB\t  Yes, 40%.  \t1\r\n",
                                  "A: x\r\nB:   y  \r\n"])
def test_offsets_slice_back(text):
    for turn in transcript.parse(text):
        assert text[turn.start:turn.end] == turn.text


def test_tsv_fields():
    text = "1\tBOB SCHIEFFER\tGood evening.\t0\n2\tROMNEY\tWe lost 3 million jobs.\t1\n3\tOBAMA\tNo.\n"
    assert transcript.parse(text) == (
        Turn("BOB SCHIEFFER", "Good evening.", 16, 29, 1, "1", 0),
        Turn("ROMNEY", "We lost 3 million jobs.", 41, 64, 2, "2", 1),
        Turn("OBAMA", "No.", 75, 78, 3, "3", None),
    )


@pytest.mark.parametrize("text, message", [
    ("1\tA\tfine\t0\n2\tB only two fields\n",
     "line 2: expected 3 or 4 tab-separated fields (line, speaker, text[, label]), found 2"),
    ("1\tA\tfine\tyes\n", "line 1: label must be 0 or 1, not 'yes'"),
    ("The minister said: it is done.\nshe left\n",
     "no transcript turns: expected 'SPEAKER: text' lines or tab-separated 'line, speaker, text[, label]'"),
    ("", "no transcript turns: expected 'SPEAKER: text' lines or tab-separated 'line, speaker, text[, label]'"),
])
def test_errors_say_where(text, message):
    with pytest.raises(TranscriptError) as info:
        transcript.parse(text)
    assert str(info.value) == message


@pytest.mark.parametrize("text, expected", [
    ("A: Yes.\nB: No.\n", True),
    ("1\tA\tx\t0\n", True),
    ("The minister said: it is done.\nShe left.\n", False),
    ("Gantz: We won.\nThe crowd cheered for an hour.\nThen it rained.\n", False),
])
def test_looks_like_transcript(text, expected):
    assert transcript.looks_like_transcript(text) is expected
