"""The situation report: one self-contained, printable HTML page for a period.

Everything is inline (CSS, SVG map and chart); the page fetches nothing, so it
can be mailed, archived or opened offline.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from wartrace.web import charts, queries, summary
from wartrace.web.filters import Filters, where
from wartrace.web.render import render, static_text

TOP_EVENTS = 15
TOP_PLACES = 10


@contextmanager
def _rows_as_mappings(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    old = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.row_factory = old


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None


@dataclass(frozen=True, slots=True)
class Report:
    html: str
    events: int  # dated in the period


def build_report(conn: sqlite3.Connection, since: str, until: str | None) -> Report:
    """The situation report for events dated ``since`` to ``until`` (inclusive; open if None)."""
    start = _check_date("since", since)
    end = _check_date("until", until)
    if start and end and start > end:
        raise ValueError(f"since ({start}) is after until ({end})")
    with _rows_as_mappings(conn):
        ctx = report_context(conn, Filters(since=start, until=end))
        return Report(render("report.html", **ctx), ctx["s"]["events"])


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def print_pdf(html: str, out: Path, timeout: float = 120) -> None:
    """Print the report to PDF with a local Chromium (headless, no network, no profile kept)."""
    exe = next((found for b in BROWSERS if (found := shutil.which(b))), None)
    if exe is None:
        raise RuntimeError(
            "--format pdf prints with Chromium, which is not installed"
            " (Debian: apt-get install chromium); write HTML and print it from a browser instead"
        )
    with tempfile.TemporaryDirectory(prefix="wartrace-pdf-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        target = out.absolute()
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp}/profile",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0 or not target.is_file():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"Chromium could not print the PDF: {last}")


def report_context(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    sel = queries.selection(conn, f, queries.has_fts(conn))
    ov = queries.overview(conn, sel)
    s = ov.summary
    markers = queries.map_markers(conn, sel, s)
    top = queries.event_page(conn, replace(f, sort="fatalities", per_page=TOP_EVENTS), sel)
    top_details = [queries.event_detail(conn, e["event_id"]) for e in top]
    listed = {e["event_id"] for e in top}

    def href(m: dict[str, Any]) -> str | None:
        return f"#{m['event_id']}" if m["events"] == 1 and m["event_id"] in listed else None

    active = {num for num, code in queries.numeric_to_iso().items() if code in ov.countries}
    by_place = _places(conn, f)
    until = f.until or s["last_date"]
    previous = None
    window = summary.previous_period(f.since, until) if f.since and until else None
    if window is not None:
        previous = summary.totals(conn, *window)
    undated = _undated(conn, f.since, until)
    countries = _countries(conn, f)
    top_events = [d for d in top_details if d is not None]
    return {
        "since": f.since,
        "until": f.until,
        "title": f"{summary.region_label(by_place, countries)}: "
        f"{summary.period_label(f.since, until)}",
        "summary": summary.summary_text(s, top_events, previous, len(undated)),
        "undated": undated,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "s": s,
        "sources": _sources(conn, f),
        "by_type": _breakdown(conn, f, "e.event_type"),
        "by_place": by_place,
        "map": charts.map_model(
            markers,
            queries.bounds(s),
            active,
            href,
            unlocated=s["events"] - s["located"],
            width=700,
            height=430,
        ),
        "timeline": charts.timeline_model(ov.timeline, width=640, panel=70),
        "top": top_events,
        "css": Markup(static_text("charts.css") + static_text("report.css")),  # our own file
    }


def _window(f: Filters) -> tuple[str, list[Any]]:
    """The report's period only: the filters' own date clauses."""
    return where(Filters(since=f.since, until=f.until), has_fts=False)


def _sources(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    clause, params = _window(f)
    row = conn.execute(
        "SELECT count(DISTINCT a.article_id) AS articles,"
        " count(DISTINCT coalesce(a.outlet, a.text_outlet)) AS outlets,"
        " count(DISTINCT a.language) AS languages,"
        " group_concat(DISTINCT a.language) AS language_list"
        " FROM events e JOIN reports r ON r.event_id = e.event_id"
        f" JOIN articles a ON a.article_id = r.article_id WHERE {clause}",
        params,
    ).fetchone()
    return dict(row)


_BREAKDOWN = {"e.event_type": "e.event_type"}  # the only column grouped on (constant SQL)


def _breakdown(conn: sqlite3.Connection, f: Filters, column: str) -> list[dict[str, Any]]:
    clause, params = _window(f)
    col = _BREAKDOWN[column]
    return [
        dict(r)
        for r in conn.execute(
            f"SELECT {col} AS label, count(*) AS events, coalesce(sum(e.fatalities), 0)"
            f" AS fatalities FROM events e WHERE {clause} GROUP BY {col}"
            " ORDER BY fatalities DESC, events DESC",
            params,
        )
    ]


def _places(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    clause, params = _window(f)
    rows = [
        dict(r)
        for r in conn.execute(
            "SELECT e.country, e.admin1, count(*) AS events,"
            " coalesce(sum(e.fatalities), 0) AS fatalities"
            f" FROM events e WHERE {clause} GROUP BY e.country, e.admin1"
            " ORDER BY fatalities DESC, events DESC LIMIT ?",
            [*params, TOP_PLACES],
        )
    ]
    for r in rows:
        r["country_name"] = queries.country_name(r["country"])
    return rows


def _countries(conn: sqlite3.Connection, f: Filters) -> list[str]:
    """Country names of the period's events, the hardest-hit first."""
    clause, params = _window(f)
    rows = conn.execute(
        f"SELECT e.country FROM events e WHERE {clause} AND e.country IS NOT NULL"
        " GROUP BY e.country ORDER BY coalesce(sum(e.fatalities), 0) DESC, count(*) DESC",
        params,
    ).fetchall()
    return [queries.country_name(r[0]) for r in rows]


def _undated(
    conn: sqlite3.Connection, since: str | None, until: str | None
) -> list[dict[str, Any]]:
    """Events without a date whose reports were published in the period: listed, not lost."""
    rows = conn.execute(
        "SELECT DISTINCT e.event_id, e.event_type, e.location, e.admin1, e.country, e.fatalities,"
        " e.actor1, e.actor2 FROM events e JOIN reports r ON r.event_id = e.event_id"
        " JOIN articles a ON a.article_id = r.article_id WHERE e.event_date IS NULL"
        " AND (? IS NULL OR coalesce(a.published, a.printed_date) >= ?)"
        " AND (? IS NULL OR coalesce(a.published, a.printed_date) <= ?)"
        " ORDER BY e.fatalities DESC, e.event_id",
        [since, since, until, until],
    ).fetchall()
    out = []
    for r in rows:
        item = dict(r)
        item["country_name"] = queries.country_name(item["country"])
        item["sources"] = [
            dict(x)
            for x in conn.execute(
                "SELECT DISTINCT a.article_id, coalesce(a.outlet, a.text_outlet) AS outlet,"
                " a.language, coalesce(a.published, a.printed_date) AS published, a.url,"
                " coalesce(a.title, a.headline) AS title FROM reports r JOIN articles a"
                " ON a.article_id = r.article_id WHERE r.event_id = ?",
                [item["event_id"]],
            )
        ]
        out.append(item)
    return out
