"""Incident grouping: which event sentences report one incident and which open another."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from wartrace.extract.dates import WEEK
from wartrace.extract.drafts import AGENT, Draft, SentenceInfo
from wartrace.extract.event_typing import compatible, is_minor
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence
from wartrace.models import ExtractedEvent, PlaceMention

MAX_EVENTS = 4  # more than this from one article is nearly always background read as events
DATE_TOLERANCE = timedelta(days=1)
HEADING_CHARS = 160
SCENE_WORDS = 5  # "In neighbouring Burkina Faso, ...": a place set before the clause, this short
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


def scene(info: SentenceInfo, data: LangData) -> list[PlaceMention]:
    """The place a sentence opens on, set off by a comma before any act ("In southern
    Lebanon, a drone strike killed ...", "Di Kabupaten X, ..."): news moves to another scene
    this way, as with "Meanwhile". Its places and countries; none when it opens otherwise."""
    text, low = info.sent.text, info.sent.low
    comma = text.find(",")
    if comma < 0 or len(text[:comma].split()) > SCENE_WORDS:
        return []
    if any(t.start < comma for t in info.triggers):
        return []
    act = min((t.start for t in info.triggers), default=len(text))
    if any(comma < h.start < act for h in data.report_verbs.find(text, low)):
        return []  # "In Jerusalem, the military said the strike ...": where it was said
    marker = max((h.end for h in data.scene_openers.find(text, low) if h.start == 0), default=0)
    if not marker:
        return []
    base = info.sent.start
    found = [p for p in info.places if p.role == "event" and p.start - base < comma]
    found += [
        PlaceMention(text[h.start : h.end], base + h.start, base + h.end)
        for h in data.country_words.find(text[:comma], low[:comma])
    ]
    return found


def day_told_beside(draft: Draft) -> date | None:
    """The day of an undated incident told beside another ("Meanwhile, ...", "The day
    before, ..."): the other's, less the days stepped back."""
    if draft.beside is None:
        return None
    told = draft.beside.date()
    day = told.value if told else day_told_beside(draft.beside)
    return day - timedelta(days=draft.beside_days) if day else None


def day_of_the_one_before(
    draft: Draft, before: ExtractedEvent, told: Draft | None
) -> tuple[str | None, int | None]:
    """The day and precision of an undated incident from the incident ``before`` (of draft
    ``told``), which caused it or was told beside it: its day, less the days stepped back
    ("The day before, ..."); to the week when the step back is vague ("Earlier this week")."""
    beside = told is draft.beside
    day = date.fromisoformat(str(before.event_date))
    day -= timedelta(days=draft.beside_days if beside else 0)
    return day.isoformat(), WEEK if beside and draft.beside_vague else before.time_precision


def fits(draft: Draft, info: SentenceInfo, data: LangData) -> bool:
    """Whether an event sentence reports the incident a draft holds."""
    d_date, top = draft.date(), draft.top()
    d_day = d_date.value if d_date else day_told_beside(draft)
    s_date = info.dates[0] if info.dates else None
    if all(_is_heading(i.sent) for i in draft.infos):
        # A headline announces the incident the body then reports; a date printed in it is
        # usually the day it was published ("15/3/2021 Gunmen kill 4 ..."), not the event's.
        return True
    if d_day and s_date and abs(d_day - s_date.value) > DATE_TOLERANCE:
        return False
    d_places = draft.places()
    new_place = (
        bool(info.places)
        and bool(d_places)
        and not same_place(info.places, d_places, data.particles)
    )
    opened_on = scene(info, data)
    told_at = d_places + [p for i in draft.infos for p in scene(i, data)] if opened_on else []
    if opened_on and told_at and not same_place(opened_on, told_at, data.particles):
        return False  # "In neighbouring Burkina Faso, gunmen ambushed ...": another scene
    if info.separator and (new_place or (s_date and d_day and s_date.value != d_day)):
        return False
    if top is None or info.top is None:
        return True
    if info.days_before:
        return False  # "The day before, ...": another day, another incident
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
                target.beside, target.beside_days = current, info.days_before
                target.beside_vague = info.vague_back
            target.infos.append(info)
            if info.consequence < 0:
                current = target  # what follows an enabled act is about its cause again
        elif current is not None and (info.claims or info.triggers):
            current.infos.append(info)
        elif current is None and info.claims:
            lead.append(info)
    return drafts
