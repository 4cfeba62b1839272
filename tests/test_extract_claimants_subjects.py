"""Who speaks in a clause whose subject denies one thing and says another ("..., while the
RSF denied it and said"), and "put the number at" as a way of telling a figure. Sentences
are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences


def told(text: str) -> list[tuple[int, str | None]]:
    data = load_language("en")
    assert data is not None
    out: list[tuple[int, str | None]] = []
    for sent in split_sentences(text, "en"):
        claims = sentence_claims(sent, data, find_claimant(sent, data))
        out += [(c.value, c.claimant) for c in claims]
    return out


def test_the_subject_of_and_said_speaks_in_its_clause() -> None:
    text = (
        "A local resistance committee put the toll at 120, while the Dorvale Front denied "
        "targeting civilians and said it had killed 40 army fighters."
    )
    assert told(text) == [(120, "local resistance committee"), (40, "Dorvale Front")]


def test_putting_the_number_at_a_figure_tells_it() -> None:
    text = "Mayor John Okon put the number of wounded at 31."
    assert told(text) == [(31, "Mayor John Okon")]


def claimant(text: str, lang: str) -> str | None:
    data = load_language(lang)
    assert data is not None
    (sent,) = split_sentences(text, lang)
    return find_claimant(sent, data)


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("Police spokesman, John Okon, said three people were killed.", "en", "John Okon"),
        (
            "The army spokesman for Dorvale, Lieutenant Jules Mavu, told Reuters that eight "
            "civilians were killed.",
            "en",
            "Lieutenant Jules Mavu",
        ),
        ("A local official, Peter Okon, told AFP that 15 people had died.", "en", "Peter Okon"),
        (
            "Juru bicara Polda Dorvale, Kombes Budi Santoso, mengatakan dua warga tewas.",
            "id",
            "Kombes Budi Santoso",
        ),
    ],
)
def test_a_name_set_off_after_a_source_title_is_the_speaker(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who


def test_a_place_set_off_after_a_place_is_no_speaker() -> None:
    assert claimant("Gunmen killed 12 people in Dorvale, Lagos, police said.", "en") == "police"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Juru bicara itu, yang enggan disebut namanya, mengatakan dua warga tewas.", "id"),
        ("Kapolres Dorvale, AKBP Budi Santoso, mengatakan dua warga tewas ditembak.", "id"),
        ("The spokesman, who asked not to be named, said two residents were killed.", "en"),
    ],
)
def test_what_a_speech_verb_introduces_is_not_its_speaker(text: str, lang: str) -> None:
    who = claimant(text, lang)
    assert who is None or ("tewas" not in who and "killed" not in who)


def test_an_office_speaks() -> None:
    assert claimant("The state prosecutor's office said 12 people were killed.", "en") == (
        "state prosecutor's office"
    )


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "The army's information service said 12 soldiers were killed.",
            "army's information service",
        ),
        ("The ministry's spokesman said 12 soldiers were killed.", "ministry's spokesman"),
    ],
)
def test_a_source_noun_as_the_possessor_names_the_speaker(text: str, who: str) -> None:
    assert claimant(text, "en") == who
