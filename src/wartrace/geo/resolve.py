"""Find place names in an article and decide which place each one means.

Matching runs one Aho-Corasick pass over the folded article (see ``normalize``);
patterns are padded with spaces, so matches respect word boundaries. Choosing uses
the article's context: countries and provinces it mentions (or its dateline), the
other places near a candidate, the candidate's kind and population.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from wartrace.geo.gazetteer import DATA_DIR, KINDS_AREA, Gazetteer, Place
from wartrace.geo.normalize import ARTICLE, FoldedText, fold_text, fold_token

NEAR_KM = 150.0
PLAIN_SHARE = 0.6  # a country with this share of the evidence makes the article "plainly" about it
PLAIN_WEIGHT = 2.0
SMALL_TOWN = 15000
FOREIGN_MIN_POP = 100_000  # smaller foreign towns are dropped once the article's country is known


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets in the article text
    end: int
    surface: str
    key: str
    candidates: tuple[int, ...]  # place indices
    first_token: int
    last_token: int


@dataclass(slots=True)
class ArticleContext:
    text: str
    folded: FoldedText
    mentions: list[Mention]
    choice: dict[int, int] = field(default_factory=dict)  # mention index -> place index
    country_weight: dict[str, float] = field(default_factory=dict)
    doc_country: str | None = None
    plainly: bool = False  # the article is plainly about doc_country
    admin1s: set[tuple[str, str]] = field(default_factory=set)  # (country, admin1) mentioned
    flags: dict[int, dict[str, bool]] = field(default_factory=dict)  # first token -> cue flags


# ---------------------------------------------------------------- cues


@dataclass(frozen=True, slots=True)
class Cues:
    near_before: frozenset[tuple[str, ...]]
    near_after: frozenset[tuple[str, ...]]
    province_after: frozenset[tuple[str, ...]]
    province_before: frozenset[tuple[str, ...]]
    locative_before: frozenset[tuple[str, ...]]
    background_before: frozenset[tuple[str, ...]]
    background_after: frozenset[tuple[str, ...]]
    facility_before: frozenset[tuple[str, ...]]
    facility_after: frozenset[tuple[str, ...]]


def _fold_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(k for word in str(phrase).replace("-", " ").split() for k in fold_token(word))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Cue phrases of every language in data/cues/ (adding a language = adding a file)."""
    merged: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for path in sorted((DATA_DIR / "cues").glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        for name, phrases in data.items():
            if name not in Cues.__slots__:
                raise ValueError(f"{path.name}: unknown cue list {name!r}")
            merged[name].update(p for p in map(_fold_phrase, phrases or []) if p)
    return Cues(**{name: frozenset(merged.get(name, set())) for name in Cues.__slots__})


@lru_cache(maxsize=64)
def _lengths(phrases: frozenset[tuple[str, ...]]) -> frozenset[int]:
    return frozenset(len(p) for p in phrases)


def _has_before(tokens: list[str], first: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(
        first - n >= 0 and tuple(tokens[first - n : first]) in phrases for n in _lengths(phrases)
    )


def _has_after(tokens: list[str], last: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(tokens[last + 1 : last + 1 + n]) in phrases for n in _lengths(phrases))


# ---------------------------------------------------------------- matching


def _capitalised(text: str, ft: FoldedText, first: int, last: int, tokens: list[str]) -> bool:
    """Names in cased scripts must be capitalised ("Mosul", not "mosul"); skip leading articles."""
    for i in range(first, last + 1):
        if tokens[i] == ARTICLE and i < last:
            continue
        return not text[ft.spans[i][0]].islower()
    return False


def _word_like(
    text: str, ft: FoldedText, i: int, key: str, lower_words: set[str], gaz: Gazetteer
) -> bool:
    """A one-word match that is probably not a place name here."""
    if key in lower_words:  # the article uses it as an ordinary word
        return True
    start, end = ft.spans[i]
    word = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    if len(word) <= 4 and word.isupper() and text[line_start:start].strip():
        return True  # acronyms ("HAM", "SANA"), unless a dateline opens the line with them
    # Followed by another capitalised word: part of a longer name we do not know ("Tall Touqan").
    if i + 1 < len(ft.spans):
        nstart, _nend = ft.spans[i + 1]
        between = text[end:nstart]
        nxt = ft.tokens[i + 1]
        c = cues()
        if (
            key in name_prefixes()
            and between.strip() in ("", "-")
            and "\n" not in between
            and text[nstart].isupper()
            and nxt not in gaz.stopwords
            and (nxt,) not in c.province_after | c.near_after | c.background_after
        ):
            return True
    return False


@lru_cache(maxsize=1)
def name_prefixes() -> frozenset[str]:
    lines = (DATA_DIR / "name_prefixes.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold_token(w.strip())[0] for w in lines if w.strip() and not w.startswith("#"))


def find_mentions(gaz: Gazetteer, text: str) -> tuple[FoldedText, list[Mention]]:
    """Every gazetteer name in ``text``: longest matches first, no overlaps."""
    ft = fold_text(text)
    tokens = ft.tokens
    lower_words = {
        tokens[i]
        for i, (s, _e) in enumerate(ft.spans)
        if text[s].islower() and tokens[i] != ARTICLE
    }
    raw: list[tuple[int, int, str, tuple[int, ...]]] = []
    for end_pos, (key, ids) in gaz.automaton.iter(ft.folded):
        # The pattern is " key ": end_pos is its final space, the key starts len(key) before.
        first = ft.token_starting(end_pos - len(key))
        last = ft.token_ending(end_pos)
        if first is None or last is None:
            continue
        raw.append((first, last, key, ids))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    taken: set[int] = set()
    mentions: list[Mention] = []
    for first, last, key, ids in raw:
        if any(i in taken for i in range(first, last + 1)):
            continue
        if not _capitalised(text, ft, first, last, tokens):
            continue
        if first == last and _word_like(text, ft, first, key, lower_words, gaz):
            continue
        taken.update(range(first, last + 1))
        start, end = ft.spans[first][0], ft.spans[last][1]
        mentions.append(Mention(start, end, text[start:end], key, ids, first, last))
    mentions.sort(key=lambda m: m.start)
    return ft, mentions


# ---------------------------------------------------------------- context


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _kind_prior(place: Place) -> float:
    if place.kind == "country":
        return 3.0  # "Iran" is the country, not a hamlet of that name
    if place.kind == "admin1":
        return 0.6
    if place.kind == "city":
        return 0.0
    return 0.8  # curated conflict geography


def _pop_score(place: Place) -> float:
    return 0.4 * math.log10(place.population + 10)


def build_context(gaz: Gazetteer, text: str, dateline: str | None = None) -> ArticleContext:
    ft, mentions = find_mentions(gaz, text)
    ctx = ArticleContext(text, ft, mentions)
    weight: dict[str, float] = defaultdict(float)
    ambiguous: list[set[str]] = []
    for m in mentions:
        countries = {gaz.places[i].country for i in m.candidates}
        kinds = {gaz.places[i].kind for i in m.candidates}
        if len(countries) == 1:
            big = kinds - {"city"} or _max_pop(gaz, m) >= SMALL_TOWN
            weight[next(iter(countries))] += 1.5 if "country" in kinds else 1.0 if big else 0.5
        else:
            ambiguous.append(countries)
    # An ambiguous name counts for the countries the unambiguous names already point to.
    anchored = dict(weight)
    for countries in ambiguous:
        total = sum(anchored.get(c, 0.0) for c in countries)
        for c in countries:
            weight[c] += anchored.get(c, 0.0) / total if total else 0.3 / len(countries)
    for token in ft.tokens:
        cc = gaz.demonyms.get(token)
        if cc:
            weight[cc] += 0.5
    if dateline:
        ids = gaz.lookup(dateline)
        countries = {gaz.places[i].country for i in ids}
        if len(countries) == 1:  # a hint only: bureaus (Beirut, Nairobi, Dakar) cover neighbours
            weight[next(iter(countries))] += 0.5
    ctx.country_weight = dict(weight)
    if weight:
        top, top_w = max(weight.items(), key=lambda kv: kv[1])
        if top_w >= 1.0:
            ctx.doc_country = top
            ctx.plainly = top_w >= PLAIN_WEIGHT and top_w / sum(weight.values()) >= PLAIN_SHARE
    if ctx.doc_country:
        ctx.mentions = [m for m in mentions if not _stray(gaz, m, ctx.doc_country)]
    _resolve(gaz, ctx)
    return ctx


def _max_pop(gaz: Gazetteer, m: Mention) -> int:
    return max(gaz.places[i].population for i in m.candidates)


def _stray(gaz: Gazetteer, m: Mention, doc_country: str) -> bool:
    """A small foreign town in an article about another country: a word, not a place."""
    places = [gaz.places[i] for i in m.candidates]
    if any(p.country == doc_country or p.kind in ("country", "admin1") for p in places):
        return False
    if any(p.kind != "city" for p in places):  # curated conflict geography
        return False
    return max(p.population for p in places) < FOREIGN_MIN_POP


def _resolve(gaz: Gazetteer, ctx: ArticleContext) -> None:
    """Pick one place per mention: unambiguous ones first, then the rest in their light."""
    anchors: list[Place] = []
    for n, m in enumerate(ctx.mentions):
        if len(m.candidates) == 1:
            ctx.choice[n] = m.candidates[0]
            anchors.append(gaz.places[m.candidates[0]])
    for place in anchors:
        if place.kind == "admin1" and place.admin1:
            ctx.admin1s.add((place.country, place.admin1))
    for n, m in enumerate(ctx.mentions):
        if n in ctx.choice:
            continue
        countries = [i for i in m.candidates if gaz.places[i].kind == "country"]
        if countries:  # a country's name means the country, not a town once called that
            ctx.choice[n] = countries[0]
            continue
        ctx.choice[n] = max(m.candidates, key=lambda i: _candidate_score(gaz, ctx, i, anchors))
        chosen = gaz.places[ctx.choice[n]]
        if chosen.kind == "admin1" and chosen.admin1:
            ctx.admin1s.add((chosen.country, chosen.admin1))


def _candidate_score(gaz: Gazetteer, ctx: ArticleContext, idx: int, anchors: list[Place]) -> float:
    place = gaz.places[idx]
    score = _kind_prior(place) + _pop_score(place)
    w = ctx.country_weight.get(place.country, 0.0)
    score += min(w, 3.0) / 2
    if ctx.doc_country:
        if place.country == ctx.doc_country:
            score += 3.0
        elif ctx.plainly:
            score -= 4.0
    if place.admin1 and (place.country, place.admin1) in ctx.admin1s:
        score += 1.5
    if place.lat is not None and place.lon is not None:
        for other in anchors:
            if (
                other is not place
                and other.lat is not None
                and other.lon is not None
                and haversine_km(place.lat, place.lon, other.lat, other.lon) <= NEAR_KM
            ):
                score += 1.0
                break
    return score


# ---------------------------------------------------------------- the event's place


@dataclass(frozen=True, slots=True)
class Pick:
    place: Place
    precision: int | None
    mention: Mention | None
    score: float


def specificity_of_kind(kind: str) -> float:
    """How precisely a kind of place locates an event (higher = finer)."""
    if kind == "country":
        return 0.0
    if kind == "admin1":
        return 1.0
    if kind in KINDS_AREA:
        return 2.5
    return 3.0


def specificity(place: Place) -> float:
    return specificity_of_kind(place.kind)


def cue_flags(ctx: ArticleContext, m: Mention) -> dict[str, bool]:
    """What the words around a mention say about it (cached per article and mention)."""
    cached = ctx.flags.get(m.first_token)
    if cached is not None:
        return cached
    c = cues()
    tokens = ctx.folded.tokens
    flags = {
        "near": _has_before(tokens, m.first_token, c.near_before)
        or _has_after(tokens, m.last_token, c.near_after),
        "province": _has_after(tokens, m.last_token, c.province_after)
        or _has_before(tokens, m.first_token, c.province_before),
        "locative": _has_before(tokens, m.first_token, c.locative_before),
        "background": _has_before(tokens, m.first_token, c.background_before)
        or _has_after(tokens, m.last_token, c.background_after),
        "facility": _has_before(tokens, m.first_token, c.facility_before)
        or _has_after(tokens, m.last_token, c.facility_after),
    }
    ctx.flags[m.first_token] = flags
    return flags
