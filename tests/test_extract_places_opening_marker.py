"""A place marker opening the sentence, capitalised, still marks the name after it. Every
sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import run


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("In Kalimbo, gunmen killed four villagers on Monday.", "en", "Kalimbo"),
        ("Near Dorvale, a roadside bomb killed two soldiers on Monday.", "en", "Dorvale"),
        (
            "Di Kalimbo, kelompok bersenjata menembak mati dua warga pada Senin (7/6).",
            "id",
            "Kalimbo",
        ),
    ],
)
def test_the_name_after_an_opening_marker_is_the_event_s_place(
    text: str, lang: str, place: str
) -> None:
    events = run(text, lang)
    assert [[p.name for p in e.places] for e in events] == [[place]]


def test_a_capitalised_name_opening_a_sentence_is_still_a_name() -> None:
    # "Kalimbo" opens the sentence as a subject, with no marker: no place from it alone
    events = run("Gunmen killed four villagers in Kalimbo on Monday.")
    assert [[p.name for p in e.places] for e in events] == [["Kalimbo"]]
