"""Event extraction: articles in, ACLED-coded event reports with their claims out."""

from __future__ import annotations

from pathlib import Path

from wartrace.extract.actors import localise_actors
from wartrace.extract.events import extract
from wartrace.extract.periods import date_state_forces
from wartrace.models import ExtractedEvent, TextAnalysis

__all__ = ["date_state_forces", "extract_events", "localise_actors"]


def extract_events(
    raw_text: str,
    analysis: TextAnalysis,
    *,
    published: str | None,
    data_dir: Path | None = None,
) -> list[ExtractedEvent]:
    """The events an article reports, ACLED-coded, with their casualty claims.

    ``analysis.clean_text`` is read (same length as ``raw_text``, so offsets are raw offsets);
    ``published`` (YYYY-MM-DD) anchors weekday and relative dates, else ``analysis.printed_date``.
    ``data_dir`` replaces the packaged knowledge folder (for new languages and tests).
    """
    return extract(raw_text, analysis, published=published, data_dir=data_dir)
