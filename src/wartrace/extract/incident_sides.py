"""An incident's two sides: the sentence roles weighed over the incident (actor1 acted,
actor2 was acted upon), the missing side of a fight, and the sides settled once the event type
is known (ACLED's conventions for battles, riots, looting and arrests)."""

from __future__ import annotations

from collections import Counter

from wartrace.extract.actor_data import STATE_SIDE, nationals
from wartrace.extract.actors import EXTERNAL_INTER, Actor, resolve, same_side, state_country
from wartrace.extract.drafts import AGENT, PATIENT, Context, Draft, SentenceInfo
from wartrace.extract.event_roles import (
    ALLY,
    ARMED_GROUP_INTERS,
    AUTHOR,
    CIVILIAN_INTER,
    FIGHTING_INTERS,
    STATE_INTER,
    STATE_OR_FOREIGN,
)
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import DATA_DIR, LangData

TYPE_SENTENCE_WEIGHT = 3


def article_authors(infos: list[SentenceInfo], ctx: Context) -> Counter[Actor]:
    """The sides a report names as the authors of what it tells, in any of its sentences
    ("JNIM claimed responsibility." closing a note whose incident names no attacker)."""
    return Counter(ctx.actor(e) for i in infos for e, r in i.roles if r == AUTHOR)


def pick_actors(draft: Draft, ctx: Context) -> tuple[Actor | None, Actor | None]:
    score: dict[str, Counter[Actor]] = {AGENT: Counter(), PATIENT: Counter()}
    named: Counter[Actor] = Counter()  # agents the draft names, not just "gunmen"
    allies: Counter[Actor] = Counter()  # sides that acted with the subject
    top = draft.top()
    for info in draft.infos:
        # The sentences that carry the event's own type say best who did what.
        focus = TYPE_SENTENCE_WEIGHT if top is not None and info.top == top else 1
        for entry, role in info.roles:
            if role == ALLY:
                allies[ctx.actor(entry)] += 1
                continue
            role = AGENT if role == AUTHOR else role
            # Named actors outweigh generic words ("soldiers", "militants").
            score[role][ctx.actor(entry)] += focus * (1 if entry.weak else 3)
            if role == AGENT and not entry.weak:
                named[ctx.actor(entry)] += 1
    # Civilians are acted upon; ACLED does not make them the side that acts in violence.
    for actor in [a for a in score[AGENT] if a.inter == CIVILIAN_INTER]:
        score[PATIENT][actor] += score[AGENT].pop(actor)
    a1 = _home_led(score[AGENT], ctx)
    if a1 is None or (a1 not in named and a1.inter in ARMED_GROUP_INTERS):
        # "Gunmen ambushed the bus ... believed carried out by IS", "A truck struck an IED.
        # JNIM claimed responsibility": the group the report names stands for its generic
        # "gunmen", or for the unnamed author of the act.
        groups = [a for a, _ in score[AGENT].most_common() if a in named]
        groups += [a for a, _ in ctx.authors.most_common() if a not in groups]
        groups = [a for a in groups if a.inter in ARMED_GROUP_INTERS]
        a1 = groups[0] if groups else a1
    patients = [a for a, _ in score[PATIENT].most_common() if a1 is None or not same_side(a, a1)]
    a2 = patients[0] if patients else None
    if a1 is not None and a2 is None:
        # "GNA and LNA forces clashed", "X fought Y": two armed sides that both act are the
        # two sides of a fight.
        rivals = [
            a
            for a, _ in score[AGENT].most_common()
            if a.inter in FIGHTING_INTERS and not same_side(a, a1)
        ]
        a2 = rivals[0] if rivals and a1.inter in FIGHTING_INTERS else None
    if a1 is None and score[PATIENT]:
        others = [a for a, _ in score[AGENT].most_common() if a != a2]
        # "X along with Y bombed militants" with X unknown: Y acted.
        others += [a for a, _ in allies.most_common() if a != a2 and a not in others]
        a1 = others[0] if others else None
    return _affiliate(a1, ctx), _affiliate(a2, ctx)


def _home_led(agents: Counter[Actor], ctx: Context) -> Actor | None:
    """The side that acted most. A country's own forces told acting as much as a foreign
    force beside them ("Wagner mercenaries and Malian troops killed ...", "Rwandan and
    Mozambican troops") lead: ACLED codes the host state as actor1 of a joint operation and
    its foreign partners as associates."""
    if not agents:
        return None
    top, most = agents.most_common(1)[0]
    state = ctx.template("state_forces")
    foreign = top.inter == EXTERNAL_INTER or (
        top.side.startswith(STATE_SIDE) and not _home_forces(top, ctx)
    )
    if state is None or not foreign:
        return top
    # The government's own side: a rival authority of the country (Yemen's Houthis) is the
    # foreign force's opponent, not its host.
    home = [a for a, n in agents.items() if n == most and a.side == state.side]
    return home[0] if home else top


def _home_forces(actor: Actor, ctx: Context) -> bool:
    """Whether an actor is the state forces of the country the report is about."""
    home = ctx.template("state_forces")
    if actor.inter != STATE_INTER or home is None:
        return False
    return state_country(actor.name) == state_country(home.name) != ""


def _affiliate(actor: Actor | None, ctx: Context) -> Actor | None:
    """The affiliate a report names for a parent group ("al-Qaeda claimed the attack" in a
    report that names JNIM, al-Qaeda's Sahel branch): ACLED codes the affiliate that acted."""
    if actor is None:
        return None
    children = [a for a, _ in ctx.named.most_common() if a.side == actor.name and a != actor]
    return children[0] if children else actor


def other_side(
    a1: Actor | None, a2: Actor | None, ctx: Context, draft: Draft
) -> tuple[Actor | None, Actor | None]:
    """The missing side of a battle. Infighting ("two factions of X clashed", "inter-clan
    fighting") has one actor on both sides, as ACLED codes it: the group named, else the
    clan or communal militia of the country; otherwise the report's other most named actor."""
    feud = infighting(draft, ctx.data)
    if feud is not None:
        side = a1 if a1 is not None and a1.inter != CIVILIAN_INTER else a2
        if side is None or side.inter == CIVILIAN_INTER or feud == "clan":
            side = ctx.template(feud) or side
        return side, side
    known = a1 or a2
    for actor, _ in ctx.named.most_common():
        if (
            actor != known
            and actor.inter != CIVILIAN_INTER
            and (known is None or _opponents(actor, known))
        ):
            return (a1, actor) if a1 is not None else (actor, a2)
    return a1, a2


def infighting(draft: Draft, data: LangData) -> str | None:
    """ "clan" for a feud between clans or families, "communal" for fighting within one
    group or between rival groups of one kind; None when the incident says neither."""
    texts = [(i.sent.text, i.sent.low) for i in draft.infos if i.is_event]
    if any(data.clan_feud.find(t, low) for t, low in texts):
        return "clan"
    if any(data.infighting.find(t, low) for t, low in texts):
        return "communal"
    return None


def _opponents(a: Actor, b: Actor) -> bool:
    """Whether the report's other most named actor can be the missing side of a battle: a
    state force against a non-state one, or two rival authorities of one country (Libya's
    GNA and LNA are both its state forces, each with its own side)."""
    if same_side(a, b):
        return False
    return (a.inter == STATE_INTER) != (b.inter == STATE_INTER) or a.inter == b.inter == STATE_INTER


# Sub-event types whose acts fall on civilians unless the report names another side (ACLED:
# property looted or destroyed is coded against its owners, civilians by default).
CIVILIAN_TARGET_SUBS = frozenset({"Looting/property destruction"})
RIOT_TYPE = "Riots"
DEMONSTRATION_SUB = "Violent demonstration"
ARREST_SUB = "Arrests"
UNIDENTIFIED_AUTHOR_SUBS = frozenset({"Looting/property destruction", "Disrupted weapons use"})


BATTLE_TYPE = "Battles"


def _armed_sides(
    a1: Actor | None, a2: Actor | None, draft: Draft, ctx: Context
) -> tuple[Actor | None, Actor | None]:
    """A battle is fought between armed, organised sides (ACLED): civilians caught in it are
    its toll, not a side ("troops of X and Y exchanged fire; a civilian was killed"). The other
    armed side the incident names stands in for them, one that acts first, else one acted
    upon; without one the side is left open for the report's other side (``other_side``)."""
    if a1 is not None and a1.inter == CIVILIAN_INTER:
        a1, a2 = a2, None
    if a2 is None or a2.inter != CIVILIAN_INTER:
        return a1, a2
    roles = [(ctx.actor(e), r) for i in draft.infos if not i.background for e, r in i.roles]
    armed = [a for r in (AGENT, PATIENT) for a, role in roles if role == r]
    armed = [
        a for a in armed if a.inter in FIGHTING_INTERS and (a1 is None or not same_side(a, a1))
    ]
    return a1, armed[0] if armed else None


def _home_first(
    a1: Actor | None, a2: Actor | None, draft: Draft, ctx: Context
) -> tuple[Actor | None, Actor | None]:
    """Two countries' forces that both fired ("forces of India and Pakistan exchanged fire
    across the border"): neither is told as the attacker, and the forces of the country it
    happened in come first."""
    if a1 is None or a2 is None or not {a1.inter, a2.inter} <= STATE_OR_FOREIGN:
        return a1, a2
    if _home_forces(a1, ctx) or not _home_forces(a2, ctx):
        return a1, a2
    infos = [i for i in draft.infos if not i.background]
    acted = {ctx.actor(e) for i in infos for e, r in i.roles if r == AGENT}
    return (a2, a1) if {a1, a2} <= acted else (a1, a2)


CROWD_TYPES = frozenset({"Protests", "Riots"})


def _crowd_police(actor: Actor | None, draft: Draft, ctx: Context) -> Actor | None:
    """At a protest or riot, the country's "security forces" told by that generic word alone
    are its police: ACLED codes crowd control as policing unless the army is named."""
    home, police = ctx.template("state_forces"), ctx.template("police")
    if actor is None or home is None or police is None or actor != home:
        return actor
    told = [
        fold(i.sent.text[m.start - i.sent.start : m.end - i.sent.start])
        for i in draft.infos
        for m in i.actors
        if m.entry.key == "state_forces" and m.entry.weak
    ]
    generic = ctx.data.crowd_security
    return police if told and all(t in generic for t in told) else actor


CROWD_KEYS = ("protesters", "rioters")
NATIONALS_BEFORE_ACT = 3  # "Israelis rallied", "thousands of Israelis took to the streets"


def _crowd_nation(actor: Actor | None, draft: Draft, ctx: Context) -> Actor | None:
    """A crowd named by its nationality just before its act ("Israelis rallied", "warga
    Israel berunjuk rasa") is that country's protesters or rioters, whatever country the
    article's other words are about (the hostages "held in Gaza")."""
    key = next((k for k in CROWD_KEYS if actor is not None and actor == ctx.template(k)), None)
    entry = ctx.data.templates.get(key or "")
    if entry is None:
        return actor
    people = nationals(str(DATA_DIR), ctx.data.lang)
    for info in draft.infos:
        if not info.is_event or not info.triggers:
            continue
        act = info.triggers[0].start
        for h in people.find(info.sent.text, info.sent.low):
            between = info.sent.text[h.end : act]
            if h.end <= act and "," not in between and len(between.split()) <= NATIONALS_BEFORE_ACT:
                return resolve(entry, h.value, ctx.data.common, None)
    return actor


def settle_sides(
    event_type: str, sub: str, a1: Actor | None, a2: Actor | None, draft: Draft, ctx: Context
) -> tuple[Actor | None, Actor | None]:
    """Actor2 once the type is known. Property looted or destroyed is the civilians' unless
    another side is named. In a riot, civilians who only acted ("residents burned tyres") are
    the rioters themselves, not their target; the state force the crowd attacked ("pelted
    police with stones") is, before bystanders hurt with it. A violent demonstration has no
    civilian side."""
    if event_type in CROWD_TYPES:
        a1, a2 = _crowd_police(a1, draft, ctx), _crowd_police(a2, draft, ctx)
        a1 = _crowd_nation(a1, draft, ctx)
    if a1 is None:
        # An act no one is named for has an unidentified author (ACLED: Unidentified Armed
        # Group), and people "were arrested" by the police.
        unknown = ctx.template("police" if sub == ARREST_SUB else "unidentified")
        if sub in UNIDENTIFIED_AUTHOR_SUBS | {ARREST_SUB}:
            a1 = unknown if a2 is None or unknown is None or a2.name != unknown.name else None
    if sub in CIVILIAN_TARGET_SUBS and a2 is None:
        return a1, ctx.template("civilians")
    if event_type == BATTLE_TYPE:
        return _home_first(*_armed_sides(a1, a2, draft, ctx), draft, ctx)
    if event_type != RIOT_TYPE or (a2 is not None and a2.inter != CIVILIAN_INTER):
        return a1, a2
    roles = [(ctx.actor(e), r) for i in draft.infos if not i.background for e, r in i.roles]
    # The state force the crowd attacked, else the one that faced it ("protesters clashed with
    # police", "police fired tear gas"): ACLED codes the force that intervened as actor2.
    state = [a for r in (PATIENT, AGENT) for a, role in roles if role == r]
    state = [a for a in state if a.inter == STATE_INTER and (a1 is None or not same_side(a, a1))]
    if state:
        return a1, state[0]
    civil = {r for a, r in roles if a.inter == CIVILIAN_INTER}
    if a2 is not None and (civil == {AGENT} or sub == DEMONSTRATION_SUB):
        # A violent demonstration's violence falls on property or the state: a crowd that
        # attacks people is mob violence (ACLED), so owners of burned shops are no side.
        return a1, None
    if a2 is not None and a1 is not None and a1.inter == RIOTER_INTER and _mutual(draft, ctx):
        # "Youths clashed with residents", "a clash between two groups of villagers": people
        # who fought back are rioters too (ACLED: Rioters on both sides of mob violence).
        return a1, a1
    return a1, a2


RIOTER_INTER = 5
CLASH_LABEL = "clash"


def _mutual(draft: Draft, ctx: Context) -> bool:
    """Whether the incident is told as a fight between its sides: a clash, or a fight
    "between" them."""
    top = draft.top()
    if top is not None and top.label == CLASH_LABEL:
        return True
    return any(
        ctx.data.between_markers.find(i.sent.text, i.sent.low) for i in draft.infos if i.is_event
    )
