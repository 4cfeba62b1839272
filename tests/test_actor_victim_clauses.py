"""What the words around a side say about it: a soldier off duty or a soldier's family are
civilians, a group named in a charge or as another group's parent is no side, a crowd that
acts is not its own target. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one
from wartrace.extract.actors import Actor, same_side


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab fighters shot dead an off-duty soldier near Afgoye on Monday.",
        "Al-Shabaab fighters shot dead a government soldier (off-duty) near Afgoye on Monday.",
        "Al-Shabaab fighters shot dead a soldier (assumed off-duty) near Afgoye on Monday.",
        "A former soldier was killed by Al-Shabaab fighters near Afgoye on Monday.",
        "Al-Shabaab fighters killed two soldiers' wives near Afgoye on Monday.",
        "Al-Shabaab fighters killed the wife of a policeman near Afgoye on Monday.",
    ],
)
def test_a_soldier_off_duty_or_a_soldiers_family_are_civilians(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 == "Civilians (Somalia)"


def test_indonesian_soldiers_wife_is_a_civilian() -> None:
    event = one(
        "Kelompok bersenjata menembak mati istri tentara di Intan Jaya, Papua, pada Senin.", "id"
    )
    assert event.event_type == "Violence against civilians"
    assert event.actor2 == "Civilians (Indonesia)"


def test_a_side_in_the_charge_against_the_victims_is_no_party() -> None:
    event = one(
        "Al-Shabaab fighters executed three men accused of spying for government forces in "
        "Jilib on Tuesday."
    )
    assert event.event_type == "Violence against civilians"
    assert event.actor2 == "Civilians (Somalia)"


def test_a_group_the_arrested_are_charged_with_joining_is_not_actor2() -> None:
    event = one("On Monday, the SDF arrested five men on charges of joining IS in Raqqa, Syria.")
    assert event.actor1 == "SDF - Syrian Democratic Forces"
    assert event.actor2 != "Islamic State"


def test_residents_who_burn_tyres_are_the_rioters_not_their_target() -> None:
    event = one("On Monday, a number of residents burned tyres and barricaded roads in Kati, Mali.")
    assert event.event_type == "Riots"
    assert event.actor1 == "Rioters (Mali)"
    assert event.actor2 is None


def test_a_crowd_that_pelts_police_has_the_police_as_actor2() -> None:
    event = one(
        "On Monday, residents pelted stones at police and health workers in Anand, India, "
        "injuring two officers and a driver."
    )
    assert event.event_type == "Riots"
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of India")


def test_members_of_a_force_are_that_force_acting() -> None:
    event = one("Members of the anti-robbery police unit killed a student in Enugu, Nigeria.")
    assert event.event_type == "Violence against civilians"
    assert event.actor1 is not None and event.actor1.startswith("Police Forces of Nigeria")
    assert event.actor2 == "Civilians (Nigeria)"


def test_the_group_an_attack_is_attributed_to_is_actor1() -> None:
    event = one(
        "Two farmers were killed on Sunday in an attack attributed to ADF fighters near Beni, "
        "DR Congo."
    )
    assert event.actor1 == "ADF: Allied Democratic Forces"
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_property_destroyed_belongs_to_civilians_unless_told_otherwise() -> None:
    event = one("On Friday, suspected JNIM militants burned a school in Djibo, Burkina Faso.")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_a_parent_named_as_a_description_is_not_a_side() -> None:
    event = one(
        "Members of an al-Qaeda-affiliated group, Ansaroul Islam, killed a village chief in "
        "Djibo, Burkina Faso, on Monday."
    )
    assert event.actor1 == "Ansaroul Islam"
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_an_affiliate_is_never_paired_against_its_parent() -> None:
    jnim = Actor("JNIM - Jamaat Nusrat al-Islam wal-Muslimin", 2, "Al Qaeda")
    assert same_side(jnim, Actor("Al Qaeda", 2, "Al Qaeda"))
    event = one(
        "JNIM, an al-Qaeda affiliate, killed 20 villagers in Barsalogho, Burkina Faso, on "
        "Saturday. Al-Qaeda claimed the attack on Sunday."
    )
    assert event.actor1 == "JNIM - Jamaat Nusrat al-Islam wal-Muslimin"
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_indonesian_affiliation_names_no_side() -> None:
    event = one(
        "Kelompok terafiliasi Al-Qaida, JNIM, menewaskan 20 warga desa di Barsalogho, Burkina "
        "Faso, pada Sabtu.",
        "id",
    )
    assert event.actor1 == "JNIM - Jamaat Nusrat al-Islam wal-Muslimin"


def test_a_side_in_a_contrasting_clause_has_no_role() -> None:
    event = one(
        "Gunmen killed 30 villagers in Barsalogho, Burkina Faso, on Saturday; the attack was "
        "not claimed, but JNIM reported control of a military outpost nearby."
    )
    assert event.event_type == "Violence against civilians"
    assert event.actor2 == "Civilians (Burkina Faso)"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Islamic State fighters killed 12 soldiers in Kunar, Afghanistan, on Monday.",
            "Islamic State Khorasan Province (ISKP)",
        ),
        (
            "Islamic State fighters killed 12 soldiers in Borno, Nigeria, on Monday.",
            "Islamic State (West Africa)",
        ),
        (
            "Islamic State fighters killed 12 soldiers in Deir ez-Zor, Syria, on Monday.",
            "Islamic State",
        ),
    ],
)
def test_the_islamic_state_is_named_by_its_province_where_one_fights(text: str, name: str) -> None:
    assert one(text).actor1 == name


def test_a_label_before_a_colon_is_no_clause() -> None:
    event = one(
        "Property destruction: On 6 June 2021, Israeli forces razed Palestinian-owned farmland "
        "near Hebron."
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Israel")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_an_actors_warplanes_are_its_own_weapon() -> None:
    event = one(
        "On Monday, Israeli warplanes carried out raids on Hezbollah positions near Homs, Syria."
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Israel")
    assert event.actor2 == "Hezbollah"


def test_a_forces_own_noun_is_no_second_force() -> None:
    # invented: "forces" after "Turkish Military" is the same side, not Iraq's army
    event = one(
        "On Monday, Turkish Military forces conducted airstrikes in the Zap region of Dahuk, Iraq."
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Turkey")
    assert event.actor2 is None


def test_a_noun_in_the_opening_label_is_no_side() -> None:
    event = one(
        "Movement of forces: On Monday, a patrol by Russian forces set out from Qamishli "
        "airbase, Syria."
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Russia")
    assert event.actor2 is None


def test_the_government_that_acts_is_named_as_acled_names_it() -> None:
    event = one(
        "On Monday, the Afghan government released 90 Taliban prisoners from Pul-e-Charkhi "
        "prison in Kabul, Afghanistan."
    )
    assert event.actor1 == "Government of Afghanistan"


def test_government_as_a_modifier_is_no_side() -> None:
    # invented: the buildings burned are the government's, but no government acted or fought
    event = one(
        "Youths protested violently in Koudougou, Burkina Faso, on Monday, setting fire to "
        "government buildings."
    )
    assert event.event_type == "Riots"
    assert event.actor2 is None or not event.actor2.startswith("Government")


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Des hommes armés ont tué la femme d'un soldat à Djibo, au Burkina Faso, lundi.",
            "Unidentified Armed Group (Burkina Faso)",
        ),
        (
            "Des hommes armés ont exécuté trois civils accusés de collaborer avec l'armée à Djibo, "
            "au Burkina Faso, lundi.",
            "Unidentified Armed Group (Burkina Faso)",
        ),
        (
            "Des membres de la police ont tué un étudiant à Ouagadougou, au Burkina Faso, lundi.",
            "Police Forces of Burkina Faso (2022-)",
        ),
    ],
)
def test_french_victim_clauses_and_partitives(text: str, actor1: str) -> None:
    event = one(text, "fr")
    assert event.event_type == "Violence against civilians"
    assert event.actor1 == actor1
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_property_burned_by_nobody_named_has_an_unidentified_author() -> None:
    event = one("On Monday, shops were set alight in Garissa, Kenya; the perpetrators are unknown.")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 == "Unidentified Armed Group (Kenya)"
    assert event.actor2 == "Civilians (Kenya)"


def test_people_arrested_by_nobody_named_were_arrested_by_the_police() -> None:
    event = one("On Monday, over 80 traders were arrested in Kawangware, Nairobi, Kenya.")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.startswith("Police Forces of Kenya")


# --- the words that join or mark a side ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Soldiers came under heavy gunfire from Taliban fighters near Kolani in Helmand on "
            "Monday.",
            "en",
        ),
        (
            "Three soldiers were killed in a sudden attack from Taliban fighters near Kolani in "
            "Helmand on Monday.",
            "en",
        ),
        (
            "Serangan mendadak dari militan Taliban menewaskan tiga tentara di Kolani, Helmand, "
            "pada Senin (7/6).",
            "id",
        ),
    ],
)
def test_the_side_an_act_came_from_carried_it_out(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.actor1 == "Taliban"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Afghanistan")


def test_from_after_a_verb_still_names_who_lost_the_place() -> None:
    event = one("Taliban fighters captured the town of Kolani in Helmand from the army on Monday.")
    assert event.actor1 == "Taliban"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Soldiers clashed with militants linked to al-Qaeda and Islamic State near Kolani, "
            "Burkina Faso, on Monday.",
            "en",
        ),
        (
            "Tentara bentrok dengan militan yang terafiliasi dengan Al-Qaida dan ISIS di dekat "
            "Kolani, Burkina Faso, pada Senin (7/6).",
            "id",
        ),
    ],
)
def test_a_tie_covers_every_group_of_its_list(text: str, lang: str) -> None:
    event = one(text, lang)
    assert "Islamic State" not in (event.actor1 or "") + (event.actor2 or "")


def test_indonesian_group_believed_to_be_a_named_one_is_that_group() -> None:
    text = (
        "Sebuah pos polisi diserang oleh kelompok yang diyakini sebagai ISIS di dekat Palmyra, "
        "Suriah, pada Senin (7/6)."
    )
    assert one(text, "id").actor1 == "Islamic State"


def test_a_group_reported_killed_was_acted_upon() -> None:
    event = one(
        "Fighting raged in Kolani, Sulu, on Tuesday. Many members of the Abu Sayyaf were also "
        "reported killed."
    )
    assert event.actor2 == "ASG: Abu Sayyaf Group"
    assert event.actor1 != "ASG: Abu Sayyaf Group"


def test_indonesian_more_than_is_a_quantity_not_a_marker() -> None:
    event = one(
        "Pada Senin (7/6), lebih dari 100 anggota Abu Sayyaf menyerbu kota Kolani di Sulu.", "id"
    )
    assert event.actor1 == "ASG: Abu Sayyaf Group"
