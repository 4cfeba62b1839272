"""Monotone passage alignment. Texts are INVENTED."""

from __future__ import annotations

from wartrace.link.align import align, align_same_language, align_translation
from wartrace.link.anchors import Passage


def passage(*anchors: str, words: int = 20, quotes: int = 0) -> Passage:
    return Passage(start=0, end=1, anchors=tuple(anchors), quotes=quotes, words=words)


def test_dropped_and_added_passages_are_found() -> None:
    source = [
        passage("n:27", "p:tlhr"),
        passage("p:brgd", "n:137", "n:11"),
        passage("p:rdn", "p:md", "w:7"),  # the commander's death
        passage("p:mdn", "p:lbkm"),
    ]
    derived = [
        passage("n:27", "p:tlhr"),
        passage("p:brgd", "n:137", "n:11"),
        passage("p:mdn", "p:lbkm"),
        passage("a:wa", words=6),  # a credit line
    ]
    result = align_translation(source, derived)
    assert [(p[0], p[2]) for p in result.pairs] == [(0, 0), (1, 1), (3, 2)]
    assert result.omitted == [2]
    assert result.added == [3]


def test_alignment_is_monotone() -> None:
    source = [passage("n:11", "n:12"), passage("n:21", "n:22")]
    derived = [passage("n:21", "n:22"), passage("n:11", "n:12")]
    result = align_translation(source, derived)
    assert len(result.pairs) == 1  # crossing pairs are impossible


def test_merged_paragraphs_align_as_a_block() -> None:
    source = [passage("n:20", "p:bll"), passage("n:10", "p:dr")]
    derived = [passage("n:20", "p:bll", "n:10", "p:dr", words=40)]
    result = align_translation(source, derived)
    assert result.pairs and result.pairs[0][:4] == (0, 2, 0, 1)
    assert result.omitted == [] and result.added == []


def test_same_language_alignment_on_wording() -> None:
    source = [
        "The convoy left the base before dawn on the northern road.",
        "Officials gave no figure for the wounded at the scene.",
        "A second convoy was stopped at the river crossing later.",
    ]
    derived = [
        "The convoy left the base before dawn on the northern road, witnesses said.",
        "A second convoy was stopped at the river crossing later in the day.",
    ]
    result = align_same_language(source, derived)
    assert [(p[0], p[2]) for p in result.pairs] == [(0, 0), (2, 1)]
    assert result.omitted == [1]


def test_empty_sides() -> None:
    result = align(0, 3, lambda *_: 1.0)
    assert result.pairs == [] and result.added == [0, 1, 2]
