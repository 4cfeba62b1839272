"""State forces carry the period of the government in power on the event's date (ACLED names)."""

from __future__ import annotations

import pytest

from wartrace.extract.actor_data import stand_ins
from wartrace.extract.periods import date_state_forces, governments, period_name
from wartrace.extract.resources import DATA_DIR, load_common
from wartrace.models import ExtractedEvent


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        (
            "Military Forces of the United States (2025-)",
            "2017-03-17",
            "Military Forces of the United States (2017-2021)",
        ),
        (
            "Military Forces of the United States (2025-)",
            "2021-01-19",
            "Military Forces of the United States (2017-2021)",
        ),
        (
            "Military Forces of the United States (2025-)",
            "2021-01-20",
            "Military Forces of the United States (2021-2025)",
        ),
        ("Police Forces of Iraq (2022-)", "2019-11-28", "Police Forces of Iraq (2018-2020)"),
        ("Military Forces of Syria (2000-2024)", "2025-02-01", "Military Forces of Syria (2024-)"),
        (
            "Military Forces of the Philippines (2022-)",
            "2017-05-23",
            "Military Forces of the Philippines (2016-2022)",
        ),
    ],
)
def test_state_forces_take_the_period_of_the_event_date(name: str, day: str, expected: str) -> None:
    assert period_name(name, day) == expected


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        (
            "Police Forces of Pakistan (2022-) Frontier Corps",
            "2020-05-08",
            "Police Forces of Pakistan (2018-2022) Frontier Corps",
        ),
        (
            "Military Forces of Iraq (2022-) Popular Mobilization Forces",
            "2019-11-28",
            "Military Forces of Iraq (2018-2020) Popular Mobilization Forces",
        ),
    ],
)
def test_a_unit_takes_the_period_of_the_event_date_and_keeps_its_name(
    name: str, day: str, expected: str
) -> None:
    assert period_name(name, day) == expected


def test_a_factions_own_period_is_no_governments_and_stays() -> None:
    faction = "Military Forces of Yemen (2016-) Supreme Political Council"
    assert period_name(faction, "2020-05-08") == faction


def test_names_without_a_known_period_are_left_alone() -> None:
    faction = "Military Forces of Libya (2016-2021) Government of National Accord"
    assert period_name(faction, "2019-05-09") == faction
    assert period_name("Al Shabaab", "2017-10-14") == "Al Shabaab"
    assert period_name("Military Forces of Iraq (2022-)", None) == "Military Forces of Iraq (2022-)"
    # before the first government the data knows: no period rather than a wrong one
    assert (
        period_name("Military Forces of Nigeria (2023-)", "1990-01-01")
        == "Military Forces of Nigeria"
    )


def test_an_event_gets_both_sides_dated() -> None:
    # invented
    event = ExtractedEvent(
        event_type="Battles",
        event_date="2016-10-16",
        actor1="Military Forces of Nigeria (2023-)",
        actor2="Police Forces of Nigeria (2023-)",
    )
    date_state_forces(event)
    assert (event.actor1, event.actor2) == (
        "Military Forces of Nigeria (2015-2023)",
        "Police Forces of Nigeria (2015-2023)",
    )


def test_government_periods_chain_and_agree_with_the_current_names() -> None:
    common = load_common(str(DATA_DIR))
    for code, (starts, periods) in governments().items():
        assert code in common.countries, code
        for since, period, following in zip(starts, periods, [*starts[1:], None], strict=True):
            first, _, last = period.partition("-")
            assert first == since[:4], (code, period)
            if following is None:
                assert last == "", (code, period)
            else:  # a government that ends on 31 December closes its period that year
                ends = {following[:4]} | (
                    {str(int(following[:4]) - 1)} if following[5:] == "01-01" else set()
                )
                assert last in ends, (code, period)
        current = {
            n.rpartition("(")[2].rstrip(")") for n in common.countries[code].overrides.values()
        }
        assert current <= set(periods), (code, current)


@pytest.mark.parametrize(
    ("day", "actor1", "inter1"),
    [
        ("2020-05-01", "Islamist Militia (Mozambique)", 3),
        ("2021-03-09", "Islamist Militia (Mozambique)", 3),
        ("2021-03-10", "Islamic State (Mozambique)", 2),
        (None, "Islamic State (Mozambique)", 2),
    ],
)
def test_a_renamed_group_takes_the_name_of_the_events_date(
    day: str | None, actor1: str, inter1: int
) -> None:
    event = ExtractedEvent(
        event_date=day,
        actor1="Islamic State (Mozambique)",
        inter1=2,
        actor2="Military Forces of Mozambique (1975-)",
        inter2=1,
    )
    date_state_forces(event)
    assert (event.actor1, event.inter1) == (actor1, inter1)
    assert (event.actor2, event.inter2) == ("Military Forces of Mozambique (1975-)", 1)


@pytest.mark.parametrize(
    ("actor", "country", "day", "expected"),
    [
        # under NATO's mission, then on their own (the 2021 airlift)
        (
            "Military Forces of the United States (2025-)",
            "AF",
            "2019-06-02",
            "NATO: North Atlantic Treaty Organization",
        ),
        (
            "Military Forces of the United States (2025-)",
            "AF",
            "2021-08-20",
            "Military Forces of the United States (2021-2025)",
        ),
        # the same forces elsewhere are themselves
        (
            "Military Forces of the United States (2025-)",
            "SO",
            "2019-06-02",
            "Military Forces of the United States (2017-2021)",
        ),
        # a coalition member inside the coalition's theatre, and at home
        ("Military Forces of Saudi Arabia (2015-)", "YE", "2020-02-11", "Operation Restoring Hope"),
        (
            "Military Forces of Saudi Arabia (2015-)",
            "SA",
            "2020-02-11",
            "Military Forces of Saudi Arabia (2015-)",
        ),
        (
            "Military Forces of the United Arab Emirates (2004-)",
            "YE",
            "2018-06-13",
            "Operation Restoring Hope",
        ),
        # before the coalition was formed
        (
            "Military Forces of Saudi Arabia (2015-)",
            "YE",
            "2009-11-05",
            "Military Forces of Saudi Arabia (2005-2015)",
        ),
    ],
)
def test_forces_serving_in_a_mission_take_the_missions_name(
    actor: str, country: str, day: str, expected: str
) -> None:
    # invented
    event = ExtractedEvent(event_type="Battles", event_date=day, actor1=actor, inter1=1)
    event.geo.country = country
    date_state_forces(event)
    assert event.actor1 == expected
    assert event.inter1 == (8 if "Forces of" not in expected else 1)


def test_a_stand_in_names_known_state_forces() -> None:
    heads = {
        name.partition(" (")[0]
        for country in load_common(str(DATA_DIR)).countries.values()
        for name in country.overrides.values()
    }
    assert set(stand_ins(str(DATA_DIR))) <= heads
