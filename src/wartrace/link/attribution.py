"""Who gathered a report: the outlet a text signs with (its dateline, "(LW)"), the outlet it
credits, and the outlets its speakers talked to ("told Reuters", "kata X kepada AFP").

A translation keeps these: "told AFP" becomes "kepada AFP" or "Dikutip AFP", a wire's story
is credited by those who translate it ("(ab/LW)"). An independent report of the same story,
written from the same wire facts, quotes its own interviews or no one's. So a translation
whose source names who gathered it must name one of them too.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from wartrace.link.anchors import fold, load_data
from wartrace.link.index import clean_text
from wartrace.store import db

# A listener's name: capitalised words ("Lake Chad Monitor", "AFP", "Kompas.com"), an Arabic
# article before one ("al-Mayadeen"); up to four words. A full stop stays inside a name only
# before a lower-case letter ("Kompas.com"), not before the next sentence ("AFP.The").
_NAME_WORD = r"(?:(?:al|el|ad|an|ar|as|ash)-)?[A-Z](?:[\w&'’-]|\.(?=[a-z]))*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
_NOT_WORD = re.compile(r"[\W_]+")
Row = Mapping[str, Any] | sqlite3.Row  # an article row, or a plain mapping in tests


def _alternatives(words: Iterable[object]) -> str:
    items = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@cache
def _listener_patterns() -> dict[str, re.Pattern[str]]:
    """Per language: a speech verb (and the words up to the preposition), then the listener."""
    out: dict[str, re.Pattern[str]] = {}
    for language, spec in load_data("attribution.yaml").items():
        verbs = _alternatives(spec["verbs"])
        preps = _alternatives(spec.get("prepositions") or [])
        fillers = _alternatives(spec.get("fillers") or [])
        head = rf"(?<!\w)(?i:{verbs})"
        if preps:
            head += rf"(?:\s+\S+){{0,{int(spec.get('gap', 0))}}}?\s+(?i:{preps})"
        # Fillers are lower-case words: "Jornal Norte" is a name, "jornal Norte" a filler
        filler = rf"(?:(?:{fillers})\s+)?" if fillers else ""
        out[str(language)] = re.compile(rf"{head}\s+{filler}(?P<name>{_NAME})")
    return out


def listeners(text: str, language: str | None) -> list[str]:
    """Names a text says its speakers talked to ("told the Kafr Sousa news desk" -> "Kafr
    Sousa"), in the languages with patterns (English when the language is unknown)."""
    pattern = _listener_patterns().get(language or "en")
    if pattern is None:
        return []
    return [m.group("name").rstrip(".’'") for m in pattern.finditer(text)]


def normalise(name: str) -> str:
    """Folded, with punctuation as spaces: 'al-Mayadeen' and 'Al Mayadeen' are one name."""
    return " ".join(_NOT_WORD.sub(" ", fold(name)).split())


def gatherers(row: Row) -> set[str]:
    """Who a text says gathered its report: the outlet it signs with in its text, the one it
    credits, and the outlets its speakers talked to (normalised, at least two characters)."""
    text = clean_text(row["raw_text"] or "", row["boilerplate"])
    names = [row["text_outlet"], row["credit"], *listeners(text, row["language"])]
    return {n for n in (normalise(x) for x in names if x) if len(n) >= 2}


def names_one(row: Row, names: Iterable[str]) -> bool:
    """Whether an article names one of ``names`` (normalised) in its text, credit or outlet."""
    fields = (row["raw_text"], row["credit"], row["outlet"], row["text_outlet"])
    haystack = f" {normalise(' '.join(x for x in fields if x))} "
    return any(f" {n} " in haystack for n in names)


def attribution_kept(source: Row, derived: Row, *, unsigned: bool = True) -> bool:
    """Whether ``derived`` names who gathered ``source``'s report (the source's own outlet
    counts too). A source that names no one is kept by anything when ``unsigned``."""
    found = gatherers(source)
    if not found:
        return unsigned
    own = {normalise(x) for x in (source["outlet"], source["text_outlet"]) if x}
    return names_one(derived, found | {n for n in own if len(n) >= 2})


def orient_by_attribution(conn: sqlite3.Connection, source: str, derived: str) -> bool | None:
    """For a translation oriented ``source`` -> ``derived``: True when the derived text
    names who gathered the source's report (or the source names no one); False when it does
    not but the other direction holds (the texts were oriented the wrong way round); None
    when neither holds: two reports that each name their own, or no one's, gatherer are
    independent reports of the same story."""
    src, der = db.load_article(conn, source), db.load_article(conn, derived)
    if attribution_kept(src, der):
        return True
    if attribution_kept(der, src, unsigned=False):
        return False
    return None
