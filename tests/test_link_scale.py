"""Linking costs what a chunk brings, not what the store holds, and says the same: events that
lost a report are queued by the store (not found by grouping every report), the dates a
report's sentences write out are read the same from the cached parses, and the run summary
counts a derived article once however many chunks resolve it again.

Every article here is invented.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from test_link_support import (
    INDEPENDENT_EN,
    SOURCE_EN,
    UNRELATED_EN,
    add_article,
    edited_copy,
    event,
)
from wartrace import link
from wartrace.link import derive, event_evidence
from wartrace.link.events import changed_events, materialise_events
from wartrace.store import db

DAY = "2016-05-14"
PLACE = ("Tal Harir", 35.36, 40.20)


def _two_reports_one_event(conn: sqlite3.Connection) -> str:
    add_article(conn, "a1", SOURCE_EN, "en", published=DAY, events=[event(DAY, *PLACE)])
    add_article(conn, "a2", INDEPENDENT_EN, "en", published=DAY, events=[event(DAY, *PLACE)])
    link.link_all(conn)
    (event_id,) = {r[0] for r in conn.execute("SELECT event_id FROM reports")}
    return str(event_id)


def _queued(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT event_id FROM event_lost_reports")]


def test_an_event_that_loses_a_report_is_queued_and_computed_again(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "s.db")
    event_id = _two_reports_one_event(conn)
    assert _queued(conn) == [] and changed_events(conn) == []
    # Reprocessing a2 (its incident now elsewhere) takes its report out of the event.
    add_article(conn, "a2", INDEPENDENT_EN, "en", published=DAY, events=[])
    assert _queued(conn) == [event_id]
    assert changed_events(conn) == [event_id]
    materialise_events(conn)
    assert _queued(conn) == [] and changed_events(conn) == []
    state = conn.execute("SELECT reports FROM event_state WHERE event_id = ?", (event_id,))
    assert state.fetchone()[0] == 1


def test_a_report_moved_to_another_event_queues_the_event_it_left(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "s.db")
    event_id = _two_reports_one_event(conn)
    conn.execute("INSERT INTO events (event_id, updated_at) VALUES ('other', 'now')")
    conn.execute("UPDATE reports SET event_id = 'other' WHERE article_id = 'a2'")
    assert _queued(conn) == [event_id]
    assert changed_events(conn) == [event_id]


def test_only_queued_events_are_compared_with_their_reports(tmp_path: Path) -> None:
    """An event nothing queued is not looked at (its reports are not counted)."""
    conn = db.connect(tmp_path / "s.db")
    event_id = _two_reports_one_event(conn)
    conn.execute("UPDATE event_state SET reports = 7 WHERE event_id = ?", (event_id,))
    assert changed_events(conn) == []
    conn.execute("INSERT INTO event_lost_reports (event_id) VALUES (?)", (event_id,))
    assert changed_events(conn) == [event_id]


def test_a_store_from_before_the_queue_queues_the_events_that_already_lost_a_report(
    tmp_path: Path,
) -> None:
    conn = db.connect(tmp_path / "s.db")
    event_id = _two_reports_one_event(conn)
    conn.execute("DELETE FROM event_lost_reports")
    conn.execute("UPDATE event_state SET reports = 7 WHERE event_id = ?", (event_id,))
    script = dict(db._migrations())[12]
    conn.executescript(
        "DROP TRIGGER reports_lost_on_delete; DROP TRIGGER reports_lost_on_move;"
        " DROP TABLE event_lost_reports;"
    )
    conn.executescript(f"BEGIN;\n{script}\nCOMMIT;")
    assert _queued(conn) == [event_id]


def _stated_uncached(passages: str, evidence: str | None) -> set[tuple[int, int]]:
    """The reading before the parses were cached."""
    spans = [
        (int(e[0]), int(e[1]))
        for e in json.loads(evidence or "[]")
        if len(e) >= 2 and not str(e[2] if len(e) > 2 else "").startswith("inherited:")
    ]
    out: set[tuple[int, int]] = set()
    if not spans:
        return out
    for start, end, _, _, anchors in json.loads(passages):
        if any(s < end and e > start for s, e in spans):
            for anchor in anchors:
                day, _, month = str(anchor)[2:].partition("/")
                if anchor.startswith("d:") and day.isdigit() and month.isdigit():
                    out.add((int(day), int(month)))
    return out


@pytest.mark.parametrize(
    "evidence",
    [
        None,
        "[]",
        '[[0, 10, "sentence"]]',
        "[[40, 60]]",
        '[[0, 100, "inherited:x#0"]]',
        '[[5, 15, "a"], [55, 90, "b"]]',
    ],
)
def test_stated_dates_read_from_the_cached_parses_are_the_dates_read_before(
    tmp_path: Path, evidence: str | None
) -> None:
    conn = db.connect(tmp_path / "s.db")
    add_article(conn, "a1", SOURCE_EN, "en", published=DAY)
    passages = json.dumps(
        [
            [0, 20, 0, 4, ["d:14/5", "n:27", "d:x/5"]],
            [20, 50, 1, 6, ["p:trhr"]],
            [50, 80, 0, 5, ["d:15/5", "d:31/12"]],
        ]
    )
    conn.execute(
        "INSERT INTO link_index (article_id, shingles, passages) VALUES ('a1', 0, ?)",
        (passages,),
    )
    for _ in range(2):  # the second time from the caches
        found = event_evidence.stated_dates(conn, "a1", evidence)
        assert found == _stated_uncached(passages, evidence)
    assert event_evidence.stated_dates(conn, "unindexed", "[[0, 10]]") == set()


def test_a_dependent_resolved_again_in_a_later_chunk_counts_once_in_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunk 1: a wire story and a copy of it; chunk 2: a second copy, which pairs with the
    source, so the first copy chooses its source again."""
    monkeypatch.setattr(derive, "CHUNK", 2)
    calls: list[int] = []
    real = derive.resolve

    def counting(*args: object, **kwargs: object) -> int:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(found)
        return found

    monkeypatch.setattr(derive, "resolve", counting)
    conn = db.connect(tmp_path / "s.db")
    add_article(conn, "a1-src", SOURCE_EN, "en", published="2016-05-14")
    add_article(conn, "a2-copy", edited_copy(SOURCE_EN), "en", published="2016-05-15")
    second = edited_copy(SOURCE_EN).replace("BREAKING", "UPDATE")
    add_article(conn, "b1-copy", second, "en", published="2016-05-16")
    add_article(conn, "b2-other", UNRELATED_EN, "en", published="2016-05-16")
    summary = link.link_all(conn)
    stored = conn.execute("SELECT count(*) FROM articles WHERE derived_from IS NOT NULL")
    derived = stored.fetchone()[0]
    assert sum(calls) > derived > 0, "the first copy must be resolved again"
    assert summary["derived"] == derived
    assert link.link_all(conn)["derived"] == 0, "nothing new: no article newly derived"
