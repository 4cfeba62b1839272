"""Which actors are one side: a unit and its group, an army and its contractors or police."""

from __future__ import annotations

from wartrace.extract.actors import Actor, resolve, same_side
from wartrace.extract.resources import ActorEntry, load_language


def _entry(name: str) -> ActorEntry:
    data = load_language("en")
    assert data is not None
    hits = data.actors.find(name)
    assert hits, name
    return hits[0].value


def _actor(name: str, country: str | None = "SY") -> Actor:
    data = load_language("en")
    assert data is not None
    return resolve(_entry(name), country, data.common, None)


def test_an_actor_is_its_own_side() -> None:
    assert same_side(_actor("Islamic State"), _actor("ISIS"))


def test_contractors_fight_for_their_country() -> None:
    assert same_side(_actor("Wagner Group", "ML"), _actor("Russian forces", "ML"))


def test_army_and_police_of_one_country_are_one_side() -> None:
    data = load_language("en")
    assert data is not None
    army = resolve(data.templates["state_forces"], "NG", data.common, None)
    police = resolve(data.templates["police"], "NG", data.common, None)
    assert same_side(army, police)
    assert same_side(army, _actor("Nigerian troops", "NG"))


def test_opponents_are_not_one_side() -> None:
    assert not same_side(_actor("Islamic State"), _actor("Syrian army"))
    assert not same_side(_actor("Hayat Tahrir al-Sham"), _actor("Islamic State"))
    data = load_language("en")
    assert data is not None
    civilians = resolve(data.templates["civilians"], "SY", data.common, None)
    assert not same_side(_actor("Islamic State"), civilians)


def test_the_same_army_differs_by_country_of_the_article() -> None:
    data = load_language("en")
    assert data is not None
    ng = resolve(data.templates["state_forces"], "NG", data.common, None)
    ml = resolve(data.templates["state_forces"], "ML", data.common, None)
    assert not same_side(ng, ml)


def test_forces_abroad_are_external() -> None:
    assert _actor("Turkish troops", "SY").inter == 8
    assert _actor("Turkish troops", "TR").inter == 1
