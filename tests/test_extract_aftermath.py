"""A day told in a clause about an attack's aftermath (searching, burying, mourning, fleeing)
before "after"/"setelah" dates the aftermath, not the attack told after that word.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from wartrace.extract import extract_events
from wartrace.models import ExtractedEvent, TextAnalysis


def run(text: str, lang: str = "en", published: str | None = "2016-05-16") -> list[ExtractedEvent]:
    return extract_events(text, TextAnalysis(clean_text=text, language=lang), published=published)


def test_the_day_of_a_search_does_not_date_the_bombing_after_after() -> None:
    text = (
        "Families searched the rubble for relatives on Sunday, after a truck bomb in the "
        "market of Dorvale killed at least 40 people.\n\n"
        "The bomb went off in Dorvale on Friday, a police officer said."
    )
    dates = [e.event_date for e in run(text)]
    assert "2016-05-13" in dates and "2016-05-15" not in dates


def test_burials_on_a_day_do_not_date_the_killings_in_indonesian() -> None:
    text = (
        "Warga memakamkan para korban pada Minggu (15/5/2016), setelah kelompok bersenjata "
        "menyerang desa Dorvale dan menewaskan 12 orang."
    )
    assert all(e.event_date != "2016-05-15" for e in run(text, "id"))


def test_an_act_before_after_keeps_its_day() -> None:
    # One act told twice: the breakthrough came with the battle.
    text = (
        "Troops broke through the defences of Dorvale on Sunday after a fierce battle with "
        "rebel fighters, the army said."
    )
    assert [e.event_date for e in run(text)] == ["2016-05-15"]


def test_a_day_inside_the_after_clause_is_the_attack_s() -> None:
    text = (
        "Families searched the rubble for relatives, after a truck bomb in the market of "
        "Dorvale killed at least 40 people on Saturday."
    )
    assert [e.event_date for e in run(text)] == ["2016-05-14"]


def test_a_day_in_an_after_clause_of_another_act_is_not_the_riot_s() -> None:
    text = (
        "Supporters of the losing candidate rioted in Dorvale, torching cars and hurling "
        "rocks at police, after thousands of them rallied peacefully outside the election "
        "office on Saturday."
    )
    assert [e.event_date for e in run(text)] != ["2016-05-14"]


def test_a_toll_told_before_the_act_in_its_paragraph_is_the_act_s() -> None:
    text = (
        "On 14 May 2016, a prisoner died in the militia-run prison of Dorvale. The man had "
        "been tortured by guards inside the prison."
    )
    assert [e.fatalities for e in run(text)] == [1]
