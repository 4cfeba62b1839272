"""Geocoding behaviour. Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from wartrace import geo
from wartrace.geo.normalize import fold_text, name_key, name_keys
from wartrace.geo.resolve import haversine_km
from wartrace.models import ExtractedEvent, Geo, PlaceMention, Span, TextAnalysis


def _event_in(text: str, sentence: str, **kw: object) -> ExtractedEvent:
    start = text.index(sentence)
    return ExtractedEvent(evidence=[Span(start, start + len(sentence), "sentence")], **kw)  # type: ignore[arg-type]


def _geocode(text: str, sentence: str | None = None, **analysis: object) -> Geo:
    an = TextAnalysis(clean_text=text, **analysis)  # type: ignore[arg-type]
    event = _event_in(text, sentence) if sentence else ExtractedEvent()
    return geo.geocode_event(text, an, event)


def _near(g: Geo, lat: float, lon: float, km: float = 25.0) -> bool:
    assert g.latitude is not None and g.longitude is not None, g
    return haversine_km(g.latitude, g.longitude, lat, lon) <= km


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "variant", ["Deir ez-Zor", "Deir Al-Zor", "Deir el-Zor", "DEIR EZ-ZOR", "Deïr ez Zor"]
)
def test_deir_ez_zor_variants_fold_to_one_key(variant: str) -> None:
    assert name_key(variant) == name_key("Deir ez-Zor")


@pytest.mark.parametrize(
    "variant", ["Deir Ezzor", "Dayr az Zawr", "Deir al-Zour", "Deirezzor", "دير الزور"]
)
def test_deir_ez_zor_spellings_find_the_city(variant: str) -> None:
    names = {geo.load_gazetteer().places[i].name for i in geo.load_gazetteer().lookup(variant)}
    assert "Deir ez-Zor" in names


def test_glued_article_is_folded_but_not_optional() -> None:
    assert name_key("Assukhnah") == name_key("as-Sukhnah") == "al sukhna"
    assert name_keys("Assukhnah") == {"al sukhna"}
    assert name_keys("as-Sukhnah") == {"al sukhna", "sukhna"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mayadeen", "Mayadin"),
        ("as-Sukhnah", "al-Sukhna"),
        ("ar-Raqqah", "al-Raqqa"),
        ("Ma'arrat", "Maarat"),
        ("الرقة", "الرقه"),
    ],
)
def test_transliteration_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_fold_text_maps_tokens_back_to_the_original() -> None:
    text = "Shelling hit as-Sukhnah."
    ft = fold_text(text)
    i = ft.tokens.index("sukhna")
    start, end = ft.spans[i]
    assert text[start:end] == "Sukhnah"


# ---------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("spelling", "lat", "lon"),
    [
        ("Dayr az Zawr", 35.336, 40.141),
        ("Deir al-Zour", 35.336, 40.141),
        ("al-Mayadin", 35.020, 40.452),
        ("Mayadeen", 35.020, 40.452),
        ("Albukamal", 34.452, 40.918),
        ("Abu Kamal", 34.452, 40.918),
        ("Sukhnah", 34.885, 38.871),
        ("Damaskus", 33.51, 36.29),
        ("Halab", 36.20, 37.16),
    ],
)
def test_spellings_resolve_in_a_syrian_sentence(spelling: str, lat: float, lon: float) -> None:
    text = f"Syrian army troops clashed with militants in {spelling} on Monday, Syria's army said."
    g = _geocode(text, text)
    assert g.country == "SY"
    assert _near(g, lat, lon)


def test_indonesian_sentence_with_exonyms() -> None:
    text = (
        "DAMASKUS - Pasukan rezim Suriah menyerang desa-desa di pinggiran Mayadeen, "
        "provinsi Deir ez-Zor, pada hari Sabtu."
    )
    sentence = text[text.index("Pasukan") :]
    g = _geocode(text, sentence)
    assert g.country == "SY"
    assert g.admin1 == "Deir ez-Zor"
    assert _near(g, 35.020, 40.452)
    assert g.geo_precision == 2  # "pinggiran" = outskirts


def test_province_only_is_precision_3_at_the_capital() -> None:
    text = (
        "Militants attacked villages in eastern Deir ez-Zor province on Tuesday, Syrian media said."
    )
    g = _geocode(text, text)
    assert g.admin1 == "Deir ez-Zor"
    assert g.geo_precision == 3
    assert _near(g, 35.336, 40.141)


def test_curated_base_beats_the_city_it_is_named_after() -> None:
    text = "Jets bombed positions at Deir ez-Zor military airport overnight, a Syrian officer said."
    g = _geocode(text, text)
    assert g.location == "Deir ez-Zor Military Airport"
    assert g.geo_precision == 1


def test_mountain_needs_its_generic_word() -> None:
    text = "Fighting continued on Jabal Bishri, north of al-Sukhnah, in the Syrian desert."
    g = _geocode(text, text)
    assert g.location == "Jabal Bishri"
    lone = "Syrian troops met Bishri, a local elder, in Damascus."
    assert all(m.surface != "Bishri" for m in geo.find_mentions(geo.load_gazetteer(), lone)[1])


def test_smaller_place_near_a_landmark_city_wins() -> None:
    text = "A car bomb exploded in Sayyida Zaynab, south of Damascus, killing six people."
    g = _geocode(text, text)
    assert g.location == "Sayyida Zaynab"
    assert g.admin1 == "Rural Damascus"


def test_near_cue_sets_precision_2() -> None:
    text = "Islamic State fighters ambushed a convoy south of al-Mayadin in eastern Syria."
    g = _geocode(text, text)
    assert _near(g, 35.020, 40.452)
    assert g.geo_precision == 2


# ---------------------------------------------------------------- ambiguity and context


def test_same_name_in_two_countries_is_resolved_by_context() -> None:
    # "Sukhnah" exists in Syria and in Yemen.
    syria = "Syrian forces advanced on As Sukhnah in Homs province, Syria, state media said."
    yemen = (
        "Houthi fighters shelled As Sukhnah in Yemen's Hudaydah governorate, Yemeni officials said."
    )
    assert _geocode(syria, syria).country == "SY"
    assert _geocode(yemen, yemen).country == "YE"


def test_palmyra_is_syrian_in_a_syrian_article() -> None:
    text = "Syrian government troops recaptured Palmyra from Islamic State, Syria's army said."
    g = _geocode(text, text)
    assert g.country == "SY"
    assert g.admin1 == "Homs"


def test_nigeria_and_somalia() -> None:
    ng = "Boko Haram insurgents attacked Gwoza in Borno State, Nigerian troops said."
    so = "Al-Shabaab fighters raided Afgooye in Lower Shabelle, Somali officials said."
    g1, g2 = _geocode(ng, ng), _geocode(so, so)
    assert (g1.country, g1.admin1, g1.location) == ("NG", "Borno", "Gwoza")
    assert (g2.country, g2.admin1) == ("SO", "Lower Shabelle")


def test_outlet_and_speaker_places_are_not_the_event() -> None:
    text = (
        "The London-based Syrian Observatory for Human Rights said jets struck Maadan "
        "in eastern Raqqa countryside."
    )
    g = _geocode(text, text)
    assert g.location == "Maadan"
    assert g.admin1 == "Raqqa"


def test_dateline_is_only_a_fallback() -> None:
    text = "BEIRUT - Shelling killed four civilians in Idlib city on Friday, Syrian activists said."
    g = _geocode(text, text[text.index("Shelling") :], dateline="BEIRUT")
    assert g.country == "SY"
    assert g.location == "Idlib"


def test_extractor_event_place_is_preferred() -> None:
    text = "Troops left Homs and later clashed with militants in Palmyra, Syria's army said."
    start = text.index("Palmyra")
    event = _event_in(text, text, places=[PlaceMention("Palmyra", start, start + 7, "event")])
    g = geo.geocode_event(text, TextAnalysis(clean_text=text), event)
    assert g.location == "Tadmur"


# ---------------------------------------------------------------- stoplist and thin evidence


@pytest.mark.parametrize(
    "sentence",
    [
        "Said Ahmed told reporters the Air force would act during Ramadan.",
        "The Human Rights Watch report was published on that Date.",
        "Kami tidak tahu hal itu, kata Abi.",
    ],
)
def test_common_words_are_not_places(sentence: str) -> None:
    _ft, mentions = geo.find_mentions(geo.load_gazetteer(), sentence)
    assert mentions == []


def test_lowercase_words_are_not_places() -> None:
    _ft, mentions = geo.find_mentions(geo.load_gazetteer(), "the mosul dam and raqqa were quiet")
    assert mentions == []


def test_no_place_gives_an_empty_geo() -> None:
    text = "Several people were killed in an attack, officials said."
    assert _geocode(text, text) == Geo()


def test_country_only_gives_no_coordinates() -> None:
    text = "Fighting in Syria killed dozens of soldiers, a monitor said."
    g = _geocode(text, text)
    assert g.country == "SY"
    assert g.latitude is None and g.geo_precision is None


def test_bad_spans_do_not_crash() -> None:
    text = "Clashes in Raqqa."
    event = ExtractedEvent(evidence=[Span(500, 900, "sentence"), Span(3, 1, "bad")])
    g = geo.geocode_event(text, TextAnalysis(clean_text=text), event)
    assert g.country in (None, "SY")


def test_facility_named_after_its_town_is_the_curated_base() -> None:
    text = "Jets bombed the military airport of Deir Ezzor on Sunday, Syrian state media said."
    g = _geocode(text, text)
    assert g.location == "Deir ez-Zor Military Airport"


def test_demonyms_are_context_not_places() -> None:
    text = "Somali officials said militants attacked Afgooye on Tuesday."
    _ft, mentions = geo.find_mentions(geo.load_gazetteer(), text)
    assert [m.surface for m in mentions] == ["Afgooye"]
    assert _geocode(text, text).country == "SO"


def test_region_of_a_country_names_the_province() -> None:
    text = "BAMAKO (AFP) - Gunmen killed 20 villagers in the Menaka region of Mali, officials said."
    g = _geocode(text, text)
    assert (g.country, g.admin1, g.geo_precision) == ("ML", "Menaka", 3)


def test_urdu_letter_forms_fold_like_arabic() -> None:
    from wartrace.geo.normalize import fold_token

    # Kirkuk and Deir: Urdu keheh/farsi yeh against Arabic kaf/yeh.
    assert fold_token("کرکوک") == fold_token("كركوك")
    assert fold_token("دیر") == fold_token("دير")
