"""The `wartrace` command group; each verb lives with its kind (processing, reading,
serving, evaluation)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from wartrace import __version__
from wartrace.cli import evaluation, processing, reading, serving
from wartrace.cli.common import VerbGroup, common_options, err_console, settings_for


@click.group(cls=VerbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wartrace")
@common_options
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, quiet: bool) -> None:
    """wartrace: news about armed conflict in, an ACLED-style event dataset out.

    Typical use: `wartrace run articles/` then `wartrace export --format csv`.
    """
    ctx.obj = settings_for(ctx, db_path, quiet)


for verb in (
    processing.run,
    processing.ingest,
    processing.process,
    processing.watch,
    processing.demo,
    reading.export_cmd,
    reading.list_cmd,
    reading.show,
    serving.serve,
    serving.report,
    evaluation.evaluate,
):
    cli.add_command(verb)


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="wartrace")
    except KeyboardInterrupt:
        err_console().print("interrupted; run the same command again to finish the work")
        sys.exit(130)
