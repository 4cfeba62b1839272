"""Names that do not place the event although they stand in its sentences: a place that
qualifies a person ("a Karatina councillor"), the other members of a list or the other end of
a road ("in Sidon, Jezzine and Zahle", "the Nyeri-Karatina road"); and the places a text
writes as parts of a town or as a district ("Barangay Poblacion, Cotabato City", "the Samana
subdivision"). Every sentence is invented."""

from __future__ import annotations

from geo_helpers import geocode_as_event as _geocode
from wartrace import geo
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis


def _geocode_in(text: str, language: str) -> Geo:
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, TextAnalysis(clean_text=text, language=language), event)


def test_a_place_qualifying_a_person_is_not_the_event_place() -> None:
    # invented: the councillor is from Karatina; the crowd was in Nyeri
    g = _geocode(
        "Police dispersed a crowd in Nyeri demanding the release of a Karatina councillor."
    )
    assert (g.country, g.location) == ("KE", "Nyeri")


def test_lower_case_words_may_stand_between_a_place_and_its_person() -> None:
    # invented
    g = _geocode("A Thika human rights activist was shot dead in Nairobi on Sunday.")
    assert (g.country, g.location) == ("KE", "Nairobi")


def test_indonesian_a_person_noun_before_a_place_makes_it_the_persons() -> None:
    # invented: "aktivis Sentani", an activist from Sentani, arrested in Jayapura
    g = _geocode_in("Aktivis Sentani ditangkap polisi di Jayapura.", "id")
    assert (g.country, g.location) == ("ID", "Jayapura")


def test_french_a_person_noun_before_a_place_makes_it_the_persons() -> None:
    # invented: the MP sits for Ziniaré; he was arrested in Ouagadougou
    g = _geocode_in("Le député de Ziniaré a été arrêté à Ouagadougou.", "fr")
    assert (g.country, g.location) == ("BF", "Ouagadougou")


def test_the_members_of_a_list_are_peers_and_the_first_is_coded() -> None:
    # invented: Zahle is not "the smaller place" beside Sidon: both are in the list
    g = _geocode("Police detained demonstrators in Sidon, Jezzine and Zahle on Monday.")
    assert (g.country, g.location) == ("LB", "Sidon")


def test_indonesian_the_members_of_a_list_are_peers() -> None:
    # invented
    g = _geocode_in("Polisi menangkap demonstran di Jakarta, Depok dan Bekasi.", "id")
    assert (g.country, g.location) == ("ID", "Jakarta")


def test_a_roads_other_end_is_no_finer_place() -> None:
    # invented: "A-B road" names two towns as peers; the road is coded at its first end
    g = _geocode("Farmers blocked the Nyeri-Karatina road over water shortages.")
    assert (g.country, g.location) == ("KE", "Nyeri")


def test_indonesian_a_roads_other_end_is_no_finer_place() -> None:
    # invented
    g = _geocode_in("Warga memblokir jalan Jayapura-Sentani karena banjir.", "id")
    assert (g.country, g.location) == ("ID", "Jayapura")


def test_a_district_the_gazetteer_lacks_falls_back_to_the_town_of_that_name() -> None:
    # invented: GeoNames has no Samana district in India, only Colombian and Dominican ones;
    # the Indian town of Samana stands for its subdivision
    g = _geocode("A trader was robbed in the Samana subdivision on Tuesday, Punjab police said.")
    assert (g.country, g.location) == ("IN", "Samana")


def test_a_barangay_is_never_a_well_known_namesake_far_from_its_town() -> None:
    # invented: Manila's Poblacion is a big namesake; this one is a barangay of Cotabato City
    g = _geocode("A farmer was killed in Barangay Poblacion, Cotabato City, Maguindanao.")
    assert (g.country, g.location) == ("PH", "Cotabato")


def test_a_barangay_with_no_namesake_near_its_town_falls_back_to_the_town() -> None:
    # invented: the San Isidro namesakes the gazetteer knows lie far from Antipolo
    g = _geocode("A vendor was shot in Barangay San Isidro, Antipolo, Rizal.")
    assert (g.country, g.location) == ("PH", "Antipolo")


def test_where_fighters_push_towards_is_not_the_event_place() -> None:
    # invented: the extractor names both; Marib is where the attackers were heading
    text = "Houthi fighters attacked government positions in Nihm district, pushing towards Marib."
    g = _geocode(text, "Nihm", "Marib")
    assert (g.country, g.location) == ("YE", "Nihm")


def test_where_a_traveller_came_from_is_not_the_event_place() -> None:
    # invented
    text = "Police arrested a reporter in Shabwah province as he was travelling from Aden."
    g = _geocode(text, "Shabwah", "Aden")
    assert (g.country, g.admin1) == ("YE", "Shabwah")


def test_a_town_naming_its_institution_is_that_town() -> None:
    # invented: "Harar Teachers Training College" stands in Harar; the only evidence there is
    g = _geocode("Students staged a sit-in at Harar Teachers Training College on Monday.")
    assert (g.country, g.location) == ("ET", "Harar")


def test_a_town_naming_a_hotel_is_still_a_piece_of_its_name() -> None:
    # invented: hotels are often named after another town
    g = _geocode("Gunmen stormed the Paradise Hotel on Monday, killing two guards.")
    assert g.location is None


def test_a_name_opening_a_sentence_with_a_role_in_apposition_is_a_person() -> None:
    # invented: the surname is also a Kenyan town; the apposition says it is a person's name
    g = _geocode("Adama Garissa, a local teacher, was killed by unidentified gunmen.")
    assert g.location != "Garissa"


def test_a_town_after_a_sentences_first_word_without_an_apposition_stays_a_place() -> None:
    # invented: "Several" is capitalised only because it opens the sentence
    g = _geocode("Several Garissa residents were hurt when gunmen attacked a market.")
    assert (g.country, g.location) == ("KE", "Garissa")
