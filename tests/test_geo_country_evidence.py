"""What counts as evidence for an event's country, one test per kind. Every sentence is invented."""

from __future__ import annotations

from geo_helpers import geocode_as_event as _geocode

# ---------------------------------------------------------------- addresses


def test_the_end_of_a_gloss_may_be_a_first_level_division() -> None:
    # invented: "Littoral" is Cameroon's province and a Bolivian district
    g = _geocode("Port workers marched through Douala city (Wouri, Littoral) on Monday.")
    assert (g.country, g.admin1, g.location) == ("CM", "Littoral", "Douala")


def test_divisions_of_two_countries_in_one_gloss_follow_the_one_that_closes_it() -> None:
    # invented: Pakistan has a Poonch district too; J&K closes the address
    text = "Troops traded fire at Kirni sector area (Poonch district, J&K) on Sunday."
    g = _geocode(text, "Kirni", "Poonch")
    assert (g.country, g.admin1) == ("IN", "Jammu and Kashmir")


def test_a_province_of_the_second_level_is_a_division_when_written_as_a_province() -> None:
    # invented: Burkina Faso's provinces are second-level divisions ("Kossi" is also Indian)
    g = _geocode("Gunmen raided a customs post in Djibasso, Kossi province, on Monday.")
    assert (g.country, g.admin1) == ("BF", "Boucle du Mouhoun")


# ---------------------------------------------------------------- names that are not places


def test_a_town_name_inside_an_unknown_longer_name_is_no_evidence_for_its_country() -> None:
    # invented: "Koudo" and "Boula" are also Indonesian towns; two fragments must not
    # support each other against the gloss
    text = "Herders were robbed in Koudo Kaoua, near Boula Gana (Bosso, Diffa) on Tuesday."
    g = _geocode(text, "Koudo Kaoua", "Boula Gana")
    assert (g.country, g.admin1) == ("NE", "Diffa")
    text = "Militants fired 3 Grad Missiles at a garrison in Tin Zaouatine."
    assert _geocode(text, "Tin Zaouatine").country != "UA"
    text = "The PMF repelled an attack in the Jurf Nasr (Nahiyat Jurf as Sakhr) area in Babil."
    g = _geocode(text, "Jurf Nasr", "Babil")
    assert (g.country, g.admin1) == ("IQ", "Babylon")


def test_a_country_closing_an_organisations_name_is_not_the_place() -> None:
    text = "A rocket exploded near Bank Saderat Iran, opposite the Baalbek Governorate building."
    g = _geocode(text, "Bank Saderat Iran")
    assert (g.country, g.admin1) == ("LB", "Baalbek-Hermel")
    g = _geocode("Rebels attacked two villages in Northern Nigeria on Monday.")
    assert g.country == "NG"


def test_a_country_people_come_from_or_a_border_runs_along_is_not_the_events() -> None:
    text = "Gunmen attacked a police post in Loropeni; officials blamed jihadists from Mali."
    assert _geocode(text, "Loropeni", "Mali").country != "ML"
    g = _geocode("Gunmen raided a customs post in Djibasso, Kossi province, near the Mali border.")
    assert g.country == "BF"
    g = _geocode("Soldiers were ambushed 5 km from the border with Mali on Friday.")
    assert g.country != "ML"


def test_countries_listed_with_a_border_are_all_elsewhere() -> None:
    # invented: Tessit is in Mali; both countries are named only as where borders run
    text = "Jihadists killed 12 soldiers in Tessit, near the borders with Niger and Burkina Faso."
    g = _geocode(text)
    assert (g.country, g.location) == ("ML", "Tessit")


def test_a_country_people_flee_is_not_the_events() -> None:
    # invented: Adre is in Chad; the refugees left Sudan
    g = _geocode("Refugees fleeing Sudan were attacked near Adre on Monday.")
    assert (g.country, g.location) == ("TD", "Adre")


def test_a_demonym_before_a_settlement_word_names_its_ground() -> None:
    # invented: the village is unknown; "Nigerien village" outweighs the country fled to
    text = "The attackers fled towards Burkina Faso after raiding the Nigerien village of Tidanka."
    assert _geocode(text).country == "NE"


# ---------------------------------------------------------------- the country alone


def test_a_national_actor_gives_the_country_when_no_place_is_named() -> None:
    g = _geocode("Burkinabe soldiers were ambushed on the road to the mine; three soldiers died.")
    assert (g.country, g.location) == ("BF", None)
    g = _geocode("Military Forces of Mali clashed with militants near a village.")
    assert g.country == "ML"
    g = _geocode("Kenyan police arrested twelve traders after a protest turned violent.")
    assert g.country == "KE"


def test_a_group_that_fights_in_several_countries_does_not_give_the_country_alone() -> None:
    g = _geocode("Al Shabaab fighters attacked a police post on Monday, killing two officers.")
    assert g.country is None
    # ... but it no longer outweighs the places of the other country it fights in
    g = _geocode("Al Shabaab militants attacked a bus near Mandera, killing four passengers.")
    assert g.country == "KE"


def test_two_countries_named_alike_leave_the_country_open() -> None:
    g = _geocode("Ethiopian rebels attacked a homestead of Kenyan herders.")
    assert g.country is None


def test_a_foreign_led_operation_counts_for_the_country_it_fights_in() -> None:
    # invented: Operation Peace Spring is Turkish-led; it fights in Syria
    g = _geocode("Rebels under Operation Peace Spring looted crops in a village on Monday.")
    assert g.country == "SY"


# ---------------------------------------------------------------- Arabic articles, dates, glosses


def test_a_name_written_after_an_arabic_article_is_not_a_namesake_without_it() -> None:
    # invented: Ethiopia has a town Dabat; "al-Dabaat" is an Arabic name, here in Anbar
    text = "A roadside bomb hit a truck in al-Dabaat area, north of Ar Rutba district, on Monday."
    g = _geocode(text, "al-Dabaat", "Ar Rutba")
    assert (g.country, g.admin1) == ("IQ", "Anbar")


def test_the_optional_article_is_indexed_only_for_arabic_speaking_countries() -> None:
    from wartrace.geo.build import _Builder

    b = _Builder()
    b.index(0, ["El Bagre"], article=False)
    b.index(1, ["Al Mayadin"], article=True)
    assert "bagre" not in b.names and "al bagre" in b.names
    assert "mayadin" in b.names and "al mayadin" in b.names


def test_an_alternate_name_with_digits_is_a_date_not_a_place() -> None:
    # invented: "October 6" is an alternate name of Egypt's 6th of October City
    text = "On October 6, gunmen burned an ambulance in the area of Tin Edia."
    assert _geocode(text).country != "EG"


def test_a_generic_first_word_before_an_article_and_a_name_is_part_of_that_name() -> None:
    # invented: "Wadi" alone is a town in several countries; "Wadi al-Rabi" is a Libyan area
    g = _geocode("Fighters repelled an attack in Wadi al-Rabi (Aljfara) on Friday.", "Wadi al-Rabi")
    assert (g.country, g.admin1) == ("LY", "Aljfara")


def test_a_gloss_keeps_its_address_through_names_the_gazetteer_lacks() -> None:
    # invented: Ariel is an Israeli town; Soum closes the address, a Burkinabe province
    g = _geocode("Two armed groups clashed in the area of Ariel (Nassoumbou, Soum).", "Ariel")
    assert (g.country, g.admin1) == ("BF", "Sahel")
    # invented: Koumbara is also an Ivorian village; Sourou is a Burkinabe province
    text = "Militants abducted a councillor at his home in Koumbara (Lanfiera, Sourou) on Sunday."
    g = _geocode(text, "Koumbara")
    assert (g.country, g.admin1) == ("BF", "Boucle du Mouhoun")


def test_a_single_gloss_after_a_place_is_its_widest_division() -> None:
    # invented: "Marib" is a governorate, a district and a town
    text = "An IED detonated in Mafraq ar Ruwayk area (Marib), on a desert road, killing a driver."
    g = _geocode(text, "Mafraq ar Ruwayk")
    assert (g.country, g.admin1) == ("YE", "Marib")


def test_a_plural_division_word_makes_each_name_a_province() -> None:
    # invented: "Al Jawf" is also a town name in Abyan
    text = (
        "Gunmen ambushed a convoy in Mafraq area (Marib), on a road between Shabwah and"
        " Al Jawf governorates."
    )
    g = _geocode(text, "Mafraq")
    assert (g.country, g.admin1) == ("YE", "Marib")


def test_a_lone_spelling_of_a_town_outside_the_conflict_countries_is_not_that_town() -> None:
    # invented: "Lassa" and "Pensa" are alternate names of Lhasa and Penza, kept for context only
    text = "The Burkinabe army reportedly killed 30 people at a mosque in the village of Lassa."
    assert _geocode(text, "Lassa").country == "BF"
    text = "Militants attacked the military detachment in Pensa; two soldiers were wounded."
    assert _geocode(text, "Pensa").country != "RU"


def test_a_spelling_after_a_verb_of_attack_is_written_as_a_place() -> None:
    # invented: "Tulkarem" is an alternate spelling of Tulkarm; "raided" puts the raid there
    g = _geocode("Israeli forces raided Tulkarem on Tuesday.")
    assert (g.country, g.admin1, g.location) == ("PS", "West Bank", "Tulkarm")


def test_a_lone_town_abroad_under_its_own_name_still_counts() -> None:
    # invented: a capital outside the conflict countries, under its main name
    g = _geocode("Thousands of people marched in Lisbon on Saturday against the war.", "Lisbon")
    assert (g.country, g.location) == ("PT", "Lisbon")


# ---------------------------------------------------------------- falling back to the division


def test_a_district_closing_the_address_of_an_unknown_village_is_the_fallback() -> None:
    # invented: Pinabacdao and Magdawat are not in the gazetteer; Samar is a Philippine province
    # (a second-level division) and also a Ukrainian town
    text = "NPA rebels and soldiers exchanged fire in Barangay Magdawat, Pinabacdao, Samar."
    g = _geocode(text, "Barangay Magdawat")
    assert (g.country, g.admin1) == ("PH", "Eastern Visayas")
    g = _geocode("Soldiers beat a man to death in Sedika town, Arsi.", "Sedika")
    assert (g.country, g.admin1) == ("ET", "Oromia")


def test_a_zone_is_a_second_level_division() -> None:
    # invented: Ethiopia's zones are its second-level divisions (Bale is also a Burkinabe province)
    text = "OLA fighters blew up a truck at Qarsa Alati in Bale Zone, killing two soldiers."
    g = _geocode(text, "Qarsa Alati", "Bale Zone")
    assert (g.country, g.admin1) == ("ET", "Oromia")


# ---------------------------------------------------------------- the capital


def test_a_countrys_capital_is_its_capital_city() -> None:
    # invented
    g = _geocode("Six people died as Indonesia's capital erupted in violence on Wednesday.")
    assert (g.country, g.location) == ("ID", "Jakarta")
    g = _geocode("Two protest marches took place in the capital in support of a Kenyan MP.")
    assert (g.country, g.location) == ("KE", "Nairobi")
    g = _geocode("Ribuan mahasiswa berunjuk rasa di ibu kota Indonesia pada Senin.")
    assert (g.country, g.location) == ("ID", "Jakarta")


def test_the_capital_of_a_province_is_not_the_countrys_capital() -> None:
    # invented
    text = "Taliban fighters attacked police posts around the capital of Helmand province."
    g = _geocode(text)
    assert g.country == "AF" and g.location != "Kabul"


def test_an_address_whose_province_is_also_a_town_abroad_is_still_an_address() -> None:
    # invented: Yangi Kala is a town of Takhar; Faryab is also an Iranian town; the district cue
    # makes the chain an address, so the village lies in Faryab (unknown: the district stands)
    text = "One civilian was killed by crossfire in the Yangi Kala area of Qaysar district, Faryab."
    g = _geocode(text, "Yangi Kala", "Qaysar")
    assert (g.country, g.admin1) == ("AF", "Faryab")


def test_a_town_written_as_a_district_is_a_division_of_the_address() -> None:
    # invented: Bate is also a town of East Java; Arso is known only as a town
    text = (
        "Villagers clashed in Bate village, coded as Arso district, Keerom regency, Papua province."
    )
    g = _geocode(text, "Bate", "Arso")
    assert (g.country, g.admin1) == ("ID", "Papua")


def test_a_place_before_the_town_it_lies_in_is_near_that_town() -> None:
    # invented: GeoNames has an Ermita in Western Visayas, none in Manila: the neighbourhood is
    # unknown, so the event falls back to the town that closes the address
    text = "Church members staged a protest at the cathedral in Ermita, Manila on Friday."
    g = _geocode(text, "Ermita")
    assert (g.country, g.admin1, g.location) == ("PH", "National Capital Region", "Manila")


def test_a_list_of_towns_is_not_an_address() -> None:
    # invented: two well-apart towns in a list keep their own places
    text = "Protests were held in Ermita, Manila and Cebu on Friday."
    assert _geocode(text, "Ermita").country == "PH"


def test_a_province_before_its_country_is_no_neighbourhood() -> None:
    # invented: "Iraq" is also an alternate name of the Iranian town Arak
    g = _geocode("Fighting was reported in Nineveh province, Iraq.")
    assert (g.country, g.admin1) == ("IQ", "Ninewa")


def test_a_demonym_of_a_country_the_extractor_does_not_know_is_evidence() -> None:
    # invented: no place is named; "Algerian" alone says which country it was
    g = _geocode("Militants fired three rockets at an Algerian army post near the border.")
    assert g.country == "DZ"


def test_a_french_demonym_is_evidence_too() -> None:
    # invented (demonyms of every language are read in every text)
    g = _geocode("Des hommes armés ont attaqué un poste de la gendarmerie ivoirienne hier soir.")
    assert g.country == "CI"


def test_a_people_living_in_one_country_is_evidence_for_it() -> None:
    # invented: no place is named; the Oromo live in Ethiopia
    g = _geocode("Oromo youths blocked roads and burned tyres on Friday.")
    assert g.country == "ET"


def test_country_evidence_reads_the_extractors_own_lexicons() -> None:
    """One copy of a language's knowledge per process: geo's evidence asks the cache as the
    extractor does, so it shares the extractor's lexicons and their scans (invented text)."""
    from wartrace.extract.resources import load_language
    from wartrace.geo.country import text_evidence

    text_evidence("Invented soldiers crossed the river at dawn.", "en")
    before = load_language.cache_info().currsize
    extractors = load_language("en", None)
    assert load_language.cache_info().currsize == before
    assert extractors is not None


def test_a_people_of_several_countries_is_no_place() -> None:
    # invented: "Fula" is also a Sudanese town's name; the Gourmantche live in one country
    g = _geocode("Fula herders and Gourmantche farmers fought over a well; a Fula camp burned.")
    assert g.country == "BF"


def test_a_people_of_several_countries_alone_names_no_country() -> None:
    # invented: the Fulani live in a dozen countries
    g = _geocode("Fulani herders and farmers clashed over grazing land on Sunday.")
    assert g.country is None
