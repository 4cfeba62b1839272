"""Offline geocoding of the places where events happened.

``geocode_event`` is what the pipeline calls. It finds every gazetteer name in the
article (``mentions.find_mentions``), reads the article's context (countries, provinces,
dateline), then picks the place the event's own sentences point at, with an ACLED
precision. It returns an empty ``Geo()`` when the evidence is too thin.
"""

from wartrace.geo.country import acled_country_name
from wartrace.geo.event import geocode_event
from wartrace.geo.gazetteer import GazetteerError
from wartrace.geo.mentions import find_mentions
from wartrace.geo.pick import (
    Resolved,
    article_context,
    geocode_span,
    load_gazetteer,
    to_geo,
)

__all__ = [
    "GazetteerError",
    "Resolved",
    "acled_country_name",
    "article_context",
    "find_mentions",
    "geocode_event",
    "geocode_span",
    "load_gazetteer",
    "to_geo",
]
