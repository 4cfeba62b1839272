"""Anchors: what survives translation. Example sentences are INVENTED."""

from __future__ import annotations

from wartrace.link import anchors as an


def test_transliteration_variants_share_a_key() -> None:
    assert an.name_anchor("Ezzor") == an.name_anchor("al-Zor") == an.name_anchor("ez-Zor")
    assert an.name_anchor("Ridwan") == an.name_anchor("Redwan")
    assert an.name_anchor("Mu'ayyad") == an.name_anchor("Muayyad")
    assert an.name_anchor("Mayadeen") == an.name_anchor("Mayadin")
    assert an.name_anchor("Ridwan") != an.name_anchor("Mayadeen")


def test_common_capitalised_words_and_short_acronyms_are_not_names() -> None:
    assert an.name_anchor("The") is None
    assert an.name_anchor("IS") is None
    assert an.name_anchor("SOHR") == "a:sohr"


def test_a_name_of_one_consonant_is_kept_whole() -> None:
    # A skeleton of one consonant ("Bab" -> "b") meets too many names; the name as written
    # still tells places apart, under a key no skeleton has.
    assert an.name_anchor("Bab") == an.WHOLE_NAME + "bab"
    assert an.name_anchor("Attia") == an.WHOLE_NAME + "attia"
    assert an.name_anchor("Bab") != an.name_anchor("Bob")
    assert an.name_anchor("Al") is None and an.name_anchor("El") is None  # article prefixes
    assert an.name_anchor("Io") is None  # two letters: no name
    assert not str(an.name_anchor("Varmela")).startswith(an.WHOLE_NAME)  # a skeleton key


def test_dates_match_across_languages() -> None:
    en = {a for _, a in an.text_anchors("The raid on Saturday, 14 May 2016, was repelled.")}
    idn = {a for _, a in an.text_anchors("Serangan pada hari Sabtu (14/5/2016) digagalkan.")}
    fr = {a for _, a in an.text_anchors("Le raid du samedi 14 mai 2016 a échoué.")}
    for found in (en, idn, fr):
        assert {"d:14/5", "w:6", "n:2016"} <= found


def test_names_after_sentence_start_only_when_used_elsewhere() -> None:
    text = "Fighters entered Tal Harir at dawn.\nHarir was quiet by noon."
    found = [p.anchors for p in an.passages(text, "en")]
    assert an.name_anchor("Harir") in found[0]
    assert an.name_anchor("Harir") in found[1]  # sentence-initial, but a known name
    assert an.name_anchor("Fighters") not in found[0]


def test_spelled_numbers_become_figures() -> None:
    en = an.passages("Militants killed ten soldiers near the dam.", "en")[0].anchors
    idn = an.passages("Militan menewaskan sepuluh tentara di dekat bendungan.", "id")[0].anchors
    assert "n:10" in en and "n:10" in idn


def test_unknown_language_keeps_the_text() -> None:
    assert an.spelled_numbers_to_digits("ten", "xx") == "ten"
    assert an.spelled_numbers_to_digits("ten", None) == "ten"


def test_passages_offsets_point_into_the_text() -> None:
    text = "  First line of text\n\nSecond line, 42 dead.\n-\n"
    found = an.passages(text)
    assert [text[p.start : p.end] for p in found] == ["First line of text", "Second line, 42 dead."]
    assert "n:42" in found[1].anchors


def test_data_files_cover_every_month_and_weekday() -> None:
    months = an.load_data("months.yaml")
    weekdays = an.load_data("weekdays.yaml")
    for lang, table in months.items():
        assert sorted(table) == list(range(1, 13)), lang
        assert all(table[m] for m in table), lang
    for lang, table in weekdays.items():
        assert sorted(table) == list(range(1, 8)), lang
    assert set(weekdays) == set(months)
    assert an.stop_names()
    prefixes, rewrites, vowels, minimum = an.translit_rules()
    assert "al" in prefixes and vowels and minimum >= 2
    assert all(len(a) >= 1 for a, _ in rewrites)
