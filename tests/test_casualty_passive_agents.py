"""A figure before a death verb passive by its form counts the dead, whoever follows the verb.
Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import run


@pytest.mark.parametrize(
    "text",
    [
        "Dua terduga teroris ditembak mati polisi di Kalimbo pada Senin (7/6).",
        "Dua warga ditembak mati orang tak dikenal di Kalimbo pada Senin (7/6).",
        "Dua anggota TNI dibunuh kelompok bersenjata di Kalimbo pada Senin (7/6).",
    ],
)
def test_the_agent_after_an_indonesian_passive_does_not_make_the_dead_killers(text: str) -> None:
    events = run(text, "id")
    assert [e.fatalities for e in events] == [2]
    assert [c.value for c in events[0].claims] == [2]


def test_a_figure_before_an_active_verb_still_counts_the_killers() -> None:
    events = run("Tiga pria bersenjata membunuh dua warga di Kalimbo pada Senin (7/6).", "id")
    assert [c.value for e in events for c in e.claims] == [2]
