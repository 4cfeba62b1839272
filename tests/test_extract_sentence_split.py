"""Sentence splitting without spaCy pipelines: the same sentences as spaCy's sentencizer.

Texts are invented.
"""

from __future__ import annotations

import pytest

from wartrace.extract.sentences import _TERMINALS, split_sentences

spacy = pytest.importorskip("spacy")
from spacy.pipeline.sentencizer import Sentencizer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from wartrace.extract.sentences import _PRE  # noqa: E402

TEXTS = [
    "Gunmen attacked a post on Monday. Three soldiers died! Was it planned? Nobody knows...",
    'He said: "They fled." Then the army arrived. The U.S. embassy said nothing.',
    "Des hommes armés ont tué 3 soldats. « C'est grave ! » a dit le maire. Fin.",
    "Kelompok bersenjata menyerang pos TNI. Dua prajurit tewas, kata polisi. Warga mengungsi.",
    "قتل ثلاثة جنود في هجوم. وقال مسؤول محلي إن المهاجمين فروا؟ نعم۔ انتهى",
    "Figures: 1.5 million people, 3,200 homes (see p. 4). Another sentence!!! And ... more",
    "No final mark at all in this line",
    "?!. leading marks. Then words.",
]


def spacy_sentences(text: str) -> list[str]:
    nlp = spacy.blank("xx")
    marks = list(_PRE.finditer(text))
    words = [m.group() for m in marks]
    spaces = [
        k + 1 < len(marks) and marks[k].end() < marks[k + 1].start() for k in range(len(marks))
    ]
    doc = Sentencizer()(Doc(nlp.vocab, words=words, spaces=spaces))
    return [text[marks[s.start].start() : marks[s.end - 1].end()] for s in doc.sents]


def test_sentence_final_marks_are_spacys() -> None:
    assert set(Sentencizer.default_punct_chars) == _TERMINALS


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_match_spacys_sentencizer(text: str) -> None:
    ours = [s.text for s in split_sentences(text, "en")]
    assert ours == spacy_sentences(text)


def test_sentences_keep_offsets_into_the_text() -> None:
    text = "Line one. Still one? Yes.\n\nSecond paragraph here."
    for s in split_sentences(text, "en"):
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in split_sentences(text, "en")] == [0, 0, 0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "Police found one .303 rifle and two mortar shells in the house.",
        "The militia fired a .50 calibre machine gun at the post on Monday.",
    ],
)
def test_a_number_written_from_its_dot_ends_no_sentence(text: str) -> None:
    # invented: a calibre written without its leading zero (".303") is a number
    assert [s.text for s in split_sentences(text, "en")] == [text]
