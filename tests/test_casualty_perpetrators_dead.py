"""The attacker's own death: "killing himself and 17 worshippers", "blew himself up" (ACLED
counts a suicide bomber among the fatalities) and an Indonesian sentence opening with the
perpetrator ("Pelaku bom bunuh diri tewas di lokasi"). Every sentence is invented."""

from __future__ import annotations

import pytest

from wartrace.extract import extract_events
from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import find_claimant
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import TextAnalysis


def killed(text: str, lang: str) -> list[tuple[int, str | None]]:
    data = load_language(lang)
    assert data is not None
    out: list[tuple[int, str | None]] = []
    for sent in split_sentences(text, lang):
        claims = sentence_claims(sent, data, find_claimant(sent, data))
        out += [(c.value, c.victims) for c in claims if c.kind == "killed"]
    return out


def toll(text: str, lang: str) -> int:
    events = extract_events(
        text, TextAnalysis(clean_text=text, language=lang), published="2020-05-05"
    )
    assert events
    return max(e.fatalities for e in events)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "A suicide bomber blew himself up in a mosque in Dorvale, killing himself and "
            "17 worshippers.",
            18,
        ),
        (
            "The attacker detonated his vest at a checkpoint in Dorvale, killing himself and "
            "five soldiers, the army said.",
            6,
        ),
    ],
)
def test_a_bomber_killing_himself_is_counted_with_his_victims(text: str, dead: int) -> None:
    assert toll(text, "en") == dead


@pytest.mark.parametrize(
    ("text", "lang", "dead"),
    [
        (
            "A suicide bomber blew himself up in a mosque in Dorvale, killing 17 worshippers.",
            "en",
            18,
        ),
        (
            "Three suicide bombers blew themselves up outside a police station in Dorvale, "
            "killing two officers.",
            "en",
            5,
        ),
        (
            "A suicide bomber blew himself up in a mosque in Dorvale, killing himself and 17 "
            "worshippers.",
            "en",
            18,
        ),
        (
            "Seorang pelaku bom bunuh diri meledakkan diri di depan Markas Polres Dorvale, "
            "Senin (2/5), menewaskan dua polisi.",
            "id",
            3,
        ),
    ],
)
def test_bombers_who_blew_themselves_up_are_counted_once(text: str, lang: str, dead: int) -> None:
    assert toll(text, lang) == dead


def test_a_bomber_stopped_before_blowing_himself_up_is_not_counted() -> None:
    text = (
        "Police arrested the suicide bomber before he could blow himself up at the market "
        "in Dorvale."
    )
    events = extract_events(
        text, TextAnalysis(clean_text=text, language="en"), published="2020-05-05"
    )
    assert all(e.fatalities == 0 for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pelaku bom bunuh diri tewas di lokasi kejadian.", [(1, "Pelaku bom bunuh diri")]),
        ("Pelaku tewas di tempat, sementara tiga polisi luka-luka.", [(1, "Pelaku")]),
        ("Pelaku penembakan tewas ditembak polisi.", [(1, "Pelaku penembakan")]),
    ],
)
def test_a_sentence_opening_with_the_perpetrator_counts_one(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert killed(text, "id") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Warga tewas dalam serangan itu.",  # bare "warga" may be many: no count
        "Pelaku menewaskan tiga warga.",  # the perpetrator killed, not died
    ],
)
def test_a_bare_noun_that_may_be_many_or_an_active_killer_counts_no_one(text: str) -> None:
    assert (1, "Pelaku") not in killed(text, "id")
    assert all(victims != "Warga" for _, victims in killed(text, "id"))


def test_a_bomber_bare_in_indonesian_is_added_to_his_victims() -> None:
    text = (
        "Seorang pelaku bom bunuh diri meledakkan diri di depan Markas Polres Dorvale, "
        "Senin (2/5), menewaskan dua polisi. Pelaku tewas di tempat."
    )
    assert toll(text, "id") == 3


@pytest.mark.parametrize(
    ("text", "lang", "dead"),
    [
        (
            "A female suicide bomber blew herself up at a fish market in Dorvale, killing "
            "eight people including herself, a militia leader said.",
            "en",
            8,
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Dorvale, killing 12 people, "
            "including the bomber.",
            "en",
            12,
        ),
        (
            "Seorang pelaku bom bunuh diri meledakkan dirinya di pasar Dorvale, menewaskan "
            "delapan orang, termasuk pelaku.",
            "id",
            8,
        ),
    ],
)
def test_a_toll_naming_the_bomber_among_its_dead_already_counts_him(
    text: str, lang: str, dead: int
) -> None:
    assert toll(text, lang) == dead
