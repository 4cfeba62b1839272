"""A state's forces named by the country's adjective on the act itself ("an Israeli strike",
"a Russian missile", "serangan Israel", "frappe israélienne"): the author is that state's
military, as ACLED codes it; the same adjective on a place, a crowd or a made-in mark names
no author. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import run

ISRAEL = "Military Forces of Israel (2022-)"
RUSSIA = "Military Forces of Russia (2000-)"


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        ("An Israeli strike killed five people in Gaza City on Tuesday.", "en", ISRAEL),
        ("Israeli strikes killed 20 people across Gaza on Friday.", "en", ISRAEL),
        ("A Russian strike on Odesa killed 3 people on Monday.", "en", RUSSIA),
        ("A Russian missile hit a block of flats in Dnipro on Saturday, killing 12.", "en", RUSSIA),
        ("A Russian raid on a village near Kupiansk killed two people on Monday.", "en", RUSSIA),
        ("An Israeli raid on Jenin killed three Palestinians on Thursday.", "en", ISRAEL),
        ("Israeli fire killed two Palestinians near Khan Younis on Monday.", "en", ISRAEL),
        ("An Israeli sniper shot dead a Palestinian teenager in Hebron on Friday.", "en", ISRAEL),
        ("A Russian ballistic missile hit Kharkiv on Monday, killing five people.", "en", RUSSIA),
        ("A Russian glide bomb hit a hospital in Kherson on Monday, killing two.", "en", RUSSIA),
        ("Israeli bombing killed 15 people in Jabalia on Monday.", "en", ISRAEL),
        ("Israeli occupation forces killed two Palestinians in Nablus on Monday.", "en", ISRAEL),
        ("Pasukan pendudukan Israel menewaskan dua warga Palestina di Nablus.", "id", ISRAEL),
        ("Israel's strikes killed 20 people across Gaza on Friday.", "en", ISRAEL),
        ("Russia's bombardment of Kharkiv killed four people on Monday.", "en", RUSSIA),
        ("A drone strike by Russia killed two people in Sumy on Monday.", "en", RUSSIA),
        ("Serangan Israel menewaskan 20 orang di Rafah pada Jumat.", "id", ISRAEL),
        ("Tembakan Israel menewaskan dua warga Palestina di Khan Younis pada Senin.", "id", ISRAEL),
        ("Une frappe israélienne a tué cinq personnes à Gaza mardi.", "fr", ISRAEL),
        ("Un bombardement russe a tué trois civils à Kherson lundi.", "fr", RUSSIA),
        ("Des tirs israéliens ont tué deux Palestiniens à Khan Younès lundi.", "fr", ISRAEL),
        ("Um míssil russo matou três pessoas em Odessa na segunda-feira.", "pt", RUSSIA),
        ("Um ataque aéreo israelense matou cinco pessoas em Gaza na terça-feira.", "pt", ISRAEL),
    ],
)
def test_a_country_adjective_on_the_act_names_that_states_forces(
    text: str, lang: str, actor1: str
) -> None:
    events = run(text, lang, published="2024-06-10")
    assert [e.actor1 for e in events] == [actor1]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a Syrian town near Idlib on Monday, killing four civilians.",
        "Unknown gunmen killed three Ukrainian civilians in Kherson on Monday.",
        "Gunmen opened fire on a Nigerian village in Zamfara on Monday, killing eight.",
        "Militants fired an Israeli-made drone at a base near Kidal on Monday, killing two.",
    ],
)
def test_a_country_adjective_on_a_place_or_its_people_names_no_state_author(text: str) -> None:
    events = run(text, "en", published="2024-06-10")
    assert events
    assert all(not (e.actor1 or "").startswith("Military Forces") for e in events)


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        (
            "Israelis rallied on Saturday to demand a deal to free the hostages held in Gaza.",
            "en",
            "Protesters (Israel)",
        ),
        (
            "Hundreds of Russians rallied on Sunday against the war in Ukraine.",
            "en",
            "Protesters (Russia)",
        ),
        (
            "Ribuan warga Israel berunjuk rasa pada Sabtu menuntut pembebasan sandera di Gaza.",
            "id",
            "Protesters (Israel)",
        ),
        (
            "Protesters in Nairobi, Kenya, demanded justice for slain Ugandans on Monday.",
            "en",
            "Protesters (Kenya)",
        ),
    ],
)
def test_a_crowd_named_by_its_nationality_protests_as_that_countrys_people(
    text: str, lang: str, actor1: str
) -> None:
    events = run(text, lang, published="2024-06-10")
    assert [e.actor1 for e in events] == [actor1]


@pytest.mark.parametrize(
    "text",
    [
        "Palestinian gunfire killed an Israeli soldier near Jenin on Monday.",
        "A Palestinian missile hit Ashkelon on Monday, wounding two people.",
    ],
)
def test_an_act_named_by_a_nationality_whose_armed_groups_act_names_no_state_force(
    text: str,
) -> None:
    # Invented. Palestinian rockets and gunfire are armed groups', not the Authority's forces.
    assert all(e.actor1 != "Military Forces of Palestine" for e in run(text))


def test_a_nationalitys_forces_still_name_its_state_force() -> None:
    events = run("Palestinian security forces arrested three men in Nablus on Monday.")
    assert [e.actor1 for e in events] == ["Military Forces of Palestine"]
