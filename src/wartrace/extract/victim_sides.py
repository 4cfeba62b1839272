"""Which side the dead of a claim belong to (state forces, militants, civilians), read from its
victims words ("33 regime soldiers", "12 tentara Suriah"). One data source, ``sides:`` in each
language's ``data/<lang>/casualties.yaml``, serves a report's own tally (``event_claims``), the
event's reconciliation (``link/reconcile``) and the event page's casualty table, so "tentara"
and "soldiers" are one side everywhere. A victims text is matched against every language's
words: a quoted figure may keep its source's wording."""

from __future__ import annotations

import unicodedata
from functools import cache

import yaml

from wartrace.extract.resources import DATA_DIR, DataError

SIDES = ("state", "militants", "civilians")  # first side wins ("pro-government fighters")
UNSPECIFIED = "unspecified"
SIDE_LABELS = {
    "state": "state forces",
    "militants": "militants",
    "civilians": "civilians",
    UNSPECIFIED: "not said",
}
MIN_PREFIX = 4  # a word longer than this also matches its inflections ("soldier" → "soldiers")


def plain(text: str) -> str:
    """Lower case without diacritics ("policía" → "policia")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def side_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per side, in SIDES order, the victims words of every language."""
    words: dict[str, list[str]] = {side: [] for side in SIDES}
    for folder in sorted(p for p in DATA_DIR.iterdir() if p.is_dir()):
        path = folder / "casualties.yaml"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            sides = (yaml.safe_load(fh) or {}).get("sides") or {}
        for side, entries in sides.items():
            if side not in words:
                raise DataError(f"{path}: unknown side '{side}' (one of {', '.join(SIDES)})")
            words[side].extend(plain(str(w)) for w in entries)
    return tuple((side, tuple(dict.fromkeys(words[side]))) for side in SIDES)


@cache
def side_of(victims: str | None) -> str:
    """The side a victims description names, or 'unspecified'."""
    if not victims:
        return UNSPECIFIED
    tokens = [t for t in plain(victims).replace("-", " ").split() if t]
    joined = " ".join(tokens)
    for side, words in side_words():
        for w in words:
            if " " in w or "-" in w:
                if w.replace("-", " ") in joined:
                    return side
            elif any(t == w or (len(w) >= MIN_PREFIX and t.startswith(w)) for t in tokens):
                return side
    return UNSPECIFIED
