"""`wartrace list`: events or articles picked by the dashboard's own filters.

The filters are parsed by ``filters.parse_filters`` exactly as the overview's URL is, so a
command line and a dashboard link with the same values show the same events.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from wartrace.web import queries
from wartrace.web.filters import Filters, parse_filters

EVENT_FIELDS = ("event_id", "event_date", "event_type", "location", "country", "fatalities")
ARTICLE_FIELDS = ("article_id", "published", "language", "outlet", "events", "title")


def parse(params: Mapping[str, str | None]) -> tuple[Filters, list[str]]:
    """Filters from option values (None = not given), checked like the dashboard's URL."""
    return parse_filters({k: v for k, v in params.items() if v is not None})


def list_events(conn: sqlite3.Connection, f: Filters, limit: int) -> list[dict[str, Any]]:
    """The matching events in the filters' sort order, at most ``limit``."""
    sel = queries.selection(conn, f, queries.has_fts(conn))
    rows = queries.event_page(conn, replace(f, page=1, per_page=limit), sel)
    return [{k: r.get(k) for k in (*EVENT_FIELDS, "actor1", "actor2", "sources")} for r in rows]


def list_articles(conn: sqlite3.Connection, f: Filters, limit: int) -> list[dict[str, Any]]:
    """Articles behind the matching events (every article when no event filter is set).

    Language and outlet apply to the article itself, as a reader expects of an article list.
    """
    event_filter = replace(f, language=None, outlet=None)
    clauses, params = [], []
    if not event_filter.is_empty():
        sel_sql, sel_params = queries.selection(conn, event_filter, queries.has_fts(conn))
        clauses.append(
            "a.article_id IN (SELECT r.article_id FROM reports r JOIN events e"
            f" ON e.event_id = r.event_id WHERE {sel_sql})"
        )
        params += sel_params
    if f.language:
        clauses.append("a.language = ?")
        params.append(f.language)
    if f.outlet:
        clauses.append("coalesce(a.outlet, a.text_outlet) = ?")
        params.append(f.outlet)
    where = " AND ".join(clauses) or "1"
    order = (
        "a.published ASC, a.article_id"
        if f.sort == "date_asc"
        else "a.published DESC, a.article_id"
    )
    sql = (
        "SELECT a.article_id, coalesce(a.published, a.printed_date) AS published, a.language,"
        " coalesce(a.outlet, a.text_outlet) AS outlet, coalesce(a.title, a.headline) AS title,"
        " (SELECT count(DISTINCT r.event_id) FROM reports r WHERE r.article_id = a.article_id)"
        f" AS events FROM articles a WHERE {where} ORDER BY {order} LIMIT ?"
    )
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute(sql, [*params, limit])]
