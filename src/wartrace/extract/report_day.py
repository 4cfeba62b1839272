"""When a report was told: the day an article without a publication date anchors its dates to,
and whether an undated incident is told as just happened (the report's own day).
"""

from __future__ import annotations

import re
from datetime import date

from wartrace.extract.dates import DAY, find_dates, pinned_dates
from wartrace.extract.drafts import Draft, SentenceInfo
from wartrace.extract.leaders import sitting_terms
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence

LEAD_PARAGRAPHS, LEAD_WORDS = 5, 8  # where a report prints its own date (links, captions: shorter)
_LINE = re.compile(r"\S[^\n]*")
BARE_YEAR = re.compile(r"(?<![\d/.\-–])(?:19|20)\d{2}(?![\d/.\-–]\d)")


def told_as_just_happened(
    draft: Draft, data: LangData, whole: dict[int, Sentence] | None = None
) -> bool:
    """ "A bomb has killed 25": the sentence opening an undated incident tells it in words
    (the perfect, "baru saja") that place it on the day of the report, not the day before.
    A clause cut from a sentence (``whole``: sentences by start) is told in its sentence's
    tense ("forces open fire and kill 25 in A, while 10 people are killed in B"). A heading
    (a line with no full stop: "2019 Iraqi protests", "Gunmen kill 5") tells no tense."""
    told = [whole_sentence(i.sent, whole or {}) for i in draft.infos if i.is_event]
    opening = next((t for t in told if not is_heading(t)), told[0] if told else None)
    return opening is not None and bool(data.same_day.find(opening.text, opening.low))


def whole_sentence(sent: Sentence, whole: dict[int, Sentence]) -> Sentence:
    return sent if sent.clause_of is None else whole.get(sent.clause_of, sent)


def is_heading(sent: Sentence) -> bool:
    return not sent.text.rstrip().rstrip("\"'”’)").endswith((".", "!", "?"))


def whole_sentences(infos: list[SentenceInfo], text: str, low: str) -> dict[int, Sentence]:
    """The sentences that clauses were cut from, by start."""
    ends: dict[int, tuple[int, int]] = {}
    for i in infos:
        if i.sent.clause_of is not None:
            _, paragraph = ends.get(i.sent.clause_of, (0, i.sent.paragraph))
            end = max(ends.get(i.sent.clause_of, (0, 0))[0], i.sent.end)
            ends[i.sent.clause_of] = (end, paragraph)
    return {
        start: Sentence(start, end, text[start:end], low[start:end], paragraph)
        for start, (end, paragraph) in ends.items()
    }


def latest_full_date(text: str, low: str, data: LangData) -> date | None:
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
    years = [int(m.group()) for m in BARE_YEAR.finditer(lead.text)]
    if not found and years:
        # "Sunday (27/3)" after "since May 2015": the weekday tells the year.
        found = [d.value for d in pinned_dates(lead, data, max(years))]
    elif not found and not BARE_YEAR.search(text):
        # No year anywhere: a sitting leader named by title bounds it ("President Duterte").
        for term in sitting_terms(text):
            found += [
                d.value
                for d in pinned_dates(lead, data, term.since.year)
                if term.since <= d.value and (term.until is None or d.value < term.until)
            ]
    return max(found, default=None)
