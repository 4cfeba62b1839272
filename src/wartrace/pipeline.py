"""The main job: ingest inputs, then process every pending article through the stages.

Data flows forward: ingest -> text (cleaning, language, origin) -> extract -> geo
-> link. ``analyse_article`` is the pure per-article part (what a distributed
engine maps over); everything that reads or writes the store lives here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from wartrace import extract, geo, link
from wartrace.ingest import read_inputs
from wartrace.models import ArticleInput, ExtractedEvent, IngestError, TextAnalysis
from wartrace.store import db
from wartrace.text import analyse_text, line_keys, outlet_key

INGEST_BATCH = 2000

Progress = Callable[[int], None]  # advance a progress bar by n


@dataclass(slots=True)
class IngestResult:
    counts: db.IngestCounts = field(default_factory=db.IngestCounts)
    errors: list[IngestError] = field(default_factory=list)


@dataclass(slots=True)
class ProcessResult:
    processed: int = 0
    reports: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article_id, error)
    link_summary: dict[str, int] = field(default_factory=dict)


def _batches(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    conn: sqlite3.Connection,
    paths: Sequence[str | Path],
    advance: Progress | None = None,
) -> IngestResult:
    """Read every input, store good articles batch by batch, record the rejects."""
    result = IngestResult()
    for batch in _batches(read_inputs(paths), INGEST_BATCH):
        good: list[ArticleInput] = []
        for item in batch:
            if isinstance(item, IngestError):
                result.errors.append(item)
            else:
                good.append(item)
        c = db.store_articles(conn, good)
        result.counts.added += c.added
        result.counts.replaced += c.replaced
        result.counts.unchanged += c.unchanged
        if advance:
            advance(len(batch))
    result.counts.rejected = len(result.errors)
    db.record_rejects(conn, result.errors)
    return result


def analyse_article(
    article: dict[str, Any], recurring_lines: Collection[str]
) -> tuple[TextAnalysis, list[ExtractedEvent]]:
    """Everything derived from one article; pure, so it can run in any worker."""
    analysis = analyse_text(
        article["raw_text"],
        url=article["url"],
        outlet=article["outlet"],
        published=article["published"],
        title=article["title"],
        recurring_lines=recurring_lines,
    )
    events = extract.extract_events(
        article["raw_text"], analysis, published=article["published"] or analysis.printed_date
    )
    for event in events:
        event.geo = geo.geocode_event(article["raw_text"], analysis, event)
    return analysis, events


def _register_lines(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, str | None]:
    """Note every line of the pending articles under their outlet (for learned boilerplate).

    Returns each article's outlet key, so processing need not work it out again.
    """
    keys: dict[str, str | None] = {}
    with db.transaction(conn):
        for article_id in article_ids:
            row = db.load_article(conn, article_id)
            key = keys[article_id] = outlet_key(row["raw_text"], row["url"], row["outlet"])
            if key is None:
                continue
            conn.execute("DELETE FROM outlet_lines WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO outlet_lines (outlet, line_hash, article_id) VALUES (?,?,?)",
                [(key, h, article_id) for h in line_keys(row["raw_text"])],
            )
    return keys


RECURRING_MIN_ARTICLES = 3


def recurring_lines(conn: sqlite3.Connection, outlet: str | None) -> set[str]:
    """Lines that recur in at least three articles of one outlet: its boilerplate."""
    if outlet is None:
        return set()
    return {
        r[0]
        for r in conn.execute(
            "SELECT line_hash FROM outlet_lines WHERE outlet = ? GROUP BY line_hash"
            " HAVING count(*) >= ?",
            (outlet, RECURRING_MIN_ARTICLES),
        )
    }


def process(conn: sqlite3.Connection, advance: Progress | None = None) -> ProcessResult:
    """Run every pending article through the stages, then link what changed."""
    result = ProcessResult()
    ids = db.pending_ids(conn)
    keys = _register_lines(conn, ids)
    cache: dict[str | None, set[str]] = {}
    for article_id in ids:
        row = dict(db.load_article(conn, article_id))
        key = keys[article_id]
        if key not in cache:
            cache[key] = recurring_lines(conn, key)
        try:
            analysis, events = analyse_article(row, cache[key])
        except Exception as exc:  # one bad article must not stop the batch
            result.failed.append((article_id, f"{type(exc).__name__}: {exc}"))
            continue
        finally:
            if advance:
                advance(1)
        db.save_processed(conn, article_id, analysis, events)
        result.processed += 1
        result.reports += len(events)
    result.link_summary = link.link_all(conn)
    return result
