"""Event typing by failure kind, continued from test_event_typing.py. Every sentence is
invented."""

from __future__ import annotations

import pytest

from wartrace.extract import extract_events
from wartrace.models import ExtractedEvent, TextAnalysis


def run(text: str, lang: str = "en", published: str = "2021-06-08") -> list[ExtractedEvent]:
    return extract_events(text, TextAnalysis(clean_text=text, language=lang), published=published)


def one(text: str, lang: str = "en", published: str = "2021-06-08") -> ExtractedEvent:
    events = run(text, lang, published)
    assert len(events) == 1, events
    return events[0]


# --- roads blocked with barricades make a demonstration violent ------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, hundreds of residents of Kalimbo protested against the new tax and "
            "erected barricades on the main road.",
            "en",
        ),
        (
            "On Monday, traders demonstrated in Kalimbo over market fees and set up roadblocks "
            "with old tyres.",
            "en",
        ),
        (
            "Pada Senin, ratusan warga berunjuk rasa menolak tambang di Kalimbo dan memasang "
            "barikade di jalan utama.",
            "id",
        ),
    ],
)
def test_demonstrators_who_barricade_roads_riot(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


def test_a_road_blocked_by_the_crowd_alone_is_a_peaceful_protest() -> None:
    event = one(
        "On Monday, hundreds of residents of Kalimbo protested against the new tax and "
        "blocked the main road for three hours."
    )
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_roadblocks_set_up_by_armed_men_are_no_riot() -> None:
    events = run(
        "On Monday, gunmen set up roadblocks near Kalimbo and killed two traders on the highway."
    )
    assert events and all(e.event_type != "Riots" for e in events)
