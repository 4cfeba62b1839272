"""Monotone alignment of the passages of two articles, and what each side left out.

A translation or an edited copy keeps the order of its source's paragraphs, so
a dynamic-programming alignment (like Needleman-Wunsch with free gaps) over
passage pairs finds which source passages were kept, which were dropped and
which were added. Cross-language pairs are scored on shared anchors (numbers,
dates, names) and length ratio; same-language pairs on shared word bigrams.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from wartrace.link.anchors import Passage, fold

ANCHOR_WEIGHT = {"n": 1.0, "d": 1.5, "a": 1.0, "p": 1.0, "w": 0.6, "s": 0.3}
MIN_PAIR_SCORE = 0.2  # below this two passages are not counted as one rendered as the other
TOKEN_RE = re.compile(r"\w+")

PairScore = Callable[[int, int, int, int], float]  # source [i0, i1), derived [j0, j1)
MAX_BLOCK = 3  # a translator may merge or split up to three paragraphs
# The step into a cell of the alignment table: none (the corner), a source passage left out
# (down), a derived passage added (across), one passage to one, a merged block.
_NONE, _DOWN, _ACROSS, _ONE, _MERGED = range(5)


@dataclass(frozen=True, slots=True)
class Alignment:
    # (source start, source end, derived start, derived end, score): passage index ranges,
    # one side a single passage, the other up to MAX_BLOCK consecutive ones.
    pairs: list[tuple[int, int, int, int, float]]
    omitted: list[int]  # source passages with no counterpart
    added: list[int]  # derived passages with no counterpart


def anchor_weight(anchor: str) -> float:
    return ANCHOR_WEIGHT.get(anchor.partition(":")[0], 1.0)


def weight(anchors: Sequence[str] | Counter[str]) -> float:
    items = anchors.elements() if isinstance(anchors, Counter) else anchors
    return sum(map(anchor_weight, items))


def shared_weight(a: Sequence[str], b: Sequence[str]) -> float:
    common = Counter(a) & Counter(b)
    return weight(common)


def length_ok(a: Passage, b: Passage, low: float = 0.4, high: float = 2.5) -> bool:
    ratio = (a.words + 1) / (b.words + 1)
    return low <= ratio <= high


def cross_language_score(a: Passage, b: Passage) -> float:
    """Dice overlap of anchor weights, damped when the lengths cannot match."""
    total = weight(a.anchors) + weight(b.anchors)
    if total == 0:
        # Paragraphs without figures or names: only their length speaks.
        return 0.1 if length_ok(a, b, 0.6, 1.7) and min(a.words, b.words) >= 5 else 0.0
    score = 2 * shared_weight(a.anchors, b.anchors) / total
    if a.quotes and b.quotes:
        score += 0.1
    if not length_ok(a, b):
        score *= 0.5
    return min(score, 1.0)


def bigrams(text: str) -> set[tuple[str, str]]:
    tokens = [fold(t) for t in TOKEN_RE.findall(text)]
    return set(pairwise(tokens))


def same_language_score(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def align(
    n: int,
    m: int,
    score: PairScore,
    min_score: float = MIN_PAIR_SCORE,
    linked: Sequence[Sequence[bool]] | None = None,
    single: Sequence[Sequence[float]] | None = None,
) -> Alignment:
    """Best monotone alignment of n source and m derived passages (free gaps, 1:k and k:1).
    ``linked[i][j]``: whether source passage i and derived passage j are linked at all;
    when given, ``score`` of a merged block must fall below ``min_score`` unless each of its
    passages is linked with the one passage on the other side, and such blocks are not
    scored (most are not: scoring them was most of the cost). ``single[i][j]``: when given,
    ``score(i, i + 1, j, j + 1)`` computed beforehand."""
    blocks = _block_shapes()[1:]  # (1, 1) is scored on its own
    down, across = _linked_runs(n, m, linked)
    if single is None:
        single = [[score(i, i + 1, j, j + 1) for j in range(m)] for i in range(n)]
    # The table of best scores, and of the step into each cell as a code (no tuple per cell:
    # the loop below is most of an alignment's cost); a merged block's step is kept aside.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[_NONE] * (m + 1) for _ in range(n + 1)]
    merged: dict[tuple[int, int], tuple[int, int, float]] = {}
    first = best[0]
    for j in range(1, m + 1):  # along the first row only a gap in the source can come
        if first[j - 1] > -1.0:
            first[j], back[0][j] = first[j - 1], _ACROSS
        else:
            first[j] = -1.0
    for i in range(1, n + 1):
        row, above, steps = best[i], best[i - 1], back[i]
        scores, runs_down, runs_across = single[i - 1], down[i], across[i]
        # Down the first column only a gap in the derived text can come.
        if above[0] > -1.0:
            row[0], steps[0] = above[0], _DOWN
        else:
            row[0] = -1.0
        for j in range(1, m + 1):
            # The order of the tests is the order of preference between equal scores.
            value, step = -1.0, _NONE
            if above[j] > value:
                value, step = above[j], _DOWN
            if row[j - 1] > value:
                value, step = row[j - 1], _ACROSS
            # One passage to one first (the first of the shapes), then merged blocks,
            # only where their passages are linked.
            s = scores[j - 1]
            if s >= min_score and above[j - 1] + s > value:
                value, step = above[j - 1] + s, _ONE
            linked_down, linked_across = runs_down[j], runs_across[j]
            if linked_down > 1 or linked_across > 1:
                for di, dj in blocks:
                    if di > i or dj > j:
                        continue
                    if (di > 1 and linked_down < di) or (dj > 1 and linked_across < dj):
                        continue
                    s = score(i - di, i, j - dj, j)
                    if s >= min_score and best[i - di][j - dj] + s * max(di, dj) > value:
                        value, step = best[i - di][j - dj] + s * max(di, dj), _MERGED
                        merged[i, j] = (i - di, j - dj, s)
            row[j], steps[j] = value, step
    pairs: list[tuple[int, int, int, int, float]] = []
    i, j = n, m
    while (i > 0 or j > 0) and back[i][j] != _NONE:
        step = back[i][j]
        if step == _DOWN:
            pi, pj, s = i - 1, j, -1.0
        elif step == _ACROSS:
            pi, pj, s = i, j - 1, -1.0
        elif step == _ONE:
            pi, pj, s = i - 1, j - 1, single[i - 1][j - 1]
        else:
            pi, pj, s = merged[i, j]
        if s >= 0:
            pairs.append((pi, i, pj, j, s))
        i, j = pi, pj
    pairs.reverse()
    used_src = {k for p in pairs for k in range(p[0], p[1])}
    used_der = {k for p in pairs for k in range(p[2], p[3])}
    return Alignment(
        pairs=pairs,
        omitted=[k for k in range(n) if k not in used_src],
        added=[k for k in range(m) if k not in used_der],
    )


def _linked_runs(
    n: int, m: int, linked: Sequence[Sequence[bool]] | None
) -> tuple[list[list[int]], list[list[int]]]:
    """For the cell (i, j) of the alignment table: how many linked pairs end at source
    passage i-1 down derived column j-1 (``down``) and along source row i-1 (``across``),
    at most MAX_BLOCK; every block allowed when nothing says what is linked."""
    if linked is None:
        full = [[MAX_BLOCK] * (m + 1) for _ in range(n + 1)]
        return full, full
    down = [[0] * (m + 1) for _ in range(n + 1)]
    across = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row = linked[i - 1]
        for j in range(1, m + 1):
            if row[j - 1]:
                down[i][j] = min(down[i - 1][j] + 1, MAX_BLOCK)
                across[i][j] = min(across[i][j - 1] + 1, MAX_BLOCK)
    return down, across


def _block_shapes() -> list[tuple[int, int]]:
    return (
        [(1, 1)]
        + [(k, 1) for k in range(2, MAX_BLOCK + 1)]
        + [(1, k) for k in range(2, MAX_BLOCK + 1)]
    )


def merge_passages(items: Sequence[Passage]) -> Passage:
    return Passage(
        start=items[0].start,
        end=items[-1].end,
        anchors=tuple(a for p in items for a in p.anchors),
        quotes=sum(p.quotes for p in items),
        words=sum(p.words for p in items),
    )


def align_translation(source: Sequence[Passage], derived: Sequence[Passage]) -> Alignment:
    # Which passage pairs share an anchor, computed once: a merged block needs it of each of
    # its passages with the other side, and most blocks fail it (no merging needed then).
    src_sets = [frozenset(p.anchors) for p in source]
    der_sets = [frozenset(p.anchors) for p in derived]
    shares = [[not x.isdisjoint(y) for y in der_sets] for x in src_sets]
    # Each passage's anchor weight, computed once, not once per pair; its anchor counts only
    # when it shares an anchor with a passage of the other side (few pairs do).
    src_w = [weight(p.anchors) for p in source]
    der_w = [weight(p.anchors) for p in derived]
    src_c: dict[int, Counter[str]] = {}
    der_c: dict[int, Counter[str]] = {}

    def shared(i: int, j: int) -> float:
        """``weight`` of the anchors source passage i and derived passage j share."""
        if i not in src_c:
            src_c[i] = Counter(source[i].anchors)
        if j not in der_c:
            der_c[j] = Counter(derived[j].anchors)
        return weight(src_c[i] & der_c[j])

    def one_to_one(i: int, j: int) -> float:
        """``cross_language_score(source[i], derived[j])``, from the per-passage parts."""
        a, b = source[i], derived[j]
        total = src_w[i] + der_w[j]
        if total == 0:
            return 0.1 if length_ok(a, b, 0.6, 1.7) and min(a.words, b.words) >= 5 else 0.0
        if not shares[i][j] and not (a.quotes and b.quotes):
            return 0.0  # nothing shared, nothing quoted on both sides: no length to weigh
        score = 2 * (shared(i, j) if shares[i][j] else 0) / total
        if a.quotes and b.quotes:
            score += 0.1
        if not length_ok(a, b):
            score *= 0.5
        return min(score, 1.0)

    single = [[one_to_one(i, j) for j in range(len(derived))] for i in range(len(source))]

    def score(i0: int, i1: int, j0: int, j1: int) -> float:
        if i1 - i0 == 1 and j1 - j0 == 1:
            return single[i0][j0]
        # A merged block only counts when every passage in it shares an anchor with the
        # other side; otherwise a credit line would ride along with its neighbour.
        if i1 - i0 > 1 and not all(shares[i][j0] for i in range(i0, i1)):
            return 0.0
        if j1 - j0 > 1 and not all(shares[i0][j] for j in range(j0, j1)):
            return 0.0
        a = source[i0] if i1 - i0 == 1 else merge_passages(source[i0:i1])
        b = derived[j0] if j1 - j0 == 1 else merge_passages(derived[j0:j1])
        return cross_language_score(a, b)

    return align(len(source), len(derived), score, linked=shares, single=single)


def fill_gaps(al: Alignment, source: Sequence[Passage], derived: Sequence[Passage]) -> Alignment:
    """Between two kept pairs, as many source passages left out as derived passages added,
    one by one of comparable length and alike in quoting, are the same passages rendered:
    a translated sentence without a name or figure has no anchor to align on, but its place
    between two aligned neighbours tells. Gaps at either end are left as they are (a
    headline, a caption, a cut page)."""
    filled = list(al.pairs)
    for before, after in pairwise(al.pairs):
        src, der = range(before[1], after[0]), range(before[3], after[2])
        if not src or len(src) != len(der):
            continue
        if all(
            length_ok(source[i], derived[j], 0.5, 2.0)
            and bool(source[i].quotes) == bool(derived[j].quotes)
            for i, j in zip(src, der, strict=True)
        ):
            filled += [(i, i + 1, j, j + 1, 0.0) for i, j in zip(src, der, strict=True)]
    if len(filled) == len(al.pairs):
        return al
    filled.sort()
    used_src = {k for p in filled for k in range(p[0], p[1])}
    used_der = {k for p in filled for k in range(p[2], p[3])}
    return Alignment(
        pairs=filled,
        omitted=[k for k in al.omitted if k not in used_src],
        added=[k for k in al.added if k not in used_der],
    )


def align_same_language(source_texts: Sequence[str], derived_texts: Sequence[str]) -> Alignment:
    src = [bigrams(t) for t in source_texts]
    der = [bigrams(t) for t in derived_texts]
    # Bigrams each passage pair shares, counted once (a merged block needs two of each).
    common = [[len(x & y) for y in der] for x in src]

    def score(i0: int, i1: int, j0: int, j1: int) -> float:
        if i1 - i0 > 1 and any(common[i][j0] < 2 for i in range(i0, i1)):
            return 0.0
        if j1 - j0 > 1 and any(common[i0][j] < 2 for j in range(j0, j1)):
            return 0.0
        if i1 - i0 == 1 and j1 - j0 == 1:
            a, b = src[i0], der[j0]
            return 2 * common[i0][j0] / (len(a) + len(b)) if a and b else 0.0
        a = src[i0] if i1 - i0 == 1 else set().union(*src[i0:i1])
        b = der[j0] if j1 - j0 == 1 else set().union(*der[j0:j1])
        return same_language_score(a, b)

    linked = [[c >= 2 for c in row] for row in common]
    single = [
        [2 * c / (len(a) + len(b)) if a and b else 0.0 for c, b in zip(row, der, strict=True)]
        for row, a in zip(common, src, strict=True)
    ]
    return align(len(src), len(der), score, 0.3, linked, single)
