"""Linking chunk by chunk: the chunks (``CHUNK`` processed articles in id order), not when a
run links them, decide the links, so a run exports the same whether it links whole chunks
while it analyses or at its end (and on Dask workers or in one process, see
test_scale_dask); incidents and copies that arrive in different chunks still come together;
and the index built beside the analysis is the one linking would build.

Every article here is invented.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from test_link_support import (
    INDEPENDENT_EN,
    SOURCE_EN,
    UNRELATED_EN,
    add_article,
    edited_copy,
    event,
    killed,
)
from wartrace import link, pipeline
from wartrace.link import derive
from wartrace.link.index import build_index, candidates, store_index
from wartrace.store import db, export

# Wire copies with their figures changed (derivation pairs) and several incidents.
STORIES = [
    "NORTHVILLE (Invented Wire) - Gunmen attacked an army checkpoint near Northville on "
    "Monday, killing {k} soldiers, a local official said. The attackers fled into the hills "
    "north of the town, residents said.",
    "EASTWOOD (Daily Invention) - An air strike hit a market in Eastwood on Wednesday, "
    "killing {k} civilians, according to a rescue group that works in the province.",
    "OUESTVILLE (Agence Inventée) - Des hommes armés ont attaqué un poste de police à "
    "Ouestville jeudi, tuant {k} policiers, selon une source sécuritaire.",
]
COUNT = 18


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for n in range(COUNT):
        story = STORIES[n % len(STORIES)].format(k=n % 5 + 2)
        (folder / f"a{n:03d}.txt").write_text(story + "\n", encoding="utf-8")


def run(path: Path, inputs: Path) -> dict[str, int]:
    conn = db.connect(path)
    try:
        pipeline.ingest(conn, [inputs])
        result = pipeline.process(conn, batch_size=4)
        assert result.processed == COUNT and not result.failed
        return result.link_summary
    finally:
        conn.close()


def exported(path: Path) -> tuple[str, str]:
    conn = db.connect(path)
    try:
        events = json.dumps(export.event_records(conn), sort_keys=True)
        articles = json.dumps(export.article_records(conn), sort_keys=True)
    finally:
        conn.close()
    return events, articles


def test_linking_whole_chunks_during_the_run_exports_what_linking_them_at_the_end_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "in")
    monkeypatch.setattr(derive, "CHUNK", 5)  # chunks of 5 articles: 3 whole ones and a rest
    monkeypatch.setattr(link, "CHUNK", 10**9)  # the run never links before its end
    at_end = run(tmp_path / "end.db", tmp_path / "in")
    monkeypatch.setattr(link, "CHUNK", 5)
    calls: list[int] = []
    real = link.link_ready

    def counted(*args: object) -> dict[str, int]:
        counts = real(*args)  # type: ignore[arg-type]
        calls.append(counts["indexed"])
        return counts

    monkeypatch.setattr(link, "link_ready", counted)
    during = run(tmp_path / "during.db", tmp_path / "in")
    assert calls and sum(calls) == 15, "whole chunks are linked while the run goes on"
    assert at_end["derivation_pairs"] > 0, "the corpus must have copies to link"
    assert during == at_end
    assert exported(tmp_path / "during.db") == exported(tmp_path / "end.db")


def test_the_index_built_beside_the_analysis_is_the_one_linking_builds(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in")
    conn = db.connect(tmp_path / "a.db")
    try:
        pipeline.ingest(conn, [tmp_path / "in"])
        ids = db.pending_ids(conn)
        rows = [dict(db.load_article(conn, aid)) for aid in ids]
        outcomes = [pipeline._analyse_one(row, set()) for row in rows]
        pipeline.process(conn)
        for aid, outcome in outcomes:
            assert not isinstance(outcome, str)
            beside, stored = outcome[2], build_index(db.load_article(conn, aid))
            assert beside is not None
            assert beside.passages == stored.passages and beside.day == stored.day
            assert beside.short_shingles == stored.short_shingles
            assert beside.signature is not None and stored.signature is not None
            assert np.array_equal(beside.signature, stored.signature)
            assert beside.passages_text == stored.passages_text
            assert beside.bands == stored.bands
    finally:
        conn.close()


def test_an_index_made_where_it_was_analysed_is_stored_as_linking_would_store_it(
    tmp_path: Path,
) -> None:
    """Its passages as stored and its band keys come with the index (a worker makes them);
    the store and the candidates are those of the same index without them."""
    write_corpus(tmp_path / "in")
    stores = []
    for carried in (True, False):
        conn = db.connect(tmp_path / f"{carried}.db")
        pipeline.ingest(conn, [tmp_path / "in"])
        pipeline.process(conn)
        ids = [r[0] for r in conn.execute("SELECT article_id FROM articles ORDER BY article_id")]
        items = [build_index(db.load_article(conn, aid)) for aid in ids]
        assert all(i.passages_text and i.bands is not None for i in items)
        if not carried:
            items = [replace(i, passages_text=None, bands=None) for i in items]
        with db.transaction(conn):
            for item in items:
                store_index(conn, item, "again")
        stores.append(
            (
                conn.execute("SELECT * FROM link_index ORDER BY article_id").fetchall(),
                conn.execute("SELECT * FROM link_bands ORDER BY band, article_id").fetchall(),
                [candidates(conn, item) for item in items],
            )
        )
        conn.close()
    assert stores[0] == stores[1]
    assert any(stores[0][2]), "the copies must find their sources"


# --- incidents and copies across chunks (chunks of 2 articles) ----------------------------

TAL_HARIR = (35.36, 40.20)
FILLER = "Invented note {n}: the council of {place} met on {day} to discuss the harvest.\n"


def build_across_chunks(conn: sqlite3.Connection) -> None:
    """Chunk 1: a copy (its original comes in chunk 3) and an unrelated incident; chunk 2:
    two texts without incidents; chunk 3: an independent report of the copy's incident and
    the original itself."""
    add_article(
        conn,
        "a1-copy",
        edited_copy(SOURCE_EN),
        "en",
        published="2016-05-16",
        events=[event("2016-05-14", "Tal Harir", *TAL_HARIR, claims=[killed(27, "SOHR")])],
    )
    add_article(
        conn,
        "a2-far",
        UNRELATED_EN,
        "en",
        published="2016-05-15",
        events=[
            event(
                "2016-05-14",
                "Azaz",
                36.58,
                37.04,
                event_type="Strategic developments",
                admin1="Aleppo",
            )
        ],
    )
    for n, place in enumerate(("Northville", "Southport")):
        add_article(conn, f"b{n}-note", FILLER.format(n=n, place=place, day="Monday"), "en")
    add_article(
        conn,
        "c1-other",
        INDEPENDENT_EN,
        "en",
        published="2016-05-15",
        events=[event("2016-05-14", "Tal Harir", *TAL_HARIR, claims=[killed(30, "Omar Haddad")])],
    )
    add_article(
        conn,
        "c2-src",
        SOURCE_EN,
        "en",
        published="2016-05-14",
        events=[event("2016-05-14", "Tal Harir", *TAL_HARIR, claims=[killed(27, "SOHR")])],
    )


Grouped = tuple[tuple[str, ...], int | None, int | None]


def grouping(conn: sqlite3.Connection) -> list[Grouped]:
    """Each event's articles, conservative and high toll."""
    rows = conn.execute(
        "SELECT e.fatalities, e.fatalities_high, group_concat(r.article_id) AS ids"
        " FROM events e JOIN reports r USING (event_id) GROUP BY e.event_id"
    ).fetchall()
    return sorted((tuple(sorted(r["ids"].split(","))), r[0], r[1]) for r in rows)


def outcomes(conn: sqlite3.Connection) -> tuple[list[Grouped], list[tuple[str, ...]]]:
    """The grouping, every claim's status and every event's notes."""
    claims = conn.execute("SELECT article_id, value, status FROM claims ORDER BY 1, 2, 3")
    notes = conn.execute("SELECT coalesce(notes, '') FROM events ORDER BY 1")
    return grouping(conn), [tuple(map(str, r)) for r in [*claims, *notes]]


def test_an_incident_and_a_copy_seen_before_its_original_come_together_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(derive, "CHUNK", 2)
    conn = db.connect(tmp_path / "chunks.db")
    build_across_chunks(conn)
    summary = link.link_all(conn)
    assert summary["indexed"] == 6
    # The copy was linked in chunk 1 as an original; its source, found in chunk 3, is set.
    source = conn.execute("SELECT derived_from FROM articles WHERE article_id = 'a1-copy'")
    assert source.fetchone()[0] == "c2-src"
    # One event for the incident reported in chunks 1 and 3, apart from the unrelated one.
    # Its toll is the later report's 30, which supersedes SOHR's earlier 27; counted as an
    # independent report, the copy's 27 (published after the 30) would have stood: 27.
    assert grouping(conn) == [
        (("a1-copy", "c1-other", "c2-src"), 30, 30),
        (("a2-far",), None, None),
    ]
    # The copy's 27 repeats its source's: one account, not a second confirmation.
    statuses = dict(
        conn.execute(
            "SELECT c.article_id, c.status FROM claims c WHERE c.article_id LIKE '%c%'"
        ).fetchall()
    )
    assert statuses["a1-copy"] == "copy"
    conn.close()
    # The same incidents as one chunk holding every article gives.
    monkeypatch.setattr(derive, "CHUNK", 100)
    whole = db.connect(tmp_path / "whole.db")
    build_across_chunks(whole)
    link.link_all(whole)
    again = db.connect(tmp_path / "chunks.db")
    assert outcomes(whole) == outcomes(again)
    whole.close()
    again.close()


def test_sources_resolved_chunk_by_chunk_are_what_one_pass_over_all_pairs_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source that turns out to be derived itself (a later chunk finds its original) is
    weighed again by everything derived from it."""
    write_corpus(tmp_path / "in")
    monkeypatch.setattr(derive, "CHUNK", 4)
    monkeypatch.setattr(link, "CHUNK", 4)
    conn = db.connect(tmp_path / "r.db")
    try:
        pipeline.ingest(conn, [tmp_path / "in"])
        pipeline.process(conn, batch_size=2)
        query = "SELECT article_id, derived_from, alignment FROM articles ORDER BY article_id"
        chunked = conn.execute(query).fetchall()
        assert any(r[1] for r in chunked), "the corpus must have copies"
        ids = [r[0] for r in chunked]
        derive.resolve(conn, ids, {})
        assert [tuple(r) for r in conn.execute(query)] == [tuple(r) for r in chunked]
    finally:
        conn.close()


def test_a_reprocessed_report_does_not_fall_into_the_event_it_started(tmp_path: Path) -> None:
    """The event a report started keeps its id when others joined it; the article's new
    report, on another day, starts an event of its own."""
    conn = db.connect(tmp_path / "again.db")
    tal_harir = event("2016-05-14", "Tal Harir", *TAL_HARIR, claims=[killed(30, "Omar Haddad")])
    add_article(conn, "a-first", INDEPENDENT_EN, "en", published="2016-05-15", events=[tal_harir])
    add_article(conn, "b-joins", SOURCE_EN, "en", published="2016-05-15", events=[tal_harir])
    link.link_all(conn)
    assert [ids for ids, *_ in grouping(conn)] == [("a-first", "b-joins")]
    later = event("2016-06-19", "Tal Harir", *TAL_HARIR, claims=[killed(5, "x")])
    add_article(conn, "a-first", INDEPENDENT_EN + "\nUpdated.", "en", "2016-06-20", events=[later])
    link.link_all(conn)
    assert [ids for ids, *_ in grouping(conn)] == [("a-first",), ("b-joins",)]
    conn.close()
