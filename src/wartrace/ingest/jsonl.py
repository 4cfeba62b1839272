"""JSON Lines: one article per line, ``{id, url, outlet, published, title, text}``."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from wartrace.ingest.common import InputRejected, meta_str, normalise_date, size_limit
from wartrace.ingest.decode import decode_text
from wartrace.models import ArticleInput, IngestError

_SKIP_CHUNK = 1 << 20


def iter_lines(stream: BinaryIO, limit: int | None = None) -> Iterator[tuple[int, bytes]]:
    """Numbered raw lines, streaming; a line above ``limit`` bytes comes back as ``b""``
    after being skipped in chunks (never held in memory whole)."""
    limit = size_limit() if limit is None else limit
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
                pass
            yield number, b""
            continue
        yield number, raw


def parse_object(raw: bytes, first: bool) -> dict[str, Any]:
    """One line as a JSON object; raises ``InputRejected`` with the reason."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = decode_text(raw)  # JSON should be UTF-8; accept a legacy file rather than drop it
    if first:
        line = line.removeprefix("\ufeff")
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputRejected(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputRejected("malformed JSON: nested too deeply") from None
    if not isinstance(value, dict):
        raise InputRejected(f"not a JSON object but {type(value).__name__}")
    return value


def article_from_object(obj: dict[str, Any], source: str) -> ArticleInput:
    text = obj.get("text")
    if text is None:
        raise InputRejected("missing 'text'")
    if not isinstance(text, str):
        raise InputRejected(f"'text' is {type(text).__name__}, not a string")
    if not text.strip():
        raise InputRejected("empty 'text'")
    for name in ("text", "id", "url", "outlet", "title"):
        value = obj.get(name)
        if isinstance(value, str) and not _encodable(value):
            raise InputRejected(f"invalid Unicode in '{name}': a lone surrogate escape")
    return ArticleInput(
        article_id=meta_str(obj.get("id")),
        text=text,
        source=source,
        source_format="jsonl",
        url=meta_str(obj.get("url")),
        outlet=meta_str(obj.get("outlet")),
        published=normalise_date(obj.get("published")),
        title=meta_str(obj.get("title")),
    )


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_jsonl(stream: BinaryIO, source: str) -> Iterator[ArticleInput | IngestError]:
    """Every article in a JSONL stream; one error per bad line, the rest kept."""
    number = 0
    found = False
    try:
        for number, raw in iter_lines(stream):
            found = found or bool(raw.strip())
            if not raw:
                yield IngestError(source, f"line longer than {size_limit()} bytes", _at(number))
                continue
            if not raw.strip():
                continue
            try:
                yield article_from_object(parse_object(raw, number == 1), source)
            except InputRejected as exc:
                yield IngestError(source, exc.message, _at(number))
    except (EOFError, OSError, zlib.error) as exc:
        yield IngestError(
            source, f"truncated or corrupt file, reading stopped: {exc}", _at(number + 1)
        )
        return
    if not found:
        yield IngestError(source, "empty: no lines in this file")


def _at(number: int) -> str:
    return f"line {number}"
