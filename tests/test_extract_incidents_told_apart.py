"""A sentence opened as another occurrence ("Earlier in the day", "Meanwhile", "Sementara
itu") that tells another kind of act with a toll of its own is an incident of its own, on the
day of the incident told before it when it gives none.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from functools import partial

import typing_helpers

run = partial(typing_helpers.run, published="2021-03-10")


BUS_AND_ROCKET = (
    "Gunmen attacked a bus near Port Calder on Tuesday, killing 14 passengers, officials said. "
    "Another 6 people were wounded.\n\n"
    "Earlier in the day, one person was killed and two were injured in a rocket attack on a "
    "farm, officials said."
)


def test_other_act_with_its_own_toll_after_earlier_in_the_day_is_another_incident() -> None:
    events = run(BUS_AND_ROCKET)
    assert len(events) == 2
    _bus, rocket = events
    assert rocket.sub_event_type == "Shelling/artillery/missile attack"
    assert {c.value for c in rocket.claims} == {1, 2}
    assert 14 not in {c.value for c in rocket.claims}


def test_incident_told_apart_without_a_day_takes_the_day_told_before() -> None:
    bus, rocket = run(BUS_AND_ROCKET)
    assert bus.event_date == "2021-03-09"
    assert rocket.event_date == "2021-03-09"


def test_meanwhile_with_the_same_kind_of_act_stays_one_incident() -> None:
    # The same act told again, its toll updated: no second incident.
    text = (
        "Gunmen attacked a bus near Port Calder on Tuesday, killing 14 passengers. "
        "Meanwhile, officials said the attack had killed 16 people."
    )
    assert len(run(text)) == 1


def test_meanwhile_without_a_toll_stays_one_incident() -> None:
    text = (
        "Gunmen attacked a bus near Port Calder on Tuesday, killing 14 passengers. "
        "Meanwhile, troops shelled the hills where the gunmen had fled."
    )
    assert len(run(text)) == 1


def test_sementara_itu_with_a_clash_and_its_toll_is_another_incident() -> None:
    text = (
        "Aparat menembaki demonstran di Kota Lembayung pada Selasa (9/3), menewaskan 20 orang.\n\n"
        "Sementara itu, 7 orang tewas dalam bentrokan di sebuah pasar."
    )
    events = run(text, lang="id")
    assert len(events) == 2
    assert events[1].event_type == "Battles"
    assert {c.value for c in events[1].claims} == {7}
    assert events[1].event_date == "2021-03-09"


def test_incident_told_apart_as_just_happened_keeps_the_report_day() -> None:
    # "has killed": news of the day the report is published, not of the day told before.
    text = (
        "Gunmen attacked a bus near Port Calder on Monday, killing 14 passengers.\n\n"
        "Meanwhile, a suicide bomber has killed at least 9 people in the port city of Marlow."
    )
    events = run(text)
    assert len(events) == 2
    assert events[0].event_date == "2021-03-08"
    assert events[1].event_date == "2021-03-10"


def test_an_older_day_does_not_join_an_incident_told_beside_a_dated_one() -> None:
    # The "Meanwhile" incident is on the bus attack's day; last week's strike is not it.
    text = (
        "Gunmen attacked a bus near Port Calder on Tuesday, killing 14 passengers.\n\n"
        "Meanwhile, troops repelled an assault near the village of Varo, the army said.\n\n"
        "Last Wednesday's strike on a market killed 12 people."
    )
    events = run(text)
    assert [e.event_date for e in events][:2] == ["2021-03-09", "2021-03-09"]
    assert 12 not in {c.value for c in events[1].claims}
