"""One article's cost is capped: a huge single-line article is rejected at ingest, a long
one is analysed on a bounded prefix with a warning, so neither stalls a run. Invented text."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wartrace import limits, pipeline
from wartrace.link import index
from wartrace.store import db

# invented; every sentence an incident, the worst case for pairwise grouping
SENTENCE = (
    "Invented Wire - Gunmen attacked a checkpoint near the invented town of Marrow on Monday,"
    " killing 3 soldiers, officials said. "
)


def _text(size: int) -> str:
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size]


def _article(text: str) -> dict[str, object]:
    return {"raw_text": text, "url": None, "outlet": None, "published": "2021-03-04", "title": None}


def _timed_analysis(text: str) -> tuple[float, list[str]]:
    start = time.perf_counter()
    analysis, _ = pipeline.analyse_article(_article(text), set())
    return time.perf_counter() - start, analysis.warnings


def test_a_long_article_costs_about_what_the_capped_prefix_costs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A smaller cap keeps the test quick; the measured figures with the real cap (50,000
    # characters) are in the README and the issue note.
    monkeypatch.setattr(limits, "MAX_ANALYSED_CHARS", 8_000)
    pipeline.analyse_article(_article(SENTENCE * 3), set())  # resources loaded once
    capped, warnings = _timed_analysis(_text(8_000))
    assert not any("only the first" in w for w in warnings)
    big, warnings = _timed_analysis(_text(500_000))
    assert any("only the first 8000" in w for w in warnings)
    # Sixty times the text, about the same time (the uncapped cost grows faster than the text).
    assert big < 2 * capped + 1.0, (big, capped)


def test_the_link_index_reads_the_same_prefix() -> None:
    row = {
        "article_id": "x",
        "raw_text": _text(500_000),
        "boilerplate": None,
        "language": "en",
        "published": "2021-03-04",
        "printed_date": None,
    }
    item = index.build_index(row)  # type: ignore[arg-type]
    assert max(p.end for p in item.passages) <= limits.MAX_ANALYSED_CHARS


def test_a_ten_megabyte_single_line_article_is_rejected_quickly(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text(_text(10_000_000), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "huge-line", "text": _text(10_000_000)})
        + "\n"
        + json.dumps({"id": "fine", "text": SENTENCE})
        + "\n",
        encoding="utf-8",
    )
    conn = db.connect(tmp_path / "w.db")
    start = time.perf_counter()
    result = pipeline.ingest(conn, [tmp_path])
    elapsed = time.perf_counter() - start
    assert result.counts.added == 1
    assert len(result.errors) == 2
    assert all("text too long" in e.message for e in result.errors)
    assert elapsed < 30, elapsed  # reading and refusing 20 MB, not analysing it
