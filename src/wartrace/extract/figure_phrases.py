"""The phrase around a casualty figure: the words naming its victims, and the asides that
stand between a figure (or the person it names) and its verb ("Seventeen soldiers, among them
officers, were killed"; "1 civilian, working as a cook at the base, was kidnapped and
killed"; "X, a reporter, and three other people were killed"). Read by
``casualties.sentence_claims``."""

from __future__ import annotations

from wartrace.extract.figure_cues import Figure
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token

SUBJECT_WINDOW = 16  # "Twelve members of the ... unit were killed": a subject to its passive
MAX_VICTIM_WORDS = 5
CLAUSE_MARKS = frozenset(",;:")  # a victims phrase stops at these, not at "BH/IS" or "(FPS)"
CLAUSE_WORDS = frozenset({"and", "dan", "serta", "while", "but", "sementara"})
NO_VICTIM = frozenset({"of", "dari", "para", "the", "orang", "people", "persons", "lebih"})
PRONOUNS = frozenset({"them", "those", "whom", "mereka", "others", "lainnya", "were", "was", "are"})


_ASIDE_WORDS = frozenset({"including", "termasuk"})
OF_WORDS = frozenset({"of", "de", "du", "des", "da", "do"})
_ASIDE_PAIRS = frozenset({"among them", "of whom", "among whom", "di antaranya"})


def named_and(fig: Figure, tokens: list[Token], sentence: Sentence, data: LangData) -> bool:
    """ "John Doe, a journalist, and three other people were killed": a figure of others
    joined to someone named before it, with no figure of their own, counts them too."""
    if fig.start < 2 or tokens[fig.start - 1].low not in data.coordinators:
        return False
    before = tokens[fig.start - 2]
    gap = sentence.text[before.end - sentence.start : tokens[fig.start - 1].start - sentence.start]
    return gap.strip() == "," or before.text[:1].isupper() or before.low in data.implicit.persons


def of_someone(ke: int, tokens: list[Token], data: LangData) -> bool:
    """ "the killing of a student": a death noun whose victim follows it."""
    return (
        ke + 1 < len(tokens)
        and tokens[ke].low in OF_WORDS
        and tokens[ke + 1].low in data.implicit.determiners
    )


def passive_after_aside(
    fig: Figure,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    passive_kinds: frozenset[int],
    vic_tokens: set[int],
    sentence: Sentence,
    data: LangData,
) -> tuple[str, int, int, bool] | None:
    """ "... killed and 19 (10 policemen and 9 civilians) were wounded", "4 including the
    prison head were wounded", "Seventeen soldiers, among them officers, were killed": a
    figure (and its victims noun) followed by an aside in brackets, an "including" phrase or a
    ", among them ...," is the subject of the first passive verb after it, not the object of
    the verb before it."""
    k = fig.end
    # past the figure's noun phrase ("Seventeen Ethiopian colonial soldiers"), spaces only
    while k < len(tokens) and k < fig.end + MAX_VICTIM_WORDS:
        if sentence.text[
            tokens[k - 1].end - sentence.start : tokens[k].start - sentence.start
        ].strip():
            break
        tok = tokens[k]
        if k in vic_tokens or tok.text[:1].isupper() or tok.low in data.victim_modifiers:
            k += 1
            continue
        bridge = noun_modifiers(k, tokens, sentence, vic_tokens, frozenset(), data)
        if bridge is None:
            break
        k = bridge
    if k >= len(tokens):
        return None
    gap = sentence.text[tokens[k - 1].end - sentence.start : tokens[k].start - sentence.start]
    pair = " ".join(t.low for t in tokens[k : k + 2])
    opens = gap.strip().startswith("(") or tokens[k].low in _ASIDE_WORDS
    if (
        gap.strip() == ","
        and tokens[k].low in data.implicit.post_modifiers | data.implicit.relatives
    ):
        return _after_comma_aside(k, fig, tokens, kinds, sentence, data)
    if not (opens or (gap.strip() == "," and pair in _ASIDE_PAIRS)):
        return None
    for ks, ke, kind in kinds:
        if ks in passive_kinds and k <= ks < fig.end + SUBJECT_WINDOW:
            return kind, ks, ke, True
    return None


def _after_comma_aside(
    k: int,
    fig: Figure,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    sentence: Sentence,
    data: LangData,
) -> tuple[str, int, int, bool] | None:
    """ "1 civilian, working as a cook at the base, was kidnapped and killed": a participle
    or relative phrase set off by commas after the figure's noun; the verb right after the
    closing comma (an auxiliary, then the kind word) is the figure's."""
    aux = data.implicit.auxiliaries | data.implicit.plural_auxiliaries
    for j in range(k + 1, min(fig.end + SUBJECT_WINDOW, len(tokens))):
        gap = sentence.text[tokens[j - 1].end - sentence.start : tokens[j].start - sentence.start]
        if not gap.strip():
            continue
        if gap.strip() != "," or tokens[j].low not in aux:
            return None
        for ks, ke, kind in kinds:
            if j < ks <= j + 2 and all(t.low in aux for t in tokens[j:ks]):
                return kind, ks, ke, True
        return None
    return None


def victims_of(
    fig: Figure,
    tokens: list[Token],
    sentence: Sentence,
    vic_tokens: set[int],
    data: LangData,
    kind_tokens: frozenset[int] = frozenset(),
) -> str | None:
    """The words naming who was counted, right after the figure ("33 regime soldiers")."""
    k = fig.end
    while k < len(tokens) and k < fig.end + 2 and tokens[k].low in NO_VICTIM:
        k += 1  # "three of the assailants", "tiga dari para penyerang"
    idx: list[int] = []
    while k < len(tokens) and len(idx) < MAX_VICTIM_WORDS:
        tok = tokens[k]
        if k > 0 and CLAUSE_MARKS.intersection(
            sentence.text[tokens[k - 1].end - sentence.start : tok.start - sentence.start]
        ):
            break  # "Seven people, police said, died": a clause mark ends the victims' words
        if k in kind_tokens:
            break  # "20-an Tentara Terbunuh": a headline's capitalised death word
        if (
            k in vic_tokens
            or tok.text[:1].isupper()
            or "-" in tok.low
            or tok.low in data.victim_modifiers
        ):
            idx.append(k)
            k += 1
        elif (
            bridge := noun_modifiers(k, tokens, sentence, vic_tokens, kind_tokens, data)
        ) is not None:
            idx.extend(range(k, bridge))  # "two government soldiers", "44 rice farmers"
            k = bridge
        else:
            break
    # Trailing lower-case words that name nobody go; capitalised ones may end a name
    # ("anggota Pasukan Demokratik Suriah").
    while idx and idx[-1] not in vic_tokens and not tokens[idx[-1]].text[:1].isupper():
        idx.pop()
    if idx and not any(k in vic_tokens for k in idx):
        return None
    if not idx:
        return None
    a, b = tokens[idx[0]].start, tokens[idx[-1]].end
    return sentence.text[a - sentence.start : b - sentence.start]


_NOT_MODIFIERS = frozenset(
    {"who", "which", "that", "from", "with", "for", "into", "near", "after", "before", "when"}
    | {"including", "among", "besides", "excluding", "plus"}
    | {"yang", "dari", "dalam", "pada", "dengan", "untuk", "oleh", "saat", "ketika"}
    | {"termasuk", "di", "antaranya", "selain", "serta"}
)


def noun_modifiers(
    k: int,
    tokens: list[Token],
    sentence: Sentence,
    vic_tokens: set[int],
    kind_tokens: frozenset[int],
    data: LangData,
) -> int | None:
    """Up to two plain words that modify the victims noun after them ("government soldiers",
    "rice farmers", "petani padi" reads the other way and needs none): the index after them,
    when a victims word follows."""
    stop = (
        CLAUSE_WORDS
        | PRONOUNS
        | NO_VICTIM
        | _NOT_MODIFIERS
        | data.implicit.auxiliaries
        | data.implicit.plural_auxiliaries
        | data.coordinators
    )
    for j in range(k, min(k + 2, len(tokens))):
        word = tokens[j].low
        gap = sentence.text[tokens[j - 1].end - sentence.start : tokens[j].start - sentence.start]
        if j > 0 and gap.strip():
            return None  # "eight people, including the bomber": a comma ends the phrase
        if j in vic_tokens:
            return j if j > k else None
        if not word.isalpha() or len(word) < 3 or word in stop or j in kind_tokens:
            return None
    return None


def hedged(ks: int, tokens: list[Token], data: LangData) -> str | None:
    """ "20 people may have died", "diperkirakan tewas": the qualifier a hedge right before
    the death word gives the figure linked to it (numbers.yaml ``hedges``)."""
    for n in (4, 3, 2, 1):
        if ks >= n:
            words = " ".join(t.low for t in tokens[ks - n : ks])
            if words in data.hedges:
                return data.hedges[words]
    return None


LOSS_GAP = 2  # "lost at least 12 men": words (a qualifier) between the loss verb and figure
LOSS_OBJECT = 3  # "lost 12 of its soldiers": words from the figure to the people it counts


def lost_people(
    losses: list[tuple[int, int]],
    figures: list[Figure],
    tokens: list[Token],
    vic_tokens: set[int],
    sentence: Sentence,
) -> list[tuple[int, int, str]]:
    """ "The army lost 12 men", "the rebels lost dozens of fighters", "kehilangan 12
    prajurit": a side's dead told as its loss. A loss verb (casualties.yaml ``losses``) is a
    death word only when its object is a figure counting people, in the same phrase: it
    loses things too ("lost 12 vehicles", "lost control of the town")."""
    out: list[tuple[int, int, str]] = []
    for ks, ke in losses:
        fig = next((f for f in figures if ke <= f.start <= ke + LOSS_GAP), None)
        if fig is None:
            continue
        gap = sentence.text[
            tokens[ke - 1].end - sentence.start : tokens[fig.start].start - sentence.start
        ]
        if any(c in gap for c in ",;:()"):
            continue
        for k in range(fig.end, min(fig.end + LOSS_OBJECT, len(tokens))):
            between = sentence.text[
                tokens[k - 1].end - sentence.start : tokens[k].start - sentence.start
            ]
            if any(c in between for c in ",;:()"):
                break
            if k in vic_tokens:
                out.append((ks, ke, "killed"))
                break
    return out
