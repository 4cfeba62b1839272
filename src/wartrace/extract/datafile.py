"""Reading the extraction's YAML data files: each field checked for the shape it must have.

A file or field of the wrong shape raises ``DataError`` naming the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from wartrace.datafiles import load_yaml
from wartrace.extract.lexicon import Lexicon


class DataError(ValueError):
    """A data file is missing or malformed."""


def read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise DataError(f"missing data file: {path}")
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping at the top level")
    return data


def string_list(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key) or []
    # bool is an int: a YAML boolean in a word list is a word the file forgot to quote
    if not isinstance(value, list) or not all(
        isinstance(v, str | int) and not isinstance(v, bool) for v in value
    ):
        raise DataError(f"{path}: '{key}' must be a list of strings")
    return [str(v) for v in value]


def mapping(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise DataError(f"{path}: '{key}' must be a mapping")
    return {str(k): v for k, v in value.items()}


def lowered(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    return frozenset(w.lower() for w in string_list(data, key, path))


def word_lexicon(data: dict[str, Any], key: str, path: Path) -> Lexicon[str]:
    return Lexicon((p, p.lower()) for p in string_list(data, key, path))


def int_lexicon(data: dict[str, Any], key: str, path: Path) -> Lexicon[int]:
    entries = []
    for phrase, value in mapping(data, key, path).items():
        if not isinstance(value, int):
            raise DataError(f"{path}: '{key}.{phrase}' must be an integer")
        entries.append((phrase, value))
    return Lexicon(entries)
