"""The bundled demo corpus: invented articles with gold, in the corpus FORMAT.md layout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def corpus_dir() -> Path:
    """The demo corpus folder (articles/, articles.jsonl, gold/)."""
    return Path(str(resources.files("wartrace.demo").joinpath("corpus")))


def extra_dir() -> Path:
    """Inputs beside the corpus that its .txt layout cannot hold (an HTML page)."""
    return Path(str(resources.files("wartrace.demo").joinpath("extra")))
