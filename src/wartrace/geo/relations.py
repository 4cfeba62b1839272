"""Where a text puts an event relative to a place it names: "20 km northwest of X", "outside X",
id "sekitar 20 km barat laut X", fr "à 20 km au nord de X".

ACLED codes such an event at the nearest named place (precision 2), but a report that says an
attack was outside a town, or some kilometres from it, does not say it was in the town: two
incidents "in X" and "20 km from X" on one day are two incidents. The relation is read from
the words right before the name and kept on the place mention (``PlaceMention.relation``):

- ``""``: in the place itself ("in X", "di X", "X district");
- ``"near"``: beside it, no distance ("near X", "outside X", "di luar X", "près de X");
- a compass point, ``"NW"``: "northwest of X", "sebelah utara X", "au nord de X";
- a distance, ``"20km"``, or both, ``"20km NW"``: "20 km from X", "20 km barat laut X"
  (miles are converted to whole kilometres).

The words are data, one file per language (``data/cues/relations/<lang>.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from wartrace.datafiles import load_yaml
from wartrace.geo.gazetteer import DATA_DIR

Phrases = frozenset[tuple[str, ...]]
MILE_KM = 1.609344
TAIL_CHARS = 80  # the words that can relate a place to an event stand right before its name
_WORD = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class RelationWords:
    near: Phrases
    links: Phrases
    directions: dict[tuple[str, ...], str]
    prefixes: Phrases
    within: Phrases
    km_units: Phrases
    mile_units: Phrases


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


@lru_cache(maxsize=1)
def relation_words() -> RelationWords:
    """The relation words of every language, merged (as the geo cue lists are)."""
    lists: dict[str, set[tuple[str, ...]]] = {
        k: set() for k in ("near", "links", "prefixes", "within", "km_units", "mile_units")
    }
    directions: dict[tuple[str, ...], str] = {}
    for path in sorted((DATA_DIR / "cues" / "relations").glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            data = load_yaml(fh.read()) or {}
        for key, value in data.items():
            if key == "directions":
                directions.update({_words(str(w)): str(code) for w, code in value.items()})
            elif key in lists:
                lists[key].update(p for p in map(_words, value or []) if p)
            else:
                raise ValueError(f"{path.name}: unknown relation list {key!r}")
    return RelationWords(
        near=frozenset(lists["near"]),
        links=frozenset(lists["links"]),
        directions=directions,
        prefixes=frozenset(lists["prefixes"]),
        within=frozenset(lists["within"]),
        km_units=frozenset(lists["km_units"]),
        mile_units=frozenset(lists["mile_units"]),
    )


def _ending(words: tuple[str, ...], end: int, phrases: Phrases | dict[tuple[str, ...], str]) -> int:
    """The length of the longest phrase that ends at ``end`` (0 if none)."""
    best = 0
    for n in range(1, min(end, 4) + 1):
        if words[end - n : end] in phrases:
            best = n
    return best


def _distance(words: tuple[str, ...], end: int, w: RelationWords) -> tuple[int, int]:
    """(words used, kilometres) of a distance ending at ``end``: "20 km", "12 miles" (miles
    rounded to whole kilometres); a unit with no number ("a few kilometres") is 0 km, an
    unknown distance; no unit is (0, 0)."""
    unit = _ending(words, end, w.km_units)
    factor = 1.0
    if not unit:
        unit = _ending(words, end, w.mile_units)
        factor = MILE_KM
    if not unit:
        return 0, 0
    before = end - unit
    if before > 0 and _NUMBER.fullmatch(words[before - 1]):
        km = float(words[before - 1].replace(",", ".")) * factor
        return unit + 1, max(1, round(km))
    return unit, 0


def relation_before(text: str) -> str:
    """The relation the words ending ``text`` state between an event and the place named right
    after them ("" when they put it in the place itself; see the module docstring)."""
    w = relation_words()
    words = _words(text[-TAIL_CHARS:])
    end = len(words)
    near = _ending(words, end, w.near)
    if near:
        km = _distance(words, end - near, w)[1]  # "some 20 km outside X"
        return f"{km}km" if km else "near"
    link = _ending(words, end, w.links)
    end -= link
    direction = _ending(words, end, w.directions)
    code = w.directions[words[end - direction : end]] if direction else ""
    end -= direction
    prefix = 0
    if direction:
        within = _ending(words, end, w.within)
        if within and not _distance(words, end - within, w)[0]:
            return ""  # "in the north of X", "di utara X": a part of X
        end -= within
        prefix = _ending(words, end, w.prefixes)
        end -= prefix
    used, km = _distance(words, end, w)
    if not used:
        # a bare direction is a part of the place or an adjective ("north Gaza", "utara
        # Jakarta"): only "north of X", "au nord de X", "sebelah utara X" are beside it
        return code if direction and (link or prefix) else ""
    if not (link or direction):
        return ""  # "20 km X" is not how a distance to a place is written
    if not km:
        return code or "near"  # "a few kilometres from X"
    return f"{km}km {code}".strip()
