"""Figures whose own suffix qualifies them ("20-an", "30-odd", "40-plus"), and words for the dead
found after them (en, id). Sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import Claim


def claims(text: str, lang: str) -> list[Claim]:
    data = load_language(lang)
    assert data is not None
    out: list[Claim] = []
    for sent in split_sentences(text, lang):
        out += sentence_claims(sent, data, find_claimant(sent, data))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("Serangan itu menewaskan 30-an warga.", "id", 30, "about"),
        ("Sebanyak 20-an orang tewas dalam serangan itu.", "id", 20, "about"),
        ("Setidaknya 20-an orang tewas.", "id", 20, "at_least"),
        ("Police recovered 30-odd bodies from the river.", "en", 30, "about"),
        ("The clashes killed 40-plus fighters.", "en", 40, "more_than"),
    ],
)
def test_a_suffix_on_the_digits_qualifies_the_figure(
    text: str, lang: str, value: int, qualifier: str
) -> None:
    (claim,) = claims(text, lang)
    assert (claim.kind, claim.value, claim.qualifier) == ("killed", value, qualifier)


@pytest.mark.parametrize(
    "text", ["A 14-year-old girl was killed.", "Two soldiers died in a nine-minute firefight."]
)
def test_other_hyphenated_numbers_stay_no_figure(text: str) -> None:
    assert [c.value for c in claims(text, "en")] in ([1], [2])


def test_a_headline_death_word_is_not_the_victims_name() -> None:
    (claim,) = claims("Disebut 20-an Tentara Terbunuh", "id")
    assert (claim.value, claim.victims) == (20, "Tentara")


def test_corpses_are_the_dead() -> None:
    (claim,) = claims("The hospital has so far received 44 corpses from the farms.", "en")
    assert (claim.kind, claim.value, claim.qualifier) == ("killed", 44, "at_least")


@pytest.mark.parametrize(
    ("text", "value", "victims"),
    [
        ("A policeman succumbed to his injuries on Tuesday.", 1, "A policeman"),
        ("The army said 27 militants were neutralised in the operation.", 27, "militants"),
        ("The army said 40 terrorists had been eliminated.", 40, "terrorists"),
        ("Police said three of the assailants died in the blast.", 3, "assailants"),
        ("Seven members of one family were killed when a shell hit their house.", 7, "members"),
    ],
)
def test_death_words_and_victims_after_of_the(text: str, value: int, victims: str) -> None:
    assert [(c.value, c.victims) for c in claims(text, "en") if c.kind == "killed"] == [
        (value, victims)
    ]


@pytest.mark.parametrize(
    ("text", "value", "victims"),
    [
        ("Kedua pelaku bom bunuh diri juga tewas.", 2, "pelaku"),
        ("Keempat penyerang tewas ditembak polisi.", 4, "penyerang"),
    ],
)
def test_indonesian_collective_counts_before_victims(text: str, value: int, victims: str) -> None:
    (claim,) = claims(text, "id")
    assert (claim.kind, claim.value, claim.victims) == ("killed", value, victims)


def test_an_indonesian_ordinal_counts_no_one() -> None:
    assert [c.value for c in claims("Pada hari ketiga, lima orang tewas.", "id")] == [5]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Delapan orang tewas, lima di antaranya anak-anak.", "id"),
        ("Eight people were killed, five of them children.", "en"),
    ],
)
def test_a_part_named_right_after_its_figure(text: str, lang: str) -> None:
    toll, part = claims(text, lang)
    assert (toll.value, toll.scope, part.value, part.scope) == (8, "total", 5, "part")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dalam kejadian itu, satu orang tewas dan dua lainnya kritis.", "id"),
        ("One man died and two others are in critical condition.", "en"),
    ],
)
def test_others_in_critical_condition_are_wounded(text: str, lang: str) -> None:
    assert [(c.kind, c.value) for c in claims(text, lang)] == [("killed", 1), ("wounded", 2)]


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("Sekitar 230 orang lebih dilaporkan tewas.", "id", 230, "more_than"),
        ("Serangan itu menewaskan 100 orang lebih.", "id", 100, "more_than"),
        ("Sebanyak 12 orang tewas, lebih dari separuhnya anak-anak.", "id", 12, "exact"),
        ("At the very least 10 soldiers had been killed.", "en", 10, "at_least"),
    ],
)
def test_a_qualifier_told_after_the_figure(
    text: str, lang: str, value: int, qualifier: str
) -> None:
    (claim,) = claims(text, lang)
    assert (claim.value, claim.qualifier) == (value, qualifier)
