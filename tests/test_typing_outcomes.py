"""Event typing by failure kind (session 9): what a raid was for when nothing else is told,
detention by a non-state group. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- a raid told with only what it took is no battle -----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        (
            "On Tuesday, police raided two houses in Kalimbo and seized three rifles and 200 "
            "rounds of ammunition.",
            "en",
            "Disrupted weapons use",
        ),
        (
            "On Tuesday, soldiers raided the market district of Kalimbo and arrested twelve men "
            "suspected of helping the rebels.",
            "en",
            "Arrests",
        ),
        (
            "Pada Selasa, polisi menggerebek dua rumah di Kalimbo dan menangkap lima orang "
            "tersangka.",
            "id",
            "Arrests",
        ),
    ],
)
def test_a_raid_told_with_only_what_it_took_is_that_development(
    text: str, lang: str, sub: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", sub), event


def test_a_raid_in_which_people_were_killed_stays_a_fight() -> None:
    event = one(
        "On Tuesday, soldiers raided a rebel hideout in Kalimbo, killing four fighters and "
        "arresting two others."
    )
    assert event.event_type == "Battles", event


def test_a_raid_told_with_a_beating_stays_violence() -> None:
    events = run(
        "On Tuesday, police raided a house in Kalimbo, beat two women and arrested their sons."
    )
    assert events and events[0].event_type != "Strategic developments", events


# --- people detained by a non-state group are abducted ---------------------------------------


def test_people_detained_by_rebels_are_abducted() -> None:
    event = one("On Tuesday, SDF fighters raided houses in Kalimbo and detained five young men.")
    assert (event.event_type, event.sub_event_type) == (
        "Violence against civilians",
        "Abduction/forced disappearance",
    ), event


def test_people_detained_by_police_are_arrested() -> None:
    event = one("On Tuesday, police detained five young men in Kalimbo.")
    assert event.sub_event_type == "Arrests", event
