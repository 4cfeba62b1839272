"""The figures of a sentence: digits, cardinals in words (ovos), and the exact and vague
words of a language's lexicon ("a dozen", "dozens"). What each figure counts is read by
``casualties.sentence_claims``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from ovos_number_parser import extract_number

from wartrace.extract.figure_cues import Figure, token_index
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token

DIGITS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$|^\d+$")


def _ovos(text: str, lang: str) -> int | None:
    """The cardinal ovos reads in ``text`` (a word or a few), if any."""
    if lang == "en" and text.isalpha() and not _en_may_read(text):
        return None  # ~100 us saved per new word; most words of a text are no number
    return _ovos_read(text, lang)


@lru_cache(maxsize=65536)  # ovos compiles regexes per call; words repeat a lot
def _ovos_read(text: str, lang: str) -> int | None:
    try:
        value = extract_number(text, lang=lang)
    except Exception:  # ovos raises on languages it lacks; then there is no cardinal
        return None
    if value is False or value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if value >= 1 else None


def _en_may_read(word: str) -> bool:
    """False when English ovos (pinned 0.19.13) reads no number in this one word.

    ovos lower-cases a lone word and finds a value only when the word is in one of its
    tables (number words, scales, sums, fractions, and articles and negatives that stay
    False alone) or is numeric (never a word of letters); its fraction test first drops a
    plural "s" ("fifths"). ``_en_vocabulary`` is a superset of those tables, so a word
    outside it, with or without its last letter, is a word ovos reads as no number
    (checked against ovos on every word of its tables and on invented words in tests).
    """
    low = word.lower()
    vocabulary = _en_vocabulary()
    return low in vocabulary or low[:-1] in vocabulary


@cache
def _en_vocabulary() -> frozenset[str]:
    """Every string in English ovos's tables (module-level, and the ones it builds)."""
    from ovos_number_parser import numbers_en

    words: set[str] = {"whole", "half", "halve", "quarter"}  # is_fractional_en's own table
    tables: list[object] = list(vars(numbers_en).values())
    for short_scale in (True, False):
        tables.extend(numbers_en._initialize_number_data_en(short_scale, speech=True))
    for table in tables:
        if isinstance(table, Mapping):
            items: Iterable[object] = [*table.keys(), *table.values()]
        elif isinstance(table, set | frozenset | list | tuple):
            items = table
        else:
            continue
        words.update(item.lower() for item in items if isinstance(item, str))
    return frozenset(words)


def _digit_value(tok: Token, sentence: Sentence) -> int | None:
    if not DIGITS.match(tok.text):
        return None
    # Parts of dates and times ("3/2/2017", "17:30") are not counts.
    before = sentence.text[tok.start - sentence.start - 1 : tok.start - sentence.start]
    after = sentence.text[tok.end - sentence.start : tok.end - sentence.start + 1]
    if (before in "/:" and before) or (after in "/:" and after):
        return None
    return int(re.sub(r"[.,]", "", tok.text))


def find_figures(sentence: Sentence, tokens: list[Token], data: LangData) -> list[Figure]:
    """Every figure in a sentence: digits, cardinals (ovos), exact and vague words."""
    figures: list[Figure] = []
    taken: set[int] = set()
    for hits, vague, collective in (
        (data.exact.find(sentence.text, sentence.low), False, False),
        (data.vague.find(sentence.text, sentence.low), True, False),
        (data.collectives.find(sentence.text, sentence.low), False, True),
    ):
        for h in hits:
            i = token_index(tokens, sentence.start + h.start)
            j = token_index(tokens, sentence.start + h.end - 1) + 1
            if i >= len(tokens) or taken & set(range(i, j)):
                continue
            if i and tokens[i].low in data.multipliers and _numeric(tokens[i - 1], sentence, data):
                continue  # "two dozen": read with the number before it
            if vague and j < len(tokens) and _numeric(tokens[j], sentence, data):
                continue  # "some 30": a qualifier, not a vague figure
            figures.append(Figure(i, j, h.value, vague, collective=collective))
            taken.update(range(i, j))
    i = 0
    while i < len(tokens):
        if i in taken:
            i += 1
            continue
        tok = tokens[i]
        approx = _suffixed(tok, data)
        if approx is not None:
            figures.append(Figure(i, i + 1, approx[0], False, approx[1]))
            taken.add(i)
            i += 1
            continue
        value = _digit_value(tok, sentence)
        j = i + 1
        if "-" in tok.low and any(part in data.units for part in tok.low.split("-")[1:]):
            value = None  # "a nine-minute firefight", "a 14-year-old girl": not a count
        elif (
            "-" in tok.low
            and value is None
            and not all(
                part.isdigit() or _ovos(part, data.lang) is not None
                for part in tok.low.split("-")
                if part
            )
        ):
            value = None  # "the two-star flag", "a three-way race": a modifier, not a count
        elif (value is None and tok.low.isalpha()) or ("-" in tok.low and value is None):
            value = _ovos(tok.low, data.lang)
            if value is not None:
                # Extend while the value grows: "tiga puluh tiga", "one hundred and twelve".
                k = i + 1
                while k < len(tokens) and k - i < 6 and k not in taken:
                    longer = _ovos(" ".join(t.low for t in tokens[i : k + 1]), data.lang)
                    if longer is not None and longer != value:
                        value, j = longer, k + 1
                    elif longer is None:
                        break
                    k += 1
        if value is not None:
            if j < len(tokens) and tokens[j].low in data.multipliers:
                value, j = value * data.multipliers[tokens[j].low], j + 1  # "two dozen"
            figures.append(Figure(i, j, value, False))
            taken.update(range(i, j))
            i = j
        else:
            i += 1
    return sorted(figures, key=lambda f: f.start)


def _suffixed(tok: Token, data: LangData) -> tuple[int, str] | None:
    """ "20-an" (Indonesian: twenty-some), "30-odd", "40-plus": digits with a suffix that
    qualifies them, as (value, qualifier)."""
    head, dash, tail = tok.low.rpartition("-")
    if not dash or tail not in data.suffix_qualifiers or not DIGITS.match(head):
        return None
    return int(re.sub(r"[.,]", "", head)), data.suffix_qualifiers[tail]


def _numeric(tok: Token, sentence: Sentence, data: LangData) -> bool:
    return _digit_value(tok, sentence) is not None or (
        tok.low.isalpha() and _ovos(tok.low, data.lang) is not None
    )
