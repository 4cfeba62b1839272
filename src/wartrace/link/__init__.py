"""Linking: derived articles (copies, rewrites and translations) and events across reports.

A run links its articles chunk by chunk (``CHUNK`` processed articles, in article-id
order): each chunk is indexed and paired with every article indexed before it, the
derivations its pairs touch are resolved, and its reports are built into events. A run
links each whole chunk as soon as it is saved (``link_ready``), while its workers go on
analysing, and the rest at the end (``link_all``); the chunks do not depend on when the
linking happens, so a run on Dask workers exports what a single process does.

What chunking changes: a chunk's reports are matched to the events of the chunks before it
(within a chunk, originals first, then by date, as for a whole run). A copy whose original
comes in a later chunk is first taken for an original; once its source is found, its events
are looked at again (merged with the original's, its claims counted as a copy's). Each
report keeps the reason it joined when it joined.
"""

from __future__ import annotations

import sqlite3
from collections.abc import MutableMapping

from wartrace.link.derive import CHUNK, link_derivations, resolve_queued
from wartrace.link.describe import describe_links
from wartrace.link.events import CHUNKED, materialise_events
from wartrace.link.index import Indexed

__all__ = ["CHUNK", "describe_links", "link_all", "link_ready"]


def link_all(
    conn: sqlite3.Connection, prebuilt: MutableMapping[str, Indexed] | None = None
) -> dict[str, int]:
    """Bring the links and events up to date with the processed articles (incrementally).
    ``prebuilt``: derivation indexes already built by ``link.index.build_index`` (taken)."""
    return _link(conn, prebuilt, whole_chunks_only=False)


def link_ready(
    conn: sqlite3.Connection, prebuilt: MutableMapping[str, Indexed] | None = None
) -> dict[str, int]:
    """Link the whole chunks of ``CHUNK`` processed articles saved so far, while a run is
    still analysing the next ones; ``link_all`` does the rest."""
    return _link(conn, prebuilt, whole_chunks_only=True)


def _link(
    conn: sqlite3.Connection,
    prebuilt: MutableMapping[str, Indexed] | None,
    whole_chunks_only: bool,
) -> dict[str, int]:
    _cache(conn)
    summary: dict[str, int] = {}
    settled = False

    def settle() -> None:
        """Resolve what the pairs touched, then build the events of the linked chunks."""
        nonlocal settled
        settled = True
        derived = resolve_queued(conn)
        _add(summary, materialise_events(conn, chunks_only=True))
        summary["derived"] = summary.get("derived", 0) + derived

    # A run stopped inside a chunk's linking left work queued: finish that chunk first, so
    # that the next chunk sees what it would have seen in an uninterrupted run.
    if _owed(conn):
        settle()
    counts = link_derivations(conn, None, prebuilt, whole_chunks_only, after_chunk=settle)
    _add(summary, counts)
    if not whole_chunks_only and not settled:
        # Nothing new to pair: events may still have lost reports (reprocessed articles).
        _add(summary, materialise_events(conn))
    for key in ("reports_inherited", "events_created", "reports_joined", "events_merged"):
        summary.setdefault(key, 0)
    summary.setdefault("events_updated", 0)
    return summary


def _owed(conn: sqlite3.Connection) -> bool:
    """Whether a stopped run left a chunk's resolving or events undone."""
    queued = conn.execute(
        "SELECT 1 FROM link_queue WHERE stage IN ('resolve', 'events') LIMIT 1"
    ).fetchone()
    return queued is not None or _unlinked(conn, CHUNKED)


def _unlinked(conn: sqlite3.Connection, which: str) -> bool:
    """Whether some report (``which``: an SQL condition on it) has no event yet."""
    found = conn.execute(
        "SELECT 1 FROM reports r JOIN articles a USING (article_id) WHERE r.event_id IS NULL"
        + which
        + " LIMIT 1"
    ).fetchone()
    return found is not None


def _add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n


def _cache(conn: sqlite3.Connection) -> None:
    # Linking reads and rewrites index pages all over the store: a 64 MB page cache keeps the
    # per-article cost flat as the store grows (measured: 960 -> 778 us/report at 10k).
    conn.execute("PRAGMA cache_size = -65536")
