"""A country named as a foreign backer, an origin or an embassy's owner is not where the event
happens; a demonym naming the ground ("on Congolese soil") is. Every sentence is invented."""

from __future__ import annotations

from geo_helpers import geocode_as_event as _geocode
from wartrace import geo
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis


def _geocode_in(language: str, text: str) -> Geo:
    event = ExtractedEvent(evidence=[Span(0, len(text), "sentence")])
    return geo.geocode_event(text, TextAnalysis(clean_text=text, language=language), event)


def test_a_foreign_backer_is_not_the_country() -> None:
    g = _geocode(
        "Militants stormed a hotel, and troops backed by French special forces regained control."
    )
    assert g.country != "FR"


def test_an_origin_with_a_part_word_is_not_the_country() -> None:
    g = _geocode("Rebel groups from northern Mali signed a truce in Ouagadougou on Monday.")
    assert (g.country, g.location) == ("BF", "Ouagadougou")


def test_a_demonym_naming_the_ground_outweighs_a_foreign_army() -> None:
    text = (
        "Soldiers of the army of South Sudan looted cattle from a village on Congolese soil "
        "(Faradje, Haut-Uele)."
    )
    g = _geocode(text)
    assert (g.country, g.admin1) == ("CD", "Haut-Uele")


def test_an_embassys_country_is_not_the_country() -> None:
    g = _geocode(
        "Police fired teargas at protesters outside the Ivory Coast embassy, Burkinabe media said."
    )
    assert g.country == "BF"


def test_indonesian_a_foreign_backer_after_its_force_noun_is_not_the_country() -> None:
    g = _geocode_in(
        "id", "Pasukan yang didukung oleh tentara Prancis merebut kembali sebuah hotel."
    )
    assert g.country != "FR"


def test_indonesian_a_country_naming_the_ground_outweighs_a_foreign_army() -> None:
    text = (
        "Tentara Sudan Selatan menjarah ternak di sebuah desa di wilayah Kongo "
        "(Faradje, Haut-Uele)."
    )
    g = _geocode_in("id", text)
    assert (g.country, g.admin1) == ("CD", "Haut-Uele")


def test_french_a_foreign_backer_is_not_the_country() -> None:
    text = "Des soldats appuyés par des forces françaises ont repris le contrôle de l'hôtel."
    assert _geocode_in("fr", text).country != "FR"


def test_a_backer_written_as_a_compound_is_not_the_country() -> None:
    # invented: "Rwandan-backed" says who backs the rebels, not where they attacked
    g = _geocode("Rwandan-backed rebels attacked Kibumba on Sunday.")
    assert g.country != "RW"


def test_a_backer_compound_alone_gives_no_country() -> None:
    # invented
    g = _geocode("Iranian-backed militias fired rockets at a convoy overnight.")
    assert g.country != "IR"


def test_indonesian_a_forces_country_name_is_no_place_of_the_event() -> None:
    # invented: Indonesian has no adjective ("tentara Etiopia", Ethiopian troops); the name in
    # the force's name counts once, as the force, not again as a place that outvotes Somalia
    g = _geocode_in("id", "Tentara Etiopia menewaskan sepuluh militan di Somalia, Senin.")
    assert g.country == "SO"
    g = _geocode_in("id", "Pasukan Kenya menyerang markas militan di Somalia selatan.")
    assert g.country == "SO"


def test_a_forces_own_country_still_counts_for_it() -> None:
    # invented: the army's country is still the evidence when nothing else is named
    assert _geocode_in("id", "Tentara Nigeria menewaskan 20 anggota Boko Haram.").country == "NG"
    g = _geocode("Kenya Defence Forces killed eight militants in Somalia's Gedo region.")
    assert (g.country, g.admin1) == ("SO", "Gedo")
