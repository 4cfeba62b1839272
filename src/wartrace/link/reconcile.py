"""Reconcile the casualty claims of one event into ACLED's figure and a low/best/high range.

Every claim stays in ``claims`` with its article, outlet, language and claimant; this
module only decides which figures an event reports. The rules:

1. Only ``killed`` claims count. A translation or copy repeats its source's claims: claims
   of one derivation family (same root article) with the same value, qualifier and side
   count once, so a copy never confirms its source.
2. Supersession (ACLED): an updated toll ("rose to", "naik menjadi") replaces, in its own
   report, the other figures for the same side, and anywhere in the event the lower figures
   for the same side (an update revises the event's toll, whoever gave the earlier count:
   23 and 26 -> 33: 33 stands). Claimant names are too varied across outlets and languages
   ("SOHR", "war monitor", "Observatorium") to restrict this to one claimant.
3. Sides (``data/victims.yaml``: state forces, militants, civilians, else unspecified):
   for each side the lowest standing figure (figures that stand at the same time and
   disagree: the lowest); the sides reported separately are added. An unspecified total
   ("26 dead on both sides") is compared with that sum and the lower one kept.
   That is ``fatalities``, and also ``fatalities_low``.
4. Range (after UCDP, which publishes low / best / high per event): ``high`` takes each
   side's highest standing figure, ``best`` each side's median figure (UCDP takes the most
   reliable sources' figure; with no reliability model the median report is the neutral
   choice), both combined as in 3.
5. ``notes`` names the disputes ("Amaq: 20; pro-government pages: at least 12") and the
   revisions ("SOHR revised 26 -> 33").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from statistics import median_low

from wartrace.link.anchors import _load, fold

UNSPECIFIED = "unspecified"


@dataclass(frozen=True, slots=True)
class ClaimView:
    report_key: str  # claims of one report are read together
    value: int
    qualifier: str
    kind: str
    claimant: str | None = None
    outlet: str | None = None
    supersedes: bool = False
    victims: str | None = None
    family: str | None = None  # root article of the derivation family
    article_id: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Reconciled:
    fatalities: int | None
    low: int | None
    best: int | None
    high: int | None
    notes: str


@cache
def side_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = _load("victims.yaml")
    return tuple((str(side), tuple(fold(str(w)) for w in words)) for side, words in data.items())


def side_of(victims: str | None) -> str:
    """The side a victims description names, or 'unspecified'."""
    if not victims:
        return UNSPECIFIED
    tokens = [t for t in fold(victims).replace("-", " ").split() if t]
    joined = " ".join(tokens)
    for side, words in side_words():
        for w in words:
            if " " in w or "-" in w:
                if w.replace("-", " ") in joined:
                    return side
            elif any(t == w or (len(w) > 3 and t.startswith(w)) for t in tokens):
                return side
    return UNSPECIFIED


def _who(c: ClaimView) -> str:
    return c.claimant or c.outlet or c.article_id or "a report"


def _claimant_key(c: ClaimView) -> str:
    return fold(c.claimant) if c.claimant else f"~{c.family or c.report_key}"


def _dedupe(claims: Sequence[ClaimView]) -> list[ClaimView]:
    seen: set[tuple[str, int, str, str, str]] = set()
    out = []
    for c in claims:
        key = (c.family or c.report_key, c.value, c.qualifier, side_of(c.victims), _claimant_key(c))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def standing_figures(claims: Sequence[ClaimView]) -> tuple[list[ClaimView], list[str]]:
    """The killed claims no updated toll replaces, and notes on the revisions."""
    killed = _dedupe([c for c in claims if c.kind == "killed"])
    updates = [c for c in killed if c.supersedes]
    standing: list[ClaimView] = []
    revisions: list[str] = []
    for c in killed:
        if c.supersedes:
            standing.append(c)
            continue
        side = side_of(c.victims)
        replaced_by = None
        for u in updates:
            same_side = side_of(u.victims) in (side, UNSPECIFIED) or side == UNSPECIFIED
            if not same_side:
                continue
            if u.report_key == c.report_key or u.value > c.value:
                replaced_by = u
                break
        if replaced_by is None:
            standing.append(c)
        else:
            note = f"{_who(replaced_by)} revised {c.value} -> {replaced_by.value}"
            if note not in revisions:
                revisions.append(note)
    return standing, revisions


def _combine(
    per_side: dict[str, list[int]],
    pick: Callable[[list[int]], int],
    cap: Callable[[int, int], int] = min,
) -> int:
    """One figure per side (``pick`` of its standing figures), sides added; an unspecified
    total ("26 dead on both sides") caps the sum."""
    sided = {k: pick(v) for k, v in per_side.items() if k != UNSPECIFIED}
    unspecified = pick(per_side[UNSPECIFIED]) if UNSPECIFIED in per_side else None
    if not sided:
        return unspecified or 0
    summed = sum(sided.values())
    return summed if unspecified is None else cap(summed, unspecified)


def _describe(c: ClaimView) -> str:
    qual = "" if c.qualifier == "exact" else c.qualifier.replace("_", " ") + " "
    return f"{qual}{c.value}"


def reconcile(claims: Sequence[ClaimView]) -> Reconciled:
    standing, revisions = standing_figures(claims)
    if not standing:
        return Reconciled(None, None, None, None, "; ".join(revisions))
    per_side: dict[str, list[int]] = {}
    for c in standing:
        per_side.setdefault(side_of(c.victims), []).append(c.value)
    fatalities = _combine(per_side, min)
    high = max(_combine(per_side, max, max), fatalities)
    best = min(max(_combine(per_side, lambda v: median_low(sorted(v))), fatalities), high)
    disputes: list[str] = []
    for side in sorted(per_side):
        if len(set(per_side[side])) < 2:
            continue
        figures = []
        for c in sorted((c for c in standing if side_of(c.victims) == side), key=lambda c: c.value):
            text = f"{_who(c)}: {_describe(c)}"
            if text not in figures:
                figures.append(text)
        label = "" if side == UNSPECIFIED else f" ({side})"
        disputes.append(f"{'; '.join(figures)}{label}")
    notes = []
    if disputes:
        notes.append("Fatalities disputed — " + " | ".join(disputes))
    if revisions:
        notes.append("; ".join(revisions))
    return Reconciled(fatalities, fatalities, best, high, ". ".join(notes))
