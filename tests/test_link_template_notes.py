"""Derived or not: short formulaic notes, shared figures, independent retellings.
Every text here is INVENTED for the tests."""

from __future__ import annotations

from pathlib import Path

from test_link_support import SOURCE_EN, TRANSLATION_ID, add_article, connect
from wartrace.link import link_all
from wartrace.link.align import align_translation
from wartrace.link.anchors import WHOLE_NAME, passages
from wartrace.link.event_evidence import anchor_tied, distinctive
from wartrace.link.index import Indexed, load_index
from wartrace.link.scoring import (
    figures_kept,
    one_language,
    swapped_share,
    template_containment,
)
from wartrace.store import export

# invented: short notes written on one template, each about another incident
TEMPLATE_NOTES = [
    "On 4 June 2021, unidentified gunmen attacked a checkpoint of the police in {place} "
    "({district}, Northland), killing {n} officers. The attackers fled towards the hills.",
    "On 4 June 2021, residents demonstrated in {place} ({district}, Northland) against the "
    "rising price of bread and fuel. No injuries were reported. [size=no report]",
]
PLACES = [
    ("Varmela", "Osk", 3),
    ("Brudino", "Tessa", 7),
    ("Kalvoro", "Osk", 12),
    ("Dunmira", "Pello", 5),
    ("Sarkanto", "Tessa", 9),
    ("Mervalo", "Pello", 4),
]


def derived_from(conn, article_id: str) -> str | None:  # type: ignore[no-untyped-def]
    row = conn.execute(
        "SELECT derived_from FROM articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else row[0]


def test_template_notes_about_other_places_are_not_copies(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    k = 0
    for template in TEMPLATE_NOTES:
        for place, district, n in PLACES:
            text = template.format(place=place, district=district, n=n)
            add_article(conn, f"note{k}", text, "en", published="2021-06-05")
            k += 1
    link_all(conn)
    marked = conn.execute("SELECT count(*) FROM articles WHERE derived_from IS NOT NULL")
    assert marked.fetchone()[0] == 0


def test_a_short_brief_reposted_verbatim_is_still_a_copy(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    brief = (
        "On 4 June 2021, gunmen of the Red Hand militia attacked the market of Varmela "
        "(Osk, Northland), killing 6 traders and burning 14 stalls, the district officer "
        "Tomas Orrin said on Saturday."
    )
    add_article(conn, "first", brief, "en", published="2021-06-05")
    add_article(
        conn, "repost", brief + " Read more news on our site.", "en", published="2021-06-06"
    )
    # other notes on the same template around them
    for k, (place, district, n) in enumerate(PLACES):
        text = TEMPLATE_NOTES[0].format(place=place, district=district, n=n)
        add_article(conn, f"note{k}", text, "en", published="2021-06-05")
    link_all(conn)
    assert derived_from(conn, "repost") == "first"


def _indexed(article_id: str, text: str, language: str) -> Indexed:
    return Indexed(article_id, language, None, 0, None, passages(text, language))


def test_a_translation_keeps_its_figures_an_independent_report_does_not() -> None:
    # invented
    source = _indexed(
        "en",
        "Gunmen killed 14 farmers and wounded 23 near Varmela, officials said; 300 fled.",
        "en",
    )
    same_figures = _indexed(
        "id",
        "Orang bersenjata menewaskan 14 petani dan melukai 23 di dekat Varmela; 300 mengungsi.",
        "id",
    )
    other_figures = _indexed(
        "id2",
        "Sedikitnya 16 petani tewas dan 40 terluka di dekat Varmela; 250 warga mengungsi.",
        "id",
    )
    assert figures_kept(source, same_figures) == 1.0
    kept = figures_kept(source, other_figures)
    assert kept is not None and kept < 0.6


def test_swapping_the_place_of_a_note_counts_as_another_incident() -> None:
    # invented
    a = _indexed("a", "On 4 June 2021, gunmen attacked Varmela (Osk), killing 3 officers.", "en")
    b = _indexed("b", "On 4 June 2021, gunmen attacked Brudino (Tessa), killing 7 officers.", "en")
    trimmed = _indexed("c", "On 4 June 2021, gunmen attacked Varmela (Osk).", "en")
    weights: dict[str, float] = {}
    assert swapped_share(align_translation(a.passages, b.passages), a, b, weights) > 0.1
    assert swapped_share(align_translation(a.passages, trimmed.passages), a, trimmed, weights) == 0


def test_a_note_on_a_place_of_one_consonant_is_another_incident() -> None:
    # invented: the template swaps a short place name ("Bab" has a one-consonant skeleton)
    a = _indexed("a", "On 4 June 2021, rebels looted crops in Bab in rural Osk (Northland).", "en")
    b = _indexed(
        "b", "On 4 June 2021, rebels looted crops in Dunmira in rural Osk (Northland).", "en"
    )
    weights: dict[str, float] = {}
    assert swapped_share(align_translation(a.passages, b.passages), a, b, weights) > 0.1


def test_short_names_kept_whole_do_not_tie_two_notes_of_one_place(tmp_path: Path) -> None:
    # invented: two incidents a coder noted apart at one village on one day; the village
    # and province names are short words shared by chance, not a sign of one incident
    conn = connect(tmp_path)
    _other_notes(conn, (4,))
    for aid, text in (
        ("kill", "On 4 June 2021, a mob beat and killed a trader in Ubo (Imo, Northland)."),
        ("burn", "On 4 June 2021, youths set fire to 5 shops in Ubo (Imo, Northland)."),
    ):
        add_article(conn, aid, text, "en", published="2021-06-05")
    assert not anchor_tied(conn, "burn", {"kill"})
    assert distinctive("p:rml") and not distinctive(WHOLE_NAME + "ubo")


def test_template_wording_shared_by_many_texts_counts_little() -> None:
    a = Indexed("a", "en", None, 0, None, [], short_shingles=frozenset({1, 2, 3, 4, 5}))
    b = Indexed("b", "en", None, 0, None, [], short_shingles=frozenset({1, 2, 3, 4, 6}))
    alone = {h: 2 for h in (1, 2, 3, 4)} | {5: 1, 6: 1}
    common = {h: 40 for h in (1, 2, 3, 4)} | {5: 1, 6: 1}
    assert template_containment(a, b, alone) == 0.8
    assert template_containment(a, b, common) < 0.2


def test_same_story_pairs_are_exported_apart_from_derivation(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "x", "On 4 June 2021 gunmen attacked Varmela.", "en")
    add_article(conn, "y", "Pada 4 Juni 2021 orang bersenjata menyerang Varmela.", "id")
    conn.execute("INSERT INTO link_same_story (a, b, score) VALUES ('x', 'y', 0.4)")
    records = {r["article_id"]: r for r in export.article_records(conn)}
    assert records["x"]["same_story"] == ["y"] and records["y"]["same_story"] == ["x"]
    assert records["x"]["derived_from"] is None and records["x"]["derivation_confidence"] is None


# invented: one attack over two days, each day coded as its own note (the wording repeats)
TWO_DAY_NOTE = (
    "On {day} June 2021, Varmelan Armed Forces launched artillery bombardments on Red Hand "
    "positions in the Korvath triangle, around Ulmadar Forest, in Zentis district "
    "(Northland) on two consecutive days. 78 Red Hand fighters were killed. Fatalities split "
    "between 2 events."
)


def _other_notes(conn, days: tuple[int, ...], month: str = "June") -> None:  # type: ignore[no-untyped-def]
    """Notes of other incidents on those days: in a store of many notes the dates are
    common anchors and the names of one incident rare ones."""
    k = 0
    for day in days:
        for place, district, n in PLACES:
            note = TEMPLATE_NOTES[0].replace("4 June", f"{day} {month}")
            add_article(conn, f"o{k}", note.format(place=place, district=district, n=n), "en")
            k += 1


def _two_day_store(tmp_path: Path, days: tuple[int, int]):  # type: ignore[no-untyped-def]
    """The two notes among notes of other incidents of both days."""
    conn = connect(tmp_path)
    _other_notes(conn, (4, 5))
    add_article(conn, "first", TWO_DAY_NOTE.format(day=days[0]), "en", published="2021-06-05")
    add_article(conn, "second", TWO_DAY_NOTE.format(day=days[1]), "en", published="2021-06-06")
    link_all(conn)
    return conn


def test_notes_of_one_template_for_two_days_are_two_incidents_not_a_copy(
    tmp_path: Path,
) -> None:
    conn = _two_day_store(tmp_path, (4, 5))
    assert derived_from(conn, "first") is None and derived_from(conn, "second") is None


def test_the_same_note_reposted_with_its_date_is_still_a_copy(tmp_path: Path) -> None:
    assert derived_from(_two_day_store(tmp_path, (4, 4)), "second") == "first"


# invented: two notes in English, one of them misread as Tagalog by language ID
PROTEST_NOTE = (
    "On 1 May 2021, workers of the Varmela Dockers Union led by Ansel Korbin staged a "
    "demonstration in {place} to mark Labour Day. {more}"
)


def test_two_notes_sharing_their_wording_are_judged_in_one_language_whatever_their_labels(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path)
    _other_notes(conn, (1, 2), "May")
    first = PROTEST_NOTE.format(place="Brudino, Osk", more="[size=no report]")
    other = PROTEST_NOTE.format(
        place="Kalvoro, Pello",
        more="12 of them were arrested for breaking the curfew. [size=at least 12]",
    )
    add_article(conn, "tl_note", first, "tl", published="2021-05-01")
    add_article(conn, "en_note", other, "en", published="2021-05-01")
    link_all(conn)
    # read as one language, the two notes swap their places: two incidents, not a translation
    assert derived_from(conn, "tl_note") is None and derived_from(conn, "en_note") is None


def test_a_translation_does_not_share_a_rewrites_wording(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en")
    add_article(conn, "tr", TRANSLATION_ID, "id")
    add_article(conn, "copy", SOURCE_EN, "tl")  # a copy misread as another language
    link_all(conn)
    src, tr, copy = (load_index(conn, a) for a in ("src", "tr", "copy"))
    assert src is not None and tr is not None and copy is not None
    assert not one_language(src, tr)
    assert one_language(src, copy)
    # one of the two identical texts is a copy (a rewrite) of the other, not a translation
    relations = conn.execute(
        "SELECT article_id, derived_from, relation FROM articles WHERE derived_from IS NOT NULL"
    ).fetchall()
    assert sorted(tuple(r) for r in relations) in (
        [("copy", "src", "rewrite"), ("tr", "src", "translation")],
        [("src", "copy", "rewrite"), ("tr", "copy", "translation")],
        [("src", "copy", "rewrite"), ("tr", "src", "translation")],
    )
