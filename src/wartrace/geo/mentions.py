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

from wartrace.datafiles import load_yaml
from wartrace.geo.gazetteer import DATA_DIR, Gazetteer, build_config
from wartrace.geo.normalize import (
    ARTICLE,
    EZAFE,
    LATIN_ARTICLES,
    FoldedText,
    fold_text,
    fold_token,
    hyphened_glued,
    name_key,
    name_keys,
)

SMALL_TOWN = 15000
BIG_CITY = 100_000  # a city, known by its name across borders


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
    relation_gap: frozenset[tuple[str, ...]]
    kind_after: frozenset[tuple[str, ...]]
    part_words: frozenset[tuple[str, ...]]
    compass_words: frozenset[tuple[str, ...]]
    backer_before: frozenset[tuple[str, ...]]
    backer_after: frozenset[tuple[str, ...]]
    territory_before: frozenset[tuple[str, ...]]
    territory_after: frozenset[tuple[str, ...]]
    range_from: frozenset[tuple[str, ...]]
    range_to: frozenset[tuple[str, ...]]
    person_after: frozenset[tuple[str, ...]]
    person_before: frozenset[tuple[str, ...]]
    list_joins: frozenset[tuple[str, ...]]
    sub_town_before: frozenset[tuple[str, ...]]
    sub_town_after: frozenset[tuple[str, ...]]
    institution_after: frozenset[tuple[str, ...]]
    person_role: frozenset[tuple[str, ...]]
    office_before: frozenset[tuple[str, ...]]
    settlement_words: frozenset[tuple[str, ...]]
    street_after: frozenset[tuple[str, ...]]
    people_from: frozenset[tuple[str, ...]]
    grievance_open: frozenset[tuple[str, ...]]


def _fold_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(k for word in str(phrase).replace("-", " ").split() for k in fold_token(word))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Cue phrases of every language in data/cues/ (adding a language = adding a file)."""
    merged: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for path in sorted((DATA_DIR / "cues").glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            data = load_yaml(fh.read()) or {}
        for name, phrases in data.items():
            if name not in Cues.__slots__:
                raise ValueError(f"{path.name}: unknown cue list {name!r}")
            merged[name].update(p for p in map(_fold_phrase, phrases or []) if p)
    return Cues(**{name: frozenset(merged.get(name, set())) for name in Cues.__slots__})


@lru_cache(maxsize=32)
def cue_union(*names: str) -> frozenset[tuple[str, ...]]:
    """Several cue lists as one, built once: a union built per call is a new set each time,
    and would miss (and flush) the cache of ``_lengths``."""
    c = cues()
    return frozenset().union(*(getattr(c, name) for name in names))


@lru_cache(maxsize=64)
def _lengths(phrases: frozenset[tuple[str, ...]]) -> frozenset[int]:
    return frozenset(len(p) for p in phrases)


def has_before(tokens: list[str], first: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(
        first - n >= 0 and tuple(tokens[first - n : first]) in phrases for n in _lengths(phrases)
    )


def has_after(tokens: list[str], last: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(tokens[last + 1 : last + 1 + n]) in phrases for n in _lengths(phrases))


PERSON_GAP = 2  # lower-case words that may stand between a place and its person noun


def names_a_person(text: str, ft: FoldedText, m: Mention, c: Cues) -> bool:
    """The place qualifies a person, not the event: "a Karatina councillor", "Kandara land
    activist", id "aktivis Papua" (``person_after`` / ``person_before``). Up to PERSON_GAP
    lower-case words may stand between ("Karatina county councillor")."""
    tokens = ft.tokens
    if has_before(tokens, m.first_token, c.person_before):
        return True
    i = m.last_token + 1
    for _ in range(PERSON_GAP + 1):
        if i >= len(tokens):
            return False
        if has_after(tokens, i - 1, c.person_after):
            return True
        start, _end = ft.spans[i]
        if not text[start].islower() or text[ft.spans[i - 1][1] : start] != " ":
            return False  # (a name, a comma: the noun phrase has ended)
        i += 1
    return False


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


_Raw = tuple[int, int, str, tuple[int, ...]]  # first token, last token, key, place ids


def find_mentions(gaz: Gazetteer, text: str) -> tuple[FoldedText, list[Mention]]:
    """Every gazetteer name in ``text``: longest matches first, no overlaps."""
    ft = fold_text(text)
    tokens = ft.tokens
    lower_words = {t for t, (s, _e) in zip(tokens, ft.spans, strict=True) if text[s].islower()}
    lower_words.discard(ARTICLE)
    raw: list[_Raw] = []
    for end_pos, (key, ids) in gaz.automaton.iter(ft.folded):
        # The pattern is " key ": end_pos is its final space, the key starts len(key) before.
        first = ft.token_starting(end_pos - len(key))
        last = ft.token_ending(end_pos)
        if first is None or last is None or not _capitalised(text, ft, first, last, tokens):
            continue  # (most matches are lower-case words: dropped before the sort)
        raw.append((first, last, key, ids))
    for i, key in hyphened_glued(text, ft):  # "Pétion-Ville" is GeoNames' Petionville
        if (hit := gaz.automaton.get(f" {key} ", None)) is not None:
            raw.append((i, i + 1, hit[0], hit[1]))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    taken: set[int] = set()
    mentions: list[Mention] = []
    for first, last, key, ids in raw:
        if any(i in taken for i in range(first, last + 1)):
            continue
        if first == last and _word_like(text, ft, first, key, lower_words, gaz):
            continue
        if _in_ezafe_compound(text, ft, first, last):
            continue
        if last > first and text[ft.spans[last][0]].islower() and tokens[last] in _tail_words():
            continue  # "Hays city": the name is Hays, not a "Hays City" of Kansas
        if _after_article(text, ft, first):
            ids = tuple(i for i in ids if gaz.places[i].country in article_countries())
            if not ids:
                continue
        taken.update(range(first, last + 1))
        start, end = ft.spans[first][0], ft.spans[last][1]
        mentions.append(Mention(start, end, text[start:end], key, ids, first, last))
    mentions = [without_old_names(gaz, m) for m in mentions]
    mentions.extend(_word_divisions_closing_glosses(gaz, text, ft, taken))
    mentions.sort(key=lambda m: m.start)
    mentions = [m for m in mentions if not _closes_a_name(gaz, text, ft, m)]
    from wartrace.geo.addresses import qualify_admin2, within_glosses  # (they import this module)

    return ft, within_glosses(gaz, text, ft, qualify_admin2(gaz, text, ft, mentions))


_WORD_DIVISIONS: dict[int, dict[str, tuple[int, ...]]] = {}


def _word_divisions(gaz: Gazetteer) -> dict[str, tuple[int, ...]]:
    """First-level divisions named by an ordinary word the stoplist keeps out of the index
    ("Plateau", "Rivers", "Centre", "North"): folded name -> the divisions."""
    cached = _WORD_DIVISIONS.get(id(gaz))
    if cached is None:
        found: dict[str, list[int]] = defaultdict(list)
        for indices in gaz.admin1_by_country.values():
            for i in indices:
                key = name_key(gaz.places[i].name)
                if " " not in key and key in gaz.stopwords:
                    found[key].append(i)
        cached = {key: tuple(ids) for key, ids in found.items()}
        _WORD_DIVISIONS.clear()
        _WORD_DIVISIONS[id(gaz)] = cached
    return cached


def _word_divisions_closing_glosses(
    gaz: Gazetteer, text: str, ft: FoldedText, taken: set[int]
) -> list[Mention]:
    """Such a word, capitalised, closing a "(Bassa LGA, Plateau)" gloss, where only a
    division can stand: the address's province, although elsewhere it is an ordinary word."""
    divisions = _word_divisions(gaz)
    out: list[Mention] = []
    for i, key in enumerate(ft.tokens):
        if key not in divisions or i in taken:
            continue
        start, end = ft.spans[i]
        if text[start].isupper() and _gloss_end(text, start, end):
            out.append(Mention(start, end, text[start:end], key, divisions[key], i, i))
    return out


@lru_cache(maxsize=1)
def _tail_words() -> frozenset[str]:
    """Words that, written in lower case after a name, say what kind of settlement it is
    rather than end it ("city", "town"; not "region": "Somali region" is a name where
    "Somali" alone is a people)."""
    return frozenset(p[0] for p in cues().kind_after if len(p) == 1)


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


def _in_ezafe_compound(text: str, ft: FoldedText, first: int, last: int) -> bool:
    """A piece of a Persian compound name, joined by a hyphened ezafe ("Band-e-Sharan",
    "Qala-i-..."): the gazetteer lacks the whole, and "Sharan" alone is another place."""
    tokens, spans = ft.tokens, ft.spans

    def hyphened(i: int) -> bool:  # token i is an ezafe with a hyphen on each side
        return (
            0 < i < len(tokens) - 1
            and tokens[i] == EZAFE
            and text[spans[i - 1][1] : spans[i][0]] == "-"
            and text[spans[i][1] : spans[i + 1][0]] == "-"
        )

    return hyphened(first - 1) or hyphened(last + 1)


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
        for n in _lengths(cue_union("admin2_after", "admin2_before"))
        if n < len(inner)
    )


_PAREN_BEFORE = re.compile(r"\([^()\n]{0,40},\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _gloss_end(text: str, start: int, end: int) -> bool:
    return bool(
        _PAREN_BEFORE.search(text, max(0, start - 42), start) and _PAREN_AFTER.match(text, end)
    )


def well_known(gaz: Gazetteer, m: Mention) -> bool:
    """A town big enough to be news, written under its own main name, not one of its foreign
    or old alternate names ("Grenade" is French for Granada, "Progress" a gloss of El
    Progreso); a small place of that name needs the text to say it is a place."""
    return any(
        gaz.places[i].population >= SMALL_TOWN and m.key in name_keys(gaz.places[i].name)
        for i in m.candidates
    )


def without_old_names(gaz: Gazetteer, m: Mention) -> Mention:
    """A city's own main name is not a GeoNames village's old or foreign alternate name:
    "Novorossiysk" is the Russian port, not a Kherson village once called Novorossiyske. Only a
    city: a town's name is often a village's short name elsewhere ("Tala", Egypt/Afghanistan)."""
    if not any(
        gaz.places[i].population >= BIG_CITY and m.key in name_keys(gaz.places[i].name)
        for i in m.candidates
    ):
        return m
    kept = tuple(
        i
        for i in m.candidates
        if not (
            (p := gaz.places[i]).kind == "city"
            and p.population < SMALL_TOWN
            and p.source.startswith("GeoNames feature")
            and m.key not in name_keys(p.name)
        )
    )
    return m if len(kept) == len(m.candidates) else replace(m, candidates=kept)


@lru_cache(maxsize=4)
def _cue_words(c: Cues) -> frozenset[str]:
    """Single cue words that may stand capitalised next to a name ("In Kandahar", "X District",
    "Polres Yahukimo")."""
    before = c.locative_before | c.near_before | c.admin2_before | c.province_before
    words = {p[0] for p in before if len(p) == 1}
    after = c.admin2_after | c.province_after | c.near_after | c.kind_after
    return frozenset(words | {p[0] for p in after})


def in_longer_name(text: str, ft: FoldedText, m: Mention, c: Cues) -> bool:
    """A capitalised word glued to the match that is no cue: the match is part of a name. A
    possessive ends a name: "Karachi's Lyari district" is a part of Karachi, both places."""
    cue_words = _cue_words(c)
    if m.first_token > 0:
        ps, pe = ft.spans[m.first_token - 1]
        before = text[max(0, ps - 2) : ps]
        sentence_start = ps == 0 or before.endswith((". ", "\n", ": ")) or before.strip() == ""
        if (
            text[pe : m.start] == " "
            and text[ps].isupper()
            and ft.tokens[m.first_token - 1] not in cue_words
            and not _possessive(text[ps:pe])
            and (not sentence_start or _person_apposition(text, ft, m, c))
        ):
            return True
    if m.last_token + 1 < len(ft.spans):
        ns, ne = ft.spans[m.last_token + 1]
        if (
            text[m.end : ns] == " "
            and text[ns].isupper()
            and ft.tokens[m.last_token + 1] not in cue_words
            and not _possessive(text[m.start : m.end])
        ):
            return not _names_its_institution(text, ft, m.last_token + 1, c)
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


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


APPOSITION_WORDS = 4  # words after the comma that may come before the person's role


def _person_apposition(text: str, ft: FoldedText, m: Mention, c: Cues) -> bool:
    """ "Amadou Kone, a local journalist, ...", "Paul Sawadogo, director of ...": a name opening
    a sentence, glued to the capitalised word before it and followed by an apposition that
    names a role (``person_role``) is a person's name, although a sentence's first word is
    capitalised anyway ("Several Mosul residents" keeps Mosul: no role follows a comma)."""
    nxt = m.last_token + 1
    if nxt >= len(ft.spans) or not re.fullmatch(r"\s*,\s*", text[m.end : ft.spans[nxt][0]]):
        return False
    roles = single_words(c.person_role)
    for k in range(nxt, min(nxt + APPOSITION_WORDS, len(ft.spans))):
        if ft.tokens[k] in roles:
            return True
        gap = text[ft.spans[k - 1][1] : ft.spans[k][0]] if k > nxt else ""
        if text[ft.spans[k][0]].isupper() or re.search(r"[.;:()]|,", gap):
            return False  # (another name or the apposition's end)
    return False


INSTITUTION_WORDS = 4  # capitalised words a town's institution may have after the town


def _names_its_institution(text: str, ft: FoldedText, i: int, c: Cues) -> bool:
    """The capitalised words from token ``i`` on name an institution after the town before
    them, which stands in that town ("Jimma University", "Harar Teachers Training College",
    "Gao Airport": ``institution_after``); hotels, hospitals and streets are not in the list,
    as they are often named after another town ("Paradise Hotel")."""
    heads = single_words(c.institution_after)
    end = ft.spans[i - 1][1]
    for k in range(i, min(i + INSTITUTION_WORDS, len(ft.spans))):
        start, stop = ft.spans[k]
        if text[end:start] != " " or not text[start].isupper():
            return False
        if ft.tokens[k] in heads:
            return True
        end = stop
    return False


def part_of_unknown_name(
    text: str, ft: FoldedText, m: Mention, c: Cues, named: frozenset[int]
) -> bool:
    """The match is a piece of a longer place name the gazetteer does not know, so it does not
    name the event's place: a capitalised word glued before it ("near Yar Maung Bridge", "the
    Red Camellia community", "Aqi Bai"), or capitalised words after it that a kind word closes
    ("Thar Si Gone village", "the Qaisar Dahani and Sangzaro areas"). Not a word naming a part
    of the place ("North Minahasa", "Tonj North county": ``part_words``), a cue word ("In
    Kandahar", "Minbya Township"), another place (``named``: token indices of the mentions;
    "Vadodara Gujarat") or a possessive ("Jerusalem's Bet Shemesh"). Unlike
    ``in_longer_name`` it leaves a town naming a facility alone ("Kandahar Police", "Gao
    Airport"): that facility is in the town."""
    words = _cue_words(c)
    parts = single_words(c.part_words)
    first = m.first_token
    if first > 0 and first - 1 not in named:
        ps, pe = ft.spans[first - 1]
        before = text[max(0, ps - 2) : ps]
        sentence_start = ps == 0 or before.endswith((". ", "\n", ": ")) or before.strip() == ""
        prev = ft.tokens[first - 1]
        if (
            text[pe : m.start] == " "
            and text[ps].isupper()
            and not sentence_start
            and prev not in words
            and prev not in parts
            and prev != ARTICLE
            and not _possessive(text[ps:pe])
        ):
            return True
    if _possessive(text[m.start : m.end]):
        return False  # "Karachi's Lyari district": a part of Karachi, not a piece of its name
    kinds = single_words(cue_union("kind_after", "admin2_after", "near_after"))
    return _closed_by_kind_word(text, ft, m.last_token + 1, words, parts, kinds)


def _closed_by_kind_word(
    text: str,
    ft: FoldedText,
    i: int,
    words: frozenset[str],
    parts: frozenset[str],
    kinds: frozenset[str],
) -> bool:
    """Capitalised words from token ``i`` on (one "and" may join two names), then a lower-case
    kind word: "Gone village", "Dahani and Sangzaro areas"."""
    unknown = 0
    joined = False
    end = ft.spans[i - 1][1]
    while i < len(ft.spans) and unknown <= 4:
        start, stop = ft.spans[i]
        if text[end:start] != " ":
            return False
        token = ft.tokens[i]
        if text[start].islower():
            if token == "and" and not joined and unknown:
                joined = True
            else:
                return unknown > 0 and token in kinds
        elif token in words:
            return False
        elif token not in parts:
            unknown += 1
        end = stop
        i += 1
    return False


@lru_cache(maxsize=16)
@lru_cache(maxsize=64)
def single_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The one-word phrases of a cue list, as words (cached: cue readers ask per mention)."""
    return frozenset(p[0] for p in phrases if len(p) == 1)
