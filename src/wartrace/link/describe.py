"""Human-readable account of an article's links, for ``wartrace show ARTICLE_ID``."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from wartrace.link.calibrate import calibrated

SNIPPET = 90


def _snippet(text: str, start: int, end: int) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= SNIPPET else piece[: SNIPPET - 1] + "…"


def _alignment(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _relation_words(kind: str | None, relation: str | None) -> str:
    if kind == "copy":
        return "an exact copy"
    if relation == "translation":
        return "a translation"
    return "an edited rewrite"


def describe_links(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """What the article derives from and how, what it left out and added, what derives from
    it, and its events with the other articles that report them."""
    row = conn.execute(
        "SELECT article_id, raw_text, language, derived_from, relation, derivation_score,"
        " alignment FROM articles WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return [f"No article {article_id!r} in the store."]
    lines: list[str] = []
    lines.extend(_derivation_lines(conn, row))
    lines.extend(_derived_lines(conn, article_id))
    lines.extend(_event_lines(conn, article_id))
    return lines


def _derivation_lines(conn: sqlite3.Connection, row: sqlite3.Row) -> list[str]:
    if row["derived_from"] is None:
        return ["Derived from: none found (an original, as far as the store knows)."]
    data = _alignment(row["alignment"])
    source = conn.execute(
        "SELECT raw_text, language FROM articles WHERE article_id = ?", (row["derived_from"],)
    ).fetchone()
    how = _relation_words(data.get("kind"), row["relation"])
    langs = ""
    if source is not None and row["relation"] == "translation":
        langs = f" ({source['language'] or '?'} -> {row['language'] or '?'})"
    lines = [
        f"Derived from {row['derived_from']}: {how}{langs}"
        + _scores(row["relation"], row["derivation_score"])
        + f"; {len(data.get('pairs', []))} passages kept."
    ]
    if source is None:
        return lines
    omitted = data.get("omitted", [])
    if omitted:
        lines.append(f"  Left out of the source ({len(omitted)} passages):")
        for start, end, *rest in omitted:
            tail = " [after the last kept passage: maybe a cut page]" if rest and rest[0] else ""
            text = _snippet(source["raw_text"], start, end)
            lines.append(f"    - {row['derived_from']}[{start}:{end}] {text}{tail}")
    added = data.get("added", [])
    if added:
        lines.append(f"  Added by this article ({len(added)} passages):")
        for start, end in added:
            lines.append(f"    + [{start}:{end}] {_snippet(row['raw_text'], start, end)}")
    return lines


def _scores(relation: str | None, score: float | None) -> str:
    """The raw similarity and the calibrated probability that the link is right."""
    if score is None:
        return ""
    return f", similarity {score:.2f}, confidence {calibrated(relation or '', score):.2f}"


def _derived_lines(conn: sqlite3.Connection, article_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT article_id, relation, language, derivation_score FROM articles"
        " WHERE derived_from = ? ORDER BY article_id",
        (article_id,),
    ).fetchall()
    if not rows:
        return ["Derived from it: none."]
    return ["Derived from it:"] + [
        f"  - {r['article_id']} ({r['relation']}, {r['language'] or '?'}"
        + _scores(r["relation"], r["derivation_score"])
        + ")"
        for r in rows
    ]


def _event_lines(conn: sqlite3.Connection, article_id: str) -> list[str]:
    reports = conn.execute(
        "SELECT r.seq, r.event_id, e.event_date, e.location, e.event_type, e.fatalities,"
        " e.notes FROM reports r LEFT JOIN events e USING (event_id)"
        " WHERE r.article_id = ? ORDER BY r.seq",
        (article_id,),
    ).fetchall()
    if not reports:
        return ["Events: none reported."]
    lines = ["Events:"]
    for r in reports:
        lines.append(
            f"  - report {r['seq']} -> {r['event_id'] or 'unlinked'}:"
            f" {r['event_date'] or 'date ?'},"
            f" {r['location'] or 'place ?'}, {r['event_type'] or 'type ?'},"
            f" fatalities {r['fatalities'] if r['fatalities'] is not None else '?'}"
        )
        if r["event_id"] is None:
            continue
        others = conn.execute(
            "SELECT DISTINCT a.article_id, a.outlet, a.language, a.derived_from FROM reports x"
            " JOIN articles a USING (article_id) WHERE x.event_id = ? AND x.article_id != ?"
            " ORDER BY a.article_id",
            (r["event_id"], article_id),
        ).fetchall()
        for o in others:
            note = f", derived from {o['derived_from']}" if o["derived_from"] else ""
            lines.append(
                f"      also reported by {o['article_id']} ({o['outlet'] or 'outlet ?'},"
                f" {o['language'] or '?'}{note})"
            )
        if r["notes"]:
            lines.append(f"      notes: {r['notes']}")
    return lines
