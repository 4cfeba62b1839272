"""The text stage's data files load, compile and agree with each other."""

from __future__ import annotations

import re

import pytest

from wartrace.text import resources


def test_knowledge_compiles() -> None:
    kn = resources.knowledge()
    assert kn.line_rules and kn.dateline_patterns and kn.credit_patterns
    assert {"en", "id", "ms", "ar"} <= set(kn.languages)


def test_every_language_file_has_the_same_keys() -> None:
    resources.check_language_keys()  # raises DataError on any difference
    files = resources.language_files()
    rule_sets = {code: set(d["boilerplate"]) for code, d in files.items()}
    first = next(iter(rule_sets.values()))
    assert all(rules == first for rules in rule_sets.values())


def test_every_pattern_compiles() -> None:
    for code, data in resources.language_files().items():
        for name, pats in data["boilerplate"].items():
            assert pats, f"{code}:{name} has no pattern"
            for p in pats:
                re.compile(p)
        for p in data["footer_start"]:
            re.compile(p)
    for pats in resources.common()["boilerplate"].values():
        for p in pats:
            re.compile(p)


def test_no_boilerplate_pattern_matches_an_empty_or_plain_line() -> None:
    kn = resources.knowledge()
    for rule in kn.line_rules:
        assert not rule.pattern.fullmatch(""), rule.name
        # invented neutral sentence: no rule may swallow ordinary prose
        assert not rule.pattern.fullmatch(
            "The convoy reached the northern town before dawn, officials said."
        ), rule.name


def test_months_weekdays_and_hijri_months_are_valid() -> None:
    kn = resources.knowledge()
    assert kn.dates.months["februari"] == 2 and kn.dates.months["august"] == 8
    assert set(kn.hijri_months.values()) == set(range(1, 13))
    for code, data in resources.language_files().items():
        assert data["dates"]["weekdays"], code
        assert all(1 <= m <= 12 for m in data["dates"]["months"].values()), code


def test_agency_table_is_well_formed() -> None:
    table = resources.agencies()
    assert table["ara"] == "ARA News"
    assert table["afp"] == "AFP"
    assert all(v.strip() for v in table.values())


def test_language_settings_are_consistent() -> None:
    cfg = resources.language_settings()
    markers = cfg["id_ms"]["markers"]
    assert set(markers) == {"id", "ms"}
    # a word in both lists would only cancel itself out
    assert not set(markers["id"]) & set(markers["ms"])
    assert set(cfg["id_ms"]["domain_prior"].values()) <= {"id", "ms"}
    assert {"en", "id", "ms", "ar"} <= set(cfg["detector"]["candidates"])


def test_bad_pattern_gives_a_clear_error() -> None:
    with pytest.raises(resources.DataError, match="does not compile"):
        resources._compile("(unclosed", "test.yaml:rule")
