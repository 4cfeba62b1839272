"""Offline geocoding of the places where events happened."""

from __future__ import annotations

from wartrace.models import ExtractedEvent, Geo, TextAnalysis


def geocode_event(raw_text: str, analysis: TextAnalysis, event: ExtractedEvent) -> Geo:
    """Where ``event`` happened. (Filled by the geocoding stage, issue 4.)"""
    return event.geo
