"""Event typing of acts told by words the lexicons lacked, and of their authors (every text
invented, in English and Indonesian)."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- acts told by verbs and nouns the lexicon lacked --------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "On Monday, the rebels blew up a railway track near Kalimbo.",
            "en",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "Police shoot a student in Kalimbo.",
            "en",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On Monday, two soldiers sexually molested a girl in Kalimbo.",
            "en",
            ("Violence against civilians", "Sexual violence"),
        ),
        (
            "Pada Senin, dua tentara mencabuli seorang gadis di Kalimbo.",
            "id",
            ("Violence against civilians", "Sexual violence"),
        ),
        (
            "On Monday, gunmen stopped a bus near Kalimbo and took five traders to an unknown "
            "location.",
            "en",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "Pada Senin, orang bersenjata menghentikan bus di dekat Kalimbo dan lima pedagang "
            "dibawa ke lokasi yang tidak diketahui.",
            "id",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "On Monday, a shootout between police and gunmen in Kalimbo left one man dead.",
            "en",
            ("Battles", "Armed clash"),
        ),
        (
            "Pada Senin, adu tembak antara polisi dan kelompok bersenjata di Kalimbo menewaskan "
            "satu orang.",
            "id",
            ("Battles", "Armed clash"),
        ),
        (
            "On Monday, unknown gunmen tried to assassinate a trader in Kalimbo, seriously "
            "injuring him.",
            "en",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On Monday, a prisoner died under torture in the prison of Kalimbo, held by the "
            "rebels.",
            "en",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Pada Senin, seorang tahanan disiksa oleh pemberontak di penjara Kalimbo.",
            "id",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_acts_told_by_words_once_missing_are_typed(
    text: str, lang: str, expected: tuple[str, str]
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == expected, event


# --- a wound with its author is an act, not only a toll -----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, two girls were wounded by army fire in Kalimbo.", "en"),
        ("Pada Senin, dua anak perempuan terluka oleh tembakan tentara di Kalimbo.", "id"),
    ],
)
def test_people_wounded_by_a_named_side_were_attacked(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces")


def test_people_wounded_with_nobody_named_are_a_toll_not_an_event() -> None:
    assert run("Five people were wounded, officials said.") == []


# --- words that only look like fights or auxiliaries --------------------------------------------


def test_getting_engaged_to_someone_is_no_fight() -> None:
    event = one(
        "On Monday, a shepherd was killed by a rebel in Kalimbo because he had got engaged to "
        "the rebel's cousin."
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_the_acronym_is_before_a_verb_is_a_name_not_a_passive() -> None:
    event = one(
        "On Monday, gunmen believed to belong to IS shot and killed a man near a checkpoint in "
        "Kalimbo."
    )
    assert (event.event_type, event.actor1) == ("Violence against civilians", "Islamic State")


# --- a state force's bombing is from the air ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        ("On Monday, the army bombed rebel bases near Kalimbo.", "en", "Air/drone strike"),
        (
            "Pada Senin, militer mengebom markas pemberontak di dekat Kalimbo.",
            "id",
            "Air/drone strike",
        ),
        (
            "On Monday, the rebels bombed a bus station in Kalimbo.",
            "en",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_a_bombing_with_no_device_named_is_from_the_air_when_a_state_force_bombs(
    text: str, lang: str, sub: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", sub), event


# --- one unknown attacker ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, the house of a judge in Kalimbo was shot at by an unidentified attacker.",
            "en",
        ),
        ("Pada Senin, rumah seorang hakim di Kalimbo ditembak pelaku tak dikenal.", "id"),
    ],
)
def test_one_unidentified_attacker_is_an_unidentified_armed_group(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group"), event


# --- an attack on property alone destroys property ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, unknown gunmen attacked an ambulance near Kalimbo and set it ablaze.", "en"),
        (
            "On Monday, militants carried out an arson attack targeting a factory in Kalimbo. "
            "The attack caused material damage.",
            "en",
        ),
        (
            "Pada Senin, orang tak dikenal menyerang sebuah kantor radio di Kalimbo dan membakar "
            "gedung itu.",
            "id",
        ),
    ],
)
def test_an_attack_on_property_with_no_one_hurt_is_property_destruction(
    text: str, lang: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    ), event


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, gunmen assaulted and robbed bus passengers near Kalimbo.",
        "On Monday, gunmen attacked a village near Kalimbo, killing two people and burning houses.",
    ],
)
def test_an_attack_on_people_stays_an_attack_when_property_is_also_destroyed(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


# --- a negation inside a side's name negates nothing ------------------------------------------


def test_unknown_people_in_indonesian_still_act() -> None:
    event = one("Pada Senin, orang tak dikenal menembak mati seorang pedagang di Kalimbo.", "id")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_indonesian_negated_shooting_is_no_event() -> None:
    assert run("Pada Senin, polisi tidak menembak para demonstran di Kalimbo.", "id") == []


# --- a force's "strike" told by what it fell on is from the air; a labour strike is a protest ---


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, a strike on a house in Kalimbo killed eight members of one family.",
        "On Monday, strikes hit militia positions near Kalimbo, the army said.",
        "A government strike on Monday killed five people in Kalimbo.",
    ],
)
def test_a_strike_told_by_what_it_hit_is_an_air_strike(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, workers staged a general strike in Kalimbo over unpaid wages.",
        "On Monday, teachers went on strike in Kalimbo over unpaid salaries.",
        "Dock workers in Kalimbo were on strike on Monday.",
    ],
)
def test_a_labour_strike_is_a_peaceful_protest(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


# --- quadcopters are drones; bars, hotels and stalls are property -------------------------------


def test_a_quadcopter_dropping_explosives_is_a_drone_strike() -> None:
    event = one("On Monday, a quadcopter dropped explosives on a militia position near Kalimbo.")
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, gunmen burned a bar in Kalimbo after its owner refused to pay.", "en"),
        ("Pada Senin, orang tak dikenal membakar sebuah warung di Kalimbo.", "id"),
    ],
)
def test_a_business_burned_by_gunmen_is_property_destruction(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )
