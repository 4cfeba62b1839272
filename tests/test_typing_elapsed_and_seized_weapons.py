"""Event typing: acts told as history by a span counted back ("months after"), weapons seized
in a list, and weapon and accident words of the lexicon. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- an act told "months after" is history, not the reported act -----------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Saturday, rebels entered the outskirts of Kalimbo and fought the army near the "
            "market, eight months after government forces seized control of the town.",
            "en",
        ),
        (
            "Pada Sabtu, pemberontak bertempur dengan tentara di pinggiran Kalimbo, delapan "
            "bulan setelah pasukan pemerintah merebut kota itu.",
            "id",
        ),
    ],
)
def test_a_capture_months_before_does_not_type_the_fight(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event


def test_a_capture_told_only_as_years_before_is_no_event() -> None:
    assert not run(
        "Residents returned to their homes in Kalimbo on Monday, two years after the rebels "
        "captured the town."
    )


def test_a_bomb_days_before_is_still_the_news() -> None:
    event = one(
        "Rescuers pulled more bodies from the rubble in Kalimbo on Monday, two days after a "
        "car bomb exploded outside the market."
    )
    assert event.event_type == "Explosions/Remote violence", event


def test_a_fronted_span_ends_at_its_comma() -> None:
    event = one(
        "Three months after the truce was signed, gunmen shot dead two farmers in Kalimbo on "
        "Monday."
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


# --- weapons listed after a seized one are seized too -----------------------------------------


def test_live_rounds_seized_in_a_raid_are_no_force_used() -> None:
    event = one(
        "Police seized six pistols and 300 live bullets on Monday following a raid on a house "
        "in Kalimbo."
    )
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Disrupted weapons use",
    ), event


def test_live_rounds_fired_at_protesters_stay_force() -> None:
    event = one(
        "On Monday, police fired live bullets at protesters in Kalimbo, wounding four of them."
    )
    assert event.sub_event_type == "Excessive force against protesters", event


# --- the lexicon: weapons and accidents --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On Monday, army choppers pounded rebel hideouts near Kalimbo, killing six fighters.",
            "Air/drone strike",
        ),
        (
            "On Monday, villagers near Kalimbo were attacked with poisonous gas fired by the "
            "army, a rescue team said.",
            "Chemical weapon",
        ),
        (
            "On Monday, four soldiers were killed when their truck hit a ground mine laid by "
            "the rebels near Kalimbo.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_weapon_words(text: str, sub: str) -> None:
    assert one(text).sub_event_type == sub


def test_a_military_aircraft_that_crashed_is_no_strike() -> None:
    assert not run(
        "Two of the five crew on board a military aircraft that crashed off the coast of "
        "Kalimbo on Saturday have been rescued, officials said."
    )


def test_the_worst_in_weeks_counts_no_span() -> None:
    event = one(
        "The capital saw its worst violence in weeks after stone-throwing protesters clashed "
        "with police in Kalimbo on Monday."
    )
    assert event.event_type == "Riots", event


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On Monday, four women blow themselves up near a bus station in "
            "Kalimbo, killing two people.",
            "Suicide bomb",
        ),
        (
            "On Monday, two kamikazes went off near a bus station in Kalimbo, killing two people.",
            "Suicide bomb",
        ),
        (
            "Kalimbo was hit by kamikaze drones overnight, killing two people, officials said.",
            "Air/drone strike",
        ),
    ],
)
def test_suicide_and_drone_words(text: str, sub: str) -> None:
    assert one(text).sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Armenian and Azerbaijani forces exchanged shelling near Kalimbo, the "
        "defence ministry said.",
        "Kenyan soldiers cross into Kalimbo, attack police; police return fire, kill one soldier",
    ],
)
def test_fire_exchanged_both_ways_is_a_battle(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event


# --- a figure is part of the object's phrase; a place described as taken is no act -------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, customs officers intercepted 12 locally made single barrel guns at the "
        "Kalimbo border post.",
        "On Monday, the army said it had seized a total of 206 automatic weapons in Kalimbo.",
        "On Monday, mortars and machine guns were found and cleared by troops in the "
        "liberated areas near Kalimbo.",
    ],
)
def test_weapons_seized_are_disrupted_weapons_use(text: str) -> None:
    event = one(text)
    assert event.sub_event_type == "Disrupted weapons use", event


def test_a_town_captured_is_still_taken() -> None:
    event = one("On Monday, the army captured the town of Kalimbo from the rebels.")
    assert event.sub_event_type == "Government regains territory", event


def test_a_protest_over_a_failure_to_stop_attacks_is_a_protest() -> None:
    event = one("Hundreds protest government's failure to stop ethnic clashes in Kalimbo")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest"), event


def test_a_fight_told_after_as_is_the_setting_of_a_shelling() -> None:
    event = one(
        "On Monday, rebels shelled Kalimbo as fighting with the army raged for a third day, "
        "killing four civilians."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack", event


def test_a_clash_told_with_as_stays_a_clash() -> None:
    event = one(
        "On Monday, soldiers clashed with rebels in Kalimbo as the army pressed its offensive, "
        "killing four fighters."
    )
    assert event.sub_event_type == "Armed clash", event


# --- a suicide bomber killed before the blast: the killing is the act ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Iraqi forces killed two IS suicide bombers near Kalimbo.",
        "On Monday, troops shot dead a would-be suicide bomber at a checkpoint in Kalimbo.",
    ],
)
def test_suicide_bombers_killed_before_a_blast_are_a_battle(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, a suicide bomber killed 20 people at a market in Kalimbo.",
        "On Monday, 20 people were killed by a suicide bomber at a market in Kalimbo.",
        "On Monday, militants killed 20 in a suicide attack at a market in Kalimbo.",
        "On Monday, police shot dead a suicide bomber who blew himself up at a checkpoint in "
        "Kalimbo.",
    ],
)
def test_a_suicide_bombing_stays_one(text: str) -> None:
    assert one(text).sub_event_type == "Suicide bomb"


def test_a_tank_attack_is_shelling() -> None:
    event = one(
        "On Monday, six rangers were killed in a tank attack near Kalimbo that officials "
        "blamed on a militia."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack", event
