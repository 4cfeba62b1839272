"""Turn reports into events and keep each event's fields and figures up to date."""

from __future__ import annotations

import json
import sqlite3

from wartrace.link.reconcile import ClaimView, reconcile
from wartrace.store import db


def materialise_events(conn: sqlite3.Connection) -> int:
    """Give every report that has no event an event of its own; refresh those events.

    Returns the number of events created.
    """
    created = 0
    with db.transaction(conn):
        rows = conn.execute(
            "SELECT report_id, article_id, seq FROM reports WHERE event_id IS NULL"
        ).fetchall()
        for r in rows:
            event_id = db.event_id_for(r["article_id"], r["seq"])
            conn.execute(
                "INSERT OR IGNORE INTO events (event_id, updated_at) VALUES (?, ?)",
                (event_id, db.utcnow()),
            )
            conn.execute(
                "UPDATE reports SET event_id = ? WHERE report_id = ?", (event_id, r["report_id"])
            )
            refresh_event(conn, event_id)
            created += 1
    return created


def refresh_event(conn: sqlite3.Connection, event_id: str) -> None:
    """Recompute an event from its reports: fields from the first report that has them."""
    reports = conn.execute(
        "SELECT r.*, a.outlet AS outlet FROM reports r JOIN articles a USING (article_id)"
        " WHERE r.event_id = ? ORDER BY r.article_id, r.seq",
        (event_id,),
    ).fetchall()
    values: dict[str, object] = {}
    provenance: dict[str, str] = {}
    for field in db.EVENT_FIELDS:
        for rep in reports:
            if rep[field] is not None:
                values[field] = rep[field]
                provenance[field] = rep["article_id"]
                break
        else:
            values[field] = None
    claims = [
        ClaimView(
            report_key=str(c["report_id"]),
            value=c["value"],
            qualifier=c["qualifier"],
            kind=c["kind"],
            claimant=c["claimant"],
            outlet=c["outlet"],
            supersedes=bool(c["supersedes"]),
        )
        for c in conn.execute(
            "SELECT c.*, a.outlet AS outlet FROM claims c JOIN reports r USING (report_id)"
            " JOIN articles a ON a.article_id = c.article_id WHERE r.event_id = ?",
            (event_id,),
        )
    ]
    rec = reconcile(claims)
    report_figures = [rep["fatalities"] for rep in reports if rep["fatalities"] is not None]
    fatalities = rec.fatalities
    if report_figures:
        fatalities = min(report_figures)
    assignments = ", ".join(f"{f} = ?" for f in db.EVENT_FIELDS)
    conn.execute(
        f"UPDATE events SET {assignments}, fatalities = ?, fatalities_low = ?,"
        " fatalities_best = ?, fatalities_high = ?, notes = ?, provenance = ?, updated_at = ?"
        " WHERE event_id = ?",
        (
            *(values[f] for f in db.EVENT_FIELDS),
            fatalities,
            rec.low,
            rec.best,
            rec.high,
            rec.notes,
            json.dumps(provenance),
            db.utcnow(),
            event_id,
        ),
    )
