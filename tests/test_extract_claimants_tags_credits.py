"""Who gave a figure when the report names the speaker by a clitic ("ujarnya", "menurutnya":
the speaker named before), by a closing credit in parentheses ("(Various army sources)"), or
after "confirmed by". Every sentence is invented for the test."""

from __future__ import annotations

import pytest

from wartrace.extract import extract_events
from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import TextAnalysis


def told(text: str, lang: str) -> list[tuple[int, str | None]]:
    events = extract_events(
        text, TextAnalysis(clean_text=text, language=lang), published="2020-05-05"
    )
    return [(c.value, c.claimant) for e in events for c in e.claims if c.kind == "killed"]


ATTACK = "Kelompok bersenjata menyerang bus di Dorvale pada Senin (4/5). "
SPEAKER = "Kapolres AKBP Budi Santoso membenarkan kejadian itu. "
WHO = "Kapolres AKBP Budi Santoso"


@pytest.mark.parametrize(
    "told_after",
    [
        '"Dua penumpang tewas dalam serangan itu," ujarnya.',
        "Dua penumpang tewas dalam serangan itu, katanya.",
        "Menurutnya, dua penumpang tewas dalam serangan itu.",
        '"Dua penumpang tewas," imbuhnya.',
    ],
)
def test_a_speech_word_with_its_clitic_is_the_speaker_named_before(told_after: str) -> None:
    assert told(ATTACK + SPEAKER + told_after, "id") == [(2, WHO)]


def test_a_clitic_tag_with_nobody_named_before_names_no_one() -> None:
    assert told(ATTACK + '"Dua penumpang tewas dalam serangan itu," ujarnya.', "id") == [(2, None)]


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Six soldiers were killed in an ambush in Dorvale on Monday (police sources).",
            "en",
            "police sources",
        ),
        (
            "At least one policeman and two soldiers were killed in Dorvale on Monday. Many"
            " rebels were also reported killed. (Various army sources)",
            "en",
            "Various army sources",
        ),
        (
            "Enam tentara tewas dalam serangan di Dorvale pada Senin (4/5). (Sumber kepolisian)",
            "id",
            "Sumber kepolisian",
        ),
    ],
)
def test_a_closing_credit_in_parentheses_names_the_source(text: str, lang: str, who: str) -> None:
    assert {w for _, w in told(text, lang)} == {who}


@pytest.mark.parametrize(
    "text",
    [
        "Six soldiers were killed in Dorvale by the Dorvale Liberation Front (DLF).",
        "Gunmen killed six villagers in Dorvale on Monday (2 May).",
    ],
)
def test_a_name_or_date_in_closing_parentheses_is_no_credit(text: str) -> None:
    assert {w for _, w in told(text, "en")} == {None}


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("The toll of 14 dead was confirmed by the regional governor.", "en", "regional governor"),
        ("Gunmen killed 12 villagers, and police said more may have died.", "en", "police"),
        ("Kematian dua penumpang dibenarkan oleh Kapolres Dorvale.", "id", "Kapolres Dorvale"),
    ],
)
def test_the_word_linking_a_source_is_not_part_of_its_name(text: str, lang: str, who: str) -> None:
    data = load_language(lang)
    assert data is not None
    (sent,) = split_sentences(text, lang)
    assert find_claimant(sent, data) == who


def test_a_quote_going_on_after_its_speaker_in_a_paragraph_is_the_speakers() -> None:
    text = (
        "Gunmen attacked farmers in Dorvale on Saturday.\n\nJohn Mavu, a former chairman of"
        " the farmers union in the district, confirmed the attack.\n\n"
        '"It was a sad incident," he said. "The farmers were attacked in the field, and'
        ' about 40 of them were killed."'
    )
    assert told(text, "en") == [(40, "John Mavu")]


def test_a_sentence_after_a_quote_that_opens_none_is_not_the_speakers() -> None:
    text = (
        "Gunmen attacked farmers in Dorvale on Saturday.\n\nJohn Mavu, a former chairman of"
        " the farmers union in the district, confirmed the attack.\n\n"
        '"It was a sad incident," he said. Police said 12 farmers were killed.'
    )
    assert told(text, "en") == [(12, "Police")]


def test_a_long_apposition_after_a_name_leaves_the_name_as_the_speaker() -> None:
    data = load_language("en")
    assert data is not None
    text = (
        "John Mavu, a former chairman of the farmers union in the district, said 40 farmers"
        " were killed."
    )
    (sent,) = split_sentences(text, "en")
    assert find_claimant(sent, data) == "John Mavu"


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "As reported by Reuters, police chief John Mavu said 15 people were killed.",
            "en",
            "police chief John Mavu",
        ),
        (
            "Police chief John Mavu, as quoted by Reuters, said 15 people were killed.",
            "en",
            "Police chief John Mavu",
        ),
        (
            "Seperti dilansir Reuters, juru bicara militer mengatakan 15 tentara tewas.",
            "id",
            "juru bicara militer",
        ),
        (
            "Kapolres AKBP Budi Santoso, seperti dikutip Antara, mengatakan 15 orang tewas.",
            "id",
            "Kapolres AKBP Budi Santoso",
        ),
        ("Fifteen people were killed, as reported by Reuters.", "en", "Reuters"),
    ],
)
def test_an_outlet_relaying_a_statement_gives_it_only_when_no_one_else_speaks(
    text: str, lang: str, who: str
) -> None:
    data = load_language(lang)
    assert data is not None
    (sent,) = split_sentences(text, lang)
    assert find_claimant(sent, data) == who
