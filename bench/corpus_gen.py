"""Generated INVENTED news articles for the run, worker and watch benchmarks.

Reports in English, French and Indonesian about incidents in real places (named from
general knowledge), by 30 invented outlets, each with its own footer line (learned
boilerplate). Sentences are drawn from combinatorial pools, so two reports of one incident
share few word 3-grams; 10 % of articles are edited copies of an earlier one (about 45 % of
their sentences rewritten, figures changed), 25 % report an incident another outlet reported
the same day, 30 % are short notes of about 200 characters and the rest reports of 5 to 40
sentences. Nothing here comes from any
evaluation corpus.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PLACES = {
    "en": [
        ("Aleppo", "Syria"),
        ("Idlib", "Syria"),
        ("Homs", "Syria"),
        ("Gao", "Mali"),
        ("Mopti", "Mali"),
        ("Mogadishu", "Somalia"),
        ("Kismayo", "Somalia"),
        ("Baidoa", "Somalia"),
        ("Maiduguri", "Nigeria"),
        ("Kano", "Nigeria"),
        ("El Fasher", "Sudan"),
        ("Taiz", "Yemen"),
        ("Marib", "Yemen"),
        ("Kharkiv", "Ukraine"),
        ("Goma", "DR Congo"),
        ("Beni", "DR Congo"),
        ("Djibo", "Burkina Faso"),
        ("Kabul", "Afghanistan"),
        ("Quetta", "Pakistan"),
        ("Mosul", "Iraq"),
    ],
    "fr": [
        ("Gao", "Mali"),
        ("Mopti", "Mali"),
        ("Tombouctou", "Mali"),
        ("Djibo", "Burkina Faso"),
        ("Ouahigouya", "Burkina Faso"),
        ("Niamey", "Niger"),
        ("Tillabéri", "Niger"),
        ("Goma", "RD Congo"),
        ("Bunia", "RD Congo"),
        ("Bangui", "Centrafrique"),
    ],
    "id": [
        ("Nduga", "Papua"),
        ("Intan Jaya", "Papua"),
        ("Puncak", "Papua Tengah"),
        ("Timika", "Papua Tengah"),
        ("Wamena", "Papua Pegunungan"),
        ("Yahukimo", "Papua"),
        ("Jayapura", "Papua"),
        ("Poso", "Sulawesi Tengah"),
    ],
}
LEADS = {
    "en": [
        "Gunmen attacked an army post near {place}, {country}, on {day}, killing {n} soldiers, "
        "{source} said.",
        "An air strike hit a market in {place}, {country}, on {day}, killing {n} civilians, "
        "according to {source}.",
        "Clashes between government forces and militants in {place} on {day} left {n} dead, "
        "{source} said.",
        "Hundreds of people protested in {place}, {country}, on {day} against rising prices, "
        "{source} said.",
        "A roadside bomb exploded near a convoy in {place} on {day}, killing {n} police "
        "officers, {source} said.",
        "Armed men abducted {n} villagers near {place}, {country}, on {day}, {source} said.",
    ],
    "fr": [
        "Des hommes armés ont attaqué un poste militaire près de {place} ({country}) {day}, "
        "tuant {n} soldats, selon {source}.",
        "Des affrontements entre l'armée et des jihadistes à {place} ont fait {n} morts {day}, "
        "a indiqué {source}.",
        "Une frappe aérienne a touché un marché à {place} {day}, tuant {n} civils, selon {source}.",
        "Des centaines de personnes ont manifesté à {place} {day} contre la vie chère, selon "
        "{source}.",
    ],
    "id": [
        "Kelompok bersenjata menyerang pos TNI di {place}, {country}, pada {day}, menewaskan "
        "{n} prajurit, kata {source}.",
        "Kontak tembak antara aparat keamanan dan kelompok bersenjata terjadi di {place} pada "
        "{day}, menewaskan {n} orang, ujar {source}.",
        "Ratusan warga berunjuk rasa di {place}, {country}, pada {day} menuntut keadilan, "
        "kata {source}.",
    ],
}
DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
}
SOURCES = {
    "en": [
        "a local official",
        "a security source",
        "a rights group",
        "residents",
        "a hospital official",
        "the provincial governor",
        "a military spokesman",
    ],
    "fr": ["une source sécuritaire", "un élu local", "des habitants", "une ONG", "le gouverneur"],
    "id": [
        "juru bicara polisi",
        "seorang warga",
        "kepala distrik",
        "pihak TNI",
        "tokoh masyarakat",
    ],
}
# Filler: subject x verb x object x tail, so reports of one incident differ in wording.
FILL = {
    "en": (
        [
            "Witnesses",
            "Residents",
            "Local traders",
            "Aid workers",
            "Officials",
            "Elders",
            "Teachers",
            "Farmers",
            "Drivers",
            "Nurses",
            "Journalists",
            "Monitors",
        ],
        [
            "said",
            "reported",
            "described",
            "told reporters about",
            "complained about",
            "warned of",
            "recalled",
            "confirmed",
        ],
        [
            "heavy gunfire",
            "burning vehicles",
            "shortages of fuel",
            "closed roads",
            "displaced families",
            "damaged houses",
            "a curfew",
            "long queues for water",
            "new checkpoints",
            "power cuts",
            "looted shops",
            "funerals",
        ],
        [
            "in the morning.",
            "overnight.",
            "for several hours.",
            "near the main road.",
            "in nearby villages.",
            "since last week.",
            "after the incident.",
            "around the market.",
            "on the outskirts.",
            "during the night.",
        ],
    ),
    "fr": (
        [
            "Des témoins",
            "Des habitants",
            "Des commerçants",
            "Des humanitaires",
            "Des élus",
            "Des enseignants",
        ],
        ["ont évoqué", "ont signalé", "ont décrit", "ont dénoncé", "ont confirmé"],
        [
            "des tirs nourris",
            "des véhicules incendiés",
            "des routes fermées",
            "des familles déplacées",
            "un couvre-feu",
            "des pénuries",
        ],
        [
            "dans la matinée.",
            "pendant la nuit.",
            "près du marché.",
            "dans les villages voisins.",
            "depuis la semaine dernière.",
        ],
    ),
    "id": (
        ["Warga", "Pedagang", "Guru", "Petugas medis", "Tokoh adat", "Sopir"],
        ["mengatakan", "melaporkan", "menceritakan", "mengeluhkan", "membenarkan"],
        [
            "suara tembakan",
            "kendaraan terbakar",
            "jalan ditutup",
            "warga mengungsi",
            "rumah rusak",
            "kekurangan bahan bakar",
        ],
        [
            "pada pagi hari.",
            "sepanjang malam.",
            "di dekat pasar.",
            "di kampung sekitar.",
            "sejak pekan lalu.",
        ],
    ),
}
OUTLETS = [f"Invented {kind} {n}" for kind in ("Wire", "Daily", "Herald") for n in range(10)]


def _sentence(rng: random.Random, lang: str) -> str:
    subj, verb, obj, tail = FILL[lang]
    return f"{rng.choice(subj)} {rng.choice(verb)} {rng.choice(obj)} {rng.choice(tail)}"


def _incident(rng: random.Random, day: date) -> dict[str, Any]:
    lang = rng.choices(["en", "fr", "id"], [0.7, 0.15, 0.15])[0]
    place, country = rng.choice(PLACES[lang])
    return {
        "lang": lang,
        "lead": rng.randrange(len(LEADS[lang])),
        "place": place,
        "country": country,
        "n": rng.randint(2, 40),
        "day": day,
    }


def _article(rng: random.Random, inc: dict[str, Any], n: int, short: bool) -> dict[str, Any]:
    lang = inc["lang"]
    outlet = rng.choice(OUTLETS)
    published = inc["day"] + timedelta(days=rng.choice([0, 0, 1]))
    lead = LEADS[lang][inc["lead"]].format(
        place=inc["place"],
        country=inc["country"],
        n=inc["n"],
        day=DAYS[lang][inc["day"].weekday()],
        source=rng.choice(SOURCES[lang]),
    )
    dateline = f"{inc['place'].upper()} ({outlet}) - "
    # a report of 4-9 sentences, or a long one of 15-40 (a quarter of the full reports)
    sentences = rng.randint(15, 40) if rng.random() < 0.25 else rng.randint(4, 9)
    body = [] if short else [_sentence(rng, lang) for _ in range(sentences)]
    footer = [] if short else [f"(c) {outlet} {published.year}. All rights reserved."]
    return {
        "id": f"g{n:06d}",
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{n}",
        "outlet": outlet,
        "published": published.isoformat(),
        "title": f"{inc['place']}: {lead.split(',')[0][:60]}",
        "text": "\n".join([dateline + lead, *body, *footer]) + "\n",
    }


def _edit(rng: random.Random, original: dict[str, Any], n: int) -> dict[str, Any]:
    """An edited copy: about 45 % of the sentences rewritten, figures changed."""
    lines = original["text"].splitlines()
    lang = "fr" if " selon " in lines[0] or " ont " in lines[0] else "en"
    out = [
        line if i == 0 or rng.random() > 0.45 else _sentence(rng, lang)
        for i, line in enumerate(lines)
    ]
    text = "\n".join(out) + "\n"
    for digit in "23456789":
        if rng.random() < 0.3:
            text = text.replace(digit, str(rng.randint(1, 9)), 1)
    return {**original, "id": f"g{n:06d}", "url": original["url"] + f"-copy{n}", "text": text}


def generate(count: int, seed: int = 20261202) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    made: list[dict[str, Any]] = []
    recent: list[dict[str, Any]] = []
    for n in range(count):
        roll = rng.random()
        if made and roll < 0.10:
            item = _edit(rng, rng.choice(made[-200:]), n)
        else:
            if recent and roll < 0.35:
                inc = rng.choice(recent)
            else:
                inc = _incident(rng, start + timedelta(days=n * 365 // max(count, 1)))
                recent = [*recent[-20:], inc]
            item = _article(rng, inc, n, short=rng.random() < 0.30)
        made.append(item)
        if len(made) > 400:
            made = made[-200:]
        yield item


def write_jsonl(path: Path, count: int, seed: int = 20261202) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for item in generate(count, seed):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path
