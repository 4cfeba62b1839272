"""A crime word that names the people an act of force fell on ("two men smuggling fuel",
"pengedar narkoba") does not silence the act; a crime, disaster or accident told as the
incident still does. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police shot and killed two men smuggling fuel near the border on Monday.", "en"),
        ("Soldiers shot dead a man suspected of drug smuggling in Kalimbo on Monday.", "en"),
        ("Border guards killed three porters who were smuggling cigarettes on Tuesday.", "en"),
        ("Border guards shot dead three illegal migrants trying to cross on Monday.", "en"),
        ("Pengedar narkoba ditembak polisi di Medan, Senin.", "id"),
        ("Tentara menembak mati tiga penyelundup narkoba di perbatasan, Selasa.", "id"),
    ],
)
def test_force_on_people_named_by_a_crime_is_an_attack(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("An angry mob lynched two men smuggling cattle in Kalimbo on Monday.", "en"),
        ("A mob lynched two suspected car thieves in Kalimbo on Monday.", "en"),
        ("Warga mengeroyok seorang pengedar narkoba hingga tewas di Medan pada Senin.", "id"),
    ],
)
def test_a_crowd_killing_people_named_by_a_crime_is_mob_violence(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police busted a smuggling ring in Kalimbo on Monday and seized 200 kg of drugs.", "en"),
        ("Police arrested three men suspected of smuggling in Kalimbo on Monday.", "en"),
        ("Robbers shot dead a shopkeeper during a robbery in Kalimbo on Monday.", "en"),
        ("A gas explosion killed three people in a restaurant in Kalimbo on Monday.", "en"),
        ("Two people were killed in a traffic accident in Kalimbo on Monday.", "en"),
        ("A boat carrying illegal migrants capsized off Kalimbo on Monday, killing 30.", "en"),
        ("Polisi menangkap dua pengedar narkoba di Medan pada Senin.", "id"),
        ("Polisi membongkar jaringan penyelundupan narkoba di Medan pada Senin.", "id"),
        ("Ledakan tabung gas menewaskan tiga orang di Medan pada Senin.", "id"),
    ],
)
def test_a_crime_or_accident_told_as_the_incident_stays_silent(text: str, lang: str) -> None:
    assert run(text, lang) == []
