"""What the event page shows beyond the stored fields: each claim in its sentence, the
toll side by side, what became of each claim, and revision notes without repeats."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from wartrace.extract.victim_sides import SIDE_LABELS, side_of

# Claim scopes/statuses (link/reconcile.py) whose figure is not a standing toll of a side.
NOT_A_SIDE_TOLL = ("background", "other", "part", "member", "projected", "copy", "superseded")
CONTEXT_CHARS = 240  # at most this much text either side of a claim
_SENTENCE_END = re.compile(r"[.!?。؟](?=\s)|\n")
_REVISION = re.compile(r"^(?P<who>.*?)\s*(?P<old>\d[\d,.]*)\s*->\s*(?P<new>\d[\d,.]*)\s*$")


def claim_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, the claim's own words, after), cut at the sentence around the claim."""
    lo = max(0, start - CONTEXT_CHARS)
    before = text[lo:start]
    cuts = list(_SENTENCE_END.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    elif lo > 0:
        before = "…" + before.split(" ", 1)[-1]
    after = text[end : end + CONTEXT_CHARS]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.end()]
    elif end + CONTEXT_CHARS < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return before.lstrip(), text[start:end], after.rstrip()


def clean_notes(notes: str | None) -> list[str]:
    """The event's notes as separate lines: repeats dropped, "33 -> 33" non-revisions dropped."""
    out: list[str] = []
    for part in re.split(r";\s*", notes or ""):
        part = part.strip()
        if not part or part in out:
            continue
        m = _REVISION.match(part)
        if m and m["old"] == m["new"]:
            continue
        out.append(part)
    return out


def side_breakdown(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Standing killed/wounded figures grouped by the side of the victims, as reported (not
    summed).

    One row per (side, kind), the side read as reconciliation reads it (``victim_sides``: "12
    tentara" and "9 soldiers" are one row, state forces), with the words the reports used, the
    lowest and highest figure given and how many claims gave one, so an analyst sees each
    side's toll and how far reports disagree.
    """
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    words: dict[tuple[str, str], list[str]] = {}
    for c in claims:
        if c.get("value") is None:
            continue
        # Another incident's or a cumulative toll, a part of a larger figure, a copy repeating
        # a figure and a figure a later report replaced are not standing figures for a side.
        if c.get("scope") in NOT_A_SIDE_TOLL or c.get("status") in NOT_A_SIDE_TOLL:
            continue
        said = (c.get("victims") or "").strip()
        side = side_of(said)
        key = (side, c.get("kind") or "")
        g = groups.setdefault(
            key,
            {
                "side": side,
                "kind": c.get("kind"),
                "low": c["value"],
                "high": c["value"],
                "claims": 0,
            },
        )
        g["low"] = min(g["low"], c["value"])
        g["high"] = max(g["high"], c["value"])
        g["claims"] += 1
        seen = words.setdefault(key, [])
        if said and said.casefold() not in {w.casefold() for w in seen} | {SIDE_LABELS[side]}:
            seen.append(said)
    for key, g in groups.items():
        label = SIDE_LABELS[g.pop("side")]
        g["victims"] = f"{label} ({', '.join(words[key])})" if words[key] else label
    return sorted(groups.values(), key=lambda g: (g["kind"] != "killed", -g["high"]))


def claim_status(claim: dict[str, Any], reports: Sequence[dict[str, Any]]) -> str | None:
    """What became of a claim: the reconciliation's own words when it recorded a status
    (``status_text``), else what the stored links say (an updated toll, a copy's repeat)."""
    if claim.get("status_text"):
        return str(claim["status_text"])
    if claim.get("supersedes"):
        return "updated toll"
    for r in reports:
        if r["article_id"] == claim["article_id"] and r.get("derived_from"):
            return f"{r.get('relation') or 'copy'} of {r['derived_from']}"
    return None
