"""WARC input (plain and gzipped per record, as CC-NEWS), built in the tests. Invented pages."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from wartrace.ingest import read_inputs
from wartrace.ingest.common import url_id
from wartrace.models import ArticleInput, IngestError


def page(n: int, extra_head: str = "") -> bytes:
    return (
        f"<html><head><title>Invented story {n}</title>{extra_head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"<p>Invented story {n}: gunmen raided a checkpoint outside the made-up town of "
        "Tarsel late on Thursday, killing two guards, a regional official said.</p>"
        "<p>The official said reinforcements were sent and the road was closed overnight.</p>"
        "</article><footer>All rights reserved.</footer></body></html>"
    ).encode()


def record(
    uri: str,
    payload: bytes,
    *,
    warc_type: str = "response",
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    http: bool = True,
    date: str = "2022-03-09T10:11:12Z",
) -> bytes:
    if http:
        block = (
            f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        ).encode() + payload
        block_type = "application/http; msgtype=response"
    else:
        block, block_type = payload, content_type
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {block_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def cc_news_like() -> list[bytes]:
    """A warcinfo, a request, HTML responses, an image, a redirect and a no-text page."""
    dated = '<meta property="article:published_time" content="2022-03-08T21:00:00+01:00">'
    return [
        record(
            "",
            b"software: invented-crawler\r\n",
            warc_type="warcinfo",
            http=False,
            content_type="application/warc-fields",
        ),
        record("https://c.example/a", b"", warc_type="request"),
        record("https://c.example/a", page(1)),
        record(
            "https://c.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png"
        ),
        record("https://c.example/old", b"", status="301 Moved Permanently"),
        record("https://c.example/b", page(2, dated)),
        record("https://c.example/empty", b"<html><body><nav>Home</nav></body></html>"),
        record(
            "https://c.example/c",
            page(3).decode().replace("Tarsel", "Tärsel").encode("cp1252"),
            content_type="text/html; charset=windows-1252",
        ),
    ]


def check_cc_news(items: list[ArticleInput | IngestError], source: str) -> None:
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert [a.url for a in good] == [
        "https://c.example/a",
        "https://c.example/b",
        "https://c.example/c",
    ]
    assert [a.article_id for a in good] == [url_id(a.url or "") for a in good]
    assert [a.published for a in good] == ["2022-03-09", "2022-03-08", "2022-03-09"]
    assert [a.title for a in good] == [f"Invented story {n}" for n in (1, 2, 3)]
    assert all(a.source == source and a.source_format == "warc" for a in good)
    assert good[0].text.startswith("Invented story 1: gunmen raided a checkpoint")
    assert "Home" not in good[0].text and "All rights reserved" not in good[0].text
    assert "Tärsel" in good[2].text
    assert [(e.source, e.location) for e in bad] == [(source, "record 7")]
    assert "no main text" in bad[0].message


@pytest.mark.parametrize("compress", [False, True])
def test_warc_records(tmp_path: Path, compress: bool) -> None:
    records = cc_news_like()
    data = b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
    path = tmp_path / ("news.warc.gz" if compress else "news.warc")
    path.write_bytes(data)
    check_cc_news(list(read_inputs([path])), str(path))


def test_warc_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"".join(gzip.compress(r) for r in cc_news_like())
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    check_cc_news(list(read_inputs(["-"])), "<stdin>")


def three_pages() -> list[bytes]:
    return [record(f"https://d.example/{n}", page(n)) for n in (1, 2, 3)]


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("cut_from_end", [40, 200, 400])
def test_truncated_warc_keeps_earlier_records(
    tmp_path: Path, compress: bool, cut_from_end: int
) -> None:
    records = three_pages()
    data = b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-cut_from_end])
    items = list(read_inputs([path]))
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert [a.url for a in good] == ["https://d.example/1", "https://d.example/2"]
    assert good[1].text.startswith("Invented story 2:")
    assert [(e.source, e.location) for e in bad] == [(str(path), "record 3")]
    assert "truncated" in bad[0].message


def test_gzip_trailer_cut_keeps_whole_records_and_reports(tmp_path: Path) -> None:
    data = b"".join(gzip.compress(r) for r in three_pages())
    path = tmp_path / "trailer.warc.gz"
    path.write_bytes(data[:-5])  # only the last member's checksum and size are lost
    items = list(read_inputs([path]))
    assert [i.url for i in items if isinstance(i, ArticleInput)] == [
        f"https://d.example/{n}" for n in (1, 2, 3)
    ]
    [error] = [i for i in items if isinstance(i, IngestError)]
    # The broken gzip member is record 3's (its content was whole): it is the one named.
    assert error.location == "record 3" and "truncated" in error.message


def test_truncation_anywhere_never_yields_a_damaged_page(tmp_path: Path) -> None:
    records = three_pages()
    data = b"".join(records)
    whole = {a.text for a in read_inputs_bytes(tmp_path, data) if isinstance(a, ArticleInput)}
    assert len(whole) == 3
    ends = {sum(len(r) for r in records[:n]) for n in (1, 2, 3)}
    for cut in range(20, len(data), 19):
        items = read_inputs_bytes(tmp_path, data[:cut])
        good = [i for i in items if isinstance(i, ArticleInput)]
        assert {a.text for a in good} <= whole, cut
        # only a cut exactly between records (or in its final blank line) goes unreported
        if not any(end - 4 <= cut <= end for end in ends):
            assert any(isinstance(i, IngestError) for i in items), cut


def read_inputs_bytes(tmp_path: Path, data: bytes) -> list[ArticleInput | IngestError]:
    path = tmp_path / "probe.warc"
    path.write_bytes(data)
    return list(read_inputs([path]))


def test_broken_record_in_the_middle(tmp_path: Path) -> None:
    first, second, third = three_pages()
    path = tmp_path / "junk.warc"
    path.write_bytes(first + b"THIS IS NOT A WARC HEADER\r\n\r\n" + second + third)
    items = list(read_inputs([path, tmp_path / "junk.warc"]))
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert [a.url for a in good] == ["https://d.example/1"] * 2  # the next input still read
    assert [(e.location, "broken record" in e.message) for e in bad] == [("record 2", True)] * 2


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"\x00\x01 definitely not a WARC file \xff" * 20)
    [error] = list(read_inputs([path]))
    assert isinstance(error, IngestError) and error.location == "record 1"
