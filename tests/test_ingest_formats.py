"""Reading .txt, .html, .jsonl(.gz), folders, explicit files and stdin (invented data only)."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from wartrace.ingest import common as ingest_common
from wartrace.ingest import read_inputs
from wartrace.models import ArticleInput, IngestError

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
STORY = "Invented report: shelling hit the made-up town of Kerrow on Monday, a medic said.\n"


def split(items: list[ArticleInput | IngestError]) -> tuple[list[ArticleInput], list[IngestError]]:
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert len(good) + len(bad) == len(items)
    return good, bad


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


# --- .txt ---------------------------------------------------------------------------


def test_txt_file_id_is_stem_and_text_is_exact(tmp_path: Path) -> None:
    text = "\ufeffHeadline line\r\n\r\n  Body with <script>x</script> kept.  \n"
    path = tmp_path / "report-17.txt"
    path.write_bytes(text.encode("utf-8"))
    [article] = list(read_inputs([path]))
    assert isinstance(article, ArticleInput)
    assert article.article_id == "report-17"
    assert article.text == text.removeprefix("\ufeff")
    assert article.source == str(path)
    assert article.source_format == "txt"
    assert (article.url, article.outlet, article.published, article.title) == (None,) * 4


def test_txt_bad_inputs_are_errors_and_others_kept(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"  \n ")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    (tmp_path / "c_good.txt").write_text(STORY, encoding="utf-8")
    good, bad = split(list(read_inputs([tmp_path])))
    assert [a.article_id for a in good] == ["c_good"]
    assert [(Path(e.source).name, e.message) for e in bad] == [
        ("a_empty.txt", "empty"),
        ("b_binary.txt", "binary file (contains NUL bytes)"),
    ]


def test_size_cap_is_an_error_not_a_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_common, "MAX_ARTICLE_BYTES", 100)
    (tmp_path / "big.txt").write_text("x" * 101)
    (tmp_path / "small.txt").write_text("x" * 99)
    (tmp_path / "lines.jsonl").write_text(line(id="long", text="y" * 120) + line(id="ok", text="z"))
    good, bad = split(list(read_inputs([tmp_path])))
    assert [a.article_id for a in good] == ["ok", "small"]
    assert [(Path(e.source).name, e.location) for e in bad] == [
        ("big.txt", None),
        ("lines.jsonl", "line 1"),
    ]
    assert "too large" in bad[0].message and "longer than 100 bytes" in bad[1].message


# --- .html --------------------------------------------------------------------------


def test_html_page_main_text_and_metadata() -> None:
    [article] = list(read_inputs([FIXTURES / "invented_page.html"]))
    assert isinstance(article, ArticleInput)
    assert article.article_id == "invented_page"
    assert article.source_format == "html"
    assert article.title == "Militia ambush convoy near Velmora, four soldiers dead"
    assert article.url == "https://harbour-ledger.example/world/2019/07/militia-ambush-velmora"
    assert article.outlet == "The Harbour Ledger"
    assert article.published == "2019-07-14"
    assert article.text.startswith("VELMORA, July 14 — Fighters of an invented militia")
    assert "café owners" in article.text  # windows-1252 declared in <meta> and honoured
    assert article.title not in article.text  # the headline is not repeated in the text
    for boilerplate in (
        "Subscribe now",
        "Most read",
        "Share this article",
        "Leave a comment",
        "All rights reserved",
        "Privacy policy",
        "Ferry timetable",
    ):
        assert boilerplate not in article.text


def test_html_without_main_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "b.htm").write_text(
        "<html><body><article><p>" + STORY * 3 + "</p></article></body></html>"
    )
    good, bad = split(list(read_inputs([tmp_path])))
    assert [a.article_id for a in good] == ["b"]
    assert good[0].source_format == "html"
    assert bad[0].source.endswith("a.html")
    assert "no main text" in bad[0].message


# --- .jsonl / .jsonl.gz -------------------------------------------------------------


def jsonl_lines() -> str:
    return (
        line(
            id="j1",
            url="https://a.example/1",
            outlet="A Wire",
            published="2020-01-02T03:04:05Z",
            title="First",
            text=STORY,
        )
        + "{not json\n"
        + "[1, 2]\n"
        + line(id="j4", text="")
        + line(id="j5")
        + "\n"
        + line(text="No id: the store will hash me.\n", published="not a date", outlet=7)
        + line(id=8, text=42)
        + line(id=9, text="Numbers are fine as ids.")
    )


def check_jsonl(items: list[ArticleInput | IngestError], source: str) -> None:
    good, bad = split(items)
    assert [a.article_id for a in good] == ["j1", None, "9"]
    first = good[0]
    assert (first.url, first.outlet, first.published, first.title, first.text) == (
        "https://a.example/1",
        "A Wire",
        "2020-01-02",
        "First",
        STORY,
    )
    assert good[1].published is None and good[1].outlet == "7"
    assert all(a.source_format == "jsonl" and a.source == source for a in good)
    assert [(e.source, e.location) for e in bad] == [
        (source, "line 2"),
        (source, "line 3"),
        (source, "line 4"),
        (source, "line 5"),
        (source, "line 8"),
    ]
    messages = [e.message for e in bad]
    assert messages[0].startswith("malformed JSON")
    assert messages[1] == "not a JSON object but list"
    assert messages[2] == "empty 'text'"
    assert messages[3] == "missing 'text'"
    assert messages[4] == "'text' is int, not a string"


def test_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(jsonl_lines(), encoding="utf-8")
    check_jsonl(list(read_inputs([path])), str(path))


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    body = line(id="w1", text="Line one.\r\nLine two.") + line(id="w2", text=STORY)
    path.write_bytes(b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8"))
    items = list(read_inputs([path]))
    assert [(i.article_id, i.text) for i in items if isinstance(i, ArticleInput)] == [
        ("w1", "Line one.\r\nLine two."),
        ("w2", STORY),
    ]
    assert len(items) == 2


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_lines().encode("utf-8")))
    check_jsonl(list(read_inputs([path])), str(path))


def test_truncated_jsonl_gz_keeps_earlier_lines(tmp_path: Path) -> None:
    body = "".join(line(id=f"t{i}", text=f"{STORY} Copy {i}.") for i in range(400))
    data = gzip.compress(body.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    good, bad = split(list(read_inputs([path])))
    assert 0 < len(good) < 400
    assert [a.article_id for a in good] == [f"t{i}" for i in range(len(good))]
    assert len(bad) >= 1
    assert bad[-1].source == str(path) and "truncated" in bad[-1].message
    assert bad[-1].location and bad[-1].location.startswith("line ")


def test_not_gzip_with_gz_name_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text(line(id="p", text=STORY))
    [article] = list(read_inputs([path]))
    assert isinstance(article, ArticleInput) and article.article_id == "p"


def test_corrupt_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b" + b"\xff" * 64)
    [error] = list(read_inputs([path]))
    assert isinstance(error, IngestError) and error.source == str(path)


# --- folders, explicit files, missing paths -----------------------------------------


def test_folders_recursive_sorted_skipping_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/2.txt", "b/1.txt", "a/z/3.txt", "a/4.txt", "5.txt", ".hidden/6.txt"):
        (tmp_path / rel).write_text(f"{STORY} ({rel})")
    (tmp_path / "a" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "a" / "notes.md").write_text("not an article")
    items = list(read_inputs([tmp_path]))
    assert all(isinstance(i, ArticleInput) for i in items)
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == [
        "5.txt",
        "a/4.txt",
        "a/z/3.txt",
        "b/1.txt",
        "b/2.txt",
    ]
    assert items == list(read_inputs([tmp_path]))  # deterministic


def test_explicit_unknown_extension(tmp_path: Path) -> None:
    text_file = tmp_path / "note.md"
    text_file.write_text(STORY)
    binary_file = tmp_path / "photo.png"
    binary_file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    items = list(read_inputs([text_file, binary_file, missing, str(text_file)]))
    good, bad = split(items)
    assert [(a.article_id, a.text) for a in good] == [("note", STORY), ("note", STORY)]
    assert [(e.source, e.message.split(" (")[0]) for e in bad] == [
        (str(binary_file), "binary file"),
        (str(missing), "no such file or directory"),
    ]


def test_empty_path_list() -> None:
    assert list(read_inputs([])) == []


# --- stdin --------------------------------------------------------------------------


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, STORY.encode("utf-8"))
    [article] = list(read_inputs(["-"]))
    assert isinstance(article, ArticleInput)
    assert (article.article_id, article.text, article.source, article.source_format) == (
        None,
        STORY,
        "<stdin>",
        "txt",
    )


def test_stdin_jsonl_and_gzip_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    body = (jsonl_lines()).encode("utf-8")
    feed_stdin(monkeypatch, body)
    check_jsonl(list(read_inputs(["-"])), "<stdin>")
    feed_stdin(monkeypatch, gzip.compress(body))
    check_jsonl(list(read_inputs(["-"])), "<stdin>")


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, (FIXTURES / "invented_page.html").read_bytes())
    [article] = list(read_inputs(["-"]))
    assert isinstance(article, ArticleInput)
    assert article.source_format == "html" and article.article_id is None
    assert article.outlet == "The Harbour Ledger"


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03" * 10])
def test_stdin_bad_input_is_an_error(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    feed_stdin(monkeypatch, data)
    [error] = list(read_inputs(["-"]))
    assert isinstance(error, IngestError) and error.source == "<stdin>"
