"""Whom an incident's act fell on: the side named as the object of its first act of violence
(civilians or an armed side), an armed side's post, another force of the same country, or
property alone. Event typing (event_typing.py) reads these to tell an attack on civilians
from a battle and from property destruction."""

from __future__ import annotations

from wartrace.extract.actors import Actor
from wartrace.extract.crime_veto import ARMED_INTERS
from wartrace.extract.drafts import AGENT, PATIENT, Context, Draft, SentenceInfo, words_between
from wartrace.extract.event_roles import CIVILIAN_INTER, STATE_INTER
from wartrace.extract.lexicon import Hit
from wartrace.extract.live_triggers import FIGHT_LABEL, LOOTING_LABEL
from wartrace.extract.resources import LabelInfo, LangData, Trigger
from wartrace.extract.taken_objects import ABDUCTION_LABEL
from wartrace.extract.victim_sides import side_of

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


def _verb_chain_end(act: Hit[Trigger], info: SentenceInfo, data: LangData) -> int:
    """The end of the verbs joined to ``act`` by commas and coordinators ("beat, stabbed and
    injured three civilians", "menganiaya dan menusuk dua warga"): coordinated verbs share the
    object after the last of them."""
    end, low = act.end, info.sent.low
    for t in sorted(info.triggers, key=lambda h: h.start):
        if t.start < end or t.value.pos == "noun":
            continue
        gap = low[end : t.start].replace(",", " ").split()
        if any(w not in data.coordinators for w in gap):
            break
        end = t.end
    return end


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
    # Case kept: "gunmen believed to belong to IS shot a man" is a name, not "is shot".
    before = info.sent.text[: act.start].split()[-2:]
    if act.value.pos == "passive" or any(
        w.lower() in data.passive_aux and not w.isupper() for w in before
    ):
        told = [k for s, e, k in sides if e <= act.start and words_between(low, e, act.start) <= 3]
        return told[-1] if told else None
    reach = _verb_chain_end(act, info, data)
    after = [
        (s, e, k)
        for s, e, k in sides
        if s >= act.end and words_between(low, reach, s) <= TARGET_WORDS
    ]
    if not after:
        return None
    first_start, first_end, kind = after[0]
    # "a member of the regime's 4th Division": the word for a person names whose he is next.
    whose = [k for s, e, k in sides if s > first_start and words_between(low, first_end, s) <= 1]
    return ARMED if ARMED in whose else kind


def civilians_targeted(draft: Draft, label: LabelInfo, data: LangData, fight: bool = False) -> bool:
    """The incident's act fell on civilians and its report counts no armed dead: the armed
    sides it names elsewhere are where the victims were or whom they were said to help."""
    told = [i for i in draft.infos if i.is_event and i.top == label]
    if not told or direct_target(told[0], data, fight) != CIVILIAN:
        return False
    return not any(
        side_of(c.victims) in ("state", "militants") for i in draft.infos for c in i.claims
    )


def post_attacked(draft: Draft, label: LabelInfo, data: LangData) -> bool:
    """The incident's first act, told by an active verb, fell on an armed side's post or unit
    ("opened fire on the gendarmerie", "attacked a police station"): the object named first
    after the verb is such a place, not a person."""
    info = next((i for i in draft.infos if i.is_event and i.top == label), None)
    if info is None:
        return False
    acts = [t for t in info.triggers if _directed_act(t, data, False)]
    if not acts or acts[0].value.pos == "passive":
        return False
    act, text, low = acts[0], info.sent.text, info.sent.low
    if any(w.lower() in data.passive_aux for w in text[: act.start].split()[-2:]):
        return False
    reach = _verb_chain_end(act, info, data)
    posts = data.armed_posts.find(text, low)
    near = [
        (h.start, h in posts)
        for h in [*posts, *data.civilian_victims.find(text, low)]
        if h.start >= act.end and words_between(low, reach, h.start) <= TARGET_WORDS
    ]
    return bool(near) and min(near)[1]


def other_force(draft: Draft, a1: Actor | None, ctx: Context) -> list[Actor]:
    """One country's other force that only the attacking force fell on ("police officers
    killed one soldier", "tentara menyerang markas polisi"): army and police fight each other
    in a mutiny or a feud between forces (ACLED codes both), though they are one side when they
    act together ("soldiers and police attacked the militants")."""
    if a1 is None or a1.inter != STATE_INTER:
        return []
    roles = [(ctx.actor(e), r) for i in draft.infos if i.is_event for e, r in i.roles]
    acting = {a for a, r in roles if r == AGENT}
    return [
        a
        for a, r in roles
        if r == PATIENT and a.inter == STATE_INTER and a.name != a1.name and a not in acting
    ]


def property_only(draft: Draft, data: LangData) -> bool:
    """Whether the incident's attack fell on property alone: the object of its first attack
    word is a building, vehicle or goods ("attacked an ambulance", "an attack on the radio
    offices"), and the report counts no one killed, hurt or taken."""
    if any(c.value > 0 for i in draft.infos for c in i.claims):
        return False
    things = next((p.objects for p in data.pairs if p.label == LOOTING_LABEL), None)
    for info in draft.infos:
        if not info.is_event:
            continue
        attacks = [
            t for t in info.triggers if data.common.labels[t.value.label].resolve == "attack"
        ]
        if not attacks or things is None:
            continue
        if any(t.value.label == ABDUCTION_LABEL for t in info.triggers):
            return False
        act, low = attacks[0], info.sent.low
        objects = things.find(info.sent.text, low)
        people = data.civilian_victims.find(info.sent.text, low)
        near = [
            h
            for h in [*objects, *people]
            if h.start >= act.end and words_between(low, act.end, h.start) <= TARGET_WORDS
        ]
        first = min(near, key=lambda h: h.start, default=None)
        if first is None:
            return False
        # "attacked suspected criminals and vandalised homes": words of its own before a
        # coordinator are the attack's object; the thing after it is another verb's.
        gap = low[act.end : first.start].split()
        if any(w in data.coordinators for w in gap[1:]):
            return False
        # "bus passengers": the word for people after a thing's is the head of the phrase.
        if any(
            p.start >= first.end and words_between(low, first.end, p.start) == 0 for p in people
        ):
            return False
        # "an ambulance" is named by both lists: a thing wins over a person's word.
        return any(o.start < first.end and first.start < o.end for o in objects)
    return False
