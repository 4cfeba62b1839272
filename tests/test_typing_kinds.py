"""Event typing by failure kind, continued from test_event_typing.py. Every sentence is
invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run

# --- roads blocked with barricades make a demonstration violent ------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, hundreds of residents of Kalimbo protested against the new tax and "
            "erected barricades on the main road.",
            "en",
        ),
        (
            "On Monday, traders demonstrated in Kalimbo over market fees and set up roadblocks "
            "with old tyres.",
            "en",
        ),
        (
            "Pada Senin, ratusan warga berunjuk rasa menolak tambang di Kalimbo dan memasang "
            "barikade di jalan utama.",
            "id",
        ),
    ],
)
def test_demonstrators_who_barricade_roads_riot(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


def test_a_road_blocked_by_the_crowd_alone_is_a_peaceful_protest() -> None:
    event = one(
        "On Monday, hundreds of residents of Kalimbo protested against the new tax and "
        "blocked the main road for three hours."
    )
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_roadblocks_set_up_by_armed_men_are_no_riot() -> None:
    events = run(
        "On Monday, gunmen set up roadblocks near Kalimbo and killed two traders on the highway."
    )
    assert events and all(e.event_type != "Riots" for e in events)


# --- a denial tells no act as fact -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "At least 20 soldiers of the rebel army were killed in an air strike by government "
            "forces near Kafr Dael on Tuesday, a rebel commander said. The government denied its "
            "own air force had been involved in the fighting in the area.",
            "en",
        ),
        (
            "Pada Selasa, sedikitnya 20 tentara pemberontak tewas dalam serangan udara pasukan "
            "pemerintah di dekat Kafr Dael. Pemerintah membantah angkatan udaranya terlibat dalam "
            "pertempuran di daerah itu.",
            "id",
        ),
    ],
)
def test_a_denied_fight_is_no_part_of_the_strike_told_as_fact(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    told = [text[s.start : s.end] for s in event.evidence]
    assert not any("denied" in t or "membantah" in t for t in told), told


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The ministry denied that its jets had bombed the hospital in Kafr Dael on Monday.", "en"),
        (
            "Kementerian pertahanan membantah pesawatnya telah mengebom rumah sakit di Kafr Dael "
            "pada Senin.",
            "id",
        ),
    ],
)
def test_an_act_only_denied_is_no_event(text: str, lang: str) -> None:
    assert run(text, lang) == []


def test_people_denied_access_are_refused_not_denying() -> None:
    events = run(
        "On Monday, two men who were denied access to the camp in Kafr Dael shot dead a guard "
        "at its gate."
    )
    assert events and events[0].event_type == "Violence against civilians"


# --- a group of local people who kill riot ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Sunday, a group of local people beat a man to death in Kalimbo after accusing "
            "him of theft.",
            "en",
        ),
        ("On Sunday, angry citizens killed a suspected thief in the market of Kalimbo.", "en"),
        (
            "Pada Minggu, sekelompok warga memukuli seorang pria hingga tewas di Kalimbo karena "
            "dituduh mencuri.",
            "id",
        ),
    ],
)
def test_a_crowd_of_local_people_that_kills_is_mob_violence(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


# --- an armed group's raid is no riot ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, suspected jihadist militants attacked the police station in Kalimbo to "
            "free prisoners, and one gendarme was wounded in the attack.",
            "en",
        ),
        (
            "Pada Senin, kelompok bersenjata membakar pos polisi di Kalimbo dan menembak mati "
            "seorang polisi.",
            "id",
        ),
    ],
)
def test_an_armed_group_raiding_a_police_post_fights_it(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.event_type == "Battles", event
    assert event.actor2 is not None and event.actor2.startswith(("Police Forces", "Military"))


def test_a_crowd_storming_a_police_station_still_riots() -> None:
    event = one(
        "On Monday, angry residents attacked the police station in Kalimbo after a trader died "
        "in custody, and two policemen were wounded."
    )
    assert event.event_type == "Riots", event


# --- sides that exchange fire are armed, whatever words name them -------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, two groups of guards exchanged gunfire at the court compound in Kalimbo, "
            "killing one.",
            "en",
        ),
        (
            "Pada Senin, dua kelompok terlibat baku tembak di kompleks pengadilan di Kalimbo dan "
            "satu orang tewas.",
            "id",
        ),
    ],
)
def test_groups_that_exchange_fire_fight_a_battle_not_a_riot(text: str, lang: str) -> None:
    event = one(text, lang)
    assert event.event_type == "Battles", event


def test_rival_crowds_fighting_with_sticks_riot() -> None:
    event = one(
        "On Monday, two groups of villagers clashed with sticks over grazing land in Kalimbo, "
        "injuring five."
    )
    assert event.event_type == "Riots", event


def test_an_indonesian_road_blocked_by_the_crowd_alone_is_a_peaceful_protest() -> None:
    event = one(
        "Pada Senin, ratusan warga berunjuk rasa menolak tambang di Kalimbo dan memblokir jalan "
        "utama selama tiga jam.",
        "id",
    )
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


# --- a named group's youths are the group, not a crowd ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, a clash between police and CODECO youths in Kalimbo left two people dead.",
        "On Monday, a clash between police and MRC youths in Kalimbo left two people dead.",
    ],
)
def test_youths_of_a_named_armed_group_fight_a_battle(text: str) -> None:
    event = one(text)
    assert event.event_type == "Battles", event


# --- a development told first: the violence after a word of cause led to it ------------------


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        (
            "On Monday, the two forces agreed a fragile ceasefire after the worst fighting in "
            "years near Kalimbo.",
            "en",
            "Agreement",
        ),
        (
            "On Monday, 260 villagers were displaced following a clash between the rebels and "
            "the army in Kalimbo.",
            "en",
            "Other",
        ),
        (
            "Pada Senin, kedua pihak menyepakati gencatan senjata setelah pertempuran sengit di "
            "Kalimbo.",
            "id",
            "Agreement",
        ),
    ],
)
def test_a_development_told_first_is_coded_not_the_fight_that_led_to_it(
    text: str, lang: str, sub: str
) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", sub), event


def test_hostages_freed_after_a_storming_is_the_storming() -> None:
    event = one("On Monday, hostages were freed after troops stormed a building in Kalimbo.")
    assert event.event_type == "Battles", event


def test_a_fight_told_first_stays_the_fight_when_a_ceasefire_follows() -> None:
    event = one("On Monday, rebels and troops clashed in Kalimbo before a ceasefire was agreed.")
    assert event.event_type == "Battles", event


# --- one country's army and police fighting each other -----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, police officers in Kalimbo killed one soldier and wounded three soldiers.",
            "en",
        ),
        (
            "Pada Senin, sejumlah tentara menyerang markas polisi di Kalimbo dan melukai dua "
            "polisi.",
            "id",
        ),
    ],
)
def test_a_force_attacking_its_own_country_other_force_fights_it(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event
    assert {event.actor1, event.actor2} == {"Military Forces", "Police Forces"}, event


def test_army_and_police_acting_together_stay_one_side() -> None:
    event = one("On Monday, soldiers and police attacked a militant hideout in Kalimbo.")
    assert event.event_type == "Battles"
    assert event.actor2 is not None and "Police" not in event.actor2, event


# --- party members, congregations and camps are crowds; a withdrawal hands over ground --------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, young members of the ruling party clashed with young members of an "
            "opposition party in Kalimbo.",
            "en",
        ),
        ("On Monday, clashes among church members in Kalimbo left two dead.", "en"),
        ("Pada Senin, dua kubu jemaat bentrok di Kalimbo.", "id"),
    ],
)
def test_party_members_and_congregations_who_clash_riot(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event


def test_activists_who_report_a_fight_make_it_no_riot() -> None:
    event = one(
        "On Monday, rebels attacked government troops in Kalimbo, triggering clashes between "
        "the two sides, opposition activists said."
    )
    assert event.event_type == "Battles", event


def test_ground_taken_after_the_other_side_withdrew_changes_hands_without_a_fight() -> None:
    event = one(
        "On Monday, the rebels took control of Kalimbo following the withdrawal of the army."
    )
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments",
        "Non-violent transfer of territory",
    ), event


# --- fighters captured are taken in a fight, not ground won ----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, regime forces captured two rebels near Kalimbo.", "en"),
        (
            "On Monday, five militants were killed, injured or captured during an army "
            "operation near Kalimbo.",
            "en",
        ),
        ("Pada Senin, lima militan tewas atau ditawan dalam operasi tentara di Kalimbo.", "id"),
    ],
)
def test_fighters_captured_are_a_fight_not_territory(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event


def test_a_town_captured_is_still_territory() -> None:
    event = one("On Monday, the army captured Kalimbo from the rebels.")
    assert event.sub_event_type == "Government regains territory", event
