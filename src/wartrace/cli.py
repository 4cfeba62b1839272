"""The `wartrace` command.

Conventions: `--db` (or WARTRACE_DB) and `--quiet` are accepted before or after
the verb; summaries go to stdout, progress and errors to stderr; the exit
status is 1 when inputs were rejected or articles failed, 2 on usage errors, and
3-7 on operational failures (see ``store.access`` and the README), each with a
one-line message.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wartrace import __version__
from wartrace.store import access, db, export

if TYPE_CHECKING:  # the pipeline is imported by the verbs that run it (start-up cost)
    from wartrace import pipeline

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


class _Group(click.Group):
    """Operational failures (locked, read-only, corrupt, disk full...) end in one line on
    stderr and their own exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away (`wartrace export | head`): not a failure of ours.
            with suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except access.OPERATIONAL as exc:
            failure = access.failure_of(exc)
            click.echo(f"error: {failure.message}", err=True)
            ctx.exit(failure.code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
    from wartrace import pipeline

    conn = access.connect_writer(settings.db)
    try:
        with progress_bar("Ingesting", None, settings.quiet) as advance:
            return pipeline.ingest(conn, paths, advance)
    finally:
        conn.close()


def _do_process(
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
                from wartrace.scale import DaskRunner, connect_cluster

                with connect_cluster(workers, scheduler) as client:
                    result = pipeline.process(conn, advance, DaskRunner(client))
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


DEMO_DB = "wartrace-demo.db"


def self_command() -> str:
    """How to run wartrace again as this process was run: hints must work as printed."""
    argv0 = sys.argv[0] if sys.argv else "wartrace"
    if Path(argv0).name == "__main__.py":  # python -m wartrace
        return f"{_short_path(sys.executable)} -m wartrace"
    found = shutil.which("wartrace")
    if found and Path(found).resolve() == Path(argv0).resolve():
        return "wartrace"
    return _short_path(argv0) if Path(argv0).exists() else "wartrace"


def _short_path(path: str) -> str:
    """``path`` relative to the working folder when it lies inside it, else absolute."""
    full = Path(path).absolute()
    try:
        return str(full.relative_to(Path.cwd()))
    except ValueError:
        return str(full)


def _require_db(settings: Settings) -> None:
    """Verbs that only read must not create an empty database by mistake."""
    if Path(settings.db).exists():
        return
    hint = "run `wartrace run PATH...` first"
    if Path(DEMO_DB).exists() and Path(settings.db).name != DEMO_DB:
        verb = click.get_current_context().info_name
        hint = f"the demo's is {DEMO_DB}: `{self_command()} --db {DEMO_DB} {verb}`"
    raise access.StoreError(f"no database at {settings.db}; {hint}", access.EXIT_NO_PATH)


PATHS = click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True)
)


@cli.command()
@PATHS
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Analyse on a local Dask cluster of N processes (1: in this process).",
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
    settings = _settings(ctx, db_path, quiet)
    ingested = _do_ingest(settings, paths)
    _report_ingest(ingested, settings.quiet)
    processed = _do_process(settings, workers, scheduler)
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
    _require_db(settings)
    processed = _do_process(settings)
    _summary(settings, None, processed)
    ctx.exit(_exit_status(None, processed))


@cli.command()
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

    settings = _settings(ctx, db_path, quiet)
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
        me = self_command()
        out_console.print(
            f"Next: {me} --db {settings.db} serve   |   "
            f"{me} --db {settings.db} list   |   {me} --db {settings.db} export --out events.csv",
            highlight=False,
        )
    ctx.exit(_exit_status(ingested, processed))


EXTENSION_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def format_from_extension(out: str) -> str:
    """The export format an --out name asks for; JSONL for stdout and unknown extensions."""
    suffix = Path(out).suffix.lower()
    if suffix == ".json":
        raise click.UsageError(
            "--out *.json: export writes JSON lines; name the file .jsonl, or pass --format"
        )
    return EXTENSION_FORMATS.get(suffix, "jsonl") if out != "-" else "jsonl"


@cli.command(name="export")
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
    settings = _settings(ctx, db_path, quiet)
    fmt = fmt or format_from_extension(out)
    _require_db(settings)
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
    from wartrace import eval as ev

    settings = _settings(ctx, db_path, quiet)
    # Gold first: a malformed gold fails before the pipeline runs. An ACLED-coded corpus
    # (gold.jsonl, one ACLED row per article) is scored by its own rules (eval/README.md).
    acled = ev.is_acled_corpus(Path(corpus))
    if not acled and not (Path(corpus) / "gold" / "events.jsonl").is_file():
        raise click.ClickException(
            f"{corpus} has no gold/events.jsonl (or ACLED-coded gold.jsonl) to score against; "
            f"to just process its articles: `{self_command()} run {corpus}`"
        )
    try:
        gold = ev.load_acled_gold(Path(corpus)) if acled else ev.load_gold(Path(corpus))
    except ev.GoldError as exc:
        raise click.ClickException(str(exc)) from None
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
    if isinstance(gold, list):
        rows = ev.score_acled(gold, events, articles)
        click.echo(
            json.dumps(ev.acled_to_dict(rows), indent=2) if as_json else ev.format_acled(rows)
        )
        return
    scores = ev.score(gold, events, articles)
    if as_json:
        click.echo(json.dumps(ev.scores_to_dict(scores), indent=2))
    else:
        click.echo(ev.format_table(scores))


@cli.command()
@click.argument("article_id", metavar="ID")
@common_options
@click.pass_context
def show(ctx: click.Context, article_id: str, db_path: str | None, quiet: bool) -> None:
    """Show one article (origin, language, events, claims, links) or one event by its id.

    `wartrace list` and `wartrace list --articles` print the ids.
    """
    from wartrace.link import describe_links
    from wartrace.link.reconcile import claim_status

    settings = _settings(ctx, db_path, quiet)
    _require_db(settings)
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


def _check_port_free(host: str, port: int) -> None:
    """Fail with one line, before starting anything, when the address is taken."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise click.ClickException(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                f"is another server running? Try --port {port + 1}"
            ) from None


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
                click.echo(
                    f"    {c['kind']} {c['qualifier']} {c['value']}"
                    f"{' — ' + c['claimant'] if c['claimant'] else ''}: “{quote}”"
                )
    return True


def _fatalities_line(e: dict[str, Any]) -> str:
    line = str(e["fatalities"])
    low, high = e.get("fatalities_low"), e.get("fatalities_high")
    if low is not None and high is not None and low != high:
        line += f" (reports range {low}–{high})"
    return line


@cli.command(name="list")
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

    settings = _settings(ctx, db_path, quiet)
    f, errors = listing.parse(filter_values)
    if errors:
        raise click.UsageError("; ".join(errors))
    _require_db(settings)
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
    out_console.print(table)
    if not settings.quiet and len(rows) == limit:
        err_console.print(f"first {limit} shown; --limit N for more")


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

    from wartrace.web.app import SERVER_LINE_LIMIT, create_app

    settings = _settings(ctx, db_path, quiet)
    _require_db(settings)
    _check_port_free(host, port)
    access.open_read_only(settings.db).close()  # refuse a foreign or newer file now, clearly
    app = create_app(settings.db, read_only=not writable)
    if not settings.quiet:
        err_console.print(f"wartrace dashboard on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning" if settings.quiet else "info",
        h11_max_incomplete_event_size=SERVER_LINE_LIMIT,  # so long URLs get 414, not a reset
    )


@cli.command()
@click.option("--since", required=True, help="First day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last day (YYYY-MM-DD; default: latest event).")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False), help="File to write (.html or .pdf)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf"]),
    default=None,
    help="html, or pdf printed by Chromium (default: from the --out extension).",
)
@common_options
@click.pass_context
def report(
    ctx: click.Context,
    since: str,
    until: str | None,
    out: str,
    fmt: str | None,
    db_path: str | None,
    quiet: bool,
) -> None:
    """Write a self-contained situation report (HTML, or PDF) for a period."""
    from wartrace.web.report import build_report, print_pdf

    settings = _settings(ctx, db_path, quiet)
    folder = Path(out).absolute().parent
    if not folder.is_dir():
        raise click.ClickException(
            f"folder {folder} does not exist; create it or pick another --out"
        )
    fmt = fmt or ("pdf" if out.lower().endswith(".pdf") else "html")
    _require_db(settings)
    conn = access.open_read_only(settings.db)
    try:
        result = build_report(conn, since, until)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        conn.close()
    if result.events == 0:
        click.echo(
            f"warning: no events dated {since} to {until or 'the latest'}; the report is empty",
            err=True,
        )
    if fmt == "pdf":
        try:
            print_pdf(result.html, Path(out))
        except RuntimeError as exc:
            raise click.ClickException(str(exc)) from None
    else:
        with access.atomic_file(out) as stream:
            stream.write(result.html)
    if not settings.quiet:
        err_console.print(f"wrote {out}")


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="wartrace")
    except KeyboardInterrupt:
        err_console.print("interrupted; run the same command again to finish the work")
        sys.exit(130)
