"""What tells whether a report and an event (or two events) are one incident, beyond their
fields (``match``): the blocking lookups of candidate events, the calendar dates a text names
or its report was read from, two days each written out, anchors rare outside the story, the
places an event's texts name, and whether texts are one-paragraph notes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache, partial

from wartrace.link.anchors import WHOLE_NAME
from wartrace.link.index import day_number
from wartrace.link.inherit import INHERITED
from wartrace.link.match import Facts, _rules, days_differ, place_keys, same_named_place, stated
from wartrace.link.rarity import common_anchors
from wartrace.store import db

MAX_CANDIDATE_EVENTS = 500  # a safety bound on one blocking query
# What matching reads of a candidate event (not its notes or provenance).
EVENT_COLUMNS = "event_id, " + ", ".join(db.EVENT_FIELDS)
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


def events_near(
    conn: sqlite3.Connection, mine: Facts, day: int | None = None, span: int | None = None
) -> list[sqlite3.Row]:
    """Blocking: events dated within the report's tolerance (coarse-dated events within a
    month), in the same province or country when the report names one. An event of another
    country never matches (``match.place_score``), so it is left out here, even one whose
    province has the same name or which names no province."""
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
        f"SELECT {EVENT_COLUMNS} FROM events WHERE (event_date BETWEEN ? AND ?"
        " OR (time_precision > 1 AND event_date BETWEEN ? AND ?))"
    )
    if mine.admin1:
        sql += " AND (admin1 = ? OR admin1 IS NULL)"
        params.append(mine.admin1)
        if mine.country:
            sql += " AND (country = ? OR country IS NULL)"
            params.append(mine.country)
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
        f"SELECT {EVENT_COLUMNS} FROM events WHERE country = ? AND admin1 IS ? AND location = ?"
        " LIMIT ?",
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


def dates_allow(
    conn: sqlite3.Connection, named: Sequence[tuple[int, int]], event: sqlite3.Row
) -> bool:
    """No date contradiction between an undated report's text and an event: the event's date,
    or when it has none the dates its articles' texts name."""
    if not named:
        return True
    day = day_number(event["event_date"])
    if day is not None:
        return dates_fit(named, day)
    theirs = [d for a in event_articles(conn, event["event_id"]) for d in named_dates(conn, a)]
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
    """Name keys of two consonants ("p:mn") are shared by chance too often to tie stories, and
    so are short names kept whole ("Imo", "Ain": ``anchors.WHOLE_NAME``); a country's name or
    its people's (``country_anchors``) are named by nearly every report of its conflict: rare
    in a store only while it holds few of them."""
    kind, _, key = anchor.partition(":")
    if kind != "p":
        return True
    return (
        len(key) >= TIE_NAME_KEY
        and not anchor.startswith(WHOLE_NAME)
        and anchor not in common_anchors()
    )


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


def events_of(conn: sqlite3.Connection, article_ids: Iterable[str]) -> list[str]:
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


def event_articles(conn: sqlite3.Connection, event_id: str) -> set[str]:
    return {
        r[0] for r in conn.execute("SELECT article_id FROM reports WHERE event_id = ?", (event_id,))
    }


def stated_dates(
    conn: sqlite3.Connection, article_id: str, evidence: str | None
) -> set[tuple[int, int]]:
    """(day, month) of the calendar dates written in the passages a report was read from."""
    spans = _evidence_spans(evidence)
    if not spans:
        return set()
    row = conn.execute(
        "SELECT passages FROM link_index WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return set()
    out: set[tuple[int, int]] = set()
    for start, end, dates in _passage_dates(row[0]):
        if any(s < end and e > start for s, e in spans):
            out.update(dates)
    return out


# Event building asks for the stated dates of the same reports again and again (each
# candidate event's reports): both parses are kept, keyed by the stored JSON itself.
@lru_cache(maxsize=16384)
def _evidence_spans(evidence: str | None) -> tuple[tuple[int, int], ...]:
    """A report's evidence spans, without those of reports taken over from a source."""
    return tuple(
        (int(e[0]), int(e[1]))
        for e in json.loads(evidence or "[]")
        if len(e) >= 2 and not str(e[2] if len(e) > 2 else "").startswith(INHERITED)
    )


@lru_cache(maxsize=16384)
def _passage_dates(passages: str) -> tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]:
    """(start, end, its (day, month) date anchors) of each passage of a stored index."""
    out = []
    for start, end, _, _, anchors in json.loads(passages):
        dates = []
        for anchor in anchors:
            day, _, month = str(anchor)[2:].partition("/")
            if anchor.startswith("d:") and day.isdigit() and month.isdigit():
                dates.append((int(day), int(month)))
        out.append((int(start), int(end), tuple(dates)))
    return tuple(out)


StatedDates = Callable[[str, str | None], set[tuple[int, int]]]  # (article, evidence) -> dates


def event_states(
    conn: sqlite3.Connection, event_id: str, day: int | None, dates: StatedDates | None = None
) -> bool:
    """Whether one of the event's reports of that day has it written in its sentences.
    ``dates``: ``stated_dates`` of this store (a run's memo of it)."""
    if day is None:
        return False
    rows = conn.execute(
        "SELECT article_id, evidence FROM reports WHERE event_id = ? AND event_date = ?"
        " ORDER BY report_id LIMIT ?",
        (event_id, date.fromordinal(day).isoformat(), MAX_TIE_CHECKS),
    ).fetchall()
    if dates is None:
        dates = partial(stated_dates, conn)
    return any(stated(day, sorted(dates(r[0], r[1]))) for r in rows)


def explicitly_apart(
    conn: sqlite3.Connection,
    mine: Facts,
    said: set[tuple[int, int]] | str,
    theirs: Facts,
    event_id: str,
    dates: StatedDates | None = None,
    states: Callable[[str, int | None], bool] | None = None,
) -> str | None:
    """Two different days, each written out in the sentences its report was read from: never
    one incident unless one text is made from the other (``APART``), or, one day apart at
    one named place, only when the texts also share rare names or figures (``MIDNIGHT``).
    A day read from a weekday or "yesterday" can be off by one and does not count (None).
    ``said``: the dates the report's sentences write out, or the id of the event on this
    side. ``dates``: as for ``event_states``; ``states``: ``event_states`` of this store
    (a run's memo of it)."""
    if not days_differ(mine, theirs):
        return None
    if states is None:
        states = partial(event_states, conn, dates=dates)
    if isinstance(said, str):
        mine_stated = states(said, mine.day)
    else:
        mine_stated = stated(mine.day, sorted(said))
    if not (mine_stated and states(event_id, theirs.day)):
        return None
    if abs((mine.day or 0) - (theirs.day or 0)) == 1 and same_named_place(mine, theirs):
        # One night at one place: news reports of one incident straddle midnight and time
        # zones, but two notes of one place on consecutive days are usually two incidents.
        return MIDNIGHT
    return APART
