"""Verbs that fill the store: run, ingest, process, watch, demo."""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import click

from wartrace.cli.common import (
    EXIT_REJECTED,
    PATHS,
    Settings,
    common_options,
    out_console,
    progress_bar,
    require_db,
    self_command,
    settings_for,
)
from wartrace.store import access, db

if TYPE_CHECKING:  # the pipeline is imported by the verbs that run it (start-up cost)
    from wartrace import pipeline


def report_rejected(result: pipeline.IngestResult, quiet: bool) -> None:
    for error in result.errors:
        # Plain lines, never wrapped, so logs and grep see whole messages.
        click.echo(f"rejected: {error}", err=True)
    if result.errors:
        click.echo(f"{len(result.errors)} input(s) rejected; the rest was ingested.", err=True)


def ingest_paths(settings: Settings, paths: Sequence[str]) -> pipeline.IngestResult:
    from wartrace import pipeline

    conn = access.connect_writer(settings.db)
    try:
        with progress_bar("Ingesting", None, settings.quiet) as advance:
            return pipeline.ingest(conn, paths, advance)
    finally:
        conn.close()


def process_pending(
    settings: Settings, workers: int = 1, scheduler: str | None = None
) -> pipeline.ProcessResult:
    from wartrace import pipeline

    conn = access.connect_writer(settings.db)
    try:
        total = len(db.pending_ids(conn))
        if total and not settings.quiet and not _gazetteer_ready():
            click.echo("Building the offline gazetteer (first run only, about 15 s)...", err=True)
        with progress_bar("Processing", total, settings.quiet) as advance:
            if workers > 1 or scheduler:
                from wartrace.scale import cluster_runner

                with cluster_runner(workers, scheduler) as runner:
                    result = pipeline.process(conn, advance, runner)
            else:
                result = pipeline.process(conn, advance)
    finally:
        conn.close()
    for article_id, message in result.failed:
        click.echo(f"failed: article {article_id}: {message}", err=True)
    return result


def _gazetteer_ready() -> bool:
    from wartrace.geo import gazetteer

    return gazetteer.artefact_path().exists()


def _summary(
    settings: Settings,
    ingested: pipeline.IngestResult | None,
    processed: pipeline.ProcessResult | None,
) -> None:
    if settings.quiet:
        return
    conn = access.connect_writer(settings.db)
    try:
        totals = db.counts(conn)
    finally:
        conn.close()
    from rich.table import Table

    table = Table(title="wartrace", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("this run", justify="right")
    table.add_column("in database", justify="right")
    if ingested is not None:
        c = ingested.counts
        table.add_row("articles added", str(c.added), "")
        table.add_row("articles replaced", str(c.replaced), "")
        table.add_row("articles unchanged", str(c.unchanged), "")
        table.add_row("inputs rejected", str(c.rejected), "")
    table.add_row("articles", "", str(totals["articles"]))
    table.add_row(
        "articles processed",
        str(processed.processed) if processed else "",
        str(totals["processed"]),
    )
    if processed is not None and processed.failed:
        table.add_row("articles failed", str(len(processed.failed)), "")
    table.add_row("articles pending", "", str(totals["pending"]))
    table.add_row("derived articles", "", str(totals["derived"]))
    table.add_row(
        "event reports", str(processed.reports) if processed else "", str(totals["reports"])
    )
    table.add_row("events", "", str(totals["events"]))
    table.add_row("casualty claims", "", str(totals["claims"]))
    out_console().print(table)
    out_console().print(f"database: {Path(settings.db).resolve()}", highlight=False)


def _exit_status(
    ingested: pipeline.IngestResult | None, processed: pipeline.ProcessResult | None
) -> int:
    rejected = bool(ingested and ingested.errors)
    failed = bool(processed and processed.failed)
    return EXIT_REJECTED if rejected or failed else 0


@click.command()
@PATHS
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Analyse in N processes: this one, between linking steps, and a local Dask "
    "cluster of N - 1 (1: in this process only).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Analyse on an existing Dask cluster, e.g. tcp://10.0.0.1:8786 (see README).",
)
@common_options
@click.pass_context
def run(
    ctx: click.Context,
    paths: tuple[str, ...],
    workers: int,
    scheduler: str | None,
    db_path: str | None,
    quiet: bool,
) -> None:
    """Ingest PATHS (files, folders, corpus folders, `-` = stdin), then process all pending.

    Formats: .txt, .html/.htm, .jsonl/.jsonl.gz, .warc/.warc.gz and corpus folders
    (articles.jsonl + articles/<id>.txt).
    """
    settings = settings_for(ctx, db_path, quiet)
    ingested = ingest_paths(settings, paths)
    report_rejected(ingested, settings.quiet)
    processed = process_pending(settings, workers, scheduler)
    _summary(settings, ingested, processed)
    ctx.exit(_exit_status(ingested, processed))


@click.command()
@PATHS
@common_options
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db_path: str | None, quiet: bool) -> None:
    """Store the articles in PATHS without processing them."""
    settings = settings_for(ctx, db_path, quiet)
    ingested = ingest_paths(settings, paths)
    report_rejected(ingested, settings.quiet)
    _summary(settings, ingested, None)
    ctx.exit(_exit_status(ingested, None))


@click.command()
@common_options
@click.pass_context
def process(ctx: click.Context, db_path: str | None, quiet: bool) -> None:
    """Process every pending article: clean, detect language, extract, geocode, link."""
    settings = settings_for(ctx, db_path, quiet)
    require_db(settings)
    processed = process_pending(settings)
    _summary(settings, None, processed)
    ctx.exit(_exit_status(None, processed))


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=300.0,
    show_default=True,
    help="Seconds between passes (also the first back-off of a failing source).",
)
@click.option("--once", is_flag=True, help="One pass, then exit (for cron and tests).")
@click.option(
    "--alert",
    "alert_filter",
    metavar="FILTER",
    default=None,
    help="Send new or changed events that pass FILTER (dashboard syntax, e.g. "
    "'country=SY&event_type=Battles&fatalities=5').",
)
@click.option(
    "--alert-to",
    metavar="FILE|URL",
    default="-",
    show_default=True,
    help="Where alerts go: - (stdout, JSONL), a file (JSONL, appended) or a webhook URL (POST).",
)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True)
@click.option(
    "--host-delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Least seconds between two requests to one host.",
)
@common_options
@click.pass_context
def watch(
    ctx: click.Context,
    sources: tuple[str, ...],
    interval: float,
    once: bool,
    alert_filter: str | None,
    alert_to: str,
    timeout: float,
    host_delay: float,
    db_path: str | None,
    quiet: bool,
) -> None:
    """Watch SOURCES (folders, RSS/Atom feed URLs): ingest, process, link and alert as items arrive.

    What was seen is kept in the database, so a stopped watch resumes where it was.
    A source that fails is reported and retried with back-off; the others go on.
    """
    from wartrace.watch import Fetcher, PassReport, Watcher, parse_alert
    from wartrace.web.filters import FilterError

    settings = settings_for(ctx, db_path, quiet)
    try:
        alert = parse_alert(alert_filter, alert_to) if alert_filter is not None else None
    except FilterError as exc:
        raise click.UsageError(f"--alert: {exc}") from None
    failed = False

    def on_pass(report: PassReport) -> None:
        nonlocal failed
        failed = bool(report.failed)
        for source, why, retry in report.failed:
            click.echo(f"failed: {source}: {why} (retry in {retry:.0f} s)", err=True)
        for error in report.item_errors:
            click.echo(f"rejected: {error}", err=True)
        if report.alert_error:
            click.echo(f"alert not sent (will retry): {report.alert_error}", err=True)
        if not settings.quiet:
            c, done = report.counts, report.processed
            waiting = f", {len(report.waiting)} backing off" if report.waiting else ""
            click.echo(
                f"pass: {report.polled} source(s) polled{waiting}; articles {c.added} new, "
                f"{c.replaced} changed; {done.processed if done else 0} processed; "
                f"{report.alerted} alert(s)",
                err=True,
            )

    conn = access.connect_writer(settings.db)  # a long-lived writer: a second one refuses
    fetcher = Fetcher(timeout=timeout, host_delay=host_delay)
    try:
        Watcher(conn, sources, fetcher, interval=interval, alert=alert).run(once, on_pass)
    finally:
        fetcher.close()
        conn.close()
    ctx.exit(EXIT_REJECTED if once and failed else 0)


def demo_paths() -> list[str]:
    root = resources.files("wartrace.demo")
    return [str(root / "corpus"), str(root / "extra")]


@click.command()
@common_options
@click.pass_context
def demo(ctx: click.Context, db_path: str | None, quiet: bool) -> None:
    """Run the main job on the bundled sample corpus (invented articles).

    Uses ./wartrace-demo.db unless --db or WARTRACE_DB says otherwise.
    """
    settings = settings_for(ctx, db_path, quiet)
    if db_path is None and not os.environ.get("WARTRACE_DB") and settings.db == db.DEFAULT_DB:
        settings.db = "wartrace-demo.db"
    ingested = ingest_paths(settings, demo_paths())
    report_rejected(ingested, settings.quiet)
    processed = process_pending(settings)
    _summary(settings, ingested, processed)
    if not settings.quiet:
        me = self_command()
        out_console().print(
            f"Next: {me} --db {settings.db} serve   |   "
            f"{me} --db {settings.db} list   |   {me} --db {settings.db} export --out events.csv",
            highlight=False,
        )
    ctx.exit(_exit_status(ingested, processed))
