"""Ingest throughput: read_inputs + store_articles for ~10,000 invented articles.

Run: .venv/bin/python bench/bench_ingest.py [--articles N] [--words W]
Prints articles/s for a single JSONL file and for a folder of .txt files, each
stored into a fresh SQLite file in batches of 2000 (as pipeline.ingest does).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from itertools import islice
from pathlib import Path

from wartrace.ingest import read_inputs
from wartrace.models import ArticleInput
from wartrace.store import db

BATCH = 2000
# An invented vocabulary: the articles are random word sequences, not news.
_VOCABULARY = (
    "the a of in on at and said officials police army rebels militia village town district "
    "province attack attacked killed wounded people civilians soldiers fighters on Monday "
    "Tuesday Wednesday Thursday Friday night morning near road market checkpoint convoy "
    "according to residents spokesman statement group claimed responsibility reported "
    "two three four five dozens several least more than after before during clashes shelling "
    "bomb explosion roadside gunmen raid camp base border river hills north south east west "
    "Orvalle Kerrow Tarsel Velmora Amsou Dûrenk warga desa tewas luka serangan pasukan"
)
WORDS = _VOCABULARY.split()


def invented_text(rng: random.Random, words: int) -> str:
    sentences = []
    remaining = words
    while remaining > 0:
        size = min(remaining, rng.randint(8, 24))
        sentence = " ".join(rng.choices(WORDS, k=size))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        remaining -= size
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, count: int, words: int) -> tuple[Path, Path]:
    rng = random.Random(20261121)
    jsonl = folder / "articles.jsonl"
    texts = folder / "texts"
    texts.mkdir()
    with jsonl.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = invented_text(rng, words)
            record = {
                "id": f"bench-{n:05d}",
                "url": f"https://invented.example/{n}",
                "outlet": "Invented Wire",
                "published": f"2020-{1 + n % 12:02d}-{1 + n % 28:02d}T08:00:00Z",
                "title": f"Invented headline {n}",
                "text": text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            (texts / f"bench-{n:05d}.txt").write_text(text, encoding="utf-8")
    return jsonl, texts


def run(label: str, path: Path, database: Path) -> None:
    conn = db.connect(database)
    read_time = store_time = 0.0
    stored = 0
    start = time.perf_counter()
    items = iter(read_inputs([path]))
    while True:
        t0 = time.perf_counter()
        batch = [i for i in islice(items, BATCH) if isinstance(i, ArticleInput)]
        t1 = time.perf_counter()
        if not batch:
            break
        counts = db.store_articles(conn, batch)
        t2 = time.perf_counter()
        read_time += t1 - t0
        store_time += t2 - t1
        stored += counts.added
    total = time.perf_counter() - start
    conn.close()
    print(
        f"{label:6s} {stored} articles in {total:.2f} s = {stored / total:,.0f} articles/s "
        f"(read {stored / read_time:,.0f}/s, store {stored / store_time:,.0f}/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wartrace-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        jsonl, texts = generate(folder, args.articles, args.words)
        size = jsonl.stat().st_size / 1e6
        print(
            f"generated {args.articles} articles of {args.words} words "
            f"({size:.1f} MB JSONL) in {time.perf_counter() - t0:.1f} s"
        )
        run("jsonl", jsonl, folder / "jsonl.db")
        run("txt", texts, folder / "txt.db")


if __name__ == "__main__":
    main()
