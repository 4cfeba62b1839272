"""Soak test of `wartrace watch`: simulated feed traffic on 127.0.0.1 for a bounded time.

Run: PYTHONPATH=src .venv/bin/python bench/soak_watch.py [--minutes 30] [--feeds 4]
     [--every 6] [--interval 5]

A local server publishes ``--feeds`` RSS feeds; each gains a new INVENTED article
(bench/corpus_gen.py) every ``--every`` seconds and lists its 20 latest, with an ETag
(unchanged feeds answer 304). One more feed fails half of the time (HTTP 503) to keep the
back-off path busy. The watch polls every ``--interval`` seconds in this process.
Printed: resident memory and counts once a minute, then whether any article was stored
twice or any item was missed, and how often pages were fetched more than once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen

WINDOW = 20  # items listed per feed


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Traffic:
    """What the simulated outlets have published so far (a function of time)."""

    def __init__(self, feeds: int, every: float, articles: list[dict[str, Any]]) -> None:
        self.feeds, self.every, self.articles = feeds, every, articles
        self.start = time.monotonic()
        self.page_gets: Counter[str] = Counter()
        self.lock = threading.Lock()

    def published(self, feed: int) -> int:
        """How many items feed ``feed`` has published by now (bounded by the corpus)."""
        n = int((time.monotonic() - self.start) / self.every) + 1
        return min(n, len(self.articles) // self.feeds)

    def article(self, feed: int, k: int) -> dict[str, Any]:
        return self.articles[k * self.feeds + feed]


def handler(traffic: Traffic, base: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: bytes, ctype: str, etag: str | None = None) -> None:
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if self.path == "/robots.txt":
                self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
            elif parts[0] == "flaky":
                if int(time.monotonic()) % 2:
                    self._send(503, b"busy", "text/plain")
                else:
                    self._send(200, b"<rss version='2.0'><channel></channel></rss>", "text/xml")
            elif parts[0] == "feed":
                feed = int(parts[1])
                n = traffic.published(feed)
                etag = f'"{feed}-{n}"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", "text/xml")
                    return
                items = "".join(
                    f"<item><title>item {k}</title><link>{base[0]}/page/{feed}/{k}</link>"
                    f"<guid>{base[0]}/page/{feed}/{k}</guid>"
                    f"<pubDate>Mon, 06 Jan 2025 08:00:00 GMT</pubDate></item>"
                    for k in range(max(0, n - WINDOW), n)
                )
                body = f"<rss version='2.0'><channel><title>f{feed}</title>{items}</channel></rss>"
                self._send(200, body.encode(), "application/rss+xml", etag)
            elif parts[0] == "page":
                with traffic.lock:
                    traffic.page_gets[self.path] += 1
                a = traffic.article(int(parts[1]), int(parts[2]))
                paras = "".join(f"<p>{line}</p>" for line in a["text"].splitlines())
                body = (
                    f"<html><head><meta charset='utf-8'><title>{a['title']}</title></head>"
                    f"<body><nav>Home | World</nav><article><h1>{a['title']}</h1>{paras}"
                    f"</article><footer>{a['outlet']}</footer></body></html>"
                )
                self._send(200, body.encode(), "text/html; charset=utf-8")
            else:
                self._send(404, b"", "text/plain")

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--feeds", type=int, default=4)
    parser.add_argument("--every", type=float, default=6.0, help="seconds between new items")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between passes")
    args = parser.parse_args()

    from wartrace.store import db
    from wartrace.watch import Fetcher, Watcher

    per_feed = int(args.minutes * 60 / args.every) + 2
    articles = list(corpus_gen.generate(per_feed * args.feeds, seed=7))
    traffic = Traffic(args.feeds, args.every, articles)
    base: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(traffic, base))
    server.daemon_threads = True
    base.append(f"http://127.0.0.1:{server.server_address[1]}")
    threading.Thread(target=server.serve_forever, daemon=True).start()

    folder = Path(tempfile.mkdtemp(prefix="wartrace-soak-"))
    conn = db.connect(folder / "soak.db")
    sources = [f"{base[0]}/feed/{f}" for f in range(args.feeds)] + [f"{base[0]}/flaky"]
    fetcher = Fetcher(timeout=10, host_delay=0)
    watcher = Watcher(conn, sources, fetcher, interval=args.interval, settle=0)
    print(
        f"soak: {args.minutes} min, {args.feeds} feeds + 1 flaky, a new item per feed every "
        f"{args.every} s, a pass every {args.interval} s; store {folder / 'soak.db'}"
    )
    print(
        f"{'minute':>6} {'RSS MB':>8} {'passes':>7} {'articles':>9} {'events':>7} {'failures':>9}"
    )
    end = time.monotonic() + args.minutes * 60
    next_report = time.monotonic()
    passes = failures = 0
    samples: list[float] = []
    while time.monotonic() < end:
        started = time.monotonic()
        report = watcher.run_pass()
        passes += 1
        failures += len(report.failed)
        if time.monotonic() >= next_report:
            counts = db.counts(conn)
            samples.append(rss_mb())
            minute = (time.monotonic() - traffic.start) / 60
            print(
                f"{minute:>6.1f} {samples[-1]:>8.1f} {passes:>7} {counts['articles']:>9} "
                f"{counts['events']:>7} {failures:>9}",
                flush=True,
            )
            next_report += 60
        time.sleep(max(0.0, started + args.interval - time.monotonic()))
    watcher.run_pass()  # collect what was published during the last interval

    published = {
        f"{base[0]}/page/{f}/{k}" for f in range(args.feeds) for k in range(traffic.published(f))
    }
    urls = Counter(r[0] for r in conn.execute("SELECT url FROM articles"))
    duplicates = sum(n - 1 for n in urls.values() if n > 1)
    missed = len(published - set(urls))
    refetched = sum(1 for n in traffic.page_gets.values() if n > 1)
    print(
        f"published {len(published)} items; stored {sum(urls.values())} articles; "
        f"duplicates {duplicates}; missed {missed}; pages fetched more than once {refetched}"
    )
    if len(samples) >= 2:
        print(
            f"RSS first {samples[0]:.1f} MB, last {samples[-1]:.1f} MB, max {max(samples):.1f} MB"
        )
    if len(samples) >= 4:  # the first minutes load the knowledge and fill bounded buffers
        warm = samples[2:]
        print(
            f"RSS from minute 2 to the end: {warm[0]:.1f} -> {warm[-1]:.1f} MB "
            f"({(warm[-1] - warm[0]) / (len(warm) - 1):+.3f} MB/min), max {max(warm):.1f} MB"
        )
    fetcher.close()
    conn.close()
    server.shutdown()


if __name__ == "__main__":
    main()
