"""`wartrace watch`: feeds and folders polled politely, new items processed once, alerts.

A local server on 127.0.0.1 serves invented feeds and pages (tests/watch_server.py).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wartrace.ingest.common import url_id
from wartrace.store import db
from wartrace.watch import USER_AGENT, Fetcher, FetchError, Watcher, parse_alert
from wartrace.watch.loop import backoff
from wartrace.web.filters import FilterError
from watch_server import Route, Site, page, rss, serve

# invented incidents
ATTACK = (
    "Gunmen attacked an army checkpoint near Kandara on Monday, killing {n} soldiers, "
    "a local official said. Residents said the attackers fled towards the hills."
)
PROTEST = (
    "Hundreds of students marched peacefully through Southport on Tuesday demanding lower "
    "fees, organisers said. The march ended without incident."
)
DAY1 = "Mon, 04 Mar 2024 08:00:00 GMT"
DAY2 = "Tue, 05 Mar 2024 08:00:00 GMT"


@pytest.fixture()
def site() -> Iterator[Site]:
    yield from serve()


@pytest.fixture()
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    c = db.connect(tmp_path / "w.db")
    yield c
    c.close()


def watcher(
    conn: sqlite3.Connection, sources: list[str], now: float = 1_000_000.0, **kw: object
) -> Watcher:
    fetcher = Fetcher(timeout=kw.pop("timeout", 5.0), host_delay=kw.pop("host_delay", 0.0))  # type: ignore[arg-type]
    return Watcher(conn, sources, fetcher, settle=0, clock=lambda: now, **kw)  # type: ignore[arg-type]


def two_item_feed(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", 200, "text/plain")
    site.routes["/feed.xml"] = Route(
        rss([("Attack", site.url("/a1.html"), DAY1), ("March", site.url("/a2.html"), DAY1)]),
        content_type="application/rss+xml",
        etag='"v1"',
    )
    site.routes["/a1.html"] = Route(page("Checkpoint attacked", ATTACK.format(n=5)), etag='"p1"')
    site.routes["/a2.html"] = Route(page("Students march", PROTEST), etag='"p2"')


def article_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT article_id FROM articles ORDER BY article_id")]


def test_feed_items_are_ingested_processed_and_resumed_without_refetching(
    site: Site, conn: sqlite3.Connection
) -> None:
    two_item_feed(site)
    feed = site.url("/feed.xml")
    first = watcher(conn, [feed]).run_pass()
    assert (first.counts.added, first.failed) == (2, [])
    assert first.processed is not None and first.processed.processed == 2
    assert article_ids(conn) == sorted([url_id(site.url("/a1.html")), url_id(site.url("/a2.html"))])
    assert db.counts(conn)["events"] >= 1

    # a new watcher (a restart) reads its state from the store: a conditional GET, no pages
    again = watcher(conn, [feed]).run_pass()
    assert again.counts.added == 0 and again.processed is None
    assert site.gets("/feed.xml")[-1].get("if-none-match") == '"v1"'
    assert len(site.gets("/a1.html")) == 1 and len(site.gets("/a2.html")) == 1


def test_a_changed_feed_brings_only_its_new_and_updated_items(
    site: Site, conn: sqlite3.Connection
) -> None:
    two_item_feed(site)
    feed = site.url("/feed.xml")
    watcher(conn, [feed]).run_pass()
    site.routes["/a3.html"] = Route(
        page("Second attack", ATTACK.format(n=3).replace("Kandara", "Thika"))
    )
    site.routes["/feed.xml"] = Route(
        rss(
            [
                ("Attack", site.url("/a1.html"), DAY2),  # updated entry, page unchanged (304)
                ("March", site.url("/a2.html"), DAY1),
                ("Second attack", site.url("/a3.html"), DAY2),
            ]
        ),
        content_type="application/rss+xml",
        etag='"v2"',
    )
    report = watcher(conn, [feed]).run_pass()
    assert (report.counts.added, report.counts.replaced) == (1, 0)
    assert site.gets("/a1.html")[-1].get("if-none-match") == '"p1"'
    assert len(site.gets("/a2.html")) == 1

    site.routes["/a1.html"] = Route(page("Checkpoint attacked", ATTACK.format(n=9)), etag='"p1b"')
    site.routes["/feed.xml"] = Route(
        rss([("Attack", site.url("/a1.html"), "Wed, 06 Mar 2024 08:00:00 GMT")]), etag='"v3"'
    )
    changed = watcher(conn, [feed]).run_pass()
    assert (changed.counts.added, changed.counts.replaced) == (0, 1)
    assert changed.processed is not None
    fatalities = conn.execute(
        "SELECT fatalities FROM reports WHERE article_id = ?", (url_id(site.url("/a1.html")),)
    ).fetchall()
    assert [r[0] for r in fatalities] == [9]


def test_a_feed_that_times_out_backs_off_while_the_others_go_on(
    site: Site, conn: sqlite3.Connection
) -> None:
    two_item_feed(site)
    site.routes["/slow.xml"] = Route(rss([]), delay=3.0)
    slow, good = site.url("/slow.xml"), site.url("/feed.xml")
    report = watcher(conn, [slow, good], timeout=0.5, interval=60).run_pass()
    assert report.counts.added == 2
    assert [(s, w) for s, _, w in report.failed] == [(slow, 60.0)]
    assert "timed out" in report.failed[0][1]

    # within the back-off the slow feed is not asked again; after it, it is
    asked = len(site.gets("/slow.xml"))
    waiting = watcher(conn, [slow, good], now=1_000_030.0, timeout=0.5, interval=60).run_pass()
    assert [s for s, _ in waiting.waiting] == [slow] and len(site.gets("/slow.xml")) == asked
    later = watcher(conn, [slow, good], now=1_000_061.0, timeout=0.5, interval=60).run_pass()
    assert [(s, w) for s, _, w in later.failed] == [(slow, 120.0)]  # doubled

    site.routes["/slow.xml"] = Route(rss([]), content_type="application/rss+xml")
    healed = watcher(conn, [slow, good], now=1_000_200.0).run_pass()
    assert healed.failed == [] and healed.waiting == []
    assert (
        conn.execute("SELECT failures FROM watch_sources WHERE source = ?", (slow,)).fetchone()[0]
        == 0
    )


def test_backoff_doubles_up_to_a_ceiling() -> None:
    assert [backoff(n, 300) for n in (1, 2, 3)] == [300, 600, 1200]
    assert backoff(30, 300) == 6 * 3600


def test_broken_xml_is_reported_as_a_failed_feed(site: Site, conn: sqlite3.Connection) -> None:
    two_item_feed(site)
    site.routes["/broken.xml"] = Route(
        b"<rss><channel><item><title>Half", content_type="application/rss+xml"
    )
    report = watcher(conn, [site.url("/broken.xml"), site.url("/feed.xml")]).run_pass()
    assert report.counts.added == 2
    assert len(report.failed) == 1 and "not a readable feed" in report.failed[0][1]


def test_a_redirected_page_is_followed_and_keeps_its_entry_id(
    site: Site, conn: sqlite3.Connection
) -> None:
    site.routes["/moved.xml"] = Route(rss([("Attack", site.url("/old/a1"), DAY1)]))
    site.routes["/old/a1"] = Route(status=301, location="/new/a1.html")
    site.routes["/new/a1.html"] = Route(page("Checkpoint attacked", ATTACK.format(n=4)))
    report = watcher(conn, [site.url("/moved.xml")]).run_pass()
    assert report.counts.added == 1
    row = conn.execute("SELECT article_id, url FROM articles").fetchone()
    assert tuple(row) == (url_id(site.url("/old/a1")), site.url("/new/a1.html"))


def test_robots_txt_is_honoured_and_the_user_agent_is_clear(
    site: Site, conn: sqlite3.Connection
) -> None:
    two_item_feed(site)
    site.routes["/feed.xml"] = Route(rss([("Secret", site.url("/private/a.html"), DAY1)]))
    site.routes["/private/a.html"] = Route(page("Hidden", ATTACK.format(n=2)))
    report = watcher(conn, [site.url("/feed.xml")]).run_pass()
    assert report.counts.added == 0
    assert "robots.txt disallows" in report.item_errors[0].message
    assert site.gets("/private/a.html") == []
    assert {h["user-agent"] for _, _, h, _ in site.requests} == {USER_AGENT}


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_requests_to_one_host_are_paced(site: Site) -> None:
    two_item_feed(site)
    clock = FakeClock()
    fetcher = Fetcher(timeout=5, host_delay=2.0, clock=clock, sleep=clock.sleep)
    for path in ("/a1.html", "/a2.html", "/a1.html"):
        fetcher.get(site.url(path))
    fetcher.close()
    # robots.txt first, then each page waits its turn behind the previous request
    assert [p for m, p, _, _ in site.requests] == [
        "/robots.txt",
        "/a1.html",
        "/a2.html",
        "/a1.html",
    ]
    assert clock.slept == [2.0, 2.0, 2.0]


def test_a_robots_txt_server_error_disallows_the_host(site: Site) -> None:
    site.routes["/robots.txt"] = Route(status=503)
    site.routes["/a.html"] = Route(page("x", ATTACK.format(n=1)))
    fetcher = Fetcher(timeout=5, host_delay=0)
    with pytest.raises(FetchError, match=r"robots\.txt disallows"):
        fetcher.get(site.url("/a.html"))
    fetcher.close()


def test_a_folder_brings_new_and_changed_files_once(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "KANDARA (Invented Wire) - " + ATTACK.format(n=5), encoding="utf-8"
    )
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not an article format: ignored
    first = watcher(conn, [str(folder)]).run_pass()
    assert first.counts.added == 1
    (folder / "sub" / "b.txt").write_text(
        "SOUTHPORT (Daily Invention) - " + PROTEST, encoding="utf-8"
    )
    second = watcher(conn, [str(folder)]).run_pass()
    assert (second.counts.added, second.counts.replaced) == (1, 0)
    (folder / "a.txt").write_text(
        "KANDARA (Invented Wire) - " + ATTACK.format(n=8), encoding="utf-8"
    )
    third = watcher(conn, [str(folder)]).run_pass()
    assert (third.counts.added, third.counts.replaced) == (0, 1)
    assert watcher(conn, [str(folder)]).run_pass().processed is None


def test_alerts_send_matching_events_once_and_again_when_they_change(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    out = tmp_path / "alerts.jsonl"
    (folder / "a.txt").write_text(
        "KANDARA (Invented Wire) - " + ATTACK.format(n=5), encoding="utf-8"
    )
    (folder / "b.txt").write_text("SOUTHPORT (Daily Invention) - " + PROTEST, encoding="utf-8")
    alert = parse_alert("fatalities=1", str(out))
    watcher(conn, [str(folder)], alert=alert).run_pass()
    sent = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["alert"], r["fatalities"]) for r in sent] == [("new", 5)]

    watcher(conn, [str(folder)], alert=alert).run_pass()
    assert len(out.read_text().splitlines()) == 1  # nothing changed, nothing sent

    (folder / "a.txt").write_text(
        "KANDARA (Invented Wire) - " + ATTACK.format(n=7), encoding="utf-8"
    )
    watcher(conn, [str(folder)], alert=alert).run_pass()
    last = json.loads(out.read_text().splitlines()[-1])
    assert (last["alert"], last["fatalities"], last["event_id"]) == (
        "updated",
        7,
        sent[0]["event_id"],
    )


def test_a_webhook_gets_the_events_and_a_failed_post_is_retried(
    site: Site, tmp_path: Path, conn: sqlite3.Connection
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "KANDARA (Invented Wire) - " + ATTACK.format(n=5), encoding="utf-8"
    )
    site.routes["/hook"] = Route(status=500)
    w = watcher(conn, [str(folder)], alert=parse_alert("event_type=Battles", site.url("/hook")))
    failed = w.run_pass()
    assert failed.alert_error and failed.alerted == 0
    site.routes["/hook"] = Route(status=204)
    retried = w.run_pass()
    assert retried.alerted == 1 and retried.alert_error is None
    events = json.loads(site.posts[-1])["events"]
    assert [(e["alert"], e["event_type"]) for e in events] == [("new", "Battles")]


def test_an_undelivered_alert_survives_a_restart_of_the_watch(site: Site, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "KANDARA (Invented Wire) - " + ATTACK.format(n=5), encoding="utf-8"
    )
    alert = parse_alert("event_type=Battles", site.url("/hook"))
    site.routes["/hook"] = Route(status=503)
    first = db.connect(tmp_path / "w.db")
    assert watcher(first, [str(folder)], alert=alert).run_pass().alert_error
    first.close()  # the watch stops before the webhook is back

    site.routes["/hook"] = Route(status=204)
    again = db.connect(tmp_path / "w.db")
    try:
        resumed = watcher(again, [str(folder)], alert=alert).run_pass()
        assert resumed.processed is None  # nothing new was read: the event comes from the store
        assert resumed.alerted == 1
        assert [e["alert"] for e in json.loads(site.posts[-1])["events"]] == ["new"]
        assert watcher(again, [str(folder)], alert=alert).run_pass().alerted == 0
    finally:
        again.close()


def test_alert_filters_use_the_dashboard_syntax_and_refuse_nonsense() -> None:
    alert = parse_alert("country=sy&event_type=Battles&fatalities=3")
    assert (alert.filters.country, alert.filters.event_type, alert.min_fatalities) == (
        "SY",
        "Battles",
        3,
    )
    for bad in ("since=yesterday", "fatalities=many", "colour=red"):
        with pytest.raises(FilterError):
            parse_alert(bad)


def test_watch_command_once_with_alerts_to_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    story = folder / "a.txt"
    story.write_text("KANDARA (Invented Wire) - " + ATTACK.format(n=5), encoding="utf-8")
    past = time.time() - 60
    os.utime(story, (past, past))  # settled: not being written any more
    out = tmp_path / "alerts.jsonl"
    env = {**os.environ, "WARTRACE_DB": str(tmp_path / "w.db")}
    cmd = [sys.executable, "-m", "wartrace", "watch", str(folder), "--once"]
    done = subprocess.run(
        [*cmd, "--alert", "fatalities=1", "--alert-to", str(out)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stderr
    assert [json.loads(line)["fatalities"] for line in out.read_text().splitlines()] == [5]
    bad = subprocess.run([*cmd, "--alert", "since=soon"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "since" in bad.stderr
