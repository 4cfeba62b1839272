"""`run --workers N` against one process: throughput ratio and identical exports.

Run: PYTHONPATH=src .venv/bin/python bench/bench_workers.py [--articles 20000] [--workers 2]

Both runs process the same stored INVENTED articles (bench/corpus_gen.py) in one
invocation, one after the other: first in this process, then as `run --workers N` does
(a Dask LocalCluster of N - 1 worker processes, and this process analysing whenever it has
no chunk to link; ``--no-help``: N workers and a client that only writes and links).
Printed: wall seconds of each run, split into outlet-line registration (before the
analysis), analysis (+ writing, and linking whole chunks in the client meanwhile) and the
final linking (the last chunk, sources and events, in the client after the analysis), the
throughput ratios, whether the exports are identical, and how loaded the machine was (load
average, CPU count), since the ratio is only meaningful when the cores are otherwise idle.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def warm() -> None:
    """Analyse one invented article, which loads every lexicon, model and gazetteer."""
    from wartrace import pipeline

    text = "KABUL (Invented Wire) - Gunmen killed two guards on Monday, police said."
    row = {
        "article_id": "w",
        "raw_text": text,
        "url": None,
        "outlet": None,
        "published": "2025-01-06",
        "title": None,
    }
    pipeline.analyse_article(row, set())


def cpu_seconds() -> float:
    """This process's CPU time (run on each worker through ``client.run``)."""
    return time.process_time()


def timed_process(path: Path, runner: Any, client: Any = None) -> dict[str, float]:
    from wartrace import link, pipeline
    from wartrace.store import db

    spent = {"link": 0.0, "lines": 0.0, "link_cpu": 0.0, "lines_cpu": 0.0}
    spent |= {"ready": 0.0, "ready_cpu": 0.0, "last_cpu": 0.0}
    real_link, real_lines = link.link_all, pipeline._register_lines
    real_ready = link.link_ready

    after_lines: dict[str, float] = {}

    def timed(name: str, func: Any) -> Any:
        def run(*args: Any) -> Any:
            t, c = time.perf_counter(), time.process_time()
            try:
                return func(*args)
            finally:
                if name == "lines" and client:  # the workers register lines too
                    after_lines.update(client.run(cpu_seconds))
                spent[name] += time.perf_counter() - t
                spent[name + "_cpu"] += time.process_time() - c
                if name == "ready":  # the chunk the last batch completes is linked after it
                    spent["last_cpu"] = time.process_time() - c

        return run

    # Both run in the client whatever the runner: timed apart from the analysis.
    link.link_all = timed("link", real_link)  # type: ignore[assignment]
    link.link_ready = timed("ready", real_ready)  # type: ignore[assignment]
    pipeline._register_lines = timed("lines", real_lines)  # type: ignore[assignment]
    conn = db.connect(path)
    load0 = os.getloadavg()[0]
    workers0 = client.run(cpu_seconds) if client else {}
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        result = pipeline.process(conn, runner=runner)
    finally:
        link.link_all = real_link  # type: ignore[assignment]
        link.link_ready = real_ready  # type: ignore[assignment]
        pipeline._register_lines = real_lines  # type: ignore[assignment]
        conn.close()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    workers1 = client.run(cpu_seconds) if client else {}
    # CPU seconds of each worker during the line registration, and during the analysis phase
    lines_by = {w: after_lines[w] - workers0[w] for w in workers1 if w in after_lines}
    phase_by = {w: workers1[w] - after_lines.get(w, workers0[w]) for w in workers1}
    busiest = max(phase_by.values(), default=0.0)
    all_workers = sum(phase_by.values())
    assert not result.failed, result.failed[:3]
    return {
        "wall": wall,
        "link": spent["link"],
        "lines": spent["lines"],
        "analysis": wall - spent["link"] - spent["lines"],  # linking chunks included
        "ready": spent["ready"],
        # CPU seconds of the analysis phase: the client's, and the busiest worker's
        "analysis_cpu": cpu - spent["link_cpu"] - spent["lines_cpu"],
        "worker_cpu": busiest,
        "workers_cpu": all_workers,
        "lines_cpu": spent["lines_cpu"],
        "lines_worker_cpu": max(lines_by.values(), default=0.0),
        "lines_workers_cpu": sum(lines_by.values()),
        "link_cpu": spent["link_cpu"],
        "ready_cpu": spent["ready_cpu"],
        "last_cpu": spent["last_cpu"],
        "load_before": load0,
        "load_after": os.getloadavg()[0],
    }


def exported(path: Path) -> tuple[str, str]:
    from wartrace.store import db, export

    conn = db.connect(path)
    try:
        return (
            json.dumps(export.event_records(conn), sort_keys=True),
            json.dumps(export.article_records(conn), sort_keys=True),
        )
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--no-help",
        action="store_true",
        help="N worker processes and a client that only writes and links (before session 8), "
        "instead of what `run --workers N` does: N - 1 workers and the client helping",
    )
    args = parser.parse_args()

    import corpus_gen
    from wartrace import pipeline
    from wartrace.scale import DaskRunner, cluster_runner, connect_cluster
    from wartrace.store import db

    folder = Path(tempfile.mkdtemp(prefix="wartrace-bench-workers-"))
    source = corpus_gen.write_jsonl(folder / "articles.jsonl", args.articles)
    one, many = folder / "one.db", folder / "many.db"
    conn = db.connect(one)
    pipeline.ingest(conn, [source])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(one, many)
    warm()  # load lexicons and models here, as the workers do below, before any timing
    print(
        f"{args.articles:,} articles; {os.cpu_count()} cores; "
        f"load average at start {os.getloadavg()[0]:.1f}"
    )
    single = timed_process(one, None)
    t = time.perf_counter()
    cluster: Any = connect_cluster if args.no_help else cluster_runner
    with cluster(args.workers) as started:
        start = time.perf_counter() - t
        runner = DaskRunner(started) if args.no_help else started
        runner.client.run(warm)
        multi = timed_process(many, runner, runner.client)
    same = exported(one) == exported(many)
    how = "no help" if args.no_help else "the client helps, on a cluster of one worker fewer"
    print(f"cluster start: {start:.1f} s ({how})")
    for name, r in (("1 process", single), (f"{args.workers} workers", multi)):
        print(
            f"{name:<11} wall {r['wall']:8.1f} s = line registration {r['lines']:6.1f} s "
            f"+ analysis+write {r['analysis']:8.1f} s (linking whole chunks meanwhile "
            f"{r['ready']:6.1f} s) + final link {r['link']:7.1f} s   "
            f"(load average {r['load_before']:.1f} -> {r['load_after']:.1f})"
        )
    print(
        f"throughput ratio, whole process: {single['wall'] / multi['wall']:.2f}x; "
        f"analysis+write only: {single['analysis'] / multi['analysis']:.2f}x"
    )
    # On otherwise idle cores the analysis phase lasts as long as its busiest process needs
    # CPU: one process needs all of it; with workers, the busiest worker or the client.
    projected = single["analysis_cpu"] / max(multi["worker_cpu"], multi["analysis_cpu"])
    print(
        f"analysis phase CPU: 1 process {single['analysis_cpu']:.1f} s; with workers: client "
        f"{multi['analysis_cpu']:.1f} s, busiest worker {multi['worker_cpu']:.1f} s -> "
        f"projected analysis ratio on idle cores {projected:.2f}x (not a wall measurement)"
    )
    # The whole run on idle cores, from CPU seconds (a shared machine's wall times are not):
    # one process needs all its CPU; with workers, the analysis phase needs at least its
    # busiest process's CPU and at least all its processes' CPU spread over the cores, and
    # the line registration and the final link need the client's.
    cores = os.cpu_count() or 1
    one_cpu = single["lines_cpu"] + single["analysis_cpu"] + single["link_cpu"]
    # The last whole chunk is linked after the last batch: counted with the final link.
    client = multi["analysis_cpu"] - multi["last_cpu"]
    tail = multi["last_cpu"] + multi["link_cpu"]
    phase = max(client, multi["worker_cpu"], (client + multi["workers_cpu"]) / cores)
    # the line registration likewise: the client and the workers share it
    lines = max(
        multi["lines_cpu"],
        multi["lines_worker_cpu"],
        (multi["lines_cpu"] + multi["lines_workers_cpu"]) / cores,
    )
    many_cpu = lines + phase + tail
    for name, r in (("1 process", single), (f"{args.workers} workers", multi)):
        print(
            f"{name:<11} client CPU: lines {r['lines_cpu']:6.1f} s, analysis phase "
            f"{r['analysis_cpu']:7.1f} s (linking whole chunks {r['ready_cpu']:6.1f} s), "
            f"final link {r['link_cpu']:6.1f} s; workers' CPU: lines "
            f"{r.get('lines_workers_cpu', 0.0):6.1f} s, analysis phase {r['workers_cpu']:7.1f} s "
            f"(busiest {r['worker_cpu']:6.1f} s)"
        )
    print(
        f"projected on {cores} idle cores: 1 process {one_cpu:.1f} s, {args.workers} workers "
        f"{many_cpu:.1f} s (lines {lines:.1f} + analysis {phase:.1f} + linking after "
        f"the last batch {tail:.1f}) -> whole-run ratio {one_cpu / many_cpu:.2f}x"
    )
    print(f"exports identical: {same}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
