"""Search helpers: other names of a searched place (Palmyra finds Tadmur), and the passage
of an article that matched, with the hits marked.

The place names come from the offline gazetteer the pipeline geocodes with, so a search
matches what geocoding matched: every exonym and transliteration it knows.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from wartrace.web.filters import fts_query

NEAR_DEGREES = 0.03  # an event this close to a searched town is at that town (~3 km)
MAX_PLACES = 12
_HIT_OPEN, _HIT_CLOSE = "\x02", "\x03"  # snippet() markers: control characters never in text
_lock = threading.Lock()
_gazetteer: list[Any] = []


@dataclass(frozen=True, slots=True)
class PlaceHit:
    name: str
    kind: str  # point | admin1
    lat: float | None
    lon: float | None


def _shared_gazetteer() -> Any:
    with _lock:
        if not _gazetteer:
            from wartrace.geo import gazetteer

            _gazetteer.append(gazetteer.shared())
        return _gazetteer[0]


def warm_up() -> None:
    """Load the gazetteer ahead of the first search (best effort: search works without)."""
    try:
        _shared_gazetteer()
    except Exception:  # a missing cache only costs the first search its time
        return


def place_hits(q: str, gaz: Any = None) -> list[PlaceHit]:
    """Places the search text names, as a whole or word by word, under any of their names."""
    gaz = gaz if gaz is not None else _shared_gazetteer()
    words = [w.rstrip("*") for w in re.findall(r"[\w'’-]+\*?", q)]
    candidates = [q.strip().rstrip("*"), *words] if len(words) > 1 else words
    out: list[PlaceHit] = []
    seen: set[tuple[str, str]] = set()
    for text in candidates:
        if len(text) < 3:
            continue
        for i in gaz.lookup(text):
            place = gaz.places[i]
            if place.kind == "admin1":
                hit = PlaceHit(place.name, "admin1", None, None)
            elif place.kind in ("country", "admin2") or place.lat is None or place.lon is None:
                continue
            else:
                hit = PlaceHit(place.name, "point", place.lat, place.lon)
            key = (hit.name, hit.kind)
            if key not in seen:
                seen.add(key)
                out.append(hit)
            if len(out) >= MAX_PLACES:
                return out
    return out


def place_clause(hits: list[PlaceHit]) -> tuple[str, list[Any]]:
    """SQL (over ``events e``) for events at or in any of ``hits``; ("0", []) when none."""
    parts: list[str] = []
    params: list[Any] = []
    for h in hits:
        if h.kind == "admin1":
            parts.append("e.admin1 = ? COLLATE NOCASE")
            params.append(h.name)
        else:
            parts.append(
                "(e.location = ? COLLATE NOCASE OR (e.latitude BETWEEN ? AND ?"
                " AND e.longitude BETWEEN ? AND ?))"
            )
            assert h.lat is not None and h.lon is not None
            params += [
                h.name,
                h.lat - NEAR_DEGREES,
                h.lat + NEAR_DEGREES,
                h.lon - NEAR_DEGREES,
                h.lon + NEAR_DEGREES,
            ]
    return (" OR ".join(parts) or "0"), params


def snippets(conn: sqlite3.Connection, event_ids: list[str], q: str) -> dict[str, Markup]:
    """For each event, the passage of one of its articles that matches ``q``, hits marked."""
    query = fts_query(q)
    if not query or not event_ids:
        return {}
    out: dict[str, Markup] = {}
    for event_id in event_ids:
        row = conn.execute(
            "SELECT snippet(articles_fts, 2, ?, ?, '…', 14) FROM articles_fts"
            " WHERE articles_fts MATCH ? AND rowid IN (SELECT a.rowid FROM articles a"
            " JOIN reports r ON r.article_id = a.article_id WHERE r.event_id = ?) LIMIT 1",
            [_HIT_OPEN, _HIT_CLOSE, query, event_id],
        ).fetchone()
        if row and row[0]:
            out[event_id] = mark_hits(row[0])
    return out


def mark_hits(text: str) -> Markup:
    """Escape ``text`` and turn the snippet's hit markers into <mark> elements."""
    safe = str(escape(" ".join(text.split())))
    return Markup(safe.replace(_HIT_OPEN, "<mark>").replace(_HIT_CLOSE, "</mark>"))
