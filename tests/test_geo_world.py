"""Geocoding anywhere on earth, one test per failure kind. Every sentence is invented."""

from __future__ import annotations

from pathlib import Path

from wartrace import geo
from wartrace.geo.build import admin2_bare_name
from wartrace.models import ExtractedEvent, Geo, PlaceMention, Span, TextAnalysis


def _geocode(text: str, language: str = "en") -> Geo:
    an = TextAnalysis(clean_text=text, language=language)
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, an, event)


# ---------------------------------------------------------------- ordinary words and names


def test_a_weapon_word_is_not_a_foreign_town() -> None:
    # invented: "Grad" and "Grenade" are GeoNames names (Slovenia, Granada in French)
    assert _geocode("Grenade attack wounds two traders at a market.").country is None
    g = _geocode("Militants fired 3 Grad rockets at an army post in Tin Zaouatine, Algeria.")
    assert g.country == "DZ"


def test_a_hotel_name_in_a_kenyan_story_is_not_a_us_town() -> None:
    g = _geocode("Gunmen stormed the Paradise Hotel in Mombasa, Kenya, killing two guards.")
    assert g.country == "KE"
    assert g.location == "Mombasa"


def test_a_personal_name_is_not_a_place() -> None:
    # invented: Zongo is a Congolese town and a surname
    g = _geocode("Students marched to demand justice for the killing of Norbert Zongo.")
    assert g.country is None


def test_an_actor_name_is_not_a_village() -> None:
    # invented: "Taliban" is also an old name of a Turkish village
    g = _geocode("Taliban fighters attacked a police checkpoint in Panjwai district, Kandahar.")
    assert g.country == "AF"
    assert g.admin1 == "Kandahar"


# ---------------------------------------------------------------- country first


def test_actors_and_demonyms_set_the_country_of_an_ambiguous_town() -> None:
    g = _geocode("Libyan army units shelled a neighbourhood of Tripoli overnight.")
    assert g.country == "LY"
    g = _geocode("Lebanese troops deployed in Tripoli after clashes between two families.")
    assert g.country == "LB"


def test_a_foreign_town_needs_evidence_for_its_country() -> None:
    # invented: a misspelt Mexican town must not become a European city
    g = _geocode("On 3 May, gunmen killed a shopkeeper in Koln, Sinaloa.")
    assert g.country in (None, "MX")


# ---------------------------------------------------------------- hierarchical fallback


def test_unknown_village_in_a_known_district_is_placed_at_the_district() -> None:
    g = _geocode("An airstrike hit Qala Zorbakhel village in Kishindih district, Balkh province.")
    assert g.country == "AF"
    assert g.admin1 == "Balkh"
    g = _geocode("An airstrike hit Qala Zorbakhel village in Kishindeh district, Balkh province.")
    assert (g.admin2, g.geo_precision) == ("Kishindeh", 2)


def test_a_town_district_province_gloss_picks_the_district_when_the_town_is_unknown() -> None:
    g = _geocode("Gunmen looted shops in Tindaroua (Ansongo, Gao) on Friday.")
    assert g.country == "ML"
    assert g.admin1 == "Gao"
    assert g.geo_precision in (1, 2)


def test_a_district_name_alone_is_not_a_district() -> None:
    # "Masisi" written bare, with no "district" and no province: not enough to be placed there
    g = _geocode("A man named Masisi was arrested by the police for theft.")
    assert g.admin2 is None


def test_the_province_written_after_a_town_picks_the_right_homonym() -> None:
    g = _geocode("A councillor was shot dead in Barangay Lawa, Calamba, Laguna.")
    assert g.country == "PH"
    assert g.admin1 == "Calabarzon"


def test_district_names_lose_their_administrative_wrapping() -> None:
    assert admin2_bare_name("Ansongo Cercle") == "Ansongo"
    assert admin2_bare_name("Kabupaten Keerom") == "Keerom"
    assert admin2_bare_name("Panjwayi District") == "Panjwayi"
    assert admin2_bare_name("Province of Laguna") == "Laguna"


# ---------------------------------------------------------------- ACLED's province names


def test_provinces_carry_acled_spellings() -> None:
    assert _geocode("Shelling hit Idlib city on Monday.").admin1 == "Idleb"
    assert _geocode("Police dispersed a protest in Kyiv, Ukraine.").admin1 == "Kiev City"
    assert _geocode("Separatists attacked a school in Bamenda, Cameroon.").admin1 == "Nord-Ouest"
    assert _geocode("Gunmen attacked a bus near Maroua, Cameroon.").admin1 == "Extreme-Nord"


def test_provinces_are_found_under_their_other_names() -> None:
    g = _geocode("Fighting was reported in Dhi Qar province, Iraq.")
    assert (g.admin1, g.geo_precision) == ("Thi-Qar", 3)
    g = _geocode("Fighting was reported in Nineveh province, Iraq.")
    assert g.admin1 == "Ninewa"


# ---------------------------------------------------------------- where the evidence names nothing


def test_an_event_sentence_without_a_place_takes_its_paragraph() -> None:
    text = (
        "Protesters gathered in Port Sudan on Monday to denounce water cuts.\n"
        "Police dispersed the crowd with tear gas."
    )
    an = TextAnalysis(clean_text=text, language="en")
    start = text.index("Police")
    event = ExtractedEvent(evidence=[Span(start, len(text), "sentence")])
    assert geo.geocode_event(text, an, event).country == "SD"


def test_exports_carry_acled_country_names() -> None:
    assert geo.acled_country_name("CD") == "Democratic Republic of Congo"
    assert geo.acled_country_name("PS") == "Palestine"
    assert geo.acled_country_name("SY") is None  # GeoNames' "Syria" is ACLED's too


def test_a_country_named_as_an_origin_is_not_the_event_country() -> None:
    g = _geocode("Four men attacked a police station; they were said to be jihadists from Mali.")
    assert g.country is None
    assert _geocode("Four men attacked a police station in Mali.").country == "ML"


# ---------------------------------------------------------------- addresses


def test_an_address_gloss_keeps_its_names_in_the_division_country() -> None:
    # invented: Botou is also a Chinese city; Tapoa, the division after it, is Burkinabe only
    g = _geocode("Militants burned a school in the village of Kiparo (Botou, Tapoa).")
    assert g.country == "BF"
    assert g.admin2 == "Tapoa"


def test_a_gloss_outweighs_the_demonym_of_the_troops() -> None:
    # invented: "Gao" is also a Burkinabe town, but Ansongo lies in Mali's Gao
    g = _geocode("Burkinabe soldiers killed two suspects near the hamlet of Tinzar (Ansongo, Gao).")
    assert g.country == "ML"
    assert g.admin1 == "Gao"


def test_a_province_closing_a_gloss_keeps_the_town_in_that_province() -> None:
    # invented: "Haveli" is also a Punjabi town; "AJK" (an acronym, kept because it closes the
    # gloss) says the unknown village lies in Azad Kashmir
    g = _geocode("Shelling hit Jandrot village (Haveli, AJK) on Monday.")
    assert g.country == "PK"
    assert g.admin1 == "Azad Jammu and Kashmir"


def test_a_list_of_well_known_cities_is_not_an_address() -> None:
    # invented: "Damascus, Baghdad" is a list; Damascus stays Syrian
    g = _geocode("Airstrikes hit Damascus, Baghdad and Beirut overnight.")
    assert g.country in ("SY", "IQ", "LB")
    assert g.location in ("Damascus", "Baghdad", "Beirut")


def test_the_capital_named_in_apposition_is_the_place() -> None:
    # invented: "the capital X" names the event's city, it is not a speaker's location
    g = _geocode(
        "Chad's president left the capital N'Djamena early on Friday as soldiers mutinied."
    )
    assert g.location == "N'Djamena"
    g = _geocode("Presiden Mali meninggalkan ibu kota Bamako pada hari Jumat.", "id")
    assert g.location == "Bamako"


# ---------------------------------------------------------------- facilities and headlines


def test_a_hospital_named_after_a_town_is_not_the_event_town() -> None:
    # invented: "RS Tarakan" is a Jakarta hospital named after a Bornean town
    text = "Bentrokan pecah di Makassar semalam. Dua korban meninggal di RS Tarakan."
    start = text.index("RS Tarakan")
    event = ExtractedEvent(
        evidence=[Span(0, len(text), "sentence")],
        places=[PlaceMention("RS Tarakan", start, start + len("RS Tarakan"), "event")],
    )
    g = geo.geocode_event(text, TextAnalysis(clean_text=text, language="id"), event)
    assert g.location == "Makassar"


def test_a_word_in_a_title_case_headline_does_not_outrank_the_body() -> None:
    # invented: "Kawat Duri" (barbed wire) in a title-case headline; Duri is also a town
    g = _geocode(
        "Enam Orang Tewas, Gedung Dewan Dipasang Kawat Duri\n"
        "Gubernur Jakarta mengatakan enam orang tewas dalam kerusuhan.",
        "id",
    )
    assert g.location == "Jakarta"


def test_a_headline_place_the_body_names_too_keeps_its_weight() -> None:
    # the demo's invented Indonesian report: its title-case headline and its body both name
    # Palmyra; the dateline and a hospital say Homs
    from wartrace.pipeline import analyse_article

    path = Path(__file__).parents[1] / "src/wartrace/demo/corpus/articles/d05.txt"
    row = {
        "article_id": "d05",
        "raw_text": path.read_text(encoding="utf-8"),
        "url": None,
        "outlet": None,
        "published": "2023-03-15",
        "title": None,
    }
    _, events = analyse_article(row, set())
    assert [e.geo.location for e in events] == ["Tadmur"]


def test_a_district_without_a_known_town_still_gives_its_province() -> None:
    # invented: Nepal's Rolpa district has no town in GeoNames cities500
    g = _geocode("A bomb exploded in a village of Rolpa district on Tuesday, killing two.")
    assert (g.country, g.admin2, g.geo_precision) == ("NP", "Rolpa", 3)


def test_a_district_named_after_its_town_does_not_hide_the_town() -> None:
    g = _geocode("Border guards clashed with smugglers in Mehran, Ilam province.")
    assert (g.country, g.location, g.geo_precision) == ("IR", "Mehran", 1)
