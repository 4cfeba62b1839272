"""The web dashboard, API and report, through FastAPI's TestClient (all data invented)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import warnings
from pathlib import Path

import pytest
from markupsafe import escape

from wartrace.models import ArticleInput
from wartrace.store import db
from wartrace.web import basemap, charts, eventview
from wartrace.web.app import create_app
from wartrace.web.filters import Filters, fts_query, parse_filters, where
from wartrace.web.highlight import Mark, alignment_kept, alignment_passages, segments
from wartrace.web.report import build_report

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conftest_web import build_store, event_of


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, sqlite3.Connection]:
    path = tmp_path_factory.mktemp("web") / "web.db"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(store: tuple[Path, sqlite3.Connection]) -> TestClient:
    return TestClient(create_app(str(store[0])))


# --- pure parts --------------------------------------------------------------------------


def test_segments_cut_at_every_boundary_and_clip_bad_spans() -> None:
    text = "abcdefghij"
    segs = segments(
        text,
        [
            Mark(2, 6, "evidence"),
            Mark(4, 5, "claim", "claim-1"),
            Mark(8, 99, "boilerplate"),
            Mark(7, 3, "claim"),
        ],
    )
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kinds) for s in segs] == [
        ("ab", ()),
        ("cd", ("evidence",)),
        ("e", ("claim", "evidence")),
        ("f", ("evidence",)),
        ("gh", ()),
        ("ij", ("boilerplate",)),
    ]
    assert segs[2].anchors == ("claim-1",)


def test_fts_query_neutralises_operators_and_quotes() -> None:
    assert (
        fts_query('killed NEAR(" soldiers") OR x*')
        == '"killed" AND "NEAR" AND "soldiers" AND "OR" AND "x"*'
    )
    assert fts_query('"";:()') is None


def test_filters_round_trip_and_report_bad_values() -> None:
    f, errors = parse_filters(
        {"since": "2024-03-09", "until": "2024-03-01", "country": "iq", "page": "x", "sort": "?"}
    )
    assert f.since == "2024-03-01" and f.until == "2024-03-09" and f.country == "IQ"
    assert len(errors) == 3  # swapped dates, bad page, bad sort
    again, errors = parse_filters(dict(p.split("=") for p in f.query().split("&")))
    assert again == f and not errors
    _, errors = parse_filters({"since": "9 March", "bbox": "1,2,3"})
    assert any("since" in e for e in errors) and any("bbox" in e for e in errors)


def test_where_clause_binds_user_input_as_parameters() -> None:
    hostile = "x' OR 1=1; DROP TABLE events; --"
    f = Filters(country=hostile, admin1=hostile, actor=hostile, outlet=hostile, q=hostile)
    sql, params = where(f, has_fts=True)
    assert hostile not in sql and "DROP" not in sql
    assert hostile in params


def test_alignment_is_read_defensively() -> None:
    src, derived = "0123456789", "abcdefghij"
    linker = json.dumps(
        {
            "kind": "translation",
            "pairs": [[0, 5, 0, 5, 0.9]],
            "omitted": [[5, 8, 1]],
            "added": [[6, 9]],
        }
    )
    passages = alignment_passages(linker, src, derived)
    assert [(p.kind, p.text, p.side) for p in passages] == [
        ("left out", "567", "source"),
        ("added", "ghi", "derived"),
    ]
    assert passages[0].note and alignment_kept(linker) == 1
    as_list = json.dumps([{"start": 1, "end": 3, "kind": "added"}, [2, 4, "omitted"], "junk"])
    assert [p.text for p in alignment_passages(as_list, src, derived)] == ["bc", "23"]
    for junk in (None, "", "not json", "42", '{"added": [[9, 3]]}', '[{"start": "a"}]'):
        for p in alignment_passages(junk, src, derived):
            assert p.text is None


def test_basemap_decodes_natural_earth_countries() -> None:
    by_name = {c.name: c for c in basemap.countries()}
    assert len(by_name) > 200
    w, s, e, n = by_name["Iraq"].bbox
    assert 38 < w < 40 and 29 < s < 30 and 48 < e < 49 and 37 < n < 38.5
    view = basemap.fit_viewport((42.0, 35.0, 44.0, 37.0), 800, 400)
    assert view.contains(43.0, 36.0)
    x, y = view.project(43.0, 36.0)
    assert abs(x - 400) < 1 and abs(y - 200) < 1
    shapes = basemap.country_shapes(view)
    assert "Iraq" in {c.name for c in shapes} and "Brazil" not in {c.name for c in shapes}


def test_event_type_colours_are_valid() -> None:
    for t in ("Battles", "Protests", None, "Something new"):
        assert re.fullmatch(r"#[0-9a-f]{6}", charts.type_colour(t))
    assert charts.type_colour("Battles") != charts.type_colour(None)


def test_timeline_switches_to_weeks_for_long_ranges() -> None:
    days = [
        {"day": "2024-01-01", "events": 2, "fatalities": 5},
        {"day": "2024-01-03", "events": 1, "fatalities": 0},
    ]
    t = charts.timeline_model(days)
    assert t.bucket == "day" and [b.events for b in t.bars] == [2, 1]
    assert t.bars[1].x > t.bars[0].x
    days.append({"day": "2025-06-01", "events": 4, "fatalities": 1})
    assert charts.timeline_model(days).bucket == "week"
    assert charts.timeline_model([]).empty


# --- the app -----------------------------------------------------------------------------


def test_overview_shows_everything(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Velmora" in r.text and "Pelisar" in r.text
    assert r.text.count("<circle") >= 3  # markers
    assert "Events per day" in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("language=id", ["Velmora"], ["Pelisar", "Ostrava"]),
        ("event_type=Explosions%2FRemote+violence", ["Pelisar"], ["Velmora"]),
        ("q=convoy", ["Pelisar"], ["Ostrava"]),  # found in the article text (FTS5)
        ("q=Velmora", ["Velmora"], ["Ostrava"]),  # found in the event's place
        ("q=%22NEAR%28%29+OR", [], ["Velmora"]),  # FTS syntax typed by a user: no error
        ("actor=northern+front", ["Velmora"], ["Pelisar"]),
        ("since=2024-03-06&until=2024-03-06", ["Pelisar"], ["Velmora"]),
        ("outlet=Warta+Timur", ["Velmora"], ["Pelisar"]),
        ("bbox=42.5,36,42.9,36.2", ["Pelisar"], ["Velmora"]),
    ],
)
def test_filters_drive_the_table(
    client: TestClient, query: str, present: list[str], absent: list[str]
) -> None:
    r = client.get("/api/events?" + query)
    assert r.status_code == 200, r.text
    places = " ".join(str(e["location"]) for e in r.json()["events"])
    for p in present:
        assert p in places
    for p in absent:
        assert p not in places
    html = client.get("/?" + query).text
    table = html.split('<table class="events">')[-1]
    for p in absent:
        assert p not in table


def test_bad_filters_are_explained(client: TestClient) -> None:
    r = client.get("/?since=yesterday")
    assert r.status_code == 200 and "expected a date" in r.text
    assert client.get("/api/events?since=yesterday").status_code == 400


def test_event_page_lists_claims_linked_to_their_spans(
    client: TestClient, store: tuple[Path, sqlite3.Connection]
) -> None:
    event_id = event_of(store[1], "en-1")
    html = client.get(f"/events/{event_id}").text
    assert "Regional Monitor" in html and "ministry spokesman" in html
    notes = store[1].execute("SELECT notes FROM events WHERE event_id = ?", [event_id]).fetchone()
    assert notes[0]  # the reconciler's account of the dispute, one line per note
    assert all(escape(part) in html for part in eventview.clean_notes(notes[0]))
    links = re.findall(r'href="/articles/en-1#(claim-\d+)"', html)
    assert len(links) == 2
    article = client.get("/articles/en-1").text
    for anchor in links:
        span = re.search(rf'<span class="claim evidence" id="{anchor}"[^>]*>([^<]*)<', article)
        assert span and ("12" in span.group(1) or "15" in span.group(1))
    data = client.get(f"/api/events/{event_id}").json()
    assert {12, 15} <= {c["value"] for c in data["claims"]}
    assert data["fatalities"] == 12 and data["fatalities_high"] == 15


def test_article_page_shows_boilerplate_and_provenance(client: TestClient) -> None:
    html = client.get("/articles/en-1").text
    assert '<span class="boilerplate"' in html and "Subscribe to our newsletter" in html
    assert "Derived from this article" in html and "/articles/id-1" in html
    child = client.get("/articles/id-1").text
    assert "Derived from</h3>" in child and "translation" in child
    # side by side: the passage the translation dropped, on the source's side only
    table = child[child.index('id="side-by-side"') :]
    row = re.search(r'<tr class="left-out">(.*?)</tr>', table, re.S)
    assert row and "roadside bomb" in row.group(1) and "left out of this article" in row.group(1)
    api = client.get("/api/articles/en-1").json()
    assert "".join(s["text"] for s in api["segments"]) == api["raw_text"]
    assert api["children"][0]["article_id"] == "id-1"


def test_hostile_text_is_escaped_everywhere(
    client: TestClient, store: tuple[Path, sqlite3.Connection]
) -> None:
    pages = ["/", f"/events/{event_of(store[1], 'evil-1')}", "/articles/evil-1", "/report"]
    for page in pages:
        html = client.get(page).text
        assert "<script>window" not in html, page
        assert "<img src" not in html and 'onerror="window' not in html, page
        assert 'href="javascript:' not in html, page
    article = client.get("/articles/evil-1").text
    assert "&lt;script&gt;window.__pwned" in article
    assert "&lt;a id=&#34;evil&#34; href=&#34;javascript:" in article


def n_events(store: tuple[Path, sqlite3.Connection]) -> int:
    return int(store[1].execute("SELECT count(*) FROM events").fetchone()[0])


def test_exports_follow_the_filters(
    client: TestClient, store: tuple[Path, sqlite3.Connection]
) -> None:
    r = client.get("/export.csv?language=id")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["location"] for row in rows] == ["Velmora"]
    assert {"event_id_cnty", "event_date", "fatalities", "admin1"} <= set(rows[0])
    records = client.get("/api/export.json").json()
    assert len(records) == n_events(store) and all("claims" in rec for rec in records)
    assert client.get("/export.xml").status_code == 404


def test_api_is_described_by_openapi(
    client: TestClient, store: tuple[Path, sqlite3.Connection]
) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/overview", "/api/events", "/api/events/{event_id}", "/api/facets"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "country", "actor", "language", "outlet", "q", "page"} <= params
    overview = client.get("/api/overview?country=IQ").json()
    assert overview["summary"]["events"] == n_events(store) and len(overview["timeline"]) == 3
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert "GET" in client.get("/api").text


def test_store_is_opened_read_only(store: tuple[Path, sqlite3.Connection]) -> None:
    app = create_app(str(store[0]))
    conn = app.state.store.connect()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM events")
    with pytest.raises(FileNotFoundError):
        create_app(str(store[0].parent / "missing.db"))


def test_search_index_follows_replaced_articles(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "fts.db")
    db.store_articles(conn, [ArticleInput("a", "Shelling hit Dravograd.", "x", "txt")])
    db.store_articles(conn, [ArticleInput("a", "Rockets hit Zelenbor.", "x", "txt")])

    def hits(word: str) -> int:
        return conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [fts_query(word)]
        ).fetchone()[0]

    assert hits("Dravograd") == 0 and hits("Zelenbor") == 1
    conn.execute("DELETE FROM articles")
    assert hits("Zelenbor") == 0


def test_report_is_self_contained(store: tuple[Path, sqlite3.Connection]) -> None:
    conn = sqlite3.connect(store[0])  # a plain connection works too
    html = build_report(conn, "2024-03-01", "2024-03-31").html
    assert html.startswith("<!doctype html>")
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r'src="(https?:)?//', html)  # fetches nothing...
    external = re.findall(r'<(\w+)[^>]*\shref="https?://', html)
    assert external and set(external) == {"a"}  # ...but links every source it can
    assert "Velmora" in html and "Kharaba Post" in html
    assert "ministry spokesman: 15 killed" in html  # a disputed toll, claim by claim
    assert "<svg" in html and "@media print" in html
    assert "No events" in build_report(conn, "2020-01-01", "2020-01-31").html
    with pytest.raises(ValueError, match="since"):
        build_report(conn, "last week", None)
