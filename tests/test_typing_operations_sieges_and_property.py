"""Event typing of war reports: a force's operation against a side, a siege told as lasting,
air-dropped bombs, and a storming in Indonesian. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- an operation against a side is a fight with it ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, troops launched an operation against Islamic State militants near Kalimbo, "
        "leaving two militants dead.",
        "On Monday, 12 militants were killed in a counter-terrorism operation near Kalimbo, the "
        "army said.",
    ],
)
def test_an_operation_against_a_side_is_an_armed_clash(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The president said the special military operation would continue.", "en"),
        ("Presiden itu mengatakan operasi militer khusus akan terus berlanjut.", "id"),
    ],
)
def test_a_wars_official_name_tells_no_event(text: str, lang: str) -> None:
    assert run(text, lang) == []


# --- a siege told as lasting is the setting of the day's act ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The militia has besieged Kalimbo for months, and on Monday its fighters shelled the "
            "town's hospital, killing nine patients.",
            "en",
        ),
        (
            "Milisi itu, yang telah mengepung Kalimbo selama berbulan-bulan, menembakkan roket ke "
            "rumah sakit kota itu pada Senin, menewaskan sembilan pasien.",
            "id",
        ),
    ],
)
def test_a_lasting_siege_leaves_the_shelling_its_type(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_a_siege_laid_on_the_day_is_still_a_battle() -> None:
    event = one("On Monday, militia fighters besieged the town of Kalimbo.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


# --- glide and guided bombs are dropped from the air ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A glide bomb hit a residential building in Kalimbo on Friday, killing four people.",
        "Government forces dropped guided aerial bombs on Kalimbo on Friday, killing four people.",
    ],
)
def test_glide_and_guided_bombs_are_air_strikes(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


# --- an Indonesian storming is a raid: a battle with an armed side, an attack on civilians --------


def test_storming_a_village_and_killing_civilians_is_an_attack() -> None:
    event = one(
        "Pada Senin, milisi menyerbu sebuah desa di Kalimbo dan menewaskan 40 warga sipil.", "id"
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "Pada Senin, pasukan TNI menyerbu markas KKB di Kalimbo, dua anggota KKB tewas.",
        "Pada Senin, ratusan militan menyerbu pos polisi di Kalimbo dan menewaskan dua polisi.",
    ],
)
def test_storming_an_armed_sides_base_is_a_battle(text: str) -> None:
    event = one(text, "id")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


# --- an operation is the frame of what it did -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        (
            "On Monday, police arrested 80 traders in Kalimbo in an operation against illegal "
            "structures.",
            "en",
            "Arrests",
        ),
        (
            "On Monday, soldiers seized several rifles in a military operation against bandits "
            "near Kalimbo.",
            "en",
            "Disrupted weapons use",
        ),
        (
            "Pada Senin, polisi menyita senjata api dalam operasi militer di Kalimbo.",
            "id",
            "Disrupted weapons use",
        ),
    ],
)
def test_an_operation_that_arrested_or_seized_is_coded_by_what_it_did(
    text: str, lang: str, sub: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", sub)


def test_an_operation_with_no_one_named_against_is_a_fight_of_its_force() -> None:
    event = one("On Monday, the army launched a military operation near Kalimbo.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


# --- property destroyed: the quantity between the verb and the thing changes nothing -------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, soldiers torched more than 200 houses in Kalimbo, residents said.",
        "On Monday, troops set fire to dozens of homes in Kalimbo.",
    ],
)
def test_an_armed_force_burning_counted_houses_destroys_property(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces")


def test_a_crowd_burning_counted_houses_still_riots() -> None:
    event = one("On Monday, rioters torched 20 houses in Kalimbo.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


def test_people_attacked_before_property_destroyed_make_an_attack() -> None:
    event = one(
        "On Monday, an armed group attacked suspected criminals and vandalised homes and shops "
        "in Kalimbo."
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
