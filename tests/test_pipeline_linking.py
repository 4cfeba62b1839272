"""Linking during a run (whole chunks while analysis goes on) gives what linking at the end
gives, and the index built beside the analysis is the one linking would build.

Every article here is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wartrace import link, pipeline
from wartrace.link import derive
from wartrace.link.index import build_index
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


def test_linking_chunks_during_the_run_exports_what_linking_at_the_end_does(
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
    finally:
        conn.close()
