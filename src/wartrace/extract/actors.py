"""Actors: dictionary matches, the article's country, and canonical ACLED-style names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from wartrace.extract.resources import ActorEntry, Common, LangData
from wartrace.extract.sentences import Sentence

MAIN_NONSTATE_KEY = "main_nonstate"
NONSTATE_INTERS = (2, 3, 4)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets in the raw text
    end: int
    entry: ActorEntry


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int


def find_actors(sentence: Sentence, data: LangData) -> list[Mention]:
    return [
        Mention(sentence.start + h.start, sentence.start + h.end, h.value)
        for h in data.actors.find(sentence.text, sentence.low)
    ]


def article_country(text: str, low: str, data: LangData, mentions: list[Mention]) -> str | None:
    """The country the article is mostly about: country words plus named actors' countries."""
    votes: Counter[str] = Counter(h.value for h in data.country_words.find(text, low))
    votes.update(m.entry.country for m in mentions if m.entry.country and not m.entry.weak)
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def main_nonstate(mentions: list[Mention]) -> ActorEntry | None:
    """The named non-state actor the article mentions most (what "the militants" refers to)."""
    counts = Counter(
        m.entry for m in mentions if not m.entry.weak and m.entry.inter in NONSTATE_INTERS
    )
    return counts.most_common(1)[0][0] if counts else None


def resolve(
    entry: ActorEntry, country: str | None, common: Common, main: ActorEntry | None
) -> Actor:
    """Canonical name and inter code of a dictionary entry in this article."""
    if entry.key == MAIN_NONSTATE_KEY and main is not None:
        entry = main
    if "{country}" not in entry.name:
        return Actor(entry.name, entry.inter)
    info = common.countries.get(country or "")
    if info is None:
        name = entry.name.replace(" of {country}", "").replace(" ({country})", "")
        return Actor(name.replace("{country}", "").strip(), entry.inter)
    if entry.key and entry.key in info.overrides:
        return Actor(info.overrides[entry.key], entry.inter)
    return Actor(entry.name.replace("{country}", info.name), entry.inter)
