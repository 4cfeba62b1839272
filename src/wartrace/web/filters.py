"""The analyst's filters: parsed from a URL's query, turned into a parameterised WHERE clause.

Every filter lives in the URL, so a view can be shared. User input only ever
reaches SQLite as a bound parameter: the clause is assembled from constant
fragments chosen by which filters are set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

PAGE_SIZES = (25, 50, 100, 200)
SORTS = {
    # sort key -> ORDER BY (constant SQL; the key is only looked up, never interpolated)
    "date": "e.event_date DESC, e.event_id",
    "date_asc": "e.event_date ASC, e.event_id",
    "fatalities": "e.fatalities DESC, e.event_date DESC, e.event_id",
}
MAX_TEXT = 200
_WORD = re.compile(r"[\w][\w'’-]*\*?", re.UNICODE)


class FilterError(ValueError):
    """A filter value that cannot be used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    language: str | None = None
    outlet: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    sort: str = "date"
    page: int = 1
    per_page: int = 25

    def query(self, **changes: Any) -> str:
        """This view's URL query (with ``changes``), without defaults: a shareable link."""
        f = replace(self, **changes) if changes else self
        pairs: list[tuple[str, str]] = []
        for name in _FIELD_NAMES:
            value = getattr(f, name)
            if value is None or value == "" or value == _DEFAULTS.get(name):
                continue
            if name == "bbox":
                value = ",".join(f"{v:g}" for v in value)
            pairs.append((name, str(value)))
        return urlencode(pairs)

    def is_empty(self) -> bool:
        return all(
            getattr(self, f.name) in (None, "") for f in fields(self) if f.name not in _DEFAULTS
        )


_DEFAULTS: dict[str, Any] = {"sort": "date", "page": 1, "per_page": 25}
_FIELD_NAMES = tuple(f.name for f in fields(Filters))


CHIP_LABELS = {
    "q": "Search",
    "since": "From",
    "until": "To",
    "country": "Country",
    "admin1": "Region",
    "actor": "Actor",
    "event_type": "Type",
    "language": "Language",
    "outlet": "Outlet",
    "bbox": "Map area",
}


def active_chips(f: Filters) -> list[tuple[str, str, str]]:
    """(label, value, link without it) for every filter in force: removable one by one."""
    out = []
    for name, label in CHIP_LABELS.items():
        value = getattr(f, name)
        if value in (None, ""):
            continue
        if name == "bbox":
            w, s, e, n = value
            value = f"{s:.2f}, {w:.2f} – {n:.2f}, {e:.2f}"
        out.append((label, str(value), "/?" + f.query(**{name: None, "page": 1})))
    return out


def with_params(base: str, **params: Any) -> str:
    """``base`` (a query from ``Filters.query``) with more parameters: cheap, for many links."""
    extra = urlencode({k: v for k, v in params.items() if v is not None})
    return "/?" + "&".join(p for p in (base, extra) if p)


_TEXT_FIELDS = ("country", "admin1", "actor", "event_type", "language", "outlet")


def _date(name: str, value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(v) for v in value.split(","))
    except ValueError:
        raise FilterError(f"bbox: expected west,south,east,north, got {value!r}") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise FilterError(f"bbox: not a box on the globe: {value!r}")
    return (w, s, e, n)


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise FilterError(f"{name}: expected a whole number, got {value!r}") from None
    return max(low, min(high, number))


def parse_filters(params: Mapping[str, str]) -> tuple[Filters, list[str]]:
    """Filters from a query string; bad values are dropped and explained, never fatal."""
    values: dict[str, Any] = {}
    errors: list[str] = []

    def text(name: str) -> str | None:
        raw = (params.get(name) or "").strip()
        return raw[:MAX_TEXT] or None

    for name in _TEXT_FIELDS:
        values[name] = text(name)
    if values["country"]:
        values["country"] = values["country"].upper()
    q = text("q")
    if q and fts_query(q) is None:
        errors.append(f"q: no searchable words in {q!r}")
        q = None
    values["q"] = q
    parsers: dict[str, Any] = {
        "since": lambda v: _date("since", v),
        "until": lambda v: _date("until", v),
        "bbox": _bbox,
        "page": lambda v: _int("page", v, 1, 100_000),
        "per_page": lambda v: min(PAGE_SIZES, key=lambda s: abs(s - _int("per_page", v, 1, 500))),
    }
    for name, parse in parsers.items():
        raw = text(name)
        if raw is None:
            continue
        try:
            values[name] = parse(raw)
        except FilterError as exc:
            errors.append(str(exc))
    sort = text("sort")
    if sort:
        if sort in SORTS:
            values["sort"] = sort
        else:
            errors.append(f"sort: expected one of {', '.join(SORTS)}, got {sort!r}")
    if values.get("since") and values.get("until") and values["since"] > values["until"]:
        errors.append("since is after until: the dates were swapped")
        values["since"], values["until"] = values["until"], values["since"]
    return Filters(**values), errors


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word quoted (a trailing ``*`` kept as a prefix search), ANDed.

    Users type words, not FTS5 syntax, so quotes, parentheses and operators can
    neither break the query nor change its meaning.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    terms = []
    for w in words[:20]:
        prefix = w.endswith("*")
        core = w.rstrip("*").replace('"', "")
        if core:
            terms.append(f'"{core}"' + ("*" if prefix else ""))
    return " AND ".join(terms) or None


EXPENSIVE = ("language", "outlet", "q")  # filters that join articles or search text


def where(f: Filters, *, has_fts: bool, preselected: str | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters for these filters.

    ``preselected``: a JSON array of the rowids of the events that pass the
    EXPENSIVE filters, worked out once (see ``queries.selection``) and reused by
    every query of a page instead of joining articles again in each.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if preselected is not None:
        # The unary + keeps SQLite scanning the covering indexes (every index entry holds the
        # rowid) instead of fetching each table row by rowid.
        clauses.append("+e.rowid IN (SELECT value FROM json_each(?))")
        params.append(preselected)
        f = replace(f, language=None, outlet=None, q=None)
    if f.since:
        clauses.append("e.event_date >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.event_date <= ?")
        params.append(f.until)
    if f.country:
        clauses.append("e.country = ?")
        params.append(f.country)
    if f.admin1:
        clauses.append("e.admin1 = ?")
        params.append(f.admin1)
    if f.actor:
        clauses.append("(e.actor1 = ? COLLATE NOCASE OR e.actor2 = ? COLLATE NOCASE)")
        params += [f.actor, f.actor]
    if f.event_type:
        clauses.append("e.event_type = ?")
        params.append(f.event_type)
    if f.language:
        clauses.append(
            "e.event_id IN (SELECT r.event_id FROM reports r JOIN articles a"
            " ON a.article_id = r.article_id WHERE a.language = ?)"
        )
        params.append(f.language)
    if f.outlet:
        clauses.append(
            "e.event_id IN (SELECT r.event_id FROM reports r JOIN articles a"
            " ON a.article_id = r.article_id WHERE coalesce(a.outlet, a.text_outlet) = ?)"
        )
        params.append(f.outlet)
    if f.bbox:
        clauses.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
        params += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
    if f.q:
        query = fts_query(f.q)
        if has_fts:
            clauses.append(
                "(e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
                " OR e.event_id IN (SELECT r.event_id FROM reports r WHERE r.article_id IN"
                " (SELECT a.article_id FROM articles a WHERE a.rowid IN"
                " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))))"
            )
            params += [query, query]
        else:
            # A store not yet migrated to the search index: slower substring search.
            like = "%" + f.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append(
                "(e.location LIKE ? ESCAPE '\\' OR e.notes LIKE ? ESCAPE '\\'"
                " OR e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\')"
            )
            params += [like] * 4
    sql = " AND ".join(clauses) if clauses else "1"
    return sql, params
