"""The package's YAML data files: read fast, safely, and with words left as words."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from wartrace.datafiles import load_yaml, yaml12_loader
from wartrace.extract.datafile import DataError, string_list


def _packaged_yaml_files() -> list[Path]:
    root = Path(str(resources.files("wartrace")))
    return sorted([*root.rglob("*.yaml"), *root.rglob("*.yml")])


def test_every_packaged_yaml_file_loads_the_same_with_libyaml() -> None:
    pure_python = yaml12_loader(yaml.SafeLoader)
    files = _packaged_yaml_files()
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.load(text, Loader=pure_python), path


def test_the_fast_loader_is_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


def test_yaml_1_1_boolean_words_stay_words() -> None:
    # invented: a preposition list and a language list as a data file would hold them
    data = load_yaml("markers: [from, on, off]\nlanguages: [en, no, yes]\nreply: No\n")
    assert data == {
        "markers": ["from", "on", "off"],
        "languages": ["en", "no", "yes"],
        "reply": "No",
    }


def test_true_and_false_are_still_booleans() -> None:
    assert load_yaml("a: true\nb: False\nc: TRUE\nd: [1, 2.5, null]") == {
        "a": True,
        "b": False,
        "c": True,
        "d": [1, 2.5, None],
    }


def test_the_loader_leaves_pyyaml_s_own_safe_loader_alone() -> None:
    assert yaml.safe_load("a: on") == {"a": True}
    load_yaml("a: on")
    assert yaml.safe_load("a: on") == {"a": True}


def _booleans_in_lists(node: Any, where: str = "") -> list[str]:
    if isinstance(node, dict):
        return [hit for k, v in node.items() for hit in _booleans_in_lists(v, f"{where}/{k}")]
    if isinstance(node, list):
        hits: list[str] = []
        for i, item in enumerate(node):
            hits += [f"{where}[{i}]"] if isinstance(item, bool) else _booleans_in_lists(item, where)
        return hits
    return []


def test_no_list_in_a_packaged_data_file_holds_a_boolean() -> None:
    # a list of booleans means a word list with an unquoted true/false in it
    found = {
        str(path): hits
        for path in _packaged_yaml_files()
        if (hits := _booleans_in_lists(load_yaml(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_a_word_list_with_a_boolean_is_a_data_error() -> None:
    with pytest.raises(DataError, match="'words' must be a list of strings"):
        string_list({"words": ["on", True]}, "words", Path("invented.yaml"))
    assert string_list({"words": ["on", 7]}, "words", Path("invented.yaml")) == ["on", "7"]
