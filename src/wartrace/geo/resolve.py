"""Decide which place each name found in an article (``mentions.find_mentions``) means.

Choosing uses the article's context: countries and provinces it mentions (or its dateline),
the other places near a candidate, the candidate's kind and population.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from itertools import pairwise

from wartrace.geo.addresses import in_parenthetical, list_peers, qualifier_admins, qualifies
from wartrace.geo.country import OTHER_EVIDENCE, CountryVotes, TextEvidence
from wartrace.geo.gazetteer import Gazetteer, Place
from wartrace.geo.mentions import (
    SMALL_TOWN,
    Mention,
    admin2_cue,
    cue_union,
    cues,
    detail_countries,
    find_mentions,
    has_after,
    has_before,
    in_longer_name,
    part_of_unknown_name,
    well_known,
)
from wartrace.geo.normalize import FoldedText, name_keys

NEAR_KM = 150.0
CLOSE_KM = 30.0
PLAIN_SHARE = 0.6  # a country with this share of the evidence makes the article "plainly" about it
PLAIN_WEIGHT = 2.0
DEMONYM_WEIGHT = 0.5
SOIL_WEIGHT = 2.0  # "on Congolese soil", "Syrian territory": the text says where it is
HIERARCHY_BONUS = 5.0  # "Calamba, Laguna": the Calamba in Laguna, whatever the other's size
QUALIFIER_BONUS = 2.0  # "X district, Balkh": Balkh the province, not the town
ADDRESS_LEVEL = {"admin1": 1.0, "admin2": 0.75}  # share of that bonus per kind of division


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
    admin2s: set[tuple[str, str]] = field(default_factory=set)  # (country, district) mentioned
    flags: dict[int, dict[str, bool]] = field(default_factory=dict)  # first token -> cue flags
    roaming: dict[str, float] = field(default_factory=dict)  # see country.TextEvidence
    # start offsets of the names that are a piece of a longer unknown place name
    fragments: frozenset[int] = frozenset()
    peers: dict[int, frozenset[int]] = field(default_factory=dict)  # see addresses.list_peers


# ---------------------------------------------------------------- context


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


KM_PER_DEG = 111.195


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """Whether two points lie within ``km`` of each other (hot path: most pairs are far apart,
    and a degree of latitude is never shorter than KM_PER_DEG, so they fail the first test;
    the rest get the exact distance)."""
    if abs(lat1 - lat2) * KM_PER_DEG > km:
        return False
    return haversine_km(lat1, lon1, lat2, lon2) <= km


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


def build_context(
    gaz: Gazetteer,
    text: str,
    dateline: str | None = None,
    evidence: TextEvidence | None = None,
) -> ArticleContext:
    """Step one, the article's countries; step two, one place per name within them."""
    ft, mentions = find_mentions(gaz, text)
    if evidence is not None and evidence.actor_spans:
        mentions = [m for m in mentions if not _actor_word(gaz, m, evidence)]
    ctx = ArticleContext(text, ft, mentions)
    demonyms = _demonyms(gaz, ft)
    reading = _read(gaz, text, ft, mentions, evidence)
    # A town's name glued to other capitalised words ("Koudo Kaoua", "Grad Missiles") is part of
    # a longer name the gazetteer does not know: no evidence for the town's country.
    fragments = {
        m.start
        for m in mentions
        if m.start in reading.longer and all(gaz.places[i].kind in TOWN_KINDS for i in m.candidates)
    }
    votes = _country_votes(gaz, demonyms, mentions, dateline, evidence, reading, fragments)
    kept = _within_countries(gaz, text, ft, mentions, votes, reading)
    # Judged again on the evidence of the names that are places ("Baba" in "Khowajak Baba"
    # must not outvote "Kandahar"), then counted for good.
    places = {m.start for m in kept}
    words = {m.start for m in mentions} - places
    votes = _country_votes(gaz, demonyms, mentions, dateline, evidence, reading, words | fragments)
    ctx.mentions = _within_countries(gaz, text, ft, mentions, votes, reading)
    votes = _country_votes(gaz, demonyms, ctx.mentions, dateline, evidence, reading, fragments)
    ctx.country_weight = dict(votes.total)
    ctx.roaming = dict(evidence.roaming) if evidence is not None else {}
    top = votes.top()
    if top is not None and top[1] >= 1.0:
        ctx.doc_country = top[0]
        ctx.plainly = top[1] >= PLAIN_WEIGHT and top[1] / sum(votes.total.values()) >= PLAIN_SHARE
    ctx.fragments = _fragments(gaz, ctx)
    ctx.peers = list_peers(text, ft, ctx.mentions)
    _resolve(gaz, ctx)
    return ctx


def _fragments(gaz: Gazetteer, ctx: ArticleContext) -> frozenset[int]:
    """Names of settlements written as a piece of a longer unknown place name (see
    ``mentions.part_of_unknown_name``); divisions and countries keep their meaning."""
    c = cues()
    named = frozenset(t for m in ctx.mentions for t in range(m.first_token, m.last_token + 1))
    return frozenset(
        m.start
        for m in ctx.mentions
        if not any(gaz.places[i].kind in ("admin1", "country") for i in m.candidates)
        and part_of_unknown_name(ctx.text, ctx.folded, m, c, named)
    )


def _demonyms(gaz: Gazetteer, ft: FoldedText) -> list[tuple[str, float]]:
    """The demonyms of the text with their weight: none for a foreign backer ("troops backed
    by French special forces": the backer is not where it happens), a strong one for a
    territory ("on Congolese soil")."""
    found = set(ft.tokens).intersection(gaz.demonyms)  # (most tokens are not demonyms)
    if not found:
        return []
    out: list[tuple[str, float]] = []
    for i, token in enumerate(ft.tokens):
        if token not in found or _backer(ft.tokens, i):
            continue
        weight = SOIL_WEIGHT if _territory(ft.tokens, i) else DEMONYM_WEIGHT
        country = gaz.demonyms[token]
        if " " not in country:  # a people of several ("Fulani", "Tuareg": "ML NE BF ...") is
            out.append((country, weight))  # no place, and no evidence for one of them
    return out


def _backer(tokens: list[str], i: int) -> bool:
    """Token ``i`` names a foreign backer: "backed by French forces", "a Turkey-backed
    faction"."""
    c = cues()
    return has_before(tokens, i, c.backer_before) or has_after(tokens, i, c.backer_after)


def _territory(tokens: list[str], i: int) -> bool:
    c = cues()
    return has_after(tokens, i, c.territory_after) or has_before(tokens, i, c.territory_before)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the words around each name say, read once per article (keyed by start offset)."""

    longer: frozenset[int]  # names inside a longer capitalised name
    named: frozenset[str]  # keys of those names: that name everywhere in the text
    # "jihadists from Mali", "the border with Mali": where people come from or a border runs,
    # not where things happen; no evidence for the event's country either way.
    origins: frozenset[int]
    owners: tuple[int | None, ...]  # per evidence hit, the name it lies in ("Islamabad")
    backers: frozenset[int]  # evidence hits written as a foreign backer ("backed by French ...")
    territories: frozenset[int]  # evidence hits naming the ground ("on Congolese soil")


def _read(
    gaz: Gazetteer,
    text: str,
    ft: FoldedText,
    mentions: list[Mention],
    evidence: TextEvidence | None,
) -> _Reading:
    c = cues()
    longer = frozenset(m.start for m in mentions if in_longer_name(text, ft, m, c))
    owners = tuple(
        next((m.start for m in mentions if m.start <= start < m.end), None)
        for start, _end, _cc, _w in (evidence.hits if evidence is not None else ())
    )
    hits = evidence.hits if evidence is not None else ()
    at = [_token_at(ft, start) for start, _end, _cc, _w in hits]
    # (only a one-word hit is a compound's first part: "Saudi-led coalition" as a whole is an
    # actor fighting in Yemen)
    backers = frozenset(
        k
        for k, i in enumerate(at)
        if i is not None
        and (
            has_before(ft.tokens, i, c.backer_before)
            or (ft.spans[i][1] == hits[k][1] and has_after(ft.tokens, i, c.backer_after))
        )
    )
    # (a one-word country word: the token after it is the cue)
    territories = frozenset(
        k for k, i in enumerate(at) if i is not None and _territory(ft.tokens, i)
    )
    return _Reading(
        longer,
        frozenset(m.key for m in mentions if m.start in longer),
        _listed_origins(
            gaz, text, mentions, {m.start for m in mentions if _origin_country(gaz, ft, m)}
        ),
        owners,
        backers,
        territories,
    )


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)")


def _listed_origins(
    gaz: Gazetteer, text: str, mentions: list[Mention], origins: set[int]
) -> frozenset[int]:
    """Countries listed with one written as an origin are origins too: "near the borders with
    Niger and Burkina Faso", "Niger and Burkina Faso border"."""
    countries = [m for m in mentions if any(gaz.places[i].kind == "country" for i in m.candidates)]
    out = set(origins)
    for seq in (countries, countries[::-1]):
        for a, b in pairwise(seq):
            gap = text[min(a.end, b.end) : max(a.start, b.start)]
            if a.start in out and _LIST_GAP.fullmatch(gap):
                out.add(b.start)
    return frozenset(out)


def _token_at(ft: FoldedText, start: int) -> int | None:
    """The token that starts at ``start`` in the original text, if any."""
    i = bisect_left(ft.spans, (start,))
    return i if i < len(ft.spans) and ft.spans[i][0] == start else None


def _country_votes(
    gaz: Gazetteer,
    demonyms: list[tuple[str, float]],
    mentions: list[Mention],
    dateline: str | None,
    evidence: TextEvidence | None,
    reading: _Reading,
    words: set[int] | None = None,  # start offsets of mentions known to be words: no vote
) -> CountryVotes:
    votes = CountryVotes()
    index_of = {m.start: n for n, m in enumerate(mentions)}
    origins = {index_of[s] for s in reading.origins if s in index_of}
    # Context first (actors, country words, demonyms): it anchors the ambiguous names below.
    # A country word that is itself one of the names ("Islamabad") is that name's own evidence.
    if evidence is not None:
        for k, ((_start, _end, cc, w), owner) in enumerate(
            zip(evidence.hits, reading.owners, strict=True)
        ):
            if owner in reading.origins or k in reading.backers:
                continue
            if k in reading.territories:
                w = max(w, SOIL_WEIGHT)
            votes.add(cc, w, index_of.get(owner) if owner is not None else None)
    for demonym, weight in demonyms:
        votes.add(demonym, weight)
    ambiguous: list[tuple[int, frozenset[str]]] = []
    for n, m in enumerate(mentions):
        if (words and m.start in words) or n in origins:
            continue
        countries, kinds, max_pop = _candidate_facts(gaz, m.candidates)
        if len(countries) == 1:
            big = kinds - {"city", "admin2"} or max_pop >= SMALL_TOWN
            w = 1.5 if "country" in kinds else 1.0 if big else 0.5
            votes.add(next(iter(countries)), w, n, place=True)
        else:
            ambiguous.append((n, countries))
    # An ambiguous name counts for the countries the rest of the evidence already points to.
    anchored = {cc: w for cc, w in votes.total.items()}
    for n, countries in ambiguous:
        base = {
            c: anchored.get(c, 0.0) - votes.by_mention.get(n, {}).get(c, 0.0) for c in countries
        }
        total = sum(base.values())
        for c in countries:
            share = base[c] / total if total > 0 else 0.3 / len(countries)
            votes.add(c, share, n, place=True)
    if dateline:
        filed = _dateline_country(gaz, dateline)
        if filed:  # a hint only: bureaus (Beirut, Nairobi, Dakar) cover neighbours
            votes.add(filed, 0.5, place=True)
    return votes


def _dateline_country(gaz: Gazetteer, dateline: str) -> str | None:
    """The country of a dateline: its name's only one, else that of its biggest town when that
    is a town of news size (reports are filed from cities: "KABUL" is not a village of Iran)."""
    places = [gaz.places[i] for i in gaz.lookup(dateline)]
    countries = {p.country for p in places}
    if len(countries) == 1:
        return next(iter(countries))
    towns = [p for p in places if p.kind == "city"]
    biggest = max(towns, key=lambda p: p.population) if towns else None
    return biggest.country if biggest is not None and biggest.population >= SMALL_TOWN else None


TOWN_KINDS = frozenset({"city", "admin2"})  # provinces and countries keep their weight
# even inside a longer name: "Kandahar Police" still says Afghanistan


def _origin_country(gaz: Gazetteer, ft: FoldedText, m: Mention) -> bool:
    """A country written as where people come from or where a border runs."""
    return any(gaz.places[i].kind == "country" for i in m.candidates) and origin_cue(ft.tokens, m)


def origin_cue(tokens: list[str], m: Mention) -> bool:
    """The name is written as where people come from, a border, an embassy's country or a
    foreign backer ("from northern Mali", "from the Ivory Coast": a word naming a part, or
    "the", may stand between)."""
    c = cues()
    first = m.first_token
    if first > 0 and (tokens[first - 1] == "the" or (tokens[first - 1],) in c.part_words):
        first -= 1
    return has_before(tokens, first, cue_union("origin_before", "backer_before")) or has_after(
        tokens, m.last_token, cue_union("origin_after", "backer_after")
    )


_FACTS: dict[tuple[int, ...], tuple[frozenset[str], frozenset[str], int]] = {}
_FACTS_OF: list[Gazetteer] = []  # the gazetteer the indices above refer to


def _candidate_facts(
    gaz: Gazetteer, candidates: tuple[int, ...]
) -> tuple[frozenset[str], frozenset[str], int]:
    """A name's countries, kinds and largest population (asked three times per article, for
    names that recur across articles: kept)."""
    if not _FACTS_OF or _FACTS_OF[0] is not gaz:
        _FACTS.clear()
        _FACTS_OF[:] = [gaz]
    facts = _FACTS.get(candidates)
    if facts is None:
        places = [gaz.places[i] for i in candidates]
        facts = (
            frozenset(p.country for p in places),
            frozenset(p.kind for p in places),
            max(p.population for p in places),
        )
        if len(_FACTS) > 100_000:  # one gazetteer per process; bound the memory all the same
            _FACTS.clear()
        _FACTS[candidates] = facts
    return facts


def _actor_word(gaz: Gazetteer, m: Mention, evidence: TextEvidence) -> bool:
    """A town name inside a named actor ("Taliban", "Simba"): the group, not the place. So is
    a country named as a force's own ("Kenya Defence Forces", Indonesian "tentara Etiopia",
    which has no adjective): the actor already counts for that country, once, as a demonym
    would; counted again as a place, it outvotes where the force fights ("in Somalia")."""
    spans = [(s, e) for s, e in evidence.actor_spans if s <= m.start and m.end <= e]
    if not spans:
        return False
    places = [gaz.places[i] for i in m.candidates]
    if all(p.kind in ("city", "admin2") for p in places):
        return True
    own = {cc for s, e, cc, _w in evidence.hits if (s, e) in spans}
    return any(p.kind == "country" and p.country in own for p in places)


def _within_countries(
    gaz: Gazetteer,
    text: str,
    ft: FoldedText,
    mentions: list[Mention],
    votes: CountryVotes,
    reading: _Reading,
) -> list[Mention]:
    """Keep each name's candidates in countries the rest of the text points to.

    A name whose every candidate lies in a country nothing else in the article supports is a
    word that looks like a place ("Paradise Hotel" in a Kenyan story, "Köln" for a misspelt
    Mexican town): dropped, unless it is itself a country or a province. A name that is the
    text's only geographic evidence must be written as a place (``_written_as_place``).
    """
    c = cues()
    # A name written once inside a longer proper name ("Norbert Zongo") is that name
    # everywhere in the text ("Zongo was killed in 1998").
    named = reading.named
    out: list[Mention] = []
    for n, m in enumerate(mentions):
        # A province written as one ("Koln, Sinaloa", "Sinaloa state") is evidence in itself.
        division = (n > 0 and qualifies(gaz, text, mentions[n - 1], m)) or has_after(
            ft.tokens, m.last_token, c.province_after
        )
        kept = tuple(
            i
            for i in m.candidates
            if votes.besides(gaz.places[i].country, n) >= OTHER_EVIDENCE
            or gaz.places[i].kind == "country"
            or (division and gaz.places[i].kind == "admin1")
        )
        if (
            not kept
            and m.key not in named
            and votes.places_besides(n) < OTHER_EVIDENCE  # the name is alone
            and _written_as_place(gaz, text, ft, mentions, n)
        ):
            kept = _own_names_abroad(gaz, m)
        if kept:
            out.append(m if kept == m.candidates else replace(m, candidates=kept))
    return out


def _own_names_abroad(gaz: Gazetteer, m: Mention) -> tuple[int, ...]:
    """The candidates a lone name may stand for: anywhere in the conflict countries the
    gazetteer details, but outside them only a town under its own name. The other countries'
    towns are kept for context (capitals and big cities the news names), not so that a
    village's spelling ("Lassa", "Pensa", "Shala") makes Lhasa, Penza or Šaľa the event's place."""
    detail = detail_countries()
    return tuple(
        i
        for i in m.candidates
        if gaz.places[i].country in detail or m.key in name_keys(gaz.places[i].name)
    )


def _written_as_place(
    gaz: Gazetteer, text: str, ft: FoldedText, mentions: list[Mention], n: int
) -> bool:
    """Whether a name with no other evidence behind it is written as a place, in any language:
    not inside a longer proper name ("Norbert Zongo", "Paradise Hotel"), and either a
    well-known town under its own name, or after a locative frame ("in", "near", "village of", "di",
    "dekat", "desa") or an office or the people of a place ("the mayor of", "residents of"), or
    qualified by a division ("X district", "X, Province") or a kind word ("X camp"). A bare word
    that is only an alternate name of a place ("Grenade attack") is not."""
    m = mentions[n]
    c = cues()
    tokens = ft.tokens
    if in_longer_name(text, ft, m, c):
        return False
    if well_known(gaz, m) or has_after(tokens, m.last_token, c.province_after):
        return True
    if any(gaz.places[i].kind == "admin1" for i in m.candidates) and len(m.key) > 4:
        return True  # a province's name ("Samburu", "Kilifi") is rarely an ordinary word
    if (
        any(gaz.places[i].kind in ("admin2", "region") for i in m.candidates)
        and len(m.key) > 4
        and _closes_an_address(text, ft, m)
    ):
        return True  # "Mamasapano, Maguindanao": a district's name ending an address
    frames = cue_union("locative_before", "near_before", "office_before")
    if has_before(tokens, _past_a_possessive(text, ft, m.first_token), frames):
        return True  # "in Bokkos", "in Plateau's Bokkos"
    if admin2_cue(tokens, m, c) or has_after(tokens, m.last_token, c.province_after):
        return True
    if has_after(tokens, m.last_token, c.kind_after):
        return True  # "the Zamzam camp", "Kani village": the word says what the name is
    if in_parenthetical(text, m):
        return True
    return n + 1 < len(mentions) and qualifies(gaz, text, m, mentions[n + 1])


def _past_a_possessive(text: str, ft: FoldedText, first: int) -> int:
    """Where a frame before the name would end: before the possessive place that qualifies it
    ("in Plateau's Bokkos": "in" frames Bokkos too), else right before the name."""
    if first == 0:
        return first
    ps, pe = ft.spans[first - 1]
    glued = text[pe : ft.spans[first][0]] == " "
    return (
        first - 1 if glued and text[ps].isupper() and text[ps:pe].endswith(("'s", "’s")) else first
    )


def _closes_an_address(text: str, ft: FoldedText, m: Mention) -> bool:
    """The name follows a capitalised name and a comma ("Mamasapano, Maguindanao")."""
    if m.first_token == 0:
        return False
    ps, pe = ft.spans[m.first_token - 1]
    return text[pe : m.start] == ", " and text[ps].isupper()


def _resolve(gaz: Gazetteer, ctx: ArticleContext) -> None:
    """Pick one place per mention: unambiguous ones first, then the rest in their light."""
    anchors: dict[int, Place] = {}
    for n, m in enumerate(ctx.mentions):
        if len(m.candidates) == 1:
            ctx.choice[n] = m.candidates[0]
            anchors[m.candidates[0]] = gaz.places[m.candidates[0]]
    for place in anchors.values():
        if place.kind == "admin1" and place.admin1:
            ctx.admin1s.add((place.country, place.admin1))
        elif place.kind == "admin2":
            ctx.admin2s.add((place.country, place.name))
    scores: dict[int, float] = {}  # a name written twice has the same candidates: score once
    for n, m in enumerate(ctx.mentions):
        if n in ctx.choice:
            continue
        countries = [i for i in m.candidates if gaz.places[i].kind == "country"]
        if countries:  # a country's name means the country, not a town once called that
            ctx.choice[n] = countries[0]
            continue
        for i in m.candidates:
            if i not in scores:
                scores[i] = _candidate_score(gaz, ctx, i, anchors)
        parents = qualifier_admins(gaz, ctx.text, ctx.mentions, n)
        division = QUALIFIER_BONUS * _written_as_division(gaz, ctx, n)
        ctx.choice[n] = max(
            m.candidates,
            key=lambda i: (
                scores[i]
                + HIERARCHY_BONUS * ((gaz.places[i].country, gaz.places[i].admin1) in parents)
                # the end of an address is its widest division: "(Marib)" is the governorate
                + division * ADDRESS_LEVEL.get(gaz.places[i].kind, 0.0)
            ),
        )
        chosen = gaz.places[ctx.choice[n]]
        if chosen.kind == "admin1" and chosen.admin1:
            ctx.admin1s.add((chosen.country, chosen.admin1))


def _written_as_division(gaz: Gazetteer, ctx: ArticleContext, n: int) -> bool:
    """The name glosses a place written before it: "X district, Balkh", "Y (Beni, Nord-Kivu)"."""
    m = ctx.mentions[n]
    if n > 0 and qualifies(gaz, ctx.text, ctx.mentions[n - 1], m):
        return True
    if in_parenthetical(ctx.text, m):
        return True
    if m.first_token < 2:
        return False
    prev_start = ctx.folded.spans[m.first_token - 1][1]
    gap = ctx.text[prev_start : m.start]
    c = cues()
    return gap.strip() in (",", "(", ", (") and has_before(
        ctx.folded.tokens, m.first_token, c.admin2_after
    )


def _candidate_score(
    gaz: Gazetteer, ctx: ArticleContext, idx: int, anchors: dict[int, Place]
) -> float:
    """How well a candidate fits the article before its own qualifiers: kind, size, the
    article's countries and provinces, an unambiguous place nearby."""
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
    if place.admin2 and place.kind != "admin2" and (place.country, place.admin2) in ctx.admin2s:
        score += 1.0  # "Min, Myit Nar and Htauk Chay villages, Minbya Township, Mrauk-U District"
    lat, lon = place.lat, place.lon
    if lat is not None and lon is not None:
        near = 0.0
        for k, other in anchors.items():
            if k != idx and other.lat is not None and other.lon is not None:
                if (
                    other.kind not in ("admin1", "admin2", "country")
                    and place.precision != 3
                    and within_km(lat, lon, other.lat, other.lon, CLOSE_KM)
                ):
                    # of namesakes in one province, the one next to the other places (not to
                    # the point a province is coded at)
                    near = 1.5
                    break
                if within_km(lat, lon, other.lat, other.lon, NEAR_KM):
                    near = 1.0
        score += near
    return score
