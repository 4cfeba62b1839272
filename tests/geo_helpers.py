"""Shared by the geocoding tests: geocode an invented text as one event."""

from __future__ import annotations

from wartrace import geo
from wartrace.models import ExtractedEvent, Geo, PlaceMention, Span, TextAnalysis


def geocode_as_event(text: str, *event_places: str) -> Geo:
    """Geocode the whole text as one event; ``event_places`` are what the extractor would name."""
    places = [
        PlaceMention(name, text.index(name), text.index(name) + len(name), "event")
        for name in event_places
    ]
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")], places=places)
    return geo.geocode_event(text, TextAnalysis(clean_text=text, language="en"), event)
