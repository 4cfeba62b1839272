"""The knowledge files: they load, they are consistent, and a new language is only data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from wartrace.extract import extract_events
from wartrace.extract.actors import resolve
from wartrace.extract.lexicon import LONG_TEXT, Lexicon, LexiconGroup, fold
from wartrace.extract.resources import (
    DATA_DIR,
    LANG_FILES,
    SHARED_FOLDERS,
    DataError,
    load_language,
)
from wartrace.models import TextAnalysis


@pytest.mark.parametrize("lang", ["en", "id"])
def test_language_data_loads(lang: str) -> None:
    data = load_language(lang)
    assert data is not None and data.lang == lang
    assert data.triggers.size > 50 and data.actors.size > 100
    for key in ("state_forces", "civilians", "unidentified", "main_nonstate"):
        assert key in data.templates


def test_every_language_folder_has_every_file() -> None:
    for folder in DATA_DIR.iterdir():
        if folder.is_dir() and folder.name not in SHARED_FOLDERS:
            for name in LANG_FILES:
                assert (folder / f"{name}.yaml").is_file(), (folder, name)


def test_required_actor_aliases() -> None:
    data = load_language("en")
    assert data is not None
    expected = {
        "ISIS": "Islamic State",
        "ISIL": "Islamic State",
        "Daesh": "Islamic State",
        "Islamic State (IS)": "Islamic State",
        "SAA": "Military Forces of Syria (2000-2024)",
        "NDF": "NDF - National Defence Forces",
        "Liwa al-Quds": "Liwa al-Quds",
        "SDF": "SDF - Syrian Democratic Forces",
        "Hezbollah": "Hezbollah",
        "HTS": "Hayat Tahrir al-Sham",
        "Boko Haram": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "ISWAP": "Islamic State (West Africa)",
        "al-Shabaab": "Al Shabaab",
        "AMISOM": "AMISOM/ATMIS - African Union Mission in Somalia",
        "JNIM": "JNIM - Jamaat Nusrat al-Islam wal-Muslimin",
        "Wagner": "Wagner Group",
        "Iraqi forces": "Military Forces of Iraq (2022-)",
        "Nigerian army": "Military Forces of Nigeria (2023-)",
    }
    for alias, name in expected.items():
        hits = data.actors.find(f"Reports named {alias} today.")
        assert hits and resolve(hits[0].value, None, data.common, None).name == name, alias


def test_indonesian_aliases() -> None:
    data = load_language("id")
    assert data is not None
    for alias in ("Negara Islam", "NIIS", "tentara Suriah", "pasukan rezim Suriah", "Daesh"):
        assert data.actors.find(f"Kata {alias} kemarin."), alias


def test_short_acronyms_keep_their_case() -> None:
    lex = Lexicon([("IS", "Islamic State")])
    assert [h.value for h in lex.find("IS fighters said it is over")] == ["Islamic State"]


def test_prefix_phrases_and_word_boundaries() -> None:
    lex = Lexicon([("attack*", "a"), ("ram", "r")])
    assert [(h.start, h.end) for h in lex.find("Attackers attacked; a program ran.")] == [
        (0, 9),
        (10, 18),
    ]


def test_a_scanned_sentence_gives_each_lexicon_its_own_hits() -> None:
    # invented: a shared phrase, a prefix entry, an acronym and a whole-word entry
    weapons = Lexicon([("bomb*", "w"), ("IS", "is"), ("car bomb", "cb")])
    crowds_words = [("youths", "c"), ("bomb", "b")]
    crowds = Lexicon(crowds_words)
    alone = [Lexicon([("bomb*", "w"), ("IS", "is"), ("car bomb", "cb")]), Lexicon(crowds_words)]
    group = LexiconGroup()
    group.join([weapons, crowds])
    text = "IS youths said it is a car bomb; bombers bombed the bomb squad."
    low = fold(text)
    group.scan(low)
    assert group.scanned(low) is not None
    for lex, plain in zip([weapons, crowds], alone, strict=True):
        assert lex.find(text, low) == plain.find(text, low)
        assert lex.find(text[:20]) == plain.find(text[:20])  # not scanned: its own automaton


def test_long_texts_give_each_lexicon_its_own_hits() -> None:
    # invented: whole articles asked about by two members; from the second article on, one
    # pass of those members' automaton answers them, with the same hits as their own
    weapons = Lexicon([("bomb*", "w"), ("IS", "is"), ("car bomb", "cb")])
    crowds_words = [("youths", "c"), ("bomb", "b")]
    crowds = Lexicon(crowds_words)
    other = Lexicon([("squad", "s")])
    alone = [Lexicon([("bomb*", "w"), ("IS", "is"), ("car bomb", "cb")]), Lexicon(crowds_words)]
    group = LexiconGroup()
    group.join([weapons, crowds, other])
    sentence = "IS youths said it is a car bomb; bombers bombed the bomb squad. "
    for k in range(3):
        text = sentence * (LONG_TEXT // len(sentence) + 1 + k)
        low = fold(text)
        for lex, plain in zip([weapons, crowds], alone, strict=True):
            assert lex.find(text, low) == plain.find(text, low)
    assert other.find(text, low) == Lexicon([("squad", "s")]).find(text, low)


def test_bad_data_gives_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "data" / "en" / "triggers.yaml").write_text("triggers: {nonsense: []}\n")
    with pytest.raises(DataError, match="unknown trigger label 'nonsense'"):
        load_language("en", str(tmp_path / "data"))


def test_a_new_language_is_only_data(tmp_path: Path) -> None:
    """A tiny invented Spanish data folder: no code change, events come out."""
    root = tmp_path / "data"
    root.mkdir()
    for name in ("event_types.yaml", "countries.yaml"):
        shutil.copy(DATA_DIR / name, root / name)
    shutil.copytree(DATA_DIR / "actors", root / "actors")
    es = root / "es"
    es.mkdir()
    files = {
        "triggers": {
            "triggers": {
                "clash": [{"pos": "noun", "phrases": ["enfrentamientos", "combates"]}],
                "attack": [{"phrases": ["atacaron"]}],
            },
            "agent_markers": ["por"],
            "patient_markers": ["contra"],
        },
        "numbers": {"vague": {"decenas de": 10}, "qualifiers": {"al menos": "at_least"}},
        "casualties": {"kinds": {"killed": ["muertos", "murieron"]}, "victims": ["soldados"]},
        "attribution": {"before": ["según"], "after": ["dijo"]},
        "dates": {"weekdays": {"sábado": 5, "lunes": 0}, "months": ["marzo"]},
        "places": {"before": ["en", "cerca de"], "stop": ["El"]},
    }
    for name, content in files.items():
        (es / f"{name}.yaml").write_text(yaml.safe_dump(content, allow_unicode=True))
    text = (
        "Combatientes de ISIS atacaron al ejército iraquí en Mosul el sábado: al menos 7 muertos."
    )
    text = text.replace("al ejército iraquí", "a Iraqi forces")
    (event,) = extract_events(
        text,
        TextAnalysis(clean_text=text, language="es"),
        published="2021-03-15",
        data_dir=root,
    )
    assert event.actor1 == "Islamic State"
    assert event.event_date == "2021-03-13"
    assert event.fatalities == 7
    assert [p.name for p in event.places if p.role == "event"] == ["Mosul"]
