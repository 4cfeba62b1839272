"""Verbs that present the store: serve (dashboard and API) and report."""

from __future__ import annotations

from pathlib import Path

import click

from wartrace.cli.common import common_options, err_console, require_db, settings_for
from wartrace.store import access


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


@click.command()
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

    settings = settings_for(ctx, db_path, quiet)
    require_db(settings)
    _check_port_free(host, port)
    access.open_read_only(settings.db).close()  # refuse a foreign or newer file now, clearly
    app = create_app(settings.db, read_only=not writable)
    if not settings.quiet:
        err_console().print(f"wartrace dashboard on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning" if settings.quiet else "info",
        h11_max_incomplete_event_size=SERVER_LINE_LIMIT,  # so long URLs get 414, not a reset
    )


@click.command()
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

    settings = settings_for(ctx, db_path, quiet)
    folder = Path(out).absolute().parent
    if not folder.is_dir():
        raise click.ClickException(
            f"folder {folder} does not exist; create it or pick another --out"
        )
    fmt = fmt or ("pdf" if out.lower().endswith(".pdf") else "html")
    require_db(settings)
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
        err_console().print(f"wrote {out}")
