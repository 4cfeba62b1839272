"""The working state of event extraction: what a sentence holds, an incident being drafted,
and the article context actors are resolved in."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from wartrace.extract.actors import Actor, Mention, resolve
from wartrace.extract.dates import DateMention
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import ActorEntry, LabelInfo, LangData, Trigger
from wartrace.extract.sentences import Sentence
from wartrace.models import Claim, PlaceMention

AGENT, PATIENT = "agent", "patient"


@dataclass(slots=True)
class SentenceInfo:
    sent: Sentence
    triggers: list[Hit[Trigger]] = field(default_factory=list)  # sentence-relative offsets
    actors: list[Mention] = field(default_factory=list)
    top: LabelInfo | None = None
    background: bool = False
    separator: bool = False
    apart: bool = False  # opens with a word telling another occurrence ("Separately, ...")
    days_before: int = 0  # "The day before, ...": days before the incident told before it
    vague_back: bool = False  # "Earlier this week, ...": that day is only known to the week
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    roles: list[tuple[ActorEntry, str]] = field(default_factory=list)
    paragraph_dates: list[DateMention] = field(default_factory=list)
    claimant: str | None = None
    consequence: int = -1  # sentence offset where an enabled act begins ("paved the way for")

    @property
    def is_event(self) -> bool:
        return self.top is not None and not self.background


@dataclass(slots=True)
class Draft:
    infos: list[SentenceInfo] = field(default_factory=list)
    base: date | None = None  # publication date
    cause: Draft | None = None  # the incident that made this one possible, told just before
    # The incident told just before one opened by "Meanwhile, ...", "Earlier in the day, ...":
    # told beside it, undated, it happened on its day.
    beside: Draft | None = None
    beside_days: int = 0  # "The day before, ...": its day is this many days before beside's
    beside_vague: bool = False  # "Earlier this week, ...": that day, to the week

    def places(self) -> list[PlaceMention]:
        return [p for i in self.infos for p in i.places]

    def date(self) -> DateMention | None:
        found = [d for i in self.infos if i.is_event for d in i.dates]
        found += [d for i in self.infos for d in i.paragraph_dates]  # "It was on Saturday."
        if not found:
            return None
        first = found[0]
        if self.base is not None and first.value == self.base and not first.opening:
            # The publication date printed beside the story is when it was told; an earlier day
            # the story gives is when it happened.
            earlier = [d for d in found if d.value < self.base]
            if earlier:
                return earlier[0]
        return first

    def top(self) -> LabelInfo | None:
        # The type comes from the sentence that opened the incident and from sentences tied to
        # it by a date or place; a loose later sentence may be about something else.
        events = [i for i in self.infos if i.is_event]
        anchored = [i for k, i in enumerate(events) if k == 0 or i.dates or i.places]
        tops = [i.top for i in anchored if i.top is not None]
        return max(tops, key=lambda t: t.priority) if tops else None

    def agents(self) -> set[ActorEntry]:
        return {e for i in self.infos for e, r in i.roles if r == AGENT}


def words_between(low: str, a: int, b: int) -> int:
    return len(low[a:b].split())


@dataclass(slots=True)
class Context:
    data: LangData
    country: str | None
    main: ActorEntry | None
    named: Counter[Actor] = field(default_factory=Counter)  # named actors, by mentions
    authors: Counter[Actor] = field(default_factory=Counter)  # sides claimed or blamed

    def actor(self, entry: ActorEntry) -> Actor:
        return resolve(entry, self.country, self.data.common, self.main)

    def template(self, key: str) -> Actor | None:
        entry = self.data.templates.get(key)
        return self.actor(entry) if entry else None
