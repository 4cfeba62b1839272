"""The `wartrace` command line."""

from wartrace.cli.main import cli, main
from wartrace.cli.processing import demo_paths

__all__ = ["cli", "demo_paths", "main"]
