"""The trigger and role word lists of every language: each phrase is plain words, and no
phrase is listed under two event labels.

Why: a phrase written with a comma inside a YAML flow list ("[killed or captured, killed,
injured or captured]") is silently split into pieces by YAML, and a piece such as "killed"
then types every report of a killing as a battle (it did, on about 100 ACLED notes, in
session 7). The pieces land as short words that some other label already lists, so a phrase
listed under two labels is the sign of it; a phrase holding punctuation (a block-list item is
not split) is kept out of these lists as well, as the matcher reads words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from wartrace.extract.lexicon import is_word_char
from wartrace.extract.resources import DATA_DIR, SHARED_FOLDERS

# Characters a phrase may hold besides word characters: the space between words, the
# apostrophe and hyphen inside them ("al-Shabaab", "o'clock"), a dot of an abbreviation
# ("U.S."), and the final "*" of a prefix phrase.
PHRASE_CHARS = frozenset(" '-.")
WORD_LIST_FILES = ("triggers", "roles")


def _languages() -> list[Path]:
    return sorted(p for p in DATA_DIR.iterdir() if p.is_dir() and p.name not in SHARED_FOLDERS)


def _strings(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, path)
    elif isinstance(node, str):
        yield path, node


def _punctuation(phrase: str) -> set[str]:
    body = phrase.strip().removesuffix("*")
    return {c for c in body if not (is_word_char(c) or c in PHRASE_CHARS)}


@pytest.mark.parametrize("folder", _languages(), ids=lambda p: p.name)
def test_trigger_and_role_phrases_are_plain_words(folder: Path) -> None:
    bad = []
    for name in WORD_LIST_FILES:
        raw = yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8")) or {}
        for path, phrase in _strings(raw, name):
            if path.endswith(".pos"):
                continue
            if _punctuation(phrase):
                bad.append((path, phrase))
    assert not bad, f"phrases with punctuation (write them as plain words): {bad}"


@pytest.mark.parametrize("folder", _languages(), ids=lambda p: p.name)
def test_no_trigger_phrase_is_listed_under_two_labels(folder: Path) -> None:
    raw = yaml.safe_load((folder / "triggers.yaml").read_text(encoding="utf-8")) or {}
    labels: dict[str, set[str]] = {}
    for label, groups in (raw.get("triggers") or {}).items():
        for group in groups:
            for phrase in group.get("phrases", []):
                labels.setdefault(str(phrase).strip().lower(), set()).add(label)
    twice = {p: sorted(ls) for p, ls in labels.items() if len(ls) > 1}
    assert not twice, f"phrases under two labels (a comma split by YAML?): {twice}"


def test_a_flow_list_comma_split_is_caught() -> None:
    # Invented data: the comma inside the unquoted phrase splits it; "killed" then sits under
    # both labels.
    raw = yaml.safe_load(
        "triggers:\n"
        "  attack:\n    - {phrases: [killed, shot dead]}\n"
        "  clash:\n    - {pos: noun, phrases: [killed or captured, killed, injured or captured]}\n"
    )
    labels: dict[str, set[str]] = {}
    for label, groups in raw["triggers"].items():
        for group in groups:
            for phrase in group["phrases"]:
                labels.setdefault(phrase, set()).add(label)
    assert labels["killed"] == {"attack", "clash"}
    assert _punctuation("killed, injured or captured") == {","}
    assert not _punctuation("al-Shabaab's") and not _punctuation("attack*")


def test_a_label_may_pair_several_kinds_of_verb_and_object() -> None:
    from wartrace.extract.resources import load_language

    data = load_language("en")
    assert data is not None
    labels = [p.label for p in data.pairs]
    assert labels.count("group_change") >= 2, labels  # joined a group; imposed a curfew
