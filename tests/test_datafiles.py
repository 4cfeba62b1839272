"""The fast YAML loader reads every packaged data file exactly as the pure-Python one."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from wartrace.datafiles import load_yaml


def test_every_packaged_yaml_file_loads_the_same_with_libyaml() -> None:
    root = Path(str(resources.files("wartrace")))
    files = sorted([*root.rglob("*.yaml"), *root.rglob("*.yml")])
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text), path


def test_the_fast_loader_is_safe() -> None:
    try:
        load_yaml("!!python/object/apply:os.system ['true']")
    except yaml.YAMLError:
        return
    raise AssertionError("a python tag was constructed")
