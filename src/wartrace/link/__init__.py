"""Linking: derived articles (copies, rewrites, translations) and events across reports."""

from __future__ import annotations

import sqlite3

from wartrace.link.derive import link_derivations
from wartrace.link.describe import describe_links
from wartrace.link.events import materialise_events

__all__ = ["describe_links", "link_all"]


def link_all(conn: sqlite3.Connection) -> dict[str, int]:
    """Bring the links and events up to date with the processed articles (incrementally)."""
    relinked: set[str] = set()
    summary = link_derivations(conn, relinked)
    summary.update(materialise_events(conn, relinked))
    return summary
