"""The text stage for one article: boilerplate, language, origin."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import urlsplit

from wartrace.models import Span, TextAnalysis
from wartrace.text import dates, origin
from wartrace.text.boilerplate import blank, find_boilerplate
from wartrace.text.language import identify
from wartrace.text.lines import Line, split_lines
from wartrace.text.resources import Knowledge, knowledge

_SPACE = re.compile(r"\s+")
_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def normalise_outlet(name: str) -> str | None:
    """'  VOA-Islam.com ' -> 'voa-islam.com'; 'www.' dropped; None when empty."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
    norm = norm.removeprefix("www.").strip(" /")
    return norm or None


def url_host(url: str | None) -> str | None:
    """Host of a URL without 'www.', or None when there is none."""
    if not url or not isinstance(url, str):
        return None
    return _host(url)


@lru_cache(maxsize=1024)
def _host(url: str) -> str | None:
    # asked four times per article (outlet key, domain hint, language, origin)
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def text_outlet(raw_text: str, kn: Knowledge | None = None) -> str | None:
    """The outlet a text names for itself ('(voa-islam.com)', 'Source: ARA News')."""
    kn = kn or knowledge()
    lines = split_lines(raw_text)
    found = origin.find_outlet(lines, kn, origin.find_dateline(lines, kn))
    return found.value if found else None


def outlet_key(raw_text: str, url: str | None, outlet: str | None) -> str | None:
    """Key grouping articles of one outlet: metadata outlet, URL host, or self-named outlet."""
    if outlet and isinstance(outlet, str) and (norm := normalise_outlet(outlet)):
        return norm
    host = url_host(url)
    if host:
        return host
    if not isinstance(raw_text, str) or not raw_text.strip():
        return None
    named = text_outlet(raw_text)
    return normalise_outlet(named) if named else None


def _domain_hint(url: str | None, outlet: str | None, named: str | None) -> str | None:
    """A domain for the id/ms prior: URL host, else an outlet written as a domain."""
    host = url_host(url)
    if host:
        return host
    for name in (outlet, named):
        norm = normalise_outlet(name) if name else None
        if norm and _DOMAIN.match(norm):
            return norm
    return None


def _known_outlets(url: str | None, outlet: str | None) -> list[str]:
    """Casefolded names the outlet goes by: metadata name, URL host and its first label."""
    names = [n for n in (normalise_outlet(outlet) if outlet else None, url_host(url)) if n]
    host = url_host(url)
    if host:
        names.append(host.split(".")[0])
    return names


def _text_or_none(name: str, value: object, warnings: list[str]) -> str | None:
    """Metadata must be text: anything else is ignored, with a warning."""
    if value is None or isinstance(value, str):
        return value
    warnings.append(f"metadata {name} ignored: expected text, got {type(value).__name__}")
    return None


def _valid_iso(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        return None


def analyse_text(
    raw_text: str,
    *,
    url: str | None,
    outlet: str | None,
    published: str | None,
    title: str | None,
    recurring_lines: Collection[str],
) -> TextAnalysis:
    """Clean one article (same length, boilerplate blanked) and read its language and origin."""
    if not isinstance(raw_text, str):
        raise TypeError(f"analyse_text expects str, got {type(raw_text).__name__}")
    if not raw_text.strip():
        return TextAnalysis(clean_text=raw_text, warnings=["empty text"])
    bad_meta: list[str] = []
    url, outlet, published, title = (
        _text_or_none(name, value, bad_meta)
        for name, value in (
            ("url", url),
            ("outlet", outlet),
            ("published", published),
            ("title", title),
        )
    )
    kn = knowledge()
    lines = split_lines(raw_text)
    spans, warnings = find_boilerplate(raw_text, lines, kn, recurring_lines or ())

    removed = {s.start for s in spans}
    date_lines = dates.find_date_lines(lines, removed)
    spans += [Span(d.blank_start, d.blank_end, "date_line") for d in date_lines]
    spans.sort(key=lambda s: s.start)
    clean = blank(raw_text, spans)
    clean_lines = split_lines(clean)

    result = TextAnalysis(clean_text=clean, boilerplate=spans, warnings=bad_meta + warnings)
    found: list[Span] = []

    dateline = origin.find_dateline(clean_lines, kn, _known_outlets(url, outlet))
    if dateline and dateline.place:
        result.dateline = dateline.place.value
        found.append(Span(dateline.place.start, dateline.place.end, "dateline"))
    named = origin.find_outlet(clean_lines, kn, dateline, lines)
    if named:
        result.outlet = named.value
        found.append(Span(named.start, named.end, "outlet"))
    credit = origin.find_credit(clean_lines, kn, lines)
    if credit:
        result.credit = credit.value
        found.append(Span(credit.start, credit.end, "credit"))

    chosen = dates.best_date_line(date_lines)
    if chosen:
        result.printed_date = chosen.date
        found.append(Span(chosen.start, chosen.end, "printed_date"))
        if msg := dates.hijri_warning(chosen, kn):
            result.warnings.append(msg)
    _check_published(result, published)
    _check_outlet(result, url, outlet)

    _set_headline(result, raw_text, clean_lines, kn, dateline, title, outlet, found)

    lang, conf = identify(clean, _domain_hint(url, outlet, result.outlet))
    result.language, result.language_confidence = lang, conf
    if lang is None:
        result.warnings.append("too little text to identify the language")
    result.spans = sorted(found, key=lambda s: s.start)
    return result


def _squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"\w+", name.casefold()))


def _check_outlet(result: TextAnalysis, url: str | None, outlet: str | None) -> None:
    """Warn when the text names another outlet than its metadata (syndicated copy?)."""
    if not result.outlet:
        return
    named = _squash(result.outlet)
    known = [_squash(n) for n in _known_outlets(url, outlet)]
    if not known or not named:
        return
    if any(k and (k in named or named in k) for k in known):
        return
    if any(named == _initials(n) for n in _known_outlets(url, outlet)):
        return  # "(LW)" in a Levant Wire story: the outlet's own abbreviation
    said = outlet or url_host(url)
    result.warnings.append(f"text names outlet {result.outlet!r}, metadata says {said!r}")


def _check_published(result: TextAnalysis, published: str | None) -> None:
    if published is None:
        return
    meta = _valid_iso(published)
    if meta is None:
        result.warnings.append(f"metadata published date {published!r} is not YYYY-MM-DD")
        return
    if result.printed_date and result.printed_date != meta.isoformat():
        result.warnings.append(
            f"printed date {result.printed_date} differs from metadata published date {published}"
        )


def _set_headline(
    result: TextAnalysis,
    raw_text: str,
    clean_lines: list[Line],
    kn: Knowledge,
    dateline: origin.Dateline | None,
    title: str | None,
    outlet: str | None,
    found: list[Span],
) -> None:
    if title and isinstance(title, str) and title.strip():
        result.headline = title.strip()
        at = raw_text.casefold().find(result.headline.casefold())
        if at >= 0 and len(raw_text.casefold()) == len(raw_text):
            found.append(Span(at, at + len(result.headline), "headline"))
        return
    names = [n for n in (outlet, result.outlet, result.credit) if n]
    head = origin.find_headline(clean_lines, kn, dateline, names)
    if head:
        result.headline = head.value
        found.append(Span(head.start, head.end, "headline"))
