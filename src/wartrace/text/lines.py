"""Lines of a raw text with their offsets, and stable keys for per-outlet learning."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

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
    return _masked(_folded(text))[0]


def _folded(text: str) -> str:
    """``normalise_line`` before the digits are masked."""
    # NFKC leaves ASCII as it is, and ASCII's casefold is its lower case.
    norm = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    # Runs of white space as one space, none at the ends: str.split's white space is the
    # regular expressions' \s (both are str.isspace).
    return _EDGE_PUNCT.sub("", " ".join(norm.split()))


def _masked(norm: str) -> tuple[str, int]:
    """A folded line with its digits masked when it is short, and its letter words counted
    up to one past that limit."""
    letters = _count_upto(_LETTER_WORD, norm, MASK_DIGITS_MAX_WORDS + 1)
    return (_DIGITS.sub("0", norm) if letters <= MASK_DIGITS_MAX_WORDS else norm), letters


def _count_upto(pattern: re.Pattern[str], text: str, most: int) -> int:
    """How many matches ``pattern`` has in ``text``, counting no further than ``most``: a
    line of prose has dozens of words, and only whether it has more than a few matters."""
    return sum(1 for _ in islice(pattern.finditer(text), most))


@lru_cache(maxsize=4096)  # lines that recur (an outlet's furniture) are keyed once
def line_key(text: str) -> str | None:
    """Stable key of a non-trivial line, or None for blank, letterless or long lines."""
    norm, letters = _masked(_folded(text))
    if not letters:
        return None  # masking digits adds or removes no letter: letterless either way
    # Words are at least one character apart: a line this short has at most KEY_MAX_WORDS.
    too_many = KEY_MAX_WORDS + 1
    if len(norm) > 2 * KEY_MAX_WORDS and _count_upto(_WORD, norm, too_many) == too_many:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def line_keys(raw_text: str) -> set[str]:
    """Keys of the normalised non-trivial lines of an article (for learned boilerplate)."""
    if not isinstance(raw_text, str):
        raise TypeError(f"line_keys expects str, got {type(raw_text).__name__}")
    # The lines' texts as split_lines gives them, each distinct one keyed once.
    return {k for k in map(line_key, set(raw_text.split("\n"))) if k is not None}
