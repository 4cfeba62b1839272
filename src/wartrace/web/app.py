"""The analyst's dashboard and JSON API over one wartrace store (FastAPI).

Read-only by default: the database is opened with SQLite's ``mode=ro`` URI and
``query_only``, so the web process can never change the data it shows.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from wartrace.web import basemap, charts, eventview, queries, search
from wartrace.web.filters import Filters, active_chips, parse_filters, with_params
from wartrace.web.render import render
from wartrace.web.sidebyside import side_by_side, similarity_help

EXPORT_FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}
# No inline script or style anywhere: a script smuggled into the page could not run even
# if escaping failed. Assets come from this server only.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'"
)
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"


class FilterQuery(BaseModel):
    """The filters every list endpoint takes (the same names as the overview's URL).

    Declared for the OpenAPI description; the values are read and checked by
    ``filters.parse_filters``, which answers 400 with every problem found.
    """

    since: str | None = Field(None, description="First event date, YYYY-MM-DD")
    until: str | None = Field(None, description="Last event date, YYYY-MM-DD")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
    admin1: str | None = Field(None, description="First-level division, as stored")
    actor: str | None = Field(None, description="Actor 1 or 2 (case-insensitive)")
    event_type: str | None = Field(None, description="ACLED event type")
    language: str | None = Field(None, description="Language of a reporting article")
    outlet: str | None = Field(None, description="Outlet of a reporting article")
    q: str | None = Field(None, description="Words in the articles or event (word* = prefix)")
    bbox: str | None = Field(None, description="west,south,east,north in degrees")


class PageQuery(FilterQuery):
    page: int = Field(1, ge=1, description="Page number, from 1")
    per_page: int = Field(
        25, ge=1, le=200, description="Events per page: 25, 50, 100 or 200 (others round to these)"
    )
    sort: str = Field(
        "date",
        pattern="^(date|date_asc|fatalities)$",
        description="date (newest first), date_asc (oldest first) or fatalities (deadliest first)",
    )


class Store:
    """One SQLite connection per worker thread, opened read-only unless told otherwise."""

    def __init__(self, db_path: str, read_only: bool) -> None:
        path = Path(db_path)
        if read_only and not path.is_file():
            raise FileNotFoundError(f"no wartrace database at {db_path}")
        self.path = path.resolve()
        self.read_only = read_only
        self._local = threading.local()
        self._facets: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._selections: dict[tuple[Any, ...], str] = {}
        with self.connect() as conn:  # fail now, with a clear message, if it is not a store
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"events", "articles", "reports", "claims"} <= tables:
                raise ValueError(f"{db_path} is not a wartrace database (no events table)")
            self.fts = queries.has_fts(conn)

    def _open(self) -> sqlite3.Connection:
        if self.read_only:
            from wartrace.store import access

            conn = access.open_read_only(self.path)  # works in a read-only folder too
        else:
            from wartrace.store import db

            conn = db.connect(self.path)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MB per connection
        conn.execute("PRAGMA mmap_size = 268435456")
        return conn

    def connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
        return conn

    def version(self) -> tuple[int, ...]:
        """Changes whenever the database is written (by the pipeline, in another process)."""
        stamps = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(str(self.path) + suffix)
                stamps += [st.st_mtime_ns, st.st_size]
            except OSError:
                stamps += [0, 0]
        return tuple(stamps)

    def selection(self, f: Filters) -> queries.Selection:
        return queries.selection(self.connect(), f, self.fts, self._selections, self.version())

    def facets(self, country: str | None) -> dict[str, Any]:
        key = (self.version(), country)
        if key not in self._facets:
            if len(self._facets) > 32:
                self._facets.clear()
            self._facets[key] = queries.facets(self.connect(), country)
        return self._facets[key]


# Longest URL (path and query) answered; longer ones get 414. The server must accept
# request lines at least this long for the app to see them (see ``SERVER_LINE_LIMIT``).
MAX_URL_BYTES = 64 * 1024
SERVER_LINE_LIMIT = 4 * MAX_URL_BYTES


class UrlLimit:
    """Answer 414 to an over-long URL before any route parses it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            if size > MAX_URL_BYTES:
                response = Response(
                    f"URL longer than {MAX_URL_BYTES} bytes",
                    status_code=414,
                    media_type="text/plain",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if not request.url.path.startswith("/api/openapi"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _filters_or_400(request: Request) -> Filters:
    f, errors = parse_filters(request.query_params)
    if errors:
        raise HTTPException(status_code=400, detail=errors)
    return f


def _marker_href(f: Filters) -> Callable[[dict[str, Any]], str]:
    base = f.query(bbox=None, page=1)

    def href(m: dict[str, Any]) -> str:
        if m["events"] == 1 and m["event_id"]:
            return "/events/" + quote(m["event_id"], safe="")
        d = 0.05  # zoom onto the place: the map fits itself around what is left
        box = (
            max(m["lon"] - d, -180.0),
            max(m["lat"] - d, -90.0),
            min(m["lon"] + d, 180.0),
            min(m["lat"] + d, 90.0),
        )
        return with_params(base, bbox=",".join(f"{v:.3f}" for v in box))

    return href


def _map_nav(f: Filters) -> Callable[[tuple[float, float, float, float] | None], str]:
    """Links of the map's zoom and pan controls: the map area is a filter like any other."""
    base = f.query(bbox=None, page=1)

    def nav(box: tuple[float, float, float, float] | None) -> str:
        if box is None:
            return "/?" + base if base else "/"
        return with_params(base, bbox=",".join(f"{v:g}" for v in box)) + "#map-h"

    return nav


def _bar_href(f: Filters) -> Callable[[charts.Bar], str]:
    base = f.query(since=None, until=None, page=1)
    return lambda b: with_params(base, since=b.since, until=b.until)


def overview_data(store: Store, f: Filters) -> dict[str, Any]:
    conn = store.connect()
    sel = store.selection(f)
    ov = queries.overview(conn, sel)
    s = ov.summary
    markers = queries.map_markers(conn, sel, s)
    iso = queries.numeric_to_iso()
    return {
        "summary": s,
        "markers": markers,
        "timeline": ov.timeline,
        "events": queries.event_page(conn, f, sel) if s["events"] else [],
        "pages": max(1, math.ceil(s["events"] / f.per_page)),
        "active": {num for num, code in iso.items() if code in ov.countries},
    }


def create_app(db_path: str, *, read_only: bool = True) -> FastAPI:
    """The dashboard and API for the store at ``db_path``."""
    store = Store(db_path, read_only)
    basemap.countries()  # decode the borders now, not during the first visitor's request
    # The admin-1 borders and the gazetteer (for place-name search) take a few seconds to
    # load: do it while the server starts, not during a visitor's request.
    threading.Thread(target=basemap.regions, daemon=True).start()
    threading.Thread(target=search.warm_up, daemon=True).start()
    app = FastAPI(
        title="wartrace",
        summary="Conflict events read from the news: dashboard and JSON API.",
        version="1",
        docs_url=None,  # Swagger UI loads from a CDN; the network may be closed
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    app.add_middleware(UrlLimit)
    static = Path(__file__).parent / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")

    # --- pages -------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        f, errors = parse_filters(request.query_params)
        data = overview_data(store, f)
        s = data["summary"]
        map_ = charts.map_model(
            data["markers"],
            queries.bounds(s),
            data["active"],
            _marker_href(f),
            unlocated=s["events"] - s["located"],
            area=f.bbox,
            nav=_map_nav(f),
        )
        html = render(
            "overview.html",
            f=f,
            errors=errors,
            s=s,
            map=map_,
            timeline=charts.timeline_model(data["timeline"]),
            bar_href=_bar_href(f),
            brush_base=f.query(since=None, until=None, page=1),
            events=data["events"],
            snippets=search.snippets(
                store.connect(), [e["event_id"] for e in data["events"]], f.q or ""
            )
            if f.q and store.fts
            else {},
            chips=active_chips(f),
            pages=data["pages"],
            facets=store.facets(f.country),
            fts=store.fts,
            read_only=store.read_only,
        )
        return HTMLResponse(html)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        conn = store.connect()
        event = queries.event_detail(conn, event_id)
        if event is None:
            return _not_found(f"No event {event_id!r} in this database.")
        texts = queries.article_texts(conn, (c["article_id"] for c in event["claims"]))
        for c in event["claims"]:
            text = texts.get(c["article_id"], "")
            c["before"], c["quote"], c["after"] = eventview.claim_context(
                text, c["start"], c["end"]
            )
            c["status_text"] = eventview.claim_status(c, event["reports"])
        locator = None
        if event["latitude"] is not None and event["longitude"] is not None:
            lat, lon = event["latitude"], event["longitude"]
            spot = {
                "lat": lat,
                "lon": lon,
                "events": 1,
                "fatalities": event["fatalities"] or 0,
                "event_type": event["event_type"],
                "location": event["location"],
                "event_id": None,
            }
            locator = charts.map_model(
                [spot],
                None,
                [],
                lambda _: None,
                area=(lon - 4, lat - 2.5, lon + 4, lat + 2.5),
                width=360,
                height=230,
            )
        html = render(
            "event.html",
            e=event,
            notes=eventview.clean_notes(event["notes"]),
            sides=eventview.side_breakdown(event["claims"]),
            locator=locator,
        )
        return HTMLResponse(html)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        conn = store.connect()
        art = queries.article_detail(conn, article_id)
        if art is None:
            return _not_found(f"No article {article_id!r} in this database.")
        sbs = None
        if art["parent"] is not None:
            source = queries.article_texts(conn, [art["parent"].article_id])
            if source:
                sbs = side_by_side(
                    art["alignment"], source[art["parent"].article_id], art["raw_text"]
                )
        return HTMLResponse(render("article.html", a=art, sbs=sbs, similarity_help=similarity_help))

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request) -> HTMLResponse:
        from wartrace.web.report import build_report

        f, errors = parse_filters(request.query_params)
        if errors:
            return _not_found("; ".join(errors), status=400)
        since = (
            f.since
            or queries.overview(store.connect(), store.selection(Filters())).summary["first_date"]
            or "0001-01-01"
        )
        if f.until and not f.since and f.until < since:
            since = f.until  # a period before the first event: an empty report, not an error
        try:
            html = build_report(store.connect(), since, f.until).html
        except ValueError as exc:
            return _not_found(str(exc), status=400)
        # The report inlines its CSS (it must stand alone as a file) and has no script.
        return HTMLResponse(html, headers={"Content-Security-Policy": REPORT_CSP})

    @app.get("/export.{fmt}", include_in_schema=False)
    def export_page(fmt: str, request: Request) -> Response:
        return _export(store, fmt, _filters_or_400(request))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page() -> HTMLResponse:
        return HTMLResponse(render("api.html", spec=app.openapi()))

    # --- JSON API ------------------------------------------------------------------------

    filter_doc = (
        "Filters (all optional, combined with AND): since, until (YYYY-MM-DD), country (ISO"
        " alpha-2), admin1, actor, event_type, language, outlet, q (full-text words; a"
        " trailing * searches a prefix), bbox (west,south,east,north)."
    )

    @app.get(
        "/api/overview",
        tags=["events"],
        summary="Overview of the filtered events",
        description=filter_doc + " Example: `/api/overview?country=SY&since=2024-03-01`.",
    )
    def api_overview(request: Request, _: Annotated[FilterQuery, Query()]) -> dict[str, Any]:
        """Summary figures, map markers and the per-day timeline for the filters."""
        f = _filters_or_400(request)
        data = overview_data(store, f)
        return {
            "filters": json.loads(json.dumps(_filters_dict(f))),
            "summary": data["summary"],
            "map": data["markers"],
            "timeline": data["timeline"],
        }

    @app.get(
        "/api/events",
        tags=["events"],
        summary="List events, a page at a time",
        description=filter_doc
        + " Paging: page (from 1) and per_page (25, 50, 100, 200); `total` counts every match."
        " Sorting: sort=date (newest first, default), date_asc or fatalities."
        " Example: `/api/events?event_type=Battles&sort=fatalities&per_page=50&page=2`.",
    )
    def api_events(request: Request, _: Annotated[PageQuery, Query()]) -> dict[str, Any]:
        """One page of the events that match the filters."""
        f = _filters_or_400(request)
        conn = store.connect()
        sel = store.selection(f)
        return {
            "total": queries.overview(conn, sel).summary["events"],
            "page": f.page,
            "per_page": f.per_page,
            "events": queries.event_page(conn, f, sel),
        }

    @app.get(
        "/api/facets",
        tags=["events"],
        summary="Filter values and their counts",
        description="Every value each filter can take, with how many events have it;"
        " `country` narrows the regions to one country. Example: `/api/facets?country=IQ`.",
    )
    def api_facets(
        country: Annotated[
            str | None, Query(description="ISO alpha-2 code: list that country's regions")
        ] = None,
    ) -> dict[str, Any]:
        """The values each filter can take, with their counts."""
        return store.facets(country.upper() if country else None)

    @app.get(
        "/api/events/{event_id}",
        tags=["events"],
        summary="One event with its reports and claims",
        description="The event's ACLED fields and fatality range, each report (article, outlet,"
        " language, URL) and every casualty claim with its quote and offsets."
        " Ids come from `/api/events` or `wartrace list`. Example: `/api/events/ev-1a2b3c4d5e6f`.",
    )
    def api_event(
        event_id: Annotated[str, PathParam(description="Event id, e.g. ev-1a2b3c4d5e6f")],
    ) -> dict[str, Any]:
        """One event: its fields, figures, reports and every casualty claim."""
        event = queries.event_detail(store.connect(), event_id)
        if event is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        return event

    @app.get(
        "/api/articles/{article_id:path}",
        tags=["articles"],
        summary="One article with its annotations",
        description="The text, its segments (boilerplate, event evidence, claims), the events"
        " and claims read from it, and what it was copied or translated from."
        " Example: `/api/articles/d01`.",
    )
    def api_article(
        article_id: Annotated[str, PathParam(description="Article id as ingested")],
    ) -> dict[str, Any]:
        """One article: text, highlighted segments, reports, claims and provenance."""
        art = queries.article_detail(store.connect(), article_id)
        if art is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        art["segments"] = queries.segment_dicts(art["segments"])
        return json.loads(json.dumps(art, default=_jsonable))

    @app.get(
        "/api/export.{fmt}",
        tags=["export"],
        summary="Download the filtered events",
        description=filter_doc + " fmt: csv (ACLED columns), json (an array) or jsonl."
        " Example: `/api/export.csv?country=SO&since=2023-09-01`.",
    )
    def api_export(
        fmt: Annotated[str, PathParam(description="csv, json or jsonl")],
        request: Request,
        _: Annotated[FilterQuery, Query()],
    ) -> Response:
        """The filtered events as ACLED-style CSV, a JSON array or JSON lines."""
        return _export(store, fmt, _filters_or_400(request))

    return app


def _filters_dict(f: Filters) -> dict[str, Any]:
    return {k: getattr(f, k) for k in f.__dataclass_fields__}


def _jsonable(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def _not_found(message: str, status: int = 404) -> HTMLResponse:
    return HTMLResponse(render("error.html", message=message, status=status), status_code=status)


# Exports stream (constant memory each); this many may run at once, more get 503.
MAX_EXPORTS = 4
_export_slots = threading.BoundedSemaphore(MAX_EXPORTS)


def _export(store: Store, fmt: str, f: Filters) -> Response:
    if fmt not in EXPORT_FORMATS:
        raise HTTPException(status_code=404, detail=f"unknown export format {fmt!r}")
    where = store.selection(f)
    if not _export_slots.acquire(blocking=False):
        raise HTTPException(
            status_code=503,
            detail="too many exports running; try again shortly",
            headers={"Retry-After": "5"},
        )
    try:
        # Its own connection: the stream is read across worker threads after this returns.
        conn = store._open()
    except BaseException:
        _export_slots.release()
        raise
    media, ext = EXPORT_FORMATS[fmt]
    return StreamingResponse(
        _export_chunks(conn, fmt, where),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="wartrace-events.{ext}"'},
    )


def _export_chunks(conn: sqlite3.Connection, fmt: str, where: queries.Selection) -> Iterator[str]:
    """The export, a page of records per chunk; frees its slot however the stream ends."""
    from wartrace.store import export

    try:
        records = export.iter_event_records(conn, where=where)
        if fmt == "json":
            yield from export.json_array_chunks(records)
        elif fmt == "jsonl":
            yield from export.jsonl_chunks(records)
        else:
            yield from export.csv_chunks(export.acled_rows(conn, records), export.ACLED_CSV_COLUMNS)
    finally:
        conn.close()
        _export_slots.release()


def iter_routes(app: FastAPI) -> Iterator[str]:
    for route in app.routes:
        path = getattr(route, "path", None)
        if path:
            yield path
