"""Event dates, resolved against the publication date. Sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest

from wartrace.extract.dates import DAY, MONTH, find_dates
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences

BASE = date(2016, 5, 16)  # a Monday


def dates(text: str, lang: str = "en", base: date | None = BASE) -> list[tuple[str, int]]:
    data = load_language(lang)
    assert data is not None
    out = []
    for sent in split_sentences(text, lang):
        out += [(d.value.isoformat(), d.precision) for d in find_dates(sent, data, base)]
    return out


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Clashes erupted on Saturday.", "en", "2016-05-14"),
        ("The attack came on Monday.", "en", "2016-05-16"),
        ("Fighting broke out on 14/5/2016 near the town.", "en", "2016-05-14"),
        ("The raid took place on May 12.", "en", "2016-05-12"),
        ("The raid took place on Thursday, May 12, 2016.", "en", "2016-05-12"),
        ("Militants attacked yesterday.", "en", "2016-05-15"),
        ("Bentrokan terjadi pada hari Sabtu (14/5/2016).", "id", "2016-05-14"),
        ("Serangan terjadi pada Jum'at (13/5/2016).", "id", "2016-05-13"),
        ("Serangan itu terjadi pada 4 Februari 2016.", "id", "2016-02-04"),
        ("Serangan terjadi Kamis malam.", "id", "2016-05-12"),
        ("Pasukan menyerang kemarin.", "id", "2016-05-15"),
        ("Serangan terjadi pada hari Minggu.", "id", "2016-05-15"),
        ("Serangan pada Kamis (10/8) menewaskan warga.", "id", "2015-08-10"),
    ],
)
def test_date_resolved(text: str, lang: str, expected: str) -> None:
    assert dates(text, lang)[0] == (expected, DAY)


def test_month_precision() -> None:
    assert dates("The town fell in March 2016.")[0] == ("2016-03-01", MONTH)


def test_minggu_as_week_is_not_sunday() -> None:
    assert dates("Serangan kedua minggu ini terjadi di kota itu.", "id") == []


def test_weekday_needs_a_publication_date() -> None:
    assert dates("Clashes erupted on Saturday.", base=None) == []
    assert dates("The raid took place on May 12.", base=None) == []  # never today's year


def test_report_date_is_not_the_event_date() -> None:
    assert dates("Ten soldiers were killed, a monitor said Friday.") == []
    assert dates("Sepuluh tentara tewas, kata aktivis, Jumat (13/5/2016).", "id") == []


def test_future_dates_are_dropped() -> None:
    assert dates("The talks are planned for 20/6/2016.") == []
