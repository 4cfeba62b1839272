"""Event typing: which triggers of a sentence are live, and the ACLED type and sub-type an
incident's strongest trigger and its actors code to."""

from __future__ import annotations

from wartrace.extract.actors import Actor
from wartrace.extract.demonstrations import (
    DEMONSTRATION_LABELS,
    FIGHT_LABELS,
    PROTEST_LABELS,
    barricaded,
    demonstration_first,
    demonstrators_named,
    state_violence,
    without_grievances,
)
from wartrace.extract.drafts import AGENT, PATIENT, Context, Draft, SentenceInfo, words_between
from wartrace.extract.event_roles import CIVILIAN_INTER, STATE_INTER, crowd_roles, same_side
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LabelInfo, LangData, Trigger
from wartrace.extract.victim_sides import side_of

FIGHT_LABEL = "clash"  # event_types.yaml label of a fight for a building or post
LOOTING_LABEL = "looting"  # event_types.yaml label of goods taken
MINOR_OBJECT_WORDS = 3  # words between "captured" and "the Assad hospital"
NEGATION_WORDS = 6  # a negation this close before a trigger, in the same clause, cancels it
BLOCKER_WORDS = 2  # a blocker at most this many words before a trigger cancels it
CLAUSE_MARKS = frozenset(",;:()")  # an object does not reach across these


def _capitalised(hit: Hit[str], info: SentenceInfo) -> bool:
    """A modal written with a capital inside a sentence is a name: "on 5 May", "Will Smith"."""
    word = info.sent.text[hit.start : hit.end]
    return hit.start > 0 and word[:1].isupper() and not word.isupper()


WEAPON_LABELS = frozenset({"ied", "explosion", "shelling", "grenade", "air_strike", "suicide_bomb"})
SEIZURE_WORDS = 4  # "ammunition and explosives were found", "seized seven illegal firearms"


def _disrupted(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """Weapons found, seized, defused or intercepted: ACLED's disrupted weapons use, whichever
    order the verb and the weapons come in; the weapon words then name no explosion. Every
    verb that takes weapons ("cleared 300 mines and destroyed them"), in text order."""
    low = info.sent.low
    verbs = data.seizure_verbs.find(info.sent.text, low)
    if not verbs:
        return []
    weapons = data.weapon_objects.find(info.sent.text, low)
    return [
        Hit(v.start, v.end, Trigger("disrupted_weapons", "verb"))
        for v in verbs
        if any(_near(low, v, w, SEIZURE_WORDS) and _taken_weapon(low, v, w, data) for w in weapons)
    ]


def _taken_weapon(low: str, verb: Hit[str], weapon: Hit[str], data: LangData) -> bool:
    """The weapon is what the verb acts on: after it, or before it in the passive ("explosives
    were found", "weapons seized by police"); not its subject ("an IED planted by the rebels
    destroyed a truck": the IED did the destroying). Languages that mark the passive on the
    verb (no auxiliaries in the data) keep either order."""
    if weapon.start >= verb.end or not data.passive_aux:
        return True
    gap = low[weapon.end : verb.start].split()
    return not gap or any(w in data.passive_aux for w in gap)


PAIR_WORDS = 4  # "set up two new military bases", "a ceasefire was finally agreed"


def _near(low: str, a: Hit[str], b: Hit[str], gap: int) -> bool:
    first, second = (a, b) if a.end <= b.start else (b, a)
    return first.end <= second.start and words_between(low, first.end, second.start) <= gap


def paired_triggers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """Developments told by a verb and its object in either order ("set up two new bases",
    "a truce was agreed"), where no trigger phrase already covers the verb."""
    low, out = info.sent.low, []
    for pair in data.pairs:
        verbs = pair.verbs.find(info.sent.text, low)
        if not verbs:
            continue
        objects = pair.objects.find(info.sent.text, low)
        for v in verbs:
            if any(t.start < v.end and v.start < t.end for t in info.triggers):
                continue
            if any(_near(low, v, o, PAIR_WORDS) for o in objects):
                out.append(Hit(v.start, v.end, Trigger(pair.label, "verb")))
                break
    return out


def live_triggers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    low = info.sent.low
    blockers = [b for b in data.blockers.find(info.sent.text, low) if not _capitalised(b, info)]
    post = data.post_blockers.find(info.sent.text, low)
    negators = data.clause_blockers.find(info.sent.text, low)
    quiet = data.non_conflict.find(info.sent.text, low)
    if quiet:
        # An earthquake, a factory blast, sanctions, a missile test: no conflict event. People
        # who demonstrate about one still demonstrate (ACLED codes protests on any issue) when
        # the sentence opens with the demonstration ("farmers protested after floods ruined
        # their crops"); told after it, it is the other act's cause ("expelled diplomats for
        # joining protests").
        return [
            t for t in info.triggers if t.value.label in PROTEST_LABELS and t.end <= quiet[0].start
        ]
    paired = paired_triggers(info, data)
    if paired:
        info.triggers = sorted([*info.triggers, *paired], key=lambda t: t.start)
    disrupted = _disrupted(info, data)
    if disrupted:
        kept = [t for t in info.triggers if t.value.label not in WEAPON_LABELS]
        kept = [t for t in kept if not any(t.start < d.end and d.start < t.end for d in disrupted)]
        info.triggers = sorted([*kept, *disrupted], key=lambda t: t.start)
    if any(t.value.label == "misfire" for t in info.triggers):
        # "two militants were killed when landmines they were planting exploded prematurely":
        # the weapon's use went wrong; who died there is its toll, not the victims of an attack.
        info.triggers = [
            Hit(t.start, t.end, Trigger("lethal", "passive")) if t.value.label == "attack" else t
            for t in info.triggers
            if t.value.label not in WEAPON_LABELS
        ]
    live = []
    for t in info.triggers:
        if any(
            b.end <= t.start and words_between(low, b.end, t.start) <= BLOCKER_WORDS
            for b in blockers
        ):
            continue
        if any(
            b.end <= t.start
            and words_between(low, b.end, t.start) <= NEGATION_WORDS
            and not any(c in low[b.end : t.start] for c in ",;:")
            for b in negators
        ):
            continue  # "did not actively take part in ground battles": nothing happened
        if any(
            b.start >= t.end and words_between(low, t.end, b.start) <= BLOCKER_WORDS for b in post
        ):
            continue
        if _of_an_actor(t, info, data):
            continue
        if _seized_goods(t, info, data):
            t = Hit(t.start, t.end, Trigger(LOOTING_LABEL, t.value.pos))
        elif _minor_object(t, info, data):
            # "overran a hospital": the fight for it, not a change of territory; people taken
            # are released or abducted (see _people_taken).
            label = _people_taken(t, info, data) or FIGHT_LABEL
            t = Hit(t.start, t.end, Trigger(label, t.value.pos))
        live.append(t)
    return without_grievances(live, info, data)


NON_STATE_INTERS = frozenset({2, 3, 4, 8})  # rebels, militias, external forces


def _conflict_side(info: SentenceInfo) -> bool:
    """Whether a sentence names an organised armed side as acting (a named group anywhere, or
    any named armed force as agent): such a sentence tells political violence wherever it is."""
    if any(m.entry.inter in NON_STATE_INTERS and not m.entry.weak for m in info.actors):
        return True
    return any(r == AGENT and e.inter in ARMED_INTERS and not e.weak for e, r in info.roles)


def quiet_non_conflict(infos: list[SentenceInfo], data: LangData) -> None:
    """A paragraph that says its event is a disaster, an accident, a crime or a dispute of
    states ("A gas tank exploded in a garage. The blast killed two.") tells no conflict event in
    its other sentences either, unless one of them names an armed side acting. A demonstration
    told beside one ("protesters defied the torrential rain") is still one: ACLED codes protests
    on any issue."""
    quiet = {i.sent.paragraph for i in infos if data.non_conflict.find(i.sent.text, i.sent.low)}
    if not quiet:
        return
    for info in infos:
        if info.sent.paragraph in quiet and info.top is not None and not _conflict_side(info):
            info.triggers = [t for t in info.triggers if t.value.label in PROTEST_LABELS]
            labels = [data.common.labels[t.value.label] for t in info.triggers]
            info.top = max(labels, key=lambda lb: lb.priority) if labels else None


def split_consequence(info: SentenceInfo, data: LangData) -> None:
    """ "The strike paved the way for the militants to overrun a post at X": the act made
    possible is an incident of its own at the place its clause names, told after its cause. Its
    own trigger codes it, else the language's consequence label. Without a place it stays part
    of the sentence's incident."""
    if not info.places:
        return
    hits = data.consequences.find(info.sent.text, info.sent.low)
    if not hits:
        return
    cut = hits[0]
    base = info.sent.start
    places = [p for p in info.places if p.start - base >= cut.end]
    if not places:
        return
    after = [t for t in info.triggers if t.start >= cut.end]
    strong = [t for t in after if t.value.label not in data.common.weak_labels]
    if not strong:
        strong = [Hit(cut.start, cut.end, Trigger(data.consequence_label, "verb"))]
        after = strong + after
    info.triggers = after
    labels = [data.common.labels[t.value.label] for t in strong]
    info.top = max(labels, key=lambda lb: lb.priority)
    info.places = places
    info.separator = True
    info.consequence = cut.end


def _minor_object(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
    """ "captured a hospital", "seized weapons": taking a building, a post or goods inside a
    fight is no change of territory (ACLED codes the fight)."""
    low = info.sent.low
    objects = data.minor_objects.find(info.sent.text, low)
    # "seized a village chief": people taken; "captured three villages", "seized a village":
    # places won (a victims phrase that ends with a place word is that place).
    places = [
        h for p in data.pairs if p.label == "territory" for h in p.objects.find(info.sent.text, low)
    ]
    objects += [
        h
        for h in data.civilian_victims.find(info.sent.text, low)
        if not any(q.start < h.end and h.end == q.end for q in places)
    ]
    return _taken(t, info, data, objects)


RELEASE_LABEL = "other"  # event_types.yaml label of prisoners or hostages set free
ABDUCTION_LABEL = "abduction"


def _people_taken(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> str | None:
    """A territory verb that takes people: "freed two hostages", "membebaskan dua sandera"
    release captives (a verb and object of the language's release pair: ACLED's Other),
    "seized a village chief" abducts a civilian; soldiers or fighters captured, or a building,
    are taken in a fight (None)."""
    low = info.sent.low
    for pair in data.pairs:
        if pair.label != RELEASE_LABEL:
            continue
        verbs = pair.verbs.find(info.sent.text, low)
        if any(v.start <= t.start and t.end <= v.end for v in verbs) and _taken(
            t, info, data, pair.objects.find(info.sent.text, low)
        ):
            return RELEASE_LABEL
    base = info.sent.start
    # Not a word of a building or of a name ("New People's Army camps").
    spans = [(m.start, m.end) for m in data.minor_objects.find(info.sent.text, low)]
    spans += [
        (m.start - base, m.end - base) for m in info.actors if m.entry.inter != CIVILIAN_INTER
    ]
    people = [
        h
        for h in data.civilian_victims.find(info.sent.text, low)
        if not any(s < h.end and h.start < e for s, e in spans)
    ]
    return ABDUCTION_LABEL if _taken(t, info, data, people) else None


def _seized_goods(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
    """ "seized a vehicle", "took 40 head of cattle": taking goods is looting, no change of
    territory (ACLED: Looting/property destruction); a fight told with it still outranks it."""
    return _taken(t, info, data, data.seized_goods.find(info.sent.text, info.sent.low))


def _taken(t: Hit[Trigger], info: SentenceInfo, data: LangData, objects: list[Hit[str]]) -> bool:
    """Whether a territory verb takes one of ``objects`` (its object, a few words after it)."""
    if data.common.labels[t.value.label].resolve != "territory" or not objects:
        return False
    low = info.sent.low
    # "took the town from soldiers", "merebut kota dari tentara": the side that lost it.
    lost = [m.end for m in data.patient_markers.find(info.sent.text, low) if m.end > t.end]
    return any(
        h.start >= t.end
        and words_between(low, t.end, h.start) <= MINOR_OBJECT_WORDS
        and not CLAUSE_MARKS.intersection(low[t.end : h.start])  # "taken by IS, residents fled"
        and not any(e <= h.start and words_between(low, e, h.start) <= 1 for e in lost)
        for h in objects
    )


def _of_an_actor(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
    """ "the fall of ISIS", "jatuhnya ISIS": a territory noun whose complement is a group, not a
    place, names a group's decline, not a place changing hands."""
    label = data.common.labels[t.value.label]
    if label.resolve != "territory" or t.value.pos != "noun":
        return False
    base = info.sent.start
    return any(
        m.start - base >= t.end and words_between(info.sent.low, t.end, m.start - base) == 0
        for m in info.actors
    )


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


ARMED_INTERS = frozenset({1, 2, 3, 4, 8})  # state forces, rebels, militias, external forces
CROWD_INTERS = frozenset({5, 6, CIVILIAN_INTER})


def _armed(a: Actor | None) -> bool:
    return a is not None and a.inter in ARMED_INTERS


TARGET_WORDS = 4  # "killed three young civilian men", "beat to death an electrician worker"
CIVILIAN, ARMED = "civilian", "armed"


def _targets(info: SentenceInfo, data: LangData) -> list[tuple[int, int, str]]:
    """(start, end, civilian|armed) of every side a sentence names: role and trade words
    ("a shepherd", "an army post", "militiamen") and named actors, sentence-relative."""
    text, low = info.sent.text, info.sent.low
    out = [(h.start, h.end, CIVILIAN) for h in data.civilian_victims.find(text, low)]
    out += [(h.start, h.end, ARMED) for h in data.military_targets.find(text, low)]
    out += [(h.start, h.end, ARMED) for h in data.fighter_nouns.find(text, low)]
    base = info.sent.start
    for m in info.actors:
        kind = CIVILIAN if m.entry.inter == CIVILIAN_INTER else ARMED
        if kind == CIVILIAN or m.entry.inter in ARMED_INTERS:
            out.append((m.start - base, m.end - base, kind))
    return sorted(out)


def _directed_act(t: Hit[Trigger], data: LangData, fight: bool) -> bool:
    """An act told by a verb, which may fall on someone: an attack ("shot a farmer"), or, when
    ``fight``, a fight verb with an object ("ambushed a minibus", "besieged a mosque"). A fight
    told as a noun ("clashes", "fighting") has sides, not an object."""
    if t.value.pos == "noun":
        return False
    if fight:
        return t.value.label == FIGHT_LABEL
    return data.common.labels[t.value.label].resolve == "attack"


def direct_target(info: SentenceInfo, data: LangData, fight: bool = False) -> str | None:
    """Whom the sentence's first act of violence fell on, civilians or an armed side: the
    side named right after its active verb ("shot a civilian who was bringing water to a
    checkpoint": the checkpoint is where the victim went, not a target), or right before its
    passive one ("two farmers were killed in an attack by the militia")."""
    acts = [t for t in info.triggers if _directed_act(t, data, fight)]
    if fight:
        # A territory verb read as a fight ("captured a hospital") fought for the place.
        taken = {
            (h.start, h.end)
            for h in data.triggers.find(info.sent.text, info.sent.low)
            if data.common.labels[h.value.label].resolve == "territory"
        }
        acts = [t for t in acts if (t.start, t.end) not in taken]
    if not acts:
        return None
    act, low = acts[0], info.sent.low
    sides = _targets(info, data)
    before = low[: act.start].split()[-2:]
    if act.value.pos == "passive" or any(w in data.passive_aux for w in before):
        told = [k for s, e, k in sides if e <= act.start and words_between(low, e, act.start) <= 3]
        return told[-1] if told else None
    after = [
        (s, e, k)
        for s, e, k in sides
        if s >= act.end and words_between(low, act.end, s) <= TARGET_WORDS
    ]
    if not after:
        return None
    first_start, first_end, kind = after[0]
    # "a member of the regime's 4th Division": the word for a person names whose he is next.
    whose = [k for s, e, k in sides if s > first_start and words_between(low, first_end, s) <= 1]
    return ARMED if ARMED in whose else kind


def _civilians_targeted(
    draft: Draft, label: LabelInfo, data: LangData, fight: bool = False
) -> bool:
    """The incident's act fell on civilians and its report counts no armed dead: the armed
    sides it names elsewhere are where the victims were or whom they were said to help."""
    told = [i for i in draft.infos if i.is_event and i.top == label]
    if not told or direct_target(told[0], data, fight) != CIVILIAN:
        return False
    return not any(
        side_of(c.victims) in ("state", "militants") for i in draft.infos for c in i.claims
    )


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


def code_incident(
    label: LabelInfo, draft: Draft, a1: Actor | None, a2: Actor | None, ctx: Context
) -> tuple[str, str, Actor | None, Actor | None]:
    """ACLED type, sub-type and actor1/actor2 of an incident from its strongest trigger, the
    other triggers told with it, and who acted on whom (ACLED codebook rules: a battle needs
    two armed, organised sides; violence by an unorganised crowd is a riot; protesters are
    actor1 of every protest, the force that intervened actor2; civilians are only acted upon)."""
    labels = {t.value.label for i in draft.infos if not i.background for t in i.triggers}
    demo = bool(labels & PROTEST_LABELS)
    # A demonstration is told (not only violence): "protested violently", "in protest at".
    told = bool(labels & DEMONSTRATION_LABELS) or any(
        ctx.data.demonstration_words.find(i.sent.text, i.sent.low)
        for i in draft.infos
        if not i.background
    )
    if label.label == "violent_demonstration" and not told:
        if "looting" in labels and _armed(a1) and AGENT not in crowd_roles(draft, ctx.data):
            # "Troops torched and destroyed eight houses": an armed, organised side destroying
            # property, no crowd (ACLED: Looting/property destruction).
            label = ctx.data.common.labels[LOOTING_LABEL]
        else:
            # Rioting, stones thrown, a building ransacked with no demonstration told: a mob's
            # violence (ACLED: a violent demonstration is one of demonstrators).
            label = ctx.data.common.labels["mob_violence"]
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
        elif "violent_demonstration" in labels:
            label = ctx.data.common.labels["violent_demonstration"]
        elif labels & {"protest_intervention", "arrests"}:
            label = ctx.data.common.labels["protest_intervention"]
    if label.label == ABDUCTION_LABEL and _abducted_then_killed(draft, ctx.data):
        # "kidnapped and killed", "diculik dan dibunuh": the abductees were killed (ACLED codes
        # the killing, an attack on them, not their disappearance).
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
    state = a1 if a1 is not None and a1.inter == STATE_INTER else None
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
        return "Protests", "Excessive force against protesters", ctx.template("protesters"), state
    if label.label in FIGHT_LABELS and not (a1 and a1.inter in (2, 3, 4, 8)):
        # A crowd that attacks, or fights police or another crowd, riots (ACLED: Riots).
        armed_sides = [
            e
            for i in draft.infos
            for e, r in i.roles
            if r == PATIENT and e.inter in (2, 3, 4, 8) and not e.weak
        ]
        # A named armed group fought over ("fighting between troops and IS") makes it a battle.
        rioting = not armed_sides and (
            AGENT in crowd or (label.label == "clash" and bool(crowd) and not _armed(a2))
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
        and _civilians_targeted(draft, label, ctx.data, fight=True)
        and _armed(a1)
        and not (a2 is not None and _armed(a2))
    ):
        # "Gunmen ambushed and killed a trader": a fight verb whose object is civilians, with
        # no armed side on the other end, is one armed side's attack on them (ACLED: a battle
        # needs two armed, organised sides).
        return "Violence against civilians", "Attack", a1, ctx.template("civilians")
    if label.resolve == "attack":
        # Civilians killed beside fighters do not make a fight an attack on civilians: any armed
        # side acted upon makes it a battle (ACLED codes the battle, its civilian toll within).
        armed = [
            ctx.actor(e)
            for i in draft.infos
            for e, r in i.roles
            if r == PATIENT and e.inter in ARMED_INTERS
        ]
        armed = [a for a in armed if a1 is None or not same_side(a, a1)]
        if _civilians_targeted(draft, label, ctx.data) and not (a1 and a1.inter in CROWD_INTERS):
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
        if label.label == "assault" and a2 is None and _armed(a1):
            # "troops stormed the village": the raid of an armed force, with nobody named as
            # its victims, is on the other armed side of the report.
            return "Battles", "Armed clash", a1, a2
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
    return event_type, sub, a1, a2
