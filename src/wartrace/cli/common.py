"""What every verb shares: the --db/--quiet options, consoles, progress, exit codes.

Conventions: `--db` (or WARTRACE_DB) and `--quiet` are accepted before or after
the verb; summaries go to stdout, progress and errors to stderr; the exit
status is 1 when inputs were rejected or articles failed, 2 on usage errors, and
3-7 on operational failures (see ``store.access`` and the README), each with a
one-line message.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wartrace.store import access, db

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])

EXIT_REJECTED = 1


@dataclass(slots=True)
class Settings:
    db: str
    quiet: bool


def settings_for(ctx: click.Context, db_path: str | None, quiet: bool) -> Settings:
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


@cache
def err_console() -> Console:
    """Built on first use: rich is not imported by verbs that print nothing (start-up cost)."""
    from rich.console import Console

    return Console(stderr=True)


@cache
def out_console() -> Console:
    from rich.console import Console

    return Console(soft_wrap=True)


@contextmanager
def progress_bar(label: str, total: int | None, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr, shown only when stderr is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console(), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


class VerbGroup(click.Group):
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


def require_db(settings: Settings) -> None:
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
