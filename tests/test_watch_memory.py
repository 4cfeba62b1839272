"""A watch runs for days: what a pass memoised about its texts is forgotten after it, so
memory stays flat, and forgetting it changes nothing in the store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from wartrace import pipeline
from wartrace.extract.resources import load_language
from wartrace.store import db, export
from wartrace.watch import Fetcher, Watcher

# invented incidents, one new file per pass
TEXTS = [
    "KANDARA (Invented Wire) - Gunmen attacked an army checkpoint near Kandara on Monday, "
    "killing {n} soldiers, a local official said.",
    "SOUTHPORT (Daily Invention) - Hundreds of students marched through Southport on "
    "Tuesday demanding lower fees, organisers said. The march ended without incident.",
    "KANDARA (Invented Wire) - {n} soldiers were killed when gunmen attacked a checkpoint "
    "near Kandara on Monday, officials said on Tuesday.",
]


def watch_three_passes(folder: Path, conn: sqlite3.Connection) -> list[int]:
    """Cache entries held after each pass, over three passes that each bring a new file."""
    held = []
    for k, text in enumerate(TEXTS):
        (folder / f"{k}.txt").write_text(text.format(n=k + 3), encoding="utf-8")
        watch = Watcher(conn, [str(folder)], Fetcher(timeout=5.0, host_delay=0.0), settle=0)
        assert watch.run_pass().processed is not None
        held.append(sum(c.cache_info().currsize for c in pipeline.content_caches()))
    return held


def exported(conn: sqlite3.Connection) -> str:
    return json.dumps([export.event_records(conn), export.article_records(conn)], sort_keys=True)


def test_a_watch_pass_forgets_what_it_memoised_about_texts(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    conn = db.connect(tmp_path / "w.db")
    assert watch_three_passes(folder, conn) == [0, 0, 0]
    caches = {f"{c.__module__}.{c.__qualname__}" for c in pipeline.content_caches()}
    # texts' caches of every stage are among them; loaded knowledge is not
    assert {"wartrace.text.lines.line_key", "wartrace.link.index._parsed_passages"} <= caches
    assert "wartrace.geo.normalize.fold_token" in caches
    assert "wartrace.extract.resources.load_language" not in caches
    assert load_language.cache_info().currsize > 0
    conn.close()


def test_forgetting_between_passes_leaves_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = []
    for name in ("forget", "keep"):
        if name == "keep":
            monkeypatch.setattr(pipeline, "release_memory", lambda conn: None)
        folder = tmp_path / name
        folder.mkdir()
        conn = db.connect(tmp_path / f"{name}.db")
        held = watch_three_passes(folder, conn)
        assert (max(held) > 0) == (name == "keep")
        stores.append(exported(conn))
        conn.close()
    assert stores[0] == stores[1]
    assert "Kandara" in stores[0]  # the passes made events
