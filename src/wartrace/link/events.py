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
shared rare anchor. A report of a translation or copy joins its source's event on weaker
evidence (the same story) but never counts as an independent confirmation (see
``reconcile``); a same-story partner's event is also joined on that weaker evidence. A new
derivation link re-examines the events of its family, so two events of one story found
apart are merged. Each report keeps why it joined (``reports.link_reason``).

Each touched event is then recomputed from its reports (``refresh``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from wartrace.link.families import family_members, family_root, same_story_partners
from wartrace.link.index import day_number
from wartrace.link.match import (
    Facts,
    _rules,
    days_differ,
    facts,
    match_score,
    needs_anchor,
    place_keys,
    same_named_place,
    stated,
)
from wartrace.link.refresh import refresh_event, refresh_fields
from wartrace.store import db

NEW_EVENT_COLUMNS = ", ".join(db.EVENT_FIELDS)
NEW_EVENT_MARKS = ", ".join("?" * len(db.EVENT_FIELDS))
UNDATED_BLOCK_DAYS = 10  # around the publication date of an undated report
MAX_CANDIDATE_EVENTS = 500  # a safety bound on one blocking query
# A report with no date in an undated article joins an event at its place only when no date
# its text names contradicts the event's, or when the articles share this many anchors that
# at most TIE_OUTSIDE other articles have: one place sees many incidents months apart, and
# its name, the actors and the type cannot tell them apart.
TIE_ANCHORS = 2
TIE_OUTSIDE = 2
TIE_NAME_KEY = 3
MAX_TIE_CHECKS = 5  # articles of a large event checked for a shared rare anchor
MAX_PLACE_REPORTS = 50  # reports of a large event read for the places their texts name
# Two days written out, one day apart (MIDNIGHT: at one named place) or more (APART).
APART = "apart"
MIDNIGHT = "midnight"
MIDNIGHT_REASON = "consecutive days at one named place, shared rare names or figures"
# A named calendar date fits an event within this many days of its date.
DATE_FIT_DAYS = 1


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
    # Only anchors rare in the whole store can be rare outside the story: look those up
    # first (indexed by article, then by anchor), never the postings of common ones.
    cap = len(others) + 1 + TIE_OUTSIDE
    df = {
        str(anchor): int(n)
        for anchor, n in conn.execute(
            "SELECT m.anchor, f.n FROM link_anchors m JOIN link_anchor_df f USING (anchor)"
            " WHERE m.article_id = ? AND f.n <= ?",
            (article_id, cap),
        )
        if distinctive(str(anchor))
    }
    if len(df) < TIE_ANCHORS:
        return False
    rows = conn.execute(
        "SELECT anchor, count(DISTINCT article_id) FROM link_anchors"
        " WHERE anchor IN (SELECT value FROM json_each(?))"
        " AND article_id IN (SELECT value FROM json_each(?)) GROUP BY anchor",
        (json.dumps(sorted(df)), json.dumps(sorted(others))),
    ).fetchall()
    rare = sum(1 for anchor, inside in rows if df[anchor] - int(inside) - 1 <= TIE_OUTSIDE)
    return rare >= TIE_ANCHORS


def with_places(conn: sqlite3.Connection, event_id: str, event: Facts) -> Facts:
    """An event's facts with the places its reports' texts name."""
    keys: set[str] = set()
    for places, admin1 in conn.execute(
        "SELECT places, admin1 FROM reports WHERE event_id = ? ORDER BY report_id LIMIT ?",
        (event_id, MAX_PLACE_REPORTS),
    ):
        keys |= place_keys(places, admin1)
    return replace(event, places=frozenset(keys))


def notes_only(conn: sqlite3.Connection, article_ids: set[str]) -> bool:
    """Whether every text is a note: one short paragraph (``SHORT_TEXT_WORDS``), no headline.
    Each such note is a whole coded account of one incident, so two notes of one incident
    share more than its day and place (a name, a figure); a town sees several incidents a
    day. News briefs have a headline and paragraphs: they are not notes."""
    ids = sorted(article_ids)[: MAX_PLACE_REPORTS + 1]
    rows = conn.execute(
        "SELECT count(*) FROM link_index WHERE article_id IN (SELECT value FROM json_each(?))"
        " AND length(short_shingles) > 0 AND json_array_length(passages) = 1",
        (json.dumps(ids),),
    ).fetchone()
    return len(ids) <= MAX_PLACE_REPORTS and int(rows[0]) == len(ids)


def _events_of(conn: sqlite3.Connection, article_ids: Iterable[str]) -> list[str]:
    ordered = sorted(set(article_ids))
    if not ordered:
        return []
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT event_id FROM reports WHERE article_id IN"
            " (SELECT value FROM json_each(?)) AND event_id IS NOT NULL",
            (json.dumps(ordered),),
        )
    ]


def _find_event(
    conn: sqlite3.Connection, report: dict[str, object], family: set[str]
) -> tuple[str, str] | None:
    """The best compatible event for a report (not one its own article already reports),
    with the reason it fits."""
    mine = facts(report)
    article_id = str(report["article_id"])
    rows: dict[str, tuple[sqlite3.Row, str]] = {}
    for how, members in (
        ("copy", family - {article_id}),
        ("same story", same_story_partners(conn, article_id)),
    ):
        for event_id in _events_of(conn, members):
            row = conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
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
            if _dates_allow(conn, named, row)
            or anchor_tied(conn, article_id, _event_articles(conn, row["event_id"]))
        ]
    for row in near:
        rows.setdefault(row["event_id"], (row, ""))
    scored = []
    for event_id, (row, how) in rows.items():
        theirs = facts(row)
        score = match_score(mine, theirs, related=bool(how))
        if score is not None:
            scored.append((-score, event_id, how, theirs))
    said = stated_dates(conn, article_id, report["evidence"]) if mine.day is not None else set()  # type: ignore[arg-type]
    for _, event_id, how, theirs in sorted(scored, key=lambda t: (t[0], t[1])):
        articles = _event_articles(conn, event_id)
        if article_id in articles:
            continue  # two reports of one article are two incidents
        # Even a copy that writes out another day tells another incident (a note made on
        # another's template); a day apart at one place is still one night for a copy.
        apart = _explicitly_apart(conn, mine, said, theirs, event_id)
        if apart == APART:
            continue
        if apart == MIDNIGHT and how != "copy":
            if anchor_tied(conn, article_id, articles):
                return event_id, MIDNIGHT_REASON
            continue
        if how:
            return event_id, f"{how} of an article of this event"
        if needs_anchor(mine, with_places(conn, event_id, theirs)) or notes_only(
            conn, articles | {article_id}
        ):
            if anchor_tied(conn, article_id, articles):
                return event_id, "same day and province, shared rare names or figures"
            continue
        return event_id, "same date and place"
    return None


def materialise_events(conn: sqlite3.Connection, relinked: Iterable[str] = ()) -> dict[str, int]:
    """Link every report without an event to an existing event or a new one; refresh them.
    ``relinked``: articles whose derivation link changed; their events are looked at again,
    since the new link can tie two events of one story together."""
    created = joined = 0
    touched: set[str] = set()
    roots: dict[str, str] = {}  # family root of each article, for this run
    with db.transaction(conn):
        # Relinked by an earlier run that stopped before this step, too (the link queue).
        relinked = sorted(set(relinked) | set(db.queued_link(conn, "events")))
        inherited = inherit_reports(conn)
        touched.update(_events_of_families(conn, relinked))
        for event_id in changed_events(conn):
            refresh_fields(conn, event_id, roots)
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
            if r["article_id"] not in roots:
                roots[r["article_id"]] = family_root(conn, r["article_id"])
            root = roots[r["article_id"]]
            if root not in families:
                families[root] = family_members(conn, root)
            found = _find_event(conn, report, families[root])
            reason: str | None = None
            if found is None:
                event_id = db.event_id_for(r["article_id"], r["seq"])
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
            if found is not None:
                refresh_fields(conn, event_id, roots)  # later reports match the merged event
            touched.add(event_id)
        merged = merge_events(conn, touched, roots)  # adds the events it kept to touched
        for event_id in sorted(touched):
            refresh_event(conn, event_id, roots)  # once per touched event, whole
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


def merge_events(
    conn: sqlite3.Connection, event_ids: set[str], roots: dict[str, str] | None = None
) -> int:
    """Merge touched events with compatible neighbours: a report that brought a date or a
    place to an event can make it match an event it could not match before. Kept events are
    added to ``event_ids`` (their fields are refreshed here, the rest by the caller)."""
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
            reason = _merge_reason(
                conn, (event_id, other["event_id"]), mine, theirs, articles, other_articles
            )
            if reason is None:
                continue
            keep, drop = sorted(
                (event_id, other["event_id"]),
                key=lambda e: (-len(_event_articles(conn, e)), e),
            )
            conn.execute(
                "UPDATE reports SET event_id = ?, link_reason = ? WHERE event_id = ?",
                (keep, f"events merged: {reason}", drop),
            )
            conn.execute("DELETE FROM events WHERE event_id = ?", (drop,))
            refresh_fields(conn, keep, roots)
            event_ids.add(keep)  # refreshed whole by the caller
            queue.append(keep)
            merged += 1
            break
    return merged


def stated_dates(
    conn: sqlite3.Connection, article_id: str, evidence: str | None
) -> set[tuple[int, int]]:
    """(day, month) of the calendar dates written in the passages a report was read from."""
    spans = [
        (int(e[0]), int(e[1]))
        for e in json.loads(evidence or "[]")
        if len(e) >= 2 and not str(e[2] if len(e) > 2 else "").startswith(INHERITED)
    ]
    row = conn.execute(
        "SELECT passages FROM link_index WHERE article_id = ?", (article_id,)
    ).fetchone()
    if not spans or row is None:
        return set()
    out: set[tuple[int, int]] = set()
    for start, end, _, _, anchors in json.loads(row[0]):
        if any(s < end and e > start for s, e in spans):
            for anchor in anchors:
                day, _, month = str(anchor)[2:].partition("/")
                if anchor.startswith("d:") and day.isdigit() and month.isdigit():
                    out.add((int(day), int(month)))
    return out


def _event_states(conn: sqlite3.Connection, event_id: str, day: int | None) -> bool:
    """Whether one of the event's reports of that day has it written in its sentences."""
    if day is None:
        return False
    rows = conn.execute(
        "SELECT article_id, evidence FROM reports WHERE event_id = ? AND event_date = ?"
        " ORDER BY report_id LIMIT ?",
        (event_id, date.fromordinal(day).isoformat(), MAX_TIE_CHECKS),
    ).fetchall()
    return any(stated(day, sorted(stated_dates(conn, r[0], r[1]))) for r in rows)


def _explicitly_apart(
    conn: sqlite3.Connection,
    mine: Facts,
    said: set[tuple[int, int]] | str,
    theirs: Facts,
    event_id: str,
) -> str | None:
    """Two different days, each written out in the sentences its report was read from: never
    one incident unless one text is made from the other (``APART``), or, one day apart at
    one named place, only when the texts also share rare names or figures (``MIDNIGHT``).
    A day read from a weekday or "yesterday" can be off by one and does not count (None).
    ``said``: the dates the report's sentences write out, or the id of the event on this
    side."""
    if not days_differ(mine, theirs):
        return None
    if isinstance(said, str):
        mine_stated = _event_states(conn, said, mine.day)
    else:
        mine_stated = stated(mine.day, sorted(said))
    if not (mine_stated and _event_states(conn, event_id, theirs.day)):
        return None
    if abs((mine.day or 0) - (theirs.day or 0)) == 1 and same_named_place(mine, theirs):
        # One night at one place: news reports of one incident straddle midnight and time
        # zones, but two notes of one place on consecutive days are usually two incidents.
        return MIDNIGHT
    return APART


def _merge_reason(
    conn: sqlite3.Connection,
    ids: tuple[str, str],
    mine: Facts,
    theirs: Facts,
    articles: set[str],
    others: set[str],
) -> str | None:
    """Why two events are one (None when they are not): one text made from another, an
    independent retelling of the same story, or dates and places that agree (different
    named places of a province also sharing rare names or figures)."""
    apart = _explicitly_apart(conn, mine, ids[0], theirs, ids[1])
    if apart == APART:
        return None
    roots = {family_root(conn, a) for a in articles}
    if roots & {family_root(conn, a) for a in others}:
        return "copy of an article of this event"
    if apart == MIDNIGHT:
        if any(anchor_tied(conn, a, others) for a in sorted(articles)[:MAX_TIE_CHECKS]):
            return MIDNIGHT_REASON
        return None
    if (
        any(same_story_partners(conn, a) & others for a in sorted(articles))
        and match_score(mine, theirs, related=True) is not None
    ):
        return "same story as an article of this event"
    if match_score(mine, theirs, related=False) is None:
        return None
    if not needs_anchor(
        with_places(conn, ids[0], mine), with_places(conn, ids[1], theirs)
    ) and not notes_only(conn, articles | others):
        return "same date and place"
    if any(anchor_tied(conn, a, others) for a in sorted(articles)[:MAX_TIE_CHECKS]):
        return "same day and province, shared rare names or figures"
    return None


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
