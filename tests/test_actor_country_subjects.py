"""A country's name as who acted ("Israel struck a house in Rafah", "Russia launched 40
drones", "Rusia menggempur Kherson") names that state's forces, as ACLED codes it; and an act
blamed on a country ("which the government blamed on Israel", "dituding dilakukan Israel")
has that state's forces as its author. The same name as a place ("in Israel", "northern
Israel was struck", "rockets from Lebanon") names no author. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import run

ISRAEL = "Military Forces of Israel (2022-)"
RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"
PAKISTAN = "Military Forces of Pakistan (2022-)"


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        ("Israel struck a house in Rafah on Tuesday, killing five people.", "en", ISRAEL),
        ("Russia shelled Kherson overnight, killing two civilians.", "en", RUSSIA),
        ("Russia launched 40 drones at Kyiv overnight, wounding three residents.", "en", RUSSIA),
        ("Ukraine hit an oil refinery in the Bryansk region with drones on Sunday.", "en", UKRAINE),
        (
            "Pakistan carried out air strikes in Khost province on Monday, killing 8.",
            "en",
            PAKISTAN,
        ),
        (
            "Officials said Russia shelled Pokrovsk overnight, killing three civilians.",
            "en",
            RUSSIA,
        ),
        ("Two people were killed in Gaza when Israel hit a car on Sunday.", "en", ISRAEL),
        ("Israel has again struck a school in Gaza City, killing 12 people.", "en", ISRAEL),
        (
            "Israel menyerang sebuah rumah di Rafah pada Selasa, menewaskan lima orang.",
            "id",
            ISRAEL,
        ),
        ("Rusia menembakkan 40 drone ke Kyiv semalam, melukai tiga warga.", "id", RUSSIA),
        ("Israël a frappé une maison à Rafah mardi, tuant cinq personnes.", "fr", ISRAEL),
        (
            "Pejabat mengatakan Rusia menggempur Pokrovsk, menewaskan tiga warga sipil.",
            "id",
            RUSSIA,
        ),
    ],
)
def test_a_country_named_as_the_subject_of_an_act_is_its_forces(
    text: str, lang: str, actor1: str
) -> None:
    events = run(text, lang, published="2024-06-10")
    assert [e.actor1 for e in events] == [actor1]


@pytest.mark.parametrize(
    "text",
    [
        "Kota itu diserang Rusia pada Senin, menewaskan empat warga sipil.",
        "Kota Kherson digempur Rusia semalam, melukai tiga warga.",
        "Rumah sakit di Kharkiv dibombardir oleh Rusia pada Selasa, menewaskan 20 orang.",
    ],
)
def test_a_country_after_a_passive_act_is_its_forces(text: str) -> None:
    events = run(text, "id", published="2024-06-10")
    assert [e.actor1 for e in events] == [RUSSIA]


def test_countries_listed_as_one_subject_are_both_sides() -> None:
    text = "Russia and Ukraine exchanged fire near Bakhmut on Monday, killing two soldiers."
    events = run(text, "en", published="2024-06-10")
    assert [{e.actor1, e.actor2} for e in events] == [{RUSSIA, UKRAINE}]


def test_a_country_that_says_it_struck_is_the_author_not_a_source() -> None:
    text = "Israel said it struck Hezbollah targets in southern Lebanon on Tuesday, killing two."
    events = run(text, "en", published="2024-06-10")
    assert [(e.actor1, e.actor2) for e in events] == [(ISRAEL, "Hezbollah")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A bomb exploded at a market in Beirut, killing three, in an attack which the "
            "government blamed on Israel.",
            "en",
        ),
        ("The explosion, which Lebanon blamed on Israel, killed three people in Beirut.", "en"),
        (
            "Ledakan di pasar Beirut menewaskan tiga orang, dalam serangan yang dituding "
            "dilakukan Israel.",
            "id",
        ),
    ],
)
def test_an_act_blamed_on_a_country_has_its_forces_as_author(text: str, lang: str) -> None:
    events = run(text, lang, published="2024-06-10")
    assert [e.actor1 for e in events] == [ISRAEL]


@pytest.mark.parametrize(
    "text",
    [
        "Rockets fired from Lebanon struck northern Israel on Tuesday, wounding two people.",
        "Northern Israel was struck by rockets on Tuesday, wounding two people.",
        "A drone attack in northern Israel killed two people on Wednesday.",
        "Fighting in Sudan and Chad killed 30 people on Monday.",
        "Gunmen attacked a village in Niger's Tillaberi region, killing 12 civilians.",
    ],
)
def test_a_country_named_as_a_place_names_no_state_author(text: str) -> None:
    events = run(text, "en", published="2024-06-10")
    assert events
    assert all(not (e.actor1 or "").startswith("Military Forces") for e in events)
