"""Incident grouping: which event sentences report one incident and which open another."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from wartrace.extract.drafts import AGENT, Draft, SentenceInfo
from wartrace.extract.event_typing import compatible, is_minor
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence
from wartrace.models import PlaceMention

MAX_EVENTS = 4  # more than this from one article is nearly always background read as events
DATE_TOLERANCE = timedelta(days=1)
HEADING_CHARS = 160
_VOWELS = str.maketrans("", "", "aeiouy'’- ")


def _skeleton(name: str, particles: frozenset[str]) -> str:
    """Consonants of a name without particles: "Deir al-Zour" and "Deir ez-Zor" agree."""
    words = [w for w in fold(name).replace("-", " ").split() if w not in particles]
    return "".join(words).translate(_VOWELS)


def same_place(a: list[PlaceMention], b: list[PlaceMention], particles: frozenset[str]) -> bool:
    names_a = {_skeleton(p.name, particles) for p in a}
    names_b = {_skeleton(p.name, particles) for p in b}
    return any(x and y and (x in y or y in x) for x in names_a for y in names_b)


def _is_heading(sent: Sentence) -> bool:
    """A headline or subheading: a short line that does not end like a sentence."""
    return (
        sent.clause_of is None  # a clause of a sentence ends in a comma, not like a heading
        and len(sent.text) < HEADING_CHARS
        and sent.text[-1] not in ".!?\"”'’»)"
    )


def fits(draft: Draft, info: SentenceInfo, data: LangData) -> bool:
    """Whether an event sentence reports the incident a draft holds."""
    d_date, top = draft.date(), draft.top()
    s_date = info.dates[0] if info.dates else None
    if all(_is_heading(i.sent) for i in draft.infos):
        # A headline announces the incident the body then reports; a date printed in it is
        # usually the day it was published ("15/3/2021 Gunmen kill 4 ..."), not the event's.
        return True
    if d_date and s_date and abs(d_date.value - s_date.value) > DATE_TOLERANCE:
        return False
    d_places = draft.places()
    new_place = (
        bool(info.places)
        and bool(d_places)
        and not same_place(info.places, d_places, data.particles)
    )
    if info.separator and (new_place or (s_date and d_date and s_date.value != d_date.value)):
        return False
    if top is None or info.top is None:
        return True
    if info.apart and info.claims and info.top.label != top.label:
        # "Earlier in the day, one person was killed in a rocket attack": another kind of act
        # with a toll of its own, told as another occurrence, is another incident.
        return False
    if new_place and not compatible(top, info.top):
        return False
    s_agents = {e for e, r in info.roles if r == AGENT and not e.weak}
    d_agents = {e for e in draft.agents() if not e.weak}
    return not (
        info.top.label in data.common.separable
        and not compatible(top, info.top)
        and s_agents
        and d_agents
        and not s_agents & d_agents
    )


def passing_mentions(drafts: list[Draft]) -> list[Draft]:
    """Drop a later one-sentence incident, dated before the report's main one and naming no
    place ("two were wounded in a separate blast on Tuesday"): a look back, not a report."""
    if not drafts:
        return drafts
    main = drafts[0].date()
    kept = [drafts[0]]
    for draft in drafts[1:]:
        when = draft.date()
        told = [i for i in draft.infos if i.is_event]
        if (
            main
            and when
            and when.value < main.value
            and len(told) == 1
            and not draft.places()
            and draft.cause is None
        ):
            continue
        kept.append(draft)
    return kept


def group_incidents(infos: list[SentenceInfo], data: LangData, base: date | None) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    # A toll told before the first act, in the act's paragraph ("A prisoner died in the
    # prison of X. He had been tortured by guards."): the incident the act opens counts it.
    lead: list[SentenceInfo] = []
    for info in infos:
        if info.background:
            continue
        if info.is_event:
            target = current if current and fits(current, info, data) else None
            if target is None:
                target = next((d for d in drafts if d is not current and fits(d, info, data)), None)
            if target is None:
                if len(drafts) >= MAX_EVENTS or (drafts and is_minor(info)):
                    continue
                target = Draft(base=base)
                drafts.append(target)
                if not current and not drafts[:-1]:
                    target.infos.extend(
                        # its toll, day and place; the act's sentence names the sides
                        replace(i, roles=[], actors=[], triggers=[])
                        for i in lead
                        if i.sent.paragraph == info.sent.paragraph
                    )
            if target is not current and not target.infos and info.consequence >= 0:
                target.cause = current
            elif target is not current and not target.infos and info.apart:
                target.beside = current
            target.infos.append(info)
            if info.consequence < 0:
                current = target  # what follows an enabled act is about its cause again
        elif current is not None and (info.claims or info.triggers):
            current.infos.append(info)
        elif current is None and info.claims:
            lead.append(info)
    return drafts
