"""A part of a town written with its town ("Colonia X, Town", "the X neighbourhood of Town",
"X, Municipality"): the namesake near that town, else a part the gazetteer lacks, so the event
is in the town. Every sentence is invented."""

from __future__ import annotations

from geo_helpers import geocode_as_event as _geocode


def test_a_colonia_before_its_city_is_a_part_of_that_city() -> None:
    # invented: "Colonia" alone is an alternate name of a Hidalgo village; "Centro" a Tabasco
    # municipality: neither is where the event is
    g = _geocode("A shootout in Colonia Centro, Culiacan, Sinaloa, left four dead.")
    assert (g.country, g.admin1, g.location, g.geo_precision) == ("MX", "Sinaloa", "Culiacan", 1)


def test_a_colonia_with_namesakes_in_other_states_is_in_the_city_written_after_it() -> None:
    # invented: GeoNames has five villages "Colonia Morelos", none in Tamaulipas
    g = _geocode("Four people were shot dead in Colonia Morelos, Reynosa, Tamaulipas.")
    assert (g.country, g.admin1, g.location) == ("MX", "Tamaulipas", "Reynosa")


def test_a_rural_subdivision_word_places_the_name_by_its_municipality() -> None:
    # invented: a Colombian vereda; "La Esperanza" is a town of another department
    g = _geocode("Armed men killed a farmer in vereda La Esperanza, Tame, Arauca.")
    assert (g.country, g.admin1, g.location) == ("CO", "Arauca", "Tame")


def test_the_neighbourhood_of_a_town_is_in_that_town() -> None:
    # invented: "Colonia Guadalupe" villages exist in Hidalgo and elsewhere, not in Chihuahua
    text = "Gunmen killed two in the Colonia Guadalupe neighborhood of Ciudad Juarez, Chihuahua."
    g = _geocode(text)
    assert (g.country, g.admin1, g.location) == ("MX", "Chihuahua", "Ciudad Juarez")


def test_a_neighbourhood_named_like_a_foreign_town_is_in_its_city_province() -> None:
    # invented: "Matongo" is also a Tanzanian town; Kinshasa is a city and a province
    text = "Protesters clashed with police in the Matongo neighbourhood of Kinshasa."
    g = _geocode(text)
    assert (g.country, g.location, g.geo_precision) == ("CD", "Kinshasa", 1)


def test_a_town_before_a_district_of_its_name_lies_in_that_district() -> None:
    # invented: Cotabato is a city of another region and the province Matalam lies in
    g = _geocode("There were clashes between rival clans in Matalam, Cotabato, on Sunday.")
    assert (g.country, g.admin1, g.location) == ("PH", "Soccsksargen", "Matalam")
