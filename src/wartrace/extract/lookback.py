"""Which look-back words and old dates really put an event sentence in the past.

A background word ("since", "previously", "sejak") or an old date marks a sentence as history
rather than the news. Three uses of them do not:

- "since" (or "sejak") right before a recent day starts what is still going on ("attacked the
  town since Wednesday", "menyerang kota itu sejak Rabu (24/3)"): the day is the event's; so
  does a time of the day itself ("reports reaching us since afternoon", "sejak pagi");
- "since" followed by a present-tense verb gives a reason, not a time ("since police are among
  the lowest paid"): a temporal "since" takes a point in the past;
- a look-back word right before a statement verb ("earlier reported that 28 died",
  "sebelumnya mengungkapkan") dates the telling, an earlier count of the same act;
- "last week" or "pekan lalu" right after a weekday dates it ("Sabtu pekan lalu (14/10)");
- a sentence that first gives its own recent day ("On 2 May, ... for those killed on 2 May
  2014"; "On 30 April, militants torched the truck they had ambushed the previous day";
  "attacked Palma on Wednesday, the worst escalation since 2017") tells that day's act; the
  look-back belongs to a clause inside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from wartrace.extract.dates import DAY, DateMention, past_phrase_follows
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence
from wartrace.models import HURT_KINDS

SINCE_GAP_WORDS = 2  # "since Wednesday", "since early Wednesday", "sejak hari Rabu (24/3)"
REASON_WORDS = 4  # "since police are": the verb within this many words of "since"

SUBJECT_WORDS = 3  # "The attack came ...", "This came ...", "Serangan itu terjadi ..."


def recent(d: DateMention, oldest: date | None) -> bool:
    return oldest is None or d.value >= oldest


def oldest_news(base: date | None, days: int) -> date | None:
    return base - timedelta(days=days) if base else None


def recent_day(dates: list[DateMention], oldest: date | None) -> bool:
    """A day within the news window ("Previously, on Monday, a missile attack killed 14"):
    an earlier incident of the same days, which the opener does not make history."""
    return oldest is not None and any(d.precision == DAY and d.value >= oldest for d in dates)


def live_hits(
    hits: list[Hit[object]],
    sent: Sentence,
    dates: list[DateMention],
    oldest: date | None,
    data: LangData,
    back: Hit[int] | None = None,
) -> list[Hit[object]]:
    """The background hits of a sentence (sentence-relative) that do look back; not those of
    its step back (``step_back``)."""
    return [
        h
        for h in hits
        if not _since_recent(h, sent, dates, oldest, data)
        and not _since_today(h, sent, data)
        and not _told_earlier(h, sent, data)
        and not _since_reason(h, sent, data)
        and not _inside_dated(h, sent, dates, oldest)
        and not _weekday_of_last_week(h, sent, data)
        and not (back and h.start < back.end)
    ]


def vague_step(sent: Sentence, back: Hit[int] | None, data: LangData) -> bool:
    """A step back to a day only known to the week ("Earlier this week, ...")."""
    return back is not None and any(
        (h.start, h.end) == (back.start, back.end)
        for h in data.week_before.find(sent.text, sent.low)
    )


def step_back(sent: Sentence, triggers: Sequence[Hit[Any]], data: LangData) -> Hit[int] | None:
    """A sentence opening "The day before,", "Two days earlier,", "Sehari sebelumnya," steps
    back in the account: it tells another incident, -value days before the one told just
    before. Inside a sentence ("had been kidnapped the day before") the words stay a look
    back. So does "The attack came two days after X": after its short subject (the incident
    told before), X is another incident, two days earlier. Not a step back of the reporting:
    "The day before, the monitor said 26 were killed" tells an earlier toll of the same act."""
    opening = [
        h
        for lexicon in (data.told_before, data.week_before)
        for h in lexicon.find(sent.text, sent.low)
        if h.start == 0
    ]
    opening += [
        h
        for h in data.came_after.find(sent.text, sent.low)
        if len(sent.low[: h.start].split()) <= SUBJECT_WORDS
    ]
    if not opening:
        return None
    found = max(opening, key=lambda h: h.end)
    act = min((t.start for t in triggers if t.start >= found.end), default=len(sent.text))
    if any(found.end <= h.start < act for h in data.report_verbs.find(sent.text, sent.low)):
        return None
    return found


def _weekday_of_last_week(h: Hit[object], sent: Sentence, data: LangData) -> bool:
    """ "Sabtu pekan lalu", "on Friday last week": the look-back words date the weekday."""
    before = sent.low[: h.start].split()[-1:]
    return (
        bool(before)
        and before[0].strip(",") in data.weekday_words
        and past_phrase_follows(sent.low[h.start :], data)
    )


def _since_word(h: Hit[object], sent: Sentence, data: LangData) -> bool:
    return sent.low[h.start : h.end] in data.since_words


def _since_recent(
    h: Hit[object],
    sent: Sentence,
    dates: list[DateMention],
    oldest: date | None,
    data: LangData,
) -> bool:
    if not _since_word(h, sent, data):
        return False
    for d in dates:
        pos = d.start - sent.start
        if pos >= h.end and len(sent.low[h.end : pos].replace("(", " ").split()) <= SINCE_GAP_WORDS:
            return recent(d, oldest)
    return False


def _since_today(h: Hit[object], sent: Sentence, data: LangData) -> bool:
    """ "according to reports reaching us since afternoon, about 40 were killed", "sejak
    pagi": a time of the day itself (numbers.yaml ``within_day``) starts what goes on today."""
    return any(w.start == h.start for w in data.within_day.find(sent.text, sent.low))


def _told_earlier(h: Hit[object], sent: Sentence, data: LangData) -> bool:
    """ "State media earlier reported that 28 were killed", "Media pemerintah sebelumnya
    mengungkapkan bahwa 28 orang tewas": a look-back word right before a statement verb dates
    the telling (an earlier count of the same act), not the act."""
    rest = sent.low[h.end :]
    gap = len(rest) - len(rest.lstrip())
    return gap > 0 and any(a.start == gap for a in data.attr_after.find(rest))


def _since_reason(h: Hit[object], sent: Sentence, data: LangData) -> bool:
    if not _since_word(h, sent, data) or not data.present_verbs:
        return False
    after = [w.strip(",;:") for w in sent.low[h.end :].split()[:REASON_WORDS]]
    return any(w in data.present_verbs for w in after)


def _inside_dated(
    h: Hit[object], sent: Sentence, dates: list[DateMention], oldest: date | None
) -> bool:
    """The sentence writes out its own recent day ("On 30 April 2020, ...", "on Wednesday
    (24/3)") before the look-back word, and no other date before that. A day read from a
    weekday name alone is not enough: "attacked on Thursday and has since held the town"
    may be last week's Thursday, told as the start of a story."""
    first = dates[0] if dates else None
    return (
        first is not None
        and first.explicit
        and recent(first, oldest)
        and first.start - sent.start < h.start
    )


def dated_back(dates: list[DateMention], oldest: date | None) -> bool:
    """An old written-out date puts a sentence in the past unless a recent day comes first
    in it (the day of its act; the old date is a clause's: an anniversary, a grievance)."""
    if oldest is None:
        return False
    for d in dates:  # text order
        if d.value >= oldest:
            return False
        if d.explicit:
            return True
    return False


def without_history(dates: list[DateMention], oldest: date | None) -> list[DateMention]:
    """The dates of a sentence kept as news, without the old written-out dates of its
    clauses."""
    if oldest is None:
        return dates
    return [d for d in dates if not (d.explicit and d.value < oldest)]


def before_the_aftermath(
    sent: Sentence, dates: list[DateMention], triggers: list[Hit[Any]], data: LangData
) -> list[DateMention]:
    """Days that date another act than the sentence's own, around "after"/"setelah".

    "Somalis searched for the missing yesterday, after a truck bomb killed 276": a day given
    in a clause that tells the aftermath (a search, burials, mourning, flight) before "after"
    dates that aftermath; the act the "after" clause tells came before it. (Not "troops broke
    through today after a fierce battle": a clause with an act of its own before "after"
    tells one act twice, and keeps its day; nor a day inside the "after" clause: "after a
    bomb on Saturday".) "Clashes broke out after thousands rallied peacefully on Tuesday":
    a day inside an "after" clause that tells a peaceful act, told after violence, is that
    peaceful act's."""
    if not dates:
        return dates
    cuts = [h for h in data.after_words.find(sent.text, sent.low) if _word_at(sent.low, h)]
    if not cuts:
        return dates
    cut = cuts[0].start
    weak = data.common.weak_labels
    if not any(t.start < cut and t.value.label not in weak for t in triggers):
        if not any(h.end <= cut for h in data.aftermath.find(sent.text, sent.low)):
            return dates
        return [d for d in dates if d.start - sent.start > cut]
    # "The clashes started after thousands rallied peacefully on Tuesday": the day in the
    # "after" clause is the earlier act's when that act is a peaceful one (a rally, a deal,
    # arrests) and the one before "after" is violence (not "broke through after a fierce
    # battle on Sunday", "civilians were killed after an air strike on 17 March": one fight).
    after = [_peaceful(t, data) for t in triggers if t.start > cut and t.value.label not in weak]
    if not after or not all(after) or any(_peaceful(t, data) for t in triggers if t.start < cut):
        return dates
    return [d for d in dates if d.start - sent.start < cut]


def _peaceful(t: Hit[Any], data: LangData) -> bool:
    """A trigger of an act with no violence: a peaceful protest or a strategic development."""
    info = data.common.labels[t.value.label]
    return info.event_type == "Strategic developments" or info.sub_event_type == "Peaceful protest"


def _word_at(low: str, h: Hit[Any]) -> bool:
    """A hit that is a whole word ("after", not "thereafter")."""
    return (h.start == 0 or not low[h.start - 1].isalnum()) and (
        h.end == len(low) or not low[h.end].isalnum()
    )


def history_aside(
    sent: Sentence,
    triggers: list[Hit[Any]],
    hits: list[Hit[object]],
    counts: list[Hit[Any]],
    relatives: frozenset[str],
) -> tuple[int, int] | None:
    """A segment set off by commas after the sentence's act that looks back (sentence-relative
    span): "retook the town, seized by the group two months ago", "near X, the scene of heavy
    fighting in recent months, killing 4", "which it has held since 2017". It describes what
    the act fell on; its look-back words, days and acts are that thing's history, and the act
    before it is still the news. Not a look-back word before the act or with no comma between
    them (it dates the act itself), unless it is a relative clause before the act
    (``_relative_clause``), nor a segment that counts people (``counts``: casualty
    words of the dead or hurt), "387 people, mainly soldiers, have been killed since January":
    a running total."""
    if not triggers:
        return None
    first = min(t.start for t in triggers)
    for h in sorted(hits, key=lambda h: h.start):
        span = _relative_clause(sent, h, triggers, relatives)
        if span is None:
            start = sent.low.rfind(",", first, h.start)
            if start <= first or _dates_the_act(sent, start, h, triggers, relatives):
                continue
            end = sent.low.find(",", h.end)
            span = start, len(sent.low) if end < 0 else end
        if any(span[0] < c.start < span[1] and c.value in HURT_KINDS for c in counts):
            return None
        return span
    return None


def _dates_the_act(
    sent: Sentence, comma: int, h: Hit[object], triggers: list[Hit[Any]], relatives: frozenset[str]
) -> bool:
    """A relative clause right after the act's own noun tells of that act: "The bombing, which
    took place two weeks ago, was claimed ..." is history, not news about a place."""
    return _opens_relative(sent, comma, h, relatives) and any(
        t.end <= comma and not sent.low[t.end : comma].strip() for t in triggers
    )


def _relative_clause(
    sent: Sentence, h: Hit[object], triggers: list[Hit[Any]], relatives: frozenset[str]
) -> tuple[int, int] | None:
    """A non-restrictive relative clause between the subject and its verb holding the look-back
    word: "The RSF, which has besieged the city since May, shelled its market on Monday". It
    describes the subject; the act told after it is the news. Closed by a comma, with an act
    after it (not "The bombing, which took place two weeks ago, was claimed ...": no act)."""
    start = sent.low.rfind(",", 0, h.start)
    end = sent.low.find(",", h.end)
    if start < 0 or end < 0 or not _opens_relative(sent, start, h, relatives):
        return None
    return (start, end) if any(t.start > end for t in triggers) else None


def _opens_relative(sent: Sentence, comma: int, h: Hit[object], relatives: frozenset[str]) -> bool:
    """Whether the segment from ``comma`` to the hit opens with a relative pronoun."""
    opener = sent.low[comma + 1 : h.start].split(maxsplit=1)
    return bool(opener) and opener[0] in relatives
