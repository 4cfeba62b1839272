"""Benchmark the geocoder on one core: gazetteer load, name lookups, whole-article geoparsing.

Usage: python bench/bench_geo.py [ARTICLES_DIR]   (a folder of *.txt; default: invented text)
Targets (issue 4): >= 10,000 lookups/s, >= 500 articles per CPU second
(article_geocode_per_cpu_s), load < 2 s, RSS of a cached load < 500 MB (rss_mb_cached_load: a
fresh process that loads the cached artefact). The articles floor is stated on news of real
density: the default invented article has the length and the density of place names of the
dev and world folders (8.4 gazetteer names per 1,000 characters; see INVENTED), so it
measures what a real folder does.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from wartrace import geo
from wartrace.geo import gazetteer as gz
from wartrace.geo.resolve import build_context
from wartrace.models import ExtractedEvent, TextAnalysis

NAMES = [
    "Deir ez-Zor",
    "Deir Ezzor",
    "Dayr az Zawr",
    "al-Mayadin",
    "Mayadeen",
    "As Sukhnah",
    "Palmyra",
    "Albukamal",
    "Raqqa",
    "Idlib",
    "Mosul",
    "Tarmiyah",
    "Gwoza",
    "Maiduguri",
    "Afgooye",
    "Menaka",
    "Tillaberi",
    "Damaskus",
    "Suriah",
    "Irak",
    "Jabal Bishri",
    "Qalamoun",
    "Nowhere Land",
    "Kismayo",
]

# Invented filler in the style of conflict reporting (not taken from any article): one news
# article's length (1,670 characters) and density of gazetteer names (14 names, 8.4 per 1,000
# characters; measured with find_mentions, December 2026: dev 8.3 and world 8.5 per 1,000
# characters, articles of 1,580 and 1,680 characters on average). The earlier filler was three
# times as dense (26 per 1,000) and measured a harder load than real news.
INVENTED = (
    "DAMASCUS - Syrian government forces and Islamic State fighters clashed on Saturday near "
    "al-Mayadin in Deir ez-Zor province, a monitoring group said. At least nine fighters were "
    "killed and several others wounded in the fighting, according to the group, which relies "
    "on a network of sources on the ground.\n"
    "Residents said warplanes had struck a road used by the militants to bring in supplies, "
    "and that families had fled towards the outskirts of Deir ez-Zor. The group could not "
    "confirm who carried out the strikes. State media made no mention of the clashes and "
    "reported only that army units were pursuing remnants of terrorist groups in the desert.\n"
    "The fighting came a week after militants attacked a checkpoint on the highway from Homs "
    "to Palmyra, killing four soldiers. Officials in Damascus said at the time that "
    "reinforcements had been sent to the area and that the road would reopen within days.\n"
    "In a separate incident, two civilians were wounded when a mortar round fell on a market "
    "in a village south of Abu Kamal, near the border with Iraq, the group said, without "
    "saying who had fired it.\n"
    "Pasukan pemerintah Suriah dilaporkan menembaki sejumlah posisi kelompok bersenjata pada "
    "hari Minggu, kata sumber setempat kepada wartawan di Damaskus. Belum ada keterangan "
    "resmi mengenai jumlah korban. Warga mengatakan listrik dan air bersih masih terputus di "
    "beberapa kampung di pinggiran Raqqa, sementara harga bahan pokok naik tajam sejak pekan "
    "lalu.\n"
    "The monitor said more than 30 people had been killed in the province since the start of "
    "the month, most of them fighters. Aid groups in Hasakah have warned that thousands of "
    "people in Deir ez-Zor need food and medicine."
)


def _articles(folder: str | None) -> list[str]:
    if folder:
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
        if texts:
            return texts
    return [f"{INVENTED} ({i})" for i in range(50)]  # distinct: no context cache hits


def _cold_load() -> tuple[float, float]:
    """Load the cached artefact in a fresh process (what every worker pays once): seconds, and
    that process's peak RSS in MB (the figure a worker lives with; this process's own peak also
    holds the one-time build when the cache was empty)."""
    # VmHWM, not ru_maxrss: a forked child inherits its parent's ru_maxrss through exec.
    code = (
        "import time; t = time.perf_counter(); "
        "from wartrace.geo import gazetteer as gz; gz.load(); "
        "s = time.perf_counter() - t; "
        "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "print(s, hwm[0])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, rss_kb = out.stdout.split()
    return float(seconds), float(rss_kb) / 1024


def main() -> None:
    built = not gz.artefact_path().exists()
    t0 = time.perf_counter()
    gaz = gz.load()  # builds on the first run on a machine, then reads the cache
    first = time.perf_counter() - t0
    cold, cached_rss_mb = _cold_load()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 1.0:
        for name in NAMES:
            gaz.lookup(name)
        n += len(NAMES)
    lookups = n / (time.perf_counter() - t0)

    texts = _articles(sys.argv[1] if len(sys.argv) > 1 else None)
    for text in texts:  # warm the token cache, as a long batch would be
        build_context(gaz, text)
    t0 = time.perf_counter()
    for text in texts * 3:
        build_context(gaz, text)
    contexts = 3 * len(texts) / (time.perf_counter() - t0)

    analysis = TextAnalysis(clean_text=texts[0])
    geo.geocode_event(texts[0], analysis, ExtractedEvent())  # loads the cue lists once
    t0, c0 = time.perf_counter(), time.process_time()
    for round_no in range(3):
        for text in texts:
            analysis = TextAnalysis(clean_text=f"{text} {round_no}")  # not in the context cache
            geo.geocode_event(analysis.clean_text, analysis, ExtractedEvent())
    events = 3 * len(texts) / (time.perf_counter() - t0)
    events_cpu = 3 * len(texts) / (time.process_time() - c0)

    result = {
        "places": len(gaz.places),
        "names": len(gaz.automaton),
        "built_this_run": built,
        "first_load_s": round(first, 2),
        "cold_load_from_cache_s": round(cold, 2),
        "rss_mb_cached_load": round(cached_rss_mb),  # the floor (< 500 MB) is on this figure
        "rss_mb_this_process": round(rss_mb),  # includes the build when built_this_run
        "lookups_per_s": round(lookups),
        "articles": len(texts),
        "avg_chars": round(sum(map(len, texts)) / len(texts)),
        "article_mentions_per_s": round(contexts),
        "article_geocode_per_s": round(events),
        # per second of this process's CPU: comparable on a machine shared with other jobs
        "article_geocode_per_cpu_s": round(events_cpu),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
