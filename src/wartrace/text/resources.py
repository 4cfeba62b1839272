"""Load and validate the text stage's data files (loaded once, cached).

Knowledge lives in ``data/``: ``common.yaml`` (language-independent rules),
``lang/<code>.yaml`` (one file per language, all with the same keys),
``languages.yaml`` (language-ID settings) and ``agencies.tsv``. Adding a language
means adding a ``lang/<code>.yaml`` file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from wartrace.datafiles import load_yaml
from wartrace.text.linerules import LineRules

DATA = resources.files("wartrace.text") / "data"
FLAGS = re.IGNORECASE | re.UNICODE


class DataError(ValueError):
    """A data file is missing, malformed or has a pattern that does not compile."""


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DateWords:
    publish_labels: tuple[str, ...]
    update_labels: tuple[str, ...]
    weekdays: tuple[str, ...]
    months: dict[str, int]
    byline_words: tuple[str, ...]
    month_languages: dict[str, tuple[str, ...]]  # month word -> dateparser languages using it


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the text stage knows, compiled."""

    languages: tuple[str, ...]
    dateparser_languages: tuple[str, ...]
    line_rules: tuple[LineRule, ...]  # whole-line boilerplate rules, all languages
    line_matcher: LineRules  # the same rules, matched together
    footer_rules: tuple[re.Pattern[str], ...]
    nav_line: re.Pattern[str]
    footer_sentence_words: int
    qa_question_words: int  # a teaser question is at most this long
    qa_min_questions: int  # this many question-led lines close together make a Q&A block
    qa_max_gap: int  # non-blank lines allowed between two questions of one block
    qa_zone_from: float  # share of the text before which a question block is the story's own
    dateline_patterns: tuple[re.Pattern[str], ...]
    credit_patterns: tuple[re.Pattern[str], ...]
    signoff_patterns: tuple[re.Pattern[str], ...]
    source_line: re.Pattern[str]
    agency_line: re.Pattern[str]
    link_words: frozenset[str]
    agencies: dict[str, str]  # casefolded variant -> canonical name
    dates: DateWords
    hijri_months: dict[str, int]
    hijri_era: tuple[str, ...]
    hijri_tolerance_days: int
    timezones: tuple[str, ...]
    date_line_max_other_words: int
    date_line_top_lines: int
    headline: dict[str, int]
    dateline_top_lines: int
    domain: re.Pattern[str]  # an outlet written as a domain name
    byline_words: frozenset[str]


def _read_yaml(path: Any) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping at the top level")
    return data


def _compile(pattern: str, where: str, flags: int = FLAGS) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataError(f"{where}: pattern {pattern!r} does not compile: {exc}") from exc


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first so phrases win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    for key, value in placeholders.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


@cache
def language_files() -> dict[str, dict[str, Any]]:
    """Raw per-language data, keyed by language code."""
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted((DATA / "lang").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            data = _read_yaml(entry)
            code = data.get("language")
            if code != entry.name.removesuffix(".yaml"):
                raise DataError(f"{entry}: 'language' must be {entry.name[:-5]!r}, got {code!r}")
            out[code] = data
    if not out:
        raise DataError("no language files in data/lang")
    return out


@cache
def common() -> dict[str, Any]:
    return _read_yaml(DATA / "common.yaml")


@cache
def language_settings() -> dict[str, Any]:
    return _read_yaml(DATA / "languages.yaml")


@cache
def agencies() -> dict[str, str]:
    out: dict[str, str] = {}
    text = (DATA / "agencies.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise DataError(f"agencies.tsv line {n}: expected 'variant<TAB>canonical'")
        out[parts[0].strip().casefold()] = parts[1].strip()
    return out


def _key_shape(value: Any) -> Any:
    """The nested key structure of a language file (values ignored except mapping keys)."""
    if isinstance(value, dict):
        return {k: _key_shape(v) for k, v in value.items() if k not in ("months",)}
    return None


def check_language_keys() -> None:
    """Every language file must have the same keys (so every rule exists everywhere)."""
    files = language_files()
    ref_code, ref = next(iter(files.items()))
    ref_shape = _key_shape(ref)
    for code, data in files.items():
        if _key_shape(data) != ref_shape:
            raise DataError(f"lang/{code}.yaml keys differ from lang/{ref_code}.yaml")


@cache
def knowledge() -> Knowledge:
    """Compile every data file once; raises DataError with the file and pattern at fault."""
    check_language_keys()
    com = common()
    langs = language_files()
    placeholders = {str(k): str(v) for k, v in com["placeholders"].items()}

    rules: list[LineRule] = []
    for name, pats in com["boilerplate"].items():
        rules += [LineRule(name, _compile(p, f"common.yaml:{name}")) for p in pats]
    footer: list[re.Pattern[str]] = []
    nav_words: list[str] = []
    source_labels: list[str] = []
    agency_words: list[str] = []
    link_words: set[str] = set()
    publish: list[str] = []
    update: list[str] = []
    weekdays: list[str] = []
    months: dict[str, int] = {}
    month_langs: dict[str, tuple[str, ...]] = {}
    bylines: list[str] = []
    for code, data in langs.items():
        for name, pats in data["boilerplate"].items():
            rules += [LineRule(name, _compile(p, f"lang/{code}.yaml:{name}")) for p in pats]
        footer += [_compile(p, f"lang/{code}.yaml:footer_start") for p in data["footer_start"]]
        nav_words += data["nav_words"]
        source_labels += data["source_labels"]
        agency_words += data["agency_words"]
        link_words |= {w.casefold() for w in data["link_words"]}
        d = data["dates"]
        publish += d["publish_labels"]
        update += d["update_labels"]
        weekdays += d["weekdays"]
        bylines += d["byline_words"]
        for month, num in d["months"].items():
            if not isinstance(num, int) or not 1 <= num <= 12:
                raise DataError(f"lang/{code}.yaml: month {month!r} -> {num!r} not in 1..12")
            months[str(month).casefold()] = num
            key = str(month).casefold()
            month_langs[key] = (*month_langs.get(key, ()), str(data["dateparser"]))

    nav = _compile(
        rf"(?:(?<!\w)(?:{_alternation(nav_words)})(?!\w)|[\s|•·/›»>:,.\-–—]+)+",
        "nav_words",
    )
    name = r"(?P<name>[^\W\d_][^|\n]{1,60}?)"
    source_line = _compile(
        rf"[(\[]?\s*(?:{_alternation(source_labels)})\s*[:：]\s*{name}"
        r"\s*(?:[)\]]|\s{2,}.*|\s*[|;].*|\.)?\s*",
        "source_labels",
    )
    agency_line = _compile(
        rf"[(\[]?\s*(?:{_alternation(agency_words)})\s+{name}\s*[)\]]?\.?\s*", "agency_words"
    )
    hijri: dict[str, int] = {}
    for num, names in com["hijri_months"].items():
        if not 1 <= int(num) <= 12:
            raise DataError(f"common.yaml: Hijri month {num!r} not in 1..12")
        for n in names:
            hijri[str(n).casefold()] = int(num)

    def case_sensitive(pats: list[str], where: str) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(_expand(p, placeholders), where, re.UNICODE) for p in pats)

    return Knowledge(
        languages=tuple(langs),
        dateparser_languages=tuple(str(d["dateparser"]) for d in langs.values()),
        line_rules=tuple(rules),
        line_matcher=LineRules(rules),
        footer_rules=tuple(footer),
        nav_line=nav,
        footer_sentence_words=int(com["footer_sentence_words"]),
        qa_question_words=int(com["qa_teasers"]["question_words"]),
        qa_min_questions=int(com["qa_teasers"]["min_questions"]),
        qa_max_gap=int(com["qa_teasers"]["max_gap_lines"]),
        qa_zone_from=float(com["qa_teasers"]["zone_from"]),
        dateline_patterns=case_sensitive(com["dateline_patterns"], "common.yaml:dateline"),
        credit_patterns=case_sensitive(com["credit_patterns"], "common.yaml:credit"),
        signoff_patterns=case_sensitive(com["signoff_patterns"], "common.yaml:signoff"),
        source_line=source_line,
        agency_line=agency_line,
        link_words=frozenset(link_words),
        agencies=agencies(),
        dates=DateWords(
            publish_labels=tuple(publish),
            update_labels=tuple(update),
            weekdays=tuple(weekdays),
            months=months,
            byline_words=tuple(bylines),
            month_languages=month_langs,
        ),
        hijri_months=hijri,
        hijri_era=tuple(com["hijri_era"]),
        hijri_tolerance_days=int(com["hijri_tolerance_days"]),
        timezones=tuple(com["timezones"]),
        date_line_max_other_words=int(com["date_line_max_other_words"]),
        date_line_top_lines=int(com["date_line_top_lines"]),
        headline={k: int(v) for k, v in com["headline"].items()},
        dateline_top_lines=int(com["dateline_top_lines"]),
        domain=_compile(placeholders["DOMAIN"], "common.yaml:DOMAIN"),
        byline_words=frozenset(w.casefold() for w in bylines),
    )
