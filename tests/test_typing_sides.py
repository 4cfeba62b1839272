"""Event typing and sides by failure kind (session 8): allies and coordinated verbs (an ally
named before the act acted with its subject; coordinated verbs share the object after the
last of them), the people an attack fell on. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- an ally named before the act; coordinated verbs share their object ----------------------


# The sentences fail before both rules: the ally read as the other side, and the civilians too far
# from the first verb ("beat") to be its object.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, ADF militants in coalition with FDLR fighters beat, stabbed and "
            "seriously injured at least three civilians in Kalimbo village.",
            "en",
        ),
        (
            "On Monday, ADF militants together with FDLR fighters beat, stabbed and seriously "
            "injured at least three civilians in Kalimbo village.",
            "en",
        ),
        (
            "Pada Senin, militan ADF bersama dengan milisi FDLR memukuli, menusuk dan melukai "
            "sedikitnya tiga orang warga sipil di desa Kalimbo.",
            "id",
        ),
    ],
)
def test_an_ally_named_before_the_act_is_not_the_other_side(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 is not None and event.actor1.startswith("ADF"), event
    assert event.actor2 is not None and event.actor2.startswith("Civilians"), event


def test_a_side_joined_to_the_objects_after_the_act_is_still_acted_upon() -> None:
    event = one("On Monday, soldiers killed two ADF militants along with a civilian near Kalimbo.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event
    assert event.actor2 is not None and event.actor2.startswith("ADF"), event


# --- a crackdown on a demonstration told place by place in one sentence -----------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "In the deadliest day of the demonstrations so far, soldiers open fire and kill 12 "
            "people who were blocking a road in Kalimbo, while 6 people are killed in Tamsa, and "
            "three people are shot dead in the capital.",
            "en",
        ),
        (
            "Dalam hari paling berdarah sejak unjuk rasa dimulai, tentara melepaskan tembakan dan "
            "menewaskan 12 orang yang memblokade jalan di Kalimbo, sementara 6 orang tewas di "
            "Tamsa.",
            "id",
        ),
    ],
)
def test_killings_in_the_clauses_of_a_crackdown_are_force_against_protesters(
    text: str, lang: str
) -> None:
    events = run(text, lang)
    assert len(events) >= 2, events
    for event in events:
        assert event.sub_event_type == "Excessive force against protesters", event
        assert event.actor1 is not None and event.actor1.startswith("Protesters"), event


def test_another_sides_killing_in_the_same_sentence_stays_its_attack() -> None:
    events = run(
        "In the deadliest day of the demonstrations so far, police open fire and kill 12 people "
        "who were blocking a road in Kalimbo, while ADF rebels kill 6 villagers in Tamsa."
    )
    subs = sorted(e.sub_event_type or "" for e in events)
    assert subs == ["Attack", "Excessive force against protesters"], events


# --- farmers and herders fighting are communal militias ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, five people were killed during a conflict between farmers and herders in "
            "Kalimbo.",
            "en",
        ),
        (
            "On Monday, a fight between herders and farmers over a water point left three people "
            "injured in Kalimbo.",
            "en",
        ),
        (
            "Pada Senin, lima orang tewas dalam bentrokan antara petani dan peternak di Kalimbo.",
            "id",
        ),
    ],
)
def test_a_fight_between_farmers_and_herders_is_between_communal_militias(
    text: str, lang: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event
    assert event.actor1 == event.actor2, event
    assert event.actor1 is not None and "Communal Militia" in event.actor1, event


def test_farmers_killed_by_named_gunmen_are_still_civilians_attacked() -> None:
    event = one("On Monday, gunmen killed five farmers in their fields near Kalimbo.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


# --- demonstrators who clash with the police, or burn papers, demonstrate violently -----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, about 300 traders demonstrated outside the ministry in Kalimbo over new "
            "taxes. Clashes with the police broke out when officers tried to clear the road.",
            "en",
        ),
        (
            "On Monday, inmates demonstrated at the Kalimbo prison over visiting rules. The "
            "inmates burnt official documents.",
            "en",
        ),
        (
            "Pada Senin, ratusan pedagang berunjuk rasa di depan kantor bupati Kalimbo. Bentrokan "
            "dengan polisi pecah saat petugas membubarkan massa.",
            "id",
        ),
    ],
)
def test_a_demonstration_that_clashes_or_burns_is_violent(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration"), event


def test_a_battle_told_beside_a_demonstration_does_not_make_it_violent() -> None:
    events = run(
        "On Monday, hundreds of residents protested in Kalimbo against the killing of a driver. "
        "Clashes between the army and ADF rebels were reported nearby."
    )
    assert events and events[0].sub_event_type == "Peaceful protest", events


# --- a crowd's violence told with its demonstration is the demonstrators' ---------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, angry residents burnt the district offices and two trucks in the "
            "Kalimbo protests.",
            "en",
        ),
        (
            "Pada Senin, massa yang marah membakar kantor camat dalam aksi unjuk rasa di Kalimbo.",
            "id",
        ),
    ],
)
def test_a_mobs_violence_within_protests_is_a_violent_demonstration(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration"), event


def test_a_crowd_dispersed_by_police_tells_no_demonstration() -> None:
    event = one(
        "On Monday, a mob of locals tried to lynch a suspected thief in Kalimbo before police "
        "dispersed the crowd."
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event


# --- acts told by a verb and an object apart: a curfew lifted, people taken hostage -----------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On 7 June 2021, the army lifted a month-old curfew imposed on Kalimbo.", "en"),
        ("On 7 June 2021, the governor extended the night curfew in Kalimbo.", "en"),
        ("Pada 7 Juni 2021, tentara memperpanjang jam malam di Kalimbo.", "id"),
    ],
)
def test_a_curfew_declared_or_lifted_is_a_change_of_activity(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Change to group/activity",
    ), event


def test_people_taken_hostage_are_abducted() -> None:
    event = one("On Monday, ADF militants took 12 villagers hostage near Kalimbo.")
    assert event.sub_event_type == "Abduction/forced disappearance", event


# --- a headline's general word is the lead's specific one -------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "At least 12 soldiers killed in Kalimbo attack\n\nAt least 12 soldiers have been "
            "killed in an air strike by government forces, an official said.\n\nMore were hurt "
            "in the town.",
            "en",
        ),
        (
            "Serangan di Kalimbo tewaskan 12 tentara\n\nSedikitnya 12 tentara tewas dalam "
            "serangan udara oleh pasukan pemerintah, kata seorang pejabat.",
            "id",
        ),
    ],
)
def test_the_lead_under_a_headline_types_the_incident(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    ), event


def test_a_quote_in_the_same_paragraph_is_no_lead() -> None:
    event = one(
        'Minister blames rebels for Kalimbo attacks. "We are sure the missiles came from the north"'
    )
    assert event.sub_event_type == "Attack", event
