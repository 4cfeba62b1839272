"""Presenting scores: a plain-text table and a JSON-ready dict."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from wartrace.eval.acled import FIELDS as ACLED_FIELDS
from wartrace.eval.acled import AcledScores
from wartrace.eval.score import PRF, Scores, Share

FIELD_LABELS = {
    "date": "exact date",
    "location_25km": "location within 25 km",
    "admin1": "same admin1",
    "event_type": "event type",
    "sub_event_type": "sub-event type",
    "actor1": "actor1",
    "actor2": "actor2",
    "actors": "both actors",
    "fatalities": "fatalities = gold ACLED",
}


def _r(x: float) -> float:
    return round(x, 4)


def prf_dict(prf: PRF) -> dict[str, Any]:
    return {
        "precision": _r(prf.precision),
        "recall": _r(prf.recall),
        "f1": _r(prf.f1),
        "tp": prf.tp,
        "fp": prf.fp,
        "fn": prf.fn,
    }


def share_dict(share: Share) -> dict[str, Any]:
    return {
        "share": _r(share.value),
        "correct": share.correct,
        "wrong": share.wrong,
        "empty": share.empty,
        "total": share.total,
    }


def scores_to_dict(scores: Scores) -> dict[str, Any]:
    """Machine-readable scores (json.dumps-able)."""
    return {
        "detection": {
            **prf_dict(scores.detection),
            "negative_articles": scores.negative_articles,
            "negative_fp": scores.negative_fp,
        },
        "fields": {name: share_dict(s) for name, s in scores.fields.items()},
        "claims": {
            **prf_dict(scores.claims),
            "qualifier": share_dict(scores.claim_qualifier),
            "claimant": share_dict(scores.claim_claimant),
        },
        "grouping": prf_dict(scores.grouping),
        "derivation": {
            **prf_dict(scores.derivation),
            "relation": share_dict(scores.derivation_relation),
        },
        "language": share_dict(scores.language),
        "matches": [
            {"article_id": m.article_id, "gold_event": m.gold_event, "event_id": m.event_id}
            for m in scores.matches
        ],
        "warnings": list(scores.warnings),
    }


def _prf_row(table: Table, label: str, prf: PRF) -> None:
    table.add_row(
        label,
        f"P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}",
        f"tp {prf.tp}  fp {prf.fp}  fn {prf.fn}",
    )


def _share_row(table: Table, label: str, share: Share) -> None:
    support = f"{share.correct}/{share.total}"
    if share.empty:
        support += f" ({share.empty} empty)"
    table.add_row(label, f"{share.value:.3f}", support)


def format_table(scores: Scores) -> str:
    """A readable plain-text table of every figure with its support."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("figure")
    table.add_column("score")
    table.add_column("support")
    _prf_row(table, "event detection (per article)", scores.detection)
    table.add_row(
        "  negatives",
        "",
        f"{scores.negative_fp} events on {scores.negative_articles} non-event articles",
    )
    table.add_section()
    for name, share in scores.fields.items():
        _share_row(table, f"matched: {FIELD_LABELS.get(name, name)}", share)
    table.add_section()
    _prf_row(table, "death claims (article, value)", scores.claims)
    _share_row(table, "  right qualifier", scores.claim_qualifier)
    _share_row(table, "  claimant (gold names one)", scores.claim_claimant)
    table.add_section()
    _prf_row(table, "articles grouped (pairs)", scores.grouping)
    _prf_row(table, "derivation pairs", scores.derivation)
    _share_row(table, "  right relation", scores.derivation_relation)
    _share_row(table, "language", scores.language)
    out = io.StringIO()
    Console(file=out, width=100, color_system=None, force_terminal=False).print(table)
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
    if scores.warnings:
        shown = scores.warnings[:20]
        more = len(scores.warnings) - len(shown)
        text += "\nwarnings:\n" + "\n".join(f"  {w}" for w in shown)
        text += f"\n  ... and {more} more\n" if more else "\n"
    return text


ACLED_LABELS = {
    "event_type": "event type",
    "sub_event_type": "sub-event type",
    "actor1": "actor1 (tolerant)",
    "actor1_exact": "actor1 (exact)",
    "actor2": "actor2 (tolerant)",
    "actor2_exact": "actor2 (exact)",
    "date": "date exact",
    "date_1day": "date within 1 day",
    "location_25km": "location within 25 km",
    "country": "country",
    "admin1": "admin1",
    "fatalities": "fatalities exact",
}


def acled_to_dict(scores: AcledScores) -> dict[str, Any]:
    return {
        "rows": scores.rows,
        "detected": scores.detected,
        "fields": {
            name: {
                "correct": scores.correct[name],
                "all_rows": _r(scores.share(name)),
                "detected_rows": _r(scores.share(name, detected_only=True)),
            }
            for name in ACLED_FIELDS
        },
        "events_per_row": {str(k): v for k, v in sorted(scores.candidates.items())},
        "event_type_errors": [[g, p, n] for (g, p), n in scores.type_errors.most_common()],
        "warnings": scores.warnings,
    }


def format_acled(scores: AcledScores) -> str:
    """Shares over all rows (a row without an event is wrong) and over detected rows."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("figure", "all rows", "detected rows", "support"):
        table.add_column(column)
    detected = scores.detected / scores.rows if scores.rows else 0.0
    table.add_row("event found", f"{detected:.3f}", "", f"{scores.detected}/{scores.rows}")
    table.add_section()
    for name in ACLED_FIELDS:
        table.add_row(
            ACLED_LABELS[name],
            f"{scores.share(name):.3f}",
            f"{scores.share(name, detected_only=True):.3f}",
            f"{scores.correct[name]}/{scores.rows}",
        )
    out = io.StringIO()
    Console(file=out, width=100, color_system=None, force_terminal=False).print(table)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    per_row = ", ".join(
        f"{k if k < 3 else '3+'}: {v}" for k, v in sorted(scores.candidates.items())
    )
    lines += ["", f"events per row: {per_row}", "top event type errors (gold -> ours):"]
    lines += [f"  {n:4d}  {g} -> {p}" for (g, p), n in scores.type_errors.most_common(10)]
    if scores.warnings:
        lines += ["warnings:", *(f"  {w}" for w in scores.warnings[:20])]
    return "\n".join(lines) + "\n"
