"""Words that tell a demonstration, and words that only look like them: the religion
("Protestant"), the month ("March"). Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one


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
