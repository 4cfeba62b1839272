"""Coded notes (one short paragraph, a whole account of one incident) at two places are two
incidents. Every text, place and group here is INVENTED."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_link_incidents_apart import dated_report, event_of
from test_link_support import add_article, connect
from wartrace.link import link_all
from wartrace.link.events import materialise_events
from wartrace.link.match import Facts, places_differ

# Two notes of one day, one subdivision and one armed group, in two villages 8 km apart:
# they share rare names (the group, the subdivision) but the coder placed each on its own.
KERROW = "On 8 May 2021, the Zarrath Brigade raided houses in Kerrow village, Hawiyo subdivision."
DALBENI = "On 8 May 2021, the Zarrath Brigade raided houses in Dalbeni village, Hawiyo subdivision."


def _add_kerrow(conn: sqlite3.Connection) -> None:
    add_article(
        conn,
        "kerrow",
        KERROW,
        "en",
        events=[dated_report(KERROW, "2021-05-08", "Kerrow", 35.20, 40.20)],
    )


def _two_village_notes(conn: sqlite3.Connection) -> None:
    _add_kerrow(conn)
    add_article(
        conn,
        "dalbeni",
        DALBENI,
        "en",
        events=[dated_report(DALBENI, "2021-05-08", "Dalbeni", 35.26, 40.24)],
    )


def test_two_notes_naming_different_villages_are_two_events_despite_rare_shared_names(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path)
    _two_village_notes(conn)
    link_all(conn)
    assert event_of(conn, "kerrow") != event_of(conn, "dalbeni")


def test_notes_told_as_the_same_story_at_two_places_stay_apart(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    _two_village_notes(conn)
    link_all(conn)
    # Even judged the same story (one template, independent texts): two places, two events.
    conn.execute(
        "INSERT OR REPLACE INTO link_same_story (a, b, score) VALUES (?, ?, 0.7)",
        ("dalbeni", "kerrow"),
    )
    conn.execute("UPDATE reports SET event_id = NULL, link_reason = NULL")
    conn.execute("DELETE FROM events")
    materialise_events(conn)
    assert event_of(conn, "kerrow") != event_of(conn, "dalbeni")


def test_two_notes_of_one_village_sharing_rare_names_are_one_event(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    again = (
        "On 8 May 2021, houses in Kerrow village, Hawiyo subdivision, were raided by the"
        " Zarrath Brigade."
    )
    _add_kerrow(conn)
    add_article(
        conn,
        "again",
        again,
        "en",
        events=[dated_report(again, "2021-05-08", "Kerrow", 35.20, 40.20)],
    )
    link_all(conn)
    assert event_of(conn, "kerrow") == event_of(conn, "again")


def _facts(location: str, precision: int = 1, places: frozenset[str] = frozenset()) -> Facts:
    return Facts(
        day=1,
        time_precision=1,
        event_type="Battles",
        actors=frozenset(),
        country="SY",
        admin1="Deir ez-Zor",
        admin2=None,
        location=location,
        latitude=None,
        longitude=None,
        geo_precision=precision,
        places=places,
    )


def test_places_differ_reads_named_places_and_the_towns_the_texts_name() -> None:
    assert places_differ(_facts("Kerrow"), _facts("Dalbeni"))
    assert not places_differ(_facts("Kerrow"), _facts("Kerrow"))
    # placed only at the province: the towns the texts name tell them apart, if both name one
    vague = _facts("Deir ez-Zor", 3, frozenset({"p:krr"}))
    assert places_differ(vague, _facts("Deir ez-Zor", 3, frozenset({"p:dlbn"})))
    assert not places_differ(vague, _facts("Deir ez-Zor", 3))


def test_two_notes_of_one_village_told_as_different_kinds_of_event_are_two_events(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path)
    # invented: a clash, and the shooting of a resident in the same village that day
    clash = (
        "On 8 May 2021, in Kerrow village, Hawiyo subdivision, the army and the Zarrath"
        " Brigade clashed."
    )
    shot = "On 8 May 2021, in Kerrow village, Hawiyo subdivision, a resident was shot and wounded."
    fight = dated_report(clash, "2021-05-08", "Kerrow", 35.20, 40.20)
    attack = dated_report(shot, "2021-05-08", "Kerrow", 35.20, 40.20)
    attack.event_type = "Violence against civilians"
    add_article(conn, "clash", clash, "en", events=[fight])
    add_article(conn, "shot", shot, "en", events=[attack])
    link_all(conn)
    assert event_of(conn, "clash") != event_of(conn, "shot")
