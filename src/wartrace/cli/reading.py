"""Verbs that read the store: export, list, show."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from wartrace.cli.common import (
    common_options,
    err_console,
    out_console,
    require_db,
    self_command,
    settings_for,
)
from wartrace.store import access, db, export

EXTENSION_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def format_from_extension(out: str) -> str:
    """The export format an --out name asks for; JSONL for stdout and unknown extensions."""
    suffix = Path(out).suffix.lower()
    if suffix == ".json":
        raise click.UsageError(
            "--out *.json: export writes JSON lines; name the file .jsonl, or pass --format"
        )
    return EXTENSION_FORMATS.get(suffix, "jsonl") if out != "-" else "jsonl"


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(export.FORMATS),
    default=None,
    help="Output format (default: from the --out extension, else jsonl).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default: stdout).",
)
@click.option("--articles", is_flag=True, help="Export articles instead of events.")
@common_options
@click.pass_context
def export_cmd(
    ctx: click.Context, fmt: str, out: str, articles: bool, db_path: str | None, quiet: bool
) -> None:
    """Export events (or, with --articles, articles) as JSONL, ACLED-style CSV or Parquet."""
    settings = settings_for(ctx, db_path, quiet)
    fmt = fmt or format_from_extension(out)
    require_db(settings)
    conn = access.open_read_only(settings.db)
    try:
        if fmt == "parquet":
            if out == "-":
                n = export.export(conn, fmt, None, sys.stdout.buffer, articles=articles)
            else:
                with access.atomic_file(out, binary=True) as fb:
                    n = export.export(conn, fmt, None, fb, articles=articles)
        elif out == "-":
            n = export.export(conn, fmt, sys.stdout, None, articles=articles)
        else:
            with access.atomic_file(out) as ft:
                n = export.export(conn, fmt, ft, None, articles=articles)
    finally:
        conn.close()
    if not settings.quiet and out != "-":
        err_console().print(f"wrote {n} {'articles' if articles else 'events'} to {out}")


@click.command()
@click.argument("article_id", metavar="ID")
@common_options
@click.pass_context
def show(ctx: click.Context, article_id: str, db_path: str | None, quiet: bool) -> None:
    """Show one article (origin, language, events, claims, links) or one event by its id.

    `wartrace list` and `wartrace list --articles` print the ids.
    """
    from wartrace.link import describe_links
    from wartrace.link.reconcile import claim_status

    settings = settings_for(ctx, db_path, quiet)
    require_db(settings)
    conn = access.open_read_only(settings.db)
    try:
        if _show_event(conn, article_id):
            return
        try:
            row = db.load_article(conn, article_id)
        except KeyError:
            raise click.ClickException(
                f"no article or event {article_id!r} in {settings.db};"
                f" `{self_command()} --db {settings.db} list` prints the ids"
            ) from None
        fields = [
            ("article", row["article_id"]),
            ("status", row["status"]),
            ("language", f"{row['language']} ({(row['language_confidence'] or 0):.2f})"),
            ("outlet", row["outlet"] or row["text_outlet"]),
            ("credit", row["credit"]),
            ("published", row["published"] or row["printed_date"]),
            ("dateline", row["dateline"]),
            ("title", row["title"] or row["headline"]),
            ("url", row["url"]),
            ("source", row["source"]),
        ]
        for name, value in fields:
            if value:
                click.echo(f"{name:>10}: {value}")
        for warning in json.loads(row["warnings"] or "[]"):
            click.echo(f"{'warning':>10}: {warning}")
        for rep in conn.execute(
            "SELECT * FROM reports WHERE article_id = ? ORDER BY seq", (article_id,)
        ):
            click.echo(
                f"\nevent {rep['event_id']}: {rep['event_date'] or '?'} "
                f"{rep['event_type'] or '?'} / {rep['sub_event_type'] or '?'} — "
                f"{rep['actor1'] or '?'} vs {rep['actor2'] or '-'} — "
                f"{rep['location'] or '?'} ({rep['country'] or '?'}) — "
                f"fatalities {rep['fatalities'] if rep['fatalities'] is not None else '?'}"
            )
            for c in conn.execute(
                "SELECT * FROM claims WHERE report_id = ? ORDER BY start", (rep["report_id"],)
            ):
                quote = row["raw_text"][c["start"] : c["end"]].replace("\n", " ")
                status = claim_status(c["kind"], c["status"], c["status_ref"], c["scope"])
                click.echo(
                    f"    {c['kind']} {c['qualifier']} {c['value']}"
                    f"{' ' + c['victims'] if c['victims'] else ''}"
                    f"{' — ' + c['claimant'] if c['claimant'] else ''}: “{quote}”"
                    f"{' [' + status + ']' if status else ''}"
                )
        lines = describe_links(conn, article_id)
        if lines:
            click.echo("")
            for line in lines:
                click.echo(line)
    finally:
        conn.close()


def _show_event(conn: Any, event_id: str) -> bool:
    """Print one event with its reports and claims; False when no event has that id."""
    from wartrace.web.queries import event_detail

    conn.row_factory = sqlite3.Row
    e = event_detail(conn, event_id)
    if e is None:
        return False
    place = ", ".join(x for x in (e["location"], e["admin1"], e["country_name"]) if x)
    fields = [
        ("event", e["event_id"]),
        ("date", e["event_date"] or "undated"),
        ("type", " / ".join(x for x in (e["event_type"], e["sub_event_type"]) if x)),
        ("actors", " vs ".join(x for x in (e["actor1"], e["actor2"]) if x)),
        ("place", place),
        ("fatalities", _fatalities_line(e)),
        ("notes", e["notes"]),
    ]
    for name, value in fields:
        if value:
            click.echo(f"{name:>10}: {value}")
    for r in e["reports"]:
        click.echo(
            f"\nreport in {r['article_id']}: {r['outlet'] or '?'} ({r['language'] or '?'}, "
            f"{r['published'] or 'undated'}) — {r['title'] or r['headline'] or ''}"
            + (f"\n    {r['url']}" if r["url"] else "")
        )
        for c in e["claims"]:
            if c["article_id"] == r["article_id"]:
                quote = (c["quote"] or "").replace("\n", " ")
                status = c.get("status_text")
                click.echo(
                    f"    {c['kind']} {c['qualifier']} {c['value']}"
                    f"{' ' + c['victims'] if c['victims'] else ''}"
                    f"{' — ' + c['claimant'] if c['claimant'] else ''}: “{quote}”"
                    f"{' [' + status + ']' if status else ''}"
                )
    return True


def _fatalities_line(e: dict[str, Any]) -> str:
    line = str(e["fatalities"])
    low, high = e.get("fatalities_low"), e.get("fatalities_high")
    if low is not None and high is not None and low != high:
        line += f" (reports range {low}–{high})"
    return line


@click.command(name="list")
@click.option("--articles", is_flag=True, help="List articles instead of events.")
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@click.option("--country", help="ISO 3166-1 alpha-2 code.")
@click.option("--admin1", help="First-level division, as stored.")
@click.option("--actor", help="Actor 1 or 2 (case-insensitive).")
@click.option("--event-type", "event_type", help="ACLED event type.")
@click.option("--language", help="Language of a reporting article.")
@click.option("--outlet", help="Outlet of a reporting article.")
@click.option("--q", "q", help="Words in the articles or event (word* = prefix).")
@click.option("--bbox", help="west,south,east,north in degrees.")
@click.option(
    "--sort",
    type=click.Choice(["date", "date_asc", "fatalities"]),
    default="date",
    show_default=True,
)
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object per line.")
@common_options
@click.pass_context
def list_cmd(
    ctx: click.Context,
    articles: bool,
    limit: int,
    as_jsonl: bool,
    db_path: str | None,
    quiet: bool,
    **filter_values: str | None,
) -> None:
    """List events (or articles) with their ids, filtered like the dashboard."""
    from wartrace.web import listing

    settings = settings_for(ctx, db_path, quiet)
    f, errors = listing.parse(filter_values)
    if errors:
        raise click.UsageError("; ".join(errors))
    require_db(settings)
    conn = access.open_read_only(settings.db)
    try:
        rows = (listing.list_articles if articles else listing.list_events)(conn, f, limit)
    finally:
        conn.close()
    if as_jsonl:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    columns = listing.ARTICLE_FIELDS if articles else listing.EVENT_FIELDS
    if not sys.stdout.isatty():  # piped: tab-separated, for cut/grep/sort
        click.echo("\t".join(columns))
        for row in rows:
            click.echo("\t".join("" if row[c] is None else str(row[c]) for c in columns))
        return
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in columns:
        table.add_column(
            col,
            justify="right" if col in ("fatalities", "events") else "left",
            no_wrap=True,  # one line per row: greppable, ids never broken
            max_width=60 if col == "title" else None,
        )
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
    out_console().print(table)
    if not settings.quiet and len(rows) == limit:
        err_console().print(f"first {limit} shown; --limit N for more")
