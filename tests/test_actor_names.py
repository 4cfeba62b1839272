"""ACLED names of actors in articles about many countries (all sentences invented)."""

from __future__ import annotations

from functools import partial

import pytest

import typing_helpers
from wartrace.extract import localise_actors
from wartrace.extract.actors import resolve
from wartrace.extract.resources import load_language
from wartrace.models import ExtractedEvent, Geo

run = partial(typing_helpers.run, published="2021-03-15")


def actors(text: str, lang: str = "en") -> set[str | None]:
    events = run(text, lang)
    assert events, text
    return {events[0].actor1, events[0].actor2}


def test_generic_actors_take_the_article_country() -> None:
    assert "Civilians (Kenya)" in actors(
        "Gunmen killed 3 villagers in an attack near Garissa, Kenya, on Sunday."
    )
    assert "Police Forces of Nigeria (2023-)" in actors(
        "Gunmen attacked a police station in Kaduna, Nigeria, on Monday, killing 2 policemen."
    )


def test_militants_of_a_country_with_one_insurgency_are_that_insurgency() -> None:
    assert "Al Shabaab" in actors(
        "Militants attacked a military base near Mandera in Kenya on Friday, killing 4 soldiers."
    )
    composite = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    assert composite in actors(
        "Suspected jihadists killed 12 villagers in an attack near Djibo, Burkina Faso, on Sunday."
    )


def test_a_named_group_outranks_the_country_insurgency() -> None:
    named = actors(
        "Islamic State militants ambushed a convoy near Menaka in Mali on Friday, "
        "killing 5 soldiers."
    )
    # In Mali the group's own name is its Sahel province's (ACLED: Islamic State (Greater Sahara)).
    assert "Islamic State (Greater Sahara)" in named
    assert not any(a and "and/or" in a for a in named)


def test_a_local_name_is_read_by_the_article_country() -> None:
    assert "Islamic State (Mozambique)" in actors(
        "Al-Shabaab insurgents attacked the town of Macomia in Cabo Delgado, Mozambique, on "
        "Tuesday, killing 6 civilians."
    )
    assert "Al Shabaab" in actors(
        "Al-Shabaab fighters attacked a base near Baidoa, Somalia, on Tuesday, killing 6 soldiers."
    )


def named_in(text: str, country: str) -> list[tuple[str, int]]:
    """The actors a text names, as resolved in an article about `country`."""
    data = load_language("en")
    assert data is not None
    return [
        (a.name, a.inter)
        for a in (resolve(h.value, country, data.common, None) for h in data.actors.find(text))
    ]


def test_foreign_forces_are_external() -> None:
    text = "Turkish warplanes struck PKK positions near Sinjar on Monday."
    assert named_in(text, "IQ") == [
        ("Military Forces of Turkey (2016-)", 8),
        ("PKK: Kurdistan Workers Party", 2),
    ]
    assert named_in(text, "TR")[0] == ("Military Forces of Turkey (2016-)", 1)


def test_rival_governments_are_named_apart() -> None:
    text = "Forces loyal to Khalifa Haftar clashed with GNA forces south of Tripoli."
    assert named_in(text, "LY") == [
        ("Military Forces of Libya (2014-) Haftar Faction", 1),
        ("Military Forces of Libya (2016-2021) Government of National Accord", 1),
    ]


def test_the_security_belt_is_a_government_unit_that_fights_for_the_stc() -> None:
    # invented: ACLED names it as a unit of Yemen's forces, but it fights the government's
    # other forces, so they are the two sides of the clash
    event = run("Security Belt forces ambushed pro-Hadi government forces in Abyan, Yemen.")[0]
    assert (event.actor1, event.actor2) == (
        "Military Forces of Yemen (2012-) Security Belt Forces",
        "Military Forces of Yemen (2012-)",
    )


def test_houthis_are_the_sanaa_authorities_forces() -> None:
    text = "Houthi rebels shelled positions of the Yemeni army and the Saudi-led coalition."
    assert [n for n, _ in named_in(text, "YE")] == [
        "Military Forces of Yemen (2016-) Supreme Political Council",
        "Military Forces of Yemen (2012-)",
        "Operation Restoring Hope",
    ]


def test_the_coalition_in_yemen_is_the_saudi_led_one() -> None:
    assert named_in("The coalition bombed a bridge.", "YE")[0][0] == "Operation Restoring Hope"
    assert named_in("The coalition bombed a bridge.", "SY")[0][0] == (
        "Global Coalition Against Daesh"
    )


def test_geocoded_country_fills_generic_names() -> None:
    event = ExtractedEvent(actor1="Unidentified Armed Group", actor2="Civilians", geo=Geo("ML"))
    localise_actors(event)
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Mali)",
        "Civilians (Mali)",
    )
    named = ExtractedEvent(actor1="Al Shabaab", actor2="Civilians (Kenya)", geo=Geo("SO"))
    localise_actors(named)
    assert (named.actor1, named.actor2) == ("Al Shabaab", "Civilians (Kenya)")


def test_a_country_named_as_elsewhere_is_not_the_articles() -> None:
    # Where attackers came from or what a place lies near is not where the attack was: the
    # police stay generic for the geocoder to place, rather than becoming the neighbour's.
    for text, lang in [
        ("Jihadists from Mali attacked a police station in Loropeni, killing two officers.", "en"),
        (
            "Gunmen attacked a police post 5 km from the border with Mali, killing two officers.",
            "en",
        ),
        ("Gunmen attacked a police post near the Mali border, killing two officers.", "en"),
        ("Des jihadistes venus du Mali ont attaqué un commissariat, tuant deux policiers.", "fr"),
    ]:
        assert "Police Forces" in actors(text, lang), text
    # the country an attack is told in keeps its vote
    assert "Military Forces of Mali (2021-)" in actors(
        "Gunmen killed three soldiers in Menaka, Mali, near the border with Niger, on Monday."
    )


@pytest.mark.parametrize(
    ("text", "lang", "actor1"),
    [
        (
            "Gunmen believed to be Dinka raiders attacked a cattle camp near Rumbek, South Sudan,"
            " killing three herders.",
            "en",
            "Dinka Ethnic Militia (South Sudan)",
        ),
        (
            "Attackers suspected to be members of the Fulani militia killed five villagers in"
            " Benue, Nigeria.",
            "en",
            "Fulani Ethnic Militia (Nigeria)",
        ),
        (
            "Armed men (presumed to be part of the Pokot raiders) attacked a village in West"
            " Pokot, Kenya, killing two residents.",
            "en",
            "Pokot Ethnic Militia (Kenya)",
        ),
        (
            "Suspected Fulani militias attacked a village in Katsina, Nigeria, killing five"
            " residents.",
            "en",
            "Fulani Ethnic Militia (Nigeria)",
        ),
    ],
)
def test_a_generic_noun_said_to_be_a_named_side_is_that_side(
    text: str, lang: str, actor1: str
) -> None:
    # invented: who the gunmen were believed to be is who acted, not an unidentified group
    assert run(text, lang)[0].actor1 == actor1


def test_an_identity_marker_needs_the_named_side_right_after() -> None:
    # invented: a clause about something else between them ties nothing
    events = run("Gunmen killed three soldiers near Menaka, Mali, who were on patrol against JNIM.")
    assert events[0].actor1 == "Unidentified Armed Group (Mali)"


def test_communal_and_clan_militias_are_named_by_country() -> None:
    assert named_in("Clan militiamen clashed with rivals.", "SO")[0] == (
        "Unidentified Clan Militia (Somalia)",
        4,
    )
    assert named_in("Armed youths raided a cattle camp.", "SS")[0] == (
        "Unidentified Communal Militia (South Sudan)",
        4,
    )


def test_a_named_group_qualifying_a_generic_noun_is_one_mention() -> None:
    from wartrace.extract.actors import find_actors
    from wartrace.extract.lexicon import fold

    for lang, text, name in [
        ("en", "Two LNA soldiers were killed.", "Military Forces of Libya (2014-) Haftar Faction"),
        ("en", "Taliban militants ambushed a convoy.", "Taliban"),
        (
            "id",
            "Pasukan Houthi menyerang kota itu.",
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
    ]:
        data = load_language(lang)
        assert data is not None
        hits = find_actors(text, fold(text), data)
        assert [h.value.name for h in hits] == [name], text
    data = load_language("en")
    assert data is not None
    text = "Soldiers and Taliban fighters clashed."
    assert [h.value.weak for h in find_actors(text, fold(text), data)] == [True, False]


def test_either_sahel_group_is_acled_composite_actor() -> None:
    composite = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    assert named_in("ISGS or JNIM militants looted the village.", "BF")[0][0] == composite


def test_a_side_named_after_anti_is_what_the_actor_opposes() -> None:
    # invented: "anti-Houthi forces" are not the Houthis, "anti-riot police" are police
    event = run(
        "Anti-Houthi National Resistance forces shelled Houthi positions near Hays, Yemen."
    )[0]
    assert event.actor1 == "National Resistance Forces"
    event = run("Anti-riot police fired tear gas at protesters in Conakry, Guinea, on Thursday.")[0]
    assert event.actor2 == "Police Forces of Guinea (2021-)"
