"""The crime veto: a sentence or paragraph telling a disaster, an accident, a crime or a
dispute of states tells no conflict event (but force on people named by their crime, a strike
on an industrial site, and demonstrations about anything)."""

from __future__ import annotations

from wartrace.extract.demonstrations import PROTEST_LABELS
from wartrace.extract.drafts import AGENT, SentenceInfo
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData, Trigger


def inside(hit: Hit[str], spans: list[tuple[int, int]]) -> bool:
    return any(s <= hit.start and hit.end <= e for s, e in spans)


# Labels of force on people: those an act on suspected criminals still tells (a lynching too).
FORCE_LABELS = frozenset(
    {
        "attack",
        "assault",
        "lethal",
        "clash",
        "abduction",
        "mob_violence",
        "air_strike",
        "shelling",
        "grenade",
    }
)


def offenders(info: SentenceInfo, data: LangData) -> list[tuple[int, int]]:
    """Spans naming people by the crime they did ("men smuggling fuel", "pengedar narkoba")."""
    return [(h.start, h.end) for h in data.offenders.find(info.sent.text, info.sent.low)]


# Weapons a force fires, drops or plants: what they hit is a target, whatever it is.
STRIKE_LABELS = frozenset({"air_strike", "shelling", "grenade", "ied", "suicide_bomb"})


def struck_sites(info: SentenceInfo, data: LangData) -> list[tuple[int, int]]:
    """Spans naming a site a strike hit or the fire it caused ("missiles struck a chemical
    plant", "the depot caught fire after a drone attack"), in a sentence whose own words tell
    a strike elsewhere: the site names the target, not an industrial accident."""
    spans = [(h.start, h.end) for h in data.struck_sites.find(info.sent.text, info.sent.low)]
    told = any(
        t.value.label in STRIKE_LABELS and not any(s < t.end and t.start < e for s, e in spans)
        for t in info.triggers
    )
    return spans if told else []


def _tells_crime(info: SentenceInfo, data: LangData) -> bool:
    """A word telling a disaster, an accident, a crime or a dispute of states that tells the
    incident, not one naming whom an act fell on (``offenders``, ``struck_sites``)."""
    words = data.non_conflict.find(info.sent.text, info.sent.low)
    excused = [*offenders(info, data), *struck_sites(info, data), *_disaster_people(info, data)]
    return any(not inside(q, excused) for q in words)


def _disaster_people(info: SentenceInfo, data: LangData) -> list[tuple[int, int]]:
    """Spans naming people by the disaster they suffered ("victims of the floods", "korban
    banjir"): the disaster is who they are, not the incident."""
    return [(h.start, h.end) for h in data.disaster_people.find(info.sent.text, info.sent.low)]


def crime_veto(info: SentenceInfo, data: LangData) -> tuple[list[Hit[Trigger]], bool]:
    """The triggers a sentence's crime words leave, and whether those words tell its incident
    (then the triggers left are final)."""
    quiet = data.non_conflict.find(info.sent.text, info.sent.low)
    if not quiet:
        return info.triggers, False
    if all(inside(q, _disaster_people(info, data)) for q in quiet):
        # "Victims of the floods blocked the national road to demand aid": people named by the
        # disaster they suffered who demonstrate still demonstrate (ACLED codes protests on
        # any issue); nothing else they are told doing is a conflict event.
        return [t for t in info.triggers if t.value.label in PROTEST_LABELS], False
    offended = offenders(info, data)
    if all(inside(q, [*offended, *struck_sites(info, data)]) for q in quiet):
        if not any(inside(q, offended) for q in quiet):
            return info.triggers, False  # "Russian missiles struck a chemical plant"
        # "Police shot dead two men smuggling fuel": the crime names the people the force fell
        # on, not the incident (ACLED codes force on smugglers or dealers); their arrest or the
        # goods seized stay ordinary crime.
        return [t for t in info.triggers if t.value.label in FORCE_LABELS], False
    # An earthquake, a factory blast, sanctions, a missile test: no conflict event. People
    # who demonstrate about one still demonstrate (ACLED codes protests on any issue) when
    # the sentence opens with the demonstration ("farmers protested after floods ruined
    # their crops"); told after it, it is the other act's cause ("expelled diplomats for
    # joining protests").
    kept = [t for t in info.triggers if t.value.label in PROTEST_LABELS and t.end <= quiet[0].start]
    return kept, True


NON_STATE_INTERS = frozenset({2, 3, 4, 8})  # rebels, militias, external forces
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})  # state forces, rebels, militias, external forces


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
    quiet = {i.sent.paragraph for i in infos if _tells_crime(i, data)}
    if not quiet:
        return
    for info in infos:
        if info.sent.paragraph in quiet and info.top is not None and not _conflict_side(info):
            info.triggers = [t for t in info.triggers if t.value.label in PROTEST_LABELS]
            labels = [data.common.labels[t.value.label] for t in info.triggers]
            info.top = max(labels, key=lambda lb: lb.priority) if labels else None
