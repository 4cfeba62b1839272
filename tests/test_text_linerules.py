"""Line rules tried only where they may match give the answer of trying every rule in order.

All lines here are invented.
"""

from __future__ import annotations

import re
import re._parser as sre_parse
import sys
from dataclasses import dataclass

import pytest

from wartrace.text.linerules import ASCII_TWINS, LineRules, required_words
from wartrace.text.resources import knowledge


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


def _rules(*patterns: str) -> list[Rule]:
    return [Rule(f"r{k}", re.compile(p, re.IGNORECASE)) for k, p in enumerate(patterns)]


def _every_rule(rules: list[Rule], line: str) -> str | None:
    return next((r.name for r in rules if r.pattern.fullmatch(line)), None)


def _needs(pattern: str) -> list[tuple[str, ...]]:
    return required_words(sre_parse.parse(pattern, re.IGNORECASE))


def test_a_literal_after_a_wildcard_is_required() -> None:
    assert ("all rights reserved",) in _needs(r".{0,80}all rights reserved\.?")


def test_a_branch_requires_one_word_of_each_alternative() -> None:
    assert _needs(r"(?:read more|see also)\s*:.*") == [("read more", "see also"), (":",)]


def test_an_optional_part_requires_nothing() -> None:
    assert _needs(r"\d+(?: views)?") == []


def test_a_class_of_punctuation_requires_one_of_its_characters() -> None:
    assert _needs(r".*(?:[{};=].*){3,}") == [("{", "}", ";", "=")]


def test_the_first_matching_rule_wins_as_when_every_rule_is_tried() -> None:
    rules = _rules(r".{0,40}all rights reserved\.?", r"(?:copyright|\(c\))\s*\d{4}.{0,60}", r".+")
    matcher = LineRules(rules)
    for line in (
        "Copyright 2024 All rights reserved.",  # the first and second rule match: the first
        "(c) 2024 Invented Media",
        "The convoy reached the town.",
        "ALL RİGHTS RESERVED",  # dotted capital I matches i under IGNORECASE
        "All rıghts reſerved",  # dotless i and long s too
    ):
        assert matcher.first(line) == _every_rule(rules, line), line


def test_every_non_ascii_letter_that_matches_an_ascii_one_is_a_twin() -> None:
    ascii_class = re.compile("[\x00-\x7f]", re.IGNORECASE)
    twins = {chr(cp) for cp in range(0x80, sys.maxunicode + 1) if ascii_class.fullmatch(chr(cp))}
    assert twins == set(ASCII_TWINS)
    for twin, letter in ASCII_TWINS.items():
        assert re.fullmatch(letter, twin, re.IGNORECASE)


INVENTED_LINES = [
    "Leave a comment",
    "12 Comments",
    "Share this article on Facebook",
    "Follow us on Telegram for the latest news",
    "1.234 views",
    "Dibaca: 2.345 kali",
    "Baca juga: Pasukan tiba di kota",
    "Read more: Convoy reaches the northern town",
    "Related Articles",
    "Tags: Invented, Example",
    "Soldiers patrol a market street. (Photo: Example Agency)",
    "Fighters gather near the front line. File photo",
    "Copyright 2025 Example Media Group. All rights reserved.",
    "COPYRİGHT 2025 EXAMPLE MEDIA GROUP",
    "Advertisement",
    "Home | World | Politics | Sport",
    "function(){ var a = 1; b = 2; c = 3; }",
    "https://example.org/invented/story",
    "3 jam yang lalu",
    "The convoy reached the northern town before dawn, officials said.",
    "Warga melihat puing bangunan setelah serangan di pasar.",
    "",
]


@pytest.mark.parametrize("line", INVENTED_LINES)
def test_the_project_rules_answer_as_when_every_rule_is_tried(line: str) -> None:
    kn = knowledge()
    assert kn.line_matcher.first(line) == _every_rule(list(kn.line_rules), line)
