"""Event typing of weapons, posts and force: launched grenades, attacks on an armed side's
post, crowds against a country's forces abroad, riot gear and words of force with no
demonstration, demonstrations named as an arrest's reason. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- a grenade fired from a launcher is shelling ----------------------------------------------


def test_grenades_fired_from_launchers_are_shelling() -> None:
    event = one(
        "On Monday, the rebels fired mortars and grenade launchers at army positions near the "
        "village of Novopil."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack", event


def test_a_thrown_grenade_stays_a_grenade() -> None:
    event = one("On Monday, unknown men threw a grenade at a shop in the town of Novopil.")
    assert event.sub_event_type == "Grenade", event


# --- an attack on an armed side's post is a battle --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Unknown gunmen opened fire on the gendarmerie in the town of Kaya on Friday night, "
        "killing a trader who was nearby.",
        "On Friday, gunmen attacked a police station in the town of Kaya. Nobody was hurt.",
    ],
)
def test_an_attack_on_an_armed_post_is_a_battle(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event


def test_an_off_duty_soldier_killed_stays_an_attack() -> None:
    event = one("On Monday, militants shot and killed an off-duty soldier in the town of Kaya.")
    assert event.event_type == "Violence against civilians", event


def test_raiders_are_an_armed_side() -> None:
    event = one(
        "On Sunday, police repelled cattle raiders near the village of Lokori, killing six of them."
    )
    assert event.event_type == "Battles", event


# --- a crowd against a country's forces abroad riots -----------------------------------------


def test_clashes_between_a_crowd_and_forces_abroad_are_mob_violence() -> None:
    event = one(
        "On Monday, clashes erupted between Palestinians and Israeli forces in the village of "
        "Beit Dajan. No injuries were reported."
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event
    assert event.actor2 is not None and "Israel" in event.actor2, event


def test_forces_abroad_detaining_people_in_raids_is_no_riot() -> None:
    event = one(
        "On Monday, Israeli forces detained dozens of Palestinians in a series of raids across "
        "the West Bank."
    )
    assert event.event_type != "Riots", event


# --- riot gear and words of force with no demonstration ---------------------------------------


def test_tear_gas_fired_at_farmers_is_an_attack() -> None:
    event = one(
        "On Sunday, Israeli forces fired tear gas canisters at farmers working their fields east "
        "of Khan Yunis."
    )
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_tear_gas_fired_at_a_crowd_stays_an_intervention() -> None:
    event = one("Police halted the May Day event in Izmir on Saturday, dispersing the crowds.")
    assert event.sub_event_type == "Protest with intervention", event


def test_live_rounds_seized_are_no_force_against_protesters() -> None:
    event = one(
        "On Monday, police officers seized nine pistols and 400 live rounds of ammunition in a "
        "house in the city of Ranipur."
    )
    assert event.sub_event_type == "Disrupted weapons use", event


def test_a_human_chain_is_a_demonstration() -> None:
    event = one(
        "On Sunday, police baton charged a human chain formed by students in Rangpur and "
        "arrested ten of them."
    )
    assert event.event_type == "Protests", event


# --- a demonstration named as an arrest's reason ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Tuesday, police arrested 30 youths in the capital who were accused of having "
            "taken part in a protest last weekend.",
            "en",
        ),
        (
            "On Monday, security agents in Khartoum detained dozens of people who organise or "
            "join the ongoing demonstrations.",
            "en",
        ),
        (
            "Pada Senin, polisi menangkap tiga mahasiswa di Makassar karena mengorganisir demo "
            "menolak kenaikan harga.",
            "id",
        ),
    ],
)
def test_a_demonstration_named_as_the_arrests_reason_is_no_protest(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")


def test_protesters_arrested_at_a_rally_stay_a_protest() -> None:
    events = run("On Monday, police arrested ten protesters during a rally in the capital.")
    assert events and events[0].event_type == "Protests", events


# --- weapons taken out of use ---------------------------------------------------------------


def test_a_bomb_detonated_by_police_is_disrupted_weapons_use() -> None:
    event = one(
        "On Saturday, police detonated a bomb planted by an unknown man at a mosque in "
        "Kuala Pembuang. The police had arrested the man."
    )
    assert event.sub_event_type == "Disrupted weapons use", event


def test_a_bomb_defused_before_it_exploded_did_not_explode() -> None:
    event = one(
        "On Friday, soldiers defused a booby-trapped vehicle before it exploded east of Rutba."
    )
    assert event.sub_event_type == "Disrupted weapons use", event


def test_explosives_that_went_off_while_carried_are_a_misfire() -> None:
    event = one(
        "On Monday, two suspected militants died near Mandera when explosives they were "
        "carrying went off."
    )
    assert event.sub_event_type == "Disrupted weapons use", event


def test_a_bomb_detonated_by_a_bomber_stays_an_explosion() -> None:
    event = one(
        "On Friday, a suicide bomber detonated his vest at a market in Rutba, killing four."
    )
    assert event.event_type == "Explosions/Remote violence", event


# --- a development's causes, drugs seized ---------------------------------------------------


def test_violence_joined_to_a_developments_cause_is_its_cause() -> None:
    event = one(
        "On Monday, UN peacekeepers installed a new temporary base in the village of Djeba due "
        "to continued attacks by militiamen and clashes between them and the army."
    )
    assert event.sub_event_type == "Headquarters or base established", event


def test_drugs_seized_are_no_territory() -> None:
    event = one(
        "On Monday, near Maungdaw, border guards shot two men dead and seized 40000 "
        "methamphetamine pills."
    )
    assert event.event_type == "Violence against civilians", event


# --- weapons carried --------------------------------------------------------------------------


def test_a_grenade_a_man_was_armed_with_was_not_used() -> None:
    event = one(
        "On Monday, police shot and killed a militant who was armed with a hand grenade at a "
        "checkpoint in Mogadishu."
    )
    assert event.event_type == "Battles", event


# --- weapon words: an air force's strike, remote explosives, mines, guided missiles ----------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On Thursday, the Iraqi air force targeted an IS hideout in the Rutba desert, killing "
            "one militant.",
            "Air/drone strike",
        ),
        (
            "On Wednesday, militants carried out a remote explosive attack targeting two "
            "warehouses in Mersin.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On Tuesday, a police officer was killed when his vehicle was hit by a "
            "Taliban-planted mine in Lashkargah.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On Monday, a roadside RCIED targeted a police vehicle in Mogadishu.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On Friday, regime forces targeted two Turkish excavators with ATGMs north of Saraqib.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On Monday, guerrillas attacked an army base in Kalimbo with explosives-laden drones.",
            "Air/drone strike",
        ),
        (
            "On Monday, a Russian missile strike on a hotel in Kalimbo killed two journalists.",
            "Shelling/artillery/missile attack",
        ),
        (
            "An artillery strike hit a hospital in Kalimbo on Monday.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On Monday, rebels fired anti-aircraft guns at a village near Kalimbo, killing two.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On Monday, militants fired 50 mortar rounds containing poisonous gases at troops.",
            "Chemical weapon",
        ),
        (
            "On Monday, rebels fired bombs on a camp for displaced people near Kalimbo.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_weapon_words_name_the_sub_type(text: str, sub: str) -> None:
    event = one(text)
    assert event.sub_event_type == sub, event


def test_an_attack_helicopter_firing_is_an_air_strike() -> None:
    event = one(
        "Pada Senin, helikopter serang junta menembaki desa Kalimbo, menewaskan lima orang.", "id"
    )
    assert event.sub_event_type == "Air/drone strike", event


def test_an_attack_on_an_air_force_base_is_no_air_strike() -> None:
    event = one("An attack on an air force base near Kano killed two guards on Monday.")
    assert event.event_type == "Battles", event


# --- a non-state side's positions, bases and hideouts are an armed side's posts -----------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, government forces opened fire on rebel positions near Kalimbo.", "en"),
        ("On Monday, troops attacked a militant hideout near Kalimbo.", "en"),
        ("Pada Senin, tentara menembaki posisi pemberontak di dekat Kalimbo.", "id"),
    ],
)
def test_fire_on_a_non_state_sides_positions_is_a_battle(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_an_armed_fight_between_families_is_a_battle() -> None:
    event = one(
        "On Monday, an armed fight broke out between two families in Kalimbo. The two sides "
        "exchanged fire."
    )
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
