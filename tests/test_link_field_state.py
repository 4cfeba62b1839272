"""An event's fields kept up to date as reports join (``refresh.FieldState``) are the fields
picked from all its members at once (``refresh._fields``). Every row here is INVENTED."""

from __future__ import annotations

import random
from pathlib import Path

from wartrace.link.refresh import FieldState, Member, _fields, _update_event
from wartrace.store import db


def _member(rng: random.Random, n: int) -> Member:
    """An invented report row, its values drawn from small pools so that values, support,
    dates and articles tie often."""

    def pick(*values: object) -> object:
        return rng.choice(values)

    row = {
        "article_id": pick("a1", "a2", "a3", "b1"),
        "seq": n,
        "article_date": pick(None, "2031-04-02", "2031-04-03"),
        "event_date": pick(None, "2031-04-01", "2031-04-02"),
        "time_precision": pick(None, 1, 2),
        "country": pick(None, "XA"),
        "admin1": pick(None, "North", "South"),
        "admin2": pick(None, "Upper"),
        "location": pick(None, "Lakeside", "Hilltop"),
        "latitude": pick(None, 1.5, 2.25),
        "longitude": pick(None, 30.0),
        "geo_precision": pick(None, 1, 2, 3),
        "event_type": pick(None, "Battles", "Riots"),
        "sub_event_type": pick(None, "Armed clash", "Mob violence"),
        "actor1": pick(None, "Red Hand Militia", "Army of Xland"),
        "actor2": pick(None, "Civilians (Xland)"),
        "inter1": pick(None, 1, 3),
        "inter2": pick(None, 7),
    }
    return Member(row, pick("f1", "f2", "f3"), rng.random() < 0.7)  # type: ignore[arg-type]


def test_kept_fields_are_the_fields_picked_from_all_members_whatever_the_join_order() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        members = [_member(rng, n) for n in range(rng.randint(1, 7))]
        # The store reads members by (article, seq); reports join in any order.
        members.sort(key=lambda m: (m.row["article_id"], m.row["seq"]))
        expected, _ = _fields(members)
        joined = members[:]
        rng.shuffle(joined)
        state = FieldState(joined[:1])
        for m in joined[1:]:
            state.add(m)
        assert state.values() == expected
        assert FieldState(members).values() == expected


def test_a_member_without_any_field_of_a_block_gives_it_no_value() -> None:
    rng = random.Random(3)
    member = _member(rng, 0)
    for f in ("event_date", "time_precision"):
        member.row[f] = None  # type: ignore[index]
    assert FieldState([member]).values()["event_date"] is None


def test_an_event_update_sets_only_the_columns_whose_value_changed(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "store.db")
    conn.execute(
        "INSERT INTO events (event_id, updated_at, event_date, location, fatalities)"
        " VALUES ('ev1', '2031-01-01', '2031-04-02', 'Lakeside', 3)"
    )
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    _update_event(
        conn,
        "ev1",
        {"event_date": "2031-04-02", "location": "Lakeside", "fatalities": 4},
        {"updated_at": "2031-01-02"},
    )
    _update_event(conn, "ev1", {"event_date": "2031-04-02", "location": "Lakeside"})
    conn.set_trace_callback(None)
    updates = [s for s in seen if s.startswith("UPDATE events")]
    # The searched place column is not set again (no full-text rewrite); nothing for the second.
    assert len(updates) == 1
    assert "location" not in updates[0] and "fatalities" in updates[0]
    row = conn.execute(
        "SELECT fatalities, updated_at FROM events WHERE event_id = 'ev1'"
    ).fetchone()
    assert tuple(row) == (4, "2031-01-02")
