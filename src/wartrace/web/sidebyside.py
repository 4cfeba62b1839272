"""A translation or copy next to its source, passage by passage, from the linker's alignment.

The alignment (link/align.py, stored in ``articles.alignment``) holds ``pairs``
``[source start, source end, derived start, derived end, score]``, ``omitted`` source
passages ``[start, end, ...]`` and ``added`` derived passages ``[start, end]``, as character
offsets. Rows keep both articles' order: each pair, with what was left out or added
between pairs in its place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

SAME_PASSAGE = 0.8  # word overlap above which a "left out" and an "added" passage are one
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # kept | left out | added | moved
    source: str | None
    derived: str | None
    score: float | None  # how well the pair matched (0-1), for kept passages


@dataclass(frozen=True, slots=True)
class SideBySide:
    rows: list[Row]
    kept: int
    left_out: int
    added: int


def _spans(value: Any, width: int) -> list[tuple[int, ...]]:
    out = []
    for item in value if isinstance(value, list) else []:
        if (
            isinstance(item, list)
            and len(item) >= width
            and all(isinstance(v, int | float) for v in item[:width])
        ):
            out.append(tuple(item))
    return out


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _same(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return a.strip() == b.strip()
    return len(wa & wb) / len(wa | wb) >= SAME_PASSAGE


def side_by_side(raw: str | None, source: str, derived: str) -> SideBySide | None:
    """Rows for the alignment JSON ``raw`` between ``source`` and ``derived`` texts."""
    try:
        data = json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pairs"), list):
        return None
    pairs = sorted(_spans(data.get("pairs"), 4), key=lambda p: (p[0], p[2]))
    omitted = sorted(_spans(data.get("omitted"), 2))
    added = sorted(_spans(data.get("added"), 2))

    def cut(text: str, a: float, b: float) -> str:
        return text[int(a) : int(b)].strip()

    out_texts = [cut(source, o[0], o[1]) for o in omitted]
    add_texts = [cut(derived, d[0], d[1]) for d in added]
    # A passage "left out" of one side and "added" to the other with the same words was not
    # lost: it is the same passage the alignment could not place. Show it once, as moved.
    moved: dict[int, int] = {}
    for i, text in enumerate(out_texts):
        for j, other in enumerate(add_texts):
            if j not in moved.values() and text and _same(text, other):
                moved[i] = j
                break
    moved_added = set(moved.values())

    rows: list[Row] = []
    oi = ai = 0

    def flush(src_limit: float, der_limit: float) -> None:
        nonlocal oi, ai
        while oi < len(omitted) and omitted[oi][0] < src_limit:
            if out_texts[oi]:
                if oi in moved:
                    rows.append(Row("moved", out_texts[oi], add_texts[moved[oi]], None))
                else:
                    rows.append(Row("left out", out_texts[oi], None, None))
            oi += 1
        while ai < len(added) and added[ai][0] < der_limit:
            if add_texts[ai] and ai not in moved_added:
                rows.append(Row("added", None, add_texts[ai], None))
            ai += 1

    for p in pairs:
        flush(p[0], p[2])
        score = float(p[4]) if len(p) > 4 else None
        rows.append(Row("kept", cut(source, p[0], p[1]), cut(derived, p[2], p[3]), score))
    flush(float("inf"), float("inf"))
    return SideBySide(
        rows,
        kept=sum(r.kind in ("kept", "moved") for r in rows),
        left_out=sum(r.kind == "left out" for r in rows),
        added=sum(r.kind == "added" for r in rows),
    )


SIMILARITY_HELP = {
    "translation": (
        "Names, numbers and dates are what a translation keeps: the figure is the weight of"
        " those shared in the same order (rarer ones count more) over the shorter article's"
        " total. 1.00: every one of them reappears, in order."
    ),
    "rewrite": (
        "Share of the shorter article's three-word sequences that the other article also has"
        " (estimated with MinHash). 1.00: the same text; an edited rewrite keeps part of it."
    ),
}


def similarity_help(relation: str | None) -> str:
    return SIMILARITY_HELP.get(relation or "", SIMILARITY_HELP["rewrite"])
