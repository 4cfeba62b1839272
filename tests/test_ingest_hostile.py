"""One bad entry is one rejected input with its reason; the rest of the batch is kept.

Covers: the same id twice in one run (later entry wins), lone surrogates in JSONL,
non-UTF-8 file and folder names, symlink loops and symlinked folders, unreadable
folders, empty JSONL/WARC files, and rejects not piling up on reruns. All texts invented.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from wartrace import pipeline
from wartrace.ingest import read_inputs
from wartrace.ingest import sources as ingest_sources
from wartrace.models import ArticleInput, IngestError
from wartrace.store import db

# invented
TEXT_A = "Invented: militiamen attacked a checkpoint near the village of Oumbra on Monday.\n"
TEXT_B = "Invented: soldiers shelled the market of Kelvane on Tuesday, killing two.\n"
TEXT_C = "Invented: protesters marched through the town of Sarrel on Wednesday.\n"


def _errors(items: list[ArticleInput | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def _articles(items: list[ArticleInput | IngestError]) -> list[ArticleInput]:
    return [i for i in items if isinstance(i, ArticleInput)]


def _fts_ok(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_same_stem_in_two_folders_keeps_the_later_file_and_reports_the_earlier(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "b" / "y.txt").write_text(TEXT_C, encoding="utf-8")
    conn = db.connect(tmp_path / "w.db")
    result = pipeline.ingest(conn, [tmp_path / "a", tmp_path / "b"])
    assert result.counts.added == 2
    [dup] = result.errors
    assert dup.source.endswith("a/x.txt") and "given again later" in dup.message
    assert db.load_article(conn, "x")["raw_text"] == TEXT_B
    _fts_ok(conn)
    # Rerunning changes nothing and stays consistent.
    again = pipeline.ingest(conn, [tmp_path / "a", tmp_path / "b"])
    assert again.counts.added == 0 and again.counts.replaced == 0
    _fts_ok(conn)


def test_jsonl_with_a_duplicate_id_keeps_the_rest_of_the_batch(tmp_path: Path) -> None:
    lines = [{"id": f"n{i}", "text": f"{TEXT_A} Item {i}."} for i in range(50)]
    lines.insert(10, {"id": "n3", "text": TEXT_B})  # n3 again, later than the first n3
    lines.append({"id": "n3", "text": TEXT_C})  # and again at the end: this one wins
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    conn = db.connect(tmp_path / "w.db")
    result = pipeline.ingest(conn, [path])
    assert result.counts.added == 50
    assert len(result.errors) == 2
    assert db.load_article(conn, "n3")["raw_text"] == TEXT_C
    _fts_ok(conn)
    hits = conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Sarrel'"
    ).fetchone()[0]
    assert hits == 1


def test_duplicates_across_ingest_batches_are_reported_and_replace_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "INGEST_BATCH", 3)
    lines = [{"id": f"n{i}", "text": f"{TEXT_A} Item {i}."} for i in range(5)]
    lines.append({"id": "n0", "text": TEXT_B})
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    conn = db.connect(tmp_path / "w.db")
    result = pipeline.ingest(conn, [path])
    assert len(result.errors) == 1
    assert db.load_article(conn, "n0")["raw_text"] == TEXT_B
    _fts_ok(conn)


def test_store_articles_alone_never_corrupts_the_index_on_a_repeated_id(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "w.db")
    items = [ArticleInput("z", TEXT_A, "s", "txt"), ArticleInput("z", TEXT_B, "s", "txt")]
    db.store_articles(conn, items)
    assert db.load_article(conn, "z")["raw_text"] == TEXT_B
    _fts_ok(conn)


def test_lone_surrogate_in_a_jsonl_line_rejects_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "ok1", "text": TEXT_A})
        + "\n"
        + '{"id": "bad", "text": "Invented \\ud800 text"}\n'
        + '{"id": "bad2", "title": "\\udfff", "text": "Invented title surrogate"}\n'
        + json.dumps({"id": "ok2", "text": TEXT_B})
        + "\n",
        encoding="utf-8",
    )
    conn = db.connect(tmp_path / "w.db")
    result = pipeline.ingest(conn, [path])
    assert result.counts.added == 2
    assert [e.location for e in result.errors] == ["line 2", "line 3"]
    assert all("invalid Unicode" in e.message for e in result.errors)


def test_non_utf8_file_and_folder_names_are_rejected_with_their_reason(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    os.mkdir(root + b"/d\xff")
    with open(root + b"/d\xff/in.txt", "w", encoding="utf-8") as f:
        f.write(TEXT_A)
    with open(root + b"/n\xe9.txt", "w", encoding="utf-8") as f:
        f.write(TEXT_B)
    (tmp_path / "good.txt").write_text(TEXT_C, encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [a.article_id for a in _articles(items)] == ["good"]
    errors = _errors(items)
    assert len(errors) == 2
    assert all("not valid UTF-8" in e.message for e in errors)
    assert {e.source.rsplit("/", 1)[1] for e in errors} == {"d\\xff", "n\\xe9.txt"}
    conn = db.connect(tmp_path / "w.db")
    result = pipeline.ingest(conn, [tmp_path])  # rejects are storable and printable
    assert result.counts.added == 1
    assert conn.execute("SELECT count(*) FROM rejects").fetchone()[0] == 2


def test_symlink_loop_and_symlinked_folder_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    (tmp_path / "up").symlink_to(tmp_path)  # a folder link that leads back up the tree
    items = list(read_inputs([tmp_path]))
    assert [a.article_id for a in _articles(items)] == ["a"]
    messages = {Path(e.source).name: e.message for e in _errors(items)}
    assert "symbolic links" in messages["loop1.txt"].lower()
    assert "symbolic link to a folder" in messages["up"]
    # Named on the command line, a loop says why it cannot be opened.
    [named] = list(read_inputs([tmp_path / "loop1.txt"]))
    assert isinstance(named, IngestError) and "symbolic links" in named.message.lower()


def test_an_unreadable_subfolder_is_one_error_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "open.txt").write_text(TEXT_B, encoding="utf-8")
    real = os.scandir

    def scandir(path: object) -> object:
        # Running as root ignores permissions, so refuse the way a locked folder would.
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_sources.os, "scandir", scandir)
    items = list(read_inputs([tmp_path]))
    assert [a.article_id for a in _articles(items)] == ["open"]
    [error] = _errors(items)
    assert error.source.endswith("locked") and "Permission denied" in error.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_subfolder_by_mode(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "open.txt").write_text(TEXT_B, encoding="utf-8")
    locked.chmod(0)
    try:
        items = list(read_inputs([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [a.article_id for a in _articles(items)] == ["open"]
    assert len(_errors(items)) == 1


def test_empty_jsonl_and_warc_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n\n")
    (tmp_path / "e.warc").write_bytes(b"")
    errors = _errors(list(read_inputs([tmp_path])))
    assert sorted(Path(e.source).name for e in errors) == ["blank.jsonl", "e.jsonl", "e.warc"]
    assert all(e.message.startswith("empty") for e in errors)


def test_rejects_do_not_pile_up_on_reruns(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text("not json\n", encoding="utf-8")
    conn = db.connect(tmp_path / "w.db")
    for _ in range(3):
        pipeline.ingest(conn, [tmp_path / "bad.jsonl"])
    assert conn.execute("SELECT count(*) FROM rejects").fetchone()[0] == 1
