"""Who a source preposition names: documents that carry a source's figures ("according to a
statement from the police"), people named by a person noun ("according to vigilantes"), and
nouns that only look like statement verbs ("according to reports"). Sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences


def claimant(text: str, lang: str = "en") -> str | None:
    data = load_language(lang)
    assert data is not None
    (sent,) = split_sentences(text, lang)
    return find_claimant(sent, data)


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("Bandits killed nine villagers, according to vigilantes in the area.", "en", "vigilantes"),
        ("Bandits killed nine villagers, according to aid workers.", "en", "aid workers"),
        ("According to medics, nine villagers were killed.", "en", "medics"),
        ("Soldiers killed 30 militants, according to the junta.", "en", "junta"),
    ],
)
def test_people_named_after_according_to_are_the_source(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("Nine died, according to a statement from the state police.", "en", "state police"),
        ("Nine died, according to figures from the health ministry.", "en", "health ministry"),
        ("Nine died, according to a tally by Reuters.", "en", "Reuters"),
        ("Lima warga tewas, menurut keterangan warga setempat.", "id", "warga setempat"),
    ],
)
def test_a_document_after_according_to_gives_its_author(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("According to reports, 9 soldiers were killed.", "en"),
        ("According to multiple reports reaching us, 9 soldiers were killed.", "en"),
        ("According to preliminary figures, 14 people died in the blast.", "en"),
        ("Bandits killed nine villagers, according to the latest toll.", "en"),
        ("Lima warga tewas, menurut data sementara.", "id"),
    ],
)
def test_a_document_with_no_author_names_nobody(text: str, lang: str) -> None:
    assert claimant(text, lang) is None


@pytest.mark.parametrize(
    "text",
    [
        "Nine soldiers were killed in the ambush, officials said.",
        "Nine soldiers were killed in the ambush, according to officials.",
        "Reports from the Peace Camp show that two bombers blew themselves up, killing one.",
    ],
)
def test_a_stop_word_or_a_place_names_no_people(text: str) -> None:
    assert claimant(text) is None


def test_people_after_a_name_in_brackets_are_part_of_the_name() -> None:
    text = "Islamic Front (IF) fighters claimed they killed 4 soldiers."
    assert claimant(text) != "fighters"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Dua warga tewas ditembak di Dorvale, Senin (3/5). Hal itu disampaikan Kapolres "
            "Dorvale AKBP Budi Santoso saat dikonfirmasi wartawan, Selasa (4/5).",
            "Kapolres Dorvale AKBP Budi Santoso",
        ),
        (
            "Dua warga tewas ditembak di Dorvale, Senin (3/5), sebagaimana dikatakan Kapolres "
            "Dorvale AKBP Budi Santoso.",
            "Kapolres Dorvale AKBP Budi Santoso",
        ),
    ],
)
def test_a_source_phrase_later_in_the_name_is_not_a_nested_document(text: str, who: str) -> None:
    data = load_language("id")
    assert data is not None
    names = [find_claimant(s, data) for s in split_sentences(text, "id")]
    assert who in names
    assert "wartawan" not in names
