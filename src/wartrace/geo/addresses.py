"""Names written together as an address: "X (Y, Z)", "X district, Y", "X in Y", "Barangay X,
Town, Province". An address is one country, each name lies in the next, and a name the chain
cannot place is a village the gazetteer lacks (the event falls back to the division)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from wartrace.geo.gazetteer import Gazetteer, Place
from wartrace.geo.mentions import (
    _PAREN_AFTER,
    SMALL_TOWN,
    Cues,
    Mention,
    _fold_phrase,
    _gloss_end,
    _lengths,
    admin2_cue,
    cues,
    has_after,
    has_before,
    in_longer_name,
    single_words,
    well_known,
)
from wartrace.geo.normalize import FoldedText, name_keys

_NAME_THEN_PAREN = re.compile(r"[^\W\d_][\w'’-]*\s?\($")


def in_parenthetical(text: str, m: Mention) -> bool:
    """The last name of a "(Town, District)" or "(District, Province)" gloss, or the one name
    of a gloss right after a place name: "Kandara (Murang'a)", "Jisr al-Shughur (Idlib)"."""
    if _gloss_end(text, m.start, m.end):
        return True
    return bool(
        _NAME_THEN_PAREN.search(text, max(0, m.start - 40), m.start)
        and text[m.start - 1] == "("
        and _PAREN_AFTER.match(text, m.end)
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
    if len(gap) > QUALIFIER_GAP or any(ch in gap for ch in ".;:!?\n"):
        return False
    if gap != gap.lower() and _WORD.sub(_lower_cue_word, gap) != gap.lower():
        return False  # a capitalised word between them names something else
    if "," in gap or "(" in gap or " of " in f" {gap} ":
        return not _relation_in(gap)
    return _within_gap(gap) and all(gaz.places[i].kind != "country" for i in first.candidates)


@lru_cache(maxsize=4096)
def _relation_in(gap: str) -> bool:
    """A word of another relation between the names ("Tessit, near the border with Niger",
    "Tawila, 60 km west of El Fasher"): the second is not the first one's division."""
    words = _fold_phrase(gap)
    phrases = cues().relation_gap
    return any(
        tuple(words[k : k + n]) in phrases
        for n in _lengths(phrases)
        for k in range(len(words) - n + 1)
    )


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _division_words() -> frozenset[str]:
    """Words of the division cues ("LGA", "District", "Local Government Area")."""
    c = cues()
    return frozenset(w for p in c.admin2_after | c.province_after | c.near_after for w in p)


def _lower_cue_word(word: re.Match[str]) -> str:
    """A division word may be capitalised between two names: "(Chikun LGA, Kaduna)"."""
    w = word.group(0)
    return w.lower() if _fold_phrase(w) and _fold_phrase(w)[0] in _division_words() else w


@lru_cache(maxsize=4096)
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


def qualify_admin2(
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
        if (admin2_cue(ft.tokens, m, c) or _compass_named(ft, m, c)) and not district_of:
            abroad = _towns_abroad(gaz, m, admin2, others)
            out.append(replace(m, candidates=tuple(admin2) + abroad))
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
        if not others and not fitting and has_before(ft.tokens, m.first_token, c.within_gap):
            # "in Nduga", "di Intan Jaya": a name that is only a district's, after "in", is it
            fitting = tuple(admin2)
        kept = others + fitting
        if kept:
            out.append(replace(m, candidates=kept) if kept != m.candidates else m)
    return out


DIVISION_KINDS = frozenset({"country", "admin1", "admin2"})


def _compass_named(ft: FoldedText, m: Mention, c: Cues) -> bool:
    """A district whose own name opens or closes with a compass word ("North Waziristan",
    "Aceh Utara", "Tonj North") needs no cue: such a name is the division's, no ordinary word
    (not one of compass words only: "South West State" is Somalia's, not Delhi's South West)."""
    compass = single_words(c.compass_words)
    words = ft.tokens[m.first_token : m.last_token + 1]
    return (
        len(words) > 1
        and (words[0] in compass or words[-1] in compass)
        and any(w not in compass for w in words)
    )


def _towns_abroad(
    gaz: Gazetteer, m: Mention, admin2: list[int], others: tuple[int, ...]
) -> tuple[int, ...]:
    """The towns of a name written as a district ("the Samana subdivision") in
    countries that have no district of that name: the gazetteer lacks the district there, and
    a town of news size under that very name stands for it, or a town a national list or the
    curated supplement names as one (Myanmar's townships are named after their towns: "Kani
    township" is MIMU's town of Kani, not Japan's Kani district); which country the text
    means, its evidence decides."""
    countries = {gaz.places[i].country for i in admin2}
    return tuple(
        i
        for i in others
        if (p := gaz.places[i]).country not in countries
        and ((p.kind == "city" and p.population >= SMALL_TOWN) or p.kind == "town")
        and m.key in name_keys(p.name)
    )


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


def _country_only(gaz: Gazetteer, m: Mention) -> bool:
    return all(gaz.places[i].kind == "country" for i in m.candidates)


def _division_only(gaz: Gazetteer, m: Mention) -> bool:
    return all(gaz.places[i].kind in DIVISION_KINDS for i in m.candidates)


def _has_division(gaz: Gazetteer, m: Mention) -> bool:
    return any(gaz.places[i].kind in DIVISION_KINDS for i in m.candidates)


def within_glosses(
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
        # In a gloss, a qualifier glued to an unknown capitalised word is a piece of a name the
        # gazetteer lacks ("(Shahid Colony, Sindh)": not the Iranian town Shahid), no
        # division of the address.
        qualifiers = [k for k in chain[1:] if not (glossed and in_longer_name(text, ft, out[k], c))]
        if (glossed or divisions) and qualifiers:
            # The divisions of the address decide; failing those, every qualifier.
            basis = [k for k in qualifiers if _division_only(gaz, out[k])] or qualifiers
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
            # A district the address names counts as much: "Goniri (Gujba LGA, Borno)" is
            # the Goniri of Gujba, whatever the province written after it.
            districts = {
                (p.country, p.name)
                for k in chain[1:]
                for p in (gaz.places[i] for i in out[k].candidates)
                if p.kind == "admin2"
            }
            first = out[n]
            if provinces and first.candidates and not _division_only(gaz, first):
                kept = tuple(
                    i
                    for i in first.candidates
                    if (gaz.places[i].country, gaz.places[i].admin1) in provinces
                    or (gaz.places[i].country, gaz.places[i].admin2) in districts
                )
                if not kept and not glossed and well_known(gaz, first):
                    kept = first.candidates
                if kept != first.candidates:
                    out[n] = replace(first, candidates=kept)
        elif j - n >= 3 and _town_address(gaz, text, out[n:j]):
            out[n:j] = _place_town_address(gaz, out[n:j])
        elif _town_then_town(text, out[n], out[n + 1]):
            out[n] = _near_the_town(gaz, out[n], out[n + 1])
        n = j
    _place_sub_towns(gaz, text, ft, out)
    _same_name_same_place(gaz, mentions, out)
    return [m for m in out if m.candidates]


def _same_name_same_place(gaz: Gazetteer, written: list[Mention], out: list[Mention]) -> None:
    """A name an address has placed means that place wherever the text repeats it: "shelled
    positions near Kamyanka, Donetsk ... explosions near Kamyanka" is the Donetsk village both
    times, and when the address showed it to be a village the gazetteer lacks, so is the bare
    repeat (not when only a country follows it: "from Raqqa, after Turkey said" is no
    address)."""
    placed: dict[str, frozenset[int]] = {}
    for k, (before, after) in enumerate(zip(written, out, strict=True)):
        if after.candidates == before.candidates or after.key in placed:
            continue
        if not after.candidates and (k + 1 == len(out) or _country_only(gaz, written[k + 1])):
            continue
        placed[after.key] = frozenset(after.candidates)
    if not placed:
        return
    for k, (before, after) in enumerate(zip(written, out, strict=True)):
        if after.candidates == before.candidates and after.key in placed:
            kept = tuple(i for i in after.candidates if i in placed[after.key])
            if kept != after.candidates:
                out[k] = replace(after, candidates=kept)


# "Barangay Santo Nino Norte, Arevalo, Iloilo City": after the named place, words of its own
# name or of places the gazetteer lacks, then a comma before the next known name.
_SUB_TOWN_GAP = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}){0,2}\s*,\s*"
)


def _place_sub_towns(gaz: Gazetteer, text: str, ft: FoldedText, out: list[Mention]) -> None:
    """A place the text calls a part of a town ("Barangay Poblacion, Cotabato City", "desa X,
    Kota Y": ``sub_town_before``) is the one of that name near the town named after it; with
    none near, a barangay or village the gazetteer lacks (the event falls back to the town),
    even where a big namesake is well known elsewhere (Manila's Poblacion is not Cotabato's)."""
    c = cues()
    for n in range(len(out) - 1):
        m, town = out[n], out[n + 1]
        if not m.candidates:
            continue
        gap = text[m.end : town.start]
        if (
            has_before(ft.tokens, m.first_token, c.sub_town_before)
            and len(gap) <= 40
            and _SUB_TOWN_GAP.fullmatch(gap)
        ) or _part_of_the_town(ft.tokens, m, town, c):
            out[n] = _near_the_town(gaz, m, town, part=True)


def _part_of_the_town(tokens: list[str], m: Mention, town: Mention, c: Cues) -> bool:
    """ "the Colonia Guadalupe neighborhood of Ciudad Juarez": a part of the town after it."""
    between = tuple(tokens[m.last_token + 1 : town.first_token])
    return len(between) >= 2 and between[-1] == "of" and between[:-1] in c.sub_town_after


def _divisions_of(gaz: Gazetteer, m: Mention) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The (country, admin1) and (country, district) pairs of a name's division candidates."""
    provinces: set[tuple[str, str]] = set()
    districts: set[tuple[str, str]] = set()
    for p in (gaz.places[i] for i in m.candidates):
        if p.kind in ("admin1", "admin2") and p.admin1:
            provinces.add((p.country, p.admin1))
        if p.kind == "admin2":
            districts.add((p.country, p.name))
    return provinces, districts


def _lies_in(p: Place, provinces: set[tuple[str, str]], districts: set[tuple[str, str]]) -> bool:
    return (p.country, p.admin2) in districts or (
        not districts and (p.country, p.admin1) in provinces
    )


def _town_address(gaz: Gazetteer, text: str, chain: list[Mention]) -> bool:
    """ "Barangay Poblacion, Cotabato City, Maguindanao": a place, the towns it lies in, then a
    division that contains them, each after a comma."""
    if any(text[a.end : b.start] != ", " for a, b in pairwise(chain)):
        return False
    provinces, districts = _divisions_of(gaz, chain[-1])
    return bool(provinces) and all(
        any(_lies_in(gaz.places[i], provinces, districts) for i in m.candidates)
        for m in chain[1:-1]
    )


def _place_town_address(gaz: Gazetteer, chain: list[Mention]) -> list[Mention]:
    """Each town of the address is the one in its division; the first name is the place of
    that name near the town after it, else a barangay or village the gazetteer lacks (the
    event falls back to the town), unless it is a well-known town in its own right."""
    provinces, districts = _divisions_of(gaz, chain[-1])
    out = list(chain)
    for k in range(1, len(out) - 1):
        kept = tuple(i for i in out[k].candidates if _lies_in(gaz.places[i], provinces, districts))
        out[k] = replace(out[k], candidates=kept)
    out[0] = _near_the_town(gaz, out[0], out[1])
    return out


NEIGHBOURHOOD_KM = 30.0
_TOWN_KINDS = ("city", "admin1", "admin2")
# (a comma then a lower-case word ends the address: "near Yasne, Donetsk, wounding a rebel")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and|or)\b|,(?!\s*[a-z])|and\b|or\b|&)")


def _town_then_town(text: str, first: Mention, town: Mention) -> bool:
    """ "Ermita, Manila after ...": a place, a comma, then the town it lies in, closing the
    address (not a list going on: "Ermita, Manila and Cebu")."""
    return text[first.end : town.start] == ", " and not _LIST_GOES_ON.match(text, town.end)


def _near_the_town(gaz: Gazetteer, m: Mention, town: Mention, part: bool = False) -> Mention:
    """The place of ``m`` near the town written after it; with none near, a neighbourhood or
    village the gazetteer lacks (the event falls back to the town), unless ``m`` is a
    well-known town in its own right and not written as a part of a town (``part``)."""
    from wartrace.geo.resolve import within_km  # (resolve imports this module)

    towns = [gaz.places[i] for i in town.candidates]
    if any(p.kind not in _TOWN_KINDS for p in towns) or (well_known(gaz, m) and not part):
        return m  # "Nineveh province, Iraq": a country closes it
    # "Kamianka, Donetsk": the town or the province of that name; "Colonia Morelos, Reynosa",
    # "Matalam, Cotabato": the town or the district (municipality) of that name
    provinces = {(p.country, p.admin1) for p in towns if p.kind == "admin1"}
    districts = {(p.country, p.admin2) for p in towns if p.kind == "admin2"}
    anchors = [p for p in towns if p.kind == "city"]
    points = [(a.lat, a.lon) for a in anchors if a.lat is not None and a.lon is not None]

    def near_one(p: Place) -> bool:
        if (p.country, p.admin1) in provinces or (p.country, p.admin2) in districts:
            return True
        if p.lat is None or p.lon is None:
            return False
        return any(within_km(p.lat, p.lon, lat, lon, NEIGHBOURHOOD_KM) for lat, lon in points)

    near = tuple(i for i in m.candidates if near_one(gaz.places[i]))
    return replace(m, candidates=near) if near != m.candidates else m


# ---------------------------------------------------------------- lists and ranges

_GLUE_TOKEN = re.compile(r"[,&]|[^\W\d_][\w'’-]*")
_GLUE_UNKNOWN = 2  # capitalised words of a name the gazetteer lacks, between two list members
GLUE_MAX = 40  # characters between two members of a list or the ends of a range


def _list_glue(gap: str, joins: frozenset[str]) -> bool | None:
    """What joins two names: None if not a list's glue, else whether a joining word ("and",
    "dan", "et") or a hyphen ("Nyeri-Karatina road") is in it. Names the gazetteer lacks may
    stand between ("Sidon, Tripoli, Matn and Zahle")."""
    if gap in ("-", "–", "—"):
        return True
    if len(gap) > GLUE_MAX or any(ch in gap for ch in ".;:!?()[]\n"):
        return None
    words = _GLUE_TOKEN.findall(gap)
    if not words or "".join(words) != "".join(gap.split()):
        return None
    glue = [w == "," or w == "&" or w.lower() in joins for w in words]
    if not (glue[0] and glue[-1]):
        return None
    run = 0
    for w, g in zip(words, glue, strict=True):
        if g:
            run = 0
        elif w[0].isupper() and run < _GLUE_UNKNOWN:
            run += 1
        else:
            return None
    return any(w == "&" or w.lower() in joins for w in words)


def list_peers(text: str, ft: FoldedText, mentions: list[Mention]) -> dict[int, frozenset[int]]:
    """Names written as peers: the members of a list ("in Sidon, Jezzine and Zahle", "between
    Garissa and Dadaab") and the ends of a road or range ("the Nyeri-Karatina road",
    "from A to B"). A peer is neither a landmark for another nor a finer place inside it.
    A run of names joined by commas alone is not a list: it may be an address ("X, Y")."""
    c = cues()
    joins = single_words(c.list_joins)
    out: dict[int, frozenset[int]] = {}
    n = 0
    while n < len(mentions):
        j, joined = n, False
        while j + 1 < len(mentions):
            if mentions[j + 1].start - mentions[j].end > GLUE_MAX:
                break  # (most names stand far apart)
            glue = _list_glue(text[mentions[j].end : mentions[j + 1].start], joins)
            if glue is None:
                between = tuple(ft.tokens[mentions[j].last_token + 1 : mentions[j + 1].first_token])
                if not (
                    between in c.range_to
                    and has_before(ft.tokens, mentions[j].first_token, c.range_from)
                ):
                    break
                glue = True
            joined = joined or glue
            j += 1
        if joined:
            group = frozenset(range(n, j + 1))
            out.update(dict.fromkeys(group, group))
        n = j + 1
    return out
