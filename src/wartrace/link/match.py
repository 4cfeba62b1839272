"""Whether a report can be the same incident as an event: dates, places, types, actors.

The rules of ``data/event_types.yaml`` (compatible types, distance and date tolerances by
precision), and two that keep separate incidents apart (ACLED's unit is one incident at one
place on one day), applied by the caller with what the texts say: two different days each
written out as a calendar date never meet unless one text is made from the other
, and different named places of one province, or a report that
names no place, need a shared specific anchor (``needs_anchor``).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from wartrace.link.anchors import fold, load_data, name_anchor
from wartrace.link.index import day_number

MIN_MATCH_SCORE = 2.5  # unrelated reports need the date and the place to agree
# Sharing the initiator (actor1) tells more than sharing only the side acted on: a state's
# forces are the target of many incidents of a day in one country. Less than the half-point
# steps of the other parts, so it only orders candidates that tie and never passes a pair.
SAME_INITIATOR = 0.25
DAY = 1  # time precision of a date given to the day


@dataclass(frozen=True, slots=True)
class Facts:
    """What matching needs from a report or an event."""

    day: int | None
    time_precision: int | None
    event_type: str | None
    actors: frozenset[str]
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    # Name keys of the places the text names, its province's excepted: "the town of X in Y
    # province" keeps X here even when the gazetteer only resolves Y.
    places: frozenset[str] = frozenset()
    initiator: str | None = None  # actor1, folded


@cache
def _rules() -> tuple[tuple[frozenset[str], ...], dict[int, float], dict[int, int]]:
    data = load_data("event_types.yaml")
    groups = tuple(frozenset(str(t) for t in g) for g in data["compatible"])
    km = {int(k): float(v) for k, v in data["max_km"].items()}
    days = {int(k): int(v) for k, v in data["max_days"].items()}
    return groups, km, days


def facts(row: sqlite3.Row | dict[str, object]) -> Facts:
    get = row.__getitem__
    actors = frozenset(fold(str(get(k))) for k in ("actor1", "actor2") if get(k))
    return Facts(
        day=day_number(get("event_date")),  # type: ignore[arg-type]
        time_precision=get("time_precision"),  # type: ignore[arg-type]
        event_type=get("event_type"),  # type: ignore[arg-type]
        actors=actors,
        country=get("country"),  # type: ignore[arg-type]
        admin1=get("admin1"),  # type: ignore[arg-type]
        admin2=get("admin2"),  # type: ignore[arg-type]
        location=get("location"),  # type: ignore[arg-type]
        latitude=get("latitude"),  # type: ignore[arg-type]
        longitude=get("longitude"),  # type: ignore[arg-type]
        geo_precision=get("geo_precision"),  # type: ignore[arg-type]
        places=place_keys(_optional(row, "places"), get("admin1")),
        initiator=fold(str(get("actor1"))) if get("actor1") else None,
    )


def _optional(row: sqlite3.Row | dict[str, object], key: str) -> str | None:
    """A column only reports have (events rows lack it)."""
    try:
        value = row[key]
    except (IndexError, KeyError):
        return None
    return None if value is None else str(value)


def _name_keys(name: str) -> set[str]:
    return {k for k in (name_anchor(w) for w in name.split()) if k}


@lru_cache(maxsize=32768)
def place_keys(places_json: str | None, admin1: str | None) -> frozenset[str]:
    """Name keys of the places a report's text names (``reports.places``), less the keys of
    its province: what tells one town of the province from another."""
    if not places_json:
        return frozenset()
    try:
        # Datelines and credits name where an outlet writes from, not where it happened.
        names = [str(p[0]) for p in json.loads(places_json) if p and p[-1] == "event"]
    except (json.JSONDecodeError, TypeError, IndexError):
        return frozenset()
    province = _name_keys(admin1 or "")
    return frozenset(k for n in names for k in _name_keys(n) if k not in province)


def places_apart(a: Facts, b: Facts) -> bool:
    """Both texts name a place finer than the province and none of the same."""
    return bool(a.places) and bool(b.places) and not a.places & b.places


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def date_score(a: Facts, b: Facts) -> float | None:
    """2 same day, 1 within tolerance, 0 unknown, None incompatible."""
    if a.day is None or b.day is None:
        return 0.0
    precision = max(a.time_precision or 1, b.time_precision or 1)
    tolerance = _rules()[2].get(precision, 31)
    gap = abs(a.day - b.day)
    if gap > tolerance:
        return None
    return 2.0 if gap == 0 else 1.0


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and fold(a or "") == fold(b or "")


def place_score(a: Facts, b: Facts) -> float | None:
    """2 same place, 1 near / same district, 0.5 same province when one is vague, 0 unknown."""
    if a.country and b.country and a.country != b.country:
        return None
    if _same(a.location, b.location) and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1):
        return 2.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        precision = max(a.geo_precision or 1, b.geo_precision or 1)
        limit = _rules()[1].get(precision, 50.0)
        dist = km_between(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if dist <= limit:
            return 2.0 if precision == 1 else 1.0
        if precision < 3:
            return None
    if _same(a.location, b.location):
        return 2.0
    if _same(a.admin2, b.admin2):
        return 1.0
    vague = (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3
    if _same(a.admin1, b.admin1):
        return 0.5 if vague else None
    if not (a.admin1 or a.location) or not (b.admin1 or b.location):
        return 0.0  # one side says nothing about the place
    return None


def type_score(a: Facts, b: Facts) -> float | None:
    if not a.event_type or not b.event_type:
        return 0.0
    if a.event_type == b.event_type:
        return 1.0
    if any(a.event_type in g and b.event_type in g for g in _rules()[0]):
        return 0.0
    return None


def actor_score(a: Facts, b: Facts) -> float:
    if not a.actors or not b.actors:
        return 0.0
    if not a.actors & b.actors:
        return -1.0
    return 1.0 + (SAME_INITIATOR if a.initiator and a.initiator == b.initiator else 0.0)


def days_differ(a: Facts, b: Facts) -> bool:
    """Both give a day, and not the same one: two incidents, unless a text was copied."""
    return (
        a.day is not None
        and b.day is not None
        and (a.time_precision or DAY) == DAY
        and (b.time_precision or DAY) == DAY
        and a.day != b.day
    )


def stated(day: int | None, named: Sequence[tuple[int, int]]) -> bool:
    """Whether a day is one its text writes out as a calendar date ((day, month) pairs), not
    one read from a weekday or "yesterday", which can be off by one."""
    if day is None:
        return False
    when = date.fromordinal(day)
    return (when.day, when.month) in named


def _named_place(f: Facts) -> bool:
    """A place finer than the province."""
    return bool(f.location) and (f.geo_precision or 3) < 3 and not _same(f.location, f.admin1)


def same_named_place(a: Facts, b: Facts) -> bool:
    """One place finer than the province, named alike by both."""
    return _named_place(a) and _named_place(b) and _same(a.location, b.location)


def needs_anchor(a: Facts, b: Facts) -> bool:
    """Whether the places alone cannot tie two unrelated reports: each names a different
    place of the province, or one names no place at all. One province sees many incidents a
    day; only something more specific they share (a rare name, figure, date) says these two
    are one. A report that only names the province is not a different place."""
    if place_score(a, b) is None:
        return False  # incompatible anyway
    if not (a.location or a.admin1) or not (b.location or b.admin1):
        return True
    if types_differ(a, b):
        return True  # they disagree on what happened: time and place are not enough
    return places_differ(a, b)


def types_differ(a: Facts, b: Facts) -> bool:
    """Both are typed, and not alike."""
    return bool(a.event_type) and bool(b.event_type) and a.event_type != b.event_type


def places_differ(a: Facts, b: Facts) -> bool:
    """Each names a place finer than the province, and not the same one: different named
    places, or different towns the texts name that the gazetteer could not tell apart."""
    if _named_place(a) and _named_place(b):
        return not _same(a.location, b.location)
    return places_apart(a, b)


def _named_like_province(a: Facts, b: Facts) -> bool:
    """One side's place is named like the province both are in ("Deir ez-Zor" in Deir ez-Zor):
    in a story retold it may be the province. A translation or rewrite drops "province" or
    "governorate" where its language needs no such word, and the gazetteer then reads the
    bare name as the capital town, kilometres from the source's town in that province."""
    if not (a.admin1 and b.admin1 and _same(a.admin1, b.admin1)):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    return _same(a.location, a.admin1) or _same(b.location, b.admin1)


def match_score(report: Facts, event: Facts, related: bool) -> float | None:
    """How well a report fits an event; None when it cannot be the same incident.
    ``related``: the same story (a derivation family or an independent retelling)."""
    # Each part alone can rule the pair out: the cheap date test first, the place test
    # (names folded, distances) only for events within the date tolerance.
    when = date_score(report, event)
    if when is None:
        return None
    where = place_score(report, event)
    if where is None and related and _named_like_province(report, event):
        where = 0.5  # the same province, one side vague
    if where is None:
        return None
    what = type_score(report, event)
    if what is None:
        return None
    parts = [when, where, what]
    score = sum(p for p in parts if p is not None) + actor_score(report, event)
    if related:
        return score + 3.0  # the same story, retold
    if report.day is None or event.day is None:
        # Undated: only the same named place, the same type and no contradicting actor.
        place = parts[1] or 0.0
        fits = place >= 2.0 and (parts[2] or 0.0) >= 1.0 and actor_score(report, event) >= 0
        return score if fits else None
    return score if score >= MIN_MATCH_SCORE else None
