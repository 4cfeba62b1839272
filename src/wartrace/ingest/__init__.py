"""Ingestion: turn files, folders, corpora and stdin into ``ArticleInput`` records.

``read_inputs`` is the stage's entry point; it streams, and reports every
rejected input as an ``IngestError`` instead of raising.
"""

from __future__ import annotations

from wartrace.ingest.common import InputRejected, normalise_date
from wartrace.ingest.decode import decode_text
from wartrace.ingest.sources import read_inputs, read_stream

__all__ = [
    "InputRejected",
    "decode_text",
    "normalise_date",
    "read_inputs",
    "read_stream",
]
