"""A look-back opener ("Previously, ...", "Sebelumnya, ...") before a day of the same days
("Previously, on Monday, ...") does not make its sentence history: it tells an earlier
incident of the news window.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from functools import partial

import typing_helpers

run = partial(typing_helpers.run, published="2024-03-14")


def test_previously_before_a_recent_day_tells_an_earlier_incident() -> None:
    text = (
        "A drone strike on the city of Varo killed three people on Wednesday.\n\n"
        "Previously, on Monday, a missile attack on the city of Lirou killed 14 people."
    )
    events = run(text)
    assert [e.event_date for e in events] == ["2024-03-13", "2024-03-11"]


def test_previously_without_a_recent_day_stays_history() -> None:
    text = (
        "A drone strike on the city of Varo killed three people on Wednesday.\n\n"
        "Previously, a missile attack on the city of Lirou killed 14 people."
    )
    assert len(run(text)) == 1


def test_sebelumnya_before_a_recent_date_tells_an_earlier_incident() -> None:
    text = (
        "Kelompok bersenjata menembak mati seorang prajurit di Distrik Lembah, Rabu "
        "(13/3/2024).\n\n"
        "Sebelumnya, pada Senin (11/3/2024), kelompok itu menembak mati dua warga di "
        "Distrik Ranu."
    )
    events = run(text, lang="id")
    assert [e.event_date for e in events] == ["2024-03-13", "2024-03-11"]
