"""The actor dictionary (data/actors/*.yaml) and the organisations that give figures.

Entries are read once per data folder, with their sides (whom each fights for) and their
readings by country resolved; ``actor_aliases`` gives one language's aliases of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from wartrace.extract.datafile import DataError, mapping, read_yaml
from wartrace.extract.knowledge import ActorEntry
from wartrace.extract.lexicon import Lexicon, fold

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
NATIONAL_SECTION = "national_forces"
NAMED_SECTIONS = ("actors", IDENTITY_SECTION)  # named actors, not a country's templates
GENERATED_SECTIONS = (IDENTITY_SECTION, NATIONAL_SECTION)  # entries made from patterns


def _identity_items(raw: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """Dictionary entries for the ethnic groups and clans an identity-militia file lists: each
    kind's name and alias patterns filled with each group's name and forms (see the file)."""
    out: list[dict[str, Any]] = []
    for kind in raw.get(IDENTITY_SECTION) or []:
        if not isinstance(kind, dict) or "name" not in kind or "groups" not in kind:
            raise DataError(f"{path}: every '{IDENTITY_SECTION}' kind needs name and groups")
        patterns = mapping(kind, "patterns", path)
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


def _fill(pattern: str, forms: dict[str, list[str]]) -> list[str]:
    """Every phrase of a pattern with its "{adj}"/"{name}" slot filled by each form."""
    for slot in ("adj", "name"):
        if "{" + slot + "}" in pattern:
            return [pattern.replace("{" + slot + "}", f) for f in forms.get(slot, [])]
    return [pattern]


def _national_items(raw: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """Entries for the forces of each country a national-forces file lists: every kind's
    patterns filled with the country's adjective and name forms per language ("Chadian
    soldiers", "pasukan Filipina"), each kind one state entry of that country."""
    spec = raw.get(NATIONAL_SECTION)
    if spec is None:
        return []
    kinds, countries = spec.get("kinds"), mapping(spec, "countries", path)
    if not isinstance(kinds, list) or not all(
        isinstance(k, dict) and {"name", "key"} <= set(k) for k in kinds
    ):
        raise DataError(f"{path}: '{NATIONAL_SECTION}' needs a list of kinds with name and key")
    out: list[dict[str, Any]] = []
    for code, forms in countries.items():
        if not isinstance(forms, dict):
            raise DataError(f"{path}: country {code} needs adj/name forms by language")
        for kind in kinds:
            if code in (kind.get("except") or ()):
                continue
            patterns = mapping(kind, "patterns", path)
            aliases = {}
            for lang, pats in patterns.items():
                by_slot = _slot_forms(forms, str(lang))
                aliases[str(lang)] = [a for p in pats for a in _fill(str(p), by_slot)]
            out.append(
                {
                    "name": str(kind["name"]),
                    "key": str(kind["key"]),
                    "inter": STATE_INTER,
                    "country": str(code),
                    "aliases": aliases,
                }
            )
    return out


@lru_cache(maxsize=16)
def nationals(data_dir: str, lang: str) -> Lexicon[str]:
    """A country's people named by nationality ("Israelis", "warga Israel"), their ISO codes:
    the national-forces file's "people" patterns filled with each country's forms."""
    out: list[tuple[str, str]] = []
    for path in sorted((Path(data_dir) / "actors").glob("*.yaml")):
        spec = read_yaml(path).get(NATIONAL_SECTION) or {}
        pats = [str(p) for p in (spec.get("people") or {}).get(lang, [])]
        for code, forms in (spec.get("countries") or {}).items():
            by_slot = _slot_forms(forms, lang)
            out.extend((phrase, str(code)) for p in pats for phrase in _fill(p, by_slot))
    return Lexicon(out)


CAPTURED_SECTION = "captured_militias"
CAPTURED_WORD = r"(?-i:[A-ZÀ-Þ])[\w'’-]*"  # a capitalised word of the text


@dataclass(frozen=True, slots=True)
class Capture:
    """A militia named by words of the text: a pattern with "{X}" (the captured words) and
    perhaps "{clan}" (a known clan), and the ACLED name to fill."""

    pattern: re.Pattern[str]
    name: str  # "{X} Communal Militia ({country})", "{clan}-{X} Sub-Clan Militia (...)"


@lru_cache(maxsize=16)
def captured_militias(data_dir: str, lang: str) -> tuple[Capture, ...]:
    """The identity-militia files' captured militias for one language, as regular
    expressions: "{X}" one or two words (group "x"), "{clan}" any form of a clan group
    (group "clan", its canonical name read with `clan_names`)."""
    out: list[Capture] = []
    for path in sorted((Path(data_dir) / "actors").glob("*.yaml")):
        raw = read_yaml(path)
        clans = "|".join(
            re.escape(form)
            for form, _ in sorted(clan_names(data_dir).items(), key=lambda f: -len(f[0]))
        )
        for item in raw.get(CAPTURED_SECTION) or []:
            if not isinstance(item, dict) or "name" not in item:
                raise DataError(f"{path}: every '{CAPTURED_SECTION}' item needs a name")
            for pat in (item.get("patterns") or {}).get(lang, []):
                rx = re.escape(str(pat)).replace(
                    r"\{X\}", f"(?P<x>{CAPTURED_WORD}(?: {CAPTURED_WORD})?)"
                )
                rx = rx.replace(r"\{clan\}", f"(?P<clan>{clans})")
                out.append(
                    Capture(re.compile(rf"(?<!\w){rx}(?!\w)", re.IGNORECASE), str(item["name"]))
                )
    return tuple(out)


@lru_cache(maxsize=4)
def captured_regions(data_dir: str) -> frozenset[str]:
    """Words that end a region's name ("State", "Province"): a capture ending so is no
    community (folded)."""
    return frozenset(
        fold(str(w))
        for path in sorted((Path(data_dir) / "actors").glob("*.yaml"))
        for w in read_yaml(path).get("captured_regions") or []
    )


@lru_cache(maxsize=4)
def captured_names(data_dir: str) -> tuple[str, ...]:
    """The names captured militias take ("{X} Communal Militia ({country})"), every language."""
    return tuple(
        str(item["name"])
        for path in sorted((Path(data_dir) / "actors").glob("*.yaml"))
        for item in read_yaml(path).get(CAPTURED_SECTION) or []
        if isinstance(item, dict) and "name" in item
    )


@lru_cache(maxsize=4)
def clan_names(data_dir: str) -> dict[str, str]:
    """Every form of a clan group of the identity-militia files (folded), its group name."""
    out: dict[str, str] = {}
    for path in sorted((Path(data_dir) / "actors").glob("*.yaml")):
        for kind in read_yaml(path).get(IDENTITY_SECTION) or []:
            if isinstance(kind, dict) and kind.get("kind") == "clan":
                for group in kind.get("groups") or []:
                    for forms in (v for k, v in group.items() if k != "group"):
                        out.update((fold(str(f)), str(group["group"])) for f in forms)
    return out


STATE_FORCES_KEY = "state_forces"


@lru_cache(maxsize=16)
def subject_states(data_dir: str, lang: str) -> Lexicon[ActorEntry]:
    """A country's name as who acted ("Israel", "Rusia"), its state-forces entry: the
    national-forces file's "subjects" patterns filled with each country's name forms. Where
    the name is a clause's subject is for the caller to tell (extract/actors.py)."""
    forces = {
        e.country: e
        for e, _ in reversed(load_actor_entries(data_dir))
        if e.key == STATE_FORCES_KEY and e.country and "{country}" in e.name
    }
    out: list[tuple[str, ActorEntry]] = []
    for path in sorted((Path(data_dir) / "actors").glob("*.yaml")):
        spec = read_yaml(path).get(NATIONAL_SECTION) or {}
        pats = [str(p) for p in (spec.get("subjects") or {}).get(lang, [])]
        for code, forms in (spec.get("countries") or {}).items():
            entry = forces.get(str(code))
            if entry is None:
                continue
            by_slot = _slot_forms(forms, lang)
            out.extend((phrase, entry) for p in pats for phrase in _fill(p, by_slot))
    return Lexicon(out)


def _slot_forms(forms: dict[str, Any], lang: str) -> dict[str, list[str]]:
    """A country's adjective and name forms in one language, by pattern slot."""
    return {
        slot: [str(f) for f in (forms.get(slot) or {}).get(lang, [])] for slot in ("adj", "name")
    }


def _actor_items(root: Path) -> list[tuple[str, dict[str, Any], Path]]:
    """(section, item, file) of every actor file: data/actors/*.yaml, in name order."""
    folder = root / "actors"
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not paths:
        raise DataError(f"missing actor files: {folder}/*.yaml")
    out: list[tuple[str, dict[str, Any], Path]] = []
    for path in paths:
        raw = read_yaml(path)
        out.extend((IDENTITY_SECTION, item, path) for item in _identity_items(raw, path))
        out.extend((NATIONAL_SECTION, item, path) for item in _national_items(raw, path))
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
    # An alias an explicit entry holds ("Fulani militia", "Russian forces") is not a
    # generated entry's.
    explicit = {
        fold(str(a))
        for section, item, _ in items
        if section not in GENERATED_SECTIONS
        for forms in (item.get("aliases") or {}).values()
        for a in forms or []
    }
    for section, item, path in items:
        if section in GENERATED_SECTIONS:
            item["aliases"] = {
                lang: [a for a in forms if fold(a) not in explicit]
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
        if section in (*NAMED_SECTIONS, NATIONAL_SECTION):
            e = replace(
                e,
                side=actor_side(e, by_name),
                by_country=tuple((cc, sided[name]) for cc, name in sorted(readings.items())),
            )
        out.append((e, by_lang))
    return tuple(out)


@lru_cache(maxsize=4)
def earlier_names(data_dir: str) -> dict[str, tuple[tuple[str, str, int], ...]]:
    """Per actor name, the names ACLED gave the same actor before a day: (until, name, inter),
    in order ("Islamic State (Mozambique)" was "Islamist Militia (Mozambique)" until it was
    named as IS's branch). From each entry's optional `earlier` list."""
    out: dict[str, tuple[tuple[str, str, int], ...]] = {}
    for section, item, path in _actor_items(Path(data_dir)):
        spans = item.get("earlier") if section not in GENERATED_SECTIONS else None
        if not spans:
            continue
        rows = []
        for span in spans:
            until = str(span.get("until", "")) if isinstance(span, dict) else ""
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", until) or "name" not in span:
                raise DataError(f"{path}: '{item['name']}': every earlier name needs until, name")
            rows.append((until, str(span["name"]), int(span.get("inter", item["inter"]))))
        out[str(item["name"])] = tuple(sorted(rows))
    return out


@dataclass(frozen=True, slots=True)
class StandIn:
    """A mission or coalition ACLED names for a member's forces in one country and span."""

    country: str  # ISO code of the event's country
    since: str  # YYYY-MM-DD, "" when open
    until: str  # YYYY-MM-DD (exclusive), "" when open
    name: str  # the mission's name
    inter: int


@lru_cache(maxsize=4)
def stand_ins(data_dir: str) -> dict[str, tuple[StandIn, ...]]:
    """Per state-force name without its period ("Military Forces of Saudi Arabia"), the
    missions that stand for it: ACLED codes a member's forces inside a coalition's theatre as
    the coalition (Saudi forces in Yemen as "Operation Restoring Hope"). From each entry's
    optional `stands_for` list."""
    out: dict[str, list[StandIn]] = {}
    for section, item, path in _actor_items(Path(data_dir)):
        spans = item.get("stands_for") if section not in GENERATED_SECTIONS else None
        for span in spans or []:
            if not isinstance(span, dict) or not {"actor", "country"} <= set(span):
                raise DataError(f"{path}: '{item['name']}': stands_for needs actor, country")
            since, until = str(span.get("since", "")), str(span.get("until", ""))
            if not all(re.fullmatch(r"(\d{4}-\d\d-\d\d)?", d) for d in (since, until)):
                raise DataError(f"{path}: '{item['name']}': bad since/until {since!r} {until!r}")
            out.setdefault(str(span["actor"]), []).append(
                StandIn(str(span["country"]), since, until, str(item["name"]), int(item["inter"]))
            )
    return {name: tuple(spans) for name, spans in out.items()}


def actor_aliases(root: Path, lang: str) -> list[tuple[str, ActorEntry]]:
    return [
        (alias, entry)
        for entry, aliases in load_actor_entries(str(root))
        for alias in aliases.get("any", []) + aliases.get(lang, [])
    ]


class Organisations:
    """Bodies that give figures, known under other names in other languages: a claimant
    written "Observatorium Suriah untuk Hak Asasi Manusia" is the "Syrian Observatory for Human
    Rights" in every report, so reports in different languages agree on who said what."""

    def __init__(
        self,
        entries: list[tuple[str, str]],
        kinds: dict[str, str] | None = None,
        speaks_for: dict[str, str] | None = None,
        body_names: dict[str, str] | None = None,
    ) -> None:
        self._lex: Lexicon[str] = Lexicon(entries)
        self.kinds = kinds or {}  # name -> what the body is ("monitor", "news agency")
        # name -> the kind of body whose statements it carries (Amaq: an armed group's)
        self.speaks_for = speaks_for or {}
        # A government body's name in this language -> its English name ("Kementerian
        # Pertahanan" -> "Ministry of Defence"), whatever country it serves.
        self._bodies: Lexicon[str] = Lexicon((body_names or {}).items())
        self.names = frozenset(name for _, name in entries) | frozenset(self.kinds)
        self._in_order = tuple(sorted(self.names))  # looked up per claimant: sorted once

    def named_in(self, claimant: str) -> str | None:
        """The listed body the claimant names, in any of its names ("Rami X (Syrian
        Observatory ...)", "a statement from Amaq")."""
        hits = self._lex.find(claimant)
        if hits:
            return hits[0].value
        return next((n for n in self._in_order if n in claimant), None)

    def holds_one(self, claimant: str) -> bool:
        return self.named_in(claimant) is not None

    def kind_of(self, claimant: str) -> str | None:
        body = self.named_in(claimant)
        return self.kinds.get(body) if body else None

    def voices(self, claimant: str) -> set[str]:
        """The kinds of body whose statements the claimant gives: its own kind and, for a
        channel (Amaq), the kind it speaks for."""
        body = self.named_in(claimant)
        if body is None:
            return set()
        return {k for k in (self.kinds.get(body), self.speaks_for.get(body)) if k}

    def canonical(self, claimant: str) -> str:
        """The claimant as written, with the English name added: "Observatorium Suriah untuk
        Hak Asasi Manusia (Syrian Observatory for Human Rights)"; inside a longer claimant
        ("Rami X (Observatorium ...)") the name is replaced. A government body named in the
        language of the text ("Kementerian Pertahanan Somalia") gets the English name of
        its kind of body added ("... (Ministry of Defence)")."""
        hits = self._lex.find(claimant)
        if not hits and "(" not in claimant:
            body = next((h for h in self._bodies.find(claimant) if h.start == 0), None)
            if body is not None:
                return f"{claimant} ({body.value})"
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(claimant):
            return f"{claimant} ({hits[0].value})"
        out, last = [], 0
        for h in hits:
            out += [claimant[last : h.start], h.value]
            last = h.end
        return "".join(out) + claimant[last:] if out else claimant


def load_organisations(
    root: Path, lang: str, body_names: dict[str, Any] | None = None
) -> Organisations:
    bodies = {str(k): str(v) for k, v in (body_names or {}).items()}
    path = root / "organisations.yaml"
    if not path.is_file():
        return Organisations([], body_names=bodies)  # optional: claimants stay as written
    raw = read_yaml(path)
    items = raw.get("organisations") or []
    if not isinstance(items, list):
        raise DataError(f"{path}: 'organisations' must be a list")
    entries: list[tuple[str, str]] = []
    kinds: dict[str, str] = {}
    speaks_for: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise DataError(f"{path}: every organisation needs a name")
        aliases = item.get("aliases") or {}
        if not isinstance(aliases, dict):
            raise DataError(f"{path}: aliases of '{item['name']}' must be a mapping by language")
        written = [str(a) for a in (aliases.get("any") or []) + (aliases.get(lang) or [])]
        entries.extend((a, item["name"]) for a in written)
        kinds[item["name"]] = str(item.get("kind") or "")
        if item.get("speaks_for"):
            speaks_for[item["name"]] = str(item["speaks_for"])
    return Organisations(entries, kinds, speaks_for, bodies)
