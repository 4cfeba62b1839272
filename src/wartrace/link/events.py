"""Merge reports of one incident from different articles into events, incrementally.

A report without an event (new, or its article was reprocessed) joins the best compatible
existing event or starts one. Candidates come from blocking, never from all events: the
events of articles in its derivation family, and events dated within a few days of the
report (or of its article when it has no date; when neither has one, events at the same
named place that no calendar date of its text contradicts, or whose articles share rare
anchors with it). Compatible means (``data/event_types.yaml``):
dates within a day (a week / a month at coarser precision), places within 25 km (50 / 150
km when vague) or the same named place, else the same admin2 / admin1 when one is vague,
compatible event types, and actors that do not contradict. A report of a translation or
copy joins its source's event on weaker evidence (the same story) but never counts as an
independent confirmation (see ``reconcile``). A new derivation link re-examines the
events of its family, so two events of one story found apart are merged.

Each touched event is then recomputed from its reports: every field from the best report
that has it (finest date, most precise place, most independent support, originals first),
so an undated original takes its date from a translation that prints one and a vague place
takes the precise one another report gives; ``events.provenance`` records, per field, the
article the value came from.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from wartrace.link.anchors import _load, fold
from wartrace.link.derive import day_number
from wartrace.link.reconcile import ClaimView, breath_of, reconcile, store_statuses
from wartrace.store import db

UNDATED_BLOCK_DAYS = 10  # around the publication date of an undated report
MAX_CANDIDATE_EVENTS = 500  # a safety bound on one blocking query
MIN_MATCH_SCORE = 2.5  # unrelated reports need the date and the place to agree
# A report with no date in an undated article joins an event at its place only when no date
# its text names contradicts the event's, or when the articles share this many anchors that
# at most TIE_OUTSIDE other articles have: one place sees many incidents months apart, and
# its name, the actors and the type cannot tell them apart.
TIE_ANCHORS = 2
TIE_OUTSIDE = 2
TIE_NAME_KEY = 3
# A named calendar date fits an event within this many days of its date.
DATE_FIT_DAYS = 1
GEO_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
ACTOR_FIELDS = ("actor1", "actor2", "inter1", "inter2")


@dataclass(frozen=True, slots=True)
class Facts:
    """What matching needs from a report or an event."""

    day: int | None
    time_precision: int | None
    event_type: str | None
    actors: frozenset[str]
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None


@cache
def _rules() -> tuple[tuple[frozenset[str], ...], dict[int, float], dict[int, int]]:
    data = _load("event_types.yaml")
    groups = tuple(frozenset(str(t) for t in g) for g in data["compatible"])
    km = {int(k): float(v) for k, v in data["max_km"].items()}
    days = {int(k): int(v) for k, v in data["max_days"].items()}
    return groups, km, days


def facts(row: sqlite3.Row | dict[str, object]) -> Facts:
    get = row.__getitem__
    actors = frozenset(fold(str(get(k))) for k in ("actor1", "actor2") if get(k))
    return Facts(
        day=day_number(get("event_date")),  # type: ignore[arg-type]
        time_precision=get("time_precision"),  # type: ignore[arg-type]
        event_type=get("event_type"),  # type: ignore[arg-type]
        actors=actors,
        country=get("country"),  # type: ignore[arg-type]
        admin1=get("admin1"),  # type: ignore[arg-type]
        admin2=get("admin2"),  # type: ignore[arg-type]
        location=get("location"),  # type: ignore[arg-type]
        latitude=get("latitude"),  # type: ignore[arg-type]
        longitude=get("longitude"),  # type: ignore[arg-type]
        geo_precision=get("geo_precision"),  # type: ignore[arg-type]
    )


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def date_score(a: Facts, b: Facts) -> float | None:
    """2 same day, 1 within tolerance, 0 unknown, None incompatible."""
    if a.day is None or b.day is None:
        return 0.0
    precision = max(a.time_precision or 1, b.time_precision or 1)
    tolerance = _rules()[2].get(precision, 31)
    gap = abs(a.day - b.day)
    if gap > tolerance:
        return None
    return 2.0 if gap == 0 else 1.0


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and fold(a or "") == fold(b or "")


def place_score(a: Facts, b: Facts) -> float | None:
    """2 same place, 1 near / same district, 0.5 same province when one is vague, 0 unknown."""
    if a.country and b.country and a.country != b.country:
        return None
    if _same(a.location, b.location) and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1):
        return 2.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        precision = max(a.geo_precision or 1, b.geo_precision or 1)
        limit = _rules()[1].get(precision, 50.0)
        dist = km_between(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if dist <= limit:
            return 2.0 if precision == 1 else 1.0
        if precision < 3:
            return None
    if _same(a.location, b.location):
        return 2.0
    if _same(a.admin2, b.admin2):
        return 1.0
    vague = (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3
    if _same(a.admin1, b.admin1):
        return 0.5 if vague else None
    if not (a.admin1 or a.location) or not (b.admin1 or b.location):
        return 0.0  # one side says nothing about the place
    return None


def type_score(a: Facts, b: Facts) -> float | None:
    if not a.event_type or not b.event_type:
        return 0.0
    if a.event_type == b.event_type:
        return 1.0
    if any(a.event_type in g and b.event_type in g for g in _rules()[0]):
        return 0.0
    return None


def actor_score(a: Facts, b: Facts) -> float:
    if not a.actors or not b.actors:
        return 0.0
    return 1.0 if a.actors & b.actors else -1.0


def match_score(report: Facts, event: Facts, related: bool) -> float | None:
    """How well a report fits an event; None when it cannot be the same incident."""
    parts = [date_score(report, event), place_score(report, event), type_score(report, event)]
    if any(p is None for p in parts):
        return None
    score = sum(p for p in parts if p is not None) + actor_score(report, event)
    if related:
        return score + 3.0  # the same story, retold
    if report.day is None or event.day is None:
        # Undated: only the same named place, the same type and no contradicting actor.
        place = parts[1] or 0.0
        fits = place >= 2.0 and (parts[2] or 0.0) >= 1.0 and actor_score(report, event) >= 0
        return score if fits else None
    return score if score >= MIN_MATCH_SCORE else None


# --- families ---------------------------------------------------------------------------


def family_root(conn: sqlite3.Connection, article_id: str) -> str:
    """The original a chain of copies and translations goes back to."""
    seen = {article_id}
    current = article_id
    while True:
        row = conn.execute(
            "SELECT derived_from FROM articles WHERE article_id = ?", (current,)
        ).fetchone()
        if row is None or row[0] is None or row[0] in seen:
            return current
        current = row[0]
        seen.add(current)


def family_members(conn: sqlite3.Connection, root: str) -> set[str]:
    members = {root}
    frontier = [root]
    while frontier:
        nxt = []
        for aid in frontier:
            for r in conn.execute("SELECT article_id FROM articles WHERE derived_from = ?", (aid,)):
                if r[0] not in members:
                    members.add(r[0])
                    nxt.append(r[0])
        frontier = nxt
    return members


# --- linking ----------------------------------------------------------------------------


def events_near(
    conn: sqlite3.Connection, mine: Facts, day: int | None = None, span: int | None = None
) -> list[sqlite3.Row]:
    """Blocking: events dated within the report's tolerance (coarse-dated events within a
    month), in the same province or country when the report names one."""
    day = mine.day if day is None else day
    if day is None:
        return []
    tolerance = span if span is not None else _rules()[2].get(mine.time_precision or 1, 31)
    widest = max(_rules()[2].values())
    center = date.fromordinal(day)
    params: list[object] = [
        (center - timedelta(days=tolerance)).isoformat(),
        (center + timedelta(days=tolerance)).isoformat(),
        (center - timedelta(days=widest)).isoformat(),
        (center + timedelta(days=widest)).isoformat(),
    ]
    sql = (
        "SELECT * FROM events WHERE (event_date BETWEEN ? AND ?"
        " OR (time_precision > 1 AND event_date BETWEEN ? AND ?))"
    )
    if mine.admin1:
        sql += " AND (admin1 = ? OR admin1 IS NULL)"
        params.append(mine.admin1)
    elif mine.country:
        sql += " AND (country = ? OR country IS NULL)"
        params.append(mine.country)
    sql += " LIMIT ?"
    params.append(MAX_CANDIDATE_EVENTS)
    return conn.execute(sql, params).fetchall()


def events_at_place(conn: sqlite3.Connection, mine: Facts) -> list[sqlite3.Row]:
    """Blocking for a report with no date at all: events at the same named place."""
    if not mine.location or not mine.country:
        return []
    return conn.execute(
        "SELECT * FROM events WHERE country = ? AND admin1 IS ? AND location = ? LIMIT ?",
        (mine.country, mine.admin1, mine.location, MAX_CANDIDATE_EVENTS),
    ).fetchall()


def named_dates(conn: sqlite3.Connection, article_id: str) -> list[tuple[int, int]]:
    """(day, month) of the calendar dates an article's text names (its d: anchors)."""
    out = []
    for (anchor,) in conn.execute(
        "SELECT anchor FROM link_anchors WHERE article_id = ? AND anchor LIKE 'd:%'",
        (article_id,),
    ):
        day, _, month = anchor[2:].partition("/")
        if day.isdigit() and month.isdigit():
            out.append((int(day), int(month)))
    return out


def dates_fit(named: Sequence[tuple[int, int]], event_day: int | None) -> bool:
    """Whether one of the dates a text names falls within DATE_FIT_DAYS of the event's date
    (in the event's year or the next or previous one: the text gives no year)."""
    if event_day is None:
        return True
    when = date.fromordinal(event_day)
    for day, month in named:
        for year in (when.year - 1, when.year, when.year + 1):
            try:
                gap = abs(date(year, month, day).toordinal() - event_day)
            except ValueError:
                continue
            if gap <= DATE_FIT_DAYS:
                return True
    return False


def _dates_allow(
    conn: sqlite3.Connection, named: Sequence[tuple[int, int]], event: sqlite3.Row
) -> bool:
    """No date contradiction between an undated report's text and an event: the event's date,
    or when it has none the dates its articles' texts name."""
    if not named:
        return True
    day = day_number(event["event_date"])
    if day is not None:
        return dates_fit(named, day)
    theirs = [d for a in _event_articles(conn, event["event_id"]) for d in named_dates(conn, a)]
    if not theirs:
        return True
    # Any year will do for day-month pairs; 2001 is not a leap year, 2000 is.
    return any(
        dates_fit(named, date(year, m, d).toordinal())
        for d, m in theirs
        for year in (2000, 2001)
        if _valid(year, m, d)
    )


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def distinctive(anchor: str) -> bool:
    """Name keys of two consonants ("p:mn") are shared by chance too often to tie stories."""
    kind, _, key = anchor.partition(":")
    return kind != "p" or len(key) >= TIE_NAME_KEY


def anchor_tied(conn: sqlite3.Connection, article_id: str, others: set[str]) -> bool:
    """Whether the article shares ``TIE_ANCHORS`` anchors (names, dates, figures) with the
    articles ``others`` that at most ``TIE_OUTSIDE`` further articles have: rare outside
    the story, however many reports of it there are."""
    others = others - {article_id}
    if not others:
        return False
    marks = ",".join("?" * len(others))
    rows = conn.execute(
        "SELECT m.anchor, f.n, count(DISTINCT o.article_id) FROM link_anchors m"
        " JOIN link_anchors o ON o.anchor = m.anchor"
        " JOIN link_anchor_df f ON f.anchor = m.anchor"
        f" WHERE m.article_id = ? AND o.article_id IN ({marks}) GROUP BY m.anchor",
        (article_id, *sorted(others)),
    ).fetchall()
    rare = sum(
        1
        for anchor, df, inside in rows
        if int(df) - int(inside) - 1 <= TIE_OUTSIDE and distinctive(str(anchor))
    )
    return rare >= TIE_ANCHORS


def _family_events(conn: sqlite3.Connection, article_id: str, family: set[str]) -> list[str]:
    others = sorted(family - {article_id})
    if not others:
        return []
    marks = ",".join("?" * len(others))
    return [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT event_id FROM reports WHERE article_id IN ({marks})"
            " AND event_id IS NOT NULL",
            others,
        )
    ]


def _find_event(
    conn: sqlite3.Connection, report: dict[str, object], family: set[str]
) -> str | None:
    """The best compatible event for a report (not one its own article already reports)."""
    mine = facts(report)
    article_id = str(report["article_id"])
    rows: dict[str, tuple[sqlite3.Row, bool]] = {}
    for event_id in _family_events(conn, article_id, family):
        row = conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is not None:
            rows[event_id] = (row, True)
    if mine.day is not None:
        near = events_near(conn, mine)
    elif report["article_day"] is not None:
        near = events_near(conn, mine, report["article_day"], UNDATED_BLOCK_DAYS)  # type: ignore[arg-type]
    else:
        named = named_dates(conn, article_id)
        near = [
            row
            for row in events_at_place(conn, mine)
            if _dates_allow(conn, named, row)
            or anchor_tied(conn, article_id, _event_articles(conn, row["event_id"]))
        ]
    for row in near:
        rows.setdefault(row["event_id"], (row, False))
    scored = []
    for event_id, (row, related) in rows.items():
        score = match_score(mine, facts(row), related)
        if score is not None:
            scored.append((-score, event_id))
    for _, event_id in sorted(scored):
        taken = conn.execute(
            "SELECT 1 FROM reports WHERE event_id = ? AND article_id = ? LIMIT 1",
            (event_id, article_id),
        ).fetchone()
        if not taken:  # two reports of one article are two incidents
            return event_id
    return None


def materialise_events(conn: sqlite3.Connection, relinked: Iterable[str] = ()) -> dict[str, int]:
    """Link every report without an event to an existing event or a new one; refresh them.
    ``relinked``: articles whose derivation link changed; their events are looked at again,
    since the new link can tie two events of one story together."""
    created = joined = 0
    touched: set[str] = set()
    with db.transaction(conn):
        # Relinked by an earlier run that stopped before this step, too (the link queue).
        relinked = sorted(set(relinked) | set(db.queued_link(conn, "events")))
        inherited = inherit_reports(conn)
        touched.update(_events_of_families(conn, relinked))
        for event_id in changed_events(conn):
            refresh_event(conn, event_id)
            touched.add(event_id)
        rows = conn.execute(
            "SELECT r.*, coalesce(a.published, a.printed_date) AS article_date"
            " FROM reports r JOIN articles a USING (article_id) WHERE r.event_id IS NULL"
            " ORDER BY (a.derived_from IS NOT NULL), (r.event_date IS NULL),"
            " coalesce(a.published, a.printed_date),"
            " r.article_id, r.seq"
        ).fetchall()
        families: dict[str, set[str]] = {}
        for r in rows:
            report = _with_article_day(r)
            root = family_root(conn, r["article_id"])
            if root not in families:
                families[root] = family_members(conn, root)
            found = _find_event(conn, report, families[root])
            if found is None:
                event_id = db.event_id_for(r["article_id"], r["seq"])
                conn.execute(
                    "INSERT OR IGNORE INTO events (event_id, updated_at) VALUES (?, ?)",
                    (event_id, db.utcnow()),
                )
                created += 1
            else:
                event_id = found
                joined += 1
            conn.execute(
                "UPDATE reports SET event_id = ? WHERE report_id = ?", (event_id, r["report_id"])
            )
            refresh_event(conn, event_id)  # later reports match against the merged event
            touched.add(event_id)
        merged = merge_events(conn, touched)
        db.unqueue_link(conn, "events", relinked)
    return {
        "reports_inherited": inherited,
        "events_created": created,
        "reports_joined": joined,
        "events_merged": merged,
        "events_updated": len(touched),
    }


def _events_of_families(conn: sqlite3.Connection, article_ids: Iterable[str]) -> set[str]:
    """The events reported by the derivation families of these articles."""
    members: set[str] = set()
    for root in {family_root(conn, a) for a in article_ids}:
        members |= family_members(conn, root)
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


def _event_articles(conn: sqlite3.Connection, event_id: str) -> set[str]:
    return {
        r[0] for r in conn.execute("SELECT article_id FROM reports WHERE event_id = ?", (event_id,))
    }


def merge_events(conn: sqlite3.Connection, event_ids: set[str]) -> int:
    """Merge touched events with compatible neighbours: a report that brought a date or a
    place to an event can make it match an event it could not match before."""
    merged = 0
    queue = sorted(event_ids)
    while queue:
        event_id = queue.pop()
        row = conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None or row["event_date"] is None:
            continue
        mine = facts(row)
        articles: set[str] | None = None
        near = {r["event_id"]: r for r in events_near(conn, mine)}
        for linked in sorted(_events_of_families(conn, _event_articles(conn, event_id))):
            if linked not in near:
                found = conn.execute("SELECT * FROM events WHERE event_id = ?", (linked,))
                near.update((r["event_id"], r) for r in found)
        for other in near.values():
            if other["event_id"] == event_id:
                continue
            theirs = facts(other)
            if match_score(mine, theirs, related=True) is None:
                continue  # cheap test first: not even the same story could join these
            if articles is None:
                articles = _event_articles(conn, event_id)
            other_articles = _event_articles(conn, other["event_id"])
            if articles & other_articles:
                continue  # two reports of one article are two incidents
            if match_score(mine, theirs, related=False) is None:
                roots = {family_root(conn, a) for a in articles}
                if not roots & {family_root(conn, a) for a in other_articles}:
                    continue
            keep, drop = sorted(
                (event_id, other["event_id"]),
                key=lambda e: (-len(_event_articles(conn, e)), e),
            )
            conn.execute("UPDATE reports SET event_id = ? WHERE event_id = ?", (keep, drop))
            conn.execute("DELETE FROM events WHERE event_id = ?", (drop,))
            refresh_event(conn, keep)
            queue.append(keep)
            merged += 1
            break
    return merged


INHERITED = "inherited:"  # evidence label of a report taken over from the source article


def _inherited_from(evidence: str | None) -> str | None:
    for span in json.loads(evidence or "[]"):
        if len(span) > 2 and str(span[2]).startswith(INHERITED):
            return str(span[2])[len(INHERITED) :].split("#", 1)[0]
    return None


def inherit_reports(conn: sqlite3.Connection) -> int:
    """A copy or translation the extractor found nothing in (often a language it cannot read)
    reports what its source reports, as far as it kept the source's passages: it takes over
    the source's reports whose evidence lies in a kept passage (without their claims, whose
    offsets point into the source). Inherited reports of a link that changed are dropped."""
    for r in conn.execute(
        "SELECT r.report_id, r.evidence, a.derived_from FROM reports r JOIN articles a"
        " USING (article_id) WHERE r.evidence LIKE ?",
        (f'%"{INHERITED}%',),
    ).fetchall():
        if _inherited_from(r["evidence"]) != r["derived_from"]:
            conn.execute("DELETE FROM reports WHERE report_id = ?", (r["report_id"],))
    added = 0
    for a in conn.execute(
        "SELECT article_id, derived_from, alignment FROM articles a WHERE derived_from IS NOT"
        " NULL AND status = 'processed' AND NOT EXISTS"
        " (SELECT 1 FROM reports r WHERE r.article_id = a.article_id)"
    ).fetchall():
        pairs = json.loads(a["alignment"] or "{}").get("pairs", [])
        seq = 0
        for rep in conn.execute(
            "SELECT * FROM reports WHERE article_id = ? AND evidence NOT LIKE ? ORDER BY seq",
            (a["derived_from"], f'%"{INHERITED}%'),
        ).fetchall():
            kept = _kept_spans(json.loads(rep["evidence"] or "[]"), pairs)
            if kept is None:
                continue
            label = f"{INHERITED}{a['derived_from']}#{rep['seq']}"
            conn.execute(
                "INSERT INTO reports (article_id, seq, event_date, time_precision, event_type,"
                " sub_event_type, actor1, actor2, inter1, inter2, places, country, admin1,"
                " admin2, location, latitude, longitude, geo_precision, fatalities, evidence)"
                " SELECT ?, ?, event_date, time_precision, event_type, sub_event_type, actor1,"
                " actor2, inter1, inter2, '[]', country, admin1, admin2, location, latitude,"
                " longitude, geo_precision, fatalities, ? FROM reports WHERE report_id = ?",
                (
                    a["article_id"],
                    seq,
                    json.dumps([[s, e, label] for s, e in kept] or [[0, 0, label]]),
                    rep["report_id"],
                ),
            )
            seq += 1
            added += 1
    return added


def _kept_spans(
    evidence: list[list[object]], pairs: list[list[float]]
) -> list[tuple[int, int]] | None:
    """The derived article's passages that render the report's evidence; None if it dropped
    all of it. A report without evidence spans is taken over whole."""
    spans = [(int(str(e[0])), int(str(e[1]))) for e in evidence if len(e) >= 2]
    if not spans:
        return []
    kept = [
        (int(p[2]), int(p[3]))
        for p in pairs
        if any(start < p[1] and end > p[0] for start, end in spans)
    ]
    return kept or None


def changed_events(conn: sqlite3.Connection) -> list[str]:
    """Events that lost a report since they were last computed (its article was reprocessed)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT s.event_id FROM event_state s LEFT JOIN (SELECT event_id, count(*) n,"
            " sum(report_id) t FROM reports WHERE event_id IS NOT NULL GROUP BY event_id) c"
            " USING (event_id) WHERE c.n IS NOT s.reports OR c.t IS NOT s.report_sum"
        )
    ]


def _with_article_day(row: sqlite3.Row) -> dict[str, object]:
    out = dict(row)
    out["article_day"] = day_number(row["article_date"])
    return out


# --- refreshing an event -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    row: sqlite3.Row
    family: str
    original: bool  # not derived from another article


def _members(conn: sqlite3.Connection, event_id: str) -> list[Member]:
    rows = conn.execute(
        "SELECT r.*, a.outlet AS outlet, a.language AS language, a.derived_from AS derived_from,"
        " coalesce(a.published, a.printed_date) AS article_date"
        " FROM reports r JOIN articles a USING (article_id)"
        " WHERE r.event_id = ? ORDER BY r.article_id, r.seq",
        (event_id,),
    ).fetchall()
    return [Member(r, family_root(conn, r["article_id"]), r["derived_from"] is None) for r in rows]


def _support(members: Sequence[Member], key: tuple[object, ...], fields: Sequence[str]) -> int:
    """Independent support: how many derivation families give this value."""
    return len({m.family for m in members if tuple(m.row[f] for f in fields) == key})


def _pick(
    members: Sequence[Member], fields: Sequence[str], rank: str
) -> tuple[dict[str, object], str | None]:
    """The block of fields from the best member that has them."""
    having = [m for m in members if any(m.row[f] is not None for f in fields)]
    if not having:
        return {f: None for f in fields}, None

    def order(m: Member) -> tuple[object, ...]:
        key = tuple(m.row[f] for f in fields)
        support = _support(having, key, fields)
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


def refresh_event(conn: sqlite3.Connection, event_id: str) -> None:
    """Recompute an event from its reports and claims."""
    members = _members(conn, event_id)
    if not members:
        conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        return
    values: dict[str, object] = {}
    provenance: dict[str, str] = {}
    blocks = (
        (("event_date", "time_precision"), "date"),
        (GEO_FIELDS, "geo"),
        (("event_type", "sub_event_type"), "support"),
        (ACTOR_FIELDS, "support"),
    )
    for fields, rank in blocks:
        picked, source = _pick(members, fields, rank)
        values.update(picked)
        if source is not None:
            provenance.update({f: source for f in fields if picked[f] is not None})
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
            scope=c["scope"],
            earlier=bool(c["earlier"]),
            breath=breath_of(c["start"], c["evidence"]),
        )
        for c in conn.execute(
            "SELECT c.*, a.outlet AS outlet, a.language AS language, r.evidence AS evidence,"
            " coalesce(a.published, a.printed_date) AS reported FROM claims c"
            " JOIN reports r USING (report_id) JOIN articles a ON a.article_id = c.article_id"
            " WHERE r.event_id = ? ORDER BY coalesce(a.published, a.printed_date), c.claim_id",
            (event_id,),
        )
    ]
    rec = reconcile(claims)
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
