"""`run --workers/--scheduler`: analysis on Dask workers exports exactly what one process does.

Every article here is invented.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from wartrace import link, pipeline
from wartrace.link import derive
from wartrace.scale import DaskRunner, cluster_runner, connect_cluster
from wartrace.scale import cluster as scale_cluster
from wartrace.store import db, export

pytest.importorskip("distributed")

# invented reports: several outlets (so learned boilerplate matters), shared incidents
# (so linking matters), and one article in French.
STORIES = [
    "NORTHVILLE (Invented Wire) - Gunmen attacked an army checkpoint near Northville on "
    "Monday, killing {k} soldiers, a local official said.\nInvented Wire - all rights reserved",
    "SOUTHPORT (Daily Invention) - Protesters marched through Southport on Tuesday demanding "
    "the release of {k} detained students; police fired tear gas.\nRead more at Daily Invention",
    "EASTWOOD (Invented Wire) - An air strike hit a market in Eastwood on Wednesday, killing "
    "{k} civilians, according to a rescue group.\nInvented Wire - all rights reserved",
    "OUESTVILLE (Agence Inventée) - Des hommes armés ont attaqué un poste de police à "
    "Ouestville jeudi, tuant {k} policiers, selon une source sécuritaire.",
]


@pytest.fixture(autouse=True)
def _small_link_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Link chunks of 5 articles: a run links them (events included) while it analyses, at
    moments that depend on how the batches come back; the exports must not."""
    monkeypatch.setattr(derive, "CHUNK", 5)
    monkeypatch.setattr(link, "CHUNK", 5)


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        story = STORIES[n % len(STORIES)].format(k=n % 7 + 2)
        (folder / f"a{n:03d}.txt").write_text(story + "\n", encoding="utf-8")


def exported(path: Path) -> tuple[str, str]:
    conn = db.connect(path)
    try:
        events = json.dumps(export.event_records(conn), sort_keys=True)
        articles = json.dumps(export.article_records(conn), sort_keys=True)
    finally:
        conn.close()
    return events, articles


def run_with(path: Path, inputs: Path, runner: pipeline.Runner | None, size: int) -> None:
    conn = db.connect(path)
    try:
        pipeline.ingest(conn, [inputs])
        result = pipeline.process(conn, runner=runner, batch_size=size)
        assert result.processed > 0 and not result.failed
    finally:
        conn.close()


def outlet_lines(path: Path) -> list[tuple[str, str, str]]:
    conn = db.connect(path)
    try:
        rows = conn.execute("SELECT outlet, line_hash, article_id FROM outlet_lines").fetchall()
    finally:
        conn.close()
    return sorted(tuple(r) for r in rows)


def test_local_cluster_export_is_identical_to_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "in", 24)
    run_with(tmp_path / "one.db", tmp_path / "in", None, pipeline.PROCESS_BATCH)
    monkeypatch.setattr(pipeline, "LINES_BATCH", 5)  # the lines' registration in batches too
    with connect_cluster(2) as client:
        # small batches, so that several are in flight and may finish out of order
        run_with(tmp_path / "two.db", tmp_path / "in", DaskRunner(client), 5)
    one, two = exported(tmp_path / "one.db"), exported(tmp_path / "two.db")
    assert json.loads(one[0]), "the corpus must produce events for the comparison to mean much"
    assert one == two
    # The workers registered the same lines the client does on its own.
    assert outlet_lines(tmp_path / "one.db") == outlet_lines(tmp_path / "two.db")
    assert outlet_lines(tmp_path / "one.db"), "the corpus's outlets must have lines"


def _housekeeping() -> tuple[object, object]:
    import dask

    return (
        dask.config.get("distributed.worker.profile.enabled"),
        dask.config.get("distributed.admin.tick.interval"),
    )


def test_a_local_cluster_does_not_sample_or_tick_through_the_analysis() -> None:
    """A worker's stack profiler (every 10 ms) and the event loops' health ticks (every
    20 ms) take the GIL from the analysis and the linking: off, and paced in seconds."""
    with connect_cluster(1) as client:
        assert set(client.run(_housekeeping).values()) == {(False, "1s")}
        assert _housekeeping() == (False, "1s")  # the client's own loop (and scheduler)
    assert _housekeeping() != (False, "1s")  # the process's config is given back after


def test_the_cli_runner_client_helping_one_worker_exports_what_one_process_does(
    tmp_path: Path,
) -> None:
    write_corpus(tmp_path / "in", 24)
    run_with(tmp_path / "one.db", tmp_path / "in", None, pipeline.PROCESS_BATCH)
    with cluster_runner(2) as runner:  # `run --workers 2`: one worker, and the client helps
        assert len(runner.client.nthreads()) == 1 and runner.help_here
        run_with(tmp_path / "two.db", tmp_path / "in", runner, 3)
    assert exported(tmp_path / "one.db") == exported(tmp_path / "two.db")


class _Slow:
    """A future whose worker has not finished until asked for the result (then it has)."""

    def __init__(self, batch: pipeline.Batch, client: _SlowClient) -> None:
        self.batch, self.client = batch, client

    def done(self) -> bool:
        return False

    def result(self) -> list[pipeline.Outcome]:
        self.client.results += 1
        return pipeline.analyse_batch(self.batch)

    def cancel(self) -> None:
        self.client.cancelled += 1


class _SlowClient:
    def __init__(self) -> None:
        self.submitted = self.results = self.cancelled = 0

    def nthreads(self) -> dict[str, int]:
        return {"w": 1}

    def submit(self, func: Any, batch: Any, **kwargs: object) -> Any:
        if func is not scale_cluster._analyse_on_worker:  # the lines' registration, warming
            return _Done(func(batch))
        self.submitted += 1
        return _Slow(batch, self)


class _Done:
    def __init__(self, value: object) -> None:
        self.value = value

    def result(self) -> object:
        return self.value


@pytest.mark.parametrize(
    ("ahead", "submitted", "taken_back"),
    [
        # two batches ahead on the worker: the client analyses about every other one
        (4, range(3, 12), range(0, 1)),
        # all 12 batches go to the worker at once: the client takes back all but the first
        (100, range(12, 13), range(11, 12)),
    ],
)
def test_the_client_analyses_batches_itself_while_the_next_one_is_on_a_worker(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ahead: int,
    submitted: range,
    taken_back: range,
) -> None:
    write_corpus(tmp_path / "in", 24)
    run_with(tmp_path / "one.db", tmp_path / "in", None, pipeline.PROCESS_BATCH)
    monkeypatch.setattr(scale_cluster, "AHEAD_ARTICLES", ahead)
    monkeypatch.setattr(scale_cluster, "IN_FLIGHT_PER_THREAD", 2)
    client = _SlowClient()
    run_with(tmp_path / "two.db", tmp_path / "in", DaskRunner(client, help_here=True), 2)
    assert client.submitted in submitted and client.cancelled in taken_back
    assert client.results + client.cancelled == client.submitted  # each outcome once
    assert exported(tmp_path / "one.db") == exported(tmp_path / "two.db")


class _SlowLines:
    """A line-registration future whose worker has not finished until asked for the result."""

    def __init__(self, rows: list[dict[str, Any]], client: _SlowLinesClient) -> None:
        self.rows, self.client = rows, client

    def done(self) -> bool:
        return False

    def result(self) -> list[pipeline.LineFacts]:
        self.client.results += 1
        return pipeline.line_facts(self.rows)

    def cancel(self) -> None:
        self.client.cancelled += 1


class _SlowLinesClient(_SlowClient):
    def submit(self, func: Any, batch: Any, **kwargs: object) -> Any:
        self.calls.append((func, kwargs.get("workers")))
        if func is not pipeline.line_facts:
            return super().submit(func, batch, **kwargs)
        self.lines_submitted += 1
        return _SlowLines(batch, self)

    def __init__(self) -> None:
        super().__init__()
        self.lines_submitted = 0
        self.calls: list[tuple[Any, object]] = []


def test_each_worker_loads_its_knowledge_while_the_client_registers_the_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path / "in", 24)
    run_with(tmp_path / "one.db", tmp_path / "in", None, pipeline.PROCESS_BATCH)
    monkeypatch.setattr(pipeline, "LINES_BATCH", 2)  # 12 batches of lines
    monkeypatch.setattr(scale_cluster, "IN_FLIGHT_PER_THREAD", 2)
    client = _SlowLinesClient()
    run_with(tmp_path / "two.db", tmp_path / "in", DaskRunner(client, help_here=True), 4)
    # Before any line, each worker loads its knowledge on the first articles; the lines are
    # registered here (shipping raw texts costs the client about what registering them does).
    assert client.calls[0] == (scale_cluster._warm_on_worker, ["w"])
    assert client.lines_submitted == 0
    assert client.results + client.cancelled == client.submitted
    assert outlet_lines(tmp_path / "one.db") == outlet_lines(tmp_path / "two.db")
    assert exported(tmp_path / "one.db") == exported(tmp_path / "two.db")


def test_a_batch_whose_worker_fails_reports_its_articles_as_failed(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 3)
    conn = db.connect(tmp_path / "w.db")
    pipeline.ingest(conn, [tmp_path / "in"])

    class Broken:
        def result(self) -> None:
            raise OSError("worker lost")

    class BrokenClient:
        def nthreads(self) -> dict[str, int]:
            return {"w": 1}

        def submit(self, *args: object, **kwargs: object) -> Broken:
            return Broken()

    result = pipeline.process(conn, runner=DaskRunner(BrokenClient()))
    conn.close()
    # The lines' registration (before any analysis) falls back to the client; it went on.
    assert outlet_lines(tmp_path / "w.db")
    assert result.processed == 0
    assert [message for _, message in result.failed] == ["worker failed: OSError: worker lost"] * 3


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(path: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} never appeared")
        time.sleep(0.2)


def test_scheduler_and_two_worker_processes_export_what_one_process_does(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 16)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    info = tmp_path / "scheduler.json"
    procs = [
        _start(
            [
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(info),
            ],
            env,
        )
    ]
    try:
        _wait_for(info, 60)
        address = json.loads(info.read_text())["address"]
        for _ in range(2):
            procs.append(
                _start(
                    [
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                    ],
                    env,
                )
            )
        cli = [sys.executable, "-m", "wartrace", "-q"]
        one_env = {**env, "WARTRACE_DB": str(tmp_path / "one.db")}
        subprocess.run([*cli, "run", str(tmp_path / "in")], env=one_env, check=True)
        many_env = {**env, "WARTRACE_DB": str(tmp_path / "many.db")}
        subprocess.run(
            [*cli, "run", str(tmp_path / "in"), "--scheduler", address],
            env=many_env,
            check=True,
            timeout=300,
        )
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
    assert exported(tmp_path / "one.db") == exported(tmp_path / "many.db")
