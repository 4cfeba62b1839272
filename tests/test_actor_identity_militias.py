"""Identity militias are named after the ethnic group or clan they fight for, as ACLED names
them ("Turkana Ethnic Militia (Kenya)", "Abgaal Clan Militia (Somalia)"), from the groups and
patterns of data/actors/identity_militias.yaml. Every sentence is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from typing_helpers import one
from wartrace.extract.resources import DATA_DIR, load_actor_entries


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Suspected Turkana raiders shot dead a herder in Baringo, Kenya, on Monday.",
            "Turkana Ethnic Militia (Kenya)",
        ),
        (
            "Armed Pokot youths killed two herders near Kapedo, Kenya, on Sunday.",
            "Pokot Ethnic Militia (Kenya)",
        ),
        (
            "Murle raiders abducted three children in Jonglei, South Sudan, on Friday.",
            "Murle Ethnic Militia (South Sudan)",
        ),
        (
            "Des miliciens peuls ont tué quatre villageois près de Djibo, au Burkina Faso, lundi.",
            "Fulani Ethnic Militia (Burkina Faso)",
        ),
    ],
)
def test_an_ethnic_militia_is_named_after_its_group(text: str, actor1: str) -> None:
    lang = "fr" if text.startswith("Des ") else "en"
    assert one(text, lang).actor1 == actor1


def test_two_clan_militias_that_clash_are_the_two_sides() -> None:
    event = one("Abgaal clan militiamen clashed with Habar Gidir clan militia near Adale, Somalia.")
    assert event.event_type == "Battles"
    assert {event.actor1, event.actor2} == {
        "Abgaal Clan Militia (Somalia)",
        "Habar Gedir Clan Militia (Somalia)",
    }


def test_a_bare_ethnonym_is_no_actor() -> None:
    # invented: "Turkana" alone is a county and a people, not a militia
    names = {
        e.name for e, aliases in load_actor_entries(str(DATA_DIR)) if "Turkana" in str(aliases)
    }
    aliases = [a for e, al in load_actor_entries(str(DATA_DIR)) for v in al.values() for a in v]
    assert "Turkana Ethnic Militia ({country})" in names
    assert "Turkana" not in aliases


def test_an_explicit_entry_keeps_its_aliases() -> None:
    # "Dogon militia" is Dan Na Ambassagou's, not a generated Dogon militia's.
    owners = [
        e.name
        for e, aliases in load_actor_entries(str(DATA_DIR))
        if "Dogon militia" in aliases.get("any", [])
    ]
    assert owners == ["Dan Na Ambassagou"]


def test_every_identity_kind_names_its_group_and_country() -> None:
    raw = yaml.safe_load(Path(DATA_DIR, "actors", "identity_militias.yaml").read_text())
    for kind in raw["identity_militias"]:
        assert "{group}" in kind["name"] and "({country})" in kind["name"]
        assert all("{g}" in p for pats in kind["patterns"].values() for p in pats)


def test_a_marker_does_not_reach_across_punctuation() -> None:
    # invented: "of" closes "(week of)", so the militia after it is the attacker
    event = one(
        "Around 29 May 2021 (week of), Murle militia attacked a cattle camp in Pibor, South "
        "Sudan, killing two herders."
    )
    assert event.actor1 == "Murle Ethnic Militia (South Sudan)"
    assert event.actor2 == "Civilians (South Sudan)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Gunmen from the Habar Gedir clan killed two herders near Galkayo, Somalia.",
            "Habar Gedir Clan Militia (Somalia)",
        ),
        (
            "Armed youths from the Murle community raided a village in Jonglei state, South"
            " Sudan, killing five people.",
            "Murle Ethnic Militia (South Sudan)",
        ),
    ],
)
def test_armed_men_from_a_community_or_clan_are_its_militia(text: str, actor1: str) -> None:
    # invented
    assert one(text).actor1 == actor1
