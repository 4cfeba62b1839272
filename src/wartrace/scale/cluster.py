"""Run ``pipeline.analyse_batch`` on a Dask cluster; the store stays with the client.

Workers analyse and build each article's derivation index: each task is one batch of
articles (not one task per article, whose scheduling overhead would cost more than the
analysis of a short text), and the client writes each batch's results in one transaction,
in the articles' order, and links them chunk by chunk while the workers go on, so the
store ends exactly as after a single-process run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wartrace.pipeline import Batch, LineFacts, Outcome, analyse_batch, line_facts

# Batches kept in flight per worker thread: enough to keep every worker busy while the
# client writes, few enough that the client does not hold the whole corpus in memory.
IN_FLIGHT_PER_THREAD = 3
# Articles submitted ahead of the one the client waits for: the client links a whole chunk
# (``link.CHUNK``) at a time while the workers go on analysing, so they need that much work
# queued (each article's results are a few tens of kB until the client takes them).
AHEAD_ARTICLES = 4000


@contextmanager
def connect_cluster(workers: int, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client: on ``scheduler``'s cluster, or on a new local cluster of processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
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


class DaskRunner:
    """A ``pipeline.Runner`` that maps batches over a Dask client's workers."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def __call__(self, batches: Iterator[Batch]) -> Iterator[list[Outcome]]:
        least = IN_FLIGHT_PER_THREAD * self.threads()
        pending: deque[tuple[Batch, Any]] = deque()
        for batch in batches:
            pending.append((batch, self.client.submit(analyse_batch, batch, pure=False)))
            window = max(least, -(-AHEAD_ARTICLES // max(1, len(batch.rows))))
            if len(pending) >= window:
                yield _outcomes(*pending.popleft())
        while pending:
            yield _outcomes(*pending.popleft())

    def map_lines(self, batches: Iterator[list[dict[str, Any]]]) -> Iterator[list[LineFacts]]:
        """``pipeline.line_facts`` over the workers: the registration of the articles' lines
        is done before any analysis starts, so on the client alone it left the workers idle.
        A batch whose worker failed is done here instead."""
        pending: deque[tuple[list[dict[str, Any]], Any]] = deque()
        window = IN_FLIGHT_PER_THREAD * self.threads()
        for batch in batches:
            pending.append((batch, self.client.submit(line_facts, batch, pure=False)))
            if len(pending) >= window:
                yield _facts(*pending.popleft())
        while pending:
            yield _facts(*pending.popleft())


def _facts(batch: list[dict[str, Any]], future: Any) -> list[LineFacts]:
    try:
        result: list[LineFacts] = future.result()
    except Exception:
        return line_facts(batch)
    return result


def _outcomes(batch: Batch, future: Any) -> list[Outcome]:
    """The batch's results; if its worker failed as a whole, each article failed with it."""
    try:
        result: list[Outcome] = future.result()
    except Exception as exc:
        message = f"worker failed: {type(exc).__name__}: {exc}"
        return [(row["article_id"], message) for row in batch.rows]
    return result
