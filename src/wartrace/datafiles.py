"""Reading the package's YAML data files quickly.

libyaml's loader (PyYAML's C extension) parses the lexicons about ten times faster than the
pure-Python one, and every process (each Dask worker too) parses them at start-up. It
builds the same safe types; without libyaml the pure-Python loader is used.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load``, with libyaml when available."""
    return yaml.load(text, Loader=SAFE_LOADER)
