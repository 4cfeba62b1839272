"""Casualty claims, numbers and claimants, per rule. Sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import Claim


def claims(text: str, lang: str = "en") -> list[Claim]:
    data = load_language(lang)
    assert data is not None
    out: list[Claim] = []
    for sent in split_sentences(text, lang):
        out += sentence_claims(sent, data, find_claimant(sent, data))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier", "kind"),
    [
        ("Thirty-three soldiers were killed in the raid.", "en", 33, "exact", "killed"),
        ("The bombing killed at least 14 people.", "en", 14, "at_least", "killed"),
        ("More than 20 fighters died in the clashes.", "en", 20, "more_than", "killed"),
        ("Nearly 40 troops were wounded.", "en", 40, "nearly", "wounded"),
        ("Dozens of villagers were killed.", "en", 12, "vague", "killed"),
        ("Several policemen were abducted.", "en", 3, "vague", "captured"),
        ("Hundreds of residents are missing.", "en", 100, "vague", "missing"),
        ("A dozen militants were killed.", "en", 12, "exact", "killed"),
        ("Two dozen rebels were killed.", "en", 24, "exact", "killed"),
        ("Up to 9 civilians died.", "en", 9, "up_to", "killed"),
        ("About 1,200 people were killed over the week.", "en", 1200, "about", "killed"),
        ("Tiga puluh tentara tewas dalam serangan itu.", "id", 30, "exact", "killed"),
        ("Sedikitnya 25 orang tewas.", "id", 25, "at_least", "killed"),
        ("Lebih dari 10 pejuang terbunuh.", "id", 10, "more_than", "killed"),
        ("Hampir 50 warga luka-luka.", "id", 50, "nearly", "wounded"),
        ("Sekitar 8 polisi ditangkap.", "id", 8, "about", "captured"),
        ("Hingga 6 orang hilang.", "id", 6, "up_to", "missing"),
        ("Puluhan tentara tewas.", "id", 10, "vague", "killed"),
        ("Selusin militan tewas.", "id", 12, "exact", "killed"),
        ("Belasan warga tewas.", "id", 11, "vague", "killed"),
        ("Ratusan orang terluka.", "id", 100, "vague", "wounded"),
        ("Ledakan itu menewaskan 7 orang.", "id", 7, "exact", "killed"),
    ],
)
def test_figure_qualifier_kind(text: str, lang: str, value: int, qualifier: str, kind: str) -> None:
    (claim,) = claims(text, lang)
    assert (claim.value, claim.qualifier, claim.kind) == (value, qualifier, kind)


def test_victims_as_written() -> None:
    (claim,) = claims("Fifteen regime soldiers were killed near the airport.")
    assert claim.victims == "regime soldiers"


def test_years_units_and_dates_are_not_counts() -> None:
    assert claims("In 2019, the group killed people 40 km from the city on 3/2/2019.") == []


def test_subset_figures_are_parts_not_tolls() -> None:
    got = claims("At least 20 people were killed, including 5 children.")
    assert [(c.value, c.scope) for c in got] == [(20, "total"), (5, "part")]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("The death toll rose to 35, officials said.", "en", 35),
        ("Jumlah korban tewas naik menjadi 35 orang.", "id", 35),
        ("Korban tewas bertambah menjadi 12 orang.", "id", 12),
        # "mencapai" (reached) states the toll reached, not a ceiling: an exact update
        ("Jumlah korban tewas sekarang mencapai 120 orang, kata pemantau.", "id", 120),
        ("Korban tewas akibat ledakan itu mencapai 15 orang.", "id", 15),
    ],
)
def test_updated_toll(text: str, lang: str, value: int) -> None:
    (claim,) = claims(text, lang)
    assert claim.value == value and claim.supersedes_earlier
    assert claim.qualifier == "exact"


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("Twelve soldiers were killed, the Syrian Observatory said.", "en", "Syrian Observatory"),
        ("According to Amaq, 30 soldiers died.", "en", "Amaq"),
        ("Local activists told reporters that 9 fighters were killed.", "en", "Local activists"),
        ("Menurut Amaq, 30 tentara tewas.", "id", "Amaq"),
        ("Sebanyak 4 warga tewas, kata seorang pemantau perang.", "id", "seorang pemantau perang"),
    ],
)
def test_claimant(text: str, lang: str, who: str) -> None:
    (claim,) = claims(text, lang)
    assert claim.claimant == who


def test_quote_figure_takes_the_paragraph_claimant() -> None:
    from wartrace.extract import extract_events
    from wartrace.models import TextAnalysis

    text = (
        '"The army shelled the village and killed 6 of our fighters," the rebel spokesman '
        "said. Rebels attacked government troops in Kidal on Monday."
    )
    (event,) = extract_events(
        text, TextAnalysis(clean_text=text, language="en"), published="2021-03-15"
    )
    assert event.claims and event.claims[0].claimant == "rebel spokesman"
