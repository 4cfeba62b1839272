"""Militias named by a place, a sub-clan, a clan or a tribe no list can hold: ACLED names them
"<Place> Communal Militia", "<Clan>-<Sub-clan> Sub-Clan Militia", "<Clan> Clan Militia",
"<Tribe> Tribal Militia" (of the event's country). Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import run
from wartrace.extract.actors import localise_actors
from wartrace.models import ExtractedEvent, Geo


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Militias from the Ayr sub-clan of Habar Gedir attacked a village, killing four.",
            "Habar Gedir-Ayr Sub-Clan Militia",
        ),
        (
            "Militiamen from Saad clan of Habar Gidir clan opened fire on a market, injuring one.",
            "Habar Gedir-Saad Sub-Clan Militia",
        ),
        (
            "Militiamen from Ugbokolo attacked the neighbouring village on Tuesday, killing three.",
            "Ugbokolo Communal Militia",
        ),
        (
            "Gunmen from the Al Jaafar clan shot dead two men in Baalbek on Tuesday.",
            "Al Jaafar Clan Militia (Lebanon)",
        ),
    ],
)
def test_a_militia_named_by_its_community_takes_its_name(text: str, actor1: str) -> None:
    events = run(text, "en", published="2024-06-10")
    assert [e.actor1 for e in events] == [actor1]


def test_militias_from_two_villages_are_both_sides() -> None:
    text = "Militias from Mbakor and Mbaikyo clashed over farmland on Sunday, leaving five dead."
    events = run(text, "en", published="2024-06-10")
    assert [{e.actor1, e.actor2} for e in events] == [
        {"Mbakor Communal Militia", "Mbaikyo Communal Militia"}
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen from Mali attacked a village on Monday, killing four.",
        "Militias from Benue State attacked herders on Monday, killing two.",
        "Fighters from the Islamic State attacked a village on Monday, killing two.",
    ],
)
def test_a_country_a_region_or_a_named_group_is_no_community(text: str) -> None:
    events = run(text, "en", published="2024-06-10")
    assert events
    assert not any("Communal" in (e.actor1 or "") for e in events)


def test_a_captured_militia_takes_the_events_country() -> None:
    event = ExtractedEvent(actor1="Ugbokolo Communal Militia", geo=Geo(country="NG"))
    localise_actors(event)
    assert event.actor1 == "Ugbokolo Communal Militia (Nigeria)"
