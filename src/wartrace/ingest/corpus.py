"""Corpus folders: ``articles.jsonl`` metadata plus ``articles/<id>.txt`` texts.

A corpus folder also holds ``gold/``, the annotations it is scored against; the
reader never opens it, and refuses paths inside it (see ``inside_gold``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from wartrace.ingest.common import InputRejected, meta_str, normalise_date, size_limit
from wartrace.ingest.jsonl import iter_lines, parse_object
from wartrace.ingest.text import read_text_file
from wartrace.models import ArticleInput, IngestError

METADATA = "articles.jsonl"
TEXTS = "articles"
GOLD = "gold"


def is_corpus(folder: Path) -> bool:
    return (folder / METADATA).is_file() and (folder / TEXTS).is_dir()


def inside_gold(path: Path) -> Path | None:
    """The corpus whose gold folder holds ``path`` (or is it), else None."""
    resolved = path.resolve()
    for folder in (resolved, *resolved.parents):
        if folder.name == GOLD and is_corpus(folder.parent):
            return folder.parent
    return None


def _checked_id(obj: dict[str, Any], listed: set[str]) -> str:
    article_id = meta_str(obj.get("id"))
    if article_id is None:
        raise InputRejected("missing 'id'")
    # The id names a file: nothing that could point outside articles/.
    if "/" in article_id or "\\" in article_id or article_id.startswith("."):
        raise InputRejected(f"id {article_id!r} cannot name a file in {TEXTS}/")
    if article_id in listed:
        raise InputRejected(f"duplicate id {article_id!r}")
    return article_id


def _listed_article(
    obj: dict[str, Any], article_id: str, texts: Path, where: str
) -> ArticleInput | IngestError:
    path = texts / f"{article_id}.txt"
    if not path.is_file():
        return IngestError(str(texts.parent / METADATA), f"{TEXTS}/{path.name} not found", where)
    try:
        article = read_text_file(path, source_format="corpus")
    except InputRejected as exc:
        return IngestError(str(path), f"{exc.message} (listed on {where} of {METADATA})")
    return replace(
        article,
        article_id=article_id,
        url=meta_str(obj.get("url")),
        outlet=meta_str(obj.get("outlet")),
        published=normalise_date(obj.get("published")),
        title=meta_str(obj.get("title")),
    )


def read_corpus(folder: Path) -> Iterator[ArticleInput | IngestError]:
    """Articles listed in the metadata (in its order), then unlisted texts by name."""
    source = str(folder / METADATA)
    texts = folder / TEXTS
    listed: set[str] = set()
    number = 0
    try:
        with (folder / METADATA).open("rb") as stream:
            for number, raw in iter_lines(stream):
                where = f"line {number}"
                if raw and not raw.strip():
                    continue
                try:
                    if not raw:
                        raise InputRejected(f"line longer than {size_limit()} bytes")
                    obj = parse_object(raw, number == 1)
                    article_id = _checked_id(obj, listed)
                except InputRejected as exc:
                    yield IngestError(source, exc.message, where)
                    continue
                listed.add(article_id)
                yield _listed_article(obj, article_id, texts, where)
    except OSError as exc:
        yield IngestError(source, f"cannot read metadata, stopped: {exc}", f"line {number + 1}")
    for path in sorted(texts.glob("*.txt")):
        if path.stem in listed or not path.is_file():
            continue
        try:
            yield read_text_file(path, source_format="corpus")
        except InputRejected as exc:
            yield IngestError(str(path), exc.message)
