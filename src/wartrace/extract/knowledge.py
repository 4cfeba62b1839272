"""The kinds of knowledge read from the data files: event labels, triggers, actors, countries,
and the words that make one person a count of one. Plain values, loaded by ``resources``
and ``actor_data``.
"""

from __future__ import annotations

from dataclasses import dataclass

from wartrace.extract.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class LabelInfo:
    label: str
    priority: int
    event_type: str | None = None
    sub_event_type: str | None = None
    resolve: str | None = None  # "attack" | "territory": decided by the actors


@dataclass(frozen=True, slots=True)
class Trigger:
    label: str
    pos: str  # verb | noun | passive


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str  # may hold "{country}" (templates)
    inter: int
    country: str | None = None
    weak: bool = False
    key: str | None = None  # template key: state_forces, civilians, unidentified, ...
    parent: str | None = None  # the actor it belongs to or fights for (a unit's group)
    side: str = ""  # who it fights for: the root of its parents (see actor_side)
    # An ambiguous alias ("NAF") names another actor in some countries: ISO -> that entry.
    by_country: tuple[tuple[str, ActorEntry], ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    overrides: dict[str, str]
    # What "the militants" of this country are when the text names no group: the insurgency
    # that dominates it (ACLED codes unattributed attacks in the Sahel to JNIM and/or IS).
    insurgency: ActorEntry | None = None


@dataclass(frozen=True, slots=True)
class Common:
    labels: dict[str, LabelInfo]
    separable: frozenset[str]
    weak_labels: frozenset[str]
    countries: dict[str, Country]


@dataclass(frozen=True, slots=True)
class Implicit:
    """Words to read one person named without a number as a count of one."""

    determiners: frozenset[str]
    pronouns: frozenset[str]
    persons: frozenset[str]
    auxiliaries: frozenset[str]
    plural_auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    intransitive: frozenset[str]
    not_dead: frozenset[str]
    bare_after: frozenset[str]  # death nouns/passives a bare singular follows ("مقتل جندي")
    bare_persons: frozenset[str]  # singular person nouns that count one with no determiner
    post_modifiers: frozenset[str]  # open a phrase after the person ("a judge of the court")
    possessives: frozenset[str]  # "resulting in his death": one person died
    causes: frozenset[str]  # "resulting in", "leading to": before the possessive
    relatives: frozenset[str]  # "a man who had ... was killed": open a clause about the person
    results: frozenset[str]  # "shot him dead", "leaving him killed": a pronoun's fate after it
    plural_pronouns: frozenset[str]  # "abducted three men and executed them"
    found_nouns: frozenset[str]  # "the body of a woman ... was found"
    found_words: frozenset[str]  # "found", "discovered": what such a noun needs
    headline_verbs: frozenset[str]  # "Raiders kill peace activist": a headline's bare object
    headline_participles: frozenset[str]  # "Customs officer killed in attack": bare subject
    headline_after: frozenset[str]  # "killed in/by/near ...": no object, the participle is passive
    # Death verbs passive by their form (id di-/ter- verbs: "ditembak mati"): the figure before
    # one counts the dead, and the side right after it is the agent, not the dead's victims.
    passive_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    verbs: Lexicon[str]
    objects: Lexicon[str]
    # The verb must come first ("took 12 villagers hostage"): the object first is another act
    # ("freed two hostages held by X" frees them).
    verb_first: bool = False
