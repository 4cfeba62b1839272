"""Lines of a raw text with their offsets, and stable keys for per-outlet learning."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LETTER_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)

# Lines with at most this many letter words get their numbers masked, so view counters
# and dates in page furniture ("7.597 views") share one key; longer lines keep digits,
# so "23 soldiers were killed" and "33 soldiers were killed" stay apart.
MASK_DIGITS_MAX_WORDS = 4
# Longer lines are article prose, never learned boilerplate: a story syndicated three
# times by one outlet must not erase itself.
KEY_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the first character of the line
    end: int  # offset just past the last character (the '\n' excluded)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets; only '\\n' separates lines."""
    out: list[Line] = []
    pos = 0
    for part in text.split("\n"):
        out.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def normalise_line(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a line, digits masked in short lines."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = _SPACE.sub(" ", norm).strip()
    norm = _EDGE_PUNCT.sub("", norm)
    if len(_LETTER_WORD.findall(norm)) <= MASK_DIGITS_MAX_WORDS:
        norm = _DIGITS.sub("0", norm)
    return norm


def line_key(text: str) -> str | None:
    """Stable key of a non-trivial line, or None for blank, letterless or long lines."""
    norm = normalise_line(text)
    if not _LETTER_WORD.search(norm) or word_count(norm) > KEY_MAX_WORDS:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def line_keys(raw_text: str) -> set[str]:
    """Keys of the normalised non-trivial lines of an article (for learned boilerplate)."""
    if not isinstance(raw_text, str):
        raise TypeError(f"line_keys expects str, got {type(raw_text).__name__}")
    return {k for line in split_lines(raw_text) if (k := line_key(line.text)) is not None}
