"""A figure told again: once in a headline and its lead (one claim), again by the same
source with its own rounding (one claim), and again by a named source with another
qualifier (the source's own claim). Every article is invented for the test."""

from __future__ import annotations

import pytest

from wartrace.extract import extract_events
from wartrace.extract.event_claims import title_lines
from wartrace.models import TextAnalysis


def told(text: str, lang: str) -> list[tuple[int, str, str | None]]:
    events = extract_events(
        text, TextAnalysis(clean_text=text, language=lang), published="2020-05-05"
    )
    return sorted(
        (
            (c.value, c.qualifier, c.claimant)
            for e in events
            for c in e.claims
            if c.kind == "killed"
        ),
        key=lambda t: (t[0], t[1], t[2] or ""),
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Six dead after riots in Dorvale\n\nAt least six people were killed in riots in"
            " Dorvale on Monday, as police fired on protesters.\n\nPolice chief John Mavu said"
            " six people had died.",
            "en",
            [(6, "at_least", None), (6, "exact", "Police chief John Mavu")],
        ),
        (
            "Enam tewas dalam kerusuhan di Dorvale\n\nSedikitnya enam orang tewas dalam"
            " kerusuhan di Dorvale pada Senin (4/5).\n\nKapolda Irjen John Mavu mengatakan enam"
            " orang meninggal dunia.",
            "id",
            [(6, "at_least", None), (6, "exact", "Kapolda Irjen John Mavu")],
        ),
    ],
)
def test_a_named_source_retelling_a_figure_with_another_qualifier_is_its_own_claim(
    text: str, lang: str, expected: list[tuple[int, str, str | None]]
) -> None:
    assert told(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the headline sums up its lead
        "Six dead after riots in Dorvale\n\nAt least six people were killed in riots in"
        " Dorvale on Monday, the Dorvale Observatory said.",
        # one source rounds its own figure
        "At least six people were killed in riots in Dorvale on Monday, the Dorvale"
        " Observatory said.\n\nThe observatory said police had fired on protesters, killing"
        ' "six people".',
        # the report tells its own figure twice
        "At least six people were killed in riots in Dorvale on Monday.\n\nBesides the six"
        " dead, 15 people were wounded.",
    ],
)
def test_a_figure_told_again_by_the_same_voice_or_a_headline_is_one_claim(text: str) -> None:
    assert [v for v, _, _ in told(text, "en")] == [6]


def test_title_lines_are_the_lines_with_no_closing_stop() -> None:
    text = "Six dead after riots\n\nAt least six people died.\n- A writer\n"
    assert [text[a:b] for a, b in title_lines(text)] == ["Six dead after riots", "- A writer"]
