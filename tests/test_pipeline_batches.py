"""A run in one process commits its results a batch at a time; a process that dies mid-batch
loses only that batch, which the next run analyses again. Every article here is invented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wartrace import pipeline
from wartrace.store import db, export

STORY = (
    "INVENTED TOWN {n} (Invented Wire) - Gunmen attacked a checkpoint in invented town {n} on "
    "Monday, killing {k} soldiers, a monitor said.\n"
)
COUNT = 10

# Run in a child process: analyse until the sixth article, then die without any cleanup
# (os._exit: no exception, no finally, no commit), as a killed process does.
DIES_MID_BATCH = """
import os, sys
from wartrace import pipeline
from wartrace.store import db
real = pipeline.analyse_article
calls = [0]
def analyse(*args, **kwargs):
    calls[0] += 1
    if calls[0] == 6:
        os._exit(3)
    return real(*args, **kwargs)
pipeline.analyse_article = analyse
conn = db.connect(sys.argv[1])
pipeline.process(conn, batch_size=4)
"""


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    for n in range(COUNT):
        (folder / f"a{n:03d}.txt").write_text(STORY.format(n=n, k=n % 9 + 2), encoding="utf-8")


def ingested(path: Path, inputs: Path) -> None:
    conn = db.connect(path)
    try:
        pipeline.ingest(conn, [inputs])
    finally:
        conn.close()


def processed(path: Path) -> tuple[dict[str, int], str, str]:
    conn = db.connect(path)
    try:
        pipeline.process(conn, batch_size=4)
        return (
            db.counts(conn),
            json.dumps(export.event_records(conn), sort_keys=True),
            json.dumps(export.article_records(conn), sort_keys=True),
        )
    finally:
        conn.close()


def test_a_local_run_saves_each_batch_in_one_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_inputs(tmp_path / "in")
    ingested(tmp_path / "w.db", tmp_path / "in")
    sizes: list[int] = []
    real = db.save_processed_many

    def spy(conn, items):  # type: ignore[no-untyped-def]
        sizes.append(len(items))
        real(conn, items)

    monkeypatch.setattr(db, "save_processed_many", spy)
    processed(tmp_path / "w.db")
    assert sizes == [4, 4, 2]


def test_a_process_dying_mid_batch_loses_only_that_batch_and_the_rerun_catches_up(
    tmp_path: Path,
) -> None:
    write_inputs(tmp_path / "in")
    ingested(tmp_path / "k.db", tmp_path / "in")
    child = subprocess.run(
        [sys.executable, "-c", DIES_MID_BATCH, str(tmp_path / "k.db")], check=False
    )
    assert child.returncode == 3
    conn = db.connect(tmp_path / "k.db")
    try:
        after_crash = db.counts(conn)
    finally:
        conn.close()
    # The first batch of four was committed; the second died with its sixth article.
    assert after_crash["processed"] == 4 and after_crash["pending"] == COUNT - 4

    ingested(tmp_path / "clean.db", tmp_path / "in")
    resumed, clean = processed(tmp_path / "k.db"), processed(tmp_path / "clean.db")
    assert resumed[0]["pending"] == 0
    assert resumed == clean
