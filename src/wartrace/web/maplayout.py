"""Map layout in plain numbers: which box to show, where markers go when they overlap, which
labels fit, how long the scale bar is, and the boxes of the zoom and pan controls."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # west, south, east, north in degrees

KM_PER_DEGREE = 111.32
CORE_SHARE = 0.9  # the view fits the events nearest their middle that make up this share
OUTLIER_AREA = 0.25  # ... when their box is under this fraction of the box of all events


@dataclass(frozen=True, slots=True)
class Fit:
    box: Box | None
    outside: int  # events left outside ``box`` (far-off outliers)
    full: Box | None  # the box of every located event


def _box(points: Sequence[tuple[float, float, int]]) -> Box:
    return (
        min(p[0] for p in points),
        min(p[1] for p in points),
        max(p[0] for p in points),
        max(p[1] for p in points),
    )


def _area(b: Box, min_span: float) -> float:
    return max(b[2] - b[0], min_span) * max(b[3] - b[1], min_span)


def robust_fit(points: Sequence[tuple[float, float, int]], min_span: float = 2.0) -> Fit:
    """The box to show for (lon, lat, events) points, leaving out far-off outliers.

    Points are taken nearest-first from the events' weighted median until CORE_SHARE of
    the events are in; if their box is much smaller than the box of all points, the rest
    are outliers that would stretch the map over empty land, and are counted instead.
    """
    if not points:
        return Fit(None, 0, None)
    full = _box(points)
    total = sum(p[2] for p in points)
    if len(points) < 3:
        return Fit(full, 0, full)
    mlon = _weighted_median([(p[0], p[2]) for p in points])
    mlat = _weighted_median([(p[1], p[2]) for p in points])
    kx = math.cos(math.radians(mlat))
    ordered = sorted(points, key=lambda p: ((p[0] - mlon) * kx) ** 2 + (p[1] - mlat) ** 2)
    core: list[tuple[float, float, int]] = []
    count = 0
    for p in ordered:
        core.append(p)
        count += p[2]
        if count >= CORE_SHARE * total:
            break
    core_box = _box(core)
    if len(core) < len(points) and _area(core_box, min_span) < OUTLIER_AREA * _area(full, min_span):
        return Fit(core_box, total - count, full)
    return Fit(full, 0, full)


def _weighted_median(values: Sequence[tuple[float, int]]) -> float:
    ordered = sorted(values)
    half = sum(w for _, w in ordered) / 2
    run = 0
    for v, w in ordered:
        run += w
        if run >= half:
            return v
    return ordered[-1][0]


def zoom_box(view: Box, factor: float) -> Box:
    """``view`` scaled around its centre (factor < 1 zooms in), clamped to the globe."""
    w, s, e, n = view
    cx, cy = (w + e) / 2, (s + n) / 2
    hw, hh = (e - w) * factor / 2, (n - s) * factor / 2
    return _clamp((cx - hw, cy - hh, cx + hw, cy + hh))


def pan_box(view: Box, dx: float, dy: float) -> Box:
    """``view`` moved by fractions of its width (dx, east) and height (dy, north)."""
    w, s, e, n = view
    mx, my = (e - w) * dx, (n - s) * dy
    return _clamp((w + mx, s + my, e + mx, n + my))


def _clamp(b: Box) -> Box:
    w, s, e, n = b
    w, e = max(w, -180.0), min(e, 180.0)
    s, n = max(s, -90.0), min(n, 90.0)
    if e - w < 0.01:
        e = min(w + 0.01, 180.0)
    if n - s < 0.01:
        n = min(s + 0.01, 90.0)
    return (round(w, 3), round(s, 3), round(e, 3), round(n, 3))


def nice_distance(km: float) -> float:
    """The largest of 1, 2, 5 x 10^k not above ``km``."""
    if km <= 0:
        return 0.0
    exp = 10 ** math.floor(math.log10(km))
    return max(k * exp for k in (1, 2, 5) if k * exp <= km)


def scale_bar(km_per_px: float, target_px: float = 110) -> tuple[float, str]:
    """(length in px, label) of a scale bar near ``target_px`` long."""
    km = nice_distance(km_per_px * target_px)
    if km <= 0:
        return 0.0, ""
    label = f"{km:g} km" if km >= 1 else f"{km * 1000:g} m"
    return round(km / km_per_px, 1), label


@dataclass(frozen=True, slots=True)
class Placed:
    x: float
    y: float
    moved: bool  # drawn away from its true place, with a leader line back


def spread(points: Sequence[tuple[float, float, float]], max_group: int = 16) -> list[Placed]:
    """Positions for (x, y, r) markers so that markers on top of each other fan out.

    Markers whose circles overlap by more than half are grouped (transitively); a group of
    up to ``max_group`` is laid out on a ring around its middle. Bigger groups stay put: the
    map is too far out for them, and clicking zooms in.
    """
    n = len(points)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        xi, yi, ri = points[i]
        for j in range(i + 1, n):
            xj, yj, rj = points[j]
            if math.hypot(xi - xj, yi - yj) < 0.5 * (ri + rj) + 2:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    out = [Placed(p[0], p[1], False) for p in points]
    for members in groups.values():
        if len(members) < 2 or len(members) > max_group:
            continue
        cx = sum(points[i][0] for i in members) / len(members)
        cy = sum(points[i][1] for i in members) / len(members)
        biggest = max(points[i][2] for i in members)
        # Ring long enough for every circle side by side.
        ring = max(sum(2 * points[i][2] + 3 for i in members) / (2 * math.pi), biggest + 4)
        for k, i in enumerate(members):
            angle = -math.pi / 2 + 2 * math.pi * k / len(members)
            out[i] = Placed(
                round(cx + ring * math.cos(angle), 1), round(cy + ring * math.sin(angle), 1), True
            )
    return out


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str  # start | end


def place_labels(
    items: Sequence[tuple[float, float, float, str]],
    width: float,
    height: float,
    taken: Sequence[tuple[float, float, float, float]] = (),
    limit: int = 14,
    char_px: float = 6.6,
) -> list[Label]:
    """Labels for (x, y, r, text) markers, most important first, that overlap nothing placed.

    Each label goes right of its marker, or left when that does not fit.
    """
    boxes = list(taken)
    out: list[Label] = []
    seen: set[str] = set()
    for x, y, r, text in items:
        if len(out) >= limit:
            break
        if not text or text in seen:
            continue
        w, h = len(text) * char_px, 14.0
        for anchor, x0 in (("start", x + r + 3), ("end", x - r - 3 - w)):
            box = (x0, y - h / 2, x0 + w, y + h / 2)
            if box[0] < 2 or box[2] > width - 2 or box[1] < 2 or box[3] > height - 2:
                continue
            if any(_overlap(box, b) for b in boxes):
                continue
            boxes.append(box)
            seen.add(text)
            lx = x + r + 3 if anchor == "start" else x - r - 3
            out.append(Label(round(lx, 1), round(y + 4, 1), text, anchor))
            break
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
