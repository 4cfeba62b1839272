"""Acts that are a demonstration only when a crowd does them: a road blocked ("residents
blocked the national road", "warga memblokade jalan") and a work stoppage ("a strike on Monday
by teachers", "mogok oleh para guru"). The same words tell an armed side's act ("rebels blocked
the road") or a strike from the air ("a strike on Monday by Russian jets")."""

from __future__ import annotations

from wartrace.extract.crime_veto import ARMED_INTERS
from wartrace.extract.drafts import SentenceInfo, words_between
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData, Trigger
from wartrace.extract.taken_objects import CLAUSE_MARKS

PROTEST_LABEL = "protest"  # event_types.yaml label of a peaceful demonstration
ROAD_BLOCK_LABEL = "road_block"  # event_types.yaml label of a road blocked by someone
STRIKER_WORDS = 3  # "a strike on Monday by teachers": the stoppage, then who stopped work
ROAD_WORDS = 4  # "the highway was blocked for hours by truck drivers"
CROWD_WORDS = 2  # "by the striking teachers", "oleh para guru honorer"


def _crowd_words(info: SentenceInfo, data: LangData) -> list[Hit[str]]:
    text, low = info.sent.text, info.sent.low
    return [
        *data.crowds.find(text, low),
        *data.crowd_agents.find(text, low),
        *data.civilian_victims.find(text, low),
        *data.disaster_people.find(text, low),  # "victims of the floods blocked the road"
    ]


def _armed_before(info: SentenceInfo, pos: int) -> bool:
    """Whether an armed side is named before ``pos``, where an act's subject stands: "rebels
    blocked the road", "polisi memblokir jalan"."""
    base = info.sent.start
    return any(
        m.entry.inter in ARMED_INTERS and not m.entry.weak and m.start - base < pos
        for m in info.actors
    )


def _by_crowd(
    info: SentenceInfo, data: LangData, crowds: list[Hit[str]], end: int, reach: int
) -> bool:
    """Whether an agent marker ("by", "oleh") at most ``reach`` words after ``end`` names a
    crowd or civilians right after it ("by teachers", "oleh para sopir"). A word of place
    ("on a market"), a side's name ("by government forces an official") or a clause mark
    between them makes the civilians someone else."""
    low, base = info.sent.low, info.sent.start
    names = [(m.start - base, m.end - base) for m in info.actors]
    for b in data.agent_markers.find(info.sent.text, low):
        if b.start < end or words_between(low, end, b.start) > reach:
            continue
        for c in crowds:
            gap = low[b.end : c.start] if c.start >= b.end else ""
            if (
                c.start >= b.end
                and words_between(low, b.end, c.start) <= CROWD_WORDS
                and not CLAUSE_MARKS.intersection(gap)
                and not data.patient_markers.find(gap, gap)
                and not any(b.end <= s and e <= c.start for s, e in names)
            ):
                return True
    return False


def labour_strikes(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """The sentence's triggers where a work stoppage done by workers or another crowd ("a
    strike by nurses", "a strike on Monday by teachers") is a demonstration (ACLED: strikes are
    protests); a strike from the air read in the same word is dropped."""
    low = info.sent.low
    stoppages = data.work_stoppages.find(info.sent.text, low)
    if stoppages:
        crowds = _crowd_words(info, data)
        stoppages = [w for w in stoppages if _by_crowd(info, data, crowds, w.end, STRIKER_WORDS)]
    if not stoppages:
        return info.triggers
    kept = [
        t for t in info.triggers if not any(t.start < w.end and w.start < t.end for w in stoppages)
    ]
    told = [Hit(w.start, w.end, Trigger(PROTEST_LABEL, "noun")) for w in stoppages]
    return sorted([*kept, *told], key=lambda t: t.start)


def crowd_road_blocks(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """The sentence's triggers where a road blocked by a crowd or civilians (named before the
    verb, or as the passive's agent after it) is a demonstration (ACLED: a road blockade by
    demonstrators is a protest; barricades make it violent, see demonstrations.barricaded). A
    road blocked by an armed side, by police or by nobody named tells no demonstration."""
    triggers, low = [], info.sent.low
    crowds = _crowd_words(info, data)
    for t in info.triggers:
        if t.value.label != ROAD_BLOCK_LABEL:
            triggers.append(t)
        elif (
            not _armed_before(info, t.start)
            and (
                any(c.end <= t.start for c in crowds)
                or _by_crowd(info, data, crowds, t.end, ROAD_WORDS)
                # "jalan diblokade warga": a passive verb's agent right after it, with no "oleh"
                or any(c.start >= t.end and not low[t.end : c.start].strip() for c in crowds)
            )
        ):
            triggers.append(Hit(t.start, t.end, Trigger(PROTEST_LABEL, t.value.pos)))
    return triggers
