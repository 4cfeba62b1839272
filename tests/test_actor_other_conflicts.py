"""Generic actors, state forces and named groups of countries and conflicts the corpora do not
cover: gangs in the Caribbean and Central America, unrest in southern Africa and the Caucasus,
pro-junta militias. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run
from wartrace.extract.actors import resolve, same_side
from wartrace.extract.periods import period_name
from wartrace.extract.resources import DATA_DIR, load_actor_entries, load_language


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Gang members killed eight people in Cite Soleil, Port-au-Prince, Haiti, on Monday.",
            "Unidentified Gang (Haiti)",
            "Civilians (Haiti)",
        ),
        (
            "Gunmen killed six people at a market in Guayaquil, Ecuador, on Monday.",
            "Unidentified Armed Group (Ecuador)",
            "Civilians (Ecuador)",
        ),
        (
            "Gunmen killed four soldiers near Ziguinchor, Senegal, on Monday.",
            "Unidentified Armed Group (Senegal)",
            "Military Forces of Senegal (2024-)",
        ),
        (
            "Police shot dead three protesters in Harare, Zimbabwe, on Monday.",
            "Protesters (Zimbabwe)",
            "Police Forces of Zimbabwe (2017-)",
        ),
        (
            "Azerbaijani troops shelled Armenian positions near Jermuk, Armenia, on Tuesday.",
            "Military Forces of Azerbaijan (2003-)",
            "Military Forces of Armenia (2018-)",
        ),
    ],
)
def test_generic_actors_take_the_name_of_a_country_beyond_the_corpora(
    text: str, actor1: str, actor2: str
) -> None:
    event = one(text, published="2024-06-10")
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Gran Grif gang members killed 20 people in Artibonite, Haiti, on Monday.", "Gran Grif"),
        (
            "Pyu Saw Htee militiamen killed three villagers in Magway region, Myanmar, on Sunday.",
            "Pyu Saw Htee",
        ),
        (
            "Members of the Gaitanista Army of Colombia killed a farmer in Antioquia, Colombia.",
            "Clan del Golfo",
        ),
    ],
)
def test_groups_of_other_conflicts_are_named(text: str, actor1: str) -> None:
    assert one(text, published="2024-06-10").actor1 == actor1


def test_a_pro_junta_militia_is_on_the_militarys_side() -> None:
    data = load_language("en")
    assert data is not None
    militia = next(e for e, _ in load_actor_entries(str(DATA_DIR)) if e.name == "Pyu Saw Htee")
    army = resolve(data.templates["state_forces"], "MM", data.common, None)
    assert same_side(resolve(militia, "MM", data.common, None), army)


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        # A party in power since the start of a period keeps it through changes of leader.
        (
            "Police Forces of South Africa (1994-)",
            "2021-07-12",
            "Police Forces of South Africa (1994-)",
        ),
        (
            "Police Forces of Zimbabwe (2017-)",
            "2008-03-29",
            "Police Forces of Zimbabwe (1980-2017)",
        ),
        (
            "Military Forces of Nigeria (2023-)",
            "1998-02-01",
            "Military Forces of Nigeria (1993-1998)",
        ),
        (
            "Military Forces of Burkina Faso (2022-)",
            "2011-04-15",
            "Military Forces of Burkina Faso (1987-2014)",
        ),
        ("Military Forces of Peru (2025-)", "2023-01-09", "Military Forces of Peru (2022-2025)"),
    ],
)
def test_forces_of_other_countries_and_earlier_years_carry_their_period(
    name: str, day: str, expected: str
) -> None:
    assert period_name(name, day) == expected


def test_a_country_named_only_by_a_saints_town_is_not_guessed() -> None:
    # Town names shared across the Spanish-speaking world name no country.
    events = run("Police killed a drug suspect in Barangay Santo Rosario on Monday.")
    assert all("Argentina" not in f"{e.actor1} {e.actor2}" for e in events)
