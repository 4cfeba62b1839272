"""What the words around a name say about it as an event's place ("near X", "X province",
"based in X", "Jalalabad Road"), and how precisely a kind of place locates an event."""

from __future__ import annotations

from wartrace.geo.gazetteer import KINDS_AREA, Place
from wartrace.geo.mentions import (
    Cues,
    Mention,
    cues,
    has_after,
    has_before,
    names_a_person,
)
from wartrace.geo.normalize import FoldedText
from wartrace.geo.resolve import ArticleContext, origin_cue


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
    if place.kind == "admin2" and place.precision == 3:
        # a district the gazetteer knows no town of is coded to its province: no finer than it
        return specificity_of_kind("admin1")
    return specificity_of_kind(place.kind)


GRIEVANCE_WINDOW = 12  # tokens from a grievance opener to the place it names


def in_grievance(text: str, ft: FoldedText, m: Mention, c: Cues) -> bool:
    """The place is in the clause a protest is about, not where it is held: "residents of
    Bunia protested against the killing of civilians in Djugu", id "mahasiswa di Jayapura
    memprotes penembakan warga di Intan Jaya" (``grievance_open``). The clause runs from its
    opener to the name within GRIEVANCE_WINDOW tokens and ends at a comma or a sentence's end."""
    tokens = ft.tokens
    lengths = {len(p) for p in c.grievance_open}
    for end in range(m.first_token - 1, max(-1, m.first_token - 1 - GRIEVANCE_WINDOW), -1):
        if any(ch in ",;.!?\n" for ch in text[ft.spans[end][1] : ft.spans[end + 1][0]]):
            return False
        if any(
            end + 1 - n >= 0 and tuple(tokens[end + 1 - n : end + 1]) in c.grievance_open
            for n in lengths
        ):
            return True
    return False


def _names_a_street(ctx: ArticleContext, m: Mention) -> bool:
    """ "Jalalabad Road", "Kohat Road": a street named after a town (``street_after``,
    capitalised: a proper name) lies in another city, often far from that town ("the
    Jalalabad road", lower case, is the road to it: a ``near_after`` cue)."""
    i = m.last_token + 1
    if i >= len(ctx.folded.tokens) or not ctx.text[ctx.folded.spans[i][0]].isupper():
        return False
    return has_after(ctx.folded.tokens, m.last_token, cues().street_after)


def cue_flags(ctx: ArticleContext, m: Mention) -> dict[str, bool]:
    """What the words around a mention say about it (cached per article and mention)."""
    cached = ctx.flags.get(m.first_token)
    if cached is not None:
        return cached
    c = cues()
    tokens = ctx.folded.tokens
    flags = {
        "near": has_before(tokens, m.first_token, c.near_before)
        or has_after(tokens, m.last_token, c.near_after),
        "province": has_after(tokens, m.last_token, c.province_after)
        or has_before(tokens, m.first_token, c.province_before),
        "locative": has_before(tokens, m.first_token, c.locative_before),
        "background": has_before(tokens, m.first_token, c.background_before)
        or has_after(tokens, m.last_token, c.background_after)
        or names_a_person(ctx.text, ctx.folded, m, c),
        "grievance": in_grievance(ctx.text, ctx.folded, m, c),
        "origin": origin_cue(tokens, m),
        "people_from": has_before(tokens, m.first_token, c.people_from),
        "named_facility": has_before(tokens, m.first_token, c.named_facility_before),
        "street": _names_a_street(ctx, m),
        "facility": has_before(tokens, m.first_token, c.facility_before)
        or has_after(tokens, m.last_token, c.facility_after),
    }
    ctx.flags[m.first_token] = flags
    return flags
