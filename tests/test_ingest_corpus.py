"""Corpus folders (articles.jsonl + articles/<id>.txt); gold/ is never read. Invented data."""

from __future__ import annotations

import builtins
import io
import json
import os
import pathlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wartrace.ingest import read_inputs
from wartrace.models import ArticleInput, IngestError

TEXT = "Invented: two herders were shot near the fictional well of Amsou on Tuesday.\n"


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    meta = [
        {
            "id": "c1",
            "url": "https://b.example/1",
            "outlet": "B Post",
            "published": "2018-05-06",
            "title": "Herders shot",
        },
        {"id": "c2", "url": None, "outlet": None, "published": None, "title": None},
        {"id": "c3-missing", "url": None},
        {"id": "../escape"},
        {"id": "c1"},
        {"url": "https://b.example/no-id"},
        {"id": "c4-binary"},
        {"id": "c5", "published": "2018-13-45T00:00:00"},
    ]
    lines = [json.dumps(m) for m in meta]
    lines.insert(3, "{broken")
    (corpus / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in ("c1", "c2", "c5", "unlisted"):
        (corpus / "articles" / f"{name}.txt").write_text(f"{TEXT}({name})", encoding="utf-8")
    (corpus / "articles" / "c4-binary.txt").write_bytes(b"\x00\xff" * 50)
    (corpus / "articles" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    gold = json.dumps({"id": "g1", "text": "GOLD MUST NOT BE READ", "events": ["e1"]})
    (corpus / "gold" / "articles.jsonl").write_text(gold + "\n")
    (corpus / "gold" / "notes.txt").write_text("GOLD MUST NOT BE READ")
    return corpus


def test_corpus_folder(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    items = list(read_inputs([corpus]))
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, IngestError)]
    assert [a.article_id for a in good] == ["c1", "c2", "c5", "unlisted"]
    c1 = good[0]
    assert (c1.url, c1.outlet, c1.published, c1.title) == (
        "https://b.example/1",
        "B Post",
        "2018-05-06",
        "Herders shot",
    )
    assert c1.text == TEXT + "(c1)"
    assert c1.source == str(corpus / "articles" / "c1.txt")
    assert all(a.source_format == "corpus" for a in good)
    assert good[2].published is None  # invalid date: dropped, not an error
    assert (good[3].url, good[3].text) == (None, TEXT + "(unlisted)")
    meta = str(corpus / "articles.jsonl")
    located = [(e.source, e.location) for e in bad]
    assert located == [
        (meta, "line 3"),  # c3-missing: no text file
        (meta, "line 4"),  # malformed JSON
        (meta, "line 5"),  # id escaping articles/
        (meta, "line 6"),  # duplicate id
        (meta, "line 7"),  # no id
        (str(corpus / "articles" / "c4-binary.txt"), None),
    ]
    assert "c3-missing.txt not found" in bad[0].message
    assert bad[1].message.startswith("malformed JSON")
    assert "duplicate id 'c1'" in bad[3].message
    assert bad[4].message == "missing 'id'"
    assert "binary" in bad[5].message and "line 8" in bad[5].message
    assert not any("GOLD" in a.text for a in good)


def test_corpus_inside_a_folder_is_recognised_and_gold_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_corpus(tmp_path / "inputs")
    (tmp_path / "inputs" / "aaa.txt").write_text(TEXT)
    touched: list[str] = []

    def spy(function: Any) -> Any:
        def wrapper(target: Any, *args: Any, **kwargs: Any) -> Any:
            touched.append(os.fspath(target) if not isinstance(target, int) else "")
            return function(target, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "open", spy(builtins.open))
    monkeypatch.setattr(io, "open", spy(io.open))
    monkeypatch.setattr(os, "scandir", spy(os.scandir))
    monkeypatch.setattr(os, "listdir", spy(os.listdir))
    original_iterdir = pathlib.Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        touched.append(str(self))
        return original_iterdir(self)

    monkeypatch.setattr(pathlib.Path, "iterdir", iterdir)
    items = list(read_inputs([tmp_path]))
    ids = [i.article_id for i in items if isinstance(i, ArticleInput)]
    assert ids == ["aaa", "c1", "c2", "c5", "unlisted"]  # name order: aaa.txt, corpus/
    assert any(t.endswith("c1.txt") for t in touched), "the spies saw no file access"
    assert not [t for t in touched if "gold" in Path(t).parts]


def test_paths_inside_gold_are_refused(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    items = list(read_inputs([corpus / "gold", corpus / "gold" / "articles.jsonl"]))
    assert all(isinstance(i, IngestError) and "gold" in i.message for i in items)
    assert len(items) == 2


def test_metadata_file_named_alone_reads_the_corpus(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    by_folder = list(read_inputs([corpus]))
    assert list(read_inputs([corpus / "articles.jsonl"])) == by_folder
