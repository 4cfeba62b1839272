"""What a casualty figure counts beyond its kind word: the two ends of a range, the killers
counted before an active verb, a count the report names as an early one after it (read by
``casualties.sentence_claims``)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import pairwise

from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token
from wartrace.extract.victim_sides import UNSPECIFIED, side_word_of
from wartrace.models import Claim

IMPLICIT_MODIFIERS = 4  # words between "a" and a person ("a suspected ISGS commander")
THING_WORDS = 3  # words after a figure searched for its noun ("2 Afghan military vehicles")
MAX_BETWEEN = 3  # victims words between two figures given as alternatives ("six police or seven")
EARLIER_AFTER_WORDS = 5  # "43 killed according to an initial toll": figure to the cue
RANK_WORDS = 4  # "the deadliest single attack on civilians since": superlative to the cue
UPDATE_WORDS = 3  # "rose to at least 250": the update cue to the figure
TOLL_WINDOW = 16  # "the death toll in the attacks on the city's markets rose to 250"


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # token index of the first token
    end: int  # token index after the last token
    value: int
    vague: bool
    qualifier: str | None = None  # told by the figure itself ("20-an", "30-odd")
    collective: bool = False  # "kedua", "ketiga": a count only before a victims word


def token_index(tokens: list[Token], pos: int) -> int:
    for i, t in enumerate(tokens):
        if t.end > pos:
            return i
    return len(tokens)


def agents(
    fig: Figure,
    link: tuple[str, int, int, bool],
    figures: list[Figure],
    tokens: list[Token],
    vic_tokens: set[int],
    sentence: Sentence,
    data: LangData,
) -> bool:
    """ "two militants shot and killed a civilian", "100 residents lynched two men", "tiga
    anggota militer membunuh seorang petani": a figure before an active killing verb that has
    an object of its own counts the killers, not the dead. (Not "5 were killed a day later":
    an auxiliary makes the verb passive; not "5 killed the day after": no person follows.)"""
    kind, ks, ke, forward = link
    if not forward or kind != "killed" or ke >= len(tokens):
        return False
    aux = data.implicit.auxiliaries | data.implicit.plural_auxiliaries
    if any(t.low in aux for t in tokens[fig.end : ks]):
        return False
    if " ".join(t.low for t in tokens[ks:ke]) in data.implicit.passive_verbs:
        return False  # "Dua terduga teroris ditembak mati polisi": shot dead by the police
    gap = sentence.text[tokens[ke - 1].end - sentence.start : tokens[ke].start - sentence.start]
    if gap.strip():
        return False  # "left 14 soldiers dead, a medic said": the verb's clause has ended
    head = tokens[ke].low
    if head in data.implicit.determiners:
        nxt = range(ke + 1, min(ke + 2 + IMPLICIT_MODIFIERS, len(tokens)))
        return any(k in vic_tokens or tokens[k].low in data.implicit.persons for k in nxt)
    counted = next((f for f in figures if f.start == ke), None)
    if counted is not None:
        after = range(counted.end, min(counted.end + THING_WORDS, len(tokens)))
        return any(k in vic_tokens for k in after)
    return ke in vic_tokens


def ranges(
    claims: list[Claim],
    told: dict[int, int],
    figures: list[Figure],
    tokens: list[Token],
    data: LangData,
    vic_tokens: AbstractSet[int] = frozenset(),
) -> list[Claim]:
    """ "between 11 and 20 people", "5 to 7 soldiers", "antara 11 hingga 20 orang": one count
    given as a range, not two counts. ACLED codes the lower end: it is an "at least" figure and
    the upper end an "up to" one, both of the victims named after the range. (Not "rose from 5
    to 7": an update's figures stay a revision.)"""
    out = list(claims)
    for n in range(len(figures) - 1):
        low, high = figures[n], figures[n + 1]
        if n not in told or n + 1 not in told:
            continue
        alternative = _alternative(low, high, tokens, vic_tokens, data)
        if high.start != low.end + 1 and not alternative:
            continue
        joiner = tokens[low.end].low
        opened = low.start > 0 and tokens[low.start - 1].low in data.range_openers
        if any(t.low in data.range_changes for t in tokens[max(low.start - 3, 0) : low.start]):
            continue
        if not (
            alternative or joiner in data.range_marks or (opened and joiner in data.range_joiners)
        ):
            continue
        a, b = out[told[n]], out[told[n + 1]]
        if a.supersedes_earlier or b.supersedes_earlier or a.kind != b.kind or a.value >= b.value:
            continue
        victims = (a.victims or b.victims) if alternative else (b.victims or a.victims)
        scope = b.scope
        if alternative and victims and scope == "total":
            scope = "side"  # the first figure's victims count both
        out[told[n]] = replace(a, qualifier="at_least", victims=victims, scope=scope)
        out[told[n + 1]] = replace(b, qualifier="up_to", victims=victims, scope=scope)
    return out


def _alternative(
    low: Figure, high: Figure, tokens: list[Token], vic_tokens: AbstractSet[int], data: LangData
) -> bool:
    """ "six or seven people", "six police (or seven) were killed": a second figure right
    after "or", with at most the first one's victims words between, gives the same count
    another way (a range, not a second group)."""
    if high.start == 0 or tokens[high.start - 1].low not in data.range_alternatives:
        return False
    between = range(low.end, high.start - 1)
    return len(between) <= MAX_BETWEEN and all(k in vic_tokens for k in between)


def named_earlier_after(
    fig: Figure, figures: list[Figure], hits: list[Hit[str]], tokens: list[Token]
) -> bool:
    """ "with 43 killed according to an initial toll": a cue naming an early count a few words
    after the figure, with no other figure between them and none of its own ("rose to 70 from
    an initial toll of 43": the 43 is the early count, not the 70)."""
    for h in hits:
        first, after = token_index(tokens, h.start), token_index(tokens, h.end - 1) + 1
        if not fig.end <= first <= fig.end + EARLIER_AFTER_WORDS:
            continue
        between = any(fig.end <= f.start < first for f in figures)
        own = any(after <= f.start <= after + 2 for f in figures)
        if not between and not own:
            return True
    return False


def coordinated_names(
    claims: list[Claim],
    told: dict[int, int],
    figures: list[Figure],
    tokens: list[Token],
    sentence: Sentence,
    data: LangData,
) -> list[Claim]:
    """ "the death of one Dozo and three Koglweogo", "5 Afghans and 3 Pakistanis were killed":
    figures joined by "and", each before a name of its own that no victims word lists, count
    two named groups (so one statement adds them), not one group twice."""
    out = list(claims)
    for n in range(len(figures) - 1):
        if n not in told or n + 1 not in told:
            continue
        a, b = out[told[n]], out[told[n + 1]]
        if a.victims is not None or b.victims is not None or a.kind != b.kind:
            continue
        first, second = _name_after(figures[n], tokens), _name_after(figures[n + 1], tokens)
        if first is None or second is None or first[1] + 1 != figures[n + 1].start:
            continue
        if tokens[first[1]].low not in data.coordinators:
            continue
        names = [
            sentence.text[tokens[i].start - sentence.start : tokens[j - 1].end - sentence.start]
            for i, j in (first, second)
        ]
        if names[0] == names[1]:
            continue
        sided = {"total": "side"}
        out[told[n]] = replace(a, victims=names[0], scope=sided.get(a.scope, a.scope))
        out[told[n + 1]] = replace(b, victims=names[1], scope=sided.get(b.scope, b.scope))
    return out


def _name_after(fig: Figure, tokens: list[Token]) -> tuple[int, int] | None:
    """The capitalised words right after a figure (a group's name), as token indices."""
    end = fig.end
    while end < len(tokens) and end - fig.end < 3 and tokens[end].text[:1].isupper():
        end += 1
    return (fig.end, end) if end > fig.end else None


def adds_to_earlier(
    fig: Figure,
    link: tuple[str, int, int, bool],
    tokens: list[Token],
    also: AbstractSet[int],
    others: AbstractSet[int],
    data: LangData,
) -> bool:
    """ "2 other policemen were killed", "his two guards were also killed", "dua polisi
    lainnya juga tewas", "the blast also killed three children": dead told beyond the ones a
    figure before counted (scope ``more``: ``tally`` adds them to that figure). ``also`` and
    ``others``: token indices of "also" words and of "other"/"more" words. A relative clause
    between the figure and its verb tells a breakdown of the dead already counted ("the four
    others who died were fighters", "empat orang lainnya yang tewas ... merupakan pejuang"),
    not more dead: only the verb of a main clause adds."""
    kind, ks, _, forward = link
    if kind != "killed":
        return False
    if forward and any(tokens[k].low in data.additive_relatives for k in range(fig.end, ks)):
        return False
    # "other" in the figure's own phrase ("2 other policemen", "killing two others"; not "one
    # was burnt and the other was stoned"), "also" right before its verb ("also killed three")
    phrase = range(fig.end, min(fig.end + THING_WORDS, ks if forward else len(tokens)))
    verb = range(max(ks - 2, fig.end if forward else 0), ks)
    return any(k in others for k in phrase) or any(k in also for k in verb)


def implicit_adds(
    claim: Claim,
    tokens: list[Token],
    kind_starts: AbstractSet[int],
    also: AbstractSet[int],
    sentence: Sentence,
    data: LangData,
) -> bool:
    """ "Another man died in hospital", "A third member of the family was found dead", "a
    policeman was also killed": one person told beyond the dead counted before."""
    told = sentence.low[claim.start - sentence.start : claim.end - sentence.start]
    if any(h.start == 0 for h in data.additive_openers.find(told, told)):
        return True
    first = token_index(tokens, claim.end)
    for k in range(first, min(first + THING_WORDS + 1, len(tokens))):
        if k in kind_starts:
            return any(j in also for j in range(first, k))
    return False


QUALIFIED = frozenset({"at_least", "more_than", "about", "nearly"})  # shared by a joined figure
JOINED_GAP = 4  # words between two figures joined by "and" ("20 government troops and six")


def coordinated_counts(
    claims: list[Claim],
    told: dict[int, int],
    figures: list[Figure],
    tokens: list[Token],
    kind_tokens: AbstractSet[int],
    sentence: Sentence,
    data: LangData,
) -> list[Claim]:
    """Two figures joined by "and" before one death word are one statement: "at least 20
    troops and six fighters were killed" says at least of both (the qualifier opens the list);
    "at least one policeman and two soldiers were killed" counts three of one side, one figure
    (the sides told apart stay two figures, which the sides' sum adds anyway)."""
    out: list[Claim | None] = list(claims)
    for n in range(len(figures) - 1):
        if n not in told or n + 1 not in told:
            continue
        a, b = out[told[n]], out[told[n + 1]]
        if a is None or b is None or a.kind != b.kind or a.claimant != b.claimant:
            continue
        if a.scope not in ("total", "side") or b.scope not in ("total", "side"):
            continue
        gap = range(figures[n].end, figures[n + 1].start)
        text = sentence.text[a.end - sentence.start : b.start - sentence.start]
        if (
            len(gap) > JOINED_GAP
            or not any(tokens[k].low in data.coordinators for k in gap)
            or any(k in kind_tokens for k in gap)
            or any(c in text for c in ",;:()")
        ):
            continue
        if b.qualifier == "exact" and a.qualifier in QUALIFIED:
            b = replace(b, qualifier=a.qualifier)
        out[told[n + 1]] = b
        named = side_word_of(a.victims)  # two named groups are two sides ("Dozo and Koglweogo")
        if (
            a.kind == "killed"
            and named != UNSPECIFIED
            and named == side_word_of(b.victims)
            and a.victims != b.victims
        ):
            out[told[n]] = replace(
                a,
                value=a.value + b.value,
                qualifier=a.qualifier if a.qualifier != "exact" else b.qualifier,
                end=b.end,
                victims=f"{text.strip()} {b.victims}",  # "policeman and soldiers"
            )
            out[told[n + 1]] = None
    return [c for c in out if c is not None]


def ranking(fig: Figure, tokens: list[Token], ranks: list[Hit[str]]) -> bool:
    """ "in one of the deadliest attacks this year": a number before "of" and a superlative
    ranks the incident, it counts no one."""
    if fig.end + 1 >= len(tokens) or tokens[fig.end].low != "of":
        return False
    after = tokens[fig.end + 1 : fig.end + 3]
    return any(r.start == t.start for r in ranks for t in after)


def unranked(
    cues: list[Hit[str]], ranks: list[Hit[str]], end: int, tokens: list[Token]
) -> list[Hit[str]]:
    """Cumulative cues not ranking the incident: a superlative between the figure and the cue
    ("killed 40, the deadliest attack since 2015", "the bloodiest day of the war")
    compares the incident with the others; its figure is still the incident's. (A cue before
    the figure, "the insurgency has killed 30,000", still counts many.)"""
    return [
        h
        for h in cues
        if not any(
            end <= r.start
            and r.end <= h.start
            and len([t for t in tokens if r.end <= t.start < h.start]) <= RANK_WORDS
            for r in ranks
        )
    ]


def updated_toll(
    fig: Figure,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    updates: list[Hit[str]],
    sentence: Sentence,
) -> tuple[str, int, int, bool] | None:
    """ "The death toll in the coordinated attacks on the province's towns rose to 250": a
    figure an update verb gives belongs to the toll that is its subject, however long the
    phrase qualifying the toll (no comma between: another clause)."""
    start = tokens[fig.start].start
    cue = next(
        (
            h
            for h in updates
            if h.end <= start
            and len([t for t in tokens if h.end <= t.start < start]) <= UPDATE_WORDS
        ),
        None,
    )
    if cue is None:
        return None
    between = sentence.text[cue.end - sentence.start : start - sentence.start]
    if any(c in between for c in ",;:()") or any(c.isdigit() for c in between):
        return None  # "coded as 1 (X reported 2)": the cue gives the first figure only
    first = next(i for i, t in enumerate(tokens) if t.end > cue.start)
    for ks, ke, kind in reversed(kinds):
        if kind != "killed" or ke > first or first - ke > TOLL_WINDOW:
            continue
        gap = sentence.text[tokens[ke - 1].end - sentence.start : cue.start - sentence.start]
        gap = _DAY_IN_PARENS.sub(" ", gap)  # "pada Minggu (3/5) mencapai 14": a day, no clause
        return None if any(c in gap for c in ",;:()") else (kind, ks, ke, False)
    return None


# A day written in parentheses after its weekday, as Indonesian news dates ("Senin (4/5)").
_DAY_IN_PARENS = re.compile(r"\(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\)")


CHANGE_WORDS = 4  # "was revised up from 12": the change word to "from"
CHANGE_GAP = 3  # "from 20 to at least 35": words joining the old count to the new one


def changed_from(
    claims: list[Claim],
    told: dict[int, int],
    figures: list[Figure],
    tokens: list[Token],
    updates: list[Hit[str]],
    data: LangData,
) -> list[Claim]:
    """ "The toll rose from 20 to 35", "direvisi dari 12 menjadi 19", "revised the toll down to
    12 from 17": a change of the toll names its old count after "from" and its new one after
    "to": the old one is an earlier count the report revises, the new one the updated toll
    (never a range, nor two updates)."""
    out = list(claims)
    for n in range(len(figures) - 1):
        if n not in told or n + 1 not in told:
            continue
        first, second = figures[n], figures[n + 1]
        between = tokens[first.end : second.start]
        if first.start == 0 or not between or len(between) > CHANGE_GAP:
            continue
        opener = tokens[first.start - 1]
        before = tokens[max(first.start - 1 - CHANGE_WORDS, 0) : first.start - 1]
        if not any(t.low in data.range_changes for t in before):
            continue
        if opener.low in data.range_openers and _to(between[0], updates, data):
            old, new = n, n + 1  # "rose from 20 to 35"
        elif _to(opener, updates, data) and between[-1].low in data.range_openers:
            old, new = n + 1, n  # "revised down to 12 from 17"
        else:
            continue
        a, b = out[told[old]], out[told[new]]
        if a.kind != b.kind:
            continue
        out[told[old]] = replace(a, earlier=True, supersedes_earlier=False)
        out[told[new]] = replace(b, supersedes_earlier=True, earlier=False)
    return out


def _to(tok: Token, updates: list[Hit[str]], data: LangData) -> bool:
    """The word giving a change's new count: "to", "hingga", or an update cue ("menjadi")."""
    return tok.low in data.range_joiners | data.range_marks or any(
        u.start == tok.start for u in updates
    )


COUNTED_AT_WORDS = 3  # "two at the central hospital": the place word to the facility


def elided_counts(
    claims: list[Claim],
    told: dict[int, int],
    figures: list[Figure],
    tokens: list[Token],
    sentence: Sentence,
    place_opens: AbstractSet[int],
    data: LangData,
) -> list[Claim]:
    """ "Three died at the city hospital, two at the military hospital and one at the scene",
    "satu korban meninggal di RS A, dua di RS B dan satu di RS C": figures after a death figure,
    each after a comma or "and" with no verb of its own and followed by a place, share its
    verb; when the places are where the dead were counted (one of them at least: numbers.yaml
    ``counted_at``), the sentence's toll is their sum. (Towns are not summed: ACLED codes each
    place an event of its own.)"""
    out = list(claims)
    for n in range(len(figures) - 1):
        if n not in told:
            continue
        run: list[Figure] = []
        for m, f in enumerate(figures[n + 1 :], start=n + 1):
            gap = sentence.text[
                tokens[f.start - 1].end - sentence.start : tokens[f.start].start - sentence.start
            ]
            joined = gap.strip() == "," or tokens[f.start - 1].low in data.coordinators
            if m in told or not joined or f.end not in place_opens:
                break
            run.append(f)
        if any(_counted_at(f.end, tokens, data) for f in run):
            total = out[told[n]].value + sum(f.value for f in run)
            out[told[n]] = replace(out[told[n]], value=total, end=tokens[run[-1].end - 1].end)
    return out


def _counted_at(k: int, tokens: list[Token], data: LangData) -> bool:
    """A place for counting the dead (a hospital, the scene) a few words after ``k``."""
    words = [t.low for t in tokens[k + 1 : k + 1 + COUNTED_AT_WORDS]]
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    return any(w in data.counted_at for w in words + pairs)
