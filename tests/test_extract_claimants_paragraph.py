"""Who speaks for a figure told in another sentence of its paragraph. All texts are invented."""

from __future__ import annotations

from typing_helpers import run


def _claims(text: str, lang: str = "en") -> list[tuple[int | None, str, str | None]]:
    return [(c.value, c.kind, c.claimant) for e in run(text, lang) for c in e.claims]


def test_a_source_named_after_the_reports_own_figure_does_not_speak_for_it() -> None:
    text = (
        "Gunmen attacked a market in Kamsar on Sunday. At least 12 people were killed in the "
        "attack. Police said dozens of others were wounded."
    )
    assert (12, "killed", None) in _claims(text)


def test_a_quote_before_its_speaker_is_the_speakers() -> None:
    text = (
        "Gunmen attacked a market in Kamsar on Sunday.\n\n"
        "\u201cAt least 12 people were killed in the attack.\u201d The governor said dozens of "
        "others were wounded."
    )
    assert (12, "killed", "governor") in _claims(text)


def test_a_source_named_first_speaks_for_the_paragraph_after_it() -> None:
    text = (
        "Gunmen attacked a market in Kamsar on Sunday.\n\n"
        "The governor said the gunmen fired on the crowd. At least 12 people were killed."
    )
    assert (12, "killed", "governor") in _claims(text)
