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


class FieldState:
    """What picking an event's fields needs of its members, kept up to date as reports join
    (``add``) instead of re-reading every member each time one joins: per block, each value
    its members give (all-empty values left out, as ``_pick`` does), with the derivation
    families that give it and the best (originality, article date, article, seq) among the
    members that give it. Every other part of ``_pick``'s order follows from the value and
    its support, so ``values`` picks what ``_fields`` picks from the same members."""

    __slots__ = ("blocks",)

    def __init__(self, members: Sequence[Member] = ()) -> None:
        self.blocks: list[dict[tuple[object, ...], tuple[set[str], tuple[object, ...]]]] = [
            {} for _ in BLOCKS
        ]
        for m in members:
            self.add(m)

    def add(self, m: Member) -> None:
        row = m.row
        # The report's place among the members (article, seq) settles ties as ``min`` does.
        tail = (not m.original, row["article_date"] or "9999", row["article_id"], row["seq"])
        for (fields, _), values in zip(BLOCKS, self.blocks, strict=True):
            value = tuple(row[f] for f in fields)
            if all(v is None for v in value):
                continue
            found = values.get(value)
            if found is None:
                values[value] = ({m.family}, tail)
            else:
                found[0].add(m.family)
                if tail < found[1]:
                    values[value] = (found[0], tail)

    def values(self) -> dict[str, object]:
        """The picked fields (``_fields``' values)."""
        out: dict[str, object] = {}
        for (fields, rank), values in zip(BLOCKS, self.blocks, strict=True):
            if not values:
                out.update({f: None for f in fields})
                continue
            best = min(values.items(), key=lambda item: _value_order(fields, rank, *item))
            out.update(zip(fields, best[0], strict=True))
        return out


def _value_order(
    fields: Sequence[str],
    rank: str,
    value: tuple[object, ...],
    found: tuple[set[str], tuple[object, ...]],
) -> tuple[object, ...]:
    """``_pick``'s order of the best member giving ``value``."""
    support = len(found[0])
    given = dict(zip(fields, value, strict=True))
    if rank == "date":
        first: tuple[object, ...] = (given["time_precision"] or 1, -support)
    elif rank == "geo":
        first = (given["geo_precision"] or 9, given["latitude"] is None, -support)
    else:
        first = (-support, -sum(1 for v in value if v is not None))
    return (*first, *found[1])


def field_state(
    conn: sqlite3.Connection, event_id: str, roots: dict[str, str] | None = None
) -> FieldState:
    """The ``FieldState`` of an event's members as the store has them."""
    return FieldState(_members(conn, event_id, roots))


def refresh_fields(
    conn: sqlite3.Connection,
    event_id: str,
    roots: dict[str, str] | None = None,
    state: FieldState | None = None,
) -> None:
    """Only the fields later reports are matched on (date, place, type, actors): the cheap
    update while reports join one by one; ``refresh_event`` does the rest once per run.
    ``state``: the event's members' ``FieldState`` (read from the store without it)."""
    if state is None:
        members = _members(conn, event_id, roots)
        if not members:
            return
        values, _ = _fields(members)
    else:
        values = state.values()
    # Most reports that join leave the picked fields as they were: no UPDATE then.
    _update_event(conn, event_id, {f: values[f] for f in db.EVENT_FIELDS})


def _update_event(
    conn: sqlite3.Connection,
    event_id: str,
    new: dict[str, object],
    always: dict[str, object] | None = None,
) -> None:
    """Write the columns of ``new`` whose stored value differs, and those of ``always``.
    Setting a column rewrites every index over it (a dozen on events) and, for the searched
    columns, the event's full-text entry, even when the value stays what it was."""
    old = conn.execute(
        f"SELECT {', '.join(new)} FROM events WHERE event_id = ?", (event_id,)
    ).fetchone()
    if old is None:
        return  # no such event: the UPDATE would change nothing
    changed = {c: v for (c, v), was in zip(new.items(), old, strict=True) if not _same(was, v)}
    changed.update(always or {})
    if changed:
        assignments = ", ".join(f"{c} = ?" for c in changed)
        conn.execute(
            f"UPDATE events SET {assignments} WHERE event_id = ?", (*changed.values(), event_id)
        )


def _same(stored: object, value: object) -> bool:
    """The stored value is the one to write (of one type: 1 and 1.0 are written again)."""
    return type(stored) is type(value) and stored == value


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
    _update_event(
        conn,
        event_id,
        {
            **{f: values[f] for f in db.EVENT_FIELDS},
            "fatalities": fatalities,
            "fatalities_low": rec.low,
            "fatalities_best": rec.best,
            "fatalities_high": rec.high,
            "notes": rec.notes or None,
            "provenance": json.dumps(provenance, ensure_ascii=False),
        },
        {"updated_at": db.utcnow()},
    )
