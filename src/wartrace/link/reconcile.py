"""Reconcile the casualty claims of one event and store what became of each.

The rules are in ``extract/tally.py`` (one rule set for a report's own tally and an event's
reconciliation across its reports; README "Reconciling casualty figures" has worked examples).
This module gives them the event's claims from the store, writes each claim's status beside it
and words a status for readers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from wartrace.extract.tally import (
    BACKGROUND,
    COPY,
    COUNTED,
    OTHER,
    PART,
    PROJECTED,
    SCOPE_STATUS,
    SUPERSEDED,
    ClaimView,
    Reconciled,
    Status,
    reconcile,
    standing_figures,
)

__all__ = [
    "ClaimView",
    "Reconciled",
    "Status",
    "breath_of",
    "claim_status",
    "reconcile",
    "standing_figures",
    "store_statuses",
]


def breath_of(start: int, evidence: str | None) -> int | None:
    """The index of the report's evidence sentence a claim starts in (reports.evidence is a
    JSON list of [start, end, label] spans)."""
    for k, span in enumerate(json.loads(evidence or "[]")):
        if span[0] <= start < span[1]:
            return k
    return None


def store_statuses(conn: sqlite3.Connection, claims: Sequence[ClaimView], rec: Reconciled) -> None:
    """Write each claim's status (and the article it points to) beside it."""
    conn.executemany(
        "UPDATE claims SET status = ?, status_ref = ? WHERE claim_id = ?",
        [
            (st.status, st.ref, c.claim_id) if st else (None, None, c.claim_id)
            for c in claims
            if c.claim_id is not None
            for st in [rec.statuses.get(c.claim_id)]
        ],
    )


_STATUS_TEXT = {
    COUNTED: "counted",
    SUPERSEDED: "superseded",
    PART: "part of a total",
    BACKGROUND: "background (cumulative)",
    OTHER: "another incident",
    PROJECTED: "projection (not a reported toll)",
    COPY: "copy",
}


def claim_status(kind: str, status: str | None, ref: str | None, scope: str | None) -> str:
    """How a claim is marked for a reader: "counted", "superseded by a023", "part of a total",
    "background (cumulative)", "copy of a001" (only death claims are reconciled)."""
    if kind != "killed":
        return ""
    if status is None:  # not reconciled yet (no event): what its scope alone says
        status = SCOPE_STATUS.get(scope or "", "")
    text = _STATUS_TEXT.get(status, status)
    if ref and status == SUPERSEDED:
        return f"{text} by {ref}"
    if ref and status == COPY:
        return f"{text} of {ref}"
    return text
