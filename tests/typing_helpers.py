"""Shared by the extraction tests: extract an invented text's events.

A test file whose texts need another report day binds it once:
``run = partial(typing_helpers.run, published="2021-03-15")``.
"""

from __future__ import annotations

from wartrace.extract import extract_events
from wartrace.models import ExtractedEvent, TextAnalysis


def run(text: str, lang: str = "en", published: str | None = "2021-06-08") -> list[ExtractedEvent]:
    return extract_events(text, TextAnalysis(clean_text=text, language=lang), published=published)


def one(text: str, lang: str = "en", published: str | None = "2021-06-08") -> ExtractedEvent:
    events = run(text, lang, published)
    assert len(events) == 1, events
    return events[0]
