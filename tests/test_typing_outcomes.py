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


# --- an explosive weapon used during a fight; fire returned -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Tuesday, four soldiers were wounded in a grenade explosion in Kalimbo during "
            "clashes with the rebels.",
            "en",
        ),
        (
            "On Tuesday, a grenade attack was carried out in the Kalimbo market amid heavy "
            "fighting between the army and the rebels.",
            "en",
        ),
    ],
)
def test_a_grenade_used_during_clashes_is_the_act_told(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.sub_event_type == "Grenade", event


def test_a_clash_told_as_the_act_keeps_the_shelling_inside_it() -> None:
    event = one(
        "On Tuesday, the army clashed with the rebels in Kalimbo. The rebels destroyed a "
        "truck with mortar fire during the clash."
    )
    assert event.sub_event_type == "Armed clash", event


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Tuesday, rebels threw a hand grenade at an army checkpoint in Kalimbo. The "
            "soldiers returned fire.",
            "en",
        ),
        (
            "Pada Selasa, pemberontak melemparkan granat ke pos tentara di Kalimbo. Para "
            "tentara membalas tembakan.",
            "id",
        ),
    ],
)
def test_a_grenade_answered_by_fire_is_an_exchange(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event


# --- a toll's people and a habit are no act ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, the injured were taken to a hospital in Baidoa.",
        "On Tuesday, some of the wounded were flown to a hospital in Baidoa.",
    ],
)
def test_the_injured_taken_to_hospital_are_no_act(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, a car bomb exploded at a checkpoint in Kalimbo, killing eight soldiers. "
            "No group has claimed it, but the Shabaab carries out regular suicide bombings in "
            "Baidoa.",
            "en",
        ),
        (
            "Pada Senin, bom mobil meledak di sebuah pos pemeriksaan di Kalimbo dan menewaskan "
            "delapan tentara. Kelompok itu sering melakukan serangan bom bunuh diri di Baidoa.",
            "id",
        ),
    ],
)
def test_a_habit_told_beside_the_news_is_no_event(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.sub_event_type != "Suicide bomb", event


# --- territory: sides driven out, a fight to regain it, a withdrawal -----------------------------


def test_rebels_pushed_out_of_areas_by_the_army_is_territory_regained() -> None:
    event = one(
        "On Tuesday, army units pushed the rebels out of several key areas in Kalimbo province."
    )
    assert event.sub_event_type == "Government regains territory", event


def test_troops_who_battled_to_regain_control_fought() -> None:
    event = one(
        "On Tuesday, rebels attacked a hotel in Kalimbo, and soldiers battled to regain control "
        "of the building. Three rebels were killed."
    )
    assert event.sub_event_type == "Armed clash", event


def test_an_area_taken_after_a_withdrawal_is_a_transfer() -> None:
    event = one(
        "On Tuesday, al-Shabaab militants seized the area following the withdrawal of the "
        "regional forces from Kalimbo."
    )
    assert event.sub_event_type == "Non-violent transfer of territory", event


def test_a_security_guard_attacked_by_gunmen_is_a_battle() -> None:
    event = one("On Tuesday, unidentified gunmen attacked and injured a security guard in Kalimbo.")
    assert event.event_type == "Battles", event


def test_people_who_fled_because_of_attacks_are_displaced() -> None:
    event = one(
        "On Tuesday, some 4,000 people have fled from villages around Kalimbo because of "
        "Boko Haram attacks, the agency said."
    )
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Other"), event


# --- a participle told as known; scuffles; an abduction with people hurt --------------------------


def test_a_strike_on_the_besieged_town_is_an_air_strike() -> None:
    event = one(
        "On Monday, Israeli warplanes fired a missile at a group of youths east of Kalimbo, in "
        "the besieged northern strip."
    )
    assert event.sub_event_type == "Air/drone strike", event


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, thousands of demonstrators marched in Kalimbo against the new tax. There "
        "were scuffles with the police near the town hall.",
        "On Saturday, a protest was held in Kalimbo against the new tax. A brawl broke out "
        "between the demonstrators and the police.",
    ],
)
def test_scuffles_at_a_demonstration_make_it_violent(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration"), event


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, a trader who had been abducted by gunmen from his shop in Kalimbo on "
        "Thursday was found dead near the river.",
        "On Monday, gunmen abducted three village elders in Kalimbo, shot two of them dead and "
        "dumped their bodies by the road.",
    ],
)
def test_an_abduction_with_people_killed_is_an_attack(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
