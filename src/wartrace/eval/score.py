"""Scoring extracted events and articles against gold (corpus FORMAT.md, "How a system is scored").

Predictions are the export records: one mapping per event (event_id, event_date,
latitude, claims, article_ids, ...) and one per article (article_id, language,
derived_from, relation, event_ids, ...). Malformed prediction values are read as
empty (scored as misses) and reported in ``Scores.warnings``; they never abort scoring.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any, Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

from wartrace.eval.gold import Gold, GoldEvent
from wartrace.eval.normalise import claimant_matches, fold, matches_any, normalise_name

DATE_GATE_DAYS = 1
DETECTION_KM = 50.0
LOCATION_KM = 25.0
EARTH_RADIUS_KM = 6371.0088
# Weight of one matched pair: larger than any sum of closeness costs, so the
# matching first maximises the number of pairs, then prefers closer ones.
PAIR_WEIGHT = 1e6
FIELDS = (
    "date",
    "location_25km",
    "admin1",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "actors",
    "fatalities",
)
# Same-language derivations: our store may call an unedited one a copy.
RELATION_ALIASES = {"copy": "rewrite"}

Verdict = Literal["correct", "wrong", "empty"]


@dataclass(slots=True)
class PRF:
    """Precision, recall and F1 from counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Share:
    """How many of ``total`` items were right; ``empty`` ones were left blank by us."""

    correct: int = 0
    wrong: int = 0
    empty: int = 0

    @property
    def total(self) -> int:
        return self.correct + self.wrong + self.empty

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, verdict: Verdict) -> None:
        if verdict == "correct":
            self.correct += 1
        elif verdict == "wrong":
            self.wrong += 1
        else:
            self.empty += 1


@dataclass(frozen=True, slots=True)
class Match:
    article_id: str
    gold_event: str
    event_id: str


@dataclass(slots=True)
class Scores:
    detection: PRF = field(default_factory=PRF)
    negative_articles: int = 0  # gold articles with no gold event
    negative_fp: int = 0  # extracted events citing those
    fields: dict[str, Share] = field(default_factory=lambda: {f: Share() for f in FIELDS})
    claims: PRF = field(default_factory=PRF)
    claim_qualifier: Share = field(default_factory=Share)
    claim_claimant: Share = field(default_factory=Share)
    grouping: PRF = field(default_factory=PRF)
    derivation: PRF = field(default_factory=PRF)
    derivation_relation: Share = field(default_factory=Share)
    language: Share = field(default_factory=Share)
    matches: list[Match] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- reading prediction values ---------------------------------------------------------


class _Reader:
    """Reads prediction fields leniently, noting every malformed value once."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings

    def _bad(self, where: str, key: str, value: Any) -> None:
        self.warnings.append(f"{where}: ignored malformed {key}={value!r}")

    def text(self, rec: Mapping[str, Any], key: str, where: str) -> str | None:
        value = rec.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            self._bad(where, key, value)
            return None
        return value.strip()

    def number(self, rec: Mapping[str, Any], key: str, where: str) -> float | None:
        value = rec.get(key)
        if value is None or value == "":
            return None
        try:
            if isinstance(value, bool):
                raise TypeError
            out = float(value)
        except (TypeError, ValueError):
            self._bad(where, key, value)
            return None
        if not math.isfinite(out):
            self._bad(where, key, value)
            return None
        return out

    def integer(self, rec: Mapping[str, Any], key: str, where: str) -> int | None:
        out = self.number(rec, key, where)
        if out is not None and out != int(out):
            self._bad(where, key, rec.get(key))
            return None
        return None if out is None else int(out)

    def day(self, rec: Mapping[str, Any], key: str, where: str) -> date | None:
        value = self.text(rec, key, where)
        if value is None:
            return None
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            self._bad(where, key, value)
            return None

    def ids(self, rec: Mapping[str, Any], key: str, where: str) -> list[str]:
        value = rec.get(key)
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            self._bad(where, key, value)
            return []
        return [str(v) for v in value if v is not None]


@dataclass(frozen=True, slots=True)
class _Ours:
    event_id: str
    day: date | None
    lat: float | None
    lon: float | None
    admin1: str | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    article_ids: tuple[str, ...]


def _read_event(rec: Mapping[str, Any], index: int, read: _Reader) -> _Ours:
    event_id = str(rec.get("event_id") or f"#{index}")
    where = f"event {event_id}"
    lat, lon = read.number(rec, "latitude", where), read.number(rec, "longitude", where)
    if lat is None or lon is None:
        lat = lon = None
    return _Ours(
        event_id=event_id,
        day=read.day(rec, "event_date", where),
        lat=lat,
        lon=lon,
        admin1=read.text(rec, "admin1", where),
        event_type=read.text(rec, "event_type", where),
        sub_event_type=read.text(rec, "sub_event_type", where),
        actor1=read.text(rec, "actor1", where),
        actor2=read.text(rec, "actor2", where),
        fatalities=read.integer(rec, "fatalities", where),
        article_ids=tuple(dict.fromkeys(read.ids(rec, "article_ids", where))),
    )


# --- geometry and gates ----------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _gold_day(event: GoldEvent) -> date | None:
    try:
        return date.fromisoformat(event.date) if event.date else None
    except ValueError:
        return None


def _km(gold: GoldEvent, ours: _Ours) -> float | None:
    if gold.lat is None or gold.lon is None or ours.lat is None or ours.lon is None:
        return None
    return haversine_km(gold.lat, gold.lon, ours.lat, ours.lon)


def _days(gold: GoldEvent, ours: _Ours) -> int | None:
    g = _gold_day(gold)
    return None if g is None or ours.day is None else abs((g - ours.day).days)


def compatible(gold: GoldEvent, ours: _Ours) -> bool:
    """The detection gate: dates within a day and places within 50 km, when both are known."""
    days, km = _days(gold, ours), _km(gold, ours)
    return (days is None or days <= DATE_GATE_DAYS) and (km is None or km <= DETECTION_KM)


def _closeness(gold: GoldEvent, ours: _Ours) -> float:
    """Lower is closer; an unknown date or place costs as much as the gate allows."""
    days, km = _days(gold, ours), _km(gold, ours)
    cost = (days if days is not None else DATE_GATE_DAYS) / DATE_GATE_DAYS
    cost += (km if km is not None else DETECTION_KM) / DETECTION_KM
    # Last tie-break: agreeing fields (two reports of one place and day in one article).
    disagree = sum(
        verdict != "correct"
        for verdict in (
            _judge_text(ours.event_type, gold.event_type),
            _judge_text(ours.sub_event_type, gold.sub_event_type),
            _judge_actor(ours.actor1, gold.actor1.names if gold.actor1 else None),
            _judge_eq(ours.fatalities, gold.fatalities_acled),
        )
    )
    return cost + 0.01 * disagree


def best_matching(
    n_rows: int,
    n_cols: int,
    eligible: Callable[[int, int], bool],
    cost: Callable[[int, int], float],
) -> list[tuple[int, int]]:
    """One-to-one pairs among the eligible ones: as many as possible, then cheapest."""
    if not n_rows or not n_cols:
        return []
    weights = np.zeros((n_rows, n_cols))
    ok = np.zeros((n_rows, n_cols), dtype=bool)
    for i in range(n_rows):
        for j in range(n_cols):
            if eligible(i, j):
                ok[i, j] = True
                weights[i, j] = -PAIR_WEIGHT + cost(i, j)
    rows, cols = linear_sum_assignment(weights)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if ok[i, j]]


# --- field verdicts --------------------------------------------------------------------


def _judge(ours: Any, gold: Any, same: Callable[[Any, Any], bool]) -> Verdict:
    """Both empty is right; ours empty is a miss; otherwise compare."""
    if ours is None:
        return "correct" if gold is None else "empty"
    if gold is None:
        return "wrong"
    return "correct" if same(ours, gold) else "wrong"


def _judge_eq(ours: Any, gold: Any) -> Verdict:
    return _judge(ours, gold, lambda a, b: a == b)


def _judge_text(ours: str | None, gold: str | None) -> Verdict:
    return _judge(ours, gold, lambda a, b: " ".join(fold(a).split()) == " ".join(fold(b).split()))


def _judge_actor(ours: str | None, names: Sequence[str] | None) -> Verdict:
    return _judge(ours, names, matches_any)


def field_verdicts(gold: GoldEvent, ours: _Ours) -> dict[str, Verdict]:
    km = _km(gold, ours)
    if gold.lat is None or gold.lon is None:
        location: Verdict = "correct" if ours.lat is None else "wrong"
    elif ours.lat is None:
        location = "empty"
    else:
        location = "correct" if km is not None and km <= LOCATION_KM else "wrong"
    actor1 = _judge_actor(ours.actor1, gold.actor1.names if gold.actor1 else None)
    actor2 = _judge_actor(ours.actor2, gold.actor2.names if gold.actor2 else None)
    if actor1 == actor2 == "correct":
        actors: Verdict = "correct"
    elif ours.actor1 is None and ours.actor2 is None:
        actors = "empty"
    else:
        actors = "wrong"
    return {
        "date": _judge_eq(ours.day, _gold_day(gold)),
        "location_25km": location,
        "admin1": _judge(
            ours.admin1,
            gold.admin1_names() or None,
            lambda a, names: normalise_name(a) in {normalise_name(n) for n in names},
        ),
        "event_type": _judge_text(ours.event_type, gold.event_type),
        "sub_event_type": _judge_text(ours.sub_event_type, gold.sub_event_type),
        "actor1": actor1,
        "actor2": actor2,
        "actors": actors,
        "fatalities": _judge_eq(ours.fatalities, gold.fatalities_acled),
    }


# --- the figures -----------------------------------------------------------------------


def _score_detection(gold: Gold, ours: list[_Ours], scores: Scores) -> None:
    by_article: dict[str, list[_Ours]] = defaultdict(list)
    for event in ours:
        for article_id in event.article_ids:
            by_article[article_id].append(event)
    unknown = sorted(set(by_article) - set(gold.articles))
    if unknown:
        scores.warnings.append(
            f"{len(unknown)} article ids cited by events are not in the gold and were ignored: "
            + ", ".join(unknown[:10])
            + (" ..." if len(unknown) > 10 else "")
        )
    for article in gold.articles.values():
        gold_events = [gold.events[e] for e in article.events]
        cited = by_article.get(article.id, [])
        pairs = best_matching(
            len(gold_events),
            len(cited),
            lambda i, j: compatible(gold_events[i], cited[j]),  # noqa: B023
            lambda i, j: _closeness(gold_events[i], cited[j]),  # noqa: B023
        )
        scores.detection.tp += len(pairs)
        scores.detection.fp += len(cited) - len(pairs)
        scores.detection.fn += len(gold_events) - len(pairs)
        if not gold_events:
            scores.negative_articles += 1
            scores.negative_fp += len(cited)
        for i, j in pairs:
            scores.matches.append(Match(article.id, gold_events[i].id, cited[j].event_id))
            for name, verdict in field_verdicts(gold_events[i], cited[j]).items():
                scores.fields[name].add(verdict)


@dataclass(frozen=True, slots=True)
class _Claim:
    qualifier: str | None
    claimant: str | None


# Claim scopes (extract/tally.py) that are no reported death figure of the event: background
# and other incidents' tolls, and a person named among the dead without a figure ("a woman was
# among them"). A part told by a figure ("including 3 children") is one (FORMAT.md:
# "reported death figures"; gold lists them).
NOT_EVENT_FIGURES = frozenset({"member", "background", "other"})


def _read_claims(
    events: Sequence[Mapping[str, Any]], known: Iterable[str], read: _Reader
) -> dict[tuple[str, int], list[_Claim]]:
    known_ids = set(known)
    out: dict[tuple[str, int], list[_Claim]] = defaultdict(list)
    for index, rec in enumerate(events):
        claims = rec.get("claims") or []
        where = f"event {rec.get('event_id') or f'#{index}'}"
        if not isinstance(claims, list):
            read._bad(where, "claims", claims)
            continue
        for claim in claims:
            if not isinstance(claim, Mapping):
                read._bad(where, "claim", claim)
                continue
            if claim.get("kind") != "killed" or claim.get("scope") in NOT_EVENT_FIGURES:
                continue  # gold lists reported death figures, not background or members
            value = read.integer(claim, "value", where)
            article_id = read.text(claim, "article_id", where)
            if value is None or article_id is None or article_id not in known_ids:
                continue
            out[(article_id, value)].append(
                _Claim(read.text(claim, "qualifier", where), read.text(claim, "claimant", where))
            )
    return out


def _score_claims(gold: Gold, events: Sequence[Mapping[str, Any]], scores: Scores) -> None:
    read = _Reader(scores.warnings)
    ours = _read_claims(events, gold.articles, read)
    wanted: dict[tuple[str, int], list[_Claim]] = defaultdict(list)
    for event in gold.events.values():
        for f in event.fatalities:
            wanted[(f.article, f.value)].append(_Claim(f.qualifier, f.claimant))

    def weight(o: _Claim, g: _Claim) -> float:
        return 2.0 * (o.qualifier == g.qualifier) + claimant_matches(o.claimant, g.claimant)

    for key in set(ours) | set(wanted):
        mine, theirs = ours.get(key, []), wanted.get(key, [])
        pairs = best_matching(
            len(mine),
            len(theirs),
            lambda i, j: True,
            lambda i, j: -weight(mine[i], theirs[j]),  # noqa: B023
        )
        scores.claims.tp += len(pairs)
        scores.claims.fp += len(mine) - len(pairs)
        scores.claims.fn += len(theirs) - len(pairs)
        for i, j in pairs:
            o, g = mine[i], theirs[j]
            scores.claim_qualifier.add(
                "empty"
                if o.qualifier is None
                else "correct"
                if o.qualifier == g.qualifier
                else "wrong"
            )
            if g.claimant:
                scores.claim_claimant.add(
                    "empty"
                    if o.claimant is None
                    else "correct"
                    if claimant_matches(o.claimant, g.claimant)
                    else "wrong"
                )


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for members in groups:
        out.update(combinations(sorted(set(members)), 2))
    return out


def _prf(ours: set[Any], gold: set[Any]) -> PRF:
    return PRF(tp=len(ours & gold), fp=len(ours - gold), fn=len(gold - ours))


def _score_grouping(
    gold: Gold, ours: list[_Ours], articles: Sequence[Mapping[str, Any]], scores: Scores
) -> None:
    known = set(gold.articles)
    gold_groups: dict[str, set[str]] = defaultdict(set)
    for article in gold.articles.values():
        for event_id in article.events:
            gold_groups[event_id].add(article.id)
    our_groups: dict[str, set[str]] = defaultdict(set)
    for event in ours:
        our_groups[event.event_id].update(a for a in event.article_ids if a in known)
    read = _Reader(scores.warnings)
    for rec in articles:
        article_id = str(rec.get("article_id"))
        if article_id in known:
            for event_id in read.ids(rec, "event_ids", f"article {article_id}"):
                our_groups[event_id].add(article_id)
    scores.grouping = _prf(_pairs(our_groups.values()), _pairs(gold_groups.values()))


def _score_articles(gold: Gold, articles: Sequence[Mapping[str, Any]], scores: Scores) -> None:
    read = _Reader(scores.warnings)
    by_id: dict[str, Mapping[str, Any]] = {}
    for rec in articles:
        if rec.get("article_id") is None:
            scores.warnings.append(f"article record without article_id ignored: {dict(rec)!r:.80}")
            continue
        by_id[str(rec["article_id"])] = rec
    known = set(gold.articles)
    ours_links: dict[tuple[str, str], str | None] = {}
    for article_id, rec in by_id.items():
        where = f"article {article_id}"
        source = read.text(rec, "derived_from", where)
        if article_id in known and source is not None and source != article_id:
            relation = read.text(rec, "relation", where)
            relation = RELATION_ALIASES.get(relation or "", relation)
            ours_links[(min(article_id, source), max(article_id, source))] = relation
    gold_links = {
        (min(a.id, a.derived_from), max(a.id, a.derived_from)): a.relation
        for a in gold.articles.values()
        if a.derived_from
    }
    scores.derivation = _prf(set(ours_links), set(gold_links))
    for pair in set(ours_links) & set(gold_links):
        scores.derivation_relation.add(_judge_eq(ours_links[pair], gold_links[pair]))
    for article in gold.articles.values():
        rec = by_id.get(article.id, {})
        language = read.text(rec, "language", f"article {article.id}")
        scores.language.add(
            "empty"
            if language is None
            else "correct"
            if language.casefold() == article.language.casefold()
            else "wrong"
        )


def score(
    gold: Gold, events: Sequence[Mapping[str, Any]], articles: Sequence[Mapping[str, Any]]
) -> Scores:
    """Every figure of FORMAT.md for one system output against one gold."""
    scores = Scores()
    read = _Reader(scores.warnings)
    ours = [_read_event(rec, i, read) for i, rec in enumerate(events)]
    duplicates = [k for k, n in Counter(e.event_id for e in ours).items() if n > 1]
    if duplicates:
        scores.warnings.append(f"duplicate event ids: {', '.join(sorted(duplicates)[:10])}")
    _score_detection(gold, ours, scores)
    _score_claims(gold, events, scores)
    _score_grouping(gold, ours, articles, scores)
    _score_articles(gold, articles, scores)
    return scores
