"""The run keeps the garbage collector off the loaded knowledge, and only during the run.

Texts are invented.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from wartrace import pipeline
from wartrace.store import db

STORY = (
    "INVENTED TOWN (Invented Wire) - Gunmen attacked a checkpoint in an invented town on "
    "Monday, killing {k} soldiers, a monitor said.\n"
)


def test_process_freezes_what_the_analysis_loaded_and_unfreezes_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):
        (inputs / f"a{n}.txt").write_text(STORY.format(k=n + 2), encoding="utf-8")
    frozen: list[int] = []
    thresholds: list[int] = []
    real_freeze = gc.freeze
    before = gc.get_threshold()

    def freeze() -> None:
        real_freeze()
        frozen.append(gc.get_freeze_count())
        thresholds.append(gc.get_threshold()[0])

    monkeypatch.setattr(gc, "freeze", freeze)
    conn = db.connect(tmp_path / "w.db")
    try:
        pipeline.ingest(conn, [inputs])
        result = pipeline.process(conn, batch_size=1)
    finally:
        conn.close()
    assert result.processed == 3
    # Frozen once the first article had loaded the English lexicons, not again after.
    assert len(frozen) == 1 and frozen[0] > 0
    assert gc.get_freeze_count() == 0
    # The youngest generation is collected less often during the run, as before after it.
    assert thresholds == [max(before[0], pipeline.FrozenKnowledge.YOUNG_THRESHOLD)]
    assert gc.get_threshold() == before
