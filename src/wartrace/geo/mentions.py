"""Find the place names written in an article: one Aho-Corasick pass over the folded text
(see ``normalize``; patterns are padded with spaces, so matches respect word boundaries), then
the rules that say where a match is a place and which kind of place: cue words around it,
districts written as such, addresses ("X (Y, Z)") that keep every name in one country.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

import yaml

from wartrace.geo.gazetteer import DATA_DIR, Gazetteer, Place, build_config
from wartrace.geo.normalize import (
    ARTICLE,
    LATIN_ARTICLES,
    FoldedText,
    fold_text,
    fold_token,
    name_keys,
)

SMALL_TOWN = 15000


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets in the article text
    end: int
    surface: str
    key: str
    candidates: tuple[int, ...]  # place indices
    first_token: int
    last_token: int


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
    origin_after: frozenset[tuple[str, ...]]
    capital_words: frozenset[tuple[str, ...]]
    capital_after: frozenset[tuple[str, ...]]
    capital_not_of: frozenset[tuple[str, ...]]
    within_gap: frozenset[tuple[str, ...]]


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


def has_before(tokens: list[str], first: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(
        first - n >= 0 and tuple(tokens[first - n : first]) in phrases for n in _lengths(phrases)
    )


def has_after(tokens: list[str], last: int, phrases: frozenset[tuple[str, ...]]) -> bool:
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
    # Followed by another capitalised word: part of a longer name we do not know ("Tall Touqan",
    # and past an Arabic article: "Wadi al-Rabi", "Jabal al-Zawiya").
    if i + 1 < len(ft.spans):
        nstart, _nend = ft.spans[i + 1]
        between = text[end:nstart]
        nxt = ft.tokens[i + 1]
        if (
            nxt == ARTICLE
            and i + 2 < len(ft.spans)
            and ft.spans[i + 2] != ft.spans[i + 1]
            and text[ft.spans[i + 1][1] : ft.spans[i + 2][0]] in ("-", " ")
        ):
            nstart = ft.spans[i + 2][0]
            nxt = ft.tokens[i + 2]
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
    lower_words = {t for t, (s, _e) in zip(tokens, ft.spans, strict=True) if text[s].islower()}
    lower_words.discard(ARTICLE)
    raw: list[tuple[int, int, str, tuple[int, ...]]] = []
    for end_pos, (key, ids) in gaz.automaton.iter(ft.folded):
        # The pattern is " key ": end_pos is its final space, the key starts len(key) before.
        first = ft.token_starting(end_pos - len(key))
        last = ft.token_ending(end_pos)
        if first is None or last is None or not _capitalised(text, ft, first, last, tokens):
            continue  # (most matches are lower-case words: dropped before the sort)
        raw.append((first, last, key, ids))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    taken: set[int] = set()
    mentions: list[Mention] = []
    for first, last, key, ids in raw:
        if any(i in taken for i in range(first, last + 1)):
            continue
        if first == last and _word_like(text, ft, first, key, lower_words, gaz):
            continue
        if _after_article(text, ft, first):
            ids = tuple(i for i in ids if gaz.places[i].country in article_countries())
            if not ids:
                continue
        taken.update(range(first, last + 1))
        start, end = ft.spans[first][0], ft.spans[last][1]
        mentions.append(Mention(start, end, text[start:end], key, ids, first, last))
    mentions.sort(key=lambda m: m.start)
    mentions = [m for m in mentions if not _closes_a_name(gaz, text, ft, m)]
    return ft, _within_glosses(gaz, text, ft, _qualify_admin2(gaz, text, ft, mentions))


@lru_cache(maxsize=1)
def article_countries() -> frozenset[str]:
    """Countries whose place names carry an optional Arabic article (data/build.yaml)."""
    return frozenset(build_config()["arabic_countries"])


@lru_cache(maxsize=1)
def detail_countries() -> frozenset[str]:
    """The conflict countries whose every cities500 place is kept (data/build.yaml)."""
    return frozenset(build_config()["detail_countries"])


def _after_article(text: str, ft: FoldedText, first: int) -> bool:
    """A match written right after an Arabic article it does not include ("al-Dabaat", "El
    Angel"): the article belongs to the name, so it is an Arabic (or Spanish) name, not a
    namesake without the article elsewhere (Ethiopia's Dabat, a Turkish "Angel")."""
    if first == 0 or ft.tokens[first - 1] != ARTICLE:
        return False
    ps, pe = ft.spans[first - 1]
    if (ps, pe) == ft.spans[first]:
        return False  # Arabic script: the article is glued to the word
    word = text[ps:pe].lower()
    gap = text[pe : ft.spans[first][0]]
    return word in LATIN_ARTICLES and (gap == "-" or (gap == " " and word in ("al", "el")))


def _closes_a_name(gaz: Gazetteer, text: str, ft: FoldedText, m: Mention) -> bool:
    """A country's name closing a run of capitalised words is an organisation's name ("Bank
    Saderat Iran", "Radio Free Afghanistan"), not the place; one word before it may be the
    country's part ("Northern Nigeria") or open the sentence."""
    if not any(gaz.places[i].kind == "country" for i in m.candidates):
        return False
    cue_words = _cue_words(cues())
    glued = 0
    i = m.first_token - 1
    while i >= 0 and glued < 2:
        start, end = ft.spans[i]
        after = ft.spans[i + 1][0] if i + 1 < m.first_token else m.start
        if text[end:after] != " " or not text[start].isupper() or ft.tokens[i] in cue_words:
            break
        glued += 1
        i -= 1
    return glued >= 2


def admin2_cue(tokens: list[str], m: Mention, c: Cues) -> bool:
    """ "Kishindih district", "district of X", "Kabupaten Keerom" (the cue may be in the name)."""
    if has_after(tokens, m.last_token, c.admin2_after):
        return True
    if has_before(tokens, m.first_token, c.admin2_before):
        return True
    inner = tokens[m.first_token : m.last_token + 1]
    return any(
        tuple(inner[-n:]) in c.admin2_after or tuple(inner[:n]) in c.admin2_before
        for n in _lengths(c.admin2_after | c.admin2_before)
        if n < len(inner)
    )


_PAREN_BEFORE = re.compile(r"\([^()\n]{0,40},\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


_NAME_THEN_PAREN = re.compile(r"[^\W\d_][\w'’-]*\s?\($")


def in_parenthetical(text: str, m: Mention) -> bool:
    """The last name of a "(Town, District)" or "(District, Province)" gloss, or the one name
    of a gloss right after a place name: "Teotepeque (La Libertad)", "Wadi al-Rabi (Aljfara)"."""
    if _gloss_end(text, m.start, m.end):
        return True
    return bool(
        _NAME_THEN_PAREN.search(text, max(0, m.start - 40), m.start)
        and text[m.start - 1] == "("
        and _PAREN_AFTER.match(text, m.end)
    )


def _gloss_end(text: str, start: int, end: int) -> bool:
    return bool(
        _PAREN_BEFORE.search(text, max(0, start - 42), start) and _PAREN_AFTER.match(text, end)
    )


QUALIFIER_GAP = 25  # "X district, Y", "X (Y", "X village of Y district": short, lower-case glue


# "Ariel (Nassoumbou, Soum)": inside a gloss, names the gazetteer lacks still lead to the division.
_GLOSS_OF_UNKNOWN = re.compile(r"\s*\(\s*(?:[A-Z][\w'’-]*(?:[ -][\w'’-]+){0,3}\s*,\s*){1,3}")


def qualifies(gaz: Gazetteer, text: str, first: Mention, second: Mention) -> bool:
    """Whether ``second`` is written as the division ``first`` lies in ("X, Y", "X (Y",
    "X in Y"; a country lies in nothing: "the University of the Philippines in Diliman")."""
    gap = text[first.end : second.start]
    if len(gap) <= 3 * QUALIFIER_GAP and "\n" not in gap and _GLOSS_OF_UNKNOWN.fullmatch(gap):
        return True
    if len(gap) > QUALIFIER_GAP or any(ch in gap for ch in ".;:!?\n") or gap.lower() != gap:
        return False
    if "," in gap or "(" in gap or " of " in f" {gap} ":
        return True
    return _within_gap(gap) and all(gaz.places[i].kind != "country" for i in first.candidates)


def _within_gap(gap: str) -> bool:
    """The glue of "X in Y", "X district in Y", "X area in Y": Y contains X (the cue file's
    ``within_gap``, optionally after a district or area word)."""
    c = cues()
    words = _fold_phrase(gap)
    for n in _lengths(c.within_gap):
        if len(words) >= n and words[len(words) - n :] in c.within_gap:
            head = words[: len(words) - n]
            return not head or head in c.admin2_after or head in c.near_after
    return False


def qualifier_admins(
    gaz: Gazetteer, text: str, mentions: list[Mention], n: int
) -> set[tuple[str, str]]:
    """The (country, admin1) pairs of the divisions written after mention ``n``."""
    out: set[tuple[str, str]] = set()
    j = n + 1
    while j < len(mentions) and qualifies(gaz, text, mentions[j - 1], mentions[j]):
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
        # "Cukurca district of Hakkari": the cue belongs to the name before; this one is the
        # division that district lies in, of either level.
        district_of = n > 0 and _division_of_named_district(gaz, text, ft, mentions[n - 1], m, c)
        if admin2_cue(ft.tokens, m, c) and not district_of:
            out.append(replace(m, candidates=tuple(admin2)))
            continue
        if (
            district_of
            or in_parenthetical(text, m)
            or has_after(ft.tokens, m.last_token, c.province_after)
            or has_before(ft.tokens, m.first_token, c.province_before)
        ):
            # The end of a "(Town, Division)" gloss is a division of either level: "(Wouri,
            # Littoral)" names Cameroon's province, not a Bolivian district of that name. So is
            # "X province": Burkina Faso's and Afghanistan's provinces are not the same level.
            divisions = tuple(i for i in m.candidates if gaz.places[i].kind in DIVISION_KINDS)
            out.append(replace(m, candidates=divisions))
            continue
        parents = qualifier_admins(gaz, text, mentions, n)
        fitting = tuple(
            i for i in admin2 if (gaz.places[i].country, gaz.places[i].admin1) in parents
        )
        if _closes_an_unknown_address(text, m, mentions[n - 1] if n > 0 else None):
            fitting = tuple(admin2)
        if n > 0 and qualifies(gaz, text, mentions[n - 1], m):
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


def _division_of_named_district(
    gaz: Gazetteer, text: str, ft: FoldedText, previous: Mention, m: Mention, c: Cues
) -> bool:
    """``m`` closes "X district of M" / "X district in M": a division cue follows the name
    before it, and ``m`` is written as that name's division."""
    return has_after(ft.tokens, previous.last_token, c.admin2_after) and qualifies(
        gaz, text, previous, m
    )

# "Barangay Magdawat, Pinabacdao, Samar.", "in Sedika town, Arsi.": a place the gazetteer does
# not know, then a comma, then the name that closes the clause: the division it lies in.
_UNKNOWN_PLACE_THEN_COMMA = re.compile(
    r"[A-Z][\w'’-]+(?: (?:town|village|city|camp|area|commune|municipality))?, $"
)
_CLAUSE_END = re.compile(r"\s*(?:[.;:)]|,|$)")


def _closes_an_unknown_address(text: str, m: Mention, previous: Mention | None) -> bool:
    if previous is not None and m.start - previous.end <= 2 + len("municipality, "):
        return False  # the place before is known: its own rules apply ("Calamba, Laguna")
    return bool(
        _UNKNOWN_PLACE_THEN_COMMA.search(text, max(0, m.start - 40), m.start)
        and _CLAUSE_END.match(text, m.end)
    )


def _division_only(gaz: Gazetteer, m: Mention) -> bool:
    return all(gaz.places[i].kind in DIVISION_KINDS for i in m.candidates)


def _has_division(gaz: Gazetteer, m: Mention) -> bool:
    return any(gaz.places[i].kind in DIVISION_KINDS for i in m.candidates)


def _within_glosses(
    gaz: Gazetteer, text: str, ft: FoldedText, mentions: list[Mention]
) -> list[Mention]:
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
        while j < len(out) and qualifies(gaz, text, out[j - 1], out[j]):
            j += 1
        chain = range(n, j)
        if j - n < 2:
            n += 1
            continue
        glossed = "(" in text[out[n].end : out[j - 1].start] or text[
            : out[n].start
        ].rstrip().endswith("(")
        # Qualifiers that are all divisions, one at least only a division ("Yangi Kala area of
        # Qaysar district, Faryab": Faryab is also an Iranian town, the district cue settles it).
        # A town written as a district ("Arso district") stands for its district.
        c = cues()
        divisions = all(
            _has_division(gaz, out[k]) or admin2_cue(ft.tokens, out[k], c) for k in chain[1:]
        ) and any(_division_only(gaz, out[k]) for k in chain[1:])
        if glossed or divisions:
            # The divisions of the address decide; failing those, every qualifier.
            basis = [k for k in chain[1:] if _division_only(gaz, out[k])] or list(chain[1:])
            shared = set.intersection(
                *({gaz.places[i].country for i in out[k].candidates} for k in basis)
            )
            if not shared and glossed:
                # Divisions of different countries ("(Poonch district, J&K)": Pakistan has a
                # Poonch too): the one that closes the address is the widest and decides.
                shared = {gaz.places[i].country for i in out[j - 1].candidates}
            common = ({gaz.places[i].country for i in out[n].candidates} & shared) or shared
            for k in chain if common else ():
                kept = tuple(i for i in out[k].candidates if gaz.places[i].country in common)
                if k == n and not kept and not glossed and well_known(gaz, out[k]):
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
                if not kept and not glossed and well_known(gaz, first):
                    kept = first.candidates
                if kept != first.candidates:
                    out[n] = replace(first, candidates=kept)
        elif _town_then_town(text, out[n], out[n + 1]):
            out[n] = _near_the_town(gaz, out[n], out[n + 1])
        n = j
    return [m for m in out if m.candidates]


NEIGHBOURHOOD_KM = 30.0
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)")


def _town_then_town(text: str, first: Mention, town: Mention) -> bool:
    """ "Ermita, Manila after ...": a place, a comma, then the town it lies in, closing the
    address (not a list going on: "Ermita, Manila and Cebu")."""
    return text[first.end : town.start] == ", " and not _LIST_GOES_ON.match(text, town.end)


def _near_the_town(gaz: Gazetteer, m: Mention, town: Mention) -> Mention:
    """The place of ``m`` near the town written after it; with none near, a neighbourhood or
    village the gazetteer lacks (the event falls back to the town), unless ``m`` is a
    well-known town in its own right."""
    from wartrace.geo.resolve import within_km  # (resolve imports this module)

    towns = [gaz.places[i] for i in town.candidates]
    if any(p.kind not in ("city", "admin1") for p in towns) or well_known(gaz, m):
        return m  # "Nineveh province, Iraq": a country closes it
    # "Kamianka, Donetsk": the town or the province of that name
    provinces = {(p.country, p.admin1) for p in towns if p.kind == "admin1"}
    anchors = [p for p in towns if p.kind == "city"]
    points = [(a.lat, a.lon) for a in anchors if a.lat is not None and a.lon is not None]

    def near_one(p: Place) -> bool:
        if (p.country, p.admin1) in provinces:
            return True
        if p.lat is None or p.lon is None:
            return False
        return any(within_km(p.lat, p.lon, lat, lon, NEIGHBOURHOOD_KM) for lat, lon in points)

    near = tuple(i for i in m.candidates if near_one(gaz.places[i]))
    return replace(m, candidates=near) if near != m.candidates else m


def well_known(gaz: Gazetteer, m: Mention) -> bool:
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


def in_longer_name(text: str, ft: FoldedText, m: Mention, c: Cues) -> bool:
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
        ns, ne = ft.spans[m.last_token + 1]
        if (
            text[m.end : ns] == " "
            and text[ns].isupper()
            and ft.tokens[m.last_token + 1] not in cue_words
        ):
            return True
        # "Mafraq ar Ruwayk", "Mosul al-Jadida": a lower-case Arabic article glues the next name on
        after = m.last_token + 2
        if (
            ft.tokens[m.last_token + 1] == ARTICLE
            and text[m.end : ns] == " "
            and text[ns].islower()
            and after < len(ft.spans)
            and ft.spans[after] != (ns, ne)
            and text[ne : ft.spans[after][0]] in ("-", " ")
            and text[ft.spans[after][0]].isupper()
        ):
            return True
    return False
