"""Benchmark: how long light verbs take to start, whole process, as a user runs them.

Usage: python bench/bench_startup.py [--runs N]
Prints the median wall and CPU seconds of `wartrace --help`, `list`, `show` and `export` on a
small store built from the invented demo corpus (issue 15 asks for --help and list < 0.5 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    wartrace = [sys.executable, "-m", "wartrace"]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        subprocess.run([*wartrace, "--quiet", "--db", db, "demo"], env=env, check=False)
        show_id = subprocess.run(
            [*wartrace, "--db", db, "list", "--limit", "1", "--jsonl"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        event_id = show_id.split('"event_id": "')[1].split('"')[0] if "event_id" in show_id else ""
        verbs = {
            "--help": ["--help"],
            "list": ["--db", db, "list"],
            "show EVENT": ["--db", db, "show", event_id],
            "export csv": ["--db", db, "export", "--format", "csv", "--out", f"{tmp}/e.csv"],
        }
        print(f"{'verb':<12} {'wall s':>8} {'cpu s':>8}   (median of {runs})")
        for name, args in verbs.items():
            walls, cpus = zip(*(_timed([*wartrace, *args], env) for _ in range(runs)), strict=True)
            print(f"{name:<12} {statistics.median(walls):>8.3f} {statistics.median(cpus):>8.3f}")


if __name__ == "__main__":
    main()
