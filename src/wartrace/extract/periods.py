"""Government periods in state-force names: ACLED tags a country's military and police with the
government they served ("Military Forces of Iraq (2014-2018)"), so an event takes the period
of its own date, not today's (data/governments.tsv, which also names each government's leader
for extract/leaders.py)."""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wartrace.extract.actor_data import earlier_names, stand_ins
from wartrace.extract.resources import DATA_DIR, DataError, load_common
from wartrace.models import ExtractedEvent

_TAGGED = re.compile(r"^((?:Military|Police) Forces of .+?) \(\d{4}-(?:\d{4})?\)$")
# A unit of a country's forces ("Police Forces of Pakistan (2022-) Frontier Corps"): the period
# is the government's it served, like its head's; a faction's own period ("Military Forces of
# Yemen (2016-) Supreme Political Council") is no government's, and stays.
_UNIT = re.compile(r"^((?:Military|Police) Forces of .+?) \((\d{4}-(?:\d{4})?)\) (.+)$")


@dataclass(frozen=True, slots=True)
class Government:
    since: str  # YYYY-MM-DD, the day it took power
    period: str  # ACLED's tag for its state forces: "2015-2023", "2023-"
    leader: str  # the name of its head, "" when none is given (see governments.tsv)


@lru_cache(maxsize=4)
def government_rows(data_dir: str = str(DATA_DIR)) -> dict[str, tuple[Government, ...]]:
    """Per ISO country: its rows of governments.tsv, in order of their start. A row with the
    period of the row before it is a new leader within one government. The one reader of the
    file: periods here, leaders' terms in extract/leaders.py."""
    path = Path(data_dir) / "governments.tsv"
    rows: dict[str, list[Government]] = {}
    with path.open(encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
            since, period = row["since"], row["period"]
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", since) or not re.fullmatch(
                r"\d{4}-(?:\d{4})?", period
            ):
                raise DataError(f"{path}: row {n}: bad since/period {since!r} {period!r}")
            leader = (row.get("leader") or "").strip()
            rows.setdefault(row["country"], []).append(Government(since, period, leader))
    return {code: tuple(sorted(govs, key=lambda g: g.since)) for code, govs in rows.items()}


@lru_cache(maxsize=4)
def governments(
    data_dir: str = str(DATA_DIR),
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per ISO country: the start days of its governments, in order, and their period labels
    (a change of leader within a government starts no period)."""
    out = {}
    for code, rows in government_rows(data_dir).items():
        kept = [g for k, g in enumerate(rows) if k == 0 or g.period != rows[k - 1].period]
        out[code] = (tuple(g.since for g in kept), tuple(g.period for g in kept))
    return out


@lru_cache(maxsize=4)
def _country_of_head(data_dir: str) -> dict[str, str]:
    """ "Military Forces of Iraq" -> "IQ", from the names countries.yaml gives state forces."""
    out = {}
    for code, country in load_common(data_dir).countries.items():
        for name in country.overrides.values():
            if m := _TAGGED.match(name):
                out[m.group(1)] = code
    return out


def period_name(name: str, day: str | None, data_dir: str = str(DATA_DIR)) -> str:
    """``name`` with the period of the government in power on ``day`` (YYYY-MM-DD).

    A unit's name keeps its unit ("... (2018-2022) Frontier Corps"). Names without a period
    tag, factions ("... (2016-2021) Government of National Accord") and undated events are
    left alone; a day before the first known government drops the tag
    rather than guess one."""
    if not day:
        return name
    unit = ""
    if (u := _UNIT.match(name)) and not _TAGGED.match(name):
        head, tag, unit = u.groups()
        code = _country_of_head(data_dir).get(head)
        if tag not in governments(data_dir).get(code or "", ((), ()))[1]:
            return name  # a faction's own period
        unit = f" {unit}"
    elif m := _TAGGED.match(name):
        head = m.group(1)
    else:
        return name
    code = _country_of_head(data_dir).get(head)
    spans = governments(data_dir).get(code or "")
    if spans is None:
        return name
    starts, periods = spans
    i = bisect.bisect_right(starts, day[:10]) - 1
    return f"{head} ({periods[i]}){unit}" if i >= 0 else f"{head}{unit}"


def earlier_name(
    name: str, day: str | None, data_dir: str = str(DATA_DIR)
) -> tuple[str, int] | None:
    """The name (and inter code) ACLED gave an actor on ``day`` when it was named otherwise
    then (data/actors: an entry's `earlier` names); None when the current name holds."""
    if not day:
        return None
    for until, name_then, inter in earlier_names(data_dir).get(name, ()):
        if day[:10] < until:
            return name_then, inter
    return None


def stand_in(
    name: str, country: str | None, day: str | None, data_dir: str = str(DATA_DIR)
) -> tuple[str, int] | None:
    """The mission (and its inter code) ACLED names for state forces acting in ``country`` on
    ``day`` (US forces in Afghanistan under NATO's mission); None when they are named as
    themselves. Undated events and events of no known country keep the forces."""
    if not day or not country:
        return None
    head = m.group(1) if (m := _TAGGED.match(name)) else name
    for span in stand_ins(data_dir).get(head, ()):
        if (
            span.country == country
            and span.since <= day[:10]
            and (not span.until or day[:10] < span.until)
        ):
            return span.name, span.inter
    return None


def date_state_forces(event: ExtractedEvent, data_dir: str = str(DATA_DIR)) -> None:
    """Give the event's actors the names of the event's date and place: state forces the
    period of the government then in power, or the mission they served in there; a renamed
    group its name then."""
    day, country = event.event_date, event.geo.country
    if event.actor1:
        if then := earlier_name(event.actor1, day, data_dir) or stand_in(
            event.actor1, country, day, data_dir
        ):
            event.actor1, event.inter1 = then
        event.actor1 = period_name(event.actor1, day, data_dir)
    if event.actor2:
        if then := earlier_name(event.actor2, day, data_dir) or stand_in(
            event.actor2, country, day, data_dir
        ):
            event.actor2, event.inter2 = then
        event.actor2 = period_name(event.actor2, day, data_dir)
