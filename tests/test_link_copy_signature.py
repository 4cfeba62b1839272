"""Orientation of a copy that keeps its source's signature, and the order in which reports seed
events. Every text, outlet and figure here is INVENTED."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from test_link_derive import derived, meta
from test_link_events import event_of
from test_link_support import add_article, connect, event
from wartrace.link import link_all
from wartrace.link.events import materialise_events
from wartrace.link.orient import orient

# An invented Indonesian outlet's page whose scraped copy lost its dated lead paragraph.
SOURCE_PAGE_ID = "\n\n".join(
    [
        "Bom Truk Tewaskan 14 Orang di Pasar Kupang Lama",
        (
            "Distrik Oebobo, tempat ledakan itu terjadi, merupakan kawasan pertokoan, rumah"
            " makan dan kantor pemerintah daerah yang selalu ramai pada akhir pekan."
        ),
        (
            "Kepala polisi Kupang, Yohanes Rendeng, mengatakan truk itu sedang diikuti aparat"
            " keamanan sejak dari pelabuhan Tenau sebelum meledak di dekat pasar."
        ),
        "Selain 14 orang tewas, 23 orang terluka dan 9 kendaraan hancur akibat ledakan itu.",
        (
            "\u201cSaat itu pasar sedang ramai,\u201d kata Marthen Lakapu, seorang pedagang di"
            " dekat lokasi kejadian. \u201cItu sebuah bencana besar.\u201d"
        ),
    ]
)

# A blog platform's repost of the same story: its reposter pasted the full page, dateline
# and all, so it is the longer text, and it keeps the source's signature "KABARTIMUR.com".
BLOG_COPY_ID = "\n\n".join(
    [
        "Beranda Blog Pilihan",
        "Bom Truk Tewaskan 14 Orang di Pasar Kupang Lama",
        (
            "KUPANG, KABARTIMUR.com \u2013 Sedikitnya 14 orang tewas akibat bom truk yang"
            " meledak di Pasar Kupang Lama, Sabtu (14/10/2017) waktu setempat."
        ),
        *SOURCE_PAGE_ID.split("\n\n")[1:],
        "Rumahblog adalah platform blog. Konten ini menjadi tanggung jawab penulis.",
    ]
)


def test_a_text_naming_the_others_outlet_is_the_copy() -> None:
    # Same day, same provenance marks, and the copy is longer: only its text tells.
    copy = meta(
        "blog", day=10, length=1400, outlets=("rumahblog",), text="KUPANG, KABARTIMUR.com \u2013"
    )
    page = meta("page", day=10, length=900, outlets=("kabartimur.com",), text="Bom truk ...")
    assert orient(None, copy, page, "rewrite")[0].article_id == "page"  # type: ignore[arg-type]
    assert orient(None, page, copy, "rewrite")[0].article_id == "page"  # type: ignore[arg-type]


def test_a_wire_both_texts_name_does_not_orient() -> None:
    # Both carry the wire's name: that tells both were made from it, not which from which.
    a = meta("a", day=10, length=1400, outlets=("kabar", "wire agency"), text="(Wire Agency)")
    b = meta("b", day=10, length=900, outlets=("harian", "wire agency"), text="Wire Agency said")
    assert orient(None, a, b, "rewrite")[0].article_id == "a"  # type: ignore[arg-type]


def test_blog_repost_keeping_the_dateline_is_derived_from_the_outlet_page(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path)
    add_article(conn, "page", SOURCE_PAGE_ID, "id", published="2017-10-15", outlet="KabarTimur.com")
    add_article(conn, "blog", BLOG_COPY_ID, "id", published="2017-10-15", outlet="Rumahblog")
    link_all(conn)
    assert derived(conn, "blog")[0] == "page"
    assert derived(conn, "page") == (None, None)


TAL_HARIR = (35.36, 40.20)


def test_a_report_dated_by_its_text_seeds_the_event_before_a_guessed_date(
    tmp_path: Path,
) -> None:
    # "guess" prints no date: its report is dated from publication at week precision. It must
    # join the incident of its day, not seed an event that another day's incident then joins.
    conn = connect(tmp_path)
    guess = dataclasses.replace(event("2016-05-14", "Tal Harir", *TAL_HARIR), time_precision=2)
    add_article(conn, "guess", "Fighting near Tal Harir.", "en", "2016-05-15", events=[guess])
    add_article(
        conn,
        "daily",
        "A round-up of the week in Tal Harir.",
        "en",
        "2016-05-17",
        events=[
            event("2016-05-16", "Tal Harir", *TAL_HARIR),
            event("2016-05-14", "Tal Harir", *TAL_HARIR),
        ],
    )
    materialise_events(conn)
    rows = conn.execute(
        "SELECT event_id FROM reports WHERE article_id = 'daily' ORDER BY seq"
    ).fetchall()
    assert event_of(conn, "guess") == rows[1][0]  # the 14 May incident
    assert rows[0][0] != rows[1][0]
