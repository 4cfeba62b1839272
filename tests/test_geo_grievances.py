"""A protest is where it is held, not where the killing it is about happened: a place in the
clause a grievance opens ("against the killing of ... in X", "denouncing ...", id "memprotes
penembakan di X") counts against, like a speaker's place. Every sentence is invented."""

from __future__ import annotations

import pytest

from wartrace import geo
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis


def _geocode(text: str, language: str) -> Geo:
    an = TextAnalysis(clean_text=text, language=language)
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, an, event)


@pytest.mark.parametrize(
    ("language", "text", "location"),
    [
        (
            "en",
            "Residents of Bunia protested on Monday against the killing of civilians in Djugu.",
            "Bunia",
        ),
        (
            "en",
            "Traders of Butembo closed shops on Monday, denouncing the massacre of villagers "
            "in Lubero territory.",
            "Butembo",
        ),
        (
            "en",
            "Residents of Kisumu protested against the killing of a rider in Ahero town.",
            "Kisumu",
        ),
        ("id", "Warga Wamena berunjuk rasa memprotes penembakan di Distrik Sugapa.", "Wamena"),
    ],
)
def test_a_protest_is_not_where_its_grievance_happened(
    language: str, text: str, location: str
) -> None:
    assert _geocode(text, language).location == location


def test_a_grievance_place_alone_still_places_the_event() -> None:
    # invented: no other place is named; the clause's place is all the text says
    g = _geocode(
        "Hundreds protested on Friday against the killing of two students in Dogiyai.", "en"
    )
    assert (g.country, g.admin1) == ("ID", "Central Papua")


def test_the_grievance_clause_ends_at_a_comma() -> None:
    # invented: the march itself is in Goma, written after the clause closes
    text = "Denouncing the massacre in Beni, thousands marched in Goma on Saturday."
    assert _geocode(text, "en").location == "Goma"
