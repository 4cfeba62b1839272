"""Event typing of crowds that destroy property and of demonstrations for people's release.
Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one

# --- property destroyed by a crowd is a riot, by an organised side property destruction --------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, residents burned the house of a man accused of witchcraft in Kalimbo.", "en"),
        ("Pada Senin, massa membakar rumah seorang pria di Kalimbo.", "id"),
    ],
)
def test_a_crowd_burning_a_house_is_mob_violence(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, students burned a police station in Kalimbo during demos over fees.", "en"),
        ("Pada Senin, massa pendemo membakar gedung DPRD di Kalimbo.", "id"),
    ],
)
def test_demonstrators_burning_a_building_demonstrate_violently(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_an_armed_group_burning_a_school_destroys_property() -> None:
    event = one("Pada Senin, KKB membakar sekolah dan puskesmas di Kalimbo.", "id")
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


# --- people whose release a demonstration demands are its grievance ----------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, students staged a sit-in in Kalimbo to demand the release of detained "
            "classmates.",
            "en",
        ),
        (
            "On Monday, relatives protested in Kalimbo to demand the release of hostages "
            "kidnapped by gunmen.",
            "en",
        ),
        (
            "Pada Senin, ratusan mahasiswa berunjuk rasa di Kalimbo menuntut pembebasan tahanan "
            "politik.",
            "id",
        ),
        (
            "Pada Senin, ratusan warga berdemonstrasi menuntut pembebasan sandera yang diculik "
            "kelompok bersenjata.",
            "id",
        ),
        (
            "Pada Senin, ratusan petani berunjuk rasa menolak pembebasan lahan untuk tambang di "
            "Kalimbo.",
            "id",
        ),
    ],
)
def test_a_demand_for_peoples_release_is_a_peaceful_protest(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
