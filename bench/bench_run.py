"""The whole `run` on generated articles, cost per article of each stage.

Run: PYTHONPATH=src .venv/bin/python bench/bench_run.py [--sizes 1000,10000,100000]

Each size runs in a fresh child process on INVENTED articles from bench/corpus_gen.py
(edited copies, same-day incidents, short notes, three languages). Printed per size:
fixed cost (imports and lexicon/model loading, paid once per process), then for each
stage its CPU and wall seconds and CPU milliseconds per article, and end-to-end articles
per CPU second. CPU time is what one core spent; wall time also shows how busy the
machine was (the load average is printed too).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# "index": each article's derivation index, built beside its analysis (see
# pipeline.index_article); "link": the rest of linking, during the run and at its end.
STAGES = ("ingest", "lines", "text", "extract", "geo", "index", "save", "link")


class Timer:
    def __init__(self) -> None:
        self.cpu: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.wall: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def wrap(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            c, w = time.process_time(), time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.cpu[stage] += time.process_time() - c
                self.wall[stage] += time.perf_counter() - w

        return timed


def one_size(count: int, keep: Path | None) -> dict[str, Any]:
    """Run in a child: returns the figures for ``count`` articles."""
    import corpus_gen

    folder = keep or Path(tempfile.mkdtemp(prefix="wartrace-bench-run-"))
    source = corpus_gen.write_jsonl(folder / f"articles-{count}.jsonl", count)
    chars = sum(len(json.loads(line)["text"]) for line in source.open(encoding="utf-8"))
    c0, w0 = time.process_time(), time.perf_counter()
    from wartrace import extract, geo, link, pipeline, text
    from wartrace.link import index as link_index
    from wartrace.store import db

    warm = {
        "article_id": "warm",
        "raw_text": "KABUL (Invented Wire) - Gunmen killed two guards on Monday, police said.",
        "url": None,
        "outlet": None,
        "published": "2025-01-06",
        "title": None,
    }
    pipeline.analyse_article(warm, set())  # loads every lexicon, model and gazetteer
    fixed = {"cpu": time.process_time() - c0, "wall": time.perf_counter() - w0}

    timer = Timer()
    text.analyse_text = timer.wrap("text", text.analyse_text)  # type: ignore[method-assign]
    extract.extract_events = timer.wrap("extract", extract.extract_events)  # type: ignore[method-assign]
    geo.geocode_event = timer.wrap("geo", geo.geocode_event)  # type: ignore[method-assign]
    pipeline._register_lines = timer.wrap("lines", pipeline._register_lines)  # type: ignore[method-assign]
    db.save_processed_many = timer.wrap("save", db.save_processed_many)  # type: ignore[method-assign]
    link.link_all = timer.wrap("link", link.link_all)  # type: ignore[method-assign]
    link.link_ready = timer.wrap("link", link.link_ready)  # type: ignore[method-assign]
    link_index.build_index = timer.wrap("index", link_index.build_index)  # type: ignore[method-assign]

    path = folder / f"run-{count}.db"
    path.unlink(missing_ok=True)
    conn = db.connect(path)
    c1, w1 = time.process_time(), time.perf_counter()
    timer.wrap("ingest", pipeline.ingest)(conn, [source])
    result = pipeline.process(conn)
    total = {"cpu": time.process_time() - c1, "wall": time.perf_counter() - w1}
    counts = db.counts(conn)
    conn.close()
    return {
        "articles": count,
        "mean_chars": chars / count,
        "fixed": fixed,
        "total": total,
        "cpu": timer.cpu,
        "wall": timer.wall,
        "failed": len(result.failed),
        "counts": counts,
        "load": os.getloadavg(),
    }


def report(r: dict[str, Any]) -> None:
    n = r["articles"]
    print(
        f"\n== {n:,} articles, {r['mean_chars']:.0f} characters on average  "
        f"(load average after: {r['load'][0]:.1f} on {os.cpu_count()} cores)"
    )
    print(
        f"fixed cost (imports, lexicons, models): {r['fixed']['cpu']:.2f} s CPU, "
        f"{r['fixed']['wall']:.2f} s wall"
    )
    print(f"{'stage':<10}{'CPU s':>10}{'wall s':>10}{'CPU ms/article':>16}")
    named = 0.0
    for stage in STAGES:
        named += r["cpu"][stage]
        print(
            f"{stage:<10}{r['cpu'][stage]:>10.2f}{r['wall'][stage]:>10.2f}"
            f"{1000 * r['cpu'][stage] / n:>16.2f}"
        )
    other = r["total"]["cpu"] - named
    print(f"{'other':<10}{other:>10.2f}{'':>10}{1000 * other / n:>16.2f}")
    t = r["total"]
    print(f"{'total':<10}{t['cpu']:>10.2f}{t['wall']:>10.2f}{1000 * t['cpu'] / n:>16.2f}")
    print(
        f"end to end: {n / t['cpu']:.1f} articles per CPU second, {n / t['wall']:.1f} per wall "
        f"second; failed {r['failed']}; {r['counts']['events']:,} events from "
        f"{r['counts']['reports']:,} reports, {r['counts']['derived']:,} derived articles"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--keep", type=Path, default=None, help="keep inputs and stores here")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one, args.keep)))
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(size)]
        if args.keep:
            cmd += ["--keep", str(args.keep)]
        # The child's errors pass through to stderr: a failed size says why, not only that.
        child = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
        if child.returncode != 0:
            sys.exit(f"size {size:,} failed (exit {child.returncode}); its error is above")
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
        report(results[-1])
    if len(results) > 1:
        base = results[0]["total"]["cpu"] / results[0]["articles"]
        for r in results[1:]:
            ratio = (r["total"]["cpu"] / r["articles"]) / base
            print(
                f"cost per article at {r['articles']:,} / at {results[0]['articles']:,}: "
                f"{ratio:.2f}x"
            )


if __name__ == "__main__":
    main()
