"""Hard-wrapped text (a wire printed at a fixed width): its paragraphs are its blocks of lines.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from wartrace.extract import extract_events
from wartrace.extract.sentences import split_sentences, unwrapped
from wartrace.models import TextAnalysis

WRAPPED = (
    "Clashes in Dorvale\n\n"
    "DORVALE, May 16 - At least four people were killed as\n"
    "the city of Dorvale erupted in violence on Sunday when police clashed with\n"
    "protesters who reject the result of the vote.\n\n"
    "Dozens were arrested and parts of the city were littered with\n"
    "stones and burned-out cars, as the violence spread to the\n"
    "suburbs.\n\n"
    "The police chief said four people had died, but denied that\n"
    "officers had fired live rounds, and called for calm.\n\n"
    "The unrest began after the election board on Saturday\n"
    "confirmed the result.\n"
)


def test_a_hard_wrapped_text_reads_whole_sentences() -> None:
    text = unwrapped(WRAPPED)
    assert len(text) == len(WRAPPED)  # offsets still point into the raw text
    sentences = [s.text for s in split_sentences(text, "en")]
    assert (
        "DORVALE, May 16 - At least four people were killed as the city of Dorvale erupted in "
        "violence on Sunday when police clashed with protesters who reject the result of the vote."
    ) in sentences
    assert "Clashes in Dorvale" in sentences  # the headline stays apart


def test_a_hard_wrapped_report_gives_its_toll_and_day() -> None:
    events = extract_events(
        WRAPPED, TextAnalysis(clean_text=WRAPPED, language="en"), published="2016-05-16"
    )
    assert [(e.event_date, e.fatalities) for e in events][:1] == [("2016-05-15", 4)]


def test_lines_that_are_paragraphs_stay_paragraphs() -> None:
    text = (
        "Gunmen killed two soldiers in Dorvale on Sunday.\n"
        "the army said the attackers fled.\n"  # one line starting in lower case is no wrap
        "Police arrested a suspect on Monday.\n"
    )
    assert unwrapped(text) == text
