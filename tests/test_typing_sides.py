"""Event typing and sides by failure kind (session 8): allies and coordinated verbs (an ally
named before the act acted with its subject; coordinated verbs share the object after the
last of them), the people an attack fell on. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one

# --- an ally named before the act; coordinated verbs share their object ----------------------


# The sentences fail before both rules: the ally read as the other side, and the civilians too far
# from the first verb ("beat") to be its object.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, ADF militants in coalition with FDLR fighters beat, stabbed and "
            "seriously injured at least three civilians in Kalimbo village.",
            "en",
        ),
        (
            "On Monday, ADF militants together with FDLR fighters beat, stabbed and seriously "
            "injured at least three civilians in Kalimbo village.",
            "en",
        ),
        (
            "Pada Senin, militan ADF bersama dengan milisi FDLR memukuli, menusuk dan melukai "
            "sedikitnya tiga orang warga sipil di desa Kalimbo.",
            "id",
        ),
    ],
)
def test_an_ally_named_before_the_act_is_not_the_other_side(text: str, lang: str) -> None:
    event = one(text, lang)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 is not None and event.actor1.startswith("ADF"), event
    assert event.actor2 is not None and event.actor2.startswith("Civilians"), event


def test_a_side_joined_to_the_objects_after_the_act_is_still_acted_upon() -> None:
    event = one("On Monday, soldiers killed two ADF militants along with a civilian near Kalimbo.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event
    assert event.actor2 is not None and event.actor2.startswith("ADF"), event
