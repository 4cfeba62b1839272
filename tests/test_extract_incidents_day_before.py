"""A sentence opening "The day before, ...", "Two days earlier, ...", "Sehari sebelumnya,
..." steps back in the account: it tells another incident, that many days before the one
told just before it. Inside a sentence the same words are a look back.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from functools import partial

import typing_helpers

run = partial(typing_helpers.run, published="2024-03-14")

TWO_RAIDS = (
    "Gunmen killed at least 20 civilians in an attack on the village of Koriba on Tuesday, "
    "local officials said.\n\n"
    "The day before, soldiers killed 12 people in a raid on a market in the Tamsa region, "
    "residents said."
)


def test_the_day_before_opening_a_sentence_tells_another_incident_a_day_earlier() -> None:
    events = run(TWO_RAIDS)
    assert len(events) == 2
    koriba, tamsa = events
    assert koriba.event_date == "2024-03-12"
    assert tamsa.event_date == "2024-03-11"
    assert {c.value for c in tamsa.claims} == {12}


def test_two_days_earlier_steps_back_two_days() -> None:
    text = TWO_RAIDS.replace("The day before,", "Two days earlier,")
    assert [e.event_date for e in run(text)] == ["2024-03-12", "2024-03-10"]


def test_sehari_sebelumnya_tells_another_incident_a_day_earlier() -> None:
    text = (
        "Kelompok bersenjata menembak mati dua tukang ojek di Distrik Lembah, Selasa (12/3).\n\n"
        "Sehari sebelumnya, kelompok itu membakar sebuah sekolah dan menewaskan seorang guru "
        "di Distrik Ranu."
    )
    events = run(text, lang="id")
    assert [e.event_date for e in events] == ["2024-03-12", "2024-03-11"]


def test_the_day_before_inside_a_sentence_stays_a_look_back() -> None:
    text = (
        "Gunmen killed at least 20 civilians in an attack on the village of Koriba on Tuesday.\n\n"
        "Soldiers had killed 12 people in a raid on a market in the Tamsa region the day before."
    )
    events = run(text)
    assert len(events) == 1
    assert 12 not in {c.value for c in events[0].claims}


def test_the_attack_came_two_days_after_tells_an_incident_two_days_earlier() -> None:
    text = (
        "The army carried out air strikes on a village near Port Adel on Monday, killing at "
        "least 30 people.\n\n"
        "The attack came two days after rebel fighters seized an army outpost in the town of "
        "Varo."
    )
    events = run(text)
    assert [e.event_date for e in events] == ["2024-03-11", "2024-03-09"]


def test_terjadi_dua_hari_setelah_tells_an_incident_two_days_earlier() -> None:
    text = (
        "Kelompok bersenjata menembak mati dua tukang ojek di Distrik Lembah, Selasa (12/3).\n\n"
        "Serangan itu terjadi dua hari setelah aparat menembak mati seorang anggota kelompok "
        "itu di Distrik Ranu."
    )
    events = run(text, lang="id")
    assert [e.event_date for e in events] == ["2024-03-12", "2024-03-10"]


def test_came_after_without_a_number_of_days_stays_a_look_back() -> None:
    text = (
        "The army carried out air strikes on a village near Port Adel on Monday, killing at "
        "least 30 people.\n\n"
        "This came after rebel fighters seized an army outpost in the town of Varo last week."
    )
    assert len(run(text)) == 1


def test_an_earlier_toll_said_the_day_before_is_no_other_incident() -> None:
    # The reporting steps back, not the act: the same ambush, an earlier figure.
    text = (
        "The toll of soldiers killed in an ambush by militants near Port Adel on Tuesday rose "
        "to more than 30, a monitor said.\n\n"
        "The day before, the monitor said at least 26 soldiers were killed in the attack."
    )
    assert len(run(text)) == 1


def test_earlier_this_week_tells_another_incident_known_to_the_week() -> None:
    text = (
        "Militants shot dead a farm worker in the Lirou district on Thursday, police said.\n\n"
        "Earlier this week, two soldiers were killed in a gunfight with militants in the "
        "Varo district, the army said."
    )
    events = run(text, published="2024-03-15")
    assert len(events) == 2
    assert events[1].time_precision == 2
    assert events[1].event_date is not None and events[1].event_date < "2024-03-14"
    assert {c.value for c in events[1].claims} == {2}
