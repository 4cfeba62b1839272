"""Shared by the event-typing tests: extract an invented text's events."""

from __future__ import annotations

from wartrace.extract import extract_events
from wartrace.models import ExtractedEvent, TextAnalysis


def run(text: str, lang: str = "en", published: str = "2021-06-08") -> list[ExtractedEvent]:
    return extract_events(text, TextAnalysis(clean_text=text, language=lang), published=published)


def one(text: str, lang: str = "en", published: str = "2021-06-08") -> ExtractedEvent:
    events = run(text, lang, published)
    assert len(events) == 1, events
    return events[0]
