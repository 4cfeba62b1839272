"""Name normalisation and claimant matching used by the scorer (invented names)."""

from __future__ import annotations

import pytest

from wartrace.eval.normalise import claimant_matches, matches_any, normalise_name, same_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Anbar", "Anbar"),
        ("Deir ez-Zor", "DEIR EZ ZOR"),
        ("Salah ad-Din", "Salah ad Din"),
        ("Ḥimṣ", "Hims"),
        ("Borno.", "borno"),
    ],
)
def test_admin1_names_normalise_alike(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_different_places_stay_different() -> None:
    assert normalise_name("Homs") != normalise_name("Hama")
    assert normalise_name(None) == ""


def test_actor_names_match_name_or_alias() -> None:
    names = ["Islamic State", "ISIS", "Negara Islam"]
    assert matches_any("the Islamic State", names)
    assert matches_any("isis", names)
    assert not matches_any("Islamic State West Africa Province", names)
    assert not same_name("", "ISIS")


@pytest.mark.parametrize(
    ("ours", "gold", "expected"),
    [
        ("SOHR", "the Syrian Observatory (SOHR)", True),
        ("the Syrian Observatory (SOHR)", "SOHR", True),
        ("SOHR", "Syrian Observatory for Human Rights", True),
        ("a local activist", "Abu Karim (local activist)", True),
        ("Amaq", "Amaq news agency", True),
        ("local media activist Abu Karim", "Abu Karim (local media activist)", True),
        ("Abu Karim", "Abu Karim (local media activist)", True),
        ("Britain-based Observatory", "Syrian Observatory for Human Rights", False),
        ("monitor", "Syrian Observatory for Human Rights", False),
        ("a medic", "Syrian Observatory for Human Rights", False),
        ("SOHR", "SANA", False),
        (None, "SOHR", False),
        ("", "SOHR", False),
    ],
)
def test_claimant_matching(ours: str | None, gold: str, expected: bool) -> None:
    assert claimant_matches(ours, gold) is expected


@pytest.mark.parametrize(
    ("ours", "gold", "expected"),
    [
        ("Military Forces of Syria (2000-2024)", "Military Forces of Syria", True),
        ("Military Forces of Iraq (2022-)", "Military Forces of Iraq", True),
        ("SDF - Syrian Democratic Forces", "Syrian Democratic Forces", True),
        ("ISWAP: Islamic State West Africa Province", "ISWAP", True),
        ("Civilians (Syria)", "Civilians (Nigeria)", False),
        ("Military Forces of Syria (2000-2024)", "Military Forces of Iraq", False),
    ],
)
def test_acled_actor_name_conventions(ours: str, gold: str, expected: bool) -> None:
    assert same_name(ours, gold) is expected
