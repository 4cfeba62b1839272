"""Which of two derived-linked articles is the source: the evidence, in order, is a credit
line naming the other's outlet (not a wire both carry), publication dates, a text naming the
other's outlet (a copy keeps its source's dateline signature), a credit whose
outlet writes in the other's language, a credit at all, the usual source language of
translations, signs of an outlet's own page (a date, its own name in the text), then length.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from wartrace.link.anchors import fold, load_data


@dataclass(frozen=True, slots=True)
class Meta:
    article_id: str
    language: str | None
    day: int | None
    credit: str | None
    outlets: tuple[str, ...]  # outlet and text_outlet, folded
    length: int
    self_named: bool = False  # the text names its own outlet (masthead, byline, boilerplate)
    text: str = ""  # the raw text and credit, searched for the other's outlet name


@cache
def outlet_languages() -> dict[str, str]:
    return {fold(str(k)): str(v) for k, v in load_data("outlets.yaml").items()}


@cache
def _source_language_order() -> tuple[str, ...]:
    return tuple(str(x) for x in load_data("source_languages.yaml")["order"])


def source_language_rank(language: str | None) -> int:
    order = _source_language_order()
    return order.index(language) if language in order else len(order)


def names_outlet(text: str, outlets: Sequence[str]) -> bool:
    """Whether a text names one of its own outlets (folded names, whole words)."""
    folded = fold(text)
    return any(len(o) >= 3 and re.search(rf"(?<!\w){re.escape(o)}(?!\w)", folded) for o in outlets)


@cache
def _caption_words_re() -> re.Pattern[str]:
    words = sorted({fold(str(w)) for ws in load_data("captions.yaml").values() for w in ws})
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\W{{0,8}}$")


CAPTION_REACH = 16  # characters before a name searched for a picture-credit word
OUTLET_SAMPLE = 20  # articles of an outlet read to tell the language it writes in


def credits_other(text: str, own: Sequence[str], other: Sequence[str]) -> bool:
    """Whether a text names another outlet ("as reported by Reuters", "Source: AFP",
    "told Reuters"): a sign that it was made from that outlet's report. Its own outlets,
    and names inside a picture credit ("Foto/REUTERS"), do not count."""
    mine = [o for o in own if o]
    names = [o for o in other if len(o) >= 3 and not any(o == m or o in m or m in o for m in mine)]
    if not names:
        return False
    folded = fold(text)
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            if not _caption_words_re().search(
                folded[max(0, m.start() - CAPTION_REACH) : m.start()]
            ):
                return True
    return False


def provenance_marks(m: Meta) -> int:
    """Signs of an outlet's own page: a publication date, its own name in the text.
    Scraped and spun copies usually lose both."""
    return int(m.day is not None) + int(m.self_named)


def _cites(credit: str | None, other: Meta) -> bool:
    if not credit:
        return False
    c = fold(credit)
    return any(o and (o in c or c in o) for o in other.outlets)


def _telling(credit: str | None, shared: set[str]) -> str | None:
    """The credit, unless it names only an outlet both texts carry."""
    if not credit:
        return None
    c = fold(credit)
    return None if any(o and (o in c or c in o) for o in shared) else credit


def _names_other(m: Meta, other: Meta, shared: set[str]) -> bool:
    """Whether ``m``'s text names ``other``'s outlet as a source (a dateline "MOGADISHU,
    KOMPAS.com –" kept on a blog's copy, "as reported by X"): a copy carries its source's
    signature, a source rarely names the site that will copy it. Not a wire both carry."""
    names = tuple(o for o in other.outlets if o not in shared)
    return bool(m.text) and credits_other(m.text, m.outlets, names)


def cited_language(conn: sqlite3.Connection, credit: str) -> str | None:
    """The language of the outlet a credit line names: from the data list, else the store."""
    c = fold(credit).strip(" ()[]/-:")
    for name, lang in outlet_languages().items():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", c):
            return lang
    # An outlet writes in one language: a few of its articles tell which, however many the
    # store holds. Only articles indexed for linking count (their language as indexed), so
    # that the answer does not depend on what a run has saved but not yet linked.
    langs: Counter[str] = Counter()
    for column in ("outlet", "text_outlet"):
        langs.update(
            str(lang)
            for (lang,) in conn.execute(
                f"SELECT i.language FROM articles a JOIN link_index i USING (article_id)"
                f" WHERE lower(a.{column}) = ? AND i.language IS NOT NULL LIMIT ?",
                (c, OUTLET_SAMPLE),
            )
        )
    return max(langs, key=lambda lang: (langs[lang], lang)) if langs else None


def orient(conn: sqlite3.Connection, a: Meta, b: Meta, relation: str) -> tuple[Meta, Meta]:
    """(source, derived). Evidence in order: a credit naming the other's outlet, publication
    dates, a text naming the other's outlet (not a wire both carry), a credit whose outlet
    writes in the other's language, a credit at all, for a
    translation the usual source language (data/source_languages.yaml), signs of an outlet's
    own page (a date, its own name in the text), then length."""
    # A credit naming a wire both texts carry (both signed "Xinhua") tells that both were
    # made from that wire's report, not which of the two from the other.
    shared = set(a.outlets) & set(b.outlets)
    a_credit, b_credit = _telling(a.credit, shared), _telling(b.credit, shared)
    a_cites, b_cites = _cites(a_credit, b), _cites(b_credit, a)
    if a_cites != b_cites:
        return (b, a) if a_cites else (a, b)
    if a.day is not None and b.day is not None and a.day != b.day:
        return (a, b) if a.day < b.day else (b, a)
    a_names, b_names = _names_other(a, b, shared), _names_other(b, a, shared)
    if a_names != b_names:
        return (b, a) if a_names else (a, b)
    if relation == "translation":
        a_lang = cited_language(conn, a_credit) if a_credit else None
        b_lang = cited_language(conn, b_credit) if b_credit else None
        if a_lang and a_lang == b.language and a_lang != a.language:
            return b, a
        if b_lang and b_lang == a.language and b_lang != b.language:
            return a, b
    if bool(a_credit) != bool(b_credit):
        return (b, a) if a_credit else (a, b)
    if relation == "translation":
        ra, rb = source_language_rank(a.language), source_language_rank(b.language)
        if ra != rb:
            return (a, b) if ra < rb else (b, a)
    pa, pb = provenance_marks(a), provenance_marks(b)
    if pa != pb:
        return (a, b) if pa > pb else (b, a)
    # A rewrite usually trims its source; a translation of a wire story too.
    if a.length != b.length:
        return (a, b) if a.length > b.length else (b, a)
    return (a, b) if a.article_id < b.article_id else (b, a)
