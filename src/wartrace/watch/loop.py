"""The watch loop: poll every source, store what is new, process, link, alert; repeat.

Each source's new articles and the record of what was seen are committed together, so
a watch stopped at any point resumes without losing or duplicating an item. A source
that fails is retried with exponential back-off while the others go on.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from wartrace import pipeline
from wartrace.models import IngestError
from wartrace.store import db
from wartrace.store.export import IN_IDS
from wartrace.watch import alerts
from wartrace.watch.alerts import Alert
from wartrace.watch.fetch import Fetcher, FetchError
from wartrace.watch.sources import Poll, is_feed, poll_feed, poll_folder
from wartrace.watch.state import SourceState, load_seen, load_source, save_seen, save_source

MAX_BACKOFF = 6 * 3600.0


def backoff(failures: int, interval: float) -> float:
    """Seconds before a source that failed ``failures`` times in a row is tried again."""
    return float(min(interval * 2 ** (failures - 1), max(MAX_BACKOFF, interval)))


@dataclass(slots=True)
class PassReport:
    polled: int = 0
    counts: db.IngestCounts = field(default_factory=db.IngestCounts)
    failed: list[tuple[str, str, float]] = field(default_factory=list)  # source, why, retry in s
    waiting: list[tuple[str, float]] = field(default_factory=list)  # backing off: source, in s
    item_errors: list[IngestError] = field(default_factory=list)
    processed: pipeline.ProcessResult | None = None
    alerted: int = 0
    alert_error: str | None = None


class Watcher:
    def __init__(
        self,
        conn: sqlite3.Connection,
        sources: Sequence[str],
        fetcher: Fetcher,
        *,
        interval: float = 300.0,
        alert: Alert | None = None,
        settle: float = 1.0,
        stdout: IO[str] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.conn = conn
        self.sources = list(sources)
        self.fetcher = fetcher
        self.interval = interval
        self.alert = alert
        self.settle = settle
        self.stdout = stdout or sys.stdout
        self.clock = clock

    def run_pass(self) -> PassReport:
        report = PassReport()
        now = self.clock()
        for source in self.sources:
            self._poll_source(source, now, report)
        pending = db.pending_ids(self.conn)
        if pending:
            report.processed = pipeline.process(self.conn)
        if self.alert is not None:
            self._send_alerts(pending, report)
        if pending:
            pipeline.release_memory(self.conn)  # a watch runs for days: memory stays flat
        return report

    def run(self, once: bool, on_pass: Callable[[PassReport], None]) -> None:
        while True:
            started = self.clock()
            on_pass(self.run_pass())
            if once:
                return
            time.sleep(max(0.0, started + self.interval - self.clock()))

    def _poll_source(self, source: str, now: float, report: PassReport) -> None:
        state = load_source(self.conn, source)
        if state.retry_at is not None and state.retry_at > now:
            report.waiting.append((source, state.retry_at - now))
            return
        seen = load_seen(self.conn, source)
        report.polled += 1
        try:
            if is_feed(source):
                poll = poll_feed(self.fetcher, source, state, seen)
            else:
                poll = poll_folder(Path(source), seen, self.settle)
        except FetchError as exc:
            state.failures += 1
            wait = backoff(state.failures, self.interval)
            state.retry_at, state.last_error = now + wait, str(exc)
            with db.transaction(self.conn):
                save_source(self.conn, source, state)
            report.failed.append((source, str(exc), wait))
            return
        self._store(source, poll, report)

    def _store(self, source: str, poll: Poll, report: PassReport) -> None:
        fresh = poll.source or SourceState()
        with db.transaction(self.conn):
            counts = db.store_articles(self.conn, poll.articles)
            db.record_rejects(self.conn, poll.errors)
            save_seen(self.conn, source, poll.seen)
            save_source(self.conn, source, SourceState(fresh.etag, fresh.last_modified))
        report.counts.added += counts.added
        report.counts.replaced += counts.replaced
        report.counts.unchanged += counts.unchanged
        report.item_errors += poll.errors + poll.transient

    def _send_alerts(self, article_ids: Sequence[str], report: PassReport) -> None:
        assert self.alert is not None
        touched = {
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT event_id FROM reports WHERE article_id IN {IN_IDS}"
                " AND event_id IS NOT NULL",
                (json.dumps(list(article_ids)),),
            )
        } | alerts.undelivered(self.conn, self.alert)
        records = alerts.due(self.conn, self.alert, sorted(touched))
        try:
            alerts.deliver(self.alert, records, self.stdout, self.fetcher.timeout)
        except (OSError, httpx.HTTPError) as exc:
            with db.transaction(self.conn):  # kept in the store: a restart sends them again
                alerts.record_undelivered(self.conn, self.alert, sorted(touched))
            report.alert_error = f"{type(exc).__name__}: {exc}"
            return
        with db.transaction(self.conn):
            alerts.record_sent(self.conn, self.alert, records)
        report.alerted = len(records)
