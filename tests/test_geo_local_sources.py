"""National place lists beyond GeoNames cities500 (Myanmar's MIMU codes). Sentences are invented."""

from __future__ import annotations

import importlib.util

import pytest

from wartrace import geo
from wartrace.geo.sources import burmese_names, most_common_point
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis


def test_a_burmese_name_of_three_syllables_is_also_indexed_glued() -> None:
    assert burmese_names("Kyar Nyo Kan") == ("Kyar Nyo Kan", "Kyarnyokan")


def test_a_burmese_name_of_two_syllables_is_not_glued() -> None:
    # glued, "La Mu" would be Kenya's Lamu and "Su Ki" an Afghan district
    assert burmese_names("La Mu") == ("La Mu",)


def test_a_bracket_that_tells_namesakes_apart_is_optional() -> None:
    assert burmese_names("Hpar Hpyo (Chin)") == ("Hpar Hpyo (Chin)", "Hpar Hpyo")


def test_a_short_one_word_village_name_is_not_indexed() -> None:
    assert burmese_names("Nat") == ()


def test_a_town_is_where_most_of_its_wards_are() -> None:
    points = [(21.3, 92.85), (21.6, 93.44), (21.3, 92.85)]
    assert most_common_point(points) == (21.3, 92.85)


def _geocode(text: str) -> Geo:
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, TextAnalysis(clean_text=text, language="en"), event)


@pytest.mark.skipif(
    importlib.util.find_spec("mm_geo_coder") is None, reason="mm-geo-coder not installed"
)
def test_a_myanmar_village_cities500_lacks_is_found() -> None:
    # invented
    g = _geocode("Troops shelled Kyar Nyo Kan village, Ponnagyun Township, Rakhine State.")
    assert (g.country, g.admin1, g.location, g.geo_precision) == (
        "MM",
        "Rakhine",
        "Kyar Nyo Kan",
        1,
    )
