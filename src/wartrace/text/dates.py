"""The article's own printed date line: "Sabtu, 16 Rajab 1446 H / 4 Februari 2017 09:05 wib".

Candidates are extracted with patterns built from the language files; only the date
core is handed to dateparser (it misreads whole lines, see dependencies.md §3). A
Hijri date printed beside the Gregorian one is converted (Umm al-Qura) and checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from wartrace.text.lines import Line, word_count
from wartrace.text.resources import Knowledge, _alternation, knowledge

PUBLISHED, UNLABELLED, UPDATED = 0, 1, 2  # preference order of date lines
# "date 2023-08-11 IS attack kills 23": a line opening with a labelled date keeps the
# rest when that has this many words (a headline), else the whole line is furniture
KEEP_REST_WORDS = 3
# Every date core and Hijri date holds a year of three or four digits: a line without such
# a run of digits is passed over before the costlier date patterns are searched.
_YEAR_DIGITS = re.compile(r"\d{3}")


@dataclass(frozen=True, slots=True)
class DateLine:
    date: str  # YYYY-MM-DD
    kind: int  # PUBLISHED | UNLABELLED | UPDATED
    line: Line
    start: int  # span of the date as read (absolute offsets)
    end: int
    blank_start: int  # what to blank as page furniture
    blank_end: int
    hijri: tuple[int, int, int] | None  # (year, month, day) printed beside it


@dataclass(frozen=True, slots=True)
class _Patterns:
    core: re.Pattern[str]
    hijri: re.Pattern[str]
    label_before: re.Pattern[str]
    noise: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    kn = knowledge()
    months = _alternation(tuple(kn.dates.months))
    suffix = r"(?:st|nd|rd|th)?"
    core = re.compile(
        rf"(?P<dmy>(?<!\d)\d{{1,2}}{suffix}\.?\s+(?:{months})\.?,?\s+\d{{4}}(?!\d))"
        rf"|(?P<mdy>(?<!\w)(?:{months})\.?\s+\d{{1,2}}{suffix},?\s+\d{{4}}(?!\d))"
        r"|(?P<iso>(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d))"
        r"|(?P<num>(?<!\d)\d{1,2}[/.]\d{1,2}[/.]\d{4}(?!\d))",
        re.IGNORECASE,
    )
    hijri = re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{_alternation(tuple(kn.hijri_months))})\s+"
        rf"(?P<y>\d{{3,4}})(?:\s*(?:{_alternation(kn.hijri_era)})(?!\w))?",
        re.IGNORECASE,
    )
    labels = _alternation(kn.dates.publish_labels + kn.dates.update_labels)
    weekdays = _alternation(kn.dates.weekdays)
    label_before = re.compile(
        rf"(?<!\w)(?P<label>{labels})\s*[:\-–]?\s*(?:(?:{weekdays})\s*,?\s*)?$", re.IGNORECASE
    )
    noise_words = (
        kn.dates.publish_labels
        + kn.dates.update_labels
        + kn.dates.weekdays
        + kn.dates.byline_words
        + kn.timezones
    )
    noise = re.compile(
        rf"(?<!\w)(?:{_alternation(noise_words)})(?!\w)"
        r"|(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?!\d)|[+-]\d{1,2}(?::?\d{2})?",
        re.IGNORECASE,
    )
    return _Patterns(core, hijri, label_before, noise)


def _other_words(text: str, pats: _Patterns) -> int:
    """Words left on a line once dates, times, labels, weekdays and bylines are removed."""
    rest = pats.core.sub(" ", text)
    rest = pats.hijri.sub(" ", rest)
    rest = pats.noise.sub(" ", rest)
    return word_count(rest)


def parse_core(core: str, kind: str, kn: Knowledge) -> str | None:
    """YYYY-MM-DD of one extracted date core, or None if it is not a real date."""
    return _parse_core_cached(core, kind) if kn is knowledge() else _parse_core(core, kind, kn)


@lru_cache(maxsize=4096)
def _parse_core_cached(core: str, kind: str) -> str | None:
    # pages repeat their date lines (and batches their dates): parse each string once
    return _parse_core(core, kind, knowledge())


def _parse_core(core: str, kind: str, kn: Knowledge) -> str | None:
    import dateparser  # imported lazily: costly, and only needed when a candidate exists

    order = {"dmy": "DMY", "mdy": "MDY", "iso": "YMD", "num": "DMY"}[kind]
    settings = {"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"]}
    cleaned = core.replace(",", " ")
    # only the languages whose month word was printed: far faster than trying them all
    words = re.findall(r"[^\W\d_]+(?:\s+[^\W\d_]+)?", cleaned.casefold())
    langs = next(
        (kn.dates.month_languages[w] for w in words if w in kn.dates.month_languages),
        ("en",) if "en" in kn.dateparser_languages else kn.dateparser_languages[:1],
    )
    try:
        parsed = dateparser.parse(cleaned, languages=list(langs), settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    return _parse_with_table(cleaned, kind, kn)


def _parse_with_table(core: str, kind: str, kn: Knowledge) -> str | None:
    """Fallback for month names dateparser lacks (e.g. Levantine Arabic 'أيار')."""
    if kind not in ("dmy", "mdy"):
        return None
    nums = [int(n) for n in re.findall(r"\d+", core)]
    words = re.sub(r"[\d.,]|st|nd|rd|th", " ", core, flags=re.IGNORECASE).split()
    month = kn.dates.months.get(" ".join(words).casefold())
    if month is None or len(nums) != 2:
        return None
    day, year = nums[0], nums[1]
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Umm al-Qura conversion; None outside the calendar's range or for impossible dates."""
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _hijri_in(text: str, kn: Knowledge, pats: _Patterns) -> tuple[int, int, int] | None:
    m = pats.hijri.search(text)
    if m is None:
        return None
    month = kn.hijri_months.get(re.sub(r"\s+", " ", m.group("m")).casefold())
    if month is None:
        return None
    return int(m.group("y")), month, int(m.group("d"))


def find_date_lines(lines: Sequence[Line], blocked: set[int]) -> list[DateLine]:
    """Every line that prints the article's own date (``blocked``: line starts to skip)."""
    kn = knowledge()
    pats = _patterns()
    out: list[DateLine] = []
    nonempty = 0
    for line in lines:
        text = line.text
        if not text.strip():
            continue
        nonempty += 1
        if line.start in blocked:
            continue
        if not _YEAR_DIGITS.search(text):
            continue
        in_top = nonempty <= kn.date_line_top_lines
        m = pats.core.search(text)
        hijri = _hijri_in(text, kn, pats)
        if m is None and hijri is None:
            continue
        label = pats.label_before.search(text[: m.start()]) if m else None
        if label is None and not in_top:
            continue  # neither kind below: the other words need no counting
        # a line ending in a full stop is never short: its words need no counting either
        short = (
            not text.rstrip().endswith(".")
            and _other_words(text, pats) <= kn.date_line_max_other_words
        )
        at_start = label is not None and not text[: label.start()].strip()
        if label is not None and (short or at_start):
            kind = UPDATED if label.group("label").casefold() in _update_labels() else PUBLISHED
        elif in_top and short:
            kind = UNLABELLED
        else:
            continue
        if m is not None:
            which = next(k for k, v in m.groupdict().items() if v)
            date = parse_core(m.group(0), which, kn)
            start, end = line.start + m.start(), line.start + m.end()
        else:
            assert hijri is not None
            g = hijri_to_gregorian(*hijri)
            date = g.isoformat() if g else None
            hm = pats.hijri.search(text)
            assert hm is not None
            start, end = line.start + hm.start(), line.start + hm.end()
        if date is None:
            continue
        lead = len(text) - len(text.lstrip())
        rest = text[end - line.start :]
        if short and not (at_start and _other_words(rest, pats) >= KEEP_REST_WORDS):
            b_start, b_end = line.start + lead, line.end
        else:  # "date 2023-08-11 Headline": blank the label and date, keep the rest
            tail = pats.noise.match(rest.lstrip(" ,|"))
            b_start, b_end = line.start + lead, end
            if tail:
                b_end += len(rest) - len(rest.lstrip(" ,|")) + tail.end()
        out.append(DateLine(date, kind, line, start, end, b_start, b_end, hijri))
    return out


@cache
def _update_labels() -> frozenset[str]:
    return frozenset(w.casefold() for w in knowledge().dates.update_labels)


def best_date_line(found: Sequence[DateLine]) -> DateLine | None:
    """The published date first, else the first unlabelled one, else an update date."""
    if not found:
        return None
    return min(found, key=lambda d: (d.kind, d.start))


def hijri_warning(chosen: DateLine, kn: Knowledge) -> str | None:
    """A warning when the printed Hijri date disagrees with the Gregorian date beside it."""
    if chosen.hijri is None:
        return None
    y, m, d = chosen.hijri
    g = hijri_to_gregorian(y, m, d)
    if g is None:
        return f"printed Hijri date {d}/{m}/{y} AH is not a valid Umm al-Qura date"
    gap = abs((g - dt.date.fromisoformat(chosen.date)).days)
    if gap > kn.hijri_tolerance_days:
        return (
            f"printed Hijri date {d}/{m}/{y} AH is {g.isoformat()}, "
            f"{gap} days from the printed Gregorian date {chosen.date}"
        )
    return None
