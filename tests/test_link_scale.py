"""Linking costs what a chunk brings, not what the store holds, and says the same: events that
lost a report are queued by the store (not found by grouping every report), the dates a
report's sentences write out are read the same from the cached parses, the run summary
counts a derived article once however many chunks resolve it again, and the faster passage
alignment table and the kept LSH band keys give what the plain ones gave.

Every article here is invented.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
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
from wartrace.link import derive, event_evidence, index
from wartrace.link.align import align
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


def _plain_align(
    n: int, m: int, score: Callable[[int, int, int, int], float], min_score: float
) -> list[tuple[int, int, int, int, float]]:
    """The textbook table (a step tuple per cell, every block scored), as align was first
    written: the table loop must keep its every tie."""
    shapes = [(1, 1), (2, 1), (3, 1), (1, 2), (1, 3)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            value, step = -1.0, None
            if i > 0 and best[i - 1][j] > value:
                value, step = best[i - 1][j], (i - 1, j, -1.0)
            if j > 0 and best[i][j - 1] > value:
                value, step = best[i][j - 1], (i, j - 1, -1.0)
            for di, dj in shapes:
                if di <= i and dj <= j:
                    s = score(i - di, i, j - dj, j)
                    if s >= min_score and best[i - di][j - dj] + s * max(di, dj) > value:
                        value, step = best[i - di][j - dj] + s * max(di, dj), (i - di, j - dj, s)
            best[i][j], back[i][j] = value, step
    pairs = []
    i, j = n, m
    while (i > 0 or j > 0) and back[i][j] is not None:
        pi, pj, s = back[i][j]  # type: ignore[misc]
        if s >= 0:
            pairs.append((pi, i, pj, j, s))
        i, j = pi, pj
    return pairs[::-1]


def _table_score(
    linked: list[list[bool]],
    table: dict[tuple[int, int, int, int], float],
    i0: int,
    i1: int,
    j0: int,
    j1: int,
) -> float:
    """A block scores only when all its passages are linked (as both aligners' scores do)."""
    if (i1 - i0 > 1 or j1 - j0 > 1) and not all(
        linked[i][j] for i in range(i0, i1) for j in range(j0, j1)
    ):
        return 0.0
    return table[i0, i1, j0, j1]


def test_the_alignment_table_keeps_every_tie_of_the_textbook_table() -> None:
    """Invented score tables with many equal scores (coarse values), scored with and without
    the links and one-to-one scores given beforehand."""
    rng = random.Random(3)
    for _ in range(400):
        n, m = rng.randint(0, 8), rng.randint(0, 8)
        linked = [[rng.random() < 0.5 for _ in range(m)] for _ in range(n)]
        steps = rng.choice([2, 4, 10])
        table = {
            (i0, i1, j0, j1): rng.randint(0, steps) / steps
            for i0 in range(n)
            for i1 in range(i0 + 1, min(n, i0 + 3) + 1)
            for j0 in range(m)
            for j1 in range(j0 + 1, min(m, j0 + 3) + 1)
        }

        score = partial(_table_score, linked, table)
        single = [[score(i, i + 1, j, j + 1) for j in range(m)] for i in range(n)]
        min_score = rng.choice([0.2, 0.3])
        expected = _plain_align(n, m, score, min_score)
        for given in ({}, {"linked": linked, "single": single}):
            found = align(n, m, score, min_score, **given)  # type: ignore[arg-type]
            assert found.pairs == expected
            used = {k for p in expected for k in range(p[0], p[1])}
            assert found.omitted == [k for k in range(n) if k not in used]


def test_band_keys_are_the_same_from_the_cache(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    for _ in range(3):
        sig = rng.integers(0, 2**32, size=index.NUM_PERM, dtype=np.uint32)
        first = index.band_keys(sig)
        again = index.band_keys(sig.astype(np.uint32).copy())
        assert first == again and len(first) == index.BANDS
        assert index.band_keys(sig, b"anch") != first
        assert isinstance(first, list) and all(isinstance(k, int) for k in first)


# Invented one-paragraph briefs (short texts: their 3-grams are counted in link_shingle_df).
BRIEFS = (
    "Gunmen attacked a market in Lakeside town on Monday, killing four traders, police said.",
    "Gunmen attacked a market in Lakeside town on Monday, killing five traders, a medic said.",
    "Soldiers clashed with fighters near Hilltop village on Tuesday; two soldiers died.",
)


def _index_store(tmp_path: Path, name: str, batched: bool) -> dict[str, list[tuple[object, ...]]]:
    """Index three briefs, then a new text of one of them, in two chunks."""
    conn = db.connect(tmp_path / f"{name}.db")
    for n, text in enumerate(BRIEFS):
        add_article(conn, f"b{n}", text, "en", published=DAY)
    second = BRIEFS[1].replace("five traders", "six traders and a driver")
    for chunk in ({f"b{n}": text for n, text in enumerate(BRIEFS)}, {"b1": second}):
        counts: Counter[int] | None = Counter() if batched else None
        with db.transaction(conn):
            for aid, text in chunk.items():
                row = dict(db.load_article(conn, aid))
                row["raw_text"] = text
                index.store_index(conn, index.build_index(row), row["processed_at"], counts)
            if counts is not None:
                index.count_shingles(conn, counts)
    tables = ("link_index", "link_shingle_df", "link_bands", "link_anchors", "link_anchor_df")
    return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in tables}


def test_a_chunk_counts_its_short_text_3grams_once_as_each_article_did(tmp_path: Path) -> None:
    one_by_one = _index_store(tmp_path, "each", batched=False)
    assert _index_store(tmp_path, "chunk", batched=True) == one_by_one
    # The re-indexed brief's old 3-grams were taken off ("five traders a" is no text's now);
    # the first two briefs still share their opening.
    counts = [n for _, n in one_by_one["link_shingle_df"]]
    assert min(counts) == 0 and max(counts) == 2
