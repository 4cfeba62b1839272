"""Link-stage scaling: derivation detection + event linking on generated articles.

Run: .venv/bin/python bench/bench_link.py [--sizes 10000,30000,100000] [--keep DIR]

For each size, a child process generates that many INVENTED articles (random sentences
over an invented vocabulary, names drawn from a large generated pool, figures and dates),
of which 8 % are planted edited copies and 8 % planted "translations" (every word swapped
through a generated bilingual word map; names, figures and dates kept; sometimes a
paragraph dropped), stores them with one report each, then a second child runs
``link_all`` on the fresh store and reports wall time, peak RSS of that process, and the
precision / recall of the planted derivation pairs. A last step adds 1 % more articles
and links again, to show the cost of an incremental run. Growth should be about linear.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from wartrace.models import ArticleInput, ExtractedEvent, Geo, TextAnalysis
from wartrace.store import db

SEED = 20261121
COPY_SHARE = 0.08
TRANSLATION_SHARE = 0.08
SYLLABLES = [
    "ka",
    "ri",
    "tan",
    "mo",
    "sel",
    "vu",
    "dar",
    "en",
    "ho",
    "zi",
    "lam",
    "qu",
    "ber",
    "a",
    "tu",
    "nis",
    "far",
    "ou",
    "ee",
    "gha",
    "dh",
]
COMMON = [
    "the",
    "army",
    "said",
    "attack",
    "group",
    "forces",
    "village",
    "near",
    "town",
    "road",
    "convoy",
    "fighters",
    "killed",
    "wounded",
    "officials",
    "reported",
    "clashes",
    "people",
    "base",
    "checkpoint",
    "statement",
    "after",
    "before",
    "during",
    "morning",
    "night",
    "local",
    "sources",
    "monitor",
    "according",
    "to",
    "district",
    "province",
    "and",
    "of",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "was",
    "were",
    "has",
    "had",
    "their",
    "its",
    "two",
    "several",
    "dozens",
    "between",
    "later",
    "area",
    "security",
    "military",
    "spokesman",
    "claimed",
    "responsibility",
    "residents",
    "shelling",
]


def pseudo_word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def word_map(rng: random.Random) -> dict[str, str]:
    """A generated 'bilingual dictionary': each common word -> an invented target word."""
    return {w: pseudo_word(rng, 3) for w in COMMON}


def name_pool(rng: random.Random, size: int) -> list[str]:
    """Invented names of four consonant-vowel syllables: distinct consonant skeletons."""
    return [
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)).capitalize()
        for _ in range(size)
    ]


def sentence(rng: random.Random, names: list[str]) -> str:
    words = [rng.choice(COMMON) for _ in range(rng.randint(10, 18))]
    for _ in range(rng.randint(1, 2)):
        # Half the names from a small head everyone mentions, half from the long tail.
        pick = rng.randrange(200) if rng.random() < 0.5 else rng.randrange(len(names))
        words.insert(rng.randrange(1, len(words)), names[pick])
    if rng.random() < 0.6:
        words.insert(rng.randrange(1, len(words)), str(rng.randint(2, 400)))
    if rng.random() < 0.2:
        words.append(f"({rng.randint(1, 28)}/{rng.randint(1, 12)})")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, names: list[str]) -> str:
    paragraphs = [
        " ".join(sentence(rng, names) for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(4, 6))
    ]
    return "\n\n".join(paragraphs) + "\n"


def edit(rng: random.Random, text: str, names: list[str]) -> str:
    paragraphs = text.strip().split("\n\n")
    if len(paragraphs) > 3 and rng.random() < 0.5:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    paragraphs.insert(0, sentence(rng, names))
    return "\n\n".join(paragraphs) + "\n"


def translate(rng: random.Random, text: str, mapping: dict[str, str]) -> str:
    paragraphs = text.strip().split("\n\n")
    if len(paragraphs) > 3 and rng.random() < 0.5:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    out = []
    for para in paragraphs:
        words = []
        for token in para.split(" "):
            core = token.strip(".,")
            lower = core.lower()
            if lower in mapping:
                new = mapping[lower]
                new = new.capitalize() if core[:1].isupper() else new
                token = token.replace(core, new)
            words.append(token)
        out.append(" ".join(words))
    return "\n\n".join(out) + "\n"


def generate(path: Path, count: int, offset: int = 0) -> dict[str, str]:
    """Store ``count`` articles; returns planted pairs derived -> source."""
    rng = random.Random(SEED + offset)
    names = name_pool(random.Random(SEED), 40000)
    mapping = word_map(random.Random(SEED + 1))
    conn = db.connect(path)
    start = date(2020, 1, 1)
    planted: dict[str, str] = {}
    originals: list[tuple[str, str, date]] = []
    batch: list[tuple[ArticleInput, str, date]] = []

    def flush() -> None:
        db.store_articles(conn, [item for item, _, _ in batch])
        for item, lang, day in batch:
            report = ExtractedEvent(
                event_date=day.isoformat(),
                time_precision=1,
                event_type="Battles",
                geo=Geo(
                    country="SY",
                    admin1=f"Province {hash(item.text[:30]) % 14}",
                    location=names[hash(item.text[:20]) % 500],
                    latitude=34 + rng.random() * 3,
                    longitude=36 + rng.random() * 4,
                    geo_precision=1,
                ),
            )
            db.save_processed(
                conn, str(item.article_id), TextAnalysis(item.text, language=lang), [report]
            )
        batch.clear()

    for n in range(count):
        aid = f"b{offset + n:07d}"
        roll = rng.random()
        if originals and roll < COPY_SHARE + TRANSLATION_SHARE:
            src_id, src_text, src_day = originals[-rng.randint(1, min(len(originals), 200))]
            if roll < COPY_SHARE:
                text, lang = edit(rng, src_text, names), "en"
            else:
                text, lang = translate(rng, src_text, mapping), "id"
            day = src_day + timedelta(days=rng.randint(0, 2))
            planted[aid] = src_id
        else:
            text, lang = article(rng, names), "en"
            day = start + timedelta(days=rng.randint(0, 4 * 365))
            originals.append((aid, text, day))
        item = ArticleInput(aid, text, "bench", "txt", published=day.isoformat())
        batch.append((item, lang, day))
        if len(batch) >= 2000:
            flush()
    flush()
    conn.close()
    return planted


def link(path: Path) -> dict[str, object]:
    from wartrace.link import link_all

    conn = db.connect(path)
    before, cpu_before = time.perf_counter(), time.process_time()
    summary = link_all(conn)
    seconds, cpu = time.perf_counter() - before, time.process_time() - cpu_before
    found = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT article_id, derived_from FROM articles WHERE derived_from IS NOT NULL"
        )
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "peak_rss_mb": round(peak_mb),
        "summary": summary,
        "found": found,
    }


def score(planted: dict[str, str], found: dict[str, str]) -> tuple[float, float]:
    truth = {frozenset(p) for p in planted.items()}
    pred = {frozenset(p) for p in found.items()}
    tp = len(truth & pred)
    return tp / max(1, len(pred)), tp / max(1, len(truth))


def child(args: list[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--keep", help="folder for the generated stores (default: temporary)")
    parser.add_argument(
        "--generate", nargs=3, metavar=("DB", "COUNT", "OFFSET"), help=argparse.SUPPRESS
    )
    parser.add_argument("--link", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        planted = generate(Path(args.generate[0]), int(args.generate[1]), int(args.generate[2]))
        print(json.dumps(planted))
        return
    if args.link:
        print(json.dumps(link(Path(args.link))))
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench_link_"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"{'articles':>9} {'wall s':>8} {'cpu s':>8} {'cpu us/art':>10} {'peak MB':>8}"
        f" {'P':>5} {'R':>5} {'+1% s':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        path = folder / f"link_{size}.db"
        path.unlink(missing_ok=True)
        planted = child(["--generate", str(path), str(size), "0"])
        result = child(["--link", str(path)])
        precision, recall = score(
            {str(k): str(v) for k, v in planted.items()},
            {str(k): str(v) for k, v in dict(result["found"]).items()},  # type: ignore[call-overload]
        )
        extra = max(1, size // 100)
        child(["--generate", str(path), str(extra), str(size)])
        incremental = child(["--link", str(path)])
        cpu = float(result["cpu_seconds"])  # type: ignore[arg-type]
        print(
            f"{size:>9} {result['seconds']:>8} {cpu:>8.1f} {cpu / size * 1e6:>10.0f}"
            f" {result['peak_rss_mb']:>8} {precision:>5.2f} {recall:>5.2f}"
            f" {incremental['seconds']:>7}",
            flush=True,
        )


if __name__ == "__main__":
    main()
