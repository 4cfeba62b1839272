"""Figures whose kind or scope comes from the clause around them rather than a kind word
next to them: a toll continuing the clause before it ("..., bringing the toll to 13"), a
part of the clause's dead ("including 89 civilians"), a list of parts, and "... and executed
them" (the people another act counted)."""

from __future__ import annotations

from dataclasses import replace

from wartrace.extract.figure_cues import Figure, token_index
from wartrace.extract.figure_scope import ends_near
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token
from wartrace.extract.tally import COUNTED_SCOPES
from wartrace.extract.victim_sides import is_attacker
from wartrace.models import Claim


def killed_them(
    claims: list[Claim], tokens: list[Token], kinds: list[tuple[int, int, str]], data: LangData
) -> list[Claim]:
    """ "abducted three elders ... and executed them", "menculik tiga warga lalu membunuh
    mereka": a plural pronoun right after a death word counts the people whom a figure of
    another act (captured, wounded) counted before it, when no death was counted before."""
    out: list[Claim] = []
    for ks, ke, kind in kinds:
        if kind != "killed" or ke >= len(tokens):
            continue
        if tokens[ke].low not in data.implicit.plural_pronouns:
            continue
        before = [c for c in claims if c.end <= tokens[ks].start]
        if not before or before[-1].kind not in ("captured", "wounded"):
            continue
        them = tokens[ke]
        out.append(replace(before[-1], kind="killed", start=them.start, end=them.end))
    return out


def listed_parts(
    claims: list[Claim], tokens: list[Token], vic_tokens: set[int], data: LangData
) -> list[Claim]:
    """ "including one policeman and four army personnel": a figure joined by "and" to a part
    of another figure, with only victims words between, is in the same list of parts."""
    out = list(claims)
    for k in range(1, len(out)):
        prev, c = out[k - 1], out[k]
        if prev.scope != "part" or c.scope not in ("total", "side") or c.kind != prev.kind:
            continue
        between = [t for t in tokens if prev.end <= t.start and t.end <= c.start]
        if any(t.low in data.coordinators for t in between) and all(
            tokens.index(t) in vic_tokens
            or t.low in data.coordinators
            or t.low in data.victim_modifiers
            for t in between
        ):
            out[k] = replace(c, scope="part")
    return out


def continued_toll(
    fig: Figure,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    updates: list[Hit[str]],
    sentence: Sentence,
) -> tuple[str, int, int, bool] | None:
    """ "another soldier died of his wounds, bringing the toll to 13" / "pushing the number to
    13": an updated toll opening a clause after a comma continues the clause before it, so
    its figure counts that clause's dead however far back the death word is."""
    update = ends_near(updates, tokens[fig.start].start, tokens, 3)
    if update is None or not sentence.text[: update.start - sentence.start].rstrip().endswith(","):
        return None
    cue = token_index(tokens, update.start)
    before = [(ks, ke, kind) for ks, ke, kind in kinds if ke <= cue and kind == "killed"]
    if not before:
        return None
    ks, ke, kind = before[-1]
    return kind, ks, ke, False


def part_of_clause(
    fig: Figure, tokens: list[Token], kinds: list[tuple[int, int, str]], subsets: list[Hit[str]]
) -> tuple[str, int, int, bool] | None:
    """ "killed at least 183, including 89 civilians", "246 dead, 135 of them civilians",
    "tewas 246 orang, termasuk 135 warga sipil", "delapan tewas, lima di antaranya anak-anak":
    a part named after the toll (its cue before or right after the figure) counts the dead of
    the clause it qualifies (scope ``part``: it stays a claim and never a figure)."""
    start = tokens[fig.start].start
    cue = ends_near(subsets, start, tokens, 1)
    after = fig.end < len(tokens) and any(h.start == tokens[fig.end].start for h in subsets)
    if cue is None and not after:
        return None
    limit = token_index(tokens, cue.start) if cue is not None else fig.start
    before = [(ks, ke, kind) for ks, ke, kind in kinds if ke <= limit and kind == "killed"]
    if not before:
        return None
    ks, ke, kind = before[-1]
    return kind, ks, ke, False


def continued_victims(claims: list[Claim], continuing: set[int]) -> list[Claim]:
    """A continued toll counts the victims of the clause it continues ("another service
    member had died, pushing the number to 13": 13 service members)."""
    out: list[Claim] = []
    for c in claims:
        if c.start in continuing and c.victims is None:
            prior = [p for p in claims if p.kind == "killed" and p.end <= c.start and p.victims]
            if prior:
                named = max(prior, key=lambda p: p.end).victims
                scope = "side" if c.scope == "total" else c.scope
                c = replace(c, victims=named, scope=scope)
        out.append(c)
    return out


ATTACKER_WORDS = 4  # "including two of the attackers": the subset cue to the attackers' word


def attackers_in_toll(
    claims: list[Claim], tokens: list[Token], subsets: list[Hit[str]]
) -> list[Claim]:
    """ "A bomber blew herself up, killing eight people including herself", "meledakkan
    dirinya, menewaskan delapan orang, termasuk pelaku": the toll names the attacker among
    its dead, so the attacker's own death told in the sentence ("blew herself up") is in it,
    not beside it."""
    named = any(
        is_attacker(" ".join(t.text for t in tokens[k : k + ATTACKER_WORDS]))
        for h in subsets
        if (k := token_index(tokens, h.end - 1) + 1) < len(tokens)
    )
    if not named:
        return claims
    return [c for c in claims if not (c.scope in COUNTED_SCOPES and is_attacker(c.victims))]
