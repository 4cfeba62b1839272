"""Reading a corpus's gold annotations (layout in the corpus FORMAT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUALIFIERS = frozenset({"exact", "at_least", "more_than", "about", "nearly", "up_to", "vague"})
RELATIONS = frozenset({"translation", "rewrite"})
DATE_PRECISIONS = frozenset({"day", "week", "month"})


class GoldError(ValueError):
    """The gold files are missing or malformed; the message says where."""


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldFatality:
    article: str
    value: int
    qualifier: str
    claimant: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    date: str | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    event_type: str | None
    sub_event_type: str | None
    actor1: GoldActor | None
    actor2: GoldActor | None
    fatalities: tuple[GoldFatality, ...]
    fatalities_acled: int
    admin1_aliases: tuple[str, ...] = ()  # other spellings of admin1 that also count as right

    def admin1_names(self) -> tuple[str, ...]:
        return (self.admin1, *self.admin1_aliases) if self.admin1 else ()


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    language: str
    published: str | None
    is_event_report: bool
    derived_from: str | None
    relation: str | None
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Gold:
    articles: dict[str, GoldArticle] = field(default_factory=dict)
    events: dict[str, GoldEvent] = field(default_factory=dict)


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; GoldError on bad JSON."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise GoldError(f"{path}:{number}: expected a JSON object")
        yield number, obj


def _actor(value: Any, where: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not isinstance(value.get("name"), str):
        raise GoldError(f"{where}: an actor must be null or {{'name': str, 'aliases': [...]}}")
    aliases = value.get("aliases") or []
    return GoldActor(value["name"], tuple(str(a) for a in aliases))


def _count(value: Any) -> int | None:
    """An integer, also when written as 12.0; None if it is not a whole number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() and value >= 0 else None


def _fatality(value: Any, where: str) -> GoldFatality:
    if not isinstance(value, Mapping):
        raise GoldError(f"{where}: a fatalities entry must be an object")
    count = _count(value.get("value"))
    if not isinstance(value.get("article"), str) or count is None:
        raise GoldError(f"{where}: a fatalities entry needs 'article' (str) and 'value' (int >= 0)")
    if value.get("qualifier") not in QUALIFIERS:
        raise GoldError(f"{where}: unknown qualifier {value.get('qualifier')!r}")
    return GoldFatality(
        value["article"],
        count,
        value["qualifier"],
        value.get("claimant"),
        value.get("quote"),
    )


def _float(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GoldError(f"{where}: expected a number, got {value!r}")
    return float(value)


def parse_event(obj: Mapping[str, Any], where: str) -> GoldEvent:
    """One gold/events.jsonl record."""
    if not isinstance(obj.get("id"), str):
        raise GoldError(f"{where}: missing 'id'")
    fatalities = obj.get("fatalities") or []
    if not isinstance(fatalities, list):
        raise GoldError(f"{where}: 'fatalities' must be a list")
    acled = _count(obj.get("fatalities_acled", 0))
    if acled is None:
        raise GoldError(f"{where}: 'fatalities_acled' must be an integer >= 0")
    aliases = obj.get("admin1_aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GoldError(f"{where}: 'admin1_aliases' must be a list of names")
    return GoldEvent(
        id=obj["id"],
        date=obj.get("date"),
        date_precision=obj.get("date_precision"),
        country=obj.get("country"),
        admin1=obj.get("admin1"),
        location=obj.get("location"),
        lat=_float(obj.get("lat"), where),
        lon=_float(obj.get("lon"), where),
        geo_precision=obj.get("geo_precision"),
        event_type=obj.get("event_type"),
        sub_event_type=obj.get("sub_event_type"),
        actor1=_actor(obj.get("actor1"), where),
        actor2=_actor(obj.get("actor2"), where),
        fatalities=tuple(_fatality(f, where) for f in fatalities),
        fatalities_acled=acled,
        admin1_aliases=tuple(aliases),
    )


def parse_article(obj: Mapping[str, Any], where: str) -> GoldArticle:
    """One gold/articles.jsonl record."""
    if not isinstance(obj.get("id"), str):
        raise GoldError(f"{where}: missing 'id'")
    events = obj.get("events") or []
    if not isinstance(events, list):
        raise GoldError(f"{where}: 'events' must be a list")
    return GoldArticle(
        id=obj["id"],
        language=str(obj.get("language") or ""),
        published=obj.get("published"),
        is_event_report=bool(obj.get("is_event_report")),
        derived_from=obj.get("derived_from"),
        relation=obj.get("relation"),
        events=tuple(str(e) for e in events),
    )


def load_gold(corpus: Path) -> Gold:
    """Read ``corpus/gold/articles.jsonl`` and ``corpus/gold/events.jsonl``."""
    corpus = Path(corpus)
    gold = Gold()
    events_path = corpus / "gold" / "events.jsonl"
    for number, obj in read_jsonl(events_path):
        event = parse_event(obj, f"{events_path}:{number}")
        if event.id in gold.events:
            raise GoldError(f"{events_path}:{number}: duplicate event id {event.id!r}")
        gold.events[event.id] = event
    articles_path = corpus / "gold" / "articles.jsonl"
    for number, obj in read_jsonl(articles_path):
        article = parse_article(obj, f"{articles_path}:{number}")
        if article.id in gold.articles:
            raise GoldError(f"{articles_path}:{number}: duplicate article id {article.id!r}")
        unknown = [e for e in article.events if e not in gold.events]
        if unknown:
            raise GoldError(f"{articles_path}:{number}: unknown event ids {unknown}")
        gold.articles[article.id] = article
    return gold


def gold_as_predictions(gold: Gold) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Export-shaped (events, articles) records built from the gold itself.

    Scoring them checks the scorer: nearly every figure should be 1.0.
    """
    cited: dict[str, list[str]] = {e: [] for e in gold.events}
    for article in gold.articles.values():
        for event_id in article.events:
            cited[event_id].append(article.id)
    precision = {"day": 1, "week": 2, "month": 3}
    events = [
        {
            "event_id": e.id,
            "event_date": e.date,
            "time_precision": precision.get(e.date_precision or ""),
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "actor1": e.actor1.name if e.actor1 else None,
            "actor2": e.actor2.name if e.actor2 else None,
            "country": e.country,
            "admin1": e.admin1,
            "location": e.location,
            "latitude": e.lat,
            "longitude": e.lon,
            "geo_precision": e.geo_precision,
            "fatalities": e.fatalities_acled,
            "claims": [
                {
                    "article_id": f.article,
                    "value": f.value,
                    "qualifier": f.qualifier,
                    "kind": "killed",
                    "victims": None,
                    "claimant": f.claimant,
                    "start": 0,
                    "end": 0,
                }
                for f in e.fatalities
            ],
            "article_ids": cited[e.id],
            "notes": None,
        }
        for e in gold.events.values()
    ]
    articles = [
        {
            "article_id": a.id,
            "language": a.language,
            "language_confidence": 1.0,
            "published": a.published,
            "derived_from": a.derived_from,
            "relation": a.relation,
            "event_ids": list(a.events),
            "warnings": [],
        }
        for a in gold.articles.values()
    ]
    return events, articles
