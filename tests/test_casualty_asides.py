"""Who a casualty figure or a named person counts when an aside, a name, a relative clause,
an alternative figure or a protest's grievance stands between the words. All sentences are
invented."""

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


def counted(text: str, lang: str = "en") -> list[tuple[int, str, str]]:
    return [(c.value, c.qualifier, c.scope) for c in killed(text, lang)]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # a relative clause between the person and the verb
        (
            "On Monday a farmer who had been sheltering families from the militia was killed"
            " in his house.",
            "a farmer",
        ),
        # a relative clause closed by a comma before the verb
        (
            "A teacher who was abducted by gunmen from her school on 2 May, was found dead"
            " near the road.",
            "A teacher",
        ),
        # a name in apposition
        ("A bus driver, Jon Marek, was beaten and killed by soldiers.", "A bus driver"),
        # a participle phrase set off by commas
        ("A man, working as a guard at the depot, was shot dead by raiders.", "A man"),
        # a name in brackets inside the phrase after the person
        ("A member of the Northern Liberation Front (NLF) was killed in the raid.", "A member"),
        # two titles of one person under one determiner and a singular verb
        ("A local party official and activist was shot dead outside his home.", None),
        # the person whose body was found
        ("A man's body was found near the river on Tuesday.", "A man's"),
    ],
)
def test_one_person_is_counted_across_an_aside(text: str, victims: str | None) -> None:
    claims = killed(text)
    assert [c.value for c in claims] == [1]
    if victims is not None:
        assert claims[0].victims == victims


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen fatally shot a village chief near his house.",
        "The attackers stopped the car and shot him dead.",
        "Raiders attacked the house of an off-duty officer, leaving him killed.",
    ],
)
def test_a_fatal_act_on_one_person_counts_one(text: str) -> None:
    assert [c.value for c in killed(text)] == [1]


def test_a_figure_before_a_participle_aside_is_the_subject_after_it() -> None:
    text = "1 civilian, working as a cook at the base, was kidnapped and killed by militants."
    assert [c.value for c in killed(text)] == [1]


def test_a_relative_aside_does_not_move_a_figure_to_a_singular_wound() -> None:
    text = "The militants killed 5 people, including a boy who was wounded earlier."
    assert next((c.value, c.scope) for c in killed(text)) == (5, "total")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Six or seven police officers were killed when their truck hit a mine.", "en"),
        ("Six police (or seven, a radio said) were killed when their truck hit a mine.", "en"),
        ("Enam atau tujuh polisi tewas ketika truk mereka menginjak ranjau.", "id"),
    ],
)
def test_a_figure_given_two_ways_is_one_count_and_the_lower_is_coded(text: str, lang: str) -> None:
    got = counted(text, lang)
    assert [(v, q) for v, q, _ in got] == [(6, "at_least"), (7, "up_to")]


def test_figures_of_two_acts_joined_by_or_stay_apart() -> None:
    text = "The raiders killed 5 civilians or wounded 7 soldiers in each village."
    assert counted(text) == [(5, "exact", "side")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hundreds of students marched to condemn the killing of a teacher last week.", "en"),
        ("Dozens of residents protested the death of 2 farmers at the checkpoint.", "en"),
        ("Ratusan mahasiswa berunjuk rasa memprotes kematian dua petani.", "id"),
    ],
)
def test_a_protest_over_a_death_counts_no_protester_and_not_that_death(
    text: str, lang: str
) -> None:
    got = counted(text, lang)
    assert got and all(scope == "other" for _, _, scope in got)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jon Marek, a reporter, and three other people were killed by gunmen.", 4),
        ("The driver and two others were killed when the bus was hit.", 3),
        ("Two soldiers and three other people were killed.", 2),  # each figure its own
    ],
)
def test_someone_named_with_others_adds_one(text: str, value: int) -> None:
    assert killed(text)[0].value == value


def test_someone_named_along_with_others_is_counted_once() -> None:
    text = "The colonel of the guard, Sami Haddad, was killed along with 13 other soldiers."
    assert [c.value for c in killed(text)] == [14]


@pytest.mark.parametrize(
    "text",
    [
        "The two sides exchanged two captured soldiers and the body of another soldier.",
        "Riots broke out following the discovery of the body of a child near the market.",
        "Protesters demanded an inquiry into the death of a journalist who was killed earlier"
        " in the month.",
    ],
)
def test_a_body_handed_over_or_a_death_told_as_past_is_no_toll(text: str) -> None:
    assert all(c.scope == "other" for c in killed(text))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen abducted three elders of the village, executed them and left the bodies.", "en"),
        ("Orang bersenjata menculik tiga petani lalu membunuh mereka di hutan.", "id"),
    ],
)
def test_them_after_a_death_word_counts_the_people_taken_before(text: str, lang: str) -> None:
    assert [c.value for c in killed(text, lang)] == [3]


def test_a_figure_after_a_colon_beside_a_month_is_a_count() -> None:
    assert [c.value for c in killed("12 June:Seven civilians killed in the clash.")] == [7]


def test_people_who_drowned_are_dead() -> None:
    text = "Guards pushed the migrants into the river and at least five of them drowned."
    assert [c.value for c in killed(text)] == [5]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The body of a woman with gunshot wounds was found dumped in a field.", 1),
        ("The rebels handed over the body of a soldier during the exchange.", 0),
        (
            "Jon Marek, director of the water board in the district, was killed by gunmen.",
            1,
        ),
    ],
)
def test_a_found_body_or_a_named_official_counts_one(text: str, value: int) -> None:
    assert sum(c.value for c in killed(text) if c.scope != "other") == value


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # an attribution aside after the figure's noun is no part of who died
        ("Seven people, police said, died in the blast on Monday.", None),
        ("Twelve villagers, officials said, were killed in the raid.", "villagers"),
        # the victims' words themselves still run on
        ("The attack killed 33 regime soldiers near the town.", "regime soldiers"),
    ],
)
def test_an_aside_after_the_figure_ends_the_victims_words(text: str, victims: str | None) -> None:
    claims = killed(text)
    assert claims, text
    assert claims[0].victims == victims, claims


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Troops killed 40 IS/ISWAP fighters near the lake.", "IS/ISWAP fighters"),
        ("Militants killed two R&R police officers.", "R&R police officers"),
    ],
)
def test_marks_inside_a_name_keep_the_victims_words(text: str, victims: str) -> None:
    claims = killed(text)
    assert claims and claims[0].victims == victims, claims


def test_an_acronym_in_brackets_stays_in_the_victims_words() -> None:
    claims = killed("Gunmen killed four Harbour Guard Service (HGS) personnel at the gate.")
    assert claims and claims[0].victims == "Harbour Guard Service (HGS) personnel", claims
