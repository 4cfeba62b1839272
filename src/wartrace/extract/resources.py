"""Load the extraction knowledge from data files, once per (data folder, language).

Language-independent files live in ``data/`` (event_types.yaml, actors/*.yaml, countries.yaml);
per-language files in ``data/<lang>/``. A language is supported exactly when its folder exists,
so adding a language means adding a folder of YAML files. The actor dictionary is read by
``actor_data``, the value types are in ``knowledge``, the field readers in ``datafile``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

# Modules that read the knowledge import these names from here, as before the split.
from wartrace.extract.actor_data import STATE_INTER as STATE_INTER
from wartrace.extract.actor_data import Organisations, actor_aliases, load_organisations
from wartrace.extract.actor_data import load_actor_entries as load_actor_entries
from wartrace.extract.datafile import DataError as DataError
from wartrace.extract.datafile import (
    int_lexicon,
    lowered,
    mapping,
    read_yaml,
    string_list,
    word_lexicon,
)
from wartrace.extract.knowledge import ActorEntry as ActorEntry
from wartrace.extract.knowledge import Common as Common
from wartrace.extract.knowledge import Country, Implicit, LabelInfo, Pair, Trigger
from wartrace.extract.lexicon import Lexicon, LexiconGroup

DATA_DIR = Path(__file__).parent / "data"
LANG_FILES = ("triggers", "numbers", "casualties", "attribution", "dates", "places")
OPTIONAL_LANG_FILES = ("roles",)  # without it, roles come from word order and markers only
POS_VALUES = ("verb", "noun", "passive")
SHARED_FOLDERS = frozenset({"actors"})  # language-independent folders of data/, not languages
OBJECT_ACT = "object"  # a subject act told with its object ("struck a house"), see roles.yaml


def _implicit(data: dict[str, Any], path: Path) -> Implicit:
    spec = mapping(data, "implicit", path)
    return Implicit(*(lowered(spec, k, path) for k in Implicit.__slots__))


@dataclass(frozen=True, slots=True)
class LangData:
    lang: str
    common: Common
    triggers: Lexicon[Trigger]
    blockers: Lexicon[str]
    object_blockers: Lexicon[str]  # "found", "foiled": cancel the weapon or attack noun after them
    post_blockers: Lexicon[str]
    clause_blockers: Lexicon[str]
    grievances: Lexicon[str]  # "to denounce", "against the": what a demonstration is about
    minor_objects: Lexicon[str]
    role_breaks: Lexicon[str]
    agent_markers: Lexicon[str]
    passive_aux: frozenset[str]
    patient_markers: Lexicon[str]
    between_markers: Lexicon[str]
    civilian_victims: Lexicon[str]  # "a shepherd", "a judge": non-combatants acted upon
    seized_goods: Lexicon[str]  # "a vehicle", "cattle": taken, they are looted
    demonstration_words: Lexicon[str]  # "protest", "demonstrators": a demonstration is told
    denials: Lexicon[str]  # "denied": what follows in its clause is not told as fact
    gunfights: Lexicon[str]  # "exchanged fire": both sides shot, so both are armed
    raids: Lexicon[str]  # "raided", "stormed": a search of a place, a fight only if told as one
    settings: Lexicon[str]  # "during", "amid": what follows is when the act happened
    return_fire: Lexicon[str]  # "returned fire": the reply to an act told before it
    described: Lexicon[str]  # "the injured", "the besieged town": a participle told as known
    barricades: Lexicon[str]  # "erected barricades": demonstrators blocking roads with material
    crowds: Lexicon[str]  # "a mob", "youths": unorganised crowds, the sides of riots
    crowd_agents: Lexicon[str]  # "women", "civilians": a crowd only when they act
    suicide_bombers: Lexicon[str]  # "suicide bombers": the people, not the bombing
    military_targets: Lexicon[str]  # "an army base": the side acted upon is armed
    armed_posts: Lexicon[str]  # "a police station": an armed side's post or unit, no person
    protest_objects: Lexicon[str]  # "arrested for organising a protest": no protest took place
    detonations: Lexicon[str]  # "police detonated the bomb": a force's own detonation
    before_words: Lexicon[str]  # "defused it before it exploded": what follows did not happen
    elapsed_after: Lexicon[int]  # "eight months after" (1): what follows is an earlier act
    fighter_nouns: Lexicon[str]  # "a militia member": an armed side acted upon, not named
    claim_after: Lexicon[str]  # "JNIM claimed responsibility": the group named is the author
    claim_before: Lexicon[str]  # "planted by JNIM", "blamed on al-Shabaab"
    undergo: Lexicon[str]  # "a truck struck an IED": the subject suffered the explosion
    speech: Lexicon[str]  # "Police said ...": the side named spoke, it did not take part
    infighting: Lexicon[str]  # "two factions of X clashed": one group on both sides
    clan_feud: Lexicon[str]  # "inter-clan clashes": clan militias on both sides
    partitives: Lexicon[str]  # "a number of", "members of": no patient marker, a part of
    ties: Lexicon[str]  # "accused of spying for": the side after describes someone, no party
    civilian_status: Lexicon[str]  # "off-duty", "former": the soldier is a civilian
    kin: Lexicon[str]  # "the wife of", "keluarga": a relative of the side, a civilian
    possessed_kin: Lexicon[str]  # "('s) wife": after a side's possessive, a civilian
    author_markers: Lexicon[str]  # "attributed to", "blamed on": the side after acted
    aims: Lexicon[str]  # "intended to target", "aimed at": the side after was the target
    facilities: Lexicon[str]  # "(police) post", "pos (polisi)": a side's thing, acted upon
    object_verbs: frozenset[str]  # "killed", "wounded": participles that need an object
    participle_next: frozenset[str]  # "in", "during": words after a participle, no object
    crowd_security: frozenset[str]  # "security forces": at a protest or riot, the police
    ally_markers: Lexicon[str]  # "X in coalition with Y attacked": Y acted with X, no rival
    source_markers: Lexicon[str]  # "gunfire from X", "serangan dari X": after an act's noun
    abroad_before: Lexicon[str]  # "jihadists from X", "the border with X": X is elsewhere
    abroad_after: frozenset[str]  # "near the X border": X is elsewhere
    identity_markers: frozenset[str]  # "gunmen believed to be X": the generic noun is X
    identity_fillers: frozenset[str]  # "(believed to be) members of the": still X
    member_nouns: frozenset[str]  # "a police commander": a source noun that is a member
    against_prefixes: tuple[str, ...]  # "anti-": "anti-Houthi forces" are not the Houthis
    # "struck": a country named right before it is its forces; the value is OBJECT_ACT when the
    # verb needs what it did after it ("struck a house"), "" when not ("exchanged fire").
    subject_acts: Lexicon[str]
    subject_openers: frozenset[str]  # "and", "when": a clause's subject may follow
    subject_gaps: frozenset[str]  # "again", "said it": between a subject and its act
    passive_acts: Lexicon[str]  # "diserang": a country named right after it is its forces
    self_report: frozenset[str]  # "(said) it": the speaker tells its own act
    contrast: Lexicon[str]  # "but", "however": what follows tells something else
    group_qualifiers: Lexicon[str]  # "(al-Qaeda-)affiliated": the group describes another
    non_conflict: Lexicon[str]  # disasters, accidents, crime, diplomacy: no conflict event
    offenders: Lexicon[str]  # "men smuggling fuel": people named by a crime, not the incident
    struck_sites: Lexicon[str]  # "a chemical plant": a strike's target, not an accident
    disaster_people: Lexicon[str]  # "flood victims": people named by a disaster they suffered
    scenes: Lexicon[str]  # "the scene of heavy fighting": a place described by a known act
    work_stoppages: Lexicon[str]  # "strike", "mogok": a demonstration when workers do it
    seizure_verbs: Lexicon[str]  # "found", "seized", "defused": weapons taken out of use
    weapon_objects: Lexicon[str]  # "ammunition", "explosive devices": what such verbs take
    separators: Lexicon[str]
    pairs: tuple[Pair, ...]  # "set up two bases": a label told by a verb and its object
    clause_breaks: Lexicon[str]  # "while", "sementara": after a comma, a clause may begin
    since_words: frozenset[str]  # "since 2019": a year compared with, not the time of the act
    relative_pronouns: frozenset[str]  # ", which has held it since May,": describes a noun
    present_verbs: frozenset[str]  # "since police are ...": a reason, not a time
    consequences: Lexicon[str]  # "paved the way for": what follows is an incident of its own
    consequence_label: str  # the label of an enabled act that names no trigger of its own
    vague: Lexicon[int]
    exact: Lexicon[int]
    collectives: Lexicon[int]  # "kedua pelaku" (both attackers): a count before a victims word
    qualifiers: Lexicon[str]
    updates: Lexicon[str]
    subsets: Lexicon[str]
    parts_after: Lexicon[str]
    companions: Lexicon[str]
    others: Lexicon[str]
    additive: Lexicon[str]  # "were also killed", "juga tewas": dead beyond those counted before
    additive_after: Lexicon[str]  # "2 other policemen", "dua orang lagi": the same, after a figure
    additive_openers: Lexicon[str]  # "another man", "a third member": one more person
    additive_relatives: frozenset[str]  # "the others who died were ...": a breakdown, not more
    told_by: frozenset[str]  # "One report said ...": after a figure, what it counts is a telling
    agents_before: frozenset[str]  # "attacked by two gunmen": a figure after it counts the agents
    article_ones: frozenset[str]  # "seorang wanita": one person told as by an article ("a woman")
    cumulative: Lexicon[str]  # "since 2009", "so far this year": a toll beyond the incident
    within_day: Lexicon[str]  # "since this morning": a cumulative cue's words within the day
    superlatives: Lexicon[str]  # "the deadliest attack since 2015": ranks it, counts no more
    other_incident: Lexicon[str]  # "in a separate attack": a toll of another incident
    new_act: Lexicon[str]  # "also killed in an attack on X": dead told beyond, of another act
    earlier: Lexicon[str]  # "an earlier toll of 26": a count the report revises
    earlier_after: Lexicon[str]  # "43 killed according to an initial toll": the same, after it
    range_openers: frozenset[str]  # "between 11 and 20": a range's two ends, not two counts
    range_joiners: frozenset[str]  # joins the ends after an opener ("and", "to", "dan")
    range_marks: frozenset[str]  # joins the ends without one ("5 to 7", "5-7", "5 hingga 7")
    range_changes: frozenset[str]  # "rose from 5 to 7": a change of the toll, not a range
    range_alternatives: frozenset[str]  # "six or seven", "six (or seven) police": one count
    antecedent: Lexicon[str]  # "protested after police killed a driver": what led to it
    projected: Lexicon[str]  # "the toll could exceed 500": feared, not reported
    implicit: Implicit
    units: frozenset[str]
    things: frozenset[str]  # "20 huts", "15 livestock": figures that count no people
    counted_at: frozenset[str]  # "two at the hospital": where dead were counted, not a place
    units_before: frozenset[str]
    multipliers: dict[str, int]
    suffix_qualifiers: dict[str, str]  # "20-an", "30-odd": a figure's own qualifier
    qualifiers_after: dict[str, str]  # "230 orang lebih": a qualifier told after the figure
    hedges: dict[str, str]  # "may have died": a qualifier told before the death word
    kinds: Lexicon[str]
    coordinators: frozenset[str]
    victims: Lexicon[str]
    victim_modifiers: frozenset[str]  # "two suspected ISGS fighters": words inside a victims phrase
    breaks: Lexicon[str]
    losses: Lexicon[str]  # "lost": a death word only before a figure of people ("lost 12 men")
    attr_before: Lexicon[str]
    attr_after: Lexicon[str]
    attr_relayed: Lexicon[str]
    relay_before: Lexicon[str]
    channel: Lexicon[str]  # "through its Amaq agency": the channel a statement went out by
    subject_verbs: Lexicon[str]
    refers_back: Lexicon[str]
    continues: Lexicon[str]  # "As a result of this ambush, ...": the account before goes on
    complementisers: frozenset[str]
    recipient_verbs: frozenset[str]
    claimant_relative: frozenset[str]
    coreferent: Lexicon[str]
    coreferent_kinds: Lexicon[str]
    affiliation: Lexicon[str]
    claimant_pronouns: frozenset[str]
    body_pronouns: frozenset[str]  # "it said": a body (the monitor), not a person
    pronoun_tags: frozenset[str]  # "ujarnya": a speech word with its speaker as a clitic
    source_nouns: Lexicon[str]
    organisations: Organisations
    attr_stop: frozenset[str]
    claimant_negations: frozenset[str]  # "No group has claimed": nobody, no claimant
    claimant_nouns: frozenset[str]
    claimant_cut: frozenset[str]
    weekdays: Lexicon[int]
    weekday_words: frozenset[str]
    past_weekday_before: frozenset[str]  # "last Friday": the one before the report's day
    past_weekday_after: frozenset[str]  # "Jumat lalu"
    ambiguous_weekdays: frozenset[str]
    month_list: tuple[str, ...]
    month_words: frozenset[str]
    not_figures: frozenset[str]
    ambiguous_months: frozenset[str]
    relative: Lexicon[int]
    report_date_links: frozenset[str]
    event_date_openers: frozenset[str]  # "On 8 May 2020, ...": a sentence opened by its day
    report_verbs: Lexicon[str]
    same_day: Lexicon[str]  # "has killed": undated news told as just happened, not the day before
    caption_labels: frozenset[str]  # "Image:", "(Foto: X)": a line they open or credit is a caption
    background: Lexicon[str]
    background_openers: Lexicon[str]
    # "The day before, ...": opening a sentence, the day before the incident told before it
    told_before: Lexicon[int]
    # "The attack came two days after ...": after a short subject, what follows is that many
    # days before the incident told before it
    came_after: Lexicon[int]
    week_before: Lexicon[int]  # "Earlier this week, ...": like told_before, a vaguer day
    scene_openers: Lexicon[str]  # "In X, ...", "Di X, ...": a sentence opened on its place
    background_exceptions: Lexicon[str]
    after_words: Lexicon[str]  # "after", "setelah": what the clause after it tells came first
    aftermath: Lexicon[str]  # "searched", "buried", "mourned": what follows an attack
    place_before: Lexicon[str]
    place_after: Lexicon[str]
    place_stop: frozenset[str]
    particles: frozenset[str]
    speaker: Lexicon[str]
    actors: Lexicon[ActorEntry]
    templates: dict[str, ActorEntry]  # generic actors by key (state_forces, civilians, ...)
    country_words: Lexicon[str]
    genitive_after: bool  # a noun trigger's agent follows it ("serangan ISIS")
    scanner: LexiconGroup = field(default_factory=LexiconGroup)  # all lexicons above, one pass


@lru_cache(maxsize=8)
def load_common(data_dir: str) -> Common:
    root = Path(data_dir)
    path = root / "event_types.yaml"
    raw = read_yaml(path)
    labels: dict[str, LabelInfo] = {}
    for label, spec in mapping(raw, "labels", path).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("priority"), int):
            raise DataError(f"{path}: label '{label}' needs an integer priority")
        if not spec.get("resolve") and not (spec.get("event_type") and spec.get("sub_event_type")):
            raise DataError(f"{path}: label '{label}' needs event_type and sub_event_type")
        labels[label] = LabelInfo(
            label,
            spec["priority"],
            spec.get("event_type"),
            spec.get("sub_event_type"),
            spec.get("resolve"),
        )
    cpath = root / "countries.yaml"
    craw = read_yaml(cpath)
    named = {e.name: e for e, _ in load_actor_entries(data_dir) if not e.key}
    countries: dict[str, Country] = {}
    for code, spec in mapping(craw, "countries", cpath).items():
        insurgency = spec.get("insurgency")
        if insurgency and insurgency not in named:
            raise DataError(f"{cpath}: {code}: unknown insurgency actor '{insurgency}'")
        countries[code] = Country(
            code,
            str(spec.get("name", code)),
            dict(spec.get("overrides") or {}),
            named[insurgency] if insurgency else None,
        )
    return Common(
        labels,
        frozenset(string_list(raw, "separable", path)),
        frozenset(string_list(raw, "weak", path)),
        countries,
    )


def _triggers(raw: dict[str, Any], path: Path, common: Common) -> Lexicon[Trigger]:
    entries: list[tuple[str, Trigger]] = []
    for label, groups in mapping(raw, "triggers", path).items():
        if label not in common.labels:
            raise DataError(f"{path}: unknown trigger label '{label}' (see event_types.yaml)")
        if not isinstance(groups, list):
            raise DataError(f"{path}: triggers.{label} must be a list of groups")
        for group in groups:
            pos = str(group.get("pos", "verb")) if isinstance(group, dict) else ""
            if pos not in POS_VALUES:
                raise DataError(f"{path}: triggers.{label}: bad group {group!r}")
            entries.extend((p, Trigger(label, pos)) for p in string_list(group, "phrases", path))
    return Lexicon(entries)


def _pairs(raw: dict[str, Any], path: Path, common: Common) -> tuple[Pair, ...]:
    out: list[Pair] = []
    for label, spec in mapping(raw, "pairs", path).items():
        # One {verbs, objects} mapping, or a list of them: a label told by several kinds of
        # verb and object ("released hostages", "lifted a curfew").
        specs = spec if isinstance(spec, list) else [spec]
        if label not in common.labels or not specs or not all(isinstance(s, dict) for s in specs):
            raise DataError(f"{path}: pairs.{label}: unknown label, or not a mapping or a list")
        out.extend(
            Pair(
                label,
                word_lexicon(s, "verbs", path),
                word_lexicon(s, "objects", path),
                bool(s.get("verb_first", False)),
            )
            for s in specs
        )
    return tuple(out)


def _consequence_label(raw: dict[str, Any], path: Path, common: Common) -> str:
    label = str(raw.get("consequence_label") or "territory")
    if label not in common.labels:
        raise DataError(f"{path}: unknown consequence_label '{label}' (see event_types.yaml)")
    return label


# Every language the identifier names takes a place, most of them None (no data folder): a
# small cache would let them push out the languages that have data, loaded again and again.
@lru_cache(maxsize=256)
def load_language(lang: str, data_dir: str | None = None) -> LangData | None:
    """The knowledge for one language, or None when the language has no data folder."""
    root = Path(data_dir) if data_dir else DATA_DIR
    folder = root / lang
    if not lang.isidentifier() or lang in SHARED_FOLDERS or not folder.is_dir():
        return None
    common = load_common(str(root))
    f = {name: read_yaml(folder / f"{name}.yaml") for name in LANG_FILES}
    for name in OPTIONAL_LANG_FILES:
        optional = folder / f"{name}.yaml"
        f[name] = read_yaml(optional) if optional.is_file() else {}
    p = {name: folder / f"{name}.yaml" for name in LANG_FILES + OPTIONAL_LANG_FILES}
    country_entries: list[tuple[str, str]] = []
    craw = read_yaml(root / "countries.yaml")
    for code, spec in mapping(craw, "countries", root / "countries.yaml").items():
        country_entries.extend((str(w), code) for w in spec.get("words") or [])
    kinds: list[tuple[str, str]] = []
    for kind, words in mapping(f["casualties"], "kinds", p["casualties"]).items():
        if kind not in ("killed", "wounded", "captured", "missing"):
            raise DataError(f"{p['casualties']}: unknown casualty kind '{kind}'")
        kinds.extend((str(w), kind) for w in words)
    qualifiers = mapping(f["numbers"], "qualifiers", p["numbers"])
    dates = f["dates"]
    actor_entries = actor_aliases(root, lang)
    data = LangData(
        lang=lang,
        common=common,
        triggers=_triggers(f["triggers"], p["triggers"], common),
        blockers=word_lexicon(f["triggers"], "blockers", p["triggers"]),
        object_blockers=word_lexicon(f["triggers"], "object_blockers", p["triggers"]),
        post_blockers=word_lexicon(f["triggers"], "post_blockers", p["triggers"]),
        clause_blockers=word_lexicon(f["triggers"], "clause_blockers", p["triggers"]),
        grievances=word_lexicon(f["triggers"], "grievances", p["triggers"]),
        minor_objects=word_lexicon(f["triggers"], "minor_objects", p["triggers"]),
        role_breaks=word_lexicon(f["triggers"], "role_breaks", p["triggers"]),
        agent_markers=word_lexicon(f["triggers"], "agent_markers", p["triggers"]),
        passive_aux=lowered(f["triggers"], "passive_aux", p["triggers"]),
        patient_markers=word_lexicon(f["triggers"], "patient_markers", p["triggers"]),
        between_markers=word_lexicon(f["triggers"], "between_markers", p["triggers"]),
        civilian_victims=word_lexicon(f["triggers"], "civilian_victims", p["triggers"]),
        seized_goods=word_lexicon(f["triggers"], "seized_goods", p["triggers"]),
        demonstration_words=word_lexicon(f["triggers"], "demonstration_words", p["triggers"]),
        denials=word_lexicon(f["triggers"], "denials", p["triggers"]),
        gunfights=word_lexicon(f["triggers"], "gunfights", p["triggers"]),
        raids=word_lexicon(f["triggers"], "raids", p["triggers"]),
        settings=word_lexicon(f["triggers"], "settings", p["triggers"]),
        return_fire=word_lexicon(f["triggers"], "return_fire", p["triggers"]),
        described=word_lexicon(f["triggers"], "described", p["triggers"]),
        barricades=word_lexicon(f["triggers"], "barricades", p["triggers"]),
        crowds=word_lexicon(f["triggers"], "crowds", p["triggers"]),
        crowd_agents=word_lexicon(f["triggers"], "crowd_agents", p["triggers"]),
        suicide_bombers=word_lexicon(f["triggers"], "suicide_bombers", p["triggers"]),
        military_targets=word_lexicon(f["triggers"], "military_targets", p["triggers"]),
        armed_posts=word_lexicon(f["triggers"], "armed_posts", p["triggers"]),
        protest_objects=word_lexicon(f["triggers"], "protest_objects", p["triggers"]),
        detonations=word_lexicon(f["triggers"], "detonations", p["triggers"]),
        before_words=word_lexicon(f["triggers"], "before_words", p["triggers"]),
        elapsed_after=int_lexicon(f["triggers"], "elapsed_after", p["triggers"]),
        fighter_nouns=word_lexicon(f["triggers"], "fighter_nouns", p["triggers"]),
        claim_after=word_lexicon(f["roles"], "claim_after", p["roles"]),
        claim_before=word_lexicon(f["roles"], "claim_before", p["roles"]),
        undergo=word_lexicon(f["roles"], "undergo", p["roles"]),
        speech=word_lexicon(f["roles"], "speech", p["roles"]),
        infighting=word_lexicon(f["roles"], "infighting", p["roles"]),
        clan_feud=word_lexicon(f["roles"], "clan_feud", p["roles"]),
        partitives=word_lexicon(f["roles"], "partitives", p["roles"]),
        ties=word_lexicon(f["roles"], "ties", p["roles"]),
        civilian_status=word_lexicon(f["roles"], "civilian_status", p["roles"]),
        kin=word_lexicon(f["roles"], "kin", p["roles"]),
        possessed_kin=word_lexicon(f["roles"], "possessed_kin", p["roles"]),
        author_markers=word_lexicon(f["roles"], "author_markers", p["roles"]),
        aims=word_lexicon(f["roles"], "aims", p["roles"]),
        facilities=word_lexicon(f["roles"], "facilities", p["roles"]),
        object_verbs=lowered(f["roles"], "object_verbs", p["roles"]),
        participle_next=lowered(f["roles"], "participle_next", p["roles"]),
        crowd_security=lowered(f["roles"], "crowd_security", p["roles"]),
        ally_markers=word_lexicon(f["roles"], "ally_markers", p["roles"]),
        source_markers=word_lexicon(f["roles"], "source_markers", p["roles"]),
        abroad_before=word_lexicon(f["roles"], "abroad_before", p["roles"]),
        abroad_after=lowered(f["roles"], "abroad_after", p["roles"]),
        identity_markers=lowered(f["roles"], "identity_markers", p["roles"]),
        identity_fillers=lowered(f["roles"], "identity_fillers", p["roles"]),
        member_nouns=lowered(f["roles"], "member_nouns", p["roles"]),
        against_prefixes=tuple(sorted(lowered(f["roles"], "against_prefixes", p["roles"]))),
        subject_acts=Lexicon(
            [(a, OBJECT_ACT) for a in string_list(f["roles"], "subject_acts", p["roles"])]
            + [(a, "") for a in string_list(f["roles"], "subject_acts_alone", p["roles"])]
        ),
        subject_openers=lowered(f["roles"], "subject_openers", p["roles"]),
        subject_gaps=lowered(f["roles"], "subject_gaps", p["roles"]),
        passive_acts=word_lexicon(f["roles"], "passive_acts", p["roles"]),
        self_report=lowered(f["roles"], "self_report", p["roles"]),
        contrast=word_lexicon(f["roles"], "contrast", p["roles"]),
        group_qualifiers=word_lexicon(f["roles"], "qualifiers", p["roles"]),
        non_conflict=word_lexicon(f["triggers"], "non_conflict", p["triggers"]),
        offenders=word_lexicon(f["triggers"], "offenders", p["triggers"]),
        struck_sites=word_lexicon(f["triggers"], "struck_sites", p["triggers"]),
        disaster_people=word_lexicon(f["triggers"], "disaster_people", p["triggers"]),
        scenes=word_lexicon(f["triggers"], "scenes", p["triggers"]),
        work_stoppages=word_lexicon(f["triggers"], "work_stoppages", p["triggers"]),
        seizure_verbs=word_lexicon(f["triggers"], "seizure_verbs", p["triggers"]),
        weapon_objects=word_lexicon(f["triggers"], "weapon_objects", p["triggers"]),
        separators=word_lexicon(f["triggers"], "separators", p["triggers"]),
        pairs=_pairs(f["triggers"], p["triggers"], common),
        clause_breaks=word_lexicon(f["triggers"], "clause_breaks", p["triggers"]),
        since_words=lowered(dates, "since", p["dates"]),
        relative_pronouns=lowered(dates, "relative_pronouns", p["dates"]),
        present_verbs=lowered(dates, "present_verbs", p["dates"]),
        consequences=word_lexicon(f["triggers"], "consequences", p["triggers"]),
        consequence_label=_consequence_label(f["triggers"], p["triggers"], common),
        vague=int_lexicon(f["numbers"], "vague", p["numbers"]),
        exact=int_lexicon(f["numbers"], "exact", p["numbers"]),
        collectives=int_lexicon(f["numbers"], "collectives", p["numbers"]),
        qualifiers=Lexicon((k, str(v)) for k, v in qualifiers.items()),
        updates=word_lexicon(f["numbers"], "updates", p["numbers"]),
        subsets=word_lexicon(f["numbers"], "subsets", p["numbers"]),
        parts_after=word_lexicon(f["numbers"], "parts_after", p["numbers"]),
        companions=word_lexicon(f["numbers"], "companions", p["numbers"]),
        others=word_lexicon(f["numbers"], "others", p["numbers"]),
        additive=word_lexicon(f["numbers"], "additive", p["numbers"]),
        additive_after=word_lexicon(f["numbers"], "additive_after", p["numbers"]),
        additive_openers=word_lexicon(f["numbers"], "additive_openers", p["numbers"]),
        additive_relatives=lowered(f["numbers"], "additive_relatives", p["numbers"]),
        told_by=lowered(f["numbers"], "told_by", p["numbers"]),
        agents_before=lowered(f["numbers"], "agents_before", p["numbers"]),
        article_ones=lowered(f["numbers"], "article_ones", p["numbers"]),
        cumulative=word_lexicon(f["numbers"], "cumulative", p["numbers"]),
        within_day=word_lexicon(f["numbers"], "within_day", p["numbers"]),
        superlatives=word_lexicon(f["numbers"], "superlatives", p["numbers"]),
        other_incident=word_lexicon(f["numbers"], "other_incident", p["numbers"]),
        new_act=word_lexicon(f["numbers"], "new_act", p["numbers"]),
        earlier=word_lexicon(f["numbers"], "earlier", p["numbers"]),
        earlier_after=word_lexicon(f["numbers"], "earlier_after", p["numbers"]),
        range_openers=lowered(f["numbers"], "range_openers", p["numbers"]),
        range_joiners=lowered(f["numbers"], "range_joiners", p["numbers"]),
        range_marks=lowered(f["numbers"], "range_marks", p["numbers"]),
        range_changes=lowered(f["numbers"], "range_changes", p["numbers"]),
        range_alternatives=lowered(f["numbers"], "range_alternatives", p["numbers"]),
        antecedent=word_lexicon(f["numbers"], "antecedent", p["numbers"]),
        projected=word_lexicon(f["numbers"], "projected", p["numbers"]),
        implicit=_implicit(f["casualties"], p["casualties"]),
        units=lowered(f["numbers"], "units", p["numbers"]),
        things=lowered(f["numbers"], "things", p["numbers"]),
        counted_at=lowered(f["numbers"], "counted_at", p["numbers"]),
        units_before=lowered(f["numbers"], "units_before", p["numbers"]),
        multipliers={
            k.lower(): int(v) for k, v in mapping(f["numbers"], "multipliers", p["numbers"]).items()
        },
        suffix_qualifiers={
            k.lower(): str(v)
            for k, v in mapping(f["numbers"], "suffix_qualifiers", p["numbers"]).items()
        },
        qualifiers_after={
            k.lower(): str(v)
            for k, v in mapping(f["numbers"], "qualifiers_after", p["numbers"]).items()
        },
        hedges={
            k.lower(): str(v) for k, v in mapping(f["numbers"], "hedges", p["numbers"]).items()
        },
        kinds=Lexicon(kinds),
        coordinators=lowered(f["casualties"], "coordinators", p["casualties"]),
        victims=word_lexicon(f["casualties"], "victims", p["casualties"]),
        victim_modifiers=lowered(f["casualties"], "victim_modifiers", p["casualties"]),
        breaks=word_lexicon(f["casualties"], "breaks", p["casualties"]),
        losses=word_lexicon(f["casualties"], "losses", p["casualties"]),
        attr_before=word_lexicon(f["attribution"], "before", p["attribution"]),
        attr_after=word_lexicon(f["attribution"], "after", p["attribution"]),
        attr_relayed=word_lexicon(f["attribution"], "relayed", p["attribution"]),
        relay_before=word_lexicon(f["attribution"], "relay_before", p["attribution"]),
        channel=word_lexicon(f["attribution"], "channel", p["attribution"]),
        subject_verbs=word_lexicon(f["attribution"], "subject_verbs", p["attribution"]),
        refers_back=word_lexicon(f["attribution"], "refers_back", p["attribution"]),
        continues=word_lexicon(f["attribution"], "continues", p["attribution"]),
        complementisers=lowered(f["attribution"], "complementisers", p["attribution"]),
        recipient_verbs=lowered(f["attribution"], "recipient_verbs", p["attribution"]),
        claimant_relative=lowered(f["attribution"], "relative", p["attribution"]),
        coreferent=word_lexicon(f["attribution"], "coreferent", p["attribution"]),
        coreferent_kinds=Lexicon(
            (str(phrase), kind)
            for kind, phrases in mapping(
                f["attribution"], "coreferent_kinds", p["attribution"]
            ).items()
            for phrase in phrases
        ),
        affiliation=word_lexicon(f["attribution"], "affiliation", p["attribution"]),
        organisations=load_organisations(
            root, lang, mapping(f["attribution"], "body_names", p["attribution"])
        ),
        source_nouns=word_lexicon(f["attribution"], "source_nouns", p["attribution"]),
        claimant_pronouns=lowered(f["attribution"], "pronouns", p["attribution"]),
        body_pronouns=lowered(f["attribution"], "body_pronouns", p["attribution"]),
        pronoun_tags=lowered(f["attribution"], "pronoun_tags", p["attribution"]),
        attr_stop=lowered(f["attribution"], "stop", p["attribution"]),
        claimant_negations=lowered(f["attribution"], "negations", p["attribution"]),
        claimant_nouns=lowered(f["attribution"], "claimant_nouns", p["attribution"]),
        claimant_cut=lowered(f["attribution"], "cut", p["attribution"]),
        weekdays=int_lexicon(dates, "weekdays", p["dates"]),
        weekday_words=frozenset(str(k).lower() for k in mapping(dates, "weekdays", p["dates"])),
        ambiguous_weekdays=lowered(dates, "ambiguous_weekdays", p["dates"]),
        past_weekday_before=lowered(dates, "past_weekday_before", p["dates"]),
        past_weekday_after=lowered(dates, "past_weekday_after", p["dates"]),
        month_list=tuple(string_list(dates, "months", p["dates"])),
        month_words=frozenset(m.lower() for m in string_list(dates, "months", p["dates"])),
        not_figures=lowered(f["numbers"], "not_figures", p["numbers"]),
        ambiguous_months=lowered(dates, "ambiguous_months", p["dates"]),
        relative=int_lexicon(dates, "relative", p["dates"]),
        report_date_links=lowered(dates, "report_date_links", p["dates"]),
        event_date_openers=lowered(dates, "event_date_openers", p["dates"]),
        report_verbs=word_lexicon(dates, "report_verbs", p["dates"]),
        same_day=word_lexicon(dates, "same_day", p["dates"]),
        caption_labels=lowered(dates, "caption_labels", p["dates"]),
        background=word_lexicon(dates, "background", p["dates"]),
        background_openers=word_lexicon(dates, "background_openers", p["dates"]),
        told_before=int_lexicon(dates, "told_before", p["dates"]),
        came_after=int_lexicon(dates, "came_after", p["dates"]),
        week_before=int_lexicon(dates, "week_before", p["dates"]),
        scene_openers=word_lexicon(dates, "scene_openers", p["dates"]),
        background_exceptions=word_lexicon(dates, "background_exceptions", p["dates"]),
        after_words=word_lexicon(dates, "after_words", p["dates"]),
        aftermath=word_lexicon(dates, "aftermath", p["dates"]),
        place_before=word_lexicon(f["places"], "before", p["places"]),
        place_after=word_lexicon(f["places"], "after", p["places"]),
        place_stop=frozenset(string_list(f["places"], "stop", p["places"])),
        particles=lowered(f["places"], "particles", p["places"]),
        speaker=word_lexicon(f["places"], "speaker", p["places"]),
        actors=Lexicon(actor_entries),
        # Templates are the country-less keyed entries; "Nigerian troops" has a country.
        templates={e.key: e for _, e in actor_entries if e.key and not e.country},
        country_words=Lexicon(country_entries),
        genitive_after=bool(f["triggers"].get("genitive_after", False)),
    )
    # One pass per sentence for all the language's lexicons (see LexiconGroup).
    members = [getattr(data, f.name) for f in fields(data)]
    members += [lex for pair in data.pairs for lex in (pair.verbs, pair.objects)]
    data.scanner.join(v for v in members if isinstance(v, Lexicon))
    return data
