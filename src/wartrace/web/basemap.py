"""An offline base map: Natural Earth country borders, projected to SVG paths.

The borders are world-atlas 2.0.2's ``countries-50m.json`` (TopoJSON of Natural
Earth 1:50m admin-0 boundaries, public domain; see ``data/basemap/ATTRIBUTION.txt``),
decoded here so that no tile server, CDN or extra dependency is needed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TypeVar

Ring = list[tuple[float, float]]  # (lon, lat) points

BASEMAP_FILE = "countries-50m.json"


@dataclass(frozen=True, slots=True)
class Country:
    iso_numeric: int | None
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    bbox: tuple[float, float, float, float]  # west, south, east, north
    label_at: tuple[float, float]  # (lon, lat) inside the largest ring, for the name


@dataclass(frozen=True, slots=True)
class Viewport:
    """An equirectangular projection of a lon/lat box onto a ``width`` x ``height`` SVG."""

    west: float
    south: float
    east: float
    north: float
    width: int
    height: int

    @property
    def kx(self) -> float:
        # Shrink longitudes by the cosine of the middle latitude: right shapes near it.
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        return self.height / (self.north - self.south)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        s = self.scale
        return (lon - self.west) * self.kx * s, (self.north - lat) * s

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def fit_viewport(
    bounds: tuple[float, float, float, float] | None,
    width: int,
    height: int,
    *,
    pad: float = 0.12,
    min_span: float = 2.0,
) -> Viewport:
    """The smallest view of ``width``:``height`` showing ``bounds`` (west, south, east, north)."""
    if bounds is None:
        bounds = (-170.0, -58.0, 180.0, 78.0)
    west, south, east, north = bounds
    cx, cy = (west + east) / 2, (south + north) / 2
    half_w = max((east - west) * (1 + pad), min_span) / 2
    half_h = max((north - south) * (1 + pad), min_span) / 2
    kx = math.cos(math.radians(max(min(cy, 80.0), -80.0)))
    # Widen whichever side is short so the box has the SVG's aspect ratio.
    aspect = width / height
    if half_w * kx / half_h < aspect:
        half_w = half_h * aspect / kx
    else:
        half_h = half_w * kx / aspect
    south, north = max(cy - half_h, -89.0), min(cy + half_h, 89.0)
    return Viewport(cx - half_w, south, cx + half_w, north, width, height)


def _decode_arcs(topo: dict) -> list[Ring]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:  # delta-encoded, quantised positions
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: Sequence[int]) -> tuple[tuple[float, float], ...]:
    points: Ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return tuple(points)


def _centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, tuple[float, float]]:
    """(absolute area, centroid) of a ring, by the shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0]
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def _polygons(geometry: dict) -> Iterable[Sequence[Sequence[int]]]:
    if geometry.get("type") == "Polygon":
        yield geometry["arcs"]
    elif geometry.get("type") == "MultiPolygon":
        yield from geometry["arcs"]


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the base map, decoded once."""
    raw = (resources.files("wartrace.web") / "data" / "basemap" / BASEMAP_FILE).read_text(
        encoding="utf-8"
    )
    topo = json.loads(raw)
    arcs = _decode_arcs(topo)
    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        rings = tuple(_ring(arcs, ring) for poly in _polygons(geometry) for ring in poly)
        if not rings:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        ident = geometry.get("id")
        _, label_at = max((_centroid(r) for r in rings), key=lambda c: c[0])
        out.append(
            Country(
                iso_numeric=int(ident) if ident and str(ident).isdigit() else None,
                name=str(geometry.get("properties", {}).get("name", "")),
                rings=rings,
                bbox=(min(lons), min(lats), max(lons), max(lats)),
                label_at=label_at,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CountryShape:
    iso_numeric: int | None
    name: str
    path: str  # SVG path data in the viewport's pixels
    label: tuple[float, float] | None  # where to write the name, if it fits in the view


def _path(view: Viewport, rings: Iterable[Sequence[tuple[float, float]]]) -> str:
    parts: list[str] = []
    for ring in rings:
        pts: list[str] = []
        last: tuple[float, float] | None = None
        for lon, lat in ring:
            x, y = view.project(lon, lat)
            # Drop points under a pixel apart: same look, a fraction of the bytes.
            if last is not None and abs(x - last[0]) < 0.8 and abs(y - last[1]) < 0.8:
                continue
            last = (x, y)
            pts.append(f"{x:.1f} {y:.1f}")
        if len(pts) >= 3:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)


_Shaped = TypeVar("_Shaped", "Country", "Region")


def _meeting(view: Viewport, shapes: Iterable[_Shaped]) -> Iterator[_Shaped]:
    """The shapes whose bounding box meets the viewport."""
    for shape in shapes:
        w, s, e, n = shape.bbox
        if not (e < view.west or w > view.east or n < view.south or s > view.north):
            yield shape


@lru_cache(maxsize=64)
def country_shapes(view: Viewport) -> tuple[CountryShape, ...]:
    """The countries that meet the viewport, as SVG paths (cached per viewport)."""
    out = []
    for c in _meeting(view, countries()):
        path = _path(view, c.rings)
        if path:
            out.append(CountryShape(c.iso_numeric, c.name, path, _label(view, c)))
    return tuple(out)


def _label(view: Viewport, c: Country) -> tuple[float, float] | None:
    """The name's place, for countries big enough on screen and with their middle in view."""
    w, s, e, n = c.bbox
    x0, _ = view.project(w, s)
    x1, _ = view.project(e, n)
    lon, lat = c.label_at
    if x1 - x0 < 60 or not view.contains(lon, lat):
        return None
    x, y = view.project(lon, lat)
    if not (30 < x < view.width - 30 and 12 < y < view.height - 8):
        return None
    return round(x, 1), round(y, 1)


# --- first-level divisions (drawn when the view is close enough to need them) -------------

ADMIN1_FILE = "admin1.json.gz"


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    country: str | None
    rings: tuple[tuple[tuple[float, float], ...], ...]
    bbox: tuple[float, float, float, float]
    label_at: tuple[float, float] | None


@cache
def regions() -> tuple[Region, ...]:
    """Natural Earth's admin-1 regions (see tools/build_admin1.py), decoded once."""
    import gzip

    raw = (resources.files("wartrace.web") / "data" / "basemap" / ADMIN1_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    quant = float(data["quant"])
    out = []
    for r in data["regions"]:
        rings = []
        for enc in r["rings"]:
            x = y = 0
            pts = []
            for i in range(0, len(enc), 2):  # delta-encoded integer thousandths of a degree
                x += enc[i]
                y += enc[i + 1]
                pts.append((x / quant, y / quant))
            rings.append(tuple(pts))
        lons = [p[0] for ring in rings for p in ring]
        lats = [p[1] for ring in rings for p in ring]
        lon, lat = r.get("label") or (None, None)
        out.append(
            Region(
                code=str(r.get("code") or ""),
                name=str(r.get("name") or ""),
                country=r.get("country"),
                rings=tuple(rings),
                bbox=(min(lons), min(lats), max(lons), max(lats)),
                label_at=(float(lon), float(lat)) if lon is not None and lat is not None else None,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class RegionShape:
    name: str
    path: str
    label: tuple[float, float] | None


@lru_cache(maxsize=64)
def region_shapes(view: Viewport) -> tuple[RegionShape, ...]:
    """The admin-1 outlines meeting the viewport, with a name where the region is big enough."""
    out = []
    for r in _meeting(view, regions()):
        w, s, e, n = r.bbox
        path = _path(view, r.rings)
        if not path:
            continue
        label = None
        x0, _ = view.project(w, s)
        x1, _ = view.project(e, n)
        if r.label_at and x1 - x0 > 70 and view.contains(*r.label_at):
            x, y = view.project(*r.label_at)
            half = len(r.name) * 3.0  # about half the name's width at the label's size
            if half + 4 < x < view.width - half - 4 and 12 < y < view.height - 8:
                label = (round(x, 1), round(y, 1))
        out.append(RegionShape(r.name, path, label))
    return tuple(out)
