"""The pure parts of the event, article, search and report views, on invented text."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from conftest_web import build_store
from wartrace.web import eventview, search, sidebyside, summary
from wartrace.web.report import build_report


def test_claim_context_is_the_sentence_around_the_claim() -> None:
    # invented
    text = "Intro line.\nShelling hit the market. At least 7 people died, medics said. Later, calm."
    start = text.index("At least 7")
    before, quote, after = eventview.claim_context(text, start, start + len("At least 7"))
    assert before == "" and quote == "At least 7" and after == " people died, medics said."
    mid = text.index("7 people")
    before, _, _ = eventview.claim_context(text, mid, mid + 1)
    assert before == "At least "


def test_revision_notes_drop_repeats_and_non_revisions() -> None:
    notes = "a2 revised 26 -> 30; a2 revised 33 -> 33; a2 revised 26 -> 30; disputed: 4 vs 9"
    assert eventview.clean_notes(notes) == ["a2 revised 26 -> 30", "disputed: 4 vs 9"]
    assert eventview.clean_notes(None) == []


def test_side_breakdown_groups_by_side_in_any_language_without_adding_up() -> None:
    # invented: "soldiers" and "tentara" are one side, state forces, as reconciliation reads it
    claims = [
        {"value": 12, "kind": "killed", "victims": "soldiers"},
        {"value": 15, "kind": "killed", "victims": "Soldiers"},
        {"value": 14, "kind": "killed", "victims": "tentara"},
        {"value": 3, "kind": "killed", "victims": "civilians"},
        {"value": 4, "kind": "wounded", "victims": None},
        {"value": 40, "kind": "killed", "victims": "soldiers", "status": "superseded"},
        {"value": 900, "kind": "killed", "victims": "civilians", "scope": "background"},
    ]
    rows = eventview.side_breakdown(claims)
    assert rows[0] == {
        "victims": "state forces (soldiers, tentara)",
        "kind": "killed",
        "low": 12,
        "high": 15,
        "claims": 3,
    }
    assert [r["victims"] for r in rows] == [
        "state forces (soldiers, tentara)",
        "civilians",
        "not said",
    ]


def test_side_by_side_orders_rows_and_never_lists_a_passage_twice() -> None:
    # invented
    source = "Headline here.\nFirst paragraph about the clash.\nA quote kept as is.\nSource line."
    derived = "Judul di sini.\nParagraf pertama tentang bentrokan.\nA quote kept as is.\nBaru."
    s_quote = source.index("A quote")
    d_quote = derived.index("A quote")
    alignment = {
        "pairs": [[0, 14, 0, 14, 0.9], [15, 47, 15, 50, 0.6]],
        "omitted": [[s_quote, s_quote + 19, 1], [source.index("Source"), len(source), 1]],
        "added": [[d_quote, d_quote + 19], [derived.index("Baru"), len(derived)]],
    }
    sbs = sidebyside.side_by_side(json.dumps(alignment), source, derived)
    assert sbs is not None
    kinds = [r.kind for r in sbs.rows]
    assert kinds == ["kept", "kept", "moved", "left out", "added"]
    assert sbs.left_out == 1 and sbs.added == 1  # the quote is on both sides: moved, not lost
    texts = [r.source for r in sbs.rows if r.kind == "left out"] + [
        r.derived for r in sbs.rows if r.kind == "added"
    ]
    assert "A quote kept as is." not in texts
    assert sidebyside.side_by_side("not json", source, derived) is None


@dataclass
class _Place:
    name: str
    kind: str
    lat: float | None
    lon: float | None


class _Gaz:
    """A stand-in gazetteer: two names for one invented town, and a region."""

    places: ClassVar[list[_Place]] = [
        _Place("Qarat Nuzha", "city", 35.0, 40.0),
        _Place("Wadi Zel", "admin1", 35.0, 40.0),
    ]

    def lookup(self, name: str) -> list[int]:
        return {"old qarat": [0], "nuzha": [0], "qarat nuzha": [0], "wadi zel": [1]}.get(
            name.casefold(), []
        )


def test_a_search_matches_a_place_under_its_other_names() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (location TEXT, admin1 TEXT, latitude REAL, longitude REAL)")
    conn.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?)",
        [("Qarat Nuzha", "Wadi Zel", 35.01, 40.0), ("Elsewhere", "Other", 10.0, 10.0)],
    )
    hits = search.place_hits("Nuzha", _Gaz())
    assert [h.name for h in hits] == ["Qarat Nuzha"]
    clause, params = search.place_clause(hits)
    found = conn.execute(f"SELECT location FROM events e WHERE {clause}", params).fetchall()
    assert found == [("Qarat Nuzha",)]
    region = search.place_clause(search.place_hits("wadi zel", _Gaz()))
    assert (
        conn.execute(f"SELECT count(*) FROM events e WHERE {region[0]}", region[1]).fetchone()[0]
        == 1
    )
    assert search.place_clause([]) == ("0", [])


def test_snippet_hits_are_marked_and_text_escaped() -> None:
    marked = search.mark_hits("a <b> \x02hit\x03 & more")
    assert str(marked) == "a &lt;b&gt; <mark>hit</mark> &amp; more"


def test_report_title_and_summary() -> None:
    assert summary.period_label("2024-03-01", "2024-03-31") == "1–31 March 2024"
    assert summary.period_label("2024-02-28", "2024-03-03") == "28 February – 3 March 2024"
    assert summary.previous_period("2024-03-01", "2024-03-31") == ("2024-01-30", "2024-02-29")
    assert summary.previous_period("0001-01-01", "0001-01-02") is None
    assert summary.previous_period("2024-03-05", "2024-03-01") is None
    areas = [{"admin1": "Nineveh"}, {"admin1": "Kirkuk"}]
    assert summary.region_label(areas, ["Iraq"]) == "Iraq (Nineveh and Kirkuk)"
    assert summary.region_label([], ["Syria", "Iraq"]) == "Syria and Iraq"
    s = {"events": 4, "countries": 1, "fatalities": 20, "fatalities_low": 20, "fatalities_high": 25}
    top = [
        {
            "location": "Velmora",
            "event_date": "2024-03-04",
            "fatalities": 12,
            "event_type": "Battles",
        }
    ]
    text = summary.summary_text(s, top, (8, 10), 2)
    assert "4 events" in text and "Velmora on 2024-03-04 (12 killed, battles)" in text
    assert "events down 50% (8 → 4)" in text and "fatalities up 100% (10 → 20)" in text
    assert "2 more events could not be dated" in text


def test_report_lists_undated_events_and_links_sources(tmp_path: Path) -> None:
    conn = build_store(tmp_path / "r.db")
    conn.execute("UPDATE events SET event_date = NULL WHERE location = 'Pelisar'")
    conn.execute("UPDATE articles SET published = '2024-03-05' WHERE article_id = 'en-1'")
    conn.commit()
    html = build_report(conn, "2024-03-01", "2024-03-31").html
    undated = html[html.index('id="undated"') :]
    assert "Pelisar" in undated and "Kharaba Post" in undated
    title = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert title and "Iraq" in title.group(1) and "March 2024" in title.group(1)
    assert "could not be dated" in html
    before = build_report(conn, "2024-02-01", "2024-02-29")
    assert before.events == 0 and "Undated events" not in before.html
