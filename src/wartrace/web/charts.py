"""Geometry for the map and the timeline: plain numbers and strings the templates draw as SVG."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml

from wartrace.web.basemap import country_shapes, fit_viewport

MAP_WIDTH, MAP_HEIGHT = 760, 470
MIN_SPAN_DEGREES = 8.0  # never zoom closer: keep neighbouring borders in sight for context
DAILY_MAX_DAYS = 366  # longer ranges are drawn per week


@cache
def _event_type_config() -> dict[str, Any]:
    raw = (resources.files("wartrace.web") / "data" / "event_types.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict) or not isinstance(data.get("colours"), dict):
        raise ValueError("web/data/event_types.yaml: expected a `colours` mapping")
    return data


def type_colour(event_type: str | None) -> str:
    cfg = _event_type_config()
    return str(cfg["colours"].get(event_type or "", cfg.get("other", "#6b7280")))


def legend(types: Collection[str | None]) -> list[tuple[str, str]]:
    """(label, colour) for the types present, in the configured order, then any others."""
    cfg = _event_type_config()["colours"]
    present = {t or "Unknown type" for t in types}
    ordered = [t for t in cfg if t in present]
    ordered += sorted(present - set(ordered))
    return [(t, type_colour(None if t == "Unknown type" else t)) for t in ordered]


MIN_RADIUS, MAX_RADIUS = 3.0, 20.0


def marker_radius(fatalities: int, scale_max: int) -> float:
    """Area proportional to fatalities, the largest in view drawn at MAX_RADIUS."""
    share = max(fatalities, 0) / max(scale_max, 1)
    return round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(min(share, 1.0)), 1)


def _nice(n: float) -> int:
    """A round number near ``n`` (1, 2, 5, 10, 20, 50, ...) for the size legend."""
    if n <= 1:
        return 1
    exp = 10 ** math.floor(math.log10(n))
    return int(min((1, 2, 5, 10), key=lambda k: abs(k * exp - n)) * exp)


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    r: float
    colour: str
    title: str
    href: str | None


@dataclass(frozen=True, slots=True)
class Land:
    path: str
    name: str
    active: bool
    label: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class MapModel:
    width: int
    height: int
    land: list[Land]
    markers: list[Marker]
    legend: list[tuple[str, str]]
    size_legend: list[tuple[int, float]]
    shown: int  # markers drawn
    unlocated: int  # events without coordinates


def marker_title(m: dict[str, Any]) -> str:
    place = m.get("location") or f"{m['lat']:.2f}, {m['lon']:.2f}"
    n = m["events"]
    if n == 1:
        return f"{place}: {m['event_type'] or 'event'}, {m['fatalities']} fatalities"
    return (
        f"Around {place}: {n} events ({m['event_type'] or 'unknown type'}), "
        f"{m['fatalities']} fatalities. Click to zoom in."
    )


def map_model(
    markers: Sequence[dict[str, Any]],
    bounds: tuple[float, float, float, float] | None,
    active_countries: Collection[int],
    href: Callable[[dict[str, Any]], str | None],
    *,
    unlocated: int = 0,
    width: int = MAP_WIDTH,
    height: int = MAP_HEIGHT,
) -> MapModel:
    view = fit_viewport(bounds, width, height, min_span=MIN_SPAN_DEGREES)
    land = [
        Land(s.path, s.name, s.iso_numeric in active_countries, s.label)
        for s in country_shapes(view)
    ]
    scale_max = max([10, *(m["fatalities"] for m in markers)])
    drawn = []
    # Biggest first, so small markers stay visible on top of large ones.
    for m in sorted(markers, key=lambda m: -m["fatalities"]):
        x, y = view.project(m["lon"], m["lat"])
        drawn.append(
            Marker(
                round(x, 1),
                round(y, 1),
                marker_radius(m["fatalities"], scale_max),
                type_colour(m["event_type"]),
                marker_title(m),
                href(m),
            )
        )
    sizes = sorted({_nice(scale_max / 25), _nice(scale_max / 4), _nice(scale_max)})
    return MapModel(
        width,
        height,
        land,
        drawn,
        legend([m["event_type"] for m in markers]),
        [(n, marker_radius(n, scale_max)) for n in sizes],
        len(drawn),
        unlocated,
    )


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    h_events: float
    h_fatalities: float
    label: str
    since: str
    until: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class TimelineModel:
    width: int
    panel: int  # height of each of the two panels
    bars: list[Bar]
    bucket: str  # day | week
    ticks: list[tuple[float, str]]
    max_events: int
    max_fatalities: int
    empty: bool


def _bucket_start(day: date, bucket: str) -> date:
    return day - timedelta(days=day.weekday()) if bucket == "week" else day


def timeline_model(
    rows: Sequence[dict[str, Any]], *, width: int = 440, panel: int = 80
) -> TimelineModel:
    """Two aligned bar panels (events, fatalities) per day, or per week for long ranges."""
    days = []
    for r in rows:
        try:
            days.append((date.fromisoformat(r["day"][:10]), r["events"], r["fatalities"]))
        except (TypeError, ValueError):
            continue  # an event date the store could not normalise is left off the chart
    if not days:
        return TimelineModel(width, panel, [], "day", [], 0, 0, True)
    first, last = days[0][0], days[-1][0]
    bucket = "day" if (last - first).days < DAILY_MAX_DAYS else "week"
    step = 1 if bucket == "day" else 7
    totals: dict[date, list[int]] = {}
    for d, n, fat in days:
        key = _bucket_start(d, bucket)
        t = totals.setdefault(key, [0, 0])
        t[0] += n
        t[1] += fat
    start = _bucket_start(first, bucket)
    slots = (last - start).days // step + 1
    slot_w = width / slots
    max_e = max(t[0] for t in totals.values())
    max_f = max(t[1] for t in totals.values())
    bars = []
    for key, (n, fat) in sorted(totals.items()):
        i = (key - start).days // step
        end = key + timedelta(days=step - 1)
        label = key.isoformat() if bucket == "day" else f"week of {key.isoformat()}"
        bars.append(
            Bar(
                x=round(i * slot_w, 2),
                width=round(max(slot_w - (1 if slot_w > 3 else 0), 0.8), 2),
                h_events=round(panel * n / max_e, 1) if max_e else 0,
                h_fatalities=round(panel * fat / max_f, 1) if max_f else 0,
                label=label,
                since=key.isoformat(),
                until=end.isoformat(),
                events=n,
                fatalities=fat,
            )
        )
    ticks = []
    n_ticks = min(6, slots)
    for k in range(n_ticks):
        i = round(k * (slots - 1) / max(n_ticks - 1, 1))
        d = start + timedelta(days=i * step)
        ticks.append((round((i + 0.5) * slot_w, 1), d.strftime("%d %b %Y")))
    return TimelineModel(width, panel, bars, bucket, ticks, max_e, max_f, False)
