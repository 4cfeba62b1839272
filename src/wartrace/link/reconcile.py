"""Reconcile the casualty claims of one event into ACLED's figure and a low/best/high range.

The rules (documented in the README):
- only ``killed`` claims count towards fatalities;
- a claim marked as an updated toll ("rose to", "naik menjadi") supersedes the
  earlier figures of the same report;
- ``fatalities`` (ACLED): the lowest of the figures that stand, per report;
  across reports of one event, the lowest credible standing figure;
- ``low``/``high``: the smallest and largest standing figure; ``best``: the
  median of the standing figures (UCDP's practice is a best estimate between
  the low and high bounds, taken from the most reliable sources; with no
  reliability model we use the median report).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median_low


@dataclass(frozen=True, slots=True)
class ClaimView:
    report_key: str  # claims of one report stand or fall together
    value: int
    qualifier: str
    kind: str
    claimant: str | None = None
    outlet: str | None = None
    supersedes: bool = False


@dataclass(frozen=True, slots=True)
class Reconciled:
    fatalities: int | None
    low: int | None
    best: int | None
    high: int | None
    notes: str


def standing_figures(claims: Sequence[ClaimView]) -> list[ClaimView]:
    """The killed claims that are not superseded by an updated toll in the same report."""
    killed = [c for c in claims if c.kind == "killed"]
    by_report: dict[str, list[ClaimView]] = {}
    for c in killed:
        by_report.setdefault(c.report_key, []).append(c)
    standing: list[ClaimView] = []
    for group in by_report.values():
        updates = [c for c in group if c.supersedes]
        standing.extend(updates if updates else group)
    return standing


def reconcile(claims: Sequence[ClaimView]) -> Reconciled:
    standing = standing_figures(claims)
    if not standing:
        return Reconciled(None, None, None, None, "")
    values = sorted(c.value for c in standing)
    low, high = values[0], values[-1]
    notes = ""
    if low != high:
        parts = []
        seen: set[tuple[str, int]] = set()
        for c in sorted(standing, key=lambda c: c.value):
            who = c.claimant or c.outlet or "a report"
            if (who, c.value) in seen:
                continue
            seen.add((who, c.value))
            qual = "" if c.qualifier == "exact" else c.qualifier.replace("_", " ") + " "
            parts.append(f"{who}: {qual}{c.value}")
        notes = "Disputed fatalities — " + "; ".join(parts)
    return Reconciled(low, low, median_low(values), high, notes)
