"""Place exonyms folded to one anchor, Arabic vowel marks, and the quoted-speech check.
Every sentence here is INVENTED."""

from __future__ import annotations

from wartrace.link.align import align_translation
from wartrace.link.anchors import (
    Passage,
    caseless_anchor,
    exonyms,
    name_anchor,
    passages,
    text_anchors,
)
from wartrace.link.scoring import quotes_dropped


def test_city_exonyms_share_one_anchor_across_languages_and_scripts() -> None:
    spellings = ["Damascus", "Damaskus", "Dimashq"]
    keys = {name_anchor(s) for s in spellings} | {caseless_anchor("دمشق")}
    assert len(keys) == 1
    assert keys != {None}


def test_attached_arabic_preposition_is_stripped_only_for_known_places() -> None:
    assert caseless_anchor("بدمشق") == caseless_anchor("دمشق")
    assert caseless_anchor("بدمشق") is not None


def test_geo_place_names_are_loaded_but_countries_are_not_folded() -> None:
    table = exonyms()
    assert table["mosul"] == table["الموصل"]  # both from the geo stage's curated names
    # Country names stay plain name anchors: every report of a conflict names its country.
    assert name_anchor("Suriah") != name_anchor("Syrian")
    assert all(":" in key or not key[2:].isupper() for key in table.values())


def test_possessive_and_article_prefix_do_not_hide_an_exonym() -> None:
    assert name_anchor("Aleppo's") == name_anchor("Halab") == name_anchor("al-Halab")


def test_unknown_names_keep_their_skeleton_key() -> None:
    assert name_anchor("Observatory") == name_anchor("Observatorium")
    assert name_anchor("Observatory") != name_anchor("Damascus")


def test_arabic_vowel_marks_do_not_split_a_word() -> None:
    plain = [a for _, a in text_anchors("وكالة شنہوا")]
    marked = [a for _, a in text_anchors("وكالة شِنہوا")]
    assert marked == plain
    assert len(marked) == len(plain) >= 1


def _passage(quotes: int, anchors: tuple[str, ...]) -> Passage:
    return Passage(start=0, end=1, anchors=anchors, quotes=quotes, words=20)


def test_quoted_speech_that_vanishes_from_the_other_text_is_flagged() -> None:
    quoted = [_passage(2, ("n:23", "p:zr")), _passage(0, ("n:10",))]
    plain = [_passage(0, ("n:23", "p:zr")), _passage(0, ("n:10",))]
    al = align_translation(quoted, plain)
    assert al.pairs
    assert quotes_dropped(al, quoted, plain)
    assert quotes_dropped(align_translation(plain, quoted), plain, quoted)


def test_quotes_moved_to_another_paragraph_are_not_flagged() -> None:
    x = [_passage(2, ("n:23", "p:zr")), _passage(0, ("n:10",))]
    y = [_passage(0, ("n:23", "p:zr")), _passage(2, ("n:10",))]
    assert not quotes_dropped(align_translation(x, y), x, y)
    none = [_passage(0, ("n:23", "p:zr"))]
    assert not quotes_dropped(align_translation(none, none), none, none)


def test_british_single_quotes_count_as_quoted_speech() -> None:
    text = "The governor told reporters ‘we will rebuild the bridge’ on Tuesday."
    assert passages(text, "en")[0].quotes >= 1
    assert passages("The governor’s office was shut on Tuesday.", "en")[0].quotes == 0


def test_loanwords_in_urdu_script_meet_their_english_spelling() -> None:
    # Invented: an English agency phrase and its Urdu-script loanword rendering.
    assert caseless_anchor("رائٹس") == name_anchor("Rights")
    assert caseless_anchor("آبزرویٹری") == name_anchor("Observatory")
    assert name_anchor("Observatory") == name_anchor("Observatorium")
