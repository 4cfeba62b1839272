"""A sentence that opens on a place set off by a comma ("In southern Lebanon, ...", "In
neighbouring Burkina Faso, ...", "Di Kabupaten X, ...") moves the news to another scene: when
the incident told before is placed elsewhere, it is another incident.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from functools import partial

import typing_helpers

run = partial(typing_helpers.run, published="2024-03-14")


def test_a_sentence_opening_on_another_country_is_another_incident() -> None:
    text = (
        "Suspected jihadists killed at least 20 civilians in an attack on the village of "
        "Koriba in central Mali on Tuesday, local officials said.\n\n"
        "In neighbouring Burkina Faso, gunmen ambushed a convoy near Tamsa, killing 15 "
        "soldiers, security sources said."
    )
    events = run(text)
    assert len(events) == 2
    assert {c.value for c in events[0].claims} == {20}
    assert {c.value for c in events[1].claims} == {15}


def test_a_sentence_opening_on_another_region_after_a_separate_incident_is_its_own() -> None:
    text = (
        "An air strike on a school in Port Adel killed at least 22 people on Saturday.\n\n"
        "In a separate incident, troops shot dead two men near the Varo crossing, medics "
        "said.\n\n"
        "In southern Lebanon, a drone strike on a car killed a commander, the group said."
    )
    events = run(text)
    assert len(events) == 3
    assert {c.value for c in events[2].claims} == {1}


def test_di_opening_on_another_district_is_another_incident() -> None:
    text = (
        "Kelompok bersenjata menembak mati dua tukang ojek di Distrik Lembah, Selasa (12/3).\n\n"
        "Di Kabupaten Lembayung, aparat terlibat kontak tembak dengan kelompok bersenjata "
        "yang menewaskan satu anggota kelompok itu."
    )
    assert len(run(text, lang="id")) == 2


def test_a_sentence_opening_on_the_same_place_stays_with_its_incident() -> None:
    text = (
        "An air strike on a school in Port Adel killed at least 22 people on Saturday.\n\n"
        "In Port Adel, rescuers said the strike had killed 25 people."
    )
    assert len(run(text)) == 1


def test_an_opening_without_a_place_marker_is_no_scene() -> None:
    # "Lebanese officials, ...": a subject set off by a comma, not a place the news moves to.
    text = (
        "An air strike on a school in Port Adel killed at least 22 people on Saturday.\n\n"
        "Lebanese officials, speaking on condition of anonymity, said the strike killed 25."
    )
    assert len(run(text)) == 1


def test_a_place_where_the_incident_is_spoken_of_is_no_scene() -> None:
    # "In Valdor, the military said the strike ...": where it was said, not another act.
    text = (
        "An air strike on a school in Port Adel killed at least 22 people on Saturday.\n\n"
        "In Valdor, the military said the strike targeted fighters in the school.\n\n"
        "At the Rima hospital, doctors said the strike had killed 25 people."
    )
    assert len(run(text)) == 1


def test_a_capitalised_word_that_is_no_place_is_no_scene() -> None:
    text = (
        "An air strike on a school in Port Adel killed at least 22 people on Saturday.\n\n"
        "At Kell's orders, warships fired 40 missiles at an airfield near Varo."
    )
    assert len(run(text)) == 1
