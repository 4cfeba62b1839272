"""Run ``pipeline.analyse_batch`` on a Dask cluster; the store stays with the client.

Workers analyse and build each article's derivation index: each task is one batch of
articles (not one task per article, whose scheduling overhead would cost more than the
analysis of a short text), and the client writes each batch's results in one transaction,
in the articles' order, and links them chunk by chunk while the workers go on, so the
store ends exactly as after a single-process run.
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wartrace.pipeline import (
    Batch,
    FrozenKnowledge,
    LineFacts,
    Outcome,
    analyse_batch,
    line_facts,
)

# Batches kept in flight per worker thread: enough to keep every worker busy while the
# client writes, few enough that the client does not hold the whole corpus in memory.
IN_FLIGHT_PER_THREAD = 3
# Articles submitted ahead of the one the client waits for: the client links a whole chunk
# (``link.CHUNK``) at a time while the workers go on analysing, so they need that much work
# queued (each article's results are a few tens of kB until the client takes them).
AHEAD_ARTICLES = 4000
# Articles a worker analyses, before the lines' registration, only to load its knowledge.
WARM_ARTICLES = 4


# Dask's housekeeping, paced for batches of seconds of analysis rather than for interactive
# sub-second tasks. By default each process wakes its event loop every 20 ms (health tick),
# a worker samples the analysing thread's stack every 10 ms (a profile for the dashboard)
# and checks its memory every 100 ms: each wake takes the GIL from the analysis or the
# linking. Measured idle, a one-worker local cluster: 3.4-3.7 % of a core in the client
# and 3.1-3.4 % in the worker with the defaults, 0.5 % and 0.25 % with these.
QUIET_DASK = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


@contextmanager
def connect_cluster(workers: int, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client: on ``scheduler``'s cluster, or on a new local cluster of processes
    (which, and the client, keep their housekeeping to ``QUIET_DASK``'s pace)."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with dask.config.set(QUIET_DASK), Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set(QUIET_DASK),  # read as the processes start: their config
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # the analysis holds the GIL: parallelism is in processes
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # its HTTP routes on a free port, never 8787
            silence_logs=logging.ERROR,  # not the nanny's shutdown chatter on the CLI's stderr
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def cluster_runner(processes: int, scheduler: str | None = None) -> Iterator[DaskRunner]:
    """The runner of ``run --workers N`` / ``--scheduler``: this process helps analyse,
    so a local cluster has N - 1 workers (N processes analyse, on N cores, with no third
    process competing with the client's linking: on two cores, two workers and the client
    spent 35% more CPU per article than one process)."""
    with connect_cluster(max(1, processes - 1), scheduler) as client:
        yield DaskRunner(client, help_here=True)


class DaskRunner:
    """A ``pipeline.Runner`` that maps batches over a Dask client's workers.

    With ``help_here`` the client analyses too: whenever the batch it must hand over next
    is still on a worker, it analyses the next batch itself rather than wait. The client
    links each chunk between two batches, so it helps only while it has nothing to link,
    and a machine's cores do the analysis and the linking without a third process
    competing for them (``connect_cluster`` then starts one worker fewer)."""

    def __init__(self, client: Any, help_here: bool = False) -> None:
        self.client = client
        self.help_here = help_here
        self._warming: list[Any] = []

    def _warm_workers(self, rows: list[dict[str, Any]]) -> None:
        """Have each worker load its knowledge now, on the first articles, rather than with
        its first batch: the registration of the lines comes first, and the knowledge is
        loaded beside it. Only loading is gained (the analyses are pure); the
        futures are kept, as Dask drops a task whose future is forgotten."""
        sample = rows[:WARM_ARTICLES]
        self._warming = [
            self.client.submit(_warm_on_worker, sample, workers=[worker], pure=False)
            for worker in self.client.nthreads()
        ]

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def __call__(self, batches: Iterator[Batch]) -> Iterator[list[Outcome]]:
        least = IN_FLIGHT_PER_THREAD * self.threads()
        window = least
        source = iter(batches)
        # each batch with its future, or with its outcomes when it was analysed here
        pending: deque[tuple[Batch, Any]] = deque()
        remote = here = 0  # batches in ``pending`` on the workers, and done here
        exhausted = False
        while True:
            while not exhausted and remote < window:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((batch, self.client.submit(_analyse_on_worker, batch, pure=False)))
                remote += 1
                window = max(least, -(-AHEAD_ARTICLES // max(1, len(batch.rows))))
            if not pending:
                return
            batch, work = pending[0]
            if self.help_here and not _done(work):
                if not exhausted and here < window:
                    ahead = next(source, None)
                    if ahead is None:
                        exhausted = True
                    else:
                        pending.append((ahead, analyse_batch(ahead)))
                        here += 1
                    continue
                if exhausted and _take_back_last(pending):
                    # At the end the workers still hold up to a window of batches: the
                    # client takes back the last one rather than wait idle for it.
                    remote -= 1
                    here += 1
                    continue
            pending.popleft()
            if isinstance(work, list):
                here -= 1
                yield work
            else:
                remote -= 1
                yield _outcomes(batch, work)

    def map_lines(self, batches: Iterator[list[dict[str, Any]]]) -> Iterator[list[LineFacts]]:
        """``pipeline.line_facts`` here, while each worker loads its knowledge on a few
        articles (~2 s), so that its first batch of analysis does not pay for it. The lines
        are not shipped to the workers: at 20k the client spent as much CPU shipping the
        raw texts and taking the facts back (7.1-7.7 s) as registering them itself (6.5-8.2
        s), and the worker 7.8-10.3 s more (measured at load 18-20); on an idle machine the
        lines took 8.0 s wall on the worker against 4.9 s in one process."""
        source = iter(batches)
        first = next(source, None)
        if first is None:
            return
        self._warm_workers(first)
        yield from map(line_facts, itertools.chain([first], source))


def _warm_on_worker(rows: list[dict[str, Any]]) -> None:
    """Analyse a few articles and drop the results: this loads the knowledge they need
    (lexicons of their languages, gazetteer, models: ~2 s) while the lines are registered."""
    full = [{"published": None, "title": None, **row} for row in rows]
    analyse_batch(Batch(full, [None] * len(full), {None: set()}))
    _knowledge.settle()


def _take_back_last(pending: deque[tuple[Batch, Any]]) -> bool:
    """Analyse here the last batch still queued on a worker (not the first: its worker is
    on it), cancelling it there; False when there is none. Analyses are pure, so which
    process's outcome is kept changes nothing."""
    for k in range(len(pending) - 1, 0, -1):
        batch, work = pending[k]
        if isinstance(work, list):
            continue
        if _done(work):
            return False  # the workers are past it, and so past the ones before it
        cancel = getattr(work, "cancel", None)
        if cancel is not None:
            cancel()
        pending[k] = (batch, analyse_batch(batch))
        return True
    return False


def _done(work: Any) -> bool:
    """Whether a batch's outcomes can be taken without waiting."""
    if isinstance(work, list):
        return True
    done = getattr(work, "done", None)
    return done is None or bool(done())


_knowledge = FrozenKnowledge()


def _analyse_on_worker(batch: Batch) -> list[Outcome]:
    """``analyse_batch`` on a worker, which keeps the garbage collector off the knowledge
    it loaded, as a single process does (full collections walked it: +8% CPU)."""
    outcomes = analyse_batch(batch)
    _knowledge.settle()
    return outcomes


def _outcomes(batch: Batch, future: Any) -> list[Outcome]:
    """The batch's results; if its worker failed as a whole, each article failed with it."""
    try:
        result: list[Outcome] = future.result()
    except Exception as exc:
        message = f"worker failed: {type(exc).__name__}: {exc}"
        return [(row["article_id"], message) for row in batch.rows]
    return result
