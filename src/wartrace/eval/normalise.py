"""Name comparison for scoring: admin1, actor and claimant names.

Two names are compared after folding case and accents, dropping punctuation and
transliterated Arabic articles ("al-", "ad-", ...). The word lists live in
``data/normalise.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from wartrace.datafiles import load_yaml


@cache
def _data() -> dict[str, Any]:
    text = resources.files("wartrace.eval").joinpath("data/normalise.yaml").read_text("utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict) or "articles" not in data or "stopwords" not in data:
        raise ValueError("wartrace/eval/data/normalise.yaml needs 'articles' and 'stopwords'")
    return data


@cache
def _article_re() -> re.Pattern[str]:
    words = sorted((str(w) for w in _data()["articles"]), key=len, reverse=True)
    # An article is a word glued by hyphen, space or apostrophe to the next word.
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + r")[-\s'’‘`]+(?=\w)")


@cache
def stopwords() -> frozenset[str]:
    return frozenset(str(w) for words in _data()["stopwords"].values() for w in words)


def fold(text: str) -> str:
    """Lower case without accents; keeps punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def normalise_name(text: str | None) -> str:
    """Canonical form of a place or organisation name ("" when empty)."""
    if not text:
        return ""
    s = _article_re().sub("", fold(text))
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def _content_tokens(text: str | None) -> list[str]:
    return [t for t in normalise_name(text).split() if t not in stopwords()]


def _acronym(text: str) -> str:
    """Initials of the content words: "Syrian Observatory for Human Rights" -> "sohr"."""
    bare = re.sub(r"\([^)]*\)", " ", fold(text))  # "(SOHR)" is not part of the name
    words = [w for w in re.split(r"[^\w]+", bare) if w and w not in stopwords()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _contains(outer: list[str], inner: list[str]) -> bool:
    if not inner:
        return False
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


# ACLED tags state forces with the period of a regime: "Military Forces of Syria (2000-2024)".
_PERIOD = re.compile(r"\(\s*\d{4}\s*[-–]\s*(?:\d{4})?\s*\)")
# ACLED writes some names "ACRONYM - Full Name" or "ACRONYM: Full Name".
_NAME_PARTS = re.compile(r"\s+[-–]\s+|:\s+")


def actor_forms(name: str | None) -> set[tuple[str, ...]]:
    """The word sequences a name can be matched by: whole, and each side of "X - Y"."""
    if not name:
        return set()
    bare = _PERIOD.sub(" ", name)
    parts = [bare, *_NAME_PARTS.split(bare)] if len(_NAME_PARTS.split(bare)) == 2 else [bare]
    return {tuple(t) for t in map(_content_tokens, parts) if t}


def same_name(ours: str | None, gold: str | None) -> bool:
    """Equal after normalisation (function words and ACLED period tags ignored)."""
    return bool(actor_forms(ours) & actor_forms(gold))


def matches_any(ours: str | None, names: Iterable[str]) -> bool:
    return any(same_name(ours, name) for name in names)


def _claimant_parts(text: str) -> list[list[str]]:
    """The whole string, and separately what is inside and outside its parentheses."""
    inside = " ".join(re.findall(r"\(([^)]*)\)", text))
    outside = re.sub(r"\([^)]*\)", " ", text)
    parts = (_content_tokens(p) for p in (text, outside, inside))
    return [p for p in parts if p]


def claimant_matches(ours: str | None, gold: str | None) -> bool:
    """Whether two claimant strings name the same source.

    Rule: after normalisation (case, accents, punctuation, Arabic articles and
    function words dropped), the word sequence of one string, or of its part
    outside or inside parentheses, occurs in the other ("SOHR" in "the Syrian
    Observatory (SOHR)"; "local activist" in "Abu Karim (local activist)";
    "Abu Karim (local activist)" and "local activist Abu Karim"); or one is a
    single word equal to the acronym of the other ("SOHR" = "Syrian
    Observatory for Human Rights").
    """
    if not ours or not gold:
        return False
    a, b = _content_tokens(ours), _content_tokens(gold)
    if not a or not b:
        return False
    if any(_contains(b, part) for part in _claimant_parts(ours)):
        return True
    if any(_contains(a, part) for part in _claimant_parts(gold)):
        return True
    return (len(a) == 1 and a[0] == _acronym(gold)) or (len(b) == 1 and b[0] == _acronym(ours))
