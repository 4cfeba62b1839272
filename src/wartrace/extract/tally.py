"""The rules that count the dead of one incident from its casualty claims: ACLED's figure and a
low/best/high range. One rule set serves a report's own tally (``event_claims.fatalities``) and
an event's reconciliation across its reports (``link/reconcile``, which stores the statuses).

Every claim stays in ``claims`` with its article, outlet, language, claimant, scope and a
status saying what became of it; this module decides which figures an event reports. The rules
(README "Reconciling casualty figures" has worked examples):

1. Only ``killed`` claims count, and of those only the ones whose scope is the event's own
   toll (``total``) or one side's count (``side``). A part of another figure ("including 3
   children"), a cumulative or background toll ("since 2009") or another incident's toll stays
   visible with that status and never enters a figure.
2. A translation or copy repeats its source: claims of one derivation family (same root
   article) with the same value, qualifier, side and claimant count once ("copy of").
3. Time (ACLED updates a toll when later reports revise it): per side, a figure is superseded
   by an updated toll ("rose to", "naik menjadi") in its own report or a higher one anywhere,
   by a higher figure of a report published later (of two reports that print no date, neither
   is known to be later), and by its own report when that report
   calls it an earlier count ("revising an earlier toll of 26"). A count named as the initial
   toll with no source makes the report's higher figure an update (``_revised_initial``); a
   report whose toll another's update replaces is older than it (``_revised_reports``). What
   is left stands. (Before all this, dead a report tells beyond a figure it gave, scope
   ``more``, are added to that figure: ``_with_more``.)
4. Among the figures that stand (they stand at the same time), per side the lowest (ACLED's
   conservative rule); figures one report gives in one sentence for different victims of one
   side ("5 police and 1 officer were killed") are that report's parts and are added first.
   Disjoint sides (state forces, militants, civilians: ``extract/victim_sides.py``) are added,
   so the attackers killed are added to their victims; an unspecified total ("26 dead on both
   sides") is compared with that sum and the lower kept. The attackers' own dead (``sider``:
   "the bomber", or the attacking group's side in a one-sided attack) are added after that:
   a toll of people counts an attack's victims, and ACLED counts perpetrators too. That is
   ``fatalities`` and ``fatalities_low``.
5. Range (after UCDP's low / best / high): ``high`` takes each side's highest standing figure,
   ``best`` each side's median standing figure, combined as in 4.
6. ``notes`` names the disputes ("Amaq: 20; pro-government pages: at least 12") and the
   revisions ("SOHR revised 26 -> 33").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from statistics import median_low

from wartrace.extract.victim_sides import UNSPECIFIED, is_attacker, plain, side_of


def fold(text: str) -> str:
    """A claimant's name compared loosely: lower case, no diacritics, no apostrophes."""
    return plain(text).replace("'", "").replace("’", "")


COUNTED_SCOPES = frozenset({"total", "side"})
# Dead told beyond the ones a figure before counted ("2 other policemen were also killed"):
# added to the report's figure before it (``_with_more``), never a figure of its own.
MORE = "more"

# A claim's status (stored beside it, shown by `wartrace show` and the event page).
COUNTED = "counted"  # a standing figure: it enters low / best / high
SUPERSEDED = "superseded"  # ref: the article whose figure replaced it
PART = "part"  # part of another figure ("including 3 children")
BACKGROUND = "background"  # a cumulative toll ("since 2009", "so far this year")
OTHER = "other"  # another incident's toll
PROJECTED = "projected"  # a feared toll ("could exceed 500"), not a reported one
COPY = "copy"  # ref: the article it repeats
# A person named among dead that a figure counts, with no figure of their own ("a woman was
# among them"): a part like "including 3 children", but no reported death figure (FORMAT.md),
# so not scored as a claim either.
MEMBER = "member"
SCOPE_STATUS = {
    "part": PART,
    MEMBER: PART,
    "background": BACKGROUND,
    "other": OTHER,
    "projected": PROJECTED,
}
# The perpetrators' own dead, told apart from the sides of victims: added to the victims' toll,
# never capped by it or superseded by it (ACLED: an event's fatalities include perpetrators).
ATTACKERS = "attackers"
# Figures that are no count to rank a report's own figures by: a vague word ("dozens" beside
# "10 killed", see _precise_first) and a ceiling ("between 11 and 20": up to 20; ACLED codes 11).
UNRANKED = frozenset({"vague", "up_to"})
MAX_PARTS = 4  # an aggregate toll is looked for as the sum of at most this many figures


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
    claim_id: int | None = None
    reported: str | None = None  # YYYY-MM-DD the report was published, if known
    printed: bool = True  # ``reported`` is a date the report prints, not one read from its event
    scope: str = "total"  # total | side | part | background | other | projected
    earlier: bool = False  # the report calls it an earlier count it revises
    breath: int | None = None  # claims of one report told in one sentence share this


@dataclass(frozen=True, slots=True)
class Status:
    status: str
    ref: str | None = None  # the article that superseded it or that it copies


@dataclass(frozen=True, slots=True)
class Reconciled:
    fatalities: int | None
    low: int | None
    best: int | None
    high: int | None
    notes: str
    statuses: dict[int, Status] = field(default_factory=dict)  # by claim_id


def sider(attackers: str | None = None) -> Callable[[ClaimView], str]:
    """A claim's side: the attackers' when its victims words name them ("the bomber") or name
    the side that carried out a one-sided attack (``attackers``), else its victims' side."""

    def side(c: ClaimView) -> str:
        named = side_of(c.victims)
        if is_attacker(c.victims) or (attackers is not None and named == attackers):
            return ATTACKERS
        return named

    return side


def _comparable(a: str, b: str) -> bool:
    """Two sides whose figures may count the same dead: one side, or a figure that names no
    side, except the attackers' dead beside a toll of people (that toll counts the victims)."""
    if a == b:
        return True
    return ATTACKERS not in (a, b) and UNSPECIFIED in (a, b)


def _who(c: ClaimView) -> str:
    return c.claimant or c.outlet or c.article_id or "a report"


def _claimant_key(c: ClaimView) -> str:
    return fold(c.claimant) if c.claimant else f"~{c.family or c.report_key}"


def _dedupe(
    claims: Sequence[ClaimView], statuses: dict[int, Status], side: Callable[[ClaimView], str]
) -> list[ClaimView]:
    seen: dict[tuple[str, int, str, str, str], int] = {}
    out: list[ClaimView] = []
    for c in claims:
        key = (c.family or c.report_key, c.value, c.qualifier, side(c), _claimant_key(c))
        k = seen.get(key)
        if k is not None:
            kept = out[k]
            same = kept.report_key == c.report_key
            _mark(statuses, c, Status(COUNTED) if same else Status(COPY, kept.article_id))
            if kept.reported is None and c.reported is not None:
                # A dated copy tells when the figure was out (its source printed no date).
                out[k] = replace(kept, reported=c.reported, printed=c.printed)
            continue
        seen[key] = len(out)
        out.append(c)
    return out


def _mark(statuses: dict[int, Status], c: ClaimView, status: Status) -> None:
    if c.claim_id is not None:
        statuses[c.claim_id] = status


def _later(a: ClaimView, b: ClaimView) -> bool:
    """Whether report ``a`` was published after report ``b`` (both dates known)."""
    if not (a.printed or b.printed):
        return False  # two undated reports: which came out first is unknown
    return a.reported is not None and b.reported is not None and a.reported > b.reported


def _aggregates(claims: Sequence[ClaimView]) -> set[int]:
    """Updated tolls that add up figures their own report tells in sentences of their own ("the
    toll became 45 ... 29 died in A ... 4 in B ... 12 in C"): a total over several places or
    incidents, which ACLED codes apart, so it revises no other report's count of one of them."""
    by_report: dict[str, list[ClaimView]] = {}
    for c in claims:
        by_report.setdefault(c.report_key, []).append(c)
    out: set[int] = set()
    for group in by_report.values():
        for u in group:
            if not u.supersedes:
                continue
            others = [c for c in group if c is not u and c.breath is not None]
            for size in range(2, min(MAX_PARTS, len(others)) + 1):
                if any(
                    sum(c.value for c in combo) == u.value
                    and len({c.breath for c in combo}) == size
                    for combo in combinations(others, size)
                ):
                    out.add(id(u))
                    break
    return out


def _revised_initial(
    claims: Sequence[ClaimView], side: Callable[[ClaimView], str]
) -> list[ClaimView]:
    """A report that names a count from no source as the initial one ("with 43 killed
    according to an initial toll", "menurut data awal") and gives a higher figure of its own
    says the event's toll has risen since: that figure is an updated toll, as if it read "rose
    to". (A source's own earlier statement, "SOHR said earlier that only 30", is revised by
    that report alone: other sources' figures are not its count.)"""
    initial: dict[str, list[ClaimView]] = {}
    for c in claims:
        if c.earlier and c.claimant is None:
            initial.setdefault(c.report_key, []).append(c)
    if not initial:
        return list(claims)
    return [
        replace(c, supersedes=True)
        if not c.earlier
        and any(
            c.value > e.value and _comparable(side(c), side(e))
            for e in initial.get(c.report_key, [])
        )
        else c
        for c in claims
    ]


def _replaces(
    u: ClaimView,
    c: ClaimView,
    aggregates: frozenset[int] = frozenset(),
    older: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """Whether ``u`` supersedes ``c`` (rule 3); both are of one side or one is unspecified.
    ``older``: (report, report) pairs, the first one's toll revised by the second."""
    if u is c or u.earlier:
        return False
    if u.supersedes and (u.report_key == c.report_key or id(u) not in aggregates):
        return u.report_key == c.report_key or u.value > c.value
    if c.earlier and u.report_key == c.report_key:
        return True
    if (c.report_key, u.report_key) in older:
        return u.value > c.value
    return _later(u, c) and u.value > c.value


def _revised_reports(
    killed: Sequence[ClaimView],
    side: Callable[[ClaimView], str],
    aggregates: frozenset[int],
) -> frozenset[tuple[str, str]]:
    """(older, newer) report pairs: a report whose toll another report's figure replaces (an
    update, "rose to 246", or a higher count published later) was written before it. Its
    other figures are then as old: a later report's higher count of the same side replaces
    them too (an early report's "two attackers" beside a later "45 IS members")."""
    return frozenset(
        (c.report_key, u.report_key)
        for c in killed
        for u in killed
        if u.report_key != c.report_key
        and _comparable(side(u), side(c))
        and _replaces(u, c, aggregates)
    )


def standing_figures(
    claims: Sequence[ClaimView],
    statuses: dict[int, Status] | None = None,
    side: Callable[[ClaimView], str] | None = None,
) -> tuple[list[ClaimView], list[str]]:
    """The counted killed claims nothing supersedes, and notes on the revisions."""
    statuses = {} if statuses is None else statuses
    side = side or sider()
    killed = []
    for c in _with_more(claims, statuses, side):
        if c.kind != "killed":
            continue
        if c.scope not in COUNTED_SCOPES:
            _mark(statuses, c, Status(SCOPE_STATUS.get(c.scope, OTHER)))
            continue
        killed.append(c)
    killed = _revised_initial(_dedupe(killed, statuses, side), side)
    aggregates = frozenset(_aggregates(killed))
    older = _revised_reports(killed, side, aggregates)
    standing: list[ClaimView] = []
    revisions: list[str] = []
    for c in killed:
        replacing = [
            u
            for u in killed
            if _comparable(side(u), side(c)) and _replaces(u, c, aggregates, older)
        ]
        # The figure that replaced it last ("20, then 276, then 358": superseded by 358).
        # (A count its own report calls earlier: replaced by that report's figure.)
        replaced_by = max(
            replacing,
            key=lambda u: (c.earlier and u.report_key == c.report_key, u.reported or "", u.value),
            default=None,
        )
        if replaced_by is None:
            standing.append(c)
            _mark(statuses, c, Status(COUNTED))
            continue
        _mark(statuses, c, Status(SUPERSEDED, replaced_by.article_id))
        note = f"{_who(replaced_by)} revised {c.value} -> {replaced_by.value}"
        if note not in revisions:
            revisions.append(note)
    return standing, revisions


def _with_more(
    claims: Sequence[ClaimView], statuses: dict[int, Status], side: Callable[[ClaimView], str]
) -> list[ClaimView]:
    """ "2 policemen were killed ... 2 other policemen were killed when they arrived", "killing
    one civilian ... A third member of the family was found dead": dead a report tells beyond
    a figure it gave before are added to that figure (its last counted death figure before
    them), as one count of the report's; of one side if both count that side, else of people.
    Dead of another side named beside it ("the attacks also killed 94 regime fighters"), or the
    attackers' ("dua penyerang lainnya"), are that side's figure, which sides add anyway; with
    no figure before them too."""
    out: list[ClaimView] = []
    for c in claims:
        if c.scope != MORE:
            out.append(c)
            continue
        sided = "side" if c.victims else "total"
        k = next(
            (
                k
                for k in range(len(out) - 1, -1, -1)
                if out[k].report_key == c.report_key
                and out[k].kind == "killed"
                and out[k].scope in COUNTED_SCOPES
                and not out[k].earlier
            ),
            None,
        )
        if c.kind != "killed" or k is None or not _adds_to(side(out[k]), side(c)):
            out.append(replace(c, scope=sided))
            continue
        before = out[k]
        victims = before.victims if side_of(before.victims) == side_of(c.victims) else None
        out[k] = replace(
            before,
            value=before.value + c.value,
            qualifier=c.qualifier if before.qualifier == "exact" else before.qualifier,
            victims=victims,
            scope="side" if victims else "total",
        )
        _mark(statuses, c, Status(COUNTED))
    return out


def _adds_to(before: str, more: str) -> bool:
    """Whether dead of side ``more`` told beyond a figure of side ``before`` join its count."""
    return ATTACKERS not in (before, more) and (before == more or UNSPECIFIED in (before, more))


def _report_figures(
    standing: Sequence[ClaimView], statuses: dict[int, Status], side: Callable[[ClaimView], str]
) -> dict[str, list[ClaimView]]:
    """Per side, each report's figures. Figures one sentence gives for different victims ("5
    police and 1 officer were killed", "one soldier and two fighters") are told in one breath:
    unless each names a side of its own (then the sides are added anyway), they are added into
    one figure, of their side if they name only one, else an unspecified total."""
    per_side: dict[str, list[ClaimView]] = {}
    breaths: dict[tuple[str, int], list[ClaimView]] = {}
    for c in standing:
        if c.breath is None:
            per_side.setdefault(side(c), []).append(c)
        else:
            breaths.setdefault((c.report_key, c.breath), []).append(c)
    for group in breaths.values():
        sides = [side(c) for c in group]
        known = {s for s in sides if s != UNSPECIFIED}
        apart = UNSPECIFIED not in sides and len(known) == len(sides)
        if len(group) > 1 and not apart and _parts_of_one_statement(group):
            total = sum(c.value for c in group)
            qualifier = "exact" if all(c.qualifier == "exact" for c in group) else "at_least"
            one = known.pop() if len(known) == 1 else UNSPECIFIED
            per_side.setdefault(one, []).append(replace(group[0], value=total, qualifier=qualifier))
            continue
        for c, named in zip(group, sides, strict=True):
            per_side.setdefault(named, []).append(c)
    return _own_breakdown(
        {named: _own_totals(cs, statuses) for named, cs in per_side.items()}, statuses
    )


def _parts_of_one_statement(group: list[ClaimView]) -> bool:
    """One source's figures for different victims ("5 police and 1 officer"), not two sources'
    figures for the same victims ("12 soldiers, the monitor said; 15, the ministry said")."""
    named = [c.victims for c in group if c.victims]
    return (
        len({_claimant_key(c) if c.claimant else "" for c in group}) == 1
        and bool(named)  # none named: "25 killed in A, while 10 are killed in B" (places)
        and len(set(named)) == len(named)
        and len({(c.victims, c.value) for c in group}) == len(group)
        and not any(c.supersedes for c in group)
    )


def _own_totals(figures: list[ClaimView], statuses: dict[int, Status]) -> list[ClaimView]:
    """One report does not dispute itself: of a side's figures that one report gives from one
    source, the largest is its toll and the smaller ones count parts of it ("246 were killed
    ... 2 of them attackers", "one died in hospital")."""
    best: dict[tuple[str, str], ClaimView] = {}
    for c in figures:
        if c.qualifier in UNRANKED:
            continue
        key = _source(c)
        if key not in best or c.value > best[key].value:
            best[key] = c
    kept = set(map(id, best.values()))
    for c in figures:
        if id(c) not in kept and c.qualifier not in UNRANKED:
            _mark(statuses, c, Status(PART, c.article_id))
    return [c for c in figures if id(c) in kept or c.qualifier in UNRANKED]


def _source(c: ClaimView) -> tuple[str, str]:
    """One report's one source: its figures are one account."""
    return (c.report_key, fold(c.claimant) if c.claimant else "")


def _own_breakdown(
    per_side: dict[str, list[ClaimView]], statuses: dict[int, Status]
) -> dict[str, list[ClaimView]]:
    """One source's toll of people smaller than its own counts of sides ("killed two
    civilians ... one was burnt alive", "two militants were shot dead ... one died in
    hospital") tells a part of them, not a rival count. (The larger way round is left to rule
    4: a report's claimants are not always told apart, and "8 officers killed ... the group
    claims 15 dead" is a dispute. The attackers' dead are no part of a toll of people.)"""
    totals = {_source(c): c for c in per_side.get(UNSPECIFIED, []) if c.qualifier not in UNRANKED}
    sided: dict[tuple[str, str], list[ClaimView]] = {}
    for named, cs in per_side.items():
        if named in (UNSPECIFIED, ATTACKERS):
            continue
        for c in cs:
            if c.qualifier not in UNRANKED and _source(c) in totals:
                sided.setdefault(_source(c), []).append(c)
    parts: set[int] = set()
    for key, cs in sided.items():
        total = totals[key]
        if total.value < sum(c.value for c in cs):
            parts.add(id(total))
            _mark(statuses, total, Status(PART, total.article_id))
    return {
        named: kept
        for named, cs in per_side.items()
        if (kept := [c for c in cs if id(c) not in parts])
    }


def _precise_first(figures: list[ClaimView]) -> list[ClaimView]:
    """A vague word ("dozens") is a side's figure only when no report gives a number (ACLED)."""
    return [c for c in figures if c.qualifier != "vague"] or figures


def _combine(
    per_side: dict[str, list[int]],
    pick: Callable[[list[int]], int],
    cap: Callable[[int, int], int] = min,
) -> int:
    """One figure per side (``pick`` of its standing figures), sides added; an unspecified
    total ("26 dead on both sides") caps the sum. (One lower than a side's own figure caps it
    too: "60 of Assad's forces" beside "80 soldiers" is a rival figure for the same dead, and
    ACLED keeps the lowest.) The attackers' dead are added to whatever the victims' toll is."""
    attackers = pick(per_side[ATTACKERS]) if ATTACKERS in per_side else 0
    sided = {k: pick(v) for k, v in per_side.items() if k not in (UNSPECIFIED, ATTACKERS)}
    unspecified = pick(per_side[UNSPECIFIED]) if UNSPECIFIED in per_side else None
    if not sided:
        return (unspecified or 0) + attackers
    summed = sum(sided.values())
    return (summed if unspecified is None else cap(summed, unspecified)) + attackers


def _describe(c: ClaimView) -> str:
    qual = "" if c.qualifier == "exact" else c.qualifier.replace("_", " ") + " "
    return f"{qual}{c.value}"


def reconcile(claims: Sequence[ClaimView], attackers: str | None = None) -> Reconciled:
    """``attackers``: the side that carried out a one-sided attack
    (``victim_sides.attackers_side``), whose dead are its perpetrators."""
    statuses: dict[int, Status] = {}
    side_fn = sider(attackers)
    standing, revisions = standing_figures(claims, statuses, side_fn)
    if not standing:
        return Reconciled(None, None, None, None, "; ".join(revisions), statuses)
    figures = {
        named: _precise_first(cs)
        for named, cs in _report_figures(standing, statuses, side_fn).items()
    }
    per_side = {side: [c.value for c in cs] for side, cs in figures.items()}
    fatalities = _combine(per_side, min)
    high = max(_combine(per_side, max, max), fatalities)
    best = min(max(_combine(per_side, lambda v: median_low(sorted(v))), fatalities), high)
    disputes: list[str] = []
    for side in sorted(figures):
        if len(set(per_side[side])) < 2:
            continue
        shown = []
        for c in sorted(figures[side], key=lambda c: c.value):
            text = f"{_who(c)}: {_describe(c)}"
            if text not in shown:
                shown.append(text)
        label = "" if side == UNSPECIFIED else f" ({side})"
        disputes.append(f"{'; '.join(shown)}{label}")
    notes = []
    if disputes:
        notes.append("Fatalities disputed — " + " | ".join(disputes))
    if revisions:
        notes.append("; ".join(revisions))
    return Reconciled(fatalities, fatalities, best, high, ". ".join(notes), statuses)
