"""The records that flow between the stages of the pipeline.

Every stage reads and returns these plain dataclasses, so each stage can be
tested on its own and run in another process (see ``wartrace.scale``).
All character offsets point into the article's raw text, as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as an ingestion reader found it, before it is stored."""

    article_id: str | None  # None: the store falls back to a content hash
    text: str
    source: str  # file path (or "<stdin>") it came from
    source_format: str  # txt | html | jsonl | warc | corpus
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None
    warnings: tuple[str, ...] = ()  # e.g. the text's encoding had to be guessed


@dataclass(frozen=True, slots=True)
class IngestError:
    """A rejected input: which file, where in it, and why."""

    source: str
    message: str
    location: str | None = None  # "line 7", "record 3", ...

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str  # why the span is there (boilerplate rule, field name, ...)


@dataclass(slots=True)
class TextAnalysis:
    """What the text stage learns about one article.

    ``clean_text`` has exactly the length of the raw text: boilerplate
    characters are blanked (newlines kept), so every offset found in it is
    also an offset into the raw text.
    """

    clean_text: str
    boilerplate: list[Span] = field(default_factory=list)
    language: str | None = None
    language_confidence: float = 0.0
    outlet: str | None = None  # outlet the text names for itself
    credit: str | None = None  # where the text says it was taken from
    dateline: str | None = None  # dateline place, as written
    printed_date: str | None = None  # YYYY-MM-DD printed in the text
    headline: str | None = None
    spans: list[Span] = field(default_factory=list)  # where each of the above was read
    warnings: list[str] = field(default_factory=list)


HURT_KINDS = frozenset({"killed", "wounded"})  # claim kinds that count people hurt


@dataclass(frozen=True, slots=True)
class Claim:
    """One casualty figure as a report states it."""

    value: int
    qualifier: str  # exact | at_least | more_than | about | nearly | up_to | vague
    kind: str  # killed | wounded | captured | missing
    start: int
    end: int
    victims: str | None = None
    claimant: str | None = None
    supersedes_earlier: bool = False  # "rose to", "naik menjadi": an updated toll
    # What the figure counts: total (the event's toll), side (one side's dead), part (a part of
    # another figure: "including 3 children"), background (a cumulative toll: "since 2009"),
    # other (another incident: "in a separate attack"), projected (a feared toll: "could exceed
    # 500"). Only total and side enter the figures.
    scope: str = "total"
    earlier: bool = False  # "an earlier toll of 26", "initially": a figure the report revises


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str
    start: int
    end: int
    role: str = "event"  # event | dateline | background
    # Where the text puts the event relative to this place (geo.relations.relation_before):
    # "" in it; "near" ("outside X", "di luar X"); a compass point "NW" ("northwest of X"); a
    # distance "20km" or "20km NW" ("20 km northwest of X", "20 km barat laut X").
    relation: str = ""


@dataclass(slots=True)
class Geo:
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # 1 town, 2 near town / district, 3 province


@dataclass(slots=True)
class ExtractedEvent:
    """One incident as one article reports it (a "report" in the store)."""

    event_date: str | None = None
    time_precision: int | None = None  # 1 day, 2 week, 3 month
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    places: list[PlaceMention] = field(default_factory=list)
    geo: Geo = field(default_factory=Geo)
    claims: list[Claim] = field(default_factory=list)
    fatalities: int | None = None  # ACLED conservative figure from this report
    evidence: list[Span] = field(default_factory=list)  # sentences it was read from
