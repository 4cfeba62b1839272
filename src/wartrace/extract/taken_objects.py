"""What a territory verb takes: a building, a post or goods inside a fight, people (captives
released, civilians abducted), a side driven out, or a group named after a territory noun."""

from __future__ import annotations

from wartrace.extract.drafts import SentenceInfo, words_between
from wartrace.extract.event_roles import CIVILIAN_INTER
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData, Trigger

MINOR_OBJECT_WORDS = 3  # words between "captured" and "the Assad hospital"
PAIR_WORDS = 4  # "set up two new military bases", "a ceasefire was finally agreed"
CLAUSE_MARKS = frozenset(",;:()")  # an object does not reach across these


def minor_object(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
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


def driven_out(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
    """ "pushed the rebels out of three villages": a territory verb whose pair is told verb
    first takes the side driven out, then where from; the side is no object taken."""
    low = info.sent.low
    return any(
        pair.label == t.value.label
        and pair.verb_first
        and any(
            o.start >= t.end and words_between(low, t.end, o.start) <= PAIR_WORDS
            for o in pair.objects.find(info.sent.text, low)
        )
        for pair in data.pairs
    )


RELEASE_LABEL = "other"  # event_types.yaml label of prisoners or hostages set free
ABDUCTION_LABEL = "abduction"


def people_taken(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> str | None:
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


def seized_goods(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
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


def of_an_actor(t: Hit[Trigger], info: SentenceInfo, data: LangData) -> bool:
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
