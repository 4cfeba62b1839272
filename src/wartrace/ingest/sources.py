"""Where inputs come from: named files, folders (recursively), a corpus, or stdin."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO, cast

from wartrace import limits
from wartrace.ingest.common import InputRejected, read_capped
from wartrace.ingest.corpus import METADATA, inside_gold, is_corpus, read_corpus
from wartrace.ingest.decode import decode_guessing, guess_warning
from wartrace.ingest.html import decode_html_guessing, html_article
from wartrace.ingest.jsonl import read_jsonl
from wartrace.ingest.text import read_bytes, read_text_file
from wartrace.ingest.warc import read_warc
from wartrace.models import ArticleInput, IngestError

Item = ArticleInput | IngestError
STDIN = "<stdin>"
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096
# Longest suffix first: "x.jsonl.gz" is JSONL, "x.warc.gz" is WARC.
_SUFFIXES = (
    (".jsonl.gz", "jsonl"),
    (".warc.gz", "warc"),
    (".jsonl", "jsonl"),
    (".warc", "warc"),
    (".txt", "txt"),
    (".html", "html"),
    (".htm", "html"),
)


def format_of(name: str) -> str | None:
    lower = name.lower()
    for suffix, fmt in _SUFFIXES:
        if lower.endswith(suffix):
            return fmt
    return None


def read_inputs(paths: Sequence[str | Path]) -> Iterator[Item]:
    """One ``ArticleInput`` per article found, one ``IngestError`` per rejected input.

    Never raises for bad input; folders are read recursively in name order;
    ``-`` reads stdin and sniffs its format.
    """
    for item in _read_paths(paths):
        if isinstance(item, ArticleInput) and (problem := unstorable(item)) is not None:
            yield IngestError(printable(item.source), problem)
        else:
            yield item


def printable(name: str) -> str:
    """A path as text that can be printed and stored: undecodable bytes shown escaped."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _bad_name(name: str) -> str | None:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "file or folder name is not valid UTF-8"
    return None


def unstorable(item: ArticleInput) -> str | None:
    """Why an article cannot be stored (a lone surrogate from JSON, an undecodable file
    name, a text beyond ``limits.MAX_TEXT_CHARS``), or None."""
    if len(item.text) > limits.MAX_TEXT_CHARS:
        return (
            f"text too long: {len(item.text)} characters (limit {limits.MAX_TEXT_CHARS});"
            " split it into articles"
        )
    for name in ("text", "article_id", "source", "url", "outlet", "title"):
        value = getattr(item, name)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"invalid Unicode in '{name}' (a lone surrogate or undecodable byte)"
    return None


def _read_paths(paths: Sequence[str | Path]) -> Iterator[Item]:
    for given in paths:
        if str(given) == "-":
            yield from _read_stdin()
            continue
        path = Path(given)
        try:
            path.stat()
        except FileNotFoundError:
            yield IngestError(printable(str(path)), "no such file or directory")
            continue
        except OSError as exc:  # a symlink loop, a permission
            yield IngestError(printable(str(path)), f"cannot open: {exc.strerror or exc}")
            continue
        if problem := _bad_name(str(path)):
            yield IngestError(printable(str(path)), problem)
            continue
        corpus = inside_gold(path)
        if corpus is not None:
            message = f"refusing to read the gold annotations of corpus {corpus}"
            yield IngestError(str(path), message)
        elif path.is_dir():
            yield from _read_folder(path)
        elif path.name == METADATA and is_corpus(path.parent):
            # A corpus's metadata file named on its own means the corpus.
            yield from _guarded(str(path), partial(read_corpus, path.parent))
        elif path.exists():
            fmt = format_of(path.name) or "unknown"
            yield from _guarded(str(path), partial(_read_file, path, fmt))
        else:
            yield IngestError(printable(str(path)), "neither a file nor a folder")


def _guarded(source: str, reader: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run one input's reader; whatever goes wrong in it becomes an error for that input."""
    try:
        yield from reader()
    except InputRejected as exc:
        yield IngestError(source, exc.message, exc.location)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # fastwarc's Rust panics derive from BaseException
        yield IngestError(source, f"unexpected failure while reading: {type(exc).__name__}: {exc}")


def _read_folder(folder: Path) -> Iterator[Item]:
    """A folder, recursively; an entry that cannot be read is one error, never the end."""
    try:
        corpus = is_corpus(folder)
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield IngestError(printable(str(folder)), f"cannot list folder: {exc.strerror or exc}")
        return
    if corpus:
        # A corpus is read through its metadata only: never recurse (gold/ lives there).
        yield from _guarded(str(folder), partial(read_corpus, folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are never articles
        yield from _read_entry(entry)


def _read_entry(entry: os.DirEntry[str]) -> Iterator[Item]:
    path = Path(entry.path)
    source = printable(entry.path)
    try:
        if entry.is_dir(follow_symlinks=False):
            problem = _bad_name(entry.name)
            if problem:
                yield IngestError(source, problem)
            else:
                yield from _read_folder(path)
            return
        is_link = entry.is_symlink()
        if is_link and entry.is_dir():
            # Not followed: a link can lead back up the tree (a loop) or out of it.
            yield IngestError(
                source, "symbolic link to a folder, not followed (name it to read it)"
            )
            return
        if (fmt := format_of(entry.name)) is None:
            if is_link:
                path.stat()  # a dangling link or a loop is worth a word
            return
        if not entry.is_file():
            path.stat()
            return
    except OSError as exc:
        yield IngestError(source, f"cannot read: {exc.strerror or exc}")
        return
    if problem := _bad_name(entry.name):
        yield IngestError(source, problem)
        return
    yield from _guarded(str(path), partial(_read_file, path, fmt))


def _read_file(path: Path, fmt: str) -> Iterator[Item]:
    source = str(path)
    if fmt in ("txt", "unknown"):
        # A file named on the command line with another extension is read as text if it is.
        yield read_text_file(path)
    elif fmt == "html":
        page = decode_html_guessing(read_bytes(path))
        yield html_article(page, source=source, article_id=path.stem or None)
    else:
        with path.open("rb") as raw:
            stream = _maybe_gunzip(raw)
            if fmt == "jsonl":
                yield from read_jsonl(stream, source)
            else:
                yield from read_warc(stream, source)


def _maybe_gunzip(raw: io.BufferedReader) -> BinaryIO:
    """The stream itself, or its decompression if it starts with the gzip magic."""
    if raw.peek(2)[:2] == _GZIP_MAGIC:
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb"))
    return cast(BinaryIO, raw)


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of a stream: sniffing without seeking.

    If reading the head failed (a truncated gzip), the failure is raised again where
    the head ends, so the reader downstream reports it after using what was read.
    """

    def __init__(self, head: bytes, rest: BinaryIO, error: Exception | None = None) -> None:
        self._head = head
        self._rest = rest
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        if self._error is not None:
            raise self._error
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_head(stream: BinaryIO, size: int) -> tuple[bytes, Exception | None]:
    """Up to ``size`` first bytes, and the error that cut them short, if any."""
    read = getattr(stream, "read1", stream.read)
    head = b""
    try:
        while len(head) < size and (chunk := read(size - len(head))):
            head += chunk
    except (EOFError, OSError, zlib.error) as exc:
        return head, exc
    return head, None


def sniff(head: bytes) -> str:
    """The format of a stream from its first bytes: gzip, warc, jsonl, html or txt."""
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "html"
    return "txt"


def _read_stdin() -> Iterator[Item]:
    yield from read_stream(sys.stdin.buffer, STDIN)


def read_stream(stream: BinaryIO, source: str) -> Iterator[Item]:
    """Articles from an unnamed stream whose format is sniffed from its bytes; never raises."""
    yield from _guarded(source, partial(_read_sniffed, stream, source))


def _read_sniffed(stream: BinaryIO, source: str) -> Iterator[Item]:
    head, error = _read_head(stream, _SNIFF_BYTES)
    fmt = sniff(head)
    whole: BinaryIO = io.BufferedReader(_Prefixed(head, stream, error))
    if fmt == "gzip":
        unzipped = cast(BinaryIO, gzip.GzipFile(fileobj=whole, mode="rb"))
        head, error = _read_head(unzipped, _SNIFF_BYTES)
        fmt = sniff(head)
        whole = io.BufferedReader(_Prefixed(head, unzipped, error))
    if fmt == "warc":
        yield from read_warc(whole, source)
    elif fmt == "jsonl":
        yield from read_jsonl(whole, source)
    elif fmt == "html":
        page = decode_html_guessing(read_capped(whole))
        yield html_article(page, source=source, source_format="html")
    else:
        decoded = decode_guessing(read_capped(whole))
        yield ArticleInput(None, decoded.text, source, "txt", warnings=guess_warning(decoded))
