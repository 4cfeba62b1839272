"""A report that fits two events equally well is closer to the one with its initiator
(actor1): the side acted on, often a state's forces, is party to many incidents of a day.
The preference only orders ties; it never lets a pair pass that would not pass without it.

The actors and places are invented for the test.
"""

from __future__ import annotations

from test_link_events import facts as located_facts
from wartrace.link.match import Facts, actor_score, match_score


def facts(**kw: object) -> Facts:
    """A report placed nowhere the gazetteer knows (no country, no province)."""
    return located_facts(**{"country": "XX", "admin1": None, **kw})


def sides(actor1: str, actor2: str) -> dict[str, object]:
    return {"actors": frozenset({actor1, actor2}), "initiator": actor1}


# A report of a bus ambush by the Red Hand on soldiers, placed nowhere the gazetteer knows.
REPORT = facts(**sides("red hand", "military forces of xx"))
# The ambush, told by another article as an attack on the passengers.
AMBUSH = facts(
    event_type="Violence against civilians",
    admin1="North",
    location="Kessa",
    **sides("red hand", "civilians (xx)"),
)
# A rocket strike on an army post told beside it in that article, same day.
ROCKET = facts(
    event_type="Explosions/Remote violence",
    admin1="Capital",
    location="Orlen",
    **sides("unidentified armed group (xx)", "military forces of xx"),
)


def test_the_event_with_the_same_initiator_outranks_one_sharing_only_the_target() -> None:
    ambush = match_score(REPORT, AMBUSH, related=False)
    rocket = match_score(REPORT, ROCKET, related=False)
    assert ambush is not None and rocket is not None
    assert ambush > rocket


def test_sharing_only_the_target_still_counts_as_agreeing_actors() -> None:
    assert actor_score(REPORT, ROCKET) == 1.0
    assert actor_score(REPORT, facts(**sides("other band", "civilians (xx)"))) == -1.0


def test_the_same_initiator_never_lets_a_weak_pair_pass() -> None:
    # A day apart, no place to compare, compatible types: 1 + 0 + 0 + actors stays below
    # what unrelated reports need, with or without the same initiator.
    later = facts(day=1001, event_type="Explosions/Remote violence", **sides("red hand", "x"))
    assert match_score(REPORT, later, related=False) is None
