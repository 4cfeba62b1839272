"""Origin read from the text: outlet, credit, dateline, printed date, headline.

Every article below is invented for the tests.
"""

from __future__ import annotations

import pytest

from wartrace.models import TextAnalysis
from wartrace.text import analyse_text
from wartrace.text.dates import hijri_to_gregorian

BODY_EN = (
    "Gunmen attacked a police station on the edge of the city on Friday, killing three "
    "officers and wounding two others, a security official said."
)
BODY_ID = (
    "Sekelompok pria bersenjata menyerang sebuah pos polisi di pinggir kota pada Jumat, "
    "menewaskan tiga petugas dan melukai dua lainnya, kata seorang pejabat keamanan."
)


def run(
    text: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> TextAnalysis:
    return analyse_text(
        text, url=url, outlet=outlet, published=published, title=title, recurring_lines=set()
    )


def span_text(result: TextAnalysis, text: str, label: str) -> str:
    spans = [s for s in result.spans if s.label == label]
    assert len(spans) == 1, f"expected one {label} span, got {spans}"
    return text[spans[0].start : spans[0].end]


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("BEIRUT (Reuters) - ", "Beirut", "Reuters"),
        ("MOGADISHU, Somalia — ", "Mogadishu, Somalia", None),
        ("DEIR EZZOR – ", "Deir Ezzor", None),
        ("KANO, Nigeria (AP) — ", "Kano, Nigeria", "Associated Press"),
        ("BAGHDAD, Oct 3 (AFP) - ", "Baghdad", "AFP"),
    ],
)
def test_english_datelines(opening: str, place: str, outlet: str | None) -> None:
    text = f"Police Post Attacked On City Edge\n{opening}{BODY_EN}\n"
    result = run(text)
    assert result.dateline == place
    assert span_text(result, text, "dateline").casefold() == place.casefold()
    assert result.outlet == outlet


@pytest.mark.parametrize(
    ("opening", "place", "outlet"),
    [
        ("DAMASKUS, SURIAH (contoh-berita.com) - ", "Damaskus, Suriah", "contoh-berita.com"),
        ("Kabarcontoh.com, Jakarta - ", "Jakarta", "Kabarcontoh.com"),
        ("Makassar, Beritacontoh.id – ", "Makassar", "Beritacontoh.id"),
        ("Warta9.id – Ambon. ", "Ambon", "Warta9.id"),
        ("MOGADISHU, HARIANCONTOH.COM - ", "Mogadishu", "hariancontoh.com"),
    ],
)
def test_indonesian_datelines_and_outlets(opening: str, place: str, outlet: str) -> None:
    text = f"Pos Polisi Diserang Kelompok Bersenjata\n{opening}{BODY_ID}\n"
    result = run(text)
    assert result.dateline == place
    assert result.outlet == outlet
    assert result.language == "id"


def test_outlet_named_in_metadata_is_not_taken_for_a_place() -> None:
    text = f"CONTOHPOS, Maiduguri - {BODY_ID}\n"
    result = run(text, url="https://contohpos.id/berita/1")
    assert result.dateline == "Maiduguri"
    assert result.outlet == "CONTOHPOS"


def test_dateline_below_a_standfirst_and_a_caption_printed_twice() -> None:
    # A page scrape repeats a picture's caption (caption and alt text): the repeat is page
    # furniture, not one of the paragraphs above which a dateline is looked for.
    caption = (
        "In this photo supplied by a provincial press office, residents look at a burned "
        "police post on the edge of the city, May 3, 2024. (Example Office via Wire)"
    )
    standfirst = (
        "Officials say the armed gunmen fled towards the hills after the night raid; the governor "
        "orders an inquiry into the attack"
    )
    text = (
        f"Police Post Attacked On City Edge\n\n{standfirst}\n\n{caption}\n{caption}\n\n"
        f"KANO, Nigeria (AP) — {BODY_EN}\n"
    )
    result = run(text)
    assert result.dateline == "Kano, Nigeria"
    assert result.outlet == "Associated Press"


def test_a_dateline_still_opens_one_of_the_first_paragraphs() -> None:
    # Three different paragraphs above it: the "dateline" is deep in the body, not read.
    paragraphs = "\n\n".join(
        f"Paragraph {n} tells what the residents of the town saw when the gunmen came."
        for n in "123"
    )
    text = f"Police Post Attacked On City Edge\n\n{paragraphs}\n\nKANO, Nigeria (AP) — {BODY_EN}\n"
    assert run(text).dateline is None


def test_sentence_with_a_dash_is_not_a_dateline() -> None:
    text = f"The convoy – which carried food – was stopped at the bridge by armed men.\n{BODY_EN}\n"
    assert run(text).dateline is None


def test_title_case_dateline_needs_a_sentence_after_it() -> None:
    assert run(f"Ambon – {BODY_ID}\n").dateline == "Ambon"
    text = "Police – who arrived late at the scene – said five people were killed in the attack."
    assert run(text).dateline is None


def test_headline_with_a_dash_is_not_a_dateline() -> None:
    text = f"Serangan Bom - Lima Tewas di Pasar\nKOTA CONTOH - {BODY_ID}\n"
    result = run(text)
    assert result.headline == "Serangan Bom - Lima Tewas di Pasar"
    assert result.dateline == "Kota Contoh"


def test_credit_lines() -> None:
    text = f"{BODY_ID} (an/ARA)\n"
    result = run(text)
    assert result.credit == "ARA"
    assert span_text(result, text, "credit") == "ARA"
    assert run(f"{BODY_EN}\nSource: ARA News\n").credit == "ARA News"
    assert run(f"{BODY_ID}\nSumber: Al Jazeera\n").credit == "Al Jazeera"
    # a link prompt is not a source name
    assert run(f"{BODY_ID}\nSumber: Klik Disini\n").credit is None


def test_outlet_from_source_line_and_signoff() -> None:
    assert run(f"Some Headline Here\n{BODY_EN}\nSource: ARA News\n").outlet == "ARA News"
    assert run(f"{BODY_EN} — Reuters\n").outlet == "Reuters"
    assert run(f"{BODY_EN}\n(AFP)\n").outlet == "AFP"
    # the sign-off is found above the comment form that follows it
    assert run(f"{BODY_EN} — Reuters\nLeave a comment\n3 + 4 =\n").outlet == "Reuters"


def test_news_agency_named_in_parentheses() -> None:
    result = run(f"Judul Berita Contoh\n{BODY_ID}\n(Kantor berita Antara)\n")
    assert result.outlet == "Antara"


def test_outlet_differing_from_metadata_is_warned() -> None:
    text = f"BEIRUT (Reuters) - {BODY_EN}\n"
    warned = run(text, outlet="Example Daily", url="https://exampledaily.com/a/1")
    assert any("text names outlet 'Reuters'" in w for w in warned.warnings)
    same = run(f"DAMASKUS (contoh-berita.com) - {BODY_ID}\n", outlet="Contoh-Berita.com")
    assert not any("text names outlet" in w for w in same.warnings)


def test_outlet_abbreviation_of_metadata_outlet_is_not_warned() -> None:
    # Invented: a wire that signs its own stories with its initials.
    text = f"BEIRUT, March 3 (LW) - {BODY_EN}\n"
    result = run(text, outlet="Levant Wire")
    assert result.outlet == "LW"
    assert not any("text names outlet" in w for w in result.warnings)


def test_printed_date_indonesian_with_hijri_disagreement() -> None:
    # 16 Rajab 1446 is in January 2025, far from 4 February 2017: a warning is expected
    text = f"Sabtu, 16 Rajab 1446 H / 4 Februari 2017 09:05 wib\nJudul Berita Contoh\n{BODY_ID}\n"
    result = run(text)
    assert result.printed_date == "2017-02-04"
    assert span_text(result, text, "printed_date") == "4 Februari 2017"
    assert any("Hijri" in w for w in result.warnings)
    assert "Rajab" not in result.clean_text  # the date line is page furniture


def test_printed_date_with_matching_hijri_gives_no_warning() -> None:
    g = hijri_to_gregorian(1446, 7, 16)
    assert g is not None and g.isoformat() == "2025-01-16"
    text = f"Kamis, 16 Rajab 1446 H / 16 Januari 2025\nJudul Berita Contoh\n{BODY_ID}\n"
    result = run(text)
    assert result.printed_date == "2025-01-16"
    assert not any("Hijri" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published on 12 May 2016", "2016-05-12"),
        ("Published: AUGUST 8, 2023 11:59", "2023-08-08"),
        ("Senin, 14 Agustus 2023 | 10:15 WIB", "2023-08-14"),
        ("Penulis: Andi Contoh | Rabu, 3 Januari 2024 08:00 WIB", "2024-01-03"),
        ("Diterbitkan 06 Sep 2017, 11:31 WIB", "2017-09-06"),
        ("Monday 2 October 2023 - 14:05", "2023-10-02"),
    ],
)
def test_printed_date_lines(line: str, date: str) -> None:
    text = f"An Invented Headline About Clashes\n{line}\n{BODY_EN}\n"
    assert run(text).printed_date == date


def test_published_label_beats_update_label() -> None:
    text = (
        "An Invented Headline About Clashes\nLast updated: 5 June 2023\n"
        f"Publication date 15 May 2016\n{BODY_EN}\n"
    )
    assert run(text).printed_date == "2016-05-15"


def test_dates_inside_the_story_are_not_the_printed_date() -> None:
    text = (
        f"An Invented Headline About Clashes\n{BODY_EN}\n"
        "The previous attack on the same station happened on 12 May 2016, police said.\n"
    )
    assert run(text).printed_date is None


def test_printed_date_disagreeing_with_metadata_is_warned() -> None:
    text = f"Published on 12 May 2016\nAn Invented Headline\n{BODY_EN}\n"
    result = run(text, published="2016-05-14")
    assert any("differs from metadata" in w for w in result.warnings)
    assert not any("differs" in w for w in run(text, published="2016-05-12").warnings)
    assert any("not YYYY-MM-DD" in w for w in run(text, published="May 2016").warnings)


def test_label_and_date_before_a_headline_keep_the_headline() -> None:
    text = f" date 2023-08-11 Police Post Attacked On City Edge\n{BODY_EN}\n"
    result = run(text)
    assert result.printed_date == "2023-08-11"
    assert result.headline == "Police Post Attacked On City Edge"
    assert "Police Post Attacked" in result.clean_text


def test_headline_from_text_and_from_metadata() -> None:
    text = f"Facebook Twitter\nARA News\nPolice Post Attacked On City Edge\nBEIRUT - {BODY_EN}\n"
    result = run(text)
    assert result.headline == "Police Post Attacked On City Edge"
    assert span_text(result, text, "headline") == "Police Post Attacked On City Edge"
    meta = run(text, title="Police post attacked")
    assert meta.headline == "Police post attacked"


def test_headline_skips_masthead_and_drops_outlet_suffix() -> None:
    text = f"Example Daily\nPos Polisi Diserang - Example Daily\n{BODY_ID}\n"
    result = run(text, outlet="Example Daily")
    assert result.headline == "Pos Polisi Diserang"


def test_no_headline_when_text_starts_with_the_body() -> None:
    assert run(f"BEIRUT - {BODY_EN}\n").headline is None
