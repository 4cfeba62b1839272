"""A picture's caption (a line opened by "Image:" or ending in a photo credit) tells what the
picture shows, often a file photo: its acts and days are not the report's.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

from functools import partial

import typing_helpers
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import caption_paragraphs, split_sentences

run = partial(typing_helpers.run, published="2021-03-10")


def captions(text: str, lang: str = "en") -> set[int]:
    data = load_language(lang)
    assert data is not None
    return caption_paragraphs(split_sentences(text, lang), data.caption_labels)


def test_lines_opened_by_a_label_or_ending_in_a_credit_are_captions() -> None:
    text = (
        "Image: Rescuers search the rubble in Hollin, March 9, 2021. REUTERS/Stringer\n\n"
        "Soldiers patrol a street in Hollin. (AP Photo/Jane Roe)\n\n"
        "Troops on the road to Hollin. WIRENEWS/John Smith\n\n"
        "Gunmen killed 5 people in Hollin on Tuesday, police said."
    )
    assert captions(text) == {0, 1, 2}


def test_a_credit_in_indonesian_marks_a_caption() -> None:
    text = (
        "Tentara bertempur melawan pemberontak. (Foto: dok. Kantor Berita)\n\n"
        "Kelompok bersenjata menyerang pos polisi di Kota Lembayung pada Selasa (9/3)."
    )
    assert captions(text, "id") == {0}


def test_a_report_sentence_is_no_caption() -> None:
    text = (
        "Gunmen killed 5 people in Hollin on Tuesday (local time), police said.\n\n"
        "Police: the attackers fled."
    )
    assert captions(text) == set()


def test_a_captions_day_and_act_are_not_the_reports() -> None:
    text = (
        "Dozens buried in rubble after air strike in Hollin\n\n"
        "Image: Rescuers search for bodies after clashes in Hollin, March 9, 2021. "
        "REUTERS/Stringer\n\n"
        "An air strike destroyed three buildings in Hollin last Friday, killing 20 civilians, "
        "officials said on Wednesday."
    )
    events = run(text)
    assert len(events) == 1
    assert events[0].event_date == "2021-03-05"
    assert events[0].sub_event_type == "Air/drone strike"


def test_a_slash_between_group_names_ending_a_report_is_no_photo_credit() -> None:
    text = (
        "Around 2 May 2021, the army shelled positions of the Red Hand in Varo. "
        "56 RH/NLF fighters were killed."
    )
    assert len(run(text)) == 1
