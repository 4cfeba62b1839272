"""Interrupted runs: running again finishes the work without duplicates (invented articles)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wartrace import pipeline
from wartrace.store import db

STORY = (
    "INVENTED TOWN {n} (Invented Wire) - Gunmen attacked a checkpoint in invented town {n} on "
    "Monday, killing {k} soldiers, a monitor said.\n"
)


def write_inputs(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:04d}.txt").write_text(STORY.format(n=n, k=n % 9 + 2), encoding="utf-8")


def snapshot(path: Path) -> dict[str, int]:
    conn = db.connect(path)
    try:
        return db.counts(conn)
    finally:
        conn.close()


def test_interrupted_processing_resumes_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_inputs(tmp_path / "in", 12)
    conn = db.connect(tmp_path / "w.db")
    pipeline.ingest(conn, [tmp_path / "in"])
    real = pipeline.analyse_article
    calls = {"n": 0}

    def interrupt_after_five(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 5:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_article", interrupt_after_five)
    with pytest.raises(KeyboardInterrupt):
        pipeline.process(conn)
    assert db.counts(conn)["processed"] == 5
    monkeypatch.setattr(pipeline, "analyse_article", real)
    pipeline.process(conn)
    resumed = db.counts(conn)
    conn.close()

    clean = tmp_path / "clean.db"
    fresh = db.connect(clean)
    pipeline.ingest(fresh, [tmp_path / "in"])
    pipeline.process(fresh)
    fresh.close()
    assert resumed == snapshot(clean)
    assert resumed["pending"] == 0


def test_killed_run_then_rerun_matches_a_clean_run(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in", 300)
    env = {**os.environ, "WARTRACE_DB": str(tmp_path / "k.db")}
    cmd = [sys.executable, "-m", "wartrace", "run", str(tmp_path / "in"), "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)  # wherever the run is when killed, the rerun must converge
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, env=env, check=True, capture_output=True)

    clean_env = {**env, "WARTRACE_DB": str(tmp_path / "clean.db")}
    subprocess.run(cmd, env=clean_env, check=True, capture_output=True)
    assert snapshot(tmp_path / "k.db") == snapshot(tmp_path / "clean.db")
