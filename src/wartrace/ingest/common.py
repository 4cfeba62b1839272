"""Small pieces shared by the ingest readers: limits, rejections, metadata clean-up."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import BinaryIO

# One article (a .txt, an HTML page, a JSONL line, a WARC record) larger than this is
# rejected before it is read whole, so a stray video or database dump cannot exhaust memory.
# Read through ``size_limit()`` so that setting this module attribute takes effect.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024


def size_limit() -> int:
    return MAX_ARTICLE_BYTES


class InputRejected(Exception):
    """Raised inside a reader for one bad input; turned into an ``IngestError``."""

    def __init__(self, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location


def read_capped(stream: BinaryIO, limit: int | None = None) -> bytes:
    """Read a whole stream, refusing (without reading on) anything above the size limit."""
    limit = size_limit() if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputRejected(f"too large: more than {limit} bytes")
    return data


def normalise_date(value: object) -> str | None:
    """An ISO date or datetime as ``YYYY-MM-DD``; anything else is None.

    The date is taken as written (no time-zone conversion): a page stamped
    ``2021-03-04T23:30+07:00`` was published on the 4th where it was written.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def meta_str(value: object) -> str | None:
    """A metadata field as a non-empty string, or None (numbers are accepted as ids)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def url_id(url: str) -> str:
    """A short stable article id for a page known only by its URL."""
    return "url-" + hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:16]
