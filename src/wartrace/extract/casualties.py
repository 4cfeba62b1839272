"""Casualty figures: numbers, their qualifier, kind, victims and scope (who gave them is
read by ``claimants``). The figures themselves are found by ``figures``; deaths told without a
number ("a woman was killed") by ``implicit_deaths``."""

from __future__ import annotations

from dataclasses import replace

from wartrace.extract.claimants import told_by_clause
from wartrace.extract.figure_cues import (
    THING_WORDS,
    Figure,
    adds_to_earlier,
    agents,
    changed_from,
    coordinated_counts,
    coordinated_names,
    elided_counts,
    implicit_adds,
    named_earlier_after,
    ranges,
    ranking,
    token_index,
    unranked,
    updated_toll,
)
from wartrace.extract.figure_phrases import (
    CLAUSE_WORDS,
    NO_VICTIM,
    OF_WORDS,
    PRONOUNS,
    SUBJECT_WINDOW,
    hedged,
    lost_people,
    named_and,
    of_someone,
    passive_after_aside,
    victims_of,
)
from wartrace.extract.figure_scope import (
    CUE_BEFORE,
    beyond_scope,
    ends_near,
    outside,
    scope_of,
    side_or_total,
    starts_near,
    token_set,
    whole,
)
from wartrace.extract.figures import find_figures
from wartrace.extract.implicit_deaths import implicit_claims
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token
from wartrace.extract.tally import MEMBER
from wartrace.extract.toll_clauses import (
    attackers_in_toll,
    continued_toll,
    continued_victims,
    killed_them,
    listed_parts,
    part_of_clause,
)
from wartrace.models import Claim

KIND_WINDOW_AFTER = 9  # tokens from a figure to a following kind word ("33 soldiers ... killed")
KIND_WINDOW_BEFORE = 9  # tokens from a preceding kind word to a figure ("killing at least 33")
CLAUSE_PENALTY = 3  # crossing "and"/"," to reach a kind word makes it a weaker link
SPEAKER_WORDS = 6  # tokens from "a reporter" to its speech verb
PROJECTION_WORDS = 2  # "could exceed 500", "could rise to about 50": cue to the figure


def _counts_things(
    fig: Figure,
    tokens: list[Token],
    people: set[int],
    data: LangData,
    sentence: Sentence,
    place_opens: frozenset[int],
) -> bool:
    """ "burned 20 huts", "2 military vehicles", "in two suicide bombings", "di dua kota": the
    figure's noun (the first of the next few words naming things, animals or places, before
    any word for people or casualties) counts no people. A clause word or mark ("and", "dan",
    a comma) or a word opening a place ("in", "di") ends the figure's phrase: "killing three
    and stealing weapons", "injuring 6, in X district", "killing 3 in X district" count people."""
    for k in range(fig.end, min(fig.end + THING_WORDS, len(tokens))):
        gap = sentence.text[tokens[k - 1].end - sentence.start : tokens[k].start - sentence.start]
        if k in people or tokens[k].low in CLAUSE_WORDS or any(c in gap for c in ",;:()"):
            return False
        if tokens[k].low in data.things:
            return True
        if k in place_opens:
            return False
    return False


def _spaced(a: Token, b: Token, sentence: Sentence) -> bool:
    """One space between two tokens ("Sept 17"; not "21 May:Seven civilians")."""
    return sentence.text[a.end - sentence.start : b.start - sentence.start] == " "


def _not_a_count(fig: Figure, tokens: list[Token], data: LangData, sentence: Sentence) -> bool:
    nxt = tokens[fig.end].low if fig.end < len(tokens) else ""
    if nxt in data.units:
        return True
    if fig.start and tokens[fig.start - 1].low in data.units_before:
        return True  # "Brigade 137", "الفرقة 17": a unit's number
    first, last = tokens[fig.start], tokens[fig.end - 1]
    prev = tokens[fig.start - 1] if fig.start else None
    after = tokens[fig.end] if fig.end < len(tokens) else None
    months = data.month_words
    if not fig.vague and (
        (prev is not None and _spaced(prev, first, sentence) and prev.low.rstrip(".") in months)
        or (after is not None and _spaced(last, after, sentence) and nxt.rstrip(".") in months)
    ):
        return True  # "Sept 17", "17 Agustus": a day of the month
    if first.low in data.not_figures and fig.end - fig.start == 1:
        return True  # "une attaque": an article, not "one"
    if prev is not None and prev.low in data.agents_before:
        return True  # "attacked by two gunmen": the agents of the act, not its dead
    if prev is not None and prev.low in data.claimant_negations:
        return True  # "no one was killed", "tak seorang pun tewas": a figure denied
    return not fig.vague and 1900 <= fig.value <= 2100  # a year


def _speaker(
    fig: Figure, tokens: list[Token], sentence: Sentence, data: LangData, kind_starts: set[int]
) -> bool:
    """ "One reporter said the toll ...": the figure counts who spoke, not the dead (not "two
    witnesses were reported killed": a statement verb right before a death word tells a fate)."""
    if fig.end >= len(tokens) or tokens[fig.end].low not in data.claimant_nouns | data.told_by:
        return False
    if tokens[fig.end].start != tokens[fig.end - 1].end + 1:
        return False  # "rose to 35, officials said": the figure ends before the speaker
    stop = tokens[min(fig.end + SPEAKER_WORDS, len(tokens) - 1)].end
    tail = sentence.low[tokens[fig.end].end - sentence.start : stop - sentence.start]
    for h in data.attr_after.find(tail):
        if any(c in tail[: h.start] for c in ",;:()"):
            return False  # "Nine police were killed, the ministry said": another clause
        if h.start == 0 or tail[h.start - 1] == " ":
            if tail[h.start : h.end] not in data.implicit.adverbs:
                return True
            verb_end = tokens[fig.end].end + h.end
            after = next((k for k, t in enumerate(tokens) if t.start > verb_end), None)
            return after not in kind_starts
    return False


def fig_words(fig: Figure, tokens: list[Token]) -> str:
    return " ".join(t.low for t in tokens[fig.start : fig.end])


PEOPLE_WORDS = frozenset({"orang", "people", "persons"})  # a count of people, not of things


def _qualified_after(
    fig: Figure, tokens: list[Token], qual_tokens: set[int], sentence: Sentence, data: LangData
) -> str | None:
    """ "Sekitar 230 orang lebih dilaporkan tewas" (230-plus people): a qualifier word right
    after the figure or its word for people (not one opening the next figure: "lebih dari")."""
    k = fig.end + (fig.end < len(tokens) and tokens[fig.end].low in PEOPLE_WORDS)
    if k >= len(tokens) or k in qual_tokens or tokens[k].low not in data.qualifiers_after:
        return None
    gap = sentence.text[tokens[k - 1].end - sentence.start : tokens[k].start - sentence.start]
    return None if gap.strip() else data.qualifiers_after[tokens[k].low]


def _unattached_vague(
    fig: Figure, tokens: list[Token], vic: set[int], kind_starts: set[int]
) -> bool:
    """ "several villages": a vague word counts people only next to a person or casualty word
    ("dozens of people" and "puluhan orang" count people whatever follows them: "Puluhan
    orang, menurut polisi, tewas")."""
    k = fig.end
    while k < len(tokens) and k < fig.end + 2 and tokens[k].low in NO_VICTIM:
        if tokens[k].low in PEOPLE_WORDS:
            return False
        k += 1
    if k >= len(tokens):
        return False  # "... and killed several."
    tok = tokens[k]
    return not (k in vic or k in kind_starts or tok.text[:1].isupper() or tok.low in PRONOUNS)


def _kind_for(
    fig: Figure,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    sentence: Sentence,
    breaks: frozenset[int] = frozenset(),
    counted: frozenset[int] = frozenset(),
    passives: frozenset[int] = frozenset(),
    subject: bool = False,
    owned: frozenset[int] = frozenset(),
    objects: frozenset[int] = frozenset(),
) -> tuple[str, int, int, bool] | None:
    """(kind, first token, last token, forward) of the kind word linked to a figure; a clause
    word between them ("killed when 2 bombs exploded") cuts the link. A kind word that has a
    figure of its own right after it (``counted``: "..., killing six") takes no figure from
    before a comma ("shot 32 people in the town, killing six": 6 dead, not 32), and one
    whose object it is (``objects``: "the death of two students", "killing at least six")
    none from before it at all ("hundreds protested the death of two students"). A figure that
    heads a subject ("Twelve members of the border unit were killed": ``subject``, a person
    word right after it) reaches its passive verb (``passives``) further away."""
    best: tuple[int, tuple[str, int, int, bool]] | None = None
    for ks, ke, kind in kinds:
        if any(fig.end <= b < ks or ke <= b < fig.start for b in breaks):
            continue
        reach = SUBJECT_WINDOW if subject and ks in passives else KIND_WINDOW_AFTER
        if ks >= fig.end and ks - fig.end < reach:
            if ks in owned and ks != fig.end:
                continue  # "attacked a couple, resulting in 1 death": the 1 is its figure
            if ks in objects:
                continue  # "hundreds protested the death of two students"
            if ks in counted and any(
                c
                in sentence.text[
                    tokens[fig.end - 1].end - sentence.start : tokens[ks].start - sentence.start
                ]
                for c in ",;:"
            ):
                continue
            span = tokens[fig.end : ks]
            cost = ks - fig.end + CLAUSE_PENALTY * sum(t.low in CLAUSE_WORDS for t in span)
            cand = (kind, ks, ke, True)
        elif ke <= fig.start and fig.start - ke < KIND_WINDOW_BEFORE:
            gap = sentence.text[
                tokens[ke - 1].end - sentence.start : tokens[fig.start].start - sentence.start
            ]
            if any(c in gap for c in ",;:()"):
                continue  # "... were killed, said one witness": another clause
            span = tokens[ke : fig.start]
            cost = fig.start - ke + CLAUSE_PENALTY * sum(t.low in CLAUSE_WORDS for t in span)
            cand = (kind, ks, ke, False)
        else:
            continue
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def _then_killed(
    link: tuple[str, int, int, bool],
    kinds: list[tuple[int, int, str]],
    tokens: list[Token],
    data: LangData,
) -> tuple[str, int, int, bool]:
    """ "3 civilians were kidnapped and killed": what happened last is what they count."""
    kind, _, ke, forward = link
    if kind == "killed" or ke >= len(tokens) or tokens[ke].low not in data.coordinators:
        return link
    after = next(((ks, e, k) for ks, e, k in kinds if ks == ke + 1 and k == "killed"), None)
    return (after[2], after[0], after[1], forward) if after else link


def _shared_kind(
    fig: Figure,
    nxt: Figure,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    sentence: Sentence,
    data: LangData,
    aside: tuple[str, int, int, bool] | None = None,
) -> tuple[str, int, int, bool] | None:
    """ "left 20 soldiers and six fighters dead": a figure coordinated with the next one shares
    the kind word that follows the pair (``aside``: the next one's verb after an aside,
    "two militants and five personnel including one policeman were killed")."""
    between = tokens[fig.end : nxt.start]
    if len(between) > KIND_WINDOW_AFTER or not any(t.low in data.coordinators for t in between):
        return None
    gap = sentence.text[
        tokens[fig.end - 1].end - sentence.start : tokens[nxt.start].start - sentence.start
    ]
    if any(c in gap for c in ",;:()"):
        return None
    link = aside or _kind_for(nxt, tokens, kinds, sentence)
    return link if link is not None and link[3] else None


def sentence_claims(sentence: Sentence, data: LangData, claimant: str | None) -> list[Claim]:
    """The casualty claims of one sentence."""
    kind_hits = data.kinds.find(sentence.text, sentence.low)
    loss_hits = data.losses.find(sentence.text, sentence.low)
    if not kind_hits and not loss_hits:
        return []
    tokens = sentence.tokens()
    if not tokens:
        return []
    base = sentence.start
    span = lambda h: (  # noqa: E731
        token_index(tokens, base + h.start),
        token_index(tokens, base + h.end - 1) + 1,
    )
    kinds = [(*span(h), h.value) for h in kind_hits]
    vic_tokens: set[int] = set()
    for h in data.victims.find(sentence.text, sentence.low):
        vic_tokens.update(range(*span(h)))
    figures = find_figures(sentence, tokens, data)
    if loss_hits:  # "the army lost 12 men": a loss verb is a death word before people only
        kinds += lost_people([span(h) for h in loss_hits], figures, tokens, vic_tokens, sentence)
        kinds.sort()
    if not kinds:
        return []
    abs_hits = lambda hits: [Hit(base + h.start, base + h.end, h.value) for h in hits]  # noqa: E731
    qualifiers = abs_hits(data.qualifiers.find(sentence.text, sentence.low))
    updates = abs_hits(data.updates.find(sentence.text, sentence.low))
    subsets = abs_hits(data.subsets.find(sentence.text, sentence.low))
    parts = abs_hits(data.parts_after.find(sentence.text, sentence.low))
    companions = abs_hits(data.companions.find(sentence.text, sentence.low))
    others = abs_hits(data.others.find(sentence.text, sentence.low))
    cumulative = abs_hits(
        outside(
            whole(data.cumulative.find(sentence.text, sentence.low), sentence),
            data.within_day.find(sentence.text, sentence.low),
        )
    )
    ranks = abs_hits(data.superlatives.find(sentence.text, sentence.low))
    other_incident = abs_hits(
        whole(data.other_incident.find(sentence.text, sentence.low), sentence)
    )
    new_act = abs_hits(whole(data.new_act.find(sentence.text, sentence.low), sentence))
    earlier = abs_hits(data.earlier.find(sentence.text, sentence.low))
    earlier_after = abs_hits(data.earlier_after.find(sentence.text, sentence.low))
    antecedent = abs_hits(data.antecedent.find(sentence.text, sentence.low))
    projected = abs_hits(data.projected.find(sentence.text, sentence.low))
    also = token_set(data.additive.find(sentence.text, sentence.low), tokens, base)
    beyond = token_set(data.additive_after.find(sentence.text, sentence.low), tokens, base)
    kind_starts = {k for k, _, _ in kinds}
    kind_tokens = frozenset(k for ks, ke, _ in kinds for k in range(ks, ke))
    people = vic_tokens | {k for ks, ke, _ in kinds for k in range(ks, ke)}
    breaks = frozenset(
        token_index(tokens, base + h.start) for h in data.breaks.find(sentence.text, sentence.low)
    )
    place_opens = frozenset(
        token_index(tokens, base + h.start)
        for h in data.place_before.find(sentence.text, sentence.low)
    )
    claims: list[Claim] = []
    told: dict[int, int] = {}  # figure index -> its claim's index
    continuing: set[int] = set()  # starts of tolls continuing a clause (continued_toll)
    named_before = -1  # a figure's start that counts someone named before it too
    # Kind words with a figure of their own right after them ("killing at least six").
    starts = {
        f.start
        for f in figures
        if not _not_a_count(f, tokens, data, sentence)
        and not _counts_things(f, tokens, people, data, sentence, place_opens)
    }
    counted = frozenset(ks for ks, ke, _ in kinds if any(ke + d in starts for d in range(3)))
    # Kind words whose object is a figure or person right after them ("the death of two
    # students", "killing at least six", "the killing of a student").
    qual_tokens = {
        k for h in qualifiers for k, t in enumerate(tokens) if h.start <= t.start < h.end
    }
    objects = frozenset(
        ks
        for ks, ke, _ in kinds
        if of_someone(ke, tokens, data)
        or any(
            ke + d in starts
            and all(k in qual_tokens or tokens[k].low in OF_WORDS for k in range(ke, ke + d))
            and not any(
                c in ",;:()"
                for c in sentence.text[
                    tokens[ke - 1].end - sentence.start : tokens[ke + d].start - sentence.start
                ]
            )
            for d in range(3)
        )
    )
    # Kind words right after a figure of their own ("1 death", "tiga tewas").
    owned = frozenset(ks for ks, _, _ in kinds if any(f.end == ks for f in figures))
    # Passive death words ("were killed", "were reported killed"): a subject's verb.
    plural = data.implicit.plural_auxiliaries
    passive_kinds = frozenset(
        ks for ks, _, _ in kinds if any(tokens[k].low in plural for k in range(max(ks - 2, 0), ks))
    )
    for n, fig in enumerate(figures):
        if _not_a_count(fig, tokens, data, sentence) or _speaker(
            fig, tokens, sentence, data, kind_starts
        ):
            continue
        if _counts_things(fig, tokens, people, data, sentence, place_opens) or ranking(
            fig, tokens, ranks
        ):
            continue
        if fig.vague and _unattached_vague(fig, tokens, vic_tokens, kind_starts):
            continue
        if fig.collective and fig.end not in vic_tokens:
            continue  # "pada hari kedua": an ordinal, not "kedua pelaku" (both attackers)
        later = figures[n + 1].start if n + 1 < len(figures) else len(tokens)
        passives = frozenset(ks for ks in passive_kinds if ks <= later)
        subject = any(k in vic_tokens for k in range(fig.end, fig.end + THING_WORDS + 1))
        link = passive_after_aside(fig, tokens, kinds, passive_kinds, vic_tokens, sentence, data)
        if link is None:
            link = _kind_for(
                fig, tokens, kinds, sentence, breaks, counted, passives, subject, owned, objects
            )
        if link is None and n + 1 < len(figures):
            nxt = figures[n + 1]
            aside = passive_after_aside(
                nxt, tokens, kinds, passive_kinds, vic_tokens, sentence, data
            )
            link = _shared_kind(fig, nxt, tokens, kinds, sentence, data, aside)
        continued = None
        if link is None:
            link = continued = continued_toll(fig, tokens, kinds, updates, sentence)
        partial = False
        if link is None:
            link = part_of_clause(fig, tokens, kinds, subsets)
            partial = link is not None
        if link is None:
            link = updated_toll(fig, tokens, kinds, updates, sentence)
        if link is None:
            continue
        link = _then_killed(link, kinds, tokens, data)
        if agents(fig, link, figures, tokens, vic_tokens, sentence, data):
            continue
        start, end = tokens[fig.start].start, tokens[fig.end - 1].end
        ranked = unranked(cumulative, ranks, end, tokens)
        scope = scope_of(
            start, end, tokens, subsets, parts, ranked, other_incident, antecedent, sentence
        )
        if partial:
            scope = "part"  # "246 dead, 135 of them civilians"
        if scope == "part" and fig_words(fig, tokens) in data.article_ones:
            scope = MEMBER  # "seorang wanita termasuk di antara mereka": "a woman", no figure
        value = fig.value
        if starts_near(others, end, tokens, 1) and (
            ends_near(companions, start, tokens, 0)
            or (n == 0 and link[3] and named_and(fig, tokens, sentence, data))
        ):
            value += 1  # "X was killed along with 13 other soldiers": 14 dead
            named_before = max(named_before, start)  # X is counted: no claim of its own
        elif scope == "total" and adds_to_earlier(
            fig, link, tokens, also, beyond - qual_tokens, data
        ):
            # "2 other policemen were killed": beyond a figure told before
            scope = beyond_scope(start, end, tokens, updates, new_act)
        if ends_near(projected, start, tokens, PROJECTION_WORDS):
            scope = "projected"  # "the toll could exceed 500": feared, not reported
        qual_hit = ends_near(qualifiers, start, tokens, 1)
        if qual_hit and ends_near(ranks, qual_hit.start, tokens, 1):
            qual_hit = None  # "the deadliest so far, killed 40": the words rank the incident
        worded = qual_hit.value if qual_hit else "exact"
        if fig.qualifier and worded == "exact":
            worded = fig.qualifier  # "sebanyak 20-an": the figure's own suffix says "about"
        worded = _qualified_after(fig, tokens, qual_tokens, sentence, data) or worded
        if worded == "exact" and link[3]:
            worded = hedged(link[1], tokens, data) or worded  # "20 may have died": up to 20
        qualifier = "vague" if fig.vague else worded
        if qual_hit:
            start = qual_hit.start
        update = ends_near(updates, start, tokens, 3)
        if update and any(update.end <= tokens[f.start].start < start for f in figures):
            update = None  # "coded as 0 (X reported 5)": the cue updates the first figure only
        victims = victims_of(fig, tokens, sentence, vic_tokens, data, kind_tokens)
        if continued is not None:
            continuing.add(start)
        told[n] = len(claims)
        claims.append(
            Claim(
                value=value,
                qualifier=qualifier,
                kind=link[0],
                start=start,
                end=end,
                victims=victims,
                claimant=claimant,
                supersedes_earlier=update is not None,
                scope=side_or_total(scope, victims),
                earlier=update is None
                and (
                    ends_near(earlier, start, tokens, CUE_BEFORE) is not None
                    or named_earlier_after(fig, figures, earlier_after, tokens)
                ),
            )
        )
    claims = ranges(claims, told, figures, tokens, data, vic_tokens)
    claims = changed_from(claims, told, figures, tokens, updates, data)
    claims = elided_counts(claims, told, figures, tokens, sentence, place_opens, data)
    claims = listed_parts(claims, tokens, vic_tokens, data)
    claims = coordinated_names(claims, told, figures, tokens, sentence, data)
    claims = coordinated_counts(claims, told, figures, tokens, kind_tokens, sentence, data)
    claims += killed_them(claims, tokens, kinds, data)
    taken = [(c.start, c.end) for c in claims]
    for claim in implicit_claims(sentence, tokens, kinds, data, claimant):
        if any(a <= claim.end and claim.start <= b for a, b in taken):
            continue
        if claim.end <= named_before:
            continue  # "the colonel, X, was killed along with 13 others": in the 14
        ranked = unranked(cumulative, ranks, claim.end, tokens)
        scope = scope_of(
            claim.start,
            claim.end,
            tokens,
            subsets,
            parts,
            ranked,
            other_incident,
            antecedent,
            sentence,
        )
        if scope == "total" and implicit_adds(claim, tokens, kind_starts, also, sentence, data):
            scope = beyond_scope(claim.start, claim.end, tokens, updates, new_act)
        if scope == "part":
            # "a woman was among them", "another soldier died, pushing the toll to 9": a person
            # named among dead a figure counts, with no figure of their own (FORMAT.md lists
            # reported death figures: "including 3 children" is one, a woman among them not).
            scope = MEMBER
        claims.append(replace(claim, scope=side_or_total(scope, claim.victims)))
    claims = continued_victims(claims, continuing) if continuing else claims
    claims = attackers_in_toll(claims, tokens, subsets) if subsets else claims
    return told_by_clause(claims, sentence, data, claimant)
