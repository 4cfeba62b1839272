"""The situation report's words: a title naming the region and the period, and a short
summary paragraph (counts, deadliest events, change against the previous period)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from wartrace.web.filters import Filters, where


def _day(value: str) -> str:
    d = date.fromisoformat(value)
    return f"{d.day} {d.strftime('%B %Y')}"


def period_label(since: str | None, until: str | None) -> str:
    """'1–31 March 2024', '28 February – 3 March 2024', or open-ended forms."""
    if since and until:
        a, b = date.fromisoformat(since), date.fromisoformat(until)
        if a == b:
            return _day(since)
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {b.strftime('%B %Y')}"
        if a.year == b.year:
            return f"{a.day} {a.strftime('%B')} – {b.day} {b.strftime('%B %Y')}"
        return f"{_day(since)} – {_day(until)}"
    if since:
        return f"since {_day(since)}"
    if until:
        return f"until {_day(until)}"
    return "all dates"


def region_label(areas: Sequence[dict[str, Any]], countries: Sequence[str]) -> str:
    """The region the events are in: one country's hardest-hit areas, or the countries."""
    names = [c for c in countries if c]
    if not names:
        return "Events"
    if len(names) == 1:
        regions = [a["admin1"] for a in areas if a.get("admin1")][:2]
        return f"{names[0]} ({' and '.join(regions)})" if regions else names[0]
    if len(names) > 3:
        return f"{', '.join(names[:3])} and {len(names) - 3} more"
    return f"{', '.join(names[:-1])} and {names[-1]}"


def previous_period(since: str, until: str) -> tuple[str, str] | None:
    """The window of the same length just before ``since``..``until`` (None if there is none)."""
    a, b = date.fromisoformat(since), date.fromisoformat(until)
    length = (b - a).days + 1
    if length < 1 or a.toordinal() - length < 1:  # an empty period, or one at the calendar's start
        return None
    return (a - timedelta(days=length)).isoformat(), (a - timedelta(days=1)).isoformat()


def totals(conn: sqlite3.Connection, since: str, until: str) -> tuple[int, int]:
    clause, params = where(Filters(since=since, until=until), has_fts=False)
    row = conn.execute(
        f"SELECT count(*), coalesce(sum(e.fatalities), 0) FROM events e WHERE {clause}", params
    ).fetchone()
    return int(row[0]), int(row[1])


def _change(now: int, before: int, noun: str) -> str:
    if before == 0:
        return f"{noun} {now} (none in the previous period)" if now else ""
    pct = round(100 * (now - before) / before)
    if pct == 0:
        return f"{noun} unchanged at {now}"
    return f"{noun} {'up' if pct > 0 else 'down'} {abs(pct)}% ({before} → {now})"


def summary_text(
    s: dict[str, Any],
    top: Sequence[dict[str, Any]],
    previous: tuple[int, int] | None,
    undated: int,
) -> str:
    """Two or three plain sentences an analyst can paste into a mail."""
    if not s["events"]:
        text = "No events are dated in this period."
        return text + (f" {undated} undated event(s) were reported in it." if undated else "")
    parts = [
        f"{s['events']} event{'s' if s['events'] != 1 else ''} were recorded in"
        f" {s['countries']} countr{'ies' if s['countries'] != 1 else 'y'}, with"
        f" {s['fatalities']} fatalities by ACLED's conservative count"
        + (
            f" (reports range {s['fatalities_low']}–{s['fatalities_high']})."
            if s["fatalities_high"] != s["fatalities_low"]
            else "."
        )
    ]
    deadly = [e for e in top[:3] if e.get("fatalities")]
    if deadly:
        listed = "; ".join(
            f"{e.get('location') or 'an unknown place'}"
            f" on {e.get('event_date') or 'an unknown date'}"
            f" ({e['fatalities']} killed, {(e.get('event_type') or 'event').lower()})"
            for e in deadly
        )
        parts.append(f"The deadliest: {listed}.")
    if previous is not None:
        changes = [
            c
            for c in (
                _change(s["events"], previous[0], "events"),
                _change(s["fatalities"], previous[1], "fatalities"),
            )
            if c
        ]
        if changes:
            parts.append(
                "Against the previous period of the same length: " + ", ".join(changes) + "."
            )
    if undated:
        parts.append(
            f"{undated} more event{'s' if undated != 1 else ''} could not be dated"
            " (listed at the end)."
        )
    return " ".join(parts)
