"""Event typing: which triggers of a sentence are live, and the ACLED type and sub-type an
incident's strongest trigger and its actors code to."""

from __future__ import annotations

from wartrace.extract.actors import Actor
from wartrace.extract.drafts import SentenceInfo, words_between
from wartrace.extract.event_roles import CIVILIAN_INTER, STATE_INTER
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LabelInfo, LangData, Trigger

FIGHT_LABEL = "clash"  # event_types.yaml label of a fight for a building or post
MINOR_OBJECT_WORDS = 3  # words between "captured" and "the Assad hospital"
NEGATION_WORDS = 6  # a negation this close before a trigger, in the same clause, cancels it
BLOCKER_WORDS = 2  # a blocker at most this many words before a trigger cancels it


def live_triggers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    low = info.sent.low
    blockers = data.blockers.find(info.sent.text, low)
    post = data.post_blockers.find(info.sent.text, low)
    negators = data.clause_blockers.find(info.sent.text, low)
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
        if _minor_object(t, info, data):
            # "overran a hospital": the fight for it, not a change of territory.
            t = Hit(t.start, t.end, Trigger(FIGHT_LABEL, t.value.pos))
        live.append(t)
    return live


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
    if data.common.labels[t.value.label].resolve != "territory":
        return False
    low = info.sent.low
    return any(
        h.start >= t.end and words_between(low, t.end, h.start) <= MINOR_OBJECT_WORDS
        for h in data.minor_objects.find(info.sent.text, low)
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


def is_minor(info: SentenceInfo) -> bool:
    """Non-violent developments reported beside a violent incident are its context."""
    return info.top is not None and info.top.event_type == "Strategic developments"


def code_event(label: LabelInfo, a1: Actor | None, a2: Actor | None) -> tuple[str, str]:
    if label.resolve == "territory":
        sub = (
            "Government regains territory"
            if a1 and a1.inter == STATE_INTER
            else "Non-state actor overtakes territory"
        )
        return "Battles", sub
    if label.resolve == "attack":
        if (a2 is not None and a2.inter == CIVILIAN_INTER) or (a2 is None and a1 is not None):
            return "Violence against civilians", "Attack"
        return "Battles", "Armed clash"
    return str(label.event_type), str(label.sub_event_type)
