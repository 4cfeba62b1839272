"""A headline tells its act in the present tense ("Israeli strike kills 20 in Rafah"): the
present form codes as the past one would. Every headline is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli strike kills 20 in Rafah", ("Explosions/Remote violence", "Air/drone strike")),
        ("Russian strikes kill 12 in Kalimbo", ("Explosions/Remote violence", "Air/drone strike")),
        (
            "Gunmen abduct 15 students in Kalimbo",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("Students demonstrate against fee hikes in Kalimbo", ("Protests", "Peaceful protest")),
        ("Thousands march against the junta in Kalimbo", ("Protests", "Peaceful protest")),
    ],
)
def test_a_headline_in_the_present_is_coded(text: str, expected: tuple[str, str]) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == expected


def test_a_plot_foiled_is_no_abduction() -> None:
    assert run("Police foiled a plot to kidnap the governor of Kalimbo.") == []
