"""The dateline is where a report is filed from: the event's place when its sentences name no
other, not when they name a village or a district the gazetteer lacks. Every text is invented."""

from __future__ import annotations

from wartrace import geo
from wartrace.models import ExtractedEvent, Geo, PlaceMention, Span, TextAnalysis


def _filed(dateline: str, body: str, *event_places: str) -> Geo:
    """Geocode ``DATELINE (Agency) - body`` as one event, as the extractor would give it."""
    text = f"{dateline.upper()} (Agency) - {body}"
    places = [PlaceMention(dateline, 0, len(dateline), "dateline")] + [
        PlaceMention(name, text.index(name), text.index(name) + len(name), "event")
        for name in event_places
    ]
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")], places=places)
    analysis = TextAnalysis(clean_text=text, language="en", dateline=dateline)
    return geo.geocode_event(text, analysis, event)


def test_a_report_naming_no_other_place_is_in_its_dateline_city() -> None:
    g = _filed("Kabul", "A bomb killed five worshippers in a mosque on Friday.")
    assert (g.country, g.location) == ("AF", "Kabul")


def test_an_unknown_landmark_leaves_the_event_in_the_dateline_city() -> None:
    g = _filed(
        "Baghdad", "A bomber killed 30 people in Zawraa Square on Thursday.", "Zawraa Square"
    )
    assert (g.country, g.location) == ("IQ", "Baghdad")


def test_an_unknown_village_is_not_the_dateline_city() -> None:
    g = _filed(
        "Beirut",
        "A drone strike killed two fighters near the village of Kfar Tibnit Zawta.",
        "Kfar Tibnit Zawta",
    )
    assert (g.country, g.location) == ("LB", None)


def test_an_unknown_district_is_not_the_dateline_city() -> None:
    g = _filed(
        "Kabul", "Gunmen killed five policemen in Qarabaghi district on Sunday.", "Qarabaghi"
    )
    assert (g.country, g.location) == ("AF", None)


def test_an_unknown_province_in_indonesian_is_not_the_dateline_city() -> None:
    text = "DAMASKUS (Agensi) - Sebuah bus diserang di Provinsi Del Zourah, Suriah, Rabu."
    start = text.index("Provinsi")
    event = ExtractedEvent(
        evidence=[Span(0, len(text), "sentence")],
        places=[
            PlaceMention("Damaskus", 0, 8, "dateline"),
            PlaceMention("Provinsi Del Zourah", start, start + len("Provinsi Del Zourah")),
        ],
    )
    analysis = TextAnalysis(clean_text=text, language="id", dateline="Damaskus")
    g = geo.geocode_event(text, analysis, event)
    assert (g.country, g.location) == ("SY", None)


def test_a_dateline_is_its_biggest_towns_country() -> None:
    # invented: "Kaaj" is also an Iranian village; the report is filed from Kabul, whose name
    # villages elsewhere share too
    body = "A bomber killed 20 people at the Kaaj education centre on Friday."
    g = _filed("Kabul", body, "Kaaj")
    assert g.country == "AF"
