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


def pinned(text: str, lang: str, from_year: int) -> list[str]:
    from wartrace.extract.dates import pinned_dates

    data = load_language(lang)
    assert data is not None
    out = []
    for sent in split_sentences(text, lang):
        out += [d.value.isoformat() for d in pinned_dates(sent, data, from_year)]
    return out


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # invented: 27 March fell on a Sunday in 2016 (not 2015), 12 May on a Thursday in 2016
        ("The army said on Sunday (27/3) it held the town.", "en", ["2016-03-27"]),
        ("The raid came on Thursday, May 12.", "en", ["2016-05-12"]),
        ("Tentara menyatakan, Minggu (27/3), kota itu sudah dikuasai.", "id", ["2016-03-27"]),
        ("Serangan terjadi pada hari Kamis, 12 Mei.", "id", ["2016-05-12"]),
    ],
)
def test_weekday_pins_the_year(text: str, lang: str, expected: list[str]) -> None:
    assert pinned(text, lang, 2015) == expected


def test_pinning_needs_a_weekday_and_no_year() -> None:
    assert pinned("The town fell on 27/3 after a siege.", "en", 2015) == []
    assert pinned("Kota itu jatuh pada Minggu (27/3/2016).", "id", 2015) == []


def _event_dates(text: str, lang: str, published: str | None) -> list[str | None]:
    from wartrace.extract import extract_events
    from wartrace.models import TextAnalysis

    analysis = TextAnalysis(clean_text=text, language=lang)
    return [e.event_date for e in extract_events(text, analysis, published=published)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented: no publication date; the earlier year bounds, the weekday picks 2016
        (
            "The militants took the ancient town of Palmyra in May 2015 and have held it "
            "since then.\nSyrian troops clashed with IS fighters in Palmyra on Sunday (27/3), "
            "state television said.\n",
            "en",
        ),
        (
            "Kota kuno Palmyra dikuasai kelompok militan itu pada Mei 2015 dan masih dikuasai "
            "sampai sekarang.\nTentara Suriah bentrok dengan ISIS di kota Palmyra pada Minggu "
            "(27/3), kata televisi pemerintah.\n",
            "id",
        ),
    ],
)
def test_undated_article_reads_the_year_from_the_weekday(text: str, lang: str) -> None:
    assert _event_dates(text, lang, None) == ["2016-03-27"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # invented: the perfect tells today's news, the simple past yesterday's
        ("A car bomb has killed nine people at a market in Kirkuk.", "en", "2021-03-15"),
        ("A car bomb killed nine people at a market in Kirkuk.", "en", "2021-03-14"),
        (
            "Sebuah bom mobil baru saja menewaskan sembilan orang di pasar Kirkuk.",
            "id",
            "2021-03-15",
        ),
        ("Sebuah bom mobil menewaskan sembilan orang di pasar Kirkuk.", "id", "2021-03-14"),
        # invented: the present passive is a live account, told the day it happens
        (
            "Nine people are killed as a car bomb explodes at a market in Kirkuk.",
            "en",
            "2021-03-15",
        ),
    ],
)
def test_undated_news_in_the_perfect_is_the_publication_day(
    text: str, lang: str, expected: str
) -> None:
    assert _event_dates(text + _BACKGROUND[lang], lang, "2021-03-15") == [expected]


def test_clauses_of_one_live_sentence_share_its_day_under_a_heading() -> None:
    # invented: a heading with no tense, then one sentence told in the live present whose
    # clauses report two places; both incidents are the publication day's.
    text = (
        "Unrest in the south\n\nIn the worst day so far, security forces open fire and kill "
        "25 protesters at a bridge in Amara, while 10 people are killed in Kut."
    )
    assert _event_dates(text + _BACKGROUND["en"], "en", "2021-03-15") == ["2021-03-15"] * 2


# invented: paragraphs with no event and no date, to give a sentence an article's length
_BACKGROUND = {
    "en": "\n\n" + "The province has seen years of unrest, and aid groups say roads stay "
    "closed for most of the season while families wait for news. " * 4,
    "id": "\n\n" + "Provinsi itu telah lama dilanda kerusuhan, dan kelompok bantuan mengatakan "
    "jalan masih tertutup sementara keluarga menunggu kabar. " * 4,
}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented: a flash or a log line with no date of its own is dated by its date field
        ("Gunmen killed two farmers near Kolani.", "en"),
        ("Militants attack a police post in the north; one officer dead.", "en"),
        ("Orang bersenjata menewaskan dua petani di dekat Kolani.", "id"),
    ],
)
def test_undated_brief_is_the_day_it_is_dated(text: str, lang: str) -> None:
    assert _event_dates(text, lang, "2021-03-15") == ["2021-03-15"]
    # the same sentence opening a written-up article is the day before its publication
    assert _event_dates(text + _BACKGROUND[lang], lang, "2021-03-15") == ["2021-03-14"]


@pytest.mark.parametrize(
    "text",
    [
        # invented: a label closed by a colon does not keep "As reported on" from opening
        "Security update: As reported on 2 March 2021, soldiers killed 3 rebels near Kolani.",
        "Update: as reported on 2 March 2021, soldiers killed 3 rebels near Kolani.",
    ],
)
def test_as_reported_on_after_a_heading_gives_that_day(text: str) -> None:
    assert _event_dates(text + _BACKGROUND["en"], "en", "2021-03-06") == ["2021-03-02"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The attack took place on 2nd May 2016.", "en"),
        ("The attack took place on the 2nd of May 2016.", "en"),
    ],
)
def test_an_ordinal_day_names_a_date(text: str, lang: str) -> None:
    assert dates(text, lang) == [("2016-05-02", DAY)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented log notes dated by their own date field: the date opening the note is the
        # day it tells of, not a printed publication date before the day it happened
        (
            "On 8 May 2021, students staged a protest in the capital after the station was "
            "forced off air on 5 May.",
            "en",
        ),
        (
            "Around 8 May 2021 (week of), villagers protested against the killing of a farmer "
            "on 5 May.",
            "en",
        ),
        (
            "Pada 8 Mei 2021, mahasiswa berunjuk rasa di ibu kota setelah stasiun itu "
            "dihentikan siarannya pada 5 Mei.",
            "id",
        ),
    ],
)
def test_a_full_date_opening_a_note_dates_it(text: str, lang: str) -> None:
    assert _event_dates(text, lang, "2021-05-08") == ["2021-05-08"]


def test_a_printed_publication_date_still_gives_way_to_the_day_told() -> None:
    # invented: the story's printed date, then the day it happened
    text = (
        "Saturday, 8 May 2021.\nGunmen attacked a police post on 5 May, killing two officers."
        + _BACKGROUND["en"]
    )
    assert _event_dates(text, "en", "2021-05-08") == ["2021-05-05"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # invented page furniture run into the lead: the page's publication moment
        ("Dunia | 14 Mei 2016, 09:56 WIB JAKARTA – Bom menewaskan 5 orang di pasar.", "id"),
        ("Sabtu, 14 Mei 2016 - 15:55 WIB Bom menewaskan 5 orang di pasar.", "id"),
        ("21:18 WIB | Sabtu, 14 Mei 2016 Bom menewaskan 5 orang di pasar.", "id"),
        ("Updated: 14 May 2016, 10:55 GMT. A bomb killed 5 people at the market.", "en"),
        ("14/05/2016 00:30 WIB Bom menewaskan 5 orang di pasar.", "id"),
    ],
)
def test_a_date_with_a_clock_time_beside_it_is_the_page_stamp(text: str, lang: str) -> None:
    assert dates(text, lang) == []


def test_an_event_hour_introduced_by_a_word_keeps_its_date() -> None:
    text = "Bom meledak pada Sabtu (14/5/2016) pukul 10.30 WIB di pasar."
    assert dates(text, "id") == [("2016-05-14", DAY)]
    assert dates("On 14 May 2016, 10.000 orang berunjuk rasa.", "en") == [("2016-05-14", DAY)]
