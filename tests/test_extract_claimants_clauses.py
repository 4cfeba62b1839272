"""Who gave each figure of a sentence with two speakers, and statement verbs that tell a fate
("reported killed"), not a speaker (en, id). Sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import clause_claimants, find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences


def told(text: str, lang: str) -> list[tuple[int, str | None]]:
    data = load_language(lang)
    assert data is not None
    (sent,) = split_sentences(text, lang)
    return [
        (c.value, c.claimant)
        for c in sentence_claims(sent, data, find_claimant(sent, data))
        if c.kind == "killed"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Police said four attackers were killed; residents said 12 civilians also died.",
            "en",
            [(4, "Police"), (12, "residents")],
        ),
        (
            "The Taliban claimed to have killed 30 soldiers, but the defence ministry put the"
            " toll at eight.",
            "en",
            [(30, "Taliban"), (8, "defence ministry")],
        ),
        (
            "Kapolres mengatakan, empat pelaku tewas, sedangkan warga menyebut 12 warga sipil"
            " juga meninggal.",
            "id",
            [(4, "Kapolres"), (12, "warga")],
        ),
        (
            "TNI mengklaim menewaskan lima anggota KKB, sementara KKB mengklaim menembak mati"
            " tiga prajurit.",
            "id",
            [(5, "TNI"), (3, "KKB")],
        ),
        (
            "Polisi menyebut korban tewas 14 orang, namun warga mengatakan 20 orang tewas.",
            "id",
            [(14, "Polisi"), (20, "warga")],
        ),
    ],
)
def test_each_clause_is_told_by_its_own_speaker(
    text: str, lang: str, expected: list[tuple[int, str | None]]
) -> None:
    assert told(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("Four soldiers were killed, while six rebels died, the army said.", "en", "army"),
        ("Empat tentara tewas, sementara enam pemberontak tewas, kata militer.", "id", "militer"),
    ],
)
def test_one_speaker_after_every_clause_tells_them_all(text: str, lang: str, who: str) -> None:
    assert {w for _, w in told(text, lang)} == {who}


def test_a_contrast_word_opening_a_speaker_is_not_part_of_the_name() -> None:
    text = "Rebel fighters claimed they had killed 40 troops, while the army said it lost six."
    data = load_language("en")
    assert data is not None
    (sent,) = split_sentences(text, "en")
    assert [who for _, who in clause_claimants(sent, data)] == ["Rebel fighters", "army"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The junta said 30 fighters were killed, while the rebels said only five died.",
            "en",
            [(30, "junta"), (5, "rebels")],
        ),
        (
            "The rebels claimed they had killed 40 troops, while the army said it lost six.",
            "en",
            [(40, "rebels")],
        ),
        (
            "Villagers said 12 people were killed, but local medics said 15 had died.",
            "en",
            [(12, "Villagers"), (15, "local medics")],
        ),
    ],
)
def test_people_named_by_a_person_noun_speak_for_their_clause(
    text: str, lang: str, expected: list[tuple[int, str | None]]
) -> None:
    assert told(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Twenty-five people were reported killed.", "en"),
        ("Dua puluh lima orang dilaporkan tewas.", "id"),
    ],
)
def test_reported_killed_names_no_speaker(text: str, lang: str) -> None:
    assert told(text, lang) == [(25, None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Two witnesses were reported killed in the crossfire.", "en"),
        ("Dua saksi dilaporkan tewas dalam baku tembak itu.", "id"),
    ],
)
def test_source_nouns_reported_killed_are_the_dead(text: str, lang: str) -> None:
    assert told(text, lang) == [(2, None)]


def test_a_source_noun_that_speaks_is_no_toll() -> None:
    assert told("One witness said the toll was 12.", "en") == [(12, "One witness")]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Nine people have been confirmed dead by the police after gunmen attacked the"
            " village on Friday.",
            "police",
        ),
        (
            "However, an eyewitness who spoke to a local newspaper, claimed that twelve people"
            " were killed.",
            "eyewitness",
        ),
    ],
)
def test_the_speaker_ends_before_a_clause_about_the_event_or_the_speaker(
    text: str, who: str
) -> None:
    assert [w for _, w in told(text, "en")] == [who]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tiga warga tewas, sebut saksi mata.", "saksi mata"),
        ('"Dua prajurit gugur," imbuh Kapendam.', "Kapendam"),
        ('"Empat pelaku tewas," papar Kapolda.', "Kapolda"),
        ("Seperti dikutip dari AFP, 15 tentara tewas.", "AFP"),
        ("Tiga orang tewas dalam serangan itu, ujar juru bicara militer, Kolonel Ahmad.", None),
    ],
)
def test_indonesian_speech_tags(text: str, who: str | None) -> None:
    (said,) = [w for _, w in told(text, "id")]
    if who is None:
        assert said is not None and not said.endswith(".") and "Kolonel Ahmad" in said
    else:
        assert said == who
