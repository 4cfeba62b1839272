"""Government periods in state-force names: ACLED tags a country's military and police with the
government they served ("Military Forces of Iraq (2014-2018)"), so an event takes the period
of its own date, not today's (data/governments.tsv)."""

from __future__ import annotations

import bisect
import csv
import re
from functools import lru_cache
from pathlib import Path

from wartrace.extract.resources import DATA_DIR, DataError, load_common
from wartrace.models import ExtractedEvent

_TAGGED = re.compile(r"^((?:Military|Police) Forces of .+?) \(\d{4}-(?:\d{4})?\)$")


@lru_cache(maxsize=4)
def governments(
    data_dir: str = str(DATA_DIR),
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per ISO country: the start days of its governments, in order, and their period labels."""
    path = Path(data_dir) / "governments.tsv"
    rows: dict[str, list[tuple[str, str]]] = {}
    with path.open(encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
            since, period = row["since"], row["period"]
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", since) or not re.fullmatch(
                r"\d{4}-(?:\d{4})?", period
            ):
                raise DataError(f"{path}: row {n}: bad since/period {since!r} {period!r}")
            rows.setdefault(row["country"], []).append((since, period))
    out = {}
    for code, spans in rows.items():
        spans.sort()
        out[code] = (tuple(s for s, _ in spans), tuple(p for _, p in spans))
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

    Names without a period tag, factions ("... (2016-2021) Government of National Accord")
    and undated events are left alone; a day before the first known government drops the tag
    rather than guess one."""
    if not day or not (m := _TAGGED.match(name)):
        return name
    code = _country_of_head(data_dir).get(m.group(1))
    spans = governments(data_dir).get(code or "")
    if spans is None:
        return name
    starts, periods = spans
    i = bisect.bisect_right(starts, day[:10]) - 1
    return f"{m.group(1)} ({periods[i]})" if i >= 0 else m.group(1)


def date_state_forces(event: ExtractedEvent, data_dir: str = str(DATA_DIR)) -> None:
    """Give the event's state forces the period of the event's date."""
    if event.actor1:
        event.actor1 = period_name(event.actor1, event.event_date, data_dir)
    if event.actor2:
        event.actor2 = period_name(event.actor2, event.event_date, data_dir)
