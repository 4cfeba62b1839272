"""One sentence, several places, a toll for each ("25 were killed in A, while 10 died in B"):
ACLED codes one event per location and day, so each such clause is read as a sentence of its
own that opens a new incident."""

from __future__ import annotations

import re
from itertools import pairwise

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.drafts import AGENT, SentenceInfo
from wartrace.extract.incidents import same_place
from wartrace.extract.lexicon import fold
from wartrace.extract.places import find_places
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence
from wartrace.models import PlaceMention

_SEMICOLONS = re.compile(r"[;؛]")
_CLAUSE_PUNCT = (",", ";", "؛", "،")


def split_clauses(sents: list[Sentence], data: LangData) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in sents:
        out.extend(_clauses(sent, data))
    return out


def _cuts(sent: Sentence, data: LangData) -> list[int]:
    """Offsets where a clause may begin: after a semicolon, or at a joining word
    (clause_breaks: "while", "and", "sementara") right after a comma."""
    cuts = {m.end() for m in _SEMICOLONS.finditer(sent.text)}
    for hit in data.clause_breaks.find(sent.text, sent.low):
        if sent.text[: hit.start].rstrip().endswith(_CLAUSE_PUNCT):
            cuts.add(hit.start)
    return sorted(c for c in cuts if 0 < c < len(sent.text))


def _part(sent: Sentence, a: int, b: int) -> Sentence | None:
    piece = sent.text[a:b]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not piece:
        return None
    start = sent.start + a + lead
    return Sentence(start, start + len(piece), piece, fold(piece), sent.paragraph)


def _toll_place(part: Sentence, data: LangData) -> list[PlaceMention]:
    """The places of a clause that reports an act with a casualty figure, else nothing."""
    if not data.triggers.find(part.text, part.low) or not sentence_claims(part, data, None):
        return []
    return find_places(part, data, [])


def _clauses(sent: Sentence, data: LangData) -> list[Sentence]:
    cuts = _cuts(sent, data)
    if not cuts:
        return [sent]
    bounds = [0, *cuts, len(sent.text)]
    parts = [p for a, b in pairwise(bounds) if (p := _part(sent, a, b))]
    places = [_toll_place(p, data) for p in parts]
    # A clause with no toll or no place of its own stays with the one before it
    # ("killed 5 in A, and wounded 3"), as does one at the same place.
    groups: list[tuple[int, int, list[PlaceMention]]] = []  # first part, last part, places
    for k, found in enumerate(places):
        if groups and (
            not found or not groups[-1][2] or same_place(found, groups[-1][2], data.particles)
        ):
            first, _, kept = groups[-1]
            groups[-1] = (first, k, kept or found)
        else:
            groups.append((k, k, found))
    if len(groups) < 2 or not all(found for _, _, found in groups):
        return [sent]
    out = []
    for first, last, _ in groups:
        part = _part(sent, parts[first].start - sent.start, parts[last].end - sent.start)
        assert part is not None
        part.clause_of = sent.start
        out.append(part)
    return out


def share_frame(infos: list[SentenceInfo]) -> None:
    """A clause cut from a sentence leaves out what the clause before it said
    ("security forces opened fire, killing 25 in A, while 10 died in B"): the act, the agent
    and the day, when it names none of its own, are the previous clause's."""
    for prev, info in pairwise(infos):
        if not info.sent.opens_clause or prev.sent.clause_of != info.sent.clause_of:
            continue
        if prev.top is not None and (info.top is None or info.top.priority < prev.top.priority):
            info.top = prev.top
        if not any(role == AGENT for _, role in info.roles):
            info.roles = [*info.roles, *((e, r) for e, r in prev.roles if r == AGENT)]
        if not info.dates:
            info.dates = prev.dates
