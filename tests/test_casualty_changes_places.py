"""A toll's change told with its old and new counts, tolls counted since a day of the incident,
figures that count places, and Indonesian death words (en, id). Sentences are invented."""

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
    ("text", "lang", "old", "new"),
    [
        ("The death toll rose from 20 to 35, officials said.", "en", 20, 35),
        ("The toll was revised up from 12 to 19.", "en", 12, 19),
        ("The number of dead climbed from 20 to at least 35.", "en", 20, 35),
        ("Jumlah korban tewas naik dari 20 menjadi 35 orang.", "id", 20, 35),
        ("Jumlah korban meninggal direvisi dari 12 menjadi 19 orang.", "id", 12, 19),
    ],
)
def test_a_change_from_one_count_to_another_revises_the_first(
    text: str, lang: str, old: int, new: int
) -> None:
    first, second = claims(text, lang)
    assert (first.value, first.earlier, first.supersedes_earlier) == (old, True, False)
    assert (second.value, second.earlier, second.supersedes_earlier) == (new, False, True)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Between 10 and 15 militants were killed in the clashes.", "en"),
        ("Antara 10 hingga 15 orang tewas.", "id"),
    ],
)
def test_a_range_is_no_change(text: str, lang: str) -> None:
    low, high = claims(text, lang)
    assert (low.qualifier, high.qualifier) == ("at_least", "up_to")
    assert not (low.earlier or high.earlier or low.supersedes_earlier or high.supersedes_earlier)


@pytest.mark.parametrize(
    ("text", "lang", "scope"),
    [
        ("At least 30 people have been killed since Monday.", "en", "total"),
        ("Sedikitnya 30 orang tewas sejak Senin.", "id", "total"),
        ("Sedikitnya 30 orang tewas sejak hari Jumat (12/3).", "id", "total"),
        ("More than 3,000 people have been killed since 2019.", "en", "background"),
        ("Lebih dari 3.000 orang tewas sejak 2019.", "id", "background"),
    ],
)
def test_since_a_weekday_counts_the_incident_so_far(text: str, lang: str, scope: str) -> None:
    (claim,) = claims(text, lang)
    assert claim.scope == scope


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("At least 11 people were killed in two cities on Friday.", "en", 11),
        ("Clashes in three districts killed nine people.", "en", 9),
        ("Sedikitnya 11 orang tewas di dua kota pada hari Jumat.", "id", 11),
        ("Ledakan terjadi di tiga titik dan menewaskan tujuh orang.", "id", 7),
        ("Lima orang tewas dalam bentrokan di dua kabupaten.", "id", 5),
    ],
)
def test_a_figure_counting_places_counts_no_dead(text: str, lang: str, value: int) -> None:
    assert [c.value for c in claims(text, lang) if c.kind == "killed"] == [value]


@pytest.mark.parametrize(
    ("text", "value", "victims"),
    [
        ("Kelompok militan itu memenggal empat warga desa.", 4, "warga"),
        ("Polisi menembak mati dua terduga teroris.", 2, "terduga teroris"),
        ("Tiga demonstran tewas tertembak.", 3, "demonstran"),
        ("Milisi itu membantai sembilan penduduk.", 9, "penduduk"),
        ("Dua mahasiswa ditemukan tak bernyawa.", 2, "mahasiswa"),
    ],
)
def test_indonesian_death_words_and_victims(text: str, value: int, victims: str) -> None:
    (claim,) = claims(text, "id")
    assert (claim.kind, claim.value, claim.victims) == ("killed", value, victims)


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value"),
    [
        (
            "Troops repelled the raid, killing 5 gunmen and injuring 6, in Wadi district.",
            "en",
            "wounded",
            6,
        ),
        ("Soldiers killed 3 in Wadi district on Monday.", "en", "killed", 3),
        ("Pasukan menewaskan 3 di distrik Wadi pada Senin.", "id", "killed", 3),
    ],
)
def test_a_place_after_a_comma_or_preposition_is_not_the_figures_noun(
    text: str, lang: str, kind: str, value: int
) -> None:
    assert value in [c.value for c in claims(text, lang) if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        (
            "Three people died at the city hospital, two at the military hospital and one at"
            " the scene.",
            "en",
            6,
        ),
        (
            "Satu korban meninggal di RS Kota, dua di RS Polri, satu di RS Bunda dan satu di"
            " Klinik Sehat.",
            "id",
            5,
        ),
        ("Three soldiers were killed in Wadi, two in Hilltown and one in Rivertown.", "en", 3),
        ("Tiga tentara tewas di Wadi, dua di Bukit.", "id", 3),
    ],
)
def test_dead_counted_at_hospitals_add_up_places_do_not(text: str, lang: str, value: int) -> None:
    assert [c.value for c in claims(text, lang) if c.kind == "killed"] == [value]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Officials revised the death toll down to 12 from 17.", "en"),
        ("Polisi merevisi jumlah korban tewas turun menjadi 12 dari 17 orang.", "id"),
    ],
)
def test_a_change_told_new_count_first(text: str, lang: str) -> None:
    new, old = claims(text, lang)
    assert (new.value, new.supersedes_earlier, old.value, old.earlier) == (12, True, 17, True)


def test_more_than_of_the_next_figure_adds_no_dead() -> None:
    toll, wounded = claims("The death toll rose to 73, with more than 100 wounded.", "en")
    assert (toll.value, toll.scope, toll.supersedes_earlier) == (73, "total", True)
    assert (wounded.kind, wounded.qualifier) == ("wounded", "more_than")


def test_another_attack_told_after_a_comma_is_its_own() -> None:
    text = "The blast killed 13 people on Sunday, a day after a similar attack killed 9."
    assert [(c.value, c.scope) for c in claims(text, "en")] == [(13, "total"), (9, "other")]


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Following clashes with police, 3 people died.", 3, "total"),
        ("Soldiers killed the gunman after he opened fire, killing three worshippers.", 3, "side"),
        ("Villagers protested after a gendarme shot and killed a young man.", 1, "other"),
        ("Hundreds marched following the killing of two students.", 2, "other"),
    ],
)
def test_a_cause_told_in_a_clause_of_its_own_is_not_another_incident(
    text: str, value: int, scope: str
) -> None:
    assert (value, scope) in [(c.value, c.scope) for c in claims(text, "en")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Jumlah korban tewas dalam serangan bom di gereja di Dorvale pada Minggu (3/5)"
            " mencapai 14 orang, kata polisi.",
            14,
        ),
        (
            "Korban meninggal dunia dalam kerusuhan di Dorvale pada Senin (4/5/2020) bertambah"
            " menjadi 12 orang.",
            12,
        ),
    ],
)
def test_a_day_in_parentheses_does_not_cut_a_toll_from_its_update(text: str, value: int) -> None:
    assert [(c.value, c.kind) for c in claims(text, "id")] == [(value, "killed")]
