"""Monotone passage alignment. Texts are INVENTED."""

from __future__ import annotations

import random
from functools import partial

from wartrace.link.align import (
    align,
    align_same_language,
    align_translation,
    cross_language_score,
    fill_gaps,
    merge_passages,
)
from wartrace.link.anchors import GLUED_LINE_WORDS, Passage, passages


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


# Invented: an English wire paragraph quoting a commander with no name or figure in the
# quote, and its Indonesian rendering between two anchored neighbours.
WIRE_EN = "\n\n".join(
    [
        "Gunmen killed 14 soldiers near Kupang Lama on Saturday (14/10/2017), officials said.",
        "\u201cWe were taken by surprise and could not hold the line,\u201d an officer said.",
        "Colonel Yohanes Rendeng said 23 more soldiers were wounded in the Kupang Lama attack.",
    ]
)
WIRE_ID = "\n\n".join(
    [
        "Orang bersenjata menewaskan 14 tentara dekat Kupang Lama pada Sabtu (14/10/2017).",
        "\u201cKami diserang tiba-tiba dan tidak bisa bertahan lama,\u201d kata seorang perwira.",
        "Kolonel Yohanes Rendeng mengatakan 23 tentara lainnya terluka dalam serangan itu.",
    ]
)


def test_an_anchorless_passage_between_two_aligned_neighbours_is_kept() -> None:
    src, der = passages(WIRE_EN, "en"), passages(WIRE_ID, "id")
    bare = align_translation(src, der)
    assert bare.omitted == [1] and bare.added == [1]  # no anchor to align the quote on
    filled = fill_gaps(bare, src, der)
    assert [(p[0], p[2]) for p in filled.pairs] == [(0, 0), (1, 1), (2, 2)]
    assert filled.omitted == [] and filled.added == []


def test_gaps_at_either_end_or_of_unlike_passages_stay_open() -> None:
    source = [passage("n:27"), passage(words=20), passage("n:11"), passage(words=20)]
    derived = [passage("n:27"), passage(words=20, quotes=2), passage("n:11"), passage(words=20)]
    filled = fill_gaps(align_translation(source, derived), source, derived)
    assert filled.omitted == [1, 3]  # a quote does not render an unquoted passage; tail open
    assert filled.added == [1, 3]
    short = [passage("n:27"), passage(words=4), passage("n:11")]
    assert fill_gaps(align_translation(source[:3], short), source[:3], short).omitted == [1]


# Invented: an English wire story whose line breaks were lost (one line, sentences glued), and
# its Indonesian rendering in paragraphs.
GLUED_EN = "".join(
    [
        "Gunmen killed 14 soldiers and wounded 9 others near Kupang Lama in the hills of the "
        "eastern province on Saturday, officials told the Nusantara News Agency.",
        "The attackers came on motorbikes from the direction of Batu Merah and fired on the "
        "checkpoint for nearly two hours before they withdrew into the forest, the officials "
        "said.",
        "Governor Adrianus Loban condemned the attack and promised that the families of the "
        "victims would receive help from the province within the coming week.",
        '"We will find those who did this and bring them before the courts," Loban told '
        "reporters in the provincial capital of Waitobi after visiting the wounded.",
        "Colonel Yohanes Rendeng said 23 more soldiers had been sent to Kupang Lama and that "
        "patrols would continue on the roads around Batu Merah until further notice.",
        "In March, gunmen killed 6 villagers in an attack on a market near Waitobi, and no group "
        "has so far said it carried out either of the two attacks in the province.",
        "Some 1,200 people have fled their homes in the hills since the start of the year, "
        "according to figures from the provincial disaster agency in Waitobi.",
    ]
)
GLUED_ID = "\n\n".join(
    [
        "Orang bersenjata menewaskan 14 tentara dan melukai 9 lainnya di dekat Kupang Lama pada "
        "Sabtu.",
        "Para penyerang datang dengan sepeda motor dari arah Batu Merah.",
        "Gubernur Adrianus Loban mengecam serangan itu.",
        '"Kami akan menemukan pelakunya," kata Loban di Waitobi.',
        "Kolonel Yohanes Rendeng mengatakan 23 tentara lagi dikirim ke Kupang Lama dan Batu Merah.",
        "Pada bulan Maret, orang bersenjata menewaskan 6 warga desa di dekat Waitobi.",
        "Sekitar 1.200 orang mengungsi sejak awal tahun, menurut data badan bencana Waitobi.",
    ]
)


def test_a_text_whose_line_breaks_were_lost_is_cut_into_its_sentences() -> None:
    assert "\n" not in GLUED_EN and len(GLUED_EN.split()) > GLUED_LINE_WORDS
    src, der = passages(GLUED_EN, "en"), passages(GLUED_ID, "id")
    assert len(src) == 7
    assert GLUED_EN[src[1].start : src[1].end].startswith("The attackers came")
    result = fill_gaps(align_translation(src, der), src, der)
    # One passage of the whole line could pair with at most a block of the rendering; the
    # sentences pair with its paragraphs (a short rendering may merge two into a block).
    assert len(result.pairs) >= 5 and result.added == [], result


def test_a_paragraph_of_news_length_stays_one_passage() -> None:
    text = (
        "The U.S. Army said 3 soldiers died near Al-Qaim.Officials in Baghdad gave no figure. "
        "Mr. Hamid Karim said the road was closed."
    )
    assert len(passages(text, "en")) == 1
    long = " ".join([text] * 12)
    cut = [long[p.start : p.end].strip() for p in passages(long, "en")]
    assert cut[:3] == [
        "The U.S. Army said 3 soldiers died near Al-Qaim.",
        "Officials in Baghdad gave no figure.",
        "Mr. Hamid Karim said the road was closed.",
    ]


def _invented_score(
    linked: list[list[bool]], seed: float, i0: int, i1: int, j0: int, j1: int
) -> float:
    """A block scores only when each of its passages is linked with the other side's one
    passage (the contract of ``linked``); the same value whenever it is asked for."""
    cells = [(i, j) for i in range(i0, i1) for j in range(j0, j1)]
    if len(cells) > 1 and not all(linked[i][j] for i, j in cells):
        return 0.0
    pick = random.Random(f"{seed} {i0} {i1} {j0} {j1}")
    return pick.choice([0.0, 0.1, 0.25, 0.5, pick.random()])


def test_skipping_unlinked_blocks_and_given_single_scores_change_no_alignment() -> None:
    # Invented score tables, scored in whichever order each path asks.
    rng = random.Random(7)
    for _ in range(300):
        n, m = rng.randint(0, 9), rng.randint(0, 9)
        linked = [[rng.random() < 0.4 for _ in range(m)] for _ in range(n)]
        score = partial(_invented_score, linked, rng.random())
        single = [[score(i, i + 1, j, j + 1) for j in range(m)] for i in range(n)]
        plain = align(n, m, score)
        fast = align(n, m, score, linked=linked, single=single)
        assert (fast.pairs, fast.omitted, fast.added) == (plain.pairs, plain.omitted, plain.added)


def _plain_translation_score(
    source: list[Passage], derived: list[Passage], i0: int, i1: int, j0: int, j1: int
) -> float:
    """``align_translation``'s score by its definition: the cross-language score of the two
    blocks, a merged block counting only when each of its passages shares an anchor with the
    other side's one passage."""
    cells = [(i, j) for i in range(i0, i1) for j in range(j0, j1)]
    if len(cells) > 1 and any(
        set(source[i].anchors).isdisjoint(derived[j].anchors) for i, j in cells
    ):
        return 0.0
    return cross_language_score(merge_passages(source[i0:i1]), merge_passages(derived[j0:j1]))


def test_translation_alignment_scores_passages_as_defined() -> None:
    # Invented passages: anchors from a small pool (so that some pairs share some, some
    # none), quoted or not, of any length, some without anchors.
    rng = random.Random(11)
    pool = ["n:27", "n:14", "d:14/5", "p:trhr", "p:dzr", "a:brigade", "w:army", "s:x"]

    def invented() -> Passage:
        chosen = rng.sample(pool, rng.randint(0, 3)) * rng.randint(1, 2)
        return passage(*chosen, words=rng.randint(1, 60), quotes=rng.choice([0, 0, 1]))

    for _ in range(300):
        src = [invented() for _ in range(rng.randint(0, 6))]
        der = [invented() for _ in range(rng.randint(0, 6))]
        fast = align_translation(src, der)
        plain = align(len(src), len(der), partial(_plain_translation_score, src, der))
        assert (fast.pairs, fast.omitted, fast.added) == (plain.pairs, plain.omitted, plain.added)
