"""A figure after a word that denies it counts no one: "no one was killed", "tak seorang pun
tewas" (ovos and the lexicon read "one" and "seorang" as 1). Sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences


def figures(text: str, lang: str) -> list[tuple[int, str]]:
    data = load_language(lang)
    assert data is not None
    out: list[tuple[int, str]] = []
    for sent in split_sentences(text, lang):
        out += [(c.value, c.kind) for c in sentence_claims(sent, data, find_claimant(sent, data))]
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A bomb exploded at a market in Dorvale, but no one was killed, police said.", "en"),
        ("Gunmen attacked a checkpoint in Dorvale. No one was hurt.", "en"),
        ("Bom meledak di pasar Dorvale. Tidak seorang pun tewas dalam ledakan itu.", "id"),
        ("Kelompok bersenjata menyerang pos polisi di Dorvale. Tak seorang pun terluka.", "id"),
    ],
)
def test_a_denied_figure_counts_no_one(text: str, lang: str) -> None:
    assert figures(text, lang) == []


def test_a_figure_beside_a_denied_one_still_counts() -> None:
    text = "Gunmen killed two soldiers in Dorvale. No one else was hurt."
    assert figures(text, "en") == [(2, "killed")]
