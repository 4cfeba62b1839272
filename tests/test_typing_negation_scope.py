"""How far a negation or a modal before an act reaches. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run


@pytest.mark.parametrize(
    "text",
    [
        "No clashes were reported in Kalimbo on Monday.",
        "There were no attacks in Kalimbo district on Monday, police said.",
        "No reports of clashes came from Kalimbo on Monday.",
    ],
)
def test_no_before_an_act_tells_that_it_did_not_happen(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "No deaths - fighting broke out between Dorvale and Kesse herders over farmland in "
        "Kalimbo on Monday.",
        "No deaths \u2013 fighting broke out between Dorvale and Kesse herders over farmland in "
        "Kalimbo on Monday.",
    ],
)
def test_a_negation_does_not_reach_past_a_dash(text: str) -> None:
    event = one(text)
    assert event.event_type == "Battles"


def test_a_modal_does_not_reach_past_a_comma() -> None:
    # "may" belongs to the officials' worry; the attack itself is told as fact
    event = one(
        "Officials said more violence may follow, gunmen attacked the village of Kalimbo on "
        "Monday and killed four farmers."
    )
    assert event.event_type == "Violence against civilians"
