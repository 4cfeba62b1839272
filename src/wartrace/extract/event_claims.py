"""Claim and fatality selection: which figures of an incident are distinct claims, who
made them, and ACLED's conservative fatality count from them."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from wartrace.extract.claimant_names import is_named, is_organisation
from wartrace.extract.drafts import SentenceInfo
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import LangData
from wartrace.extract.tally import ClaimView, reconcile
from wartrace.extract.victim_sides import UNSPECIFIED, side_of
from wartrace.models import Claim, ExtractedEvent, Span

ARMED_GROUP = "armed group"  # attribution.yaml coreferent_kinds: "the jihadist group"
VAGUE_FEW = 3  # the value FORMAT.md gives "several", "some", "beberapa"


COUNTED_SCOPES = frozenset({"total", "side"})  # a part, a background or another incident's
# toll is kept as a claim but never enters a figure
MIN_NAME_WORD = 4  # words shorter than this ("a", "the", "of") do not tell two victims apart


def with_claimant(c: Claim, who: str | None) -> Claim:
    return replace(c, claimant=who)


def counts(c: Claim) -> bool:
    """A killed claim that is this incident's own toll, as the report now gives it."""
    return c.kind == "killed" and c.scope in COUNTED_SCOPES and not c.earlier


def fatalities(claims: list[Claim], sentences: list[Span], attackers: str | None = None) -> int:
    """A report's own toll, by the rules that reconcile an event's reports (``tally``): killed
    only; its revised count replaces its earlier one; figures one sentence gives for different
    victims ("10 local fighters and 3 soldiers were killed") are one statement of the whole;
    sides added, an unspecified total caps them; the attackers' dead (``attackers``: the side
    that carried out a one-sided attack) added; vague words only when nothing precise is given.
    """
    views = [
        ClaimView(
            report_key="report",
            value=c.value,
            qualifier=c.qualifier,
            kind=c.kind,
            claimant=c.claimant,
            supersedes=c.supersedes_earlier,
            victims=c.victims,
            scope=c.scope,
            earlier=c.earlier,
            breath=next(
                (k for k, sp in enumerate(sentences) if sp.start <= c.start < sp.end), None
            ),
            claim_id=n,
        )
        for n, c in enumerate(claims)
    ]
    return reconcile(views, attackers).fatalities or 0


def _short_form(who: str, name: str) -> bool:
    """ "the Britain-based Observatory" for "Syrian Observatory for Human Rights": the same head
    noun, and no other name word ("-based" words describe, they do not name)."""
    words = [w for w in fold(who).split() if "-" not in w]
    full = fold(name).split()
    if not words or fold(who) in fold(name) or words[-1] not in full:
        return False
    return all(w in full for w in words if w[:1].isalpha() and who.split()[0] != w)


def resolve_descriptions(
    events: list[ExtractedEvent], infos: list[SentenceInfo], data: LangData
) -> None:
    """ "the monitor said": the organisation the article names in full elsewhere."""
    orgs: Counter[str] = Counter(
        i.claimant for i in infos if i.claimant and is_organisation(i.claimant, data)
    )
    if not orgs:
        return
    bodies = data.organisations

    def body_of(org: str) -> str:
        """ "Rami X (Syrian Observatory ...)": a description stands for the body, not the
        person who speaks for it."""
        _, sep, inner = org.partition(" (")
        return inner.rstrip(")") if sep and bodies.holds_one(inner) else org

    def named_for(description: str) -> str:
        """The organisation a description stands for: one of the kind it names ("the monitor":
        a monitor), else a listed body, else the one most often cited."""
        kinds = {h.value for h in data.coreferent_kinds.find(description)}
        fitting = [o for o in orgs if bodies.voices(o) & kinds]
        if not fitting and ARMED_GROUP in kinds:
            return description  # "the militants said": no channel of theirs cited, as written
        fitting = fitting or list(orgs)
        return body_of(max(fitting, key=lambda o: (bodies.holds_one(o), orgs[o])))

    name = named_for("")

    def resolved(who: str | None) -> str | None:
        if not who:
            return who
        head, sep, inner = who.partition(" (")
        if sep and not is_named(inner) and data.coreferent.find(inner):
            # "X (the monitoring group)": the group's name (its English one, if it has both).
            meant = named_for(inner)
            english = (
                meant[meant.index(" (") + 2 : -1]
                if meant.endswith(")") and " (" in meant
                else meant
            )
            return f"{head} ({english})"
        if not is_named(who) and data.coreferent.find(who):
            return named_for(who)
        if _short_form(who, name):
            return name
        return who

    for event in events:
        event.claims = [with_claimant(c, resolved(c.claimant)) for c in event.claims]
    # A report that names a single source (one organisation, nobody else) gives its figures
    # from that source, also where a sentence does not say so again.
    sources = {resolved(i.claimant) for i in infos if i.claimant}
    if sources == {name}:
        own = [c for e in events for c in e.claims if c.claimant]
        for event in events:
            event.claims = sourced_by(event.claims, name, own)


def sourced_by(claims: list[Claim], who: str, own: list[Claim]) -> list[Claim]:
    """The claims that name no source given ``who``, the one source the report names, except
    the report's own rivals of figures that source gives (``own``: the claims told as its)."""
    sourced = [o for o in own if counts(o)]
    return [c if c.claimant or _rival(c, sourced) else with_claimant(c, who) for c in claims]


def repeated_by(claims: list[Claim], who: str, own: list[Claim]) -> list[Claim]:
    """The claims naming no source that ``who`` repeats (the same count of the same kind among
    ``own``, the claims told as its): the report told the source's figure first."""
    told = {(o.value, o.kind) for o in own}
    return [
        with_claimant(c, who) if c.claimant is None and (c.value, c.kind) in told else c
        for c in claims
    ]


def _rival(c: Claim, sourced: list[Claim]) -> bool:
    """ "At least three people were killed ... The Star reports four dead": a death figure the
    report tells as its own, beside another count of the same dead that it gives the single
    source it names, is the report's account, not that source's: the two dispute (ACLED keeps
    the lower)."""
    if not counts(c):
        return False
    mine = side_of(c.victims)
    return any(
        o.value != c.value
        and (side_of(o.victims) == mine or UNSPECIFIED in (mine, side_of(o.victims)))
        for o in sourced
    )


def attribute_back(infos: list[SentenceInfo], claimant: str, reach: int = 3) -> None:
    """ "... killed 27 people. Demikian menurut kantor berita X": the claimant of a sentence
    that refers back gives the figures of the sentences before it that name nobody, up to the
    last one that names its own source."""
    for info in reversed(infos[-reach:]):
        if info.claimant:
            break
        info.claims = [c if c.claimant else with_claimant(c, claimant) for c in info.claims]


def credit_lead(infos: list[SentenceInfo]) -> None:
    """News writing credits an unattributed lead in the sentence after it ("Ten soldiers
    were killed in clashes overnight. The monitor reported on Tuesday that fighters stormed
    a checkpoint."): the figures of the first sentence that tells any, if it names nobody,
    take the claimant of the next sentence when that one names a source and tells no figure
    of its own (a figure of its own would be what it credits)."""
    lead = next((k for k, info in enumerate(infos) if info.claims), None)
    if lead is None or lead + 1 >= len(infos):
        return
    info, after = infos[lead], infos[lead + 1]
    if info.claimant or after.claims or not after.claimant:
        return
    if any(c.claimant for c in info.claims):
        return
    info.claims = [with_claimant(c, after.claimant) for c in info.claims]


def _counted(c: Claim) -> str:
    """The scope class a restatement must share: the toll (total or a side's) or its own."""
    return "toll" if c.scope in COUNTED_SCOPES else c.scope


def _body(who: str) -> str | None:
    """ "Rami Abdel Rahman (Syrian Observatory ...)": the body a person speaks for."""
    _, sep, inner = who.partition(" (")
    return fold(inner.rstrip(")")) if sep else None


def _same_source(a: str | None, b: str | None, data: LangData) -> bool:
    if a is None or b is None:
        return True
    fa, fb = fold(a), fold(b)
    ba, bb = _body(a), _body(b)
    if (ba is not None and ba in (bb, fb)) or (bb is not None and bb == fa):
        return True  # a spokesman and the body he speaks for are one source
    # A description ("the monitor") beside a name is, in one article, nearly always that name.
    return fa in fb or fb in fa or _names_one(a, data) != _names_one(b, data)


def _names_one(claimant: str, data: LangData) -> bool:
    """A proper name, also a lone surname ("Kachalla said"), which ``is_named`` cannot tell
    from a capitalised common noun opening a sentence; here the noun is known not to be a
    source noun ("Officials")."""
    if is_named(claimant, data):
        return True
    word = fold(claimant)
    return (
        " " not in claimant
        and claimant[:1].isupper()
        and word not in data.claimant_nouns
        and word not in data.attr_stop
    )


def _merge(kept: Claim, other: Claim, data: LangData) -> Claim:
    """One figure told twice (headline and body): keep the fuller telling of it."""
    claimant = kept.claimant
    if claimant is None or (
        other.claimant and _names_one(other.claimant, data) and not _names_one(claimant, data)
    ):
        claimant = other.claimant
    qualifier = other.qualifier if kept.qualifier == "exact" else kept.qualifier
    return replace(
        kept,
        qualifier=qualifier,
        victims=kept.victims or other.victims,
        claimant=claimant,
        supersedes_earlier=kept.supersedes_earlier or other.supersedes_earlier,
    )


def _other_people(a: Claim, b: Claim) -> bool:
    """ "a militant was killed ... a soldier died": two figures naming different people."""
    if not a.victims or not b.victims:
        return False
    words = [
        {w for w in fold(v).split() if len(w) >= MIN_NAME_WORD} for v in (a.victims, b.victims)
    ]
    return bool(words[0] and words[1]) and not words[0] & words[1]


_CLOSING = ".!?:\"”'’)…"


def title_lines(text: str) -> list[tuple[int, int]]:
    """The lines a report prints with no closing stop, as (start, end): its headline and
    subheads ("Six dead after riots in the capital"), not its sentences."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        told = line.strip()
        if told and told[-1] not in _CLOSING:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _in_title(c: Claim, titles: list[tuple[int, int]]) -> bool:
    return any(a <= c.start < b for a, b in titles)


def _retold(told: Claim | None, b: Claim, titles: list[tuple[int, int]], data: LangData) -> bool:
    """Whether b can be a figure told before again, ``told`` being that figure as the text
    told it (None: told in titles only). A headline sums up the text with the figure its
    lead gives ("Six dead after riots" and "At least six people were killed": one claim), and
    one source may round its own figure ("at least 23, the monitor said" and the monitor's
    "killing 23 soldiers": one claim); the report's figure told again by a named source with
    another qualifier is the source's own statement ("killed at least 276" and "276 people
    were killed", the ministry said: two claims)."""
    if told is None or told.qualifier == b.qualifier or _in_title(b, titles):
        return True
    return (told.claimant is None) == (b.claimant is None) and _same_source(
        told.claimant, b.claimant, data
    )


def restated_once(events: list[ExtractedEvent], data: LangData, text: str) -> None:
    """A figure an article repeats (headline, lead, body) is one claim, not several; a
    named source's retelling of it with another qualifier is another claim (``_retold``)."""
    titles = title_lines(text)
    kept: list[tuple[ExtractedEvent, int]] = []
    in_text: list[Claim | None] = []  # per kept claim: how the text (not a title) told it

    def body(c: Claim) -> Claim | None:
        return None if _in_title(c, titles) else c

    for event in events:
        out: list[Claim] = []

        def held(e: ExtractedEvent, k: int, out: list[Claim] = out) -> Claim:
            return out[k] if e is event else e.claims[k]  # noqa: B023 (read at once)

        for claim in event.claims:
            twin = next(
                (
                    n
                    for n, (e, k) in enumerate(kept)
                    if held(e, k).value == claim.value
                    and held(e, k).kind == claim.kind
                    and _counted(held(e, k)) == _counted(claim)
                    and held(e, k).earlier == claim.earlier
                    and not _other_people(held(e, k), claim)
                    and _retold(in_text[n], claim, titles, data)
                    and _same_source(held(e, k).claimant, claim.claimant, data)
                ),
                None,
            )
            if twin is None:
                out.append(claim)
                kept.append((event, len(out) - 1))
                in_text.append(body(claim))
            else:
                e, k = kept[twin]
                target = out if e is event else e.claims
                target[k] = _merge(target[k], claim, data)
                in_text[twin] = in_text[twin] or body(claim)
        event.claims = out


def parts_of_a_total(claims: list[Claim], sentences: list[Span]) -> list[Claim]:
    """ "13 were killed ... 10 local fighters and 3 soldiers were killed": the figures of one
    sentence that add up to a toll the report gives elsewhere are its breakdown, not claims."""
    killed = [c for c in claims if counts(c)]
    drop: set[int] = set()
    for sp in sentences:
        group = [c for c in killed if sp.start <= c.start < sp.end]
        if len(group) < 2 or any(c.value == 0 or c.supersedes_earlier for c in group):
            continue  # a toll and the figure it replaces ("coded as 0 (X reported 2)")
        total = sum(c.value for c in group)
        if any(c.value == total for c in killed if not sp.start <= c.start < sp.end):
            drop.update(id(c) for c in group)
    return [c for c in claims if id(c) not in drop]


def vague_beside_precise(claims: list[Claim]) -> list[Claim]:
    """ "killing several people ... six died": a vague word that names no magnitude (several,
    some, beberapa) restates a precise figure of the same kind given in the same report."""
    precise = {c.kind for c in claims if c.qualifier != "vague"}
    return [
        c
        for c in claims
        if not (c.qualifier == "vague" and c.value <= VAGUE_FEW and c.kind in precise)
    ]


def totals_across_incidents(events: list[ExtractedEvent]) -> None:
    """ "The toll rose to 45 ... 29 were killed in A ... 4 in B ... 12 in C": with C (or B and
    C) told apart as incidents, a toll of one event that adds up two or more tolls the article
    gives (not sides' counts), at least one another event's, is a total over several incidents.
    ACLED codes each incident with its own toll, so the total is no one incident's: its scope
    becomes ``other`` (shown as another incident's, never counted)."""
    if len(events) < 2:
        return
    # incidents' tolls, not one side's count: a round-up adds up incidents
    tolls = [[c for c in e.claims if counts(c) and c.scope == "total"] for e in events]
    for i, event in enumerate(events):
        totals = {id(c) for c in tolls[i] if _adds_up(c, i, tolls)}
        event.claims = [replace(c, scope="other") if id(c) in totals else c for c in event.claims]


def _adds_up(total: Claim, home: int, tolls: list[list[Claim]]) -> bool:
    """Whether ``total`` is the sum of two or more other figures, one of them not of its own
    event (``home``), and not a sum of its own event's figures alone (then it is that
    incident's toll and they are its breakdown: "20 killed ... 12 soldiers and 8 militants")."""
    # reachable (sum, figures used, another event's used); each figure used at most once
    states = {(0, 0, False)}
    for j, group in enumerate(tolls):
        for c in group:
            if c is total or not 0 < c.value < total.value:
                continue
            states |= {
                (s + c.value, n + 1, other or j != home)
                for s, n, other in states
                if s + c.value <= total.value
            }
    sums = {other for s, n, other in states if s == total.value and n >= 2}
    return sums == {True}
