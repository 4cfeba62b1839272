"""Demonstrations in an incident: whether one is told at all, whether it was told first,
whether its crowd is named as demonstrators, whether state forces used violence on it, and
where a demonstration's grievance (what it is about, however old) begins in its sentence."""

from __future__ import annotations

from wartrace.extract.drafts import AGENT, Context, Draft, SentenceInfo, words_between
from wartrace.extract.event_roles import STATE_INTER
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LabelInfo, LangData, Trigger

PROTEST_LABELS = frozenset(
    {"protest", "protest_intervention", "excessive_force", "violent_demonstration"}
)
DEMONSTRATION_LABELS = frozenset({"protest", "protest_intervention", "excessive_force"})
FIGHT_LABELS = frozenset({"clash", "assault", "attack", "lethal"})


GRIEVANCE_WORDS = 4  # "due to increasing banditry and attacks", "following the killing of"


def without_grievances(
    live: list[Hit[Trigger]], info: SentenceInfo, data: LangData
) -> list[Hit[Trigger]]:
    """ "Residents demonstrated to denounce the killing of a trader": in a sentence that opens
    with a demonstration, violence told after a word of grievance is what the demonstration is
    about (reported as its cause), not an act of this incident."""
    if not live or live[0].value.label != "protest":
        return live
    low, opened = info.sent.low, live[0].end
    marks = [g for g in data.grievances.find(info.sent.text, low) if g.start >= opened]
    if not marks:
        return live

    def grievance(t: Hit[Trigger]) -> bool:
        return t.value.label not in PROTEST_LABELS and any(
            g.end <= t.start and words_between(low, g.end, t.start) <= GRIEVANCE_WORDS
            for g in marks
        )

    return [t for t in live if not grievance(t)]


def grievance_start(info: SentenceInfo, data: LangData) -> int | None:
    """Where a demonstration's grievance begins in a sentence that opens with the
    demonstration ("marched over the 1998 murder of a journalist", "berunjuk rasa atas
    pembunuhan ... tahun 1998"): what is told after it, however old, is its cause."""
    if not info.triggers or info.triggers[0].value.label not in PROTEST_LABELS:
        return None
    opened = info.triggers[0].end
    marks = [
        g.start for g in data.grievances.find(info.sent.text, info.sent.low) if g.start >= opened
    ]
    return min(marks) if marks else None


def demonstration_first(draft: Draft) -> bool:
    """Whether the incident tells a demonstration before its first act of violence: the people
    then shot are its people; a protest told after the violence is its aftermath ("the
    killing of five villagers sparked protests")."""
    order = [
        (k, t.start, t.value.label)
        for k, i in enumerate(draft.infos)
        if i.is_event
        for t in i.triggers
        if t.value.label in PROTEST_LABELS or t.value.label in FIGHT_LABELS
    ]
    return bool(order) and min(order)[2] in PROTEST_LABELS


def demonstrators_named(draft: Draft, data: LangData) -> bool:
    """Whether a crowd word of the incident names demonstrators ("protesters", "pengunjuk
    rasa"): it is a demonstration trigger itself."""
    for info in draft.infos:
        if not info.is_event:
            continue
        demo = [t for t in info.triggers if t.value.label in PROTEST_LABELS]
        for h in data.crowds.find(info.sent.text, info.sent.low):
            if any(t.start < h.end and h.start < t.end for t in demo):
                return True
    return False


def state_violence(draft: Draft) -> bool:
    """Whether a sentence of the incident tells state forces killing, shooting or beating
    ("Soldiers opened fire, killing 25 people"): a state force acts in a sentence of violence."""
    return any(
        any(t.value.label in FIGHT_LABELS - {"clash"} for t in i.triggers)
        and any(r == AGENT and e.inter == STATE_INTER for e, r in i.roles)
        for i in draft.infos
        if i.is_event
    )


def barricaded(draft: Draft, data: LangData) -> bool:
    """Whether the incident tells roads blocked with material ("erected barricades", "set up
    roadblocks", "batang pohon"): ACLED codes demonstrators who do so as violent; a road blocked
    by the crowd itself is not."""
    return any(
        data.barricades.find(i.sent.text, i.sent.low) for i in draft.infos if not i.background
    )


# A demonstration's own labels: force on demonstrators alone does not tell one.
CROWD_LABELS = PROTEST_LABELS - {"excessive_force", "protest_intervention"}


def demonstration_told(draft: Draft, labels: set[str], data: LangData) -> bool:
    """Whether the incident tells a demonstration or a crowd: its words ("protest", "rally",
    "demanding") or a demonstration's or riot's own act."""
    return bool(labels & CROWD_LABELS) or any(
        data.demonstration_words.find(i.sent.text, i.sent.low)
        for i in draft.infos
        if not i.background
    )


def force_without_demonstration(
    label: LabelInfo, labels: set[str], draft: Draft, ctx: Context
) -> tuple[LabelInfo, set[str]]:
    """ "Officers seized nine pistols and 500 live rounds": words of force used on
    demonstrators ("live rounds", "excessive force") with no demonstration told are no force
    against one (ACLED: excessive force is against protesters); the incident codes as what
    else it tells, or as the force's attack."""
    if label.label != "excessive_force" or demonstration_told(draft, labels, ctx.data):
        return label, labels
    rest = labels - {"excessive_force"}
    if not rest:
        return ctx.data.common.labels["attack"], {"attack"}
    return max((ctx.data.common.labels[x] for x in sorted(rest)), key=lambda lb: lb.priority), rest
