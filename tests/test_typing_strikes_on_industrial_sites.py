"""A strike on an industrial site, or the fire it caused, is a conflict event; the same site's
own accident is not. A side that struck a target struck it from afar. Every sentence is
invented."""

from __future__ import annotations

import pytest

from typing_helpers import run


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Russian missiles struck a chemical plant in Kalimbo on Monday, killing two workers.",
            "Shelling/artillery/missile attack",
        ),
        ("Russian drones hit an industrial area of Kharkiv, killing two.", "Air/drone strike"),
        (
            "A fire broke out at the Kalimbo refinery after a Ukrainian drone attack on Monday.",
            "Air/drone strike",
        ),
        ("The depot caught fire after a Russian drone strike on Monday.", "Air/drone strike"),
    ],
)
def test_a_strike_on_an_industrial_site_is_coded(text: str, sub: str) -> None:
    events = run(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Explosions/Remote violence", sub)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A fire broke out at a chemical plant in Kalimbo on Monday, killing two workers.",
        "An explosion at a fertilizer plant in Kalimbo killed five workers on Monday.",
        "A fire broke out at a chemical plant in Kalimbo on Monday. Firefighters said a gas "
        "cylinder exploded.",
    ],
)
def test_an_industrial_accident_stays_silent(text: str) -> None:
    assert run(text) == []


def test_a_drone_striking_a_chemical_plant_is_coded_in_indonesian() -> None:
    events = run("Drone Ukraina menghantam pabrik kimia di Kalimbo pada Senin.", "id")
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]


# --- a side that struck a target struck it from afar -------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("US forces struck rebel targets near Kalimbo on Monday.", "en"),
        ("On Monday, Russia struck Ukraine's energy infrastructure.", "en"),
        ("Ukrainian forces struck a Russian airfield near Kalimbo on Monday.", "en"),
        ("Pada Senin, Rusia menghantam infrastruktur energi Ukraina.", "id"),
    ],
)
def test_a_side_striking_a_target_is_a_strike(text: str, lang: str) -> None:
    events = run(text, lang)
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A cargo ship struck a bridge in Kalimbo on Monday.", "en"),
        ("An earthquake struck the town of Kalimbo on Monday, killing 12.", "en"),
        ("Ombak besar menghantam kapal nelayan di Kalimbo pada Senin.", "id"),
    ],
)
def test_an_accident_or_nature_striking_is_no_strike(text: str, lang: str) -> None:
    assert run(text, lang) == []


def test_a_deal_struck_stays_an_agreement() -> None:
    events = run("The two sides struck a deal in Kalimbo on Monday.")
    assert [e.sub_event_type for e in events] == ["Agreement"]
