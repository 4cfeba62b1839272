"""Step one of resolution: which countries the article is about, before any place is chosen.

Evidence, each with a weight: country names and demonyms, first-level divisions, places
whose name exists in one country only, named actors that belong to a country ("Taliban" ->
AF, "al-Shabaab" -> SO; the actor dictionary in extract/data/actors.yaml), the country words
of the extractor's language data, and the dateline (a hint only: bureaus cover neighbours).
Step two (``resolve``) then reads every place name within that distribution: a place of a
country nothing else in the text points to is a word that looks like a place, not a place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

ACTOR_WEIGHT = 1.0  # per distinct named actor of a country
WORD_WEIGHT = 0.5  # per country word or demonym ("Afghan", "Kenyan")
WORD_CAP = 2.0  # country words of one country count up to this
OTHER_EVIDENCE = 0.5  # a foreign place needs this much evidence for its country besides itself


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """What the text says about its country besides gazetteer names."""

    weights: dict[str, float] = field(default_factory=dict)
    # Where named actors are written: a word there names a group, not a place ("Taliban" is
    # also a Turkish village, "Simba" a Kenyan town).
    actor_spans: tuple[tuple[int, int], ...] = ()


def text_evidence(text: str, language: str | None) -> TextEvidence:
    """Actors and country words of the extractor's language data found in ``text``."""
    from wartrace.extract.resources import load_language  # geo reads extract's lexicons

    data = load_language(language or "en") or load_language("en")
    if data is None:
        return TextEvidence()
    low = text.lower()
    weights: dict[str, float] = defaultdict(float)
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    for hit in data.actors.find(text, low):
        entry = hit.value
        spans.append((hit.start, hit.end))
        if entry.country and not entry.weak and entry.name not in seen:
            seen.add(entry.name)
            weights[entry.country] += ACTOR_WEIGHT
    words: dict[str, float] = defaultdict(float)
    for word in data.country_words.find(text, low):
        words[word.value] = min(WORD_CAP, words[word.value] + WORD_WEIGHT)
    for cc, w in words.items():
        weights[cc] += w
    return TextEvidence(dict(weights), tuple(spans))


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
