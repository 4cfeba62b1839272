"""WARC files (plain or gzipped per record, as Common Crawl's CC-NEWS): HTML responses.

fastwarc stops silently when a file ends inside a record header, and reads a
truncated last record as if it were whole. To notice, the input is followed by a
sentinel record of our own: a file is complete only if fastwarc meets that
sentinel exactly where the real input ended. A record whose body ran into the
sentinel (or stops short) is reported as truncated, never ingested.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from wartrace.ingest.common import InputRejected, normalise_date, size_limit, url_id
from wartrace.ingest.html import decode_html_guessing, html_article
from wartrace.models import ArticleInput, IngestError

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_SENTINEL_ID = "<urn:wartrace:end-of-input>"
_SENTINEL = (
    "WARC/1.0\r\nWARC-Type: metadata\r\n"
    f"WARC-Record-ID: {_SENTINEL_ID}\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
).encode("ascii")


class _EndMarked(io.RawIOBase):
    """A stream followed by the sentinel record; failures of the inner stream end it early.

    fastwarc asks a Python stream for ``tell``/``seek`` even when only reading forward,
    so both report the position and never move (stdin cannot seek).
    """

    def __init__(self, inner: BinaryIO) -> None:
        self._read = getattr(inner, "read1", inner.read)
        self._rest: bytes | None = None
        self.total = 0  # bytes of real input delivered
        self.error: Exception | None = None  # why the inner stream ended early

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self.total + (len(_SENTINEL) - len(self._rest) if self._rest is not None else 0)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.tell()

    @property
    def ended(self) -> bool:
        return self._rest is not None

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._rest is None:
            try:
                # read1: a gzip stream hands over what it decompressed before failing.
                data = self._read(len(buffer))
            except (EOFError, OSError, zlib.error) as exc:
                data, self.error = b"", exc
            if data:
                self.total += len(data)
                buffer[: len(data)] = data
                return len(data)
            self._rest = _SENTINEL
        size = min(len(buffer), len(self._rest))
        buffer[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size


def _ran_into_sentinel(body: bytes) -> bool:
    tail = body[-len(_SENTINEL) :]
    return any(tail.endswith(_SENTINEL[:size]) for size in range(1, len(_SENTINEL) + 1))


def _decode_payload(body: bytes, record: WarcRecord) -> bytes:
    """Undo HTTP transfer and content encodings the archive kept (CC-NEWS keeps none)."""
    headers = record.http_headers
    if headers is None:
        return body
    transfer = (headers.get("Transfer-Encoding") or "").strip().lower()
    if transfer == "chunked":
        body = ChunkedReader(io.BytesIO(body)).read()
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity"):
        return body
    try:
        if encoding in ("gzip", "x-gzip"):
            return GzipReader(io.BytesIO(body)).read()
        if encoding == "deflate":
            return GzipReader(io.BytesIO(body), zlib=True).read()
        if encoding == "br":
            return BrotliReader(io.BytesIO(body)).read()
    except OSError as exc:
        raise InputRejected(f"cannot undo content encoding {encoding}: {exc}") from None
    raise InputRejected(f"unsupported content encoding {encoding!r}")


def _is_html(record: WarcRecord, body: bytes) -> bool:
    headers = record.http_headers
    code = headers.status_code if headers is not None else None
    if code is None or not 200 <= code < 300:
        return False  # redirects and error pages are not articles
    kind = record.http_content_type
    if kind:
        return kind.strip().lower() in _HTML_TYPES
    return body.lstrip()[:1] == b"<"


def _record_article(record: WarcRecord, body: bytes, source: str) -> ArticleInput:
    uri = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>") or None
    page = decode_html_guessing(_decode_payload(body, record), record.http_charset)
    article = html_article(
        page,
        source=source,
        source_format="warc",
        article_id=url_id(uri) if uri else None,
        url=uri,
        published=normalise_date(record.headers.get("WARC-Date")),
    )
    # The crawled URI is what was fetched; a canonical link may point elsewhere.
    return replace(article, url=uri) if uri else article


def read_warc(stream: BinaryIO, source: str) -> Iterator[ArticleInput | IngestError]:
    """Every HTML response in an (uncompressed) WARC stream; see the module notes."""
    marked = _EndMarked(stream)
    number = 0  # records of the real input seen so far
    complete = False
    records = ArchiveIterator(
        marked,
        record_types=WarcRecordType.any_type,
        parse_http=True,
        stream_detect=False,
    )
    try:
        for record in records:
            if record.headers.get("WARC-Record-ID") == _SENTINEL_ID:
                complete = record.stream_pos == marked.total
                break
            number += 1
            where = f"record {number}"
            if record.record_type != WarcRecordType.response or not record.is_http:
                continue
            expected = record.content_length
            if expected > size_limit():
                yield IngestError(source, f"record too large ({expected} bytes), skipped", where)
                continue
            body = record.reader.read()
            if len(body) < expected or (marked.ended and _ran_into_sentinel(body)):
                yield IngestError(source, _truncated("the input ends inside it", marked), where)
                return
            if not _is_html(record, body):
                continue
            try:
                yield _record_article(record, body, source)
            except InputRejected as exc:
                yield IngestError(source, exc.message, where)
    except OSError as exc:
        where = f"record {number + 1}"
        if marked.error is not None:
            yield IngestError(source, _truncated("reading stopped", marked), where)
        else:
            yield IngestError(source, f"broken record, reading stopped: {exc}", where)
        return
    where = f"record {number + 1}"
    if marked.error is not None:
        # Every record delivered was whole: the cut lies in the compressed end of the last
        # one (its gzip trailer) or before the next one yielded a byte. Name the last one.
        detail = f"the compressed data is cut after record {number} was read whole"
        yield IngestError(source, _truncated(detail, marked), f"record {max(number, 1)}")
    elif not complete:
        yield IngestError(source, "truncated or malformed record at the end of the input", where)
    elif number == 0 and marked.total == 0:
        yield IngestError(source, "empty: no records in this file")


def _truncated(detail: str, marked: _EndMarked) -> str:
    cause = f" ({marked.error})" if marked.error is not None else ""
    return f"truncated input{cause}: {detail}"
