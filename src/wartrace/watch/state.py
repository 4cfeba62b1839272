"""What a watch has seen, kept in the store (tables of migration 0005) so it can resume."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from wartrace.store.db import utcnow


@dataclass(slots=True)
class Seen:
    """One item (feed entry or file) as last read."""

    stamp: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


@dataclass(slots=True)
class SourceState:
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    retry_at: float | None = None
    last_error: str | None = None


def load_source(conn: sqlite3.Connection, source: str) -> SourceState:
    row = conn.execute(
        "SELECT etag, last_modified, failures, retry_at, last_error FROM watch_sources"
        " WHERE source = ?",
        (source,),
    ).fetchone()
    return SourceState(*row) if row else SourceState()


def save_source(conn: sqlite3.Connection, source: str, state: SourceState) -> None:
    conn.execute(
        "INSERT INTO watch_sources (source, etag, last_modified, failures, retry_at,"
        " last_error, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (source) DO UPDATE SET etag=excluded.etag,"
        " last_modified=excluded.last_modified, failures=excluded.failures,"
        " retry_at=excluded.retry_at, last_error=excluded.last_error,"
        " checked_at=excluded.checked_at",
        (
            source,
            state.etag,
            state.last_modified,
            state.failures,
            state.retry_at,
            state.last_error,
            utcnow(),
        ),
    )


def load_seen(conn: sqlite3.Connection, source: str) -> dict[str, Seen]:
    """Every item of one source; one query per poll rather than one per item."""
    return {
        r[0]: Seen(*r[1:])
        for r in conn.execute(
            "SELECT item, stamp, etag, last_modified, content_hash FROM watch_items"
            " WHERE source = ?",
            (source,),
        )
    }


def save_seen(conn: sqlite3.Connection, source: str, items: dict[str, Seen]) -> None:
    now = utcnow()
    conn.executemany(
        "INSERT INTO watch_items (source, item, stamp, etag, last_modified, content_hash,"
        " seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (source, item) DO UPDATE SET stamp=excluded.stamp, etag=excluded.etag,"
        " last_modified=excluded.last_modified, content_hash=excluded.content_hash,"
        " seen_at=excluded.seen_at",
        [
            (source, item, s.stamp, s.etag, s.last_modified, s.content_hash, now)
            for item, s in items.items()
        ],
    )
