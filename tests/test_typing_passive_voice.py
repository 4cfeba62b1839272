"""Indonesian news puts the victim first with the di- passive ("seorang warga ditikam"): each
wounding verb the lexicon knows in the active voice is an act in the passive too.
All sentences are invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run


@pytest.mark.parametrize(
    "sentence",
    [
        "Seorang petani ditikam orang tak dikenal di Lhoksukon, Aceh Utara, Senin (7/6).",
        "Seorang petani dibacok dua pria bertopeng di Lhoksukon, Aceh Utara, Senin (7/6).",
        "Dua warga dilukai sekelompok orang bersenjata tajam di Wamena, Senin (7/6).",
        "Seorang pedagang dicederai orang tak dikenal di pasar Wamena, Senin (7/6).",
    ],
)
def test_a_wounding_verb_in_the_passive_is_an_attack(sentence: str) -> None:
    event = one(sentence, "id")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_the_active_voice_still_reads_as_an_attack() -> None:
    event = one("Orang tak dikenal menikam seorang petani di Lhoksukon, Senin (7/6).", "id")
    assert event.sub_event_type == "Attack"


def test_a_wound_with_no_act_told_is_no_event() -> None:
    # "luka" alone is a state, not an act: no passive verb, no event.
    assert run("Seorang petani dirawat karena luka lama di rumah sakit Lhoksukon.", "id") == []


def test_the_agent_right_after_shot_dead_in_the_passive_is_the_actor() -> None:
    # "ditembak mati polisi": shot dead by the police, the agent with no "oleh".
    event = one("Seorang pengedar narkoba ditembak mati polisi di Medan, Senin (7/6).", "id")
    assert event.actor1 is not None and event.actor1.startswith("Police Forces")
