"""Look-back words and old dates that do not put an event sentence in the past; weekdays told
as past ("last Friday"); year-less days just after the report's date.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import typing_helpers
from wartrace.extract.dates import find_dates
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences

run = partial(typing_helpers.run, published="2016-05-16")


def days(text: str, lang: str, base: date, nearest: bool = False) -> list[str]:
    data = load_language(lang)
    assert data is not None
    return [
        d.value.isoformat()
        for s in split_sentences(text, lang)
        for d in find_dates(s, data, base, nearest=nearest)
    ]


# --- "since" before a recent day starts what still goes on ------------------------------------


def test_since_a_recent_day_is_the_start_of_the_event() -> None:
    en = (
        "Militants linked to Islamic State have attacked the town of Dorvale since Wednesday "
        "(11/5/2016), killing 12 soldiers."
    )
    (event,) = run(en)
    assert event.event_date == "2016-05-11"
    id_ = (
        "Milisi yang terkait ISIS menyerang kota Dorvale sejak Rabu (11/5/2016), menewaskan "
        "12 tentara, dan menjadi eskalasi terburuk di wilayah itu sejak 2017."
    )
    (event,) = run(id_, "id")
    assert event.event_date == "2016-05-11"


def test_since_an_old_year_still_tells_history() -> None:
    text = "Islamic State has controlled large parts of the desert near Dorvale since 2015."
    assert run(text) == []


def test_since_with_a_present_verb_gives_a_reason() -> None:
    text = (
        "Police officers staged a protest in Dorvale to demand higher wages, since police are "
        "among the lowest paid workers in the country."
    )
    (event,) = run(text)
    assert event.event_type == "Protests"


# --- a sentence that first writes out its own recent day --------------------------------------


def test_an_old_date_inside_a_dated_sentence_is_a_clause() -> None:
    text = (
        "On 14 May 2016, supporters of two parties clashed in Dorvale during a march for the "
        "people killed in the town on 2 May 2009."
    )
    (event,) = run(text)
    assert event.event_date == "2016-05-14"


def test_a_look_back_inside_a_dated_sentence_is_a_clause() -> None:
    text = (
        "On 14 May 2016, gunmen burned a truck in Dorvale that they had ambushed the previous "
        "day, killing its driver."
    )
    (event,) = run(text)
    assert event.event_date == "2016-05-14"


def test_a_weekday_before_since_then_keeps_the_look_back() -> None:
    # The Thursday may be last week's, told as the start of a story: no date to trust.
    text = (
        "Pejuang ISIS melancarkan serangan pada Kamis di timur kota Dorvale dan sejak itu telah "
        "menguasai beberapa pos pemeriksaan tentara."
    )
    assert run(text, "id") == []


# --- weekdays told as past ---------------------------------------------------------------------


def test_last_friday_is_before_the_reports_day() -> None:
    friday = date(2016, 5, 20)
    assert days("Dozens were killed in last Friday's air raid.", "en", friday) == ["2016-05-13"]
    # Without a publication date the nearest Friday may be after the anchor; "last" forbids it.
    wednesday = date(2016, 5, 18)
    assert days("The air raid last Friday killed dozens.", "en", wednesday, True) == ["2016-05-13"]
    assert days("Serangan udara Jumat lalu menewaskan puluhan orang.", "id", wednesday, True) == [
        "2016-05-13"
    ]


def test_weekday_of_last_week_dates_the_event() -> None:
    text = (
        "Jumlah korban tewas dalam serangan bom di kota Dorvale pada Sabtu pekan lalu (14/5) "
        "meningkat menjadi 85 orang."
    )
    (event,) = run(text, "id", published="2016-05-20")
    assert event.event_date == "2016-05-14"


# --- year-less days just after the report's date ---------------------------------------------


def test_a_day_just_after_the_report_is_not_last_year() -> None:
    base = date(2016, 4, 28)
    # "from 27 to 29 April": the 29th is this year's, a day after the report.
    assert days("Around 28 April 2016 (from 27 to 29 April), workers marched.", "en", base) == [
        "2016-04-28",
        "2016-04-29",
    ]
    assert "2015-04-29" not in days("Workers marched from 27 to 29 April.", "en", base)
    assert "2015-04-29" not in days("Pekerja berunjuk rasa hingga 29/4.", "id", base)
    # Months off, the day and month are last year's.
    assert days("The town fell on 10 August.", "en", base) == ["2015-08-10"]


def test_a_range_running_past_the_report_keeps_the_event() -> None:
    text = (
        "Around 28 April 2016 (from 27 to 29 April), about a hundred nurses staged a "
        "demonstration at the hospital in Dorvale, and police dispersed them."
    )
    (event,) = run(text, published="2016-04-28")
    assert event.event_date == "2016-04-28"


# --- a web address printed as a line ----------------------------------------------------------


def test_a_web_address_line_tells_no_event() -> None:
    text = "https://news.example.com/2016/05/16/gunmen-kill-12-soldiers-in-dorvale\n"
    assert run(text) == []


# --- "in the capital X": a clause of its own at its own place -----------------------------------


def test_the_capital_named_in_apposition_is_the_clauses_place() -> None:
    # invented: one sentence, a toll for each of three cities (one event per place)
    text = (
        "Security forces open fire and kill 20 people who were blocking a bridge in Dorvale, "
        "while 8 people are killed in Ashford, and three people are shot dead in the capital "
        "Millbrook."
    )
    events = run(text)
    places = [{p.name for p in e.places if p.role == "event"} for e in events]
    assert len(events) == 3
    assert {"Millbrook"} in places


# --- "Earlier in the day": the same day's news, another incident ------------------------------


def test_earlier_in_the_day_opens_another_incident_of_the_same_day() -> None:
    text = (
        "Gunmen attacked a passenger bus near Dorvale on Monday, killing 12 people.\n\n"
        "Earlier in the day, two soldiers were killed in a rocket attack on the village of "
        "Ashford, the army said.\n"
    )
    events = run(text)
    assert len(events) == 2
    assert sorted(e.fatalities for e in events) == [2, 12]
    text_id = (
        "Orang bersenjata menyerang bus penumpang di dekat kota Dorvale pada Senin, menewaskan "
        "12 orang.\n\nSebelumnya pada hari yang sama, dua tentara tewas dalam serangan roket di "
        "desa Ashford, kata tentara.\n"
    )
    assert len(run(text_id, "id")) == 2


def test_earlier_alone_still_opens_a_look_back() -> None:
    text = (
        "Gunmen attacked a passenger bus near Dorvale on Monday, killing 12 people.\n\n"
        "Earlier, two soldiers were killed in a rocket attack on the village of Ashford.\n"
    )
    assert [e.fatalities for e in run(text)] == [12]


# --- an act told with its own day and place is a report ----------------------------------------


def test_an_act_with_its_written_day_and_place_is_a_report_without_known_sides() -> None:
    for text in (
        "On 14 May 2016, unidentified actors destroyed the water pumping station in Dorvale.",
        "On 14 May 2016, a remote explosive attack targeted a warehouse in Dorvale.",
    ):
        (event,) = run(text)
        assert event.event_date == "2016-05-14"


def test_a_trigger_word_alone_is_still_no_report() -> None:
    assert run("The fighting was discussed at length by the council.") == []


# --- look-back words that date a time of today or the telling, not the act ---------------------


def test_since_a_time_of_the_day_tells_today() -> None:
    text = (
        "Gunmen attacked farmers in the fields of Dorvale on Saturday (14/5/2016). According to"
        " reports reaching us since afternoon, about 40 of them were killed."
    )
    claims = [c.value for e in run(text) for c in e.claims if c.kind == "killed"]
    assert 40 in claims


def test_an_earlier_statement_is_a_count_of_the_same_act() -> None:
    text = (
        "Militan ISIS menyerang konvoi tentara di dekat Dorvale pada Sabtu (14/5/2016) dan"
        " menewaskan 40 tentara. Media pemerintah sebelumnya mengungkapkan bahwa 28 orang tewas"
        " dalam serangan itu."
    )
    claims = [(c.value, c.earlier) for e in run(text, "id") for c in e.claims if c.kind == "killed"]
    assert (28, True) in claims


# --- a segment after the act, set off by a comma, tells what the act fell on ------------------


def test_history_of_the_place_after_a_comma_does_not_date_the_act() -> None:
    text = (
        "Government troops retook the town of Hollin, seized by the rebels two months ago, "
        "officials said on Sunday."
    )
    events = run(text)
    assert len(events) == 1
    assert events[0].sub_event_type == "Government regains territory"


def test_appositive_with_recent_months_does_not_date_the_act() -> None:
    text = (
        "Rebels and soldiers clashed on Sunday near the town of Hollin, the scene of heavy "
        "fighting in recent months, killing 4 soldiers."
    )
    events = run(text)
    assert len(events) == 1
    assert {c.value for c in events[0].claims} == {4}


def test_relative_clause_with_an_old_year_keeps_the_toll() -> None:
    text = (
        "Gunmen attacked an army post in Hollin on Sunday, killing 7 soldiers. "
        "Another source said 9 soldiers were killed, most of them from the 3rd Brigade, which "
        "has held the area since late 2014."
    )
    events = run(text)
    assert len(events) == 1
    assert 9 in {c.value for c in events[0].claims}


def test_look_back_before_the_act_still_dates_it() -> None:
    # No comma between the act and the look-back word: the act itself is history.
    text = "Rebels seized the town of Hollin two months ago and still hold it, residents said."
    assert run(text) == []


def test_first_time_since_compares_and_does_not_look_back() -> None:
    text = (
        "Government forces seized control of the whole Hollin highway on Sunday for the first "
        "time since 2012, a monitor said."
    )
    events = run(text)
    assert len(events) == 1
    assert events[0].event_date == "2016-05-15"


def test_running_toll_after_a_comma_stays_history() -> None:
    text = (
        "Gunmen attacked an army post in Hollin on Sunday, killing 7 soldiers. "
        "The group has stepped up its attacks, and 380 people, mostly soldiers, have been "
        "killed in the region since January."
    )
    events = run(text)
    assert len(events) == 1
    assert 380 not in {c.value for c in events[0].claims}


def test_weapons_used_to_do_something_tell_no_habit() -> None:
    text = (
        "Officials said on Monday that rockets were used to shoot down an army helicopter "
        "during clashes with rebels near Hollin on Sunday."
    )
    assert len(run(text)) == 1


def test_a_habit_told_with_used_to_stays_history() -> None:
    text = "Rebels used to attack army posts near Hollin, residents said."
    assert run(text) == []


def test_the_past_two_days_are_recent() -> None:
    text = (
        "Gunmen have killed at least 9 people near Hollin in the past two days, attacking a "
        "market and an army post, officials said on Sunday."
    )
    events = run(text)
    assert len(events) == 1
    assert 9 in {c.value for c in events[0].claims}


def test_in_the_past_alone_still_looks_back() -> None:
    text = "In the past, gunmen killed 9 people near Hollin, residents said."
    assert run(text) == []


def test_largest_protest_since_compares() -> None:
    text = (
        "Thousands rallied in Hollin on Sunday in the largest protest since the government took "
        "office, demanding the release of detained students."
    )
    events = run(text)
    assert len(events) == 1
    assert events[0].event_type == "Protests"


def test_a_relative_clause_before_the_act_is_the_subjects_history() -> None:
    # Invented. The clause describes the besiegers; the shelling after it is the news.
    text = (
        "The rebels, which have besieged the town of Kamsar since March, shelled its main "
        "market on Sunday, killing 9 people."
    )
    assert [e.sub_event_type for e in run(text)] == ["Shelling/artillery/missile attack"]
    text_id = (
        "Kelompok pemberontak, yang mengepung kota Kamsar sejak Maret, menembaki pasar utama "
        "kota itu pada Minggu, menewaskan 9 orang."
    )
    assert len(run(text_id, "id")) == 1


def test_a_relative_clause_with_no_act_after_it_keeps_the_look_back() -> None:
    # Invented: nothing is done after the clause; the group's past act is history.
    text = "The group, which attacked the village of Kamsar three years ago, has been quiet."
    assert run(text) == []


def test_a_relative_clause_after_the_acts_own_noun_dates_that_act() -> None:
    # Invented. The clause tells when the bombing itself happened: two weeks ago, history.
    assert run("The bombing, which took place two weeks ago, was claimed by the group.") == []
    assert run("Ledakan bom, yang terjadi dua minggu lalu, diklaim oleh kelompok itu.", "id") == []
    # The act's object, not the act, is what such a clause describes here: still news.
    text = "Troops retook the town, which the group seized two months ago, on Sunday."
    assert [e.sub_event_type for e in run(text)] == ["Government regains territory"]
