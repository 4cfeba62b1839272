"""Alerts: new or changed events that pass a filter, as JSONL to a stream/file or to a webhook.

The filter is the dashboard's (a URL query such as ``country=SY&event_type=Battles``,
see ``web/filters.py``), plus ``fatalities=N``: at least N deaths.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl

import httpx

from wartrace.store import export
from wartrace.store.db import utcnow
from wartrace.watch.fetch import USER_AGENT
from wartrace.web.filters import FilterError, Filters, parse_filters, where


@dataclass(frozen=True, slots=True)
class Alert:
    filters: Filters
    min_fatalities: int | None
    target: str  # "-" (stdout), a file path, or an http(s) webhook URL
    key: str  # names this alert in the store: its filter and target as given


def parse_alert(text: str, target: str = "-") -> Alert:
    """An alert from the dashboard's filter syntax; a bad filter is an error, not ignored."""
    params = dict(parse_qsl(text.lstrip("?"), keep_blank_values=True))
    minimum = None
    if "fatalities" in params:
        raw = params.pop("fatalities")
        if not raw.strip().isdigit():
            raise FilterError(f"fatalities: expected a whole number, got {raw!r}")
        minimum = int(raw)
    filters, errors = parse_filters(params)
    unknown = sorted(set(params) - _KNOWN)
    if unknown:
        errors.append(f"unknown filter(s): {', '.join(unknown)}")
    if errors:
        raise FilterError("; ".join(errors))
    return Alert(filters, minimum, target, f"{text}\x1f{target}")


_KNOWN = set(Filters.__dataclass_fields__) - {"sort", "page", "per_page"}


def matching(conn: sqlite3.Connection, alert: Alert, event_ids: Sequence[str]) -> list[str]:
    """Those of ``event_ids`` that pass the alert's filter."""
    if not event_ids:
        return []
    clause, params = where(alert.filters, has_fts=_has_fts(conn))
    sql = f"SELECT e.event_id FROM events e WHERE e.event_id IN {export.IN_IDS} AND {clause}"
    if alert.min_fatalities is not None:
        sql += " AND coalesce(e.fatalities, 0) >= ?"
        params = [*params, alert.min_fatalities]
    return [r[0] for r in conn.execute(sql, [json.dumps(list(event_ids)), *params])]


def _has_fts(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_fts'").fetchone())


def signature(record: dict[str, Any]) -> str:
    return hashlib.sha1(json.dumps(record, sort_keys=True).encode()).hexdigest()


def due(conn: sqlite3.Connection, alert: Alert, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The matching events that were never sent, or have changed since (``"alert"`` says which)."""
    records = export.event_records(conn, matching(conn, alert, event_ids))
    sent = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT event_id, signature FROM watch_alerts WHERE alert = ?"
            f" AND event_id IN {export.IN_IDS}",
            (alert.key, json.dumps([r["event_id"] for r in records])),
        )
    }
    out = []
    for record in records:
        before = sent.get(record["event_id"])
        if before != signature(record):
            out.append({"alert": "updated" if before else "new", **record})
    return out


def record_sent(conn: sqlite3.Connection, alert: Alert, records: Sequence[dict[str, Any]]) -> None:
    """The records went out: remember what was sent and forget what was waiting."""
    now = utcnow()
    conn.execute("DELETE FROM watch_alert_pending WHERE alert = ?", (alert.key,))
    conn.executemany(
        "INSERT INTO watch_alerts (alert, event_id, signature, sent_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (alert, event_id) DO UPDATE SET signature=excluded.signature,"
        " sent_at=excluded.sent_at",
        [
            (alert.key, r["event_id"], signature({k: v for k, v in r.items() if k != "alert"}), now)
            for r in records
        ],
    )


def undelivered(conn: sqlite3.Connection, alert: Alert) -> set[str]:
    """Events whose alert failed to go out, in this run or before a restart."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT event_id FROM watch_alert_pending WHERE alert = ?", (alert.key,)
        )
    }


def record_undelivered(conn: sqlite3.Connection, alert: Alert, event_ids: Sequence[str]) -> None:
    now = utcnow()
    conn.executemany(
        "INSERT INTO watch_alert_pending (alert, event_id, failed_at) VALUES (?, ?, ?)"
        " ON CONFLICT (alert, event_id) DO UPDATE SET failed_at=excluded.failed_at",
        [(alert.key, event_id, now) for event_id in event_ids],
    )


def deliver(
    alert: Alert, records: Sequence[dict[str, Any]], stdout: IO[str], timeout: float
) -> None:
    """Send the records; raises (OSError, httpx.HTTPError) so that they are sent again later."""
    if not records:
        return
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if alert.target == "-":
        stdout.write(lines)
        stdout.flush()
    elif alert.target.startswith(("http://", "https://")):
        response = httpx.post(
            alert.target,
            json={"events": list(records)},
            timeout=timeout,
            headers={"User-Agent": USER_AGENT},
        )
        response.raise_for_status()
    else:
        with Path(alert.target).open("a", encoding="utf-8") as out:
            out.write(lines)
