"""Who is actor1 and who actor2: voice, objects, coordinated sides and rival authorities of one
country. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run
from wartrace.extract.actors import Actor, same_side
from wartrace.extract.resources import load_language


def test_rival_governments_of_one_country_are_two_sides() -> None:
    gna = Actor("Military Forces of Libya (2016-2021) Government of National Accord", 1, "GNU")
    lna = Actor("Military Forces of Libya (2014-) Haftar Faction", 1, "LNA")
    assert not same_side(gna, lna)
    # Without a known side, one country's army and police are still one side.
    assert same_side(Actor("Military Forces of Iraq (2022-)", 1), Actor("Police Forces of Iraq", 1))


def test_two_sides_that_clash_together_are_actor1_and_actor2() -> None:
    event = one("On Monday, GNA and LNA forces clashed south of Gharyan.")
    assert {event.actor1, event.actor2} == {
        "Military Forces of Libya (2016-2021) Government of National Accord",
        "Military Forces of Libya (2014-) Haftar Faction",
    }


def test_an_adverb_between_auxiliary_and_verb_keeps_the_passive() -> None:
    event = one(
        "Four soldiers were reportedly killed when Al-Shabaab fighters stormed a base in "
        "Baidoa on Sunday."
    )
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 is not None and "Somalia" in event.actor2


def test_a_participle_followed_by_its_agent_is_passive() -> None:
    event = one("A police station in Kaya attacked by gunmen on Monday; two officers were wounded.")
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces")


def test_a_capitalised_acronym_is_not_an_auxiliary() -> None:
    # "IS" is the group, not the verb "is": it acted.
    event = one("On Monday, IS attacked an army post near Makhmur, Iraq.")
    assert event.actor1 == "Islamic State"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces")


def test_the_object_of_a_verb_was_acted_upon_though_a_noun_trigger_follows() -> None:
    event = one(
        "On Friday, Islamic State militants targeted a vehicle of the Egyptian army with an "
        "IED near Rafah, killing four soldiers."
    )
    assert event.actor1 == "Islamic State (Egypt)"  # the group's Sinai province, in Egypt
    assert event.actor2 is not None and "Egypt" in event.actor2


def test_indonesian_passive_makes_the_subject_the_victim() -> None:
    event = one("Pos polisi di Kaya diserang oleh kelompok bersenjata pada Senin.", "id")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces")


def test_a_group_claiming_responsibility_in_a_later_sentence_is_actor1() -> None:
    event = one(
        "On Tuesday, an army truck struck an IED near Douentza, wounding two soldiers. "
        "JNIM claimed responsibility."
    )
    assert event.actor1 is not None and event.actor1.startswith("JNIM")
    assert event.actor2 is not None and event.actor2.startswith("Military Forces")


def test_the_group_a_device_is_blamed_on_is_actor1() -> None:
    event = one(
        "On Friday, a minibus hit a landmine near Kutulo, killing four passengers. "
        "The device was believed to have been planted by al-Shabaab militants."
    )
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_a_vehicle_that_strikes_a_mine_was_acted_upon() -> None:
    event = one("On Monday, a police vehicle struck a roadside bomb near Garissa, Kenya.")
    assert event.actor1 is None or not event.actor1.startswith("Police")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces")


def test_who_said_what_happened_is_not_a_side() -> None:
    event = one("Police said gunmen shot dead three villagers in Kapchorwa on Monday.")
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_a_force_telling_of_its_own_act_stays_its_author() -> None:
    event = one("The army said it killed 20 militants near Dikwa, Nigeria on Monday.")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Nigeria")


def test_indonesian_claim_of_responsibility_names_actor1() -> None:
    event = one(
        "Sebuah truk tentara terkena ranjau di dekat Douentza pada Selasa, melukai dua "
        "prajurit. JNIM mengaku bertanggung jawab.",
        "id",
    )
    assert event.actor1 is not None and event.actor1.startswith("JNIM")


def test_every_packaged_language_has_role_phrases() -> None:
    for lang in ("en", "id", "fr", "pt", "ar"):
        data = load_language(lang)
        assert data is not None
        assert data.claim_after.size > 0 and data.speech.size > 0, lang


def test_a_clan_feud_has_clan_militias_on_both_sides() -> None:
    event = one("On Monday, two rival clans clashed over a water point near Galkayo, Somalia.")
    assert event.event_type == "Battles"
    assert event.actor1 == event.actor2 == "Unidentified Clan Militia (Somalia)"


def test_fighting_between_factions_of_one_group_is_that_group_on_both_sides() -> None:
    event = one("On Friday, two factions of Hezbollah clashed near Baalbek, Lebanon.")
    assert event.actor1 == event.actor2 == "Hezbollah"


def test_a_countrys_air_force_is_its_military() -> None:
    event = one(
        "On Sunday, the Burkinabe air force carried out airstrikes against militant positions "
        "near Djibo."
    )
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Burkina Faso")


def test_the_side_that_repelled_an_attack_is_actor2() -> None:
    event = one("Troops repelled an attack by ISWAP fighters on a base near Monguno, Nigeria.")
    assert event.actor1 == "Islamic State (West Africa)"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Nigeria")


def test_a_post_that_came_under_attack_was_acted_upon() -> None:
    event = one("On Monday, a police post near Mandera, Kenya came under attack by al-Shabaab.")
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.startswith("Police Forces")


def test_indonesian_repelled_attack_keeps_the_attacker_actor1() -> None:
    event = one("Prajurit TNI memukul mundur serangan TPNPB di Intan Jaya, Papua pada Senin.", "id")
    assert event.actor1 is not None and event.actor1.startswith("TPNPB")


def test_a_vigilante_mob_is_the_crowd_that_acts() -> None:
    # invented: "vigilante" names the crowd, not an act done to the words after it
    event = one("A vigilante mob beat two suspected thieves to death in Kano on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 == "Rioters (Nigeria)"
    assert event.actor2 == "Civilians (Nigeria)"


def test_a_time_phrase_between_participle_and_agent_keeps_the_passive() -> None:
    event = one("An army camp near Djibo attacked early on Monday by gunmen; no one was hurt.")
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.startswith("Military Forces")


def test_an_object_between_verb_and_by_keeps_the_verb_active() -> None:
    event = one("Gunmen attacked the convoy guarded by soldiers near Djibo on Monday.")
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")


def test_a_participle_told_without_its_object_is_passive() -> None:
    event = one(
        "One soldier killed, another injured in attack by unknown gunmen near Dori on Friday."
    )
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and event.actor2.startswith("Military Forces")


def test_a_participle_with_its_object_stays_active() -> None:
    event = one("Soldiers killed at least ten militants near Dori on Friday.")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces")


def test_a_sides_facility_is_acted_upon() -> None:
    event = one("Army base in Kaya, Burkina Faso attacked on Sunday; the gunmen fled.")
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Burkina")
    event = one("Pos polisi di Intan Jaya ditembaki kelompok bersenjata pada Senin malam.", "id")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces")


def test_a_side_a_bomb_was_meant_for_is_its_target() -> None:
    event = one(
        "On Tuesday, a roadside bomb intended to target Kenyan soldiers exploded near Mandera. "
        "Police attribute the attack to Al-Shabaab."
    )
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Kenya")


def test_a_noun_told_once_for_two_countries_names_both_forces() -> None:
    event = one(
        "On Monday, military forces of India and Pakistan exchanged fire across the Line of "
        "Control in Poonch, Kashmir, India."
    )
    assert (event.actor1 or "").startswith("Military Forces of India")
    assert (event.actor2 or "").startswith("Military Forces of Pakistan")


def test_in_an_exchange_across_a_border_the_home_forces_come_first() -> None:
    event = one(
        "Indian and Pakistani troops exchanged fire near Kotli, Pakistan, on Monday; a "
        "Pakistani villager was wounded."
    )
    assert (event.actor1 or "").startswith("Military Forces of Pakistan")
    assert (event.actor2 or "").startswith("Military Forces of India")


def test_two_communities_sharing_one_noun_are_both_sides() -> None:
    event = one("Pokot and Turkana raiders clashed near Kapedo, Kenya, on Monday.")
    assert {event.actor1, event.actor2} == {
        "Pokot Ethnic Militia (Kenya)",
        "Turkana Ethnic Militia (Kenya)",
    }


def test_a_side_that_acted_with_an_unnamed_unit_is_actor1() -> None:
    event = one(
        "On Monday, a special unit together with Mozambican troops shelled insurgent bases "
        "near Meluco, Cabo Delgado."
    )
    assert (event.actor1 or "").startswith("Military Forces of Mozambique")


def test_security_forces_at_a_protest_are_its_police() -> None:
    event = one(
        "On Monday, traders protested against market fees in Kayes, Mali; security forces "
        "dispersed the protesters with tear gas."
    )
    assert (event.actor2 or "").startswith("Police Forces of Mali")


def test_soldiers_at_a_protest_stay_the_army() -> None:
    event = one(
        "On Monday, traders protested against market fees in Kayes, Mali; soldiers dispersed "
        "the protesters with tear gas."
    )
    assert (event.actor2 or "").startswith("Military Forces of Mali")


@pytest.mark.parametrize(
    "text",
    [
        "Protesters clashed with police in Dhaka, Bangladesh, on Monday.",
        "Youths clashed with security forces in Conakry, Guinea, on Tuesday.",
        "A mob burned the police station in Kano, Nigeria, on Monday.",
    ],
)
def test_the_force_a_riot_faced_is_actor2(text: str) -> None:
    """The force named inside the act's own phrase ("clashed with police") faced the crowd:
    ACLED codes it as the riot's actor2. Invented."""
    event = one(text, published="2024-06-10")
    assert event.event_type == "Riots"
    assert event.actor1 is not None and event.actor1.startswith("Rioters")
    assert event.actor2 is not None and event.actor2.startswith("Police Forces of")


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Wagner mercenaries and Malian troops killed 30 civilians in Moura, Mali, on Monday.",
            "Military Forces of Mali",
        ),
        (
            "Rwandan and Mozambican troops attacked insurgents in Mocimboa da Praia, Mozambique.",
            "Military Forces of Mozambique",
        ),
    ],
)
def test_the_host_countrys_forces_lead_a_joint_operation(text: str, actor1: str) -> None:
    """A foreign force told acting beside the country's own is its associate (ACLED codes the
    host state as actor1). Invented."""
    event = one(text, published="2024-06-10")
    assert event.actor1 is not None and event.actor1.startswith(actor1)


def test_a_foreign_force_acting_alone_stays_actor1() -> None:
    event = one("Wagner mercenaries killed 30 civilians in Moura, Mali, on Monday.")
    assert event.actor1 == "Wagner Group"


def test_a_rival_authority_is_no_host_of_a_foreign_force() -> None:
    events = run(
        "Saudi-led coalition air defences intercepted a missile fired by Houthi forces over "
        "Marib city, Yemen, on Sunday.",
        published="2024-06-10",
    )
    assert events and events[0].actor1 == "Operation Restoring Hope"


def test_a_violent_demonstration_has_no_civilian_side() -> None:
    """Violence that falls on people is mob violence (ACLED): the owners of what a
    demonstration burned are no side of it. Invented."""
    events = run(
        "Protesters burned tyres, shops and cars in Maroua, Cameroon, on Monday to denounce "
        "the rising price of fuel.",
        published="2024-06-10",
    )
    assert events and events[0].sub_event_type == "Violent demonstration"
    assert events[0].actor2 is None


def test_a_groups_members_held_by_another_are_no_side_of_their_release() -> None:
    """ACLED codes a release by the one who released: the prisoners a group's name qualifies
    are neither that group nor civilians. Invented."""
    events = run(
        "The Afghan government released 80 Taliban prisoners from Pul-e-Charkhi prison in "
        "Kabul, Afghanistan, on Monday.",
        published="2020-05-10",
    )
    assert events and events[0].actor1 == "Government of Afghanistan"
    assert events[0].actor2 is None


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "A group of youths clashed with residents in Douala, Cameroon, on Sunday, injuring "
            "three people.",
            "Rioters (Cameroon)",
        ),
        (
            "A mob beat a man accused of theft in Douala, Cameroon, on Sunday.",
            "Civilians (Cameroon)",
        ),
    ],
)
def test_people_who_fought_a_mob_are_rioters_too(text: str, actor2: str) -> None:
    """Mob violence told as a fight between two crowds has rioters on both sides (ACLED); a
    crowd's victim stays a civilian. Invented."""
    events = run(text, published="2024-06-10")
    assert events and events[0].sub_event_type == "Mob violence"
    assert events[0].actor2 == actor2


def test_a_commander_of_a_side_acted_upon_is_that_side() -> None:
    # invented: "commander" after the police names a person of the police; only a speech verb
    # after it makes the police a source
    beaten = run("Residents beat up a police commander in Mbouda, Cameroon, on Monday.")
    assert beaten[0].actor2 == "Police Forces of Cameroon (1982-)"
    told = run(
        "A police commander said gunmen killed three villagers in Mbouda, Cameroon, on Monday."
    )
    assert told[0].actor1 == "Unidentified Armed Group (Cameroon)"
    assert told[0].actor2 == "Civilians (Cameroon)"
