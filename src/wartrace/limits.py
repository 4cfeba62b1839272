"""What one article may cost, so that one odd input cannot stall a run (or every rerun).

* ``MAX_TEXT_CHARS``: an article longer than this is rejected at ingest, with its reason
  (a news article is a few thousand characters; this is a book, a log or a dump).
* ``MAX_ANALYSED_CHARS``: the text, extraction, geocoding and link stages read at most this
  prefix of an article (offsets stay valid: it is a prefix), and the article carries a
  warning saying so. Several stages group mentions pairwise, so their cost grows faster
  than the text; the cap bounds it (about a second or two on a worst-case text).
"""

from __future__ import annotations

MAX_TEXT_CHARS = 2_000_000
MAX_ANALYSED_CHARS = 50_000


def truncation_warning(length: int) -> str | None:
    """The article warning when only a prefix of a ``length``-character text is analysed."""
    if length <= MAX_ANALYSED_CHARS:
        return None
    return f"article is {length} characters long: only the first {MAX_ANALYSED_CHARS} were analysed"
