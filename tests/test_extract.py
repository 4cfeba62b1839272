"""Event extraction end to end. Every sentence here is invented for the tests."""

from __future__ import annotations

from functools import partial

import typing_helpers
from wartrace.extract import extract_events
from wartrace.models import TextAnalysis

run = partial(typing_helpers.run, published="2021-03-15")
one = partial(typing_helpers.one, published="2021-03-15")


# --- event type and precedence ---------------------------------------------------------------


def test_armed_clash_with_roles_and_toll() -> None:
    e = one(
        "Islamic State fighters attacked Syrian army positions near Palmyra on Saturday, "
        "killing at least 12 soldiers, the monitor said."
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert e.actor1 == "Islamic State" and e.inter1 == 2
    assert e.actor2 == "Military Forces of Syria (2000-2024)" and e.inter2 == 1
    assert e.fatalities == 12
    assert e.event_date == "2021-03-13" and e.time_precision == 1
    assert [p.name for p in e.places if p.role == "event"] == ["Palmyra"]


def test_suicide_bomb_outranks_following_clashes() -> None:
    e = one(
        "A suicide bomber from ISIS blew himself up at an army checkpoint in Mosul on Monday, "
        "and clashes broke out between the militants and Iraqi forces."
    )
    assert e.sub_event_type == "Suicide bomb"
    assert e.event_type == "Explosions/Remote violence"


def test_attack_on_civilians_is_violence_against_civilians() -> None:
    e = one("Gunmen attacked villagers in Konduga on Tuesday, killing seven civilians.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.actor2 is not None and e.actor2.startswith("Civilians") and e.inter2 == 7
    assert e.actor1 is not None and e.actor1.startswith("Unidentified Armed Group")
    assert e.fatalities == 7


def test_territory_by_state_is_government_regains() -> None:
    e = one("Iraqi forces recaptured the town of Baiji from Islamic State militants on Friday.")
    assert e.sub_event_type == "Government regains territory"
    assert e.actor1 == "Military Forces of Iraq (2022-)" and e.actor2 == "Islamic State"


def test_territory_by_rebels_is_non_state_overtakes() -> None:
    e = one("Al-Shabaab fighters seized the town of Bulo Burde from Somali troops on Sunday.")
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor1 == "Al Shabaab"


def test_failed_attempt_to_capture_is_a_clash() -> None:
    e = one(
        "Boko Haram fighters tried to capture a base in Monguno on Thursday but soldiers "
        "repelled the assault after hours of fighting."
    )
    assert e.sub_event_type == "Armed clash"


def test_air_strike_agent_before_noun_trigger() -> None:
    e = one("Ten ISIS fighters were killed in a coalition air strike near Hajin on Wednesday.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1 == "Global Coalition Against Daesh"
    assert e.actor2 == "Islamic State"


def test_passive_voice_by_phrase() -> None:
    e = one("Five Nigerian soldiers were ambushed by ISWAP militants in Damboa on Monday.")
    assert e.actor1 == "Islamic State (West Africa)"
    assert e.actor2 == "Military Forces of Nigeria (2023-)"


def test_unnamed_explosion_gets_unidentified_actor() -> None:
    e = one("A roadside bomb exploded in Baidoa on Friday, killing three passengers of a bus.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.actor1 is not None and e.actor1.startswith("Unidentified Armed Group")


def test_protest_and_riot() -> None:
    p = one("Hundreds of protesters marched peacefully in Kano on Saturday against fuel prices.")
    assert (p.event_type, p.sub_event_type) == ("Protests", "Peaceful protest")
    r = one("Rioters torched a police station in Jos on Sunday after a disputed election.")
    assert r.event_type == "Riots"


# --- Indonesian ---------------------------------------------------------------------------------


def test_indonesian_clash_genitive_and_toll() -> None:
    e = one(
        "Serangan ISIS terhadap pasukan pemerintah Suriah di dekat Palmyra pada hari Sabtu "
        "menewaskan sedikitnya tiga puluh tentara, menurut Amaq.",
        lang="id",
    )
    assert e.actor1 == "Islamic State"
    assert e.actor2 == "Military Forces of Syria (2000-2024)"
    assert e.fatalities == 30
    assert e.claims[0].qualifier == "at_least" and e.claims[0].claimant == "Amaq"
    assert e.event_date == "2021-03-13"


def test_indonesian_passive_diserang_oleh() -> None:
    e = one(
        "Pos militer Nigeria diserang oleh Boko Haram di Maiduguri pada Kamis (11/3/2021).",
        lang="id",
    )
    assert e.actor1 == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert e.event_date == "2021-03-11"


def test_indonesian_updated_toll_supersedes() -> None:
    text = (
        "Bom mobil meledak di pasar Mogadishu pada Senin, menewaskan 8 orang. "
        "Jumlah korban tewas kemudian naik menjadi 15 orang, kata polisi."
    )
    e = one(text, lang="id")
    assert any(c.supersedes_earlier and c.value == 15 for c in e.claims)
    assert e.fatalities == 15


# --- splitting and background -------------------------------------------------------------------


def test_two_incidents_on_different_days_are_two_events() -> None:
    text = (
        "Islamic State fighters attacked an army post in Hawija on Saturday, "
        "killing four soldiers.\n"
        "On Monday, a roadside bomb killed two policemen in Tuz Khurmatu."
    )
    events = run(text)
    assert len(events) == 2
    assert {e.event_date for e in events} == {"2021-03-13", "2021-03-15"}


def test_restated_incident_is_one_event() -> None:
    text = (
        "ISIS militants attacked a checkpoint in Tikrit on Sunday.\n"
        "The attack on the checkpoint in Tikrit killed three soldiers, officials said.\n"
        "The clashes in Tikrit lasted two hours."
    )
    assert len(run(text)) == 1


def test_background_only_article_yields_no_event() -> None:
    text = (
        "Islamic State has controlled large parts of the desert since 2015.\n"
        "Analysts say the group could try to capture more towns next year."
    )
    assert run(text) == []


def test_unsupported_language_yields_nothing() -> None:
    assert run("Des combattants ont attaqué une base.", lang="fr") == []


def test_no_date_without_any_anchor() -> None:
    e = one("ISIS fighters attacked Syrian troops near Deir ez-Zor on Saturday.", published=None)
    assert e.event_date is None and e.time_precision is None


def test_offsets_point_into_raw_text() -> None:
    text = "Boko Haram militants killed 9 farmers in Gwoza on Thursday, residents said."
    e = one(text)
    claim = e.claims[0]
    assert text[claim.start : claim.end] == "9"
    assert text[e.evidence[0].start : e.evidence[0].end].startswith("Boko Haram")


def test_dateline_is_a_fallback_place() -> None:
    text = "MOGADISHU - Al-Shabaab fighters attacked an army base on Tuesday, killing 5 soldiers."
    analysis = TextAnalysis(clean_text=text, language="en", dateline="MOGADISHU")
    (e,) = extract_events(text, analysis, published="2021-03-15")
    assert any(p.role == "dateline" and p.name == "MOGADISHU" and p.start == 0 for p in e.places)


def test_bad_input_does_not_crash() -> None:
    assert run("", lang="en") == []
    assert run("!!! ??? 12/99/2020", lang="en") == []
    assert run("attack", lang="") == []


def test_printed_publication_date_gives_way_to_the_event_day() -> None:
    text = (
        "15/3/2021 Gunmen kill 4 soldiers in Borno\n"
        "Gunmen attacked an army patrol near Bama on Saturday, killing 4 soldiers."
    )
    e = one(text)
    assert e.event_date == "2021-03-13"


def test_report_without_any_date_falls_back_to_the_day_before_publication_at_week() -> None:
    # invented: an article (not a one-line brief) whose event has no date cue
    background = " The region has seen years of insurgency and aid groups say roads stay shut." * 6
    lead = "Al-Shabaab fighters attacked an army base near Kismayo, killing 3 soldiers.\n"
    e = one(lead + background)
    assert (e.event_date, e.time_precision) == ("2021-03-14", 2)


def test_battle_side_missing_in_sentence_comes_from_the_article() -> None:
    text = (
        "Syrian army troops retook the village of Tal Salma after heavy fighting on Friday.\n"
        "Islamic State had held the village for two years, residents said."
    )
    e = one(text)
    assert e.sub_event_type == "Government regains territory"
    assert e.actor2 == "Islamic State"
