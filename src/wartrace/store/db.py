"""The embedded SQLite store: connection, migrations and the writes of each stage.

The database file is the whole state of a wartrace project. Every write that
belongs together happens in one transaction, so an interrupted run leaves
either the old or the new state of an article, never half of it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from wartrace.models import ArticleInput, ExtractedEvent, IngestError, TextAnalysis

DEFAULT_DB = "wartrace.db"


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("wartrace.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql"):
            found.append((int(name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    versions = [v for v, _ in found]
    if len(set(versions)) != len(versions):
        # Two scripts of one version: ``migrate`` would apply one and skip the other forever.
        raise RuntimeError(f"duplicate migration versions in {sorted(versions)}")
    return sorted(found)


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the store at ``path``."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA busy_timeout = 5000")
    migrate(conn)
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    current = schema_version(conn)
    for version, script in _migrations():
        if version <= current:
            continue
        # executescript commits first; BEGIN inside the script keeps it atomic.
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
        current = version
    return current


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if conn.in_transaction:  # nested: the caller's transaction commits or rolls back all of it
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# --- ingestion -------------------------------------------------------------------------


@dataclass(slots=True)
class IngestCounts:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0


def article_id_of(item: ArticleInput) -> str:
    """The id an input is stored under: its own, or a hash of its text."""
    return item.article_id or content_hash(item.text)[:16]


Duplicate = tuple[ArticleInput, ArticleInput]  # (dropped earlier entry, the later one kept)


def later_wins(
    items: Sequence[ArticleInput], seen: dict[str, ArticleInput] | None = None
) -> tuple[list[ArticleInput], list[Duplicate]]:
    """The rule for one id given twice in one run: the later entry wins.

    Returns the items with unique ids (each id at its last entry) and the entries that a
    later one replaced. ``seen`` carries the ids of earlier batches of the same run (and
    is updated), so a duplicate across batches is reported too; the store's replace path
    then swaps the earlier, already stored, article for the later one.
    """
    seen = {} if seen is None else seen
    last: dict[str, ArticleInput] = {}
    dropped: list[Duplicate] = []
    for item in items:
        aid = article_id_of(item)
        earlier = last.get(aid) or seen.get(aid)
        if earlier is not None:
            dropped.append((earlier, item))
        last.pop(aid, None)  # re-insert: the kept order is that of the last entries
        last[aid] = item
    seen.update(last)
    return list(last.values()), dropped


def store_articles(conn: sqlite3.Connection, items: Sequence[ArticleInput]) -> IngestCounts:
    """Insert new articles, replace changed ones (marking them pending), skip identical ones.

    One transaction for the whole batch. An id given twice in the batch is stored once,
    from its later entry (``later_wins``): replacing a row inserted in the same batch would
    delete it from the full-text index before it was ever added, corrupting the index.
    """
    counts = IngestCounts()
    now = utcnow()
    inserted: list[int] = []
    with transaction(conn):
        for item in later_wins(items)[0]:
            digest = content_hash(item.text)
            article_id = item.article_id or digest[:16]
            row = conn.execute(
                "SELECT content_hash, url, outlet, published, title FROM articles"
                " WHERE article_id = ?",
                (article_id,),
            ).fetchone()
            meta = (item.url, item.outlet, item.published, item.title)
            if row is not None and row["content_hash"] == digest:
                if tuple(row)[1:] == meta:
                    counts.unchanged += 1
                    continue
                # Same text, new metadata: keep the text, reprocess for the metadata.
                conn.execute(
                    "UPDATE articles SET url=?, outlet=?, published=?, title=?,"
                    " status='pending' WHERE article_id=?",
                    (*meta, article_id),
                )
                counts.replaced += 1
                continue
            if row is not None:
                _forget_derived(conn, article_id)
                conn.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
                counts.replaced += 1
            else:
                counts.added += 1
            cur = conn.execute(
                "INSERT INTO articles (article_id, url, outlet, published, title, raw_text,"
                " content_hash, source, source_format, ingested_at, status, ingest_warnings,"
                " warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                (
                    article_id,
                    *meta,
                    item.text,
                    digest,
                    item.source,
                    item.source_format,
                    now,
                    *[json.dumps(list(item.warnings), ensure_ascii=False)] * 2,
                ),
            )
            inserted.append(int(cur.lastrowid or 0))
        index_articles(conn, inserted)
    return counts


def index_articles(conn: sqlite3.Connection, rowids: Sequence[int]) -> None:
    """Add new articles to the full-text index, in one statement per batch."""
    if rowids:
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, headline, raw_text)"
            " SELECT rowid, title, headline, raw_text FROM articles"
            " WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(rowids)),),
        )


def _forget_derived(conn: sqlite3.Connection, article_id: str) -> None:
    """Drop what was derived from an article's old text, including events it alone made."""
    _forget_reports(conn, article_id)
    conn.execute(
        "UPDATE articles SET derived_from = NULL, relation = NULL, alignment = NULL,"
        " alignment_inputs = NULL, derivation_score = NULL, status = 'pending'"
        " WHERE derived_from = ?",
        (article_id,),
    )


def _drop_orphan_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> None:
    for event_id in event_ids:
        conn.execute(
            "DELETE FROM events WHERE event_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM reports WHERE event_id = ?)",
            (event_id, event_id),
        )


def _text(value: str | None) -> str | None:
    """Text SQLite can store: a lone surrogate (an undecodable name) shown escaped."""
    if value is None:
        return None
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def record_rejects(conn: sqlite3.Connection, errors: Sequence[IngestError]) -> None:
    if not errors:
        return
    now = utcnow()
    rows = [(_text(e.source), _text(e.location), _text(e.message)) for e in errors]
    with transaction(conn):
        # A rerun rejects the same inputs again: keep one row each, with the latest run.
        conn.executemany(
            "DELETE FROM rejects WHERE source = ? AND location IS ? AND message = ?", rows
        )
        conn.executemany(
            "INSERT INTO rejects (run_at, source, location, message) VALUES (?, ?, ?, ?)",
            [(now, *row) for row in rows],
        )


# --- processing ------------------------------------------------------------------------


def pending_ids(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT article_id FROM articles WHERE status = 'pending' ORDER BY article_id"
        )
    ]


def load_article(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(article_id)
    return row


def spans_json(spans: Iterable[object]) -> str:
    return json.dumps([[s.start, s.end, s.label] for s in spans])  # type: ignore[attr-defined]


def save_processed(
    conn: sqlite3.Connection,
    article_id: str,
    analysis: TextAnalysis,
    events: Sequence[ExtractedEvent],
) -> list[int]:
    """Replace everything derived from one article, in one transaction.

    Returns the new report ids. Until reports are linked (the link stage),
    each report stands as its own event.
    """
    report_ids: list[int] = []
    with transaction(conn):
        _forget_reports(conn, article_id)
        row = conn.execute(
            "SELECT ingest_warnings FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        # What reading the input noticed (a guessed encoding) comes first and is kept.
        warnings = json.loads(row[0] or "[]") if row else []
        warnings += [w for w in analysis.warnings if w not in warnings]
        conn.execute(
            "UPDATE articles SET status='processed', processed_at=?, language=?,"
            " language_confidence=?, text_outlet=?, credit=?, dateline=?, printed_date=?,"
            " headline=?, boilerplate=?, text_spans=?, warnings=? WHERE article_id=?",
            (
                utcnow(),
                analysis.language,
                analysis.language_confidence,
                analysis.outlet,
                analysis.credit,
                analysis.dateline,
                analysis.printed_date,
                analysis.headline,
                spans_json(analysis.boilerplate),
                spans_json(analysis.spans),
                json.dumps(warnings, ensure_ascii=False),
                article_id,
            ),
        )
        for seq, event in enumerate(events):
            report_ids.append(_insert_report(conn, article_id, seq, event))
    return report_ids


def save_processed_many(
    conn: sqlite3.Connection,
    items: Sequence[tuple[str, TextAnalysis, Sequence[ExtractedEvent]]],
) -> None:
    """``save_processed`` for several articles in one transaction (a batch from a worker)."""
    if items:
        with transaction(conn):
            for article_id, analysis, events in items:
                save_processed(conn, article_id, analysis, events)


def _forget_reports(conn: sqlite3.Connection, article_id: str) -> None:
    event_ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT event_id FROM reports WHERE article_id = ? AND event_id IS NOT NULL",
            (article_id,),
        )
    ]
    conn.execute("DELETE FROM reports WHERE article_id = ?", (article_id,))
    _drop_orphan_events(conn, event_ids)


def _insert_report(
    conn: sqlite3.Connection, article_id: str, seq: int, event: ExtractedEvent
) -> int:
    g = event.geo
    cur = conn.execute(
        "INSERT INTO reports (article_id, seq, event_date, time_precision, event_type,"
        " sub_event_type, actor1, actor2, inter1, inter2, places, country, admin1, admin2,"
        " location, latitude, longitude, geo_precision, fatalities, evidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            seq,
            event.event_date,
            event.time_precision,
            event.event_type,
            event.sub_event_type,
            event.actor1,
            event.actor2,
            event.inter1,
            event.inter2,
            json.dumps(
                # (a relation, when the text states one, stands before the role, which
                # readers take as the last item: "20 km from X" is [X, s, e, "20km", "event"])
                [
                    [p.name, p.start, p.end, p.relation, p.role]
                    if p.relation
                    else [p.name, p.start, p.end, p.role]
                    for p in event.places
                ],
                ensure_ascii=False,
            ),
            g.country,
            g.admin1,
            g.admin2,
            g.location,
            g.latitude,
            g.longitude,
            g.geo_precision,
            event.fatalities,
            spans_json(event.evidence),
        ),
    )
    report_id = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO claims (report_id, article_id, value, qualifier, kind, victims, claimant,"
        ' supersedes, start, "end", scope, earlier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                report_id,
                article_id,
                c.value,
                c.qualifier,
                c.kind,
                c.victims,
                c.claimant,
                int(c.supersedes_earlier),
                c.start,
                c.end,
                c.scope,
                int(c.earlier),
            )
            for c in event.claims
        ],
    )
    return report_id


# --- link stage work queue ----------------------------------------------------------------

LINK_STAGES = ("pair", "resolve", "events")


def queue_link(conn: sqlite3.Connection, stage: str, article_ids: Iterable[str]) -> None:
    """Note work the link stage owes these articles (inside the caller's transaction)."""
    conn.executemany(
        "INSERT OR IGNORE INTO link_queue (stage, article_id) VALUES (?, ?)",
        [(stage, a) for a in article_ids],
    )


def queued_link(conn: sqlite3.Connection, stage: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT article_id FROM link_queue WHERE stage = ? ORDER BY article_id", (stage,)
        )
    ]


def unqueue_link(conn: sqlite3.Connection, stage: str, article_ids: Iterable[str]) -> None:
    """Mark work done, in the same transaction as the work itself."""
    conn.executemany(
        "DELETE FROM link_queue WHERE stage = ? AND article_id = ?",
        [(stage, a) for a in article_ids],
    )


def event_id_for(article_id: str, seq: int) -> str:
    """A stable id for an event first seen as report ``seq`` of ``article_id``."""
    return "ev-" + hashlib.sha1(f"{article_id}\x1f{seq}".encode()).hexdigest()[:12]


EVENT_FIELDS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    q = {
        "articles": "SELECT count(*) FROM articles",
        "pending": "SELECT count(*) FROM articles WHERE status='pending'",
        "processed": "SELECT count(*) FROM articles WHERE status='processed'",
        "derived": "SELECT count(*) FROM articles WHERE derived_from IS NOT NULL",
        "reports": "SELECT count(*) FROM reports",
        "events": "SELECT count(*) FROM events",
        "claims": "SELECT count(*) FROM claims",
    }
    return {k: int(conn.execute(sql).fetchone()[0]) for k, sql in q.items()}
