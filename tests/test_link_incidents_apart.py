"""Separate incidents stay separate events; why reports joined is kept.
Every text here is INVENTED for the tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_link_support import add_article, connect, event
from wartrace.link import link_all
from wartrace.link.match import Facts, needs_anchor
from wartrace.models import ExtractedEvent, PlaceMention, Span


def event_of(conn: sqlite3.Connection, article_id: str) -> str:
    row = conn.execute("SELECT event_id FROM reports WHERE article_id = ?", (article_id,))
    return str(row.fetchone()[0])


def dated_report(text: str, day: str, place: str, lat: float, lon: float) -> ExtractedEvent:
    """A report read from the whole (one-line) text, so its stated dates are its own."""
    found = event(day, place, lat, lon)
    found.evidence = [Span(0, len(text), "event")]
    return found


def test_two_explicit_different_days_stay_two_incidents(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: two notes on consecutive days, placed only at the province
    first = "On 28 April 2021, militants shelled army posts in Deir ez-Zor, killing 2 soldiers."
    later = "On 29 April 2021, militants shelled army posts in Deir ez-Zor, wounding 4 soldiers."
    for aid, text, day in (("apr28", first, "2021-04-28"), ("apr29", later, "2021-04-29")):
        report = dated_report(text, day, "Deir ez-Zor", 35.33, 40.14)
        report.geo.geo_precision = 3
        add_article(conn, aid, text, "en", events=[report])
    link_all(conn)
    assert event_of(conn, "apr28") != event_of(conn, "apr29")


def test_one_night_at_one_place_may_straddle_two_days(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: two outlets' briefs (a headline and a paragraph), one overnight attack, dated
    # either side of midnight
    a = (
        "Gunmen kill five officers in Halbera\n\n"
        "On 9 March 2021, gunmen stormed the police post of Halbera, killing 5 officers."
    )
    b = (
        "Five police officers killed in night attack on Halbera post\n\n"
        "On 10 March 2021, gunmen stormed the police post of Halbera, killing 5 officers."
    )
    add_article(conn, "a", a, "en", events=[dated_report(a, "2021-03-09", "Halbera", 35.2, 40.2)])
    add_article(conn, "b", b, "en", events=[dated_report(b, "2021-03-10", "Halbera", 35.2, 40.2)])
    link_all(conn)
    assert event_of(conn, "a") == event_of(conn, "b")


def test_two_notes_of_consecutive_days_are_two_events(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: two coded notes of one story, one per day (the coder's own days)
    a = (
        "On 9 March 2021, herders and farmers clashed in Halbera over a well, the day before "
        "elders met there. Two herders were killed across two days of clashes."
    )
    b = (
        "On 10 March 2021, herders and farmers clashed in Halbera over a well, the day elders "
        "met there. Two herders were killed across two days of clashes."
    )
    add_article(conn, "a", a, "en", events=[dated_report(a, "2021-03-09", "Halbera", 35.2, 40.2)])
    add_article(conn, "b", b, "en", events=[dated_report(b, "2021-03-10", "Halbera", 35.2, 40.2)])
    link_all(conn)
    assert event_of(conn, "a") != event_of(conn, "b")


def test_consecutive_days_at_one_place_need_more_than_time_and_place(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: two notes of one town on consecutive days, each its own incident
    a = "On 14 June 2021, a roadside bomb hit a water truck in Halbera; the driver was hurt."
    b = "On 15 June 2021, soldiers in Halbera arrested three men accused of smuggling fuel."
    add_article(conn, "a", a, "en", events=[dated_report(a, "2021-06-14", "Halbera", 35.2, 40.2)])
    add_article(conn, "b", b, "en", events=[dated_report(b, "2021-06-15", "Halbera", 35.2, 40.2)])
    # other notes of the month: the town and the year are no rarer than in a real store
    for day in (2, 6, 9, 22, 27):
        note = f"On {day} June 2021, a patrol was fired upon near Halbera; nobody was hurt."
        found = dated_report(note, f"2021-06-{day:02d}", "Halbera", 35.2, 40.2)
        add_article(conn, f"n{day}", note, "en", events=[found])
    link_all(conn)
    assert event_of(conn, "a") != event_of(conn, "b")


def test_two_short_notes_of_one_day_and_town_need_a_shared_specific_anchor(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path)
    # invented: two coded notes of one day in one town, two incidents
    a = "On 8 May 2021, youths blocked streets in Halbera after a trader was killed by gunmen."
    b = "On 8 May 2021, rebels killed 3 villagers during a raid on a hamlet near Halbera."
    add_article(conn, "a", a, "en", events=[dated_report(a, "2021-05-08", "Halbera", 35.2, 40.2)])
    add_article(conn, "b", b, "en", events=[dated_report(b, "2021-05-08", "Halbera", 35.2, 40.2)])
    for day in (2, 6, 9, 22, 27):
        note = f"On {day} May 2021, a patrol was fired upon near Halbera; nobody was hurt."
        found = dated_report(note, f"2021-05-{day:02d}", "Halbera", 35.2, 40.2)
        add_article(conn, f"n{day}", note, "en", events=[found])
    link_all(conn)
    assert event_of(conn, "a") != event_of(conn, "b")


def test_towns_the_gazetteer_only_places_in_the_province_stay_apart(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: two protests of one day in two villages the gazetteer does not know
    texts = {
        "one": "On 3 May 2021, residents of Kafr Dulan marched against the new fuel prices.",
        "two": "On 3 May 2021, residents of Tell Mishraf marched against the new fuel prices.",
    }
    for aid, text in texts.items():
        report = dated_report(text, "2021-05-03", "Deir ez-Zor", 35.33, 40.14)
        report.geo.geo_precision = 3
        start = text.index("of ") + 3
        name = " ".join(text[start:].split()[:2])
        report.places = [PlaceMention(name, start, start + len(name))]
        add_article(conn, aid, text, "en", events=[report])
    # other notes of that day elsewhere: the date and the year are common in a real store
    for k, town in enumerate(("Tabqa", "Mansura", "Karama", "Sabkha")):
        note = f"On 3 May 2021, shops in {town} closed over the new fuel prices."
        found = event("2021-05-03", town, 35.8 + k / 10, 38.5, admin1="Raqqa")
        found.evidence = [Span(0, len(note), "event")]
        add_article(conn, f"raqqa{k}", note, "en", events=[found])
    link_all(conn)
    assert event_of(conn, "one") != event_of(conn, "two")
    reasons = conn.execute("SELECT link_reason FROM reports WHERE link_reason IS NOT NULL")
    assert all(not r[0].startswith("same date and place") for r in reasons)


def test_different_places_of_a_province_need_a_shared_specific_anchor(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: same day, same province, two villages 10 km apart, nothing else in common
    add_article(
        conn,
        "one",
        "Mortar fire hit Qarsun on Monday.",
        "en",
        events=[event("2021-02-01", "Qarsun", 35.30, 40.10)],
    )
    add_article(
        conn,
        "two",
        "Clashes broke out in Tallabi on Monday.",
        "en",
        events=[event("2021-02-01", "Tallabi", 35.35, 40.18)],
    )
    link_all(conn)
    assert event_of(conn, "one") != event_of(conn, "two")


def test_needs_anchor_only_for_weak_place_evidence() -> None:
    def facts(
        location: str, precision: int, lon: float = 36.70, event_type: str = "Battles"
    ) -> Facts:
        return Facts(
            1, 1, event_type, frozenset(), "SY", "Idlib", None, location, 35.9, lon, precision
        )

    assert needs_anchor(facts("Sarmin", 1), facts("Binnish", 1, 36.75))  # 5 km apart
    assert not needs_anchor(facts("Sarmin", 1), facts("Sarmin", 1))
    assert not needs_anchor(facts("Sarmin", 1), facts("Idlib", 3))  # the province: no other place
    assert needs_anchor(facts("Sarmin", 1), facts("Sarmin", 1, event_type="Protests"))


def test_merge_reasons_are_kept_in_the_event_provenance(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    a = "On 9 March 2021, gunmen stormed the police post of Halbera, killing 5 officers."
    b = "Gunmen stormed the police post of Halbera on 9 March 2021; 5 officers died."
    add_article(conn, "a", a, "en", events=[dated_report(a, "2021-03-09", "Halbera", 35.2, 40.2)])
    add_article(conn, "b", b, "en", events=[dated_report(b, "2021-03-09", "Halbera", 35.2, 40.2)])
    link_all(conn)
    row = conn.execute("SELECT provenance FROM events WHERE event_id = ?", (event_of(conn, "a"),))
    links = json.loads(row.fetchone()[0])["links"]
    # the second report says why it joined: these two short texts tell one story
    assert list(links) == ["b"] and links["b"].startswith("same story")


def test_a_copy_that_writes_out_another_day_is_another_incident(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # invented: a long report reused word for word for the next day, placed only at the
    # province: two days written out, so two incidents even for a copy
    body = (
        "Gunmen on motorcycles stormed the market of Halbera, firing at traders and setting "
        "stalls alight before fleeing towards the hills east of the town, residents said. "
        "The provincial police chief, Colonel Idris Mahdi, said 7 people were killed and 12 "
        "wounded, and that a curfew would hold until the army had searched the villages of "
        "the valley. Traders said the market had been attacked twice in the past year and "
        "that many would not reopen their stalls. The governor promised compensation and "
        "more patrols on the road to the provincial capital. No group claimed the attack. "
        "Aid workers said the clinic of the town ran short of blood and bandages within hours, "
        "and that the wounded were driven to the provincial hospital in private cars."
    )
    a = "On 3 March 2021, " + body
    b = "On 4 March 2021, " + body
    for aid, text, day in (("a", a, "2021-03-03"), ("b", b, "2021-03-04")):
        report = dated_report(text, day, "Deir ez-Zor", 35.33, 40.14)
        report.geo.geo_precision = 3
        add_article(conn, aid, text, "en", events=[report])
    link_all(conn)
    assert conn.execute("SELECT count(*) FROM link_pairs").fetchone()[0] == 1  # a copy
    assert event_of(conn, "a") != event_of(conn, "b")
