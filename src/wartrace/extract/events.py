"""From sentences to ACLED-coded events: find event sentences, group them into incidents, code.

An event sentence holds a trigger of an event type that is not cancelled ("tried to capture")
and is not background ("since 2015", a date long before publication). Sentences are grouped into
one incident unless they report another day, another place with another kind of violence, or a
separable act (an air strike, a suicide bombing) by another side.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from wartrace.extract.actors import Mention, article_country, find_actors, main_nonstate
from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimant_names import is_organisation
from wartrace.extract.claimants import (
    PREVIOUS,
    PREVIOUS_BODY,
    continues_account,
    find_claimant,
    refers_back,
)
from wartrace.extract.clauses import share_frame, split_clauses
from wartrace.extract.dates import DAY, WEEK, DateMention, find_dates, parse_iso
from wartrace.extract.demonstrations import grievance_start
from wartrace.extract.drafts import Context, Draft, SentenceInfo, words_between
from wartrace.extract.event_claims import (
    attribute_back,
    credit_lead,
    fatalities,
    parts_of_a_total,
    repeated_by,
    resolve_descriptions,
    restated_once,
    sourced_by,
    totals_across_incidents,
    vague_beside_precise,
)
from wartrace.extract.event_roles import (
    CIVILIAN_INTER,
    STATE_INTER,
    sentence_authors,
    sentence_roles,
)
from wartrace.extract.event_typing import (
    EXCESSIVE_FORCE,
    SELF_TOLD,
    code_incident,
    compatible,
    live_triggers,
    quiet_non_conflict,
    split_consequence,
)
from wartrace.extract.incident_sides import article_authors, other_side, pick_actors, settle_sides
from wartrace.extract.incidents import day_of_the_one_before, group_incidents, passing_mentions
from wartrace.extract.lexicon import Hit, fold
from wartrace.extract.live_triggers import FIGHT_LABEL
from wartrace.extract.lookback import (
    before_the_aftermath,
    dated_back,
    history_aside,
    live_hits,
    oldest_news,
    recent_day,
    step_back,
    vague_step,
    without_history,
)
from wartrace.extract.places import find_places
from wartrace.extract.quotes import QUOTE_MARKS, continued_quotes
from wartrace.extract.report_day import (
    BARE_YEAR,
    is_heading,
    latest_full_date,
    told_as_just_happened,
    whole_sentences,
)
from wartrace.extract.resources import LabelInfo, LangData, load_language
from wartrace.extract.sentences import Sentence, caption_paragraphs, split_sentences, unwrapped
from wartrace.extract.victim_sides import attackers_side
from wartrace.models import Claim, ExtractedEvent, PlaceMention, Span, TextAnalysis

BACKGROUND_DAYS = 10  # an explicit date this long before publication is history, not the event
OPENER_CHARS = 3  # a background opener must start its sentence ("Previously, ...")
NO_CUE_LAG_DAYS = 1  # news without a date cue reports, most often, the day before it appears
# A text this short (a flash, a caption, a log or dataset note: a headline and a sentence or
# two) is written as the event becomes known and is dated by its own date field; an article
# is written up afterwards. The shortest news articles of the dev and world corpora run to
# 68 words and more; ACLED's one-line notes to 10-40.
BRIEF_WORDS = 60


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
            if h.start >= start and words_between(low, start, h.start) <= LEAD_CLAUSE_WORDS
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


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _web_address(text: str) -> bool:
    return _WEB_ADDRESS.fullmatch(text.strip()) is not None


def _may_tell_development(sent: Sentence, data: LangData) -> bool:
    """A sentence with no trigger phrase may still tell weapons seized or a base set up (a
    verb and its object, see event_typing): it holds both words of such a pair."""
    pairs = [(data.seizure_verbs, data.weapon_objects)]
    pairs += [(pair.verbs, pair.objects) for pair in data.pairs]
    return any(
        verbs.find(sent.text, sent.low) and objects.find(sent.text, sent.low)
        for verbs, objects in pairs
    )


def _within(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def _outside(hits: Sequence[Hit[Any]], exceptions: Sequence[Hit[Any]]) -> list[Hit[object]]:
    """The hits that do not start inside an exception phrase ("earlier in the day")."""
    return [
        Hit(h.start, h.end, h.value)
        for h in hits
        if not any(x.start <= h.start < x.end for x in exceptions)
    ]


def _analyse(
    sents: list[Sentence],
    text: str,
    data: LangData,
    base: date | None,
    genitive: bool,
    inferred: bool = False,
) -> tuple[list[SentenceInfo], list[Mention]]:
    low = fold(text)
    for s in sents:  # each sentence is matched once against every lexicon (LexiconGroup)
        data.scanner.scan(s.low)
    trig = _bucket(data.triggers.find(text, low), sents)  # type: ignore[arg-type]
    acts = _bucket(find_actors(text, low, data), sents)  # type: ignore[arg-type]
    exceptions = data.background_exceptions.find(text, low)
    bg = _bucket(_outside(data.background.find(text, low), exceptions), sents)
    # "Earlier in the day, ..." opens the same day's news, not a look back.
    openers = _bucket(_outside(data.background_openers.find(text, low), exceptions), sents)
    seps = _bucket(data.separators.find(text, low), sents)  # type: ignore[arg-type]
    kinds = _bucket(data.kinds.find(text, low), sents)  # type: ignore[arg-type]
    infos: list[SentenceInfo] = []
    mentions: list[Mention] = []
    paragraph_claimant: dict[int, str] = {}
    spoken_from: dict[int, int] = {}  # where a paragraph's first named source speaks
    last_claimant: str | None = None
    last_body: str | None = None
    dated: set[int] = set()  # sentences (by start) whose dates are read already
    recent_from = oldest_news(base, BACKGROUND_DAYS)
    captions = caption_paragraphs(sents, data.caption_labels)
    for k, sent in enumerate(sents):
        info = SentenceInfo(sent)
        info.actors = [
            Mention(sent.start + h.start, sent.start + h.end, h.value)  # type: ignore[arg-type]
            for h in acts.get(k, [])
        ]
        mentions.extend(info.actors)
        # A web address printed as a line ("https://outlet/2021/03/30/town-seized-by-isis")
        # spells its headline's words; a caption tells what a picture shows: no act is told.
        told_here = sent.paragraph not in captions and not _web_address(sent.text)
        info.triggers = trig.get(k, []) if told_here else []  # type: ignore[assignment]
        # "Previously, ..." opens a look back; "revising its previous toll" does not.
        info.background = bool(bg.get(k)) or any(
            h.start <= OPENER_CHARS for h in openers.get(k, [])
        )
        if info.triggers or (told_here and (kinds.get(k) or _may_tell_development(sent, data))):
            info.triggers = live_triggers(info, data)
            info.dates = find_dates(sent, data, base, nearest=inferred)
            info.dates = before_the_aftermath(sent, info.dates, info.triggers, data)
            dated.add(sent.start)
            # "since Wednesday", "since police are", "On 2 May, ... the previous day": no
            # look back (lookback).
            back = step_back(sent, info.triggers, data)
            info.days_before, info.vague_back = (
                -back.value if back else 0,
                vague_step(sent, back, data),
            )
            hits = live_hits(bg.get(k, []), sent, info.dates, recent_from, data, back)
            aside = history_aside(
                sent, info.triggers, hits, kinds.get(k, []), data.relative_pronouns
            )
            if aside is not None:  # ", seized by the group two months ago": its history
                hits = [h for h in hits if not _within(h.start, aside)]
                info.triggers = [t for t in info.triggers if not _within(t.start, aside)]
                info.dates = [d for d in info.dates if not _within(d.start - sent.start, aside)]
            opened = any(h.start <= OPENER_CHARS for h in openers.get(k, []))
            if opened and recent_day(info.dates, recent_from):  # "Previously, on Monday, ..."
                opened, hits = False, [h for h in hits if h.start > OPENER_CHARS]
            info.background = bool(hits) or opened
            # "Protesters marched over the 1998 murder of X": what is past is the grievance.
            told_until = grievance_start(info, data)
            if told_until is not None and not opened:
                info.background = any(h.start < told_until for h in hits)
            labels = [data.common.labels[t.value.label] for t in info.triggers]
            strong = [lb for lb in labels if lb.label not in data.common.weak_labels]
            info.top = max(strong, key=lambda lb: lb.priority) if strong else None
            info.apart = any(h.start <= 3 for h in seps.get(k, [])) or info.days_before > 0
            info.separator = sent.opens_clause or info.apart
            told = sent.text if told_until is None else sent.text[:told_until]
            if aside is not None:
                told = told[: aside[0]] + told[aside[1] :]
            if not info.dates and _earlier_year(told, base, data.since_words):
                info.background = True  # set in an earlier year, with no day of its own
            blocked: list[Hit[object]] = [
                Hit(m.start - sent.start, m.end - sent.start, None) for m in info.actors
            ]
            info.places = _outside_lead_clause(info, find_places(sent, data, blocked), data)
            if info.top is not None:
                split_consequence(info, data)
        claimant = find_claimant(sent, data)
        if claimant is None and infos and continues_account(sent, data):
            claimant = infos[-1].claimant  # the source of the account it goes on with
        if claimant == PREVIOUS:
            claimant = last_claimant
        elif claimant == PREVIOUS_BODY:  # "It said": the body named before, not its source
            claimant = last_body or last_claimant
        info.claimant = claimant
        if claimant:
            claimant = data.organisations.canonical(claimant)
            info.claimant = last_claimant = claimant
            if is_organisation(claimant, data):
                last_body = claimant
            if refers_back(sent, data):
                attribute_back(infos, claimant)
        if info.triggers or (told_here and kinds.get(k)):
            if claimant:
                paragraph_claimant[sent.paragraph] = claimant
                spoken_from.setdefault(sent.paragraph, sent.start)
            info.claims = sentence_claims(sent, data, claimant)
        infos.append(info)
    credit_lead(infos)
    # Without a publication date, the latest date the article gives stands in for it.
    ref = base or max((d.value for i in infos for d in i.dates if d.explicit), default=None)
    if ref:
        oldest = ref - timedelta(days=BACKGROUND_DAYS)
        for info in infos:
            if dated_back(info.dates, oldest):
                info.background = True
            else:
                info.dates = without_history(info.dates, oldest)
    # Dates in the other sentences of a paragraph that reports an event ("It was on Saturday.").
    by_paragraph: dict[int, list[DateMention]] = defaultdict(list)
    event_paragraphs = {i.sent.paragraph for i in infos if i.top is not None}
    for info in infos:
        if info.sent.paragraph in event_paragraphs and not info.background:
            found = (
                info.dates
                if info.sent.start in dated
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
    # (Not a figure the report tells as its own beside the source's other count of those dead.)
    told_by: dict[int, list[Claim]] = defaultdict(list)
    spoken = [(i.sent.paragraph, i.sent.text, i.claimant) for i in infos]
    for paragraph, speaker in continued_quotes(spoken).items():
        paragraph_claimant.setdefault(paragraph, speaker)  # a quote run over paragraphs
    for info in infos:
        told_by[info.sent.paragraph] += [c for c in info.claims if c.claimant]
    for info in infos:
        who = paragraph_claimant.get(info.sent.paragraph)
        if who and any(c.claimant is None for c in info.claims):
            own = [c for c in told_by[info.sent.paragraph] if c.claimant == who]
            # A source named after a sentence speaks for it when that sentence is a quote
            # ("'29 died.' Police said ..."); for the report's own account before it, only
            # for the figures the source repeats ("27 killed ... The ministry said 27 died").
            before = info.sent.start < spoken_from.get(info.sent.paragraph, -1)
            if before and not any(q in info.sent.text for q in QUOTE_MARKS):
                info.claims = repeated_by(info.claims, who, own)
            else:
                info.claims = sourced_by(info.claims, who, own)
        if info.triggers or info.claims:
            info.roles = sentence_roles(info, data, genitive)
        elif info.actors:
            info.roles = sentence_authors(info, data)
    quiet_non_conflict(infos, data)
    share_frame(infos)
    return infos, mentions


# A year standing alone ("before 2014", "sejak 2011"); digits around it make it a date or figure.


def _earlier_year(text: str, base: date | None, since: frozenset[str]) -> bool:
    """A sentence set in an earlier year than the report ("when IS held Mosul before 2014")
    tells history, not the news; "the deadliest since 2019" only compares."""
    if base is None or ("19" not in text and "20" not in text):
        return False  # no year can be written without one of these
    low = text.lower()

    def compared(m: re.Match[str]) -> bool:
        # the word before ("since 2019", "sejak 2019") or after (Urdu "2019 سے")
        near = low[: m.start()].split()[-1:] + low[m.end() :].split()[:1]
        return any(w.strip(".,;:()") in since for w in near)

    return any(int(m.group()) < base.year and not compared(m) for m in BARE_YEAR.finditer(text))


def _lead_label(draft: Draft) -> LabelInfo | None:
    """The incident's type, told best by the lead when a headline opens it: "33 soldiers killed
    in Idlib attack" / "33 soldiers have been killed in an air strike by government forces": the
    headline's general word is the lead's specific one, though the lead names no place or date
    of its own (``Draft.top`` reads only sentences tied to the incident by one)."""
    label = draft.top()
    told = [i for i in draft.infos if i.is_event]
    if label is None or len(told) < 2 or told[0].top != label:
        return label
    head, lead_sent = told[0].sent, told[1].sent
    if not is_heading(head) or head.paragraph == lead_sent.paragraph:
        return label  # a headline is a line of its own
    lead = told[1].top
    if lead is not None and lead.priority > label.priority and compatible(lead, label):
        return lead
    return label


def _answered(label: LabelInfo, draft: Draft, data: LangData) -> LabelInfo:
    """ "A grenade was thrown at a checkpoint in X on Monday. Soldiers returned fire.": fire
    returned answers the act told before it, though its sentence names no place or date of its
    own (``Draft.top`` reads only sentences tied to the incident by one); an explosive attack
    answered by fire is an exchange, a battle (ACLED: explosives used inside an exchange of
    fire are an Armed clash), as when both are told in one sentence."""
    fight = data.common.labels[FIGHT_LABEL]
    if label.event_type != "Explosions/Remote violence" or label.priority >= fight.priority:
        return label
    told = [i for i in draft.infos if i.is_event]
    replied = any(
        i.top is not None
        and i.top.label == FIGHT_LABEL
        and data.return_fire.find(i.sent.text, i.sent.low)
        for i in told[1:]
    )
    return fight if replied else label


def _event(draft: Draft, ctx: Context, analysis: TextAnalysis, text: str) -> ExtractedEvent | None:
    label = _lead_label(draft)
    if label is None:
        return None
    label = _answered(label, draft, ctx.data)
    a1, a2 = pick_actors(draft, ctx)
    named_side = a1 is not None or a2 is not None
    event_type, sub, a1, a2 = code_incident(label, draft, a1, a2, ctx)
    a1, a2 = settle_sides(event_type, sub, a1, a2, draft, ctx)
    if event_type == "Battles" and (a1 is None or a2 is None):
        # A battle has two sides: the article's other most named actor is the missing one.
        a1, a2 = other_side(a1, a2, ctx, draft)
    # Protesters and rioters are named by the event itself; a battle's other side by the report.
    named_side = named_side or event_type in ("Protests", "Riots", "Explosions/Remote violence")
    named_side = named_side or sub in SELF_TOLD
    named_side = named_side or (event_type == "Battles" and (a1 is not None or a2 is not None))
    claims = [c for info in draft.infos for c in info.claims]
    if not named_side and not claims and not _dated_and_placed(draft):
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
        fatalities=0,  # counted once the article's claims are final (extract)
        evidence=[Span(i.sent.start, i.sent.end, "evidence") for i in draft.infos],
    )


def _same_crackdown(
    event: ExtractedEvent, draft: Draft, crackdowns: dict[int, ExtractedEvent]
) -> None:
    """State forces killing people in a clause of the sentence that told their force against
    a demonstration ("security forces open fire and kill 25 protesters in A, while 10 people
    are killed in B and four are shot dead in C"): one crackdown, told place by place, so the
    other places' killings are force against the demonstrators too (ACLED: Excessive force
    against protesters), though their clauses name no demonstration."""
    sentences = {
        i.sent.start if i.sent.clause_of is None else i.sent.clause_of
        for i in draft.infos
        if i.is_event
    }
    if event.sub_event_type == EXCESSIVE_FORCE:
        crackdowns.update(dict.fromkeys(sentences, event))
        return
    told = next((crackdowns[s] for s in sorted(sentences) if s in crackdowns), None)
    if (
        told is None
        or event.sub_event_type != "Attack"
        or event.inter1 != STATE_INTER
        or event.inter2 != CIVILIAN_INTER
        or event.actor1 != told.actor2
    ):
        return
    event.event_type, event.sub_event_type = told.event_type, told.sub_event_type
    event.actor1, event.inter1 = told.actor1, told.inter1
    event.actor2, event.inter2 = told.actor2, told.inter2


def _dated_and_placed(draft: Draft) -> bool:
    """ "On 7 May 2020, an armed fight broke out between two families in Braytal": an act told
    with its own written-out day and place is a report even when no side is one we know."""
    return any(
        i.is_event and i.places and any(d.explicit and d.precision == DAY for d in i.dates)
        for i in draft.infos
    )


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
    text = unwrapped(text)  # hard-wrapped lines: their paragraphs are the blocks of lines
    base = parse_iso(published) or parse_iso(analysis.printed_date)
    low = fold(text)
    anchor = base or latest_full_date(text, low, data)
    needed = sorted(h.start for h in data.triggers.find(text, low) + data.kinds.find(text, low))
    sents = split_clauses(split_sentences(text, data.lang, needed), data)
    infos, mentions = _analyse(
        sents, text, data, anchor, data.genitive_after, inferred=base is None
    )
    ctx = Context(data, article_country(text, low, data, mentions), main_nonstate(mentions))
    ctx.named.update(ctx.actor(m.entry) for m in mentions if not m.entry.weak)
    ctx.authors.update(article_authors(infos, ctx))
    events: list[ExtractedEvent] = []
    made: dict[int, ExtractedEvent] = {}
    brief = len(text.split()) <= BRIEF_WORDS
    whole = whole_sentences(infos, text, low)
    crackdowns: dict[int, ExtractedEvent] = {}
    for draft in passing_mentions(group_incidents(infos, data, anchor)):
        event = _event(draft, ctx, analysis, text)
        if event is None:
            continue
        _same_crackdown(event, draft, crackdowns)
        # An act its cause made possible happened with it; one told beside another, undated,
        # on its day ("Earlier in the day, a rocket killed one in X"), unless told as news of
        # the report's own day ("Meanwhile, a bomb has killed 25").
        earlier = draft.cause
        if earlier is None and draft.beside and not told_as_just_happened(draft, data, whole):
            earlier = draft.beside
        cause = made.get(id(earlier)) if earlier else None
        made[id(draft)] = event
        if event.event_date is None and cause and cause.event_date:
            event.event_date, event.time_precision = day_of_the_one_before(draft, cause, earlier)
        elif event.event_date is None and base:
            # No date cue ("Meanwhile, a bomb ..."): news is about the days just before it is
            # published (a brief, the day it is dated); the report's date, at week precision.
            same_day = brief or told_as_just_happened(draft, data, whole)
            lag = 0 if same_day else NO_CUE_LAG_DAYS
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
        event.claims = parts_of_a_total(vague_beside_precise(event.claims), event.evidence)
    totals_across_incidents(events)
    resolve_descriptions(events, infos, data)
    restated_once(events, data, text)
    for event in events:
        attackers = attackers_side(event.event_type, event.inter1, event.inter2)
        event.fatalities = fatalities(event.claims, event.evidence, attackers)
    return events
