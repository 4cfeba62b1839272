"""Step one of resolution: which countries the article is about, before any place is chosen.

Evidence, each with a weight: country names and demonyms, first-level divisions, places
whose name exists in one country only, named actors that belong to a country ("Taliban" ->
AF, "al-Shabaab" -> SO; the actor dictionary in extract/data/actors.yaml), the country words
of the extractor's language data, and the dateline (a hint only: bureaus cover neighbours).
Step two (``resolve``) then reads every place name within that distribution: a place of a
country nothing else in the text points to is a word that looks like a place, not a place.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wartrace.datafiles import load_yaml

ACTOR_WEIGHT = 1.0  # per distinct named actor of a country
WORD_WEIGHT = 0.5  # per country word or demonym ("Afghan", "Kenyan")
WORD_CAP = 2.0  # country words of one country count up to this
OTHER_EVIDENCE = 0.5  # a foreign place needs this much evidence for its country besides itself


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """What the text says about its country besides gazetteer names."""

    hits: tuple[tuple[int, int, str, float], ...] = ()  # (start, end, country, weight)
    # Where named actors are written: a word there names a group, not a place ("Taliban" is
    # also a Turkish village, "Simba" a Kenyan town).
    actor_spans: tuple[tuple[int, int], ...] = ()
    # The part of each country's actor evidence that comes from groups fighting in several
    # countries (data/actor_areas.yaml): it counts for the article's context, but never
    # decides an event's country alone.
    roaming: dict[str, float] = field(default_factory=dict)


def text_evidence(text: str, language: str | None) -> TextEvidence:
    """Actors and country words of the extractor's language data found in ``text``."""
    from wartrace.extract.resources import load_language  # geo reads extract's lexicons

    # Asked with the extractor's arguments (``extract.events.extract``), so that the cache
    # gives the extractor's lexicons, whose scans of this text are already made.
    data = load_language(language or "en", None) or load_language("en", None)
    if data is None:
        return TextEvidence()
    low = text.lower()
    hits: list[tuple[int, int, str, float]] = []
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    areas = actor_areas()
    roaming: dict[str, float] = defaultdict(float)
    for hit in data.actors.find(text, low):
        entry = hit.value
        spans.append((hit.start, hit.end))
        if entry.country and not entry.weak and entry.name not in seen:
            seen.add(entry.name)
            where = areas.get(entry.name, (entry.country,))
            if entry.country not in where:  # a foreign-led operation: where it fights
                hits.extend((hit.start, hit.end, cc, ACTOR_WEIGHT / len(where)) for cc in where)
                continue
            hits.append((hit.start, hit.end, entry.country, ACTOR_WEIGHT))
            if len(where) > 1:
                roaming[entry.country] += ACTOR_WEIGHT
    per_country: dict[str, float] = defaultdict(float)
    for word in data.country_words.find(text, low):
        if per_country[word.value] + WORD_WEIGHT <= WORD_CAP:
            per_country[word.value] += WORD_WEIGHT
            hits.append((word.start, word.end, word.value, WORD_WEIGHT))
    return TextEvidence(tuple(hits), tuple(spans), dict(roaming))


@lru_cache(maxsize=1)
def actor_areas() -> dict[str, tuple[str, ...]]:
    """Named armed groups that fight in several countries (data/actor_areas.yaml)."""
    path = Path(__file__).parent / "data" / "actor_areas.yaml"
    with path.open(encoding="utf-8") as fh:
        data = load_yaml(fh.read()) or {}
    return {str(name): tuple(map(str, ccs)) for name, ccs in (data.get("areas") or {}).items()}


@dataclass(slots=True)
class CountryVotes:
    """Evidence per country, remembering what each mention gave, so that a place can be
    judged on the evidence for its country *besides itself*."""

    total: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    by_mention: dict[int, dict[str, float]] = field(default_factory=dict)
    # Evidence from written places only (gazetteer names, dateline), not from actors or
    # demonyms: "Turkish forces closed Afrin" is about a Syrian town all the same.
    places: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, cc: str, weight: float, mention: int | None = None, place: bool = False) -> None:
        self.total[cc] += weight
        if place:
            self.places[cc] += weight
        if mention is not None:
            own = self.by_mention.setdefault(mention, {})
            own[cc] = own.get(cc, 0.0) + weight

    def besides(self, cc: str, mention: int) -> float:
        return self.total.get(cc, 0.0) - self.by_mention.get(mention, {}).get(cc, 0.0)

    def places_besides(self, mention: int) -> float:
        """How much written-place evidence the text has besides this mention, any country."""
        own = self.by_mention.get(mention, {})
        return max((w - own.get(cc, 0.0) for cc, w in self.places.items()), default=0.0)

    def top(self) -> tuple[str, float] | None:
        if not self.total:
            return None
        return max(self.total.items(), key=lambda kv: kv[1])


@lru_cache(maxsize=1)
def _acled_names() -> dict[str, str]:
    path = Path(__file__).parent / "data" / "acled_countries.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh, delimiter="\t")}


def acled_country_name(code: str | None) -> str | None:
    """ACLED's name of a country where it differs from GeoNames' ("Democratic Republic of
    Congo", "Palestine"); None where the GeoNames name is ACLED's too."""
    return _acled_names().get(code or "")
