"""Where a casualty figure stands among the cues of its sentence: the words before or after
it ("including 3 children", "since 2009", "in a separate attack", "after police killed a
driver") that make it a part, a background toll or another incident's (read by
``casualties.sentence_claims``)."""

from __future__ import annotations

from wartrace.extract.lexicon import Hit
from wartrace.extract.sentences import Sentence, Token
from wartrace.extract.tally import MORE

CUE_BEFORE, CUE_AFTER = 8, 10  # words between a scope cue ("since 2009") and its figure
ANTECEDENT_WORDS = 5  # "after a gendarme shot and killed a driver": cue to the victim


def ends_near(hits: list[Hit[str]], pos: int, tokens: list[Token], limit: int) -> Hit[str] | None:
    """The hit ending at most `limit` tokens before the token that starts at `pos`."""
    for h in reversed(hits):
        if h.end <= pos:
            between = [t for t in tokens if h.end <= t.start < pos]
            if len(between) <= limit:
                return h
            return None
    return None


def starts_near(hits: list[Hit[str]], pos: int, tokens: list[Token], limit: int) -> bool:
    """A hit starting at most `limit` tokens after `pos` ("a woman was among the dead")."""
    for h in hits:
        if h.start >= pos:
            return len([t for t in tokens if pos <= t.start < h.start]) <= limit
    return False


def in_clause(
    hits: list[Hit[str]],
    start: int,
    end: int,
    tokens: list[Token],
    sentence: Sentence | None = None,
) -> bool:
    """A cue in the figure's clause: up to CUE_BEFORE words before it or CUE_AFTER after it
    (with ``sentence``, after it only up to a comma: "killed 13 on Sunday, a day after a
    similar attack killed 9" tells the other attack in a clause of its own)."""
    for h in hits:
        if h.end <= start:
            between = len([t for t in tokens if h.end <= t.start < start])
            if between <= CUE_BEFORE:
                return True
        elif h.start >= end and len([t for t in tokens if end <= t.start < h.start]) <= CUE_AFTER:
            gap = sentence.text[end - sentence.start : h.start - sentence.start] if sentence else ""
            if not any(c in gap for c in ",;:"):
                return True
    return False


def scope_of(
    start: int,
    end: int,
    tokens: list[Token],
    subsets: list[Hit[str]],
    parts: list[Hit[str]],
    cumulative: list[Hit[str]],
    other_incident: list[Hit[str]],
    antecedent: list[Hit[str]],
    sentence: Sentence,
) -> str:
    """What a figure counts: part of another figure, a cumulative toll, another incident, or
    (by default) the incident's own toll."""
    if ends_near(subsets, start, tokens, 2) or starts_near(parts, end, tokens, 2):
        return "part"  # "including 3 children", "a woman was among them"
    if in_clause(other_incident, start, end, tokens, sentence):
        return "other"  # "in a separate attack, 3 were killed"
    cause = ends_near(antecedent, start, tokens, ANTECEDENT_WORDS)
    if cause and not any(
        c in sentence.text[cause.end - sentence.start : start - sentence.start] for c in ",;:"
    ):
        # "protested after a gendarme shot and killed a driver" (not "Following clashes
        # with police, 3 died", "after he opened fire, killing three": the figure's own clause)
        return "other"
    if in_clause(cumulative, start, end, tokens):
        return "background"  # "has killed 30,000 people since 2009"
    return "total"


def beyond_scope(
    start: int, end: int, tokens: list[Token], updates: list[Hit[str]], new_act: list[Hit[str]]
) -> str:
    """The scope of dead told beyond a figure before: more of its dead; a part of the toll the
    sentence updates ("another soldier died, pushing the toll to 13": in the 13); another
    incident's when the clause names its act anew ("were also killed in an attack on X": the
    indefinite article opens another act; "in the attack" refers back)."""
    if updates:
        return "part"
    return "other" if in_clause(new_act, start, end, tokens) else MORE


def whole(hits: list[Hit[str]], sentence: Sentence) -> list[Hit[str]]:
    """Cues not cut from a compound ("in the war" is no cue in "in the war-torn east")."""
    return [h for h in hits if sentence.text[h.end : h.end + 1] != "-"]


def outside(hits: list[Hit[str]], within: list[Hit[str]]) -> list[Hit[str]]:
    """Cumulative cues that are not the start of a time within the incident's day: "reports
    reaching us since this morning say 30 were killed" counts the incident's dead so far, as
    "so far" does; "since 2009" counts a campaign's."""
    return [h for h in hits if not any(w.start <= h.start < w.end for w in within)]


def token_set(hits: list[Hit[str]], tokens: list[Token], base: int) -> frozenset[int]:
    """The tokens a sentence's cue hits cover (hits relative to the sentence)."""
    return frozenset(
        k for h in hits for k, t in enumerate(tokens) if base + h.start <= t.start < base + h.end
    )


def side_or_total(scope: str, victims: str | None) -> str:
    return ("side" if victims else "total") if scope == "total" else scope
