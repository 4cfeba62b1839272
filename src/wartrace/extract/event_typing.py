"""Event typing: the ACLED type and sub-type an incident's strongest trigger and its actors
code to. Which triggers of a sentence are live is live_triggers.py (re-exported here)."""

from __future__ import annotations

from collections.abc import Iterator

from wartrace.extract.actors import Actor, same_side
from wartrace.extract.crime_veto import ARMED_INTERS, NON_STATE_INTERS
from wartrace.extract.crime_veto import quiet_non_conflict as quiet_non_conflict  # re-exported
from wartrace.extract.demonstrations import (
    DEMONSTRATION_LABELS,
    FIGHT_LABELS,
    PROTEST_LABELS,
    barricaded,
    demonstration_first,
    demonstration_told,
    demonstrators_named,
    force_without_demonstration,
    state_violence,
)
from wartrace.extract.drafts import AGENT, PATIENT, Context, Draft, SentenceInfo
from wartrace.extract.event_roles import CIVILIAN_INTER, STATE_INTER, crowd_roles
from wartrace.extract.incident_sides import infighting
from wartrace.extract.lexicon import Hit, Lexicon
from wartrace.extract.live_triggers import FIGHT_LABEL, LOOTING_LABEL
from wartrace.extract.live_triggers import live_triggers as live_triggers  # re-exported
from wartrace.extract.live_triggers import split_consequence as split_consequence
from wartrace.extract.resources import LabelInfo, LangData, Trigger
from wartrace.extract.taken_objects import ABDUCTION_LABEL
from wartrace.extract.typing_targets import (
    civilians_targeted,
    other_force,
    post_attacked,
    property_only,
)
from wartrace.extract.victim_sides import side_of
from wartrace.models import HURT_KINDS


def _family(label: LabelInfo) -> str:
    if label.resolve == "territory":
        return "Battles"
    return label.event_type or label.resolve or label.label


def compatible(a: LabelInfo, b: LabelInfo) -> bool:
    # An "attack" is a battle or violence against civilians: it fits either.
    return _family(a) == _family(b) or "attack" in (a.resolve, b.resolve)


# Developments whose own words tell a whole act with nobody named ("a cache of rifles was found
# near X", "a ceasefire was agreed", "troops pulled out of X", "a base was set up"): an event
# even when the report names no side (ACLED codes them with the side known or unidentified).
SELF_TOLD = frozenset(
    {
        "Disrupted weapons use",
        "Agreement",
        "Non-violent transfer of territory",
        "Headquarters or base established",
    }
)


def is_minor(info: SentenceInfo) -> bool:
    """Non-violent developments reported beside a violent incident are its context."""
    return info.top is not None and info.top.event_type == "Strategic developments"


CROWD_INTERS = frozenset({5, 6, CIVILIAN_INTER})
STATE_FORCE_INTERS = frozenset({STATE_INTER, 8})  # a country's forces, at home or abroad
NON_STATE_GROUPS = NON_STATE_INTERS - STATE_FORCE_INTERS  # rebels, militias
EXCESSIVE_FORCE = "Excessive force against protesters"  # ACLED sub-event type
EXPLOSION_LABEL, AIR_STRIKE_LABEL = "explosion", "air_strike"  # event_types.yaml labels
OPERATION_LABEL = "operation"  # a force's operation against a side (event_types.yaml)


def _armed(a: Actor | None) -> bool:
    return a is not None and a.inter in ARMED_INTERS


def _gunfight(draft: Draft, data: LangData) -> bool:
    """Whether the incident tells an exchange of fire ("two groups exchanged gunfire"): both
    sides shot, so both are armed and organised enough for a battle, whatever words name them
    (ACLED: mob violence is an unorganised crowd's)."""
    return any(data.gunfights.find(i.sent.text, i.sent.low) for i in draft.infos if i.is_event)


KILLED_AFTER_WORDS = 2  # "abducted and later executed", "diculik dan kemudian dibunuh"


def _abducted_then_killed(draft: Draft, data: LangData) -> bool:
    """Whether an abduction verb is joined by a coordinator to a killing verb right after it
    ("kidnapped and killed"): the same people were taken and killed."""
    for info in draft.infos:
        if not info.is_event:
            continue
        low = info.sent.low
        taken = [t for t in info.triggers if t.value.label == ABDUCTION_LABEL]
        kills = [
            t
            for t in info.triggers
            if t.value.pos != "noun" and data.common.labels[t.value.label].resolve == "attack"
        ]
        for a in taken:
            for k in kills:
                gap = low[a.end : k.start].split()
                if (
                    k.start >= a.end
                    and 0 < len(gap) <= KILLED_AFTER_WORDS
                    and gap[0] in (data.coordinators)
                ):
                    return True
    return False


# What a raid may be for, when nothing else is told (ACLED codes these, not a fight).
RAID_OUTCOMES = frozenset({ABDUCTION_LABEL, LOOTING_LABEL, "disrupted_weapons", "arrests"})
REBEL_INTERS = frozenset({2, 3})  # ACLED: rebel groups, political militias


def _anyone_hurt(draft: Draft) -> bool:
    """Whether the incident's report counts anyone killed or wounded."""
    return any(
        c.value > 0 and c.kind in HURT_KINDS
        for i in draft.infos
        if not i.background
        for c in i.claims
    )


def _raid_outcome(draft: Draft, labels: set[str], data: LangData) -> LabelInfo | None:
    """What a raid took, when its report tells nothing else ("police raided two homes and
    seized three rifles", "troops stormed the office, confiscating its computers"): every
    violent word of the incident is a raid word and no one was killed or hurt, so the raid met
    no armed resistance and is no battle (ACLED: a battle needs two armed sides fighting); it
    codes as the arrests, seizure, abduction or looting it was for."""
    outcomes = [data.common.labels[x] for x in sorted(labels & RAID_OUTCOMES)]
    if not outcomes:
        return None
    if _anyone_hurt(draft):
        return None
    raided = False
    for t, raids in _told_triggers(draft, data.raids):
        if any(r.start < t.end and t.start < r.end for r in raids):
            raided = True
            continue
        development = data.common.labels[t.value.label].event_type == "Strategic developments"
        if not development and t.value.label not in RAID_OUTCOMES:
            return None
    return max(outcomes, key=lambda lb: lb.priority) if raided else None


def _detonated_safely(draft: Draft, data: LangData) -> bool:
    """Every explosion verb of the incident is a detonation told as done ("detonated", not
    "exploded"), and nobody was hurt."""
    if _anyone_hurt(draft):
        return False
    told = False
    for t, done in _told_triggers(draft, data.detonations):
        if t.value.label != EXPLOSION_LABEL or t.value.pos == "noun":
            continue  # "detonated a bomb": the bomb is what was detonated
        if not any(d.start <= t.start and t.end <= d.end for d in done):
            return False
        told = True
    return told


def _told_triggers(
    draft: Draft, phrases: Lexicon[str]
) -> Iterator[tuple[Hit[Trigger], list[Hit[str]]]]:
    """Each trigger of the incident's own sentences (not background), with the hits of
    ``phrases`` in its sentence: the raid and detonation questions read triggers this way."""
    for info in draft.infos:
        if info.background:
            continue
        hits = phrases.find(info.sent.text, info.sent.low)
        for t in info.triggers:
            yield t, hits


def _crowd_clashed(draft: Draft, data: LangData) -> bool:
    """Whether a clash is told after the incident's demonstration, with no armed group named in
    its sentence ("Clashes with the police broke out"): the demonstrators fought the police."""
    if not demonstration_first(draft):
        return False
    for info in draft.infos:
        if info.background or not any(t.value.label == "clash" for t in info.triggers):
            continue
        if not any(e.inter in NON_STATE_INTERS and not e.weak for e, _ in info.roles):
            return True
    return False


def _force_on_people(draft: Draft, a1: Actor | None, labels: set[str], ctx: Context) -> bool:
    """A state force's riot gear ("tear gas", "rubber bullets") used on people, with no
    demonstration, riot or crowd told ("dispersed the crowds": a gathering met force)."""
    return (
        a1 is not None
        and a1.inter in STATE_FORCE_INTERS
        and not demonstration_told(draft, labels, ctx.data)
        and not any(
            ctx.data.crowds.find(i.sent.text, i.sent.low) for i in draft.infos if not i.background
        )
    )


def _crowd_hurt(draft: Draft) -> bool:
    """State forces acted in a sentence of violence and the report counts people who are not
    the state's own killed or wounded ("Dozens of people were injured as security forces
    fired rubber bullets"; not "two police officers were injured")."""
    return state_violence(draft) and any(
        c.value > 0 and c.kind in HURT_KINDS and side_of(c.victims) != "state"
        for i in draft.infos
        if not i.background
        for c in i.claims
    )


def _civilians_acted(draft: Draft, data: LangData) -> bool:
    """Several civilians named as the ones who acted ("Women assaulted a merchant with clubs",
    "attacked by civilians throwing stones"): an unorganised crowd (ACLED: Mob violence), not
    an armed side. Only in full sentences: a headline drops its auxiliaries, so "Civilians
    attacked at X" tells them attacked."""
    told = [i for i in draft.infos if i.sent.clause_of is not None or not _heading(i.sent.text)]
    return AGENT in crowd_roles(Draft(told), data, data.crowd_agents)


def _heading(text: str) -> bool:
    return not text.rstrip().rstrip("\"'”’)").endswith((".", "!", "?"))


def code_incident(
    label: LabelInfo, draft: Draft, a1: Actor | None, a2: Actor | None, ctx: Context
) -> tuple[str, str, Actor | None, Actor | None]:
    """ACLED type, sub-type and actor1/actor2 of an incident from its strongest trigger, the
    other triggers told with it, and who acted on whom (ACLED codebook rules: a battle needs
    two armed, organised sides; violence by an unorganised crowd is a riot; protesters are
    actor1 of every protest, the force that intervened actor2; civilians are only acted upon)."""
    labels = {t.value.label for i in draft.infos if not i.background for t in i.triggers}
    label, labels = force_without_demonstration(label, labels, draft, ctx)
    if label.label == "protest_intervention" and _force_on_people(draft, a1, labels, ctx):
        # "Troops fired tear gas at farmers in their fields": a force's riot gear used on
        # people, no demonstration or crowd told (ACLED: violence against civilians; protest
        # with intervention needs a protest).
        return "Violence against civilians", "Attack", a1, ctx.template("civilians")
    demo = bool(labels & PROTEST_LABELS)
    # A demonstration is told (not only violence): "protested violently", "in protest at".
    told = bool(labels & DEMONSTRATION_LABELS) or any(
        ctx.data.demonstration_words.find(i.sent.text, i.sent.low)
        for i in draft.infos
        if not i.background
    )
    if label.label == "violent_demonstration" and not told:
        organised = _armed(a1) and AGENT not in crowd_roles(draft, ctx.data)
        fights = [ctx.data.common.labels[x] for x in sorted(labels & FIGHT_LABELS)]
        if organised and fights:
            # "Militants attacked the police station ... a gendarme was wounded": an armed,
            # organised side's raid with no crowd is its attack, not a riot (ACLED: riots are
            # the violence of unorganised crowds); the fight told with it codes it.
            label = max(fights, key=lambda lb: lb.priority)
        elif organised and "looting" in labels:
            # "Troops torched and destroyed eight houses": an armed, organised side destroying
            # property, no crowd (ACLED: Looting/property destruction).
            label = ctx.data.common.labels[LOOTING_LABEL]
        else:
            # Rioting, stones thrown, a building ransacked with no demonstration told: a mob's
            # violence (ACLED: a violent demonstration is one of demonstrators).
            label = ctx.data.common.labels["mob_violence"]
    elif label.label == LOOTING_LABEL and not _armed(a1) and AGENT in crowd_roles(draft, ctx.data):
        # "Residents burned the house of a man accused of witchcraft", "massa membakar rumah":
        # property destroyed by an unorganised crowd is its violence (ACLED: Riots; looting or
        # property destruction is coded so when an organised side does it).
        label = ctx.data.common.labels["violent_demonstration" if told else "mob_violence"]
    elif label.label == "mob_violence" and "protest" in labels:
        # "Angry residents burnt local offices in the Kobo protests": a crowd's violence told
        # with the demonstration it was part of is the demonstrators' (ACLED: a violent
        # demonstration; mob violence is a crowd's with no demonstration). Force used on a
        # crowd ("police dispersed the crowd") tells no demonstration: it is used on mobs too.
        label = ctx.data.common.labels["violent_demonstration"]
    elif label.label == "protest" and ("looting" in labels or barricaded(draft, ctx.data)):
        # Demonstrators who burn or destroy property, or block roads with barricades, demonstrate
        # violently (ACLED codebook).
        label = ctx.data.common.labels["violent_demonstration"]
    # Demonstrators who fight, burn, destroy or barricade demonstrate violently, whatever force
    # met them (ACLED: excessive force is force against demonstrators who were not violent).
    violent_crowd = told and (
        bool(labels & {"violent_demonstration", LOOTING_LABEL}) or barricaded(draft, ctx.data)
    )
    if violent_crowd and label.label in ("excessive_force", *DEMONSTRATION_LABELS, "arrests"):
        label = ctx.data.common.labels["violent_demonstration"]
    if label.label in ("protest", "protest_intervention", "arrests") and "protest" in labels:
        # A demonstration told first, then what became of it ("The demonstrators burned
        # tyres", "Police dispersed them and arrested ten"): the whole telling codes it.
        if "excessive_force" in labels or state_violence(draft):
            # ... or "Soldiers opened fire, killing 25 people": state forces' violence on the
            # demonstration told is excessive force against it.
            label = ctx.data.common.labels["excessive_force"]
        elif "violent_demonstration" in labels or _crowd_clashed(draft, ctx.data):
            # "... demonstrated outside the ministry. Clashes with the police broke out":
            # demonstrators who fight the police demonstrate violently (ACLED).
            label = ctx.data.common.labels["violent_demonstration"]
        elif labels & {"protest_intervention", "arrests"}:
            label = ctx.data.common.labels["protest_intervention"]
    elif label.label == "protest_intervention" and _crowd_hurt(draft):
        # "Dozens of people were injured as security forces fired rubber bullets and tear gas
        # to disperse ...": riot gear that killed or hurt people of the crowd is force likely
        # to cause serious injury (ACLED: Excessive force against protesters).
        label = ctx.data.common.labels["excessive_force"]
    if label.label in FIGHT_LABELS:
        label = _raid_outcome(draft, labels, ctx.data) or label
    if label.label == "arrests" and a1 is not None and a1.inter in REBEL_INTERS:
        # People detained by rebels or a political militia are abducted (ACLED: arrests are
        # made by state authorities; detention by a non-state group is an abduction).
        label = ctx.data.common.labels[ABDUCTION_LABEL]
    if label.label == ABDUCTION_LABEL and (
        _abducted_then_killed(draft, ctx.data) or _anyone_hurt(draft)
    ):
        # "kidnapped and killed", "diculik dan dibunuh", "abducted a week ago, was found dead":
        # people were killed or hurt (ACLED: an abduction is one without reports of further
        # violence; with them, the event is an attack).
        victims = a2 if a2 is not None and not _armed(a2) else ctx.template("civilians")
        return "Violence against civilians", "Attack", a1 or ctx.template("unidentified"), victims
    if label.resolve == "territory" and "transfer" in labels and not labels & FIGHT_LABELS:
        # Taken "without a fight", or left by a withdrawing side: no battle for it.
        label = ctx.data.common.labels["transfer"]
    if label.resolve == "territory":
        sub = (
            "Government regains territory"
            if a1 and a1.inter == STATE_INTER
            else "Non-state actor overtakes territory"
        )
        return "Battles", sub, a1, a2
    crowd = crowd_roles(draft, ctx.data) if label.label in FIGHT_LABELS or demo else set()
    if label.label in FIGHT_LABELS and _civilians_acted(draft, ctx.data):
        crowd.add(AGENT)
    # A country's forces abroad (inter 8: "Israeli forces" in the West Bank) face a crowd as a
    # state force does at home: demonstrators or rioters against them are no battle.
    state = a1 if a1 is not None and a1.inter in STATE_FORCE_INTERS else None
    # The crowd hit is the demonstration's when it is named as demonstrators or when the
    # demonstration was told first; "killed five villagers, sparking protests" is not.
    on_crowd = (
        PATIENT in crowd and (demonstrators_named(draft, ctx.data) or demonstration_first(draft))
    ) or ((a2 is None or a2.inter == CIVILIAN_INTER) and demonstration_first(draft))
    if demo and label.label in FIGHT_LABELS - {"clash"} and state and on_crowd:
        if violent_crowd:
            return "Riots", "Violent demonstration", ctx.template("rioters"), state
        # State forces killing, shooting or beating demonstrators (ACLED: excessive force),
        # named as a crowd or as the people of a demonstration already told ("protesters
        # blocked the bridge; troops opened fire, killing 25 people").
        return "Protests", EXCESSIVE_FORCE, ctx.template("protesters"), state
    # A country's forces abroad that raid or attack act as one side; only a clash with a crowd
    # makes them the other side of a riot ("clashes between Palestinians and Israeli forces").
    if label.label in FIGHT_LABELS and not (
        a1 and a1.inter in (NON_STATE_GROUPS if label.label == "clash" else NON_STATE_INTERS)
    ):
        # A crowd that attacks, or fights police or another crowd, riots (ACLED: Riots).
        armed_sides = [
            e
            for i in draft.infos
            for e, r in i.roles
            if r == PATIENT and e.inter in NON_STATE_GROUPS and not e.weak
        ]
        # A named armed group fought over ("fighting between troops and IS") makes it a battle.
        rioting = (
            not armed_sides
            and not (not demo and _gunfight(draft, ctx.data))
            and (AGENT in crowd or (label.label == "clash" and bool(crowd) and not _armed(a2)))
        )
        if rioting:
            sub = "Violent demonstration" if demo else "Mob violence"
            other = state or (a2 if a2 is not None and a2.inter not in (5, 6) else None)
            if other is None and sub == "Mob violence" and PATIENT in crowd:
                other = ctx.template("rioters")
            if other is None and sub == "Mob violence":
                other = ctx.template("civilians")
            return "Riots", sub, ctx.template("rioters"), other
    if (
        label.label == FIGHT_LABEL
        and civilians_targeted(draft, label, ctx.data, fight=True)
        and _armed(a1)
        and not (a2 is not None and _armed(a2))
    ):
        # "Gunmen ambushed and killed a trader": a fight verb whose object is civilians, with
        # no armed side on the other end, is one armed side's attack on them (ACLED: a battle
        # needs two armed, organised sides).
        return "Violence against civilians", "Attack", a1, ctx.template("civilians")
    if label.resolve == "attack" and LOOTING_LABEL in labels and property_only(draft, ctx.data):
        # "gunmen attacked an ambulance ... before setting it ablaze", "an arson attack targeting
        # a factory": an attack on property alone, with no one hurt (ACLED: Looting/property
        # destruction is destroying property without physical violence against people).
        label = ctx.data.common.labels[LOOTING_LABEL]
        victims = a2 if a2 is not None and not _armed(a2) else ctx.template("civilians")
        return str(label.event_type), str(label.sub_event_type), a1, victims
    if label.resolve == "attack":
        # Civilians killed beside fighters do not make a fight an attack on civilians: any armed
        # side acted upon makes it a battle (ACLED codes the battle, its civilian toll within).
        armed = [
            ctx.actor(e)
            for i in draft.infos
            for e, r in i.roles
            if r == PATIENT and e.inter in ARMED_INTERS
        ]
        armed = [a for a in armed if a1 is None or not same_side(a, a1)] or other_force(
            draft, a1, ctx
        )
        if infighting(draft, ctx.data) == "communal" and not (
            a1 and a1.inter in STATE_FORCE_INTERS
        ):
            # "Five people were killed during a conflict between farmers and herders", "two
            # factions of the militia fought": the killing is the toll of a fight between two
            # armed sides of one kind (ACLED: communal militias on both sides), not an attack
            # on civilians; the sides are filled in as the infighting's (``other_side``).
            return "Battles", "Armed clash", a1 if _armed(a1) else None, None
        if civilians_targeted(draft, label, ctx.data) and not (a1 and a1.inter in CROWD_INTERS):
            # A battle needs two armed sides; violence on civilians by one is an attack on
            # them. An armed side named beside them with nobody else acting is who attacked.
            if a1 is None and armed:
                a1 = armed[0]
            victims = a2 if a2 is not None and a2.inter == CIVILIAN_INTER else None
            return (
                "Violence against civilians",
                "Attack",
                a1 or ctx.template("unidentified"),
                victims or ctx.template("civilians"),
            )
        if not _armed(a2) and armed:
            a2 = armed[0]
        if _armed(a2) and not (a1 is not None and a1.inter in CROWD_INTERS):
            return "Battles", "Armed clash", a1, a2
        if label.label in ("assault", OPERATION_LABEL) and a2 is None and _armed(a1):
            # "troops stormed the village", "launched a military operation in the region": the
            # raid or operation of an armed force, with nobody named as its victims, is on the
            # other armed side of the report.
            return "Battles", "Armed clash", a1, a2
        if (
            (a2 is None or a2.inter == CIVILIAN_INTER)
            and not (a1 is not None and a1.inter in CROWD_INTERS)
            and post_attacked(draft, label, ctx.data)
        ):
            # "Gunmen opened fire on a police post", "soldiers attacked the gendarmerie": the act
            # fell on an armed side's post or unit, though no force is named as a side (ACLED:
            # an attack on an armed, organised side is a battle; a bystander killed is its toll).
            return "Battles", "Armed clash", a1, None
        victims = a2 if a2 is not None and a2.inter == CIVILIAN_INTER else ctx.template("civilians")
        return "Violence against civilians", "Attack", a1 or ctx.template("unidentified"), victims
    event_type, sub = str(label.event_type), str(label.sub_event_type)
    if label.label == "misfire" and a1 is None:
        a1, a2 = a2, None  # the side whose own device went off is the one that used it
    if event_type == "Protests":
        force = state or (a2 if a2 is not None and a2.inter == STATE_INTER else None)
        if sub != "Peaceful protest" and force is None:
            force = ctx.template("police")
        return (
            event_type,
            sub,
            ctx.template("protesters"),
            force if sub != "Peaceful protest" else None,
        )
    if event_type == "Riots":
        other = state or (a2 if a2 is not None and a2.inter not in (5, 6) else None)
        return event_type, sub, ctx.template("rioters"), other
    if event_type == "Violence against civilians":
        victims = a2 if a2 is not None and not _armed(a2) else ctx.template("civilians")
        return event_type, sub, a1 or ctx.template("unidentified"), victims
    if event_type == "Explosions/Remote violence" and a1 is None:
        a1 = ctx.template("unidentified")
    if (
        label.label == EXPLOSION_LABEL
        and a1 is not None
        and a1.inter in STATE_FORCE_INTERS
        and _detonated_safely(draft, ctx.data)
    ):
        # "Police detonated a bomb planted at a mosque": a state force's own detonation with
        # nobody hurt destroys the bomb (ACLED: Disrupted weapons use).
        return "Strategic developments", "Disrupted weapons use", a1, a2 if _armed(a2) else None
    if label.label == EXPLOSION_LABEL and a1 is not None and a1.inter in STATE_FORCE_INTERS:
        # "the military bombed militant bases", "pasukan membom markas": a state force's
        # bombing with no device named is dropped from the air (ACLED: Air/drone strike);
        # roadside bombs and mines are the weapons of non-state groups.
        sub = str(ctx.data.common.labels[AIR_STRIKE_LABEL].sub_event_type)
    return event_type, sub, a1, a2
