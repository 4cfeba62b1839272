"""Merge reports of one incident from different articles into events, incrementally.

A report without an event (new, or its article was reprocessed) joins the best compatible
existing event or starts one. Candidates come from blocking, never from all events: the
events of articles in its derivation family or of its same-story partners, and events in
its province (else country) dated within a few days of the report, by an indexed lookup
(or of its article when it has no date; when neither has one, events at the same named
place that no calendar date of its text contradicts, or whose articles share rare anchors
with it). Compatible means (``match``): dates within a day (a week / a month at coarser
precision) but never two different explicit days unless one text is made from the other,
places within 25 km (50 / 150 km when vague) or the same named place, else the same admin2 /
admin1 when one is vague, compatible event types, and actors that do not contradict;
different named places of one province (also towns the gazetteer only placed in the
province), a place only one side names, two notes (one short paragraph each, a whole
account of one incident) or two written-out consecutive days at one place also need a
shared rare anchor; two notes of written-out consecutive days are two events whatever they
share (a note's day is its coder's: ACLED codes one event per day). A report of a
translation or copy joins its source's event on weaker evidence (the same story) but never
counts as an independent confirmation (see
``reconcile``); a same-story partner's event is also joined on that weaker evidence. A new
derivation link re-examines the events of its family, so two events of one story found
apart are merged. Each report keeps why it joined (``reports.link_reason``).

Each touched event is then recomputed from its reports (``refresh``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from wartrace.link.event_evidence import (
    APART,
    EVENT_COLUMNS,
    MAX_TIE_CHECKS,
    MIDNIGHT,
    MIDNIGHT_REASON,
    anchor_tied,
    dates_allow,
    events_at_place,
    events_near,
    events_of,
    explicitly_apart,
    named_dates,
)
from wartrace.link.index import day_number
from wartrace.link.inherit import inherit_reports
from wartrace.link.match import (
    Facts,
    facts,
    match_score,
    needs_anchor,
    places_differ,
    types_differ,
)
from wartrace.link.memo import RunMemo
from wartrace.link.refresh import Member, refresh_event, refresh_fields
from wartrace.store import db

NEW_EVENT_COLUMNS = ", ".join(db.EVENT_FIELDS)
NEW_EVENT_MARKS = ", ".join("?" * len(db.EVENT_FIELDS))
UNDATED_BLOCK_DAYS = 10  # around the publication date of an undated report
# A report whose article's current version is indexed for linking and paired: a report of
# the chunks linked so far (``link.index.stale_articles``). An article a stopped run indexed
# but did not pair is not linked yet: its events wait for its derivation pairs.
CHUNKED = (
    " AND EXISTS (SELECT 1 FROM link_index i"
    " WHERE i.article_id = a.article_id AND i.processed_at IS a.processed_at)"
    " AND NOT EXISTS (SELECT 1 FROM link_queue q"
    " WHERE q.stage = 'pair' AND q.article_id = a.article_id)"
)


# --- linking ----------------------------------------------------------------------------


def _find_event(
    conn: sqlite3.Connection, report: dict[str, object], family: set[str], memo: RunMemo
) -> tuple[str, str] | None:
    """The best compatible event for a report (not one its own article already reports),
    with the reason it fits."""
    mine = facts(report)
    article_id = str(report["article_id"])
    rows: dict[str, tuple[sqlite3.Row, str]] = {}
    for how, members in (
        ("copy", family - {article_id}),
        ("same story", memo.same_story(article_id)),
    ):
        for event_id in events_of(conn, members):
            row = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM events WHERE event_id = ?", (event_id,)
            ).fetchone()
            if row is not None and event_id not in rows:
                rows[event_id] = (row, how)
    if mine.day is not None:
        near = events_near(conn, mine)
    elif report["article_day"] is not None:
        near = events_near(conn, mine, report["article_day"], UNDATED_BLOCK_DAYS)  # type: ignore[arg-type]
    else:
        named = named_dates(conn, article_id)
        near = [
            row
            for row in events_at_place(conn, mine)
            if dates_allow(conn, named, row)
            or anchor_tied(conn, article_id, memo.event_articles(row["event_id"]))
        ]
    for row in near:
        rows.setdefault(row["event_id"], (row, ""))
    scored = []
    for event_id, (row, how) in rows.items():
        theirs = memo.facts_of(row)
        score = match_score(mine, theirs, related=bool(how))
        if score is not None:
            scored.append((-score, event_id, how, theirs))
    said = memo.stated_dates(article_id, report["evidence"]) if mine.day is not None else set()  # type: ignore[arg-type]
    for _, event_id, how, theirs in sorted(scored, key=lambda t: (t[0], t[1])):
        articles = memo.event_articles(event_id)
        if article_id in articles:
            continue  # two reports of one article are two incidents
        # Even a copy that writes out another day tells another incident (a note made on
        # another's template); a day apart at one place is still one night for a copy.
        apart = explicitly_apart(
            conn, mine, said, theirs, event_id, memo.stated_dates, memo.event_states
        )
        if apart == APART:
            continue
        if apart == MIDNIGHT and how != "copy":
            if memo.notes_only(articles | {article_id}):
                continue  # a note's day is its coder's: two written-out days, two events
            if anchor_tied(conn, article_id, articles):
                return event_id, MIDNIGHT_REASON
            continue
        if how != "copy" and _notes_apart(
            memo, articles | {article_id}, mine, memo.with_places(event_id, theirs)
        ):
            continue
        if how:
            return event_id, f"{how} of an article of this event"
        if needs_anchor(mine, memo.with_places(event_id, theirs)) or memo.notes_only(
            articles | {article_id}
        ):
            if anchor_tied(conn, article_id, articles):
                return event_id, "same day and province, shared rare names or figures"
            continue
        return event_id, "same date and place"
    return None


def materialise_events(
    conn: sqlite3.Connection, relinked: Iterable[str] = (), chunks_only: bool = False
) -> dict[str, int]:
    """Link every report without an event to an existing event or a new one; refresh them.
    ``relinked``: articles whose derivation link changed; their events are looked at again,
    since the new link can tie two events of one story together. ``chunks_only``: only the
    reports of articles indexed for linking (the chunks linked so far, not what a run has
    saved since), so that events are built chunk by chunk."""
    created = joined = 0
    touched: set[str] = set()
    roots: dict[str, str] = {}  # family root of each article, for this run
    memo = RunMemo(conn, roots)
    with db.transaction(conn):
        # Relinked by an earlier run that stopped before this step, too (the link queue).
        relinked = sorted(set(relinked) | set(db.queued_link(conn, "events")))
        inherited = inherit_reports(conn, relinked)
        touched.update(_events_of_families(conn, relinked, memo))
        for event_id in changed_events(conn):
            refresh_fields(conn, event_id, roots)
            touched.add(event_id)
        # Sources before copies, and a day the text gives before a day guessed from the
        # publication date (week precision): the guess then joins the incident of its day
        # instead of seeding an event that another day's report joins.
        rows = conn.execute(
            "SELECT r.*, coalesce(a.published, a.printed_date) AS article_date,"
            " a.derived_from AS derived_from"
            " FROM reports r JOIN articles a USING (article_id) WHERE r.event_id IS NULL"
            + (CHUNKED if chunks_only else "")
            + " ORDER BY (a.derived_from IS NOT NULL), (r.event_date IS NULL),"
            " (coalesce(r.time_precision, 1) > 1),"
            " coalesce(a.published, a.printed_date),"
            " r.article_id, r.seq"
        ).fetchall()
        for r in rows:
            report = _with_article_day(r)
            found = _find_event(conn, report, memo.family(memo.root(r["article_id"])), memo)
            reason: str | None = None
            if found is None:
                event_id = _new_event_id(conn, r["article_id"], r["seq"])
                # A new event is its one report: its fields are the report's until others join.
                conn.execute(
                    f"INSERT OR IGNORE INTO events (event_id, updated_at, {NEW_EVENT_COLUMNS})"
                    f" VALUES (?, ?, {NEW_EVENT_MARKS})",
                    (event_id, db.utcnow(), *(r[f] for f in db.EVENT_FIELDS)),
                )
                created += 1
            else:
                event_id, reason = found
                joined += 1
            conn.execute(
                "UPDATE reports SET event_id = ?, link_reason = ? WHERE report_id = ?",
                (event_id, reason, r["report_id"]),
            )
            memo.forget(event_id)  # its reports changed (a new id may take over an emptied event)
            if found is None:
                memo.forget_fields(event_id)
            else:
                # Later reports match the merged event: its fields picked again, from its
                # members' kept state with this report added.
                member = Member(r, memo.root(r["article_id"]), r["derived_from"] is None)
                refresh_fields(conn, event_id, roots, memo.joined(event_id, member))
            touched.add(event_id)
        merged = merge_events(conn, touched, roots, memo)  # adds the events it kept to touched
        for event_id in sorted(touched):
            refresh_event(conn, event_id, roots)  # once per touched event, whole
        # Every event whose reports changed here was computed again (or deleted).
        conn.execute("DELETE FROM event_lost_reports")
        db.unqueue_link(conn, "events", relinked)
    return {
        "reports_inherited": inherited,
        "events_created": created,
        "reports_joined": joined,
        "events_merged": merged,
        "events_updated": len(touched),
    }


def _new_event_id(conn: sqlite3.Connection, article_id: str, seq: int) -> str:
    """The stable id of the event a report starts; another one when an event of that id
    still has reports: the article was reprocessed, and the event its old report started
    lives on with the reports that joined it (the report must not fall into it unmatched).
    An event left without reports is taken over."""
    event_id, n = db.event_id_for(article_id, seq), 0
    while conn.execute("SELECT 1 FROM reports WHERE event_id = ? LIMIT 1", (event_id,)).fetchone():
        n += 1
        event_id = db.event_id_for(f"{article_id}\x1f{n}", seq)
    return event_id


def _events_of_families(
    conn: sqlite3.Connection, article_ids: Iterable[str], memo: RunMemo
) -> set[str]:
    """The events reported by the derivation families of these articles."""
    members: set[str] = set()
    for root in {memo.root(a) for a in article_ids}:
        members |= memo.family(root)
    found: set[str] = set()
    ordered = sorted(members)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT event_id FROM reports WHERE article_id IN ({marks})"
                " AND event_id IS NOT NULL",
                chunk,
            )
        )
    return found


def merge_events(
    conn: sqlite3.Connection,
    event_ids: set[str],
    roots: dict[str, str] | None = None,
    memo: RunMemo | None = None,
) -> int:
    """Merge touched events with compatible neighbours: a report that brought a date or a
    place to an event can make it match an event it could not match before. Kept events are
    added to ``event_ids`` (their fields are refreshed here, the rest by the caller)."""
    roots = {} if roots is None else roots
    memo = RunMemo(conn, roots) if memo is None else memo
    merged = 0
    queue = sorted(event_ids)
    seen = _Rows(conn)
    while queue:
        event_id = queue.pop()
        row = seen.get([event_id]).get(event_id)
        if row is None or row["event_date"] is None:
            continue
        mine = memo.facts_of(row)
        articles: set[str] | None = None
        near = {r["event_id"]: r for r in events_near(conn, mine)}
        family = _events_of_families(conn, memo.event_articles(event_id), memo)
        near.update(seen.get(sorted(family - near.keys())))
        for other in near.values():
            if other["event_id"] == event_id:
                continue
            theirs = memo.facts_of(other)
            if match_score(mine, theirs, related=True) is None:
                continue  # cheap test first: not even the same story could join these
            if articles is None:
                articles = memo.event_articles(event_id)
            other_articles = memo.event_articles(other["event_id"])
            if articles & other_articles:
                continue  # two reports of one article are two incidents
            reason = _merge_reason(
                conn, (event_id, other["event_id"]), mine, theirs, articles, other_articles, memo
            )
            if reason is None:
                continue
            keep, drop = sorted(
                (event_id, other["event_id"]),
                key=lambda e: (-len(memo.event_articles(e)), e),
            )
            conn.execute(
                "UPDATE reports SET event_id = ?, link_reason = ? WHERE event_id = ?",
                (keep, f"events merged: {reason}", drop),
            )
            conn.execute("DELETE FROM events WHERE event_id = ?", (drop,))
            seen = _Rows(conn)
            memo.forget(keep)
            memo.forget(drop)
            memo.forget_fields(keep)
            memo.forget_fields(drop)
            refresh_fields(conn, keep, roots)
            event_ids.add(keep)  # refreshed whole by the caller
            queue.append(keep)
            merged += 1
            break
    return merged


class _Rows:
    """The event rows ``merge_events`` read since its last merge (None: no such event).
    Nothing is written between two merges, and the touched events of one story share the
    events of their families: each row is read once until the next merge (a new instance
    is made then)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._rows: dict[str, sqlite3.Row | None] = {}

    def get(self, event_ids: list[str]) -> dict[str, sqlite3.Row]:
        """The rows of the events that exist, in the order given (one query for those not
        read yet)."""
        missing = [e for e in event_ids if e not in self._rows]
        if missing:
            self._rows.update(dict.fromkeys(missing))
            self._rows.update(
                (r["event_id"], r)
                for r in self.conn.execute(
                    f"SELECT {EVENT_COLUMNS} FROM events"
                    " WHERE event_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(missing),),
                )
            )
        return {e: row for e in event_ids if (row := self._rows[e]) is not None}


def _merge_reason(
    conn: sqlite3.Connection,
    ids: tuple[str, str],
    mine: Facts,
    theirs: Facts,
    articles: set[str],
    others: set[str],
    memo: RunMemo,
) -> str | None:
    """Why two events are one (None when they are not): one text made from another, an
    independent retelling of the same story, or dates and places that agree (different
    named places of a province also sharing rare names or figures)."""
    apart = explicitly_apart(
        conn, mine, ids[0], theirs, ids[1], memo.stated_dates, memo.event_states
    )
    if apart == APART:
        return None
    roots = {memo.root(a) for a in articles}
    if roots & {memo.root(a) for a in others}:
        return "copy of an article of this event"
    if _notes_apart(
        memo, articles | others, memo.with_places(ids[0], mine), memo.with_places(ids[1], theirs)
    ):
        return None
    if apart == MIDNIGHT:
        if memo.notes_only(articles | others):
            return None  # a note's day is its coder's: two written-out days, two events
        if any(anchor_tied(conn, a, others) for a in sorted(articles)[:MAX_TIE_CHECKS]):
            return MIDNIGHT_REASON
        return None
    if (
        any(memo.same_story(a) & others for a in sorted(articles))
        and match_score(mine, theirs, related=True) is not None
    ):
        return "same story as an article of this event"
    if match_score(mine, theirs, related=False) is None:
        return None
    if not needs_anchor(
        memo.with_places(ids[0], mine), memo.with_places(ids[1], theirs)
    ) and not memo.notes_only(articles | others):
        return "same date and place"
    if any(anchor_tied(conn, a, others) for a in sorted(articles)[:MAX_TIE_CHECKS]):
        return "same day and province, shared rare names or figures"
    return None


def _notes_apart(memo: RunMemo, article_ids: set[str], a: Facts, b: Facts) -> bool:
    """A note is the coded account of one incident, of one type at one place: two notes naming
    different places, or told as different kinds of event (a clash, and the attack on
    civilians that followed it), are two incidents, as ACLED codes them, whatever else they
    share (a template's wording, the subdivision, the armed group)."""
    return (places_differ(a, b) or types_differ(a, b)) and memo.notes_only(article_ids)


def changed_events(conn: sqlite3.Connection) -> list[str]:
    """Events that lost a report since they were last computed (its article was reprocessed):
    of the events the store's triggers queued (migration 0012), those whose reports are no
    longer the ones they were computed from. Only the queued events are counted, not every
    report of the store (that grew with the store, once a chunk)."""
    return [
        r[0]
        for r in conn.execute(
            # CROSS JOIN: the queue first (the planner would rather scan every state).
            "SELECT q.event_id FROM event_lost_reports q CROSS JOIN event_state s"
            " ON s.event_id = q.event_id"
            " WHERE (SELECT count(*) FROM reports r WHERE r.event_id = s.event_id)"
            " IS NOT s.reports OR (SELECT sum(report_id) FROM reports r"
            " WHERE r.event_id = s.event_id) IS NOT s.report_sum ORDER BY q.event_id"
        )
    ]


def _with_article_day(row: sqlite3.Row) -> dict[str, object]:
    out = dict(row)
    out["article_day"] = day_number(row["article_date"])
    return out
