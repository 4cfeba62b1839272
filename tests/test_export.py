"""The export contract: field names, ACLED CSV columns, Parquet types (invented data)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from wartrace.link import link_all
from wartrace.models import ArticleInput, Claim, ExtractedEvent, Geo, TextAnalysis
from wartrace.store import db, export

TEXT = "Invented: gunmen killed at least 12 villagers near an invented market, police said."


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    conn = db.connect(tmp_path / "t.db")
    db.store_articles(
        conn,
        [ArticleInput("a1", TEXT, "t.txt", "txt", outlet="Invented Wire", published="2021-03-04")],
    )
    event = ExtractedEvent(
        event_date="2021-03-03",
        time_precision=1,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group",
        actor2="Civilians",
        inter1=3,
        inter2=7,
        geo=Geo("NG", "Borno", "Gwoza", "Gwoza", 11.08, 13.69, 2),
        claims=[Claim(12, "at_least", "killed", 24, 45, "villagers", "police")],
        fatalities=12,
    )
    db.save_processed(conn, "a1", TextAnalysis(clean_text=TEXT, language="en"), [event])
    link_all(conn)
    return conn


def test_event_records_follow_the_contract(conn: sqlite3.Connection) -> None:
    (record,) = export.event_records(conn)
    assert tuple(record) == export.EVENT_FIELDS
    assert record["article_ids"] == ["a1"]
    assert record["fatalities"] == 12
    (claim,) = record["claims"]
    assert tuple(claim) == export.CLAIM_FIELDS
    assert TEXT[claim["start"] : claim["end"]] == "at least 12 villagers"


def test_article_records_follow_the_contract(conn: sqlite3.Connection) -> None:
    (record,) = export.article_records(conn)
    assert tuple(record) == export.ARTICLE_FIELDS
    assert record["language"] == "en"
    assert record["event_ids"] == [export.event_records(conn)[0]["event_id"]]


def test_jsonl_round_trips(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert export.export(conn, "jsonl", out, None) == 1
    assert json.loads(out.getvalue()) == export.event_records(conn)[0]


def test_csv_uses_acled_column_names(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    export.export(conn, "csv", out, None)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["event_id_cnty"].startswith("ev-")
    assert row["country"] == "Nigeria"
    assert row["iso"] == "566"
    assert row["year"] == "2021"
    assert row["interaction"] == "37"
    assert row["source"] == "Invented Wire"
    assert json.loads(row["claims"])[0]["value"] == 12


def test_parquet_keeps_types_and_nested_claims(conn: sqlite3.Connection) -> None:
    out = io.BytesIO()
    export.export(conn, "parquet", None, out)
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.column_names == list(export.EVENT_FIELDS)
    row = table.to_pylist()[0]
    assert row["claims"][0]["qualifier"] == "at_least"
    assert row["latitude"] == pytest.approx(11.08)


def test_unknown_format_is_refused(conn: sqlite3.Connection) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export.export(conn, "xml", io.StringIO(), None)
