"""Sitting leaders named in an article, as bounds on the year of an article that prints none
("President Duterte" was in office from 2016-06-30 to 2022-06-30). The leaders and their terms
are the `leader` column of data/governments.tsv (read by extract/periods.py); the title words
that name one are data/leaders.yaml."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from wartrace.extract.datafile import read_yaml, string_list
from wartrace.extract.lexicon import fold
from wartrace.extract.periods import government_rows
from wartrace.extract.resources import DATA_DIR

TITLE_WORDS = 4  # "Presiden Filipina Rodrigo Duterte": a title this many words before the name


@dataclass(frozen=True, slots=True)
class Term:
    surnames: frozenset[str]  # folded, as matched in text ("al-assad", "assad")
    given: str | None  # folded given name, required when another leader shares the surname
    since: date
    until: date | None  # None: still in office


@lru_cache(maxsize=4)
def _load(data_dir: str) -> tuple[tuple[Term, ...], frozenset[str], frozenset[str]]:
    path = Path(data_dir) / "leaders.yaml"
    raw = read_yaml(path)
    terms = []
    for rows in government_rows(data_dir).values():
        # A leader's term runs from the row's start to the country's next row.
        for row, following in zip(rows, [*rows[1:], None], strict=True):
            if not row.leader:
                continue
            since = date.fromisoformat(row.since)
            until = date.fromisoformat(following.since) if following is not None else None
            names = fold(row.leader).split()
            last = names[-1]
            bare = last.split("-", 1)[1] if last.startswith(("al-", "el-")) else last
            terms.append(Term(frozenset({last, bare}), names[0], since, until))
    # "Prime Minister Sharif" names neither Nawaz nor Shehbaz: a shared surname needs its
    # given name; the others need none.
    shared = {s for t in terms for s in t.surnames if sum(s in u.surnames for u in terms) > 1}
    terms = [t if t.surnames & shared else replace(t, given=None) for t in terms]
    titles = frozenset(fold(t) for t in string_list(raw, "titles", path))
    former = frozenset(fold(t) for t in string_list(raw, "former", path))
    return tuple(terms), titles, former


def sitting_terms(text: str, data_dir: str = str(DATA_DIR)) -> list[Term]:
    """The terms of leaders the text names by title, as in office: a title word at most
    TITLE_WORDS words before the surname, no "former" word before the title, and the name not
    part of a longer one ("Hamid Karzai International Airport")."""
    terms, titles, former = _load(data_dir)
    raw = text.split()
    words = [w.strip(".,;:()\"'“”") for w in raw]
    low = [fold(w) for w in words]
    found: list[Term] = []
    for term in terms:
        for k, w in enumerate(low):
            if w not in term.surnames or (term.given and (k == 0 or low[k - 1] != term.given)):
                continue
            ends = raw[k][-1:] in ".,;:)\"'”"
            if not ends and k + 1 < len(words) and words[k + 1][:1].isupper():
                continue  # a longer name: a place, a building
            before = low[max(k - TITLE_WORDS - 1, 0) : k]
            spoken = [
                j
                for j, b in enumerate(before)
                if b in titles or " ".join(before[j : j + 2]) in titles
            ]
            if spoken and not any(b in former for b in before[: spoken[0] + 1]):
                found.append(term)
                break
    return found
