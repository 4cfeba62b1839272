"""Which of the names in an event's sentences is its place: pieces of longer unknown names,
glosses, districts next to their towns, namesakes near the other places. Every sentence is
invented."""

from __future__ import annotations

from geo_helpers import geocode_as_event as _geocode
from wartrace import geo
from wartrace.geo.pick import load_gazetteer
from wartrace.geo.resolve import haversine_km
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis


def _geocode_id(text: str) -> Geo:
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, TextAnalysis(clean_text=text, language="id"), event)


def _km_to(g: Geo, name: str) -> float:
    gaz = load_gazetteer()
    town = max((gaz.places[i] for i in gaz.lookup(name)), key=lambda p: p.population)
    assert g.latitude is not None and g.longitude is not None
    assert town.lat is not None and town.lon is not None
    return haversine_km(g.latitude, g.longitude, town.lat, town.lon)


def test_a_village_name_inside_a_bridges_name_is_not_the_place() -> None:
    # invented: "Maung" is a Rakhine village far from Minbya; here it is part of a bridge's name
    g = _geocode("Militants ambushed a patrol near the Nyo Maung Bridge, Minbya Township, Rakhine.")
    assert (g.country, g.location) == ("MM", "Minbya")


def test_a_name_closed_by_a_kind_word_is_one_unknown_place() -> None:
    # invented: "Qaisar Tangi area" is an area of Farah, not the Faryab district Qaisar
    g = _geocode("Two policemen were wounded in the Qaisar Tangi area of Farah city.")
    assert (g.country, g.location) == ("AF", "Farah")


def test_a_word_naming_part_of_a_place_keeps_the_place() -> None:
    # invented: "North" names a part of Minbya, not another place
    g = _geocode("Fighting was reported in North Minbya, Rakhine, on Monday.")
    assert (g.country, g.location) == ("MM", "Minbya")


def test_a_gloss_is_the_address_not_a_finer_place() -> None:
    # invented: Namaacha is written as where Matola lies, not as a smaller place inside it
    g = _geocode("Gunmen kidnapped a trader in Matola (Namaacha, Maputo) on Friday.")
    assert (g.country, g.location) == ("MZ", "Matola")


def test_a_district_is_not_smaller_than_its_town() -> None:
    # invented: a barangay the gazetteer lacks, its city, then the province (a GeoNames district)
    g = _geocode("A teacher was shot in Barangay Lomo, Dumaguete, Negros Oriental.")
    assert (g.country, g.location, g.geo_precision) == ("PH", "Dumaguete", 1)


def test_of_namesakes_the_one_next_to_the_other_places_is_chosen() -> None:
    # invented: MIMU has several Rakhine villages called Myit Nar; one lies by Minbya
    text = (
        "Soldiers searched Myit Nar and Kan Pyin villages, Minbya Township, Mrauk-U District, "
        "Rakhine State."
    )
    g = _geocode(text, "Myit Nar")
    assert g.country == "MM" and _km_to(g, "Minbya") <= 25


def test_indonesian_a_name_after_a_capitalised_word_is_part_of_a_longer_name() -> None:
    # invented (id): "Sungai Maung" is a river's name by Minbya, not the village Maung
    g = _geocode_id("Warga memblokade jalan di dekat Jembatan Sungai Maung, Minbya, Rakhine.")
    assert (g.country, g.location) == ("MM", "Minbya")


def test_the_romanisations_of_an_arabic_generic_word_are_one_name() -> None:
    # invented: GeoNames writes Tall Tamr / Tell Tamer; the news often writes Tal Tamer
    g = _geocode("Shelling hit the outskirts of Tal Tamer in Hasakah on Sunday.")
    assert (g.country, g.location) == ("SY", "Tall Tamr")


def test_ein_and_ayn_are_one_word() -> None:
    # invented: GeoNames writes 'Ayn 'Isa
    g = _geocode("Clashes broke out in Ein Issa, north of Raqqa, on Monday.")
    assert (g.country, g.location) == ("SY", "'Ayn 'Isa")


def test_indonesian_tel_is_the_arabic_tall() -> None:
    # invented (id)
    g = _geocode_id("Serangan roket menghantam pinggiran Tel Abyad, Raqqa, pada Senin.")
    assert (g.country, g.location) == ("SY", "Tall Abyad")


def test_a_range_is_coded_at_its_first_end() -> None:
    # invented: the extractor marks the second end; "from A to B" is one stretch, coded at A
    text = "Warplanes struck positions along the road from Al Mayadin to Al-Bukamal on Monday."
    g = _geocode(text, "Al-Bukamal")
    assert (g.country, g.location) == ("SY", "Al Mayadin")


def test_indonesian_a_range_is_coded_at_its_first_end() -> None:
    # invented (id)
    text = "Pesawat tempur menyerang posisi di sepanjang jalan dari Al Mayadin hingga Al-Bukamal."
    g = _geocode(text, "Al-Bukamal")
    assert (g.country, g.location) == ("SY", "Al Mayadin")


def test_a_country_named_as_the_event_place_gives_way_to_its_town_in_the_sentence() -> None:
    # invented: the extractor names the country; the sentence also names a district of it
    text = "Traders marched in Zinjibar (Zingibar, Abyan) as protests spread across Yemen."
    g = _geocode(text, "Yemen")
    assert (g.country, g.admin1) == ("YE", "Abyan") and g.location != "Yemen"


def test_a_division_named_by_an_ordinary_word_closes_a_gloss() -> None:
    # invented: Bassa is an LGA of Kogi and of Plateau; "Plateau" is also an ordinary word
    g = _geocode("Gunmen killed two farmers in Rukubaya (Bassa LGA, Plateau) on Tuesday.")
    assert (g.country, g.admin1) == ("NG", "Plateau")


def test_an_ordinary_word_outside_a_gloss_is_no_division() -> None:
    # invented: "Centre" names a province of Burkina Faso, but here it is an institution's word
    g = _geocode("Protesters gathered outside the Centre for Press Freedom in Herat on Monday.")
    assert (g.country, g.location) == ("AF", "Herat")


def test_where_the_attackers_came_from_is_not_where_they_struck() -> None:
    # invented: "militants from X" says where they came from; the attack is in Kismayo
    g = _geocode("Militants from Jamaame attacked a base in Kismayo on Monday.")
    assert (g.country, g.location) == ("SO", "Kismayo")
    g = _geocode_id("Militan dari Jamaame menyerang markas tentara di Kismayo, Senin.")
    assert (g.country, g.location) == ("SO", "Kismayo")
