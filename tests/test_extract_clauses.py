"""A sentence that gives a toll for each of several places is one incident per place (ACLED codes
one event per location and day); a clause without a toll or place of its own is not cut off."""

from __future__ import annotations

from functools import partial

import pytest

import typing_helpers
from wartrace.extract.clauses import split_clauses
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import ExtractedEvent

run = partial(typing_helpers.run, published="2021-03-08")


def places(event: ExtractedEvent) -> set[str]:
    return {p.name for p in event.places}


# invented
@pytest.mark.parametrize(
    ("lang", "text", "tolls"),
    [
        (
            "en",
            "Security forces opened fire on protesters on Sunday, killing 12 people in Kalvaro, "
            "while 5 people were killed in Demsa.",
            [[12], [5]],
        ),
        (
            "en",
            "Gunmen killed 7 villagers in Kalvaro on Sunday; 4 soldiers were killed in an ambush "
            "in Demsa.",
            [[7], [4]],
        ),
        (
            "id",
            "Aparat keamanan menembaki pengunjuk rasa pada Minggu, menewaskan 12 orang di Kalvaro, "
            "sementara 5 orang tewas di Demsa.",
            [[12], [5]],
        ),
    ],
)
def test_a_toll_at_each_place_is_an_incident_at_each_place(
    lang: str, text: str, tolls: list[list[int]]
) -> None:
    events = run(text, lang)
    assert [places(e) for e in events] == [{"Kalvaro"}, {"Demsa"}]
    assert [sorted(c.value for c in e.claims if c.kind == "killed") for e in events] == tolls
    # the second clause says no day of its own: it shares the first one's
    assert events[0].event_date == events[1].event_date is not None


# invented
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 5 villagers in Kalvaro on Sunday, and wounded 3 others.",
        "Gunmen killed 5 villagers in Kalvaro on Sunday, while 3 others died in Kalvaro later.",
        "Gunmen killed 5 villagers in Kalvaro on Sunday, while residents fled to Demsa.",
    ],
)
def test_a_clause_without_its_own_toll_and_place_stays_in_the_incident(text: str) -> None:
    events = run(text)
    assert len(events) == 1
    assert places(events[0]) >= {"Kalvaro"}


def test_clauses_keep_their_offsets_in_the_text() -> None:
    # invented
    text = "Troops killed 9 rebels in Kalvaro, while 2 soldiers were killed in Demsa."
    data = load_language("en", None)
    assert data is not None
    parts = split_clauses(split_sentences(text, "en"), data)
    assert [text[p.start : p.end] for p in parts] == [p.text for p in parts]
    assert [p.opens_clause for p in parts] == [False, True]
