"""Recompute an event from its reports: every field from the best report that has it.

Finest date, most precise place, most independent support (derivation families, not
articles), originals first; ``events.provenance`` records, per field, the article the value
came from, and under ``"links"`` why each article's report joined the event.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from wartrace.extract.victim_sides import attackers_side
from wartrace.link.families import family_root
from wartrace.link.reconcile import ClaimView, breath_of, reconcile, store_statuses
from wartrace.store import db

GEO_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
ACTOR_FIELDS = ("actor1", "actor2", "inter1", "inter2")


@dataclass(frozen=True, slots=True)
class Member:
    row: sqlite3.Row
    family: str
    original: bool  # not derived from another article


def _members(
    conn: sqlite3.Connection, event_id: str, roots: dict[str, str] | None = None
) -> list[Member]:
    roots = {} if roots is None else roots
    rows = conn.execute(
        "SELECT r.*, a.outlet AS outlet, a.language AS language, a.derived_from AS derived_from,"
        " coalesce(a.published, a.printed_date) AS article_date"
        " FROM reports r JOIN articles a USING (article_id)"
        " WHERE r.event_id = ? ORDER BY r.article_id, r.seq",
        (event_id,),
    ).fetchall()
    out = []
    for r in rows:
        aid = r["article_id"]
        if aid not in roots:
            roots[aid] = family_root(conn, aid)
        out.append(Member(r, roots[aid], r["derived_from"] is None))
    return out


def support_counts(
    members: Sequence[Member], fields: Sequence[str]
) -> dict[tuple[object, ...], int]:
    """Independent support of each value: how many derivation families give it (one pass,
    so picking a field costs O(k) for k reports, not O(k^2))."""
    families: dict[tuple[object, ...], set[str]] = {}
    for m in members:
        families.setdefault(tuple(m.row[f] for f in fields), set()).add(m.family)
    return {key: len(found) for key, found in families.items()}


def _pick(
    members: Sequence[Member], fields: Sequence[str], rank: str
) -> tuple[dict[str, object], str | None]:
    """The block of fields from the best member that has them."""
    having = [m for m in members if any(m.row[f] is not None for f in fields)]
    if not having:
        return {f: None for f in fields}, None

    counts = support_counts(having, fields)

    def order(m: Member) -> tuple[object, ...]:
        support = counts[tuple(m.row[f] for f in fields)]
        filled = sum(1 for f in fields if m.row[f] is not None)
        if rank == "date":
            first: tuple[object, ...] = (m.row["time_precision"] or 1, -support)
        elif rank == "geo":
            first = (m.row["geo_precision"] or 9, m.row["latitude"] is None, -support)
        else:
            first = (-support, -filled)
        return (*first, not m.original, m.row["article_date"] or "9999", m.row["article_id"])

    best = min(having, key=order)
    return {f: best.row[f] for f in fields}, best.row["article_id"]


BLOCKS = (
    (("event_date", "time_precision"), "date"),
    (GEO_FIELDS, "geo"),
    (("event_type", "sub_event_type"), "support"),
    (ACTOR_FIELDS, "support"),
)


def _fields(members: Sequence[Member]) -> tuple[dict[str, object], dict[str, object]]:
    """(values, provenance) of the event fields picked from its members."""
    values: dict[str, object] = {}
    provenance: dict[str, object] = {}
    for fields, rank in BLOCKS:
        picked, source = _pick(members, fields, rank)
        values.update(picked)
        if source is not None:
            provenance.update({f: source for f in fields if picked[f] is not None})
    return values, provenance


def refresh_fields(
    conn: sqlite3.Connection, event_id: str, roots: dict[str, str] | None = None
) -> None:
    """Only the fields later reports are matched on (date, place, type, actors): the cheap
    update while reports join one by one; ``refresh_event`` does the rest once per run."""
    members = _members(conn, event_id, roots)
    if not members:
        return
    values, _ = _fields(members)
    new = tuple(values[f] for f in db.EVENT_FIELDS)
    # Most reports that join leave the picked fields as they were: the UPDATE (which rewrites
    # every index over these columns, a dozen on events) is then skipped.
    old = conn.execute(
        f"SELECT {', '.join(db.EVENT_FIELDS)} FROM events WHERE event_id = ?", (event_id,)
    ).fetchone()
    if old is not None and tuple(old) == new:
        return
    assignments = ", ".join(f"{f} = ?" for f in db.EVENT_FIELDS)
    conn.execute(f"UPDATE events SET {assignments} WHERE event_id = ?", (*new, event_id))


def refresh_event(
    conn: sqlite3.Connection, event_id: str, roots: dict[str, str] | None = None
) -> None:
    """Recompute an event from its reports and claims. ``roots``: a cache of derivation
    family roots for the run (derivation links do not change while events are built)."""
    members = _members(conn, event_id, roots)
    if not members:
        conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        return
    values, provenance = _fields(members)
    links = {m.row["article_id"]: m.row["link_reason"] for m in members if m.row["link_reason"]}
    if links:
        provenance["links"] = links
    family_of = {m.row["article_id"]: m.family for m in members}
    claims = [
        ClaimView(
            report_key=str(c["report_id"]),
            value=c["value"],
            qualifier=c["qualifier"],
            kind=c["kind"],
            claimant=c["claimant"],
            outlet=c["outlet"],
            supersedes=bool(c["supersedes"]),
            victims=c["victims"],
            family=family_of.get(c["article_id"]),
            article_id=c["article_id"],
            language=c["language"],
            claim_id=c["claim_id"],
            reported=c["reported"],
            printed=bool(c["printed"]),
            scope=c["scope"],
            earlier=bool(c["earlier"]),
            breath=breath_of(c["start"], c["evidence"]),
        )
        for c in conn.execute(
            "SELECT c.*, a.outlet AS outlet, a.language AS language, r.evidence AS evidence,"
            # An undated report is taken as out the day after the day it dates its event, as
            # news is (extract/events.py NO_CUE_LAG_DAYS).
            " coalesce(a.published, a.printed_date, date(r.event_date, '+1 day')) AS reported,"
            " coalesce(a.published, a.printed_date) IS NOT NULL AS printed"
            " FROM claims c"
            " JOIN reports r USING (report_id) JOIN articles a ON a.article_id = c.article_id"
            " WHERE r.event_id = ? ORDER BY coalesce(a.published, a.printed_date), c.claim_id",
            (event_id,),
        )
    ]
    rec = reconcile(
        claims, attackers_side(values["event_type"], values["inter1"], values["inter2"])
    )
    store_statuses(conn, claims, rec)
    fatalities = rec.fatalities
    if fatalities is None:
        # No claim rows: fall back on the reports' own figures, lowest first (ACLED).
        figures = [m.row["fatalities"] for m in members if m.row["fatalities"] is not None]
        fatalities = min(figures) if figures else None
    conn.execute(
        "INSERT OR REPLACE INTO event_state (event_id, reports, report_sum) VALUES (?, ?, ?)",
        (event_id, len(members), sum(m.row["report_id"] for m in members)),
    )
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
            rec.notes or None,
            json.dumps(provenance, ensure_ascii=False),
            db.utcnow(),
            event_id,
        ),
    )
