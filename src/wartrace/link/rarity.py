"""Names that never tie two stories, whatever the store holds so far: a country's names and
its people's, and the name of a first-level division. Every report of a conflict names its
country, and every report from a province names the province, so these names are common by
their kind. The store's document frequency cannot tell: a run links chunk by chunk, and while
it holds few reports of a country (articles sort by id, a neighbour's come later), its name
looks rare. Towns, people, figures and dates stay what ties an incident's texts.
Read from the geo and extract stages' data (never edited here)."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

from wartrace.datafiles import load_yaml
from wartrace.link.anchors import (
    caseless_anchor,
    caseless_rules,
    fold,
    geo_name_rows,
    name_anchor,
)

# A country's adjective starts like one of its names (Palestinian ~ Palestine, Afghan ~
# Afghanistan); its towns do not (Homs, Kabul).
COUNTRY_STEM_LETTERS = 4


def _admin1_rows() -> list[dict[str, str]]:
    path = resources.files("wartrace.geo") / "data" / "admin1.tsv"
    with path.open("r", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@cache
def _extract_countries() -> dict[str, Any]:
    path = resources.files("wartrace.extract") / "data" / "countries.yaml"
    with path.open("r", encoding="utf-8") as fh:
        return dict(load_yaml(fh.read()).get("countries") or {})


def _country_names(kinds: tuple[str, ...] = ("name",)) -> dict[str, set[str]]:
    """Country code -> the country's names in every language: the geo stage's curated names
    of these kinds whose target is a country, and the extractor's country names."""
    out: dict[str, set[str]] = {}
    for row in geo_name_rows():
        target = row.get("target") or ""
        if row.get("kind") in kinds and row.get("name") and target.isalpha() and target.isupper():
            out.setdefault(target, set()).add(str(row["name"]))
    for code, spec in _extract_countries().items():
        if spec.get("name"):
            out.setdefault(str(code), set()).add(str(spec["name"]))
    return out


def _anchors(words: set[str]) -> set[str]:
    out: set[str] = set()
    for word in words:
        for token in word.split():
            caseless = token[:1] in caseless_rules()[0]
            anchor = caseless_anchor(token) if caseless else name_anchor(token)
            if anchor is not None and anchor.startswith("p:"):
                out.add(anchor)
    return out


@cache
def country_anchors() -> frozenset[str]:
    """The anchors of country names and their adjectives, in every language (Syria, Suriah,
    Syrian, Palestinian)."""
    names = _country_names()
    words: set[str] = set()
    for country in _country_names(("name", "demonym")).values():
        words.update(country)
    for code, spec in _extract_countries().items():
        stems = {fold(n)[:COUNTRY_STEM_LETTERS] for n in names.get(str(code), ())}
        words.update(
            str(w) for w in spec.get("words") or [] if fold(str(w))[:COUNTRY_STEM_LETTERS] in stems
        )
    return frozenset(_anchors(words))


@cache
def province_anchors() -> frozenset[str]:
    """The anchors of first-level divisions' names and aliases of one word (Salahuddin), less
    the words of a town's name: a province named after its capital (Homs, Idlib) may name the
    town. A word of a longer name ("Muslim" of an autonomous region's) is no province name."""
    rows = _admin1_rows()
    names = {
        name
        for row in rows
        for name in [row.get("name") or "", *(row.get("aliases") or "").split("|")]
        if name and len(name.split()) == 1
    }
    towns = _anchors({str(row.get("capital") or "") for row in rows})
    return frozenset(_anchors(names) - towns)


@cache
def common_anchors() -> frozenset[str]:
    """Names common by their kind: never a rare anchor."""
    return country_anchors() | province_anchors()
