"""Derived articles in the store. Articles are INVENTED (see test_link_support)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_link_support import (
    INDEPENDENT_EN,
    SOURCE_EN,
    TRANSLATION_ID,
    UNRELATED_EN,
    add_article,
    connect,
    edited_copy,
)
from wartrace.link import derive, link_all
from wartrace.link.index import clean_text, containment, load_index
from wartrace.link.orient import Meta, orient
from wartrace.models import Span, TextAnalysis
from wartrace.store import db


def derived(conn, article_id: str) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    row = conn.execute(
        "SELECT derived_from, relation FROM articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return row[0], row[1]


def test_translation_copy_and_rewrite_are_found(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", published="2016-05-14")
    add_article(conn, "tr", TRANSLATION_ID, "id", published="2016-05-15")
    add_article(conn, "copy", SOURCE_EN, "en", published="2016-05-15")
    add_article(conn, "edit", edited_copy(SOURCE_EN), "en", published="2016-05-16")
    add_article(conn, "other", INDEPENDENT_EN, "en", published="2016-05-15")
    add_article(conn, "far", UNRELATED_EN, "en", published="2016-05-14")
    summary = link_all(conn)
    assert summary["indexed"] == 6
    assert derived(conn, "tr") == ("src", "translation")
    assert derived(conn, "copy") == ("src", "rewrite")
    assert derived(conn, "edit") == ("src", "rewrite")
    assert derived(conn, "src") == (None, None)
    assert derived(conn, "other") == (None, None)
    assert derived(conn, "far") == (None, None)
    copy = json.loads(
        conn.execute("SELECT alignment FROM articles WHERE article_id='copy'").fetchone()[0]
    )
    assert copy["kind"] == "copy" and copy["relation"] == "rewrite"


def test_alignment_records_the_dropped_paragraph(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en")
    add_article(conn, "tr", TRANSLATION_ID, "id")
    link_all(conn)
    record = json.loads(
        conn.execute("SELECT alignment FROM articles WHERE article_id='tr'").fetchone()[0]
    )
    omitted = [SOURCE_EN[s:e] for s, e, _ in record["omitted"]]
    assert any("Colonel Ridwan" in text for text in omitted)
    assert not any("Tal Harir" in text for text in omitted)
    added = [TRANSLATION_ID[s:e] for s, e in record["added"]]
    assert any("Sumber" in text for text in added)
    for s_start, s_end, d_start, d_end, _ in record["pairs"]:
        assert 0 <= s_start < s_end <= len(SOURCE_EN)
        assert 0 <= d_start < d_end <= len(TRANSLATION_ID)


def test_later_runs_link_to_earlier_articles_without_reindexing(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en")
    add_article(conn, "other", INDEPENDENT_EN, "en")
    first = link_all(conn)
    assert first["indexed"] == 2
    assert link_all(conn)["indexed"] == 0  # nothing new, nothing redone
    add_article(conn, "tr", TRANSLATION_ID, "id")
    second = link_all(conn)
    assert second["indexed"] == 1
    assert derived(conn, "tr") == ("src", "translation")


def test_source_arriving_later_becomes_the_source(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "tr", TRANSLATION_ID, "id", credit="WA")
    link_all(conn)
    add_article(conn, "src", SOURCE_EN, "en", outlet="WA")
    link_all(conn)
    assert derived(conn, "tr") == ("src", "translation")
    assert derived(conn, "src") == (None, None)


def test_reprocessed_article_drops_its_old_links(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en")
    add_article(conn, "copy", SOURCE_EN, "en")
    link_all(conn)
    assert derived(conn, "copy")[0] == "src" or derived(conn, "src")[0] == "copy"
    add_article(conn, "copy", UNRELATED_EN, "en")  # new text under the same id
    link_all(conn)
    assert derived(conn, "copy") == (None, None)
    assert derived(conn, "src") == (None, None)
    assert conn.execute("SELECT count(*) FROM link_pairs").fetchone()[0] == 0


def test_empty_and_odd_texts_do_not_break_the_run(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "blank", " \n \n", "en")
    add_article(conn, "digits", "123 456 789", "en")
    add_article(conn, "arabic", "قتل ٢٧ جنديا في الهجوم", "ar")
    summary = link_all(conn)
    assert summary["indexed"] == 3
    assert load_index(conn, "blank") is not None


def test_containment_of_identical_texts(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "a", SOURCE_EN, "en")
    add_article(conn, "b", SOURCE_EN, "en")
    link_all(conn)
    a, b = load_index(conn, "a"), load_index(conn, "b")
    assert a is not None and b is not None
    assert containment(a, b) == 1.0


def meta(article_id: str, **kw: object) -> Meta:
    base: dict[str, object] = {
        "language": "en",
        "day": None,
        "credit": None,
        "outlets": (),
        "length": 100,
    }
    base.update(kw)
    return Meta(article_id=article_id, **base)  # type: ignore[arg-type]


def test_orientation_evidence_in_order(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    # A credit naming the other's outlet beats dates.
    a = meta("a", credit="Source: Kafr Wire", day=10)
    b = meta("b", outlets=("kafr wire",), day=20)
    assert orient(conn, a, b, "rewrite")[0].article_id == "b"
    # Then the earlier date.
    assert orient(conn, meta("a", day=3), meta("b", day=2), "rewrite")[0].article_id == "b"
    # Then the language of the cited outlet (data/outlets.yaml: AFP writes English).
    en, idn = meta("en"), meta("id", language="id", credit="(AFP)")
    assert orient(conn, idn, en, "translation")[0].article_id == "en"
    # Then the usual source language of translations.
    assert orient(conn, meta("x", language="id"), meta("y"), "translation")[0].article_id == "y"


def test_reindexed_source_re_resolves_its_derived_articles(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", outlet="WA")
    add_article(conn, "tr", TRANSLATION_ID, "id", credit="WA")
    link_all(conn)
    assert derived(conn, "tr") == ("src", "translation")
    # the text stage runs again on the same page and now finds nothing but boilerplate
    # (a changed rule): the source is re-indexed empty, so the translation has no source
    blank = TextAnalysis(
        clean_text=" " * len(SOURCE_EN),
        boilerplate=[Span(0, len(SOURCE_EN), "boilerplate")],
        language="en",
    )
    db.save_processed(conn, "src", blank, [])
    later = "2031-01-01T00:00:00Z"  # a later run (processed_at has one-second steps)
    conn.execute("UPDATE articles SET processed_at = ? WHERE article_id = 'src'", (later,))
    link_all(conn)
    assert derived(conn, "tr") == (None, None)
    assert conn.execute("SELECT count(*) FROM link_pairs").fetchone()[0] == 0


def test_a_credit_naming_a_wire_both_texts_carry_does_not_orient(tmp_path: Path) -> None:
    # both are the Wire Agency's story (both signed with it); the English one credits it too
    conn = connect(tmp_path)
    en = meta("en", credit="Wire Agency", outlets=("daily post", "wire agency"))
    ur = meta("ur", language="ur", outlets=("kabar", "wire agency"))
    assert orient(conn, en, ur, "translation")[0].article_id == "en"  # the usual source language
    # a credit naming the other's own outlet still decides
    en = meta("en", credit="Kabar", outlets=("daily post", "wire agency"))
    assert orient(conn, en, ur, "translation")[0].article_id == "ur"


def _alignment(conn, article_id: str) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    row = conn.execute(
        "SELECT alignment, alignment_inputs FROM articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return row[0], row[1]


def test_resolving_again_to_the_same_source_keeps_the_alignment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", outlet="WA")
    add_article(conn, "tr", TRANSLATION_ID, "id", credit="WA")
    link_all(conn)
    before = _alignment(conn, "tr")
    assert before[1] is not None and json.loads(before[0])["kind"] == "translation"

    def must_not_align(*args: object) -> dict[str, object]:
        raise AssertionError("aligned again from the same texts")

    monkeypatch.setattr(derive, "alignment_record", must_not_align)
    assert derive.resolve(conn, ["tr"], {}) == 1  # e.g. its source gained a pair
    assert derived(conn, "tr") == ("src", "translation")
    assert _alignment(conn, "tr") == before


def test_a_source_reprocessed_with_new_boilerplate_is_aligned_again(tmp_path: Path) -> None:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", outlet="WA")
    add_article(conn, "tr", TRANSLATION_ID, "id", credit="WA")
    link_all(conn)
    before = _alignment(conn, "tr")
    # the text stage now reads the source's last paragraph as boilerplate (same raw text)
    last = SOURCE_EN.rstrip().rindex("\n") + 1
    analysis = TextAnalysis(
        clean_text=SOURCE_EN[:last],
        boilerplate=[Span(last, len(SOURCE_EN), "boilerplate")],
        language="en",
    )
    db.save_processed(conn, "src", analysis, [])
    later = "2031-01-01T00:00:00Z"  # a later run (processed_at has one-second steps)
    conn.execute("UPDATE articles SET processed_at = ? WHERE article_id = 'src'", (later,))
    link_all(conn)
    assert derived(conn, "tr") == ("src", "translation")
    after = _alignment(conn, "tr")
    assert after[1] != before[1]
    src, tr = load_index(conn, "src"), load_index(conn, "tr")
    assert src is not None and tr is not None
    rows = {
        r["article_id"]: r
        for r in conn.execute("SELECT article_id, raw_text, boilerplate FROM articles")
    }
    score = conn.execute("SELECT derivation_score FROM articles WHERE article_id='tr'").fetchone()
    expected = derive.alignment_record(
        clean_text(rows["src"]["raw_text"], rows["src"]["boilerplate"]),
        clean_text(rows["tr"]["raw_text"], rows["tr"]["boilerplate"]),
        src,
        tr,
        "translation",
        score[0],
    )
    assert json.loads(after[0]) == expected
