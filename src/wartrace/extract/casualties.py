"""Casualty figures: numbers, their qualifier, kind, victims and who gave them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ovos_number_parser import extract_number

from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token
from wartrace.models import Claim

KIND_WINDOW_AFTER = 8  # tokens from a figure to a following kind word ("33 soldiers ... killed")
KIND_WINDOW_BEFORE = 9  # tokens from a preceding kind word to a figure ("killing at least 33")
CLAUSE_PENALTY = 3  # crossing "and"/"," to reach a kind word makes it a weaker link
MAX_VICTIM_WORDS = 5
MAX_CLAIMANT_WORDS = 9
_DIGITS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$|^\d+$")
_CLAUSE_WORDS = frozenset({"and", "dan", "serta", "while", "but", "sementara"})
_NO_VICTIM = frozenset({"of", "dari", "para", "the", "orang", "people", "persons", "lebih"})


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # token index of the first token
    end: int  # token index after the last token
    value: int
    vague: bool


@lru_cache(maxsize=65536)  # ovos compiles regexes per call; words repeat a lot
def _ovos(text: str, lang: str) -> int | None:
    try:
        value = extract_number(text, lang=lang)
    except Exception:  # ovos raises on languages it lacks; then there is no cardinal
        return None
    if value is False or value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if value >= 1 else None


def _digit_value(tok: Token, sentence: Sentence) -> int | None:
    if not _DIGITS.match(tok.text):
        return None
    # Parts of dates and times ("3/2/2017", "17:30") are not counts.
    before = sentence.text[tok.start - sentence.start - 1 : tok.start - sentence.start]
    after = sentence.text[tok.end - sentence.start : tok.end - sentence.start + 1]
    if (before in "/:" and before) or (after in "/:" and after):
        return None
    return int(re.sub(r"[.,]", "", tok.text))


def _token_index(tokens: list[Token], pos: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > pos:
            return i
    return len(tokens)


def find_figures(sentence: Sentence, tokens: list[Token], data: LangData) -> list[Figure]:
    """Every figure in a sentence: digits, cardinals (ovos), exact and vague words."""
    figures: list[Figure] = []
    taken: set[int] = set()
    for hits, vague in (
        (data.exact.find(sentence.text, sentence.low), False),
        (data.vague.find(sentence.text, sentence.low), True),
    ):
        for h in hits:
            i = _token_index(tokens, sentence.start + h.start)
            j = _token_index(tokens, sentence.start + h.end - 1) + 1
            if i >= len(tokens) or taken & set(range(i, j)):
                continue
            if i and tokens[i].low in data.multipliers and _numeric(tokens[i - 1], sentence, data):
                continue  # "two dozen": read with the number before it
            if vague and j < len(tokens) and _numeric(tokens[j], sentence, data):
                continue  # "some 30": a qualifier, not a vague figure
            figures.append(Figure(i, j, h.value, vague))
            taken.update(range(i, j))
    i = 0
    while i < len(tokens):
        if i in taken:
            i += 1
            continue
        tok = tokens[i]
        value = _digit_value(tok, sentence)
        j = i + 1
        if (value is None and tok.low.isalpha()) or ("-" in tok.low and value is None):
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


def _numeric(tok: Token, sentence: Sentence, data: LangData) -> bool:
    return _digit_value(tok, sentence) is not None or (
        tok.low.isalpha() and _ovos(tok.low, data.lang) is not None
    )


def _not_a_count(fig: Figure, tokens: list[Token], data: LangData) -> bool:
    nxt = tokens[fig.end].low if fig.end < len(tokens) else ""
    if nxt in data.units:
        return True
    return not fig.vague and 1900 <= fig.value <= 2100  # a year


def _kind_for(
    fig: Figure, tokens: list[Token], kinds: list[tuple[int, int, str]], sentence: Sentence
) -> tuple[str, int, int, bool] | None:
    """(kind, first token, last token, forward) of the kind word linked to a figure."""
    best: tuple[int, tuple[str, int, int, bool]] | None = None
    for ks, ke, kind in kinds:
        if ks >= fig.end and ks - fig.end < KIND_WINDOW_AFTER:
            span = tokens[fig.end : ks]
            cost = ks - fig.end + CLAUSE_PENALTY * sum(t.low in _CLAUSE_WORDS for t in span)
            cand = (kind, ks, ke, True)
        elif ke <= fig.start and fig.start - ke < KIND_WINDOW_BEFORE:
            gap = sentence.text[
                tokens[ke - 1].end - sentence.start : tokens[fig.start].start - sentence.start
            ]
            if any(c in gap for c in ",;:()"):
                continue  # "... were killed, said one witness": another clause
            span = tokens[ke : fig.start]
            cost = fig.start - ke + CLAUSE_PENALTY * sum(t.low in _CLAUSE_WORDS for t in span)
            cand = (kind, ks, ke, False)
        else:
            continue
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def _victims(
    fig: Figure, tokens: list[Token], sentence: Sentence, vic_tokens: set[int]
) -> str | None:
    """The words naming who was counted, right after the figure ("33 regime soldiers")."""
    k = fig.end
    if k < len(tokens) and tokens[k].low in _NO_VICTIM:
        k += 1
    idx: list[int] = []
    while k < len(tokens) and len(idx) < MAX_VICTIM_WORDS:
        tok = tokens[k]
        if k in vic_tokens or tok.text[:1].isupper() or "-" in tok.low:
            idx.append(k)
            k += 1
        else:
            break
    while idx and idx[-1] not in vic_tokens:
        idx.pop()
    if not idx:
        return None
    a, b = tokens[idx[0]].start, tokens[idx[-1]].end
    return sentence.text[a - sentence.start : b - sentence.start]


def _ends_near(hits: list[Hit[str]], pos: int, tokens: list[Token], limit: int) -> Hit[str] | None:
    """The hit ending at most `limit` tokens before the token that starts at `pos`."""
    for h in reversed(hits):
        if h.end <= pos:
            between = [t for t in tokens if h.end <= t.start < pos]
            if len(between) <= limit:
                return h
            return None
    return None


def sentence_claims(sentence: Sentence, data: LangData, claimant: str | None) -> list[Claim]:
    """The casualty claims of one sentence."""
    kind_hits = data.kinds.find(sentence.text, sentence.low)
    if not kind_hits:
        return []
    tokens = sentence.tokens()
    if not tokens:
        return []
    base = sentence.start
    kinds = [
        (_token_index(tokens, base + h.start), _token_index(tokens, base + h.end - 1) + 1, h.value)
        for h in kind_hits
    ]
    vic_tokens: set[int] = set()
    for h in data.victims.find(sentence.text, sentence.low):
        vic_tokens.update(
            range(_token_index(tokens, base + h.start), _token_index(tokens, base + h.end - 1) + 1)
        )
    abs_hits = lambda hits: [Hit(base + h.start, base + h.end, h.value) for h in hits]  # noqa: E731
    qualifiers = abs_hits(data.qualifiers.find(sentence.text, sentence.low))
    updates = abs_hits(data.updates.find(sentence.text, sentence.low))
    subsets = abs_hits(data.subsets.find(sentence.text, sentence.low))
    claims: list[Claim] = []
    for fig in find_figures(sentence, tokens, data):
        if _not_a_count(fig, tokens, data):
            continue
        link = _kind_for(fig, tokens, kinds, sentence)
        if link is None:
            continue
        start, end = tokens[fig.start].start, tokens[fig.end - 1].end
        if _ends_near(subsets, start, tokens, 2):
            continue  # "including 3 children": part of a figure given elsewhere
        qual_hit = _ends_near(qualifiers, start, tokens, 1)
        qualifier = "vague" if fig.vague else (qual_hit.value if qual_hit else "exact")
        if qual_hit:
            start = qual_hit.start
        update = _ends_near(updates, start, tokens, 3)
        claims.append(
            Claim(
                value=fig.value,
                qualifier=qualifier,
                kind=link[0],
                start=start,
                end=end,
                victims=_victims(fig, tokens, sentence, vic_tokens),
                claimant=claimant,
                supersedes_earlier=update is not None,
            )
        )
    return claims


_STOP_PUNCT = frozenset(',;:"“”«»()[]')


def find_claimant(sentence: Sentence, data: LangData) -> str | None:
    """Who the sentence says gave its information ("according to X", "X said")."""
    text = sentence.text
    for h in data.attr_before.find(text, sentence.low):
        name = _words_from(text, h.end, forward=True, data=data)
        if name:
            return name
    for h in data.attr_after.find(text, sentence.low):
        name = _words_from(text, h.start, forward=False, data=data)
        if not name:
            name = _words_from(text, h.end, forward=True, data=data)
        if name:
            return name
    return None


def _ends_at(seg: str, i: int) -> bool:
    return i + 1 >= len(seg) or seg[i + 1] in ' \n"”'


_CLAIM_WORD = re.compile(r"[\w'’.-]+")


def _words_from(text: str, pos: int, *, forward: bool, data: LangData) -> str | None:
    """Up to MAX_CLAIMANT_WORDS words next to pos, up to punctuation, a quote or a cut word."""
    stop = data.attr_stop | {"the", "a", "an"}
    if forward:
        seg = text[pos:]
        cut = next(
            (
                i
                for i, c in enumerate(seg)
                if c in _STOP_PUNCT or (c in ".!?\n" and _ends_at(seg, i))
            ),
            len(seg),
        )
        words = _CLAIM_WORD.findall(seg[:cut])[:MAX_CLAIMANT_WORDS]
        for k, w in enumerate(words):
            if k and w.lower() in data.claimant_cut:
                words = words[:k]
                break
    else:
        seg = text[:pos]
        cut = max((i for i, c in enumerate(seg) if c in _STOP_PUNCT), default=-1)
        words = _CLAIM_WORD.findall(seg[cut + 1 :])[-MAX_CLAIMANT_WORDS:]
    words = [w.strip(".") for w in words if w.strip(".")]
    while words and words[0].lower() in stop:
        words = words[1:]
    if not words or all(w.lower() in stop for w in words):
        return None
    if data.weekdays.find(" ".join(words)):
        return None
    if not words[0][:1].isupper() and not any(w.lower() in data.claimant_nouns for w in words):
        return None
    return " ".join(words)
