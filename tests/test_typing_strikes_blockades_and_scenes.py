"""Event typing of work stoppages and road blockades (a demonstration when a crowd does them)
and of a place described by the fighting it saw. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

PEACEFUL = ("Protests", "Peaceful protest")

# --- a strike by workers is a demonstration, a strike by a force one from the air -------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A strike on Monday by teachers closed schools across Kalimbo.", "en"),
        ("A strike by workers at the Kalimbo port entered its third day.", "en"),
        ("A strike by nurses at the main hospital in Kalimbo paralysed services.", "en"),
        ("Teachers staged a strike in Kalimbo demanding higher pay.", "en"),
        ("Mogok kerja oleh para guru melumpuhkan sekolah di Kalimbo pada Senin.", "id"),
        ("Para guru mogok kerja di Kalimbo menuntut kenaikan gaji.", "id"),
    ],
)
def test_a_strike_by_workers_is_a_peaceful_protest(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == PEACEFUL


@pytest.mark.parametrize(
    "text",
    [
        "A strike by Israeli jets on a house in Rafah killed five.",
        "A strike by a Russian drone killed two people in Kherson.",
        "An Israeli strike on a house in Rafah killed five people.",
    ],
)
def test_a_strike_by_a_force_is_from_the_air(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_a_strike_by_a_force_on_people_is_no_protest() -> None:
    # The civilians after "on" are whom the strike fell on, not who struck.
    event = one("A strike by militants on a village near Kalimbo killed five civilians.")
    assert event.event_type != "Protests"


def test_a_broken_down_car_is_no_strike() -> None:
    assert run("Mobil tentara mogok di jalan menuju Kalimbo.", "id") == []


# --- a road blocked by a crowd is a demonstration -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Hundreds of residents blocked the main road in Kalimbo demanding compensation.",
            "en",
        ),
        ("The highway to Kalimbo was blocked by residents demanding electricity.", "en"),
        ("Truck drivers blocked the main road in Kalimbo over fuel prices.", "en"),
        (
            "Ratusan warga memblokade jalan trans Papua di Kalimbo menuntut pengakuan lahan adat.",
            "id",
        ),
        (
            "Puluhan mahasiswa memblokade jalan di depan kantor bupati Kalimbo, menuntut bupati "
            "mundur.",
            "id",
        ),
        ("Jalan trans Papua diblokade oleh warga yang menuntut ganti rugi lahan di Kalimbo.", "id"),
        ("Jalan trans Papua di Kalimbo diblokade warga yang menuntut ganti rugi lahan.", "id"),
    ],
)
def test_a_road_blocked_by_a_crowd_is_a_protest(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == PEACEFUL


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Protesters blocked the road with burning tyres in Kalimbo.", "en"),
        ("Warga memblokade jalan dengan batu dan batang pohon di Kalimbo.", "id"),
    ],
)
def test_a_road_barricaded_by_a_crowd_is_a_violent_demonstration(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police blocked the road leading to the square in Kalimbo.", "en"),
        ("Rebels blocked the highway to Kalimbo.", "en"),
        ("A landslide blocked the road to Kalimbo.", "en"),
        ("Polisi memblokir jalan menuju Kalimbo.", "id"),
    ],
)
def test_a_road_blocked_by_police_an_armed_side_or_nature_is_no_protest(
    text: str, lang: str
) -> None:
    assert not [e for e in run(text, lang) if e.event_type == "Protests"]


def test_an_armed_group_blocking_a_road_and_burning_trucks_destroys_property() -> None:
    event = one(
        "Kelompok bersenjata memblokade jalan trans Papua di Kalimbo dan membakar dua truk.", "id"
    )
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


# --- a place described by the fighting it saw ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Journalists visited the site of fierce clashes near Kalimbo on Tuesday.", "en"),
        ("Aid workers reached Kalimbo, the scene of heavy fighting, on Tuesday.", "en"),
        ("Wartawan mengunjungi lokasi bentrokan di dekat Kalimbo pada Selasa.", "id"),
        (
            "Bantuan tiba di Kalimbo, kota yang menjadi lokasi pertempuran sengit antara tentara "
            "dan pemberontak.",
            "id",
        ),
    ],
)
def test_a_place_named_by_the_fighting_it_saw_tells_no_fight(text: str, lang: str) -> None:
    assert run(text, lang) == []


def test_the_act_told_at_a_place_described_by_fighting_is_coded() -> None:
    event = one(
        "Kalimbo, the scene of heavy fighting, was shelled on Monday, killing two civilians."
    )
    assert event.event_type == "Explosions/Remote violence"


def test_one_strike_named_at_its_site_is_still_the_report() -> None:
    event = one(
        "Rescuers searched the site of an Israeli strike that killed 20 people in Rafah on Monday."
    )
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_a_fight_right_after_reaching_a_place_is_told() -> None:
    event = one("Polisi tiba di lokasi lalu terjadi baku tembak dengan KKB di Kalimbo.", "id")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


# --- a place blockaded by an armed side ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("JNIM fighters blockaded the town of Kalimbo on Monday, cutting off food supplies.", "en"),
        ("Pada Senin, JNIM memblokade kota Kalimbo.", "id"),
    ],
)
def test_a_town_blockaded_by_an_armed_side_is_another_development(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Other")


# --- captives set free: the release is the act, their abduction its past -----------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, troops rescued 20 kidnapped passengers near Kalimbo.", "en"),
        ("On Monday, soldiers freed two hostages abducted in May near Kalimbo.", "en"),
        ("Pada Senin, aparat menyelamatkan 20 penumpang yang diculik di Kalimbo.", "id"),
    ],
)
def test_captives_rescued_are_a_release_not_an_abduction(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Other")


def test_an_abduction_told_before_the_rescue_stays_the_act() -> None:
    event = one("Gunmen kidnapped 20 passengers in Kalimbo on Monday; troops later rescued five.")
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_miners_rescued_are_no_event() -> None:
    assert run("Troops rescued 20 miners trapped in Kalimbo on Monday.") == []


# --- a facility seized is fought for, no territory -------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, rebels seized a factory in Kalimbo after clashes with troops.", "en"),
        ("Pada Senin, pemberontak merebut pabrik semen di Kalimbo.", "id"),
    ],
)
def test_a_factory_seized_is_a_fight_not_territory(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


# --- people named by a disaster they suffered still demonstrate ------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, victims of the floods blocked the national road in Kalimbo to demand aid.",
            "en",
        ),
        ("Pada Senin, ratusan korban banjir memblokade jalan di Kalimbo menuntut bantuan.", "id"),
    ],
)
def test_disaster_victims_blocking_a_road_demonstrate(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == PEACEFUL


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, floods blocked the national road in Kalimbo.",
        "On Monday, floods killed 12 people in Kalimbo.",
    ],
)
def test_the_disaster_itself_stays_silent(text: str) -> None:
    assert run(text) == []
