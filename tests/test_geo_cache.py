"""Building, caching and reusing the compiled gazetteer (with a stand-in build: fast)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import ahocorasick
import pytest

from wartrace.geo import gazetteer as gz


def _tiny() -> gz.Gazetteer:
    automaton = ahocorasick.Automaton()
    automaton.add_word(" test town ", ("test town", (0,)))
    automaton.make_automaton()
    place = gz.Place("Test Town", "city", "SY", "Homs", None, 34.0, 38.0, 100, 1, "invented")
    return gz.Gazetteer([place], automaton, frozenset(), {}, {})


@pytest.fixture
def counted_build(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def fake_build() -> gz.Gazetteer:
        calls.append(1)
        time.sleep(0.2)  # long enough for a second builder to arrive meanwhile
        return _tiny()

    monkeypatch.setattr(gz, "build", fake_build)
    return calls


def test_build_once_then_reuse(tmp_path: Path, counted_build: list[int]) -> None:
    first = gz.load(tmp_path)
    second = gz.load(tmp_path)
    assert len(counted_build) == 1
    assert first.lookup("Test Town") == second.lookup("Test-town") == [0]
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1


def test_rebuild_when_the_data_hash_changes(
    tmp_path: Path, counted_build: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    gz.load(tmp_path)
    monkeypatch.setattr(gz, "_data_hash", lambda: "otherversion0000")
    gz.load(tmp_path)
    assert len(counted_build) == 2
    assert [p.name for p in tmp_path.glob("gazetteer-*.pickle")] == [
        "gazetteer-otherversion0000.pickle"
    ]


def test_corrupt_artefact_is_rebuilt(tmp_path: Path, counted_build: list[int]) -> None:
    gz.artefact_path(tmp_path).parent.mkdir(parents=True, exist_ok=True)
    gz.artefact_path(tmp_path).write_bytes(b"not a pickle")
    assert gz.load(tmp_path).lookup("Test Town") == [0]
    assert len(counted_build) == 1


def test_two_builders_at_once_build_once(tmp_path: Path, counted_build: list[int]) -> None:
    results: list[gz.Gazetteer] = []
    threads = [threading.Thread(target=lambda: results.append(gz.load(tmp_path))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3 and len(counted_build) == 1
    assert not list(tmp_path.glob(".gazetteer-*.tmp"))


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTRACE_CACHE", str(tmp_path / "c"))
    assert gz.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("WARTRACE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert gz.cache_dir() == tmp_path / "x" / "wartrace"
