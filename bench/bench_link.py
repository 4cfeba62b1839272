"""Link-stage scaling and precision: derivation detection + event linking, generated articles.

Run: .venv/bin/python bench/bench_link.py [--sizes 1000,10000,100000] [--keep DIR]

For each size, a child process generates that many INVENTED articles (random sentences
over an invented vocabulary, names drawn from a large generated pool, figures and dates),
of which 8 % are planted edited copies, 8 % planted "translations" (every word swapped
through a generated bilingual word map; names, figures and dates kept; sometimes a
paragraph dropped) and 8 % HARD NEGATIVES: independent reports of a story in the other
language (some of its names and figures, reordered, in their own sentences, with their own
quote). 10 % of new incidents fall on the day and in the province of another. Each article
is stored with one report (the story's date and place), then a second child runs the
derivation stage and the event stage and reports CPU microseconds per article for each,
the peak RSS, precision / recall of the planted derivation pairs (hard negatives called
derived count against precision) and how many hard negatives were called derived. A last
step adds 1 % more articles and links again (CPU seconds of that incremental run).
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
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from wartrace.models import ArticleInput, ExtractedEvent, Geo, TextAnalysis
from wartrace.store import db

SEED = 20261121
COPY_SHARE = 0.08
TRANSLATION_SHARE = 0.08
SAME_STORY_SHARE = 0.08  # hard negatives: independent reports of a story in the other language
SAME_DAY_SHARE = 0.1  # new incidents on the day and in the province of the previous one
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


def translate(rng: random.Random, text: str, mapping: dict[str, str], drop: bool = True) -> str:
    paragraphs = text.strip().split("\n\n")
    if drop and len(paragraphs) > 3 and rng.random() < 0.5:
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


@dataclass(frozen=True)
class Story:
    """The facts of one invented incident: what every report of it shares."""

    article_id: str
    text: str
    day: date
    province: int
    place: str
    lat: float
    lon: float


def story_facts(rng: random.Random, text: str) -> list[str]:
    """The names and figures of a story, in order (what an independent report also gives)."""
    facts = [t.strip(".,()") for t in text.split() if t[:1].isupper() or t.strip(".,").isdigit()]
    return [f for f in facts if f and f.lower() not in ("the",)][: rng.randint(4, 7)]


def independent_report(
    rng: random.Random, text: str, names: list[str], mapping: dict[str, str]
) -> str:
    """A HARD NEGATIVE: another outlet's own report of the same story, in the other
    language. It gives some of the same facts (names, the toll, the place), in another
    order, in its own sentences, with its own quote; nothing is translated from the source."""
    facts = story_facts(rng, text)
    rng.shuffle(facts)
    paragraphs = []
    for k in range(rng.randint(3, 5)):
        line = sentence(rng, names)
        words = line.rstrip(".").split(" ")
        for fact in facts[k::3]:
            words.insert(rng.randrange(1, len(words) + 1), fact)
        if k == 1:
            words.append('"' + " ".join(rng.choice(COMMON) for _ in range(6)) + '"')
        paragraphs.append(" ".join(words) + ".")
    return translate(rng, "\n\n".join(paragraphs) + "\n", mapping, drop=False)


def generate(path: Path, count: int, offset: int = 0) -> dict[str, object]:
    """Store ``count`` articles. Returns the planted derivation pairs (derived -> source) and
    the hard negatives (independent same-story pairs, which must NOT be called derived)."""
    rng = random.Random(SEED + offset)
    names = name_pool(random.Random(SEED), 40000)
    mapping = word_map(random.Random(SEED + 1))
    conn = db.connect(path)
    start = date(2020, 1, 1)
    planted: dict[str, str] = {}
    negatives: list[tuple[str, str]] = []
    stories: list[Story] = []
    batch: list[tuple[ArticleInput, str, Story]] = []

    def flush() -> None:
        db.store_articles(conn, [item for item, _, _ in batch])
        for item, lang, story in batch:
            report = ExtractedEvent(
                event_date=story.day.isoformat(),
                time_precision=1,
                event_type="Battles",
                geo=Geo(
                    country="SY",
                    admin1=f"Province {story.province}",
                    location=story.place,
                    latitude=story.lat,
                    longitude=story.lon,
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
        lang = "en"
        if stories and roll < COPY_SHARE + TRANSLATION_SHARE + SAME_STORY_SHARE:
            story = stories[-rng.randint(1, min(len(stories), 200))]
            if roll < COPY_SHARE:
                text = edit(rng, story.text, names)
                planted[aid] = story.article_id
            elif roll < COPY_SHARE + TRANSLATION_SHARE:
                text, lang = translate(rng, story.text, mapping), "id"
                planted[aid] = story.article_id
            else:
                text, lang = independent_report(rng, story.text, names, mapping), "id"
                negatives.append((aid, story.article_id))
            published = story.day + timedelta(days=rng.randint(0, 2))
        else:
            text = article(rng, names)
            if stories and rng.random() < SAME_DAY_SHARE:
                # Another incident on the same day in the same province, elsewhere.
                other = stories[-1]
                day, province = other.day, other.province
            else:
                day, province = start + timedelta(days=rng.randint(0, 4 * 365)), rng.randrange(14)
            story = Story(
                aid,
                text,
                day,
                province,
                names[rng.randrange(len(names))],
                32 + rng.random() * 5,
                36 + rng.random() * 5,
            )
            stories.append(story)
            published = day
        item = ArticleInput(aid, text, "bench", "txt", published=published.isoformat())
        batch.append((item, lang, story))
        if len(batch) >= 2000:
            flush()
    flush()
    conn.close()
    return {"planted": planted, "negatives": negatives}


def link(path: Path) -> dict[str, object]:
    from wartrace.link.derive import link_derivations
    from wartrace.link.events import materialise_events

    conn = db.connect(path)
    cpu0 = time.process_time()
    relinked: set[str] = set()
    summary = link_derivations(conn, relinked)
    cpu1 = time.process_time()
    summary.update(materialise_events(conn, relinked))
    cpu2 = time.process_time()
    found = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT article_id, derived_from FROM articles WHERE derived_from IS NOT NULL"
        )
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "derive_cpu": round(cpu1 - cpu0, 2),
        "events_cpu": round(cpu2 - cpu1, 2),
        "peak_rss_mb": round(peak_mb),
        "summary": summary,
        "found": found,
    }


def score(planted: dict[str, str], found: dict[str, str]) -> tuple[float, float]:
    truth = {frozenset(p) for p in planted.items()}
    pred = {frozenset(p) for p in found.items()}
    tp = len(truth & pred)
    return tp / max(1, len(pred)), tp / max(1, len(truth))


def negatives_called_derived(negatives: list[list[str]], found: dict[str, str]) -> int:
    pred = {frozenset(p) for p in found.items()}
    return sum(1 for a, b in negatives if frozenset((a, b)) in pred)


def child(args: list[str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", help="folder for the generated stores (default: temporary)")
    parser.add_argument(
        "--generate", nargs=3, metavar=("DB", "COUNT", "OFFSET"), help=argparse.SUPPRESS
    )
    parser.add_argument("--link", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        made = generate(Path(args.generate[0]), int(args.generate[1]), int(args.generate[2]))
        print(json.dumps(made))
        return
    if args.link:
        print(json.dumps(link(Path(args.link))))
        return
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench_link_"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"{'articles':>9} {'derive us/art':>13} {'events us/art':>13} {'peak MB':>8}"
        f" {'P':>5} {'R':>5} {'neg->der':>9} {'+1% cpu s':>9}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        path = folder / f"link_{size}.db"
        path.unlink(missing_ok=True)
        made = child(["--generate", str(path), str(size), "0"])
        result = child(["--link", str(path)])
        found = {str(k): str(v) for k, v in dict(result["found"]).items()}  # type: ignore[call-overload]
        planted = {str(k): str(v) for k, v in dict(made["planted"]).items()}  # type: ignore[call-overload]
        negatives = list(made["negatives"])  # type: ignore[call-overload]
        precision, recall = score(planted, found)
        wrong = negatives_called_derived(negatives, found)
        extra = max(1, size // 100)
        child(["--generate", str(path), str(extra), str(size)])
        incremental = child(["--link", str(path)])
        derive_cpu = float(result["derive_cpu"])  # type: ignore[arg-type]
        events_cpu = float(result["events_cpu"])  # type: ignore[arg-type]
        more = float(incremental["derive_cpu"]) + float(incremental["events_cpu"])  # type: ignore[arg-type]
        print(
            f"{size:>9} {derive_cpu / size * 1e6:>13.0f} {events_cpu / size * 1e6:>13.0f}"
            f" {result['peak_rss_mb']:>8} {precision:>5.3f} {recall:>5.3f}"
            f" {wrong:>4}/{len(negatives):<4} {more:>9.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
