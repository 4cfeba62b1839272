"""Forces ACLED codes as police units though they bear arms like soldiers: an interior
ministry's paramilitary (Pakistan's Frontier Corps, Yemen's Special Security Forces), a civilian
intelligence service (Afghanistan's NDS), village police (the Afghan Local Police), India's
central armed police (CISF). Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import run


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "Gunmen attacked a Frontier Corps post in North Waziristan on Tuesday, killing two.",
            "Police Forces of Pakistan (2022-) Frontier Corps",
        ),
        (
            "A bomb planted by the Taliban killed two NDS agents in Kandahar city on Sunday.",
            "Police Forces of Afghanistan (2014-2021) National Directorate of Security",
        ),
        (
            "Taliban fighters attacked an Afghan Local Police checkpoint in Kunduz, killing three.",
            "Police Forces of Afghanistan (2014-2021) Afghan Local Police",
        ),
        (
            "Militants attacked a CISF camp in Budgam on Monday, injuring one officer.",
            "Police Forces of India (2014-)",
        ),
    ],
)
def test_a_police_unit_attacked_is_named_as_police(text: str, actor2: str) -> None:
    events = run(text, "en", published="2020-05-10")
    assert [e.actor2 for e in events] == [actor2]


def test_yemens_special_security_forces_are_police() -> None:
    text = "Members of the Special Security Forces shot dead a man in Taiz on Monday."
    events = run(text, "en", published="2020-05-10")
    assert [e.actor1 for e in events] == ["Police Forces of Yemen (2012-) Special Security Forces"]
