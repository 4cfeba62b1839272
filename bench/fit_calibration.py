"""Fit the derivation-confidence curves (``src/wartrace/link/data/calibration.yaml``).

Run: .venv/bin/python bench/fit_calibration.py [--articles 6000] [--write]

Generates INVENTED articles with bench_link's generator (random sentences over an invented
vocabulary, generated names, figures and dates) and plants, among the originals:
- derived texts: edited copies, close translations (bench_link's), LOOSE translations (two
  paragraphs may go, two neighbours may swap, the translator adds a paragraph of background);
- independent reports of a story: bench_link's hard negatives (own sentences, facts
  reordered) and SAME-WIRE reports, the hard case: another outlet's own sentences giving the
  story's facts in the story's order, with its own quote and background, in either language.
The derivation stage runs on them; each link the store keeps (a derived article's chosen
source, with the raw score of its pair in ``link_pairs``) is a point (raw score, planted or
not). Isotonic regression (pool adjacent violators) per kind
(translation; same-language copy or rewrite) gives a monotone step curve from raw score to
the share of such pairs that were planted, which is the probability exported as
``derivation_confidence``. The mix of the generated set sets the base rate: the curve says
how often a link with that score was right HERE; it is a calibration on generated data, to be
re-checked on real gold (the note of each session reports it on dev).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from bench_link import (
    COMMON,
    article,
    edit,
    independent_report,
    name_pool,
    sentence,
    translate,
    word_map,
)
from wartrace.link.derive import link_derivations
from wartrace.models import ArticleInput, TextAnalysis
from wartrace.store import db

SEED = 20261202
OUT = Path(__file__).parents[1] / "src" / "wartrace" / "link" / "data" / "calibration.yaml"
# Shares of the generated articles (the rest are originals).
MIX = {
    "copy": 0.05,
    "translation": 0.05,
    "loose_translation": 0.08,
    "independent": 0.06,
    "same_wire": 0.12,
}
LEFT_OUT = 0.3  # share of a loose translation's names and figures the translator leaves out
MIN_BIN = 10  # pairs: a step of the curve stands on at least this many


def loose_translation(
    rng: random.Random, text: str, names: list[str], mapping: dict[str, str]
) -> str:
    """A translation that summarises: up to two later paragraphs go, two neighbours may
    swap, and the translator adds a paragraph of background of its own."""
    paragraphs = text.strip().split("\n\n")
    for _ in range(rng.randint(0, 2)):
        if len(paragraphs) > 3:
            paragraphs.pop(rng.randrange(1, len(paragraphs)))
    if len(paragraphs) > 3 and rng.random() < 0.5:
        k = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[k], paragraphs[k + 1] = paragraphs[k + 1], paragraphs[k]
    paragraphs.append(" ".join(sentence(rng, names) for _ in range(rng.randint(1, 2))))
    # A translator leaves out some names and figures (titles, a second figure, an age).
    paragraphs = [
        " ".join(
            w
            for w in para.split(" ")
            if not (w[:1].isupper() or w.strip(".,()").isdigit()) or rng.random() >= LEFT_OUT
        )
        for para in paragraphs
    ]
    return translate(rng, "\n\n".join(paragraphs) + "\n", mapping, drop=False)


def same_wire_report(
    rng: random.Random, text: str, names: list[str], mapping: dict[str, str] | None
) -> str:
    """Another outlet's own report from the same wire facts, the hard case: paragraph by
    paragraph (some skipped), most of the story's names and figures in the story's order,
    in its own sentences, each with a name or figure of its own, then its own quote."""
    paragraphs = []
    for para in text.strip().split("\n\n"):
        if paragraphs and rng.random() < 0.25:
            continue
        facts = [
            t.strip(".,()")
            for t in para.split()
            if t[:1].isupper() or t.strip(".,()").isdigit() or "/" in t
        ]
        kept = [f for f in facts if rng.random() < 0.7]
        words = [rng.choice(COMMON) for _ in range(rng.randint(8, 14))]
        spots = sorted(rng.randrange(1, len(words) + 1) for _ in kept)
        for offset, (spot, fact) in enumerate(zip(spots, kept, strict=True)):
            words.insert(spot + offset, fact)
        words.insert(rng.randrange(1, len(words)), names[rng.randrange(len(names))])
        paragraphs.append(" ".join(words).capitalize() + ".")
    quote = '"' + " ".join(rng.choice(COMMON) for _ in range(6)) + '"'
    paragraphs.insert(min(2, len(paragraphs)), sentence(rng, names).rstrip(".") + " " + quote)
    out = "\n\n".join(paragraphs) + "\n"
    return translate(rng, out, mapping, drop=False) if mapping else out


def generate(path: Path, count: int) -> dict[frozenset[str], str]:
    """Store ``count`` articles; returns each planted pair and what it is."""
    rng = random.Random(SEED)
    names = name_pool(random.Random(SEED), 40000)
    mapping = word_map(random.Random(SEED + 1))
    conn = db.connect(path)
    start = date(2020, 1, 1)
    planted: dict[frozenset[str], str] = {}
    stories: list[tuple[str, str, date]] = []
    items: list[tuple[ArticleInput, str]] = []
    for n in range(count):
        aid = f"c{n:06d}"
        roll, lang = rng.random(), "en"
        kind = "original"
        acc = 0.0
        for name, share in MIX.items():
            acc += share
            if roll < acc:
                kind = name
                break
        if kind == "original" or not stories:
            text, day = article(rng, names), start + timedelta(days=rng.randint(0, 4 * 365))
            stories.append((aid, text, day))
        else:
            src, src_text, day = stories[-rng.randint(1, min(len(stories), 200))]
            if kind == "copy":
                text = edit(rng, src_text, names)
            elif kind == "translation":
                text, lang = translate(rng, src_text, mapping), "id"
            elif kind == "loose_translation":
                text, lang = loose_translation(rng, src_text, names, mapping), "id"
            elif kind == "independent":
                text, lang = independent_report(rng, src_text, names, mapping), "id"
            else:
                other = rng.random() < 0.5
                text = same_wire_report(rng, src_text, names, mapping if other else None)
                lang = "id" if other else "en"
            planted[frozenset((aid, src))] = kind
            day = day + timedelta(days=rng.randint(0, 2))
        items.append((ArticleInput(aid, text, "calib", "txt", published=day.isoformat()), lang))
    db.store_articles(conn, [item for item, _ in items])
    for item, lang in items:
        db.save_processed(conn, str(item.article_id), TextAnalysis(item.text, language=lang), [])
    link_derivations(conn)
    points: dict[frozenset[str], str] = {}
    # The links the store keeps (each derived article's chosen source), with the raw score.
    for source, derived, relation, score in conn.execute(
        "SELECT p.source, p.derived, p.relation, p.score FROM articles a"
        " JOIN link_pairs p ON p.derived = a.article_id AND p.source = a.derived_from"
    ):
        key = frozenset((source, derived))
        truth = planted.get(key, "unrelated")
        points[key] = f"{relation}\t{score}\t{truth}"
    conn.close()
    return points


def isotonic(points: list[tuple[float, int]]) -> list[tuple[float, float, int]]:
    """Pool adjacent violators: (lowest raw score of the block, share planted, size)."""
    blocks: list[list[float]] = []  # [first raw, sum of labels, count]
    for raw, label in sorted(points):
        blocks.append([raw, float(label), 1.0])
        while len(blocks) > 1 and (
            blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]
            or blocks[-2][2] < MIN_BIN
        ):
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    return [(b[0], b[1] / b[2], int(b[2])) for b in blocks]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--write", action="store_true", help="write data/calibration.yaml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        points = generate(Path(folder) / "calib.db", args.articles)
    groups: dict[str, list[tuple[float, int]]] = {"translation": [], "same_language": []}
    kinds: dict[str, dict[str, int]] = {}
    for value in points.values():
        relation, score, truth = value.split("\t")
        derived = truth in ("copy", "translation", "loose_translation")
        kind = "translation" if relation == "translation" else "same_language"
        groups[kind].append((float(score), int(derived)))
        kinds.setdefault(kind, {}).setdefault(truth, 0)
        kinds[kind][truth] += 1
    out: dict[str, object] = {
        "fitted_by": f"bench/fit_calibration.py --articles {args.articles} (seed {SEED})",
        "pairs_called_derived": kinds,
    }
    for kind, pts in groups.items():
        curve = isotonic(pts)
        steps = [[round(raw, 3), round(p, 3)] for raw, p, _ in curve]
        sizes = [size for _, _, size in curve]
        if not steps or steps[0][0] > 0:  # below the lowest score seen: the first block's
            steps.insert(0, [0.0, steps[0][1] if steps else 0.5])
            sizes.insert(0, 0)
        out[kind] = {"steps": steps, "sizes": sizes}
        print(kind, kinds.get(kind), steps)
    if args.write:
        header = (
            "# Derivation confidence curves: raw score -> probability that the pair is derived.\n"
            "# Written by bench/fit_calibration.py (isotonic regression on generated pairs);\n"
            "# do not edit by hand. `steps`: [raw score from which, probability].\n"
        )
        OUT.write_text(header + yaml.safe_dump(out, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    main()
