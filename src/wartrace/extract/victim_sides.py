"""Which side the dead of a claim belong to (state forces, militants, civilians), read from its
victims words ("33 regime soldiers", "12 tentara Suriah"). One data source, ``sides:`` in each
language's ``data/<lang>/casualties.yaml``, serves a report's own tally (``event_claims``), the
event's reconciliation (``link/reconcile``) and the event page's casualty table, so "tentara"
and "soldiers" are one side everywhere. A victims text is matched against every language's
words: a quoted figure may keep its source's wording."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from wartrace.datafiles import load_yaml
from wartrace.extract.actor_data import load_actor_entries
from wartrace.extract.resources import DATA_DIR, DataError

SIDES = ("state", "militants", "civilians")  # first side wins ("pro-government fighters")
UNSPECIFIED = "unspecified"
# ACLED counts every death of an event, the perpetrators' included. In a one-sided attack
# (a bombing, an attack on civilians) a toll of "people" counts its victims: news gives the
# attackers' dead apart ("the bomber also died", "45 IS members were killed too"), so they are
# added to that toll, never capped by it or read as a rival count of it.
ONE_SIDED = frozenset({"Explosions/Remote violence", "Violence against civilians"})
NON_STATE_INTERS = frozenset({2, 3, 4})  # rebels, political and identity militias
SIDE_LABELS = {
    "state": "state forces",
    "militants": "militants",
    "civilians": "civilians",
    UNSPECIFIED: "not said",
}
MIN_PREFIX = 4  # a word longer than this also matches its inflections ("soldier" → "soldiers")
# A named actor's side by its ACLED inter code: its own members killed ("one Al Shabaab member",
# "tiga anggota Brigade X") are of that side. External forces (8) and others name no side here.
INTER_SIDES = {1: "state", **dict.fromkeys(NON_STATE_INTERS, "militants")}
MIN_GROUP_NAME = 3  # shorter aliases ("IS") are left to the side words above
# A name matches whole words and the marks between them as written ("liwa' al quds"); one that
# starts or ends with a mark ("rangers (pakistan)") is a dictionary label, not a name in text.
_TOKEN = re.compile(r"\w+|[^\w\s]")


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
            sides = (load_yaml(fh.read()) or {}).get("sides") or {}
        for side, entries in sides.items():
            if side not in words:
                raise DataError(f"{path}: unknown side '{side}' (one of {', '.join(SIDES)})")
            words[side].extend(plain(str(w)) for w in entries)
    return tuple((side, tuple(dict.fromkeys(words[side]))) for side in SIDES)


@cache
def attacker_words() -> tuple[str, ...]:
    """Words that name the dead as the attack's perpetrators ("the bomber", "penyerang"), in
    every language (``attackers:`` in each language's casualties.yaml)."""
    words: list[str] = []
    for folder in sorted(p for p in DATA_DIR.iterdir() if p.is_dir()):
        path = folder / "casualties.yaml"
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                words.extend(
                    plain(str(w)) for w in (load_yaml(fh.read()) or {}).get("attackers", [])
                )
    return tuple(dict.fromkeys(words))


@cache
def group_names() -> tuple[tuple[str, frozenset[tuple[str, ...]], tuple[int, ...]], ...]:
    """Per side, the names of the actor dictionary's named groups and forces (read only: the
    dictionary is the actors area's) as word tuples of plain text, with their lengths. A set
    of tuples, not one alternation pattern: the pattern over ~10,000 aliases cost 1.15 s to
    compile in every run."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for entry, aliases in load_actor_entries(str(DATA_DIR)):
        side = INTER_SIDES.get(entry.inter)
        if side is None or entry.weak or (entry.key and not entry.country):
            continue  # generic words ("militants") and templates name no group
        for forms in aliases.values():
            for alias in forms:
                word = plain(alias).replace("-", " ").strip()
                words = tuple(_TOKEN.findall(word))
                if len(word) >= MIN_GROUP_NAME and words[0].isalnum() and words[-1].isalnum():
                    names.setdefault(side, set()).add(words)
    return tuple(
        (side, frozenset(names[side]), tuple(sorted({len(n) for n in names[side]})))
        for side in SIDES
        if side in names
    )


def _names(tokens: list[str], joined: str, w: str) -> bool:
    if " " in w or "-" in w:
        return w.replace("-", " ") in joined
    return any(t == w or (len(w) >= MIN_PREFIX and t.startswith(w)) for t in tokens)


def _tokens(victims: str) -> tuple[list[str], str]:
    tokens = [t for t in plain(victims).replace("-", " ").split() if t]
    return tokens, " ".join(tokens)


@cache
def is_attacker(victims: str | None) -> bool:
    """Whether the victims words name the attackers themselves ("two of the assailants")."""
    if not victims:
        return False
    tokens, joined = _tokens(victims)
    return any(_names(tokens, joined, w) for w in attacker_words())


def attackers_side(event_type: object, inter1: object, inter2: object) -> str | None:
    """The side whose dead are the perpetrators': a non-state group's, in a one-sided attack on
    another side (its own members killed are then the attackers, as ACLED counts them)."""
    if event_type not in ONE_SIDED or inter1 not in NON_STATE_INTERS:
        return None
    return None if inter2 in NON_STATE_INTERS else "militants"


@cache
def side_word_of(victims: str | None) -> str:
    """The side a victims description's own words name ("soldiers", "warga"), or
    'unspecified'."""
    if not victims:
        return UNSPECIFIED
    tokens, joined = _tokens(victims)
    for side, words in side_words():
        if any(_names(tokens, joined, w) for w in words):
            return side
    return UNSPECIFIED


@cache
def side_of(victims: str | None) -> str:
    """The side a victims description names, or 'unspecified'."""
    named = side_word_of(victims)
    if named != UNSPECIFIED or not victims:
        return named
    words = tuple(_TOKEN.findall(_tokens(victims)[1]))
    for side, names, lengths in group_names():
        if any(words[i : i + n] in names for n in lengths for i in range(len(words) - n + 1)):
            return side  # "one Al Shabaab member": the group's own dead
    return UNSPECIFIED
