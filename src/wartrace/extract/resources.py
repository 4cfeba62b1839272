"""Load the extraction knowledge from data files, once per (data folder, language).

Language-independent files live in ``data/`` (event_types.yaml, actors/*.yaml, countries.yaml);
per-language files in ``data/<lang>/``. A language is supported exactly when its folder exists,
so adding a language means adding a folder of YAML files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from wartrace.datafiles import load_yaml
from wartrace.extract.lexicon import Lexicon, LexiconGroup

DATA_DIR = Path(__file__).parent / "data"
LANG_FILES = ("triggers", "numbers", "casualties", "attribution", "dates", "places")
OPTIONAL_LANG_FILES = ("roles",)  # without it, roles come from word order and markers only
POS_VALUES = ("verb", "noun", "passive")
SHARED_FOLDERS = frozenset({"actors"})  # language-independent folders of data/, not languages


class DataError(ValueError):
    """A data file is missing or malformed."""


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


def _implicit(data: dict[str, Any], path: Path) -> Implicit:
    spec = _mapping(data, "implicit", path)
    return Implicit(*(_lowered(spec, k, path) for k in Implicit.__slots__))


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    verbs: Lexicon[str]
    objects: Lexicon[str]


@dataclass(frozen=True, slots=True)
class LangData:
    lang: str
    common: Common
    triggers: Lexicon[Trigger]
    blockers: Lexicon[str]
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
    crowds: Lexicon[str]  # "a mob", "youths": unorganised crowds, the sides of riots
    military_targets: Lexicon[str]  # "an army base": the side acted upon is armed
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
    source_markers: Lexicon[str]  # "gunfire from X", "serangan dari X": after an act's noun
    contrast: Lexicon[str]  # "but", "however": what follows tells something else
    group_qualifiers: Lexicon[str]  # "(al-Qaeda-)affiliated": the group describes another
    non_conflict: Lexicon[str]  # disasters, accidents, crime, diplomacy: no conflict event
    seizure_verbs: Lexicon[str]  # "found", "seized", "defused": weapons taken out of use
    weapon_objects: Lexicon[str]  # "ammunition", "explosive devices": what such verbs take
    separators: Lexicon[str]
    pairs: tuple[Pair, ...]  # "set up two bases": a label told by a verb and its object
    clause_breaks: Lexicon[str]  # "while", "sementara": after a comma, a clause may begin
    since_words: frozenset[str]  # "since 2019": a year compared with, not the time of the act
    consequences: Lexicon[str]  # "paved the way for": what follows is an incident of its own
    consequence_label: str  # the label of an enabled act that names no trigger of its own
    vague: Lexicon[int]
    exact: Lexicon[int]
    qualifiers: Lexicon[str]
    updates: Lexicon[str]
    subsets: Lexicon[str]
    parts_after: Lexicon[str]
    companions: Lexicon[str]
    others: Lexicon[str]
    cumulative: Lexicon[str]  # "since 2009", "so far this year": a toll beyond the incident
    other_incident: Lexicon[str]  # "in a separate attack": a toll of another incident
    earlier: Lexicon[str]  # "an earlier toll of 26": a count the report revises
    earlier_after: Lexicon[str]  # "43 killed according to an initial toll": the same, after it
    range_openers: frozenset[str]  # "between 11 and 20": a range's two ends, not two counts
    range_joiners: frozenset[str]  # joins the ends after an opener ("and", "to", "dan")
    range_marks: frozenset[str]  # joins the ends without one ("5 to 7", "5-7", "5 hingga 7")
    range_changes: frozenset[str]  # "rose from 5 to 7": a change of the toll, not a range
    antecedent: Lexicon[str]  # "protested after police killed a driver": what led to it
    projected: Lexicon[str]  # "the toll could exceed 500": feared, not reported
    implicit: Implicit
    units: frozenset[str]
    things: frozenset[str]  # "20 huts", "15 livestock": figures that count no people
    units_before: frozenset[str]
    multipliers: dict[str, int]
    kinds: Lexicon[str]
    coordinators: frozenset[str]
    victims: Lexicon[str]
    victim_modifiers: frozenset[str]  # "two suspected ISGS fighters": words inside a victims phrase
    breaks: Lexicon[str]
    attr_before: Lexicon[str]
    attr_after: Lexicon[str]
    attr_relayed: Lexicon[str]
    claimant_relative: frozenset[str]
    coreferent: Lexicon[str]
    affiliation: Lexicon[str]
    claimant_pronouns: frozenset[str]
    source_nouns: Lexicon[str]
    organisations: Organisations
    attr_stop: frozenset[str]
    claimant_nouns: frozenset[str]
    claimant_cut: frozenset[str]
    weekdays: Lexicon[int]
    weekday_words: frozenset[str]
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
    background: Lexicon[str]
    background_openers: Lexicon[str]
    background_exceptions: Lexicon[str]
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


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise DataError(f"missing data file: {path}")
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping at the top level")
    return data


def _strings(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise DataError(f"{path}: '{key}' must be a list of strings")
    return [str(v) for v in value]


def _mapping(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise DataError(f"{path}: '{key}' must be a mapping")
    return {str(k): v for k, v in value.items()}


def _lowered(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    return frozenset(w.lower() for w in _strings(data, key, path))


def _words(data: dict[str, Any], key: str, path: Path) -> Lexicon[str]:
    return Lexicon((p, p.lower()) for p in _strings(data, key, path))


def _int_map(data: dict[str, Any], key: str, path: Path) -> Lexicon[int]:
    entries = []
    for phrase, value in _mapping(data, key, path).items():
        if not isinstance(value, int):
            raise DataError(f"{path}: '{key}.{phrase}' must be an integer")
        entries.append((phrase, value))
    return Lexicon(entries)


@lru_cache(maxsize=8)
def load_common(data_dir: str) -> Common:
    root = Path(data_dir)
    path = root / "event_types.yaml"
    raw = _read_yaml(path)
    labels: dict[str, LabelInfo] = {}
    for label, spec in _mapping(raw, "labels", path).items():
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
    craw = _read_yaml(cpath)
    named = {e.name: e for e, _ in load_actor_entries(data_dir) if not e.key}
    countries: dict[str, Country] = {}
    for code, spec in _mapping(craw, "countries", cpath).items():
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
        frozenset(_strings(raw, "separable", path)),
        frozenset(_strings(raw, "weak", path)),
        countries,
    )


STATE_INTER = 1
STATE_SIDE = "state:"  # "state:NG": the Nigerian state's forces, as a side or a parent
ACTOR_SECTIONS = ("actors", "templates")


def actor_side(entry: ActorEntry, by_name: dict[str, ActorEntry]) -> str:
    """Who an actor fights for: the root of its parents; a country's state forces (army,
    police, their units and the militias they command) are one side, "state:<ISO>"."""
    seen = {entry.name}
    root = entry
    while not root.side and root.parent in by_name and root.parent not in seen:
        seen.add(root.parent)
        root = by_name[root.parent]
    if root.side:
        return root.side
    if root.parent and root.parent.startswith(STATE_SIDE):
        return root.parent
    if root.inter == STATE_INTER and root.country:
        return f"{STATE_SIDE}{root.country}"
    return root.name


IDENTITY_SECTION = "identity_militias"
IDENTITY_INTER = 4  # ACLED: identity militias
NAMED_SECTIONS = ("actors", IDENTITY_SECTION)  # named actors, not a country's templates


def _identity_items(raw: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """Dictionary entries for the ethnic groups and clans an identity-militia file lists: each
    kind's name and alias patterns filled with each group's name and forms (see the file)."""
    out: list[dict[str, Any]] = []
    for kind in raw.get(IDENTITY_SECTION) or []:
        if not isinstance(kind, dict) or "name" not in kind or "groups" not in kind:
            raise DataError(f"{path}: every '{IDENTITY_SECTION}' kind needs name and groups")
        patterns = _mapping(kind, "patterns", path)
        for group in kind["groups"]:
            if not isinstance(group, dict) or "group" not in group:
                raise DataError(f"{path}: every group needs 'group'")
            forms = {str(k): [str(f) for f in v] for k, v in group.items() if k != "group"}
            aliases = {
                lang: [
                    str(p).format(g=form)
                    for p in pats
                    for form in forms.get(lang, forms.get("any", []))
                ]
                for lang, pats in patterns.items()
            }
            name = str(kind["name"]).replace("{group}", str(group["group"]))
            out.append({"name": name, "inter": IDENTITY_INTER, "aliases": aliases})
    return out


def _actor_items(root: Path) -> list[tuple[str, dict[str, Any], Path]]:
    """(section, item, file) of every actor file: data/actors/*.yaml, in name order."""
    folder = root / "actors"
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not paths:
        raise DataError(f"missing actor files: {folder}/*.yaml")
    out: list[tuple[str, dict[str, Any], Path]] = []
    for path in paths:
        raw = _read_yaml(path)
        out.extend((IDENTITY_SECTION, item, path) for item in _identity_items(raw, path))
        for section in ACTOR_SECTIONS:
            items = raw.get(section) or []
            if not isinstance(items, list):
                raise DataError(f"{path}: '{section}' must be a list")
            for item in items:
                if not isinstance(item, dict) or "name" not in item or "inter" not in item:
                    raise DataError(f"{path}: every entry of '{section}' needs name and inter")
                out.append((section, item, path))
    return out


@lru_cache(maxsize=8)
def load_actor_entries(data_dir: str) -> tuple[tuple[ActorEntry, dict[str, list[str]]], ...]:
    """Every dictionary entry (side and by-country readings resolved) and its aliases by
    language. Entries are identified by name; several entries of one name (a country's own
    "Military Forces of {country}") differ by country, and are never parents."""
    rows: list[tuple[ActorEntry, dict[str, list[str]], dict[str, str], str]] = []
    items = _actor_items(Path(data_dir))
    # An alias an explicit entry holds ("Fulani militia") is not a generated militia's.
    explicit = {
        str(a).lower()
        for section, item, _ in items
        if section != IDENTITY_SECTION
        for forms in (item.get("aliases") or {}).values()
        for a in forms or []
    }
    for section, item, path in items:
        if section == IDENTITY_SECTION:
            item["aliases"] = {
                lang: [a for a in forms if a.lower() not in explicit]
                for lang, forms in item["aliases"].items()
            }
        aliases = item.get("aliases") or {}
        by_country = item.get("by_country") or {}
        if not isinstance(aliases, dict) or not isinstance(by_country, dict):
            raise DataError(f"{path}: aliases and by_country of '{item['name']}' are mappings")
        entry = ActorEntry(
            name=str(item["name"]),
            inter=int(item["inter"]),
            country=item.get("country"),
            weak=bool(item.get("weak", False)),
            key=item.get("key"),
            parent=item.get("parent"),
            side=str(item.get("side") or ""),
        )
        by_lang = {str(k): [str(a) for a in v or []] for k, v in aliases.items()}
        if section in NAMED_SECTIONS and "{country}" not in entry.name:
            by_lang["any"] = [entry.name, *by_lang.get("any", [])]
        rows.append((entry, by_lang, {str(k): str(v) for k, v in by_country.items()}, section))
    by_name = {e.name: e for e, _, _, section in rows if section in NAMED_SECTIONS}
    for e, _, readings, _ in rows:
        for name in [e.parent, *readings.values()]:
            if name and name not in by_name and not name.startswith(STATE_SIDE):
                raise DataError(f"actor '{e.name}': unknown actor '{name}'")
    sided = {name: replace(e, side=actor_side(e, by_name)) for name, e in by_name.items()}
    out = []
    for e, by_lang, readings, section in rows:
        if section in NAMED_SECTIONS:
            e = replace(
                e,
                side=actor_side(e, by_name),
                by_country=tuple((cc, sided[name]) for cc, name in sorted(readings.items())),
            )
        out.append((e, by_lang))
    return tuple(out)


def _actor_entries(root: Path, lang: str) -> list[tuple[str, ActorEntry]]:
    return [
        (alias, entry)
        for entry, aliases in load_actor_entries(str(root))
        for alias in aliases.get("any", []) + aliases.get(lang, [])
    ]


class Organisations:
    """Bodies that give figures, known under other names in other languages: a claimant
    written "Observatorium Suriah untuk Hak Asasi Manusia" is the "Syrian Observatory for Human
    Rights" in every report, so reports in different languages agree on who said what."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self._lex: Lexicon[str] = Lexicon(entries)
        self.names = frozenset(name for _, name in entries)

    def canonical(self, claimant: str) -> str:
        """The claimant as written, with the English name added: "Observatorium Suriah untuk
        Hak Asasi Manusia (Syrian Observatory for Human Rights)"; inside a longer claimant
        ("Rami X (Observatorium ...)") the name is replaced."""
        hits = self._lex.find(claimant)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(claimant):
            return f"{claimant} ({hits[0].value})"
        out, last = [], 0
        for h in hits:
            out += [claimant[last : h.start], h.value]
            last = h.end
        return "".join(out) + claimant[last:] if out else claimant


def _organisations(root: Path, lang: str) -> Organisations:
    path = root / "organisations.yaml"
    if not path.is_file():
        return Organisations([])  # optional: without it, claimants stay as written
    raw = _read_yaml(path)
    items = raw.get("organisations") or []
    if not isinstance(items, list):
        raise DataError(f"{path}: 'organisations' must be a list")
    entries: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise DataError(f"{path}: every organisation needs a name")
        aliases = item.get("aliases") or {}
        if not isinstance(aliases, dict):
            raise DataError(f"{path}: aliases of '{item['name']}' must be a mapping by language")
        names = [str(a) for a in (aliases.get("any") or []) + (aliases.get(lang) or [])]
        entries.extend((a, item["name"]) for a in names)
    return Organisations(entries)


def _triggers(raw: dict[str, Any], path: Path, common: Common) -> Lexicon[Trigger]:
    entries: list[tuple[str, Trigger]] = []
    for label, groups in _mapping(raw, "triggers", path).items():
        if label not in common.labels:
            raise DataError(f"{path}: unknown trigger label '{label}' (see event_types.yaml)")
        if not isinstance(groups, list):
            raise DataError(f"{path}: triggers.{label} must be a list of groups")
        for group in groups:
            pos = str(group.get("pos", "verb")) if isinstance(group, dict) else ""
            if pos not in POS_VALUES:
                raise DataError(f"{path}: triggers.{label}: bad group {group!r}")
            entries.extend((p, Trigger(label, pos)) for p in _strings(group, "phrases", path))
    return Lexicon(entries)


def _pairs(raw: dict[str, Any], path: Path, common: Common) -> tuple[Pair, ...]:
    out = []
    for label, spec in _mapping(raw, "pairs", path).items():
        if label not in common.labels or not isinstance(spec, dict):
            raise DataError(f"{path}: pairs.{label}: unknown label or not a mapping")
        out.append(Pair(label, _words(spec, "verbs", path), _words(spec, "objects", path)))
    return tuple(out)


def _consequence_label(raw: dict[str, Any], path: Path, common: Common) -> str:
    label = str(raw.get("consequence_label") or "territory")
    if label not in common.labels:
        raise DataError(f"{path}: unknown consequence_label '{label}' (see event_types.yaml)")
    return label


@lru_cache(maxsize=16)
def load_language(lang: str, data_dir: str | None = None) -> LangData | None:
    """The knowledge for one language, or None when the language has no data folder."""
    root = Path(data_dir) if data_dir else DATA_DIR
    folder = root / lang
    if not lang.isidentifier() or lang in SHARED_FOLDERS or not folder.is_dir():
        return None
    common = load_common(str(root))
    f = {name: _read_yaml(folder / f"{name}.yaml") for name in LANG_FILES}
    for name in OPTIONAL_LANG_FILES:
        optional = folder / f"{name}.yaml"
        f[name] = _read_yaml(optional) if optional.is_file() else {}
    p = {name: folder / f"{name}.yaml" for name in LANG_FILES + OPTIONAL_LANG_FILES}
    country_entries: list[tuple[str, str]] = []
    craw = _read_yaml(root / "countries.yaml")
    for code, spec in _mapping(craw, "countries", root / "countries.yaml").items():
        country_entries.extend((str(w), code) for w in spec.get("words") or [])
    kinds: list[tuple[str, str]] = []
    for kind, words in _mapping(f["casualties"], "kinds", p["casualties"]).items():
        if kind not in ("killed", "wounded", "captured", "missing"):
            raise DataError(f"{p['casualties']}: unknown casualty kind '{kind}'")
        kinds.extend((str(w), kind) for w in words)
    qualifiers = _mapping(f["numbers"], "qualifiers", p["numbers"])
    dates = f["dates"]
    actor_entries = _actor_entries(root, lang)
    data = LangData(
        lang=lang,
        common=common,
        triggers=_triggers(f["triggers"], p["triggers"], common),
        blockers=_words(f["triggers"], "blockers", p["triggers"]),
        post_blockers=_words(f["triggers"], "post_blockers", p["triggers"]),
        clause_blockers=_words(f["triggers"], "clause_blockers", p["triggers"]),
        grievances=_words(f["triggers"], "grievances", p["triggers"]),
        minor_objects=_words(f["triggers"], "minor_objects", p["triggers"]),
        role_breaks=_words(f["triggers"], "role_breaks", p["triggers"]),
        agent_markers=_words(f["triggers"], "agent_markers", p["triggers"]),
        passive_aux=_lowered(f["triggers"], "passive_aux", p["triggers"]),
        patient_markers=_words(f["triggers"], "patient_markers", p["triggers"]),
        between_markers=_words(f["triggers"], "between_markers", p["triggers"]),
        civilian_victims=_words(f["triggers"], "civilian_victims", p["triggers"]),
        seized_goods=_words(f["triggers"], "seized_goods", p["triggers"]),
        demonstration_words=_words(f["triggers"], "demonstration_words", p["triggers"]),
        crowds=_words(f["triggers"], "crowds", p["triggers"]),
        military_targets=_words(f["triggers"], "military_targets", p["triggers"]),
        fighter_nouns=_words(f["triggers"], "fighter_nouns", p["triggers"]),
        claim_after=_words(f["roles"], "claim_after", p["roles"]),
        claim_before=_words(f["roles"], "claim_before", p["roles"]),
        undergo=_words(f["roles"], "undergo", p["roles"]),
        speech=_words(f["roles"], "speech", p["roles"]),
        infighting=_words(f["roles"], "infighting", p["roles"]),
        clan_feud=_words(f["roles"], "clan_feud", p["roles"]),
        partitives=_words(f["roles"], "partitives", p["roles"]),
        ties=_words(f["roles"], "ties", p["roles"]),
        civilian_status=_words(f["roles"], "civilian_status", p["roles"]),
        kin=_words(f["roles"], "kin", p["roles"]),
        possessed_kin=_words(f["roles"], "possessed_kin", p["roles"]),
        author_markers=_words(f["roles"], "author_markers", p["roles"]),
        source_markers=_words(f["roles"], "source_markers", p["roles"]),
        contrast=_words(f["roles"], "contrast", p["roles"]),
        group_qualifiers=_words(f["roles"], "qualifiers", p["roles"]),
        non_conflict=_words(f["triggers"], "non_conflict", p["triggers"]),
        seizure_verbs=_words(f["triggers"], "seizure_verbs", p["triggers"]),
        weapon_objects=_words(f["triggers"], "weapon_objects", p["triggers"]),
        separators=_words(f["triggers"], "separators", p["triggers"]),
        pairs=_pairs(f["triggers"], p["triggers"], common),
        clause_breaks=_words(f["triggers"], "clause_breaks", p["triggers"]),
        since_words=_lowered(dates, "since", p["dates"]),
        consequences=_words(f["triggers"], "consequences", p["triggers"]),
        consequence_label=_consequence_label(f["triggers"], p["triggers"], common),
        vague=_int_map(f["numbers"], "vague", p["numbers"]),
        exact=_int_map(f["numbers"], "exact", p["numbers"]),
        qualifiers=Lexicon((k, str(v)) for k, v in qualifiers.items()),
        updates=_words(f["numbers"], "updates", p["numbers"]),
        subsets=_words(f["numbers"], "subsets", p["numbers"]),
        parts_after=_words(f["numbers"], "parts_after", p["numbers"]),
        companions=_words(f["numbers"], "companions", p["numbers"]),
        others=_words(f["numbers"], "others", p["numbers"]),
        cumulative=_words(f["numbers"], "cumulative", p["numbers"]),
        other_incident=_words(f["numbers"], "other_incident", p["numbers"]),
        earlier=_words(f["numbers"], "earlier", p["numbers"]),
        earlier_after=_words(f["numbers"], "earlier_after", p["numbers"]),
        range_openers=_lowered(f["numbers"], "range_openers", p["numbers"]),
        range_joiners=_lowered(f["numbers"], "range_joiners", p["numbers"]),
        range_marks=_lowered(f["numbers"], "range_marks", p["numbers"]),
        range_changes=_lowered(f["numbers"], "range_changes", p["numbers"]),
        antecedent=_words(f["numbers"], "antecedent", p["numbers"]),
        projected=_words(f["numbers"], "projected", p["numbers"]),
        implicit=_implicit(f["casualties"], p["casualties"]),
        units=_lowered(f["numbers"], "units", p["numbers"]),
        things=_lowered(f["numbers"], "things", p["numbers"]),
        units_before=_lowered(f["numbers"], "units_before", p["numbers"]),
        multipliers={
            k.lower(): int(v)
            for k, v in _mapping(f["numbers"], "multipliers", p["numbers"]).items()
        },
        kinds=Lexicon(kinds),
        coordinators=_lowered(f["casualties"], "coordinators", p["casualties"]),
        victims=_words(f["casualties"], "victims", p["casualties"]),
        victim_modifiers=_lowered(f["casualties"], "victim_modifiers", p["casualties"]),
        breaks=_words(f["casualties"], "breaks", p["casualties"]),
        attr_before=_words(f["attribution"], "before", p["attribution"]),
        attr_after=_words(f["attribution"], "after", p["attribution"]),
        attr_relayed=_words(f["attribution"], "relayed", p["attribution"]),
        claimant_relative=_lowered(f["attribution"], "relative", p["attribution"]),
        coreferent=_words(f["attribution"], "coreferent", p["attribution"]),
        affiliation=_words(f["attribution"], "affiliation", p["attribution"]),
        organisations=_organisations(root, lang),
        source_nouns=_words(f["attribution"], "source_nouns", p["attribution"]),
        claimant_pronouns=_lowered(f["attribution"], "pronouns", p["attribution"]),
        attr_stop=_lowered(f["attribution"], "stop", p["attribution"]),
        claimant_nouns=_lowered(f["attribution"], "claimant_nouns", p["attribution"]),
        claimant_cut=_lowered(f["attribution"], "cut", p["attribution"]),
        weekdays=_int_map(dates, "weekdays", p["dates"]),
        weekday_words=frozenset(str(k).lower() for k in _mapping(dates, "weekdays", p["dates"])),
        ambiguous_weekdays=_lowered(dates, "ambiguous_weekdays", p["dates"]),
        month_list=tuple(_strings(dates, "months", p["dates"])),
        month_words=frozenset(m.lower() for m in _strings(dates, "months", p["dates"])),
        not_figures=_lowered(f["numbers"], "not_figures", p["numbers"]),
        ambiguous_months=_lowered(dates, "ambiguous_months", p["dates"]),
        relative=_int_map(dates, "relative", p["dates"]),
        report_date_links=_lowered(dates, "report_date_links", p["dates"]),
        event_date_openers=_lowered(dates, "event_date_openers", p["dates"]),
        report_verbs=_words(dates, "report_verbs", p["dates"]),
        same_day=_words(dates, "same_day", p["dates"]),
        background=_words(dates, "background", p["dates"]),
        background_openers=_words(dates, "background_openers", p["dates"]),
        background_exceptions=_words(dates, "background_exceptions", p["dates"]),
        place_before=_words(f["places"], "before", p["places"]),
        place_after=_words(f["places"], "after", p["places"]),
        place_stop=frozenset(_strings(f["places"], "stop", p["places"])),
        particles=_lowered(f["places"], "particles", p["places"]),
        speaker=_words(f["places"], "speaker", p["places"]),
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
