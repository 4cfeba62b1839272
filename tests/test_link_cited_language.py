"""The language of an outlet a credit names, read from the store (link/orient.cited_language).
Texts are invented."""

from __future__ import annotations

from pathlib import Path

from test_link_support import add_article, connect
from wartrace.link import link_all
from wartrace.link.orient import OUTLET_SAMPLE, cited_language

TEXT = "Warga desa Sukamaju mengungsi setelah banjir pada Selasa, kata kepala desa. {n}"


def test_an_outlet_writes_in_the_language_of_its_linked_articles(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    for n in range(3):
        add_article(conn, f"k{n}", TEXT.format(n=n), "id", "2024-03-05", outlet="Harian Nusa")
    link_all(conn)
    assert cited_language(conn, "(Harian Nusa)") == "id"


def test_articles_saved_but_not_yet_linked_do_not_count(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "k0", TEXT.format(n=0), "id", "2024-03-05", outlet="Harian Nusa")
    assert cited_language(conn, "Harian Nusa") is None  # nothing linked yet
    link_all(conn)
    assert cited_language(conn, "Harian Nusa") == "id"


def test_a_few_articles_tell_the_language_however_many_the_outlet_has(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    for n in range(OUTLET_SAMPLE + 5):
        add_article(conn, f"k{n:03}", TEXT.format(n=n), "id", "2024-03-05", outlet="Harian Nusa")
    link_all(conn)
    read: list[str] = []
    conn.set_trace_callback(read.append)
    assert cited_language(conn, "Harian Nusa") == "id"
    conn.set_trace_callback(None)
    assert all("LIMIT" in sql for sql in read), read
