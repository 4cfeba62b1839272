"""Linking: derived articles (copies, rewrites, translations) and events across reports."""

from __future__ import annotations

import sqlite3

from wartrace.link.events import materialise_events


def link_all(conn: sqlite3.Connection) -> dict[str, int]:
    """Bring the links and events up to date with the processed articles."""
    return {"events": materialise_events(conn)}
