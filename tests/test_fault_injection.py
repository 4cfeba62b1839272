"""Fault injection: a run killed at any committed step, or stopped by a full disk, then run
again, leaves exactly the export of a clean run.

The corpus is the bundled demo corpus (invented articles, with copies and a translation,
so that linking has derivations to find). Each faulty run happens in a forked child, which
is SIGKILLed right before or right after the n-th transaction commits; the parent then
runs the pipeline again on the same database and compares exports.
"""

from __future__ import annotations

import inspect
import io
import os
import resource
import signal
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from wartrace import cli, pipeline
from wartrace.link import derive
from wartrace.store import db, export

CHUNK = 6  # several link chunks on the 16 demo articles: more boundaries inside linking


@pytest.fixture(autouse=True)
def _small_link_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(derive, "CHUNK", CHUNK)


def _run(path: Path) -> None:
    conn = db.connect(path)
    try:
        pipeline.ingest(conn, cli.demo_paths())
        pipeline.process(conn)
    finally:
        conn.close()


def _exports(path: Path) -> tuple[str, str, str]:
    conn = db.connect(path)
    try:
        out = []
        for fmt, articles in (("jsonl", False), ("csv", False), ("jsonl", True)):
            buf = io.StringIO()
            export.export(conn, fmt, buf, None, articles=articles)
            out.append(buf.getvalue())
        queued = conn.execute("SELECT count(*) FROM link_queue").fetchone()[0]
        assert queued == 0, "work left in the link queue after a complete run"
        return out[0], out[1], out[2]
    finally:
        conn.close()


def _stage_of_caller() -> str:
    """The function that opened the transaction: the stage's name in the fault table."""
    frame = inspect.currentframe()
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    # [_stage_of_caller, counting wrapper, contextmanager __enter__/__exit__, caller, ...]
    skip = {"_stage_of_caller", "counting", "__enter__", "__exit__", "transaction"}
    return next(n for n in names if n not in skip)


@contextmanager
def _counting_transactions(on_commit: Callable[[int, str, str], None]) -> Iterator[None]:
    """Wrap ``db.transaction`` so ``on_commit(n, when, stage)`` runs before and after the
    n-th commit (``when`` = "before" | "after")."""
    original = db.transaction
    count = [0]

    @contextmanager
    def counting(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        if conn.in_transaction:  # nested: joins the outer transaction, commits nothing
            with original(conn) as c:
                yield c
            return
        with original(conn) as c:
            yield c
            count[0] += 1
            on_commit(count[0], "before", _stage_of_caller())
        on_commit(count[0], "after", _stage_of_caller())

    db.transaction = counting  # type: ignore[assignment]
    try:
        yield
    finally:
        db.transaction = original  # type: ignore[assignment]


def _boundaries(tmp_path: Path) -> list[tuple[int, str]]:
    """The commits of a clean run with their stage."""
    seen: list[tuple[int, str]] = []

    def note(n: int, when: str, stage: str) -> None:
        if when == "after":
            seen.append((n, stage))

    with _counting_transactions(note):
        _run(tmp_path / "count.db")
    picked: dict[str, list[int]] = {}
    for n, stage in seen:
        picked.setdefault(stage, []).append(n)
    # Per-article saves repeat one boundary: their first and last stand for all of them.
    repeated = {"save_processed", "save_processed_many", "store_articles"}
    keep = sorted(
        {n for stage, ns in picked.items() for n in ((ns[0], ns[-1]) if stage in repeated else ns)}
    )
    return [(n, dict(seen)[n]) for n in keep]


def _killed_child(path: Path, target: int, when: str) -> int:
    """Run the pipeline in a child killed at commit ``target``; returns its wait status."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:

            def kill(n: int, w: str, stage: str) -> None:
                if n == target and w == when:
                    os.kill(os.getpid(), signal.SIGKILL)

            with _counting_transactions(kill):
                _run(path)
        finally:
            os._exit(0)
    return os.waitpid(pid, 0)[1]


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(derive, "CHUNK", CHUNK)
        path = tmp_path_factory.mktemp("clean") / "clean.db"
        _run(path)
        result = _exports(path)
    assert '"derived_from": "' in result[2], "the corpus must exercise derivation linking"
    return result


def test_kill_at_every_stage_boundary_then_rerun_gives_the_clean_export(
    tmp_path: Path, clean_export: tuple[str, str, str]
) -> None:
    boundaries = _boundaries(tmp_path)
    stages = {stage for _, stage in boundaries}
    # Ingest, line registration, per-article saves and every committed step of linking.
    assert {"store_articles", "_register_lines", "_index_chunk", "link_derivations"} <= stages
    assert stages & {"save_processed", "save_processed_many"}
    assert "materialise_events" in stages
    failures = []
    for n, stage in boundaries:
        for when in ("before", "after"):
            path = tmp_path / f"kill-{n}-{when}.db"
            status = _killed_child(path, n, when)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            _run(path)
            if _exports(path) != clean_export:
                failures.append(f"killed {when} commit {n} ({stage})")
    assert not failures, failures


def test_a_second_kill_during_recovery_still_converges(
    tmp_path: Path, clean_export: tuple[str, str, str]
) -> None:
    boundaries = [n for n, stage in _boundaries(tmp_path) if stage == "link_derivations"]
    path = tmp_path / "twice.db"
    _killed_child(path, boundaries[0], "after")
    _killed_child(path, 1, "after")  # the recovery run is killed at its own first commit
    _run(path)
    assert _exports(path) == clean_export


def _disk_full_child(path: Path, limit: int) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            _run(path)
        except sqlite3.Error:
            code = 3
        except BaseException:
            code = 4
        finally:
            os._exit(code)
    return os.waitpid(pid, 0)[1]


@pytest.mark.parametrize("limit_kb", [64, 256, 600, 1200])
def test_disk_full_then_rerun_with_space_gives_the_clean_export(
    tmp_path: Path, clean_export: tuple[str, str, str], limit_kb: int
) -> None:
    path = tmp_path / "full.db"
    status = _disk_full_child(path, limit_kb * 1024)
    # The child either hit the limit as an SQLite error or finished within it.
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) in (0, 3), status
    _run(path)
    assert _exports(path) == clean_export


def test_a_link_chunk_saved_before_resolution_is_repaired_by_the_next_run(
    tmp_path: Path, clean_export: tuple[str, str, str]
) -> None:
    """The failure the fault battery found: pairs saved, derivations never resolved."""
    path = tmp_path / "pairs.db"
    seen: list[tuple[int, str]] = []
    with _counting_transactions(lambda n, w, s: seen.append((n, s)) if w == "after" else None):
        _run(tmp_path / "count.db")
    # The last pairing commit precedes the first resolution commit (both in link_derivations).
    first_link = next(n for n, s in seen if s == "_index_chunk")
    pair_commit = next(n for n, s in seen if s == "link_derivations" and n > first_link)
    _killed_child(path, pair_commit, "after")
    conn = db.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM link_queue").fetchone()[0] > 0
    finally:
        conn.close()
    _run(path)
    assert _exports(path) == clean_export
