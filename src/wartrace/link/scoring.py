"""Is one of two articles made from the other, and how: the scores of a candidate pair.

Same language: MinHash containment of the word 3-grams (for short texts the wording many
other short texts share is discounted, and aligned passages must not swap names, figures or
dates). Other languages: the IDF-weighted longest common subsequence of anchors (translations
keep figures, dates and names in order) over the smaller side's anchor weight, then parallel
structure: the passage alignment covers the lead of both texts, the figures are kept and
quoted speech stays quoted. A text that names the other's outlet as its source passes on a
looser share.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from wartrace.link.align import (
    Alignment,
    align_translation,
    anchor_weight,
)
from wartrace.link.anchors import Passage
from wartrace.link.index import (
    SHORT_TEXT_WORDS,
    Indexed,
    chunked,
    clean_text,
    containment,
    shingle_hash,
    shingle_set,
)
from wartrace.store import db

SAME_LANG_MIN = 0.3  # containment of 3-grams: a rewrite keeps a third of its source's wording
COPY_CONTAINMENT = 0.9
# A copy or rewrite keeps the names, figures and dates of the passages it kept: at most this
# (IDF-weighted) share of them may differ on both sides. Two short notes written on one
# template ("On 9 May 2020, X clashed with Y in Z") share most words, not places and figures.
SAME_LANG_SWAPPED = 0.1
# A short rewrite keeps most of its source's own wording (template 3-grams discounted).
SHORT_REWRITE_MIN = 0.75
# A translation keeps its source's figures: this share of the distinct figures of the side
# that has fewer (when it has at least MIN_FIGURES). Two reports of one attack from the same
# wire facts share the toll but differ in the other figures they give (measured on dev/world).
FIGURES_KEPT = 0.6
MIN_FIGURES = 2
# A translation keeps, in order, this share of the smaller side's (IDF-weighted) anchors,
# with at least this much weight (tiers tried in order). One tier since quotes_dropped guards
# precision: a stricter short-text tier (0.45) only cost short translations (measured on dev).
TRANSLATION_TIERS = ((0.32, 8.0),)
# A text that names the other's outlet ("as reported by Reuters", a credit line) says it was
# made from that outlet's report: then a looser rendering (a translation that summarises, a
# rewrite in its own words) is enough, as long as the lead, the figures and the quotes hold.
CREDITED_TIERS = ((0.2, 8.0),)
CREDITED_SAME_LANG_MIN = 0.2  # 3-gram containment of a credited same-language rewrite
# The lead: a derived article renders its source's opening; sharing only a later (background)
# passage is two stories reusing one wire paragraph, not a translation.
LEAD_PASSAGES = 3
LEAD_MIN_WORDS = 15  # shorter lines are headlines, bylines and captions
STRONG = ("n:", "d:", "a:", "p:")


@dataclass(frozen=True, slots=True)
class PairScore:
    relation: str  # copy | rewrite | translation | same_story
    score: float  # derivation confidence in [0, 1]; for same_story, the strength of the tie


# --- candidates and scores --------------------------------------------------------------


def strong_sequence(items: Sequence[Passage]) -> list[str]:
    return [a for p in items for a in p.anchors if a.startswith(STRONG)]


def weighted_lcs(x: Sequence[str], y: Sequence[str], w: dict[str, float]) -> float:
    """Longest common subsequence of two anchor sequences, each anchor counted by weight."""
    common = set(x) & set(y)
    x = [a for a in x if a in common]  # anchors the other side lacks cannot be in the LCS
    y = [a for a in y if a in common]
    prev = [0.0] * (len(y) + 1)
    for a in x:
        cur = [0.0]
        wa = w[a]
        for j, b in enumerate(y):
            cur.append(prev[j] + wa if a == b else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def anchor_weights(
    conn: sqlite3.Connection, anchors: Iterable[str], total: int
) -> dict[str, float]:
    """Kind weight x IDF over the indexed articles: an anchor every report shares says little."""
    names = sorted(set(anchors))
    df: dict[str, int] = {}
    for chunk in chunked(names, 500):
        marks = ",".join("?" * len(chunk))
        df.update(
            (r[0], int(r[1]))
            for r in conn.execute(
                f"SELECT anchor, n FROM link_anchor_df WHERE anchor IN ({marks})",
                tuple(chunk),
            )
        )
    n = max(total, 1)
    return {a: anchor_weight(a) * math.log(1 + n / max(1, df.get(a, 1))) for a in names}


def one_language(a: Indexed, b: Indexed) -> bool:
    """Whether two texts are in one language: labelled so, or sharing a rewrite's share of
    their word 3-grams (``SAME_LANG_MIN``) whatever the labels say, since language ID misreads
    short texts (an English note read as Tagalog). A translation shares almost none: at most
    0.14 between the cross-language pairs of the dev corpus (English quotes in Indonesian)."""
    if a.language and b.language and a.language == b.language:
        return True
    return containment(a, b) >= SAME_LANG_MIN


def dates_disagree(a: Indexed, b: Indexed) -> bool:
    """Both texts write out calendar dates (day and month) and share none. A short note is the
    coded account of one incident on one day: two notes on one template for different days
    tell two incidents (ACLED codes each day of a multi-day attack as its own event), however
    much wording they share; a copy keeps its source's date."""
    x = {t for p in a.passages for t in p.anchors if t.startswith("d:")}
    y = {t for p in b.passages for t in p.anchors if t.startswith("d:")}
    return bool(x) and bool(y) and not x & y


def with_exact_shingles(
    conn: sqlite3.Connection,
    a: Indexed,
    b: Indexed,
    known: dict[str, frozenset[int]] | None = None,
) -> tuple[Indexed, Indexed]:
    """A same-language pair where only one text is short: the long one's exact 3-grams are
    read from its text (rare, so they are not indexed) for the template-aware test.
    ``known``: the 3-grams of long texts already read (a long text is a candidate of many
    short ones)."""
    if not one_language(a, b) or bool(a.short_shingles) == bool(b.short_shingles):
        return a, b
    long_one = b if a.short_shingles else a
    hashes = None if known is None else known.get(long_one.article_id)
    if hashes is None:
        row = db.load_article(conn, long_one.article_id)
        hashes = frozenset(
            shingle_hash(x) for x in shingle_set(clean_text(row["raw_text"], row["boilerplate"]))
        )
        if known is not None:
            known[long_one.article_id] = hashes
    full = replace(long_one, short_shingles=hashes)
    return (a, full) if a.short_shingles else (full, b)


class LazyCounts(Mapping[int, int]):
    """``shingle_df`` of a pair, read from the store only when asked: most candidate pairs
    are decided before their template wording is weighed (``template_containment``)."""

    def __init__(self, conn: sqlite3.Connection, a: Indexed, b: Indexed) -> None:
        self._args = (conn, a, b)
        self._counts: dict[int, int] | None = None

    def _loaded(self) -> dict[int, int]:
        if self._counts is None:
            self._counts = shingle_df(*self._args)
        return self._counts

    def __getitem__(self, key: int) -> int:
        return self._loaded()[key]

    def get(self, key: int, default: int | None = None) -> int | None:  # type: ignore[override]
        return self._loaded().get(key, default)

    def __iter__(self) -> Iterator[int]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def shingle_df(conn: sqlite3.Connection, a: Indexed, b: Indexed) -> dict[int, int]:
    """In how many indexed short texts each 3-gram of two short same-language texts occurs
    (empty for other pairs)."""
    if not one_language(a, b) or not a.short_shingles or not b.short_shingles:
        return {}
    hashes = sorted(a.short_shingles | b.short_shingles)
    marks = ",".join("?" * len(hashes))
    return {
        int(h): int(n)
        for h, n in conn.execute(f"SELECT h, n FROM link_shingle_df WHERE h IN ({marks})", hashes)
    }


def translation_evidence(a: Indexed, b: Indexed, w: dict[str, float]) -> tuple[float, float]:
    """(share, weight) of the smaller side's anchor weight that the other has in the same order."""
    x, y = strong_sequence(a.passages), strong_sequence(b.passages)
    if not x or not y:
        return 0.0, 0.0
    kept = weighted_lcs(x, y, w)
    smaller = min(sum(w[t] for t in x), sum(w[t] for t in y))
    return (kept / smaller if smaller else 0.0), kept


def swapped_share(al: Alignment, a: Indexed, b: Indexed, w: dict[str, float]) -> float:
    """The (IDF-weighted) share of the aligned passages' names, figures and dates that both
    sides of an aligned pair lack on the other. A copy, or an edit that trims or merges
    paragraphs, leaves one side of each pair lacking nothing; two notes written on one
    template swap the place, the toll or the date, so both lack something. 1.0 when nothing
    aligns."""
    if not al.pairs:
        return 1.0
    swapped = total = 0.0
    for i0, i1, j0, j1, _ in al.pairs:
        x = Counter(t for p in a.passages[i0:i1] for t in p.anchors if not t.startswith("w:"))
        y = Counter(t for p in b.passages[j0:j1] for t in p.anchors if not t.startswith("w:"))
        lacks = [sum(w.get(t, 1.0) * n for t, n in (m - o).items()) for m, o in ((x, y), (y, x))]
        sizes = [sum(w.get(t, 1.0) * n for t, n in m.items()) for m in (x, y)]
        k = 0 if lacks[0] * sizes[1] <= lacks[1] * sizes[0] else 1  # the side lacking less
        swapped += lacks[k]
        total += sizes[k]
    return swapped / total if total else 0.0


def figures_kept(a: Indexed, b: Indexed) -> float | None:
    """Share of the distinct figures (n: anchors) of the side with fewer that the other has;
    None when that side gives fewer than ``MIN_FIGURES``."""
    x = {t for p in a.passages for t in p.anchors if t.startswith("n:")}
    y = {t for p in b.passages for t in p.anchors if t.startswith("n:")}
    small, other = (x, y) if len(x) <= len(y) else (y, x)
    if len(small) < MIN_FIGURES:
        return None
    return len(small & other) / len(small)


def template_containment(a: Indexed, b: Indexed, df: Mapping[int, int]) -> float:
    """Containment of the smaller side's word 3-grams, each weighted by 1 / (1 + the number
    of OTHER indexed short texts that have it): the wording of a template ("On 9 May 2020,
    ... protested demanding ...") that many notes share counts little, what only these two
    share counts fully."""
    x, y = a.short_shingles, b.short_shingles
    if not x or not y:
        return 1.0  # no exact 3-grams kept (a long text): the MinHash estimate decides
    small, other = (x, y) if len(x) <= len(y) else (y, x)
    total = shared = 0.0
    for h in small:
        inside = 2 if h in other else 1
        weight = 1.0 / (1 + max(0, df.get(h, inside) - inside))
        total += weight
        shared += weight if inside == 2 else 0.0
    return shared / total if total else 0.0


def same_language_pair(
    a: Indexed,
    b: Indexed,
    c: float,
    w: dict[str, float],
    df: Mapping[int, int],
    credited: Callable[[], bool] = lambda: False,
) -> PairScore | None:
    """Copy, rewrite, same story or nothing, for two texts in one language with 3-gram
    containment ``c``. Short texts are where a template dominates the wording: there the
    wording left once the template is discounted must still be mostly shared, and the
    aligned passages must not swap names, figures or dates (that is another incident).
    A rewrite in its own words that credits the other's outlet is one when it keeps the
    other's structure (lead, figures and quotes, anchors in order) as a translation would."""
    if c < SAME_LANG_MIN:
        evidence = translation_evidence(a, b, w)
        if c < CREDITED_SAME_LANG_MIN or not passes(evidence, CREDITED_TIERS) or not credited():
            return None
        found = parallel_structure(a, b, evidence)
        return PairScore("rewrite", found.score) if found.relation == "translation" else None
    short = min(sum(p.words for p in a.passages), sum(p.words for p in b.passages))
    if short > SHORT_TEXT_WORDS:
        return PairScore("copy" if c >= COPY_CONTAINMENT else "rewrite", c)
    if dates_disagree(a, b):
        return None
    if swapped_share(align_translation(a.passages, b.passages), a, b, w) > SAME_LANG_SWAPPED:
        return None
    own = template_containment(a, b, df)
    if own < SHORT_REWRITE_MIN:
        return PairScore("same_story", round(own, 3))
    return PairScore("copy" if c >= COPY_CONTAINMENT else "rewrite", min(c, own))


def score_pair(
    a: Indexed,
    b: Indexed,
    w: dict[str, float],
    shingle_counts: Mapping[int, int] | None = None,
    credited: Callable[[], bool] = lambda: False,
) -> PairScore | None:
    """Is one of the two derived from the other, and how? ``same_story`` when they tell the
    same facts without one being made from the other; None when neither. ``credited`` says
    (it is only asked when needed: it reads both texts) whether one text names the other's
    outlet as its source."""
    if one_language(a, b):
        counts = {} if shingle_counts is None else shingle_counts
        return same_language_pair(a, b, containment(a, b), w, counts, credited)
    evidence = translation_evidence(a, b, w)
    if not passes(evidence, TRANSLATION_TIERS) and not (
        passes(evidence, CREDITED_TIERS) and credited()
    ):
        return None
    return parallel_structure(a, b, evidence)


def passes(evidence: tuple[float, float], tiers: Sequence[tuple[float, float]]) -> bool:
    share, kept = evidence
    return any(share >= low and kept >= weight for low, weight in tiers)


def parallel_structure(a: Indexed, b: Indexed, evidence: tuple[float, float]) -> PairScore:
    """Two texts whose anchors are kept in order (``evidence``: share and weight): a
    ``translation`` when one renders the other (the leads of both aligned, the figures kept,
    quoted speech kept as such), else ``same_story`` (two reports of the same facts)."""
    share = evidence[0]
    al = align_translation(a.passages, b.passages)
    if not leads_covered(al, a.passages, b.passages):
        return PairScore("same_story", round(share, 3))
    figures = figures_kept(a, b)
    if quotes_dropped(al, a.passages, b.passages) or (
        figures is not None and figures < FIGURES_KEPT
    ):
        return PairScore("same_story", round(share, 3))
    return PairScore("translation", translation_confidence(share, figures))


def translation_confidence(share: float, figures: float | None) -> float:
    """Confidence of a translation that passed the structural tests: the anchor share kept in
    order, raised when every figure survived (a translation keeps them all)."""
    bonus = 0.0 if figures is None else 0.2 * (figures - FIGURES_KEPT) / (1 - FIGURES_KEPT)
    return round(min(1.0, share + bonus), 3)


def lead_indices(items: Sequence[Passage], count: int = LEAD_PASSAGES) -> list[int]:
    """The first body passages that carry a strong anchor: the opening of the story.
    Headlines, bylines and captions (short lines) are skipped when the text has a body."""
    anchored = [i for i, p in enumerate(items) if any(a.startswith(STRONG) for a in p.anchors)]
    body = [i for i in anchored if items[i].words >= LEAD_MIN_WORDS]
    return (body or anchored)[:count]


def leads_aligned(x: Sequence[Passage], y: Sequence[Passage]) -> bool:
    """Whether the alignment of two texts covers the lead of both (either may be the source)."""
    return leads_covered(align_translation(x, y), x, y)


def leads_covered(al: Alignment, x: Sequence[Passage], y: Sequence[Passage]) -> bool:
    """Whether an alignment of ``x`` with ``y`` covers the lead of both."""
    used_x = {k for p in al.pairs for k in range(p[0], p[1])}
    used_y = {k for p in al.pairs for k in range(p[2], p[3])}
    lead_x, lead_y = lead_indices(x), lead_indices(y)
    return (not lead_x or bool(used_x.intersection(lead_x))) and (
        not lead_y or bool(used_y.intersection(lead_y))
    )


def quotes_dropped(al: Alignment, x: Sequence[Passage], y: Sequence[Passage]) -> bool:
    """Whether one side quotes someone in an aligned passage while the other text has no
    quotation mark at all: a translation keeps quoted speech as quoted speech (the quotes
    may move to a neighbouring paragraph, so the other side is checked as a whole), while
    two independent reports of one event often differ in whom they quote."""
    quoted_x = any(sum(p.quotes for p in x[i0:i1]) for i0, i1, _, _, _ in al.pairs)
    quoted_y = any(sum(p.quotes for p in y[j0:j1]) for _, _, j0, j1, _ in al.pairs)
    has_x = any(p.quotes for p in x)
    has_y = any(p.quotes for p in y)
    return (quoted_x and not has_y) or (quoted_y and not has_x)
