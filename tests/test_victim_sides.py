"""One data source for the sides of the dead (extract/victim_sides.py, ``sides:`` per language),
read alike by a report's own tally and by an event's reconciliation. Invented phrases."""

from __future__ import annotations

import pytest

from wartrace.extract.event_claims import fatalities
from wartrace.extract.victim_sides import SIDES, attackers_side, is_attacker, side_of, side_words
from wartrace.models import Claim, Span


@pytest.mark.parametrize(
    ("victims", "side"),
    [
        ("regime soldiers", "state"),
        ("tentara Suriah", "state"),
        ("soldats maliens", "state"),
        ("policías", "state"),
        ("pro-government fighters", "state"),  # first side wins
        ("IS militants", "militants"),
        ("pemberontak", "militants"),
        ("warga sipil", "civilians"),
        ("مدنيين", "civilians"),
        ("people", "unspecified"),
        (None, "unspecified"),
    ],
)
def test_a_victims_phrase_in_any_language_names_its_side(victims: str | None, side: str) -> None:
    assert side_of(victims) == side


@pytest.mark.parametrize(
    ("victims", "side"),
    [
        ("Al Shabaab member", "militants"),  # a named group's own dead
        ("anggota Boko Haram", "militants"),
        ("member of the council", "unspecified"),  # a member of no armed group
    ],
)
def test_a_named_groups_members_are_of_its_side(victims: str, side: str) -> None:
    assert side_of(victims) == side


def test_police_and_a_named_groups_member_split_by_side() -> None:
    # invented: "At least three police officers and one Al Shabaab member were killed ...
    # A daily claims 2 police dead." The police are disputed (3 vs 2), the militant is added.
    sentences = [Span(0, 50, ""), Span(50, 90, "")]
    claims = [
        Claim(3, "at_least", "killed", 0, 14, "police officers", scope="side"),
        Claim(1, "exact", "killed", 34, 37, "Al Shabaab member", scope="side"),
        Claim(2, "exact", "killed", 70, 71, "police", claimant="A daily", scope="side"),
    ]
    assert fatalities(claims, sentences) == 2 + 1


def test_every_language_contributes_words_to_each_side() -> None:
    words = dict(side_words())
    assert tuple(words) == SIDES
    assert {"soldier", "tentara", "soldat"} <= set(words["state"])


def test_a_reports_tally_adds_disjoint_sides_and_not_two_words_for_one_side() -> None:
    # invented: "9 soldiers were killed ... 7 tentara tewas ... 4 civilians died"
    sentences = [Span(0, 10, ""), Span(10, 20, ""), Span(20, 30, "")]
    claims = [
        Claim(9, "exact", "killed", 0, 1, "soldiers", scope="side"),
        Claim(7, "exact", "killed", 10, 11, "tentara", scope="side"),
        Claim(4, "exact", "killed", 20, 21, "civilians", scope="side"),
    ]
    # soldiers and tentara are one side, so never 9 + 7; one report does not dispute itself,
    # so its larger figure for the side is its toll (as reconciliation reads it)
    assert fatalities(claims, sentences) == 9 + 4


@pytest.mark.parametrize(
    ("victims", "attacker"),
    [
        ("the suicide bomber", True),
        ("two of the assailants", True),
        ("dua penyerang lainnya", True),
        ("para pelaku", True),
        ("IS militants", False),
        ("civilians", False),
        (None, False),
    ],
)
def test_words_naming_the_perpetrators(victims: str | None, attacker: bool) -> None:
    assert is_attacker(victims) is attacker


@pytest.mark.parametrize(
    ("event_type", "inter1", "inter2", "side"),
    [
        ("Explosions/Remote violence", 2, 7, "militants"),  # a group bombs civilians
        ("Violence against civilians", 3, None, "militants"),
        ("Explosions/Remote violence", 2, 1, "militants"),  # an IED on an army truck
        ("Battles", 2, 1, None),  # both sides fight: "20 killed" counts both
        ("Explosions/Remote violence", 1, 2, None),  # a state strike: no attackers die
        ("Violence against civilians", 2, 3, None),  # two armed groups: no side is told apart
    ],
)
def test_the_side_whose_dead_are_the_perpetrators(
    event_type: str, inter1: int, inter2: int | None, side: str | None
) -> None:
    assert attackers_side(event_type, inter1, inter2) == side
