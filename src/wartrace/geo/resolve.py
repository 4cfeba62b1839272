"""Find place names in an article and decide which place each one means.

Matching runs one Aho-Corasick pass over the folded article (see ``normalize``);
patterns are padded with spaces, so matches respect word boundaries. Choosing uses
the article's context: countries and provinces it mentions (or its dateline), the
other places near a candidate, the candidate's kind and population.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

import yaml

from wartrace.geo.country import OTHER_EVIDENCE, CountryVotes, TextEvidence
from wartrace.geo.gazetteer import DATA_DIR, KINDS_AREA, Gazetteer, Place
from wartrace.geo.normalize import ARTICLE, FoldedText, fold_text, fold_token, name_keys

NEAR_KM = 150.0
PLAIN_SHARE = 0.6  # a country with this share of the evidence makes the article "plainly" about it
PLAIN_WEIGHT = 2.0
SMALL_TOWN = 15000
HIERARCHY_BONUS = 5.0  # "Calamba, Laguna": the Calamba in Laguna, whatever the other's size
QUALIFIER_BONUS = 2.0  # "X district, Balkh": Balkh the province, not the town


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
    named_facility_before: frozenset[tuple[str, ...]]
    admin2_before: frozenset[tuple[str, ...]]
    admin2_after: frozenset[tuple[str, ...]]
    origin_before: frozenset[tuple[str, ...]]


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
    if (
        len(word) <= 4
        and word.isupper()
        and text[line_start:start].strip()
        and not _gloss_end(text, start, end)
    ):
        # Acronyms ("HAM", "SANA"), unless a dateline opens the line with them or they close a
        # "(District, AJK)" gloss, where only a division can stand.
        return True
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
    return ft, _within_glosses(gaz, text, _qualify_admin2(gaz, text, ft, mentions))


def _admin2_cue(tokens: list[str], m: Mention, c: Cues) -> bool:
    """ "Kishindih district", "district of X", "Kabupaten Keerom" (the cue may be in the name)."""
    if _has_after(tokens, m.last_token, c.admin2_after):
        return True
    if _has_before(tokens, m.first_token, c.admin2_before):
        return True
    inner = tokens[m.first_token : m.last_token + 1]
    return any(
        tuple(inner[-n:]) in c.admin2_after or tuple(inner[:n]) in c.admin2_before
        for n in _lengths(c.admin2_after | c.admin2_before)
        if n < len(inner)
    )


_PAREN_BEFORE = re.compile(r"\([^()\n]{0,40},\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _in_parenthetical(text: str, m: Mention) -> bool:
    """The last name of a "(Town, District)" or "(District, Province)" gloss."""
    return _gloss_end(text, m.start, m.end)


def _gloss_end(text: str, start: int, end: int) -> bool:
    return bool(
        _PAREN_BEFORE.search(text, max(0, start - 42), start) and _PAREN_AFTER.match(text, end)
    )


QUALIFIER_GAP = 25  # "X district, Y", "X (Y", "X village of Y district": short, lower-case glue


def qualifies(text: str, first: Mention, second: Mention) -> bool:
    """Whether ``second`` is written as the division ``first`` lies in ("X, Y", "X (Y")."""
    gap = text[first.end : second.start]
    if len(gap) > QUALIFIER_GAP or any(ch in gap for ch in ".;:!?\n") or gap.lower() != gap:
        return False
    return "," in gap or "(" in gap or " of " in f" {gap} "


def qualifier_admins(
    gaz: Gazetteer, text: str, mentions: list[Mention], n: int
) -> set[tuple[str, str]]:
    """The (country, admin1) pairs of the divisions written after mention ``n``."""
    out: set[tuple[str, str]] = set()
    j = n + 1
    while j < len(mentions) and qualifies(text, mentions[j - 1], mentions[j]):
        for i in mentions[j].candidates:
            p = gaz.places[i]
            if p.kind in ("admin1", "admin2") and p.admin1:
                out.add((p.country, p.admin1))
        j += 1
    return out


def _qualify_admin2(
    gaz: Gazetteer, text: str, ft: FoldedText, mentions: list[Mention]
) -> list[Mention]:
    """A district name counts only where the text says it is one.

    "in Kishindih district", "kabupaten Keerom": the cue words make it the district (and
    nothing else). "(Ansongo, Gao)", "Masisi, Nord-Kivu": its own province right after it makes
    it the district or the town. Unqualified, district names are too often ordinary words.
    """
    c = cues()
    out: list[Mention] = []
    for n, m in enumerate(mentions):
        admin2 = [i for i in m.candidates if gaz.places[i].kind == "admin2"]
        if not admin2:
            out.append(m)
            continue
        others = tuple(i for i in m.candidates if gaz.places[i].kind != "admin2")
        if _admin2_cue(ft.tokens, m, c) or _in_parenthetical(text, m):
            out.append(replace(m, candidates=tuple(admin2)))
            continue
        parents = qualifier_admins(gaz, text, mentions, n)
        fitting = tuple(
            i for i in admin2 if (gaz.places[i].country, gaz.places[i].admin1) in parents
        )
        if n > 0 and qualifies(text, mentions[n - 1], m):
            # "Calamba, Laguna": the district of the town written before it.
            children = {
                (gaz.places[i].country, gaz.places[i].admin2) for i in mentions[n - 1].candidates
            }
            fitting += tuple(
                i for i in admin2 if (gaz.places[i].country, gaz.places[i].name) in children
            )
        kept = others + fitting
        if kept:
            out.append(replace(m, candidates=kept) if kept != m.candidates else m)
    return out


DIVISION_KINDS = frozenset({"country", "admin1", "admin2"})


def _division_only(gaz: Gazetteer, m: Mention) -> bool:
    return all(gaz.places[i].kind in DIVISION_KINDS for i in m.candidates)


def _within_glosses(gaz: Gazetteer, text: str, mentions: list[Mention]) -> list[Mention]:
    """A place and the divisions written after it as its address lie in one country.

    "Fantou (Botou, Tapoa)": Botou is the one in Tapoa's country, not a namesake abroad;
    "(Ansongo, Gao)": the Gao of Ansongo's country. A chain counts as an address when it is
    a parenthetical gloss or its qualifiers are divisions only ("Kirni (Poonch district,
    J&K)", "X, Idlib"): then every name keeps its candidates in the countries the whole chain
    shares. A first name with no candidate there is a place the gazetteer does not know (the
    event then falls back to the division), unless it is a well-known town in its own right
    ("Damascus, Baghdad and Beirut" is a list, not an address).
    """
    out = list(mentions)
    n = 0
    while n < len(out):
        j = n + 1
        while j < len(out) and qualifies(text, out[j - 1], out[j]):
            j += 1
        chain = range(n, j)
        if j - n < 2:
            n += 1
            continue
        glossed = "(" in text[out[n].end : out[j - 1].start] or text[
            : out[n].start
        ].rstrip().endswith("(")
        divisions = all(_division_only(gaz, out[k]) for k in chain[1:])
        if glossed or divisions:
            # The divisions of the address decide; failing those, every qualifier.
            basis = [k for k in chain[1:] if _division_only(gaz, out[k])] or list(chain[1:])
            shared = set.intersection(
                *({gaz.places[i].country for i in out[k].candidates} for k in basis)
            )
            common = ({gaz.places[i].country for i in out[n].candidates} & shared) or shared
            for k in chain if common else ():
                kept = tuple(i for i in out[k].candidates if gaz.places[i].country in common)
                if k == n and not kept and not glossed and _well_known(gaz, out[k]):
                    kept = out[k].candidates
                if kept != out[k].candidates:
                    out[k] = replace(out[k], candidates=kept)
            # "Jandrot (Haveli, AJK)": the first name lies in the province that closes the
            # address, not in a namesake of another province.
            provinces = {
                (p.country, p.admin1)
                for p in (gaz.places[i] for i in out[j - 1].candidates)
                if p.kind == "admin1" and p.admin1
            }
            first = out[n]
            if provinces and first.candidates and not _division_only(gaz, first):
                kept = tuple(
                    i
                    for i in first.candidates
                    if (gaz.places[i].country, gaz.places[i].admin1) in provinces
                )
                if not kept and not glossed and _well_known(gaz, first):
                    kept = first.candidates
                if kept != first.candidates:
                    out[n] = replace(first, candidates=kept)
        n = j
    return [m for m in out if m.candidates]


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
        mentions = [m for m in mentions if not _actor_word(gaz, m, evidence.actor_spans)]
    ctx = ArticleContext(text, ft, mentions)
    demonyms = [cc for cc in map(gaz.demonyms.get, ft.tokens) if cc]
    votes = _country_votes(gaz, ft, demonyms, mentions, dateline, evidence)
    kept = _within_countries(gaz, text, ft, mentions, votes)
    # Judged again on the evidence of the names that are places ("Baba" in "Khowajak Baba"
    # must not outvote "Kandahar"), then counted for good.
    places = {m.start for m in kept}
    words = {m.start for m in mentions} - places
    votes = _country_votes(gaz, ft, demonyms, mentions, dateline, evidence, words)
    ctx.mentions = _within_countries(gaz, text, ft, mentions, votes)
    votes = _country_votes(gaz, ft, demonyms, ctx.mentions, dateline, evidence)
    ctx.country_weight = dict(votes.total)
    top = votes.top()
    if top is not None and top[1] >= 1.0:
        ctx.doc_country = top[0]
        ctx.plainly = top[1] >= PLAIN_WEIGHT and top[1] / sum(votes.total.values()) >= PLAIN_SHARE
    _resolve(gaz, ctx)
    return ctx


def _country_votes(
    gaz: Gazetteer,
    ft: FoldedText,
    demonyms: list[str],
    mentions: list[Mention],
    dateline: str | None,
    evidence: TextEvidence | None,
    words: set[int] | None = None,  # start offsets of mentions known to be words: no vote
) -> CountryVotes:
    votes = CountryVotes()
    # Context first (actors, country words, demonyms): it anchors the ambiguous names below.
    # A country word that is itself one of the names ("Islamabad") is that name's own evidence.
    if evidence is not None:
        for start, _end, cc, w in evidence.hits:
            own = next((n for n, m in enumerate(mentions) if m.start <= start < m.end), None)
            votes.add(cc, w, own)
    for demonym in demonyms:
        votes.add(demonym, 0.5)
    ambiguous: list[tuple[int, frozenset[str]]] = []
    for n, m in enumerate(mentions):
        if words and m.start in words:
            continue
        countries, kinds, max_pop = _candidate_facts(gaz, m.candidates)
        if len(countries) == 1:
            if "country" in kinds and _has_before(ft.tokens, m.first_token, cues().origin_before):
                # "jihadists from Mali": where people come from, not where things happen
                votes.add(next(iter(countries)), 0.5, n)
                continue
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
        filed = {gaz.places[i].country for i in gaz.lookup(dateline)}
        if len(filed) == 1:  # a hint only: bureaus (Beirut, Nairobi, Dakar) cover neighbours
            votes.add(next(iter(filed)), 0.5, place=True)
    return votes


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


def _actor_word(gaz: Gazetteer, m: Mention, spans: tuple[tuple[int, int], ...]) -> bool:
    """A town name inside a named actor ("Taliban", "Simba"): the group, not the place."""
    if not any(start <= m.start and m.end <= end for start, end in spans):
        return False
    return all(gaz.places[i].kind in ("city", "admin2") for i in m.candidates)


def _within_countries(
    gaz: Gazetteer, text: str, ft: FoldedText, mentions: list[Mention], votes: CountryVotes
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
    named = {m.key for m in mentions if _in_longer_name(text, ft, m, c)}
    out: list[Mention] = []
    for n, m in enumerate(mentions):
        # A province written as one ("Koln, Sinaloa", "Sinaloa state") is evidence in itself.
        division = (n > 0 and qualifies(text, mentions[n - 1], m)) or _has_after(
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
            kept = m.candidates
        if kept:
            out.append(m if kept == m.candidates else replace(m, candidates=kept))
    return out


def _written_as_place(
    gaz: Gazetteer, text: str, ft: FoldedText, mentions: list[Mention], n: int
) -> bool:
    """Whether a name with no other evidence behind it is written as a place, in any language:
    not inside a longer proper name ("Norbert Zongo", "Paradise Hotel"), and either a
    well-known town under its own name, or after a locative frame ("in", "near", "village of", "di",
    "dekat", "desa"), or qualified by a division ("X district", "X, Province"). A bare word
    that is only an alternate name of a place ("Grenade attack") is not."""
    m = mentions[n]
    c = cues()
    tokens = ft.tokens
    if _in_longer_name(text, ft, m, c):
        return False
    if _well_known(gaz, m) or _has_after(tokens, m.last_token, c.province_after):
        return True
    if any(gaz.places[i].kind == "admin1" for i in m.candidates) and len(m.key) > 4:
        return True  # a province's name ("Samburu", "Kilifi") is rarely an ordinary word
    if _has_before(tokens, m.first_token, c.locative_before | c.near_before):
        return True
    if _admin2_cue(tokens, m, c) or _has_after(tokens, m.last_token, c.province_after):
        return True
    if _in_parenthetical(text, m):
        return True
    return n + 1 < len(mentions) and qualifies(text, m, mentions[n + 1])


def _well_known(gaz: Gazetteer, m: Mention) -> bool:
    """A town big enough to be news, written under its own main name, not one of its foreign
    or old alternate names ("Grenade" is French for Granada, "Progress" a gloss of El
    Progreso); a small place of that name needs the text to say it is a place."""
    return any(
        gaz.places[i].population >= SMALL_TOWN and m.key in name_keys(gaz.places[i].name)
        for i in m.candidates
    )


@lru_cache(maxsize=4)
def _cue_words(c: Cues) -> frozenset[str]:
    """Single cue words that may stand capitalised next to a name ("In Kandahar", "X District")."""
    words = {p[0] for p in c.locative_before | c.near_before if len(p) == 1}
    return frozenset(words | {p[0] for p in c.admin2_after | c.province_after | c.near_after})


def _in_longer_name(text: str, ft: FoldedText, m: Mention, c: Cues) -> bool:
    """A capitalised word glued to the match that is no cue: the match is part of a name."""
    cue_words = _cue_words(c)
    if m.first_token > 0:
        ps, pe = ft.spans[m.first_token - 1]
        before = text[max(0, ps - 2) : ps]
        sentence_start = ps == 0 or before.endswith((". ", "\n", ": ")) or before.strip() == ""
        if (
            text[pe : m.start] == " "
            and text[ps].isupper()
            and not sentence_start
            and ft.tokens[m.first_token - 1] not in cue_words
        ):
            return True
    if m.last_token + 1 < len(ft.spans):
        ns, _ne = ft.spans[m.last_token + 1]
        if (
            text[m.end : ns] == " "
            and text[ns].isupper()
            and ft.tokens[m.last_token + 1] not in cue_words
        ):
            return True
    return False


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
        division = QUALIFIER_BONUS * _written_as_division(ctx, n)
        ctx.choice[n] = max(
            m.candidates,
            key=lambda i: (
                scores[i]
                + HIERARCHY_BONUS * ((gaz.places[i].country, gaz.places[i].admin1) in parents)
                + division * (gaz.places[i].kind in ("admin1", "admin2"))
            ),
        )
        chosen = gaz.places[ctx.choice[n]]
        if chosen.kind == "admin1" and chosen.admin1:
            ctx.admin1s.add((chosen.country, chosen.admin1))


def _written_as_division(ctx: ArticleContext, n: int) -> bool:
    """The name glosses a place written before it: "X district, Balkh", "Y (Beni, Nord-Kivu)"."""
    m = ctx.mentions[n]
    if n > 0 and qualifies(ctx.text, ctx.mentions[n - 1], m):
        return True
    if m.first_token < 2:
        return False
    prev_start = ctx.folded.spans[m.first_token - 1][1]
    gap = ctx.text[prev_start : m.start]
    c = cues()
    return gap.strip() in (",", "(", ", (") and _has_before(
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
    lat, lon = place.lat, place.lon
    if lat is not None and lon is not None:
        for k, other in anchors.items():
            if (
                k != idx
                and other.lat is not None
                and other.lon is not None
                and within_km(lat, lon, other.lat, other.lon, NEAR_KM)
            ):
                score += 1.0
                break
    return score


# ---------------------------------------------------------------- the event's place


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
        "origin": _has_before(tokens, m.first_token, c.origin_before),
        "named_facility": _has_before(tokens, m.first_token, c.named_facility_before),
        "facility": _has_before(tokens, m.first_token, c.facility_before)
        or _has_after(tokens, m.last_token, c.facility_after),
    }
    ctx.flags[m.first_token] = flags
    return flags
