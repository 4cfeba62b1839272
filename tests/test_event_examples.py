"""ACLED sub-event coverage: invented example sentences, ten or more per sub-type, in English and
Indonesian (tests/data/event_examples_{lang}.yaml), coded one by one.

A rule-based coder will miss some examples; the test asserts how many it gets right per sub-type
and overall, so a change that breaks a kind of event (not one sentence) fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wartrace.extract import extract_events
from wartrace.models import TextAnalysis

DATA = Path(__file__).parent / "data"
SUB_TYPES = 25
MIN_EXAMPLES = 10
SUB_TYPE_FLOOR = 0.4  # a sub-type the coder misses more often than this is broken
OVERALL_FLOOR = 0.85


def _examples(lang: str) -> dict[str, list[str]]:
    with open(DATA / f"event_examples_{lang}.yaml", encoding="utf-8") as f:
        data: dict[str, list[str]] = yaml.safe_load(f)
    return data


def _coded(sentence: str, lang: str) -> tuple[str | None, str | None]:
    events = extract_events(
        sentence, TextAnalysis(clean_text=sentence, language=lang), published="2021-06-08"
    )
    return (events[0].event_type, events[0].sub_event_type) if events else (None, None)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_sub_event_type_has_ten_examples(lang: str) -> None:
    examples = _examples(lang)
    assert len(examples) == SUB_TYPES
    assert all(len(sents) >= MIN_EXAMPLES for sents in examples.values())


@pytest.mark.parametrize("lang", ["en", "id"])
def test_examples_code_to_their_sub_event_type(lang: str) -> None:
    right, total, weak = 0, 0, []
    for sub, sentences in _examples(lang).items():
        good = sum(_coded(s, lang)[1] == sub for s in sentences)
        right += good
        total += len(sentences)
        if good < SUB_TYPE_FLOOR * len(sentences):
            weak.append(f"{sub}: {good}/{len(sentences)}")
    assert not weak, weak
    assert right / total >= OVERALL_FLOOR, f"{right}/{total}"
