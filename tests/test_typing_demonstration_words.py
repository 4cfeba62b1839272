"""Words that tell a demonstration, and words that only look like them: the religion
("Protestant"), the month ("March"). Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, villagers ransacked two Protestant churches in Kalimbo.", "en"),
        ("Lundi, des jeunes ont incendié deux temples protestants à Kalimbo.", "fr"),
    ],
)
def test_a_protestant_church_attacked_is_no_demonstration(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event


def test_the_month_of_march_tells_no_demonstration() -> None:
    event = one(
        "On 5 March, youths threw stones at passing cars and torched a bus in Kalimbo.",
        published="2021-03-07",
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event


def test_stones_thrown_during_a_march_are_a_violent_demonstration() -> None:
    event = one(
        "On Monday, youths threw stones at police during a march against the new tax in Kalimbo."
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_protesters_still_protest() -> None:
    event = one("On Monday, hundreds of protesters marched through Kalimbo against the new tax.")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


# --- several civilians who act are a mob ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, women beat a trader accused of theft with sticks in Kalimbo.", "en"),
        (
            "On Monday, an aid worker was injured when her car was attacked by civilians "
            "throwing stones near Kalimbo.",
            "en",
        ),
        ("Pada Senin, keluarga korban memukuli seorang tersangka di Kalimbo.", "id"),
    ],
)
def test_civilians_who_attack_are_a_mob(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event
    assert event.actor1 is not None and event.actor1.startswith("Rioters"), event


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, soldiers shot dead three civilians in Kalimbo.",
        "On Monday, gunmen killed two women and a child in Kalimbo.",
    ],
)
def test_civilians_acted_upon_stay_victims(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_headline_drops_its_auxiliary_civilians_attacked_are_victims() -> None:
    event = one("Civilians attacked by gunmen near Kalimbo on Monday")
    assert event.event_type == "Violence against civilians", event


# --- riot gear that hurt people of the crowd is excessive force ---------------------------------


def test_a_crowd_hurt_by_riot_gear_met_excessive_force() -> None:
    event = one(
        "On Monday, dozens of people were injured in Kalimbo as security forces fired rubber "
        "bullets and tear gas to disperse the crowd."
    )
    assert event.sub_event_type == "Excessive force against protesters", event


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, police fired tear gas to disperse the crowd in Kalimbo.",
        "On Monday, police fired tear gas to disperse the crowd in Kalimbo; two police "
        "officers were injured.",
    ],
)
def test_riot_gear_that_hurt_no_one_of_the_crowd_is_an_intervention(text: str) -> None:
    assert one(text).sub_event_type == "Protest with intervention"


def test_a_students_action_dispersed_by_police_is_a_protest_with_intervention() -> None:
    event = one("Polisi membubarkan paksa aksi mahasiswa di Kalimbo dan menangkap 20 orang.", "id")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands staged a march in Kalimbo on Monday to demand the release of prisoners.",
        "Hundreds joined a silent march through Kalimbo on Monday.",
    ],
)
def test_a_march_staged_is_a_demonstration(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Hundreds gathered outside parliament on Monday to demand the president's resignation.",
            "en",
        ),
        ("Ratusan warga menggeruduk kantor desa Kalimbo menuntut kepala desa mundur.", "id"),
        ("Puluhan nelayan mendatangi kantor bupati Kalimbo menuntut ganti rugi.", "id"),
    ],
)
def test_a_crowd_gathered_to_press_a_demand_demonstrates(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Troops gathered near the border on Monday.", "en"),
        ("Warga berkumpul di balai desa untuk rapat.", "id"),
        ("Polisi mendatangi rumah tersangka di Kalimbo.", "id"),
    ],
)
def test_a_gathering_or_visit_without_a_demand_is_no_demonstration(text: str, lang: str) -> None:
    assert run(text, lang) == []
