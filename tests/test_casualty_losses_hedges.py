"""A side's dead told as its loss ("the army lost 12 men") and hedged figures ("20 people may
have died": up to 20; "diperkirakan tewas": about), in English and Indonesian. Every sentence
is invented for the test."""

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


def killed(text: str, lang: str) -> list[tuple[int, str]]:
    return [(c.value, c.qualifier) for c in claims(text, lang) if c.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The army lost 12 men in the ambush near Dorvale.", "en", [(12, "exact")]),
        ("The militia lost at least eight fighters in the shelling.", "en", [(8, "at_least")]),
        ("The rebels lost dozens of fighters in the clashes.", "en", [(12, "vague")]),
        ("Police said the attackers lost two of their men in the firefight.", "en", [(2, "exact")]),
        ("The army said it had lost three soldiers in the clashes.", "en", [(3, "exact")]),
        ("Tentara kehilangan 12 prajurit dalam penyergapan di Dorvale.", "id", [(12, "exact")]),
    ],
)
def test_a_loss_of_people_counts_a_sides_dead(
    text: str, lang: str, expected: list[tuple[int, str]]
) -> None:
    assert killed(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army lost 12 vehicles in the ambush near Dorvale.", "en"),
        ("The rebels lost control of two villages in the fighting.", "en"),
        ("The ruling party lost 12 seats in the election.", "en"),
        ("Pemberontak kehilangan dua kendaraan dalam bentrokan itu.", "id"),
    ],
)
def test_a_loss_of_things_or_places_counts_no_one(text: str, lang: str) -> None:
    assert killed(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Officials said 20 passengers may have died in the fire.", "en", (20, "up_to")),
        ("Forty civilians might have been killed in the strike.", "en", (40, "up_to")),
        ("Thirty people are estimated to have been killed in the raid.", "en", (30, "about")),
        ("Sebanyak 20 orang diperkirakan tewas dalam serangan udara itu.", "id", (20, "about")),
        ("Dua puluh warga kemungkinan tewas dalam serangan udara itu.", "id", (20, "up_to")),
        ("Tiga puluh orang mungkin telah tewas dalam serangan itu.", "id", (30, "up_to")),
        ("Twenty fishermen are feared dead after the attack on their boats.", "en", (20, "up_to")),
        ("Thirty villagers were feared killed in the raid.", "en", (30, "up_to")),
        ("Sebanyak 20 nelayan dikhawatirkan tewas setelah kapal diserang.", "id", (20, "up_to")),
    ],
)
def test_a_hedge_before_the_death_word_qualifies_the_figure(
    text: str, lang: str, expected: tuple[int, str]
) -> None:
    assert killed(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("At least 20 passengers may have died in the fire.", "en", (20, "at_least")),
        ("Sedikitnya 30 orang mungkin telah tewas dalam serangan itu.", "id", (30, "at_least")),
    ],
)
def test_a_qualifier_told_with_the_figure_wins_over_the_hedge(
    text: str, lang: str, expected: tuple[int, str]
) -> None:
    assert killed(text, lang) == [expected]
