"""Extraction rules: enabled acts, passing mentions, speakers' places, Urdu.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from functools import partial

import typing_helpers
from wartrace.extract.casualties import sentence_claims
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import ExtractedEvent

run = partial(typing_helpers.run, published="2021-03-08")


def places(event: ExtractedEvent) -> set[str]:
    return {p.name for p in event.places if p.role == "event"}


# --- an act its cause made possible ("paved the way for") -------------------------------------


ENABLED_EN = (
    "At least 12 soldiers were killed in an air strike near Fort Ambler airport on Sunday, a "
    "monitor said. The air strike paved the way for Islamic State fighters to overrun the army "
    "position at Hill Rostam, the monitor said. It said earlier that 9 soldiers had died."
)


def test_enabled_act_is_an_incident_of_its_own() -> None:
    events = run(ENABLED_EN)
    assert len(events) == 2
    strike, taken = events
    assert strike.sub_event_type == "Air/drone strike"
    assert taken.sub_event_type == "Non-state actor overtakes territory"
    assert taken.actor1 == "Islamic State"
    assert "Hill Rostam" in places(taken)
    assert "Hill Rostam" not in places(strike)


def test_enabled_act_happens_on_its_causes_day() -> None:
    strike, taken = run(ENABLED_EN)
    assert strike.event_date == "2021-03-07"
    assert taken.event_date == strike.event_date


def test_what_follows_an_enabled_act_is_about_its_cause_again() -> None:
    strike, taken = run(ENABLED_EN)
    assert sorted(c.value for c in strike.claims if c.kind == "killed") == [9, 12]
    assert taken.claims == []


def test_enabled_act_uses_its_own_trigger_word() -> None:
    text = (
        "Government jets bombed rebel trenches near Dorvale on Friday, killing 8 rebels. The "
        "bombing paved the way for troops to storm the village of Kettering, officials said."
    )
    events = run(text)
    assert len(events) == 2
    assert events[1].sub_event_type == "Armed clash"


def test_enabled_act_without_a_place_stays_with_its_cause() -> None:
    text = (
        "An air strike killed 10 fighters near Dorvale on Friday. "
        "The strike paved the way for the army to advance, officials said."
    )
    assert len(run(text)) == 1


def test_enabled_act_in_indonesian() -> None:
    text = (
        "Serangan udara menewaskan 14 tentara di dekat Bandara Kota Lama pada Sabtu (6/3). "
        "Serangan itu membuka jalan bagi ISIS untuk kembali ke posisi di Bukit Sarang."
    )
    events = run(text, "id")
    assert len(events) == 2
    assert events[1].actor1 == "Islamic State"
    assert "Bukit Sarang" in places(events[1])


# --- passing mentions of an earlier incident ------------------------------------------------


def test_earlier_one_sentence_incident_without_place_is_a_look_back() -> None:
    text = (
        "A car bomb exploded outside a market in Port Calder on Saturday, killing 6 people. "
        "Security forces sealed off the area. "
        "Two people were wounded in a separate blast on Thursday."
    )
    events = run(text)
    assert len(events) == 1
    assert events[0].event_date == "2021-03-06"


def test_earlier_incident_with_its_own_place_is_kept() -> None:
    text = (
        "A car bomb exploded outside a market in Port Calder on Saturday, killing 6 people. "
        "In a separate attack on Thursday, gunmen killed 3 farmers in Millbrook village."
    )
    assert len(run(text)) == 2


# --- where a source spoke is not where the event was ---------------------------------------


def test_place_of_a_source_is_not_the_event_place() -> None:
    text = (
        "According to a military source at the town of Ashford, the Islamic State ambushed an "
        "army convoy near the Kestrel Mountain on Friday, killing 11 soldiers."
    )
    (event,) = run(text)
    assert "Kestrel Mountain" in places(event)
    assert "Ashford" not in places(event)


# --- Urdu (data only) ---------------------------------------------------------------------------


def test_urdu_is_supported_by_data_alone() -> None:
    data = load_language("ur")
    assert data is not None
    assert data.genitive_after is False


def test_urdu_figures_glued_to_a_word_are_read() -> None:
    data = load_language("ur")
    assert data is not None
    text = "حملے میں12 فوجی ہلاک اور 4 زخمی ہو گئے۔"
    found = [
        (c.value, c.kind)
        for s in split_sentences(text, "ur")
        for c in sentence_claims(s, data, None)
    ]
    assert (12, "killed") in found
    assert (4, "wounded") in found


def test_urdu_attack_report() -> None:
    text = (
        "صوبے کے ایک گاؤں میں داعش کے عسکریت پسندوں نے گھات لگا کر حملہ کیا"
        " جس میں کم از کم 7 فوجی ہلاک ہو گئے۔"
    )
    (event,) = run(text, "ur")
    assert event.event_type == "Battles"
    assert event.actor1 == "Islamic State"
    assert [(c.value, c.qualifier) for c in event.claims if c.kind == "killed"] == [(7, "at_least")]


# --- who acted -------------------------------------------------------------------------------


def test_actor_right_before_a_toll_word_is_the_side_that_died() -> None:
    text = (
        "Ten Syrian soldiers killed in clashes with ISIS near Tabqa on Sunday, a monitor said. "
        "IS militants attacked army checkpoints around the village of Halwa, the monitor said."
    )
    (event,) = run(text)
    assert event.actor1 == "Islamic State"
    assert event.actor2 == "Military Forces of Syria (2000-2024)"


def test_indonesian_di_verb_is_passive() -> None:
    text = (
        "Bus Militer Suriah Disergap, Setidaknya 9 Orang Tewas\n"
        "Militan ISIS menyergap sebuah bus militer Suriah di dekat Kota Palu pada Minggu (7/3)."
    )
    events = run(text, "id")
    assert events[0].actor1 == "Islamic State"
    assert events[0].actor2 == "Military Forces of Syria (2000-2024)"


def test_named_group_stands_for_generic_gunmen() -> None:
    text = (
        "Gunmen ambushed an army bus near Dorvale in Syria on Sunday, killing 9 soldiers. "
        "The attack was believed to have been carried out by Islamic State cells."
    )
    (event,) = run(text)
    assert event.actor1 == "Islamic State"


# --- history inside a news report ---------------------------------------------------------------


def test_sentence_set_in_an_earlier_year_is_background() -> None:
    text = (
        "Militants attacked an army post in Dorvale on Sunday, killing 4 soldiers. "
        "Before 2017 the group had captured Ashford and Millbrook."
    )
    events = run(text)
    assert len(events) == 1
    assert events[0].sub_event_type != "Non-state actor overtakes territory"


def test_earlier_year_beside_the_reports_own_day_is_kept() -> None:
    text = (
        "The attack on Sunday in Dorvale was carried out by IS fighters, who still stage raids "
        "despite their defeat in 2019, and killed 4 soldiers."
    )
    assert len(run(text)) == 1


def test_place_of_a_leading_time_clause_is_not_the_event_place() -> None:
    text = (
        "KESTON - Shortly after declaring an emergency in Ashford, IS militants attacked a "
        "hospital in the town of Millbrook on Sunday, killing 6 guards."
    )
    (event,) = run(text)
    assert "Millbrook" in places(event)
    assert "Ashford" not in places(event)


def test_deadliest_since_a_year_is_no_history() -> None:
    text = (
        "Militants ambushed an army convoy near Dorvale in Syria, killing 12 soldiers in the "
        "deadliest attack since 2019."
    )
    assert len(run(text)) == 1
    text_id = (
        "Militan ISIS menyergap konvoi tentara di dekat Kota Palu, menewaskan 12 tentara dalam "
        "serangan paling mematikan sejak 2019."
    )
    assert len(run(text_id, "id")) == 1


def test_deadliest_since_in_french_and_portuguese() -> None:
    fr = (
        "Des jihadistes de l'État islamique ont attaqué un poste de l'armée près de Ménaka au "
        "Mali, tuant 9 soldats, l'attaque la plus meurtrière depuis des mois."
    )
    assert len(run(fr, "fr")) == 1
