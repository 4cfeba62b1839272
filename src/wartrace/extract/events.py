"""From sentences to ACLED-coded events: find event sentences, group them into incidents, code.

An event sentence holds a trigger of an event type that is not cancelled ("tried to capture")
and is not background ("since 2015", a date long before publication). Sentences are grouped into
one incident unless they report another day, another place with another kind of violence, or a
separable act (an air strike, a suicide bombing) by another side.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from wartrace.extract.actors import (
    Actor,
    Mention,
    article_country,
    main_nonstate,
    resolve,
)
from wartrace.extract.casualties import (
    PREVIOUS,
    find_claimant,
    is_named,
    is_organisation,
    sentence_claims,
)
from wartrace.extract.dates import DAY, WEEK, DateMention, find_dates, parse_iso, pinned_dates
from wartrace.extract.lexicon import Hit, fold
from wartrace.extract.places import find_places
from wartrace.extract.resources import ActorEntry, LabelInfo, LangData, Trigger, load_language
from wartrace.extract.sentences import Sentence, split_sentences
from wartrace.models import Claim, ExtractedEvent, PlaceMention, Span, TextAnalysis

MAX_EVENTS = 4  # more than this from one article is nearly always background read as events
BACKGROUND_DAYS = 10  # an explicit date this long before publication is history, not the event
FIGHT_LABEL = "clash"  # event_types.yaml label of a fight for a building or post
MINOR_OBJECT_WORDS = 3  # words between "captured" and "the Assad hospital"
NEGATION_WORDS = 6  # a negation this close before a trigger, in the same clause, cancels it
BLOCKER_WORDS = 2  # a blocker at most this many words before a trigger cancels it
PASSIVE_GAP_WORDS = 1  # "soldiers killed", "soldiers reportedly killed": the actor died
MARKER_WORDS = 2  # words allowed between a role marker and its actor ("by the", "oleh para")
DATE_TOLERANCE = timedelta(days=1)
HEADING_CHARS = 160
TYPE_SENTENCE_WEIGHT = 3
VAGUE_FEW = 3  # the value FORMAT.md gives "several", "some", "beberapa"
LEAD_PARAGRAPHS, LEAD_WORDS = 5, 8  # where a report prints its own date (links, captions: shorter)
_LINE = re.compile(r"\S[^\n]*")
OPENER_CHARS = 3  # a background opener must start its sentence ("Previously, ...")
NO_CUE_LAG_DAYS = 1  # news without a date cue reports, most often, the day before it appears
AGENT, PATIENT = "agent", "patient"
STATE_INTER = 1
CIVILIAN_INTER = 7
ARMED_GROUP_INTERS = frozenset({2, 3, 4})  # rebels, political and identity militias


@dataclass(slots=True)
class SentenceInfo:
    sent: Sentence
    triggers: list[Hit[Trigger]] = field(default_factory=list)  # sentence-relative offsets
    actors: list[Mention] = field(default_factory=list)
    top: LabelInfo | None = None
    background: bool = False
    separator: bool = False
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    roles: list[tuple[ActorEntry, str]] = field(default_factory=list)
    paragraph_dates: list[DateMention] = field(default_factory=list)
    claimant: str | None = None
    consequence: int = -1  # sentence offset where an enabled act begins ("paved the way for")

    @property
    def is_event(self) -> bool:
        return self.top is not None and not self.background


@dataclass(slots=True)
class Draft:
    infos: list[SentenceInfo] = field(default_factory=list)
    base: date | None = None  # publication date
    cause: Draft | None = None  # the incident that made this one possible, told just before

    def places(self) -> list[PlaceMention]:
        return [p for i in self.infos for p in i.places]

    def date(self) -> DateMention | None:
        found = [d for i in self.infos if i.is_event for d in i.dates]
        found += [d for i in self.infos for d in i.paragraph_dates]  # "It was on Saturday."
        if not found:
            return None
        first = found[0]
        if self.base is not None and first.value == self.base:
            # The publication date printed beside the story is when it was told; an earlier day
            # the story gives is when it happened.
            earlier = [d for d in found if d.value < self.base]
            if earlier:
                return earlier[0]
        return first

    def top(self) -> LabelInfo | None:
        # The type comes from the sentence that opened the incident and from sentences tied to
        # it by a date or place; a loose later sentence may be about something else.
        events = [i for i in self.infos if i.is_event]
        anchored = [i for k, i in enumerate(events) if k == 0 or i.dates or i.places]
        tops = [i.top for i in anchored if i.top is not None]
        return max(tops, key=lambda t: t.priority) if tops else None

    def agents(self) -> set[ActorEntry]:
        return {e for i in self.infos for e, r in i.roles if r == AGENT}


def _bucket(hits: list[Hit[object]], sents: list[Sentence]) -> dict[int, list[Hit[object]]]:
    """Hits per sentence index, with offsets made relative to the sentence."""
    out: dict[int, list[Hit[object]]] = defaultdict(list)
    k = 0
    for h in hits:
        while k < len(sents) and sents[k].end <= h.start:
            k += 1
        if k < len(sents) and sents[k].start <= h.start and h.end <= sents[k].end:
            out[k].append(Hit(h.start - sents[k].start, h.end - sents[k].start, h.value))
    return out


def _words_between(low: str, a: int, b: int) -> int:
    return len(low[a:b].split())


def _live_triggers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    low = info.sent.low
    blockers = data.blockers.find(info.sent.text, low)
    post = data.post_blockers.find(info.sent.text, low)
    negators = data.clause_blockers.find(info.sent.text, low)
    live = []
    for t in info.triggers:
        if any(
            b.end <= t.start and _words_between(low, b.end, t.start) <= BLOCKER_WORDS
            for b in blockers
        ):
            continue
        if any(
            b.end <= t.start
            and _words_between(low, b.end, t.start) <= NEGATION_WORDS
            and not any(c in low[b.end : t.start] for c in ",;:")
            for b in negators
        ):
            continue  # "did not actively take part in ground battles": nothing happened
        if any(
            b.start >= t.end and _words_between(low, t.end, b.start) <= BLOCKER_WORDS for b in post
        ):
            continue
        if _of_an_actor(t, info, data):
            continue
        if _minor_object(t, info, data):
            # "overran a hospital": the fight for it, not a change of territory.
            t = Hit(t.start, t.end, Trigger(FIGHT_LABEL, t.value.pos))
        live.append(t)
    return live


DATELINE_CHARS = 60  # a dateline ("Outlet.com, City -") ends this early in its sentence
_DATELINE_DASH = re.compile(r"\s[-–—]{1,2}\s")
LEAD_CLAUSE_WORDS = 3  # "Shortly after ...": a clause word this early opens a lead clause


def _outside_lead_clause(
    info: SentenceInfo, places: list[PlaceMention], data: LangData
) -> list[PlaceMention]:
    """Drop places of a leading time clause before the act ("Shortly after declaring an
    emergency in X, the group attacked a hospital": X is where something else happened)."""
    if not places or not info.triggers:
        return places
    low = info.sent.low
    dash = _DATELINE_DASH.search(low[:DATELINE_CHARS])
    start = dash.end() if dash else 0  # "CITY - Shortly after ...": the body opens after it
    opener = next(
        (
            h
            for h in data.role_breaks.find(info.sent.text, low)
            if h.start >= start and _words_between(low, start, h.start) <= LEAD_CLAUSE_WORDS
        ),
        None,
    )
    if opener is None:
        return places
    comma = low.find(",", opener.end)
    if comma < 0 or min(t.start for t in info.triggers) < comma:
        return places  # the act itself sits in the clause
    base = info.sent.start
    return [p for p in places if p.start - base > comma]


def _split_consequence(info: SentenceInfo, data: LangData) -> None:
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
        h.start >= t.end and _words_between(low, t.end, h.start) <= MINOR_OBJECT_WORDS
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
        m.start - base >= t.end and _words_between(info.sent.low, t.end, m.start - base) == 0
        for m in info.actors
    )


def _passive(trigger: Hit[Trigger], low: str, data: LangData) -> bool:
    if trigger.value.pos == "passive":
        return True
    before = low[: trigger.start].split()
    return trigger.value.pos == "verb" and bool(before) and before[-1] in data.passive_aux


def _roles(info: SentenceInfo, data: LangData, genitive: bool) -> list[tuple[ActorEntry, str]]:
    """Which actor acted and which was acted upon, from markers, voice and word order."""
    sent, low = info.sent, info.sent.low
    agents = data.agent_markers.find(sent.text, low)
    patients = data.patient_markers.find(sent.text, low)
    betweens = data.between_markers.find(sent.text, low)
    roles: list[tuple[ActorEntry, str]] = []
    trig = [t for t in info.triggers if t.value.label not in data.common.weak_labels] or (
        info.triggers
    )
    after_between: int | None = None
    sources = data.source_nouns.find(sent.text, low)
    role_breaks = data.role_breaks.find(sent.text, low)
    enabled = [m for m in info.actors if m.start - sent.start >= info.consequence >= 0]
    # "paved the way for fighters of IS to ...": the named group rather than "fighters" acts.
    enabled_agent = next((m for m in enabled if not m.entry.weak), enabled[0] if enabled else None)
    for m in info.actors:
        ms, me = m.start - sent.start, m.end - sent.start
        if any(t.start < me and ms < t.end for t in trig):
            continue
        if 0 <= ms < info.consequence:
            continue  # the cause's sides belong to the incident already told
        if m is enabled_agent:
            roles.append((m.entry, AGENT))  # "paved the way for IS to ...": IS acts
            continue
        if any(
            (h.start >= me and _words_between(low, me, h.start) == 0)
            or (h.end <= ms and _words_between(low, h.end, ms) == 0)
            for h in sources
        ):
            continue  # "the Syrian regime's health minister said": who spoke, not who fought

        def marked(hits: list[Hit[str]], ms: int = ms) -> bool:
            return any(h.end <= ms and _words_between(low, h.end, ms) <= MARKER_WORDS for h in hits)

        if after_between is not None:
            roles.append((m.entry, PATIENT))
            after_between = None
            continue
        if marked(betweens):
            roles.append((m.entry, AGENT))
            after_between = ms
            continue
        if marked(agents):
            roles.append((m.entry, AGENT))
            continue
        if marked(patients):
            roles.append((m.entry, PATIENT))
            continue
        if any(
            t.value.label in data.common.weak_labels
            and t.value.pos == "passive"
            and t.start >= me
            and _words_between(low, me, t.start) <= PASSIVE_GAP_WORDS
            for t in info.triggers
        ):
            roles.append((m.entry, PATIENT))  # "Ten soldiers killed in clashes with X"
            continue
        if not trig:
            continue
        if any(
            t.value.pos == "noun" and t.start >= me and _words_between(low, me, t.start) == 0
            for t in trig
        ):
            roles.append((m.entry, AGENT))  # "coalition air strike", "IS-led offensive"
            continue
        nearest = min(trig, key=lambda t: abs(t.start - ms))
        if me <= nearest.start and any(
            me <= h.start and h.end <= nearest.start for h in role_breaks
        ):
            continue  # "Security forces sealed off the area after the blast": no role in it
        if me <= nearest.start:
            roles.append((m.entry, PATIENT if _passive(nearest, low, data) else AGENT))
        elif genitive and nearest.value.pos == "noun" and _words_between(low, nearest.end, ms) == 0:
            roles.append((m.entry, AGENT))
        else:
            roles.append((m.entry, PATIENT))
    for claim in info.claims:
        if claim.victims and claim.kind in ("killed", "wounded", "captured"):
            for h in data.actors.find(claim.victims):
                roles.append((h.value, PATIENT))
    return roles


def _analyse(
    sents: list[Sentence],
    text: str,
    data: LangData,
    base: date | None,
    genitive: bool,
    inferred: bool = False,
) -> tuple[list[SentenceInfo], list[Mention]]:
    low = fold(text)
    trig = _bucket(data.triggers.find(text, low), sents)  # type: ignore[arg-type]
    acts = _bucket(data.actors.find(text, low), sents)  # type: ignore[arg-type]
    exceptions = data.background_exceptions.find(text, low)
    looks_back: list[Hit[object]] = [
        Hit(h.start, h.end, h.value)
        for h in data.background.find(text, low)
        if not any(x.start <= h.start < x.end for x in exceptions)
    ]
    bg = _bucket(looks_back, sents)
    openers = _bucket(data.background_openers.find(text, low), sents)  # type: ignore[arg-type]
    seps = _bucket(data.separators.find(text, low), sents)  # type: ignore[arg-type]
    kinds = _bucket(data.kinds.find(text, low), sents)  # type: ignore[arg-type]
    infos: list[SentenceInfo] = []
    mentions: list[Mention] = []
    paragraph_claimant: dict[int, str] = {}
    last_claimant: str | None = None
    for k, sent in enumerate(sents):
        info = SentenceInfo(sent)
        info.actors = [
            Mention(sent.start + h.start, sent.start + h.end, h.value)  # type: ignore[arg-type]
            for h in acts.get(k, [])
        ]
        mentions.extend(info.actors)
        info.triggers = trig.get(k, [])  # type: ignore[assignment]
        # "Previously, ..." opens a look back; "revising its previous toll" does not.
        info.background = bool(bg.get(k)) or any(
            h.start <= OPENER_CHARS for h in openers.get(k, [])
        )
        if info.triggers or kinds.get(k):
            info.triggers = _live_triggers(info, data)
            labels = [data.common.labels[t.value.label] for t in info.triggers]
            strong = [lb for lb in labels if lb.label not in data.common.weak_labels]
            info.top = max(strong, key=lambda lb: lb.priority) if strong else None
            info.separator = any(h.start <= 3 for h in seps.get(k, []))
            info.dates = find_dates(sent, data, base, nearest=inferred)
            if not info.dates and _earlier_year(sent.text, base, data.since_words):
                info.background = True  # set in an earlier year, with no day of its own
            blocked: list[Hit[object]] = [
                Hit(m.start - sent.start, m.end - sent.start, None) for m in info.actors
            ]
            info.places = _outside_lead_clause(info, find_places(sent, data, blocked), data)
            if info.top is not None:
                _split_consequence(info, data)
        claimant = find_claimant(sent, data)
        if claimant == PREVIOUS:
            claimant = last_claimant
        info.claimant = claimant
        if claimant:
            claimant = data.organisations.canonical(claimant)
            info.claimant = last_claimant = claimant
        if info.triggers or kinds.get(k):
            if claimant:
                paragraph_claimant[sent.paragraph] = claimant
            info.claims = sentence_claims(sent, data, claimant)
        infos.append(info)
    # Without a publication date, the latest date the article gives stands in for it.
    ref = base or max((d.value for i in infos for d in i.dates if d.explicit), default=None)
    if ref:
        oldest = ref - timedelta(days=BACKGROUND_DAYS)
        for info in infos:
            if any(d.explicit and d.value < oldest for d in info.dates):
                info.background = True
    # Dates in the other sentences of a paragraph that reports an event ("It was on Saturday.").
    by_paragraph: dict[int, list[DateMention]] = defaultdict(list)
    event_paragraphs = {i.sent.paragraph for i in infos if i.top is not None}
    for info in infos:
        if info.sent.paragraph in event_paragraphs and not info.background:
            found = (
                info.dates
                if info.top is not None
                else find_dates(info.sent, data, base, nearest=inferred)
            )
            by_paragraph[info.sent.paragraph].extend(
                d
                for d in found
                if not (ref and d.explicit and d.value < ref - timedelta(days=BACKGROUND_DAYS))
            )
    for info in infos:
        info.paragraph_dates = by_paragraph.get(info.sent.paragraph, [])
    # A figure in a quote is usually attributed in another sentence of the same paragraph.
    for info in infos:
        who = paragraph_claimant.get(info.sent.paragraph)
        if who and any(c.claimant is None for c in info.claims):
            info.claims = [c if c.claimant else _with_claimant(c, who) for c in info.claims]
        if info.triggers or info.claims:
            info.roles = _roles(info, data, genitive)
    return infos, mentions


# A year standing alone ("before 2014", "sejak 2011"); digits around it make it a date or figure.
_BARE_YEAR = re.compile(r"(?<![\d/.\-–])(?:19|20)\d{2}(?![\d/.\-–]\d)")


def _earlier_year(text: str, base: date | None, since: frozenset[str]) -> bool:
    """A sentence set in an earlier year than the report ("when IS held Mosul before 2014")
    tells history, not the news; "the deadliest since 2019" only compares."""
    if base is None:
        return False
    low = text.lower()

    def compared(m: re.Match[str]) -> bool:
        # the word before ("since 2019", "sejak 2019") or after (Urdu "2019 سے")
        near = low[: m.start()].split()[-1:] + low[m.end() :].split()[:1]
        return any(w.strip(".,;:()") in since for w in near)

    return any(int(m.group()) < base.year and not compared(m) for m in _BARE_YEAR.finditer(text))


def _with_claimant(c: Claim, who: str | None) -> Claim:
    return Claim(c.value, c.qualifier, c.kind, c.start, c.end, c.victims, who, c.supersedes_earlier)


def _family(label: LabelInfo) -> str:
    if label.resolve == "territory":
        return "Battles"
    return label.event_type or label.resolve or label.label


def _compatible(a: LabelInfo, b: LabelInfo) -> bool:
    # An "attack" is a battle or violence against civilians: it fits either.
    return _family(a) == _family(b) or "attack" in (a.resolve, b.resolve)


_VOWELS = str.maketrans("", "", "aeiouy'’- ")


def _skeleton(name: str, particles: frozenset[str]) -> str:
    """Consonants of a name without particles: "Deir al-Zour" and "Deir ez-Zor" agree."""
    words = [w for w in fold(name).replace("-", " ").split() if w not in particles]
    return "".join(words).translate(_VOWELS)


def _same_place(a: list[PlaceMention], b: list[PlaceMention], particles: frozenset[str]) -> bool:
    names_a = {_skeleton(p.name, particles) for p in a}
    names_b = {_skeleton(p.name, particles) for p in b}
    return any(x and y and (x in y or y in x) for x in names_a for y in names_b)


def _is_heading(sent: Sentence) -> bool:
    """A headline or subheading: a short line that does not end like a sentence."""
    return len(sent.text) < HEADING_CHARS and sent.text[-1] not in ".!?\"”'’»)"


def _fits(draft: Draft, info: SentenceInfo, data: LangData) -> bool:
    """Whether an event sentence reports the incident a draft holds."""
    d_date, top = draft.date(), draft.top()
    s_date = info.dates[0] if info.dates else None
    if d_date and s_date and abs(d_date.value - s_date.value) > DATE_TOLERANCE:
        return False
    if all(_is_heading(i.sent) for i in draft.infos):
        return True  # a headline announces the incident the body then reports
    d_places = draft.places()
    new_place = (
        bool(info.places)
        and bool(d_places)
        and not _same_place(info.places, d_places, data.particles)
    )
    if info.separator and (new_place or (s_date and d_date and s_date.value != d_date.value)):
        return False
    if top is None or info.top is None:
        return True
    if new_place and not _compatible(top, info.top):
        return False
    s_agents = {e for e, r in info.roles if r == AGENT and not e.weak}
    d_agents = {e for e in draft.agents() if not e.weak}
    return not (
        info.top.label in data.common.separable
        and not _compatible(top, info.top)
        and s_agents
        and d_agents
        and not s_agents & d_agents
    )


def _passing_mentions(drafts: list[Draft]) -> list[Draft]:
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


def _minor(info: SentenceInfo) -> bool:
    """Non-violent developments reported beside a violent incident are its context."""
    return info.top is not None and info.top.event_type == "Strategic developments"


def _group(infos: list[SentenceInfo], data: LangData, base: date | None) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    for info in infos:
        if info.background:
            continue
        if info.is_event:
            target = current if current and _fits(current, info, data) else None
            if target is None:
                target = next(
                    (d for d in drafts if d is not current and _fits(d, info, data)), None
                )
            if target is None:
                if len(drafts) >= MAX_EVENTS or (drafts and _minor(info)):
                    continue
                target = Draft(base=base)
                drafts.append(target)
            if target is not current and not target.infos and info.consequence >= 0:
                target.cause = current
            target.infos.append(info)
            if info.consequence < 0:
                current = target  # what follows an enabled act is about its cause again
        elif current is not None and (info.claims or info.triggers):
            current.infos.append(info)
    return drafts


@dataclass(slots=True)
class Context:
    data: LangData
    country: str | None
    main: ActorEntry | None
    named: Counter[Actor] = field(default_factory=Counter)  # named actors, by mentions

    def actor(self, entry: ActorEntry) -> Actor:
        return resolve(entry, self.country, self.data.common, self.main)

    def template(self, key: str) -> Actor | None:
        entry = self.data.templates.get(key)
        return self.actor(entry) if entry else None


def _pick_actors(draft: Draft, ctx: Context) -> tuple[Actor | None, Actor | None]:
    score: dict[str, Counter[Actor]] = {AGENT: Counter(), PATIENT: Counter()}
    named: Counter[Actor] = Counter()  # agents the draft names, not just "gunmen"
    top = draft.top()
    for info in draft.infos:
        # The sentences that carry the event's own type say best who did what.
        focus = TYPE_SENTENCE_WEIGHT if top is not None and info.top == top else 1
        for entry, role in info.roles:
            # Named actors outweigh generic words ("soldiers", "militants").
            score[role][ctx.actor(entry)] += focus * (1 if entry.weak else 3)
            if role == AGENT and not entry.weak:
                named[ctx.actor(entry)] += 1
    # Civilians are acted upon; ACLED does not make them the side that acts in violence.
    for actor in [a for a in score[AGENT] if a.inter == CIVILIAN_INTER]:
        score[PATIENT][actor] += score[AGENT].pop(actor)
    a1 = score[AGENT].most_common(1)[0][0] if score[AGENT] else None
    if a1 is not None and a1 not in named and a1.inter in ARMED_GROUP_INTERS:
        # "Gunmen ambushed the bus ... believed carried out by IS": the group the report names
        # stands for its generic "gunmen".
        groups = [a for a, _ in score[AGENT].most_common() if a in named]
        groups = [a for a in groups if a.inter in ARMED_GROUP_INTERS]
        a1 = groups[0] if groups else a1
    patients = [a for a, _ in score[PATIENT].most_common() if a != a1]
    a2 = patients[0] if patients else None
    if a1 is None and score[PATIENT]:
        others = [a for a, _ in score[AGENT].most_common() if a != a2]
        a1 = others[0] if others else None
    return a1, a2


def _other_side(
    a1: Actor | None, a2: Actor | None, ctx: Context
) -> tuple[Actor | None, Actor | None]:
    known = a1 or a2
    for actor, _ in ctx.named.most_common():
        if (
            actor != known
            and actor.inter != CIVILIAN_INTER
            and (known is None or (actor.inter == STATE_INTER) != (known.inter == STATE_INTER))
        ):
            return (a1, actor) if a1 is not None else (actor, a2)
    return a1, a2


def _code(label: LabelInfo, a1: Actor | None, a2: Actor | None) -> tuple[str, str]:
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


def _fatalities(claims: list[Claim], ctx: Context, sentences: list[Span]) -> int:
    """ACLED's conservative count: killed only; updates replace; lowest of rival figures;
    sides reported separately added; vague words only when nothing precise is given.

    Figures for different victims in one sentence ("10 local fighters and 3 soldiers were
    killed") are told in one breath: their sum is one statement of the whole toll.
    """
    by_sentence: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "killed":
            k = next((i for i, sp in enumerate(sentences) if sp.start <= c.start < sp.end), -1)
            by_sentence[k if k >= 0 else -1 - len(by_sentence)].append(c)
    sides: dict[str | None, list[Claim]] = defaultdict(list)
    for group in by_sentence.values():
        parts = {c.victims for c in group}
        if (
            len(group) > 1
            and len(parts) == len(group)
            and not any(c.supersedes_earlier for c in group)
        ):
            first = group[0]
            qualifier = "vague" if all(c.qualifier == "vague" for c in group) else "exact"
            total = sum(c.value for c in group)
            sides[None].append(Claim(total, qualifier, "killed", first.start, first.end))
            continue
        for c in group:
            side = None
            if c.victims:
                hits = ctx.data.actors.find(c.victims)
                if hits:
                    side = ctx.actor(hits[0].value).name
            sides[side].append(c)
    totals: dict[str | None, int] = {}
    for side, group in sides.items():
        precise = [c for c in group if c.qualifier != "vague"] or group
        updates = [c for c in precise if c.supersedes_earlier]
        totals[side] = updates[-1].value if updates else min(c.value for c in precise)
    named = sum(v for k, v in totals.items() if k is not None)
    if None in totals:
        return max(named, totals[None]) if named else totals[None]
    return named


def _event(draft: Draft, ctx: Context, analysis: TextAnalysis, text: str) -> ExtractedEvent | None:
    label = draft.top()
    if label is None:
        return None
    a1, a2 = _pick_actors(draft, ctx)
    event_type, sub = _code(label, a1, a2)
    if event_type == "Battles" and (a1 is None or a2 is None):
        # A battle has two sides: the article's other most named actor is the missing one.
        a1, a2 = _other_side(a1, a2, ctx)
    if event_type == "Violence against civilians" and a2 is None:
        a2 = ctx.template("civilians")
    if event_type == "Explosions/Remote violence" and a1 is None:
        a1 = ctx.template("unidentified")
    if event_type == "Protests" and a1 is None:
        a1 = ctx.template("protesters")
    if event_type == "Riots" and a1 is None:
        a1 = ctx.template("rioters")
    claims = [c for info in draft.infos for c in info.claims]
    if a1 is None and a2 is None and not claims:
        return None  # a trigger word alone, with nobody and no toll, is not a report
    places: list[PlaceMention] = []
    for p in draft.places():
        if not any(fold(p.name) == fold(q.name) for q in places):
            places.append(p)
    if analysis.dateline:
        pos = fold(text).find(fold(analysis.dateline))
        start = max(pos, 0)
        end = start + len(analysis.dateline) if pos >= 0 else 0
        places.append(PlaceMention(analysis.dateline, start, end, "dateline"))
    when = draft.date()
    return ExtractedEvent(
        event_date=when.value.isoformat() if when else None,
        time_precision=when.precision if when else None,
        event_type=event_type,
        sub_event_type=sub,
        actor1=a1.name if a1 else None,
        actor2=a2.name if a2 else None,
        inter1=a1.inter if a1 else None,
        inter2=a2.inter if a2 else None,
        places=places,
        claims=claims,
        fatalities=_fatalities(
            claims, ctx, [Span(i.sent.start, i.sent.end, "") for i in draft.infos]
        ),
        evidence=[Span(i.sent.start, i.sent.end, "evidence") for i in draft.infos],
    )


def _short_form(who: str, name: str) -> bool:
    """ "the Britain-based Observatory" for "Syrian Observatory for Human Rights": the same head
    noun, and no other name word ("-based" words describe, they do not name)."""
    words = [w for w in fold(who).split() if "-" not in w]
    full = fold(name).split()
    if not words or fold(who) in fold(name) or words[-1] not in full:
        return False
    return all(w in full for w in words if w[:1].isalpha() and who.split()[0] != w)


def _resolve_descriptions(
    events: list[ExtractedEvent], infos: list[SentenceInfo], data: LangData
) -> None:
    """ "the monitor said": the organisation the article names in full elsewhere."""
    orgs: Counter[str] = Counter(
        i.claimant for i in infos if i.claimant and is_organisation(i.claimant, data)
    )
    if not orgs:
        return
    name = orgs.most_common(1)[0][0]

    def resolved(who: str | None) -> str | None:
        if not who:
            return who
        head, sep, inner = who.partition(" (")
        if sep and not is_named(inner) and data.coreferent.find(inner):
            # "X (the monitoring group)": the group's name (its English one, if it has both).
            english = (
                name[name.index(" (") + 2 : -1] if name.endswith(")") and " (" in name else name
            )
            return f"{head} ({english})"
        if not is_named(who) and data.coreferent.find(who):
            return name
        if _short_form(who, name):
            return name
        return who

    for event in events:
        event.claims = [_with_claimant(c, resolved(c.claimant)) for c in event.claims]
    # A report that names a single source (one organisation, nobody else) gives its figures
    # from that source, also where a sentence does not say so again.
    sources = {resolved(i.claimant) for i in infos if i.claimant}
    if sources == {name}:
        for event in events:
            event.claims = [c if c.claimant else _with_claimant(c, name) for c in event.claims]


def _same_source(a: str | None, b: str | None, data: LangData) -> bool:
    if a is None or b is None:
        return True
    fa, fb = fold(a), fold(b)
    # A description ("the monitor") beside a name is, in one article, nearly always that name.
    return fa in fb or fb in fa or is_named(a, data) != is_named(b, data)


def _merge(kept: Claim, other: Claim, data: LangData) -> Claim:
    """One figure told twice (headline and body): keep the fuller telling of it."""
    claimant = kept.claimant
    if claimant is None or (
        other.claimant and is_named(other.claimant, data) and not is_named(claimant, data)
    ):
        claimant = other.claimant
    qualifier = other.qualifier if kept.qualifier == "exact" else kept.qualifier
    return Claim(
        kept.value,
        qualifier,
        kept.kind,
        kept.start,
        kept.end,
        kept.victims or other.victims,
        claimant,
        kept.supersedes_earlier or other.supersedes_earlier,
    )


def _restated_once(events: list[ExtractedEvent], data: LangData) -> None:
    """A figure an article repeats (headline, lead, body) is one claim, not several."""
    kept: list[tuple[ExtractedEvent, int]] = []
    for event in events:
        out: list[Claim] = []

        def held(e: ExtractedEvent, k: int, out: list[Claim] = out) -> Claim:
            return out[k] if e is event else e.claims[k]  # noqa: B023 (read at once)

        for claim in event.claims:
            twin = next(
                (
                    (e, k)
                    for e, k in kept
                    if held(e, k).value == claim.value
                    and held(e, k).kind == claim.kind
                    and _same_source(held(e, k).claimant, claim.claimant, data)
                ),
                None,
            )
            if twin is None:
                out.append(claim)
                kept.append((event, len(out) - 1))
            else:
                e, k = twin
                target = out if e is event else e.claims
                target[k] = _merge(target[k], claim, data)
        event.claims = out


def _parts_of_a_total(claims: list[Claim], sentences: list[Span]) -> list[Claim]:
    """ "13 were killed ... 10 local fighters and 3 soldiers were killed": the figures of one
    sentence that add up to a toll the report gives elsewhere are its breakdown, not claims."""
    killed = [c for c in claims if c.kind == "killed"]
    drop: set[int] = set()
    for sp in sentences:
        group = [c for c in killed if sp.start <= c.start < sp.end]
        if len(group) < 2:
            continue
        total = sum(c.value for c in group)
        if any(c.value == total for c in killed if not sp.start <= c.start < sp.end):
            drop.update(id(c) for c in group)
    return [c for c in claims if id(c) not in drop]


def _vague_beside_precise(claims: list[Claim]) -> list[Claim]:
    """ "killing several people ... six died": a vague word that names no magnitude (several,
    some, beberapa) restates a precise figure of the same kind given in the same report."""
    precise = {c.kind for c in claims if c.qualifier != "vague"}
    return [
        c
        for c in claims
        if not (c.qualifier == "vague" and c.value <= VAGUE_FEW and c.kind in precise)
    ]


def told_as_just_happened(draft: Draft, data: LangData) -> bool:
    """ "A bomb has killed 25": the sentence opening an undated incident tells it in words
    (the perfect, "baru saja") that place it on the day of the report, not the day before."""
    opening = next((i.sent for i in draft.infos if i.is_event), None)
    return opening is not None and bool(data.same_day.find(opening.text, opening.low))


def _latest_full_date(text: str, low: str, data: LangData) -> date | None:
    """Without a publication date, the latest full date (with its year) the article prints
    anchors its weekdays and "yesterday": a report is written soon after what it dates."""
    # Only the lead: a date printed further down is as often history ("on 6 October 1973").
    paragraphs = [m.end() for m in _LINE.finditer(text) if len(m.group().split()) >= LEAD_WORDS]
    end = paragraphs[:LEAD_PARAGRAPHS][-1] if paragraphs else 0
    lead = Sentence(0, end, text[:end], low[:end], 0)
    found = [
        d.value
        for d in find_dates(lead, data, None, statements=True)
        if d.explicit and d.precision == DAY
    ]
    years = [int(m.group()) for m in _BARE_YEAR.finditer(lead.text)]
    if not found and years:
        # "Sunday (27/3)" after "since May 2015": the weekday tells the year.
        found = [d.value for d in pinned_dates(lead, data, max(years))]
    return max(found, default=None)


def extract(
    raw_text: str,
    analysis: TextAnalysis,
    *,
    published: str | None,
    data_dir: Path | None = None,
) -> list[ExtractedEvent]:
    lang = (analysis.language or "").split("-")[0].lower()
    data = load_language(lang, str(data_dir) if data_dir else None) if lang else None
    if data is None:
        return []  # no knowledge for this language: no guesses
    text = analysis.clean_text if len(analysis.clean_text) == len(raw_text) else raw_text
    base = parse_iso(published) or parse_iso(analysis.printed_date)
    low = fold(text)
    anchor = base or _latest_full_date(text, low, data)
    needed = sorted(h.start for h in data.triggers.find(text, low) + data.kinds.find(text, low))
    sents = split_sentences(text, data.lang, needed)
    infos, mentions = _analyse(
        sents, text, data, anchor, data.genitive_after, inferred=base is None
    )
    ctx = Context(data, article_country(text, low, data, mentions), main_nonstate(mentions))
    ctx.named.update(ctx.actor(m.entry) for m in mentions if not m.entry.weak)
    events: list[ExtractedEvent] = []
    made: dict[int, ExtractedEvent] = {}
    for draft in _passing_mentions(_group(infos, data, anchor)):
        event = _event(draft, ctx, analysis, text)
        if event is None:
            continue
        cause = made.get(id(draft.cause)) if draft.cause else None
        made[id(draft)] = event
        if event.event_date is None and cause and cause.event_date:
            # An act its cause made possible happened with it.
            event.event_date, event.time_precision = cause.event_date, cause.time_precision
        elif event.event_date is None and base:
            # No date cue ("Meanwhile, a bomb ..."): news is about the days just before it is
            # published; the report's date, at week precision.
            lag = 0 if told_as_just_happened(draft, data) else NO_CUE_LAG_DAYS
            lagged = base - timedelta(days=lag)
            event.event_date, event.time_precision = lagged.isoformat(), WEEK
        elif event.event_date is None and events and events[-1].event_date:
            # Without a publication date, a further incident is read as told on the same day.
            event.event_date, event.time_precision = (
                events[-1].event_date,
                events[-1].time_precision,
            )
        events.append(event)
    for event in events:
        event.claims = _parts_of_a_total(_vague_beside_precise(event.claims), event.evidence)
    _resolve_descriptions(events, infos, data)
    _restated_once(events, data)
    for event in events:
        event.fatalities = _fatalities(event.claims, ctx, event.evidence)
    return events
