"""Event extraction: articles in, ACLED-coded event reports with their claims out."""

from __future__ import annotations

from wartrace.models import ExtractedEvent, TextAnalysis


def extract_events(
    raw_text: str, analysis: TextAnalysis, *, published: str | None
) -> list[ExtractedEvent]:
    """The events an article reports. (Filled by the extraction stage, issue 3.)"""
    return []
