"""Events across reports, in the store. Articles are INVENTED (see test_link_support)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_link_support import (
    INDEPENDENT_EN,
    SOURCE_EN,
    TRANSLATION_ID,
    UNRELATED_EN,
    add_article,
    connect,
    event,
    killed,
)
from wartrace.link import describe_links, link_all
from wartrace.link.match import Facts, match_score, place_score
from wartrace.models import Span

TAL_HARIR = (35.36, 40.20)
DEIR = (35.33, 40.14)


def event_of(conn: sqlite3.Connection, article_id: str) -> str:
    return str(
        conn.execute("SELECT event_id FROM reports WHERE article_id = ?", (article_id,)).fetchone()[
            0
        ]
    )


def build(conn: sqlite3.Connection) -> None:
    add_article(
        conn,
        "src",
        SOURCE_EN,
        "en",
        events=[
            event(None, "Deir ez-Zor", *DEIR, precision=2, claims=[killed(27, "SOHR", "soldiers")])
        ],
    )
    add_article(
        conn,
        "tr",
        TRANSLATION_ID,
        "id",
        events=[
            event("2016-05-14", "Tal Harir", *TAL_HARIR, claims=[killed(27, "SOHR", "tentara")])
        ],
    )
    add_article(
        conn,
        "other",
        INDEPENDENT_EN,
        "en",
        published="2016-05-15",
        events=[
            event(
                "2016-05-14",
                "Tal Harir",
                *TAL_HARIR,
                claims=[killed(30, "Omar Haddad", "soldiers")],
            )
        ],
    )
    add_article(
        conn,
        "far",
        UNRELATED_EN,
        "en",
        published="2016-05-15",
        events=[
            event(
                "2016-05-14",
                "Azaz",
                36.58,
                37.04,
                event_type="Strategic developments",
                admin1="Aleppo",
            )
        ],
    )


def test_reports_of_one_incident_merge_and_others_do_not(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    build(conn)
    link_all(conn)
    assert event_of(conn, "src") == event_of(conn, "tr") == event_of(conn, "other")
    assert event_of(conn, "far") != event_of(conn, "src")
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_gaps_are_filled_from_linked_reports_with_provenance(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    build(conn)
    link_all(conn)
    row = conn.execute(
        "SELECT * FROM events WHERE event_id = ?", (event_of(conn, "src"),)
    ).fetchone()
    assert row["event_date"] == "2016-05-14"  # the original printed no date
    assert row["location"] == "Tal Harir" and row["geo_precision"] == 1  # the precise place
    provenance = json.loads(row["provenance"])
    assert provenance["event_date"] in {"tr", "other"}
    assert provenance["location"] in {"tr", "other"}


def test_a_translation_does_not_confirm_its_source(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    build(conn)
    link_all(conn)
    row = conn.execute(
        "SELECT * FROM events WHERE event_id = ?", (event_of(conn, "src"),)
    ).fetchone()
    assert row["fatalities"] == 27  # lowest of SOHR 27 and Omar Haddad 30
    assert row["fatalities_high"] == 30
    assert row["notes"].count("SOHR") == 1  # the translation's 27 is the same account
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 3  # all claims kept


def test_new_reports_join_existing_events_incrementally(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(
        conn,
        "other",
        INDEPENDENT_EN,
        "en",
        published="2016-05-15",
        events=[event("2016-05-14", "Tal Harir", *TAL_HARIR)],
    )
    link_all(conn)
    first = event_of(conn, "other")
    add_article(
        conn,
        "late",
        UNRELATED_EN.replace("Flooding", "Fighting"),
        "en",
        published="2016-05-16",
        events=[event("2016-05-15", "Tal Harir", 35.37, 40.21)],
    )
    summary = link_all(conn)
    assert summary["reports_joined"] == 1 and summary["events_created"] == 0
    assert event_of(conn, "late") == first


def test_reprocessing_an_article_refreshes_the_event_it_left(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    build(conn)
    link_all(conn)
    shared = event_of(conn, "other")
    add_article(  # same id, new text and a report on another day
        conn,
        "other",
        INDEPENDENT_EN + "\nUpdated.",
        "en",
        published="2016-06-20",
        events=[event("2016-06-19", "Tal Harir", *TAL_HARIR, claims=[killed(5, "x")])],
    )
    link_all(conn)
    assert event_of(conn, "other") != shared
    row = conn.execute(
        "SELECT fatalities_high FROM events WHERE event_id = ?", (shared,)
    ).fetchone()
    assert row["fatalities_high"] == 27


def facts(**kw: object) -> Facts:
    base: dict[str, object] = {
        "day": 1000,
        "time_precision": 1,
        "event_type": "Battles",
        "actors": frozenset(),
        "country": "SY",
        "admin1": "Deir ez-Zor",
        "admin2": None,
        "location": None,
        "latitude": None,
        "longitude": None,
        "geo_precision": 1,
    }
    base.update(kw)
    return Facts(**base)  # type: ignore[arg-type]


def test_match_rules() -> None:
    a = facts(location="Tal Harir", latitude=35.36, longitude=40.2)
    assert match_score(a, facts(location="Tal Harir", day=1001), related=False) is not None
    assert match_score(a, facts(location="Tal Harir", day=1003), related=False) is None
    assert match_score(a, facts(location="Tal Harir", day=1003, time_precision=2), False)
    assert match_score(a, facts(location="Tal Harir", country="IQ"), related=False) is None
    assert match_score(a, facts(location="Tal Harir", event_type="Protests"), False) is None
    far = facts(location="Azaz", latitude=36.58, longitude=37.04)
    assert match_score(a, far, related=False) is None
    # A vague place (province only) meets a precise one in that province.
    vague = facts(geo_precision=3)
    assert place_score(a, vague) == 0.5
    # An undated report joins an unrelated event only on the same place and type.
    undated = facts(day=None, location="Tal Harir")
    assert match_score(undated, a, related=False) is not None
    assert match_score(facts(day=None), a, related=False) is None
    # Its own translation's event: weaker evidence suffices.
    assert match_score(facts(day=None, admin1=None), a, related=True) is not None


def test_a_place_named_like_its_province_is_vague_only_for_a_story_retold() -> None:
    town = facts(location="Tal Harir", latitude=35.36, longitude=40.2, day=None)
    capital = facts(location="Deir ez-Zor", latitude=35.34, longitude=40.14, day=None)
    far_capital = facts(location="Deir ez-Zor", latitude=35.34, longitude=40.64, day=None)
    # "Deir ez-Zor" may be the province a translation names without the word "province".
    assert match_score(far_capital, town, related=True) is not None
    # Not for an unrelated report, nor across provinces.
    assert match_score(far_capital, town, related=False) is None
    other = facts(location="Raqqa", admin1="Raqqa", latitude=35.95, longitude=39.0, day=None)
    assert match_score(other, town, related=True) is None
    assert match_score(capital, town, related=True) is not None  # near anyway


def test_a_translation_naming_the_province_bare_joins_its_source_event(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(
        conn,
        "src",
        SOURCE_EN,
        "en",
        published="2016-05-14",
        events=[event("2016-05-14", "Tal Harir", 35.36, 40.20)],
    )
    # The undated translation's report is read at the provincial capital, 60 km away.
    add_article(conn, "tr", TRANSLATION_ID, "id", events=[event(None, "Deir ez-Zor", 35.34, 40.84)])
    link_all(conn)
    row = conn.execute("SELECT derived_from FROM articles WHERE article_id = 'tr'").fetchone()
    assert row[0] == "src"
    assert event_of(conn, "tr") == event_of(conn, "src")


def test_describe_links_tells_the_story(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    build(conn)
    link_all(conn)
    tr = "\n".join(describe_links(conn, "tr"))
    assert "Derived from src: a translation (en -> id)" in tr
    assert "Colonel Ridwan" in tr  # the paragraph it left out
    assert "Sumber" in tr  # what it added
    src = "\n".join(describe_links(conn, "src"))
    assert "tr (translation" in src
    assert "also reported by other" in src and "also reported by tr" in src
    assert describe_links(conn, "missing") == ["No article 'missing' in the store."]


def test_a_translation_without_reports_inherits_the_kept_ones(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    deaths = SOURCE_EN.index("The commander")
    kept = event("2016-05-14", "Tal Harir", *TAL_HARIR)
    kept.evidence = [Span(60, 200, "sentence")]
    dropped = event("2016-05-15", "Deir ez-Zor", *DEIR, event_type="Strategic developments")
    dropped.evidence = [Span(deaths, deaths + 40, "sentence")]
    add_article(conn, "src", SOURCE_EN, "en", events=[kept, dropped])
    add_article(conn, "tr", TRANSLATION_ID, "id")  # the extractor found nothing in it
    summary = link_all(conn)
    assert summary["reports_inherited"] == 1  # not the report on the dropped paragraph
    rows = conn.execute("SELECT * FROM reports WHERE article_id = 'tr'").fetchall()
    assert len(rows) == 1 and rows[0]["location"] == "Tal Harir"
    assert rows[0]["event_id"] == event_of(conn, "src")
    assert link_all(conn)["reports_inherited"] == 0  # once is enough
