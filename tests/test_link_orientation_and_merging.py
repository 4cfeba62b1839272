"""Linking: orientation without dates, lead coverage of translations, event merging
rules. Every text and figure here is INVENTED."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from test_link_derive import meta
from test_link_events import event_of
from test_link_support import SOURCE_EN, TRANSLATION_ID, add_article, connect, event
from wartrace.link import anchors as an
from wartrace.link import link_all
from wartrace.link.anchors import passages
from wartrace.link.event_evidence import dates_fit, distinctive
from wartrace.link.events import materialise_events, merge_events
from wartrace.link.memo import RunMemo
from wartrace.link.orient import names_outlet, orient, provenance_marks
from wartrace.link.scoring import lead_indices, leads_aligned
from wartrace.models import ExtractedEvent

# An invented Indonesian story on another incident that reuses the source's last two
# background paragraphs (a wire agency's boilerplate), translated.
OTHER_STORY_ID = "\n\n".join(
    [
        "Bom mobil tewaskan 9 warga di Qamishli",
        (
            "QAMISHLI - Sebuah bom mobil meledak di pasar Qamishli pada hari Rabu (3/8/2016),"
            " menewaskan 9 warga sipil, kata Dewan Kota Qamishli."
        ),
        "Gubernur Hasakah, Jamal Nouri, memerintahkan jalan ditutup hingga Kamis.",
        (
            "Direktur Observatorium Rami Abdulrahman mengatakan kelompok itu mendatangkan bala"
            " bantuan dari Mayadeen dan Albukamal pada malam sebelum serangan."
        ),
        (
            "Komandan garnisun Brigade 137, Kolonel Ridwan Mu'ayyad, termasuk di antara yang"
            " tewas, menurut Observatorium."
        ),
    ]
)


def test_translation_covers_the_lead() -> None:
    src, tr = passages(SOURCE_EN, "en"), passages(TRANSLATION_ID, "id")
    assert leads_aligned(src, tr)


def test_shared_background_paragraph_is_not_a_translation() -> None:
    src, other = passages(SOURCE_EN, "en"), passages(OTHER_STORY_ID, "id")
    assert not leads_aligned(src, other)
    assert not leads_aligned(other, src)


def test_names_outlet_whole_words_only() -> None:
    assert names_outlet("Copyright Kafr Times 2016. All rights reserved.", ("kafr times",))
    assert not names_outlet("The Kafr Timeshare office.", ("kafr times",))
    assert not names_outlet("Anything at all.", ())


def test_outlet_page_is_the_source_of_an_undated_spun_copy(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    page = meta("page", day=100, self_named=True, length=900)
    spun = meta("spun", length=1200)  # longer: length alone would make it the source
    assert provenance_marks(page) == 2 and provenance_marks(spun) == 0
    assert orient(conn, spun, page, "rewrite")[0].article_id == "page"
    assert orient(conn, page, spun, "rewrite")[0].article_id == "page"
    # Equal marks: length decides, as before.
    a, b = meta("a", self_named=True, length=900), meta("b", day=5, length=1200)
    assert orient(conn, a, b, "rewrite")[0].article_id == "b"


# --- undated reports at one place --------------------------------------------------------

PALMYRA = (34.56, 38.27)


def _at_palmyra(date: str | None) -> list[ExtractedEvent]:
    return [event(date, "Tadmur", *PALMYRA, admin1="Homs")]


def test_undated_report_joins_only_an_event_its_dates_fit(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    dated = (
        "Fighting at Tadmur\n\nGovernment troops and militants clashed around the citadel of"
        " Tadmur on Saturday (10/12/2016), the Homs governor Karim Vashti said.\n"
    )
    march = (
        "Clashes near Tadmur\n\nOn 27 March the army entered the old town of Tadmur after weeks"
        " of shelling, the commander Lugo Brennet said.\n"
    )
    december = (
        "Tadmur fighting resumes\n\nResidents said on 11 December that fighters had again"
        " reached the grain silos of Tadmur, according to Wafiq Norrell.\n"
    )
    add_article(
        conn, "dated", dated, "en", published="2016-12-10", events=_at_palmyra("2016-12-10")
    )
    add_article(conn, "u1_march", march, "en", events=_at_palmyra(None))
    add_article(conn, "u2_december", december, "en", events=_at_palmyra(None))
    link_all(conn)
    assert event_of(conn, "u2_december") == event_of(conn, "dated")
    assert event_of(conn, "u1_march") != event_of(conn, "dated")
    assert event_of(conn, "u1_march") != event_of(conn, "u2_december")


def test_dates_fit_within_a_day_in_any_neighbouring_year() -> None:
    dec10 = date(2016, 12, 10).toordinal()
    assert dates_fit([(11, 12)], dec10)
    assert not dates_fit([(27, 3)], dec10)
    assert dates_fit([(1, 1)], date(2016, 12, 31).toordinal())  # across the new year
    assert dates_fit([(30, 2)], None)  # an undated event contradicts nothing


# --- caseless scripts, months, digits ------------------------------------------------------


def test_arabic_script_names_share_keys_with_latin_spellings() -> None:
    assert an.caseless_anchor("الزور") == an.name_anchor("al-Zor")
    assert an.caseless_anchor("دير") == an.name_anchor("Deir")
    assert an.caseless_anchor("الميادين") == an.name_anchor("Mayadeen")
    assert an.caseless_anchor("سوريا") == an.name_anchor("Syria")
    assert an.caseless_anchor("في") is None  # a function word (stopnames.yaml)
    assert an.caseless_anchor("کے") is None


def test_arabic_indic_digits_and_arabic_months_are_anchors() -> None:
    found = {a for _, a in an.text_anchors("قتل ٢٣ جنديا يوم الجمعة ٥ أغسطس قرب الميادين")}
    assert {"n:23", "d:5/8", "w:5", an.caseless_anchor("الميادين")} <= found
    urdu = {a for _, a in an.text_anchors("جمعہ 11 اگست کو ۲۳ فوجی")}
    assert {"d:11/8", "n:23", "w:5"} <= urdu


def test_accented_month_spellings_are_read_as_written() -> None:
    assert "d:14/2" in {a for _, a in an.text_anchors("le 14 février 2016")}
    assert "d:3/8" in {a for _, a in an.text_anchors("le 3 août")}


def test_caseless_data_is_consistent() -> None:
    letters, prefixes, min_letters = an.caseless_rules()
    assert all(v.isascii() for v in letters.values())
    assert all(ch in letters for p in prefixes for ch in p)
    assert min_letters >= 2
    months = an.month_names()
    assert months[an.fold("أغسطس")] == 8 and months[an.fold("اگست")] == 8


def test_a_new_derivation_link_merges_the_events_of_its_articles(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    tal_harir = (35.36, 40.20)
    add_article(
        conn,
        "src",
        SOURCE_EN,
        "en",
        published="2016-05-14",
        events=[event("2016-05-14", "Tal Harir", *tal_harir)],
    )
    add_article(
        conn, "tr", TRANSLATION_ID, "id", published="2016-05-15", events=[event(None, None)]
    )
    materialise_events(conn)  # no link yet: a vague undated report stays apart
    assert event_of(conn, "src") != event_of(conn, "tr")
    conn.execute("UPDATE articles SET derived_from = 'src' WHERE article_id = 'tr'")
    summary = materialise_events(conn, {"tr"})
    assert summary["events_merged"] == 1
    assert event_of(conn, "src") == event_of(conn, "tr")


def test_short_name_keys_do_not_tie_stories() -> None:
    assert not distinctive("p:mn")  # two consonants: chance collisions across scripts
    assert distinctive("p:mdn") and distinctive("n:23") and distinctive("d:5/8")


def test_country_and_people_names_never_tie_stories() -> None:
    # Names of a country and its people, in any language: every report of a conflict has them.
    for word in ("Palestinian", "Palestina", "Suriah", "Syrians", "Afghans", "Nigerian"):
        anchor = an.name_anchor(word)
        assert anchor is not None and not distinctive(anchor), word
    assert not distinctive(str(an.caseless_anchor("سوريا")))
    # A province's name of one word is named by every report from there.
    assert not distinctive(str(an.name_anchor("Salahuddin")))
    # A town's name is no country word, even the country's largest town, nor is a province
    # named after its capital (the name may mean the town).
    for word in ("Aleppo", "Homs", "Kabul", "Idlib", "Vorlandi"):
        assert distinctive(str(an.name_anchor(word))), word


def test_undated_note_sharing_only_its_town_and_country_stays_apart(tmp_path: Path) -> None:
    # Two invented notes of one town on different days: the town and the nationality of the
    # victims are all they share. In a store that holds few reports of that country so far,
    # "Palestinian" is rare there; it must not make the second note the first one's incident.
    conn = connect(tmp_path)
    dated = (
        "On 10 December 2016, a Palestinian man stabbed a guard at the Tadmur checkpoint."
        " The attacker was arrested by police.\n"
    )
    other = (
        "On 27 March, a Palestinian youth threw stones at a patrol near Tadmur. No injuries"
        " were reported.\n"
    )
    add_article(
        conn, "dated", dated, "en", published="2016-12-10", events=_at_palmyra("2016-12-10")
    )
    add_article(conn, "other", other, "en", events=_at_palmyra(None))
    link_all(conn)
    assert event_of(conn, "other") != event_of(conn, "dated")


def test_undated_report_with_rare_shared_names_joins_despite_other_dates(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    dated = (
        "Fighting at Tadmur\n\nGovernment troops clashed with militants near the Vorlandi"
        " quarry of Tadmur on Saturday (10/12/2016), the commander Quillan Teskar said.\n"
    )
    # Names a later statement date (not the event's) but the same rare names.
    later = (
        "Tadmur update\n\nOn 20 December the commander Quillan Teskar said the Vorlandi quarry"
        " of Tadmur was still contested.\n"
    )
    add_article(
        conn, "dated", dated, "en", published="2016-12-10", events=_at_palmyra("2016-12-10")
    )
    add_article(conn, "later", later, "en", events=_at_palmyra(None))
    link_all(conn)
    row = conn.execute("SELECT derived_from FROM articles WHERE article_id = 'later'").fetchone()
    assert row[0] is None  # not a rewrite: the tie comes from the anchors
    assert event_of(conn, "later") == event_of(conn, "dated")


def test_lead_skips_headlines_and_bylines() -> None:
    text = (
        "At least 40 killed in Kafr Sousa raid\n\nMarta Quell\n\n"
        "At least 40 people were killed in a raid on Kafr Sousa on Tuesday (4/3/2014), the"
        " local council said, and 12 more were wounded by shelling after the raid.\n"
    )
    items = passages(text, "en")
    assert lead_indices(items) == [2]  # the body's first paragraph, not the headline
    assert lead_indices(items[:2]) == [0, 1]  # no body: the short lines are all there is


def test_an_event_kept_by_a_merge_is_merged_again_with_its_new_fields(tmp_path: Path) -> None:
    # Invented: two one-paragraph notes of one day at two villages of one province (two
    # incidents, as notes), and a long undated text made from the first note's article
    # (linked by hand) that the second note's article retells (same story). The long text's
    # event is kept when it merges with the first note's and takes its day: only with that
    # day can it meet the second note's event (a merge reading its row from before the
    # merge would skip it as undated).
    conn = connect(tmp_path)
    day = "2016-05-14"
    add_article(
        conn,
        "wire",
        "Clashes at Tal Harir.",
        "en",
        day,
        events=[event(day, "Tal Harir", 35.36, 40.20)],
    )
    add_article(
        conn,
        "other",
        "Clashes at Tal Saman.",
        "en",
        day,
        events=[event(day, "Tal Saman", 35.40, 40.25)],
    )
    add_article(conn, "copy", SOURCE_EN, "en", "2016-05-15", events=[event(None, None)])
    materialise_events(conn)
    wire, other, copy = (event_of(conn, a) for a in ("wire", "other", "copy"))
    assert len({wire, other, copy}) == 3
    assert copy < wire  # the copy's event is the one kept when the two merge
    conn.execute("UPDATE articles SET derived_from = 'wire' WHERE article_id = 'copy'")
    conn.execute("INSERT INTO link_same_story (a, b, score) VALUES ('copy', 'other', 0.5)")
    memo = RunMemo(conn, {})
    # The texts are not indexed for linking here: the run's memo is told which are notes.
    memo.notes.update({"wire": True, "other": True, "copy": False})
    assert merge_events(conn, {wire, copy}, {}, memo) == 2
    assert event_of(conn, "wire") == event_of(conn, "copy") == event_of(conn, "other")
