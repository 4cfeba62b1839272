"""Geometry for the map and the timeline: plain numbers and strings the templates draw as SVG."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from wartrace.datafiles import load_yaml
from wartrace.web.basemap import RegionShape, Viewport, country_shapes, fit_viewport, region_shapes
from wartrace.web.maplayout import (
    KM_PER_DEGREE,
    Box,
    Label,
    pan_box,
    place_labels,
    robust_fit,
    scale_bar,
    spread,
    zoom_box,
)

MAP_WIDTH, MAP_HEIGHT = 760, 470
MIN_SPAN_DEGREES = 4.0  # fitting never zooms closer: keep neighbouring places in sight


@cache
def _event_type_config() -> dict[str, Any]:
    raw = (resources.files("wartrace.web") / "data" / "event_types.yaml").read_text("utf-8")
    data = load_yaml(raw)
    if not isinstance(data, dict) or not isinstance(data.get("colours"), dict):
        raise ValueError("web/data/event_types.yaml: expected a `colours` mapping")
    return data


def type_colour(event_type: str | None) -> str:
    cfg = _event_type_config()
    return str(cfg["colours"].get(event_type or "", cfg.get("other", "#6b7280")))


def legend(types: Collection[str | None]) -> list[tuple[str, str]]:
    """(label, colour) for every configured type (so colours can be learnt), then others present."""
    cfg = _event_type_config()["colours"]
    present = {t or "Unknown type" for t in types}
    ordered = list(cfg)
    ordered += sorted(present - set(ordered))
    return [(t, type_colour(None if t == "Unknown type" else t)) for t in ordered]


MIN_RADIUS, MAX_RADIUS = 4.0, 20.0  # a zero-fatality event is still a visible dot
ADMIN1_BELOW_DEGREES = 25.0  # draw first-level borders when the view is this close
ADMIN1_LABELS_BELOW_DEGREES = 12.0


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
    origin: tuple[float, float] | None  # the true place, when the marker was moved aside
    zero: bool  # no fatalities: drawn with a dark ring so it stands out


@dataclass(frozen=True, slots=True)
class Land:
    path: str
    name: str
    active: bool
    label: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Control:
    text: str
    label: str  # accessible name
    href: str


@dataclass(frozen=True, slots=True)
class MapModel:
    width: int
    height: int
    land: list[Land]
    regions: list[RegionShape]
    region_labels: bool
    markers: list[Marker]
    labels: list[Label]
    legend: list[tuple[str, str]]
    size_legend: list[tuple[int, float]]
    scale: tuple[float, str]
    controls: list[Control]
    shown: int  # markers drawn
    unlocated: int  # events without coordinates
    outside: int  # located events left out of the view as far-off outliers
    show_all: str | None  # link to a view with every located event


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
    area: Box | None = None,
    nav: Callable[[Box | None], str] | None = None,
) -> MapModel:
    """The map of ``markers``: fitted to them (far outliers counted, not shown), or to ``area``
    (the map-area filter) when set. ``nav`` makes the links of the zoom and pan controls."""
    outside, show_all = 0, None
    if area is not None:
        view = fit_viewport(area, width, height, pad=0.0, min_span=0.05)
    else:
        fit = robust_fit([(m["lon"], m["lat"], m["events"]) for m in markers])
        # Generous padding: the biggest markers are drawn MAX_RADIUS px around their point.
        view = fit_viewport(fit.box or bounds, width, height, pad=0.3, min_span=MIN_SPAN_DEGREES)
        outside = fit.outside
        if outside and nav is not None and fit.full is not None:
            show_all = nav(zoom_box(fit.full, 1.15))
    span = view.north - view.south
    land = [
        Land(s.path, s.name, s.iso_numeric in active_countries, s.label)
        for s in country_shapes(view)
    ]
    regions = list(region_shapes(view)) if span < ADMIN1_BELOW_DEGREES else []
    scale_max = max([10, *(m["fatalities"] for m in markers)])
    # Biggest first, so small markers stay visible on top of large ones.
    ordered = sorted(markers, key=lambda m: -m["fatalities"])
    raw = []
    for m in ordered:
        x, y = view.project(m["lon"], m["lat"])
        raw.append((x, y, marker_radius(m["fatalities"], scale_max)))
    placed = spread(raw)
    drawn = [
        Marker(
            p.x,
            p.y,
            r,
            type_colour(m["event_type"]),
            marker_title(m),
            href(m),
            (round(x, 1), round(y, 1)) if p.moved else None,
            m["fatalities"] == 0,
        )
        for m, (x, y, r), p in zip(ordered, raw, placed, strict=True)
    ]
    # Place labels keep clear of the country names; region names give way to place labels.
    taken = [_name_box(c.label, c.name, 3.6) for c in land if c.label]
    labels = place_labels(
        [(k.x, k.y, k.r, m.get("location") or "") for k, m in zip(drawn, ordered, strict=True)],
        width,
        height,
        taken,
    )
    if span < ADMIN1_LABELS_BELOW_DEGREES:
        placed_boxes = [
            (
                lab.x if lab.anchor == "start" else lab.x - len(lab.text) * 6.6,
                lab.y - 11,
                lab.x + len(lab.text) * 6.6 if lab.anchor == "start" else lab.x,
                lab.y + 3,
            )
            for lab in labels
        ]
        regions = [
            replace(r, label=None)
            if r.label
            and any(_boxes_meet(_name_box(r.label, r.name, 3.0), b) for b in placed_boxes)
            else r
            for r in regions
        ]
    sizes = sorted({_nice(scale_max / 25), _nice(scale_max / 4), _nice(scale_max)})
    return MapModel(
        width,
        height,
        land,
        regions,
        span < ADMIN1_LABELS_BELOW_DEGREES,
        drawn,
        labels,
        legend([m["event_type"] for m in markers]),
        [(n, marker_radius(n, scale_max)) for n in sizes],
        scale_bar(KM_PER_DEGREE / view.scale),
        _controls(view, nav, area is not None),
        len(drawn),
        unlocated,
        outside,
        show_all,
    )


def _name_box(
    at: tuple[float, float], name: str, half_char: float
) -> tuple[float, float, float, float]:
    """The box a centred map name covers (``half_char``: half a character's width in px)."""
    x, y = at
    return (x - len(name) * half_char, y - 10, x + len(name) * half_char, y + 4)


def _boxes_meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _controls(
    view: Viewport, nav: Callable[[Box | None], str] | None, zoomed: bool
) -> list[Control]:
    if nav is None:
        return []
    box = (view.west, view.south, view.east, view.north)
    out = [
        Control("+", "Zoom in", nav(zoom_box(box, 0.5))),
        Control("−", "Zoom out", nav(zoom_box(box, 2.0))),
    ]
    if zoomed:
        out += [
            Control("↑", "Pan north", nav(pan_box(box, 0, 0.4))),
            Control("←", "Pan west", nav(pan_box(box, -0.4, 0))),
            Control("→", "Pan east", nav(pan_box(box, 0.4, 0))),
            Control("↓", "Pan south", nav(pan_box(box, 0, -0.4))),
            Control("⤢", "Fit to the events", nav(None)),
        ]
    return out


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
    bucket: str  # day | week | month | year
    ticks: list[tuple[float, str]]
    max_events: int
    max_fatalities: int
    empty: bool
    slots: list[tuple[str, str]]  # (since, until) of every slot, left to right: for the brush


MAX_SLOTS = 120  # bars narrower than ~4 px stop being readable
MIN_SLOTS = 15  # a short span is drawn amid empty slots, never as one full-width bar
MAX_BAR_PX = 28.0
_PER_BUCKET = (("day", 1), ("week", 7), ("month", 30.44), ("year", 365.25))


def pick_bucket(first: date, last: date) -> str:
    """The finest of day, week, month, year giving at most MAX_SLOTS bars over the span."""
    days = (last - first).days + 1
    for name, length in _PER_BUCKET:
        if days / length <= MAX_SLOTS:
            return name
    return "year"


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    if bucket == "year":
        return day.replace(month=1, day=1)
    return day


def next_bucket(day: date, bucket: str) -> date:
    """The start of the slot after the one starting on ``day``."""
    if bucket == "week":
        return day + timedelta(days=7)
    if bucket == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if bucket == "year":
        return date(day.year + 1, 1, 1)
    return day + timedelta(days=1)


def _prev_bucket(day: date, bucket: str) -> date:
    return bucket_start(day - timedelta(days=1), bucket)


_TICK_FORMAT = {"day": "%d %b", "week": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
_BAR_LABEL = {"day": "{}", "week": "week of {}", "month": "{}", "year": "{}"}


def _slot_label(start: date, bucket: str) -> str:
    if bucket == "month":
        return start.strftime("%B %Y")
    if bucket == "year":
        return str(start.year)
    return _BAR_LABEL[bucket].format(start.isoformat())


def timeline_model(
    rows: Sequence[dict[str, Any]], *, width: int = 440, panel: int = 80
) -> TimelineModel:
    """Two aligned bar panels (events, fatalities) per day, week, month or year: whichever
    fits the span. Short spans are centred among empty slots so bars keep a sane width."""
    days = []
    for r in rows:
        try:
            days.append((date.fromisoformat(r["day"][:10]), r["events"], r["fatalities"]))
        except (TypeError, ValueError):
            continue  # an event date the store could not normalise is left off the chart
    if not days:
        return TimelineModel(width, panel, [], "day", [], 0, 0, True, [])
    days.sort()
    first, last = days[0][0], days[-1][0]
    bucket = pick_bucket(first, last)
    totals: dict[date, list[int]] = {}
    for d, n, fat in days:
        t = totals.setdefault(bucket_start(d, bucket), [0, 0])
        t[0] += n
        t[1] += fat
    starts = [bucket_start(first, bucket)]
    while starts[-1] < bucket_start(last, bucket):
        starts.append(next_bucket(starts[-1], bucket))
    while len(starts) < MIN_SLOTS:  # pad both sides with empty slots
        starts.insert(0, _prev_bucket(starts[0], bucket))
        if len(starts) < MIN_SLOTS:
            starts.append(next_bucket(starts[-1], bucket))
    slot_w = width / len(starts)
    bar_w = min(max(slot_w - (1 if slot_w > 3 else 0), 0.8), MAX_BAR_PX)
    max_e = max(t[0] for t in totals.values())
    max_f = max(t[1] for t in totals.values())
    slots = [
        (s.isoformat(), (next_bucket(s, bucket) - timedelta(days=1)).isoformat()) for s in starts
    ]
    bars = []
    for i, start in enumerate(starts):
        if start not in totals:
            continue
        n, fat = totals[start]
        bars.append(
            Bar(
                x=round(i * slot_w + (slot_w - bar_w) / 2, 2),
                width=round(bar_w, 2),
                h_events=round(panel * n / max_e, 1) if max_e else 0,
                h_fatalities=round(panel * fat / max_f, 1) if max_f else 0,
                label=_slot_label(start, bucket),
                since=slots[i][0],
                until=slots[i][1],
                events=n,
                fatalities=fat,
            )
        )
    n_ticks = min(6, len(starts))
    ticks = []
    for k in range(n_ticks):
        i = round(k * (len(starts) - 1) / max(n_ticks - 1, 1))
        ticks.append((round((i + 0.5) * slot_w, 1), starts[i].strftime(_TICK_FORMAT[bucket])))
    return TimelineModel(width, panel, bars, bucket, ticks, max_e, max_f, False, slots)
