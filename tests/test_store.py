"""The store: migrations, ingestion semantics and per-article replacement (invented data)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wartrace.link import link_all
from wartrace.models import ArticleInput, Claim, ExtractedEvent, Geo, Span, TextAnalysis
from wartrace.store import db


def article(article_id: str | None, text: str, **meta: str) -> ArticleInput:
    return ArticleInput(
        article_id=article_id, text=text, source="test", source_format="txt", **meta
    )


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    return db.connect(tmp_path / "t.db")


def test_new_database_is_at_latest_schema_version(conn: sqlite3.Connection) -> None:
    latest = max(v for v, _ in db._migrations())
    assert db.schema_version(conn) == latest
    assert db.migrate(conn) == latest  # idempotent


def test_reingesting_identical_article_is_a_no_op(conn: sqlite3.Connection) -> None:
    first = db.store_articles(conn, [article("a1", "Invented text one.")])
    again = db.store_articles(conn, [article("a1", "Invented text one.")])
    assert (first.added, again.added, again.unchanged) == (1, 0, 1)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_new_text_for_same_id_replaces_and_marks_pending(conn: sqlite3.Connection) -> None:
    db.store_articles(conn, [article("a1", "Old invented text.")])
    db.save_processed(conn, "a1", TextAnalysis(clean_text="Old invented text."), [])
    counts = db.store_articles(conn, [article("a1", "New invented text.")])
    row = db.load_article(conn, "a1")
    assert counts.replaced == 1
    assert row["raw_text"] == "New invented text."
    assert row["status"] == "pending"


def test_raw_text_is_kept_byte_for_byte(conn: sqlite3.Connection) -> None:
    text = "  Line one\r\nline two\u00a0 with NBSP\n\n\ttab  "
    db.store_articles(conn, [article("a1", text)])
    assert db.load_article(conn, "a1")["raw_text"] == text


def test_article_without_id_gets_content_hash(conn: sqlite3.Connection) -> None:
    db.store_articles(conn, [article(None, "Bare invented text.")])
    (article_id,) = conn.execute("SELECT article_id FROM articles").fetchone()
    assert article_id == db.content_hash("Bare invented text.")[:16]


def _event(value: int) -> ExtractedEvent:
    return ExtractedEvent(
        event_date="2020-01-02",
        event_type="Battles",
        sub_event_type="Armed clash",
        geo=Geo(country="SY", location="Invented Town"),
        claims=[Claim(value=value, qualifier="exact", kind="killed", start=0, end=5)],
        fatalities=value,
        evidence=[Span(0, 5, "sentence")],
    )


def test_processing_again_replaces_reports_without_duplicates(conn: sqlite3.Connection) -> None:
    db.store_articles(conn, [article("a1", "Seven invented fighters were killed.")])
    analysis = TextAnalysis(clean_text="Seven invented fighters were killed.", language="en")
    db.save_processed(conn, "a1", analysis, [_event(7)])
    link_all(conn)
    db.save_processed(conn, "a1", analysis, [_event(7)])
    link_all(conn)
    c = db.counts(conn)
    assert (c["reports"], c["claims"], c["events"]) == (1, 1, 1)
    assert conn.execute("SELECT fatalities FROM events").fetchone()[0] == 7


def test_replacing_article_text_drops_its_events(conn: sqlite3.Connection) -> None:
    db.store_articles(conn, [article("a1", "Seven invented fighters were killed.")])
    db.save_processed(conn, "a1", TextAnalysis(clean_text="x" * 36), [_event(7)])
    link_all(conn)
    db.store_articles(conn, [article("a1", "A different invented story.")])
    c = db.counts(conn)
    assert (c["reports"], c["events"], c["pending"]) == (0, 0, 1)


def test_failed_batch_writes_nothing(conn: sqlite3.Connection) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), db.transaction(conn):
        conn.execute(
            "INSERT INTO articles (article_id, raw_text, content_hash, ingested_at)"
            " VALUES ('x', 't', 'h', 'now')"
        )
        raise Boom
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_ingested_and_replaced_articles_are_searchable(conn: sqlite3.Connection) -> None:
    def search(word: str) -> list[str]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT a.article_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
                " WHERE articles_fts MATCH ?",
                (word,),
            )
        ]

    db.store_articles(conn, [article("a1", "Invented shelling of a granary.")])
    assert search("granary") == ["a1"]
    db.store_articles(conn, [article("a1", "Invented ambush on a convoy.")])
    assert search("granary") == []
    assert search("convoy") == ["a1"]


def test_migration_versions_are_unique_and_all_applied(tmp_path: Path) -> None:
    """Two scripts sharing a version number would leave one never applied."""
    versions = [v for v, _ in db._migrations()]
    assert versions == list(range(1, len(versions) + 1))
    conn = db.connect(tmp_path / "m.db")
    assert db.schema_version(conn) == versions[-1]
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    assert "ingest_warnings" in columns
