"""A round-up total over several incidents is no one incident's toll. Every text is invented."""

from __future__ import annotations

from typing_helpers import run


def _tolls(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    return [(e.fatalities, [(c.value, c.scope) for c in e.claims]) for e in run(text)]


def test_a_total_adding_up_the_tolls_of_incidents_told_apart_counts_for_none() -> None:
    events = _tolls(
        "The number of protesters shot dead by security forces rose to 45 on Thursday. At "
        "least 29 people were killed in Kalimbo on Thursday when soldiers fired on "
        "demonstrators blocking a bridge. Four people were killed in Dorvale, where police "
        "fired live rounds at a crowd. Meanwhile, 12 people were killed in clashes in Kesse."
    )
    assert len(events) >= 2
    claims = [c for _, cs in events for c in cs]
    assert (45, "other") in claims
    assert (12, "total") in claims and (29, "total") in claims
    assert all(fatalities < 45 for fatalities, _ in events)


def test_a_side_s_count_in_another_incident_adds_up_no_total() -> None:
    # 20 = 12 soldiers here + 8 villagers there: sides' counts, not two incidents' tolls
    events = _tolls(
        "Fighting between soldiers and militants in Kalimbo on Monday killed 20 people. Twelve "
        "soldiers died, the army said. Meanwhile, in Dorvale, gunmen killed eight villagers in "
        "an attack on a market."
    )
    claims = [c for _, cs in events for c in cs]
    assert (20, "total") in claims


def test_a_single_incident_s_figures_are_left_alone() -> None:
    events = _tolls(
        "Gunmen killed 9 people in Kalimbo district on Monday. Five villagers were killed in "
        "Tamsa village and four others in a market in Dorvale."
    )
    assert len(events) == 1
    assert events[0][0] == 9
