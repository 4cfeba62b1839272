"""State forces carry the period of the government in power on the event's date (ACLED names)."""

from __future__ import annotations

import pytest

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
