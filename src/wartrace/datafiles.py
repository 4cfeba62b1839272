"""Reading the package's YAML data files quickly, and without YAML 1.1's boolean words.

libyaml's loader (PyYAML's C extension) parses the lexicons about ten times faster than the
pure-Python one, and every process (each Dask worker too) parses them at start-up. It
builds the same safe types; without libyaml the pure-Python loader is used.

PyYAML follows YAML 1.1, where a bare ``on``, ``off``, ``yes``, ``no``, ``y`` or ``n`` is a
boolean. In word lists those are words: the preposition "on", Norwegian's code "no". Only
``true`` and ``false`` are booleans here, as in YAML 1.2's core schema.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_BOOL_TAG = "tag:yaml.org,2002:bool"
_BOOL_WORDS = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def yaml12_loader(base: Any) -> Any:
    """A subclass of the safe loader ``base`` whose only booleans are true and false."""

    class Loader(base):
        pass

    # Resolvers are class-level and inherited by reference: give the class its own table
    # without YAML 1.1's bool resolver, then add YAML 1.2's.
    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(_BOOL_TAG, _BOOL_WORDS, list("tTfF"))
    return Loader


SAFE_LOADER: Any = yaml12_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_yaml(text: str) -> Any:
    """``yaml.safe_load``, with libyaml when available, ``on``/``no``/``yes`` read as words."""
    return yaml.load(text, Loader=SAFE_LOADER)
