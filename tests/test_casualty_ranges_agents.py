"""Casualty figures that are not a plain count of the dead: a range's two ends, the killers
counted before an active verb, an early count named after its figure, another incident named
by its month. All sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import Sentence
from wartrace.models import Claim


def killed(text: str, lang: str = "en") -> list[Claim]:
    data = load_language(lang)
    assert data is not None
    sentence = Sentence(0, len(text), text, fold(text), 0)
    return [c for c in sentence_claims(sentence, data, None) if c.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen reportedly killed between 11 and 20 people at the cattle market.", "en"),
        ("Reports on the dead range from 11 to 20.", "en"),
        ("Some 11 to 20 villagers died in the raid.", "en"),
        ("Antara 11 hingga 20 orang tewas dalam serangan di pasar itu.", "id"),
        ("Serangan itu menewaskan 11 sampai 20 warga desa.", "id"),
    ],
)
def test_a_range_is_one_count_at_least_its_lower_end(text: str, lang: str) -> None:
    claims = [(c.value, c.qualifier) for c in killed(text, lang)]
    assert claims == [(11, "at_least"), (20, "up_to")]


def test_both_ends_of_a_range_name_the_victims_after_it() -> None:
    claims = killed("Between 4 and 7 soldiers were killed near the border post.")
    assert [c.victims for c in claims] == ["soldiers", "soldiers"]


@pytest.mark.parametrize(
    "text",
    ["The toll rose from 5 to 7 overnight.", "Jumlah korban tewas naik dari 5 ke 7 orang."],
)
def test_a_toll_that_changed_is_no_range(text: str) -> None:
    lang = "id" if "korban" in text else "en"
    assert all(c.qualifier == "exact" for c in killed(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "dead"),
    [
        ("Two militants shot and killed a male civilian outside the mosque.", "en", [1]),
        ("Three members of the military beat to death a mechanic.", "en", [1]),
        ("Around 100 residents lynched two armed men who were robbing a shop.", "en", [2]),
        ("Dua anggota militan menembak mati seorang petani di desa itu.", "id", [1]),
        ("Tiga orang bersenjata membunuh dua warga desa di ladang.", "id", [2]),
    ],
)
def test_a_figure_before_an_active_killing_verb_counts_the_killers(
    text: str, lang: str, dead: list[int]
) -> None:
    assert [c.value for c in killed(text, lang)] == dead


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Five soldiers were killed a day later in the same district.", 5),
        ("5 killed the day after the vote in the capital.", 5),
        ("12 soldiers killed and 3 injured in the ambush.", 12),
    ],
)
def test_a_passive_or_headline_toll_still_counts_the_dead(text: str, value: int) -> None:
    assert [c.value for c in killed(text)] == [value]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The raid took place on Saturday, with 12 killed according to an initial toll.", "en"),
        ("Twelve people died, according to preliminary figures from the hospital.", "en"),
        ("Sebanyak 12 orang tewas menurut data awal dari rumah sakit.", "id"),
    ],
)
def test_an_initial_toll_named_after_its_figure_is_an_earlier_count(text: str, lang: str) -> None:
    (claim,) = killed(text, lang)
    assert claim.value == 12 and claim.earlier


def test_the_figure_an_initial_toll_rose_to_is_not_the_earlier_count() -> None:
    claims = {c.value: c.earlier for c in killed("The toll rose to 70 from an initial toll of 43.")}
    assert claims == {70: False, 43: True}


def test_a_killing_last_month_by_name_is_another_incident() -> None:
    text = "The group also bombed a night market last September, which killed 15 people."
    assert [c.scope for c in killed(text)] == ["other"]


def test_a_person_after_the_verbs_clause_is_no_object() -> None:
    text = "The clashes left 14 soldiers dead, a medic said."
    assert [c.value for c in killed(text)] == [14]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The blast killed two government soldiers near the bridge.", "government soldiers"),
        ("At least 44 rice farmers were killed in the fields.", "rice farmers"),
        ("The raid also killed 94 regime fighters, most of them local.", "regime fighters"),
        ("One assailant was killed by the guards.", "assailant"),
    ],
)
def test_plain_words_before_the_victims_noun_belong_to_the_victims(text: str, victims: str) -> None:
    assert [c.victims for c in killed(text)] == [victims]


@pytest.mark.parametrize(
    "text",
    ["12 were killed near the soldiers' camp.", "5 killed and wounded soldiers were flown out."],
)
def test_a_verb_or_a_kind_word_is_no_modifier_of_the_victims(text: str) -> None:
    assert all(c.victims is None for c in killed(text))


def test_the_attackers_and_their_victims_told_together_are_both_counted() -> None:
    text = "Three police were killed in the raid; 1 assailant and 1 civilian were also killed."
    assert sorted((c.value, c.victims) for c in killed(text)) == [
        (1, "assailant"),
        (1, "civilian"),
        (3, "police"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday a judge of a provincial court was killed by gunmen in the city.",
        "A man travelling aboard a motorbike was killed by the blast near the village.",
    ],
)
def test_a_person_before_a_short_phrase_counts_one(text: str) -> None:
    assert [c.value for c in killed(text)] == [1]


def test_a_figure_before_such_a_phrase_keeps_its_count() -> None:
    assert [c.value for c in killed("Two sons of a farmer were killed in the raid.")] == [2]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The clash left one Dozo and three Koglweogo dead in the village.", "en"),
        ("Satu Dozo dan tiga Koglweogo tewas dalam bentrokan di desa itu.", "id"),
    ],
)
def test_figures_before_two_names_joined_by_and_name_two_groups(text: str, lang: str) -> None:
    claims = killed(text, lang)
    assert [(c.value, c.victims) for c in claims] == [(1, "Dozo"), (3, "Koglweogo")]


def test_places_after_figures_are_no_group_names() -> None:
    assert all(c.victims is None for c in killed("25 were killed in Kabul and 10 in Herat."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # invented: the figure before a bracketed breakdown is the subject of "were wounded"
        (
            "Two guards were killed and 12 (8 guards and 4 visitors) were wounded in the raid.",
            [("killed", 2), ("wounded", 12), ("wounded", 8), ("wounded", 4)],
        ),
        # invented: the same with an "including" phrase between the figure and its verb
        (
            "Five traders were killed and 6 including the market chief were wounded.",
            [("killed", 5), ("wounded", 6)],
        ),
        # invented: an aside between commas after the figure's noun phrase
        (
            "Twelve border guards, among them senior officers, were killed and 5 others wounded.",
            [("killed", 12), ("wounded", 5)],
        ),
    ],
)
def test_a_figure_before_an_aside_is_the_subject_of_the_passive_after_it(
    text: str, expected: list[tuple[str, int]]
) -> None:
    data = load_language("en")
    assert data is not None
    sentence = Sentence(0, len(text), text, fold(text), 0)
    got = [(c.kind, c.value) for c in sentence_claims(sentence, data, None)]
    assert got == expected


def test_groups_coordinated_before_an_including_list_share_its_verb() -> None:
    # invented: the list after "including" is all parts of the five; the two militants and
    # the five guards are the dead (7)
    text = (
        "Two militants and five guards including one policeman and four soldiers were killed "
        "in the clash."
    )
    data = load_language("en")
    assert data is not None
    sentence = Sentence(0, len(text), text, fold(text), 0)
    got = [(c.value, c.scope) for c in sentence_claims(sentence, data, None)]
    assert got == [(2, "side"), (5, "side"), (1, "part"), (4, "part")]


def test_a_death_word_right_after_its_own_figure_takes_no_earlier_figure() -> None:
    # invented: "a couple" (2) does not reach "death", which has its own figure (1)
    text = "A mob attacked a couple in the village, resulting in 1 death."
    data = load_language("en")
    assert data is not None
    sentence = Sentence(0, len(text), text, fold(text), 0)
    assert [c.value for c in sentence_claims(sentence, data, None)] == [1]
    # coordinated figures still share the word after the pair
    text = "Five police and 1 officer were killed."
    sentence = Sentence(0, len(text), text, fold(text), 0)
    assert [c.value for c in sentence_claims(sentence, data, None)] == [5, 1]
