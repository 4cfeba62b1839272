"""Split an article's text into segments, each tagged with the spans that cover it.

Article text is hostile input: it is never turned into markup. The template
writes each segment's text through Jinja2's autoescaping, inside a ``<span>``
whose classes and id come only from this module (never from the text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # css class: claim | evidence | boilerplate | ...
    anchor: str | None = None  # element id for links to this span (e.g. "claim-12")
    note: str | None = None  # tooltip


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # ids of marks that start here
    notes: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(self.kinds)

    @property
    def title(self) -> str:
        return "; ".join(self.notes)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; marks outside the text are clipped or dropped."""
    n = len(text)
    usable = []
    for m in marks:
        start, end = max(0, m.start), min(n, m.end)
        if start < end:
            usable.append(Mark(start, end, m.kind, m.anchor, m.note))
    cuts = sorted({0, n, *(m.start for m in usable), *(m.end for m in usable)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if a == b:
            continue
        covering = [m for m in usable if m.start <= a and b <= m.end]
        kinds = tuple(sorted({m.kind for m in covering}))
        anchors = tuple(m.anchor for m in covering if m.anchor and m.start == a)
        notes = tuple(dict.fromkeys(m.note for m in covering if m.note))
        out.append(Segment(text[a:b], kinds, anchors, notes))
    return out


def parse_spans(raw: str | None) -> list[tuple[int, int, str]]:
    """Stored span JSON (``[[start, end, label], ...]``) as tuples; anything malformed skipped."""
    if not raw:
        return []
    try:
        data = json.loads(raw)
    except (TypeError, ValueError):
        return []
    out = []
    for item in data if isinstance(data, list) else []:
        span = _span(item)
        if span:
            out.append(span)
    return out


def _span(item: Any) -> tuple[int, int, str] | None:
    if isinstance(item, dict):
        start, end = item.get("start"), item.get("end")
        label = item.get("label") or item.get("kind") or ""
    elif isinstance(item, list | tuple) and len(item) >= 2:
        start, end = item[0], item[1]
        label = item[2] if len(item) > 2 else ""
    else:
        return None
    if isinstance(start, int) and isinstance(end, int) and start < end:
        return start, end, str(label)
    return None


@dataclass(frozen=True, slots=True)
class Passage:
    kind: str  # "left out" | "added" | ... as the linker names it
    start: int | None
    end: int | None
    text: str | None  # the passage, cut from the article its offsets point into
    side: str  # "source" (offsets into the article derived from) or "derived"
    note: str | None = None


_SOURCE_KINDS = {"left_out", "leftout", "omitted", "dropped", "removed", "deleted", "missing"}
_LABELS = {k: "left out" for k in _SOURCE_KINDS} | {"added": "added", "inserted": "added"}
# Keys of the alignment object that are not passage lists of their own.
_NOT_PASSAGES = {"pairs", "kept", "matched"}


def alignment_passages(
    raw: str | None, source_text: str | None, derived_text: str
) -> list[Passage]:
    """The passages of a derivation's alignment JSON, read defensively.

    The alignment may be a list of passages, or an object whose list-valued
    keys name the passage kind (``{"left_out": [...], "added": [...]}``); a
    passage is ``{"start", "end", "kind"}`` or ``[start, end, kind]``. Offsets of
    left-out passages point into the source article, the others into the derived one.
    """
    if not raw:
        return []
    try:
        data = json.loads(raw)
    except (TypeError, ValueError):
        return []
    items: list[tuple[str | None, Any]] = []
    if isinstance(data, list):
        items = [(None, p) for p in data]
    elif isinstance(data, dict):
        inner = data.get("passages")
        if isinstance(inner, list):
            items = [(None, p) for p in inner]
        for key, value in data.items():
            if key != "passages" and key not in _NOT_PASSAGES and isinstance(value, list):
                items.extend((key, p) for p in value)
    out = []
    for default_kind, item in items:
        out.append(_passage(item, default_kind, source_text, derived_text))
    return [p for p in out if p is not None]


def _passage(
    item: Any, default_kind: str | None, source_text: str | None, derived_text: str
) -> Passage | None:
    kind = default_kind
    start = end = None
    text = None
    if isinstance(item, dict):
        kind = str(item.get("kind") or item.get("type") or kind or "passage")
        start, end = item.get("start"), item.get("end")
        if isinstance(item.get("text"), str):
            text = item["text"]
        side_hint = item.get("side") or item.get("in")
        note = None
    elif isinstance(item, list | tuple) and len(item) >= 2:
        start, end = item[0], item[1]
        if len(item) > 2 and isinstance(item[2], str):
            kind = item[2]
        side_hint = None
        # The linker flags a left-out passage after the last kept one: maybe a cut page.
        cut = len(item) > 2 and item[2] is not True and item[2] == 1
        note = "after the last kept passage: the page may have been cut short" if cut else None
    else:
        return None
    kind = kind or "passage"
    side = "source" if kind.lower() in _SOURCE_KINDS else "derived"
    label = _LABELS.get(kind.lower(), kind.replace("_", " "))
    if side_hint in ("source", "parent", "original"):
        side = "source"
    if not isinstance(start, int) or not isinstance(end, int) or start >= end:
        start = end = None
    if text is None and start is not None and end is not None:
        base = source_text if side == "source" else derived_text
        if base is not None and end <= len(base):
            text = base[start:end]
    return Passage(label, start, end, text, side, note)


def alignment_kept(raw: str | None) -> int | None:
    """How many passage pairs the alignment kept, if it says."""
    try:
        data = json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None
    if isinstance(data, dict):
        for key in _NOT_PASSAGES:
            if isinstance(data.get(key), list):
                return len(data[key])
    return None


def spans_to_marks(
    spans: Sequence[tuple[int, int, str]], kind: str, note_prefix: str = ""
) -> list[Mark]:
    return [
        Mark(s, e, kind, None, f"{note_prefix}{label}" if label else note_prefix or None)
        for s, e, label in spans
    ]
