"""Linking: derived articles (copies, rewrites, translations) and events across reports."""

from __future__ import annotations

import sqlite3

from wartrace.link.derive import link_derivations
from wartrace.link.describe import describe_links
from wartrace.link.events import materialise_events

__all__ = ["describe_links", "link_all"]


def link_all(conn: sqlite3.Connection) -> dict[str, int]:
    """Bring the links and events up to date with the processed articles (incrementally)."""
    # Linking reads and rewrites index pages all over the store: a 64 MB page cache keeps the
    # per-article cost flat as the store grows (measured: 960 -> 778 us/report at 10k).
    conn.execute("PRAGMA cache_size = -65536")
    relinked: set[str] = set()
    summary = link_derivations(conn, relinked)
    summary.update(materialise_events(conn, relinked))
    return summary
