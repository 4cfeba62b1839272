"""Benchmark: event extraction alone, on generated ~600-word invented articles.

Usage: python bench/bench_extract.py [--articles N] [--lang en|id|mix] [--seed S]
Prints articles/s on one core (extraction only; article generation is not timed), by wall
clock and by CPU time (the figure that holds on a shared machine).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Mapping, Sequence

from wartrace.extract import extract_events
from wartrace.models import TextAnalysis

EN = {
    "actors": [
        "Islamic State fighters",
        "ISWAP militants",
        "al-Shabaab fighters",
        "Boko Haram",
        "Iraqi forces",
        "Syrian army troops",
        "gunmen",
        "JNIM militants",
    ],
    "targets": [
        "an army base",
        "a police checkpoint",
        "villagers",
        "a military convoy",
        "government troops",
        "a market",
        "Nigerian soldiers",
        "AMISOM troops",
    ],
    "verbs": ["attacked", "ambushed", "stormed", "shelled", "seized", "raided"],
    "places": ["Mosul", "Maiduguri", "Baidoa", "Gao", "Deir ez-Zor", "Kirkuk", "Damboa", "Kismayo"],
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "event": "{a} {v} {t} near {p} on {d}, killing at least {n} people and wounding {m} others, "
    "{c} said.",
    "toll": "The death toll later rose to {n2}, according to {c}.",
    "claimants": ["local officials", "a security source", "the monitor", "residents"],
    "filler": [
        "The region has seen years of insurgency and displacement.",
        "Aid groups say access to the area remains difficult for convoys.",
        "Officials promised to restore calm and to reopen the main road soon.",
        "Markets in the town stayed closed while families waited for news.",
        "Analysts say the conflict has shifted to smaller hit-and-run raids.",
        "The governor held a meeting with community leaders in the capital.",
    ],
}
ID = {
    "actors": [
        "Pejuang ISIS",
        "Militan Boko Haram",
        "Al-Shabaab",
        "Pasukan pemerintah",
        "Tentara Suriah",
        "Orang bersenjata",
    ],
    "targets": ["pos militer", "pasukan pemerintah", "warga desa", "konvoi tentara", "pasar"],
    "verbs": ["menyerang", "menyerbu", "menggempur", "merebut"],
    "places": ["Mosul", "Maiduguri", "Baidoa", "Gao", "Deir ez-Zor", "Kirkuk"],
    "days": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "event": "{a} {v} {t} di dekat {p} pada hari {d}, menewaskan sedikitnya {n} orang dan "
    "melukai {m} lainnya, kata {c}.",
    "toll": "Jumlah korban tewas kemudian naik menjadi {n2} orang, menurut {c}.",
    "claimants": ["pejabat setempat", "sumber keamanan", "seorang aktivis", "warga"],
    "filler": [
        "Wilayah itu telah mengalami pemberontakan selama bertahun-tahun.",
        "Kelompok bantuan mengatakan akses ke daerah itu masih sulit.",
        "Para pejabat berjanji memulihkan ketenangan dan membuka kembali jalan utama.",
        "Pasar di kota itu tetap tutup sementara keluarga menunggu kabar.",
        "Para analis mengatakan konflik beralih ke serangan kecil yang cepat.",
        "Gubernur mengadakan pertemuan dengan para tokoh masyarakat di ibu kota.",
    ],
}


def make_article(rng: random.Random, lex: Mapping[str, Sequence[str]]) -> str:
    """An invented article of about 600 words: one or two incidents plus background."""

    def pick(key: str) -> str:
        return rng.choice(lex[key])

    paragraphs: list[str] = []
    for _ in range(rng.choice((1, 2))):
        n = rng.randint(2, 40)
        paragraphs.append(
            str(lex["event"]).format(
                a=pick("actors"),
                v=pick("verbs"),
                t=pick("targets"),
                p=pick("places"),
                d=pick("days"),
                n=n,
                m=rng.randint(1, 30),
                c=pick("claimants"),
            )
        )
        paragraphs.append(str(lex["toll"]).format(n2=n + rng.randint(1, 9), c=pick("claimants")))
    words = sum(len(p.split()) for p in paragraphs)
    while words < 600:
        para = " ".join(pick("filler") for _ in range(4))
        paragraphs.append(para)
        words += len(para.split())
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--lang", choices=("en", "id", "mix"), default="mix")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    langs = ["en", "id"] if args.lang == "mix" else [args.lang]
    docs = []
    for k in range(args.articles):
        lang = langs[k % len(langs)]
        docs.append((make_article(rng, EN if lang == "en" else ID), lang))
    for text, lang in docs[:4]:  # warm-up: data loading and library caches are not timed
        extract_events(text, TextAnalysis(clean_text=text, language=lang), published="2024-05-20")
    words = sum(len(t.split()) for t, _ in docs)
    events = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for text, lang in docs:
        events += len(
            extract_events(
                text, TextAnalysis(clean_text=text, language=lang), published="2024-05-20"
            )
        )
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    # CPU time is what one core gives when the machine is shared; wall time when it is idle.
    print(
        f"{len(docs)} articles ({words / len(docs):.0f} words on average, lang={args.lang}), "
        f"{events} events, {elapsed:.2f} s: {len(docs) / elapsed:.0f} articles/s "
        f"(CPU time {cpu:.2f} s: {len(docs) / cpu:.0f} articles/s)"
    )


if __name__ == "__main__":
    main()
