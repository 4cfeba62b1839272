"""The `wartrace` command.

Conventions: `--db` (or WARTRACE_DB) and `--quiet` are accepted before or after
the verb; summaries go to stdout, progress and errors to stderr; the exit
status is 1 when inputs were rejected or articles failed, 2 on usage errors.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wartrace import __version__, pipeline
from wartrace.store import db, export

F = TypeVar("F", bound=Callable[..., Any])

EXIT_REJECTED = 1


@dataclass(slots=True)
class Settings:
    db: str
    quiet: bool


def _settings(ctx: click.Context, db_path: str | None, quiet: bool) -> Settings:
    parent: Settings = ctx.find_object(Settings) or Settings(
        os.environ.get("WARTRACE_DB") or db.DEFAULT_DB, False
    )
    return Settings(db=db_path or parent.db, quiet=quiet or parent.quiet)


def common_options(func: F) -> F:
    """`--db` and `--quiet` on every verb, so they may follow it too."""
    func = click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")(func)
    func = click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Database file (default: $WARTRACE_DB or ./wartrace.db).",
    )(func)
    return func


err_console = Console(stderr=True)
out_console = Console(soft_wrap=True)


@contextmanager
def progress_bar(label: str, total: int | None, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr, shown only when stderr is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield lambda n: None
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wartrace")
@common_options
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, quiet: bool) -> None:
    """wartrace: news about armed conflict in, an ACLED-style event dataset out.

    Typical use: `wartrace run articles/` then `wartrace export --format csv`.
    """
    ctx.obj = _settings(ctx, db_path, quiet)


def _report_ingest(result: pipeline.IngestResult, quiet: bool) -> None:
    for error in result.errors:
        # Plain lines, never wrapped, so logs and grep see whole messages.
        click.echo(f"rejected: {error}", err=True)
    if result.errors:
        click.echo(f"{len(result.errors)} input(s) rejected; the rest was ingested.", err=True)


def _do_ingest(settings: Settings, paths: Sequence[str]) -> pipeline.IngestResult:
    conn = db.connect(settings.db)
    try:
        with progress_bar("Ingesting", None, settings.quiet) as advance:
            return pipeline.ingest(conn, paths, advance)
    finally:
        conn.close()


def _do_process(settings: Settings) -> pipeline.ProcessResult:
    conn = db.connect(settings.db)
    try:
        total = len(db.pending_ids(conn))
        with progress_bar("Processing", total, settings.quiet) as advance:
            result = pipeline.process(conn, advance)
    finally:
        conn.close()
    for article_id, message in result.failed:
        click.echo(f"failed: article {article_id}: {message}", err=True)
    return result


def _summary(
    settings: Settings,
    ingested: pipeline.IngestResult | None,
    processed: pipeline.ProcessResult | None,
) -> None:
    if settings.quiet:
        return
    conn = db.connect(settings.db)
    try:
        totals = db.counts(conn)
    finally:
        conn.close()
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
    out_console.print(table)
    out_console.print(f"database: {Path(settings.db).resolve()}", highlight=False)


def _exit_status(
    ingested: pipeline.IngestResult | None, processed: pipeline.ProcessResult | None
) -> int:
    rejected = bool(ingested and ingested.errors)
    failed = bool(processed and processed.failed)
    return EXIT_REJECTED if rejected or failed else 0


def _require_db(settings: Settings) -> None:
    """Verbs that only read must not create an empty database by mistake."""
    if not Path(settings.db).exists():
        raise click.ClickException(f"no database at {settings.db}; run `wartrace run` first")


PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))


@cli.command()
@PATHS
@common_options
@click.pass_context
def run(ctx: click.Context, paths: tuple[str, ...], db_path: str | None, quiet: bool) -> None:
    """Ingest PATHS (files, folders, corpus folders, `-` = stdin), then process all pending.

    Formats: .txt, .html/.htm, .jsonl/.jsonl.gz, .warc/.warc.gz and corpus folders
    (articles.jsonl + articles/<id>.txt).
    """
    settings = _settings(ctx, db_path, quiet)
    ingested = _do_ingest(settings, paths)
    _report_ingest(ingested, settings.quiet)
    processed = _do_process(settings)
    _summary(settings, ingested, processed)
    ctx.exit(_exit_status(ingested, processed))


@cli.command()
@PATHS
@common_options
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db_path: str | None, quiet: bool) -> None:
    """Store the articles in PATHS without processing them."""
    settings = _settings(ctx, db_path, quiet)
    ingested = _do_ingest(settings, paths)
    _report_ingest(ingested, settings.quiet)
    _summary(settings, ingested, None)
    ctx.exit(_exit_status(ingested, None))


@cli.command()
@common_options
@click.pass_context
def process(ctx: click.Context, db_path: str | None, quiet: bool) -> None:
    """Process every pending article: clean, detect language, extract, geocode, link."""
    settings = _settings(ctx, db_path, quiet)
    processed = _do_process(settings)
    _summary(settings, None, processed)
    ctx.exit(_exit_status(None, processed))


def demo_paths() -> list[str]:
    root = resources.files("wartrace.demo")
    return [str(root / "corpus"), str(root / "extra")]


@cli.command()
@common_options
@click.pass_context
def demo(ctx: click.Context, db_path: str | None, quiet: bool) -> None:
    """Run the main job on the bundled sample corpus (invented articles).

    Uses ./wartrace-demo.db unless --db or WARTRACE_DB says otherwise.
    """
    settings = _settings(ctx, db_path, quiet)
    if db_path is None and not os.environ.get("WARTRACE_DB") and settings.db == db.DEFAULT_DB:
        settings.db = "wartrace-demo.db"
    ingested = _do_ingest(settings, demo_paths())
    _report_ingest(ingested, settings.quiet)
    processed = _do_process(settings)
    _summary(settings, ingested, processed)
    if not settings.quiet:
        out_console.print(
            f"Next: wartrace --db {settings.db} export --format csv   |   "
            f"wartrace --db {settings.db} serve",
            highlight=False,
        )
    ctx.exit(_exit_status(ingested, processed))


@cli.command(name="export")
@click.option(
    "--format", "fmt", type=click.Choice(export.FORMATS), default="jsonl", show_default=True
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
    settings = _settings(ctx, db_path, quiet)
    _require_db(settings)
    conn = db.connect(settings.db)
    try:
        if fmt == "parquet":
            if out == "-":
                n = export.export(conn, fmt, None, sys.stdout.buffer, articles=articles)
            else:
                with open(out, "wb") as fb:
                    n = export.export(conn, fmt, None, fb, articles=articles)
        elif out == "-":
            n = export.export(conn, fmt, sys.stdout, None, articles=articles)
        else:
            with open(out, "w", encoding="utf-8", newline="") as ft:
                n = export.export(conn, fmt, ft, None, articles=articles)
    finally:
        conn.close()
    if not settings.quiet and out != "-":
        err_console.print(f"wrote {n} {'articles' if articles else 'events'} to {out}")


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable figures.")
@common_options
@click.pass_context
def evaluate(
    ctx: click.Context, corpus: str, as_json: bool, db_path: str | None, quiet: bool
) -> None:
    """Run the pipeline on CORPUS's articles in a fresh database and score it against its gold.

    The gold is read only for scoring. --db keeps the evaluation database at that path
    (it must not exist yet); by default it is temporary.
    """
    from wartrace.eval import format_table, load_gold, score, scores_to_dict

    settings = _settings(ctx, db_path, quiet)
    with tempfile.TemporaryDirectory(prefix="wartrace-eval-") as tmp:
        path = db_path or str(Path(tmp) / "eval.db")
        if db_path and Path(db_path).exists():
            raise click.ClickException(f"{db_path} exists; evaluate needs a fresh database")
        run_settings = Settings(db=path, quiet=settings.quiet or as_json)
        ingested = _do_ingest(run_settings, [corpus])
        _report_ingest(ingested, run_settings.quiet)
        _do_process(run_settings)
        conn = db.connect(path)
        try:
            events = export.event_records(conn)
            articles = export.article_records(conn)
        finally:
            conn.close()
    scores = score(load_gold(Path(corpus)), events, articles)
    if as_json:
        click.echo(json.dumps(scores_to_dict(scores), indent=2))
    else:
        click.echo(format_table(scores))


@cli.command()
@click.argument("article_id")
@common_options
@click.pass_context
def show(ctx: click.Context, article_id: str, db_path: str | None, quiet: bool) -> None:
    """Show one article: its origin, language, events and claims, and how it links to others."""
    from wartrace.link import describe_links

    settings = _settings(ctx, db_path, quiet)
    _require_db(settings)
    conn = db.connect(settings.db)
    try:
        try:
            row = db.load_article(conn, article_id)
        except KeyError:
            raise click.ClickException(f"no article {article_id!r} in {settings.db}") from None
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
                click.echo(
                    f"    {c['kind']} {c['qualifier']} {c['value']}"
                    f"{' ' + c['victims'] if c['victims'] else ''}"
                    f"{' — ' + c['claimant'] if c['claimant'] else ''}: “{quote}”"
                )
        lines = describe_links(conn, article_id)
        if lines:
            click.echo("")
            for line in lines:
                click.echo(line)
    finally:
        conn.close()


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--writable", is_flag=True, help="Open the database read-write (default: read-only).")
@common_options
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, writable: bool, db_path: str | None, quiet: bool
) -> None:
    """Serve the dashboard and JSON API over the database."""
    import uvicorn

    from wartrace.web.app import create_app

    settings = _settings(ctx, db_path, quiet)
    _require_db(settings)
    app = create_app(settings.db, read_only=not writable)
    if not settings.quiet:
        err_console.print(f"wartrace dashboard on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning" if settings.quiet else "info")


@cli.command()
@click.option("--since", required=True, help="First day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day (YYYY-MM-DD; default: latest event).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@common_options
@click.pass_context
def report(
    ctx: click.Context, since: str, until: str | None, out: str, db_path: str | None, quiet: bool
) -> None:
    """Write a self-contained HTML situation report for a period."""
    from wartrace.web.report import build_report

    settings = _settings(ctx, db_path, quiet)
    _require_db(settings)
    conn = db.connect(settings.db)
    try:
        html = build_report(conn, since, until)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        conn.close()
    Path(out).write_text(html, encoding="utf-8")
    if not settings.quiet:
        err_console.print(f"wrote {out}")


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="wartrace")
    except KeyboardInterrupt:
        err_console.print("interrupted; run the same command again to finish the work")
        sys.exit(130)
