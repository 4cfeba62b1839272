"""Sitting leaders named by title bound the year of an article that prints none. All
sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from wartrace.extract import extract_events
from wartrace.extract.leaders import sitting_terms
from wartrace.models import TextAnalysis


def _since(text: str) -> list[date]:
    return [t.since for t in sitting_terms(text)]


def test_a_leader_named_by_title_is_in_office() -> None:
    assert _since("President Rodrigo Duterte declared martial law.") == [date(2016, 6, 30)]
    assert _since("Presiden Filipina Rodrigo Duterte mengumumkan darurat militer.") == [
        date(2016, 6, 30)
    ]
    assert _since("Prime Minister Imran Khan condemned the attack.") == [date(2018, 8, 18)]


@pytest.mark.parametrize(
    "text",
    [
        "Former President Rodrigo Duterte spoke at the rally.",  # a past leader
        "Mantan Presiden Joko Widodo hadir.",
        "The blast hit the Hamid Karzai International Airport.",  # a place named for him
        "Duterte supporters gathered in the square.",  # no title: a name, not an office
    ],
)
def test_a_past_leader_a_place_or_a_bare_name_bounds_nothing(text: str) -> None:
    assert sitting_terms(text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen stormed a school in the south on Tuesday (23/5), killing 4 guards. "
            "President Duterte ordered troops to the town.",
            "en",
        ),
        (
            "Kelompok bersenjata menyerbu sebuah sekolah pada Selasa (23/5) dan menewaskan 4 "
            "penjaga. Presiden Duterte mengirim pasukan ke kota itu.",
            "id",
        ),
    ],
)
def test_a_year_less_weekday_is_read_in_the_named_leaders_term(text: str, lang: str) -> None:
    # Tuesday 23 May falls in 2017 and 2023; only 2017 is in the term (2016-2022).
    analysis = TextAnalysis(clean_text=text, language=lang)
    dates = [e.event_date for e in extract_events(text, analysis, published=None)]
    assert dates == ["2017-05-23"]


def test_the_leaders_data_is_well_formed() -> None:
    from wartrace.extract.leaders import _load
    from wartrace.extract.resources import DATA_DIR

    terms, titles, former = _load(str(DATA_DIR))
    assert titles and former and terms
    for term in terms:
        assert term.until is None or term.since < term.until, term
    # a surname two leaders share is matched with its given name only
    for term in terms:
        others = [t for t in terms if t is not term and t.surnames & term.surnames]
        assert not others or term.given, term


def test_a_shared_surname_needs_the_given_name() -> None:
    assert sitting_terms("Prime Minister Sharif met the army chief.") == []
    assert _since("Prime Minister Shehbaz Sharif met the army chief.") == [date(2022, 4, 11)]


def test_a_leaders_term_runs_to_the_next_row_of_governments() -> None:
    from wartrace.extract.leaders import _load
    from wartrace.extract.resources import DATA_DIR

    terms, _, _ = _load(str(DATA_DIR))
    nawaz = next(t for t in terms if "sharif" in t.surnames and t.given == "nawaz")
    # He left office within his party's government (2013-2018): the row that ends his term
    # names no leader and starts no period.
    assert (nawaz.since, nawaz.until) == (date(2013, 6, 5), date(2017, 7, 28))
    assert _since("President Ibrahim Traore visited Djibo.") == [date(2022, 9, 30)]


def test_a_new_leader_within_a_government_starts_no_period() -> None:
    from wartrace.extract.periods import period_name

    # Traore took over within the government of 2022 (ACLED's "2022-"), Abbasi within 2013-2018.
    assert period_name("Military Forces of Burkina Faso (2015-2022)", "2022-11-02") == (
        "Military Forces of Burkina Faso (2022-)"
    )
    assert period_name("Police Forces of Pakistan (2018-2022)", "2017-12-01") == (
        "Police Forces of Pakistan (2013-2018)"
    )
