"""Event dates from the words of a sentence, resolved against the publication date.

Candidates are found here (numeric dates, "4 Februari 2017", "May 12", weekday names, "yesterday");
dateparser only reads the month-name candidates, always relative to the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence

DAY, WEEK, MONTH = 1, 2, 3
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/.-]\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# Every written date pattern here (month names, ISO, numeric) holds a digit: a sentence without
# one (most of them) skips those regexes, the month-name ones being costly to run.
_DIGIT = re.compile(r"\d")
FUTURE_SLACK = timedelta(days=1)  # a report may be dated the day before its local event date
REPORT_GAP_WORDS = 3  # "reported by Reuters on Sunday": words between the verb and the date
REPORT_BEFORE_CHARS = 30  # a date this close before "reported"/"melaporkan" dates the statement
SOURCE_WORDS = 4  # extra words a source's name may take between "kata" and the date
REPORT_WINDOW = 80  # a date closing a sentence this soon after "said"/"kata" dates the statement
WEEKDAY_GAP = 3  # "Sunday (27/3)", "Minggu, 27/3": chars between a weekday and its date
HEADING_WORDS = 4  # "Security update:" before a sentence: a label, not part of the sentence
PIN_YEARS = 7  # a weekday repeats on a day and month within 6 years (11 at most, rarely)
# A day and month without a year falling this soon after the report's own date is in the
# report's year (a coming day, a range running past it, a report dated a little early): a
# report never tells a day of last year by its day and month alone when that day is weeks off.
LATER_DAYS = 31


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offset in the raw text
    value: date
    precision: int
    explicit: bool  # carries its own day/month (not a weekday or "yesterday")
    opening: bool = False  # opens its sentence ("On 8 May 2020, ..."): the day it tells of


# A clock time printed right beside a date ("27 Agustus 2024, 09:56 WIB", "Jum'at, 24 Maret 2017
# - 15:55 WIB", "21:18 WIB | Jumat, 11 Agustus 2023", "Updated: 5 June 2023, 10:55 GMT"): the
# moment the page was published or updated, not the day of the story. An event's hour is
# introduced by a word ("pukul 10.30", "at 10:30").
_STAMP_AFTER = re.compile(r"\s*[,|/\-–—]?\s*\d{1,2}[:.]\d{2}(?!\d)(?![.,:]\d)")
_STAMP_BEFORE = re.compile(
    r"\d{1,2}:\d{2}\s*(?:[A-Za-z]{2,4}(?:[+-]\d{1,2})?)?\s*[,|/\-–—]\s*(?:[A-Za-z']+,?\s*)?$"
)


def _stamped(text: str, start: int, end: int) -> bool:
    return bool(_STAMP_AFTER.match(text, end)) or bool(_STAMP_BEFORE.search(text[:start]))


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=16)
def _month_patterns(months: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    # "2 May", "2nd May", "2nd of May" (an English ordinal day)
    day_first = re.compile(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({alt})\.?(?:,?\s+(\d{{4}}))?\b",
        re.IGNORECASE,
    )
    month_first = re.compile(
        rf"\b({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?|\b({alt})\s+(\d{{4}})\b",
        re.IGNORECASE,
    )
    return day_first, month_first


def _dateparser(text: str, lang: str, base: date | None) -> date | None:
    # dateparser costs ~2 ms a call, and a run asks about the same few strings again and
    # again ("1 May 2020" of a publication date of 1 May 2020: 995 calls for 172 strings
    # in 1,280 ACLED notes). Without a base it reads relative to today: today is in the key.
    return _dateparser_cached(text, lang, base, date.today() if base is None else None)


@lru_cache(maxsize=4096)
def _dateparser_cached(text: str, lang: str, base: date | None, _today: date | None) -> date | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(text, languages=[lang], settings=settings)
    except Exception:  # unknown language or odd input: no date rather than a crash
        return None
    return parsed.date() if parsed else None


def _numeric(m: re.Match[str], base: date | None) -> date | None:
    day, month = int(m.group(1)), int(m.group(3))
    year_s = m.group(4)
    if m.group(2) != "/" and not year_s:
        return None  # "10.30" or "5-6" without a year is a time or a range, not a date
    if year_s:
        year = int(year_s) + (2000 if len(year_s) == 2 else 0)
    elif base:
        year = base.year
    else:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not year_s and base and value > base + timedelta(days=LATER_DAYS):
        value = value.replace(year=year - 1)
    return value


def _this_year(value: date, base: date) -> date:
    """A year-less day read in the past (``value``) that falls in the report's year, weeks at
    most after its date ("from 27 to 29 April" in a report of 28 April), is in that year."""
    try:
        later = value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value
    return later if base < later <= base + timedelta(days=LATER_DAYS) else value


def pinned_dates(sentence: Sentence, data: LangData, from_year: int) -> list[DateMention]:
    """Year-less dates named with their weekday ("Sunday (27/3)", "Minggu, 27 Maret"), read
    in the first year from ``from_year`` on which that day falls on that weekday: without a
    publication date, the weekday tells the year that a year printed earlier only bounds."""
    text, low, out = sentence.text, sentence.low, []
    spans: list[tuple[int, int, int]] = []  # start, day, month
    for m in _NUMERIC.finditer(text):
        if m.group(2) == "/" and not m.group(4):
            spans.append((m.start(), int(m.group(1)), int(m.group(3))))
    if data.month_list:
        for rx in _month_patterns(data.month_list):
            for m in rx.finditer(text):
                if m.group(3) or (rx.groups >= 5 and m.group(4)):
                    continue  # carries its year (or is "March 2016"): nothing to pin
                read = _dateparser(m.group(0), data.lang, date(from_year, 12, 31))
                if read is not None:
                    spans.append((m.start(), read.day, read.month))
    for h in data.weekdays.find(text, low):
        for start, day, month in spans:
            if not 0 <= start - h.end <= WEEKDAY_GAP or low[h.end : start].strip(" ,(") != "":
                continue
            for year in range(from_year, from_year + PIN_YEARS):
                try:
                    value = date(year, month, day)
                except ValueError:
                    continue
                if value.weekday() == h.value:
                    out.append(DateMention(sentence.start + start, value, DAY, True))
                    break
    return sorted(out, key=lambda d: d.start)


def _weekday(base: date, weekday: int) -> date:
    """The most recent such weekday on or before the publication date."""
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _nearest_weekday(anchor: date, weekday: int) -> date:
    back = (anchor.weekday() - weekday) % 7
    return anchor - timedelta(days=back) if back <= 3 else anchor + timedelta(days=7 - back)


def find_dates(
    sentence: Sentence,
    data: LangData,
    base: date | None,
    *,
    nearest: bool = False,
    statements: bool = False,
) -> list[DateMention]:
    """Dates a sentence gives for what it reports, in text order.

    ``nearest``: ``base`` is a date the article gives, not its publication date, so a weekday
    is the nearest such day on either side of it ("attacked on Thursday (10/8) ... claimed on
    Friday" is the next day), and later days are allowed. ``statements``: keep the dates of
    statements ("said on Friday"), which are otherwise left out.
    """
    text, out = sentence.text, []
    taken: list[tuple[int, int]] = []
    months = data.month_list
    digits = _DIGIT.search(text) is not None
    if months and digits:
        day_first, month_first = _month_patterns(months)
        for rx in (day_first, month_first):
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if not statements and _stamped(text, m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    continue
                month_word = (m.group(2) if rx is day_first else m.group(1) or m.group(4)) or ""
                has_year = bool(m.group(3) or (rx is month_first and m.group(5)))
                if month_word.lower() in data.ambiguous_months and not month_word[:1].isupper():
                    continue
                if not has_year and base is None:
                    continue  # a year-less date needs the publication date, never today's
                value = _dateparser(m.group(0), data.lang, base)
                if value is not None and base and not has_year:
                    value = _this_year(value, base)
                if value is None or (base and not has_year and value > base + FUTURE_SLACK):
                    continue
                precision = MONTH if rx is month_first and m.group(4) else DAY
                if precision == MONTH:
                    value = value.replace(day=1)
                opening = precision == DAY and _opens(sentence.low[: m.start()], data)
                out.append(DateMention(sentence.start + m.start(), value, precision, True, opening))
                taken.append((m.start(), m.end()))
    for m in _ISO.finditer(text) if digits else ():
        try:
            iso = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        taken.append((m.start(), m.end()))
        if statements or not _stamped(text, m.start(), m.end()):
            out.append(DateMention(sentence.start + m.start(), iso, DAY, True))
    for m in _NUMERIC.finditer(text) if digits else ():
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        num = _numeric(m, base)
        if num:
            taken.append((m.start(), m.end()))
            if statements or not _stamped(text, m.start(), m.end()):
                out.append(DateMention(sentence.start + m.start(), num, DAY, True))
    if base:
        for h in data.weekdays.find(text, sentence.low):
            word = sentence.low[h.start : h.end]
            if word in data.ambiguous_weekdays and not _weekday_cue(sentence.low, h.start, h.end):
                continue
            if any(a <= h.start < b + 3 or h.end <= a <= h.end + 3 for a, b in taken):
                continue  # "Sabtu (14/5/2016)": the explicit date already counts
            if _last_weekday(sentence.low, h.start, h.end, data):
                day = _weekday(base - timedelta(days=1), h.value)  # "last Friday": before it
            elif nearest:
                day = _nearest_weekday(base, h.value)
            else:
                day = _weekday(base, h.value)
            out.append(DateMention(sentence.start + h.start, day, DAY, False))
        for h in data.relative.find(text, sentence.low):
            value = base + timedelta(days=h.value)
            out.append(DateMention(sentence.start + h.start, value, DAY, False))
    if base and not nearest:
        out = [d for d in out if d.value <= base + FUTURE_SLACK]
    if not statements:
        out = [d for d in out if not _report_date(d, sentence, data)]
    return sorted(out, key=lambda d: d.start)


def _last_weekday(low: str, start: int, end: int, data: LangData) -> bool:
    """ "last Friday", "Jumat lalu", "Sabtu pekan lalu": the weekday before the report's day,
    never after it."""
    before = low[:start].split()[-1:]
    return bool(before and before[0] in data.past_weekday_before) or past_phrase_follows(
        low[end:], data
    )


def past_phrase_follows(rest: str, data: LangData) -> bool:
    """Whether ``rest`` (the text right after a weekday) opens with a word or phrase that puts
    the weekday in the past ("lalu", "pekan lalu", "last week")."""
    rest = rest.lstrip()
    return any(
        rest.startswith(p) and (len(rest) == len(p) or not rest[len(p)].isalnum())
        for p in data.past_weekday_after
    )


def _opens(before: str, data: LangData) -> bool:
    """ "On 8 May 2020, ...", "Around 29 April 2020 (week of), ...", "Pada 8 Mei 2020, ...": a
    full date that opens its sentence after a word that places the story on it (a log or
    dataset note's own date), not a date printed beside the story."""
    words = before.split()
    return 1 <= len(words) <= 2 and words[-1] in data.event_date_openers


def _report_date(d: DateMention, sentence: Sentence, data: LangData) -> bool:
    """ "a monitor said Friday", "..., kata aktivis, Jumat (11/8/2023).": when it was said."""
    pos = d.start - sentence.start
    for h in data.report_verbs.find(sentence.text, sentence.low):
        between = sentence.low[pos : h.start]
        near = 0 < h.start - pos <= REPORT_BEFORE_CHARS and len(between.split()) <= 2
        if near and "," not in between:
            return True  # "the Observatory on Tuesday (8/8) reported ...": when it was said
    said = [(h.start, h.end) for h in data.attr_after.find(sentence.text, sentence.low)]
    said += [(h.start, h.end) for h in data.attr_before.find(sentence.text, sentence.low)]
    for start, end in said:
        head = sentence.low[:start].split()
        # "Update: As reported on ...": a short heading closed by a colon is not the sentence.
        label = next((k + 1 for k, w in enumerate(head[:HEADING_WORDS]) if w.endswith(":")), 0)
        opening = len(head) - label <= 1
        if opening and all(w in data.report_date_links for w in sentence.low[end:pos].split()):
            # "As reported on 2 March, ...": the sentence opens on the day the event is known
            # by, which dates it (ACLED codes such reports on that day).
            continue
        # "said on Wednesday (6/9)": the weekday before the bracketed date is part of it.
        raw = [w for w in sentence.low[end:pos].replace("(", " ").split()]
        raw = [w for w in raw if w.strip(",") not in data.weekday_words]
        gap = [w.strip(",") for w in raw if w.strip(",")]
        # "citing BBC, Sunday (15/5)": a date set off right after the source's name.
        set_off = bool(raw) and raw[-1].endswith(",")
        # After "according to"/"kata" come the source's words, then its date ("kata sebuah
        # kelompok pemantau pada Sabtu (12/8), ..."); after "said" comes what was said.
        limit = REPORT_GAP_WORDS + (
            SOURCE_WORDS if data.attr_before.find(sentence.low[start:end]) else 0
        )
        if (
            pos - end >= 0
            and len(gap) <= limit
            and (not gap or gap[-1] in data.report_date_links or set_off)
        ):
            return True
        tail = sentence.text[pos:]
        ends_sentence = len(tail.split()) <= 3 and not any(c.isalpha() for c in tail.split(")")[-1])
        # "..., kata aktivis, Jumat (11/8).": a closing attribution, set off by a comma or a
        # quote; not "X melaporkan, militan menyerang ... Senin (7/8).", which reports the event.
        closing = sentence.low[:start].rstrip().endswith((",", '"', "”", "’", "'"))
        if 0 <= pos - end <= REPORT_WINDOW and ends_sentence and closing:
            return True
    return False


def _weekday_cue(low: str, start: int, end: int) -> bool:
    before = low[max(0, start - 5) : start]
    after = low[end : end + 3]
    return before.endswith("hari ") or after.lstrip(" ,").startswith("(")
