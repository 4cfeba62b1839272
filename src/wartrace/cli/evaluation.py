"""`wartrace evaluate`: run a gold corpus in a fresh store and score it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from wartrace.cli.common import Settings, common_options, self_command, settings_for
from wartrace.cli.processing import ingest_paths, process_pending, report_rejected
from wartrace.store import db, export


@click.command()
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

    settings = settings_for(ctx, db_path, quiet)
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
        ingested = ingest_paths(run_settings, [corpus])
        report_rejected(ingested, run_settings.quiet)
        process_pending(run_settings)
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
