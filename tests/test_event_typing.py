"""Event typing and actor roles by failure kind (issue 9). Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run
from wartrace.extract.actors import Actor, same_side

# --- 1. attacks on civilians are not battles -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead a shepherd near the village of Tal Amir on Monday.",
        "Militiamen killed 4 farmers in their fields outside Kadora on Sunday.",
        "Unknown attackers stabbed a teacher to death in Marufa on Friday.",
        "Police beat a vendor to death in the market of Kolani on Tuesday.",
    ],
)
def test_killing_of_civilians_is_violence_against_civilians(text: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_civilians_killed_beside_soldiers_stay_a_battle() -> None:
    event = one(
        "Al-Shabaab fighters attacked an army base in Baidoa on Monday, killing 4 soldiers "
        "and a civilian."
    )
    assert event.event_type == "Battles"


def test_raid_on_an_armed_side_is_a_battle_and_on_a_house_an_attack() -> None:
    assert one("Militants stormed a police station in Koro on Tuesday.").event_type == "Battles"
    event = one("Soldiers raided a house in Koro on Tuesday and beat a family.")
    assert event.event_type == "Violence against civilians"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, militants shot dead three civilians accused of spying for the army in the "
            "town of Kolani.",
            "en",
        ),
        (
            "Gunmen shot a farmer who was bringing water to a military checkpoint near Marufa on "
            "Tuesday, killing him.",
            "en",
        ),
        (
            "Militan menembak mati tiga warga sipil yang dituduh menjadi mata-mata tentara di "
            "Kolani pada Senin.",
            "id",
        ),
    ],
)
def test_an_army_named_beside_civilian_victims_is_not_a_second_side(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        (
            "Two civilian men were killed in an attack attributed to ADF fighters near Beni on "
            "Sunday.",
            "en",
            "ADF",
        ),
        ("Members of a police unit killed a student in Kolani on Friday.", "en", "Police"),
        (
            "Dua petani dibunuh dalam serangan yang dituduhkan kepada kelompok Abu Sayyaf di Sulu "
            "pada Minggu.",
            "id",
            "ASG",
        ),
    ],
)
def test_the_one_armed_side_named_beside_civilian_victims_attacked_them(
    text: str, lang: str, actor1: str
) -> None:
    event = one(text, lang)
    assert event.event_type == "Violence against civilians"
    assert event.actor1 is not None and event.actor1.startswith(actor1)


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified gunmen shot dead a member of the army's 4th Division in Kolani on Monday.",
        "Militants attacked the village of Kolani, killing 3 soldiers.",
    ],
)
def test_a_soldier_killed_or_counted_keeps_it_a_battle(text: str) -> None:
    assert one(text).event_type == "Battles"


# --- 2. roles by voice, markers and victim words ---------------------------------------------


def test_passive_by_makes_the_agent_actor1() -> None:
    event = one("A judge was shot dead by Taliban militants in Herat on Sunday.")
    assert event.actor1 == "Taliban"
    assert event.actor2 == "Civilians (Afghanistan)"


def test_air_strike_by_a_force_keeps_it_as_actor1() -> None:
    event = one(
        "On 5 May 2021, an airstrike by Afghan forces killed 16 Taliban militants in Dand.",
        published="2021-05-06",
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Afghanistan")
    assert event.actor2 == "Taliban"


def test_according_to_names_a_source_not_a_side() -> None:
    event = one("According to the Taliban, a civilian was killed by soldiers in Ghor on Friday.")
    assert event.actor2 == "Civilians (Afghanistan)"


def test_indonesian_passive_prefix_makes_the_subject_the_victim() -> None:
    event = one("Seorang guru ditembak mati oleh KKB di Beoga pada Minggu.", "id")
    assert event.event_type == "Violence against civilians"
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_same_side_is_never_both_actors() -> None:
    army = Actor("Military Forces of Iraq (2022-)", 1)
    police = Actor("Police Forces of Iraq (2022-)", 1)
    assert same_side(army, police)
    assert not same_side(army, Actor("Islamic State", 2))


# --- 3. demonstrations and riots ---------------------------------------------------------------


def test_protesters_are_actor1_of_an_intervention() -> None:
    event = one("Hundreds protested in Nairobi on Monday. Police dispersed them with tear gas.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 == "Protesters (Kenya)"
    assert event.actor2 == "Police Forces of Kenya (2022-)" or "Police" in str(event.actor2)


def test_security_forces_killing_protesters_is_excessive_force() -> None:
    event = one("Police shot dead 3 demonstrators during a protest in Kampala on Tuesday.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 is not None and event.actor1.startswith("Protesters")


def test_a_demonstration_that_turns_violent_is_a_riot() -> None:
    event = one("Residents demonstrated in Kati on Saturday. The demonstrators burned tyres.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Residents of Kolani demonstrated on Monday to denounce the killing of a trader by "
            "gunmen.",
            "en",
        ),
        (
            "Students protested at the college of Marufa after a classmate was raped by a guard.",
            "en",
        ),
        (
            "Hundreds of villagers marched in Tal Amir on Sunday against the attacks by armed "
            "groups in the area.",
            "en",
        ),
        (
            "Warga berunjuk rasa di Beni pada Senin mengecam pembunuhan seorang pedagang oleh "
            "orang bersenjata.",
            "id",
        ),
        (
            "Mahasiswa berdemonstrasi di Kendari pada Selasa menuntut keadilan atas penembakan dua "
            "rekan mereka.",
            "id",
        ),
    ],
)
def test_violence_a_demonstration_is_about_is_its_grievance_not_its_act(
    text: str, lang: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_force_used_on_a_demonstration_told_after_it_is_still_its_act() -> None:
    event = one(
        "Thousands protested in Kolani on Friday; police opened fire on the crowd, killing 3."
    )
    assert event.sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize(
    ("text", "lang", "force"),
    [
        (
            "Hundreds of protesters blocked a bridge in Kolani on Monday. Soldiers opened fire, "
            "killing 25 people.",
            "en",
            "Military",
        ),
        (
            "Residents demonstrated in Marufa on Friday to demand water. Police shot dead two "
            "young men.",
            "en",
            "Police",
        ),
        (
            "Warga berunjuk rasa memblokir jembatan di Kolani pada Senin. Tentara menembaki mereka "
            "dan menewaskan 25 orang.",
            "id",
            "Military",
        ),
    ],
)
def test_state_forces_killing_the_people_of_a_told_demonstration_is_excessive_force(
    text: str, lang: str, force: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Protests",
        "Excessive force against protesters",
    )
    assert event.actor1 is not None and event.actor1.startswith("Protesters")
    assert event.actor2 is not None and event.actor2.startswith(force)


def test_deaths_a_demonstration_mourns_do_not_make_its_dispersal_excessive_force() -> None:
    event = one(
        "Police fired tear gas into a crowd of demonstrators outside the embassy in Kolani. The "
        "protesters wanted a flag lowered for the migrants who died in attacks abroad."
    )
    assert event.sub_event_type == "Protest with intervention"


def test_a_crowd_fighting_police_is_a_riot_not_a_battle() -> None:
    event = one("Youths clashed with police in the town of Mbale on Friday.")
    assert event.event_type == "Riots"


def test_a_mob_killing_a_man_is_mob_violence() -> None:
    event = one("A mob killed a man accused of theft in the market of Kolani on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        # invented: violence with no demonstration told is a mob's; told with one, violent
        ("Residents pelted stones at police in Kolani on Monday.", "en", "Mob violence"),
        ("Protesters pelted stones at police in Kolani on Monday.", "en", "Violent demonstration"),
        (
            "Youths protested violently in Kolani, setting fire to the town hall.",
            "en",
            "Violent demonstration",
        ),
        (
            "Residents threw stones at police in Kolani in protest at the eviction.",
            "en",
            "Violent demonstration",
        ),
        (
            "People in Kolani burned tyres and cut off roads to demand that power be restored.",
            "en",
            "Violent demonstration",
        ),
        ("Warga melempari batu ke arah polisi di Kolani pada Senin.", "id", "Mob violence"),
        (
            "Warga membakar ban di Kolani untuk menuntut perbaikan jalan.",
            "id",
            "Violent demonstration",
        ),
        ("Unjuk rasa di Kolani berakhir ricuh pada Senin.", "id", "Violent demonstration"),
    ],
)
def test_riots_are_violent_demonstrations_only_when_a_demonstration_is_told(
    text: str, lang: str, sub: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", sub)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented: two unarmed groups fighting each other riot; they fight no battle
        ("Two groups of bus drivers clashed at the terminal in Kolani, injuring three.", "en"),
        ("Clashes between political opponents in Kolani left two dead after the vote.", "en"),
        ("Dua kelompok warga bentrok di Kolani pada Jumat, melukai tiga orang.", "id"),
    ],
)
def test_two_crowds_clashing_is_mob_violence(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


def test_demonstrators_destroying_property_demonstrate_violently() -> None:
    # invented
    text = (
        "Hundreds of traders demonstrated in Kolani against the new tax on Monday. "
        "The demonstrators burned two shops near the market."
    )
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


# --- 4. strategic developments ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Police arrested 12 suspected militants in Mombasa on Monday.", "Arrests"),
        (
            "Gunmen burned down 30 houses in the village of Tanda on Tuesday.",
            "Looting/property destruction",
        ),
        (
            "The rebels set up a base in the forest near Kalima on Sunday.",
            "Headquarters or base established",
        ),
        ("The army and the rebels signed a peace agreement in Juba on Friday.", "Agreement"),
        (
            "A faction of the rebels pledged allegiance to Islamic State on Monday.",
            "Change to group/activity",
        ),
        (
            "The militia pulled out of the village of Mbau on Sunday.",
            "Non-violent transfer of territory",
        ),
        ("Police defused a roadside bomb in Kirkuk on Monday.", "Disrupted weapons use"),
    ],
)
def test_strategic_developments(text: str, sub: str) -> None:
    event = one(text)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", sub)


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        # invented: a verb and its object, words apart, in either order and voice
        (
            "Turkish troops have set up two new military bases near Zakho.",
            "en",
            "Headquarters or base established",
        ),
        (
            "A new army checkpoint was built by soldiers outside Kolani on Monday.",
            "en",
            "Headquarters or base established",
        ),
        (
            "The rebels and the army finally agreed a three-week ceasefire in Kolani.",
            "en",
            "Agreement",
        ),
        (
            "Police found rifles and boxes of ammunition in a house in Kolani.",
            "en",
            "Disrupted weapons use",
        ),
        (
            "Tentara Turki mendirikan dua pangkalan militer baru di dekat Zakho.",
            "id",
            "Headquarters or base established",
        ),
        (
            "Polisi menemukan senjata api dan amunisi di sebuah rumah di Kolani.",
            "id",
            "Disrupted weapons use",
        ),
        (
            "Suspected militants burned the primary school in Kolani on Monday.",
            "en",
            "Looting/property destruction",
        ),
        (
            "Twelve policemen joined the rebels in Kolani district on Sunday.",
            "en",
            "Change to group/activity",
        ),
        (
            "Orang bersenjata membakar dua gereja di desa Kolani pada Senin.",
            "id",
            "Looting/property destruction",
        ),
    ],
)
def test_a_development_told_by_a_verb_and_its_object(text: str, lang: str, sub: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", sub)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented: goods taken are looted; no territory changes hands
        ("Gunmen on motorbikes seized a truck belonging to an aid group near Kolani.", "en"),
        ("Armed herders seized 40 head of cattle from villagers near Kolani on Sunday.", "en"),
        ("Orang bersenjata merebut dua truk milik warga di dekat Kolani pada Minggu.", "id"),
    ],
)
def test_goods_seized_are_looting_not_territory(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Security forces on Wednesday freed several villages from the Islamic State militants.",
            "en",
        ),
        ("The army captured three villages near Kolani on Monday.", "en"),
        ("Troops established full control over the district of Marufa on Sunday.", "en"),
        ("Tentara membebaskan dua desa dari kelompok Abu Sayyaf di Sulu pada Senin.", "id"),
    ],
)
def test_villages_won_by_state_forces_are_territory_regained(text: str, lang: str) -> None:
    assert one(text, lang).sub_event_type == "Government regains territory"


def test_an_area_held_is_a_setting_not_territory_won() -> None:
    event = one(
        "Serangan udara koalisi menewaskan 20 warga sipil di wilayah yang dikuasai ISIS di Mosul "
        "pada Jumat.",
        "id",
    )
    assert event.sub_event_type == "Air/drone strike"


def test_troops_clearing_an_area_win_no_territory() -> None:
    assert run("Troops cleared the area after the attack in Kolani on Monday.") == []


def test_a_town_seized_in_a_fight_stays_a_territory_change() -> None:
    # invented
    event = one("Rebels seized the town of Kolani after heavy fighting with the army.")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_opening_fire_on_a_post_is_not_a_base_established() -> None:
    # invented: "opened fire" is the attack; the post is its target
    event = one("Gunmen opened fire on an army post near Kolani, killing 2 soldiers.")
    assert event.event_type == "Battles"


def test_a_town_taken_without_a_fight_is_a_transfer() -> None:
    event = one("Rebels took control of the town of Kalehe without a fight on Tuesday.")
    assert event.sub_event_type == "Non-violent transfer of territory"


# --- 5. remote violence ------------------------------------------------------------------------


def test_air_force_strike_is_remote_violence_not_a_clash() -> None:
    event = one("Nigerian Air Force jets struck a Boko Haram camp near Gudumbali, killing 1.")
    assert event.sub_event_type == "Air/drone strike"


def test_a_bomb_that_destroys_a_truck_is_not_a_weapon_seized() -> None:
    # invented: the IED is the subject of "destroyed", not its object
    event = one("An IED planted by the rebels destroyed an army truck near Kolani, killing 3.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    "text",
    [
        # invented
        "Rifles and explosives were found by police in a house in Kolani on Monday.",
        "Army engineers cleared 300 landmines near Kolani on Monday.",
    ],
)
def test_weapons_found_or_cleared_are_disrupted(text: str) -> None:
    assert one(text).sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Two militants were wounded when a bomb they were planting went off prematurely near "
            "Marufa on Tuesday.",
            "en",
        ),
        (
            "Three rebels were killed when explosives they were handling exploded accidentally in "
            "a house in Kolani.",
            "en",
        ),
        (
            "Dua militan tewas ketika bom yang sedang mereka rakit meledak sebelum waktunya di "
            "Poso pada Senin.",
            "id",
        ),
    ],
)
def test_a_device_that_goes_off_in_its_users_hands_is_disrupted_weapons_use(
    text: str, lang: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Disrupted weapons use",
    )
    assert event.actor1 is not None and event.actor2 is None


def test_an_armed_force_destroying_houses_is_property_destruction_not_a_riot() -> None:
    event = one("Soldiers torched and destroyed eight houses in the village of Kolani on Monday.")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 is not None and event.actor1.startswith("Military Forces")
    mob = one("A mob torched and destroyed eight houses in the village of Kolani on Monday.")
    assert mob.sub_event_type == "Mob violence"


def test_a_bomb_that_kills_is_an_explosion_not_an_attack() -> None:
    event = one("A bomb attached to a bus exploded in Kabul on Saturday, killing 5 passengers.")
    assert event.event_type == "Explosions/Remote violence"


# --- 7. text that is not about political violence --------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A strong earthquake killed 12 people in the hills of Laruna on Monday.", "en"),
        ("A gas explosion at a chemical plant near Dorvale killed 3 workers on Friday.", "en"),
        ("Floods swept away 40 houses and killed 9 people in the valley of Kessa.", "en"),
        ("The council imposed new sanctions on the country after its missile test.", "en"),
        ("A man robbed a bank in the centre of Marville on Tuesday and fled.", "en"),
        ("Two people died when a bus crash blocked the highway near Torra on Sunday.", "en"),
        ("Gempa bumi menewaskan 12 orang di Laruna pada Senin.", "id"),
        ("Banjir bandang merusak 40 rumah dan menewaskan 9 orang di lembah Kessa.", "id"),
        ("Pemerintah menjatuhkan sanksi baru setelah uji coba rudal pada Jumat.", "id"),
    ],
)
def test_non_conflict_text_yields_no_event(text: str, lang: str) -> None:
    assert run(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A gas cylinder exploded in a restaurant in Kolani on Monday. The blast killed four "
            "people and wounded nine.",
            "en",
        ),
        (
            "Two cars collided in a road accident near Torra on Sunday. Three passengers were "
            "killed.",
            "en",
        ),
        (
            "A storage tank at the fertiliser plant in Dorvale burst into flames. Two blasts were "
            "heard an hour later.",
            "en",
        ),
        (
            "Sebuah tabung gas meledak di sebuah rumah makan di Bekasi pada Senin. Ledakan itu "
            "menewaskan empat orang.",
            "id",
        ),
        ("Sebuah bus mengalami kecelakaan di dekat Garut pada Minggu. Tiga penumpang tewas.", "id"),
    ],
)
def test_a_paragraph_about_a_disaster_yields_no_event_in_its_other_sentences(
    text: str, lang: str
) -> None:
    assert run(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A gas cylinder exploded in a restaurant in Kolani on Monday. Al-Shabaab fighters "
            "attacked a police post in the town the same night.",
            "en",
        ),
        (
            "Sebuah tabung gas meledak di Bekasi pada Senin. Kelompok Abu Sayyaf menyerang pos "
            "tentara di kota itu pada malam yang sama.",
            "id",
        ),
    ],
)
def test_an_armed_group_acting_beside_a_disaster_is_still_an_event(text: str, lang: str) -> None:
    assert len(run(text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Farmers held a protest in Kolani on Monday, demanding aid after floods ruined their "
            "crops.",
            "en",
        ),
        (
            "Thousands of protesters marched in Kolani on Saturday. They defied torrential rain to "
            "demand the release of the detained students.",
            "en",
        ),
        (
            "Traders staged a sit-in outside the town hall of Marufa to protest the closure of "
            "markets during the coronavirus outbreak.",
            "en",
        ),
        (
            "Petani berunjuk rasa di Kendari pada Senin menuntut bantuan setelah banjir merusak "
            "sawah mereka.",
            "id",
        ),
    ],
)
def test_a_protest_about_a_disaster_is_still_a_protest(text: str, lang: str) -> None:
    assert one(text, lang).event_type == "Protests"


def test_a_protest_named_as_the_cause_of_a_diplomatic_step_is_no_event() -> None:
    assert (
        run("The government expelled two diplomats for taking part in a protest in Kolani.") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "The rebels are likely receiving parts for drones from abroad, in violation of an arms "
        "embargo, experts said.",
        "The ministry denied supplying rockets to the militia in Kolani.",
        "A jet landed on the aircraft carrier off the coast of Marufa on Monday.",
    ],
)
def test_weapons_traded_or_carried_are_not_strikes(text: str) -> None:
    assert run(text) == []


# --- 4b. developments told with nobody named --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        (
            "A cache of rifles and ammunition was found in a cave near Marufa on Tuesday.",
            "en",
            "Disrupted weapons use",
        ),
        (
            "Two explosive devices were found in a canal near Dorvale on Monday.",
            "en",
            "Disrupted weapons use",
        ),
        ("A ceasefire was agreed in Tal Amir on Sunday.", "en", "Agreement"),
        (
            "Sejumlah senjata api dan amunisi ditemukan di sebuah gua dekat Poso pada Selasa.",
            "id",
            "Disrupted weapons use",
        ),
        ("Gencatan senjata disepakati di Tal Amir pada Minggu.", "id", "Agreement"),
    ],
)
def test_a_development_with_nobody_named_is_still_an_event(text: str, lang: str, sub: str) -> None:
    assert one(text, lang).sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Government troops have withdrawn from the town of Kolani, handing it to the militia.",
            "Non-violent transfer of territory",
        ),
        (
            "The rebels entered Marufa on Monday and did not encounter any resistance; they met no "
            "resistance after the army pulled back from the town.",
            "Non-violent transfer of territory",
        ),
        ("The rebels and the army exchanged prisoners near Tal Amir on Tuesday.", "Agreement"),
        ("The army released 30 rebels in exchange for 16 soldiers held in Kolani.", "Agreement"),
        (
            "The army has dispatched hundreds of troops and armoured vehicles to Kolani province.",
            "Change to group/activity",
        ),
        (
            "The militia reinforced its positions around Marufa with heavy weapons on Monday.",
            "Change to group/activity",
        ),
    ],
)
def test_withdrawals_swaps_and_reinforcements(text: str, sub: str) -> None:
    assert one(text).sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Police violently dispersed a peaceful protest in Kolani on Monday, injuring dozens.",
            "Excessive force against protesters",
        ),
        (
            "Soldiers violently suppressed a sit-in of students in Marufa on Friday.",
            "Excessive force against protesters",
        ),
        ("Police suppressed a march of teachers in Kolani on Monday.", "Protest with intervention"),
        (
            "Police used pepper spray to clear a rally of nurses in Kolani on Monday.",
            "Protest with intervention",
        ),
        (
            "Police fired stun grenades at a protest of students in Marufa on Tuesday.",
            "Protest with intervention",
        ),
        (
            "Protesters threw bottles and other projectiles at police during a rally in Kolani.",
            "Violent demonstration",
        ),
        (
            "Demonstrators pulled down the fences of the parliament at a protest in Marufa.",
            "Violent demonstration",
        ),
    ],
)
def test_how_a_demonstration_went_codes_its_sub_type(text: str, sub: str) -> None:
    assert one(text).sub_event_type == sub


# --- 8. dates ------------------------------------------------------------------------------------


def test_as_reported_on_gives_that_day() -> None:
    event = one(
        "As reported on 2 March 2021, soldiers killed 3 rebels near the town of Kolani.",
        published="2021-03-06",
    )
    assert event.event_date == "2021-03-02"


def test_capitalised_may_is_a_month_not_a_modal() -> None:
    event = one(
        "On 5 May 2021, an airstrike killed 4 militants near the town of Kolani.",
        published="2021-05-06",
    )
    assert event.sub_event_type == "Air/drone strike"


# --- 9. a battle has two armed sides ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen ambushed and killed a trader on the road near the town of Kolani on Monday.",
            "en",
        ),
        ("Militiamen besieged a mosque in Marufa on Friday, killing a worshipper.", "en"),
        (
            "Orang bersenjata menyergap dan menembak mati seorang pedagang di dekat desa Kolani "
            "pada Senin (7/6).",
            "id",
        ),
        (
            "Milisi mengepung sebuah masjid di Marufa pada Jumat (4/6) dan membunuh seorang "
            "jemaah.",
            "id",
        ),
    ],
)
def test_a_fight_verb_whose_object_is_civilians_is_an_attack_on_them(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Army troops and Taliban fighters fought near the village of Kolani in Helmand on "
            "Monday, and two civilians were killed.",
            "en",
        ),
        (
            "Tentara dan militan Taliban bertempur di dekat desa Kolani, Helmand, pada Senin "
            "(7/6), dan dua warga sipil tewas.",
            "id",
        ),
    ],
)
def test_civilians_killed_in_a_battle_are_its_toll_not_a_side(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.event_type == "Battles"
    assert {event.actor1, event.actor2} >= {"Taliban"}
    assert not any(a and a.startswith("Civilians") for a in (event.actor1, event.actor2))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Al-Shabaab militants seized a village near Kismayo on Monday.", "en"),
        ("Militan Al-Shabaab merebut sebuah desa di dekat Kismayo pada Senin (7/6).", "id"),
    ],
)
def test_a_village_seized_is_a_place_won(text: str, lang: str) -> None:
    assert one(text, lang).sub_event_type == "Non-state actor overtakes territory"


def test_a_village_chief_seized_is_a_person_abducted() -> None:
    event = one("Al-Shabaab militants seized a village chief near Kismayo on Monday.")
    assert event.sub_event_type == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Philippine troops freed two hostages held by Abu Sayyaf in Jolo on Monday.", "en"),
        (
            "Tentara Filipina membebaskan dua sandera dari kelompok Abu Sayyaf di Jolo pada Senin "
            "(7/6).",
            "id",
        ),
    ],
)
def test_captives_freed_are_a_release_not_a_fight(text: str, lang: str) -> None:
    assert one(text, lang).sub_event_type == "Other"


def test_soldiers_captured_and_a_building_taken_stay_a_fight() -> None:
    assert one("Taliban fighters captured five soldiers in Helmand on Monday.").event_type == (
        "Battles"
    )
    event = one("ISWAP fighters captured a hospital in Monguno on Monday after heavy fighting.")
    assert event.sub_event_type == "Armed clash"


# --- 10. violent demonstrators riot, whatever force met them --------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Residents held a demonstration in Kolani on Monday. Demonstrators clashed with "
            "police forces. One demonstrator was killed.",
            "en",
        ),
        (
            "Warga menggelar unjuk rasa di Kolani pada Senin (7/6). Para demonstran bentrok "
            "dengan polisi. Seorang demonstran tewas.",
            "id",
        ),
    ],
)
def test_demonstrators_who_fight_police_riot_even_when_one_is_killed(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


def test_non_violent_protesters_are_not_violent() -> None:
    event = one("Thousands of non-violent protesters marched in Kolani on Monday.")
    assert event.sub_event_type == "Peaceful protest"


def test_force_on_peaceful_protesters_stays_excessive_force() -> None:
    event = one("Police opened fire on peaceful protesters in Kolani on Monday, killing two.")
    assert event.sub_event_type == "Excessive force against protesters"


# --- 11. a habit is no incident ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A bus carrying passengers was attacked near Kolani, Syria, on Monday, killing 12 "
            "civilians. Islamic State fighters and Syrian forces often clash in the area.",
            "en",
        ),
        (
            "Sebuah bus diserang di dekat Kolani, Suriah, pada Senin (7/6) dan 12 warga sipil "
            "tewas. ISIS dan tentara Suriah kerap bentrok di area tersebut.",
            "id",
        ),
    ],
)
def test_sides_that_often_clash_there_are_not_the_attackers(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.event_type == "Violence against civilians"
    assert event.actor1 == "Unidentified Armed Group (Syria)"


# --- 12. what a territory verb takes stays in its clause -----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Al-Shabaab fighters seized Kolani, residents said on Monday.", "en"),
        ("Kota Kolani direbut Al-Shabaab, warga melarikan diri pada Senin (7/6).", "id"),
    ],
)
def test_people_named_after_a_comma_are_not_what_was_seized(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Al Shabaab"


def test_indonesian_side_right_after_a_di_verb_is_its_agent() -> None:
    event = one("Sebuah konvoi militer disergap Al-Shabaab di dekat Kolani pada Senin (7/6).", "id")
    assert event.actor1 == "Al Shabaab"
    assert event.actor2 is not None and event.actor2.startswith("Military Forces of Somalia")


# --- 13. explosives inside an exchange of fire are a battle -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen threw a hand grenade at an army checkpoint in Kolani, Mogadishu, on Monday, "
            "and soldiers returned fire.",
            "en",
        ),
        (
            "Orang bersenjata melemparkan granat ke pos pemeriksaan tentara di Kolani, Mogadishu, "
            "pada Senin (7/6), dan tentara membalas tembakan.",
            "id",
        ),
        (
            "Ukrainian forces fired mortars and small arms at rebel positions near Kolani, "
            "Donetsk, on Monday.",
            "en",
        ),
        (
            "Tentara Ukraina menembakkan mortir dan senjata ringan ke posisi pemberontak di dekat "
            "Kolani, Donetsk, pada Senin (7/6).",
            "id",
        ),
    ],
)
def test_explosives_with_fire_returned_or_small_arms_are_an_armed_clash(
    text: str, lang: str
) -> None:
    assert one(text, lang).sub_event_type == "Armed clash"


def test_small_arms_fire_on_a_civilian_is_an_attack() -> None:
    event = one("Rebels killed a civilian with small arms fire in Kolani, Donetsk, on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_grenade_thrown_with_no_fire_returned_stays_a_grenade() -> None:
    event = one(
        "Gunmen threw a hand grenade at an army checkpoint in Kolani, Mogadishu, on Monday."
    )
    assert event.sub_event_type == "Grenade"


# --- 14. abducted and killed is an attack ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A civilian was kidnapped and killed by Taliban militants in Daryaban village, Herat, "
            "on Monday.",
            "en",
        ),
        ("Presumed Dozo militiamen abducted and executed two herders in Kolani on Monday.", "en"),
        (
            "Dua petani diculik dan dibunuh oleh militan di desa Kolani, Borno, pada Senin (7/6).",
            "id",
        ),
    ],
)
def test_people_abducted_and_killed_were_attacked(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_people_abducted_alone_were_abducted() -> None:
    event = one("Militants kidnapped two farmers in Kolani, Borno, on Monday.")
    assert event.sub_event_type == "Abduction/forced disappearance"


# --- 15. a protest the violence set off is not its crowd ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Soldiers killed five villagers in Kolani on Monday, sparking protests.", "en"),
        (
            "Tentara menembak mati lima warga desa di Kolani pada Senin (7/6), memicu unjuk rasa.",
            "id",
        ),
    ],
)
def test_killing_that_sparked_protests_is_an_attack_on_civilians(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Security forces killed three protesters in Kolani on Monday.", "en"),
        ("Aparat keamanan menembak mati tiga pengunjuk rasa di Kolani pada Senin (7/6).", "id"),
    ],
)
def test_killing_demonstrators_named_as_such_is_excessive_force(text: str, lang: str) -> None:
    assert one(text, lang).sub_event_type == "Excessive force against protesters"


# --- 16. Indonesian headlines drop the verb prefix -------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("ISIS Serang Bus di Suriah, 28 Orang Tewas", "Attack"),
        ("Kelompok Bersenjata Culik Dua Pedagang di Kolani", "Abduction/forced disappearance"),
    ],
)
def test_indonesian_headline_base_verbs_are_acts(text: str, sub: str) -> None:
    assert one(text, "id").sub_event_type == sub


def test_indonesian_suicide_is_no_attack() -> None:
    assert run("Seorang pria bunuh diri di Kolani pada Senin (7/6).", "id") == []


# --- 17. a demonstration about the past is today's --------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Protesters demonstrated over the 1998 murder of a journalist in Kolani.", "en"),
        ("Warga berunjuk rasa atas pembunuhan seorang wartawan pada tahun 1998 di Kolani.", "id"),
    ],
)
def test_a_demonstration_over_an_old_killing_is_a_protest_now(text: str, lang: str) -> None:
    assert one(text, lang).sub_event_type == "Peaceful protest"


def test_a_killing_set_in_an_earlier_year_is_still_history() -> None:
    assert run("Soldiers killed 5 villagers in Kolani in 2019.") == []
