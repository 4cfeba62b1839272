"""Picking the place of one event: score the gazetteer names that the event's own sentences
point at, in the light of the article's context, and return it with an ACLED precision.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from wartrace.geo.addresses import qualifies
from wartrace.geo.country import text_evidence
from wartrace.geo.flags import cue_flags, specificity, specificity_of_kind
from wartrace.geo.gazetteer import KINDS_AREA, Gazetteer, Place, shared
from wartrace.geo.mentions import Mention, cues, has_before
from wartrace.geo.resolve import ArticleContext, build_context, haversine_km, within_km
from wartrace.models import Geo

MIN_SCORE = 1.0  # below this the pick is too uncertain to report
POSSESSOR_PENALTY = 1.5  # "Hodeidah's Durayhimi district": Hodeidah says where it lies
GRIEVANCE_PENALTY = 2.0  # less than a speaker's place: alone, it may be the protest's too
DATELINE_PENALTY = 3.0  # where the reporter files from: only when the evidence names nothing else
_CONTEXTS: OrderedDict[tuple[int, str, str | None, str | None], ArticleContext] = OrderedDict()
_CONTEXT_CACHE = 16


def load_gazetteer() -> Gazetteer:
    """The shared compiled gazetteer (built and cached on first use)."""
    return shared()


def article_context(
    text: str, dateline: str | None = None, language: str | None = None
) -> ArticleContext:
    """Mentions and their resolved places for one article (cached: events share an article)."""
    key = (hash(text), text[:64], dateline, language)
    ctx = _CONTEXTS.get(key)
    if ctx is None or ctx.text != text:
        ctx = build_context(load_gazetteer(), text, dateline, text_evidence(text, language))
        _CONTEXTS[key] = ctx
        if len(_CONTEXTS) > _CONTEXT_CACHE:
            _CONTEXTS.popitem(last=False)
    return ctx


@dataclass(frozen=True, slots=True)
class Resolved:
    place: Place
    precision: int | None
    mention: Mention | None
    score: float


def _overlaps(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < end and start < m.end for start, end in spans)


def literal_spans(text: str, needle: str | None) -> list[tuple[int, int]]:
    """Where an outlet or credit name is written: places inside it are not event places."""
    if not needle or len(needle) < 3:
        return []
    hay, low = text.lower(), needle.lower()
    out, pos = [], hay.find(low)
    while pos >= 0:
        out.append((pos, pos + len(low)))
        pos = hay.find(low, pos + 1)
    return out


_DATELINE_TAIL = re.compile(r"\s*(?:,\s*[A-Z][A-Z .]+)?\s*(?:[–—-]|\(|,)")


def _dateline_like(text: str, m: Mention) -> bool:
    """An upper-case place opening a line ("HOMS, Syria -", "DAMASKUS, SATUHARAPAN.COM")."""
    if not m.surface.isupper() or len(m.surface) <= 3:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip() or bool(_DATELINE_TAIL.match(text, m.end))


def _score(
    gaz: Gazetteer,
    ctx: ArticleContext,
    n: int,
    order: int,
    roles: dict[int, str],
    excluded: list[tuple[int, int]],
    dateline_mentions: set[int],
) -> float:
    m = ctx.mentions[n]
    place = gaz.places[ctx.choice[n]]
    flags = cue_flags(ctx, m)
    score = _effective_specificity(gaz, ctx, n) - 0.05 * order
    role = roles.get(n)
    if role == "event":
        score += 3.0
    elif role == "background":
        score -= 3.0
    if ctx.doc_country:
        if place.country == ctx.doc_country:
            score += 1.0
        elif ctx.plainly:
            score -= 4.0
    if (flags["origin"] and place.kind == "country") or flags["street"]:
        # "jihadists from Mali", "on Jalalabad Road" (in Kabul): never the event's place
        return float("-inf")
    if flags["background"] or flags["named_facility"] or flags["people_from"]:
        # a speaker's or outlet's place, a hospital or hotel named after a town, where the
        # attackers came from ("militants from Jamaame attacked a base in Kismayo")
        score -= 3.0
    if _says_where_the_next_lies(gaz, ctx, n):
        score -= POSSESSOR_PENALTY
    if flags["grievance"]:
        # where the killing a protest is about happened: the protest's place only when the
        # text names no other ("protested in Goma against the killing of civilians in Beni")
        score -= GRIEVANCE_PENALTY
    if flags["locative"]:
        score += 0.7
    if _in_title_case_line(ctx.text, m.start) and not _named_in_the_body(ctx, n):
        # "... Dipasang Kawat Duri": in a title-case headline any word looks like a name,
        # unless the body names the same place too.
        score -= 1.0
    if _overlaps(m, excluded) or m.start in ctx.fragments:
        score -= 5.0  # an outlet's name; a piece of another place's name ("Yar Maung Bridge")
    if n in dateline_mentions:
        score -= DATELINE_PENALTY
    return score


def _says_where_the_next_lies(gaz: Gazetteer, ctx: ArticleContext, n: int) -> bool:
    """A possessive place says where the place written right after it lies ("Hodeidah's
    Durayhimi district", "Kabul's Paghman district"): that place, in the same province, is
    the event's; the possessor is its landmark. (An unknown place after it leaves the
    possessor as the event's: "Karachi's Lyari district".)"""
    m = ctx.mentions[n]
    if n + 1 >= len(ctx.mentions) or not m.surface.endswith(("'s", "’s")):
        return False
    nxt = ctx.mentions[n + 1]
    if ctx.text[m.end : nxt.start] != " " or n + 1 not in ctx.choice:
        return False
    here, there = gaz.places[ctx.choice[n]], gaz.places[ctx.choice[n + 1]]
    return (
        there.kind not in ("country", "admin1")
        and there.country == here.country
        and there.admin1 == here.admin1
    )


def _named_in_the_body(ctx: ArticleContext, n: int) -> bool:
    """Whether the place of mention ``n`` is also named outside title-case headlines."""
    place = ctx.choice.get(n)
    return any(
        k != n and ctx.choice.get(k) == place and not _in_title_case_line(ctx.text, other.start)
        for k, other in enumerate(ctx.mentions)
    )


TITLE_MIN_WORDS = 4
TITLE_MAX_CHARS = 200  # a headline is one short line
TITLE_SHARE = 0.7


def _in_title_case_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a title-case headline (a short line, most words capitalised)."""
    return any(start <= pos < end for start, end in _title_case_lines(text))


@lru_cache(maxsize=16)
def _title_case_lines(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) <= TITLE_MAX_CHARS:
            words = [w for w in line.split() if w[:1].isalpha()]
            upper = sum(w[0].isupper() for w in words)
            if len(words) >= TITLE_MIN_WORDS and upper >= TITLE_SHARE * len(words):
                out.append((start, end))
        start = end + 1
    return tuple(out)


LOCAL_KM = 60.0


def _effective_specificity(gaz: Gazetteer, ctx: ArticleContext, n: int) -> float:
    """How precise a mention is as written: "Deir ez-Zor province" is a province, not the city."""
    if cue_flags(ctx, ctx.mentions[n])["province"] and _province_of(gaz, ctx, n) is not None:
        return specificity_of_kind("admin1")
    return specificity(gaz.places[ctx.choice[n]])


def _local_bonus(gaz: Gazetteer, ctx: ArticleContext, n: int, chosen: list[int]) -> float:
    """Of two nearby places in the evidence, the smaller is the event's; the bigger a landmark.

    "in Sayyida Zaynab, south of Damascus": Damascus is named to say where Sayyida Zaynab is.
    """
    place = gaz.places[ctx.choice[n]]
    if _effective_specificity(gaz, ctx, n) < 2.5 or place.lat is None or place.lon is None:
        return 0.0
    if _glosses_the_one_before(gaz, ctx, n):
        return 0.0  # "Matola (Namaacha, Maputo)": Namaacha says where Matola is
    bonus = 0.0
    peers = ctx.peers.get(n, frozenset())
    for k in chosen:
        other = gaz.places[ctx.choice[k]]
        if k == n or k in peers or other is place or _effective_specificity(gaz, ctx, k) < 2.5:
            continue  # (a list's members are peers: "in Sidon, Tripoli and Zahle")
        if other.lat is None:
            continue
        assert other.lon is not None
        if not within_km(place.lat, place.lon, other.lat, other.lon, LOCAL_KM):
            continue
        if other.population > place.population and "admin2" not in (place.kind, other.kind):
            # (a district holds its towns, whatever population the gazetteer gives it:
            # "Barangay Daro, Dumaguete, Negros Oriental" is not in the smaller Negros Oriental)
            bonus = max(bonus, 0.8)
        if (
            place.kind != "admin2"  # ("Durayhimi district": the word names its kind)
            and cue_flags(ctx, ctx.mentions[n])["near"]
            and not cue_flags(ctx, ctx.mentions[k])["near"]
        ):
            bonus = min(bonus, 0.0) - 1.0  # "X near Y": Y is the landmark
    return bonus


BASE_KM = 25.0


_BASES: dict[int, list[Place]] = {}


def _bases(gaz: Gazetteer) -> list[Place]:
    """The curated bases and airports (a short list; the gazetteer has 130,000 places)."""
    key = id(gaz)
    if key not in _BASES:
        _BASES.clear()
        _BASES[key] = [p for p in gaz.places if p.kind == "base"]
    return _BASES[key]


def _base_near(gaz: Gazetteer, town: Place) -> Place | None:
    """The curated base or airport closest to ``town``, within BASE_KM."""
    if town.lat is None or town.lon is None:
        return None
    best: tuple[float, Place] | None = None
    for place in _bases(gaz):
        if place.precision != 1 or place.country != town.country:
            continue  # (bases coded to a representative town are no better than the town)
        if place.lat is None:
            continue
        assert place.lon is not None
        d = haversine_km(town.lat, town.lon, place.lat, place.lon)
        if d <= BASE_KM and (best is None or d < best[0]):
            best = (d, place)
    return best[1] if best else None


def _province_of(gaz: Gazetteer, ctx: ArticleContext, n: int) -> Place | None:
    """The first-level division a mention names, when it can be read as one."""
    chosen = gaz.places[ctx.choice[n]]
    for i in ctx.mentions[n].candidates:
        p = gaz.places[i]
        if p.kind == "admin1" and p.country == chosen.country:
            return p
    # A spelling only listed for the capital ("Deir Ezzor"): the province it is the capital of.
    if chosen.lat is None or chosen.lon is None:
        return None
    for i in gaz.admin1_by_country.get(chosen.country, []):
        p = gaz.places[i]
        if (
            p.name == chosen.admin1
            and p.lat is not None
            and p.lon is not None
            and within_km(p.lat, p.lon, chosen.lat, chosen.lon, CAPITAL_KM)
        ):
            return p
    return None


CAPITAL_KM = 5.0


def _resolve_pick(gaz: Gazetteer, ctx: ArticleContext, n: int, score: float) -> Resolved:
    m = ctx.mentions[n]
    place = gaz.places[ctx.choice[n]]
    flags = cue_flags(ctx, m)
    precision = place.precision
    if flags["province"]:
        province = _province_of(gaz, ctx, n)
        if province is not None:
            return Resolved(province, 3, m, score)
    if flags["facility"] and place.kind == "city":
        base = _base_near(gaz, place)
        if base is not None:  # "the military airport of Deir ez-Zor": the curated airbase
            return Resolved(base, base.precision, m, score)
    if flags["near"] and precision is not None and place.kind not in ("admin1", "country"):
        precision = max(precision, 2)
    return Resolved(place, precision, m, score)


def geocode_span(
    text: str,
    windows: list[tuple[int, int]],
    *,
    event_spans: list[tuple[int, int]] | None = None,
    background_spans: list[tuple[int, int]] | None = None,
    dateline: str | None = None,
    excluded: list[tuple[int, int]] | None = None,
    language: str | None = None,
    elsewhere: bool = False,
) -> Resolved | None:
    """The best place for an event read from ``windows`` of ``text`` (offsets into it);
    ``elsewhere``: the event is at a named place the gazetteer lacks, not the dateline's."""
    gaz = load_gazetteer()
    ctx = article_context(text, dateline, language)
    roles: dict[int, str] = {}
    for n, m in enumerate(ctx.mentions):
        if event_spans and _overlaps(m, event_spans):
            roles[n] = "event"
        elif background_spans and _overlaps(m, background_spans):
            roles[n] = "background"
    _share_range_roles(ctx, roles)
    dateline_mentions = {n for n, m in enumerate(ctx.mentions) if _dateline_like(text, m)}
    if dateline:
        key = gaz.lookup(dateline)
        for n, m in enumerate(ctx.mentions[:3]):
            if m.start < 200 and set(m.candidates) & set(key):
                dateline_mentions.add(n)
    chosen = [
        n
        for n, m in enumerate(ctx.mentions)
        if (_overlaps(m, windows) or n in roles) and not (elsewhere and n in dateline_mentions)
    ]
    if not chosen:
        return None
    scored = [
        (
            _score(gaz, ctx, n, order, roles, excluded or [], dateline_mentions)
            + _local_bonus(gaz, ctx, n, chosen),
            n,
        )
        for order, n in enumerate(chosen)
    ]
    best_score, best = max(scored, key=lambda sn: (sn[0], -sn[1]))
    if best_score < MIN_SCORE:
        return None
    pick = _resolve_pick(gaz, ctx, best, best_score)
    refined = _refine(gaz, ctx, pick, best, scored, excluded or [], dateline_mentions)
    return refined or pick


REFINE_MARGIN = 4.5
AREA_TOWN_MAX = 50_000


def _share_range_roles(ctx: ArticleContext, roles: dict[int, str]) -> None:
    """ "from Al Mayadin to Al-Bukamal": the event's role on either end of a range is the
    range's; both ends then count alike, and the first one written wins the tie."""
    c = cues()
    tokens = ctx.folded.tokens
    for n in range(1, len(ctx.mentions)):
        a, b = ctx.mentions[n - 1], ctx.mentions[n]
        if {roles.get(n - 1), roles.get(n)} != {"event", None}:
            continue  # (one end is the event's, the other has no role)
        between = tuple(tokens[a.last_token + 1 : b.first_token])
        if between in c.range_to and has_before(tokens, a.first_token, c.range_from):
            roles[n - 1] = roles[n] = "event"


def _refine(
    gaz: Gazetteer,
    ctx: ArticleContext,
    pick: Resolved,
    best: int,
    scored: list[tuple[float, int]],
    excluded: list[tuple[int, int]],
    dateline_mentions: set[int],
) -> Resolved | None:
    """A finer place inside the chosen one, named in the same evidence (ACLED codes the most
    precise place): the extractor's "Damascus" -> "Sayyida Zaynab" a few km away; "Deir ez-Zor
    province" -> "al-Mayadin"; the country it names -> a town of that country in the same
    sentences. Not a landmark an area is placed by ("Jabal Bishri, north of X").
    """
    best_score = max(sc for sc, n in scored if n == best)
    spec = specificity(pick.place)
    divisions = _divisions_written_after(gaz, ctx, best)
    options: list[tuple[float, int]] = []
    for score, n in scored:
        p = gaz.places[ctx.choice[n]]
        m = ctx.mentions[n]
        if n == best or p is pick.place or p.country != pick.place.country:
            continue
        if n in ctx.peers.get(best, ()):
            continue  # "the Nyeri-Karatina road": the other end is no place inside this one
        if n in divisions and specificity(p) <= spec:
            continue  # "Matola (Namaacha, Maputo)": a gloss is the address, not a finer place
        if m.start in ctx.fragments:
            continue
        if score < best_score - REFINE_MARGIN or n in dateline_mentions or _overlaps(m, excluded):
            continue
        flags = cue_flags(ctx, m)
        if flags["background"] or flags["province"] or flags["named_facility"] or p.lat is None:
            continue  # (a hospital named after a town is in the chosen place)
        if flags["people_from"] or flags["grievance"] or _says_where_the_next_lies(gaz, ctx, n):
            continue  # (where the attackers came from, or a protest's grievance, is elsewhere)
        finer = specificity(p) > spec or (
            specificity(p) == spec and p.population < pick.place.population
        )
        if not finer:
            continue
        if pick.place.kind == "country":
            inside = True  # "in Yemen ... (Zingibar, Abyan)": any place of the same country
        elif pick.place.kind == "admin1":
            inside = p.admin1 == pick.place.admin1
        elif pick.place.kind in KINDS_AREA and p.population >= AREA_TOWN_MAX:
            inside = False  # a big city by a mountain or desert is its landmark, not a part of it
        else:
            inside = _inside(pick, p) and not (pick.place.kind in KINDS_AREA and flags["near"])
        if inside:
            options.append((score, n))
    if not options:
        return None
    score, n = max(options)
    return _resolve_pick(gaz, ctx, n, score)


def _glosses_the_one_before(gaz: Gazetteer, ctx: ArticleContext, n: int) -> bool:
    if n == 0:
        return False
    before, m = ctx.mentions[n - 1], ctx.mentions[n]
    gap = ctx.text[before.end : m.start]
    return ("(" in gap or "," in gap) and qualifies(gaz, ctx.text, before, m)


def _divisions_written_after(gaz: Gazetteer, ctx: ArticleContext, n: int) -> set[int]:
    """The names written as the address of mention ``n`` ("Matola (Namaacha, Maputo)"): its
    divisions, never a finer place inside it."""
    out: set[int] = set()
    j = n + 1
    # (not "to Taizz in At Turbah area": a road's end, not an address)
    while j < len(ctx.mentions) and _glosses_the_one_before(gaz, ctx, j):
        out.add(j)
        j += 1
    return out


def _inside(area: Resolved, place: Place) -> bool:
    a = area.place
    if a.lat is None or a.lon is None or place.lat is None or place.lon is None:
        return False
    return within_km(a.lat, a.lon, place.lat, place.lon, LOCAL_KM)


def to_geo(resolved: Resolved | None) -> Geo:
    if resolved is None:
        return Geo()
    p = resolved.place
    if p.kind == "country":
        return Geo(country=p.country)
    return Geo(
        country=p.country,
        admin1=p.admin1,
        admin2=p.admin2,
        location=p.name,
        latitude=p.lat,
        longitude=p.lon,
        geo_precision=resolved.precision,
    )
