"""Time the dashboard on a real-size store: 100,000 invented events by default.

    .venv/bin/python bench/bench_web.py [--events 100000] [--db /tmp/bench_web.db] [--repeat 5]

Builds the store once with bulk SQL through the store's own migrations (all text
invented), then times each page and API call in-process (routing, SQL and
rendering; no network) and prints the cold time and the median of the warm runs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from wartrace.store import db
from wartrace.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# Invented regions: (ISO country, admin1 names, lon/lat box).
REGIONS = [
    ("IQ", ["Nineveh", "Anbar", "Salah ad Din", "Kirkuk", "Diyala"], (39.5, 31.0, 46.0, 37.0)),
    ("SY", ["Deir ez-Zor", "Raqqa", "Homs", "Aleppo", "Idlib"], (36.0, 33.0, 41.5, 37.0)),
    ("NG", ["Borno", "Yobe", "Adamawa", "Zamfara"], (4.0, 7.0, 14.0, 13.5)),
    ("SO", ["Banaadir", "Lower Shabelle", "Bay", "Hiiraan"], (42.0, -1.0, 47.5, 5.0)),
    ("ML", ["Mopti", "Gao", "Timbuktu", "Segou"], (-6.0, 13.0, 1.5, 17.5)),
    ("BF", ["Sahel", "Nord", "Est", "Boucle du Mouhoun"], (-4.5, 10.5, 1.5, 14.5)),
]
TYPES = [
    ("Battles", "Armed clash", 40),
    ("Explosions/Remote violence", "Air/drone strike", 20),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 10),
    ("Violence against civilians", "Attack", 15),
    ("Protests", "Peaceful protest", 8),
    ("Strategic developments", "Looting/property destruction", 7),
]
SYLLABLES = ["kar", "vel", "mo", "ra", "tan", "shi", "lo", "bar", "zen", "dor", "ka", "mi"]
NOISES = ["shelling", "gunfire", "an explosion"]
LANGS = ["en", "en", "en", "id", "ar", "fr"]


def name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def build(path: Path, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    conn = db.connect(path)
    places = {
        code: [
            (name(rng), rng.choice(adm), rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3]))
            for _ in range(400)
        ]
        for code, adm, box in REGIONS
    }
    actors = [
        f"{name(rng, 2)} {rng.choice(['Brigade', 'Front', 'Militia', 'Forces'])}" for _ in range(80)
    ]
    outlets = [f"{name(rng, 2)} News" for _ in range(40)]
    start = date(2023, 1, 1)
    n_articles = max(n_events * 2 // 5, 1)
    now = db.utcnow()
    articles = []
    for i in range(n_articles):
        place = rng.choice(places[rng.choice(REGIONS)[0]])
        text = (
            f"{place[0].upper()} - Fighters of the {rng.choice(actors)} attacked positions near "
            f"{place[0]} in {place[1]} province. At least {rng.randint(1, 40)} people were killed, "
            f"a local official said. Residents reported {rng.choice(NOISES)} "
            f"through the night. (invented benchmark text {i})"
        )
        day = start + timedelta(days=rng.randrange(730))
        articles.append(
            (
                f"b{i:06d}",
                None,
                rng.choice(outlets),
                day.isoformat(),
                f"Clashes near {place[0]}",
                text,
                f"h{i}",
                "bench",
                "txt",
                now,
                "processed",
                now,
                rng.choice(LANGS),
                0.9,
            )
        )
    weights = [t[2] for t in TYPES]
    events, reports, claims = [], [], []
    report_id = 0
    for i in range(n_events):
        code, _, _ = rng.choice(REGIONS)
        place = rng.choice(places[code])
        etype, sub, _ = rng.choices(TYPES, weights)[0]
        day_s = (start + timedelta(days=rng.randrange(730))).isoformat()
        fat = min(int(rng.expovariate(0.3)), 300) if etype != "Protests" else 0
        high = fat + (rng.randint(0, 10) if rng.random() < 0.2 else 0)
        a1, a2 = rng.choice(actors), rng.choice([*actors, None])
        event_id = f"ev-{i:08d}"
        events.append(
            (
                event_id,
                day_s,
                1,
                etype,
                sub,
                a1,
                a2,
                2,
                1,
                code,
                place[1],
                None,
                place[0],
                place[3] + rng.uniform(-0.02, 0.02),  # latitude
                place[2] + rng.uniform(-0.02, 0.02),  # longitude
                1,
                fat,
                fat,
                fat,
                high,
                None,
                "{}",
                now,
            )
        )
        for seq in range(rng.choice([1, 1, 2])):
            report_id += 1
            art = rng.randrange(n_articles)
            reports.append(
                (
                    report_id,
                    f"b{art:06d}",
                    i * 3 + seq,
                    event_id,
                    day_s,
                    etype,
                    fat,
                    json.dumps([[0, 60, "trigger"]]),
                )
            )
            claims.append((report_id, f"b{art:06d}", fat, "at_least", "killed", 80, 100))
    with db.transaction(conn):
        conn.executemany(
            "INSERT INTO articles (article_id, url, outlet, published, title, raw_text,"
            " content_hash, source, source_format, ingested_at, status, processed_at, language,"
            " language_confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            articles,
        )
        conn.executemany(f"INSERT INTO events VALUES ({','.join('?' * 23)})", events)
        conn.executemany(
            "INSERT INTO reports (report_id, article_id, seq, event_id, event_date, event_type,"
            " fatalities, evidence) VALUES (?,?,?,?,?,?,?,?)",
            reports,
        )
        conn.executemany(
            'INSERT INTO claims (report_id, article_id, value, qualifier, kind, start, "end")'
            " VALUES (?,?,?,?,?,?,?)",
            claims,
        )
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.execute("ANALYZE")
    conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/bench_web.db")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args(argv)
    path = Path(args.db)
    if args.rebuild or not path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        t = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t:.1f} s -> {path}")
    client = TestClient(create_app(str(path)))
    conn = db.connect(path)
    n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    some_event = conn.execute("SELECT event_id FROM events LIMIT 1 OFFSET 777").fetchone()[0]
    some_article = conn.execute("SELECT article_id FROM articles LIMIT 1 OFFSET 99").fetchone()[0]
    actor = conn.execute("SELECT actor1 FROM events LIMIT 1").fetchone()[0]
    outlet = conn.execute("SELECT outlet FROM articles LIMIT 1").fetchone()[0]
    conn.close()
    urls = [
        "/",
        "/?country=IQ",
        "/?country=SY&admin1=Homs&event_type=Battles",
        "/?since=2024-03-01&until=2024-03-31",
        "/?language=id",
        f"/?outlet={quote(outlet)}",
        f"/?actor={quote(actor)}",
        "/?q=shelling",
        "/?q=Karvel*&sort=fatalities",
        "/?page=200",
        "/api/overview",
        "/api/events?country=NG&page=3",
        f"/events/{some_event}",
        f"/articles/{some_article}",
        "/report?since=2024-01-01&until=2024-03-31",
        "/api/export.csv?country=SO&since=2024-01-01&until=2024-01-31",
    ]
    print(f"store: {n:,} events; times in ms (cold, then median of {args.repeat} warm runs)")
    worst_overview = 0.0
    for url in urls:
        times = []
        for _ in range(args.repeat + 1):
            t = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                print(f"{url}: HTTP {r.status_code} {r.text[:200]}", file=sys.stderr)
                return 1
        warm = statistics.median(times[1:])
        if url.startswith("/?") or url == "/":
            worst_overview = max(worst_overview, warm)
        print(f"{times[0]:8.1f} {warm:8.1f}  {len(r.content) // 1024:5d} KB  {url}")
    print(f"slowest overview (warm median): {worst_overview:.0f} ms (target < 300 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
