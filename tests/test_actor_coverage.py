"""Groups of other conflicts, countries' forces named by what they did, and units ACLED counts
as police. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Imbonerakure members beat a teacher in Ngozi, Burundi, on Sunday.", "Imbonerakure"),
        (
            "Members of Ahrar al-Sharqiya beat a shopkeeper in Afrin, Syria, on Friday.",
            "Ahrar al Sharqiyah",
        ),
        (
            "ONLA fighters ambushed an army convoy near Degehabur, Ethiopia, on Monday.",
            "ONLF - Ogaden National Liberation Front",
        ),
        (
            "OLF fighters attacked a police station in West Wollega, Ethiopia, on Monday.",
            "OLF: Oromo Liberation Front",
        ),
        (
            "OLA fighters attacked a police station in West Wollega, Ethiopia, on Monday.",
            "OLA - Oromo Liberation Army",
        ),
        (
            "Al-Mourabitoun gunmen kidnapped two foreign engineers near Gao, Mali, on Monday.",
            "Al Mourabitoune Battalion",
        ),
    ],
)
def test_widely_reported_groups_are_named(text: str, actor1: str) -> None:
    assert one(text).actor1 == actor1


def test_a_generic_word_is_no_groups_alias() -> None:
    event = one(
        "Gunmen attacked a checkpoint near Bambari, Central African Republic, on Monday, and "
        "soldiers managed to return fire."
    )
    assert "3R" not in f"{event.actor1} {event.actor2}"


def test_prison_guards_are_police() -> None:
    event = one("Prison guards beat two inmates at a prison in Kisumu, Kenya, on Monday.")
    assert event.actor1 is not None and event.actor1.startswith("Police Forces of Kenya")


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        (
            "Eritrean shelling wounded three civilians near Zalambessa, Ethiopia, on Monday.",
            "en",
            "Military Forces of Eritrea",
        ),
        (
            "Sudanese airstrikes killed five people in Nyala, Darfur, on Sunday.",
            "en",
            "Military Forces of Sudan",
        ),
        (
            "Serangan udara Sudan menewaskan lima warga di Nyala, Darfur, pada Minggu.",
            "id",
            "Military Forces of Sudan",
        ),
    ],
)
def test_a_countrys_adjective_before_a_military_act_names_its_forces(
    text: str, lang: str, actor1: str
) -> None:
    event = one(text, lang)
    assert event.actor1 is not None and event.actor1.startswith(actor1)


def test_the_side_after_a_report_label_is_its_subject() -> None:
    event = one(
        "Looting: On Monday, the Hamza Division imposed levies on farmers near Afrin, Syria."
    )
    assert event.actor1 == "Hamza Division"
    assert event.actor2 == "Civilians (Syria)"
