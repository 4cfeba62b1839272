"""Plain-text articles: one file, one article, id = file stem."""

from __future__ import annotations

from pathlib import Path

from wartrace.ingest.common import InputRejected, read_capped
from wartrace.ingest.decode import decode_guessing, guess_warning
from wartrace.models import ArticleInput


def read_bytes(path: Path) -> bytes:
    """A whole file, refusing one above the size cap before reading it."""
    try:
        with path.open("rb") as stream:
            return read_capped(stream)
    except OSError as exc:
        raise InputRejected(f"cannot read: {exc.strerror or exc}") from None


def read_text_file(path: Path, source_format: str = "txt") -> ArticleInput:
    decoded = decode_guessing(read_bytes(path))
    return ArticleInput(
        article_id=path.stem or None,
        text=decoded.text,
        source=str(path),
        source_format=source_format,
        warnings=guess_warning(decoded),
    )
